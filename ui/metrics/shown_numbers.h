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
/// A probability a model gave, in percent to one decimal ("85.7 %"), never rounded to a certainty
/// it did not state: 0.9997 is "> 99.9 %", 0.0003 is "< 0.1 %"; exactly 1 is "100.0 %".
QString confidenceText(double probability);

}  // namespace unveil::ui
