#include "analyses/modality_view.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "analyses/analysis_job.h"
#include "analyses/condition_list.h"
#include "analyses/run_setup.h"
#include "analyses/runs_analysis.h"
#include "app/run_names.h"
#include "metrics/shown_numbers.h"
#include "plots/confidence_scatter.h"
#include "plots/distribution_plot.h"
#include "project/project_session.h"

namespace unveil::ui {

namespace {

QTableWidgetItem* cell(const QString& text, bool number = true) {
  auto* c = new QTableWidgetItem(text);
  if (number) c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return c;
}

QString percent(double v) {
  return metricText(v, ShownUnit::kPercent);
}

QString count(std::size_t n) {
  return QLocale().toString(static_cast<qulonglong>(n));
}

QString named(const std::string& condition) {
  return conditionName(condition);
}

}  // namespace

ModalityView::ModalityView(ProjectSession* project, ModelLibrary* models, QWidget* parent)
    : QWidget(parent), project_(project), models_(models) {
  setObjectName(QStringLiteral("modalityView"));
  job_ = new AnalysisJob(this);
  setup_ = new RunSetup(project_, models_, QStringLiteral("test"), this);  // the study's split
  setup_->preferImageModels();
  conditions_ = new ConditionList(this);
  run_ = new QPushButton(tr("Run analysis"), this);
  run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  run_->setToolTip(tr("Make (or reuse) a run per condition and compare them (Ctrl+Enter)"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(
      tr("Stop after the batch in hand; the runs made so far are kept and "
         "resume next time"));
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(true);
  progress_->hide();
  status_ = new QLabel(this);
  status_->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(setup_);
  form->addRow(tr("Conditions:"), conditions_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);
  form->addRow(QString(), buttons);

  results_ = new QWidget(this);
  table_ = new QTableWidget(results_);
  table_->setObjectName(QStringLiteral("modalityTable"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setMinimumHeight(170);
  distributionOf_ = new QComboBox(results_);
  distributionOf_->addItem(tr("Confidence"));
  distributionOf_->addItem(tr("Entropy"));
  distributionOf_->setToolTip(tr("Which per-item value the distributions show"));
  distribution_ = new DistributionPlot(results_);
  distribution_->setMinimumSize(360, 280);
  scatterCondition_ = new QComboBox(results_);
  scatterCondition_->setToolTip(tr("The condition plotted against the reference"));
  scatter_ = new ConfidenceScatter(results_);
  scatter_->setMinimumSize(360, 280);

  auto* pictures = new QGridLayout;
  auto* leftHead = new QHBoxLayout;
  leftHead->addWidget(new QLabel(tr("<b>Distribution of</b>"), results_));
  leftHead->addWidget(distributionOf_);
  leftHead->addStretch();
  auto* rightHead = new QHBoxLayout;
  rightHead->addWidget(new QLabel(tr("<b>Per item, with the image against</b>"), results_));
  rightHead->addWidget(scatterCondition_);
  rightHead->addStretch();
  pictures->addLayout(leftHead, 0, 0);
  pictures->addLayout(rightHead, 0, 1);
  pictures->addWidget(distribution_, 1, 0);
  pictures->addWidget(scatter_, 1, 1);
  auto* resultsLayout = new QVBoxLayout(results_);
  resultsLayout->setContentsMargins(0, 0, 0, 0);
  resultsLayout->addWidget(table_);
  resultsLayout->addLayout(pictures, 1);
  resultsArea_ = new QScrollArea(this);
  resultsArea_->setObjectName(QStringLiteral("modalityResults"));
  resultsArea_->setWidget(results_);
  resultsArea_->setWidgetResizable(true);
  resultsArea_->setFrameShape(QFrame::NoFrame);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addWidget(resultsArea_, 1);
  layout->addStretch(0);  // keeps the set-up at the top while there are no results
  resultsArea_->hide();   // no empty area until a run has something to show

  connect(run_, &QPushButton::clicked, this, &ModalityView::run);
  connect(cancel_, &QPushButton::clicked, this, &ModalityView::cancel);
  connect(setup_, &RunSetup::changed, this, &ModalityView::updateButtons);
  connect(distributionOf_, &QComboBox::currentIndexChanged, this, &ModalityView::showDistribution);
  connect(scatterCondition_, &QComboBox::currentIndexChanged, this, &ModalityView::showScatter);
  connect(scatter_, &ConfidenceScatter::itemClicked, this, [this](const QString& id) {
    if (result_) emit itemRequested(QString::fromStdString(result_->dataset), id);
  });
  connect(job_, &AnalysisJob::finished, this, [this] {
    progress_->hide();
    updateButtons();
    emit finished();
  });
  updateButtons();
}

void ModalityView::setConditions(const QString& conditions) {
  conditions_->setSpecs(conditions.split(QLatin1Char(','), Qt::SkipEmptyParts));
}

QStringList ModalityView::conditions() const {
  return conditions_->specs();
}

bool ModalityView::choose(const QString& card, const QString& dataset, const QString& split) {
  return setup_->choose(card, dataset, split);
}

bool ModalityView::isRunning() const {
  return job_->isRunning();
}

QString ModalityView::statusText() const {
  return status_->text();
}

void ModalityView::updateButtons() {
  const bool running = job_->isRunning();
  run_->setEnabled(!running && project_->isOpen() && !project_->isReadOnly() &&
                   setup_->isComplete());
  cancel_->setEnabled(running);
}

QString ModalityView::card() const {
  return setup_->card();
}

bool ModalityView::run() {
  if (job_->isRunning()) return false;
  if (!project_->isOpen() || !setup_->isComplete()) {
    status_->setText(tr("Open a project with a dataset and a model first."));
    return false;
  }
  if (project_->isReadOnly()) {
    status_->setText(tr("The project is read-only: the analysis needs to store its runs."));
    return false;
  }
  if (!RunSetup::readsImages(setup_->card())) {
    // Its runs would be one run four times: the model never sees what the conditions change.
    status_->setText(
        tr("This model reads no images (its card lists only text): under every "
           "condition it sees the same input. Choose a model that reads images."));
    return false;
  }
  analysis::ModalitySpec spec;
  spec.db = project_->path().toStdString();
  spec.card = setup_->card().toStdString();
  spec.dataset = setup_->dataset().toStdString();
  spec.split = setup_->split().toStdString();
  spec.conditions.clear();
  for (const QString& c : conditions_->specs())
    spec.conditions.push_back(c.toStdString());
  if (spec.conditions.size() < 2) {
    status_->setText(tr("Tick at least one condition to compare with the image."));
    return false;
  }
  RunsAnalysis::start<analysis::ModalityProgress>(
      job_, progress_, status_,
      [spec](const std::atomic<bool>& cancel, const auto& report) {
        return analysis::run_modality(spec, &cancel, report);
      },
      [](const analysis::ModalityProgress& p) {
        return std::pair{p.overall, tr("Condition %1 of %2: %3 — %4 %5/%6 items, %7 items/s")
                                        .arg(p.condition_index + 1)
                                        .arg(p.conditions)
                                        .arg(named(p.condition), originName(p.origin))
                                        .arg(count(p.run.done), count(p.run.total))
                                        .arg(std::lround(p.run.items_per_second))};
      },
      [this](const analysis::ModalityResult& r) {
        result_ = r;
        showResult(*result_);
        project_->refresh();  // the new runs
      });
  updateButtons();
  return true;
}

void ModalityView::cancel() {
  job_->cancel();
}

void ModalityView::showResult(const analysis::ModalityResult& r) {
  resultsArea_->show();
  const QStringList headers{tr("Condition"),
                            tr("Run"),
                            tr("Items"),
                            tr("Accuracy"),
                            tr("ECE"),
                            tr("Mean confidence"),
                            tr("Mean entropy"),
                            tr("Right both"),
                            tr("Wrong both"),
                            tr("Image made right"),
                            tr("Image made wrong")};
  table_->clear();
  table_->setColumnCount(static_cast<int>(headers.size()));
  table_->setHorizontalHeaderLabels(headers);
  table_->setRowCount(static_cast<int>(r.conditions.size()));
  table_->horizontalHeaderItem(9)->setToolTip(
      tr("Wrong under this condition, right with the image"));
  table_->horizontalHeaderItem(10)->setToolTip(
      tr("Right under this condition, wrong with the image"));
  table_->horizontalHeaderItem(6)->setToolTip(
      tr("−Σ p ln p over the options, in nats: 0 is certain, ln K is a uniform guess"));
  for (std::size_t i = 0; i < r.conditions.size(); ++i) {
    const analysis::ConditionSummary& c = r.conditions[i];
    const int row = static_cast<int>(i);
    QTableWidgetItem* name = cell(named(c.condition), false);
    name->setToolTip(tr("Stored as “%1”").arg(QString::fromStdString(c.condition)));
    table_->setItem(row, 0, name);
    table_->setItem(row, 1, cell(tr("%1 (%2)").arg(c.run_id).arg(originName(c.origin))));
    table_->setItem(row, 2, cell(count(c.n)));
    table_->setItem(row, 3, cell(percent(c.accuracy)));
    table_->setItem(row, 4, cell(pointsText(c.ece)));
    table_->setItem(row, 5, cell(percent(c.mean_confidence)));
    table_->setItem(row, 6, cell(QString::number(c.mean_entropy, 'f', 3)));
    if (c.versus_reference) {
      const analysis::Transitions& t = c.versus_reference->transitions;
      table_->setItem(row, 7, cell(count(t.kept_right)));
      table_->setItem(row, 8, cell(count(t.kept_wrong)));
      table_->setItem(row, 9, cell(count(t.changed_to_right)));
      table_->setItem(row, 10, cell(count(t.changed_to_wrong)));
    } else {
      for (int col = 7; col <= 10; ++col)
        table_->setItem(row, col, cell(tr("reference")));
    }
  }
  {
    const QSignalBlocker block(scatterCondition_);
    scatterCondition_->clear();
    for (const analysis::ConditionSummary& c : r.conditions)
      if (c.versus_reference) {
        scatterCondition_->addItem(named(c.condition), QString::fromStdString(c.condition));
      }
  }
  showDistribution();
  showScatter();
  status_->setText(tr("%n condition(s) on %1 items of %2/%3 in %4 s.", nullptr,
                      static_cast<int>(r.conditions.size()))
                       .arg(count(r.conditions.empty() ? 0 : r.conditions.front().n))
                       .arg(QString::fromStdString(r.dataset), QString::fromStdString(r.split))
                       .arg(QString::number(r.seconds, 'f', 1)));
}

void ModalityView::showDistribution() {
  if (!result_) return distribution_->clear();
  const bool entropy = distributionOf_->currentIndex() == 1;
  std::vector<DistributionPlot::Series> series;
  for (const analysis::ConditionSummary& c : result_->conditions)
    series.push_back({named(c.condition), entropy ? c.entropy : c.confidence});
  distribution_->setTitle(entropy ? tr("Entropy by condition") : tr("Confidence by condition"));
  // The axis says how to read it; the unit (nats) is in the column's tooltip.
  distribution_->setSeries(
      std::move(series),
      entropy ? tr("Entropy (0 = certain, higher = more spread)") : tr("Confidence"));
}

void ModalityView::showScatter() {
  if (!result_) return scatter_->clear();
  const std::string chosen = scatterCondition_->currentData().toString().toStdString();
  for (const analysis::ConditionSummary& c : result_->conditions)
    if (c.condition == chosen && c.versus_reference) {
      scatter_->setPairs(c.versus_reference->pairs, named(result_->reference), named(c.condition));
      return;
    }
  scatter_->clear();
}

}  // namespace unveil::ui
