// The modality analysis: one stored run per condition (reused, resumed or made by run_eval), then
// the numbers of modality_stats.cpp.
#include "analysis/modality.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "data/perturb.h"
#include "model/model_card.h"
#include "store/store.h"
#include "util/error_message.h"

namespace unveil::analysis {
namespace {

// What the analysis is about, checked before any run starts.
struct Plan {
  std::vector<std::string> conditions;  // canonical specs
  std::size_t reference = 0;
  std::string model_name, prompt;
};

// A run for one condition, ready or left off.
struct ConditionRun {
  std::int64_t id = 0;
  RunOrigin origin = RunOrigin::kCreated;
  bool cancelled = false;
};

Result<std::vector<std::string>> canonical_conditions(const std::vector<std::string>& specs) {
  if (specs.empty()) return Error{"no conditions given (expected e.g. image,text,blank)"};
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& spec : specs) {
    auto p = data::parse_perturbation(spec);
    if (!p) return Error{"condition \"" + spec + "\": " + p.error().message};
    const std::string c = data::to_string(*p);
    if (!seen.insert(c).second) return Error{"condition \"" + c + "\" is listed twice"};
    out.push_back(c);
  }
  return out;
}

Result<Plan> make_plan(const ModalitySpec& spec, store::Store& st) {
  Plan plan;
  auto conditions = canonical_conditions(spec.conditions);
  if (!conditions) return conditions.error();
  plan.conditions = std::move(*conditions);
  const auto image = std::find(plan.conditions.begin(), plan.conditions.end(), "image");
  plan.reference = image == plan.conditions.end()
                       ? 0
                       : static_cast<std::size_t>(image - plan.conditions.begin());
  auto ds = st.dataset_by_name(spec.dataset);
  if (!ds) return ds.error();
  if (!*ds) return Error::from(message("analysis.no_dataset", spec.dataset, spec.db.string()));
  auto card = model::read_model_card(spec.card);
  if (!card) return card.error();
  plan.model_name = card->name;
  plan.prompt = spec.prompt.empty() ? card->prompt_template : spec.prompt;
  return plan;
}

EvalSpec eval_spec(const ModalitySpec& spec, const std::string& condition, ModelCache& models) {
  EvalSpec e;
  e.models = &models;
  e.db = spec.db;
  e.card = spec.card;
  e.dataset = spec.dataset;
  e.split = spec.split;
  e.condition = condition;
  e.prompt = spec.prompt;
  e.device = spec.device;
  e.batch = spec.batch;
  e.seed = spec.seed;
  return e;
}

// The condition's run, reused, resumed or made (run_reuse.h), with progress over all conditions.
Result<ConditionRun> condition_run(const ModalitySpec& spec, const Plan& plan, std::size_t i,
                                   store::Store& st, ModelCache& models,
                                   const std::atomic<bool>* cancel,
                                   const std::function<void(const ModalityProgress&)>& progress) {
  const std::string& condition = plan.conditions[i];
  ModalityProgress p;
  p.condition_index = i;
  p.conditions = plan.conditions.size();
  p.condition = condition;
  const auto n = static_cast<double>(p.conditions);
  auto r =
      ensure_run(st, eval_spec(spec, condition, models), cancel,
                 [&](RunOrigin origin, const EvalProgress& ep) {
                   p.origin = origin;
                   p.run = ep;
                   const double part =
                       ep.total ? static_cast<double>(ep.done) / static_cast<double>(ep.total) : 1;
                   p.overall = (static_cast<double>(i) + part) / n;
                   if (progress) progress(p);
                 });
  if (!r) return Error{"condition \"" + condition + "\": " + r.error().message};
  return ConditionRun{r->run_id, r->origin, r->cancelled};
}

Result<std::vector<calib::PredictionSet>> load_sets(store::Store& st,
                                                    const std::vector<ConditionRun>& runs) {
  std::vector<calib::PredictionSet> sets;
  for (const auto& r : runs) {
    auto set = st.prediction_set(r.id);
    if (!set) return set.error();
    if (set->empty()) return Error::from(message("analysis.run_empty", r.id));
    sets.push_back(std::move(*set));
  }
  return sets;
}

Result<std::vector<ConditionSummary>> summarise(const ModalitySpec& spec, const Plan& plan,
                                                store::Store& st,
                                                const std::vector<ConditionRun>& runs) {
  auto sets = load_sets(st, runs);
  if (!sets) return sets.error();
  std::vector<ConditionSummary> out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ConditionSummary s = summarise_condition((*sets)[i], spec.ece_bins, spec.histogram_bins);
    s.condition = plan.conditions[i];
    s.run_id = runs[i].id;
    s.origin = runs[i].origin;
    if (i != plan.reference) {
      s.versus_reference = compare_to_reference((*sets)[plan.reference], (*sets)[i]);
      s.versus_reference->reference = plan.conditions[plan.reference];
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<ModalityResult> run_modality(const ModalitySpec& spec, const std::atomic<bool>* cancel,
                                    const std::function<void(const ModalityProgress&)>& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  auto st = open_for_runs(spec.db);
  if (!st) return st.error();
  auto plan = make_plan(spec, *st);
  if (!plan) return plan.error();
  ModalityResult res;
  res.model = plan->model_name;
  res.dataset = spec.dataset;
  res.split = spec.split;
  res.prompt = plan->prompt;
  res.reference = plan->conditions[plan->reference];
  res.ece_bins = spec.ece_bins;
  std::vector<ConditionRun> runs;
  ModelCache models;
  for (std::size_t i = 0; i < plan->conditions.size() && !res.cancelled; ++i) {
    // Checked before each run as well, so that a cancel leaves no empty run behind.
    res.cancelled = cancel && cancel->load();
    if (res.cancelled) break;
    auto r = condition_run(spec, *plan, i, *st, models, cancel, progress);
    if (!r) return r.error();
    res.cancelled = r->cancelled;
    runs.push_back(*r);
  }
  if (res.cancelled) return res;
  auto summaries = summarise(spec, *plan, *st, runs);
  if (!summaries) return summaries.error();
  res.conditions = std::move(*summaries);
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace unveil::analysis
