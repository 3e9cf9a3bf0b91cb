// A long analysis from the window (a comparison, a modality study, an IDK study, a prompt search)
// on a worker thread: core's function runs there with the job's cancel flag; it posts its
// progress, and at the end its result, to the UI thread. Nothing blocks the window; cancel stops
// the core function at its next check; closing the window cancels and waits.
#pragma once

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace unveil::ui {

/// For the progress callbacks of core's analyses, which may come for every batch: true the first
/// time and then at most once per interval.
class Throttle {
 public:
  explicit Throttle(std::chrono::milliseconds interval) : interval_(interval) {}
  bool operator()() {
    const auto now = std::chrono::steady_clock::now();
    if (started_ && now - last_ < interval_) return false;
    started_ = true;
    last_ = now;
    return true;
  }

 private:
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point last_;
  bool started_ = false;
};

class AnalysisJob : public QObject {
  Q_OBJECT

 public:
  /// Runs `fn` on the UI thread (queued), unless the job is gone by then.
  using Post = std::function<void(std::function<void()> fn)>;
  /// The work: runs on a worker thread; returns what to do on the UI thread when it is done.
  using Work =
      std::function<std::function<void()>(const std::atomic<bool>& cancel, const Post& post)>;

  explicit AnalysisJob(QObject* parent = nullptr);
  ~AnalysisJob() override;

  /// Starts `work`; false (and nothing happens) while another is running.
  bool start(Work work);
  void cancel();
  bool isRunning() const { return running_; }
  bool isCancelling() const { return running_ && cancel_ && cancel_->load(); }

 signals:
  void started();
  /// After the work's own completion function ran.
  void finished();

 private:
  std::shared_ptr<std::atomic<bool>> cancel_;
  QFuture<void> future_;
  bool running_ = false;
};

}  // namespace unveil::ui
