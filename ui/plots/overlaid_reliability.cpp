#include "plots/overlaid_reliability.h"

#include "plots/plot_theme.h"

namespace unveil::ui {

OverlaidReliability::OverlaidReliability(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Reliability, overlaid"));
  QCPAxisRect* main = axisRect(0);
  theme::styleAxisRect(main);
  QCPAxis* x = main->axis(QCPAxis::atBottom);
  QCPAxis* y = main->axis(QCPAxis::atLeft);
  x->setRange(0, 1);
  y->setRange(0, 1.02);
  x->setLabel(tr("Confidence"));
  y->setLabel(tr("Accuracy"));
  diagonal_ = addGraph(x, y);
  diagonal_->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
  diagonal_->setPen(QPen(theme::kReference, 1.2, Qt::DashLine));
  diagonal_->setName(tr("Perfect calibration"));
  legend->setVisible(true);
  theme::styleLegend(legend);
  theme::placeLegendBelow(this, main, 3);
}

QColor OverlaidReliability::seriesColour(int i) {
  // Okabe–Ito's colours that read on a light and a dark background (its yellow does not), so
  // that the image, no image and four more conditions each have their own.
  static const QColor colours[] = {theme::kAccuracy,         theme::kOverConfident,
                                   theme::kComparison,       theme::kUnderConfident,
                                   QColor(0x56, 0xB4, 0xE9), QColor(0xE6, 0x9F, 0x00)};
  return colours[static_cast<std::size_t>(i) % std::size(colours)];
}

void OverlaidReliability::clear() {
  setSeries({});
}

void OverlaidReliability::setSeries(std::vector<Series> series) {
  for (QCPGraph* g : graphs_)
    removeGraph(g);
  graphs_.clear();
  series_ = std::move(series);
  QCPAxis* x = axisRect(0)->axis(QCPAxis::atBottom);
  QCPAxis* y = axisRect(0)->axis(QCPAxis::atLeft);
  for (std::size_t i = 0; i < series_.size(); ++i) {
    QCPGraph* g = addGraph(x, y);
    const QColor c = seriesColour(static_cast<int>(i));
    g->setPen(QPen(c, 2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, c, 7));
    g->setName(series_[i].name);
    QVector<double> keys, values;
    for (const auto& [conf, acc] : points(static_cast<int>(i))) {
      keys << conf;
      values << acc;
    }
    g->setData(keys, values, /*alreadySorted=*/false);
    graphs_.push_back(g);
  }
  requestReplot();
}

std::vector<std::pair<double, double>> OverlaidReliability::points(int i) const {
  std::vector<std::pair<double, double>> out;
  if (i < 0 || static_cast<std::size_t>(i) >= series_.size()) return out;
  for (const calib::Bin& b : series_[static_cast<std::size_t>(i)].table.bins)
    if (b.count > 0) out.emplace_back(b.confidence, b.accuracy);
  return out;
}

QString OverlaidReliability::exportBaseName() const {
  return QStringLiteral("reliability-overlaid");
}

QString OverlaidReliability::toolTipAt(double confidence) const {
  QStringList lines;
  for (const Series& s : series_)
    for (const calib::Bin& b : s.table.bins)
      if (b.count > 0 && confidence >= b.lo && confidence <= b.hi) {
        lines << tr("<b>%1</b>: confidence %2–%3, accuracy %4 % (%5 items)")
                     .arg(s.name.toHtmlEscaped(), QString::number(b.lo, 'f', 2),
                          QString::number(b.hi, 'f', 2), QString::number(100 * b.accuracy, 'f', 1))
                     .arg(b.count);
        break;
      }
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace unveil::ui
