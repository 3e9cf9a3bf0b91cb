#include "plots/bin_layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace unveil::ui {

BinLayout layoutBins(const calib::BinTable& table) {
  BinLayout layout;
  const int count = static_cast<int>(table.bins.size());
  if (count == 0) return layout;
  for (int i = 0; i < count; ++i) {
    const calib::Bin& bin = table.bins[static_cast<std::size_t>(i)];
    if (bin.count == 0 || !std::isfinite(bin.confidence) || !std::isfinite(bin.accuracy)) continue;
    layout.bins.push_back(i);
    if (table.binning == calib::Binning::kEqualWidth)
      layout.keys.push_back((bin.lo + bin.hi) / 2);
    else
      layout.keys.push_back(bin.confidence);
  }
  const double nominal = 1.0 / count;
  if (table.binning == calib::Binning::kEqualWidth) {
    layout.width = nominal;
    return layout;
  }
  // The typical (median) spacing: the smallest one would turn most bars into needles when a few
  // bins crowd near confidence 1, as they do for an over-confident model.
  std::vector<double> spacings;
  for (int i = 1; i < layout.keys.size(); ++i) {
    const double d = layout.keys[i] - layout.keys[i - 1];
    if (d > 0) spacings.push_back(d);
  }
  double spacing = nominal;
  if (!spacings.empty()) {
    std::nth_element(spacings.begin(), spacings.begin() + spacings.size() / 2, spacings.end());
    spacing = spacings[spacings.size() / 2];
  }
  layout.width = std::clamp(spacing * 0.8, 0.01, nominal);
  return layout;
}

int binAt(const calib::BinTable& table, const BinLayout& layout, double confidence) {
  if (table.bins.empty() || !(confidence >= 0.0 && confidence <= 1.0)) return -1;
  if (table.binning == calib::Binning::kEqualWidth) {
    // conf == 1.0 belongs to the last bin, as in the study's code.
    const int count = static_cast<int>(table.bins.size());
    return std::min(static_cast<int>(std::floor(confidence * count)), count - 1);
  }
  // Equal-mass bars may overlap where bins crowd (near confidence 1): the nearest bar wins, and
  // of two as near the later one, which is drawn on top.
  int best = -1;
  double bestDistance = layout.width / 2;
  for (int i = 0; i < layout.keys.size(); ++i) {
    const double d = std::abs(confidence - layout.keys[i]);
    if (d <= bestDistance) {
      best = layout.bins[i];
      bestDistance = d;
    }
  }
  return best;
}

namespace {
// A bin's edge in percent, to one decimal where it has one: 0.8 -> "80", 1/15 -> "6.7".
QString edgePercent(double edge) {
  QString text = QString::number(100 * edge, 'f', 1);
  if (text.endsWith(QStringLiteral(".0"))) text.chop(2);
  return text;
}
}  // namespace

QString binRangeText(const calib::Bin& bin) {
  return edgePercent(bin.lo) + QStringLiteral("–") + edgePercent(bin.hi) + QStringLiteral(" %");
}

}  // namespace unveil::ui
