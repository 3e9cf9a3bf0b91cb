// Iterative prompt optimisation: real searches with the tiny demo models — k, m and n
// respected, no prompt scored twice, every score equal to a computation from its stored run, the
// search and its prompts stored and read back, a cancel keeping the best so far, and bad input
// refused before any run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "analysis/prompt_search.h"
#include "analysis/prompt_variants.h"
#include "data/readers.h"
#include "model/model_card.h"
#include "store/prompt_searches.h"
#include "store/store.h"
#include "test_util.h"
#include "tiny_demo_project.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

class PromptSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { test::tiny_demo_suite_dir("unveil_promptsearch", &dir_); }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override { test::tiny_demo_project(dir_, &db_); }

  analysis::PromptSearchSpec spec(int k, int m, int rounds) const {
    analysis::PromptSearchSpec s;
    s.db = db_;
    s.card = dir_ / "models" / "shapes-mm.json";
    s.dataset = "shapes";
    s.split = "test";
    s.k = k;
    s.m = m;
    s.rounds = rounds;
    s.device = model::DeviceChoice::kCpu;
    return s;
  }

  std::vector<store::RunInfo> runs() const {
    auto st = store::Store::open(db_);
    return *st->runs();
  }

  static fs::path dir_;
  fs::path db_;
};
fs::path PromptSearch::dir_;

// Accuracy and ECE (10 equal-width bins) of a stored run, by hand from its option logits:
// p = softmax, confidence = max p (first maximum), right when that option is the label.
struct ByHand {
  std::size_t n = 0, correct = 0;
  double ece = 0;
};

ByHand by_hand(const fs::path& db, std::int64_t run) {
  auto st = store::Store::open(db);
  const auto recs = *st->predictions(run);
  double conf[10] = {}, right[10] = {}, count[10] = {};
  ByHand h;
  for (const auto& r : recs) {
    double mx = r.logits[0];
    for (double z : r.logits)
      mx = std::max(mx, z);
    double sum = 0;
    for (double z : r.logits)
      sum += std::exp(z - mx);
    int best = 0;
    double c = 0;
    for (std::size_t k = 0; k < r.logits.size(); ++k) {
      const double p = std::exp(r.logits[k] - mx) / sum;
      if (p > c) {
        c = p;
        best = static_cast<int>(k);
      }
    }
    const int b = std::min(static_cast<int>(std::floor(c * 10)), 9);
    conf[b] += c;
    right[b] += best == r.label;
    count[b] += 1;
    h.correct += best == r.label;
    ++h.n;
  }
  for (int b = 0; b < 10; ++b) {
    if (count[b] > 0) h.ece += std::abs(right[b] - conf[b]) / static_cast<double>(h.n);
  }
  return h;
}

// The ranking rule written out again: band floor(5c/n) descending, ECE ascending, accuracy
// descending, text ascending.
bool by_rule(const analysis::PromptScore& a, const analysis::PromptScore& b) {
  const auto band = [](const analysis::PromptScore& s) { return (5 * s.correct) / s.n; };
  if (band(a) != band(b)) return band(a) > band(b);
  if (a.ece != b.ece) return a.ece < b.ece;
  const double x = static_cast<double>(a.correct) / static_cast<double>(a.n);
  const double y = static_cast<double>(b.correct) / static_cast<double>(b.n);
  if (x != y) return x > y;
  return a.suffix < b.suffix;
}

std::vector<std::string> kept_by_rule(const std::vector<analysis::PromptScore>& scored, int round,
                                      std::size_t k) {
  std::vector<analysis::PromptScore> upto;
  for (const auto& s : scored) {
    if (s.round <= round) upto.push_back(s);
  }
  std::sort(upto.begin(), upto.end(), by_rule);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < std::min(k, upto.size()); ++i)
    out.push_back(upto[i].suffix);
  return out;
}

}  // namespace

TEST_F(PromptSearch, RespectsKMAndRoundsAndScoresEveryPromptOnce) {
  std::vector<analysis::PromptSearchProgress> reports;
  auto r = analysis::run_prompt_search(
      spec(2, 3, 3), nullptr,
      [&](const analysis::PromptSearchProgress& p) { reports.push_back(p); });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, "complete");
  EXPECT_FALSE(r->cancelled);
  EXPECT_EQ(r->rounds_done, 3);
  // Round 1: the two seeds and three variants of each; then three variants of each of 2 kept.
  std::map<int, std::size_t> per_round;
  for (const auto& s : r->scored)
    ++per_round[s.round];
  EXPECT_EQ(per_round, (std::map<int, std::size_t>{{1, 8}, {2, 6}, {3, 6}}));
  EXPECT_EQ(r->scored[0].suffix, "The answer might be");
  EXPECT_EQ(r->scored[1].suffix, "The answer must be");
  EXPECT_EQ(r->scored[0].parent, "");
  // No text twice; one run per prompt, each made for this search, its prompt the suffix's template.
  std::set<std::string> texts;
  for (const auto& s : r->scored)
    EXPECT_TRUE(texts.insert(s.suffix).second) << s.suffix;
  const auto all = runs();
  EXPECT_EQ(all.size(), r->scored.size());
  EXPECT_EQ(r->runs_created, r->scored.size());
  const auto card = model::read_model_card(dir_ / "models" / "shapes-mm.json");
  for (const auto& s : r->scored) {
    const auto run =
        std::find_if(all.begin(), all.end(), [&](const auto& i) { return i.id == s.run_id; });
    ASSERT_NE(run, all.end()) << s.suffix;
    EXPECT_EQ(run->spec.prompt, analysis::suffix_template(card->prompt_template, s.suffix));
    EXPECT_EQ(run->status, store::RunStatus::kComplete);
    // Every score from its stored predictions, computed here.
    const ByHand h = by_hand(db_, s.run_id);
    EXPECT_EQ(s.n, h.n);
    EXPECT_EQ(s.correct, h.correct) << s.suffix;
    EXPECT_NEAR(s.accuracy, static_cast<double>(h.correct) / static_cast<double>(h.n), 1e-15);
    EXPECT_NEAR(s.ece, h.ece, 1e-12) << s.suffix;
    if (s.round > 1) {  // made from a prompt kept in the round before
      ASSERT_GE(r->kept.size(), static_cast<std::size_t>(s.round - 1));
      const auto& before = r->kept[static_cast<std::size_t>(s.round - 2)];
      EXPECT_NE(std::find(before.begin(), before.end(), s.parent), before.end()) << s.suffix;
    }
  }
  // The kept prompts of each round are the best k of everything scored up to it, by the rule.
  ASSERT_EQ(r->kept.size(), 3u);
  for (int round = 1; round <= 3; ++round) {
    EXPECT_EQ(r->kept[static_cast<std::size_t>(round - 1)], kept_by_rule(r->scored, round, 2))
        << "round " << round;
  }
  ASSERT_EQ(r->top.size(), 2u);
  EXPECT_EQ(r->top[0].suffix, r->kept[2][0]);
  EXPECT_EQ(r->best_template, analysis::suffix_template(card->prompt_template, r->top[0].suffix));
  ASSERT_EQ(r->best.size(), 3u);
  EXPECT_EQ(r->best[2].suffix, r->top[0].suffix);
  // Progress: each round starts at 0 scored and ends with all scored; the chart grows per round.
  ASSERT_FALSE(reports.empty());
  for (int round = 1; round <= 3; ++round) {
    std::vector<const analysis::PromptSearchProgress*> of;
    for (const auto& p : reports) {
      if (p.round == round) of.push_back(&p);
    }
    ASSERT_GE(of.size(), 2u);
    EXPECT_EQ(of.front()->scored, 0u);
    EXPECT_EQ(of.back()->scored, of.back()->to_score);
    EXPECT_EQ(of.back()->best.size(), static_cast<std::size_t>(round));
    EXPECT_EQ(of.back()->top.size(), 2u);
  }
  EXPECT_NEAR(reports.back().overall, 1.0, 1e-12);
  for (std::size_t i = 1; i < reports.size(); ++i)
    EXPECT_GE(reports[i].overall + 1e-12, reports[i - 1].overall);
}

TEST_F(PromptSearch, IsStoredAndReadBack) {
  auto r = analysis::run_prompt_search(spec(2, 2, 2));
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto list = analysis::list_prompt_searches(db_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  const auto& info = (*list)[0];
  EXPECT_EQ(info.id, r->search_id);
  EXPECT_EQ(info.model, "shapes-mm");
  EXPECT_EQ(info.dataset, "shapes");
  EXPECT_EQ(info.split, "test");
  EXPECT_EQ(info.status, "complete");
  EXPECT_EQ(info.k, 2);
  EXPECT_EQ(info.scored, r->scored.size());
  EXPECT_EQ(info.best_suffix, r->top[0].suffix);
  EXPECT_NE(info.finished_at, "");

  auto back = analysis::load_prompt_search(db_, r->search_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->status, "complete");
  EXPECT_EQ(back->seeds, r->seeds);
  EXPECT_EQ(back->base_template, r->base_template);
  EXPECT_EQ(back->rounds_done, 2);
  EXPECT_EQ(back->runs_created, r->runs_created);
  ASSERT_EQ(back->scored.size(), r->scored.size());
  for (std::size_t i = 0; i < r->scored.size(); ++i) {
    const auto& a = r->scored[i];
    const auto& b = back->scored[i];
    EXPECT_EQ(b.suffix, a.suffix);
    EXPECT_EQ(b.parent, a.parent);
    EXPECT_EQ(b.round, a.round);
    EXPECT_EQ(b.n, a.n);
    EXPECT_EQ(b.correct, a.correct);
    EXPECT_EQ(b.accuracy, a.accuracy);
    EXPECT_EQ(b.ece, a.ece);
    EXPECT_EQ(b.run_id, a.run_id);
    EXPECT_EQ(b.kept_through, a.kept_through) << a.suffix;
  }
  EXPECT_EQ(back->kept, r->kept);
  EXPECT_EQ(back->top.size(), r->top.size());
  EXPECT_EQ(back->top[0].suffix, r->top[0].suffix);
  EXPECT_EQ(back->best_template, r->best_template);
  // The rows themselves: the final top k flagged, the model row known.
  auto st = store::Store::open(db_);
  auto row = store::prompt_search(*st, r->search_id);
  ASSERT_TRUE(row.ok());
  EXPECT_TRUE(row->model_id.has_value());
  std::size_t flagged = 0;
  const auto entries = store::prompt_search_entries(*st, r->search_id);
  ASSERT_TRUE(entries.ok());
  for (const auto& e : *entries)
    flagged += e.kept;
  EXPECT_EQ(flagged, 2u);
  EXPECT_FALSE(analysis::load_prompt_search(db_, r->search_id + 1).ok());
}

TEST_F(PromptSearch, ASecondSearchReusesEveryRunAndFindsTheSame) {
  auto first = analysis::run_prompt_search(spec(2, 2, 2));
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::size_t made = runs().size();
  auto second = analysis::run_prompt_search(spec(2, 2, 2));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(runs().size(), made);  // nothing scored again
  EXPECT_EQ(second->runs_created, 0u);
  EXPECT_EQ(second->runs_reused, second->scored.size());
  ASSERT_EQ(second->scored.size(), first->scored.size());
  for (std::size_t i = 0; i < first->scored.size(); ++i) {
    EXPECT_EQ(second->scored[i].suffix, first->scored[i].suffix);  // same seed, same search
    EXPECT_EQ(second->scored[i].run_id, first->scored[i].run_id);
    EXPECT_EQ(second->scored[i].origin, analysis::RunOrigin::kReused);
  }
  EXPECT_NE(second->search_id, first->search_id);
  EXPECT_EQ(analysis::list_prompt_searches(db_)->size(), 2u);
}

TEST_F(PromptSearch, TheUsersVariantsAreTriedFirstAndCanRunOut) {
  auto s = spec(2, 2, 3);
  s.use_bank = false;
  s.variants = {"If you are not sure, choose I don't know. Answer", "Answer:", "Answer: ("};
  auto r = analysis::run_prompt_search(s);
  ASSERT_TRUE(r.ok()) << r.error().message;
  // "Answer:" and "Answer: (" are one suffix: two variants, both in round 1; nothing new after it.
  EXPECT_EQ(r->variants, (std::vector<std::string>{
                             "If you are not sure, choose I don't know. Answer", "Answer"}));
  ASSERT_EQ(r->scored.size(), 4u);
  EXPECT_EQ(r->scored[2].suffix, "If you are not sure, choose I don't know. Answer");
  EXPECT_EQ(r->scored[2].parent, "The answer might be");
  EXPECT_EQ(r->scored[3].suffix, "Answer");
  EXPECT_EQ(r->rounds_done, 3);
  EXPECT_EQ(r->kept[1], r->kept[0]);
}

// The flags of the stored entries: the prompts flagged kept, sorted.
std::vector<std::string> flagged_kept(const fs::path& db, std::int64_t search) {
  auto st = store::Store::open(db);
  const auto entries = store::prompt_search_entries(*st, search);
  std::vector<std::string> out;
  if (!entries) return out;
  for (const auto& e : *entries) {
    if (e.kept) out.push_back(e.prompt);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(PromptSearch, CancelKeepsTheBestSoFarAndMarksTheSearch) {
  // Cancelled when round 2 starts (its first report always arrives): round 1 is what was found.
  std::atomic<bool> cancel{false};
  auto r = analysis::run_prompt_search(spec(3, 3, 4), &cancel,
                                       [&](const analysis::PromptSearchProgress& p) {
                                         if (p.round == 2) cancel = true;
                                       });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->cancelled);
  EXPECT_EQ(r->status, "cancelled");
  EXPECT_EQ(r->rounds_done, 1);
  ASSERT_EQ(r->scored.size(), 8u);  // 2 seeds + 3 variants of each
  ASSERT_EQ(r->top.size(), 3u);
  std::vector<std::string> top;
  for (const auto& t : r->top)
    top.push_back(t.suffix);
  EXPECT_EQ(top, kept_by_rule(r->scored, 1, 3));
  EXPECT_EQ(top, r->kept[0]);
  auto back = analysis::load_prompt_search(db_, r->search_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->status, "cancelled");
  EXPECT_TRUE(back->cancelled);
  EXPECT_EQ(back->scored.size(), 8u);
  EXPECT_EQ(back->rounds_done, 1);
  EXPECT_EQ(back->top[0].suffix, r->top[0].suffix);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(flagged_kept(db_, r->search_id), top);
  EXPECT_EQ(runs().size(), 8u);
}

TEST_F(PromptSearch, ACancelInsideARunIsResumedByTheSameSearch) {
  auto s = spec(2, 2, 3);
  s.batch = 4;
  std::atomic<bool> cancel{false};
  auto r = analysis::run_prompt_search(s, &cancel, [&](const analysis::PromptSearchProgress& p) {
    if (!p.suffix.empty() && p.run.done > 0) cancel = true;  // while a prompt's run goes on
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->cancelled);
  EXPECT_EQ(r->status, "cancelled");
  std::vector<std::string> top;
  for (const auto& t : r->top)
    top.push_back(t.suffix);
  EXPECT_EQ(top, kept_by_rule(r->scored, s.rounds, 2));  // the best of everything scored
  std::sort(top.begin(), top.end());
  EXPECT_EQ(flagged_kept(db_, r->search_id), top);
  // The run cut short (if the cancel came before its last batch) is left cancelled...
  const auto after_cancel = runs();
  EXPECT_LE(after_cancel.size(), r->scored.size() + 1);
  // ... and the same search again takes every run it can from the project and resumes that one.
  auto again = analysis::run_prompt_search(s);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->status, "complete");
  EXPECT_GE(again->runs_reused, r->scored.size());
  EXPECT_EQ(again->runs_resumed, after_cancel.size() - r->scored.size());
  for (std::size_t i = 0; i < r->scored.size(); ++i)
    EXPECT_EQ(again->scored[i].suffix, r->scored[i].suffix);
  EXPECT_EQ(runs().size(), again->scored.size());
}

TEST_F(PromptSearch, BadInputIsRefusedBeforeAnyRun) {
  const auto refused = [&](analysis::PromptSearchSpec s, const std::string& expected) {
    auto r = analysis::run_prompt_search(s);
    ASSERT_FALSE(r.ok()) << expected;
    EXPECT_NE(r.error().message.find(expected), std::string::npos) << r.error().message;
  };
  auto s = spec(5, 5, 10);
  s.dataset = "nope";
  refused(s, "no dataset named \"nope\"");
  s = spec(5, 5, 10);
  s.split = "tset";
  refused(s,
          "dataset \"shapes\" has no split \"tset\" (its splits: calibration, idk, test, train)");
  refused(spec(0, 5, 10), "k (prompts kept per round) must be at least 1; found 0");
  refused(spec(5, 0, 10), "m (variants per kept prompt) must be at least 1; found 0");
  refused(spec(5, 5, 0), "rounds must be at least 1; found 0");
  s = spec(5, 5, 10);
  s.card = dir_ / "models" / "missing.json";
  refused(s, "missing.json");
  s = spec(5, 5, 10);
  s.seeds = {"The answer is", " : ( "};
  refused(s, "seed prompt 2 (\" : ( \") cannot be used: it is empty");
  s.seeds = {"Say {options}"};
  refused(s, "placeholder");
  s = spec(5, 5, 10);
  s.condition = "fog";
  refused(s, "condition \"fog\"");
  s = spec(5, 5, 10);
  s.use_bank = false;
  refused(s, "variants must be given");
  EXPECT_TRUE(runs().empty());
  EXPECT_TRUE(analysis::list_prompt_searches(db_)->empty());
}
