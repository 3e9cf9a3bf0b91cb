// A batch run from the window: a model over a dataset split of the open project, streamed into
// the project by core's run_eval on a worker thread, with progress, ETA, cancel and resume. The
// predictions stored so far are handed to the window a few times a second (at most every
// kLiveIntervalMs), so that the diagrams grow while the run goes on; the UI thread only copies
// what arrived since the last hand-over.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "calib/prediction_set.h"
#include "session/prediction_loading.h"

namespace unveil::ui {

struct BatchRunRequest {
  QString project;  ///< the project file
  QString card;     ///< the model card
  QString dataset, split;
  QString condition = QStringLiteral("image");
  QString prompt;                           ///< "" : the card's template
  QString device = QStringLiteral("auto");  ///< auto, cpu or cuda
  int batch = 32;
  std::optional<qint64> resumeRun;
  QString runName;  ///< "" : core's "<model> · <dataset>/<split> · <condition>"
};

struct BatchRunProgress {
  qint64 runId = 0;
  std::size_t done = 0, total = 0;
  double itemsPerSecond = 0, etaSeconds = 0;
  /// An endpoint model's requests: in flight now, sent again after an error, ended in an error.
  std::uint64_t inFlight = 0, retries = 0, errors = 0;
  bool endpoint = false;  ///< the counters mean something (the model is served elsewhere)
};

struct BatchRunOutcome {
  qint64 runId = 0;
  bool cancelled = false;
  QString error;  ///< "" on success (a cancelled run is a success)
  std::size_t predicted = 0, skipped = 0;
  QString device;
  double seconds = 0;
  QStringList problems;
};

class BatchRun : public QObject {
  Q_OBJECT

 public:
  static constexpr int kLiveIntervalMs = 200;

  explicit BatchRun(QObject* parent = nullptr);
  /// Cancels a run still going and waits for it (the store stays consistent: it resumes later).
  ~BatchRun() override;

  /// Starts a run; false (and nothing happens) when one is already going.
  bool start(const BatchRunRequest& request);
  /// Asks the run to stop after the batch in hand; finished() follows with cancelled = true.
  void cancel();
  bool isRunning() const { return running_; }
  const BatchRunRequest& request() const { return request_; }
  const BatchRunProgress& progress() const { return progress_; }
  /// Everything handed over so far (for a resumed run, its earlier predictions too).
  std::shared_ptr<const calib::PredictionSet> predictions() const { return live_; }
  /// How many times predictionsChanged() was emitted for the current run.
  int liveUpdates() const { return liveUpdates_; }

 signals:
  void started();
  void progressed(const unveil::ui::BatchRunProgress& progress);
  /// More predictions are stored; `predictions` holds all of the run's so far.
  void predictionsChanged(const unveil::ui::LoadedPredictions& predictions);
  void finished(const unveil::ui::BatchRunOutcome& outcome);

 private:
  void takeArrived();
  QString displayName() const;

  BatchRunRequest request_;
  BatchRunProgress progress_;
  bool running_ = false;
  int liveUpdates_ = 0;
  std::shared_ptr<const calib::PredictionSet> live_;
  QTimer liveTimer_;
  QFuture<void> future_;

  // Shared with the worker: predictions not yet handed over, and the stop flag.
  struct Shared {
    std::mutex mutex;
    calib::PredictionSet arrived;
    std::atomic<bool> cancel{false};
  };
  std::shared_ptr<Shared> shared_;
};

}  // namespace unveil::ui

Q_DECLARE_METATYPE(unveil::ui::BatchRunProgress)
Q_DECLARE_METATYPE(unveil::ui::BatchRunOutcome)
