#include "run/batch_run_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "app/line_icon.h"
#include "app/run_names.h"
#include "app/theme.h"
#include "project/project_session.h"
#include "run/condition_picker.h"
#include "run/model_library.h"
#include "run/prompt_picker.h"

namespace unveil::ui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString duration(double seconds) {
  if (seconds < 60) return BatchRunPanel::tr("%1 s").arg(std::max(1L, std::lround(seconds)));
  const long minutes = std::lround(seconds / 60);
  return BatchRunPanel::tr("%1 min").arg(minutes);
}

}  // namespace

BatchRunPanel::BatchRunPanel(ModelLibrary* library, ProjectSession* project, BatchRun* run,
                             QWidget* parent)
    : QWidget(parent), library_(library), project_(project), run_(run) {
  setObjectName(QStringLiteral("batchRunPanel"));
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("batchModelBox"));
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setMinimumContentsLength(12);
  model_->setToolTip(tr("The model to run (Models ▸ Open model… adds a model card)"));
  auto* openModel = new QPushButton(tr("Open…"), this);
  openModel->setToolTip(tr("Add a model card (JSON) to the list"));

  dataset_ = new QComboBox(this);
  dataset_->setObjectName(QStringLiteral("batchDatasetBox"));
  dataset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  dataset_->setMinimumContentsLength(10);
  dataset_->setToolTip(tr("A dataset of the open project (File ▸ Open dataset… adds one)"));
  split_ = new QComboBox(this);
  split_->setObjectName(QStringLiteral("batchSplitBox"));
  split_->setToolTip(tr("The items the run predicts: one split, or all items"));

  condition_ = new ConditionPicker(this);
  condition_->kindBox()->setToolTip(
      tr("What the model sees of each image: the original, none (text only), a blank one, or a "
         "perturbation (seeded per item, so a rerun sees the same)"));
  prompt_ = new PromptPicker(2, this);

  device_ = new QComboBox(this);
  device_->addItem(tr("Automatic"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
  device_->setToolTip(
      tr("Automatic takes the GPU when this build of libtorch has CUDA and a GPU is present"));
  batch_ = new QSpinBox(this);
  batch_->setRange(1, 1024);
  batch_->setValue(32);
  batch_->setToolTip(tr("Items sent through the model at once"));

  start_ =
      new QPushButton(lineIcon(QStringLiteral(":/icons/calibration.svg")), tr("Start run"), this);
  start_->setObjectName(QStringLiteral("batchStartButton"));
  start_->setToolTip(tr("Run the model over the chosen items into the project"));
  resume_ = new QPushButton(tr("Resume"), this);
  resume_->setObjectName(QStringLiteral("batchResumeButton"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("batchCancelButton"));
  cancel_->setToolTip(
      tr("Stop after the batch in hand; what is stored stays, and Resume continues it"));
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("batchProgress"));
  progress_->setRange(0, 1);
  progress_->setValue(0);
  progress_->setTextVisible(true);
  progressLabel_ = new QLabel(this);
  progressLabel_->setObjectName(QStringLiteral("batchProgressText"));
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("batchStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* form = new QFormLayout;
  form->setContentsMargins(0, 0, 0, 0);
  form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(model_, 1);
  modelRow->addWidget(openModel);
  form->addRow(tr("Model:"), modelRow);
  auto* dataRow = new QHBoxLayout;
  dataRow->addWidget(dataset_, 1);
  dataRow->addWidget(split_, 1);
  form->addRow(tr("Items:"), dataRow);
  form->addRow(tr("Condition:"), condition_);
  auto* deviceRow = new QHBoxLayout;
  deviceRow->addWidget(device_, 1);
  deviceRow->addWidget(new QLabel(tr("Batch:"), this));
  deviceRow->addWidget(batch_);
  form->addRow(tr("Device:"), deviceRow);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(resume_);
  buttons->addStretch();
  buttons->addWidget(cancel_);
  // Two columns, so that the panel fits a bottom dock: the run's settings, and its prompt.
  auto* promptColumn = new QVBoxLayout;
  promptColumn->setSpacing(4);
  promptColumn->addWidget(new QLabel(tr("Prompt:"), this));
  promptColumn->addWidget(prompt_);
  promptColumn->addStretch();
  auto* columns = new QHBoxLayout;
  columns->setSpacing(16);
  columns->addLayout(form, 3);
  columns->addLayout(promptColumn, 2);
  auto* progressRow = new QHBoxLayout;
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(progressLabel_);

  auto* content = new QWidget(this);
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(10, 6, 10, 6);
  layout->setSpacing(6);
  layout->addLayout(columns);
  layout->addLayout(buttons);
  layout->addLayout(progressRow);
  layout->addWidget(status_);
  layout->addStretch();
  // A small dock scrolls rather than forcing the window taller.
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);

  connect(start_, &QPushButton::clicked, this, &BatchRunPanel::start);
  connect(resume_, &QPushButton::clicked, this, &BatchRunPanel::resume);
  connect(cancel_, &QPushButton::clicked, this, &BatchRunPanel::cancel);
  connect(openModel, &QPushButton::clicked, this, &BatchRunPanel::openModelRequested);
  connect(library_, &ModelLibrary::cardsChanged, this, &BatchRunPanel::refreshModels);
  connect(project_, &ProjectSession::changed, this, &BatchRunPanel::refreshDatasets);
  connect(project_, &ProjectSession::closed, this, &BatchRunPanel::refreshDatasets);
  connect(dataset_, &QComboBox::currentIndexChanged, this, &BatchRunPanel::refreshSplits);
  connect(run_, &BatchRun::started, this, &BatchRunPanel::updateButtons);
  connect(run_, &BatchRun::progressed, this, &BatchRunPanel::showProgress);
  connect(run_, &BatchRun::finished, this, &BatchRunPanel::showOutcome);
  refreshModels();
  refreshDatasets();
}

void BatchRunPanel::refreshModels() {
  const QString current = modelCard();
  library_->fillComboBox(model_);
  updateButtons();
}

void BatchRunPanel::refreshDatasets() {
  const QString current = dataset();
  {
    const QSignalBlocker blocker(dataset_);
    dataset_->clear();
    if (project_->isOpen()) {
      for (const store::DatasetInfo& d : project_->state()->datasets) {
        const QString name = qs(d.name);
        dataset_->addItem(name, name);
        dataset_->setItemData(dataset_->count() - 1, qs(d.source), Qt::ToolTipRole);
      }
    }
    const int i = dataset_->findData(current);
    dataset_->setCurrentIndex(i >= 0 ? i : 0);
  }
  refreshSplits();
}

void BatchRunPanel::refreshSplits() {
  // The user's choice is kept; a first fill has none ("" would be All items).
  const bool chosen = split_->count() > 0;
  const QString current = split();
  const QSignalBlocker blocker(split_);
  split_->clear();
  if (project_->isOpen()) {
    const QLocale locale;
    for (const store::DatasetInfo& d : project_->state()->datasets) {
      if (qs(d.name) != dataset()) continue;
      for (const auto& [name, count] : d.splits) {
        if (name.empty()) continue;
        split_->addItem(tr("%1 (%2)").arg(splitName(name), locale.toString(qulonglong(count))),
                        qs(name));
      }
      split_->addItem(tr("All items (%1)").arg(locale.toString(qulonglong(d.items))), QString());
    }
  }
  // The test split is what the study reports on: the natural first choice.
  int i = chosen ? split_->findData(current) : -1;
  if (i < 0) i = split_->findData(QStringLiteral("test"));
  split_->setCurrentIndex(i >= 0 ? i : 0);
  updateButtons();
}

void BatchRunPanel::updateButtons() {
  const bool running = run_->isRunning();
  const bool canWrite = project_->isOpen() && !project_->isReadOnly();
  start_->setEnabled(!running && canWrite && model_->count() > 0 && dataset_->count() > 0);
  resume_->setEnabled(!running && canWrite && resumable_.has_value());
  cancel_->setEnabled(running);
  resume_->setToolTip(resumable_ ? tr("Continue run %1 (“%2”) where it stopped")
                                       .arg(resumable_->info.id)
                                       .arg(qs(resumable_->info.spec.name))
                                 : tr("Choose a cancelled or interrupted run in the runs panel "
                                      "to continue it where it stopped"));
  // What is missing before a run can start, until something else is said.
  if (running || (!hintShown_ && !status_->text().isEmpty())) return;
  QString hint;
  if (!project_->isOpen())
    hint = tr("Open or create a project to run a model over a dataset");
  else if (project_->isReadOnly())
    hint = tr("This project is read-only: runs cannot be stored in it");
  else if (dataset_->count() == 0)
    hint = tr("Add a dataset to the project first (File ▸ Open dataset…)");
  else if (model_->count() == 0)
    hint = tr("Open a model card first (Models ▸ Open model…)");
  setStatus(hint);
  hintShown_ = true;
}

void BatchRunPanel::setModelCard(const QString& cardPath) {
  const int i = model_->findData(cardPath);
  if (i >= 0) model_->setCurrentIndex(i);
}
QString BatchRunPanel::modelCard() const {
  return model_->currentData().toString();
}
bool BatchRunPanel::setDataset(const QString& name, const QString& split) {
  const int d = dataset_->findData(name);
  if (d < 0) return false;
  dataset_->setCurrentIndex(d);
  const int s = split_->findData(split);
  if (s < 0) return false;
  split_->setCurrentIndex(s);
  return true;
}
QString BatchRunPanel::dataset() const {
  return dataset_->currentData().toString();
}
QString BatchRunPanel::split() const {
  return split_->currentData().toString();
}
void BatchRunPanel::setCondition(const QString& spec) {
  condition_->setSpec(spec);
}
QString BatchRunPanel::condition() const {
  return condition_->condition();
}
void BatchRunPanel::setPrompt(const QString& text) {
  prompt_->setText(text);
}
void BatchRunPanel::setBatchSize(int batch) {
  batch_->setValue(batch);
}
int BatchRunPanel::batchSize() const {
  return batch_->value();
}
void BatchRunPanel::setDevice(const QString& device) {
  const int i = device_->findData(device);
  if (i >= 0) device_->setCurrentIndex(i);
}
QString BatchRunPanel::device() const {
  return device_->currentData().toString();
}

void BatchRunPanel::setResumable(const std::optional<RunRow>& run) {
  const bool stopped = run && (run->info.status == store::RunStatus::kCancelled ||
                               run->info.status == store::RunStatus::kInterrupted ||
                               run->info.status == store::RunStatus::kFailed);
  resumable_ = stopped ? run : std::nullopt;
  updateButtons();
}

BatchRunRequest BatchRunPanel::baseRequest() const {
  BatchRunRequest r;
  r.project = project_->path();
  r.device = device_->currentData().toString();
  r.batch = batch_->value();
  return r;
}

bool BatchRunPanel::start() {
  if (run_->isRunning()) return false;
  if (!project_->isOpen() || project_->isReadOnly()) {
    setStatus(tr("Open a project that can be written to first"), true);
    return false;
  }
  if (modelCard().isEmpty() || dataset().isEmpty()) {
    setStatus(tr("Choose a model and a dataset first"), true);
    return false;
  }
  BatchRunRequest r = baseRequest();
  r.card = modelCard();
  r.dataset = dataset();
  r.split = split();
  r.condition = condition();
  r.prompt = prompt_->text();
  setStatus(tr("Loading the model…"));
  return run_->start(r);
}

bool BatchRunPanel::resume() {
  if (run_->isRunning() || !resumable_) return false;
  if (!project_->isOpen() || project_->isReadOnly()) {
    setStatus(tr("Open a project that can be written to first"), true);
    return false;
  }
  BatchRunRequest r = baseRequest();
  r.resumeRun = resumable_->info.id;
  r.runName = qs(resumable_->info.spec.name);
  r.dataset = qs(resumable_->info.dataset_name);
  r.split = qs(resumable_->info.spec.split);
  r.condition = qs(resumable_->info.spec.condition);
  setStatus(tr("Resuming run %1…").arg(resumable_->info.id));
  return run_->start(r);
}

void BatchRunPanel::cancel() {
  if (!run_->isRunning()) return;
  run_->cancel();
  setStatus(tr("Cancelling after the batch in hand…"));
}

void BatchRunPanel::showProgress(const BatchRunProgress& p) {
  const QLocale locale;
  progress_->setRange(0, static_cast<int>(std::max<std::size_t>(1, p.total)));
  progress_->setValue(static_cast<int>(p.done));
  QString text =
      tr("%1 of %2 items")
          .arg(locale.toString(qulonglong(p.done)), locale.toString(qulonglong(p.total)));
  if (p.itemsPerSecond > 0)
    text += QStringLiteral(" · ") + tr("%1 items/s").arg(std::lround(p.itemsPerSecond));
  if (p.done < p.total && p.etaSeconds > 0)
    text += QStringLiteral(" · ") + tr("about %1 left").arg(duration(p.etaSeconds));
  if (p.endpoint) {
    text += QStringLiteral(" · ") + tr("%1 in flight").arg(p.inFlight);
    if (p.retries > 0) text += QStringLiteral(" · ") + tr("%n retries", nullptr, int(p.retries));
    if (p.errors > 0) text += QStringLiteral(" · ") + tr("%n errors", nullptr, int(p.errors));
  }
  progressLabel_->setText(text);
  setStatus(tr("Running %1…")
                .arg(run_->request().runName.isEmpty() ? model_->currentText()
                                                       : run_->request().runName));
}

void BatchRunPanel::showOutcome(const BatchRunOutcome& o) {
  updateButtons();
  if (!o.error.isEmpty()) {
    setStatus(tr("The run could not go on: %1").arg(o.error), true);
    return;
  }
  const QLocale locale;
  QString text = o.cancelled ? tr("Run %1 cancelled after %2 new predictions; Resume continues it")
                                   .arg(o.runId)
                                   .arg(locale.toString(qulonglong(o.predicted)))
                             : tr("Run %1 finished: %2 predictions in %3 on %4")
                                   .arg(o.runId)
                                   .arg(locale.toString(qulonglong(o.predicted)))
                                   .arg(duration(o.seconds), o.device);
  if (o.skipped > 0)
    text += QStringLiteral(" · ") + tr("%n item(s) skipped", nullptr, static_cast<int>(o.skipped));
  if (!o.problems.isEmpty())
    text += QStringLiteral("\n") + o.problems.mid(0, 3).join(QLatin1Char('\n'));
  setStatus(text, !o.problems.isEmpty());
}

void BatchRunPanel::setStatus(const QString& text, bool error) {
  hintShown_ = false;
  status_->setText(text);
  status_->setStyleSheet(
      error ? QStringLiteral("color: %1;").arg(Theme::text(Theme::Tone::kBad).name()) : QString());
}

QString BatchRunPanel::statusText() const {
  return status_->text();
}
QString BatchRunPanel::progressText() const {
  return progressLabel_->text();
}

}  // namespace unveil::ui
