#include "plots/distribution_plot.h"

#include <numeric>

#include "plots/overlaid_reliability.h"
#include "plots/plot_theme.h"

namespace unveil::ui {

DistributionPlot::DistributionPlot(QWidget* parent) : PlotView(parent) {
  theme::styleAxisRect(axisRect(0));
  axisRect(0)->axis(QCPAxis::atLeft)->setLabel(tr("Share of items"));
  legend->setVisible(true);
  theme::styleLegend(legend);
  theme::placeLegendBelow(this, axisRect(0), 3);
}

void DistributionPlot::clear() {
  setSeries({}, QString());
}

std::vector<double> DistributionPlot::shares(int i) const {
  std::vector<double> out;
  if (i < 0 || static_cast<std::size_t>(i) >= series_.size()) return out;
  const auto& counts = series_[static_cast<std::size_t>(i)].histogram.counts;
  const double total =
      static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
  for (std::size_t c : counts)
    out.push_back(total > 0 ? static_cast<double>(c) / total : 0.0);
  return out;
}

void DistributionPlot::setSeries(std::vector<Series> series, const QString& valueLabel) {
  for (QCPGraph* g : graphs_)
    removeGraph(g);
  graphs_.clear();
  series_ = std::move(series);
  QCPAxis* x = axisRect(0)->axis(QCPAxis::atBottom);
  QCPAxis* y = axisRect(0)->axis(QCPAxis::atLeft);
  x->setLabel(valueLabel);
  double lo = 0, hi = 1, top = 0.05;
  for (std::size_t i = 0; i < series_.size(); ++i) {
    const analysis::Histogram& h = series_[i].histogram;
    if (i == 0) {
      lo = h.lo;
      hi = h.hi;
    }
    const std::vector<double> share = shares(static_cast<int>(i));
    QVector<double> keys, values;
    const double width =
        (h.hi - h.lo) / static_cast<double>(std::max<std::size_t>(1, share.size()));
    for (std::size_t b = 0; b < share.size(); ++b) {
      keys << h.lo + width * static_cast<double>(b) << h.lo + width * static_cast<double>(b + 1);
      values << share[b] << share[b];
      top = std::max(top, share[b]);
    }
    QCPGraph* g = addGraph(x, y);
    const QColor c = OverlaidReliability::seriesColour(static_cast<int>(i));
    g->setPen(QPen(c, 2));
    g->setBrush(theme::withAlpha(c, 28));
    g->setName(series_[i].name);
    g->setData(keys, values, /*alreadySorted=*/true);
    graphs_.push_back(g);
  }
  x->setRange(lo, hi);
  y->setRange(0, top * 1.12);
  requestReplot();
}

QString DistributionPlot::exportBaseName() const {
  return QStringLiteral("distribution");
}

QString DistributionPlot::toolTipAt(double value) const {
  QStringList lines;
  for (std::size_t i = 0; i < series_.size(); ++i) {
    const analysis::Histogram& h = series_[i].histogram;
    if (h.counts.empty() || value < h.lo || value > h.hi) continue;
    const auto bins = static_cast<double>(h.counts.size());
    const auto b = static_cast<std::size_t>(
        std::min(bins - 1, std::floor((value - h.lo) / (h.hi - h.lo) * bins)));
    const double share = shares(static_cast<int>(i))[b];
    lines << tr("<b>%1</b>: %2 % of its items (%3)")
                 .arg(series_[i].name.toHtmlEscaped(), QString::number(100 * share, 'f', 1))
                 .arg(h.counts[b]);
  }
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace unveil::ui
