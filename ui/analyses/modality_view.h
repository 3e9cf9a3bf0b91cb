// Text versus image uncertainty: one model over one dataset split under several
// conditions (with the image, text only, a blank image, noise, blur...). Core's
// analysis::run_modality makes or reuses a stored run per condition, off the UI thread, with
// progress and cancel; the view shows accuracy, ECE, mean confidence and mean entropy per
// condition, the distributions of confidence and entropy, per item the confidence without the
// image against with it (click a point to open the item), and how adding the image moves the
// answer.
#pragma once

#include <QWidget>
#include <optional>

#include "analysis/modality.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace unveil::ui {

class AnalysisJob;
class ConditionList;
class ConfidenceScatter;
class DistributionPlot;
class ModelLibrary;
class ProjectSession;
class RunSetup;

class ModalityView : public QWidget {
  Q_OBJECT

 public:
  ModalityView(ProjectSession* project, ModelLibrary* models, QWidget* parent = nullptr);

  /// Ticks these conditions ("image,text,blank,noise:0.3,blur:2"), adding any not listed.
  void setConditions(const QString& conditions);
  /// The ticked conditions as core reads them, the reference ("image") first.
  QStringList conditions() const;
  ConditionList* conditionList() const { return conditions_; }
  /// Chooses the model card, dataset and split (false when one is not offered).
  bool choose(const QString& card, const QString& dataset, const QString& split);
  /// The model card chosen.
  QString card() const;
  /// Starts the analysis; false (with the reason shown) when it cannot.
  bool run();
  void cancel();
  bool isRunning() const;

  const std::optional<analysis::ModalityResult>& result() const { return result_; }
  QTableWidget* table() const { return table_; }
  ConfidenceScatter* scatter() const { return scatter_; }
  DistributionPlot* distribution() const { return distribution_; }
  QComboBox* scatterCondition() const { return scatterCondition_; }
  QString statusText() const;

 signals:
  /// A point of the scatter was clicked: open this item of `dataset`.
  void itemRequested(const QString& dataset, const QString& itemId);
  void finished();

 private:
  void showResult(const analysis::ModalityResult& r);
  void showDistribution();
  void showScatter();
  void updateButtons();

  ProjectSession* project_ = nullptr;
  ModelLibrary* models_ = nullptr;
  AnalysisJob* job_ = nullptr;
  std::optional<analysis::ModalityResult> result_;

  RunSetup* setup_ = nullptr;
  ConditionList* conditions_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QWidget* results_ = nullptr;
  QScrollArea* resultsArea_ = nullptr;  ///< results_ in a scroll area, hidden until a result
  QTableWidget* table_ = nullptr;
  QComboBox* distributionOf_ = nullptr;
  DistributionPlot* distribution_ = nullptr;
  QComboBox* scatterCondition_ = nullptr;
  ConfidenceScatter* scatter_ = nullptr;
};

}  // namespace unveil::ui
