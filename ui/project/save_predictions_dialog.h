// Asks under which dataset and run names the opened predictions go into the project.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace unveil::ui {

class SavePredictionsDialog : public QDialog {
  Q_OBJECT

 public:
  /// `withCalibration`: a calibration split is open too and becomes a second run.
  SavePredictionsDialog(const QString& datasetName, const QString& runName, bool withCalibration,
                        QWidget* parent = nullptr);

  QString datasetName() const;
  QString runName() const;
  /// The calibration split's run: "<run> (calibration)".
  static QString calibrationRunName(const QString& runName);

 private:
  void validate();

  QLineEdit* dataset_ = nullptr;
  QLineEdit* run_ = nullptr;
  QLabel* note_ = nullptr;
  bool withCalibration_ = false;
  QPushButton* ok_ = nullptr;
};

}  // namespace unveil::ui
