#include "analyses/compare_view.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "analyses/analysis_job.h"
#include "analyses/compare_summary.h"
#include "app/core_messages.h"
#include "app/run_names.h"
#include "metrics/shown_numbers.h"
#include "plots/overlaid_reliability.h"
#include "plots/reliability_diagram.h"
#include "project/project_session.h"
#include "project/runs_table_model.h"

namespace unveil::ui {

namespace {

constexpr int kRunIdRole = Qt::UserRole + 1;

// A metric's value or a difference, and its interval, as the metrics panel writes them.
QString shown(const std::optional<double>& v, const std::optional<calib::Interval>& ci,
              ShownUnit unit, bool difference) {
  if (!v) return QStringLiteral("—");
  QString text = difference ? differenceText(*v, unit) : metricText(*v, unit);
  if (ci)
    text += QStringLiteral("  ") +
            intervalText(ci->lo, ci->hi, difference ? differenceUnit(unit) : unit);
  return text;
}

}  // namespace

CompareView::CompareView(ProjectSession* project, QWidget* parent)
    : QWidget(parent), project_(project) {
  setObjectName(QStringLiteral("compareView"));
  job_ = new AnalysisJob(this);

  runs_ = new QListWidget(this);
  runs_->setObjectName(QStringLiteral("compareRuns"));
  runs_->setToolTip(
      tr("Tick two to four runs on the same items; the first ticked is the reference every other "
         "run is compared with"));
  replicates_ = new QSpinBox(this);
  replicates_->setRange(100, 20000);
  replicates_->setSingleStep(100);
  replicates_->setValue(1000);
  replicates_->setGroupSeparatorShown(true);  // "1,000", as every count beside it
  replicates_->setToolTip(
      tr("Bootstrap resamples of the shared items: more give steadier intervals and take longer "
         "(seed 0, so a comparison can be repeated exactly)"));
  compare_ = new QPushButton(tr("Compare"), this);
  compare_->setDefault(true);
  compare_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  compare_->setToolTip(tr("Compare the ticked runs on the items they all answered (Ctrl+Enter)"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(tr("Stop the bootstrap; nothing is kept"));
  report_ = new QPushButton(tr("Write report…"), this);
  report_->setToolTip(
      tr("A self-contained HTML page of this comparison: diagrams, metrics, verdicts and the "
         "commands that reproduce it"));
  busy_ = new QProgressBar(this);
  busy_->setRange(0, 0);
  busy_->setMaximumWidth(120);
  busy_->setTextVisible(false);
  busy_->hide();
  status_ = new QLabel(this);
  status_->setWordWrap(true);

  auto* controls = new QVBoxLayout;
  auto* reps = new QHBoxLayout;
  reps->addWidget(new QLabel(tr("Resamples:"), this));
  reps->addWidget(replicates_);
  controls->addLayout(reps);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(compare_);
  buttons->addWidget(cancel_);
  buttons->addWidget(busy_);
  controls->addLayout(buttons);
  controls->addWidget(report_);
  controls->addStretch();
  auto* top = new QHBoxLayout;
  auto* pick = new QVBoxLayout;
  pick->addWidget(new QLabel(tr("<b>Runs to compare</b> (2–4, the first is the reference)"), this));
  pick->addWidget(runs_);
  top->addLayout(pick, 1);
  top->addLayout(controls);

  // Results: small multiples and the overlay side by side, the table and the verdicts below.
  results_ = new QWidget(this);
  grid_ = new QGridLayout;
  grid_->setSpacing(6);
  overlaid_ = new OverlaidReliability(results_);
  overlaid_->setMinimumSize(300, 260);
  table_ = new QTableWidget(results_);
  table_->setObjectName(QStringLiteral("compareTable"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setMinimumHeight(240);
  summary_ = new QLabel(results_);
  summary_->setObjectName(QStringLiteral("compareSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  verdicts_ = new QLabel(results_);
  verdicts_->setObjectName(QStringLiteral("compareVerdicts"));
  verdicts_->setWordWrap(true);
  verdicts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* pictures = new QHBoxLayout;
  pictures->addLayout(grid_, 3);
  pictures->addWidget(overlaid_, 2);
  auto* resultsLayout = new QVBoxLayout(results_);
  resultsLayout->setContentsMargins(0, 0, 0, 0);
  resultsLayout->addWidget(summary_);
  resultsLayout->addLayout(pictures, 3);
  resultsLayout->addWidget(table_, 2);
  resultsLayout->addWidget(verdicts_);
  resultsArea_ = new QScrollArea(this);
  resultsArea_->setObjectName(QStringLiteral("compareResults"));
  resultsArea_->setWidget(results_);
  resultsArea_->setWidgetResizable(true);
  resultsArea_->setFrameShape(QFrame::NoFrame);

  // Until a comparison is made the page says what it will show, instead of an empty area.
  hint_ = new QLabel(
      tr("<p>Tick two to four runs above that answered the same questions — for example one "
         "model before and after fine-tuning, or two models on the same test split — and press "
         "<b>Compare</b>.</p><p>Each run's reliability diagram appears side by side and overlaid, "
         "with a table of every metric and its interval, and a plain verdict on each "
         "difference: whether it is larger than chance alone would give.</p>"),
      this);
  hint_->setObjectName(QStringLiteral("compareHint"));
  hint_->setWordWrap(true);
  hint_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  hint_->setMaximumWidth(720);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->addLayout(top);
  layout->addWidget(status_);
  layout->addWidget(hint_);
  layout->addWidget(resultsArea_, 1);
  layout->addStretch(0);  // keeps the page at the top while there are no results

  connect(compare_, &QPushButton::clicked, this, &CompareView::compare);
  connect(cancel_, &QPushButton::clicked, this, &CompareView::cancel);
  connect(report_, &QPushButton::clicked, this, [this] {
    if (comparison_) {
      std::vector<qint64> ids;
      for (const analysis::ComparedRun& r : comparison_->runs)
        ids.push_back(r.info.id);
      emit reportRequested(ids);
    }
  });
  connect(runs_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    const qint64 id = item->data(kRunIdRole).toLongLong();
    order_.erase(std::remove(order_.begin(), order_.end(), id), order_.end());
    if (item->checkState() == Qt::Checked) order_.push_back(id);
    updateButtons();
  });
  connect(project_, &ProjectSession::changed, this, &CompareView::fillRuns);
  connect(project_, &ProjectSession::closed, this, &CompareView::fillRuns);
  connect(job_, &AnalysisJob::finished, this, [this] {
    busy_->hide();
    updateButtons();
    emit finished();
  });
  fillRuns();
  resultsArea_->hide();  // no empty area until there is something to show in it
}

void CompareView::fillRuns() {
  const QSignalBlocker block(runs_);
  runs_->clear();
  std::vector<qint64> kept;
  if (project_->isOpen()) {
    for (const RunRow& r : project_->state()->runs) {
      const QString partial = partialRunText(r.info);
      auto* item = new QListWidgetItem(
          partial.isEmpty()
              ? tr("Run %1 · %2 · %Ln prediction(s)", nullptr, static_cast<int>(r.info.predictions))
                    .arg(r.info.id)
                    .arg(runTitle(r.info))
              : tr("Run %1 · %2 · partial: %3").arg(r.info.id).arg(runTitle(r.info), partial),
          runs_);
      item->setData(kRunIdRole, QVariant::fromValue<qint64>(r.info.id));
      item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
      const bool ticked = std::find(order_.begin(), order_.end(), r.info.id) != order_.end();
      item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
      if (ticked) kept.push_back(r.info.id);
    }
  }
  std::erase_if(order_,
                [&](qint64 id) { return std::find(kept.begin(), kept.end(), id) == kept.end(); });
  // Five runs in view (the list scrolls for more), so that on a small screen the comparison's
  // results below keep the room.
  const int rows = std::clamp(runs_->count(), 2, 5);
  const int row = runs_->count() > 0 ? runs_->sizeHintForRow(0) : fontMetrics().height() + 4;
  runs_->setMaximumHeight(rows * row + 2 * runs_->frameWidth());
  updateButtons();
}

void CompareView::chooseRuns(const std::vector<qint64>& runIds) {
  const QSignalBlocker block(runs_);
  order_.clear();
  for (int i = 0; i < runs_->count(); ++i)
    runs_->item(i)->setCheckState(Qt::Unchecked);
  for (qint64 id : runIds)
    for (int i = 0; i < runs_->count(); ++i)
      if (runs_->item(i)->data(kRunIdRole).toLongLong() == id) {
        runs_->item(i)->setCheckState(Qt::Checked);
        order_.push_back(id);
      }
  updateButtons();
}

std::vector<qint64> CompareView::chosenRuns() const {
  return order_;
}

void CompareView::setReplicates(int replicates) {
  replicates_->setValue(replicates);
}

void CompareView::setMetricsOptions(const calib::MetricsOptions& options) {
  options_ = options;
}

bool CompareView::isRunning() const {
  return job_->isRunning();
}

void CompareView::updateButtons() {
  const auto n = order_.size();
  const bool running = job_->isRunning();
  compare_->setEnabled(!running && n >= analysis::kMinCompareRuns &&
                       n <= analysis::kMaxCompareRuns);
  cancel_->setEnabled(running);
  report_->setEnabled(!running && comparison_.has_value());
  if (!running && !comparison_)
    status_->setText(n < analysis::kMinCompareRuns   ? tr("Tick at least two runs.")
                     : n > analysis::kMaxCompareRuns ? tr("Tick at most four runs.")
                                                     : tr("Ready to compare."));
}

bool CompareView::compare() {
  if (job_->isRunning()) return false;
  if (!project_->isOpen()) {
    status_->setText(tr("Open a project to compare its runs."));
    return false;
  }
  if (order_.size() < analysis::kMinCompareRuns || order_.size() > analysis::kMaxCompareRuns) {
    status_->setText(tr("Tick two to four runs."));
    return false;
  }
  const std::vector<std::int64_t> ids(order_.begin(), order_.end());
  const std::string path = project_->path().toStdString();
  analysis::CompareOptions o;
  o.metrics = options_;
  o.replicates = replicates_->value();
  status_->setText(
      tr("Comparing %n run(s) with %1 bootstrap resamples…", nullptr, static_cast<int>(ids.size()))
          .arg(QLocale().toString(o.replicates)));
  busy_->show();
  job_->start([this, ids, path, o](const std::atomic<bool>& cancel,
                                   const AnalysisJob::Post&) -> std::function<void()> {
    analysis::CompareOptions options = o;
    options.cancel = &cancel;
    auto result = analysis::compare_runs(std::filesystem::path(path), ids, options);
    return [this, result = std::move(result)] {
      if (!result) {
        status_->setText(tr("Could not compare: %1").arg(coreText(result.error())));
        return;
      }
      if (result->cancelled) {
        status_->setText(tr("Cancelled; nothing was kept."));
        return;
      }
      comparison_ = *result;
      showComparison(*comparison_);
    };
  });
  updateButtons();
  return true;
}

void CompareView::cancel() {
  job_->cancel();
}

void CompareView::showComparison(const analysis::Comparison& c) {
  resultsArea_->show();
  hint_->hide();
  // Small multiples: one diagram per run, two to a row.
  for (ReliabilityDiagram* d : multiples_)
    d->deleteLater();
  multiples_.clear();
  std::vector<OverlaidReliability::Series> series;
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const analysis::ComparedRun& r = c.runs[i];
    const QString name =
        tr("Run %1 · %2").arg(r.info.id).arg(QString::fromStdString(r.info.spec.name));
    auto* d = new ReliabilityDiagram(results_);
    const QString partial = partialRunText(r.info);
    d->setTitle(
        partial.isEmpty()
            ? tr("Run %1 · %2").arg(r.info.id).arg(QString::fromStdString(r.info.model_name))
            : tr("Run %1 · %2 (partial: %3)")
                  .arg(r.info.id)
                  .arg(QString::fromStdString(r.info.model_name), partial));
    d->setSubtitle(tr("ECE %1 · accuracy %2 % · %3 shared items")
                       .arg(pointsText(r.metrics.ece),
                            QString::number(shownPercent(r.metrics.accuracy), 'f', 1))
                       .arg(QLocale().toString(static_cast<qulonglong>(c.shared_items))));
    d->setTable(r.metrics.table, name);
    // Small multiples: the pictures side by side, the legend once (the overlay's).
    d->legend->setVisible(false);
    d->plotLayout()->take(d->legend);  // and its row with it
    d->plotLayout()->simplify();
    // Tall enough for the bars to be read (the count strip and the titles take their share).
    d->setMinimumSize(260, 360);
    grid_->addWidget(d, static_cast<int>(i) / 2, static_cast<int>(i) % 2);
    multiples_.push_back(d);
    series.push_back({name, r.metrics.table});
  }
  overlaid_->setSeries(std::move(series));
  summary_->setText(comparisonSummary(c));

  // Metrics side by side, then each later run's difference to the first.
  const auto scalars0 = calib::scalars(c.runs.front().metrics);
  QStringList headers{tr("Metric")};
  for (const analysis::ComparedRun& r : c.runs)
    headers << tr("Run %1").arg(r.info.id);
  for (std::size_t i = 1; i < c.runs.size(); ++i)
    headers << tr("Run %1 − run %2").arg(c.runs[i].info.id).arg(c.runs[0].info.id);
  table_->clear();
  table_->setColumnCount(static_cast<int>(headers.size()));
  table_->setHorizontalHeaderLabels(headers);
  table_->setRowCount(static_cast<int>(scalars0.size()));
  QStringList verdicts;
  for (std::size_t m = 0; m < scalars0.size(); ++m) {
    const std::string& key = scalars0[m].first;
    auto* name = new QTableWidgetItem(metricLabel(key));
    table_->setItem(static_cast<int>(m), 0, name);
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
      const auto values = calib::scalars(c.runs[i].metrics);
      const auto ci = c.runs[i].ci.ci.find(key);
      auto* cell = new QTableWidgetItem(
          shown(values[m].second, ci != c.runs[i].ci.ci.end() ? ci->second : std::nullopt,
                metricUnit(key), false));
      cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(static_cast<int>(m), static_cast<int>(1 + i), cell);
    }
    for (const analysis::MetricDifference& d : c.differences) {
      if (d.metric != key) continue;
      const auto later = std::find_if(c.runs.begin(), c.runs.end(),
                                      [&](const auto& r) { return r.info.id == d.run; });
      const int column = static_cast<int>(c.runs.size() + (later - c.runs.begin()));
      auto* cell = new QTableWidgetItem(
          shown(d.difference.observed, d.difference.ci, metricUnit(key), true));
      cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      const QString verdict = verdictSentence(d, c.level);
      cell->setToolTip(verdict);
      if (d.difference.significant()) {
        QFont f = cell->font();
        f.setBold(true);
        cell->setFont(f);
        cell->setForeground(d.better == analysis::Better::kRun ? QColor(0x00, 0x7A, 0x55)
                            : d.better == analysis::Better::kAgainst
                                ? QColor(0xB0, 0x3A, 0x00)
                                : palette().color(QPalette::Text));
      }
      table_->setItem(static_cast<int>(m), column, cell);
      if (d.difference.significant() || key == "ece" || key == "accuracy")
        verdicts << QStringLiteral("• ") + verdict.toHtmlEscaped();
    }
  }
  verdicts_->setText(
      tr("<b>Verdicts</b> (paired bootstrap, %1 resamples, %2 % intervals; significant differences "
         "in bold in the table):")
          .arg(QLocale().toString(c.replicates))
          .arg(std::lround(100 * c.level)) +
      QStringLiteral("<br>") + verdicts.join(QStringLiteral("<br>")));
  QStringList partial;
  for (const analysis::ComparedRun& r : c.runs) {
    if (store::is_partial(r.info))
      partial << tr("run %1 holds %2").arg(r.info.id).arg(partialRunText(r.info));
  }
  status_->setText(tr("%Ln shared item(s) compared.", nullptr, static_cast<int>(c.shared_items)) +
                   (partial.isEmpty()
                        ? QString()
                        : QStringLiteral(" ") +
                              tr("Partial runs: %1.").arg(partial.join(QStringLiteral("; ")))));
  updateButtons();
}

QString CompareView::summaryText() const {
  return summary_->text();
}
QString CompareView::verdictText() const {
  return verdicts_->text();
}
QString CompareView::statusText() const {
  return status_->text();
}

}  // namespace unveil::ui
