// Every expected value below is worked out by hand in the comments (docs/METRICS.md definitions).
#include "calib/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "test_util.h"

using namespace unveil::calib;
using unveil::test::make_set;

namespace {

// Six two-option items given as probabilities, chosen away from bin edges except the exact 1.0:
//   #  probs        label  confidence  correct
//   1  .95 .05      0      .95         yes
//   2  .85 .15      1      .85         no
//   3  .25 .75      1      .75         yes
//   4  .65 .35      0      .65         yes
//   5  1.0 0.0      1      1.0         no   (confidence exactly 1.0)
//   6  .55 .45      1      .55         no
PredictionSet six() {
  return make_set({{{.95, .05}, 0, true},
                   {{.85, .15}, 1, true},
                   {{.25, .75}, 1, true},
                   {{.65, .35}, 0, true},
                   {{1.0, 0.0}, 1, true},
                   {{.55, .45}, 1, true}});
}

}  // namespace

TEST(Metrics, SixItemsEqualWidth) {
  const Outcomes o = compute_outcomes(six());
  EXPECT_EQ(o.confidence[4], 1.0);  // one-hot probabilities stay exactly 1.0
  const Metrics m = compute_metrics(o, {10, Binning::kEqualWidth});
  EXPECT_EQ(m.n, 6u);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
  // Bins: 5 {.55 wrong} gap -.55; 6 {.65 right} +.35; 7 {.75 right} +.25; 8 {.85 wrong} -.85;
  // 9 {.95 right, 1.0 wrong}: conf .975, acc .5, gap -.475 (1.0 lands in the last bin).
  ASSERT_EQ(m.table.bins.size(), 10u);
  for (int b = 0; b < 5; ++b) {
    EXPECT_EQ(m.table.bins[b].count, 0u) << b;
    EXPECT_TRUE(std::isnan(m.table.bins[b].confidence));
  }
  EXPECT_EQ(m.table.bins[9].count, 2u);
  EXPECT_NEAR(m.table.bins[9].confidence, 0.975, 1e-12);
  EXPECT_NEAR(m.table.bins[9].accuracy, 0.5, 1e-12);
  EXPECT_NEAR(m.table.bins[9].gap, -0.475, 1e-12);
  EXPECT_NEAR(m.table.bins[8].gap, -0.85, 1e-12);
  EXPECT_DOUBLE_EQ(m.table.bins[3].lo, 0.3);
  EXPECT_DOUBLE_EQ(m.table.bins[3].hi, 0.4);
  // ECE = (.55 + .35 + .25 + .85) / 6 + 2 * .475 / 6 = 2.95 / 6
  EXPECT_NEAR(m.ece, 2.95 / 6, 1e-12);
  EXPECT_NEAR(m.mce, 0.85, 1e-12);
  // RMSCE = sqrt((.3025 + .1225 + .0625 + .7225 + 2 * .225625) / 6)
  EXPECT_NEAR(m.rmsce, std::sqrt(1.66125 / 6), 1e-12);
  // ACE, 10 equal-mass bins over 6 items: every item is alone in its bin, so
  // ACE = mean |correct - conf| = (.05 + .85 + .25 + .35 + 1 + .55) / 6.
  EXPECT_NEAR(m.ace, 3.05 / 6, 1e-12);
  // Brier per item: .005, 1.445, .125, .245, 2, .605.
  EXPECT_NEAR(m.brier, 4.425 / 6, 1e-12);
  // NLL: -log of the label's probability, 1e-12 for the zero.
  const double nll = -(std::log(.95) + std::log(.15) + std::log(.75) + std::log(.65) +
                       std::log(1e-12) + std::log(.45)) /
                     6;
  EXPECT_NEAR(m.nll, nll, 1e-12);
  // AUROC: right {.95, .75, .65} vs wrong {.85, 1.0, .55}: pairs ranked right = 2 + 1 + 1 of 9.
  ASSERT_TRUE(m.auroc.has_value());
  EXPECT_NEAR(*m.auroc, 4.0 / 9, 1e-12);
  // AURC: descending 1.0 w, .95 r, .85 w, .75 r, .65 r, .55 w; risks 1, 1/2, 2/3, 2/4, 2/5, 3/6.
  EXPECT_NEAR(m.aurc, (107.0 / 30) / 6, 1e-12);
  // Clopper-Pearson of bin 9 (1 of 2): [0.025^(1/2) complement..]: lo = 1 - 0.975^(1/2)... both
  // ends solve binomial tails; for n = 2, k = 1: lo = 1 - sqrt(.975), hi = sqrt(.975).
  EXPECT_NEAR(m.table.bins[9].ci_lo, 1 - std::sqrt(0.975), 1e-9);
  EXPECT_NEAR(m.table.bins[9].ci_hi, std::sqrt(0.975), 1e-9);
  EXPECT_FALSE(m.has_idk);
}

TEST(Metrics, SixItemsEqualMassThreeBins) {
  const Metrics m = compute_metrics(compute_outcomes(six()), {3, Binning::kEqualMass});
  // Sorted: .55 w, .65 r | .75 r, .85 w | .95 r, 1.0 w -> gaps .1, .3, .475.
  ASSERT_EQ(m.table.bins.size(), 3u);
  EXPECT_EQ(m.table.bins[0].count, 2u);
  EXPECT_NEAR(m.table.bins[0].lo, 0.55, 1e-12);
  EXPECT_NEAR(m.table.bins[0].hi, 0.65, 1e-12);
  EXPECT_NEAR(m.table.bins[2].confidence, 0.975, 1e-12);
  EXPECT_NEAR(m.ece, (0.1 + 0.3 + 0.475) / 3, 1e-12);
  EXPECT_NEAR(m.ace, m.ece, 1e-15);
}

TEST(Metrics, EqualMassWithMoreBinsThanItemsLeavesEmptyBins) {
  const auto set = make_set({{{2, 0}, 0}, {{0, 1}, 1}});
  const BinTable t = bin_table(compute_outcomes(set), 5, Binning::kEqualMass);
  // N = 2, B = 5: bin k holds [floor(2k/5), floor(2(k+1)/5)) -> bins 2 and 4 hold one item each.
  std::vector<std::size_t> counts;
  for (const Bin& b : t.bins)
    counts.push_back(b.count);
  EXPECT_EQ(counts, (std::vector<std::size_t>{0, 0, 1, 0, 1}));
  EXPECT_TRUE(std::isnan(t.bins[0].lo));
}

TEST(Metrics, ConfidenceZeroAndOneLandInFirstAndLastBins) {
  Outcomes o;
  o.confidence = {0.0, 1.0, 0.1, 0.9999999999999999};
  o.correct = {0, 1, 0, 1};
  o.nll = {0, 0, 0, 0};
  o.brier = {0, 0, 0, 0};
  o.predicted = {0, 0, 0, 0};
  o.said_idk = {-1, -1, -1, -1};
  const BinTable t = bin_table(o, 10, Binning::kEqualWidth);
  EXPECT_EQ(t.bins[0].count, 1u);  // c = 0
  EXPECT_EQ(t.bins[1].count, 1u);  // c = 0.1: floor(0.1 * 10) = 1 in double
  EXPECT_EQ(t.bins[9].count, 2u);  // c = 1.0 and just below it
}

TEST(Metrics, TiesGoToTheLowestIndex) {
  // Logits 1, 1, 0: options 0 and 1 tie; the prediction is 0, confidence e / (2e + 1).
  const auto set = make_set({{{1, 1, 0}, 1}});
  const Outcomes o = compute_outcomes(set);
  EXPECT_EQ(o.predicted[0], 0);
  EXPECT_EQ(o.correct[0], 0);
  EXPECT_NEAR(o.confidence[0], std::exp(1.0) / (2 * std::exp(1.0) + 1), 1e-15);
}

TEST(Metrics, TiedConfidenceCountsHalfInAuroc) {
  // One right and one wrong item with the same confidence: AUROC = 1/2.
  const auto set = make_set({{{2, 0}, 0}, {{2, 0}, 1}});
  const Metrics m = compute_metrics(compute_outcomes(set));
  ASSERT_TRUE(m.auroc.has_value());
  EXPECT_DOUBLE_EQ(*m.auroc, 0.5);
  // AURC with ties in input order: right first (risk 0), then wrong (risk 1/2): mean 1/4.
  EXPECT_DOUBLE_EQ(m.aurc, 0.25);
}

TEST(Metrics, AllCorrectAndAllWrongLeaveAurocUndefined) {
  const Metrics right = compute_metrics(compute_outcomes(make_set({{{3, 0}, 0}, {{0, 1}, 1}})));
  EXPECT_FALSE(right.auroc.has_value());
  EXPECT_DOUBLE_EQ(right.accuracy, 1.0);
  EXPECT_DOUBLE_EQ(right.aurc, 0.0);
  const Metrics wrong = compute_metrics(compute_outcomes(make_set({{{3, 0}, 1}, {{0, 1}, 0}})));
  EXPECT_FALSE(wrong.auroc.has_value());
  EXPECT_DOUBLE_EQ(wrong.accuracy, 0.0);
  EXPECT_DOUBLE_EQ(wrong.aurc, 1.0);
}

TEST(Metrics, OneItem) {
  // Logits log 3, 0 -> p = (.75, .25), label 0: ECE = |1 - .75|, Brier = .0625 * 2, NLL = -log .75.
  const Metrics m = compute_metrics(compute_outcomes(make_set({{{std::log(3.0), 0}, 0}})));
  EXPECT_EQ(m.n, 1u);
  EXPECT_NEAR(m.ece, 0.25, 1e-12);
  EXPECT_NEAR(m.mce, 0.25, 1e-12);
  EXPECT_NEAR(m.brier, 0.125, 1e-12);
  EXPECT_NEAR(m.nll, -std::log(0.75), 1e-12);
  EXPECT_DOUBLE_EQ(m.aurc, 0.0);
}

TEST(Metrics, ExtremeLogitsStayFinite) {
  const Metrics m =
      compute_metrics(compute_outcomes(make_set({{{1e4, -1e4}, 0}, {{1e4, -1e4}, 1}})));
  // p = (1, exp(-2e4) = 0): confidence exactly 1; NLL 0 and 2e4; Brier 0 and 2.
  EXPECT_DOUBLE_EQ(m.table.bins[9].confidence, 1.0);
  EXPECT_NEAR(m.nll, 1e4, 1e-9);
  EXPECT_NEAR(m.brier, 1.0, 1e-12);
  EXPECT_NEAR(m.ece, 0.5, 1e-12);
}

TEST(Metrics, TwentySixOptions) {
  std::vector<double> z(26, 0.0);
  z[25] = std::log(26.0);  // p_Z = 26 / (25 + 26) = 26/51
  const auto set = make_set({{z, 25}});
  const Outcomes o = compute_outcomes(set);
  EXPECT_NEAR(o.confidence[0], 26.0 / 51, 1e-14);
  EXPECT_EQ(o.predicted[0], 25);
  // Brier: (26/51 - 1)^2 + 25 * (1/51)^2
  EXPECT_NEAR(o.brier[0], std::pow(25.0 / 51, 2) + 25 * std::pow(1.0 / 51, 2), 1e-14);
}

TEST(Metrics, IdkRateAndAnsweredItems) {
  // Three options, the third is "I don't know":
  //   argmax 2 label 2 (said IDK, right); argmax 0 label 0 (answered, right);
  //   argmax 1 label 0 (answered, wrong); argmax 2 label 1 (said IDK, wrong).
  const auto set = make_set({{{0, 0, 2}, 2, false, 2},
                             {{2, 0, 0}, 0, false, 2},
                             {{0, 2, 0}, 0, false, 2},
                             {{0, 0, 2}, 1, false, 2}});
  const Metrics m = compute_metrics(compute_outcomes(set));
  ASSERT_TRUE(m.has_idk);
  EXPECT_DOUBLE_EQ(m.idk_rate, 0.5);
  EXPECT_EQ(m.answered, 2u);
  ASSERT_TRUE(m.accuracy_answered.has_value());
  EXPECT_DOUBLE_EQ(*m.accuracy_answered, 0.5);
  // Both answered items have confidence e^2 / (e^2 + 2) and share a bin: |.5 - c|.
  const double c = std::exp(2.0) / (std::exp(2.0) + 2);
  EXPECT_NEAR(*m.ece_answered, std::fabs(0.5 - c), 1e-12);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
}

TEST(Metrics, ConfidenceOrderIsStableForLargeInputs) {
  // Exercises the radix path (n >= 4096) against std::stable_sort.
  std::vector<double> c(10000);
  for (std::size_t i = 0; i < c.size(); ++i)
    c[i] = static_cast<double>((i * 7919) % 997) / 997.0;
  const auto order = confidence_order(c);
  std::vector<std::uint32_t> expected(c.size());
  for (std::size_t i = 0; i < c.size(); ++i)
    expected[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(expected.begin(), expected.end(), [&](auto a, auto b) { return c[a] < c[b]; });
  EXPECT_EQ(order, expected);
}

TEST(Metrics, WeightedEqualsExpandedMultiset) {
  // Weights (2, 0, 1, 3) must give the metrics of the list with item i repeated w_i times in place.
  const auto set = make_set({{{2, 0, 1}, 0}, {{0, 1, 0}, 0}, {{0, 1, 3}, 1}, {{1, 1, 0}, 1}});
  const auto expanded = make_set({{{2, 0, 1}, 0},
                                  {{2, 0, 1}, 0},
                                  {{0, 1, 3}, 1},
                                  {{1, 1, 0}, 1},
                                  {{1, 1, 0}, 1},
                                  {{1, 1, 0}, 1}});
  const Outcomes o = compute_outcomes(set);
  const std::vector<std::uint32_t> w{2, 0, 1, 3};
  for (Binning b : {Binning::kEqualWidth, Binning::kEqualMass}) {
    const MetricsOptions opt{4, b};
    const Metrics mw = compute_metrics_weighted(o, confidence_order(o.confidence), w, opt);
    const Metrics me = compute_metrics(compute_outcomes(expanded), opt);
    EXPECT_EQ(mw.n, me.n);
    const auto a = scalars(mw), e = scalars(me);
    for (std::size_t k = 0; k < a.size(); ++k) {
      ASSERT_EQ(a[k].second.has_value(), e[k].second.has_value()) << a[k].first;
      if (a[k].second) {
        EXPECT_NEAR(*a[k].second, *e[k].second, 1e-12) << a[k].first;
      }
    }
  }
}

namespace {

// Outcomes with many ties (confidences on a grid), confidences 0 and exactly 1.0, and a mix of
// IDK answers, to compare compute_metrics' fused path with the general (weighted) one.
Outcomes tricky_outcomes(std::size_t n, unsigned seed, bool idk) {
  std::mt19937_64 rng(seed);
  Outcomes o;
  o.has_idk = idk;
  for (std::size_t i = 0; i < n; ++i) {
    double c;
    switch (rng() % 8) {
      case 0:
        c = 1.0;
        break;
      case 1:
        c = static_cast<double>(rng() % 16) / 16.0;
        break;  // ties, bin edges, 0
      case 2:
        c = 1.0 - std::ldexp(static_cast<double>(rng() % 4 + 1), -40);
        break;
      default:
        c = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        break;
    }
    o.confidence.push_back(c);
    o.correct.push_back(static_cast<std::uint8_t>(rng() % 3 != 0));
    o.nll.push_back(static_cast<double>(rng() % 1000) / 97.0);
    o.brier.push_back(static_cast<double>(rng() % 1000) / 501.0);
    o.predicted.push_back(0);
    o.said_idk.push_back(idk ? static_cast<std::int8_t>(rng() % 5 == 0 ? 1 : 0) : -1);
  }
  return o;
}

void expect_same(double a, double b, const std::string& what) {
  if (std::isnan(a) || std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a) && std::isnan(b)) << what;
  } else {
    EXPECT_EQ(a, b) << what;
  }
}

}  // namespace

TEST(Metrics, FusedPathEqualsGeneralPathExactly) {
  // compute_metrics (fused single-weight path) against compute_metrics_weighted with all weights
  // 1 (the general path): the same sums in the same order, so the same bits.
  for (std::size_t n : {1u, 2u, 7u, 100u, 5000u, 70000u}) {
    for (bool idk : {false, true}) {
      const Outcomes o = tricky_outcomes(n, static_cast<unsigned>(n) + idk, idk);
      const std::vector<std::uint32_t> ones(n, 1u);
      for (Binning b : {Binning::kEqualWidth, Binning::kEqualMass}) {
        for (int bins : {1, 10, 15, 64}) {
          const MetricsOptions opt{bins, b};
          const Metrics f = compute_metrics(o, opt);
          const Metrics g = compute_metrics_weighted(o, confidence_order(o.confidence), ones, opt);
          const std::string at = "n=" + std::to_string(n) + " idk=" + std::to_string(idk) +
                                 " bins=" + std::to_string(bins) + " " + to_string(b);
          EXPECT_EQ(f.n, g.n) << at;
          EXPECT_EQ(f.answered, g.answered) << at;
          EXPECT_EQ(f.has_idk, g.has_idk) << at;
          expect_same(f.mean_confidence, g.mean_confidence, at);
          const auto a = scalars(f), e = scalars(g);
          ASSERT_EQ(a.size(), e.size()) << at;
          for (std::size_t k = 0; k < a.size(); ++k) {
            ASSERT_EQ(a[k].second.has_value(), e[k].second.has_value()) << a[k].first << at;
            if (a[k].second) expect_same(*a[k].second, *e[k].second, a[k].first + " " + at);
          }
          ASSERT_EQ(f.table.bins.size(), g.table.bins.size()) << at;
          for (std::size_t k = 0; k < f.table.bins.size(); ++k) {
            const Bin &x = f.table.bins[k], &y = g.table.bins[k];
            const std::string bin = at + " bin " + std::to_string(k);
            EXPECT_EQ(x.count, y.count) << bin;
            EXPECT_EQ(x.correct, y.correct) << bin;
            expect_same(x.lo, y.lo, bin + " lo");
            expect_same(x.hi, y.hi, bin + " hi");
            expect_same(x.confidence, y.confidence, bin + " confidence");
            expect_same(x.accuracy, y.accuracy, bin + " accuracy");
            // (The weighted path leaves the Clopper-Pearson intervals out; they are a function
            // of count and correct.)
          }
        }
      }
    }
  }
}

TEST(Metrics, ConfidenceOutsideUnitIntervalStillWorks) {
  // Not produced by compute_outcomes, but hand-made outcomes must not break the fast path: it
  // hands them to the general one.
  Outcomes o = tricky_outcomes(50, 3, false);
  o.confidence[7] = 1.5;
  const Metrics m = compute_metrics(o, {10, Binning::kEqualWidth});
  const Metrics g = compute_metrics_weighted(o, confidence_order(o.confidence),
                                             std::vector<std::uint32_t>(50, 1u), {10});
  EXPECT_EQ(m.ece, g.ece);
  EXPECT_EQ(m.aurc, g.aurc);
}
