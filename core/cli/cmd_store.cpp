// The store commands: import, import-predictions, runs, export.
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <vector>

#include "calib/prediction_formats.h"
#include "calib/predictions_jsonl.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "data/read_dataset.h"
#include "data/readers.h"
#include "store/run_headline.h"
#include "store/store.h"
#include "util/atomic_file.h"

namespace unveil::cli {
namespace {

constexpr const char* kImportUsage =
    "unveil-cli import DATASET --db FILE [--images DIR] [--answers FILE] [--name NAME] "
    "[--dataset-format auto|llava|llava-questions|mmbench] [--format json|text]";
constexpr const char* kImportPredUsage =
    "unveil-cli import-predictions PREDICTIONS --db FILE --dataset NAME --name RUN "
    "[--skip-invalid] [--format json|text] (PREDICTIONS: predictions JSONL, lmms-eval "
    "--log_samples JSONL, or a VLMEvalKit prediction TSV/JSON)";
constexpr const char* kRunsUsage = "unveil-cli runs --db FILE [--format json|text]";
constexpr const char* kExportUsage =
    "unveil-cli export --db FILE --run ID [--format jsonl|csv] [--out FILE]";

Result<store::Store> open_db(const Args& a, store::OpenMode mode) {
  const auto db = a.get("--db");
  if (!db) return Error{"--db FILE is required"};
  return store::Store::open(*db, mode);
}

}  // namespace

int cmd_import(std::span<const std::string> argv, Io io) {
  auto args = parse_args(
      argv,
      {"--db", "--images", "--answers", "--name", "--dataset-format", "--format", "--idk-phrases"},
      {});
  if (!args) return usage_error(io, args.error().message, kImportUsage);
  const Args& a = *args;
  if (a.positional.size() != 1)
    return usage_error(io, "import needs exactly one dataset file", kImportUsage);
  if (!a.get("--db")) return usage_error(io, "import needs --db FILE", kImportUsage);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kImportUsage);
  auto da = dataset_args(a);
  if (!da) return usage_error(io, da.error().message, kImportUsage);
  const std::filesystem::path file = a.positional[0];
  auto ds = data::read_dataset(file, da->format, da->options, da->answers);
  if (!ds) return input_error(io, ds.error().message);
  if (std::string none = data::no_items_problem(*ds, file); !none.empty())
    return input_error(io, none);
  if (const auto n = a.get("--name")) ds->name = *n;
  auto st = open_db(a, store::OpenMode::kOpenOrCreate);
  if (!st) return input_error(io, st.error().message);
  const data::DatasetFormat used =
      da->format == data::DatasetFormat::kAuto ? data::guess_format(file) : da->format;
  auto added =
      st->add_dataset(*ds, std::filesystem::absolute(file).string(), data::to_string(used));
  if (!added) return input_error(io, added.error().message);
  if (*json) {
    nlohmann::ordered_json j;
    j["dataset_id"] = added->dataset_id;
    j["name"] = ds->name;
    j["items"] = added->items;
    j["skipped"] = added->problems;
    nlohmann::ordered_json p = nlohmann::ordered_json::array();
    for (const auto& pr : ds->problems)
      p.push_back(pr.to_string());
    j["problems"] = p;
    io.out << j.dump(2) << "\n";
  } else {
    io.out << "imported \"" << ds->name << "\" (dataset " << added->dataset_id
           << "): " << added->items << " items, " << added->problems << " skipped\n";
    for (const auto& pr : ds->problems)
      io.out << "  skipped: " << pr.to_string() << "\n";
  }
  return kOk;
}

int cmd_import_predictions(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv, {"--db", "--dataset", "--name", "--format"}, {"--skip-invalid"});
  if (!args) return usage_error(io, args.error().message, kImportPredUsage);
  const Args& a = *args;
  if (a.positional.size() != 1)
    return usage_error(io, "import-predictions needs one predictions file", kImportPredUsage);
  const auto dataset = a.get("--dataset");
  const auto name = a.get("--name");
  if (!a.get("--db") || !dataset || !name) {
    return usage_error(io, "import-predictions needs --db, --dataset and --name", kImportPredUsage);
  }
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kImportPredUsage);
  const std::string& file = a.positional[0];
  const bool skip_invalid = a.flags.count("--skip-invalid") > 0;
  calib::JsonlReadOptions ro;
  ro.skip_invalid = skip_invalid;
  calib::JsonlReadReport report;
  calib::PredictionSource source;
  auto set = calib::read_predictions_any(file, ro, &report, &source);
  if (!set) return input_error(io, set.error().message);
  if (set->empty()) return input_error(io, file + ": the file holds no predictions");
  auto st = open_db(a, store::OpenMode::kOpenOrCreate);
  if (!st) return input_error(io, st.error().message);
  store::PredictionImportOptions po;
  po.skip_invalid = skip_invalid;
  po.source = &source;
  auto imported = st->import_predictions(*set, *dataset, *name, po);
  if (!imported) return input_error(io, file + ": " + imported.error().message);
  // Lines the reader skipped and predictions the dataset refused, together.
  report.skipped += imported->skipped;
  for (const auto& p : imported->problems)
    report.problems.push_back({0, file + ": " + p});
  const bool answers_only = set->answer_only() == set->size();
  if (*json) {
    nlohmann::ordered_json j{{"run_id", imported->run_id}, {"predictions", imported->imported}};
    j["format"] = source.format;
    if (answers_only) j["scores"] = "none";
    if (skip_invalid) add_skip_report(j, report);
    io.out << j.dump(2) << "\n";
  } else {
    io.out << "imported " << imported->imported << " predictions as run " << imported->run_id
           << " (\"" << *name << "\") of dataset \"" << *dataset << "\"\n";
    if (answers_only) {
      io.out << "  answers only (no probabilities): accuracy is shown for this run, calibration "
                "metrics are not\n";
    }
    if (skip_invalid) {
      io.out << "skipped " << report.skipped << " invalid prediction(s)\n";
      for (const auto& p : report.problems)
        io.out << "  " << p.message << "\n";
    }
  }
  return kOk;
}

int cmd_runs(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv, {"--db", "--format"}, {});
  if (!args) return usage_error(io, args.error().message, kRunsUsage);
  const Args& a = *args;
  if (!a.get("--db")) return usage_error(io, "runs needs --db FILE", kRunsUsage);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kRunsUsage);
  auto st = open_db(a, store::OpenMode::kOpenExisting);
  if (!st) return input_error(io, st.error().message);
  if (!st->notice().empty()) io.err << "unveil-cli: note: " << st->notice() << "\n";
  auto runs = st->runs();
  if (!runs) return input_error(io, runs.error().message);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::vector<std::optional<store::RunHeadline>> headlines;
  for (const auto& r : *runs) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    j["name"] = r.spec.name;
    j["model"] = r.model_name;
    j["dataset"] = r.dataset_name;
    j["split"] = r.spec.split;
    j["condition"] = r.spec.condition;
    j["device"] = r.spec.device;
    j["status"] = store::to_string(r.status);
    j["predictions"] = r.predictions;
    j["expected"] = r.spec.expected;
    j["partial"] = store::is_partial(r);
    j["started_at"] = r.started_at;
    const auto& headline = headlines.emplace_back(store::run_headline(*st, r));
    j["metrics"] = headline ? store::to_json(*headline) : nlohmann::ordered_json(nullptr);
    list.push_back(std::move(j));
  }
  if (*json) {
    io.out << list.dump(2) << "\n";
    return kOk;
  }
  if (list.empty()) io.out << "no runs in " << *a.get("--db") << "\n";
  // A metric of the headline, or "-" where there is none (an accuracy-only run has no ECE).
  const auto metric = [](const std::optional<double>& v) -> std::string {
    return v ? std::to_string(*v).substr(0, 6) : "-";
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& j = list[i];
    const std::optional<store::RunHeadline>& h = headlines[i];
    char buf[512];
    // A partial run says how much of it there is: n=3072/20000.
    const auto n = j["predictions"].get<std::size_t>();
    const std::string status = j["status"].get<std::string>();
    const std::string count =
        j["partial"].get<bool>()
            ? std::to_string(n) + "/" + std::to_string(j["expected"].get<std::size_t>())
            : std::to_string(n);
    std::snprintf(
        buf, sizeof buf, "%4lld  %-24s %-12s %-16s %-10s %-11s n=%-7s acc=%s ece=%s\n",
        static_cast<long long>(j["id"].get<std::int64_t>()), j["name"].get<std::string>().c_str(),
        j["model"].get<std::string>().c_str(), j["dataset"].get<std::string>().c_str(),
        j["condition"].get<std::string>().c_str(), status.c_str(), count.c_str(),
        metric(h ? h->accuracy : std::nullopt).c_str(), metric(h ? h->ece : std::nullopt).c_str());
    io.out << buf;
  }
  return kOk;
}

Result<calib::PredictionSet> run_predictions(const Args& a, store::RunInfo* info) {
  auto st = open_db(a, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  auto id = int_option(a, "--run", 0, 1, (1ll << 62));
  if (!id) return id.error();
  auto run = st->run(*id);
  if (!run) return run.error();
  if (info) *info = *run;
  auto set = st->prediction_set(*id);
  if (!set) return set.error();
  if (set->empty()) return Error{"run " + std::to_string(*id) + " has no predictions yet"};
  return set;
}

int cmd_export(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv, {"--db", "--run", "--format", "--out"}, {});
  if (!args) return usage_error(io, args.error().message, kExportUsage);
  const Args& a = *args;
  if (!a.get("--db") || !a.get("--run"))
    return usage_error(io, "export needs --db and --run", kExportUsage);
  const std::string format = a.get("--format").value_or("jsonl");
  if (format != "jsonl" && format != "csv") {
    return usage_error(io, "--format needs \"jsonl\" or \"csv\"; found \"" + format + "\"",
                       kExportUsage);
  }
  auto set = run_predictions(a);
  if (!set) return input_error(io, set.error().message);
  const auto write = [&](std::ostream& out) {
    if (format == "jsonl") {
      calib::write_predictions_jsonl(out, *set);
    } else {
      calib::write_predictions_csv(out, *set);
    }
  };
  const auto f = a.get("--out");
  if (!f) {
    write(io.out);
    return kOk;
  }
  // A new file moved over the old one when complete: never half an export, never through a link.
  auto file = AtomicFileWriter::create(*f, "the export");
  if (!file) return input_error(io, file.error().message);
  write(file->stream());
  if (auto st = file->commit(); !st) return input_error(io, st.error().message);
  return kOk;
}

}  // namespace unveil::cli
