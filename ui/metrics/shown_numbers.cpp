#include "metrics/shown_numbers.h"

#include <QCoreApplication>

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

}  // namespace unveil::ui
