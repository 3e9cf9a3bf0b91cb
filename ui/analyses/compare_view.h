// Comparing scenarios: two to four runs of the project on the same items — a model
// before and after visual fine-tuning, a base model and the multimodal model built on it — as
// small multiples of their reliability diagrams, overlaid curves, metrics side by side with
// bootstrap intervals, and for each later run the paired-bootstrap difference of every metric to
// the first with a plain verdict. Core's analysis::compare_runs does the work, off the UI thread.
#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "analysis/compare.h"

class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTableWidget;

namespace unveil::ui {

class AnalysisJob;
class OverlaidReliability;
class ProjectSession;
class ReliabilityDiagram;

class CompareView : public QWidget {
  Q_OBJECT

 public:
  explicit CompareView(ProjectSession* project, QWidget* parent = nullptr);

  /// Ticks exactly these runs (in this order; the first is the reference).
  void chooseRuns(const std::vector<qint64>& runIds);
  std::vector<qint64> chosenRuns() const;
  void setReplicates(int replicates);
  void setMetricsOptions(const calib::MetricsOptions& options);
  /// Starts the comparison of the chosen runs; false (with the reason shown) when it cannot.
  bool compare();
  void cancel();
  bool isRunning() const;

  const std::optional<analysis::Comparison>& comparison() const { return comparison_; }
  QTableWidget* metricsTable() const { return table_; }
  QString verdictText() const;
  /// The plain-words summary above the pictures (HTML).
  QString summaryText() const;
  QString statusText() const;
  OverlaidReliability* overlaid() const { return overlaid_; }
  const std::vector<ReliabilityDiagram*>& smallMultiples() const { return multiples_; }

 signals:
  /// The user asked for the comparison's report (the window asks for the file).
  void reportRequested(const std::vector<qint64>& runIds);
  void finished();

 private:
  void fillRuns();
  void showComparison(const analysis::Comparison& c);
  void updateButtons();

  ProjectSession* project_ = nullptr;
  AnalysisJob* job_ = nullptr;
  calib::MetricsOptions options_;
  std::vector<qint64> order_;  ///< ticked runs in the order they were ticked
  std::optional<analysis::Comparison> comparison_;

  QListWidget* runs_ = nullptr;
  QSpinBox* replicates_ = nullptr;
  QPushButton* compare_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* report_ = nullptr;
  QProgressBar* busy_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* hint_ = nullptr;  ///< what the page will show, until it shows it
  QWidget* results_ = nullptr;
  QScrollArea* resultsArea_ = nullptr;  ///< results_ in a scroll area, hidden until a comparison
  QGridLayout* grid_ = nullptr;
  std::vector<ReliabilityDiagram*> multiples_;
  OverlaidReliability* overlaid_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* summary_ = nullptr;
  QLabel* verdicts_ = nullptr;
};

}  // namespace unveil::ui
