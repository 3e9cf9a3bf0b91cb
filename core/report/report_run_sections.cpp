// The sections of the reports that describe a run: how it was made and how to make it again, its
// stored temperature, and its worst failure cases.
#include <nlohmann/json.hpp>

#include "calib/temperature.h"
#include "report/html_text.h"
#include "report/report_sections.h"
#include "store/temperature_params.h"

namespace unveil::report {
namespace {

std::vector<Cell> row(const std::string& name, const std::string& value) {
  return {{name, true}, {value}};
}

std::string model_path(store::Store& store, const store::RunInfo& run) {
  if (!run.spec.model_id) return {};
  auto models = store.models();
  if (!models) return {};
  for (const auto& m : *models)
    if (m.id == *run.spec.model_id) return m.path;
  return {};
}

std::string pretty_settings(const std::string& settings) {
  const auto j = nlohmann::json::parse(settings, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? settings : j.dump(2);
}

std::string eval_command(store::Store& store, const store::RunInfo& run) {
  const store::RunSpec& s = run.spec;
  std::string c = "unveil-cli eval --db " + shell_quote(store.file()) + " --model " +
                  shell_quote(model_path(store, run)) + " --dataset " +
                  shell_quote(run.dataset_name);
  if (!s.split.empty()) c += " --split " + shell_quote(s.split);
  c += " --condition " + shell_quote(s.condition);
  if (!s.prompt.empty()) c += " --prompt " + shell_quote(s.prompt);
  if (!s.device.empty()) c += " --device " + shell_quote(s.device);
  const auto j = nlohmann::json::parse(s.settings, nullptr, false);
  if (j.is_object() && j.contains("batch") && j["batch"].is_number_integer())
    c += " --batch " + std::to_string(j["batch"].get<long long>());
  return c;
}

// The temperature stored for a run: refitted on its fit run when there is one (so the report
// shows the fit's own numbers), else read from the stored parameters.
Result<std::optional<double>> stored_temperature(store::Store& store, const store::RunInfo& run,
                                                 const calib::Recipe& recipe,
                                                 std::optional<calib::TemperatureFit>& fit,
                                                 std::string& source) {
  auto cals = store.calibrations(run.id);
  if (!cals) return cals.error();
  const store::CalibrationInfo* last = nullptr;
  for (const auto& c : *cals)
    if (c.method == store::kTemperatureMethod) last = &c;
  if (!last) return std::optional<double>();
  if (last->fit_run_id) {
    auto fit_set = store.prediction_set(*last->fit_run_id);
    if (!fit_set) return fit_set.error();
    auto f = calib::fit_recipe_temperature(*fit_set, recipe);
    if (!f) {
      return Error{store.file() + ": run " + std::to_string(*last->fit_run_id) + ": " +
                   f.error().message};
    }
    fit = *f;
    source = "fitted on run " + std::to_string(*last->fit_run_id) +
             (last->fit_split.empty() ? "" : " (split \"" + last->fit_split + "\")") +
             (recipe.temperature == calib::TemperatureMethod::kStudyGrid
                  ? " by the study's grid (0.01 to 9.99, the full-vocabulary NLL)"
                  : "");
    return std::optional<double>(f->temperature);
  }
  const auto params = store::temperature_params(*last);
  if (!params) return Error{store.file() + ": " + params.error().message};
  source = "as stored (calibration " + std::to_string(last->id) + ")";
  return std::optional<double>(params->temperature);
}

Table before_after_table(const calib::Metrics& before, const calib::Metrics& after) {
  const auto r = [](const std::string& name, double b, double a) {
    return std::vector<Cell>{
        {name, true}, {format_number(b), false, true}, {format_number(a), false, true}};
  };
  return {"",
          {{{"", true}, {"Before", true}, {"After", true}},
           r("ECE", before.ece, after.ece),
           r("NLL", before.nll, after.nll),
           r("Accuracy", before.accuracy, after.accuracy)}};
}

std::vector<Span> option_lines(const FailureCase& c) {
  std::vector<Span> lines;
  for (std::size_t k = 0; k < c.options.size(); ++k) {
    const bool chosen = int(k) == c.predicted, gold = int(k) == c.label;
    std::string text = std::string(1, c.options[k].letter) + ". " + c.options[k].text + " (" +
                       format_percent(k < c.probabilities.size() ? c.probabilities[k] : 0) + ")";
    if (chosen) text += " \u2190 model's answer";
    if (gold) text += " \u2714 right answer";
    lines.push_back({text, chosen ? Tone::kChosen : gold ? Tone::kGold : Tone::kNormal});
  }
  return lines;
}

CaseCard case_card(const FailureCase& c) {
  CaseCard card;
  card.id = c.id;
  card.confidence = c.confidence;
  card.title = "Item " + c.id + " \u2014 " + format_percent(c.confidence) + " sure, and wrong";
  card.question = c.question;
  if (!c.image_problem.empty()) card.note = "Image not shown: " + c.image_problem;
  card.jpeg = c.thumbnail_jpeg;
  card.jpeg_width = c.thumbnail_width;
  card.jpeg_height = c.thumbnail_height;
  card.options = option_lines(c);
  return card;
}

}  // namespace

std::vector<Block> run_facts(store::Store& store, const store::RunInfo& run) {
  const store::RunSpec& s = run.spec;
  const std::string model = model_path(store, run);
  Table facts{
      "facts",
      {row("Run", std::to_string(run.id) + ": " + s.name),
       row("Model", run.model_name.empty()
                        ? "(predictions imported from elsewhere)"
                        : run.model_name + (model.empty() ? "" : " (" + model + ")")),
       row("Dataset", run.dataset_name), row("Split", s.split.empty() ? "(all)" : s.split),
       row("Condition", s.condition), row("Prompt", s.prompt.empty() ? "(default)" : s.prompt),
       row("Device", s.device.empty() ? "(not recorded)" : s.device),
       row("Status", store::to_string(run.status)),
       row("Predictions", store::is_partial(run)
                              ? std::to_string(run.predictions) + " of " +
                                    std::to_string(run.spec.expected) + " (partial)"
                              : std::to_string(run.predictions)),
       row("Started", run.started_at), row("Finished", run.finished_at),
       row("Project file", store.file())}};
  return {std::move(facts), paragraph("Settings:"), Listing{"", pretty_settings(s.settings)}};
}

std::string report_command(const std::string& db, const std::string& selection,
                           const ReportOptions& options) {
  return "unveil-cli report --db " + shell_quote(db) + " " + selection + " --out " +
         shell_quote(options.out) +
         (options.recipe.name == "study"
              ? std::string(" --recipe study")
              : " --bins " + std::to_string(options.recipe.metrics.bins) +
                    (options.recipe.metrics.binning == calib::Binning::kEqualMass
                         ? " --binning mass"
                         : "") +
                    (options.recipe.scoring.confidence == calib::ConfidenceKind::kVocab
                         ? " --confidence vocab"
                         : "") +
                    (options.recipe.scoring.unanswered == calib::UnansweredPolicy::kDrop
                         ? " --unanswered drop"
                         : "")) +
         " --bootstrap " + std::to_string(options.replicates) + " --seed " +
         std::to_string(options.seed);
}

Listing reproduce_commands(store::Store& store, const store::RunInfo& run,
                           const std::string& report_cmd) {
  std::string lines;
  if (run.status == store::RunStatus::kImported) {
    lines =
        "# the predictions were made elsewhere and imported; to take them out again:\n"
        "unveil-cli export --db " +
        shell_quote(store.file()) + " --run " + std::to_string(run.id) + " --out run-" +
        std::to_string(run.id) + ".jsonl\n";
  } else {
    lines = "# the run (a run of the same settings in the same project is resumed or reused)\n" +
            eval_command(store, run) + "\n";
  }
  return {"commands", lines + "# this report\n" + report_cmd};
}

Result<std::vector<Block>> temperature_section(store::Store& store, const store::RunInfo& run,
                                               const calib::PredictionSet& set,
                                               const calib::Metrics& before,
                                               const ReportOptions& options) {
  std::optional<calib::TemperatureFit> fit;
  std::string source;
  auto t = stored_temperature(store, run, options.recipe, fit, source);
  if (!t) return t.error();
  if (!*t) {
    return std::vector<Block>{paragraph(
        "No temperature is stored for this run. Temperature scaling divides the model's scores "
        "by one number fitted on a separate calibration split, to make its confidence more "
        "honest without changing its answers.",
        Paragraph::Kind::kNote)};
  }
  const double temperature = **t;
  auto scaled = calib::compute_outcomes(set, temperature, options.recipe.scoring);
  if (!scaled) {
    // E.g. the vocabulary confidence of a run whose vocabulary was too large to keep: it is
    // known at T = 1 only.
    return std::vector<Block>{
        paragraph("Temperature T = " + format_number(temperature, "%.4f") + ", " + source +
                      ", cannot be applied here: " + scaled.error().message + ".",
                  Paragraph::Kind::kNote)};
  }
  const calib::Metrics after = calib::compute_metrics(*scaled, options.recipe.metrics);
  std::string s = "Temperature T = " + format_number(temperature, "%.4f") + ", " + source +
                  ". Dividing the scores by T keeps every answer and changes only how sure the "
                  "model says it is.";
  if (fit) s += " " + fit->note;
  return std::vector<Block>{paragraph(s), before_after_table(before, after),
                            diagrams(after, "after temperature scaling")};
}

std::vector<Block> failures_section(const std::vector<FailureCase>& cases,
                                    std::size_t wrong_total) {
  if (cases.empty()) return {paragraph("The model answered every question correctly.")};
  CaseList list;
  for (const auto& c : cases)
    list.cards.push_back(case_card(c));
  return {paragraph("The " + std::to_string(cases.size()) + " wrong answers (of " +
                    std::to_string(wrong_total) +
                    ") that the model was most sure about: the ones a user would most likely "
                    "have trusted."),
          std::move(list)};
}

}  // namespace unveil::report
