#include "metrics/shown_numbers.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

#include "calib/metric_catalog.h"

namespace unveil::ui {

double shownPercent(double share) {
  // Qt's decimal rounding of the binary value, read back: the shown digits, as a number; + 0.0
  // turns a rounded -0.0 into 0, so that no "-0.0" is shown.
  return QString::number(100 * share, 'f', 1).toDouble() + 0.0;
}

QString pointsText(double share) {
  //: A calibration error in percentage points, e.g. "10.5 pts"
  return QCoreApplication::translate("ShownNumbers", "%1 pts")
      .arg(QString::number(shownPercent(share), 'f', 1));
}

QString confidenceText(double probability) {
  // The ends as metricText writes a percent (its digits), the rest by metricText itself.
  const double shown = shownPercent(probability);
  if (probability < 1.0 && shown >= 100.0)
    //: A confidence just below certainty, e.g. "> 99.9 %"
    return QCoreApplication::translate("ShownNumbers", "> %1 %").arg(QString::number(99.9, 'f', 1));
  if (probability > 0.0 && shown <= 0.0)
    //: A confidence just above zero, e.g. "< 0.1 %"
    return QCoreApplication::translate("ShownNumbers", "< %1 %").arg(QString::number(0.1, 'f', 1));
  return metricText(probability, ShownUnit::kPercent);
}

ShownUnit metricUnit(const std::string& key) {
  if (const calib::MetricInfo* info = calib::find_metric(key)) {
    switch (info->kind) {
      case calib::MetricKind::kCount:
        return ShownUnit::kCount;
      case calib::MetricKind::kShare:
        return ShownUnit::kPercent;
      case calib::MetricKind::kCalibrationError:
        return ShownUnit::kPoints;
      case calib::MetricKind::kScore:
        return ShownUnit::kScore;
    }
  }
  // The numbers the metrics panel shows beside the catalog's metrics.
  if (key == "mean_confidence") return ShownUnit::kPercent;
  if (key == "n" || key == "n_unanswered" || key == "answered") return ShownUnit::kCount;
  return ShownUnit::kScore;
}

QString metricText(double value, ShownUnit unit, bool bare) {
  if (!std::isfinite(value)) return QStringLiteral("—");
  switch (unit) {
    case ShownUnit::kCount:
      return QLocale().toString(static_cast<qlonglong>(std::llround(value)));
    case ShownUnit::kPercent: {
      const QString number = QString::number(shownPercent(value), 'f', 1);
      return bare ? number : number + QStringLiteral(" %");
    }
    case ShownUnit::kPoints:
      return bare ? QString::number(shownPercent(value), 'f', 1) : pointsText(value);
    case ShownUnit::kScore:
      break;
  }
  return QString::number(value + 0.0, 'f', 3);
}

QString intervalText(double lo, double hi, ShownUnit unit) {
  const QString a = metricText(lo, unit, true), b = metricText(hi, unit, true);
  if (a.startsWith(QLatin1Char('-')) || b.startsWith(QLatin1Char('-')))
    //: An interval whose ends may be negative, e.g. "(-6.3 to -2.1)"
    return QCoreApplication::translate("ShownNumbers", "(%1 to %2)").arg(a, b);
  return QStringLiteral("(") + a + QStringLiteral("–") + b + QStringLiteral(")");
}

ShownUnit differenceUnit(ShownUnit unit) {
  return unit == ShownUnit::kPercent ? ShownUnit::kPoints : unit;
}

QString differenceText(double difference, ShownUnit unit, bool bare) {
  const ShownUnit u = differenceUnit(unit);
  if (u != ShownUnit::kScore || !std::isfinite(difference)) return metricText(difference, u, bare);
  if (difference == 0) difference = 0;  // no "-0.000"
  return std::fabs(difference) >= 0.001 || difference == 0 ? QString::number(difference, 'f', 3)
                                                           : QString::number(difference, 'g', 2);
}

}  // namespace unveil::ui
