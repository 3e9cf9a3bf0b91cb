#include "cli/cli.h"

#include <exception>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "util/parallel.h"

namespace unveil::cli {
namespace {

constexpr const char* kHelp =
    "unveil-cli - calibration of multimodal language models, headless\n"
    "\n"
    "usage: unveil-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  metrics PRED.jsonl [--bins N] [--binning width|mass] [--bootstrap K --seed S]\n"
    "          [--split S] [--skip-invalid] [--format json|text]\n"
    "      accuracy, ECE, MCE, RMSCE, ACE, Brier, NLL, AUROC, AURC, IDK rate and the bin table\n"
    "  calibrate --fit CAL.jsonl [--apply TEST.jsonl] [--method temperature]\n"
    "          [--bins N] [--binning width|mass] [--skip-invalid] [--format json|text]\n"
    "      fit a temperature exactly and show the metrics before and after\n"
    "\n"
    "exit status: 0 success, 1 bad input (reason on stderr), 2 usage error\n";

}  // namespace

int usage_error(Io io, const std::string& message, const char* usage) {
  io.err << "unveil-cli: " << message << "\nusage: " << usage << "\n";
  return kUsage;
}

int input_error(Io io, const std::string& message) {
  io.err << "unveil-cli: " << message << "\n";
  return kBadInput;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Io io{out, err};
  if (args.empty()) {
    err << kHelp;
    return kUsage;
  }
  const std::string& cmd = args[0];
  const std::span<const std::string> rest(args.data() + 1, args.size() - 1);
  try {
    if (cmd == "metrics") return cmd_metrics(rest, io);
    if (cmd == "calibrate") return cmd_calibrate(rest, io);
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
      out << kHelp;
      return kOk;
    }
    if (cmd == "--version") {
      out << "unveil-cli 0.1.0\n";
      return kOk;
    }
  } catch (const std::exception& e) {
    // A broken invariant: report it at the process boundary instead of aborting.
    err << "unveil-cli: internal error: " << e.what() << "\n";
    return kBadInput;
  }
  err << "unveil-cli: unknown command \"" << cmd << "\"\n\n" << kHelp;
  return kUsage;
}

int run(int argc, char** argv) {
  set_worker_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::vector<std::string> args(argv + 1, argv + argc);
  return run(args, std::cout, std::cerr);
}

}  // namespace unveil::cli
