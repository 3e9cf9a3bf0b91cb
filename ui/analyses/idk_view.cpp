#include "analyses/idk_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "analyses/analysis_job.h"
#include "analyses/idk_prompt_list.h"
#include "analyses/run_setup.h"
#include "analyses/runs_analysis.h"
#include "app/run_names.h"
#include "metrics/shown_numbers.h"
#include "project/project_session.h"

namespace unveil::ui {

namespace {

// Rates in percent and their differences in percentage points, written as the metrics panel
// writes them (ui/metrics/shown_numbers.h).
QString rate(const std::optional<double>& v) {
  return v ? metricText(*v, ShownUnit::kPercent) : QStringLiteral("—");
}

QString change(const analysis::IdkDifference& d) {
  if (!d.difference.observed) return QStringLiteral("—");
  QString text = differenceText(*d.difference.observed, ShownUnit::kPercent, true);
  if (d.difference.ci)
    text += QLatin1Char(' ') + intervalText(d.difference.ci->lo, d.difference.ci->hi,
                                            differenceUnit(ShownUnit::kPercent));
  return text;
}

QTableWidgetItem* cell(const QString& text, const QString& tip = QString()) {
  auto* c = new QTableWidgetItem(text);
  c->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  c->setToolTip(tip);
  return c;
}

QString escapeTemplate(const std::string& t) {
  return QString::fromStdString(t).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

// A difference of two rates in percentage points with its sign: "+4.2 pts", "-1.0 pts".
QString signedNumber(double v) {
  const QString text = differenceText(v, ShownUnit::kPercent);
  return shownPercent(v) > 0 ? QStringLiteral("+") + text : text;
}

QString levelText(double level) {
  return QString::number(level * 100, 'g', 6);
}

QString quoted(const std::string& name) {
  return IdkPromptList::displayName(name);  // its own words are distinct enough without quotes
}

// +1 significantly up, -1 down, 0 not significant or no interval.
int direction(const analysis::IdkDifference& d) {
  if (!d.difference.significant()) return 0;
  return d.difference.ci->lo > 0 ? 1 : -1;
}

}  // namespace

QString IdkView::rateVerdict(const analysis::IdkDifference& d, bool admit,
                             const std::string& variant, const std::string& reference,
                             double level) {
  const QString what = admit ? tr("The “I don't know” rate on the unanswerable questions")
                             : tr("Accuracy on the answerable questions");
  const auto& x = d.difference;
  if (!x.observed) {
    return admit ? tr("%1: no unanswerable question was answered under both prompts, no "
                      "comparison")
                       .arg(what)
                 : tr("%1: no answerable question was answered under both prompts, no comparison")
                       .arg(what);
  }
  if (!x.ci) {
    return tr("%1 under %2 differs from %3 by %4 (no interval: no bootstrap was asked for)")
        .arg(what, quoted(variant), quoted(reference), signedNumber(*x.observed));
  }
  const QString measured =
      tr("%1 under %2 differs from %3 by %4 (%5 % interval %6 to %7)")
          .arg(what, quoted(variant), quoted(reference), signedNumber(*x.observed),
               levelText(level), signedNumber(x.ci->lo), signedNumber(x.ci->hi));
  QString outcome;
  switch (direction(d)) {
    case 1:
      outcome = admit ? tr("%1 admits not knowing more often").arg(quoted(variant))
                      : tr("%1 is more accurate").arg(quoted(variant));
      break;
    case -1:
      outcome = admit ? tr("%1 admits not knowing less often").arg(quoted(variant))
                      : tr("%1 is less accurate").arg(quoted(variant));
      break;
    default:
      outcome = tr("not a significant difference");
  }
  return tr("%1: %2").arg(measured, outcome);
}

QString IdkView::overallVerdict(const analysis::PromptComparison& c, const std::string& variant,
                                double level) {
  const QString v = quoted(variant);
  const auto& admit = c.admit_rate.difference;
  const auto& acc = c.accuracy.difference;
  const int up = direction(c.admit_rate), better = direction(c.accuracy);
  QString first;
  if (!admit.observed) {
    first = tr("%1 cannot be compared on the unanswerable questions").arg(v);
  } else if (!admit.ci) {
    first = tr("%1 changes the “I don't know” rate by %2 (no interval to judge it)")
                .arg(v, signedNumber(*admit.observed));
  } else if (up > 0) {
    first = tr("%1 admits not knowing more often (%2)").arg(v, signedNumber(*admit.observed));
  } else if (up < 0) {
    first = tr("%1 admits not knowing less often (%2)").arg(v, signedNumber(*admit.observed));
  } else {
    first = tr("%1 does not change significantly how often the model admits not knowing").arg(v);
  }
  QString second;
  if (!acc.observed) {
    second = tr("accuracy on answerable questions cannot be compared");
  } else if (!acc.ci) {
    second =
        tr("it changes accuracy on answerable questions by %1").arg(signedNumber(*acc.observed));
  } else if (better > 0) {
    second =
        tr("it is more accurate on answerable questions (%1)").arg(signedNumber(*acc.observed));
  } else if (better < 0) {
    second = up > 0 ? tr("at a cost in accuracy on answerable questions (%1)")
                          .arg(signedNumber(*acc.observed))
                    : tr("it is less accurate on answerable questions (%1)")
                          .arg(signedNumber(*acc.observed));
  } else {
    second = tr("with no significant change in accuracy on answerable questions");
  }
  return tr("%1; %2 (against %3, %4 % paired bootstrap)")
      .arg(first, second, quoted(c.reference), levelText(level));
}

IdkView::IdkView(ProjectSession* project, ModelLibrary* models, QWidget* parent)
    : QWidget(parent), project_(project) {
  setObjectName(QStringLiteral("idkView"));
  job_ = new AnalysisJob(this);
  setup_ = new RunSetup(project, models, QStringLiteral("idk"), this);
  setup_->splitBox()->setToolTip(
      tr("The unanswerable questions (their right answer is the “I don't know” option)"));
  prompts_ = new IdkPromptList(this);
  run_ = new QPushButton(tr("Run analysis"), this);
  run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  run_->setToolTip(
      tr("Run (or reuse) each prompt on the IDK split and on the test split, then "
         "compare the prompts (Ctrl+Enter)"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(tr("Stop after the batch in hand; finished runs are kept"));
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->hide();
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  table_ = new QTableWidget(this);
  table_->setObjectName(QStringLiteral("idkTable"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  verdicts_ = new QLabel(this);
  verdicts_->setWordWrap(true);
  verdicts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Until a first result the page says what it will show, instead of an empty half.
  hint_ = new QLabel(
      tr("<p>Each ticked prompt is run on the questions no one can answer from the picture, and "
         "on answerable ones to see whether it says “I don't know” wrongly. Runs made before with "
         "the same settings are reused.</p><p>The page then shows, for "
         "each prompt, how often the model admits “I don't know”, how sure it is of the answers "
         "it should not give, and whether each prompt changes that by more than chance alone "
         "would.</p>"),
      this);
  hint_->setObjectName(QStringLiteral("idkHint"));
  hint_->setWordWrap(true);
  hint_->setMaximumWidth(720);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->addWidget(setup_);
  layout->addWidget(new QLabel(tr("<b>Prompts</b> (the first ticked is the reference)"), this));
  layout->addWidget(prompts_);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  layout->addWidget(hint_);
  layout->addWidget(table_, 1);
  layout->addWidget(verdicts_);
  layout->addStretch();  // takes the room while there is no table (none with one: its stretch is 0)
  table_->hide();

  connect(run_, &QPushButton::clicked, this, &IdkView::run);
  connect(cancel_, &QPushButton::clicked, this, &IdkView::cancel);
  connect(setup_, &RunSetup::changed, this, &IdkView::updateButtons);
  connect(job_, &AnalysisJob::finished, this, [this] {
    progress_->hide();
    updateButtons();
    emit finished();
  });
  updateButtons();
}

bool IdkView::setPrompts(const QString& text) {
  std::vector<analysis::IdkPrompt> out;
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i) {
    const QString line = lines[i].trimmed();
    if (line.isEmpty()) continue;
    const int colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
      status_->setText(
          tr("Prompt line %1 needs a name, a colon and the template: %2").arg(i + 1).arg(line));
      return false;
    }
    out.push_back({line.left(colon).trimmed().toStdString(),
                   line.mid(colon + 1)
                       .trimmed()
                       .replace(QStringLiteral("\\n"), QStringLiteral("\n"))
                       .toStdString()});
  }
  prompts_->setPrompts(out);
  return true;
}

QString IdkView::promptsText() const {
  QStringList lines;
  for (const analysis::IdkPrompt& p : prompts_->prompts())
    lines << QString::fromStdString(p.name) + QStringLiteral(": ") + escapeTemplate(p.tmpl);
  return lines.join(QLatin1Char('\n'));
}
void IdkView::setReplicates(int replicates) {
  replicates_ = replicates;
}
void IdkView::setAnswerableSplit(const QString& split) {
  answerableSplit_ = split;
}
bool IdkView::isRunning() const {
  return job_->isRunning();
}
QString IdkView::statusText() const {
  return status_->text();
}
QString IdkView::verdictText() const {
  return verdicts_->text();
}
void IdkView::cancel() {
  job_->cancel();
}

void IdkView::updateButtons() {
  const bool running = job_->isRunning();
  run_->setEnabled(!running && project_->isOpen() && !project_->isReadOnly() &&
                   setup_->isComplete());
  cancel_->setEnabled(running);
}

std::optional<std::vector<analysis::IdkPrompt>> IdkView::chosenPrompts(QString* error) const {
  std::vector<analysis::IdkPrompt> out = prompts_->prompts();
  if (out.empty()) {
    *error = tr("Tick at least one prompt.");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (out[k].name == out[i].name) {
        *error = tr("The name “%1” is used twice").arg(QString::fromStdString(out[i].name));
        return std::nullopt;
      }
  return out;
}

bool IdkView::run() {
  if (job_->isRunning()) return false;
  if (!project_->isOpen() || !setup_->isComplete()) {
    status_->setText(tr("Open a project with a dataset and a model first."));
    return false;
  }
  QString error;
  auto prompts = chosenPrompts(&error);
  if (!prompts) {
    status_->setText(error);
    return false;
  }
  analysis::IdkSpec spec;
  spec.db = project_->path().toStdString();
  spec.card = setup_->card().toStdString();
  spec.dataset = setup_->dataset().toStdString();
  spec.idk_split = setup_->split().toStdString();
  spec.answerable_splits.clear();
  if (!answerableSplit_.isEmpty() && setup_->splits().contains(answerableSplit_))
    spec.answerable_splits.push_back(answerableSplit_.toStdString());
  spec.prompts = std::move(*prompts);
  spec.replicates = replicates_;
  RunsAnalysis::start<analysis::IdkProgress>(
      job_, progress_, status_,
      [spec](const std::atomic<bool>& cancel, const auto& report) {
        return analysis::run_idk_analysis(spec, &cancel, report);
      },
      [](const analysis::IdkProgress& p) {
        return std::pair{p.overall, tr("Run %1 of %2: prompt %3 on %4 (%5) — %6/%7 items")
                                        .arg(p.run_index + 1)
                                        .arg(p.runs)
                                        .arg(IdkPromptList::displayName(p.prompt),
                                             splitName(p.split), originName(p.origin))
                                        .arg(p.run.done)
                                        .arg(p.run.total)};
      },
      [this](const analysis::IdkResult& r) {
        result_ = r;
        showResult(*result_);
        project_->refresh();  // the new runs
      });
  updateButtons();
  return true;
}

void IdkView::showResult(const analysis::IdkResult& r) {
  table_->show();
  hint_->hide();
  const QStringList headers{tr("Prompt"),
                            tr("Admits “I don't know”"),
                            tr("Confidence of answers it should not give"),
                            tr("Says “I don't know” wrongly"),
                            tr("Accuracy (answerable)"),
                            tr("Change in admitting"),
                            tr("Change in accuracy")};
  table_->clear();
  table_->setColumnCount(static_cast<int>(headers.size()));
  table_->setHorizontalHeaderLabels(headers);
  table_->horizontalHeaderItem(1)->setToolTip(
      tr("On the IDK split: the share of questions the model answered with the “I don't know” "
         "option (higher is better)"));
  table_->horizontalHeaderItem(2)->setToolTip(
      tr("On the IDK split: the mean confidence of the answers it gave instead of admitting it "
         "cannot know (lower is better)"));
  table_->horizontalHeaderItem(3)->setToolTip(
      tr("On answerable questions offering an “I don't know” option: how often the model chose "
         "it (lower is better)"));
  table_->horizontalHeaderItem(5)->setToolTip(
      tr("Percentage points against the first prompt, with the 95 % paired-bootstrap interval"));
  table_->horizontalHeaderItem(6)->setToolTip(table_->horizontalHeaderItem(5)->toolTip());
  table_->setRowCount(static_cast<int>(r.prompts.size()));
  QStringList verdicts;
  for (std::size_t i = 0; i < r.prompts.size(); ++i) {
    const analysis::IdkPromptResult& p = r.prompts[i];
    const int row = static_cast<int>(i);
    auto* name = new QTableWidgetItem(IdkPromptList::displayName(p.prompt.name));
    name->setToolTip(p.prompt.tmpl.empty() ? tr("The model card's own prompt (the study's words)")
                                           : QString::fromStdString(p.prompt.tmpl));
    table_->setItem(row, 0, name);
    table_->setItem(row, 1,
                    cell(rate(p.idk.admit_rate), tr("%1 of %2").arg(p.idk.admitted).arg(p.idk.n)));
    table_->setItem(row, 2,
                    cell(rate(p.idk.answered_confidence),
                         tr("%n answer(s) given", nullptr, static_cast<int>(p.idk.answered))));
    table_->setItem(
        row, 3,
        cell(rate(p.answerable.false_idk_rate),
             tr("%1 of %2").arg(p.answerable.said_idk).arg(p.answerable.with_idk_option)));
    table_->setItem(row, 4,
                    cell(rate(p.answerable.accuracy),
                         tr("%1 of %2").arg(p.answerable.correct).arg(p.answerable.n)));
    if (p.versus_reference) {
      const analysis::PromptComparison& vs = *p.versus_reference;
      table_->setItem(row, 5,
                      cell(change(vs.admit_rate),
                           rateVerdict(vs.admit_rate, true, p.prompt.name, vs.reference, r.level)));
      table_->setItem(row, 6,
                      cell(change(vs.accuracy),
                           rateVerdict(vs.accuracy, false, p.prompt.name, vs.reference, r.level)));
      verdicts << QStringLiteral("• ") + overallVerdict(vs, p.prompt.name, r.level).toHtmlEscaped();
    } else {
      table_->setItem(row, 5, cell(tr("reference")));
      table_->setItem(row, 6, cell(tr("reference")));
    }
  }
  verdicts_->setText(verdicts.isEmpty()
                         ? QString()
                         : tr("<b>Verdicts</b> (paired bootstrap, %1 resamples):")
                                   .arg(QLocale().toString(r.replicates)) +
                               QStringLiteral("<br>") + verdicts.join(QStringLiteral("<br>")));
  status_->setText(tr("%n prompt(s) in %1 s.", nullptr, static_cast<int>(r.prompts.size()))
                       .arg(QString::number(r.seconds, 'f', 1)));
}

}  // namespace unveil::ui
