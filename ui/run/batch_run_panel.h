// The batch-run panel ("New run" dock): choose a model, a dataset split of the open project, a
// condition, a prompt and a device; Start (Ctrl+B) runs the model over the split into the
// project while a progress bar shows items done, speed and time left; Cancel stops after the
// batch in hand and Resume continues a stopped run (the one chosen in the runs panel) where it
// stopped. The diagrams follow the run live (MainWindow forwards BatchRun's predictions).
#pragma once

#include <QWidget>
#include <optional>

#include "project/project_jobs.h"
#include "run/batch_run.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace unveil::ui {

class ConditionPicker;
class ModelLibrary;
class ProjectSession;
class PromptPicker;

class BatchRunPanel : public QWidget {
  Q_OBJECT

 public:
  BatchRunPanel(ModelLibrary* library, ProjectSession* project, BatchRun* run,
                QWidget* parent = nullptr);

  /// Choices (for tests and for the window's own presets).
  void setModelCard(const QString& cardPath);
  QString modelCard() const;
  bool setDataset(const QString& name, const QString& split);
  QString dataset() const;
  QString split() const;
  void setCondition(const QString& spec);
  QString condition() const;
  void setPrompt(const QString& text);
  void setBatchSize(int batch);
  int batchSize() const;
  /// "auto", "cpu" or "cuda".
  void setDevice(const QString& device);
  QString device() const;
  /// The run Resume continues (the runs panel's choice); nullopt: none.
  void setResumable(const std::optional<RunRow>& run);

  /// Starts a run with the current choices; false (with the reason shown) when it cannot start.
  bool start();
  /// Resumes the run set with setResumable().
  bool resume();
  void cancel();

  QString statusText() const;
  QString progressText() const;
  QProgressBar* progressBar() const { return progress_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* resumeButton() const { return resume_; }

 signals:
  void openModelRequested();

 private:
  void refreshModels();
  void refreshDatasets();
  void refreshSplits();
  void updateButtons();
  void showProgress(const BatchRunProgress& p);
  void showOutcome(const BatchRunOutcome& outcome);
  void setStatus(const QString& text, bool error = false);
  BatchRunRequest baseRequest() const;

  ModelLibrary* library_ = nullptr;
  ProjectSession* project_ = nullptr;
  BatchRun* run_ = nullptr;
  std::optional<RunRow> resumable_;
  bool hintShown_ = false;

  QComboBox* model_ = nullptr;
  QComboBox* dataset_ = nullptr;
  QComboBox* split_ = nullptr;
  ConditionPicker* condition_ = nullptr;
  PromptPicker* prompt_ = nullptr;
  QComboBox* device_ = nullptr;
  QSpinBox* batch_ = nullptr;
  QPushButton* start_ = nullptr;
  QPushButton* resume_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* progressLabel_ = nullptr;
  QLabel* status_ = nullptr;
};

}  // namespace unveil::ui
