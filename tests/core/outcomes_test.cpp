#include "calib/outcomes.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"

using namespace unveil::calib;
using unveil::test::make_set;

TEST(Outcomes, SoftmaxOfLogits) {
  // softmax(1, 2, 3) = e^k / (e + e^2 + e^3)
  const auto p = softmax(std::vector<double>{1, 2, 3});
  const double s = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  EXPECT_NEAR(p[0], std::exp(1.0) / s, 1e-15);
  EXPECT_NEAR(p[2], std::exp(3.0) / s, 1e-15);
  // At T = 2 the logits are halved.
  const auto q = softmax(std::vector<double>{1, 2, 3}, 2.0);
  const double s2 = std::exp(0.5) + std::exp(1.0) + std::exp(1.5);
  EXPECT_NEAR(q[1], std::exp(1.0) / s2, 1e-15);
}

TEST(Outcomes, ProbabilitiesAreRenormalised) {
  // 0.2, 0.6, 0.2 given as 0.1, 0.3, 0.1 (sum 0.5): confidence 0.6.
  const Outcomes o = compute_outcomes(make_set({{{0.1, 0.3, 0.1}, 1, true}}));
  EXPECT_NEAR(o.confidence[0], 0.6, 1e-15);
  EXPECT_EQ(o.correct[0], 1);
  EXPECT_NEAR(o.nll[0], -std::log(0.6), 1e-15);
}

TEST(Outcomes, LogitNllIsNotClamped) {
  const Outcomes o = compute_outcomes(make_set({{{0, 100}, 0}}));
  EXPECT_NEAR(o.nll[0], 100.0, 1e-12);  // -log softmax = log(1 + e^100) ~ 100
}

TEST(Outcomes, SaidIdkIsUnknownWithoutIdkIndex) {
  const Outcomes o = compute_outcomes(make_set({{{0, 1}, 1}, {{0, 1}, 1, false, 1}}));
  EXPECT_EQ(o.said_idk[0], -1);
  EXPECT_EQ(o.said_idk[1], 1);
  EXPECT_TRUE(o.has_idk);
}
