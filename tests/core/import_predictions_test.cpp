// Store::import_predictions: predictions must agree with the dataset they are imported into, an
// id must not come twice, and a refused import leaves nothing behind; a set of answers only is
// stored as such.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "calib/accuracy_only.h"
#include "calib/prediction_formats.h"
#include "store/sqlite.h"
#include "store/store.h"

using namespace unveil::store;
using unveil::calib::PredictionInput;
using unveil::calib::PredictionSet;
using unveil::calib::PredictionSource;
using unveil::calib::ScoreKind;
namespace fs = std::filesystem;

namespace {

class ImportPredictions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    auto st = Store::open(dir_ / "p.unveil");
    ASSERT_TRUE(st.ok()) << st.error().message;
    store_ = std::make_unique<Store>(std::move(*st));
    // Items q0..q3 with three options (q3 with four) and answers 0, 1, 2, 0.
    unveil::data::Dataset ds;
    ds.name = "shapes";
    for (int i = 0; i < 4; ++i) {
      unveil::data::Item it;
      it.id = "q" + std::to_string(i);
      it.question = "Which?";
      for (int k = 0; k < (i == 3 ? 4 : 3); ++k)
        it.options.push_back({static_cast<char>('A' + k), "o" + std::to_string(k)});
      it.answer = i % 3;
      ds.items.push_back(std::move(it));
    }
    ASSERT_TRUE(store_->add_dataset(ds, "shapes.json", "llava").ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  std::size_t runs() { return store_->runs()->size(); }
  std::size_t datasets() { return store_->datasets()->size(); }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

struct P {
  std::string id;
  int options;
  int label;
};

PredictionSet make(std::initializer_list<P> ps) {
  PredictionSet set;
  PredictionInput in;
  for (const P& p : ps) {
    in.clear();
    in.id = p.id;
    in.scores.assign(static_cast<std::size_t>(p.options), 0.0);
    in.scores[0] = 1.0;
    in.label = p.label;
    set.add(in);
  }
  return set;
}

// Predictions at lines 3, 5, 9, ... of their file.
PredictionSource lines(std::vector<std::size_t> l) {
  PredictionSource s;
  s.format = "predictions-jsonl";
  s.positions = std::move(l);
  return s;
}

}  // namespace

TEST_F(ImportPredictions, AgreeingPredictionsAreImported) {
  const auto set = make({{"q0", 3, 0}, {"q1", 3, 1}, {"q3", 4, 0}});
  auto r = store_->import_predictions(set, "shapes", "run", PredictionImportOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 3u);
  EXPECT_EQ(r->skipped, 0u);
  EXPECT_EQ(store_->run(r->run_id)->predictions, 3u);
}

TEST_F(ImportPredictions, AnOptionCountThatDisagreesRefusesTheFile) {
  const auto set = make({{"q0", 3, 0}, {"q1", 4, 1}});
  const PredictionSource src = lines({3, 5});
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "line 5: prediction \"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has "
            "3");
  EXPECT_EQ(runs(), 0u);  // nothing imported
}

TEST_F(ImportPredictions, ALabelThatDisagreesRefusesTheFile) {
  const auto set = make({{"q2", 3, 1}});
  auto r = store_->import_predictions(set, "shapes", "run", PredictionImportOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "prediction 1: prediction \"q2\" has label 1 (B), but item \"q2\" of dataset "
            "\"shapes\" has answer 2 (C)");
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, AnUnknownIdRefusesTheFile) {
  auto r = store_->import_predictions(make({{"q0", 3, 0}, {"nobody", 3, 0}}), "shapes", "run");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "prediction 2: prediction id \"nobody\" is not an item of dataset \"shapes\"");
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, AnIdTwiceIsNamedWithBothLines) {
  const auto set = make({{"q0", 3, 0}, {"q1", 3, 1}, {"q0", 3, 0}});
  const PredictionSource src = lines({3, 4, 9});
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "prediction id \"q0\" appears twice (lines 3 and 9)");
  EXPECT_EQ(runs(), 0u);
  // Without the file's lines, by their places in the set.
  auto r2 = store_->import_predictions(set, "shapes", "run");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "prediction id \"q0\" appears twice (predictions 1 and 3)");
  // Into a new dataset too, which is then not created: no raw SQLite message, nothing left.
  auto r3 = store_->import_predictions(set, "fresh", "run", o);
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.error().message, "prediction id \"q0\" appears twice (lines 3 and 9)");
  EXPECT_EQ(datasets(), 1u);
  EXPECT_EQ(runs(), 0u);
}

TEST_F(ImportPredictions, SkipInvalidSkipsAndCounts) {
  const auto set = make({{"q0", 3, 0}, {"q1", 4, 1}, {"q2", 3, 1}, {"q0", 3, 0}, {"q3", 4, 0}});
  const PredictionSource src = lines({1, 2, 3, 4, 5});
  PredictionImportOptions o;
  o.source = &src;
  o.skip_invalid = true;
  auto r = store_->import_predictions(set, "shapes", "run", o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 2u);
  EXPECT_EQ(r->skipped, 3u);
  ASSERT_EQ(r->problems.size(), 3u);
  EXPECT_EQ(r->problems[0], "prediction id \"q0\" appears twice (lines 1 and 4)");
  EXPECT_EQ(r->problems[1],
            "line 2: prediction \"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has 3");
  EXPECT_EQ(r->problems[2],
            "line 3: prediction \"q2\" has label 1 (B), but item \"q2\" of dataset \"shapes\" "
            "has answer 2 (C)");
  EXPECT_EQ(store_->run(r->run_id)->predictions, 2u);
  EXPECT_EQ(store_->run(r->run_id)->spec.expected, 2u);
  // Nothing left: an error, and no run.
  const PredictionSource one = lines({1});
  o.source = &one;
  auto none = store_->import_predictions(make({{"q1", 4, 1}}), "shapes", "run2", o);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message,
            "no prediction is left to import: all 1 were skipped (the first: line 1: prediction "
            "\"q1\" has 4 options, but item \"q1\" of dataset \"shapes\" has 3)");
  EXPECT_EQ(runs(), 1u);
}

TEST_F(ImportPredictions, AnswersOnlyAreStoredAsSuch) {
  PredictionSet set;
  PredictionInput in;
  for (int i = 0; i < 3; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.kind = ScoreKind::kAnswerOnly;
    in.scores.assign(3, 0.0);
    in.label = i % 3;
    in.answer = i == 2 ? unveil::calib::kUnanswered : 0;
    in.options = "ABC";
    set.add(in);
  }
  PredictionSource src;
  src.format = "vlmevalkit";
  PredictionImportOptions o;
  o.source = &src;
  auto r = store_->import_predictions(set, "shapes", "answers", o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto info = store_->run(r->run_id);
  const auto settings = nlohmann::json::parse(info->spec.settings);
  EXPECT_EQ(settings["scores"], "none");
  EXPECT_EQ(settings["format"], "vlmevalkit");
  auto q = store_->db().prepare(
      "SELECT score_kind, answer, correct FROM predictions WHERE run_id = ? ORDER BY item_id");
  q.bind(1, r->run_id);
  std::vector<std::array<int, 3>> rows;
  while (q.step())
    rows.push_back({q.integer(0), q.integer(1), q.integer(2)});
  EXPECT_EQ(rows, (std::vector<std::array<int, 3>>{{2, 0, 1}, {2, 0, 0}, {2, -1, 0}}));
  // Read back: answers only, with the stored answers.
  auto back = store_->prediction_set(r->run_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ(back->kind(0), ScoreKind::kAnswerOnly);
  EXPECT_EQ(back->answer(1), 0);
  EXPECT_EQ(back->answer(2), unveil::calib::kUnanswered);
  const auto a = unveil::calib::accuracy_only(*back);
  EXPECT_EQ(a.correct, 1u);
  EXPECT_EQ(a.unanswered, 1u);
}
