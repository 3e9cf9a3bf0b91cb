#include "metrics/calibration_verdict.h"

#include <QCoreApplication>
#include <cmath>

#include "metrics/metrics_table_model.h"

namespace unveil::ui {
namespace {

/// The translation context of this file's sentences.
class CalibrationVerdict {
  Q_DECLARE_TR_FUNCTIONS(CalibrationVerdict)
};

QString percent(double shown) {
  return QString::number(shown, 'f', 1) + QStringLiteral(" %");
}

// "over-confident by 10.1 points", from the two numbers as shown.
QString gapWords(double confidence, double accuracy) {
  const double gap = std::round((confidence - accuracy) * 10.0) / 10.0;
  if (gap >= 1.0)
    return CalibrationVerdict::tr("over-confident by %1 points").arg(QString::number(gap, 'f', 1));
  if (gap <= -1.0)
    return CalibrationVerdict::tr("under-confident by %1 points")
        .arg(QString::number(-gap, 'f', 1));
  return CalibrationVerdict::tr(
      "the two agree within a point on average (the diagram shows where single bins part)");
}

}  // namespace

QString calibrationVerdict(const calib::Metrics& before, const calib::Metrics* after,
                           std::optional<double> temperature) {
  if (before.n == 0 || !std::isfinite(before.mean_confidence) || !std::isfinite(before.accuracy))
    return {};
  const double says = shownPercent(before.mean_confidence);
  const double right = shownPercent(before.accuracy);
  QString text = CalibrationVerdict::tr("On average it is %1 sure and right %2 of the time: %3.")
                     .arg(percent(says), percent(right), gapWords(says, right));
  if (after && after->n > 0 && temperature && std::isfinite(after->mean_confidence)) {
    const double afterSays = shownPercent(after->mean_confidence);
    const double afterRight = shownPercent(after->accuracy);
    // On a line of its own: before, then after.
    text += QLatin1Char('\n') +
            CalibrationVerdict::tr("After scaling (T = %1): %2 sure and right %3: %4.")
                .arg(QString::number(*temperature, 'f', 2), percent(afterSays), percent(afterRight),
                     gapWords(afterSays, afterRight));
  }
  return text;
}

}  // namespace unveil::ui
