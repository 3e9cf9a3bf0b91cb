#include "report/html_report.h"

#include <algorithm>
#include <fstream>

#include "analysis/compare.h"
#include "calib/bootstrap.h"
#include "calib/risk_coverage.h"
#include "report/html_text.h"
#include "report/report_sections.h"
#include "report/svg_plots.h"

namespace unveil::report {
namespace {

std::string run_label(const store::RunInfo& run) {
  return "run " + std::to_string(run.id) + ": " + run.spec.name;
}

calib::BootstrapResult intervals(const calib::Outcomes& o, const ReportOptions& options) {
  calib::BootstrapOptions b;
  b.replicates = options.replicates;
  b.seed = options.seed;
  b.metrics = options.metrics;
  return calib::bootstrap(o, b);
}

std::string dataset_root(store::Store& store, std::int64_t dataset_id) {
  auto all = store.datasets();
  if (!all) return {};
  for (const auto& d : *all)
    if (d.id == dataset_id) return d.root;
  return {};
}

Result<std::string> failures(store::Store& store, const store::RunInfo& run,
                             const calib::PredictionSet& set, const calib::Outcomes& o,
                             const ReportOptions& options) {
  const auto worst = worst_failures(o, options.worst_cases);
  auto items = store.items(run.spec.dataset_id, run.spec.split, /*load_images=*/true);
  if (!items) return items.error();
  const auto cases = failure_cases(set, o, worst, *items, dataset_root(store, run.spec.dataset_id),
                                   options.thumbnail_side);
  const auto wrong = static_cast<std::size_t>(std::count(o.correct.begin(), o.correct.end(), 0));
  return failures_section(cases, wrong);
}

std::string intervals_note(const ReportOptions& options) {
  return "<p class=\"note\">Brackets: 95% percentile bootstrap interval from " +
         std::to_string(options.replicates) + " resamples of the items (seed " +
         std::to_string(options.seed) +
         "). Reliability bins: " + std::to_string(options.metrics.bins) + ", " +
         calib::to_string(options.metrics.binning) + ".</p>\n";
}

}  // namespace

Result<std::string> run_report(store::Store& store, std::int64_t run_id,
                               const ReportOptions& options) {
  auto run = store.run(run_id);
  if (!run) return run.error();
  auto set = store.prediction_set(run_id);
  if (!set) return set.error();
  if (set->empty())
    return Error{store.file() + ": run " + std::to_string(run_id) + " has no predictions"};

  const calib::Outcomes o = calib::compute_outcomes(*set);
  const calib::Metrics m = calib::compute_metrics(o, options.metrics);
  const calib::BootstrapResult ci = intervals(o, options);
  auto temperature = temperature_section(store, *run, *set, m, options);
  if (!temperature) return temperature.error();
  auto cases = failures(store, *run, *set, o, options);
  if (!cases) return cases.error();

  const std::string title = "Calibration report: " + run->spec.name;
  const auto curve = calib::risk_coverage(o, 256);
  std::string body =
      "<h1>" + escape_html(title) + "</h1>\n<p class=\"meta\">" +
      escape_html(
          run_label(*run) + " \u00b7 " +
          (run->model_name.empty() ? std::string("imported predictions") : run->model_name) +
          " on " + run->dataset_name + " \u00b7 " + std::to_string(m.n) + " questions") +
      "</p>\n";
  body += section("summary", "In plain words", plain_summary(m));
  body += section("reliability", "How far its confidence can be trusted",
                  diagrams(m, run->spec.name) + "<div class=\"figures\"><figure>" +
                      risk_coverage_svg(curve, "Risk vs coverage") +
                      "<figcaption>Error rate if the model answered only its most confident "
                      "questions and abstained on the rest.</figcaption></figure></div>\n");
  body += section("metrics", "Metrics",
                  metrics_table({{run->spec.name, &m, &ci}}) + intervals_note(options));
  body += section("temperature", "Temperature scaling", *temperature);
  body += section("failures", "The most confident mistakes", *cases);
  body +=
      section("reproduce", "How this was made",
              run_facts(store, *run) +
                  reproduce_commands(
                      store, *run,
                      report_command(store.file(), "--run " + std::to_string(run_id), options)));
  return page(title, body);
}

Result<std::string> compare_report(store::Store& store, std::span<const std::int64_t> run_ids,
                                   const ReportOptions& options) {
  analysis::CompareOptions co;
  co.metrics = options.metrics;
  co.replicates = options.replicates;
  co.seed = options.seed;
  auto c = analysis::compare_runs(store, run_ids, co);
  if (!c) return c.error();

  std::string ids, figures, facts, verdicts;
  std::vector<MetricsColumn> columns;
  for (const auto& r : c->runs) {
    ids += (ids.empty() ? "" : ",") + std::to_string(r.info.id);
    figures +=
        "<h3>" + escape_html(run_label(r.info)) + "</h3>\n" + diagrams(r.metrics, r.info.spec.name);
    facts += "<h3>" + escape_html(run_label(r.info)) + "</h3>\n" + run_facts(store, r.info);
    columns.push_back({run_label(r.info), &r.metrics, &r.ci});
  }
  for (const auto& d : c->differences)
    verdicts += "<li>" + escape_html(d.verdict) + "</li>\n";

  const std::string title = "Calibration comparison of " + std::to_string(c->runs.size()) + " runs";
  std::string body = "<h1>" + escape_html(title) + "</h1>\n<p class=\"meta\">" +
                     escape_html("Measured on the " + std::to_string(c->shared_items) +
                                 " questions that every run answered.") +
                     "</p>\n";
  body += section("verdicts", "Are the differences real?",
                  "<p>Each later run against the first, with a paired bootstrap of the difference "
                  "on the same questions.</p><ul class=\"verdicts\">" +
                      verdicts + "</ul>\n");
  body += section("reliability", "Reliability, side by side", figures);
  body += section("metrics", "Metrics", metrics_table(columns) + intervals_note(options));
  body += section("reproduce", "How this was made",
                  facts + "<pre class=\"commands\">" +
                      escape_html(report_command(store.file(), "--compare " + ids, options)) +
                      "</pre>\n");
  return page(title, body);
}

Status write_report(const std::filesystem::path& file, const std::string& html) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return Error{file.string() + ": cannot write the report (cannot open the file)"};
  out << html;
  out.close();
  if (!out) return Error{file.string() + ": cannot write the report (write failed)"};
  return ok_status();
}

}  // namespace unveil::report
