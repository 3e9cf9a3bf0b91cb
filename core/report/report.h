// Reports of a stored run or of a comparison of runs, as a document
// (report_doc.h) written either as one self-contained HTML page or as an A4 PDF. Written for a
// reader who has never seen the tool: every number is explained in a sentence, and every setting
// needed to reproduce the report is listed with the exact unveil-cli commands.
// See docs/ANALYSES.md, "Reports".
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "calib/metrics.h"
#include "calib/recipe.h"
#include "report/report_doc.h"
#include "store/store.h"
#include "util/result.h"

namespace unveil::report {

struct ReportOptions {
  /// Bins, binning, which confidence, what becomes of unanswered items and how the temperature is
  /// fitted again (calib/recipe.h): Unveil's recipe by default, or the study's. A comparison
  /// pairs its runs item by item and takes the bins and binning only (docs/ANALYSES.md).
  calib::Recipe recipe;
  int replicates = 1000;  ///< bootstrap replicates of the intervals (>= 1)
  std::uint64_t seed = 0;
  std::size_t worst_cases = 10;     ///< wrong answers shown, most confident first
  int thumbnail_side = 160;         ///< pixels
  std::string out = "report.html";  ///< the file named in the report's own command line
};

/// The report of one run: summary in plain words, reliability diagram and confidence histogram,
/// metrics with bootstrap intervals, the stored temperature and its effect, the worst failure
/// cases, and how the run was made. An error names an unknown run or a run without predictions.
Result<Document> run_report(store::Store& store, std::int64_t run_id,
                            const ReportOptions& options = {});

/// Two to four runs side by side (analysis::compare_runs): their diagrams, metrics and the
/// verdict of every difference.
Result<Document> compare_report(store::Store& store, std::span<const std::int64_t> run_ids,
                                const ReportOptions& options = {});

/// The report's format from the file name: PDF for ".pdf", HTML for ".html" or ".htm" (any
/// case); nullopt for anything else.
enum class ReportFormat { kHtml, kPdf };
std::optional<ReportFormat> report_format(const std::filesystem::path& file);

/// Writes the report as HTML or PDF, chosen by the file name (report_format); an error names the
/// file and why it cannot be written. The file is written next to its place and moved there
/// when complete, so a failed write leaves an earlier report as it was.
Status write_report(const std::filesystem::path& file, const Document& doc);

}  // namespace unveil::report
