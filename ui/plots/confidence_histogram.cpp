#include "plots/confidence_histogram.h"

#include <algorithm>

#include "metrics/shown_numbers.h"
#include "plots/plot_theme.h"

namespace unveil::ui {

ConfidenceHistogram::ConfidenceHistogram(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Confidence histogram"));
  QCPAxisRect* rect = axisRect(0);
  theme::styleAxisRect(rect);
  QCPAxis* x = rect->axis(QCPAxis::atBottom);
  QCPAxis* y = rect->axis(QCPAxis::atLeft);
  x->setRange(0, 1);
  x->setLabel(tr("Confidence"));
  y->setLabel(tr("Items"));
  x->grid()->setVisible(false);

  group_ = new QCPBarsGroup(this);
  group_->setSpacing(0);
  primary_ = new QCPBars(x, y);
  primary_->setWidthType(QCPBars::wtPlotCoords);
  primary_->setBrush(theme::withAlpha(theme::kAccuracy, 200));
  primary_->setPen(QPen(Qt::white, 1));
  comparisonBars_ = new QCPBars(x, y);
  comparisonBars_->setWidthType(QCPBars::wtPlotCoords);
  comparisonBars_->setBrush(theme::withAlpha(theme::kComparison, 200));
  comparisonBars_->setPen(QPen(Qt::white, 1));

  accuracy_ = makeLine(theme::kText, Qt::DashLine);
  confidence_ = makeLine(theme::kAccuracy, Qt::SolidLine);
  comparisonConfidence_ = makeLine(theme::kComparison, Qt::SolidLine);

  theme::styleLegend(legend);
  theme::placeLegendBelow(this, rect, 2);
  rebuild();
}

ConfidenceHistogram::ReferenceLine ConfidenceHistogram::makeLine(const QColor& color,
                                                                 Qt::PenStyle style) {
  ReferenceLine r;
  const QPen pen(color, 1.8, style);
  r.line = new QCPItemStraightLine(this);
  r.line->setPen(pen);
  r.line->setVisible(false);
  r.legendEntry = addGraph();
  r.legendEntry->setPen(pen);
  r.legendEntry->removeFromLegend();
  return r;
}

void ConfidenceHistogram::placeLine(ReferenceLine& r, std::optional<double> x,
                                    const QString& text) {
  r.x = x;
  r.line->setVisible(x.has_value());
  r.legendEntry->setName(text);
  if (!x) return;
  r.line->point1->setCoords(*x, 0);
  r.line->point2->setCoords(*x, 1);
}

void ConfidenceHistogram::setTable(const calib::BinTable& table, const QString& label) {
  table_ = table;
  label_ = label;
  rebuild();
}

void ConfidenceHistogram::setComparison(const calib::BinTable& table, const QString& label) {
  comparison_ = table;
  comparisonLabel_ = label;
  rebuild();
}

void ConfidenceHistogram::clearComparison() {
  comparison_.reset();
  comparisonLabel_.clear();
  rebuild();
}

void ConfidenceHistogram::clear() {
  table_ = {};
  label_.clear();
  comparison_.reset();
  setReferenceLines(std::nullopt, std::nullopt);
  rebuild();
}

void ConfidenceHistogram::setReferenceLines(std::optional<double> accuracy,
                                            std::optional<double> meanConfidence,
                                            std::optional<double> comparisonMeanConfidence) {
  auto percent = [](double v) { return metricText(v, ShownUnit::kPercent); };
  placeLine(accuracy_, accuracy, accuracy ? tr("Accuracy %1").arg(percent(*accuracy)) : QString());
  // Beside the mean after scaling, the model's own mean says it is the one before.
  const QString mean = !meanConfidence ? QString()
                       : comparisonMeanConfidence
                           ? tr("Mean confidence before %1").arg(percent(*meanConfidence))
                           : tr("Mean confidence %1").arg(percent(*meanConfidence));
  placeLine(confidence_, meanConfidence, mean);
  placeLine(comparisonConfidence_, comparisonMeanConfidence,
            comparisonMeanConfidence
                ? tr("Mean confidence after %1").arg(percent(*comparisonMeanConfidence))
                : QString());
  updateLegend();
  requestReplot();
}

void ConfidenceHistogram::updateLegend() {
  legend->clearItems();
  primary_->addToLegend();
  if (comparison_) comparisonBars_->addToLegend();
  for (const ReferenceLine* r : {&accuracy_, &confidence_, &comparisonConfidence_})
    if (r->x) r->legendEntry->addToLegend();
  legend->setVisible(!layout_.bins.isEmpty());
}

QString ConfidenceHistogram::exportBaseName() const {
  return QStringLiteral("confidence-histogram");
}

void ConfidenceHistogram::rebuild() {
  layout_ = layoutBins(table_);
  QVector<double> keys, counts;
  for (int i = 0; i < layout_.bins.size(); ++i) {
    keys.push_back(layout_.keys[i]);
    counts.push_back(
        static_cast<double>(table_.bins[static_cast<std::size_t>(layout_.bins[i])].count));
  }
  QVector<double> cKeys, cCounts;
  if (comparison_) {
    const BinLayout cl = layoutBins(*comparison_);
    for (int i = 0; i < cl.bins.size(); ++i) {
      cKeys.push_back(cl.keys[i]);
      cCounts.push_back(
          static_cast<double>(comparison_->bins[static_cast<std::size_t>(cl.bins[i])].count));
    }
  }
  primary_->setData(keys, counts, true);
  comparisonBars_->setData(cKeys, cCounts, true);
  const bool compared = comparison_.has_value();
  primary_->setBarsGroup(compared ? group_ : nullptr);
  comparisonBars_->setBarsGroup(compared ? group_ : nullptr);
  primary_->setWidth(layout_.width * (compared ? 0.46 : 0.92));
  comparisonBars_->setWidth(layout_.width * 0.46);

  double maxCount = 1;
  for (double c : counts)
    maxCount = std::max(maxCount, c);
  for (double c : cCounts)
    maxCount = std::max(maxCount, c);
  axisRect(0)->axis(QCPAxis::atLeft)->setRange(0, maxCount * 1.08);

  primary_->setName(label_.isEmpty() ? tr("Predictions") : label_);
  comparisonBars_->setName(comparisonLabel_);
  updateLegend();
  requestReplot();
}

int ConfidenceHistogram::binIndexAt(double confidence) const {
  const int index = binAt(table_, layout_, confidence);
  return index >= 0 && table_.bins[static_cast<std::size_t>(index)].count > 0 ? index : -1;
}

int ConfidenceHistogram::comparisonBinAt(double confidence) const {
  // The histogram's bins are of equal width, its own and the comparison's the same.
  if (!comparison_ || comparison_->bins.size() != table_.bins.size()) return -1;
  const int index = binAt(*comparison_, layoutBins(*comparison_), confidence);
  if (index < 0) return -1;
  const calib::Bin& bin = comparison_->bins[static_cast<std::size_t>(index)];
  if (bin.count == 0 || confidence < (bin.lo + bin.hi) / 2) return -1;
  return index;
}

QString ConfidenceHistogram::toolTipAt(double confidence) const {
  const int index = binAt(table_, layout_, confidence);
  if (index < 0) return {};
  const calib::Bin& bin = table_.bins[static_cast<std::size_t>(index)];
  QString text = tr("Confidence %1").arg(binRangeText(bin)) + QStringLiteral("<br>");
  const QString name = label_.isEmpty() ? tr("Predictions") : label_;
  text += name.toHtmlEscaped() + QStringLiteral(": ") + QString::number(bin.count);
  if (comparison_ && static_cast<std::size_t>(index) < comparison_->bins.size()) {
    text += QStringLiteral("<br>") + comparisonLabel_.toHtmlEscaped() + QStringLiteral(": ") +
            QString::number(comparison_->bins[static_cast<std::size_t>(index)].count);
  }
  return text;
}

}  // namespace unveil::ui
