#include "plots/prompt_search_chart.h"

#include <cmath>

#include "metrics/shown_numbers.h"
#include "plots/plot_theme.h"

namespace unveil::ui {

PromptSearchChart::PromptSearchChart(QWidget* parent) : PlotView(parent) {
  setTitle(tr("Best prompt per round"));
  QCPAxisRect* rect = axisRect(0);
  theme::styleAxisRect(rect);
  QCPAxis* x = rect->axis(QCPAxis::atBottom);
  QCPAxis* y = rect->axis(QCPAxis::atLeft);
  QCPAxis* y2 = rect->axis(QCPAxis::atRight);
  y2->setVisible(true);
  y2->setTickLabelFont(theme::tickFont());
  y2->setLabelFont(theme::labelFont());
  x->setLabel(tr("Round"));
  y->setLabel(tr("Accuracy"));
  // In percentage points, as the metrics panel and the tooltip below write a calibration error.
  y2->setLabel(tr("ECE (percentage points)"));
  x->ticker()->setTickCount(10);
  accuracy_ = addGraph(x, y);
  accuracy_->setPen(QPen(theme::kAccuracy, 2));
  accuracy_->setScatterStyle(
      QCPScatterStyle(QCPScatterStyle::ssCircle, theme::kAccuracy, theme::kAccuracy, 7));
  accuracy_->setName(tr("Accuracy of the best"));
  ece_ = addGraph(x, y2);
  ece_->setPen(QPen(theme::kOverConfident, 2, Qt::DashLine));
  ece_->setScatterStyle(
      QCPScatterStyle(QCPScatterStyle::ssSquare, theme::kOverConfident, theme::kOverConfident, 6));
  ece_->setName(tr("Its ECE (right axis)"));
  legend->setVisible(true);
  theme::styleLegend(legend);
  rect->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  setRounds({}, 10);
}

void PromptSearchChart::clear() {
  setRounds({}, 10);
}

void PromptSearchChart::setRounds(const std::vector<analysis::RoundBest>& best, int rounds) {
  best_ = best;
  QVector<double> r, acc, ece;
  double top = 5;  // points
  for (const analysis::RoundBest& b : best_) {
    r << b.round;
    acc << b.accuracy;
    ece << 100 * b.ece;
    top = std::max(top, 100 * b.ece);
  }
  accuracy_->setData(r, acc, /*alreadySorted=*/true);
  ece_->setData(r, ece, /*alreadySorted=*/true);
  QCPAxisRect* rect = axisRect(0);
  rect->axis(QCPAxis::atBottom)->setRange(0.5, std::max(1, rounds) + 0.5);
  rect->axis(QCPAxis::atLeft)->setRange(0, 1.02);
  rect->axis(QCPAxis::atRight)->setRange(0, 10 * std::ceil(top * 0.12));  // 20 % headroom, in tens
  requestReplot();
}

QString PromptSearchChart::exportBaseName() const {
  return QStringLiteral("prompt-search");
}

QString PromptSearchChart::toolTipAt(double round) const {
  for (const analysis::RoundBest& b : best_)
    if (std::abs(b.round - round) < 0.5)
      return tr("<b>Round %1</b><br>best: “%2”<br>accuracy %3 %, ECE %4")
          .arg(b.round)
          .arg(QString::fromStdString(b.suffix).toHtmlEscaped(),
               QString::number(shownPercent(b.accuracy), 'f', 1), pointsText(b.ece));
  return QString();
}

}  // namespace unveil::ui
