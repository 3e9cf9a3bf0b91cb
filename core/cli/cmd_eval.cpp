#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/eval_job.h"
#include "calib/report_json.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/interrupt.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli eval --db FILE --model CARD.json --dataset NAME [--split S] [--condition C] "
    "[--prompt TEXT|@FILE] [--device cpu|cuda|auto] [--batch N] [--seed S] [--resume RUN] "
    "[--name RUN_NAME] [--format json|text]";
}

int cmd_eval(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--db", "--model", "--dataset", "--split", "--condition", "--prompt",
                          "--device", "--batch", "--seed", "--resume", "--name", "--format"},
                         {"--quiet"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  if (!a.get("--db") || !a.get("--model") || !a.get("--dataset")) {
    return usage_error(io, "eval needs --db, --model and --dataset", kUsageText);
  }
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  analysis::EvalSpec spec;
  spec.db = *a.get("--db");
  spec.card = *a.get("--model");
  spec.dataset = *a.get("--dataset");
  spec.split = a.get("--split").value_or("");
  spec.condition = a.get("--condition").value_or("image");
  spec.run_name = a.get("--name").value_or("");
  auto prompt = prompt_option(a);
  if (!prompt) return input_error(io, prompt.error().message);
  spec.prompt = std::move(*prompt);
  if (const auto d = a.get("--device")) {
    auto dev = model::parse_device(*d);
    if (!dev) return usage_error(io, dev.error().message, kUsageText);
    spec.device = *dev;
  }
  auto batch = int_option(a, "--batch", 32, 1, 4096);
  if (!batch) return usage_error(io, batch.error().message, kUsageText);
  spec.batch = static_cast<int>(*batch);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return usage_error(io, seed.error().message, kUsageText);
  spec.seed = static_cast<std::uint64_t>(*seed);
  if (a.get("--resume")) {
    auto r = int_option(a, "--resume", 0, 1, (1ll << 62));
    if (!r) return usage_error(io, r.error().message, kUsageText);
    spec.resume_run = *r;
  }
  const bool quiet = a.flags.count("--quiet") > 0;
  // Ctrl+C stops the run between batches (an endpoint model within a second): what is stored
  // stays, and the run is marked cancelled and resumable. A second Ctrl+C ends the program.
  const InterruptGuard interrupt;
  auto res = analysis::run_eval(spec, &interrupt.flag(), [&](const analysis::EvalProgress& p) {
    if (quiet) return;
    char buf[240];
    int n = std::snprintf(buf, sizeof buf, "\r%zu/%zu items  %.0f items/s  ETA %.0f s", p.done,
                          p.total, p.items_per_second, p.eta_seconds);
    if (p.backend.requests > 0 || p.backend.in_flight > 0) {
      std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n),
                    "  in flight %llu  retries %llu  errors %llu",
                    static_cast<unsigned long long>(p.backend.in_flight),
                    static_cast<unsigned long long>(p.backend.retries),
                    static_cast<unsigned long long>(p.backend.errors));
    }
    io.err << buf << "   " << std::flush;
  });
  if (!quiet) io.err << "\n";
  if (!res) return input_error(io, res.error().message);
  if (*json) {
    nlohmann::ordered_json j;
    j["run_id"] = res->run_id;
    j["device"] = res->device;
    j["predicted"] = res->predicted;
    j["skipped"] = res->skipped;
    j["failed"] = res->failed;
    j["seconds"] = res->seconds;
    j["cancelled"] = res->cancelled;
    if (res->metrics) {
      j["metrics"] = calib::headline_json(*res->metrics);
    }
    j["problems"] = res->problems;
    io.out << j.dump(2) << "\n";
  } else {
    io.out << "run " << res->run_id << " on " << res->device << ": " << res->predicted
           << " predictions in " << res->seconds << " s";
    if (res->skipped) io.out << ", " << res->skipped << " items skipped";
    if (res->failed) io.out << ", " << res->failed << " items failed";
    io.out << "\n";
    if (res->metrics) {
      io.out << "accuracy " << res->metrics->accuracy << "  ece " << res->metrics->ece << "  nll "
             << res->metrics->nll << "  unanswered " << res->metrics->n_unanswered;
      if (res->metrics->has_idk) io.out << "  idk_rate " << res->metrics->idk_rate;
      io.out << "\n";
    }
    for (const auto& p : res->problems)
      io.out << (p.rfind("failed: ", 0) == 0 ? "  " : "  skipped: ") << p << "\n";
  }
  if (res->cancelled) {
    return input_error(io, "run " + std::to_string(res->run_id) + " stopped after " +
                               std::to_string(res->predicted) +
                               " new predictions (kept; resume it with --resume " +
                               std::to_string(res->run_id) + ")");
  }
  if (res->failed) {
    return input_error(io, "run " + std::to_string(res->run_id) + ": " +
                               std::to_string(res->failed) +
                               " items failed (the run is marked failed and can be resumed with "
                               "--resume " +
                               std::to_string(res->run_id) + ")");
  }
  return kOk;
}

}  // namespace unveil::cli
