#include "app/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace unveil::ui {

namespace {

/// A label for `field` with the field's tooltip, so that hovering either explains it.
QLabel* buddyLabel(const QString& text, QWidget* field) {
  auto* label = new QLabel(text, field->parentWidget());
  label->setBuddy(field);
  label->setToolTip(field->toolTip());
  return label;
}

void selectData(QComboBox* box, const QVariant& data) {
  const int i = box->findData(data);
  box->setCurrentIndex(i >= 0 ? i : 0);
}

}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent, const Preferences& preferences)
    : QDialog(parent), initialLanguage_(preferences.language) {
  setWindowTitle(tr("Preferences"));
  setObjectName(QStringLiteral("settingsDialog"));

  // Appearance.
  auto* appearance = new QGroupBox(tr("Appearance"), this);
  language_ = new QComboBox(appearance);
  language_->setObjectName(QStringLiteral("languageBox"));
  language_->addItem(tr("System"), QString());
  // Each language under its own name, as a reader of it looks for it.
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language_->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
  language_->setToolTip(
      tr("The language of the interface. System takes the desktop's language when Unveil has "
         "it, English otherwise. Unveil changes language at its next start."));
  languageNote_ = new QLabel(appearance);
  languageNote_->setObjectName(QStringLiteral("dialogNote"));
  languageNote_->setWordWrap(true);

  theme_ = new QComboBox(appearance);
  theme_->setObjectName(QStringLiteral("themeBox"));
  theme_->addItem(tr("System"), static_cast<int>(ThemeChoice::kSystem));
  theme_->addItem(tr("Light"), static_cast<int>(ThemeChoice::kLight));
  theme_->addItem(tr("Dark"), static_cast<int>(ThemeChoice::kDark));
  theme_->setToolTip(
      tr("Light or dark windows and plots. System follows the desktop's choice, also when it "
         "changes while Unveil runs; Light and Dark keep to one."));

  appearanceForm_ = new QFormLayout(appearance);
  QFormLayout* appearanceForm = appearanceForm_;
  appearanceForm->addRow(buddyLabel(tr("&Language:"), language_), language_);
  appearanceForm->addRow(QString(), languageNote_);
  appearanceForm->addRow(buddyLabel(tr("&Theme:"), theme_), theme_);

  // Analysis.
  auto* analysis = new QGroupBox(tr("Analysis"), this);
  bins_ = new QSpinBox(analysis);
  bins_->setObjectName(QStringLiteral("binsBox"));
  bins_->setRange(Settings::kMinBins, Settings::kMaxBins);
  bins_->setToolTip(
      tr("How many confidence bins the reliability diagram and ECE use (the study uses 10). The "
         "tool bar changes it too; the last choice is kept."));
  binning_ = new QComboBox(analysis);
  binning_->setObjectName(QStringLiteral("binningBox"));
  binning_->addItem(tr("Equal width"), static_cast<int>(calib::Binning::kEqualWidth));
  binning_->addItem(tr("Equal mass"), static_cast<int>(calib::Binning::kEqualMass));
  binning_->setToolTip(
      tr("Equal width: every bin covers the same confidence range. Equal mass: every bin holds "
         "the same number of predictions, so no bin is nearly empty."));
  bootstrap_ = new QSpinBox(analysis);
  bootstrap_->setObjectName(QStringLiteral("bootstrapBox"));
  bootstrap_->setRange(Settings::kMinBootstrapReplicates, Settings::kMaxBootstrapReplicates);
  bootstrap_->setSingleStep(50);
  bootstrap_->setGroupSeparatorShown(true);
  bootstrap_->setToolTip(
      tr("How many times the items are resampled for the 95 % intervals of the metrics panel. "
         "More resamples give steadier intervals and take longer on large runs."));

  auto* analysisForm = new QFormLayout(analysis);
  analysisForm->addRow(buddyLabel(tr("&Bins:"), bins_), bins_);
  analysisForm->addRow(buddyLabel(tr("Bi&nning:"), binning_), binning_);
  analysisForm->addRow(buddyLabel(tr("Bootstrap &resamples:"), bootstrap_), bootstrap_);

  // Runs.
  auto* runs = new QGroupBox(tr("New runs"), this);
  device_ = new QComboBox(runs);
  device_->setObjectName(QStringLiteral("deviceBox"));
  device_->addItem(tr("Automatic"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
  device_->setToolTip(
      tr("Where models run: Automatic takes the GPU when this build of libtorch has CUDA and a "
         "GPU is present. Used by the New run panel, and by Run now for models loaded from now "
         "on."));
  batch_ = new QSpinBox(runs);
  batch_->setObjectName(QStringLiteral("batchBox"));
  batch_->setRange(Settings::kMinBatchSize, Settings::kMaxBatchSize);
  batch_->setToolTip(
      tr("Items a batch run sends through the model at once. Larger batches are faster on a GPU "
         "and need more memory."));

  auto* runsForm = new QFormLayout(runs);
  runsForm->addRow(buddyLabel(tr("&Device:"), device_), device_);
  runsForm->addRow(buddyLabel(tr("Batch si&ze:"), batch_), batch_);

  // The three groups' labels share one column width, so that their fields line up.
  int labelWidth = 0;
  for (QFormLayout* form : {appearanceForm, analysisForm, runsForm}) {
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (int row = 0; row < form->rowCount(); ++row)
      if (QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
  }
  for (QFormLayout* form : {appearanceForm, analysisForm, runsForm})
    for (int row = 0; row < form->rowCount(); ++row)
      if (QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole))
        if (auto* text = qobject_cast<QLabel*>(label->widget())) {
          text->setMinimumWidth(labelWidth);
          text->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }

  auto* buttons = new QDialogButtonBox(
      QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
  restore_ = buttons->button(QDialogButtonBox::RestoreDefaults);
  restore_->setToolTip(tr("Put the default of every setting in the fields; OK saves them"));
  buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Save and apply the settings"));
  buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without changing anything"));
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  connect(restore_, &QPushButton::clicked, this, &SettingsDialog::restoreDefaults);
  connect(language_, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageNote);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(appearance);
  layout->addWidget(analysis);
  layout->addWidget(runs);
  layout->addStretch();
  layout->addWidget(buttons);
  setMinimumWidth(440);

  setPreferences(preferences);
}

Preferences SettingsDialog::preferences() const {
  Preferences p;
  p.language = language_->currentData().toString();
  p.theme = static_cast<ThemeChoice>(theme_->currentData().toInt());
  p.metrics.bins = bins_->value();
  p.metrics.binning = static_cast<calib::Binning>(binning_->currentData().toInt());
  p.bootstrapReplicates = bootstrap_->value();
  p.device = device_->currentData().toString();
  p.batchSize = batch_->value();
  return p;
}

void SettingsDialog::setPreferences(const Preferences& p) {
  selectData(language_, p.language);
  selectData(theme_, static_cast<int>(p.theme));
  bins_->setValue(p.metrics.bins);
  selectData(binning_, static_cast<int>(p.metrics.binning));
  bootstrap_->setValue(p.bootstrapReplicates);
  selectData(device_, p.device);
  batch_->setValue(p.batchSize);
  updateLanguageNote();
}

void SettingsDialog::restoreDefaults() {
  setPreferences(Preferences());
}

void SettingsDialog::accept() {
  Settings::setPreferences(preferences());
  QDialog::accept();
}

QString SettingsDialog::languageNote() const {
  return languageNote_->text();
}

void SettingsDialog::updateLanguageNote() {
  QString note;
  const QString forced = qEnvironmentVariable("UNVEIL_LANG");
  if (!forced.isEmpty())
    note = tr("UNVEIL_LANG=%1 is set in the environment and comes first.").arg(forced);
  else if (language_->currentData().toString() != initialLanguage_)
    note = tr("Takes effect at the next start.");
  languageNote_->setText(note);
  appearanceForm_->setRowVisible(languageNote_, !note.isEmpty());
}

}  // namespace unveil::ui
