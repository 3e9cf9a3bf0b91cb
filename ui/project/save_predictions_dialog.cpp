#include "project/save_predictions_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace unveil::ui {

SavePredictionsDialog::SavePredictionsDialog(const QString& datasetName, const QString& runName,
                                             bool withCalibration, QWidget* parent)
    : QDialog(parent), withCalibration_(withCalibration) {
  setWindowTitle(tr("Save predictions to project"));
  dataset_ = new QLineEdit(datasetName, this);
  dataset_->setToolTip(
      tr("The dataset the predictions belong to. An existing dataset of the "
         "project must hold every prediction id; a new name creates a dataset "
         "from the ids."));
  run_ = new QLineEdit(runName, this);
  run_->setToolTip(tr("A name for the run, e.g. the model and the prompt"));
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  note_->setObjectName(QStringLiteral("dialogNote"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  ok_ = buttons->button(QDialogButtonBox::Save);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(dataset_, &QLineEdit::textChanged, this, &SavePredictionsDialog::validate);
  connect(run_, &QLineEdit::textChanged, this, &SavePredictionsDialog::validate);

  auto* form = new QFormLayout;
  form->addRow(tr("&Dataset:"), dataset_);
  form->addRow(tr("&Run:"), run_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons);
  setMinimumWidth(460);
  validate();
}

QString SavePredictionsDialog::datasetName() const {
  return dataset_->text().trimmed();
}
QString SavePredictionsDialog::runName() const {
  return run_->text().trimmed();
}
QString SavePredictionsDialog::calibrationRunName(const QString& runName) {
  return tr("%1 (calibration)").arg(runName);
}

void SavePredictionsDialog::validate() {
  ok_->setEnabled(!datasetName().isEmpty() && !runName().isEmpty());
  note_->setText(withCalibration_
                     ? tr("The calibration split is saved too, as the run “%1”.")
                           .arg(calibrationRunName(runName().isEmpty() ? tr("run") : runName()))
                     : QString());
  note_->setVisible(withCalibration_);
}

}  // namespace unveil::ui
