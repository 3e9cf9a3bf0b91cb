// Where the bars of a bin table go on a confidence axis, shared by the reliability diagram and
// the confidence histogram so that both put a bin at the same place.
#pragma once

#include <QString>
#include <QVector>

#include "calib/metrics.h"

namespace unveil::ui {

struct BinLayout {
  QVector<int> bins;     ///< indices of the non-empty bins (empty bins draw nothing)
  QVector<double> keys;  ///< bar centre of each non-empty bin, on the confidence axis
  double width = 0.1;    ///< bar width in confidence units
};

/// Equal-width bins sit at their centres with the bin's width. Equal-mass bins have no common
/// width, so they sit at their mean confidence with a width that keeps neighbours apart.
BinLayout layoutBins(const calib::BinTable& table);

/// The bin that a point of the confidence axis falls in, or -1 when it falls in none.
int binAt(const calib::BinTable& table, const BinLayout& layout, double confidence);

/// The bin's confidence range in percent, as the window writes a confidence: "80–90 %".
QString binRangeText(const calib::Bin& bin);

}  // namespace unveil::ui
