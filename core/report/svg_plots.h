// The report's pictures as inline SVG, drawn from plain core data (bin tables, risk-coverage
// points): one function per kind of picture, as the UI has one plot class per kind. Every number
// written is finite; empty bins draw nothing.
#pragma once

#include <span>
#include <string>

#include "calib/metrics.h"
#include "calib/risk_coverage.h"

namespace unveil::report {

/// Reliability diagram: one <rect> per non-empty bin (height = accuracy), the gap to the bin's mean
/// confidence as a red wedge, Clopper-Pearson whiskers, and the diagonal of perfect calibration.
/// The <svg> carries class="reliability".
std::string reliability_svg(const calib::BinTable& table, const std::string& title);

/// Confidence histogram: one <rect> per non-empty bin (height = share of the items).
/// The <svg> carries class="histogram".
std::string histogram_svg(const calib::BinTable& table, const std::string& title);

/// Risk-coverage curve: the error rate among the answers kept when only the most confident share
/// is answered. The <svg> carries class="risk-coverage".
std::string risk_coverage_svg(std::span<const calib::RiskCoveragePoint> curve,
                              const std::string& title);

}  // namespace unveil::report
