#include "metrics/shown_numbers.h"

#include <QCoreApplication>
#include <QLocale>

namespace unveil::ui {

double shownPercent(double share) {
  // Qt's decimal rounding of the binary value, read back: the shown digits, as a number.
  return QString::number(100 * share, 'f', 1).toDouble();
}

QString pointsText(double share) {
  //: A calibration error in percentage points, e.g. "10.5 pts"
  return QCoreApplication::translate("ShownNumbers", "%1 pts")
      .arg(QString::number(shownPercent(share), 'f', 1));
}

QString confidenceText(double probability) {
  const QLocale locale;
  const double shown = shownPercent(probability);
  if (probability < 1.0 && shown >= 100.0)
    //: A confidence just below certainty, e.g. "> 99.9 %"
    return QCoreApplication::translate("ShownNumbers", "> %1 %").arg(locale.toString(99.9, 'f', 1));
  if (probability > 0.0 && shown <= 0.0)
    //: A confidence just above zero, e.g. "< 0.1 %"
    return QCoreApplication::translate("ShownNumbers", "< %1 %").arg(locale.toString(0.1, 'f', 1));
  return QCoreApplication::translate("ShownNumbers", "%1 %").arg(locale.toString(shown, 'f', 1));
}

}  // namespace unveil::ui
