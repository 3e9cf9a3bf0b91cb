// store::run_headline (core/store/run_headline.h): a run's headline metrics come from the cached
// summary when it is complete, else from its predictions, and are cached only where the store may
// be written and the run is done; runs of answers without scores get accuracy alone.
#include "store/run_headline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>

#include "calib/accuracy_only.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/report_json.h"
#include "store/store.h"

using namespace unveil::store;
using unveil::calib::PredictionInput;
using unveil::calib::PredictionSet;
using unveil::calib::ScoreKind;
namespace calib = unveil::calib;
namespace fs = std::filesystem;

namespace {

struct Scored {
  std::vector<double> logits;
  int label = 0;
  int idk = -1;
};

PredictionSet scored(std::initializer_list<Scored> rows) {
  PredictionSet set;
  PredictionInput in;
  int i = 0;
  for (const Scored& r : rows) {
    in.clear();
    in.id = "q" + std::to_string(i++);
    in.scores = r.logits;
    in.label = r.label;
    in.idk_index = r.idk;
    set.add(in);
  }
  return set;
}

// Five items of three options: answers 0, 0, unanswered, 1, 2 against labels 0, 1, 2, 1, 0.
PredictionSet answers_only() {
  PredictionSet set;
  PredictionInput in;
  const int answers[] = {0, 0, calib::kUnanswered, 1, 2};
  const int labels[] = {0, 1, 2, 1, 0};
  for (int i = 0; i < 5; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.kind = ScoreKind::kAnswerOnly;
    in.scores.assign(3, 0.0);
    in.label = labels[i];
    in.answer = answers[i];
    in.options = "ABC";
    set.add(in);
  }
  return set;
}

PredictionSet some_scores() {
  return scored({{{2.0, 0.5, -1.0}, 0},
                 {{0.3, 1.2, 0.1}, 0},
                 {{-0.5, 0.0, 2.5}, 2},
                 {{1.0, 1.1, 0.9}, 1},
                 {{0.2, 3.0, -2.0}, 1},
                 {{1.5, -0.5, 0.0}, 2}});
}

class RunHeadlineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_headline_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    file_ = dir_ / "p.unveil";
    auto st = Store::open(file_);
    ASSERT_TRUE(st.ok()) << st.error().message;
    store_ = std::make_unique<Store>(std::move(*st));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // The run of `set`, imported into a dataset made from its ids.
  std::int64_t import(const PredictionSet& set, const std::string& name = "scored") {
    auto id = store_->import_predictions(set, name, name);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  RunInfo info(std::int64_t run) {
    auto r = store_->run(run);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : RunInfo{};
  }
  // The metrics of the run's predictions as the store gives them back, computed here.
  calib::Metrics metrics(std::int64_t run) {
    auto set = store_->prediction_set(run);
    EXPECT_TRUE(set.ok()) << set.error().message;
    return calib::compute_metrics(calib::compute_outcomes(*set));
  }

  fs::path dir_, file_;
  std::unique_ptr<Store> store_;
};

void expect_metrics(const RunHeadline& h, const calib::Metrics& m) {
  EXPECT_FALSE(h.accuracy_only);
  EXPECT_EQ(h.n, m.n);
  EXPECT_EQ(h.unanswered, m.n_unanswered);
  ASSERT_TRUE(h.accuracy && h.ece && h.nll);
  EXPECT_DOUBLE_EQ(*h.accuracy, m.accuracy);
  EXPECT_DOUBLE_EQ(*h.ece, m.ece);
  EXPECT_DOUBLE_EQ(*h.nll, m.nll);
  ASSERT_EQ(h.auroc.has_value(), m.auroc.has_value());
  if (m.auroc) {
    EXPECT_DOUBLE_EQ(*h.auroc, *m.auroc);
  }
}

TEST_F(RunHeadlineTest, ARunWithoutASummaryIsComputedAndCached) {
  const std::int64_t run = import(some_scores());
  ASSERT_EQ(info(run).summary, "");
  const auto h = run_headline(*store_, info(run));
  ASSERT_TRUE(h.has_value());
  const calib::Metrics m = metrics(run);
  expect_metrics(*h, m);
  // Cached in the format the CLI has always written.
  EXPECT_EQ(info(run).summary, calib::headline_json(m).dump());
  EXPECT_EQ(parse_summary(info(run).summary), h);
}

TEST_F(RunHeadlineTest, ACompleteSummaryIsReadNotRecomputed) {
  const std::int64_t run = import(some_scores());
  // A cache whose figures differ from the predictions' shows that it is what was read.
  RunHeadline cached = headline_of(metrics(run));
  cached.accuracy = *cached.accuracy / 2;
  cached.ece = *cached.ece + 0.25;
  ASSERT_TRUE(store_->set_run_summary(run, summary_text(cached)).ok());
  const auto h = run_headline(*store_, info(run));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(*h, cached);
  EXPECT_EQ(info(run).summary, summary_text(cached));
}

TEST_F(RunHeadlineTest, AReadOnlyStoreComputesButDoesNotWrite) {
  const std::int64_t run = import(some_scores());
  const calib::Metrics m = metrics(run);
  store_.reset();
  auto ro = Store::open(file_, OpenMode::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.error().message;
  ASSERT_TRUE(ro->read_only());
  const auto h = run_headline(*ro, *ro->run(run));
  ASSERT_TRUE(h.has_value());
  expect_metrics(*h, m);
  EXPECT_EQ(ro->run(run)->summary, "");
}

TEST_F(RunHeadlineTest, ARunningRunIsNotCached) {
  const std::int64_t run = import(some_scores());
  ASSERT_TRUE(store_->set_run_status(run, RunStatus::kRunning).ok());
  const auto h = run_headline(*store_, info(run));
  ASSERT_TRUE(h.has_value());
  expect_metrics(*h, metrics(run));
  EXPECT_EQ(info(run).summary, "");
}

TEST_F(RunHeadlineTest, AnAccuracyOnlyRunHasNoEce) {
  const std::int64_t run = import(answers_only(), "answers");
  const auto h = run_headline(*store_, info(run));
  ASSERT_TRUE(h.has_value());
  const calib::AccuracyOnly a = calib::accuracy_only(*store_->prediction_set(run));
  EXPECT_TRUE(h->accuracy_only);
  EXPECT_EQ(h->n, a.n);
  EXPECT_EQ(h->unanswered, a.unanswered);
  ASSERT_TRUE(h->accuracy.has_value());
  EXPECT_DOUBLE_EQ(*h->accuracy, a.accuracy);
  ASSERT_TRUE(a.accuracy_answered.has_value());
  ASSERT_TRUE(h->accuracy_answered.has_value());
  EXPECT_DOUBLE_EQ(*h->accuracy_answered, *a.accuracy_answered);
  EXPECT_FALSE(h->ece.has_value());
  EXPECT_FALSE(h->nll.has_value());
  EXPECT_FALSE(h->auroc.has_value());
  // Cached as calib::accuracy_only_json writes it, and read back from there the next time.
  EXPECT_EQ(info(run).summary, calib::accuracy_only_json(a).dump());
  EXPECT_EQ(run_headline(*store_, info(run)), h);
}

TEST_F(RunHeadlineTest, ADamagedSummaryIsRecomputed) {
  const std::int64_t run = import(some_scores());
  const calib::Metrics m = metrics(run);
  const std::string complete = calib::headline_json(m).dump();
  for (const std::string& damaged : {
           std::string("not JSON"), std::string("[1, 2]"),
           std::string("{\"n\": 2}"),  // members missing
           std::string(R"({"n": "6", "n_unanswered": 0, "accuracy": 0.5, "ece": 0.1,)"
                       R"( "nll": 1, "auroc": null})"),  // n a string
           std::string(R"({"n": 6, "n_unanswered": 0, "accuracy": 0.5, "ece": "low",)"
                       R"( "nll": 1, "auroc": null})"),  // ece a string
           std::string(R"({"scores": "some", "n": 6, "unanswered": 0, "accuracy": 0.5,)"
                       R"( "accuracy_answered": 0.5})"),  // not the accuracy-only format
           complete.substr(0, complete.size() / 2),       // cut short
       }) {
    SCOPED_TRACE(damaged);
    ASSERT_TRUE(store_->set_run_summary(run, damaged).ok());
    EXPECT_FALSE(parse_summary(damaged).has_value());
    const auto h = run_headline(*store_, info(run));
    ASSERT_TRUE(h.has_value());
    expect_metrics(*h, m);
    EXPECT_EQ(info(run).summary, complete);
  }
}

TEST_F(RunHeadlineTest, ARunWithoutPredictionsHasNone) {
  const std::int64_t with = import(some_scores());
  RunSpec spec;
  spec.dataset_id = store_->dataset_by_name("scored")->value().id;
  spec.name = "empty";
  spec.status = RunStatus::kComplete;
  auto run = store_->create_run(spec);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_FALSE(run_headline(*store_, info(*run)).has_value());
  EXPECT_EQ(info(*run).summary, "");
  EXPECT_TRUE(run_headline(*store_, info(with)).has_value());
}

TEST(RunHeadlineFormat, TheSummaryIsWhatTheCliHasAlwaysWritten) {
  // With an IDK option (idk_rate written) and without; with AUROC defined and not.
  const PredictionSet sets[] = {
      some_scores(),
      scored({{{2.0, 0.5, 0.0}, 0, 2}, {{0.3, 1.2, 2.0}, 1, 2}, {{0.1, 0.0, 2.5}, 0, 2}}),
      scored({{{2.0, 0.5}, 0}, {{0.3, 1.2}, 1}}),  // every item right: no AUROC
  };
  ASSERT_TRUE(headline_of(calib::compute_metrics(calib::compute_outcomes(sets[1]))).has_idk);
  ASSERT_FALSE(headline_of(calib::compute_metrics(calib::compute_outcomes(sets[2]))).auroc);
  for (const PredictionSet& set : sets) {
    const calib::Metrics m = calib::compute_metrics(calib::compute_outcomes(set));
    const RunHeadline h = headline_of(m);
    EXPECT_EQ(h.has_idk, m.has_idk);
    EXPECT_EQ(to_json(h), calib::headline_json(m));
    EXPECT_EQ(summary_text(h), calib::headline_json(m).dump());
    EXPECT_EQ(parse_summary(summary_text(h)), h);
    EXPECT_EQ(compute_headline(set), h);
  }
  const calib::AccuracyOnly a = calib::accuracy_only(answers_only());
  const RunHeadline h = headline_of(a);
  EXPECT_EQ(to_json(h), calib::accuracy_only_json(a));
  EXPECT_EQ(parse_summary(summary_text(h)), h);
  EXPECT_EQ(compute_headline(answers_only()), h);
}

}  // namespace
