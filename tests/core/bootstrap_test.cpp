#include "calib/bootstrap.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"
#include "util/parallel.h"
#include "util/random.h"

using namespace unveil::calib;

namespace {

// n items of a 3-option model that is right with probability p_right.
PredictionSet synthetic(int n, double p_right, std::uint64_t seed) {
  unveil::Xoshiro256 rng(seed);
  PredictionSet set;
  PredictionInput in;
  for (int i = 0; i < n; ++i) {
    in.clear();
    in.id = "i" + std::to_string(i);
    const double margin = 0.5 + 2.5 * rng.uniform();
    in.scores = {margin, 0.3 * rng.uniform(), 0.0};
    in.label = rng.uniform() < p_right ? 0 : 1 + static_cast<int>(rng.below(2));
    set.add(in);
  }
  return set;
}

}  // namespace

TEST(Bootstrap, SeededAndIndependentOfThreadCount) {
  const Outcomes o = compute_outcomes(synthetic(500, 0.7, 1));
  BootstrapOptions opt;
  opt.replicates = 200;
  opt.seed = 42;
  unveil::set_worker_threads(1);
  const auto a = bootstrap(o, opt);
  unveil::set_worker_threads(2);
  const auto b = bootstrap(o, opt);
  ASSERT_TRUE(a.ci.at("ece").has_value());
  EXPECT_EQ(a.ci.at("ece")->lo, b.ci.at("ece")->lo);
  EXPECT_EQ(a.ci.at("auroc")->hi, b.ci.at("auroc")->hi);
  opt.seed = 43;
  const auto c = bootstrap(o, opt);
  EXPECT_NE(a.ci.at("ece")->lo, c.ci.at("ece")->lo);
}

TEST(Bootstrap, AccuracyIntervalHasTheBinomialWidth) {
  // For accuracy p over n items the bootstrap interval is close to p +- 1.96 sqrt(p(1-p)/n).
  const auto set = synthetic(4000, 0.7, 7);
  const Outcomes o = compute_outcomes(set);
  const Metrics m = compute_metrics(o);
  BootstrapOptions opt;
  opt.replicates = 1000;
  opt.seed = 3;
  const auto r = bootstrap(o, opt);
  const auto iv = *r.ci.at("accuracy");
  const double se = std::sqrt(m.accuracy * (1 - m.accuracy) / 4000);
  EXPECT_LT(iv.lo, m.accuracy);
  EXPECT_GT(iv.hi, m.accuracy);
  EXPECT_NEAR(iv.hi - iv.lo, 2 * 1.96 * se, 0.15 * 2 * 1.96 * se);
  for (const auto& [name, ci] : r.ci) {
    ASSERT_TRUE(ci.has_value()) << name;
    EXPECT_LE(ci->lo, ci->hi) << name;
  }
}

TEST(Bootstrap, CancelStopsEarly) {
  const Outcomes o = compute_outcomes(synthetic(2000, 0.6, 2));
  std::atomic<bool> cancel{true};
  BootstrapOptions opt;
  opt.replicates = 500;
  opt.cancel = &cancel;
  const auto r = bootstrap(o, opt);
  EXPECT_TRUE(r.cancelled);
}

TEST(PairedBootstrap, IdenticalSetsDifferByZero) {
  const auto set = synthetic(300, 0.6, 5);
  BootstrapOptions opt;
  opt.replicates = 100;
  const auto r = paired_bootstrap(set, set, opt);
  ASSERT_TRUE(r.ok());
  const auto& d = r->diff.at("ece");
  EXPECT_EQ(*d.observed, 0.0);
  EXPECT_EQ(d.ci->lo, 0.0);
  EXPECT_EQ(d.ci->hi, 0.0);
  EXPECT_FALSE(d.significant());
}

TEST(PairedBootstrap, DetectsAClearDifferenceAndAlignsById) {
  // B is A with every item made right: accuracy rises by (1 - acc_A), clearly significant.
  const auto a = synthetic(1000, 0.5, 9);
  PredictionSet b;
  PredictionInput in;
  for (std::size_t i = a.size(); i-- > 0;) {  // reversed order: pairing must use the ids
    in.clear();
    in.id = std::string(a.id(i));
    in.scores.assign(a.logits(i).begin(), a.logits(i).end());
    in.label = 0;
    b.add(in);
  }
  BootstrapOptions opt;
  opt.replicates = 300;
  const auto r = paired_bootstrap(a, b, opt);
  ASSERT_TRUE(r.ok());
  const Metrics ma = compute_metrics(compute_outcomes(a));
  const auto& d = r->diff.at("accuracy");
  EXPECT_NEAR(*d.observed, 1.0 - ma.accuracy, 1e-12);
  EXPECT_TRUE(d.significant());
}

TEST(PairedBootstrap, MismatchedIdsAreNamed) {
  const auto a = unveil::test::make_set({{{1, 0}, 0, false, -1, "x"}, {{1, 0}, 0, false, -1, "y"}});
  const auto b = unveil::test::make_set({{{1, 0}, 0, false, -1, "x"}, {{1, 0}, 0, false, -1, "z"}});
  const auto r = paired_bootstrap(a, b, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("\"y\""), std::string::npos);
}
