#include "analyses/report_writer.h"

#include "analyses/analysis_job.h"
#include "app/core_messages.h"
#include "report/report.h"
#include "store/store.h"

namespace unveil::ui {

ReportWriter::ReportWriter(QObject* parent) : QObject(parent) {
  job_ = new AnalysisJob(this);
}

bool ReportWriter::isRunning() const {
  return job_->isRunning();
}

bool ReportWriter::write(const QString& project, const std::vector<qint64>& runIds,
                         const QString& file, const calib::MetricsOptions& options) {
  if (runIds.empty()) return false;
  return job_->start(
      [this, project = project.toStdString(),
       ids = std::vector<std::int64_t>(runIds.begin(), runIds.end()), file,
       options](const std::atomic<bool>&, const AnalysisJob::Post&) -> std::function<void()> {
        // Said in the window's language on the window's thread (app/core_messages.h).
        const auto fail = [this, file](const Error& error) {
          return [this, file, error] { emit finished(file, coreText(error)); };
        };
        auto st = store::Store::open(project, store::OpenMode::kReadOnly);
        if (!st) return fail(st.error());
        report::ReportOptions o;
        // The window's bins and binning; a run's report also takes the confidence shown (a
        // comparison pairs its runs with the options' confidence, report/report.h).
        o.recipe = calib::unveil_recipe(options);
        if (ids.size() == 1) o.recipe.scoring.confidence = options.confidence;
        o.out = file.toStdString();
        auto doc = ids.size() == 1 ? report::run_report(*st, ids.front(), o)
                                   : report::compare_report(*st, ids, o);
        if (!doc) return fail(doc.error());
        if (auto s = report::write_report(file.toStdString(), *doc); !s) return fail(s.error());
        return [this, file] { emit finished(file, QString()); };
      });
}

}  // namespace unveil::ui
