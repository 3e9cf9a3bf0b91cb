// Distributions of a per-item value (confidence, entropy) under several conditions on one pair of
// axes: each condition's fixed-width histogram, as the share of its items per bin, drawn as a
// step line, so that shapes compare even when the conditions answered different numbers of items.
#pragma once

#include <QString>
#include <vector>

#include "analysis/histogram.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class DistributionPlot : public PlotView {
  Q_OBJECT

 public:
  struct Series {
    QString name;
    analysis::Histogram histogram;
  };

  explicit DistributionPlot(QWidget* parent = nullptr);

  /// `valueLabel` names the x axis ("Confidence", "Entropy (nats)").
  void setSeries(std::vector<Series> series, const QString& valueLabel);
  void clear();
  /// Share of series `i`'s items in each bin (sums to 1 unless the series is empty).
  std::vector<double> shares(int i) const;

  QString exportBaseName() const override;
  QString toolTipAt(double value) const override;

 private:
  std::vector<Series> series_;
  std::vector<QCPGraph*> graphs_;
};

}  // namespace unveil::ui
