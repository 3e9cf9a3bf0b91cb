// The state behind the window — the opened test set, the calibration split, the fitted
// temperature and the metrics — and the background jobs that produce them. Reading, metrics and
// the temperature fit all run on worker threads; the UI only listens to the signals.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/risk_coverage.h"
#include "calib/temperature.h"
#include "session/prediction_loading.h"

namespace unveil::ui {

/// Everything the views show about the test set, computed in one background pass.
struct AnalysisResult {
  calib::MetricsOptions options;
  calib::Metrics before;
  std::optional<calib::Metrics> after;  ///< with the fitted temperature
  std::optional<double> temperature;
  calib::BinTable histogramBefore;  ///< equal-width, whatever the binning of the metrics
  std::optional<calib::BinTable> histogramAfter;
  /// At T = 1 (scaling never changes which items are most confident).
  std::vector<calib::RiskCoveragePoint> riskCoverage;
};

class CalibrationSession : public QObject {
  Q_OBJECT

 public:
  explicit CalibrationSession(QObject* parent = nullptr);
  ~CalibrationSession() override;

  /// Opens the set to analyse. A ":/examples/..." path reads the built-in example. After a
  /// project's run, the calibration split and temperature that came with the run are dropped.
  void openTest(const QString& path);
  /// Shows a set read elsewhere (a project's run). The calibration split and the temperature,
  /// which belonged to the previous set, are dropped.
  void showPredictions(const LoadedPredictions& predictions);
  /// The same, with the calibration split of a stored temperature: the temperature is fitted on
  /// it again (exact and deterministic, so the same T) and before/after shown.
  void showPredictions(const LoadedPredictions& predictions,
                       const std::optional<LoadedPredictions>& calibration);
  /// Opens the calibration split; with fitWhenLoaded, fits a temperature right after.
  void openCalibration(const QString& path, bool fitWhenLoaded);
  /// Opens the synthetic example (test and calibration split) and fits a temperature.
  void openExample();
  /// Fits a temperature on the calibration split (which must be loaded).
  void fitTemperature();
  /// Forgets the fitted temperature.
  void clearTemperature();
  void setOptions(const calib::MetricsOptions& options);

  const calib::MetricsOptions& options() const { return options_; }
  const std::optional<LoadedPredictions>& test() const { return test_; }
  const std::optional<LoadedPredictions>& calibration() const { return calibration_; }
  const std::optional<calib::TemperatureFit>& temperatureFit() const { return fit_; }
  const std::optional<AnalysisResult>& result() const { return result_; }
  /// The outcomes (confidence, answer, right or wrong) of the test set at T = 1, once computed;
  /// null while they are being computed.
  std::shared_ptr<const calib::Outcomes> outcomesBefore() const { return outcomesBefore_; }
  /// The same at the fitted temperature; null without one.
  std::shared_ptr<const calib::Outcomes> outcomesAfter() const { return outcomesAfter_; }
  /// Bootstrap intervals of the current result's metrics (before, and after scaling), computed
  /// in the background once the result has stood still for a moment; nullopt until then.
  const std::optional<calib::BootstrapResult>& intervalsBefore() const { return ciBefore_; }
  const std::optional<calib::BootstrapResult>& intervalsAfter() const { return ciAfter_; }
  static constexpr int kBootstrapReplicates = 200;
  static constexpr std::uint64_t kBootstrapSeed = 1;
  /// Resamples of the intervals (kBootstrapReplicates until set); a change recomputes them.
  void setBootstrapReplicates(int replicates);
  int bootstrapReplicates() const { return bootstrapReplicates_; }
  /// A job is running, or the bootstrap intervals are about to be computed.
  bool isBusy() const { return !activities_.isEmpty() || ciDelay_->isActive(); }
  /// The last error, until the next successful load.
  const QString& lastError() const { return lastError_; }

 signals:
  /// A job started or ended; `activity` says what is running ("" when nothing is).
  void activityChanged(const QString& activity);
  void testLoaded();
  void calibrationLoaded();
  void temperatureChanged();
  void resultChanged();
  /// intervalsBefore()/intervalsAfter() are ready for the current result.
  void intervalsChanged();
  void failed(const QString& message);
  /// All background work has finished.
  void idle();

 private:
  template <typename T>
  void runJob(const QString& activity, std::function<T()> work, std::function<void(T)> done);
  void finishJob(const QString& activity);
  void recompute();
  void computeIntervals();
  void fail(const QString& message);

  calib::MetricsOptions options_;
  std::optional<LoadedPredictions> test_;
  std::optional<LoadedPredictions> calibration_;
  std::optional<calib::TemperatureFit> fit_;
  std::optional<AnalysisResult> result_;
  QString lastError_;

  // Outcomes depend on the set and the temperature only; keep them so that changing the bins
  // only redoes the binning.
  std::shared_ptr<const calib::Outcomes> outcomesBefore_, outcomesAfter_;
  std::optional<double> outcomesAfterTemperature_;

  // A newer request makes an older job's result stale; each kind counts its requests.
  quint64 testGeneration_ = 0, calibrationGeneration_ = 0, fitGeneration_ = 0,
          computeGeneration_ = 0;
  QStringList activities_;

  std::optional<calib::BootstrapResult> ciBefore_, ciAfter_;
  int bootstrapReplicates_ = kBootstrapReplicates;
  quint64 ciGeneration_ = 0;
  std::shared_ptr<std::atomic<bool>> ciCancel_;
  QTimer* ciDelay_ = nullptr;
};

}  // namespace unveil::ui
