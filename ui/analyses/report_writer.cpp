#include "analyses/report_writer.h"

#include "analyses/analysis_job.h"
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
        const auto fail = [this, file](const std::string& message) {
          return [this, file, message] { emit finished(file, QString::fromStdString(message)); };
        };
        auto st = store::Store::open(project, store::OpenMode::kReadOnly);
        if (!st) return fail(st.error().message);
        report::ReportOptions o;
        // The window's bins and binning; a run's report also takes the confidence shown (a
        // comparison pairs its runs with the options' confidence, report/report.h).
        o.recipe = calib::unveil_recipe(options);
        if (ids.size() == 1) o.recipe.scoring.confidence = options.confidence;
        o.out = file.toStdString();
        auto doc = ids.size() == 1 ? report::run_report(*st, ids.front(), o)
                                   : report::compare_report(*st, ids, o);
        if (!doc) return fail(doc.error().message);
        if (auto s = report::write_report(file.toStdString(), *doc); !s)
          return fail(s.error().message);
        return [this, file] { emit finished(file, QString()); };
      });
}

}  // namespace unveil::ui
