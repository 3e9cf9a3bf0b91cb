// Several runs' reliability curves on one pair of axes: per run, the (mean confidence, accuracy)
// point of every non-empty bin joined by a line, against the diagonal of perfect calibration. The
// comparison view's "overlaid" picture, beside the small multiples.
#pragma once

#include <QString>
#include <vector>

#include "calib/metrics.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class OverlaidReliability : public PlotView {
  Q_OBJECT

 public:
  struct Series {
    QString name;
    calib::BinTable table;
  };

  explicit OverlaidReliability(QWidget* parent = nullptr);

  /// Up to four series (colours in order: blue, vermillion, green, purple).
  void setSeries(std::vector<Series> series);
  void clear();
  int seriesCount() const { return static_cast<int>(series_.size()); }
  /// The points drawn for series `i` (mean confidence, accuracy), for tests.
  std::vector<std::pair<double, double>> points(int i) const;

  QString exportBaseName() const override;
  QString toolTipAt(double confidence) const override;

  static QColor seriesColour(int i);

 private:
  std::vector<Series> series_;
  std::vector<QCPGraph*> graphs_;
  QCPGraph* diagonal_ = nullptr;
};

}  // namespace unveil::ui
