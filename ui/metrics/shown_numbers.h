// How the window writes the numbers a reader compares: shares in percent, calibration errors in
// percentage points, both to one decimal and rounded the same way, so that a gap read off the
// screen is the difference of the numbers on it.
#pragma once

#include <QString>

namespace unveil::ui {

/// A share as the metrics panel shows it, in percent to one decimal (0.8566 -> 85.7). The panel
/// and the verdict above the diagram (calibration_verdict.h) both show this number.
double shownPercent(double share);
/// A calibration error (a difference of two shares) as the window shows it beside an accuracy in
/// percent: in percentage points, "10.5 pts", rounded as shownPercent().
QString pointsText(double share);

}  // namespace unveil::ui
