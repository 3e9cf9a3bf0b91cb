#include "plots/reliability_diagram.h"

#include <algorithm>
#include <cmath>

#include "metrics/shown_numbers.h"
#include "plots/plot_theme.h"

namespace unveil::ui {

namespace {
QCPFinancial* makeGapSeries(QCPAxis* x, QCPAxis* y, const QColor& color) {
  // A candlestick body spans open..close: exactly the stretch between accuracy and confidence.
  auto* gaps = new QCPFinancial(x, y);
  gaps->setChartStyle(QCPFinancial::csCandlestick);
  gaps->setTwoColored(false);
  gaps->setWidthType(QCPFinancial::wtPlotCoords);
  gaps->setBrush(QBrush(theme::withAlpha(color, 90)));
  gaps->setPen(QPen(color, 1.5));
  return gaps;
}

QCPErrorBars* makeIntervals(QCPAxis* x, QCPAxis* y, QCPAbstractPlottable* on, const QColor& c) {
  auto* bars = new QCPErrorBars(x, y);
  bars->setDataPlottable(on);
  bars->setErrorType(QCPErrorBars::etValueError);
  bars->setPen(QPen(c, 1.2));
  bars->setWhiskerWidth(6);
  bars->setSymbolGap(0);
  return bars;
}

}  // namespace

ReliabilityDiagram::ReliabilityDiagram(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Reliability diagram"));
  QCPAxisRect* main = axisRect(0);
  theme::styleAxisRect(main);
  QCPAxis* x = main->axis(QCPAxis::atBottom);
  QCPAxis* y = main->axis(QCPAxis::atLeft);
  x->setRange(0, 1);
  y->setRange(0, 1.02);
  y->setLabel(tr("Accuracy"));
  x->setTickLabels(false);
  x->setTickLengthOut(0);

  // The count strip under the diagram shares its confidence axis.
  countRect_ = new QCPAxisRect(this);
  plotLayout()->addElement(2, 0, countRect_);
  plotLayout()->setRowStretchFactor(1, 1.0);
  plotLayout()->setRowStretchFactor(2, 0.2);
  plotLayout()->setRowSpacing(4);
  theme::styleAxisRect(countRect_);
  auto* margins = new QCPMarginGroup(this);
  main->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  countRect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
  QCPAxis* cx = countRect_->axis(QCPAxis::atBottom);
  QCPAxis* cy = countRect_->axis(QCPAxis::atLeft);
  cx->setRange(0, 1);
  cx->setLabel(tr("Confidence"));
  cy->setLabel(tr("Items"));
  cy->ticker()->setTickCount(2);
  cy->grid()->setVisible(false);

  diagonal_ = addGraph(x, y);
  diagonal_->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
  diagonal_->setPen(QPen(theme::kReference, 1.2, Qt::DashLine));
  diagonal_->setName(tr("Perfect calibration"));

  accuracy_ = new QCPBars(x, y);
  accuracy_->setWidthType(QCPBars::wtPlotCoords);
  accuracy_->setBrush(theme::withAlpha(theme::kAccuracy, 200));
  accuracy_->setPen(QPen(Qt::white, 1));
  over_ = makeGapSeries(x, y, theme::kOverConfident);
  over_->setName(tr("Gap: over-confident"));
  under_ = makeGapSeries(x, y, theme::kUnderConfident);
  under_->setName(tr("Gap: under-confident"));
  intervals_ = makeIntervals(x, y, accuracy_, theme::kText);
  intervals_->setName(tr("95 % interval of accuracy"));

  comparisonCurve_ = addGraph(x, y);
  comparisonCurve_->setPen(QPen(theme::kComparison, 2.2));
  comparisonCurve_->setScatterStyle(
      QCPScatterStyle(QCPScatterStyle::ssDisc, theme::kComparison, theme::kComparison, 7));
  comparisonIntervals_ = makeIntervals(x, y, comparisonCurve_, theme::kComparison);

  countGroup_ = new QCPBarsGroup(this);
  countGroup_->setSpacing(0);
  counts_ = new QCPBars(cx, cy);
  counts_->setWidthType(QCPBars::wtPlotCoords);
  counts_->setBrush(theme::kCounts);
  counts_->setPen(QPen(Qt::white, 1));
  comparisonCounts_ = new QCPBars(cx, cy);
  comparisonCounts_->setWidthType(QCPBars::wtPlotCoords);
  comparisonCounts_->setBrush(theme::withAlpha(theme::kComparison, 190));
  comparisonCounts_->setPen(QPen(Qt::white, 1));

  theme::styleLegend(legend);
  // Below the count strip: inside the axes it covered the low-confidence bars and whiskers.
  theme::placeLegendBelow(this, main, 3);
  rebuild();
}

void ReliabilityDiagram::setTable(const calib::BinTable& table, const QString& label) {
  table_ = table;
  label_ = label;
  rebuild();
}

void ReliabilityDiagram::setComparison(const calib::BinTable& table, const QString& label) {
  comparison_ = table;
  comparisonLabel_ = label;
  rebuild();
}

void ReliabilityDiagram::clearComparison() {
  comparison_.reset();
  comparisonLabel_.clear();
  rebuild();
}

void ReliabilityDiagram::clear() {
  table_ = {};
  label_.clear();
  comparison_.reset();
  rebuild();
}

QString ReliabilityDiagram::exportBaseName() const {
  return QStringLiteral("reliability-diagram");
}

void ReliabilityDiagram::rebuild() {
  layout_ = layoutBins(table_);
  const double width = layout_.width;
  const bool compared = comparison_.has_value();

  QVector<double> keys, acc, ciMinus, ciPlus, counts;
  QVector<QCPFinancialData> overData, underData;
  for (int i = 0; i < layout_.bins.size(); ++i) {
    const calib::Bin& bin = table_.bins[static_cast<std::size_t>(layout_.bins[i])];
    const double key = layout_.keys[i];
    keys.push_back(key);
    acc.push_back(bin.accuracy);
    ciMinus.push_back(std::max(0.0, bin.accuracy - bin.ci_lo));
    ciPlus.push_back(std::max(0.0, bin.ci_hi - bin.accuracy));
    counts.push_back(static_cast<double>(bin.count));
    const QCPFinancialData gap(key, bin.accuracy, std::max(bin.accuracy, bin.confidence),
                               std::min(bin.accuracy, bin.confidence), bin.confidence);
    if (bin.confidence > bin.accuracy)
      overData.push_back(gap);
    else if (bin.confidence < bin.accuracy)
      underData.push_back(gap);
  }
  accuracy_->setWidth(width * 0.92);
  accuracy_->setData(keys, acc, true);
  intervals_->setData(ciMinus, ciPlus);
  over_->setWidth(width * 0.92);
  under_->setWidth(width * 0.92);
  over_->data()->set(overData, true);
  under_->data()->set(underData, true);

  QVector<double> cKeys, cAcc, cMinus, cPlus, cCountKeys, cCounts;
  if (compared) {
    const BinLayout cl = layoutBins(*comparison_);
    for (int i = 0; i < cl.bins.size(); ++i) {
      const calib::Bin& bin = comparison_->bins[static_cast<std::size_t>(cl.bins[i])];
      cKeys.push_back(bin.confidence);
      cAcc.push_back(bin.accuracy);
      cMinus.push_back(std::max(0.0, bin.accuracy - bin.ci_lo));
      cPlus.push_back(std::max(0.0, bin.ci_hi - bin.accuracy));
      cCountKeys.push_back(cl.keys[i]);
      cCounts.push_back(static_cast<double>(bin.count));
    }
  }
  comparisonCurve_->setData(cKeys, cAcc, true);
  comparisonIntervals_->setData(cMinus, cPlus);

  counts_->setData(keys, counts, true);
  comparisonCounts_->setData(cCountKeys, cCounts, true);
  if (compared) {
    counts_->setBarsGroup(countGroup_);
    comparisonCounts_->setBarsGroup(countGroup_);
    counts_->setWidth(width * 0.46);
    comparisonCounts_->setWidth(width * 0.46);
  } else {
    counts_->setBarsGroup(nullptr);
    comparisonCounts_->setBarsGroup(nullptr);
    counts_->setWidth(width * 0.92);
  }
  double maxCount = 1;
  for (double c : counts)
    maxCount = std::max(maxCount, c);
  for (double c : cCounts)
    maxCount = std::max(maxCount, c);
  countRect_->axis(QCPAxis::atLeft)->setRange(0, maxCount * 1.08);

  updateLegend();
  requestReplot();
}

void ReliabilityDiagram::updateLegend() {
  const bool compared = comparison_.has_value();
  const QString primary =
      label_.isEmpty() ? QString() : QStringLiteral(" (") + label_ + QLatin1Char(')');
  accuracy_->setName(tr("Accuracy") + primary);
  comparisonCurve_->setName(comparisonLabel_);
  counts_->setName(tr("Items") + primary);
  legend->clearItems();
  accuracy_->addToLegend();
  // Only what is drawn is explained.
  if (!over_->data()->isEmpty()) over_->addToLegend();
  if (!under_->data()->isEmpty()) under_->addToLegend();
  intervals_->addToLegend();
  if (compared) comparisonCurve_->addToLegend();
  diagonal_->addToLegend();
  legend->setVisible(!layout_.bins.isEmpty());
}

QString ReliabilityDiagram::describeBin(const calib::Bin& bin, const QString& label) const {
  QString text = QStringLiteral("<b>") + label.toHtmlEscaped() + QStringLiteral("</b><br>");
  if (bin.count == 0) return text + tr("no predictions in this bin");
  // In the metrics panel's units: shares in percent, the gap between them in percentage points
  // (ui/metrics/shown_numbers.h), so that the gap is the difference of the two numbers shown.
  const QString gap =
      pointsText(std::abs(shownPercent(bin.accuracy) - shownPercent(bin.confidence)) / 100);
  const QString direction = bin.gap < 0   ? tr("over-confident by %1").arg(gap)
                            : bin.gap > 0 ? tr("under-confident by %1").arg(gap)
                                          : tr("calibrated");
  text += tr("%Ln prediction(s)", nullptr, static_cast<int>(bin.count)) + QStringLiteral("<br>");
  text += tr("mean confidence %1 · accuracy %2")
              .arg(confidenceText(bin.confidence), metricText(bin.accuracy, ShownUnit::kPercent)) +
          QStringLiteral("<br>");
  text += direction + QStringLiteral("<br>");
  text += tr("95 % interval of accuracy %1")
              .arg(metricText(bin.ci_lo, ShownUnit::kPercent, true) + QStringLiteral("–") +
                   metricText(bin.ci_hi, ShownUnit::kPercent));
  return text;
}

int ReliabilityDiagram::binIndexAt(double confidence) const {
  const int index = binAt(table_, layout_, confidence);
  return index >= 0 && table_.bins[static_cast<std::size_t>(index)].count > 0 ? index : -1;
}

QString ReliabilityDiagram::toolTipAt(double confidence) const {
  const int index = binAt(table_, layout_, confidence);
  if (index < 0) return {};
  const calib::Bin& bin = table_.bins[static_cast<std::size_t>(index)];
  QString text = tr("Confidence %1").arg(binRangeText(bin)) + QStringLiteral("<br>");
  text += describeBin(bin, label_.isEmpty() ? tr("This bin") : label_);
  if (comparison_ && static_cast<std::size_t>(index) < comparison_->bins.size()) {
    const calib::Bin& other = comparison_->bins[static_cast<std::size_t>(index)];
    text += QStringLiteral("<br><br>") + describeBin(other, comparisonLabel_);
    if (comparison_->binning == calib::Binning::kEqualMass)
      text += QStringLiteral("<br>") + tr("(confidence %1)").arg(binRangeText(other));
  }
  return text;
}

}  // namespace unveil::ui
