// The risk–coverage curve: answering only the most confident share of the items (coverage, along
// the bottom), how often those answers are wrong (risk). A model whose confidence means something
// has a curve that rises from low risk; a flat curve says confidence does not separate right from
// wrong. The dashed horizontal line is the overall error rate (full coverage), labelled on the plot
// itself; the area under the curve is AURC. Clicking the curve lists the items answered at that
// coverage.
#pragma once

#include <vector>

#include "calib/risk_coverage.h"
#include "plots/plot_view.h"

namespace unveil::ui {

class RiskCoveragePlot : public PlotView {
  Q_OBJECT

 public:
  explicit RiskCoveragePlot(QWidget* parent = nullptr);

  void setCurve(const std::vector<calib::RiskCoveragePoint>& curve, const QString& label = {});
  /// A second curve (after temperature scaling: the same order, so the same curve unless ties
  /// change) is not drawn; scaling never changes the ranking.
  void clear();
  const std::vector<calib::RiskCoveragePoint>& curve() const { return curve_; }

  QString exportBaseName() const override;
  QString toolTipAt(double coverage) const override;
  /// The point of the curve nearest to a coverage, -1 when there is none.
  int pointAt(double coverage) const;

  QCPGraph* curveGraph() const { return graph_; }
  /// The dashed line's label ("All answered: 14.3 % wrong"); empty when there is no curve.
  QString overallLabel() const;

 signals:
  /// The curve was clicked at one of its points: answer the items with confidence >= threshold.
  void coverageClicked(double threshold, double coverage);

 private:
  void clicked(QMouseEvent* event);

  std::vector<calib::RiskCoveragePoint> curve_;
  QCPGraph* graph_ = nullptr;
  QCPItemStraightLine* overall_ = nullptr;
  QCPItemText* overallText_ = nullptr;
};

}  // namespace unveil::ui
