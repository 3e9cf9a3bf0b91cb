#include "window/binning_controls.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include "app/settings.h"

namespace unveil::ui {

BinningControls::BinningControls(QWidget* parent) : QWidget(parent) {
  bins_ = new QSpinBox(this);
  bins_->setObjectName(QStringLiteral("binsBox"));
  bins_->setRange(Settings::kMinBins, Settings::kMaxBins);
  bins_->setValue(Settings::kDefaultBins);
  bins_->setAccelerated(true);
  const QString binsTip =
      tr("How many confidence bins the reliability diagram and ECE use (the study uses 10). "
         "More bins show more detail but hold fewer predictions each.");
  bins_->setToolTip(binsTip);
  auto* binsLabel = new QLabel(tr("&Bins:"), this);
  binsLabel->setBuddy(bins_);
  binsLabel->setToolTip(binsTip);

  binning_ = new QComboBox(this);
  binning_->setObjectName(QStringLiteral("binningBox"));
  binning_->addItem(tr("Equal width"), static_cast<int>(calib::Binning::kEqualWidth));
  binning_->addItem(tr("Equal mass"), static_cast<int>(calib::Binning::kEqualMass));
  binning_->setItemData(0, tr("Bins of equal confidence range (0–0.1, 0.1–0.2, …)"),
                        Qt::ToolTipRole);
  binning_->setItemData(1, tr("Bins holding equal numbers of predictions"), Qt::ToolTipRole);
  const QString binningTip =
      tr("Equal width: every bin covers the same confidence range. Equal mass: every bin holds "
         "the same number of predictions, so no bin is nearly empty.");
  binning_->setToolTip(binningTip);
  auto* binningLabel = new QLabel(tr("Bi&nning:"), this);
  binningLabel->setBuddy(binning_);
  binningLabel->setToolTip(binningTip);

  confidence_ = new QComboBox(this);
  confidence_->setObjectName(QStringLiteral("confidenceBox"));
  confidence_->addItem(tr("Among the options"), static_cast<int>(calib::ConfidenceKind::kOptions));
  confidence_->addItem(tr("Over the vocabulary"), static_cast<int>(calib::ConfidenceKind::kVocab));
  confidence_->setItemData(
      0, tr("The answer's probability among the option letters only (Unveil's default)"),
      Qt::ToolTipRole);
  confidence_->setItemData(
      1,
      tr("The answer letter's probability over everything the model could have written, as the "
         "study measures it; the temperature is then fitted as the study does"),
      Qt::ToolTipRole);
  const QString confidenceTip =
      tr("Which probability counts as the model's confidence. Among the options: the answer's "
         "share of the probability given to the option letters. Over the vocabulary: the "
         "answer's probability over every word the model could have written next, which is "
         "lower when the model also considered writing something else. Predictions files that "
         "hold only option scores support the first.");
  confidence_->setToolTip(confidenceTip);
  auto* confidenceLabel = new QLabel(tr("C&onfidence:"), this);
  confidenceLabel->setBuddy(confidence_);
  confidenceLabel->setToolTip(confidenceTip);

  recipe_ = new QComboBox(this);
  recipe_->setObjectName(QStringLiteral("recipeBox"));
  // Each recipe says what it keeps apart in a word: every item counted, or the published code.
  recipe_->addItem(tr("Unveil's (every item)"), false);
  recipe_->addItem(tr("The study's (as published)"), true);
  recipe_->setItemData(0,
                       tr("Bins, binning and confidence as chosen; items without an option letter "
                          "counted wrong; the temperature fitted exactly"),
                       Qt::ToolTipRole);
  recipe_->setItemData(1,
                       tr("As the study's released code computes it: 10 equal-width bins, the "
                          "confidence over the vocabulary, items without an option letter left "
                          "out (and counted), the temperature from its grid 0.01–9.99"),
                       Qt::ToolTipRole);
  const QString recipeTip =
      tr("Every choice that turns predictions into numbers. Unveil's and the study's recipes can "
         "give different ECEs and temperatures on the same items; the metrics always say which "
         "one they follow (docs/METRICS.md, \"Recipes\").");
  recipe_->setToolTip(recipeTip);
  auto* recipeLabel = new QLabel(tr("Rec&ipe:"), this);
  recipeLabel->setBuddy(recipe_);
  recipeLabel->setToolTip(recipeTip);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->setSpacing(6);
  layout->addWidget(binsLabel);
  layout->addWidget(bins_);
  layout->addSpacing(6);
  layout->addWidget(binningLabel);
  layout->addWidget(binning_);
  layout->addSpacing(6);
  layout->addWidget(confidenceLabel);
  layout->addWidget(confidence_);
  layout->addSpacing(6);
  layout->addWidget(recipeLabel);
  layout->addWidget(recipe_);

  auto changed = [this] { emit optionsChanged(options()); };
  connect(bins_, &QSpinBox::valueChanged, this, changed);
  connect(binning_, &QComboBox::currentIndexChanged, this, changed);
  connect(confidence_, &QComboBox::currentIndexChanged, this, changed);
  connect(recipe_, &QComboBox::currentIndexChanged, this, [this] {
    applyRecipe();
    emit optionsChanged(options());
  });
}

bool BinningControls::studyRecipe() const {
  return recipe_->currentData().toBool();
}

void BinningControls::applyRecipe() {
  const QSignalBlocker blockBins(bins_);
  const QSignalBlocker blockBinning(binning_);
  const QSignalBlocker blockConfidence(confidence_);
  const bool study = studyRecipe();
  if (study) {
    // The study fixes all three; the user's own choices come back with Unveil's recipe.
    ownBins_ = bins_->value();
    ownBinning_ = binning_->currentIndex();
    ownConfidence_ = confidence_->currentIndex();
    bins_->setValue(10);
    binning_->setCurrentIndex(binning_->findData(static_cast<int>(calib::Binning::kEqualWidth)));
    confidence_->setCurrentIndex(
        confidence_->findData(static_cast<int>(calib::ConfidenceKind::kVocab)));
  } else if (ownBins_ > 0) {
    bins_->setValue(ownBins_);
    binning_->setCurrentIndex(ownBinning_);
    confidence_->setCurrentIndex(ownConfidence_);
  }
  for (QWidget* w : {static_cast<QWidget*>(bins_), static_cast<QWidget*>(binning_),
                     static_cast<QWidget*>(confidence_)})
    w->setEnabled(!study);
}

calib::MetricsOptions BinningControls::options() const {
  calib::MetricsOptions options;
  options.bins = bins_->value();
  options.binning = static_cast<calib::Binning>(binning_->currentData().toInt());
  options.confidence = static_cast<calib::ConfidenceKind>(confidence_->currentData().toInt());
  options.unanswered =
      studyRecipe() ? calib::UnansweredPolicy::kDrop : calib::UnansweredPolicy::kWrong;
  return options;
}

void BinningControls::setOptions(const calib::MetricsOptions& options) {
  if (studyRecipe()) {  // the recipe fixes the bins: the new ones apply when it is left
    ownBins_ = options.bins;
    ownBinning_ = binning_->findData(static_cast<int>(options.binning));
    return;
  }
  const QSignalBlocker blockBins(bins_);
  const QSignalBlocker blockBinning(binning_);
  bins_->setValue(options.bins);
  binning_->setCurrentIndex(binning_->findData(static_cast<int>(options.binning)));
}

}  // namespace unveil::ui
