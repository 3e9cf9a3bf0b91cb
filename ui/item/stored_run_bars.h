// The stored answers of runs to the item in view: the option probabilities of the run shown in the
// diagrams and, for comparison, of a second run of the project chosen here (a model before and
// after fine-tuning, with and without the image...), each with both confidences and the entropy.
#pragma once

#include <QWidget>
#include <memory>

#include "data/item.h"

class QComboBox;
class QLabel;

namespace unveil::ui {

class ProbabilityBars;
struct RunOverlay;

class StoredRunBars : public QWidget {
  Q_OBJECT

 public:
  explicit StoredRunBars(QWidget* parent = nullptr);

  /// The run shown in the diagrams, laid over the browsed dataset (null: none).
  void setShownRun(std::shared_ptr<const RunOverlay> run);
  /// The runs that can be compared: (run id, name), in the order to list them.
  void setChoices(const std::vector<std::pair<qint64, QString>>& runs);
  /// The second run's overlay, once read (null: none chosen).
  void setComparison(qint64 runId, std::shared_ptr<const RunOverlay> run);
  /// Follows the browser's item.
  void setItem(std::shared_ptr<const data::Dataset> dataset, int index);
  /// Chooses the comparison run by id (as the combo box does); -1 for none.
  void chooseComparison(qint64 runId);

  ProbabilityBars* shownBars() const { return shownBars_; }
  ProbabilityBars* comparisonBars() const { return secondBars_; }
  QString shownSummary() const;
  QString comparisonSummary() const;
  qint64 comparisonRun() const { return secondId_; }

 signals:
  /// The user chose a run to compare with (-1: none); the window reads it and calls
  /// setComparison.
  void comparisonRequested(qint64 runId);

 private:
  void refresh();
  void fill(const RunOverlay* run, ProbabilityBars* bars, QLabel* summary);

  std::shared_ptr<const data::Dataset> dataset_;
  int index_ = -1;
  std::shared_ptr<const RunOverlay> shown_, second_;
  qint64 secondId_ = -1;
  QLabel* shownTitle_ = nullptr;
  QLabel* shownSummary_ = nullptr;
  ProbabilityBars* shownBars_ = nullptr;
  QComboBox* choice_ = nullptr;
  QLabel* secondSummary_ = nullptr;
  ProbabilityBars* secondBars_ = nullptr;
};

}  // namespace unveil::ui
