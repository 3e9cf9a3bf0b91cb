// The one table of the scalar metrics: their keys in output order, which direction is better,
// how they are written, their English label and one-line meaning, and where a Metrics holds them.
// calib::scalars() (core/calib/metrics.cpp), comparisons, reports and the window all read it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace unveil::calib {

struct Metrics;

/// Which value of a metric is better.
enum class MetricDirection { kHigherBetter, kLowerBetter, kNeither };

/// What kind of number a metric is, which decides how it is written.
enum class MetricKind {
  kCount,             ///< a number of items
  kShare,             ///< a share of items, in [0, 1]
  kCalibrationError,  ///< a difference of two shares
  kScore,             ///< any other score (Brier, NLL, AUROC, AURC)
};

struct MetricInfo {
  std::string_view key;  ///< as in JSON and text output ("ece")
  MetricDirection direction;
  MetricKind kind;
  std::string_view label;        ///< English label ("Brier score")
  std::string_view description;  ///< English one-line meaning, as in the reports' metrics table
  std::optional<double> (*value)(const Metrics&);
  bool needs_idk;  ///< listed only when an IDK option is known (Metrics::has_idk)
};

/// Every scalar metric, in the order of calib::scalars().
std::span<const MetricInfo> metric_catalog();

/// The catalog's entry for a key, or nullptr.
const MetricInfo* find_metric(std::string_view key);

}  // namespace unveil::calib
