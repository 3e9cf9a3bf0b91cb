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
  confidence_->addItem(tr("Over the vocabulary (the study's)"),
                       static_cast<int>(calib::ConfidenceKind::kVocab));
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

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->setSpacing(6);
  layout->addWidget(binsLabel);
  layout->addWidget(bins_);
  layout->addSpacing(10);
  layout->addWidget(binningLabel);
  layout->addWidget(binning_);
  layout->addSpacing(10);
  layout->addWidget(confidenceLabel);
  layout->addWidget(confidence_);

  auto changed = [this] { emit optionsChanged(options()); };
  connect(bins_, &QSpinBox::valueChanged, this, changed);
  connect(binning_, &QComboBox::currentIndexChanged, this, changed);
  connect(confidence_, &QComboBox::currentIndexChanged, this, changed);
}

calib::MetricsOptions BinningControls::options() const {
  calib::MetricsOptions options;
  options.bins = bins_->value();
  options.binning = static_cast<calib::Binning>(binning_->currentData().toInt());
  options.confidence = static_cast<calib::ConfidenceKind>(confidence_->currentData().toInt());
  return options;
}

void BinningControls::setOptions(const calib::MetricsOptions& options) {
  const QSignalBlocker blockBins(bins_);
  const QSignalBlocker blockBinning(binning_);
  bins_->setValue(options.bins);
  binning_->setCurrentIndex(binning_->findData(static_cast<int>(options.binning)));
}

}  // namespace unveil::ui
