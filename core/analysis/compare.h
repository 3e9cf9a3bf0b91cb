// Comparing two to four stored runs on the items they all predicted: each run's metrics with
// percentile bootstrap intervals, and for each run after the first the paired bootstrap of every
// metric's difference to the first run, with a plain verdict.
// See docs/ANALYSES.md, "Comparing runs".
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "store/store.h"
#include "util/result.h"

namespace unveil::analysis {

inline constexpr std::size_t kMinCompareRuns = 2;
inline constexpr std::size_t kMaxCompareRuns = 4;
/// Fewer shared items than this are refused: a percentile bootstrap over a handful of items has so
/// few distinct resamples that its intervals mean nothing.
inline constexpr std::size_t kMinSharedItems = 10;

struct CompareOptions {
  calib::MetricsOptions metrics;
  int replicates = 1000;  ///< bootstrap replicates (>= 1)
  std::uint64_t seed = 0;
  double level = 0.95;
  const std::atomic<bool>* cancel = nullptr;  ///< checked between replicates
};

/// One run of a comparison, measured on the shared items only.
struct ComparedRun {
  store::RunInfo info;
  std::size_t n_run = 0;  ///< items the run predicted (before restricting to the shared ones)
  calib::Metrics metrics;
  calib::BootstrapResult ci;
};

/// Which side a significant difference favours (kNeither when not significant, undefined, or the
/// metric has no better direction, as the IDK rate).
enum class Better { kNeither, kRun, kAgainst };

/// run - against for one scalar metric, from the paired bootstrap.
struct MetricDifference {
  std::int64_t run = 0, against = 0;
  std::string metric;  ///< the key of calib::scalars ("ece", "auroc", ...)
  calib::PairedDifference difference;
  Better better = Better::kNeither;
  std::string verdict;  ///< one plain sentence, e.g. "ECE of run 3 differs from run 1 by ..."
};

struct Comparison {
  std::vector<ComparedRun> runs;  ///< in the order asked for; the first is the reference
  std::size_t shared_items = 0;
  std::vector<MetricDifference> differences;  ///< per later run, metrics in calib::scalars order
  int replicates = 0;
  std::uint64_t seed = 0;
  double level = 0.95;
  bool cancelled = false;
};

/// Compares the given runs of an open project. Errors name what is wrong: too few or too many
/// runs, a run listed twice, an unknown run, a run without predictions, or fewer than
/// kMinSharedItems items shared by all runs.
Result<Comparison> compare_runs(store::Store& store, std::span<const std::int64_t> run_ids,
                                const CompareOptions& options = {});

/// The same on a project file, which must exist.
Result<Comparison> compare_runs(const std::filesystem::path& project,
                                std::span<const std::int64_t> run_ids,
                                const CompareOptions& options = {});

/// Whether a higher value of a metric is better (+1), worse (-1), or neither (0: the IDK rate).
int metric_direction(const std::string& metric);

/// How a metric is named in sentences and tables ("ECE", "Brier score", "IDK rate").
std::string metric_label(const std::string& metric);

/// The verdict sentence of a difference (the wording of docs/ANALYSES.md).
std::string verdict(const MetricDifference& d, double level);

}  // namespace unveil::analysis
