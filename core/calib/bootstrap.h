// Seeded percentile bootstrap intervals for every scalar metric, and the paired bootstrap of the
// difference between two prediction sets on the same items.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "calib/metrics.h"
#include "util/result.h"

namespace unveil::calib {

struct BootstrapOptions {
  int replicates = 1000;
  std::uint64_t seed = 0;
  double level = 0.95;
  MetricsOptions metrics;
  const std::atomic<bool>* cancel = nullptr;          ///< checked between replicates
  std::function<void(int done, int total)> progress;  ///< called at most ~20 times a second
};

struct Interval {
  double lo = 0, hi = 0;
};

/// Per metric: the percentile interval; nullopt when the metric was undefined in every replicate.
struct BootstrapResult {
  int replicates = 0;
  std::uint64_t seed = 0;
  double level = 0.95;
  std::map<std::string, std::optional<Interval>> ci;
  bool cancelled = false;
};

BootstrapResult bootstrap(const Outcomes& o, const BootstrapOptions& options);

/// The difference B - A of each metric on the same items (paired resampling), with the observed
/// difference and its percentile interval. A difference is significant at the level when the
/// interval excludes 0.
struct PairedDifference {
  std::optional<double> observed;
  std::optional<Interval> ci;
  bool significant() const { return ci && (ci->lo > 0 || ci->hi < 0); }
};

struct PairedBootstrapResult {
  int replicates = 0;
  std::uint64_t seed = 0;
  double level = 0.95;
  std::size_t n = 0;
  std::map<std::string, PairedDifference> diff;
  bool cancelled = false;
};

/// a and b must hold the same item ids; b is re-ordered to a's order. An error names the first id
/// that is missing or duplicated.
Result<PairedBootstrapResult> paired_bootstrap(const PredictionSet& a, const PredictionSet& b,
                                               const BootstrapOptions& options);

}  // namespace unveil::calib
