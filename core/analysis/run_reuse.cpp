#include "analysis/run_reuse.h"

#include <nlohmann/json.hpp>

#include "data/perturb.h"
#include "model/model_card.h"

namespace unveil::analysis {
namespace {

bool same_seed(const std::string& settings, std::uint64_t seed) {
  const auto j = nlohmann::json::parse(settings, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && j.value("seed", std::uint64_t{0}) == seed;
}

}  // namespace

const char* to_string(RunOrigin o) {
  switch (o) {
    case RunOrigin::kReused:
      return "reused";
    case RunOrigin::kResumed:
      return "resumed";
    case RunOrigin::kCreated:
      return "created";
  }
  return "?";
}

Result<RunKey> run_key(store::Store& st, const EvalSpec& spec) {
  RunKey key;
  auto condition = data::parse_perturbation(spec.condition);
  if (!condition)
    return Error{"condition \"" + spec.condition + "\": " + condition.error().message};
  key.condition = data::to_string(*condition);
  key.seeded = condition->kind == data::PerturbationKind::kNoise ||
               condition->kind == data::PerturbationKind::kOcclude;
  auto ds = st.dataset_by_name(spec.dataset);
  if (!ds) return ds.error();
  if (!*ds) return Error{"no dataset named \"" + spec.dataset + "\" in " + spec.db.string()};
  key.dataset_id = (*ds)->id;
  auto card = model::read_model_card(spec.card);
  if (!card) return card.error();
  auto row = find_model_row(st, *card, spec.card);
  if (!row) return row.error();
  key.model_id = *row;
  key.split = spec.split;
  key.prompt = spec.prompt.empty() ? card->prompt_template : spec.prompt;
  key.seed = spec.seed;
  return key;
}

std::optional<FoundRun> find_run(std::span<const store::RunInfo> runs, const RunKey& key) {
  if (!key.model_id) return std::nullopt;
  std::optional<FoundRun> resumable;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    const store::RunSpec& r = it->spec;
    if (r.model_id != key.model_id || r.dataset_id != key.dataset_id || r.split != key.split ||
        r.condition != key.condition || r.prompt != key.prompt ||
        (key.seeded && !same_seed(r.settings, key.seed))) {
      continue;
    }
    if (it->status == store::RunStatus::kComplete) return FoundRun{it->id, RunOrigin::kReused};
    const bool stopped = it->status == store::RunStatus::kCancelled ||
                         it->status == store::RunStatus::kInterrupted ||
                         it->status == store::RunStatus::kFailed;
    if (stopped && !resumable) resumable = FoundRun{it->id, RunOrigin::kResumed};
  }
  return resumable;
}

Result<EnsuredRun> ensure_run(store::Store& st, const EvalSpec& spec,
                              const std::atomic<bool>* cancel, const EnsureProgress& progress,
                              const PredictionSink& on_predictions) {
  auto key = run_key(st, spec);
  if (!key) return key.error();
  auto runs = st.runs();
  if (!runs) return runs.error();
  const std::optional<FoundRun> found = find_run(*runs, *key);
  const RunOrigin origin = found ? found->origin : RunOrigin::kCreated;
  if (found && origin == RunOrigin::kReused) {
    auto info = st.run(found->id);
    if (!info) return info.error();
    if (on_predictions) {
      auto set = st.prediction_set(found->id);
      if (!set) return set.error();
      on_predictions(*set);
    }
    EvalProgress p;
    p.run_id = found->id;
    p.done = p.total = info->predictions;
    if (progress) progress(origin, p);
    return EnsuredRun{found->id, origin, false};
  }
  EvalSpec e = spec;
  e.resume_run.reset();
  if (found) e.resume_run = found->id;
  auto r = run_eval(
      e, cancel,
      [&](const EvalProgress& ep) {
        if (progress) progress(origin, ep);
      },
      on_predictions);
  if (!r) return r.error();
  return EnsuredRun{r->run_id, origin, r->cancelled};
}

Result<EnsuredRun> ensure_run(const EvalSpec& spec, const std::atomic<bool>* cancel,
                              const EnsureProgress& progress,
                              const PredictionSink& on_predictions) {
  auto st = open_for_runs(spec.db);
  if (!st) return st.error();
  return ensure_run(*st, spec, cancel, progress, on_predictions);
}

Result<store::Store> open_for_runs(const std::filesystem::path& db) {
  auto st = store::Store::open(db, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  if (auto s = st->mark_orphaned_runs_interrupted(); !s) return s.error();
  return st;
}

}  // namespace unveil::analysis
