#include "cli/cli.h"

#include <exception>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "model/torch_model.h"
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
    "  inspect DATASET [--images DIR] [--answers FILE] [--dataset-format F] [--format json|text]\n"
    "      read a dataset (LLaVA JSON, LLaVA questions JSONL, MMBench TSV): counts, IDK share,\n"
    "      answer letters and every problem found\n"
    "  import DATASET --db FILE [--images DIR] [--answers FILE] [--name NAME]\n"
    "      read a dataset into a project; prints what was skipped and why\n"
    "  import-predictions PRED.jsonl --db FILE --dataset NAME --name RUN\n"
    "      predictions made elsewhere become a run\n"
    "  runs --db FILE [--format json|text]\n"
    "      the runs of a project with their headline metrics\n"
    "  export --db FILE --run ID [--format jsonl|csv] [--out FILE]\n"
    "      a run's predictions as predictions JSONL (or CSV)\n"
    "  metrics --db FILE --run ID [...]\n"
    "      the metrics of a stored run, as for a file\n"
    "  eval --db FILE --model CARD.json --dataset NAME [--split S] [--condition C]\n"
    "          [--prompt TEXT|@FILE] [--device cpu|cuda|auto] [--batch N] [--resume RUN]\n"
    "      run a model over a dataset into the project (progress on stderr)\n"
    "  modality --db FILE --model CARD.json --dataset NAME --split S\n"
    "          --conditions image,text,blank,noise:0.3,blur:2 [--prompt TEXT|@FILE]\n"
    "          [--device cpu|cuda|auto] [--bins N] [--format json|text]\n"
    "      one run per condition (reused when complete, resumed when stopped): accuracy, ECE,\n"
    "      confidence and entropy per condition, and how answers move when the image is added\n"
    "  idk --db FILE --model CARD.json --dataset NAME [--idk-split idk]\n"
    "          [--answerable-split test[,S...]|none] [--prompts builtin|@FILE] [--condition C]\n"
    "          [--bootstrap K] [--seed S] [--device cpu|cuda|auto] [--format json|text]\n"
    "      \"I don't know\": how often the model admits not knowing on the IDK items, how sure\n"
    "      its wrong answers are, how often it says it wrongly on answerable ones, per prompt\n"
    "      wording, each against the first with paired-bootstrap intervals and a verdict\n"
    "  compare --db FILE --runs ID,ID[,...] [--bins N] [--binning width|mass]\n"
    "          [--bootstrap K] [--seed S] [--format json|text]\n"
    "      2 to 4 runs side by side on the items they all predicted, with a paired bootstrap\n"
    "      of every metric's difference and a verdict (default 1000 replicates, seed 0)\n"
    "  report --db FILE (--run ID | --compare ID,ID[,...]) --out FILE.html [--bins N]\n"
    "          [--binning width|mass] [--bootstrap K] [--seed S]\n"
    "      a self-contained HTML report: plots, metrics with intervals, the temperature,\n"
    "      the most confident mistakes and how to reproduce it (default 1000 replicates)\n"
    "  promptsearch --db FILE --model CARD.json --dataset NAME --split S [--k 5] [--m 5]\n"
    "          [--rounds 10] [--seeds \"a;b\"] [--variants \"a;b\"|@FILE] [--no-bank] [--seed N]\n"
    "          [--prompt TEXT|@FILE] [--condition C] [--device cpu|cuda|auto]\n"
    "          [--bins N] [--batch N] [--quiet] [--format json|text]\n"
    "      the study's prompt optimisation: each round every kept prompt gives m variants, each\n"
    "      scored as a run (accuracy band, then ECE); the best k are kept; stored in the project\n"
    "  serve --model CARD.json [--host 127.0.0.1] [--port 8000] [--device cpu|cuda|auto]\n"
    "          [--served-model-name NAME] [--max-batch 16]\n"
    "      serve a TorchScript model through the OpenAI API (GET /v1/models, POST\n"
    "      /v1/chat/completions with image data URLs and logprobs) until Ctrl-C; port 0: any\n"
    "      free port. No authentication: it listens on 127.0.0.1 unless --host says otherwise\n"
    "  demo --out DIR [--seed S] [--size N] [--no-models]\n"
    "      write the built-in shapes world (LLaVA JSON + PNG images) and train the demo models\n"
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
    if (cmd == "inspect") return cmd_inspect(rest, io);
    if (cmd == "demo") return cmd_demo(rest, io);
    if (cmd == "import") return cmd_import(rest, io);
    if (cmd == "import-predictions") return cmd_import_predictions(rest, io);
    if (cmd == "runs") return cmd_runs(rest, io);
    if (cmd == "export") return cmd_export(rest, io);
    if (cmd == "eval") return cmd_eval(rest, io);
    if (cmd == "modality") return cmd_modality(rest, io);
    if (cmd == "idk") return cmd_idk(rest, io);
    if (cmd == "compare") return cmd_compare(rest, io);
    if (cmd == "report") return cmd_report(rest, io);
    if (cmd == "promptsearch") return cmd_promptsearch(rest, io);
    if (cmd == "serve") return cmd_serve(rest, io);
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
  const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  set_worker_threads(threads);
  model::init_torch_threads(threads);  // once, at start-up
  std::vector<std::string> args(argv + 1, argv + argc);
  return run(args, std::cout, std::cerr);
}

}  // namespace unveil::cli
