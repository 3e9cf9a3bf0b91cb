#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/idk_analysis.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli idk --db FILE --model CARD.json --dataset NAME [--idk-split idk] "
    "[--answerable-split test[,S...]|none] [--prompts builtin|@FILE] [--condition C] "
    "[--bootstrap K] [--seed S] [--bins N] [--device cpu|cuda|auto] [--batch N] [--quiet] "
    "[--format json|text]";

// The options that are usage errors when wrong (exit 2); splits, prompts and the condition are
// checked by the analysis (exit 1).
Result<analysis::IdkSpec> idk_spec(const Args& a) {
  analysis::IdkSpec spec;
  spec.db = *a.get("--db");
  spec.card = *a.get("--model");
  spec.dataset = *a.get("--dataset");
  if (const auto s = a.get("--idk-split")) spec.idk_split = *s;
  if (const auto s = a.get("--answerable-split")) {
    spec.answerable_splits = *s == "none" ? std::vector<std::string>{} : comma_list(*s);
  }
  if (const auto c = a.get("--condition")) spec.condition = *c;
  if (const auto d = a.get("--device")) {
    auto dev = model::parse_device(*d);
    if (!dev) return dev.error();
    spec.device = *dev;
  }
  auto replicates = int_option(a, "--bootstrap", 1000, 0, 1000000);
  if (!replicates) return replicates.error();
  spec.replicates = static_cast<int>(*replicates);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return seed.error();
  spec.bootstrap_seed = static_cast<std::uint64_t>(*seed);
  auto bins = int_option(a, "--bins", 10, 1, 10000);
  if (!bins) return bins.error();
  spec.histogram_bins = static_cast<int>(*bins);
  auto batch = int_option(a, "--batch", 32, 1, 4096);
  if (!batch) return batch.error();
  spec.batch = static_cast<int>(*batch);
  return spec;
}

// Like modality's progress line, prefixed with the prompt and split; a reused run gets one line.
void report_progress(const analysis::IdkProgress& p, std::ostream& err) {
  char buf[300];
  if (p.origin == analysis::RunOrigin::kReused) {
    std::snprintf(buf, sizeof buf, "[%zu/%zu %s · %s] reused run %lld (%zu predictions)\n",
                  p.run_index + 1, p.runs, p.prompt.c_str(), p.split.c_str(),
                  static_cast<long long>(p.run.run_id), p.run.total);
  } else {
    std::snprintf(buf, sizeof buf,
                  "\r[%zu/%zu %s · %s] %s run %lld: %zu/%zu items  %.0f items/s  ETA %.0f s   %s",
                  p.run_index + 1, p.runs, p.prompt.c_str(), p.split.c_str(),
                  analysis::to_string(p.origin), static_cast<long long>(p.run.run_id), p.run.done,
                  p.run.total, p.run.items_per_second, p.run.eta_seconds,
                  p.run.done == p.run.total ? "\n" : "");
  }
  err << buf << std::flush;
}

}  // namespace

int cmd_idk(std::span<const std::string> argv, Io io) {
  auto args = parse_args(
      argv,
      {"--db", "--model", "--dataset", "--idk-split", "--answerable-split", "--prompts",
       "--condition", "--device", "--bootstrap", "--seed", "--bins", "--batch", "--format"},
      {"--quiet"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  for (const char* required : {"--db", "--model", "--dataset"}) {
    if (!a.get(required))
      return usage_error(io, "idk needs --db, --model and --dataset", kUsageText);
  }
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto spec = idk_spec(a);
  if (!spec) return usage_error(io, spec.error().message, kUsageText);
  if (const auto p = a.get("--prompts"); p && *p != "builtin") {
    if (p->size() < 2 || (*p)[0] != '@') {
      return usage_error(io, "--prompts takes builtin or @FILE; got \"" + *p + "\"", kUsageText);
    }
    auto prompts = analysis::read_idk_prompts(p->substr(1));
    if (!prompts) return input_error(io, prompts.error().message);
    spec->prompts = std::move(*prompts);
  }
  const bool quiet = a.flags.count("--quiet") > 0;
  auto res = analysis::run_idk_analysis(*spec, nullptr, [&](const analysis::IdkProgress& p) {
    if (!quiet) report_progress(p, io.err);
  });
  if (!res) return input_error(io, res.error().message);
  io.out << (*json ? analysis::to_json(*res).dump(2) + "\n" : analysis::to_text(*res));
  return kOk;
}

}  // namespace unveil::cli
