// The window's words for the metrics of calib::metric_catalog() (core/calib/metric_catalog.h),
// in the window's language: the one place a metric's translated label and description live.
#pragma once

#include <QString>
#include <string>

namespace unveil::ui {

/// A metric's label in the comparison's table and verdicts ("ECE", "Brier score"); in English the
/// words of core's calib::MetricInfo::label (analysis::metric_label).
QString metricLabel(const std::string& key);

/// A metric named inside a sentence of the comparison's summary ("telling right from wrong
/// (AUROC)"); the comparison's label for a key it has no phrase for.
QString metricPhrase(const std::string& key);

/// A metric's name in the metrics panel's table ("RMS calibration error"); empty for a key that is
/// not in the catalog.
QString metricRowName(const std::string& key);

/// What a metric means, the tooltip of its row in the metrics panel; empty for a key that is not
/// in the catalog.
QString metricHelp(const std::string& key);

}  // namespace unveil::ui
