// Iterative prompt optimisation: the parts that need no model — the ranking rule on
// hand-made scores, suffixes and templates, the paraphrase bank and the choice of variants, and
// the stored rows (schema 4 and its migration).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "analysis/prompt_search.h"
#include "analysis/prompt_variants.h"
#include "model/prompt.h"
#include "store/prompt_searches.h"
#include "store/sqlite.h"
#include "store/store.h"

using namespace unveil;
using analysis::PromptScore;
namespace fs = std::filesystem;

namespace {

PromptScore score(const std::string& suffix, std::size_t correct, std::size_t n, double ece) {
  PromptScore s;
  s.suffix = suffix;
  s.correct = correct;
  s.n = n;
  s.accuracy = static_cast<double>(correct) / static_cast<double>(n);
  s.ece = ece;
  return s;
}

std::vector<std::string> order(std::vector<PromptScore> v) {
  std::vector<std::string> out;
  for (const auto& s : analysis::top_k(std::move(v), 100))
    out.push_back(s.suffix);
  return out;
}

}  // namespace

TEST(PromptSearchRanking, TheAccuracyBandComesBeforeTheEce) {
  // 31/50 = 0.62 is band 3, 29/50 = 0.58 band 2: the band wins although the ECE is far worse.
  EXPECT_EQ(order({score("b", 29, 50, 0.01), score("a", 31, 50, 0.30)}),
            (std::vector<std::string>{"a", "b"}));
  // Within band 3 (0.62 and 0.78) the lower ECE wins, although its accuracy is lower.
  EXPECT_EQ(order({score("hi", 39, 50, 0.20), score("lo", 31, 50, 0.05)}),
            (std::vector<std::string>{"lo", "hi"}));
  EXPECT_EQ(order({score("x", 4, 5, 0.3), score("y", 1, 5, 0.0), score("z", 3, 5, 0.1)}),
            (std::vector<std::string>{"x", "z", "y"}));  // bands 4, 3, 1
}

TEST(PromptSearchRanking, BandsAreExactAtTheirEdges) {
  // 3/5 = 0.6 exactly: band 3 (the study's float `0.6 // 0.2` gives 2.0; the rule means 3).
  EXPECT_EQ(analysis::accuracy_band(score("s", 3, 5, 0)), 3);
  EXPECT_EQ(analysis::accuracy_band(score("s", 1, 5, 0)), 1);
  EXPECT_EQ(analysis::accuracy_band(score("s", 5, 5, 0)), 5);  // accuracy 1 is band 5, alone
  EXPECT_EQ(analysis::accuracy_band(score("s", 0, 7, 0)), 0);
  EXPECT_EQ(analysis::accuracy_band(score("s", 59, 100, 0)), 2);
  EXPECT_EQ(analysis::accuracy_band(score("s", 60, 100, 0)), 3);
}

TEST(PromptSearchRanking, TheStudysBandIsPythonsFloatFloorDivision) {
  // PT.py ranks by int(acc // 0.2) in Python floats, where 0.6 // 0.2 == 2.0 and 1.0 // 0.2 ==
  // 4.0 (0.2 is slightly more than 1/5 in binary), 0.4 // 0.2 == 2.0 and 0.8 // 0.2 == 4.0.
  const auto py = analysis::BandRule::kPython;
  EXPECT_EQ(analysis::accuracy_band(score("s", 3, 5, 0), py), 2);
  EXPECT_EQ(analysis::accuracy_band(score("s", 5, 5, 0), py), 4);
  EXPECT_EQ(analysis::accuracy_band(score("s", 2, 5, 0), py), 2);
  EXPECT_EQ(analysis::accuracy_band(score("s", 4, 5, 0), py), 4);
  EXPECT_EQ(analysis::accuracy_band(score("s", 59, 100, 0), py), 2);
  // So under the study's rule an accuracy of 0.6 with a lower ECE ranks before 0.58.
  std::vector<analysis::PromptScore> v = {score("a", 29, 50, 0.2), score("b", 30, 50, 0.1)};
  const auto top = analysis::top_k(v, 2, py);
  EXPECT_EQ(top[0].suffix, "b");
  const auto exact = analysis::top_k(v, 2);
  EXPECT_EQ(exact[0].suffix, "b");  // band 3 beats band 2 there
  std::vector<analysis::PromptScore> w = {score("lo", 30, 50, 0.3), score("hi", 28, 50, 0.1)};
  EXPECT_EQ(analysis::top_k(w, 2, py)[0].suffix, "hi");  // 0.6 and 0.56: both band 2, lower ECE
  EXPECT_EQ(analysis::top_k(w, 2)[0].suffix, "lo");      // exact: 0.6 is band 3
}

TEST(PromptSearchRanking, TiesGoToHigherAccuracyThenText) {
  // Same band (3) and ECE: 0.7 before 0.64; then equal scores: byte order of the text.
  EXPECT_EQ(order({score("c", 32, 50, 0.1), score("b", 35, 50, 0.1), score("a", 32, 50, 0.1)}),
            (std::vector<std::string>{"b", "a", "c"}));
  // Accuracy compared exactly as correct/n across different n: 2/3 > 13/20.
  EXPECT_EQ(order({score("m", 13, 20, 0.1), score("n", 2, 3, 0.1)}),
            (std::vector<std::string>{"n", "m"}));
  EXPECT_EQ(order({score("B", 3, 4, 0.2), score("A", 6, 8, 0.2)}),
            (std::vector<std::string>{"A", "B"}));  // 3/4 == 6/8: text decides
  const auto top =
      analysis::top_k({score("a", 1, 5, 0), score("b", 2, 5, 0), score("c", 4, 5, 0)}, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].suffix, "c");
  EXPECT_EQ(top[1].suffix, "b");
}

TEST(PromptSuffix, CanonicalFormAndProblems) {
  EXPECT_EQ(analysis::canonical_suffix("  The answer\n might   be:  ( "), "The answer might be");
  EXPECT_EQ(analysis::canonical_suffix("Answer: ("), "Answer");
  EXPECT_EQ(analysis::canonical_suffix("If unsure, say so."), "If unsure, say so");
  EXPECT_EQ(analysis::canonical_suffix(" .:( "), "");
  EXPECT_NE(analysis::suffix_problem(""), "");
  EXPECT_NE(analysis::suffix_problem("Use {options}"), "");
  EXPECT_EQ(analysis::suffix_problem("The answer is"), "");
}

TEST(PromptSuffix, TheTemplateIsTheStudysPrompt) {
  // The study's optimisation script: question and options, "Please provide the option letter
  // directly.", then "<suffix>: (" on its own line (prompt_tuning/PT.py).
  EXPECT_EQ(analysis::suffix_template(model::kStudyTemplate, "The answer might be"),
            "{image}{hint}{question}\n{options}\nPlease provide the option letter directly.\n"
            "The answer might be: (");
  // A last line with a placeholder is kept; the suffix line is appended.
  EXPECT_EQ(analysis::suffix_template("{question}\n{options}", "Answer"),
            "{question}\n{options}\nAnswer: (");
  EXPECT_EQ(analysis::suffix_template("{question} {options}", "Answer"),
            "{question} {options}\nAnswer: (");
}

TEST(PromptBank, ParaphrasesAreDeterministicCanonicalAndNew) {
  const std::string seed = "The answer might be";
  const auto a = analysis::bank_paraphrases(seed);
  EXPECT_EQ(a, analysis::bank_paraphrases(seed));
  EXPECT_GE(a.size(), 30u);
  const std::set<std::string> unique(a.begin(), a.end());
  EXPECT_EQ(unique.size(), a.size());
  EXPECT_FALSE(unique.count(seed));
  for (const auto& p : a) {
    EXPECT_EQ(analysis::canonical_suffix(p), p);
    EXPECT_EQ(analysis::suffix_problem(p), "") << p;
  }
  for (const char* expected :
       {"The answer must be", "The answer could be", "The answer is probably", "The answer is",
        "The correct answer might be", "My answer might be", "I think the answer might be",
        "If unsure, answer I don't know. The answer might be", "Answer", "The option letter is"}) {
    EXPECT_TRUE(unique.count(expected)) << expected;
  }
  // A lead-in is recognised: it is swapped or removed, and the sentence after it keeps its parts.
  const auto led = analysis::bank_paraphrases("I think the answer is likely");
  const std::set<std::string> l(led.begin(), led.end());
  for (const char* expected : {"The answer is likely", "I believe the answer is likely",
                               "I think the answer might be", "I think my answer is likely"}) {
    EXPECT_TRUE(l.count(expected)) << expected;
  }
  EXPECT_FALSE(l.count("I believe I think the answer is likely"));
}

TEST(PromptBank, VariantsFollowTheSeedAndAreNeverRepeated) {
  const auto run = [](std::uint64_t seed) {
    analysis::VariantSource src({}, true, seed);
    std::set<std::string> seen = {"The answer might be"};
    std::vector<std::string> all;
    std::string parent = "The answer might be";
    for (int i = 0; i < 12; ++i) {
      const auto v = src.expand(parent, 5, seen);
      EXPECT_EQ(v.size(), 5u) << parent;
      if (v.empty()) break;
      all.insert(all.end(), v.begin(), v.end());
      parent = v.back();
    }
    return all;
  };
  const auto a = run(7);
  EXPECT_EQ(a, run(7));
  EXPECT_NE(a, run(8));
  const std::set<std::string> unique(a.begin(), a.end());
  EXPECT_EQ(unique.size(), a.size());
  EXPECT_FALSE(unique.count("The answer might be"));
}

TEST(PromptBank, WhenEveryNeighbourWasTriedVariantsComeFromTwoStepsAway) {
  const std::string parent = "The answer might be";
  const auto near = analysis::bank_paraphrases(parent);
  std::set<std::string> seen(near.begin(), near.end());
  seen.insert(parent);
  const std::set<std::string> before = seen;
  analysis::VariantSource src({}, true, 1);
  const auto v = src.expand(parent, 5, seen);
  ASSERT_EQ(v.size(), 5u);
  for (const auto& x : v) {
    EXPECT_FALSE(before.count(x)) << x;
    const bool two_steps = std::any_of(near.begin(), near.end(), [&](const std::string& c) {
      const auto cc = analysis::bank_paraphrases(c);
      return std::find(cc.begin(), cc.end(), x) != cc.end();
    });
    EXPECT_TRUE(two_steps) << x;
  }
  EXPECT_EQ(seen.size(), before.size() + 5);
}

TEST(PromptBank, TheUsersVariantsComeFirstAndRunOut) {
  analysis::VariantSource src({"U1", "U2", "U3"}, /*use_bank=*/false, 0);
  std::set<std::string> seen = {"U2"};
  EXPECT_EQ(src.expand("The answer is", 1, seen), (std::vector<std::string>{"U1"}));
  EXPECT_EQ(src.expand("The answer is", 5, seen), (std::vector<std::string>{"U3"}));
  EXPECT_TRUE(src.expand("The answer is", 5, seen).empty());
  analysis::VariantSource both({"Mine"}, true, 0);
  std::set<std::string> s2;
  const auto v = both.expand("The answer is", 3, s2);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0], "Mine");
  EXPECT_EQ(s2.size(), 3u);
}

class PromptSearchStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_psstore_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(PromptSearchStore, RowsAreWrittenAndReadBack) {
  auto st = store::Store::open(dir_ / "p.unveil");
  ASSERT_TRUE(st.ok()) << st.error().message;
  data::Dataset ds;
  ds.name = "d";
  ASSERT_TRUE(st->add_dataset(ds, "s", "llava").ok());
  store::PromptSearchRow row;
  row.dataset_id = (*st->datasets())[0].id;
  row.split = "test";
  row.settings = R"({"k":1})";
  auto id = store::create_prompt_search(*st, row);
  ASSERT_TRUE(id.ok()) << id.error().message;
  store::PromptSearchEntryRow e;
  e.round = 1;
  e.prompt = "A";
  e.accuracy = 0.5;
  e.ece = 0.25;
  e.n = 4;
  ASSERT_TRUE(store::add_prompt_search_entry(*st, *id, e).ok());
  e.prompt = "B";
  e.parent = "A";
  e.round = 2;
  ASSERT_TRUE(store::add_prompt_search_entry(*st, *id, e).ok());
  ASSERT_TRUE(store::mark_prompt_search_kept(*st, *id, 1, {"A"}).ok());
  ASSERT_TRUE(store::mark_prompt_search_kept(*st, *id, 2, {"B"}).ok());
  auto running = store::prompt_search(*st, *id);
  ASSERT_TRUE(running.ok());
  EXPECT_EQ(running->status, "running");  // this process owns it
  EXPECT_EQ(running->finished_at, "");
  ASSERT_TRUE(
      store::finish_prompt_search(*st, *id, "complete", R"({"k":1,"rounds_done":2})", {"B"}).ok());
  auto rows = store::prompt_searches(*st);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].status, "complete");
  EXPECT_EQ((*rows)[0].dataset_name, "d");
  EXPECT_EQ((*rows)[0].entries, 2u);
  EXPECT_NE((*rows)[0].finished_at, "");
  EXPECT_EQ((*rows)[0].settings, R"({"k":1,"rounds_done":2})");
  auto entries = store::prompt_search_entries(*st, *id);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].prompt, "A");
  EXPECT_EQ((*entries)[0].kept_through, 1);
  EXPECT_FALSE((*entries)[0].kept);
  EXPECT_EQ((*entries)[1].parent, "A");
  EXPECT_EQ((*entries)[1].kept_through, 2);
  EXPECT_TRUE((*entries)[1].kept);
  EXPECT_EQ((*entries)[1].n, 4u);
  EXPECT_FALSE((*entries)[1].run_id.has_value());
  EXPECT_FALSE(store::prompt_search(*st, *id + 1).ok());
}

TEST_F(PromptSearchStore, AVersion3ProjectKeepsItsSearchesWhenMigrated) {
  const fs::path f = dir_ / "v3.unveil";
  ASSERT_TRUE(store::create_schema_version_for_tests(f, 3).ok());
  {
    auto db = store::Db::open(f, SQLITE_OPEN_READWRITE);
    db->exec(
        "INSERT INTO datasets(name, source, format, root, created_at) VALUES('d','s','llava','/',"
        "'then');"
        "INSERT INTO prompt_searches(dataset_id, split, settings, status, created_at) "
        "VALUES(1, 'test', '{}', 'complete', 'then');"
        "INSERT INTO prompt_search_entries(search_id, round, prompt, accuracy, ece, kept) "
        "VALUES(1, 2, 'The answer is', 0.75, 0.125, 1);");
  }
  auto st = store::Store::open(f);
  ASSERT_TRUE(st.ok()) << st.error().message;
  auto rows = store::prompt_searches(*st);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].status, "complete");
  EXPECT_EQ((*rows)[0].finished_at, "");
  auto entries = store::prompt_search_entries(*st, 1);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].prompt, "The answer is");
  EXPECT_EQ((*entries)[0].accuracy, 0.75);
  EXPECT_TRUE((*entries)[0].kept);
  EXPECT_EQ((*entries)[0].kept_through, 0);  // the new columns' defaults
  EXPECT_EQ((*entries)[0].parent, "");
  EXPECT_FALSE((*entries)[0].run_id.has_value());
  auto db = store::Db::open(f, SQLITE_OPEN_READONLY);
  auto v = db->prepare("PRAGMA user_version");
  v.step();
  EXPECT_EQ(v.integer(0), store::kSchemaVersion);
}
