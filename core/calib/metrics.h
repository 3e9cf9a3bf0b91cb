// Calibration metrics, exactly as defined in docs/METRICS.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calib/outcomes.h"

namespace unveil::calib {

enum class Binning { kEqualWidth, kEqualMass };

const char* to_string(Binning b);

struct MetricsOptions {
  int bins = 10;  ///< the study's default
  Binning binning = Binning::kEqualWidth;
  /// The confidence the window scores (its Confidence choice); compute_metrics itself takes the
  /// confidences its outcomes hold.
  ConfidenceKind confidence = ConfidenceKind::kOptions;
  /// What the window does with items without an option letter (its Recipe choice: the study's
  /// leaves them out); compute_metrics itself takes the outcomes it is given.
  UnansweredPolicy unanswered = UnansweredPolicy::kWrong;
};

/// One bin of a reliability table. For an empty bin count is 0 and the means are NaN (written as
/// null). For equal-mass bins lo/hi are the smallest and largest confidence in the bin.
struct Bin {
  double lo = 0, hi = 0;
  std::size_t count = 0;
  std::size_t correct = 0;
  double confidence = 0;  ///< mean confidence
  double accuracy = 0;    ///< share correct
  double gap = 0;         ///< accuracy - confidence (> 0: under-confident, < 0: over-confident)
  double ci_lo = 0, ci_hi = 0;  ///< Clopper-Pearson 95% interval of accuracy
};

struct BinTable {
  Binning binning = Binning::kEqualWidth;
  std::vector<Bin> bins;
};

/// Calibration summary of one prediction set. Values that are undefined (AUROC when every item is
/// right or every item is wrong, metrics of an empty subset) are std::nullopt.
struct Metrics {
  std::size_t n = 0;
  double accuracy = 0;
  double ece = 0, mce = 0, rmsce = 0, ace = 0;
  double brier = 0, nll = 0;
  std::optional<double> auroc;
  double aurc = 0;
  double mean_confidence = 0;
  /// Items the model did not answer (no option letter): counted wrong among the n items, or, when
  /// unanswered_dropped, left out of n and every metric and only counted here.
  std::size_t n_unanswered = 0;
  bool unanswered_dropped = false;
  ConfidenceKind confidence = ConfidenceKind::kOptions;  ///< which confidence was scored
  // With an IDK option known:
  bool has_idk = false;
  double idk_rate = 0;
  std::size_t answered = 0;  ///< items whose prediction is not the IDK option (unanswered ones
                             ///< included while they are counted wrong)
  std::optional<double> accuracy_answered, ece_answered;

  BinTable table;
};

/// The scalar metrics in a fixed order, as (name, value) pairs; used by bootstrap and output.
std::vector<std::pair<std::string, std::optional<double>>> scalars(const Metrics& m);

/// All metrics. Requires a non-empty outcome set and bins >= 1.
Metrics compute_metrics(const Outcomes& o, const MetricsOptions& options = {});

/// The reliability table alone.
BinTable bin_table(const Outcomes& o, int bins, Binning binning);

/// Stable ascending order of confidence (ties keep input order), by radix sort.
std::vector<std::uint32_t> confidence_order(std::span<const double> confidence);

/// Metrics of a weighted multiset of the outcomes (weight = how often an item is drawn), given the
/// ascending confidence order. With all weights 1 this is compute_metrics. Used by the bootstrap.
Metrics compute_metrics_weighted(const Outcomes& o, std::span<const std::uint32_t> order,
                                 std::span<const std::uint32_t> weights,
                                 const MetricsOptions& options);

}  // namespace unveil::calib
