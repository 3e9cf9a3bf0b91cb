// Answers as recorded, unanswered items, the two confidences and the study's recipe
// (docs/METRICS.md, "Answers", "Two confidences" and "Recipes"). Expected values are worked out
// by hand in the comments, or by the study's TS.py procedure written out independently below.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <vector>

#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/predictions_jsonl.h"
#include "calib/recipe.h"
#include "calib/temperature.h"

namespace unveil::calib {
namespace {

struct Item {
  std::vector<double> logits;
  int label = 0;
  int answer = kAnswerFromScores;
  double conf_vocab = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> vocab = {};
};

PredictionSet make(const std::vector<Item>& items) {
  PredictionSet set;
  PredictionInput in;
  int n = 0;
  for (const Item& it : items) {
    in.clear();
    in.id = "q" + std::to_string(n++);
    in.scores = it.logits;
    in.label = it.label;
    in.answer = it.answer;
    in.conf_vocab = it.conf_vocab;
    in.vocab_logits = it.vocab;
    set.add(in);
  }
  return set;
}

// --- Answers are what the model said -----------------------------------------------------------

TEST(Answers, AnUnansweredItemIsWrongEvenWhenItsLogitsFavourTheLabel) {
  // Item 0: logits favour A = label, but the model produced no letter: wrong, not right.
  // Item 1: answered A = label: right. Item 2: answered B, label A: wrong.
  const auto set = make({{{3, 0, 0}, 0, kUnanswered}, {{2, 0, 0}, 0, 0}, {{0, 1, 0}, 0, 1}});
  const Outcomes o = compute_outcomes(set);
  EXPECT_EQ(o.predicted[0], -1);
  EXPECT_EQ(o.correct[0], 0);
  EXPECT_EQ(o.unanswered[0], 1);
  EXPECT_EQ(o.correct[1], 1);
  EXPECT_EQ(o.correct[2], 0);
  const Metrics m = compute_metrics(o);
  EXPECT_EQ(m.n, 3u);
  EXPECT_EQ(m.n_unanswered, 1u);
  EXPECT_FALSE(m.unanswered_dropped);
  EXPECT_DOUBLE_EQ(m.accuracy, 1.0 / 3.0);
  // The unanswered item keeps max p as its confidence: e^3 / (e^3 + 2).
  EXPECT_NEAR(o.confidence[0], std::exp(3.0) / (std::exp(3.0) + 2.0), 1e-15);
}

TEST(Answers, NoItemAnsweredMeansAccuracyZeroWhateverTheLogits) {
  // The case of a card that never produces a letter: every stored answer is -1.
  std::vector<Item> items;
  for (int i = 0; i < 10; ++i)
    items.push_back({{i % 2 ? 1.0 : 0.0, 0, 0, 0, 0}, i % 5, kUnanswered});
  const Metrics m = compute_metrics(compute_outcomes(make(items)));
  EXPECT_EQ(m.accuracy, 0.0);
  EXPECT_EQ(m.n_unanswered, 10u);
  EXPECT_EQ(m.n, 10u);
}

TEST(Answers, ARecordedAnswerThatIsNotTheArgmaxIsScoredAsGiven) {
  // Logits (0, ln 3): option B has p = 3/4, A has 1/4. The recorded answer is A (label A): right,
  // with confidence 1/4 (the answer's probability, not the argmax's).
  const auto set = make({{{0, std::log(3.0)}, 0, 0}});
  const Outcomes o = compute_outcomes(set);
  EXPECT_EQ(o.predicted[0], 0);
  EXPECT_EQ(o.correct[0], 1);
  EXPECT_NEAR(o.confidence[0], 0.25, 1e-15);
}

TEST(Answers, DroppingUnansweredItemsLeavesThemOutAndCountsThem) {
  // Two answered (one right), two unanswered. Drop: n = 2, accuracy 1/2, 2 unanswered counted.
  const auto set =
      make({{{2, 0}, 0, 0}, {{2, 0}, 1, 0}, {{0, 2}, 1, kUnanswered}, {{1, 0}, 0, kUnanswered}});
  Scoring sc;
  sc.unanswered = UnansweredPolicy::kDrop;
  auto o = compute_outcomes(set, 1.0, sc);
  ASSERT_TRUE(o) << o.error().message;
  ASSERT_EQ(o->size(), 2u);
  EXPECT_EQ(o->item(0), 0u);
  EXPECT_EQ(o->item(1), 1u);
  const Metrics m = compute_metrics(*o);
  EXPECT_EQ(m.n, 2u);
  EXPECT_EQ(m.n_unanswered, 2u);
  EXPECT_TRUE(m.unanswered_dropped);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
  // Counted wrong instead: 1 right of 4.
  const Metrics w = compute_metrics(compute_outcomes(set));
  EXPECT_DOUBLE_EQ(w.accuracy, 0.25);
  EXPECT_EQ(w.n_unanswered, 2u);
}

// --- Exact inputs ------------------------------------------------------------------------------

TEST(ExactInputs, GivenProbabilitiesAreUsedAsGivenAndBinnedAsNumPyWould) {
  // probs (0.3, 0.1, 0.05, 0.05) sum to 0.5: the confidence is 0.3 / 0.5 = 0.6 exactly (no
  // log/exp round trip), so min(int(0.6 * 10), 9) = 6: the 0.6-0.7 bin, as the study and NumPy.
  PredictionSet set;
  PredictionInput in;
  in.id = "x";
  in.scores = {0.3, 0.1, 0.05, 0.05};
  in.kind = ScoreKind::kProbabilities;
  in.label = 0;
  set.add(in);
  const Outcomes o = compute_outcomes(set);
  EXPECT_EQ(o.confidence[0], 0.6);
  const Metrics m = compute_metrics(o, {10, Binning::kEqualWidth});
  EXPECT_EQ(m.table.bins[6].count, 1u);
  EXPECT_EQ(m.table.bins[5].count, 0u);
  // Brier (0.4^2 + 0.2^2 + 0.1^2 + 0.1^2) = 0.22, from the given values.
  EXPECT_NEAR(o.brier[0], 0.22, 1e-15);
}

TEST(ExactInputs, AGivenProbabilityRoundTripsThroughTheJsonlWriterUnchanged) {
  const std::string text = R"({"id":"a","probs":[0.7,0.2,0.1],"label":1})"
                           "\n";
  auto set = parse_predictions_jsonl(text, "p.jsonl");
  ASSERT_TRUE(set);
  std::ostringstream out;
  write_predictions_jsonl(out, *set);
  EXPECT_NE(out.str().find("\"probs\":[0.7,0.2,0.1]"), std::string::npos) << out.str();
}

// --- Two confidences ---------------------------------------------------------------------------

TEST(Confidences, TheVocabularyConfidenceIsTheStoredOneAtTOne) {
  const auto set = make({{{2, 0}, 0, 0, 0.42}, {{0, 1}, 0, 1, 0.9}});
  Scoring sc;
  sc.confidence = ConfidenceKind::kVocab;
  auto o = compute_outcomes(set, 1.0, sc);
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_EQ(o->confidence[0], 0.42);
  EXPECT_EQ(o->confidence[1], 0.9);
  const Metrics m = compute_metrics(*o, {10, Binning::kEqualWidth});
  // Bin 4: conf .42 right (gap .58); bin 9: conf .9 wrong (gap .9): ECE = (.58 + .9) / 2.
  EXPECT_NEAR(m.ece, (0.58 + 0.9) / 2, 1e-15);
  EXPECT_EQ(m.confidence, ConfidenceKind::kVocab);
}

TEST(Confidences, AnItemWithoutAVocabularyConfidenceIsNamed) {
  const auto set = make({{{2, 0}, 0, 0, 0.5}, {{0, 1}, 0, 1}});
  Scoring sc;
  sc.confidence = ConfidenceKind::kVocab;
  auto o = compute_outcomes(set, 1.0, sc);
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message.find("item \"q1\" has no full-vocabulary confidence"),
            std::string::npos)
      << o.error().message;
}

TEST(Confidences, AtATemperatureTheVocabularyConfidenceComesFromTheVocabularyLogits) {
  // Vocabulary (A, B, x, y) with logits (2, 0, 1, -1); options A, B; answer A. At T = 2:
  // p(A) = e^1 / (e^1 + e^0 + e^0.5 + e^-0.5).
  const auto set = make({{{2, 0}, 0, 0, std::numeric_limits<double>::quiet_NaN(), {2, 0, 1, -1}}});
  EXPECT_NEAR(vocab_confidence(set, 0, 2.0),
              std::exp(1.0) / (std::exp(1.0) + 1.0 + std::exp(0.5) + std::exp(-0.5)), 1e-15);
}

// --- The study's recipe ------------------------------------------------------------------------

// TS.py's ECE, written out as it does it: bins list_bin[min(int(conf * 10), 9)], items without a
// letter skipped, ECE = sum over non-empty bins of |k/num - cof_sum/num| * num / total.
double study_ece(const std::vector<double>& conf, const std::vector<int>& right) {
  double num[10] = {}, k[10] = {}, cof[10] = {};
  for (std::size_t i = 0; i < conf.size(); ++i) {
    const int b = std::min(static_cast<int>(conf[i] * 10), 9);
    num[b] += 1;
    cof[b] += conf[i];
    k[b] += right[i];
  }
  double total = 0, ece = 0;
  for (double v : num)
    total += v;
  for (int b = 0; b < 10; ++b) {
    if (num[b] == 0) continue;
    ece += std::fabs(k[b] / num[b] - cof[b] / num[b]) * num[b] / total;
  }
  return ece;
}

TEST(StudyRecipe, ItsEceIsTsPysOnTheVocabularyConfidenceWithUnansweredDropped) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto set = make({{{2, 0, 0}, 0, 0, 0.91},
                         {{0, 2, 0}, 0, 1, 0.63},
                         {{1, 0, 0}, 0, 0, 0.355},
                         {{0, 0, 1}, 2, 2, 1.0},
                         {{0, 0, 0}, 0, kUnanswered, nan},
                         {{3, 0, 0}, 1, 0, 0.6}});
  auto s = score(set, study_recipe());
  ASSERT_TRUE(s) << s.error().message;
  const double expect = study_ece({0.91, 0.63, 0.355, 1.0, 0.6}, {1, 0, 1, 1, 0});
  EXPECT_NEAR(s->metrics.ece, expect, 1e-12);
  EXPECT_EQ(s->metrics.n, 5u);
  EXPECT_EQ(s->metrics.n_unanswered, 1u);
  EXPECT_EQ(s->metrics.table.bins.size(), 10u);
}

TEST(StudyRecipe, TheGridTemperatureIsTheFirstStrictMinimumOfTheVocabularyNll) {
  // Vocabulary (A, B, other): logits (2, 0, -inf-like -30). Four items, the right letter is A
  // on three (q = 3/4) and B on one. The mean NLL over T is minimised where
  // softmax(2/T, 0)[A] = 3/4 (the "other" token is negligible), i.e. T* = 2 / ln 3 = 1.8205.
  // TS.py's grid, brute force below in long double with no shift, picks the grid point.
  std::vector<Item> items;
  for (int i = 0; i < 4; ++i)
    items.push_back(
        {{2, 0}, i < 3 ? 0 : 1, 0, std::numeric_limits<double>::quiet_NaN(), {2, 0, -30}});
  const auto set = make(items);
  auto fit = fit_temperature_study_grid(set);
  ASSERT_TRUE(fit) << fit.error().message;
  long double best = INFINITY;
  int best_t = 0;
  for (int t = 1; t < 1000; ++t) {
    const long double T = t / 100.0L;
    const long double z = expl(2 / T) + expl(0 / T) + expl(-30 / T);
    const long double nll = (3 * (logl(z) - 2 / T) + (logl(z) - 0 / T)) / 4;
    if (nll < best) {
      best = nll;
      best_t = t;
    }
  }
  EXPECT_EQ(best_t, 182);  // T* = 1.8205 lies between 1.82 and 1.83, nearer the first
  EXPECT_EQ(fit->temperature, best_t / 100.0);
  EXPECT_FALSE(fit->at_bound);
}

TEST(StudyRecipe, TheGridFitNamesAnItemWithoutVocabularyLogits) {
  const auto set = make({{{2, 0}, 0, 0}});
  auto fit = fit_temperature_study_grid(set);
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("item \"q0\" has no vocabulary logits"), std::string::npos);
}

TEST(StudyRecipe, AnyOtherChoiceIsNotTheStudysAndIsRefusedByName) {
  EXPECT_FALSE(recipe_by_name("tsp"));
  const Recipe r = study_recipe();
  EXPECT_EQ(r.metrics.bins, 10);
  EXPECT_EQ(r.scoring.confidence, ConfidenceKind::kVocab);
  EXPECT_EQ(r.scoring.unanswered, UnansweredPolicy::kDrop);
  EXPECT_EQ(r.temperature, TemperatureMethod::kStudyGrid);
}

TEST(StudyRecipe, PythonFloorDivisionGivesTheStudysAccuracyBand) {
  // Python: 0.6 // 0.2 == 2.0 and 1.0 // 0.2 == 4.0 (0.2 is slightly above 1/5 in binary), while
  // 0.4 // 0.2 == 2.0 and 0.8 // 0.2 == 4.0 (exact multiples).
  EXPECT_EQ(python_floor_div(0.6, 0.2), 2.0);
  EXPECT_EQ(python_floor_div(1.0, 0.2), 4.0);
  EXPECT_EQ(python_floor_div(0.4, 0.2), 2.0);
  EXPECT_EQ(python_floor_div(0.8, 0.2), 4.0);
  EXPECT_EQ(python_floor_div(0.0, 0.2), 0.0);
  EXPECT_EQ(python_floor_div(0.19, 0.2), 0.0);
}

// --- Predictions JSONL carries both ------------------------------------------------------------

TEST(JsonlFields, AnswerConfVocabAndVocabLogitsAreReadAndWrittenBack) {
  const std::string text =
      R"({"id":"a","logits":[2,0],"label":"A","answer":"A","conf_vocab":0.5,"vocab_logits":[2,0,1]})"
      "\n"
      R"({"id":"b","logits":[0,1],"label":0,"answer":null})"
      "\n"
      R"({"id":"c","logits":[0,1],"label":0})"
      "\n";
  auto set = parse_predictions_jsonl(text, "p.jsonl");
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set->answer(0), 0);
  EXPECT_EQ(set->conf_vocab(0), 0.5);
  ASSERT_EQ(set->vocab_logits(0).size(), 3u);
  EXPECT_EQ(set->answer(1), kUnanswered);
  EXPECT_TRUE(set->vocab_logits(1).empty());
  EXPECT_EQ(set->answer(2), kAnswerFromScores);
  std::ostringstream out;
  write_predictions_jsonl(out, *set);
  auto again = parse_predictions_jsonl(out.str(), "again.jsonl");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->answer(0), 0);
  EXPECT_EQ(again->answer(1), kUnanswered);
  EXPECT_EQ(again->answer(2), kAnswerFromScores);
  EXPECT_EQ(again->conf_vocab(0), 0.5);
  EXPECT_EQ(again->vocab_logits(0)[2], 1.0);
}

TEST(JsonlFields, BadAnswerAndConfidenceAreRefusedWithTheLine) {
  auto bad = parse_predictions_jsonl(R"({"id":"a","logits":[2,0],"label":0,"answer":3})"
                                     "\n",
                                     "p.jsonl");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "p.jsonl:1: answer 3 is out of range for 2 options (null: the model gave no option "
            "letter)");
  auto conf = parse_predictions_jsonl(R"({"id":"a","logits":[2,0],"label":0,"conf_vocab":1.5})"
                                      "\n",
                                      "p.jsonl");
  ASSERT_FALSE(conf);
  EXPECT_EQ(conf.error().message,
            "p.jsonl:1: \"conf_vocab\" is 1.5; a probability in [0, 1] is needed");
}

}  // namespace
}  // namespace unveil::calib
