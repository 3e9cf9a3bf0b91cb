// A run's headline metrics, typed: what run lists show (unveil-cli runs, the window's runs table).
// The store caches them as JSON in the run's summary (RunInfo::summary); that JSON is read and
// written here only, in the format of calib::headline_json and calib::accuracy_only_json.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "calib/accuracy_only.h"
#include "calib/metrics.h"
#include "calib/prediction_set.h"
#include "store/store.h"

namespace unveil::store {

struct RunHeadline {
  /// The run's predictions are answers without scores (calib/accuracy_only.h): accuracy is all
  /// there is, and ece, nll and auroc are none.
  bool accuracy_only = false;
  std::size_t n = 0;
  std::size_t unanswered = 0;  ///< items without an option letter (counted wrong)
  /// Each is none when undefined (calib::Metrics) or, for an accuracy-only run, not measurable.
  std::optional<double> accuracy, ece, nll, auroc;
  bool has_idk = false;                     ///< an IDK option is known (metrics runs only)
  std::optional<double> idk_rate;           ///< when has_idk
  std::optional<double> accuracy_answered;  ///< accuracy-only runs: correct / answered items

  bool operator==(const RunHeadline&) const = default;
};

RunHeadline headline_of(const calib::Metrics& m);
RunHeadline headline_of(const calib::AccuracyOnly& a);
/// The headline of a non-empty prediction set: calib::accuracy_only when every prediction is an
/// answer without scores, else calib::compute_metrics with its default options.
RunHeadline compute_headline(const calib::PredictionSet& set);

/// The headline as the run summary's JSON: calib::accuracy_only_json's members for an
/// accuracy-only run, else calib::headline_json's.
nlohmann::ordered_json to_json(const RunHeadline& h);
/// to_json(h), as the text stored in RunInfo::summary.
std::string summary_text(const RunHeadline& h);
/// A stored summary, when it is complete: JSON holding every member its format writes, each of
/// the right type (a number, or null where the value may be undefined). None for "" (not
/// computed yet), for text that is not JSON, and for anything missing or mistyped: such a summary
/// is recomputed.
std::optional<RunHeadline> parse_summary(std::string_view summary);

/// The run's headline: the cached summary when it is complete, else computed from its
/// predictions and cached, unless the store is read-only or the run still running (its
/// predictions are not all there). None when the run has no predictions or they cannot be read.
/// A failure to write the cache is not an error: the next call computes it again.
std::optional<RunHeadline> run_headline(Store& st, const RunInfo& run);

}  // namespace unveil::store
