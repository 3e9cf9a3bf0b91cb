// Expected values: closed forms of the incomplete beta function, the binomial identity
// I_x(a, n - a + 1) = P(Binomial(n, x) >= a), and published Clopper-Pearson intervals.
#include "calib/stats.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace unveil::calib;

TEST(IncompleteBeta, ClosedForms) {
  for (double x : {0.0, 0.1, 0.37, 0.5, 0.9, 1.0}) {
    EXPECT_NEAR(incomplete_beta(1, 1, x), x, 1e-14);
    EXPECT_NEAR(incomplete_beta(3.5, 1, x), std::pow(x, 3.5), 1e-13);      // I_x(a,1) = x^a
    EXPECT_NEAR(incomplete_beta(1, 4, x), 1 - std::pow(1 - x, 4), 1e-13);  // I_x(1,b)
  }
}

TEST(IncompleteBeta, BinomialIdentity) {
  // I_0.4(2, 3) = P(Bin(4, 0.4) >= 2) = 1 - 0.6^4 - 4 * 0.4 * 0.6^3 = 0.5248
  EXPECT_NEAR(incomplete_beta(2, 3, 0.4), 0.5248, 1e-13);
  // I_0.3(5, 16) = P(Bin(20, 0.3) >= 5), summed here term by term.
  double tail = 0;
  for (int k = 5; k <= 20; ++k) {
    tail += std::exp(std::lgamma(21) - std::lgamma(k + 1) - std::lgamma(21 - k)) *
            std::pow(0.3, k) * std::pow(0.7, 20 - k);
  }
  EXPECT_NEAR(incomplete_beta(5, 16, 0.3), tail, 1e-12);
}

TEST(IncompleteBeta, InverseRoundTrips) {
  for (double p : {0.001, 0.025, 0.5, 0.975, 0.999}) {
    const double x = inverse_incomplete_beta(2.5, 7, p);
    EXPECT_NEAR(incomplete_beta(2.5, 7, x), p, 1e-12);
  }
}

TEST(ClopperPearson, ZeroAndAllSuccessesHaveClosedForms) {
  // k = 0: upper = 1 - (alpha/2)^(1/n); k = n: lower = (alpha/2)^(1/n).
  auto [lo0, hi0] = clopper_pearson(0, 10);
  EXPECT_EQ(lo0, 0.0);
  EXPECT_NEAR(hi0, 1 - std::pow(0.025, 0.1), 1e-12);
  auto [lo1, hi1] = clopper_pearson(10, 10);
  EXPECT_NEAR(lo1, std::pow(0.025, 0.1), 1e-12);
  EXPECT_EQ(hi1, 1.0);
  auto [lo2, hi2] = clopper_pearson(1, 1);
  EXPECT_NEAR(lo2, 0.025, 1e-12);
  EXPECT_EQ(hi2, 1.0);
}

TEST(ClopperPearson, MatchesPublishedValues) {
  // R: binom.test(5, 10)$conf.int = 0.1870860 0.8129140
  auto [lo, hi] = clopper_pearson(5, 10);
  EXPECT_NEAR(lo, 0.1870860, 1e-7);
  EXPECT_NEAR(hi, 0.8129140, 1e-7);
  // R: binom.test(7, 20)$conf.int = 0.1539092 0.5921885
  auto [lo2, hi2] = clopper_pearson(7, 20);
  EXPECT_NEAR(lo2, 0.1539092, 1e-7);
  EXPECT_NEAR(hi2, 0.5921885, 1e-7);
}

TEST(ClopperPearson, EmptyIsWholeRange) {
  auto [lo, hi] = clopper_pearson(0, 0);
  EXPECT_EQ(lo, 0.0);
  EXPECT_EQ(hi, 1.0);
}

TEST(Quantile, Type7LikeNumpy) {
  std::vector<double> v{4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(quantile(v, 0.25), 1.75);  // numpy.percentile([1,2,3,4], 25)
  EXPECT_DOUBLE_EQ(quantile(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile(v, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.0), 1.0);
  std::vector<double> one{7};
  EXPECT_DOUBLE_EQ(quantile(one, 0.975), 7.0);
}

TEST(ClopperPearson, DefiningTailProbabilities) {
  // The bounds solve P(X >= k | n, lo) = alpha/2 and P(X <= k | n, hi) = alpha/2; the binomial
  // tails are summed here term by term, independently of the incomplete beta function.
  const int n = 20, k = 7;
  auto [lo, hi] = clopper_pearson(k, n);
  auto pmf = [&](int j, double p) {
    return std::exp(std::lgamma(n + 1) - std::lgamma(j + 1) - std::lgamma(n - j + 1)) *
           std::pow(p, j) * std::pow(1 - p, n - j);
  };
  double upper_tail = 0, lower_tail = 0;
  for (int j = k; j <= n; ++j)
    upper_tail += pmf(j, lo);
  for (int j = 0; j <= k; ++j)
    lower_tail += pmf(j, hi);
  EXPECT_NEAR(upper_tail, 0.025, 1e-12);
  EXPECT_NEAR(lower_tail, 0.025, 1e-12);
}

TEST(Stats, InverseBetaEqualsTheFullBisection) {
  // inverse_incomplete_beta stops once a bisection step changes nothing; the 200-step bisection
  // it replaced must give the same bits.
  const auto full = [](double a, double b, double p) {
    double lo = 0, hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-17; ++i) {
      const double mid = 0.5 * (lo + hi);
      if (unveil::calib::incomplete_beta(a, b, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  };
  for (double n : {1.0, 2.0, 10.0, 57.0, 1000.0, 123457.0}) {
    for (double k : {1.0, 2.0, std::floor(n / 3), n - 1}) {
      if (k < 1 || k > n - 1) continue;
      EXPECT_EQ(unveil::calib::inverse_incomplete_beta(k, n - k + 1, 0.025),
                full(k, n - k + 1, 0.025))
          << k << " of " << n;
      EXPECT_EQ(unveil::calib::inverse_incomplete_beta(k + 1, n - k, 0.975),
                full(k + 1, n - k, 0.975))
          << k << " of " << n;
    }
  }
}
