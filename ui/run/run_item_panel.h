// "Run now" in the item view: a model, a prompt and (from the item view) a condition; Run
// (Ctrl+R) sends the item through the model off the UI thread and shows the option
// probabilities as bars with the answer and both confidences.
#pragma once

#include <QWidget>
#include <memory>
#include <optional>

#include "data/item.h"
#include "run/item_run.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace unveil::ui {

class ModelLibrary;
class ProbabilityBars;
class PromptPicker;

class RunItemPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunItemPanel(ModelLibrary* library, QWidget* parent = nullptr);
  ~RunItemPanel() override;

  void setItem(std::shared_ptr<const data::Dataset> dataset, int index);
  /// core's perturbation spec the run uses ("image", "noise:0.2", ...).
  void setCondition(const QString& condition);
  const QString& condition() const { return condition_; }

  /// The chosen model card ("" when none) and prompt template ("" : the card's own).
  QString modelCard() const;
  void setModelCard(const QString& cardPath);
  QString promptTemplate() const;
  void setPromptTemplate(const QString& text);

  /// Runs the current item (loading the model first when needed); finished() follows.
  void run();
  bool isRunning() const { return running_; }
  /// The last result shown (nullopt: none, or it no longer matches the choices).
  const std::optional<ItemRunResult>& result() const { return result_; }
  ProbabilityBars* bars() const { return bars_; }
  QString vocabularyConfidenceText() const;
  QString optionConfidenceText() const;
  QString entropyText() const;
  /// The temperature the bars are drawn at (1: the model's own probabilities).
  void setTemperature(double t);
  QString statusText() const;
  QPushButton* runButton() const { return runButton_; }

 signals:
  void finished();
  /// "Open model…" was pressed.
  void openModelRequested();

 private:
  void refreshModels();
  void invalidate();
  void start();
  void show(const ItemRunResult& r);
  void setStatus(const QString& text, bool error = false);

  ModelLibrary* library_ = nullptr;
  std::shared_ptr<const data::Dataset> dataset_;
  int index_ = -1;
  QString condition_ = QStringLiteral("image");
  quint64 generation_ = 0;
  bool running_ = false, waitingForModel_ = false;
  std::optional<ItemRunResult> result_;

  QComboBox* model_ = nullptr;
  PromptPicker* prompt_ = nullptr;
  QPushButton* runButton_ = nullptr;
  QLabel* status_ = nullptr;
  ProbabilityBars* bars_ = nullptr;
  QLabel* confVocab_ = nullptr;
  QLabel* confOptions_ = nullptr;
  QLabel* entropy_ = nullptr;
  QDoubleSpinBox* temperature_ = nullptr;
};

}  // namespace unveil::ui
