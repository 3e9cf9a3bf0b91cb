// The report's pictures, drawn from plain core data (bin tables, risk-coverage points): one
// function per kind of picture, as the UI has one plot class per kind. Each draws on a Canvas
// (plot_canvas.h), so the HTML report's SVG and the PDF report's vector paths are the same
// drawing. Every number written is finite; empty bins draw nothing.
#pragma once

#include <span>
#include <string>

#include "calib/metrics.h"
#include "calib/risk_coverage.h"
#include "report/report_doc.h"

namespace unveil::report {

/// Reliability diagram: one bar per non-empty bin (height = accuracy), the gap to the bin's mean
/// confidence as a red wedge, Clopper-Pearson whiskers, and the diagonal of perfect calibration.
Picture reliability_picture(const calib::BinTable& table, const std::string& title);

/// Confidence histogram: one bar per non-empty bin (height = share of the items).
Picture histogram_picture(const calib::BinTable& table, const std::string& title);

/// Risk-coverage curve: the error rate among the answers kept when only the most confident share
/// is answered.
Picture risk_coverage_picture(std::span<const calib::RiskCoveragePoint> curve,
                              const std::string& title);

/// The picture as an inline <svg> with class="<kind>": one <rect> per bar, inks as CSS classes
/// (the page's style sheet colours them), a <title> tooltip on every bar.
std::string to_svg(const Picture& picture);

}  // namespace unveil::report
