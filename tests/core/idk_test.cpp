// The "I don't know" analysis: the summaries and the prompt comparison on hand-made
// prediction sets with every number worked out here, then the real analysis on tiny demo models
// (runs made once and reused, numbers equal to a computation from the stored predictions, bad
// input refused before any run).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "analysis/idk_analysis.h"
#include "data/readers.h"
#include "model/prompt.h"
#include "store/store.h"
#include "test_util.h"
#include "tiny_demo_project.h"

using namespace unveil;
namespace fs = std::filesystem;
using test::make_set;

namespace {

// Three options, the third "I don't know", given as probabilities.
test::Row idk_row(std::string id, std::vector<double> p, int label, int idk = 2) {
  return {std::move(p), label, /*probs=*/true, idk, std::move(id)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Summaries, by hand.

TEST(IdkSummary, IdkItemsAdmitRateAndTheConfidenceOfAnswersGiven) {
  const auto set = make_set({
      idk_row("a", {0.10, 0.20, 0.70}, 2),  // IDK item, admitted
      idk_row("b", {0.65, 0.25, 0.10}, 2),  // IDK item, answered A with confidence .65
      idk_row("c", {0.15, 0.75, 0.10}, 2),  // IDK item, answered B with confidence .75
      idk_row("d", {0.50, 0.30, 0.20}, 0),  // right answer A: not an IDK item
      {{0.9, 0.1}, 1, true, -1, "e"},       // no IDK option at all: not an IDK item
  });
  const auto s = analysis::summarise_idk_items(set, 10);
  EXPECT_EQ(s.items, 5u);
  EXPECT_EQ(s.n, 3u);
  EXPECT_EQ(s.admitted, 1u);
  ASSERT_TRUE(s.admit_rate.has_value());
  EXPECT_NEAR(*s.admit_rate, 1.0 / 3.0, 1e-15);
  EXPECT_EQ(s.answered, 2u);
  ASSERT_TRUE(s.answered_confidence.has_value());
  EXPECT_NEAR(*s.answered_confidence, (0.65 + 0.75) / 2, 1e-12);
  // Ten bins over [0, 1]: .65 in bin 6, .75 in bin 7.
  const std::vector<std::size_t> hist{0, 0, 0, 0, 0, 0, 1, 1, 0, 0};
  EXPECT_EQ(s.answered_histogram.counts, hist);
}

TEST(IdkSummary, AnswerableFalseIdkRateAndAccuracyOnAnswered) {
  const auto set = make_set({
      idk_row("p", {0.70, 0.20, 0.10}, 0),  // right
      idk_row("q", {0.20, 0.10, 0.70}, 0),  // said "I don't know": a false IDK
      idk_row("r", {0.30, 0.60, 0.10}, 0),  // answered, wrong
      {{0.8, 0.2}, 0, true, -1, "s"},       // right, and offers no IDK option
      idk_row("t", {0.10, 0.20, 0.70}, 2),  // an IDK item: not answerable
  });
  const auto s = analysis::summarise_answerable(set);
  EXPECT_EQ(s.items, 5u);
  EXPECT_EQ(s.n, 4u);
  EXPECT_EQ(s.with_idk_option, 3u);
  EXPECT_EQ(s.said_idk, 1u);
  EXPECT_NEAR(*s.false_idk_rate, 1.0 / 3.0, 1e-15);
  EXPECT_EQ(s.correct, 2u);
  EXPECT_NEAR(*s.accuracy, 2.0 / 4.0, 1e-15);
  EXPECT_EQ(s.answered, 3u);
  EXPECT_NEAR(*s.accuracy_answered, 2.0 / 3.0, 1e-15);
}

TEST(IdkSummary, EmptySetsHaveNoRates) {
  const calib::PredictionSet empty;
  const auto i = analysis::summarise_idk_items(empty, 5);
  EXPECT_EQ(i.n, 0u);
  EXPECT_FALSE(i.admit_rate.has_value());
  EXPECT_FALSE(i.answered_confidence.has_value());
  EXPECT_EQ(i.answered_histogram.counts, std::vector<std::size_t>(5, 0));
  const auto a = analysis::summarise_answerable(empty);
  EXPECT_EQ(a.n, 0u);
  EXPECT_FALSE(a.accuracy.has_value());
  EXPECT_FALSE(a.false_idk_rate.has_value());
  EXPECT_FALSE(a.accuracy_answered.has_value());
  // Answerable items none of which offers an IDK option: accuracy, but no false-IDK rate.
  const auto no_option = analysis::summarise_answerable(make_set({{{0.8, 0.2}, 0, true, -1, "x"}}));
  EXPECT_EQ(no_option.n, 1u);
  EXPECT_FALSE(no_option.false_idk_rate.has_value());
  EXPECT_DOUBLE_EQ(*no_option.accuracy, 1.0);
  // A split whose items have no IDK option: no IDK items, so no admit rate.
  const auto none = analysis::summarise_idk_items(make_set({{{0.8, 0.2}, 0, true, -1, "x"}}), 10);
  EXPECT_EQ(none.items, 1u);
  EXPECT_EQ(none.n, 0u);
  EXPECT_FALSE(none.admit_rate.has_value());
}

TEST(IdkSummary, AllAdmittedAndNoneAdmitted) {
  const auto all = analysis::summarise_idk_items(
      make_set({idk_row("a", {0.1, 0.1, 0.8}, 2), idk_row("b", {0.2, 0.2, 0.6}, 2)}), 10);
  EXPECT_EQ(all.admitted, 2u);
  EXPECT_DOUBLE_EQ(*all.admit_rate, 1.0);
  EXPECT_EQ(all.answered, 0u);
  EXPECT_FALSE(all.answered_confidence.has_value());
  const auto none = analysis::summarise_idk_items(
      make_set({idk_row("a", {0.85, 0.1, 0.05}, 2), idk_row("b", {0.1, 0.45, 0.45}, 2)}), 10);
  EXPECT_EQ(none.admitted, 0u);  // b: a tie goes to the lowest index, B, not "I don't know"
  EXPECT_DOUBLE_EQ(*none.admit_rate, 0.0);
  EXPECT_NEAR(*none.answered_confidence, (0.85 + 0.45) / 2, 1e-12);
  EXPECT_EQ(none.answered_histogram.counts[8], 1u);
  EXPECT_EQ(none.answered_histogram.counts[4], 1u);
}

// ---------------------------------------------------------------------------------------------
// Prompt against prompt, by hand.

namespace {

calib::BootstrapOptions bootstrap(int replicates) {
  calib::BootstrapOptions o;
  o.replicates = replicates;
  o.seed = 7;
  return o;
}

const std::vector<double> kAdmit{0.1, 0.1, 0.8}, kAnswerA{0.8, 0.1, 0.1}, kAnswerB{0.1, 0.8, 0.1};

}  // namespace

TEST(IdkCompare, EveryItemAdmittedOnlyUnderTheVariantGivesPlusOneForSure) {
  // Five IDK items: the reference answers each (A), the variant admits each. Every item's
  // difference is +1, so every bootstrap replicate's is +1 as well: interval [1, 1].
  const auto ref =
      make_set({idk_row("1", kAnswerA, 2), idk_row("2", kAnswerA, 2), idk_row("3", kAnswerA, 2),
                idk_row("4", kAnswerA, 2), idk_row("5", kAnswerA, 2)});
  // The same items in another order, and one the reference never predicted.
  const auto var =
      make_set({idk_row("5", kAdmit, 2), idk_row("3", kAdmit, 2), idk_row("1", kAdmit, 2),
                idk_row("2", kAdmit, 2), idk_row("4", kAdmit, 2), idk_row("6", kAnswerA, 2)});
  // Answerable: four items, all right under the reference; the variant says "I don't know" on
  // one of them. Accuracy -1/4, false-IDK rate +1/4.
  const auto ref_a = make_set({idk_row("a", kAnswerA, 0), idk_row("b", kAnswerB, 1),
                               idk_row("c", kAnswerA, 0), idk_row("d", kAnswerA, 0)});
  const auto var_a = make_set({idk_row("a", kAnswerA, 0), idk_row("b", kAnswerB, 1),
                               idk_row("c", kAdmit, 0), idk_row("d", kAnswerA, 0)});
  auto c = analysis::compare_prompts(ref, var, ref_a, var_a, bootstrap(200), "default", "inviting");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->reference, "default");
  EXPECT_EQ(c->admit_rate.shared, 5u);
  EXPECT_DOUBLE_EQ(*c->admit_rate.difference.observed, 1.0);
  ASSERT_TRUE(c->admit_rate.difference.ci.has_value());
  EXPECT_DOUBLE_EQ(c->admit_rate.difference.ci->lo, 1.0);
  EXPECT_DOUBLE_EQ(c->admit_rate.difference.ci->hi, 1.0);
  EXPECT_TRUE(c->admit_rate.difference.significant());
  EXPECT_NE(c->admit_rate.verdict.find("\"inviting\" admits not knowing more often"),
            std::string::npos)
      << c->admit_rate.verdict;
  EXPECT_EQ(c->accuracy.shared, 4u);
  EXPECT_DOUBLE_EQ(*c->accuracy.difference.observed, -0.25);
  EXPECT_DOUBLE_EQ(*c->false_idk_rate.difference.observed, 0.25);
  // Per item the accuracy difference is 0, 0, -1, 0: a replicate's is minus the share of draws
  // that hit item c, between -1 and 0.
  ASSERT_TRUE(c->accuracy.difference.ci.has_value());
  EXPECT_GE(c->accuracy.difference.ci->lo, -1.0);
  EXPECT_LE(c->accuracy.difference.ci->hi, 0.0);
  EXPECT_NE(c->verdict.find("\"inviting\" admits not knowing more often (+1.000)"),
            std::string::npos)
      << c->verdict;
  EXPECT_FALSE(c->cancelled);
}

TEST(IdkCompare, DifferencesAreTheCalibPairedBootstrapOnTheSharedItems) {
  // Reference admits on 1 of 4 IDK items, the variant on 3: +0.5 observed.
  const auto ref = make_set({idk_row("1", kAdmit, 2), idk_row("2", kAnswerA, 2),
                             idk_row("3", kAnswerB, 2), idk_row("4", kAnswerA, 2)});
  const auto var = make_set({idk_row("1", kAdmit, 2), idk_row("2", kAdmit, 2),
                             idk_row("3", kAdmit, 2), idk_row("4", kAnswerA, 2)});
  const calib::PredictionSet none;
  auto c = analysis::compare_prompts(ref, var, none, none, bootstrap(500), "r", "v");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_DOUBLE_EQ(*c->admit_rate.difference.observed, 0.5);
  // The same resampling as calib's paired bootstrap of these sets (reused, not re-implemented).
  auto direct = calib::paired_bootstrap(ref, var, bootstrap(500));
  ASSERT_TRUE(direct.ok());
  const auto& d = direct->diff.at("idk_rate");
  EXPECT_EQ(c->admit_rate.difference.ci->lo, d.ci->lo);
  EXPECT_EQ(c->admit_rate.difference.ci->hi, d.ci->hi);
  EXPECT_LE(d.ci->lo, 0.5);
  EXPECT_GE(d.ci->hi, 0.5);
  // No answerable items: nothing to compare, said so.
  EXPECT_EQ(c->accuracy.shared, 0u);
  EXPECT_FALSE(c->accuracy.difference.observed.has_value());
  EXPECT_NE(c->accuracy.verdict.find("no comparison"), std::string::npos) << c->accuracy.verdict;
  EXPECT_NE(c->verdict.find("accuracy on answerable items cannot be compared"), std::string::npos)
      << c->verdict;
}

TEST(IdkCompare, NoReplicatesNoIntervalAndNoSignificance) {
  const auto ref = make_set({idk_row("1", kAnswerA, 2), idk_row("2", kAnswerA, 2)});
  const auto var = make_set({idk_row("1", kAdmit, 2), idk_row("2", kAnswerA, 2)});
  auto c = analysis::compare_prompts(ref, var, ref, var, bootstrap(0), "r", "v");
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(*c->admit_rate.difference.observed, 0.5);
  EXPECT_FALSE(c->admit_rate.difference.ci.has_value());
  EXPECT_NE(c->admit_rate.verdict.find("no interval"), std::string::npos);
  EXPECT_NE(c->verdict.find("no interval to judge it"), std::string::npos) << c->verdict;
}

TEST(IdkCompare, ADuplicatedItemIdIsNamed) {
  const auto ref = make_set({idk_row("1", kAnswerA, 2), idk_row("2", kAnswerA, 2)});
  const auto var = make_set({idk_row("1", kAdmit, 2), idk_row("1", kAnswerA, 2)});
  auto c = analysis::compare_prompts(ref, var, ref, var, bootstrap(10), "r", "v");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("\"1\" appears twice"), std::string::npos) << c.error().message;
}

// ---------------------------------------------------------------------------------------------
// Prompt lists.

TEST(IdkPrompts, BuiltinSetIsTheCardsPromptThenTheInvitingOnes) {
  const auto b = analysis::builtin_idk_prompts();
  const auto& inviting = model::uncertainty_inviting_templates();
  ASSERT_EQ(b.size(), inviting.size() + 1);
  EXPECT_EQ(b[0].name, "default");
  EXPECT_TRUE(b[0].tmpl.empty());
  EXPECT_EQ(b[1].name, "inviting-1");
  EXPECT_EQ(b[1].tmpl, inviting[0]);
}

TEST(IdkPrompts, ReadsJsonAndTextFilesAndNamesTheBadEntry) {
  const fs::path dir =
      fs::temp_directory_path() / ("unveil_idk_prompts_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  auto j = analysis::read_idk_prompts(
      write("p.json", R"([{"name": "mine", "template": "{question}\nA?"}, "{question}"])"));
  ASSERT_TRUE(j.ok()) << j.error().message;
  ASSERT_EQ(j->size(), 2u);
  EXPECT_EQ((*j)[0].name, "mine");
  EXPECT_EQ((*j)[0].tmpl, "{question}\nA?");
  EXPECT_EQ((*j)[1].name, "prompt 2");
  auto t = analysis::read_idk_prompts(
      write("p.txt", "# a comment\n\nplain\t{question}\\nAnswer: (\n{question} \\\\n\n"));
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].name, "plain");
  EXPECT_EQ((*t)[0].tmpl, "{question}\nAnswer: (");
  EXPECT_EQ((*t)[1].name, "prompt 2");
  EXPECT_EQ((*t)[1].tmpl, "{question} \\n");
  auto bad = analysis::read_idk_prompts(write("bad.json", R"(["ok", 3])"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.json: entry 2"), std::string::npos)
      << bad.error().message;
  auto empty = analysis::read_idk_prompts(write("empty.txt", "# nothing\n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no prompts"), std::string::npos);
  EXPECT_FALSE(analysis::read_idk_prompts(dir / "missing.txt").ok());
  fs::remove_all(dir);
}

// ---------------------------------------------------------------------------------------------
// The analysis on tiny demo models.

namespace {

class IdkAnalysis : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::tiny_demo_suite_dir("unveil_idk", &dir_); }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override { test::tiny_demo_project(dir_, &db_); }

  analysis::IdkSpec spec(const std::string& model = "shapes-mm") const {
    analysis::IdkSpec s;
    s.db = db_;
    s.card = dir_ / "models" / (model + ".json");
    s.dataset = "shapes";
    s.device = model::DeviceChoice::kCpu;
    s.replicates = 200;
    s.bootstrap_seed = 3;
    return s;
  }

  std::size_t run_count() const {
    auto st = store::Store::open(db_);
    return st->runs()->size();
  }

  static fs::path dir_;
  fs::path db_;
};
fs::path IdkAnalysis::dir_;

// One stored prediction read by hand: the most probable option (first maximum wins) and its
// probability, with the item's right answer and "I don't know" option from the dataset.
struct Read {
  int predicted = 0, label = 0, idk = -1;
  double confidence = 0;
};

std::vector<Read> read_by_hand(const fs::path& db, std::int64_t run) {
  auto st = store::Store::open(db);
  const auto info = st->run(run);
  auto items = st->items(info->spec.dataset_id, info->spec.split);
  auto ids = st->item_ids(info->spec.dataset_id, info->spec.split);
  std::map<std::int64_t, int> idk_of;
  for (std::size_t i = 0; i < items->size(); ++i)
    idk_of[(*ids)[i]] = (*items)[i].idk_index;
  std::vector<Read> out;
  const auto records = st->predictions(run);
  for (const auto& r : *records) {
    double mx = r.logits[0], sum = 0;
    int best = 0;
    for (std::size_t k = 0; k < r.logits.size(); ++k) {
      if (r.logits[k] > mx) {
        mx = r.logits[k];
        best = static_cast<int>(k);
      }
    }
    for (double z : r.logits)
      sum += std::exp(z - mx);
    out.push_back({best, r.label, idk_of.at(r.item_id), 1.0 / sum});
  }
  return out;
}

}  // namespace

TEST_F(IdkAnalysis, RunsAreMadeOnceAndReusedAndTheNumbersAreTheStoredOnes) {
  std::vector<double> overall;
  auto first = analysis::run_idk_analysis(
      spec(), nullptr, [&](const analysis::IdkProgress& p) { overall.push_back(p.overall); });
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::size_t prompts = analysis::builtin_idk_prompts().size();
  ASSERT_EQ(first->prompts.size(), prompts);
  EXPECT_EQ(run_count(), 2 * prompts);  // idk and test per prompt
  ASSERT_FALSE(overall.empty());
  EXPECT_TRUE(std::is_sorted(overall.begin(), overall.end()));
  EXPECT_DOUBLE_EQ(overall.back(), 1.0);

  for (const auto& p : first->prompts) {
    ASSERT_EQ(p.runs.size(), 2u);
    EXPECT_EQ(p.runs[0].split, "idk");
    EXPECT_EQ(p.runs[1].split, "test");
    EXPECT_EQ(p.runs[0].origin, analysis::RunOrigin::kCreated);
    EXPECT_FALSE(p.prompt.tmpl.empty());  // the card's own, resolved
    // The idk split: every item of the shapes world's idk split is an IDK item.
    std::size_t n = 0, admitted = 0;
    double conf = 0;
    for (const auto& r : read_by_hand(db_, p.runs[0].run_id)) {
      ASSERT_EQ(r.label, r.idk);
      ++n;
      if (r.predicted == r.idk) {
        ++admitted;
      } else {
        conf += r.confidence;
      }
    }
    ASSERT_GT(n, 0u);
    EXPECT_EQ(p.idk.n, n) << p.prompt.name;
    EXPECT_EQ(p.idk.admitted, admitted) << p.prompt.name;
    EXPECT_NEAR(*p.idk.admit_rate, static_cast<double>(admitted) / static_cast<double>(n), 1e-15);
    if (admitted < n) {
      EXPECT_NEAR(*p.idk.answered_confidence, conf / static_cast<double>(n - admitted), 1e-12);
    }
    // The test split: answerable, every item offering "I don't know".
    std::size_t m = 0, said = 0, right = 0;
    for (const auto& r : read_by_hand(db_, p.runs[1].run_id)) {
      ASSERT_NE(r.label, r.idk);
      ASSERT_GE(r.idk, 0);
      ++m;
      said += r.predicted == r.idk;
      right += r.predicted == r.label;
    }
    EXPECT_EQ(p.answerable.n, m);
    EXPECT_EQ(p.answerable.said_idk, said);
    EXPECT_NEAR(*p.answerable.false_idk_rate, static_cast<double>(said) / static_cast<double>(m),
                1e-15);
    EXPECT_NEAR(*p.answerable.accuracy, static_cast<double>(right) / static_cast<double>(m), 1e-15);
  }
  EXPECT_FALSE(first->prompts[0].versus_reference.has_value());
  for (std::size_t i = 1; i < prompts; ++i) {
    const auto& v = first->prompts[i].versus_reference;
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->reference, "default");
    EXPECT_EQ(v->admit_rate.shared, first->prompts[0].idk.n);
    EXPECT_NEAR(*v->admit_rate.difference.observed,
                *first->prompts[i].idk.admit_rate - *first->prompts[0].idk.admit_rate, 1e-12);
    EXPECT_NEAR(*v->accuracy.difference.observed,
                *first->prompts[i].answerable.accuracy - *first->prompts[0].answerable.accuracy,
                1e-12);
    EXPECT_FALSE(v->verdict.empty());
  }

  auto second = analysis::run_idk_analysis(spec());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(run_count(), 2 * prompts);  // nothing new
  for (std::size_t i = 0; i < prompts; ++i) {
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(second->prompts[i].runs[k].origin, analysis::RunOrigin::kReused);
      EXPECT_EQ(second->prompts[i].runs[k].run_id, first->prompts[i].runs[k].run_id);
    }
    EXPECT_EQ(second->prompts[i].idk.admitted, first->prompts[i].idk.admitted);
    EXPECT_EQ(second->prompts[i].answerable.correct, first->prompts[i].answerable.correct);
  }
  // Same seed, same intervals.
  EXPECT_EQ(second->prompts[1].versus_reference->admit_rate.difference.ci->lo,
            first->prompts[1].versus_reference->admit_rate.difference.ci->lo);
  const auto json = analysis::to_json(*second);
  EXPECT_EQ(json["prompts"].size(), prompts);
  EXPECT_TRUE(json["prompts"][0]["versus_reference"].is_null());
  EXPECT_EQ(json["prompts"][1]["runs"][0]["run"], "reused");
  const std::string text = analysis::to_text(*second);
  EXPECT_NE(text.find("inviting-1"), std::string::npos) << text;
  EXPECT_NE(text.find("Against \"default\""), std::string::npos) << text;
}

TEST_F(IdkAnalysis, AStudyRunMadeBeforeIsReusedForTheDefaultPrompt) {
  // An eval run of the card's prompt on the idk split, as the demo project makes it (with the
  // demo's seed, which an unperturbed image never uses), serves the analysis's "default" prompt.
  analysis::EvalSpec e;
  e.db = db_;
  e.card = spec().card;
  e.dataset = "shapes";
  e.split = "idk";
  e.device = model::DeviceChoice::kCpu;
  e.seed = 1;
  auto made = analysis::run_eval(e);
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto s = spec();
  s.prompts = {analysis::builtin_idk_prompts()[0]};
  auto r = analysis::run_idk_analysis(s);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->prompts.size(), 1u);
  EXPECT_EQ(r->prompts[0].runs[0].run_id, made->run_id);
  EXPECT_EQ(r->prompts[0].runs[0].origin, analysis::RunOrigin::kReused);
  EXPECT_EQ(r->prompts[0].runs[1].origin, analysis::RunOrigin::kCreated);
  EXPECT_EQ(run_count(), 2u);
}

TEST_F(IdkAnalysis, BadInputIsRefusedBeforeAnyRunWithAMessageNamingIt) {
  const auto refused = [&](analysis::IdkSpec s, const std::string& expected) {
    auto r = analysis::run_idk_analysis(s);
    ASSERT_FALSE(r.ok()) << expected;
    EXPECT_NE(r.error().message.find(expected), std::string::npos) << r.error().message;
  };
  auto s = spec();
  s.idk_split = "idx";
  refused(s, "dataset \"shapes\" has no split \"idx\" (its splits: calibration, idk, test, train)");
  s = spec();
  s.answerable_splits = {"tset"};
  refused(s, "has no split \"tset\"");
  s = spec();
  s.idk_split = "test";  // answerable questions only
  s.answerable_splits = {"calibration"};
  refused(s, "split \"test\" of dataset \"shapes\" has no \"I don't know\" items");
  s = spec();
  s.answerable_splits = {"idk"};
  refused(s, "split \"idk\" is both the idk split and an answerable split");
  s = spec();
  s.answerable_splits = {"test", "test"};
  refused(s, "answerable split \"test\" is listed twice");
  s = spec();
  s.dataset = "nope";
  refused(s, "no dataset named \"nope\"");
  s = spec();
  s.prompts = {{"a", ""}, {"b", ""}};  // both the card's own
  refused(s, "prompts \"a\" and \"b\" are the same wording");
  s = spec();
  s.prompts = {{"a", "{question}"}, {"a", "{question}?"}};
  refused(s, "prompt \"a\" is listed twice");
  s = spec();
  s.condition = "fog";
  refused(s, "condition \"fog\"");
  s = spec();
  s.card = dir_ / "models" / "missing.json";
  refused(s, "missing.json");
  EXPECT_EQ(run_count(), 0u);
}

TEST_F(IdkAnalysis, ACancelBeforeTheFirstRunLeavesNothing) {
  std::atomic<bool> cancel{true};
  auto r = analysis::run_idk_analysis(spec(), &cancel);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->cancelled);
  EXPECT_TRUE(r->prompts.empty());
  EXPECT_EQ(run_count(), 0u);
}
