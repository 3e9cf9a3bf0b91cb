// Reusing stored runs: an analysis that needs "this model over this split, under this condition
// and prompt" takes a complete run of exactly that from the project, resumes one that stopped
// early, or makes a new one — all through run_eval — so that asking again costs nothing.
// Shared by the modality and IDK analyses (docs/ANALYSES.md, "The runs").
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "analysis/eval_job.h"
#include "store/store.h"
#include "util/result.h"

namespace unveil::analysis {

/// How a run was obtained.
enum class RunOrigin { kReused, kResumed, kCreated };
const char* to_string(RunOrigin o);

/// What makes a stored run interchangeable with the one an EvalSpec asks for: the same model file
/// (card path and SHA-256 of the model), dataset, split, condition (canonical), prompt (the card's
/// template when the spec names none) and — for the conditions that draw random numbers (noise,
/// occlude), the only ones whose outcome depends on it — seed. So the demo project's runs (made
/// with its seed) serve any later analysis of the same model, split and prompt with the image.
struct RunKey {
  std::optional<std::int64_t> model_id;  ///< nullopt: the project has no row for the model yet
  std::int64_t dataset_id = 0;
  std::string split, condition, prompt;
  std::uint64_t seed = 0;
  bool seeded = false;  ///< the condition draws random numbers: seed must match
};

/// The key of spec's run in a project: reads the card, hashes the model file, looks up the
/// dataset. Errors name the card, the dataset or the condition.
Result<RunKey> run_key(store::Store& st, const EvalSpec& spec);

/// A stored run that can serve.
struct FoundRun {
  std::int64_t id = 0;
  RunOrigin origin = RunOrigin::kReused;  ///< kReused (complete) or kResumed (stopped early)
};

/// The latest complete run with this key; else the latest one that stopped early (cancelled,
/// interrupted, failed) to resume; else nullopt. A run still marked running belongs to a live
/// process and is left alone.
std::optional<FoundRun> find_run(std::span<const store::RunInfo> runs, const RunKey& key);

struct EnsuredRun {
  std::int64_t run_id = 0;
  RunOrigin origin = RunOrigin::kCreated;
  bool cancelled = false;  ///< stopped by the cancel flag; the run resumes next time
};

/// Progress of ensure_run: the origin is known before the first report. A reused run is reported
/// once, with done == total == its predictions.
using EnsureProgress = std::function<void(RunOrigin origin, const EvalProgress& run)>;

/// Opens an existing project for an analysis that reuses and makes runs (modality, IDK, prompt
/// search): runs left "running" by a process that has died are marked interrupted first, so that
/// they can be resumed.
Result<store::Store> open_for_runs(const std::filesystem::path& db);

/// Reuses, resumes or makes the run spec asks for (spec.resume_run is ignored: the run to resume
/// is found here). `st` is an open connection to spec.db; runs of dead processes should have been
/// marked interrupted (Store::mark_orphaned_runs_interrupted) for them to be resumed.
Result<EnsuredRun> ensure_run(store::Store& st, const EvalSpec& spec,
                              const std::atomic<bool>* cancel = nullptr,
                              const EnsureProgress& progress = {},
                              const PredictionSink& on_predictions = {});

/// The same on spec.db, which must exist; marks orphaned runs interrupted first.
Result<EnsuredRun> ensure_run(const EvalSpec& spec, const std::atomic<bool>* cancel = nullptr,
                              const EnsureProgress& progress = {},
                              const PredictionSink& on_predictions = {});

}  // namespace unveil::analysis
