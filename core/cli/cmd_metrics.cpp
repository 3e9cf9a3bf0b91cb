#include <nlohmann/json.hpp>
#include <ostream>

#include "calib/bootstrap.h"
#include "calib/report_json.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli metrics PRED.jsonl [--bins N] [--binning width|mass] [--bootstrap K --seed S] "
    "[--split S] [--skip-invalid] [--format json|text]";
}

int cmd_metrics(std::span<const std::string> argv, Io io) {
  auto args =
      parse_args(argv, {"--bins", "--binning", "--bootstrap", "--seed", "--format", "--split"},
                 {"--skip-invalid"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (a.positional.size() != 1) {
    return usage_error(io, "metrics needs exactly one predictions file", kUsageText);
  }
  auto mopt = metrics_options(a);
  if (!mopt) return usage_error(io, mopt.error().message, kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto replicates = int_option(a, "--bootstrap", 0, 1, 1000000);
  if (!replicates) return usage_error(io, replicates.error().message, kUsageText);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return usage_error(io, seed.error().message, kUsageText);
  if (a.has("--seed") && !a.has("--bootstrap")) {
    return usage_error(io, "--seed is only meaningful with --bootstrap", kUsageText);
  }

  auto loaded = load_predictions(a.positional[0], a);
  if (!loaded) return input_error(io, loaded.error().message);

  const calib::Outcomes o = calib::compute_outcomes(loaded->set);
  const calib::Metrics m = calib::compute_metrics(o, *mopt);
  std::optional<calib::BootstrapResult> ci;
  if (*replicates > 0) {
    calib::BootstrapOptions bo;
    bo.replicates = static_cast<int>(*replicates);
    bo.seed = static_cast<std::uint64_t>(*seed);
    bo.metrics = *mopt;
    ci = calib::bootstrap(o, bo);
  }
  const calib::BootstrapResult* cip = ci ? &*ci : nullptr;
  if (*json) {
    nlohmann::ordered_json j = calib::to_json(m, cip);
    j["file"] = a.positional[0];
    if (a.flags.count("--skip-invalid")) add_skip_report(j, loaded->report);
    io.out << j.dump(2) << "\n";
  } else {
    io.out << a.positional[0] << "\n" << calib::to_text(m, cip);
    if (a.flags.count("--skip-invalid")) {
      io.out << "\nskipped " << loaded->report.skipped << " invalid line(s)\n";
      for (const auto& p : loaded->report.problems)
        io.out << "  " << p.message << "\n";
    }
  }
  return kOk;
}

}  // namespace unveil::cli
