// The subcommands of unveil-cli (one file each).
#pragma once

#include <iosfwd>
#include <span>
#include <string>

namespace unveil::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

int cmd_metrics(std::span<const std::string> args, Io io);
int cmd_calibrate(std::span<const std::string> args, Io io);
int cmd_inspect(std::span<const std::string> args, Io io);
int cmd_demo(std::span<const std::string> args, Io io);
int cmd_import(std::span<const std::string> args, Io io);
int cmd_import_predictions(std::span<const std::string> args, Io io);
int cmd_runs(std::span<const std::string> args, Io io);
int cmd_export(std::span<const std::string> args, Io io);
int cmd_eval(std::span<const std::string> args, Io io);
int cmd_modality(std::span<const std::string> args, Io io);
int cmd_idk(std::span<const std::string> args, Io io);
int cmd_compare(std::span<const std::string> args, Io io);
int cmd_report(std::span<const std::string> args, Io io);
int cmd_promptsearch(std::span<const std::string> args, Io io);
int cmd_serve(std::span<const std::string> args, Io io);

/// Prints "unveil-cli: MESSAGE" and the usage hint of a command; returns kUsage.
int usage_error(Io io, const std::string& message, const char* usage);
/// Prints "unveil-cli: MESSAGE"; returns kBadInput.
int input_error(Io io, const std::string& message);

}  // namespace unveil::cli

#include <nlohmann/json.hpp>
#include <optional>

#include "calib/metrics.h"
#include "calib/predictions_jsonl.h"
#include "calib/recipe.h"
#include "cli/args.h"
#include "data/dataset_format.h"
#include "data/readers.h"
#include "store/store.h"

namespace unveil::cli {

/// --bins and --binning.
Result<calib::MetricsOptions> metrics_options(const Args& a);

/// --recipe unveil|study, with --bins, --binning, --confidence options|vocab and --unanswered
/// wrong|drop for Unveil's recipe (the study's fixes all four: giving one is a usage error).
Result<calib::Recipe> recipe_options(const Args& a);
/// The options recipe_options reads, for a command's parse_args list.
inline constexpr const char* kRecipeOptions[] = {"--recipe", "--confidence", "--unanswered"};
/// Their usage text.
inline constexpr const char* kRecipeUsage =
    "[--recipe unveil|study] [--confidence options|vocab] [--unanswered wrong|drop]";

/// How to read a dataset: --dataset-format, --images, --answers, --idk-phrases "a;b;c" (the
/// phrases that mark the "I don't know" option; the default list otherwise).
struct DatasetArgs {
  data::DatasetFormat format = data::DatasetFormat::kAuto;
  data::ReadOptions options;
  std::optional<std::filesystem::path> answers;
};
Result<DatasetArgs> dataset_args(const Args& a);
/// --prompt TEXT, or --prompt @FILE for the file's text; "" when not given.
Result<std::string> prompt_option(const Args& a);

/// --format json|text (default text).
Result<bool> wants_json(const Args& a);

struct Loaded {
  calib::PredictionSet set;
  calib::JsonlReadReport report;
};

/// Reads a predictions file honouring --skip-invalid and --split; an empty result is an error.
Result<Loaded> load_predictions(const std::string& file, const Args& a);

/// The predictions of a stored run (--db FILE --run ID).
/// With `info`, the run's row too (its status and how many items it was to predict).
Result<calib::PredictionSet> run_predictions(const Args& a, store::RunInfo* info = nullptr);
using store::partial_run_note;  // what part of a partial run is there (store/store.h)

/// {"skipped": N, "problems": [...]} members for --skip-invalid output.
void add_skip_report(nlohmann::ordered_json& j, const calib::JsonlReadReport& r);

}  // namespace unveil::cli
