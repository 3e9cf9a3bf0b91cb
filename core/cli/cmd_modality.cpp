#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/modality.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli modality --db FILE --model CARD.json --dataset NAME --split S "
    "--conditions image,text,blank,noise:0.3,blur:2 [--prompt TEXT|@FILE] "
    "[--device cpu|cuda|auto] [--bins N] [--batch N] [--seed S] [--quiet] [--format json|text]";

// The options that are usage errors when wrong (exit 2); conditions are checked by the analysis.
Result<analysis::ModalitySpec> modality_spec(const Args& a) {
  analysis::ModalitySpec spec;
  spec.db = *a.get("--db");
  spec.card = *a.get("--model");
  spec.dataset = *a.get("--dataset");
  spec.split = *a.get("--split");
  spec.conditions = comma_list(*a.get("--conditions"));
  if (const auto d = a.get("--device")) {
    auto dev = model::parse_device(*d);
    if (!dev) return dev.error();
    spec.device = *dev;
  }
  auto bins = int_option(a, "--bins", 10, 1, 10000);
  if (!bins) return bins.error();
  spec.ece_bins = static_cast<int>(*bins);
  auto batch = int_option(a, "--batch", 32, 1, 4096);
  if (!batch) return batch.error();
  spec.batch = static_cast<int>(*batch);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return seed.error();
  spec.seed = static_cast<std::uint64_t>(*seed);
  return spec;
}

// Like eval's progress line, prefixed with the condition; a reused run gets one line.
void report_progress(const analysis::ModalityProgress& p, std::ostream& err) {
  char buf[200];
  if (p.origin == analysis::RunOrigin::kReused) {
    std::snprintf(buf, sizeof buf, "[%zu/%zu %s] reused run %lld (%zu predictions)\n",
                  p.condition_index + 1, p.conditions, p.condition.c_str(),
                  static_cast<long long>(p.run.run_id), p.run.total);
  } else {
    std::snprintf(
        buf, sizeof buf, "\r[%zu/%zu %s] %s run %lld: %zu/%zu items  %.0f items/s  ETA %.0f s   %s",
        p.condition_index + 1, p.conditions, p.condition.c_str(), analysis::to_string(p.origin),
        static_cast<long long>(p.run.run_id), p.run.done, p.run.total, p.run.items_per_second,
        p.run.eta_seconds, p.run.done == p.run.total ? "\n" : "");
  }
  err << buf << std::flush;
}

}  // namespace

int cmd_modality(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--db", "--model", "--dataset", "--split", "--conditions", "--prompt",
                          "--device", "--bins", "--batch", "--seed", "--format"},
                         {"--quiet"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  for (const char* required : {"--db", "--model", "--dataset", "--split", "--conditions"}) {
    if (!a.get(required)) {
      return usage_error(io, "modality needs --db, --model, --dataset, --split and --conditions",
                         kUsageText);
    }
  }
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto spec = modality_spec(a);
  if (!spec) return usage_error(io, spec.error().message, kUsageText);
  auto prompt = prompt_option(a);
  if (!prompt) return input_error(io, prompt.error().message);
  spec->prompt = *prompt;
  const bool quiet = a.flags.count("--quiet") > 0;
  auto res = analysis::run_modality(*spec, nullptr, [&](const analysis::ModalityProgress& p) {
    if (!quiet) report_progress(p, io.err);
  });
  if (!res) return input_error(io, res.error().message);
  io.out << (*json ? analysis::to_json(*res).dump(2) + "\n" : analysis::to_text(*res));
  return kOk;
}

}  // namespace unveil::cli
