#include "report/report.h"

#include <algorithm>
#include <cctype>

#include "analysis/compare.h"
#include "calib/bootstrap.h"
#include "calib/risk_coverage.h"
#include "report/report_sections.h"
#include "report/svg_plots.h"
#include "util/atomic_file.h"

namespace unveil::report {
namespace {

std::string run_label(const store::RunInfo& run) {
  return "run " + std::to_string(run.id) + ": " + run.spec.name;
}

// A partial run (interrupted, cancelled, failed) says so before any number of it is read.
Paragraph partial_warning(const store::RunInfo& run) {
  Paragraph p;
  p.spans = {
      {"Partial run. ", Tone::kStrong},
      {"Run " + std::to_string(run.id) + " is " + store::to_string(run.status) + ": it holds " +
       std::to_string(run.predictions) + " of its " + std::to_string(run.spec.expected) +
       " items, and every number in this report is of those only."}};
  return p;
}

calib::BootstrapResult intervals(const calib::Outcomes& o, const ReportOptions& options) {
  calib::BootstrapOptions b;
  b.replicates = options.replicates;
  b.seed = options.seed;
  b.metrics = options.recipe.metrics;
  return calib::bootstrap(o, b);
}

std::string dataset_root(store::Store& store, std::int64_t dataset_id) {
  auto all = store.datasets();
  if (!all) return {};
  for (const auto& d : *all)
    if (d.id == dataset_id) return d.root;
  return {};
}

Result<std::vector<Block>> failures(store::Store& store, const store::RunInfo& run,
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

// The recipe in words: which confidence, and what became of unanswered items.
std::string recipe_words(const ReportOptions& options) {
  const calib::Scoring& s = options.recipe.scoring;
  return std::string(options.recipe.name == "study" ? "The study's recipe (docs/METRICS.md): c"
                                                    : "C") +
         "onfidence: " +
         (s.confidence == calib::ConfidenceKind::kVocab
              ? "the answer letter's probability over the whole vocabulary"
              : "the answer's probability among the options") +
         "; items without an option letter: " +
         (s.unanswered == calib::UnansweredPolicy::kDrop ? "left out" : "counted wrong") + ".";
}

Paragraph intervals_note(const ReportOptions& options, bool with_recipe = true) {
  return paragraph("Brackets: 95% percentile bootstrap interval from " +
                       std::to_string(options.replicates) + " resamples of the items (seed " +
                       std::to_string(options.seed) +
                       "). Reliability bins: " + std::to_string(options.recipe.metrics.bins) +
                       ", " + calib::to_string(options.recipe.metrics.binning) + "." +
                       (with_recipe ? " " + recipe_words(options) : std::string()),
                   Paragraph::Kind::kNote);
}

std::vector<Block> joined(std::vector<Block> a, std::vector<Block> b) {
  for (auto& x : b)
    a.push_back(std::move(x));
  return a;
}

}  // namespace

Result<Document> run_report(store::Store& store, std::int64_t run_id,
                            const ReportOptions& options) {
  auto run = store.run(run_id);
  if (!run) return run.error();
  auto set = store.prediction_set(run_id);
  if (!set) return set.error();
  if (set->empty())
    return Error{store.file() + ": run " + std::to_string(run_id) + " has no predictions"};

  auto scored = calib::compute_outcomes(*set, 1.0, options.recipe.scoring);
  if (!scored) {
    return Error{store.file() + ": run " + std::to_string(run_id) + ": " + scored.error().message};
  }
  const calib::Outcomes& o = *scored;
  const calib::Metrics m = calib::compute_metrics(o, options.recipe.metrics);
  const calib::BootstrapResult ci = intervals(o, options);
  auto temperature = temperature_section(store, *run, *set, m, options);
  if (!temperature) return temperature.error();
  auto cases = failures(store, *run, *set, o, options);
  if (!cases) return cases.error();

  Document doc;
  doc.title = "Calibration report: " + run->spec.name;
  doc.opening = {
      Heading{1, doc.title},
      paragraph(
          run_label(*run) + " \u00b7 " +
              (run->model_name.empty() ? std::string("imported predictions") : run->model_name) +
              " on " + run->dataset_name + " \u00b7 " + std::to_string(m.n) + " questions" +
              (store::is_partial(*run) ? " (partial: " + std::to_string(run->predictions) + " of " +
                                             std::to_string(run->spec.expected) + ")"
                                       : std::string()),
          Paragraph::Kind::kMeta)};
  if (store::is_partial(*run)) doc.opening.push_back(partial_warning(*run));
  Figures figures = diagrams(m, run->spec.name);
  figures.figures.push_back(
      {risk_coverage_picture(calib::risk_coverage(o, 256), "Risk vs coverage"),
       "Error rate if the model answered only its most confident questions "
       "and abstained on the rest."});
  doc.sections = {
      {"summary", "In plain words", {plain_summary(m)}},
      {"reliability", "How far its confidence can be trusted", {std::move(figures)}},
      {"metrics", "Metrics", {metrics_table({{run->spec.name, &m, &ci}}), intervals_note(options)}},
      {"temperature", "Temperature scaling", std::move(*temperature)},
      {"failures", "The most confident mistakes", std::move(*cases)},
      {"reproduce", "How this was made",
       joined(run_facts(store, *run),
              {reproduce_commands(
                  store, *run,
                  report_command(store.file(), "--run " + std::to_string(run_id), options))})}};
  return doc;
}

Result<Document> compare_report(store::Store& store, std::span<const std::int64_t> run_ids,
                                const ReportOptions& options) {
  // The runs are paired item by item (the paired bootstrap): they are scored as Unveil scores
  // them, with every item kept and the options' confidence.
  const calib::Scoring scoring = options.recipe.scoring;
  if (scoring.confidence != calib::Scoring{}.confidence ||
      scoring.unanswered != calib::Scoring{}.unanswered) {
    return Error{
        "a comparison pairs its runs item by item and scores them with the options' confidence "
        "and every item kept; the study's recipe, --confidence and --unanswered apply to the "
        "report of one run"};
  }
  analysis::CompareOptions co;
  co.metrics = options.recipe.metrics;
  co.replicates = options.replicates;
  co.seed = options.seed;
  auto c = analysis::compare_runs(store, run_ids, co);
  if (!c) return c.error();

  std::string ids;
  std::vector<Block> figures, facts;
  BulletList verdicts{"verdicts", {}};
  std::vector<MetricsColumn> columns;
  for (const auto& r : c->runs) {
    ids += (ids.empty() ? "" : ",") + std::to_string(r.info.id);
    figures.push_back(Heading{3, run_label(r.info)});
    figures.push_back(diagrams(r.metrics, r.info.spec.name));
    facts.push_back(Heading{3, run_label(r.info)});
    facts = joined(std::move(facts), run_facts(store, r.info));
    columns.push_back({run_label(r.info), &r.metrics, &r.ci});
  }
  for (const auto& d : c->differences)
    verdicts.items.push_back(d.verdict);
  facts.push_back(Listing{"commands", report_command(store.file(), "--compare " + ids, options)});

  Document doc;
  doc.title = "Calibration comparison of " + std::to_string(c->runs.size()) + " runs";
  doc.opening = {Heading{1, doc.title},
                 paragraph("Measured on the " + std::to_string(c->shared_items) +
                               " questions that every run answered.",
                           Paragraph::Kind::kMeta)};
  for (const auto& r : c->runs)
    if (store::is_partial(r.info)) doc.opening.push_back(partial_warning(r.info));
  doc.sections = {
      {"verdicts",
       "Are the differences real?",
       {paragraph("Each later run against the first, with a paired bootstrap of the difference "
                  "on the same questions."),
        std::move(verdicts)}},
      {"reliability", "Reliability, side by side", std::move(figures)},
      {"metrics", "Metrics", {metrics_table(columns), intervals_note(options, false)}},
      {"reproduce", "How this was made", std::move(facts)}};
  return doc;
}

std::optional<ReportFormat> report_format(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".pdf") return ReportFormat::kPdf;
  if (ext == ".html" || ext == ".htm") return ReportFormat::kHtml;
  return std::nullopt;
}

Status write_report(const std::filesystem::path& file, const Document& doc) {
  const auto format = report_format(file);
  if (!format)
    return Error{file.string() + ": a report is written as .html or .pdf; found \"" +
                 file.extension().string() + "\""};
  return write_file_atomically(file, *format == ReportFormat::kPdf ? to_pdf(doc) : to_html(doc),
                               "the report");
}

}  // namespace unveil::report
