// The risk–coverage curve, worked by hand (ties keep input order), thinned, and consistent with
// AURC (its mean risk over every k).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "calib/metrics.h"
#include "calib/risk_coverage.h"
#include "test_util.h"

using namespace unveil;

namespace {
calib::Outcomes hand_made() {
  // Confidence 0.9 right, 0.8 wrong, 0.8 right, 0.6 wrong. Descending with ties in input order:
  // items 0, 1, 2, 3. Risk at k = 1..4: 0/1, 1/2, 1/3, 2/4.
  calib::Outcomes o;
  o.confidence = {0.9, 0.8, 0.8, 0.6};
  o.correct = {1, 0, 1, 0};
  o.predicted = {0, 0, 0, 0};
  o.nll = {0, 0, 0, 0};
  o.brier = {0, 0, 0, 0};
  o.said_idk = {-1, -1, -1, -1};
  return o;
}
}  // namespace

TEST(RiskCoverage, ByHand) {
  const auto curve = calib::risk_coverage(hand_made());
  ASSERT_EQ(curve.size(), 4u);
  const double risk[] = {0.0, 0.5, 1.0 / 3.0, 0.5};
  const double threshold[] = {0.9, 0.8, 0.8, 0.6};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(curve[i].k, i + 1);
    EXPECT_DOUBLE_EQ(curve[i].coverage, (i + 1) / 4.0);
    EXPECT_DOUBLE_EQ(curve[i].risk, risk[i]);
    EXPECT_DOUBLE_EQ(curve[i].threshold, threshold[i]);
  }
}

TEST(RiskCoverage, ThinnedKeepsEvenPointsAndTheLast) {
  const auto two = calib::risk_coverage(hand_made(), 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].k, 2u);
  EXPECT_EQ(two[1].k, 4u);
  EXPECT_DOUBLE_EQ(two[1].risk, 0.5);
  const auto one = calib::risk_coverage(hand_made(), 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].k, 4u);
  EXPECT_TRUE(calib::risk_coverage(calib::Outcomes{}).empty());
}

TEST(RiskCoverage, MeanRiskIsAurc) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  calib::PredictionSet set;
  calib::PredictionInput in;
  for (int i = 0; i < 300; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    // Rounded logits make ties in confidence common.
    in.scores = {std::round(4 * u(rng)), std::round(4 * u(rng)), 0};
    in.label = i % 3;
    set.add(in);
  }
  const auto o = calib::compute_outcomes(set);
  const auto curve = calib::risk_coverage(o, 100000);
  ASSERT_EQ(curve.size(), 300u);
  double sum = 0;
  for (const auto& p : curve)
    sum += p.risk;
  EXPECT_NEAR(sum / 300.0, calib::compute_metrics(o).aurc, 1e-12);
}
