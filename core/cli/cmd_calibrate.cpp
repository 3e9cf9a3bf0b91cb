#include <nlohmann/json.hpp>
#include <ostream>

#include "calib/accuracy_only.h"
#include "calib/recipe.h"
#include "calib/report_json.h"
#include "calib/temperature.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli calibrate --fit CAL.jsonl [--apply TEST.jsonl] [--method temperature] "
    "[--bins N] [--binning width|mass] [--recipe unveil|study] [--confidence options|vocab] "
    "[--unanswered wrong|drop] [--split S] [--skip-invalid] [--format json|text]";

struct BeforeAfter {
  calib::Metrics before, after;
};

Result<BeforeAfter> evaluate(const calib::PredictionSet& set, double t, const calib::Recipe& r) {
  auto before = calib::score(set, r, 1.0);
  if (!before) return before.error();
  auto after = calib::score(set, r, t);
  if (!after) return after.error();
  return BeforeAfter{std::move(before->metrics), std::move(after->metrics)};
}

nlohmann::ordered_json to_json(const std::string& file, const BeforeAfter& ba) {
  return {
      {"file", file}, {"before", calib::to_json(ba.before)}, {"after", calib::to_json(ba.after)}};
}

void print_text(std::ostream& out, const char* title, const std::string& file,
                const BeforeAfter& ba) {
  out << "\n" << title << ": " << file << "\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-18s %10zu   unanswered %zu (%s)\n", "n", ba.before.n,
                ba.before.n_unanswered, ba.before.unanswered_dropped ? "dropped" : "counted wrong");
  out << buf;
  std::snprintf(buf, sizeof buf, "  %-18s %10s %10s\n", "metric", "before", "after");
  out << buf;
  const auto b = calib::scalars(ba.before), a = calib::scalars(ba.after);
  for (std::size_t k = 0; k < b.size(); ++k) {
    auto f = [](const std::optional<double>& v) {
      char s[32];
      if (v) {
        std::snprintf(s, sizeof s, "%.4f", *v);
      } else {
        std::snprintf(s, sizeof s, "n/a");
      }
      return std::string(s);
    };
    std::snprintf(buf, sizeof buf, "  %-18s %10s %10s\n", b[k].first.c_str(),
                  f(b[k].second).c_str(), f(a[k].second).c_str());
    out << buf;
  }
}
}  // namespace

int cmd_calibrate(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--fit", "--apply", "--method", "--bins", "--binning", "--format",
                          "--split", "--recipe", "--confidence", "--unanswered"},
                         {"--skip-invalid"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  const auto fit_file = a.get("--fit");
  if (!fit_file) return usage_error(io, "calibrate needs --fit CAL.jsonl", kUsageText);
  if (const auto m = a.get("--method"); m && *m != "temperature") {
    return usage_error(io, "unknown --method \"" + *m + "\" (available: temperature)", kUsageText);
  }
  auto recipe = recipe_options(a);
  if (!recipe) return usage_error(io, recipe.error().message, kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);

  auto fit_set = load_predictions(*fit_file, a);
  if (!fit_set) return input_error(io, fit_set.error().message);
  std::optional<Loaded> apply_set;
  const auto apply_file = a.get("--apply");
  if (apply_file) {
    auto l = load_predictions(*apply_file, a);
    if (!l) return input_error(io, l.error().message);
    apply_set = std::move(*l);
  }

  for (const auto* l : {&*fit_set, apply_set ? &*apply_set : nullptr}) {
    if (l && l->set.answer_only() > 0) {
      return input_error(io, std::string(l == &*fit_set ? *fit_file : *apply_file) + ": " +
                                 calib::kAccuracyOnlyNote);
    }
  }
  auto fit = calib::fit_recipe_temperature(fit_set->set, *recipe);
  if (!fit) return input_error(io, *fit_file + ": " + fit.error().message);
  auto on_fit = evaluate(fit_set->set, fit->temperature, *recipe);
  if (!on_fit) return input_error(io, *fit_file + ": " + on_fit.error().message);
  std::optional<BeforeAfter> on_apply;
  if (apply_set) {
    auto e = evaluate(apply_set->set, fit->temperature, *recipe);
    if (!e) return input_error(io, *apply_file + ": " + e.error().message);
    on_apply = std::move(*e);
  }

  if (*json) {
    nlohmann::ordered_json j;
    j["method"] = "temperature";
    j["recipe"] = recipe->name;
    j["temperature"] = calib::number_or_null(fit->temperature);
    j["fit_result"] = calib::to_json(*fit);
    j["fit"] = to_json(*fit_file, *on_fit);
    if (a.flags.count("--skip-invalid")) add_skip_report(j["fit"], fit_set->report);
    if (on_apply) {
      j["apply"] = to_json(*apply_file, *on_apply);
      if (a.flags.count("--skip-invalid")) add_skip_report(j["apply"], apply_set->report);
    }
    io.out << j.dump(2) << "\n";
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", fit->temperature);
    io.out << "method       temperature\nrecipe       " << recipe->name << "\ntemperature  " << buf
           << "\n"
           << fit->note << "\n";
    print_text(io.out, "fit", *fit_file, *on_fit);
    if (on_apply) print_text(io.out, "apply", *apply_file, *on_apply);
  }
  return kOk;
}

}  // namespace unveil::cli
