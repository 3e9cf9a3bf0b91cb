// The run-then-show of the analyses that make (or reuse) runs and then show one result — text
// versus image, "I don't know": core's function on the job's worker thread, its progress
// (throttled) in a bar and a status line, and at the end, on the UI thread, the error, the note
// that a cancel keeps the runs made so far, or the result.
#pragma once

#include <QCoreApplication>
#include <QLabel>
#include <QProgressBar>
#include <QString>
#include <atomic>
#include <cmath>
#include <functional>
#include <utility>

#include "analyses/analysis_job.h"

namespace unveil::ui {

class RunsAnalysis {
  Q_DECLARE_TR_FUNCTIONS(RunsAnalysis)

 public:
  /// Starts `run(cancel, report)` — core's analysis, reporting progress of type P — on `job`.
  /// `describe(progress)` gives the bar's share (0–1) and the status line; `show(result)` takes a
  /// complete result. False (nothing started) while the job runs another analysis.
  template <class P, class Run, class Describe, class Show>
  static bool start(AnalysisJob* job, QProgressBar* bar, QLabel* status, Run run, Describe describe,
                    Show show) {
    if (job->isRunning()) return false;
    bar->setValue(0);
    bar->show();
    status->setText(tr("Starting…"));
    return job->start([=](const std::atomic<bool>& cancel,
                          const AnalysisJob::Post& post) -> std::function<void()> {
      Throttle due(std::chrono::milliseconds(100));
      const std::function<void(const P&)> report = [&](const P& p) {
        if (!due()) return;
        post([=] {
          const std::pair<double, QString> now = describe(p);
          bar->setValue(static_cast<int>(std::lround(1000 * now.first)));
          status->setText(now.second);
        });
      };
      auto result = run(cancel, report);
      return [=, result = std::move(result)] {
        if (!result) {
          status->setText(tr("Could not run the analysis: %1")
                              .arg(QString::fromStdString(result.error().message)));
        } else if (result->cancelled) {
          status->setText(tr("Cancelled. The runs made so far are kept; the next run resumes."));
        } else {
          show(*result);
        }
      };
    });
  }
};

}  // namespace unveil::ui
