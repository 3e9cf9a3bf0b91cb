#include "metrics/metrics_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "metrics/metrics_table_model.h"

namespace unveil::ui {

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(8);

  model_ = new MetricsTableModel(this);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("metricsTable"));
  table_->setModel(model_);
  table_->verticalHeader()->setVisible(false);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  // The numbers are never cut: their columns take the width of their text, the metric's name
  // the rest (a name cut short still shows whole in its tooltip).
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setFocusPolicy(Qt::NoFocus);
  table_->setAlternatingRowColors(true);
  table_->setShowGrid(false);
  table_->setWordWrap(false);
  table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // The table is as tall as its rows when there is room, so that every metric is visible without
  // scrolling; on a small screen it gives way (down to three rows) and scrolls under its header.
  table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  connect(model_, &QAbstractItemModel::modelReset, this, &MetricsPanel::fitTableHeight);
  table_->setToolTip(tr("Hover over a metric to see what it means."));

  temperature_ = new QLabel(this);
  temperature_->setObjectName(QStringLiteral("temperatureBox"));
  temperature_->setWordWrap(true);
  temperature_->setTextFormat(Qt::RichText);

  // The temperature's summary stands above the table: on a small screen the table scrolls, and
  // what the fit did stays in view with the headline metrics (the table's first rows).
  layout->addWidget(temperature_);
  layout->addWidget(table_);
  layout->addStretch(1);
  setTemperature(std::nullopt);
  fitTableHeight();
}

bool MetricsPanel::event(QEvent* event) {
  // The style sheet and fonts decide the header's height: measure again when they change.
  switch (event->type()) {
    case QEvent::Polish:
    case QEvent::StyleChange:
    case QEvent::FontChange:
    case QEvent::Show:
      fitTableHeight();
      break;
    case QEvent::Resize:
      fitMinimumHeight();
      break;
    default:
      break;
  }
  return QWidget::event(event);
}

void MetricsPanel::fitTableHeight() {
  table_->ensurePolished();
  table_->horizontalHeader()->ensurePolished();
  const int rows = std::max(model_->rowCount(), 1);
  const int height = table_->horizontalHeader()->sizeHint().height() +
                     rows * table_->verticalHeader()->defaultSectionSize() +
                     2 * table_->frameWidth();
  table_->setMaximumHeight(height);
  table_->setMinimumHeight(std::min(height, table_->horizontalHeader()->sizeHint().height() +
                                                3 * table_->verticalHeader()->defaultSectionSize() +
                                                2 * table_->frameWidth()));
  fitMinimumHeight();
}

void MetricsPanel::fitMinimumHeight() {
  // A wrapped label's height depends on its width, which the window's dock layout never asks
  // for: the panel says it itself.
  if (width() <= 0) return;
  const int h =
      temperature_->heightForWidth(width()) + layout()->spacing() + table_->minimumHeight();
  if (h != minimumHeight()) setMinimumHeight(h);
}

void MetricsPanel::setMetrics(const calib::Metrics& before,
                              const std::optional<calib::Metrics>& after) {
  model_->setMetrics(before, after);
}

void MetricsPanel::setIntervals(const std::optional<calib::BootstrapResult>& before,
                                const std::optional<calib::BootstrapResult>& after) {
  model_->setIntervals(before, after);
}

void MetricsPanel::setTemperature(const std::optional<TemperatureSummary>& summary) {
  temperature_->setToolTip(temperatureHelp());
  if (!summary) {
    temperature_->setText(
        tr("<b>Temperature scaling</b> · not fitted. Load a calibration split (Ctrl+L) and fit "
           "a temperature (Ctrl+T) to compare before and after."));
    fitMinimumHeight();
    return;
  }
  const calib::TemperatureFit& fit = summary->fit;
  // T with two decimals, as the diagram's legend and the verdict say it.
  QString text =
      tr("<b>Temperature scaling</b> · T = %1, fitted on %2 (%Ln prediction(s)).", nullptr,
         static_cast<int>(summary->fitSetSize))
          .arg(locale().toString(fit.temperature, 'f', 2), summary->fitSetName.toHtmlEscaped());
  if (fit.unchanged)
    text += QStringLiteral("<br><b>") +
            tr("T ≈ 1: the model was already calibrated on this split; scaling changed (almost) "
               "nothing.") +
            QStringLiteral("</b>");
  else if (fit.at_bound)
    text += QStringLiteral("<br><b>") +
            tr("The best temperature lies at the edge of the search range; treat it with care.") +
            QStringLiteral("</b>");
  else if (fit.temperature > 1)
    text += QStringLiteral("<br><i>") +
            tr("T > 1: the model was over-confident on this split; scaling softens its "
               "confidence and never changes an answer.") +
            QStringLiteral("</i>");
  else
    text += QStringLiteral("<br><i>") +
            tr("T < 1: the model was under-confident on this split; scaling sharpens its "
               "confidence and never changes an answer.") +
            QStringLiteral("</i>");
  temperature_->setText(text);
  fitMinimumHeight();
  // The fit's own measure, for those who want it: the negative log-likelihood it minimised.
  temperature_->setToolTip(
      temperatureHelp() + QStringLiteral("\n\n") +
      tr("T = %1 exactly. The fit minimises the negative log-likelihood (NLL) of the right answers "
         "on the calibration split: %2 before, %3 after (lower is better).")
          .arg(locale().toString(fit.temperature, 'f', 4),
               locale().toString(fit.nll_before, 'f', 3),
               locale().toString(fit.nll_after, 'f', 3)));
}

QString MetricsPanel::temperatureText() const {
  return temperature_->text();
}

QString MetricsPanel::temperatureDetails() const {
  return temperature_->toolTip();
}

QString MetricsPanel::temperatureHelp() {
  return tr(
      "Temperature scaling divides the model's scores by one number T, fitted on a separate "
      "calibration split. T > 1 softens over-confident answers, T < 1 sharpens "
      "under-confident ones; which answer is chosen never changes.");
}

void MetricsPanel::clear() {
  model_->clear();
  setTemperature(std::nullopt);
}

}  // namespace unveil::ui
