#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "analysis/demo_project.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "util/atomic_file.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli demo --out DIR [--project] [--seed S] [--size N] [--epochs E] [--no-models] "
    "[--format json|text]";

/// --project: the whole demo project (world, models, runs, temperatures) as a first launch
/// builds it.
int demo_project(const std::string& out, std::uint64_t seed, int size, std::optional<int> epochs,
                 bool json, Io io) {
  analysis::DemoProjectOptions opt;
  opt.seed = seed;
  opt.train = size;
  if (epochs) opt.base_epochs = opt.mm_epochs = opt.ft_epochs = *epochs;
  std::string last;
  opt.progress = [&](const std::string& stage, double fraction) {
    if (stage == last) return;
    last = stage;
    io.err << "[" << static_cast<int>(100 * fraction) << " %] " << stage << "\n";
  };
  auto built = analysis::build_demo_project(out, opt);
  if (!built) return input_error(io, built.error().message);
  if (json) {
    nlohmann::ordered_json j;
    j["project"] = built->project.string();
    j["featured_run"] = built->featured_run;
    j["runs"] = built->runs;
    j["seconds"] = built->seconds;
    io.out << j.dump(2) << "\n";
  } else {
    io.out << "wrote the demo project " << built->project.string() << " (" << built->runs.size()
           << " runs) in " << built->seconds << " s\n";
  }
  return kOk;
}

}  // namespace

int cmd_demo(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv, {"--out", "--seed", "--size", "--epochs", "--format"},
                         {"--no-models", "--project"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  const auto out = a.get("--out");
  if (!out) return usage_error(io, "demo needs --out DIR", kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto seed = int_option(a, "--seed", 1, 0, (1ll << 62));
  if (!seed) return usage_error(io, seed.error().message, kUsageText);
  auto size = int_option(a, "--size", 6000, 12, 1000000);
  if (!size) return usage_error(io, size.error().message, kUsageText);
  std::optional<int> epochs;
  if (a.get("--epochs")) {
    auto e = int_option(a, "--epochs", 1, 1, 1000);
    if (!e) return usage_error(io, e.error().message, kUsageText);
    epochs = static_cast<int>(*e);
  }
  if (a.flags.count("--project")) {
    if (a.flags.count("--no-models"))
      return usage_error(io, "--project needs the models; drop --no-models", kUsageText);
    return demo_project(*out, static_cast<std::uint64_t>(*seed), static_cast<int>(*size), epochs,
                        *json, io);
  }

  data::ShapesWorldOptions opt;
  opt.seed = static_cast<std::uint64_t>(*seed);
  opt.train = static_cast<int>(*size);
  opt.progress = [&](int done, int total) {
    io.err << "\rshapes world: " << done << "/" << total << std::flush;
    if (done == total) io.err << "\n";
  };
  const auto t0 = std::chrono::steady_clock::now();
  // Built whole in a temporary folder beside --out and swapped in at the end: a kill leaves the
  // earlier demo or the new one, never new images beside an old world file.
  auto stage = StagedFolder::create(*out, "demo", data::is_demo_folder);
  if (!stage) return input_error(io, stage.error().message);
  if (auto marked = data::mark_demo_folder(stage->path()); !marked)
    return input_error(io, marked.error().message);
  auto world = data::write_shapes_world(stage->path(), opt);
  if (!world) return input_error(io, world.error().message);
  std::vector<model::DemoModel> models;
  if (!a.flags.count("--no-models")) {
    model::DemoTrainOptions topt;
    topt.seed = static_cast<std::uint64_t>(*seed);
    if (epochs) topt.base_epochs = topt.mm_epochs = topt.ft_epochs = *epochs;
    topt.progress = [&](const std::string& stage_name, int done, int total, double loss) {
      io.err << "\rtraining " << stage_name << ": epoch " << done << "/" << total << ", loss "
             << loss << "   " << std::flush;
      if (done == total) io.err << "\n";
    };
    auto trained = model::train_demo_models(world->json, stage->path() / "models", topt);
    if (!trained) return input_error(io, trained.error().message);
    models = std::move(*trained);
  }
  if (auto placed = stage->commit(); !placed) return input_error(io, placed.error().message);
  // The paths the user gave, not the temporary folder's.
  const std::filesystem::path dir(*out);
  world->json = dir / world->json.filename();
  for (auto& m : models)
    m.card = dir / "models" / m.card.filename();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (*json) {
    nlohmann::ordered_json j;
    j["dataset"] = world->json.string();
    j["items"] = world->items;
    j["splits"] = {{"train", world->train},
                   {"calibration", world->calibration},
                   {"test", world->test},
                   {"idk", world->idk}};
    nlohmann::ordered_json ms = nlohmann::ordered_json::array();
    for (const auto& m : models) {
      ms.push_back({{"name", m.name},
                    {"card", m.card.string()},
                    {"seconds", m.seconds},
                    {"final_loss", m.final_loss}});
    }
    j["models"] = ms;
    j["seconds"] = secs;
    io.out << j.dump(2) << "\n";
  } else {
    io.out << "wrote the shapes world: " << world->json.string() << " (" << world->items
           << " items: train " << world->train << ", calibration " << world->calibration
           << ", test " << world->test << ", idk " << world->idk << ") in " << secs << " s\n";
  }
  return kOk;
}

}  // namespace unveil::cli
