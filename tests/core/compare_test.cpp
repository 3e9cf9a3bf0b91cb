// Comparing runs: stored runs compared on their shared items, with per-run
// bootstrap intervals and paired bootstrap differences. Expected values come from hand-built
// prediction sets and an independent calib::compute_metrics on a hand-restricted set.
#include "analysis/compare.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "analysis/compare_report.h"
#include "calib/metrics.h"
#include "store/store.h"
#include "util/parallel.h"

using namespace unveil;
using analysis::Better;
using analysis::compare_runs;
using analysis::CompareOptions;
namespace fs = std::filesystem;

namespace {

// Three options, the third "I don't know". Item i's right answer is A for i % 5 < 3, else B: a
// model that always answers A is right on 60% of the items.
int label_of(int i) {
  return i % 5 < 3 ? 0 : 1;
}

using Logits = std::function<std::vector<double>(int item)>;

// Always A with confidence e^3 / (e^3 + 2) = 0.909 whether right or wrong: over-confident.
std::vector<double> overconfident(int) {
  return {3, 0, 0};
}

// The same answers; right ones made confident (0.995), wrong ones hesitant (0.344).
std::vector<double> better(int i) {
  return label_of(i) == 0 ? std::vector<double>{6, 0, 0} : std::vector<double>{0.05, 0, 0};
}

// Varied scores, some answering B.
std::vector<double> varied(int i) {
  return {1.0 + 0.1 * (i % 7), 0.5 * (i % 4), 0.2};
}

// Items q{from} .. q{to - 1}, generated item by item (so a range is an independent restriction).
calib::PredictionSet make_set(int from, int to, const Logits& logits) {
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (int i = from; i < to; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.scores = logits(i);
    in.label = label_of(i);
    in.idk_index = 2;
    set.add(in);
  }
  return set;
}

class CompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_compare_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    file_ = dir_ / "p.unveil";
    auto st = store::Store::open(file_);
    ASSERT_TRUE(st.ok()) << st.error().message;
    store_.emplace(std::move(*st));
    // Every item of the dataset, so that runs over parts of it can be imported.
    ASSERT_TRUE(store_->import_predictions(make_set(0, 100, overconfident), "world", "all").ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::int64_t add_run(int from, int to, const Logits& logits, const std::string& name) {
    auto id = store_->import_predictions(make_set(from, to, logits), "world", name);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  analysis::Comparison compare(std::vector<std::int64_t> ids, CompareOptions o = small()) {
    auto c = compare_runs(*store_, ids, o);
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.ok() ? std::move(*c) : analysis::Comparison{};
  }
  std::string compare_error(std::vector<std::int64_t> ids) {
    auto c = compare_runs(*store_, ids, small());
    EXPECT_FALSE(c.ok());
    return c.ok() ? std::string() : c.error().message;
  }
  static CompareOptions small() {
    CompareOptions o;
    o.replicates = 400;
    o.seed = 7;
    return o;
  }
  static const analysis::MetricDifference& find(const analysis::Comparison& c,
                                                const std::string& metric) {
    for (const auto& d : c.differences)
      if (d.metric == metric) return d;
    ADD_FAILURE() << "no difference for " << metric;
    return c.differences.front();
  }

  fs::path dir_, file_;
  std::optional<store::Store> store_;
};

}  // namespace

TEST_F(CompareTest, IdenticalRunsDifferByExactlyZero) {
  const auto a = add_run(0, 100, overconfident, "a");
  const auto b = add_run(0, 100, overconfident, "b");
  const auto c = compare({a, b});
  EXPECT_EQ(c.shared_items, 100u);
  ASSERT_EQ(c.runs.size(), 2u);
  EXPECT_EQ(c.runs[1].n_run, 100u);
  // Nine metrics plus the three of a known IDK option.
  ASSERT_EQ(c.differences.size(), 12u);
  for (const auto& d : c.differences) {
    SCOPED_TRACE(d.metric);
    EXPECT_EQ(d.run, b);
    EXPECT_EQ(d.against, a);
    ASSERT_TRUE(d.difference.observed);
    EXPECT_EQ(*d.difference.observed, 0.0);
    // Paired: both runs see the same resampled items, so every replicate's difference is 0.
    ASSERT_TRUE(d.difference.ci);
    EXPECT_EQ(d.difference.ci->lo, 0.0);
    EXPECT_EQ(d.difference.ci->hi, 0.0);
    EXPECT_FALSE(d.difference.significant());
    EXPECT_EQ(d.better, Better::kNeither);
    EXPECT_NE(d.verdict.find("not a significant difference"), std::string::npos) << d.verdict;
  }
  const auto j = analysis::to_json(c);
  EXPECT_TRUE(j["differences"][0]["better"].is_null());
  EXPECT_EQ(j["differences"][0]["ci"], nlohmann::ordered_json::array({0.0, 0.0}));
}

TEST_F(CompareTest, StrictlyBetterCopyIsSignificantAndNamed) {
  const auto base = add_run(0, 100, overconfident, "base");
  const auto tuned = add_run(0, 100, better, "tuned");
  const auto c = compare({base, tuned});
  // By hand: ECE base = 0.909 - 0.6 = 0.309; tuned = 0.6 * 0.005 + 0.4 * 0.344 = 0.141.
  const auto& ece = find(c, "ece");
  ASSERT_TRUE(ece.difference.observed);
  EXPECT_NEAR(*ece.difference.observed, -0.168, 0.002);
  EXPECT_TRUE(ece.difference.significant());
  EXPECT_LT(ece.difference.ci->hi, 0);
  EXPECT_EQ(ece.better, Better::kRun);
  EXPECT_NE(ece.verdict.find("run " + std::to_string(tuned) + " is better (lower)"),
            std::string::npos)
      << ece.verdict;
  // AUROC: all ties (0.5) against a perfect ranking (1.0); higher is better.
  const auto& auroc = find(c, "auroc");
  EXPECT_NEAR(*auroc.difference.observed, 0.5, 1e-12);
  EXPECT_EQ(auroc.better, Better::kRun);
  EXPECT_NE(auroc.verdict.find("is better (higher)"), std::string::npos) << auroc.verdict;
  // The same answers: accuracy does not move.
  EXPECT_EQ(*find(c, "accuracy").difference.observed, 0.0);
  EXPECT_FALSE(find(c, "accuracy").difference.significant());

  // The other way round, the reference is the better one.
  const auto back = compare({tuned, base});
  const auto& ece_back = find(back, "ece");
  EXPECT_EQ(ece_back.better, Better::kAgainst);
  EXPECT_NE(ece_back.verdict.find("run " + std::to_string(tuned) + " is better"), std::string::npos)
      << ece_back.verdict;
}

TEST_F(CompareTest, OnlySharedItemsAreCompared) {
  const auto a = add_run(0, 60, overconfident, "a");
  const auto b = add_run(20, 100, varied, "b");
  const auto c = compare({a, b});
  EXPECT_EQ(c.shared_items, 40u);
  EXPECT_EQ(c.runs[0].n_run, 60u);
  EXPECT_EQ(c.runs[1].n_run, 80u);
  // Independent: the metrics of sets generated for q20..q59 only.
  const calib::Metrics ma = calib::compute_metrics(
      calib::compute_outcomes(make_set(20, 60, overconfident)), small().metrics);
  const calib::Metrics mb =
      calib::compute_metrics(calib::compute_outcomes(make_set(20, 60, varied)), small().metrics);
  EXPECT_EQ(c.runs[0].metrics.n, 40u);
  EXPECT_EQ(c.runs[1].metrics.n, 40u);
  for (const auto& [want, got] :
       {std::pair{&ma, &c.runs[0].metrics}, std::pair{&mb, &c.runs[1].metrics}}) {
    EXPECT_NEAR(got->accuracy, want->accuracy, 1e-12);
    EXPECT_NEAR(got->ece, want->ece, 1e-12);
    EXPECT_NEAR(got->ace, want->ace, 1e-12);
    EXPECT_NEAR(got->brier, want->brier, 1e-12);
    EXPECT_NEAR(got->nll, want->nll, 1e-12);
    EXPECT_NEAR(got->aurc, want->aurc, 1e-12);
  }
  EXPECT_NEAR(*find(c, "ece").difference.observed, mb.ece - ma.ece, 1e-12);
  EXPECT_NEAR(*find(c, "nll").difference.observed, mb.nll - ma.nll, 1e-12);
}

TEST_F(CompareTest, PairedIntervalHoldsThePointAndIsSeeded) {
  const auto a = add_run(0, 100, overconfident, "a");
  const auto b = add_run(0, 100, varied, "b");
  const auto first = compare({a, b});
  for (const auto& d : first.differences) {
    SCOPED_TRACE(d.metric);
    ASSERT_TRUE(d.difference.observed && d.difference.ci);
    EXPECT_LE(d.difference.ci->lo, *d.difference.observed);
    EXPECT_GE(d.difference.ci->hi, *d.difference.observed);
  }
  const auto again = compare({a, b});
  EXPECT_EQ(analysis::to_json(again), analysis::to_json(first));
  // Independent of the number of worker threads.
  const int threads = worker_threads();
  set_worker_threads(threads == 1 ? 3 : 1);
  const auto other_threads = compare({a, b});
  set_worker_threads(threads);
  EXPECT_EQ(analysis::to_json(other_threads), analysis::to_json(first));
}

TEST_F(CompareTest, BadInputsNameWhatIsWrong) {
  const auto a = add_run(0, 60, overconfident, "a");
  const auto b = add_run(0, 60, varied, "b");
  EXPECT_NE(compare_error({a, 99}).find("no run 99"), std::string::npos);
  EXPECT_NE(compare_error({a}).find("2 to 4 runs; got 1"), std::string::npos);
  EXPECT_NE(compare_error({a, b, 1, 2, 3}).find("2 to 4 runs; got 5"), std::string::npos);
  EXPECT_NE(compare_error({a, b, a}).find("run " + std::to_string(a) + " is listed twice"),
            std::string::npos);
  const auto few = add_run(55, 100, varied, "few");
  EXPECT_NE(compare_error({a, few}).find("share 5 item(s); a comparison needs at least 10"),
            std::string::npos);
  store::RunSpec spec;
  spec.name = "empty";
  spec.dataset_id = (*store_->dataset_by_name("world"))->id;
  const auto empty = store_->create_run(spec);
  ASSERT_TRUE(empty.ok());
  EXPECT_NE(
      compare_error({a, *empty}).find("run " + std::to_string(*empty) + " has no predictions"),
      std::string::npos);
  const fs::path missing = dir_ / "none.unveil";
  const std::vector<std::int64_t> ids{a, b};
  const auto m = compare_runs(missing, ids, small());
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find(missing.string() + ": no such project file"), std::string::npos)
      << m.error().message;
  EXPECT_FALSE(fs::exists(missing));
}

TEST(CompareVerdict, WordingFollowsTheMetricsDirection) {
  analysis::MetricDifference d;
  d.run = 3;
  d.against = 1;
  d.metric = "ece";
  d.difference.observed = 0.012;
  d.difference.ci = calib::Interval{-0.004, 0.027};
  EXPECT_EQ(analysis::verdict(d, 0.95),
            "ECE of run 3 differs from run 1 by 0.012 (95% interval -0.004 to 0.027): "
            "not a significant difference");
  d.difference.ci = calib::Interval{0.004, 0.027};
  d.better = Better::kAgainst;
  EXPECT_EQ(analysis::verdict(d, 0.95),
            "ECE of run 3 differs from run 1 by 0.012 (95% interval 0.004 to 0.027): "
            "run 1 is better (run 3 is higher)");
  d.metric = "idk_rate";
  d.better = Better::kNeither;
  EXPECT_NE(analysis::verdict(d, 0.95).find("significant difference: run 3 is higher (neither"),
            std::string::npos);
  d.difference.observed.reset();
  EXPECT_NE(analysis::verdict(d, 0.95).find("undefined"), std::string::npos);
  EXPECT_EQ(analysis::metric_direction("auroc"), 1);
  EXPECT_EQ(analysis::metric_direction("aurc"), -1);
  EXPECT_EQ(analysis::metric_direction("idk_rate"), 0);
}
