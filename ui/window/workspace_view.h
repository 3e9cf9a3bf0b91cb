// The analysis page: a line naming the data and a sentence saying, in plain words, how the model's
// confidence compares with its accuracy, above the reliability diagram. It also owns the
// confidence histogram, the risk–coverage curve (as tabs, plotTabs()) and the metrics panel, which
// the window puts into docks, and turns the session's state into what each of them shows.
#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace unveil::ui {

class CalibrationSession;
class ConfidenceHistogram;
class RiskCoveragePlot;
class MetricsPanel;
class ReliabilityDiagram;

class WorkspaceView : public QWidget {
  Q_OBJECT

 public:
  explicit WorkspaceView(QWidget* parent = nullptr);

  /// Shows the session's current result (or clears the views when there is none).
  void showSession(const CalibrationSession& session);
  /// Redraws every plot now (before a screenshot).
  void replotNow();

  ReliabilityDiagram* reliabilityDiagram() const { return reliability_; }
  ConfidenceHistogram* confidenceHistogram() const { return histogram_; }
  RiskCoveragePlot* riskCoveragePlot() const { return riskCoverage_; }
  QTabWidget* plotTabs() const { return plotTabs_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  QString datasetText() const;
  /// The plain-words verdict above the diagram (calibration_verdict.h).
  QString verdictText() const;
  /// The "synthetic example" note is shown.
  bool showsSyntheticNote() const;

 private:
  QLabel* dataset_ = nullptr;
  QLabel* syntheticNote_ = nullptr;
  QLabel* verdict_ = nullptr;
  ReliabilityDiagram* reliability_ = nullptr;
  ConfidenceHistogram* histogram_ = nullptr;
  RiskCoveragePlot* riskCoverage_ = nullptr;
  QTabWidget* plotTabs_ = nullptr;
  MetricsPanel* metrics_ = nullptr;
};

}  // namespace unveil::ui
