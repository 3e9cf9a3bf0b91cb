#include "calib/outcomes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

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

namespace {

// n items with k options (logits, or probabilities with some zeros), an IDK option on some.
unveil::calib::PredictionSet random_set(std::size_t n, std::size_t k, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 2.0);
  PredictionSet set;
  PredictionInput in;
  for (std::size_t i = 0; i < n; ++i) {
    in.clear();
    in.id = "q" + std::to_string(i);
    in.scores.resize(k);
    in.kind = i % 7 == 3 ? ScoreKind::kProbabilities : ScoreKind::kLogits;
    for (double& v : in.scores)
      v = in.kind == ScoreKind::kLogits ? normal(rng) : static_cast<double>(rng() % 4);
    if (in.kind == ScoreKind::kProbabilities) in.scores[rng() % k] += 1;  // a positive sum
    if (i % 11 == 5 && in.kind == ScoreKind::kLogits) in.scores[1] = in.scores[0];  // a tie
    in.label = static_cast<int>(rng() % k);
    in.idk_index = i % 3 == 0 ? -1 : static_cast<int>(k - 1);
    set.add(in);
  }
  return set;
}

}  // namespace

TEST(Outcomes, ColumnKernelAgreesWithItemByItem) {
  // A set whose items all have k options goes through the column-wise kernel; the same items
  // after one item with another option count go item by item. Both use libmvec's exp (4 ulp),
  // possibly of different widths, so values agree to a few ulp; the discrete outcomes exactly.
  for (std::size_t k : {2u, 3u, 5u, 8u, 12u}) {
    for (double t : {1.0, 1.7}) {
      const std::size_t n = 1003;  // not a multiple of the chunk or of 4
      const PredictionSet a = random_set(n, k, static_cast<unsigned>(k));
      PredictionSet b = random_set(1, k + 1, 99);
      b.append(a);
      const Outcomes oa = compute_outcomes(a, t), ob = compute_outcomes(b, t);
      ASSERT_EQ(oa.size(), n);
      ASSERT_EQ(ob.size(), n + 1);
      for (std::size_t i = 0; i < n; ++i) {
        const std::string at = "k=" + std::to_string(k) + " item " + std::to_string(i);
        EXPECT_EQ(oa.predicted[i], ob.predicted[i + 1]) << at;
        EXPECT_EQ(oa.correct[i], ob.correct[i + 1]) << at;
        EXPECT_EQ(oa.said_idk[i], ob.said_idk[i + 1]) << at;
        EXPECT_NEAR(oa.confidence[i], ob.confidence[i + 1], 1e-14 * oa.confidence[i]) << at;
        EXPECT_NEAR(oa.nll[i], ob.nll[i + 1], 1e-13 * (1 + oa.nll[i])) << at;
        EXPECT_NEAR(oa.brier[i], ob.brier[i + 1], 1e-13) << at;
        // And against the plain definition, softmax with std::exp.
        const auto p = softmax(a.logits(i), t);
        EXPECT_NEAR(oa.confidence[i], p[static_cast<std::size_t>(oa.predicted[i])],
                    1e-14 * oa.confidence[i])
            << at;
        if (a.kind(i) == ScoreKind::kProbabilities && p[a.label(i)] == 0) {
          EXPECT_NEAR(oa.nll[i], -std::log(1e-12), 1e-12) << at;
        }
      }
    }
  }
}

TEST(Outcomes, OneHotProbabilitiesGiveConfidenceExactlyOne) {
  // Through the column kernel: exp(0) of the argmax is exactly 1 and the other options are
  // exp(-inf) = 0.
  const Outcomes o = compute_outcomes(make_set({{{1, 0, 0}, 0, true},
                                                {{0, 0, 1}, 1, true},
                                                {{0.5, 0.5, 0}, 1, true},
                                                {{0, 1, 0}, 1, true},
                                                {{0, 1, 0}, 1, true}}));
  EXPECT_EQ(o.confidence[0], 1.0);
  EXPECT_EQ(o.confidence[1], 1.0);
  EXPECT_EQ(o.confidence[4], 1.0);
  EXPECT_EQ(o.brier[0], 0.0);
  EXPECT_EQ(o.predicted[2], 0);  // a tie goes to the lowest index
  EXPECT_EQ(o.confidence[2], 0.5);
  EXPECT_NEAR(o.nll[1], -std::log(1e-12), 1e-12);
}
