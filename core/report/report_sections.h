// The building blocks of the reports (report.h), one function per part of a section, each
// returning document blocks (report_doc.h) that both the HTML and the PDF writer render.
// Internal to core/report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "report/failure_cases.h"
#include "report/report.h"
#include "report/report_doc.h"
#include "store/store.h"

namespace unveil::report {

/// A few plain sentences on what the metrics mean for someone relying on the model.
Paragraph plain_summary(const calib::Metrics& m);

/// The reliability diagram and the confidence histogram of a table, side by side.
Figures diagrams(const calib::Metrics& m, const std::string& caption);

/// One column of the metrics table.
struct MetricsColumn {
  std::string header;
  const calib::Metrics* metrics = nullptr;
  const calib::BootstrapResult* ci = nullptr;
};

/// Every scalar metric (rows) of every column, "value [lo, hi]", with a line on what each means.
Table metrics_table(const std::vector<MetricsColumn>& columns);

/// The run's description (model, dataset, split, condition, prompt, device, status, settings).
std::vector<Block> run_facts(store::Store& store, const store::RunInfo& run);

/// The unveil-cli commands that make the run and this report again.
Listing reproduce_commands(store::Store& store, const store::RunInfo& run,
                           const std::string& report_command);

/// The report command itself, with the options that shape the numbers.
std::string report_command(const std::string& db, const std::string& selection,
                           const ReportOptions& options);

/// The stored temperature of a run and its effect on these predictions; a note when none.
Result<std::vector<Block>> temperature_section(store::Store& store, const store::RunInfo& run,
                                               const calib::PredictionSet& set,
                                               const calib::Metrics& before,
                                               const ReportOptions& options);

/// The worst failure cases as cards.
std::vector<Block> failures_section(const std::vector<FailureCase>& cases, std::size_t wrong_total);

}  // namespace unveil::report
