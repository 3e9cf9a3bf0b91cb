// Temperature scaling against closed forms: for n items with the same two logits (z, 0), a share q
// of them labelled 0, the mean NLL is -q log s(b z) - (1 - q) log(1 - s(b z)) with s the logistic
// function and b = 1/T; it is minimised where s(b z) = q, i.e. T = z / log(q / (1 - q)).
#include "calib/temperature.h"

#include <gtest/gtest.h>

#include <cmath>

#include "calib/outcomes.h"
#include "test_util.h"
#include "util/parallel.h"

using namespace unveil::calib;
using unveil::test::make_set;
using unveil::test::Row;

namespace {

PredictionSet repeated(double z, int label0, int label1) {
  PredictionSet set;
  PredictionInput in;
  for (int i = 0; i < label0 + label1; ++i) {
    in.clear();
    in.id = std::to_string(i);
    in.scores = {z, 0.0};
    in.label = i < label0 ? 0 : 1;
    set.add(in);
  }
  return set;
}

// Reference mean NLL written independently of the library.
double reference_nll(const PredictionSet& s, double t) {
  double total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto z = s.logits(i);
    double m = -INFINITY;
    for (double v : z)
      m = std::max(m, v / t);
    double sum = 0;
    for (double v : z)
      sum += std::exp(v / t - m);
    total += -(z[s.label(i)] / t - m - std::log(sum));
  }
  return total / static_cast<double>(s.size());
}

}  // namespace

TEST(Temperature, ClosedFormOverConfident) {
  // z = 2, q = 3/4: T = 2 / log 3.
  const auto fit = fit_temperature(repeated(2.0, 3, 1));
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->temperature, 2.0 / std::log(3.0), 1e-10);
  EXPECT_FALSE(fit->at_bound);
  EXPECT_FALSE(fit->unchanged);
  EXPECT_GT(fit->temperature, 1.0);
  // NLL after = entropy of Bernoulli(3/4).
  EXPECT_NEAR(fit->nll_after, -(0.75 * std::log(0.75) + 0.25 * std::log(0.25)), 1e-12);
  EXPECT_NEAR(fit->nll_before, reference_nll(repeated(2.0, 3, 1), 1.0), 1e-12);
  EXPECT_NE(fit->note.find("over-confident"), std::string::npos);
}

TEST(Temperature, ClosedFormUnderConfident) {
  // z = 0.5, q = 0.9: T = 0.5 / log 9 < 1.
  const auto fit = fit_temperature(repeated(0.5, 9, 1));
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->temperature, 0.5 / std::log(9.0), 1e-10);
  EXPECT_NE(fit->note.find("under-confident"), std::string::npos);
}

TEST(Temperature, AlreadyCalibratedSaysNothingChanged) {
  // z = log 3, q = 3/4: T = 1 exactly.
  const auto fit = fit_temperature(repeated(std::log(3.0), 3, 1));
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->temperature, 1.0, 1e-10);
  EXPECT_TRUE(fit->unchanged);
  EXPECT_NEAR(fit->nll_before, fit->nll_after, 1e-12);
  EXPECT_NE(fit->note.find("changes almost nothing"), std::string::npos);
}

TEST(Temperature, AllRightWithMarginHitsTheLowerBound) {
  const auto fit = fit_temperature(repeated(2.0, 5, 0));
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->at_bound);
  EXPECT_DOUBLE_EQ(fit->temperature, 0.01);
}

TEST(Temperature, MinimisesAGeneralSet) {
  // Mixed set, K = 3 and 4, logits and probabilities: the fitted T is a minimum of the reference
  // NLL (checked on both sides) and matches a golden-section search on it.
  const auto set = make_set({{{2.0, 0.1, -1.0}, 0},
                             {{0.3, 1.7, 0.2}, 0},
                             {{-0.5, 0.4, 2.5, 0.0}, 2},
                             {{1.1, 1.0, 0.9}, 2},
                             {{0.7, 0.2, 0.1}, 0, true},
                             {{0.05, 0.9, 0.05}, 0, true},
                             {{3.0, -2.0, 0.0}, 0},
                             {{0.0, 2.2, 0.1, 0.3}, 1}});
  const auto fit = fit_temperature(set);
  ASSERT_TRUE(fit.ok());
  const double t = fit->temperature;
  EXPECT_LT(reference_nll(set, t), reference_nll(set, t * 1.001));
  EXPECT_LT(reference_nll(set, t), reference_nll(set, t / 1.001));
  double a = 0.05, b = 20;
  const double g = (std::sqrt(5.0) - 1) / 2;
  for (int i = 0; i < 200; ++i) {
    const double c = b - g * (b - a), d = a + g * (b - a);
    if (reference_nll(set, c) < reference_nll(set, d)) {
      b = d;
    } else {
      a = c;
    }
  }
  EXPECT_NEAR(t, 0.5 * (a + b), 1e-6);
  EXPECT_NEAR(fit->nll_after, reference_nll(set, t), 1e-12);
  EXPECT_NEAR(mean_nll(set, t), reference_nll(set, t), 1e-12);
}

TEST(Temperature, ZeroProbabilityOnTheLabelIsFinite) {
  const auto set = make_set({{{1.0, 0.0}, 1, true}, {{0.6, 0.4}, 0, true}, {{0.3, 0.7}, 1, true}});
  const auto fit = fit_temperature(set);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(std::isfinite(fit->temperature));
  EXPECT_TRUE(std::isfinite(fit->nll_after));
  EXPECT_LE(fit->nll_after, fit->nll_before);
}

TEST(Temperature, EmptySetIsAnError) {
  const auto fit = fit_temperature(PredictionSet{});
  ASSERT_FALSE(fit.ok());
  EXPECT_NE(fit.error().message.find("empty"), std::string::npos);
}

TEST(Temperature, SameResultWithOneOrTwoThreads) {
  PredictionSet set;
  PredictionInput in;
  for (int i = 0; i < 200000; ++i) {
    in.clear();
    in.id = std::to_string(i);
    in.scores = {std::sin(i * 0.37) * 3, std::cos(i * 0.11), 0.5 * std::sin(i * 0.05)};
    in.label = i % 3;
    set.add(in);
  }
  unveil::set_worker_threads(1);
  const auto one = fit_temperature(set);
  unveil::set_worker_threads(2);
  const auto two = fit_temperature(set);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_NEAR(one->temperature, two->temperature, 1e-10);
}
