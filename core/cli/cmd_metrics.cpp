#include <nlohmann/json.hpp>
#include <ostream>

#include "calib/accuracy_only.h"
#include "calib/bootstrap.h"
#include "calib/report_json.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli metrics PRED.jsonl|--db FILE --run ID [--bins N] [--binning width|mass] "
    "[--recipe unveil|study] [--confidence options|vocab] [--unanswered wrong|drop] "
    "[--bootstrap K --seed S] [--split S] [--skip-invalid] [--format json|text]";
}

int cmd_metrics(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--bins", "--binning", "--bootstrap", "--seed", "--format", "--split",
                          "--db", "--run", "--recipe", "--confidence", "--unanswered"},
                         {"--skip-invalid"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  const bool stored = a.has("--db") || a.has("--run");
  if (stored && !(a.has("--db") && a.has("--run") && a.positional.empty())) {
    return usage_error(io, "a stored run needs both --db FILE and --run ID (and no file)",
                       kUsageText);
  }
  if (!stored && a.positional.size() != 1) {
    return usage_error(io, "metrics needs exactly one predictions file (or --db FILE --run ID)",
                       kUsageText);
  }
  auto recipe = recipe_options(a);
  if (!recipe) return usage_error(io, recipe.error().message, kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto replicates = int_option(a, "--bootstrap", 0, 1, 1000000);
  if (!replicates) return usage_error(io, replicates.error().message, kUsageText);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return usage_error(io, seed.error().message, kUsageText);
  if (a.has("--seed") && !a.has("--bootstrap")) {
    return usage_error(io, "--seed is only meaningful with --bootstrap", kUsageText);
  }

  Loaded from_run;
  Result<Loaded> loaded = stored ? Result<Loaded>(Error{""}) : load_predictions(a.positional[0], a);
  store::RunInfo run;
  if (stored) {
    auto set = run_predictions(a, &run);
    if (!set) return input_error(io, set.error().message);
    from_run.set = std::move(*set);
    if (const auto split = a.get("--split")) from_run.set = from_run.set.filter_split(*split);
    if (from_run.set.empty()) return input_error(io, "no predictions in that split of the run");
    loaded = std::move(from_run);
  }
  if (!loaded) return input_error(io, loaded.error().message);
  const std::string source = stored ? *a.get("--db") + " run " + *a.get("--run") : a.positional[0];

  // Answers without scores (VLMEvalKit's files): accuracy is all there is.
  if (!loaded->set.empty() && loaded->set.answer_only() == loaded->set.size()) {
    const calib::AccuracyOnly acc = calib::accuracy_only(loaded->set);
    if (*json) {
      nlohmann::ordered_json j = calib::accuracy_only_json(acc);
      j["file"] = source;
      io.out << j.dump(2) << "\n";
    } else {
      io.out << source << "\n" << calib::accuracy_only_text(acc);
    }
    return kOk;
  }
  auto scored = calib::score(loaded->set, *recipe);
  if (!scored) return input_error(io, source + ": " + scored.error().message);
  const calib::Outcomes& o = scored->outcomes;
  const calib::Metrics& m = scored->metrics;
  std::optional<calib::BootstrapResult> ci;
  if (*replicates > 0) {
    calib::BootstrapOptions bo;
    bo.replicates = static_cast<int>(*replicates);
    bo.seed = static_cast<std::uint64_t>(*seed);
    bo.metrics = recipe->metrics;
    ci = calib::bootstrap(o, bo);
  }
  const calib::BootstrapResult* cip = ci ? &*ci : nullptr;
  if (*json) {
    nlohmann::ordered_json j = calib::to_json(m, cip);
    j["file"] = source;
    j["recipe"] = recipe->name;
    if (stored) {
      j["run"] = {{"id", run.id},
                  {"status", store::to_string(run.status)},
                  {"predictions", run.predictions},
                  {"expected", run.spec.expected},
                  {"partial", !partial_run_note(run).empty()}};
    }
    if (a.flags.count("--skip-invalid")) add_skip_report(j, loaded->report);
    io.out << j.dump(2) << "\n";
  } else {
    io.out << source << "\n";
    if (stored) {
      if (const std::string note = partial_run_note(run); !note.empty()) io.out << note << "\n";
    }
    if (recipe->name == "study") io.out << "recipe             study (docs/METRICS.md)\n";
    io.out << calib::to_text(m, cip);
    if (a.flags.count("--skip-invalid")) {
      io.out << "\nskipped " << loaded->report.skipped << " invalid line(s)\n";
      for (const auto& p : loaded->report.problems)
        io.out << "  " << p.message << "\n";
    }
  }
  return kOk;
}

}  // namespace unveil::cli
