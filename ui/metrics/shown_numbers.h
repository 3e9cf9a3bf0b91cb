// How the window writes the numbers a reader compares: shares in percent, calibration errors in
// percentage points, both to one decimal and rounded the same way, so that a gap read off the
// screen is the difference of the numbers on it. The metrics panel and every view that shows the
// same metrics (the comparison's table and verdicts) write them with these functions.
#pragma once

#include <QString>
#include <string>

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

/// How a metric is written. kPoints: a difference of shares (a calibration error) in percentage
/// points, so that it reads beside the accuracy in percent.
enum class ShownUnit { kCount, kPercent, kPoints, kScore };

/// The unit of a metric by its key in calib::scalars() ("accuracy": percent, "ece": points,
/// "brier": a score).
ShownUnit metricUnit(const std::string& key);

/// A metric's value: "85.7 %", "10.5 pts", "1,000", "0.123". `bare`: without its unit (inside
/// the interval's brackets, after the value).
QString metricText(double value, ShownUnit unit, bool bare = false);
/// An interval of a metric, after its value: "(62.3–68.1)"; with a negative end, where a dash
/// would read as a minus, "(-6.3 to -2.1)".
QString intervalText(double lo, double hi, ShownUnit unit);

/// The unit of the difference of two values of a metric: two shares differ by percentage points.
ShownUnit differenceUnit(ShownUnit unit);
/// The difference of two values of a metric: shares and calibration errors in points, "4.2 pts";
/// scores to three decimals, or two significant digits when tiny (as core writes them).
QString differenceText(double difference, ShownUnit unit, bool bare = false);

}  // namespace unveil::ui
