// Self-contained HTML reports of a stored run or of a comparison of runs (issue 7, "Reports"):
// inline CSS, pictures as inline SVG, thumbnails as data URIs, nothing fetched from elsewhere.
// Written for a reader who has never seen the tool: every number is explained in a sentence, and
// every setting needed to reproduce the report is listed with the exact unveil-cli commands.
// See docs/ANALYSES.md, "Reports".
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "calib/metrics.h"
#include "store/store.h"
#include "util/result.h"

namespace unveil::report {

struct ReportOptions {
  calib::MetricsOptions metrics;
  int replicates = 1000;  ///< bootstrap replicates of the intervals (>= 1)
  std::uint64_t seed = 0;
  std::size_t worst_cases = 10;  ///< wrong answers shown, most confident first
  int thumbnail_side = 160;      ///< pixels
};

/// The report of one run: summary in plain words, reliability diagram and confidence histogram,
/// metrics with bootstrap intervals, the stored temperature and its effect, the worst failure
/// cases, and how the run was made. An error names an unknown run or a run without predictions.
Result<std::string> run_report(store::Store& store, std::int64_t run_id,
                               const ReportOptions& options = {});

/// Two to four runs side by side (analysis::compare_runs): their diagrams, metrics and the
/// verdict of every difference.
Result<std::string> compare_report(store::Store& store, std::span<const std::int64_t> run_ids,
                                   const ReportOptions& options = {});

/// Writes the report; an error names the file and why it cannot be written.
Status write_report(const std::filesystem::path& file, const std::string& html);

}  // namespace unveil::report
