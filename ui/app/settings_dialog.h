// Edit ▸ Preferences…: the user's settings in one dialog — language, look, binning, the
// bootstrap's resamples and the defaults of new runs. OK saves them (Settings::setPreferences);
// Restore defaults puts the defaults in the fields, to be saved with OK.
#pragma once

#include <QDialog>

#include "app/settings.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace unveil::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  /// Shows `preferences` (by default, the saved ones).
  explicit SettingsDialog(QWidget* parent = nullptr,
                          const Preferences& preferences = Settings::preferences());

  /// What the fields hold now.
  Preferences preferences() const;
  void setPreferences(const Preferences& preferences);
  /// Puts the defaults in the fields (the Restore defaults button).
  void restoreDefaults();

  QComboBox* languageBox() const { return language_; }
  QComboBox* themeBox() const { return theme_; }
  QSpinBox* binsBox() const { return bins_; }
  QComboBox* binningBox() const { return binning_; }
  QSpinBox* bootstrapBox() const { return bootstrap_; }
  QComboBox* deviceBox() const { return device_; }
  QSpinBox* batchBox() const { return batch_; }
  QPushButton* restoreDefaultsButton() const { return restore_; }
  /// The note under the language ("" when none is shown).
  QString languageNote() const;

  /// Saves the fields to the settings, then closes.
  void accept() override;

 private:
  void updateLanguageNote();

  QString initialLanguage_;
  QComboBox* language_ = nullptr;
  QLabel* languageNote_ = nullptr;
  QFormLayout* appearanceForm_ = nullptr;
  QComboBox* theme_ = nullptr;
  QSpinBox* bins_ = nullptr;
  QComboBox* binning_ = nullptr;
  QSpinBox* bootstrap_ = nullptr;
  QComboBox* device_ = nullptr;
  QSpinBox* batch_ = nullptr;
  QPushButton* restore_ = nullptr;
};

}  // namespace unveil::ui
