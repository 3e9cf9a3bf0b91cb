// The building blocks of the HTML reports (html_report.h), one function per section. Internal to
// core/report; every function escapes the text it is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calib/bootstrap.h"
#include "calib/metrics.h"
#include "report/failure_cases.h"
#include "report/html_report.h"
#include "store/store.h"

namespace unveil::report {

/// The whole page around `body`, with the inline style sheet.
std::string page(const std::string& title, const std::string& body);

/// <section id=...><h2>heading</h2> body </section>
std::string section(const std::string& id, const std::string& heading, const std::string& body);

/// A few plain sentences on what the metrics mean for someone relying on the model.
std::string plain_summary(const calib::Metrics& m);

/// The reliability diagram and the confidence histogram of a table, side by side.
std::string diagrams(const calib::Metrics& m, const std::string& caption);

/// One column of the metrics table.
struct MetricsColumn {
  std::string header;
  const calib::Metrics* metrics = nullptr;
  const calib::BootstrapResult* ci = nullptr;
};

/// Every scalar metric (rows) of every column, "value [lo, hi]", with a line on what each means.
std::string metrics_table(const std::vector<MetricsColumn>& columns);

/// The run's description (model, dataset, split, condition, prompt, device, status, settings).
std::string run_facts(store::Store& store, const store::RunInfo& run);

/// The unveil-cli commands that make the run and this report again.
std::string reproduce_commands(store::Store& store, const store::RunInfo& run,
                               const std::string& report_command);

/// The report command itself, with the options that shape the numbers.
std::string report_command(const std::string& db, const std::string& selection,
                           const ReportOptions& options);

/// The stored temperature of a run and its effect on these predictions; a note when none.
Result<std::string> temperature_section(store::Store& store, const store::RunInfo& run,
                                        const calib::PredictionSet& set,
                                        const calib::Metrics& before, const ReportOptions& options);

/// The worst failure cases as cards.
std::string failures_section(const std::vector<FailureCase>& cases, std::size_t wrong_total);

}  // namespace unveil::report
