// Writes the report of a stored run, or of a comparison of runs, in the background (core's
// report::run_report / compare_report, report::write_report): self-contained HTML, or PDF when
// the file ends in .pdf. The window asks for the file, this does the rest.
#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "calib/metrics.h"

namespace unveil::ui {

class AnalysisJob;

class ReportWriter : public QObject {
  Q_OBJECT

 public:
  explicit ReportWriter(QObject* parent = nullptr);

  /// One run (one id) or a comparison (two to four); false while another report is being written.
  bool write(const QString& project, const std::vector<qint64>& runIds, const QString& file,
             const calib::MetricsOptions& options);
  bool isRunning() const;

 signals:
  /// `error` is empty on success.
  void finished(const QString& file, const QString& error);

 private:
  AnalysisJob* job_ = nullptr;
};

}  // namespace unveil::ui
