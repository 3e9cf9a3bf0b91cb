#include "run/run_item_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

#include "app/theme.h"
#include "calib/outcomes.h"

#include "metrics/shown_numbers.h"
#include "run/model_library.h"
#include "run/probability_bars.h"
#include "run/prompt_picker.h"

namespace unveil::ui {

RunItemPanel::RunItemPanel(ModelLibrary* library, QWidget* parent)
    : QWidget(parent), library_(library) {
  setObjectName(QStringLiteral("runItemPanel"));
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("runModelBox"));
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setMinimumContentsLength(14);
  model_->setToolTip(tr("The model to run (Models ▸ Open model… adds a model card)"));
  auto* openModel = new QPushButton(tr("Open model…"), this);
  openModel->setToolTip(tr("Add a model card (JSON) to the list"));

  prompt_ = new PromptPicker(3, this);
  prompt_->presetBox()->setObjectName(QStringLiteral("runPromptBox"));
  prompt_->textBox()->setObjectName(QStringLiteral("runPromptText"));

  runButton_ = new QPushButton(tr("Run"), this);
  runButton_->setObjectName(QStringLiteral("runItemButton"));
  runButton_->setToolTip(tr("Run the model on this item under the chosen condition (Ctrl+R)"));
  runButton_->setDefault(false);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("runStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  bars_ = new ProbabilityBars(this);
  confVocab_ = new QLabel(this);
  confVocab_->setObjectName(QStringLiteral("confVocab"));
  confVocab_->setToolTip(
      tr("Confidence as the study defines it: the answer letter's probability over the model's "
         "whole vocabulary at the answer step (probability mass on other tokens lowers it)"));
  confOptions_ = new QLabel(this);
  confOptions_->setObjectName(QStringLiteral("confOptions"));
  confOptions_->setToolTip(
      tr("Confidence renormalised over the options: the largest of the bars, i.e. softmax over "
         "the option letters' logits only (what calibration metrics and temperature scaling use)"));

  temperature_ = new QDoubleSpinBox(this);
  temperature_->setObjectName(QStringLiteral("runTemperature"));
  temperature_->setRange(0.05, 20);
  temperature_->setDecimals(2);
  temperature_->setSingleStep(0.25);
  temperature_->setValue(1);
  temperature_->setPrefix(QStringLiteral("T = "));
  temperature_->setToolTip(
      tr("Temperature applied to the option letters' logits before the softmax (1: the model's "
         "own probabilities). Changing it redraws the bars at once: the answer never changes."));
  entropy_ = new QLabel(this);
  entropy_->setObjectName(QStringLiteral("runEntropy"));
  entropy_->setToolTip(
      tr("Entropy of the option probabilities, −Σ p ln p, in nats: 0 when one option has all the "
         "probability, ln K when all K options are equally likely"));

  auto* grid = new QGridLayout;
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(new QLabel(tr("Model:"), this), 0, 0);
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(model_, 1);
  modelRow->addWidget(openModel);
  grid->addLayout(modelRow, 0, 1);
  grid->addWidget(new QLabel(tr("Prompt:"), this), 1, 0);
  grid->addWidget(prompt_, 1, 1);
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(runButton_);
  runRow->addWidget(temperature_);
  runRow->addWidget(status_, 1);
  auto* confRow = new QHBoxLayout;
  confRow->addWidget(confVocab_);
  confRow->addSpacing(16);
  confRow->addWidget(confOptions_);
  confRow->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 4, 0, 0);
  layout->addLayout(grid);
  layout->addLayout(runRow);
  layout->addWidget(bars_);
  layout->addLayout(confRow);
  layout->addWidget(entropy_);

  auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
  shortcut->setContext(Qt::WindowShortcut);
  connect(shortcut, &QShortcut::activated, this, [this] {
    if (isVisible()) run();
  });
  connect(runButton_, &QPushButton::clicked, this, &RunItemPanel::run);
  connect(openModel, &QPushButton::clicked, this, &RunItemPanel::openModelRequested);
  connect(prompt_, &PromptPicker::textChanged, this, &RunItemPanel::invalidate);
  connect(temperature_, &QDoubleSpinBox::valueChanged, this, [this] {
    if (result_) show(*result_);  // the logits are kept: no need to run again
  });
  connect(model_, &QComboBox::currentIndexChanged, this, &RunItemPanel::invalidate);
  connect(library_, &ModelLibrary::cardsChanged, this, &RunItemPanel::refreshModels);
  connect(library_, &ModelLibrary::loaded, this, [this](const QString& card, double ms) {
    if (card != modelCard()) return;
    setStatus(tr("Model loaded in %1 ms on %2")
                  .arg(QString::number(ms, 'f', 0),
                       QString::fromStdString(library_->model(card)->device_name())));
    if (std::exchange(waitingForModel_, false)) start();
  });
  connect(library_, &ModelLibrary::failed, this, [this](const QString& card, const QString& msg) {
    if (card != modelCard()) return;
    waitingForModel_ = false;
    running_ = false;
    setStatus(tr("Could not load the model: %1").arg(msg), true);
    emit finished();
  });
  refreshModels();
}

RunItemPanel::~RunItemPanel() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

void RunItemPanel::refreshModels() {
  const QString current = modelCard();
  library_->fillComboBox(model_);
  runButton_->setEnabled(model_->count() > 0);
  const QString noModel = tr("No model yet: Models ▸ Open model… adds a model card");
  if (model_->count() == 0)
    setStatus(noModel);
  else if (status_->text() == noModel)
    setStatus(QString());
  if (modelCard() != current) invalidate();
}

QString RunItemPanel::modelCard() const {
  return model_->currentData().toString();
}

void RunItemPanel::setModelCard(const QString& cardPath) {
  const int i = model_->findData(cardPath);
  if (i >= 0) model_->setCurrentIndex(i);
}

QString RunItemPanel::promptTemplate() const {
  return prompt_->text();
}

void RunItemPanel::setPromptTemplate(const QString& text) {
  prompt_->setText(text);
}

void RunItemPanel::setItem(std::shared_ptr<const data::Dataset> dataset, int index) {
  dataset_ = std::move(dataset);
  index_ = index;
  invalidate();
}

void RunItemPanel::setCondition(const QString& condition) {
  if (condition == condition_) return;
  condition_ = condition;
  invalidate();
}

void RunItemPanel::invalidate() {
  ++generation_;  // a result still on its way belongs to the old choices
  const bool wasRunning = std::exchange(running_, false);
  waitingForModel_ = false;
  if (wasRunning) setStatus(QString());
  if (!result_) return;
  result_.reset();
  bars_->clear();
  confVocab_->clear();
  confOptions_->clear();
  entropy_->clear();
  setStatus(QString());
}

void RunItemPanel::run() {
  if (!dataset_ || index_ < 0 || static_cast<std::size_t>(index_) >= dataset_->items.size()) {
    setStatus(tr("Choose an item first"), true);
    emit finished();
    return;
  }
  const QString card = modelCard();
  if (card.isEmpty()) {
    setStatus(tr("No model yet: Models ▸ Open model… adds a model card"), true);
    emit finished();
    return;
  }
  invalidate();
  running_ = true;
  if (!library_->model(card)) {
    waitingForModel_ = true;
    setStatus(tr("Loading the model…"));
    library_->load(card);
    return;
  }
  start();
}

void RunItemPanel::start() {
  const auto model = library_->model(modelCard());
  if (!model) return;
  setStatus(tr("Running…"));
  const quint64 generation = generation_;
  auto* watcher = new QFutureWatcher<ItemRunResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != generation_) return;
    running_ = false;
    show(watcher->result());
    emit finished();
  });
  // The job holds the model and the dataset, so both outlive it whatever the user does next.
  watcher->setFuture(QtConcurrent::run([model, dataset = dataset_, index = index_,
                                        condition = condition_, prompt = promptTemplate()] {
    const data::Item& item = dataset->items[static_cast<std::size_t>(index)];
    return runItem(*model, item, dataset->root, condition, prompt);
  }));
}

void RunItemPanel::show(const ItemRunResult& r) {
  result_ = r;
  if (!r.error.isEmpty()) {
    bars_->clear();
    confVocab_->clear();
    confOptions_->clear();
    entropy_->clear();
    setStatus(r.error, true);
    return;
  }
  if (!dataset_ || index_ < 0 || r.probabilities.empty()) return;
  const data::Item& item = dataset_->items[static_cast<std::size_t>(index_)];
  // The bars at the chosen temperature (T = 1: the run's own probabilities).
  const double t = temperature_->value();
  const std::vector<double> p =
      t == 1.0 || r.logits.empty() ? r.probabilities : calib::softmax(r.logits, t);
  std::vector<ProbabilityBars::Row> rows;
  double entropy = 0;
  for (std::size_t k = 0; k < p.size() && k < item.options.size(); ++k) {
    const int i = static_cast<int>(k);
    rows.push_back({QString(QLatin1Char(item.options[k].letter)),
                    QString::fromStdString(item.options[k].text), p[k], i == r.answer,
                    i == item.answer, i == item.idk_index});
    if (p[k] > 0) entropy -= p[k] * std::log(p[k]);
  }
  bars_->setRows(std::move(rows));
  const double top = *std::max_element(p.begin(), p.end());
  confVocab_->setText(
      tr("Confidence over the vocabulary: %1")
          .arg(r.confVocab ? confidenceText(*r.confVocab) : tr("none (no answer)")));
  confOptions_->setText(t == 1.0 ? tr("Renormalised over the options: %1").arg(confidenceText(top))
                                 : tr("Renormalised over the options at T = %1: %2")
                                       .arg(QString::number(t, 'f', 2), confidenceText(top)));
  entropy_->setText(tr("Entropy: %1 nats (at most %2)")
                        .arg(QString::number(entropy, 'f', 2),
                             QString::number(std::log(static_cast<double>(p.size())), 'f', 2)));
  QString answer =
      r.answer >= 0 && static_cast<std::size_t>(r.answer) < item.options.size()
          ? tr("Answer %1")
                .arg(QLatin1Char(item.options[static_cast<std::size_t>(r.answer)].letter))
          : tr("No option letter within the model's token budget");
  if (r.answer >= 0 && item.answer >= 0)
    answer += QStringLiteral(" · ") + (r.answer == item.answer ? tr("right") : tr("wrong"));
  // A server's answer: what it wrote, and the letters whose values are only bounds (they were
  // not among the log-probabilities it returned; docs/MODELS.md).
  if (!r.bounded.isEmpty()) {
    answer += QStringLiteral(" · ") +
              tr("%1: below the server's top log-probabilities (upper bounds)").arg(r.bounded);
  }
  QString status = answer + QStringLiteral(" · ") +
                   tr("%1 ms · %2").arg(QString::number(r.milliseconds, 'f', 1), condition_);
  if (!r.text.isEmpty()) {
    status += QLatin1Char('\n') +
              tr("The model wrote: \u201c%1\u201d").arg(r.text.left(200).simplified());
  }
  setStatus(status);
}

void RunItemPanel::setStatus(const QString& text, bool error) {
  status_->setText(text);
  status_->setStyleSheet(
      error ? QStringLiteral("color: %1;").arg(Theme::text(Theme::Tone::kBad).name()) : QString());
}

QString RunItemPanel::vocabularyConfidenceText() const {
  return confVocab_->text();
}
QString RunItemPanel::optionConfidenceText() const {
  return confOptions_->text();
}
QString RunItemPanel::entropyText() const {
  return entropy_->text();
}
void RunItemPanel::setTemperature(double t) {
  temperature_->setValue(t);
}
QString RunItemPanel::statusText() const {
  return status_->text();
}

}  // namespace unveil::ui
