#include "analyses/prompt_search_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "analyses/analysis_job.h"
#include "analyses/run_setup.h"
#include "app/core_messages.h"
#include "metrics/shown_numbers.h"
#include "plots/prompt_search_chart.h"
#include "project/project_session.h"

namespace unveil::ui {

namespace {

QSpinBox* sizeBox(QWidget* parent, int lo, int hi, int value, const QString& tip) {
  auto* box = new QSpinBox(parent);
  box->setRange(lo, hi);
  box->setValue(value);
  box->setToolTip(tip);
  return box;
}

}  // namespace

PromptSearchView::PromptSearchView(ProjectSession* project, ModelLibrary* models, QWidget* parent)
    : QWidget(parent), project_(project) {
  setObjectName(QStringLiteral("promptSearchView"));
  job_ = new AnalysisJob(this);
  reader_ = new AnalysisJob(this);
  // Scored on a split other than the one reported on, so the test split stays untouched.
  setup_ = new RunSetup(project, models, QStringLiteral("calibration"), this);
  k_ = sizeBox(this, 1, 50, 5,
               tr("How many of the best prompts each round keeps (the study's k: 5)"));
  m_ = sizeBox(this, 1, 50, 5,
               tr("How many new wordings each kept prompt gives per round (the study's m: 5)"));
  rounds_ = sizeBox(this, 1, 50, 10, tr("How many rounds the search runs (the study's n: 10)"));
  seeds_ = new QLineEdit(QStringLiteral("The answer might be; The answer must be"), this);
  seeds_->setToolTip(
      tr("The seed suffixes the search starts from, separated by “;” — each replaces the "
         "prompt's closing “Answer:” cue (the study's seeds by default)"));
  variants_ = new QLineEdit(this);
  variants_->setObjectName(QStringLiteral("searchVariants"));
  variants_->setPlaceholderText(tr("Your own wordings, separated by “;” (optional)"));
  variants_->setToolTip(
      tr("Suffixes of your own, tried as variants before the built-in paraphrase bank and "
         "templates; nothing is fetched from the network"));
  run_ = new QPushButton(tr("Search"), this);
  run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  run_->setToolTip(
      tr("Start the search (Ctrl+Enter); each prompt is a stored run, reused when "
         "it was scored before"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(tr("Stop; the best prompts found so far are kept and stored"));
  use_ = new QPushButton(tr("Use the best prompt for a new run"), this);
  use_->setToolTip(tr("Put the best prompt's template into the New run panel"));
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->hide();
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  stored_ = new QComboBox(this);
  stored_->setObjectName(QStringLiteral("storedSearches"));
  stored_->setToolTip(tr("Searches stored in the project; choose one to see it again"));
  chart_ = new PromptSearchChart(this);
  chart_->setMinimumSize(360, 240);
  table_ = new QTableWidget(this);
  table_->setObjectName(QStringLiteral("promptSearchTop"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->setColumnCount(5);
  table_->setHorizontalHeaderLabels(
      {tr("Prompt suffix"), tr("Accuracy"), tr("ECE"), tr("Round"), tr("Run")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

  auto* sizes = new QHBoxLayout;
  sizes->addWidget(new QLabel(tr("Best kept:"), this));
  sizes->addWidget(k_);
  sizes->addWidget(new QLabel(tr("New wordings each:"), this));
  sizes->addWidget(m_);
  sizes->addWidget(new QLabel(tr("Rounds:"), this));
  sizes->addWidget(rounds_);
  sizes->addWidget(new QLabel(tr("Start from:"), this));
  sizes->addWidget(seeds_, 1);
  auto* own = new QHBoxLayout;
  own->addWidget(new QLabel(tr("Your wordings:"), this));
  own->addWidget(variants_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);
  buttons->addWidget(new QLabel(tr("Stored:"), this));
  buttons->addWidget(stored_);
  auto* results = new QSplitter(Qt::Horizontal, this);
  results->addWidget(chart_);
  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(new QLabel(tr("<b>Top prompts</b> (accuracy band, then ECE)"), right));
  rightLayout->addWidget(table_, 1);
  rightLayout->addWidget(use_);
  results->addWidget(right);
  results->setStretchFactor(0, 1);
  results->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->addWidget(setup_);
  layout->addLayout(sizes);
  layout->addLayout(own);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  layout->addWidget(results, 1);

  connect(run_, &QPushButton::clicked, this, &PromptSearchView::run);
  connect(cancel_, &QPushButton::clicked, this, &PromptSearchView::cancel);
  connect(use_, &QPushButton::clicked, this, [this] {
    if (result_ && !result_->best_template.empty())
      emit promptChosen(QString::fromStdString(result_->best_template));
  });
  connect(setup_, &RunSetup::changed, this, &PromptSearchView::updateButtons);
  connect(stored_, &QComboBox::activated, this, [this](int i) {
    const qint64 id = stored_->itemData(i).toLongLong();
    if (id > 0) openStored(id);
  });
  connect(project_, &ProjectSession::opened, this, &PromptSearchView::refreshStored);
  connect(job_, &AnalysisJob::finished, this, [this] {
    progress_->hide();
    updateButtons();
    refreshStored();
    emit finished();
  });
  updateButtons();
}

void PromptSearchView::setSizes(int k, int m, int rounds) {
  k_->setValue(k);
  m_->setValue(m);
  rounds_->setValue(rounds);
}
void PromptSearchView::setVariants(const QString& variants) {
  variants_->setText(variants);
}
bool PromptSearchView::isRunning() const {
  return job_->isRunning() || reader_->isRunning();
}
QString PromptSearchView::statusText() const {
  return status_->text();
}
void PromptSearchView::cancel() {
  job_->cancel();
}

void PromptSearchView::updateButtons() {
  const bool running = job_->isRunning();
  run_->setEnabled(!running && project_->isOpen() && !project_->isReadOnly() &&
                   setup_->isComplete());
  cancel_->setEnabled(running);
  use_->setEnabled(!running && result_ && !result_->best_template.empty());
}

void PromptSearchView::showTop(const std::vector<analysis::PromptScore>& top) {
  table_->setRowCount(static_cast<int>(top.size()));
  for (std::size_t i = 0; i < top.size(); ++i) {
    const analysis::PromptScore& s = top[i];
    const int row = static_cast<int>(i);
    auto* suffix = new QTableWidgetItem(QString::fromStdString(s.suffix));
    suffix->setToolTip(s.parent.empty()
                           ? tr("A seed")
                           : tr("Made from “%1”").arg(QString::fromStdString(s.parent)));
    table_->setItem(row, 0, suffix);
    const std::pair<int, QString> cells[] = {{1, metricText(s.accuracy, ShownUnit::kPercent)},
                                             {2, pointsText(s.ece)},
                                             {3, QString::number(s.round)},
                                             {4, QString::number(s.run_id)}};
    for (const auto& [column, text] : cells) {
      auto* c = new QTableWidgetItem(text);
      c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(row, column, c);
    }
  }
}

bool PromptSearchView::run() {
  if (job_->isRunning()) return false;
  if (!project_->isOpen() || !setup_->isComplete()) {
    status_->setText(tr("Open a project with a dataset and a model first."));
    return false;
  }
  analysis::PromptSearchSpec spec;
  spec.db = project_->path().toStdString();
  spec.card = setup_->card().toStdString();
  spec.dataset = setup_->dataset().toStdString();
  spec.split = setup_->split().toStdString();
  spec.k = k_->value();
  spec.m = m_->value();
  spec.rounds = rounds_->value();
  spec.seeds.clear();
  for (const QString& seed : seeds_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
    if (!seed.trimmed().isEmpty()) spec.seeds.push_back(seed.trimmed().toStdString());
  spec.variants.clear();
  for (const QString& v : variants_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
    if (!v.trimmed().isEmpty()) spec.variants.push_back(v.trimmed().toStdString());
  if (spec.seeds.empty()) {
    status_->setText(tr("Give at least one seed suffix."));
    return false;
  }
  result_.reset();
  liveUpdates_ = 0;
  chart_->setRounds({}, spec.rounds);
  table_->setRowCount(0);
  progress_->setValue(0);
  progress_->show();
  status_->setText(tr("Starting…"));
  const int rounds = spec.rounds;
  job_->start([this, spec, rounds](const std::atomic<bool>& cancel,
                                   const AnalysisJob::Post& post) -> std::function<void()> {
    Throttle due(std::chrono::milliseconds(200));
    auto result =
        analysis::run_prompt_search(spec, &cancel, [&](const analysis::PromptSearchProgress& p) {
          // Each round's end always shows; in between, five times a second at most.
          if (!due() && p.scored != p.to_score) return;
          post([this, p, rounds] {
            ++liveUpdates_;
            progress_->setValue(static_cast<int>(std::lround(1000 * p.overall)));
            chart_->setRounds(p.best, rounds);
            showTop(p.top);
            status_->setText(tr("Round %1 of %2: %3 of %4 prompts scored — now “%5”")
                                 .arg(p.round)
                                 .arg(p.rounds)
                                 .arg(p.scored)
                                 .arg(p.to_score)
                                 .arg(QString::fromStdString(p.suffix)));
          });
        });
    return [this, result = std::move(result), rounds] {
      if (!result) {
        status_->setText(tr("The search stopped: %1").arg(coreText(result.error())));
        return;
      }
      result_ = *result;
      chart_->setRounds(result_->best, rounds);
      showTop(result_->top);
      status_->setText((result_->cancelled
                            ? tr("Cancelled after %n round(s); what was found is kept.", nullptr,
                                 result_->rounds_done)
                            : tr("%n round(s) done.", nullptr, result_->rounds_done)) +
                       QLatin1Char(' ') +
                       tr("%1 prompts scored in %2 s; search %3 is stored.")
                           .arg(result_->scored.size())
                           .arg(QString::number(result_->seconds, 'f', 1))
                           .arg(result_->search_id));
      project_->refresh();
    };
  });
  updateButtons();
  return true;
}

void PromptSearchView::refreshStored() {
  if (!project_->isOpen() || reader_->isRunning()) return;
  reader_->start([this, db = project_->path().toStdString()](
                     const std::atomic<bool>&, const AnalysisJob::Post&) -> std::function<void()> {
    auto list = analysis::list_prompt_searches(db);
    return [this, list = std::move(list)] {
      const QSignalBlocker block(stored_);
      stored_->clear();
      stored_->addItem(tr("Choose a stored search…"), QVariant::fromValue<qint64>(0));
      if (!list) return;
      for (const analysis::PromptSearchInfo& s : *list)
        stored_->addItem(tr("%1 · %2/%3 · %4 · best %5 %")
                             .arg(s.id)
                             .arg(QString::fromStdString(s.model), QString::fromStdString(s.split),
                                  QString::fromStdString(s.status),
                                  QString::number(100 * s.best_accuracy, 'f', 1)),
                         QVariant::fromValue<qint64>(s.id));
    };
  });
}

void PromptSearchView::openStored(qint64 id) {
  if (!project_->isOpen() || reader_->isRunning() || job_->isRunning()) return;
  reader_->start([this, id, db = project_->path().toStdString()](
                     const std::atomic<bool>&, const AnalysisJob::Post&) -> std::function<void()> {
    auto loaded = analysis::load_prompt_search(db, id);
    return [this, loaded = std::move(loaded)] {
      if (!loaded) {
        status_->setText(coreText(loaded.error()));
        return;
      }
      result_ = *loaded;
      chart_->setRounds(result_->best, result_->rounds);
      showTop(result_->top);
      status_->setText(tr("Stored search %1 (%2): %3 prompts scored on %4/%5.")
                           .arg(result_->search_id)
                           .arg(QString::fromStdString(result_->status))
                           .arg(result_->scored.size())
                           .arg(QString::fromStdString(result_->dataset),
                                QString::fromStdString(result_->split)));
      updateButtons();
    };
  });
}

}  // namespace unveil::ui
