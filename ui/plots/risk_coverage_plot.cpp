#include "plots/risk_coverage_plot.h"

#include <algorithm>
#include <cmath>

#include "plots/plot_theme.h"

namespace unveil::ui {

RiskCoveragePlot::RiskCoveragePlot(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Risk–coverage"));
  QCPAxisRect* rect = axisRect(0);
  theme::styleAxisRect(rect);
  QCPAxis* x = rect->axis(QCPAxis::atBottom);
  QCPAxis* y = rect->axis(QCPAxis::atLeft);
  x->setRange(0, 1);
  x->setLabel(tr("Coverage (most confident share answered)"));
  y->setLabel(tr("Risk (share wrong)"));
  graph_ = addGraph(x, y);
  graph_->setPen(QPen(theme::kAccuracy, 2));
  graph_->setBrush(theme::withAlpha(theme::kAccuracy, 40));
  graph_->setName(tr("Risk of the answered items"));
  overall_ = new QCPItemStraightLine(this);
  overall_->setPen(QPen(theme::kReference, 1.4, Qt::DashLine));
  overall_->setVisible(false);
  // The dashed line says what it is where it is drawn (a legend would cover the curve).
  overallText_ = new QCPItemText(this);
  overallText_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  overallText_->setColor(theme::kReference);
  overallText_->setVisible(false);
  theme::styleLegend(legend);
  legend->setVisible(false);
  connect(this, &QCustomPlot::mousePress, this, &RiskCoveragePlot::clicked);
  clear();
}

void RiskCoveragePlot::setCurve(const std::vector<calib::RiskCoveragePoint>& curve,
                                const QString& label) {
  curve_ = curve;
  QVector<double> xs, ys;
  xs.reserve(static_cast<qsizetype>(curve.size()) + 1);
  ys.reserve(static_cast<qsizetype>(curve.size()) + 1);
  double top = 0.05;
  for (const auto& p : curve) {
    xs.push_back(p.coverage);
    ys.push_back(p.risk);
    top = std::max(top, p.risk);
  }
  graph_->setData(xs, ys, true);
  if (!curve.empty()) {
    const double overall = curve.back().risk;
    overall_->point1->setCoords(0, overall);
    overall_->point2->setCoords(1, overall);
    overall_->setVisible(true);
    overallText_->position->setCoords(0.02, overall);
    overallText_->setText(
        tr("All answered: %1 % wrong").arg(QString::number(100 * overall, 'f', 1)));
    overallText_->setVisible(true);
  } else {
    overall_->setVisible(false);
    overallText_->setText(QString());
    overallText_->setVisible(false);
  }
  axisRect(0)->axis(QCPAxis::atLeft)->setRange(0, std::min(1.0, top * 1.1));
  setSubtitle(label);
  requestReplot();
}

void RiskCoveragePlot::clear() {
  setCurve({}, QString());
}

QString RiskCoveragePlot::overallLabel() const {
  return overallText_->text();
}

QString RiskCoveragePlot::exportBaseName() const {
  return QStringLiteral("risk-coverage");
}

int RiskCoveragePlot::pointAt(double coverage) const {
  if (curve_.empty() || !(coverage >= 0 && coverage <= 1)) return -1;
  const auto it =
      std::lower_bound(curve_.begin(), curve_.end(), coverage,
                       [](const calib::RiskCoveragePoint& p, double c) { return p.coverage < c; });
  std::size_t i = static_cast<std::size_t>(it - curve_.begin());
  if (i == curve_.size()) i = curve_.size() - 1;
  if (i > 0 &&
      std::abs(curve_[i - 1].coverage - coverage) < std::abs(curve_[i].coverage - coverage))
    --i;
  return static_cast<int>(i);
}

QString RiskCoveragePlot::toolTipAt(double coverage) const {
  const int i = pointAt(coverage);
  if (i < 0) return {};
  const auto& p = curve_[static_cast<std::size_t>(i)];
  return tr("Answering the %1 most confident items (%2 %, confidence ≥ %3):<br>%4 % of them "
            "wrong")
             .arg(p.k)
             .arg(QString::number(100 * p.coverage, 'f', 1))
             .arg(QString::number(p.threshold, 'f', 3))
             .arg(QString::number(100 * p.risk, 'f', 1)) +
         QStringLiteral("<br><i>") + tr("Click to list these items") + QStringLiteral("</i>");
}

void RiskCoveragePlot::clicked(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || curve_.empty()) return;
  QCPAxisRect* rect = axisRect(0);
  if (!rect->rect().contains(event->position().toPoint())) return;
  const int i = pointAt(rect->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x()));
  if (i < 0) return;
  const auto& p = curve_[static_cast<std::size_t>(i)];
  emit coverageClicked(p.threshold, p.coverage);
}

}  // namespace unveil::ui
