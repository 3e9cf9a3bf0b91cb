#include "item/stored_run_bars.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <cmath>

#include "browser/run_overlay.h"
#include "calib/outcomes.h"
#include "metrics/shown_numbers.h"
#include "run/probability_bars.h"

namespace unveil::ui {

StoredRunBars::StoredRunBars(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("storedRunBars"));
  shownTitle_ = new QLabel(this);
  shownTitle_->setObjectName(QStringLiteral("sectionTitle"));
  shownTitle_->setWordWrap(true);
  shownSummary_ = new QLabel(this);
  shownSummary_->setWordWrap(true);
  shownBars_ = new ProbabilityBars(this);
  shownBars_->setObjectName(QStringLiteral("shownRunBars"));
  shownBars_->setPlaceholder(tr("The shown run did not answer this item"));
  choice_ = new QComboBox(this);
  choice_->setObjectName(QStringLiteral("comparisonRunBox"));
  choice_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  choice_->setMinimumContentsLength(16);
  choice_->setToolTip(
      tr("Another run of the project on this dataset, to see its answer to the same item beside "
         "the shown run's (a model before and after fine-tuning, with and without the image…)"));
  secondSummary_ = new QLabel(this);
  secondSummary_->setWordWrap(true);
  secondBars_ = new ProbabilityBars(this);
  secondBars_->setObjectName(QStringLiteral("comparisonRunBars"));
  secondBars_->setPlaceholder(tr("Choose a run to compare with"));

  auto* compareRow = new QHBoxLayout;
  compareRow->addWidget(new QLabel(tr("Compare with:"), this));
  compareRow->addWidget(choice_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 6, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(shownTitle_);
  layout->addWidget(shownBars_);
  layout->addWidget(shownSummary_);
  layout->addLayout(compareRow);
  layout->addWidget(secondBars_);
  layout->addWidget(secondSummary_);
  connect(choice_, &QComboBox::activated, this,
          [this](int i) { chooseComparison(choice_->itemData(i).toLongLong()); });
  setChoices({});
  refresh();
}

void StoredRunBars::setShownRun(std::shared_ptr<const RunOverlay> run) {
  shown_ = std::move(run);
  refresh();
}

void StoredRunBars::setChoices(const std::vector<std::pair<qint64, QString>>& runs) {
  const QSignalBlocker block(choice_);
  choice_->clear();
  choice_->addItem(tr("No second run"), QVariant::fromValue<qint64>(-1));
  for (const auto& [id, name] : runs)
    choice_->addItem(tr("Run %1 · %2").arg(id).arg(name), QVariant::fromValue<qint64>(id));
  const int at = choice_->findData(QVariant::fromValue<qint64>(secondId_));
  if (at >= 0) {
    choice_->setCurrentIndex(at);
  } else {
    choice_->setCurrentIndex(0);
    secondId_ = -1;
    second_.reset();
  }
  choice_->setEnabled(!runs.empty());
  refresh();
}

void StoredRunBars::chooseComparison(qint64 runId) {
  if (runId == secondId_) return;
  secondId_ = runId;
  second_.reset();
  const int at = choice_->findData(QVariant::fromValue<qint64>(runId));
  const QSignalBlocker block(choice_);
  choice_->setCurrentIndex(at >= 0 ? at : 0);
  secondBars_->setPlaceholder(runId >= 0 ? tr("Reading the run…")
                                         : tr("Choose a run to compare with"));
  refresh();
  emit comparisonRequested(runId);
}

void StoredRunBars::setComparison(qint64 runId, std::shared_ptr<const RunOverlay> run) {
  if (runId != secondId_) return;  // another run was chosen meanwhile
  second_ = std::move(run);
  secondBars_->setPlaceholder(second_ ? tr("That run did not answer this item")
                                      : tr("Choose a run to compare with"));
  refresh();
}

void StoredRunBars::setItem(std::shared_ptr<const data::Dataset> dataset, int index) {
  dataset_ = std::move(dataset);
  index_ = index;
  refresh();
}

QString StoredRunBars::shownSummary() const {
  return shownSummary_->text();
}
QString StoredRunBars::comparisonSummary() const {
  return secondSummary_->text();
}

void StoredRunBars::refresh() {
  shownTitle_->setText(shown_ ? tr("<b>Stored answer</b> of %1").arg(shown_->name.toHtmlEscaped())
                              : tr("<b>Stored answer</b> — show a run of this dataset to see it"));
  fill(shown_.get(), shownBars_, shownSummary_);
  fill(second_.get(), secondBars_, secondSummary_);
}

void StoredRunBars::fill(const RunOverlay* run, ProbabilityBars* bars, QLabel* summary) {
  summary->clear();
  const bool valid = run && run->predictions && dataset_ && index_ >= 0 &&
                     static_cast<std::size_t>(index_) < dataset_->items.size() &&
                     static_cast<std::size_t>(index_) < run->predictionOfItem.size();
  const int p = valid ? run->predictionOfItem[static_cast<std::size_t>(index_)] : -1;
  if (p < 0) {
    bars->clear();
    return;
  }
  const data::Item& item = dataset_->items[static_cast<std::size_t>(index_)];
  const calib::PredictionSet& set = *run->predictions;
  const std::vector<double> probs = calib::softmax(set.logits(static_cast<std::size_t>(p)));
  const int answer = run->predicted[static_cast<std::size_t>(index_)];
  std::vector<ProbabilityBars::Row> rows;
  double entropy = 0;
  for (std::size_t k = 0; k < probs.size(); ++k) {
    ProbabilityBars::Row r;
    r.letter = k < item.options.size() ? QString(QLatin1Char(item.options[k].letter))
                                       : QString(QLatin1Char(static_cast<char>('A' + k)));
    r.text = k < item.options.size() ? QString::fromStdString(item.options[k].text) : QString();
    r.probability = probs[k];
    r.answer = static_cast<int>(k) == answer;
    r.gold = static_cast<int>(k) == item.answer;
    r.idk = static_cast<int>(k) == item.idk_index;
    if (probs[k] > 0) entropy -= probs[k] * std::log(probs[k]);
    rows.push_back(std::move(r));
  }
  bars->setRows(std::move(rows));
  const std::int8_t right = run->correct[static_cast<std::size_t>(index_)];
  const QString letter =
      answer >= 0 && answer < static_cast<int>(item.options.size())
          ? QString(QLatin1Char(item.options[static_cast<std::size_t>(answer)].letter))
          : QStringLiteral("?");
  const double confidence = run->confidence[static_cast<std::size_t>(index_)];
  summary->setText(
      tr("Answer %1 · %2 · confidence %3, as the model gave it")
          .arg(letter, right > 0 ? tr("right") : tr("wrong"), confidenceText(confidence)));
  // The spread over the options, for those who read entropy; the exact confidence too.
  summary->setToolTip(
      tr("Confidence %1 % before any temperature scaling. Entropy of the option probabilities: "
         "%2 nats (0 when all the probability is on one option).")
          .arg(QLocale().toString(100 * confidence, 'f', 2), QLocale().toString(entropy, 'f', 2)));
}

}  // namespace unveil::ui
