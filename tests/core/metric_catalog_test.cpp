// The catalog of core/calib/metric_catalog.h against calib::scalars() and the metrics it lists.
#include "calib/metric_catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "calib/metrics.h"
#include "test_util.h"

using namespace unveil::calib;
using unveil::test::make_set;

namespace {

// The keys in the order JSON and text output have always written them (docs/METRICS.md).
const std::vector<std::string> kKeys = {"accuracy",
                                        "ece",
                                        "mce",
                                        "rmsce",
                                        "ace",
                                        "brier",
                                        "nll",
                                        "auroc",
                                        "aurc",
                                        "idk_rate",
                                        "accuracy_answered",
                                        "ece_answered"};

// Four three-option items whose third option is "I don't know", so that every metric is listed.
Metrics with_idk() {
  return compute_metrics(compute_outcomes(make_set({{{0, 0, 2}, 2, false, 2},
                                                    {{2, 0, 0}, 0, false, 2},
                                                    {{0, 2, 0}, 0, false, 2},
                                                    {{0, 0, 2}, 1, false, 2}})));
}

Metrics without_idk() {
  return compute_metrics(compute_outcomes(
      make_set({{{.95, .05}, 0, true}, {{.85, .15}, 1, true}, {{.25, .75}, 1, true}})));
}

void expect_same_as_scalars(const Metrics& m) {
  const auto s = scalars(m);
  std::vector<const MetricInfo*> listed;
  for (const MetricInfo& info : metric_catalog())
    if (!info.needs_idk || m.has_idk) listed.push_back(&info);
  ASSERT_EQ(listed.size(), s.size());
  for (std::size_t k = 0; k < s.size(); ++k) {
    EXPECT_EQ(listed[k]->key, s[k].first);
    EXPECT_EQ(listed[k]->value(m), s[k].second) << s[k].first;
  }
}

}  // namespace

TEST(MetricCatalog, ListsEveryScalarKeyOnceInOutputOrder) {
  std::vector<std::string> keys;
  for (const MetricInfo& info : metric_catalog())
    keys.emplace_back(info.key);
  EXPECT_EQ(keys, kKeys);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), keys.size());
  std::vector<std::string> listed;
  for (const auto& [name, value] : scalars(with_idk()))
    listed.push_back(name);
  EXPECT_EQ(listed, kKeys);
}

TEST(MetricCatalog, AccessorsGiveTheValuesOfScalars) {
  const Metrics a = with_idk();
  ASSERT_TRUE(a.has_idk);
  expect_same_as_scalars(a);
  const Metrics b = without_idk();
  ASSERT_FALSE(b.has_idk);
  expect_same_as_scalars(b);
}

TEST(MetricCatalog, OnlyTheIdkMetricsNeedAnIdkOption) {
  for (const MetricInfo& info : metric_catalog()) {
    const bool idk =
        info.key == "idk_rate" || info.key == "accuracy_answered" || info.key == "ece_answered";
    EXPECT_EQ(info.needs_idk, idk) << info.key;
  }
}

TEST(MetricCatalog, EveryEntryHasALabelAndADescription) {
  for (const MetricInfo& info : metric_catalog()) {
    EXPECT_FALSE(info.label.empty()) << info.key;
    EXPECT_FALSE(info.description.empty()) << info.key;
    EXPECT_NE(info.value, nullptr) << info.key;
  }
}

TEST(MetricCatalog, FindsAnEntryByItsKeyAndNothingElse) {
  const MetricInfo* ece = find_metric("ece");
  ASSERT_NE(ece, nullptr);
  EXPECT_EQ(ece->label, "ECE");
  EXPECT_EQ(ece->direction, MetricDirection::kLowerBetter);
  EXPECT_EQ(ece->kind, MetricKind::kCalibrationError);
  EXPECT_EQ(find_metric("n"), nullptr);
  EXPECT_EQ(find_metric(""), nullptr);
}
