// The prompt search loop: rounds of expanding the kept suffixes, scoring the new ones through
// stored runs, and keeping the best k; every step written to the store as it happens.
#include "analysis/prompt_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <set>

#include "analysis/prompt_variants.h"
#include "calib/metrics.h"
#include "calib/outcomes.h"
#include "calib/recipe.h"
#include "data/perturb.h"
#include "model/model_card.h"
#include "store/prompt_searches.h"
#include "store/store.h"

namespace unveil::analysis {
namespace {
BandRule band_rule(bool study) {
  return study ? BandRule::kPython : BandRule::kExact;
}

using clock = std::chrono::steady_clock;

// What the search is about, checked before the first run.
struct Plan {
  std::vector<std::string> seeds, variants;  // canonical, without duplicates
  std::int64_t dataset_id = 0;
  std::string model_name, base_template, condition;
};

// Canonical suffixes of a list, without duplicates; an unusable one is an error naming it.
Result<std::vector<std::string>> canonical_list(const std::vector<std::string>& raw,
                                                const std::string& what) {
  std::vector<std::string> out;
  std::set<std::string> have;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string c = canonical_suffix(raw[i]);
    if (const std::string problem = suffix_problem(c); !problem.empty()) {
      return Error{what + " " + std::to_string(i + 1) + " (\"" + raw[i] +
                   "\") cannot be used: " + problem};
    }
    if (have.insert(c).second) out.push_back(std::move(c));
  }
  return out;
}

Status check_numbers(const PromptSearchSpec& spec) {
  const auto at_least_one = [](const char* what, int v) -> Status {
    if (v >= 1) return ok_status();
    return Error{std::string(what) + " must be at least 1; found " + std::to_string(v)};
  };
  for (auto s :
       {at_least_one("k (prompts kept per round)", spec.k),
        at_least_one("m (variants per kept prompt)", spec.m), at_least_one("rounds", spec.rounds),
        at_least_one("ECE bins", spec.ece_bins), at_least_one("batch", spec.batch)}) {
    if (!s) return s;
  }
  return ok_status();
}

std::string split_names(const store::DatasetInfo& ds) {
  std::string out;
  for (const auto& [name, count] : ds.splits) {
    if (!out.empty()) out += ", ";
    out += name.empty() ? "(none)" : name;
  }
  return out;
}

Result<Plan> make_plan(const PromptSearchSpec& spec, store::Store& st) {
  if (auto s = check_numbers(spec); !s) return s.error();
  Plan plan;
  auto seeds = canonical_list(spec.seeds, "seed prompt");
  if (!seeds) return seeds.error();
  if (seeds->empty()) return Error{"no seed prompts given (the study's: \"The answer might be\")"};
  plan.seeds = std::move(*seeds);
  auto variants = canonical_list(spec.variants, "variant");
  if (!variants) return variants.error();
  plan.variants = std::move(*variants);
  if (!spec.use_bank && plan.variants.empty()) {
    return Error{"with the paraphrase bank off, variants must be given"};
  }
  auto condition = data::parse_perturbation(spec.condition);
  if (!condition)
    return Error{"condition \"" + spec.condition + "\": " + condition.error().message};
  plan.condition = data::to_string(*condition);
  auto ds = st.dataset_by_name(spec.dataset);
  if (!ds) return ds.error();
  if (!*ds) return Error{"no dataset named \"" + spec.dataset + "\" in " + spec.db.string()};
  plan.dataset_id = (*ds)->id;
  const auto& splits = (*ds)->splits;
  if (!spec.split.empty() && std::none_of(splits.begin(), splits.end(),
                                          [&](const auto& s) { return s.first == spec.split; })) {
    return Error{"dataset \"" + spec.dataset + "\" has no split \"" + spec.split +
                 "\" (its splits: " + split_names(**ds) + ")"};
  }
  auto items = st.items(plan.dataset_id, spec.split);
  if (!items) return items.error();
  if (std::none_of(items->begin(), items->end(), [](const auto& it) { return it.answer >= 0; })) {
    return Error{"dataset \"" + spec.dataset + "\"" +
                 (spec.split.empty() ? std::string() : " split \"" + spec.split + "\"") +
                 " has no item with a gold answer to score prompts on"};
  }
  auto card = model::read_model_card(spec.card);
  if (!card) return card.error();
  plan.model_name = card->name;
  plan.base_template = spec.prompt.empty() ? card->prompt_template : spec.prompt;
  return plan;
}

nlohmann::ordered_json settings_json(const PromptSearchSpec& spec, const Plan& plan) {
  nlohmann::ordered_json j;
  j["model"] = plan.model_name;
  j["card"] = std::filesystem::absolute(spec.card).string();
  j["dataset"] = spec.dataset;
  j["split"] = spec.split;
  j["condition"] = plan.condition;
  j["template"] = plan.base_template;
  j["k"] = spec.k;
  j["m"] = spec.m;
  j["rounds"] = spec.rounds;
  j["seed"] = spec.seed;
  j["seeds"] = plan.seeds;
  j["variants"] = plan.variants;
  j["use_bank"] = spec.use_bank;
  j["ece_bins"] = spec.ece_bins;
  j["batch"] = spec.batch;
  j["recipe"] = spec.study ? "study" : "unveil";
  return j;
}

std::vector<std::string> suffixes(const std::vector<PromptScore>& scores) {
  std::vector<std::string> out;
  out.reserve(scores.size());
  for (const auto& s : scores)
    out.push_back(s.suffix);
  return out;
}

RoundBest round_best(int round, const std::vector<PromptScore>& top) {
  if (top.empty()) return {round, 0, 0, ""};
  return {round, top[0].accuracy, top[0].ece, top[0].suffix};
}

// One search in progress: its state, its stored row and its progress reports.
class Search {
 public:
  Search(const PromptSearchSpec& spec, const Plan& plan, store::Store& st,
         const std::atomic<bool>* cancel,
         const std::function<void(const PromptSearchProgress&)>& progress)
      : spec_(spec),
        plan_(plan),
        st_(st),
        cancel_(cancel),
        progress_(progress),
        source_(plan.variants, spec.use_bank, spec.seed) {}

  Status run(PromptSearchResult& res) {
    store::PromptSearchRow row;
    row.dataset_id = plan_.dataset_id;
    row.split = spec_.split;
    row.settings = settings_json(spec_, plan_).dump();
    auto id = store::create_prompt_search(st_, row);
    if (!id) return id.error();
    res.search_id = id_ = *id;
    for (const auto& s : plan_.seeds)
      seen_.insert(s);
    for (int round = 1; round <= spec_.rounds && !res.cancelled; ++round) {
      auto s = run_round(round, res);
      if (!s) return s;
    }
    res.top = kept_;
    return ok_status();
  }

  const std::vector<PromptScore>& scored() const { return scored_; }

 private:
  // The candidates of a round, each with the kept suffix it comes from.
  std::vector<std::pair<std::string, std::string>> candidates(int round) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const std::string& parent) {
      for (auto& v : source_.expand(parent, static_cast<std::size_t>(spec_.m), seen_))
        out.emplace_back(std::move(v), parent);
    };
    if (round == 1) {
      // As the study: the seeds are scored along with their first variants.
      for (const auto& s : plan_.seeds)
        out.emplace_back(s, "");
      for (const auto& s : plan_.seeds)
        add(s);
    } else {
      for (const auto& k : kept_)
        add(k.suffix);
    }
    return out;
  }

  Status run_round(int round, PromptSearchResult& res) {
    const auto pending = candidates(round);
    std::vector<PromptScore> pool = kept_;
    PromptSearchProgress p;
    p.round = round;
    p.to_score = pending.size();
    report(p, pool, true);
    for (const auto& [suffix, parent] : pending) {
      if (cancel_ && cancel_->load()) {
        res.cancelled = true;
        break;
      }
      p.suffix = suffix;
      p.run = {};
      auto score = score_prompt(suffix, parent, round, p, pool, res);
      if (!score) return score.error();
      if (!*score) {  // stopped by the cancel flag
        res.cancelled = true;
        break;
      }
      pool.push_back(**score);
      ++p.scored;
      p.suffix.clear();
      report(p, pool, p.scored == p.to_score);
    }
    kept_ = top_k(pool, static_cast<std::size_t>(spec_.k), band_rule(spec_.study));
    if (res.cancelled) return ok_status();  // the round is not complete: no kept round stored
    for (auto& s : scored_) {
      for (const auto& k : kept_) {
        if (k.suffix == s.suffix) s.kept_through = round;
      }
    }
    for (auto& k : kept_)
      k.kept_through = round;
    if (auto s = store::mark_prompt_search_kept(st_, id_, round, suffixes(kept_)); !s) return s;
    best_.push_back(round_best(round, kept_));
    res.best = best_;
    res.kept.push_back(suffixes(kept_));
    res.rounds_done = round;
    return ok_status();
  }

  // Scores one suffix through its stored run; nullopt when the cancel flag stopped the run.
  Result<std::optional<PromptScore>> score_prompt(const std::string& suffix,
                                                  const std::string& parent, int round,
                                                  PromptSearchProgress& p,
                                                  const std::vector<PromptScore>& pool,
                                                  PromptSearchResult& res) {
    EvalSpec e;
    e.db = spec_.db;
    e.card = spec_.card;
    e.dataset = spec_.dataset;
    e.split = spec_.split;
    e.condition = plan_.condition;
    e.prompt = suffix_template(plan_.base_template, suffix);
    e.device = spec_.device;
    e.batch = spec_.batch;
    e.models = &models_;
    e.run_name = plan_.model_name + " · " + spec_.dataset +
                 (spec_.split.empty() ? "" : "/" + spec_.split) + " · prompt search " +
                 std::to_string(id_) + ": " + suffix;
    // The first report of each prompt's run always goes out (the view names the prompt being
    // scored, and a cancel from it lands inside the run); later ones are throttled.
    bool first = true;
    auto r = ensure_run(st_, e, cancel_, [&](RunOrigin origin, const EvalProgress& ep) {
      p.origin = origin;
      p.run = ep;
      report(p, pool, first);
      first = false;
    });
    if (!r) return Error{"prompt \"" + suffix + "\": " + r.error().message};
    if (r->cancelled) return std::optional<PromptScore>();
    switch (r->origin) {
      case RunOrigin::kCreated:
        ++res.runs_created;
        break;
      case RunOrigin::kReused:
        ++res.runs_reused;
        break;
      case RunOrigin::kResumed:
        ++res.runs_resumed;
        break;
    }
    auto set = st_.prediction_set(r->run_id);
    if (!set) return set.error();
    if (set->empty()) {
      return Error{"prompt \"" + suffix + "\": run " + std::to_string(r->run_id) +
                   " has no predictions"};
    }
    if (!model_known_) {
      auto info = st_.run(r->run_id);
      if (!info) return info.error();
      if (info->spec.model_id) {
        if (auto s = store::set_prompt_search_model(st_, id_, *info->spec.model_id); !s)
          return s.error();
        model_known_ = true;
      }
    }
    calib::MetricsOptions mo;
    mo.bins = spec_.ece_bins;
    auto scored =
        calib::score(*set, spec_.study ? calib::study_recipe() : calib::unveil_recipe(mo));
    if (!scored) return Error{"prompt \"" + suffix + "\": " + scored.error().message};
    const calib::Outcomes& o = scored->outcomes;
    const calib::Metrics& m = scored->metrics;
    PromptScore s;
    s.suffix = suffix;
    s.parent = parent;
    s.round = round;
    s.n = o.size();
    for (auto c : o.correct)
      s.correct += c;
    s.accuracy = m.accuracy;
    s.ece = m.ece;
    s.run_id = r->run_id;
    s.origin = r->origin;
    store::PromptSearchEntryRow entry;
    entry.round = round;
    entry.prompt = suffix;
    entry.parent = parent;
    entry.accuracy = s.accuracy;
    entry.ece = s.ece;
    entry.n = s.n;
    entry.run_id = s.run_id;
    if (auto st = store::add_prompt_search_entry(st_, id_, entry); !st) return st.error();
    scored_.push_back(s);
    return std::optional<PromptScore>(std::move(s));
  }

  // At most ~8 reports a second, except those that must arrive (start and end of a round, the
  // first of each prompt's run).
  void report(PromptSearchProgress& p, const std::vector<PromptScore>& pool, bool force) {
    if (!progress_) return;
    const auto now = clock::now();
    if (!force && now - last_report_ < std::chrono::milliseconds(120)) return;
    last_report_ = now;
    p.search_id = id_;
    p.rounds = spec_.rounds;
    p.top = top_k(pool, static_cast<std::size_t>(spec_.k), band_rule(spec_.study));
    p.best = best_;
    if (!p.top.empty() && static_cast<int>(best_.size()) < p.round)
      p.best.push_back(round_best(p.round, p.top));
    double part = p.to_score ? static_cast<double>(p.scored) : 0;
    if (!p.suffix.empty() && p.run.total > 0)
      part += static_cast<double>(p.run.done) / static_cast<double>(p.run.total);
    const double in_round = p.to_score ? part / static_cast<double>(p.to_score) : 1;
    p.overall = (p.round - 1 + std::min(1.0, in_round)) / static_cast<double>(spec_.rounds);
    progress_(p);
  }

  const PromptSearchSpec& spec_;
  const Plan& plan_;
  store::Store& st_;
  const std::atomic<bool>* cancel_;
  const std::function<void(const PromptSearchProgress&)>& progress_;
  ModelCache models_;  // the model, loaded by the first prompt that has to be run
  VariantSource source_;
  std::int64_t id_ = 0;
  bool model_known_ = false;
  std::set<std::string> seen_;       // every suffix scored or chosen for scoring
  std::vector<PromptScore> scored_;  // in scoring order
  std::vector<PromptScore> kept_;    // the current top k
  std::vector<RoundBest> best_;      // per completed round
  clock::time_point last_report_{};
};

PromptSearchResult result_head(const PromptSearchSpec& spec, const Plan& plan) {
  PromptSearchResult res;
  res.model = plan.model_name;
  res.dataset = spec.dataset;
  res.split = spec.split;
  res.condition = plan.condition;
  res.base_template = plan.base_template;
  res.k = spec.k;
  res.m = spec.m;
  res.rounds = spec.rounds;
  res.ece_bins = spec.ece_bins;
  res.study = spec.study;
  res.seed = spec.seed;
  res.seeds = plan.seeds;
  res.variants = plan.variants;
  res.use_bank = spec.use_bank;
  return res;
}

}  // namespace

int accuracy_band(const PromptScore& s, BandRule rule) {
  if (s.n == 0) return 0;
  if (rule == BandRule::kPython) {
    const double acc = static_cast<double>(s.correct) / static_cast<double>(s.n);
    return static_cast<int>(calib::python_floor_div(acc, 0.2));
  }
  return static_cast<int>((5 * s.correct) / s.n);
}

bool ranks_before(const PromptScore& a, const PromptScore& b, BandRule rule) {
  const int ba = accuracy_band(a, rule), bb = accuracy_band(b, rule);
  if (ba != bb) return ba > bb;
  if (a.ece != b.ece) return a.ece < b.ece;
  // correct/n compared exactly: a.correct * b.n against b.correct * a.n.
  const auto acc_a = static_cast<unsigned long long>(a.correct) * b.n;
  const auto acc_b = static_cast<unsigned long long>(b.correct) * a.n;
  if (acc_a != acc_b) return acc_a > acc_b;
  return a.suffix < b.suffix;
}

std::vector<PromptScore> top_k(std::vector<PromptScore> scores, std::size_t k, BandRule rule) {
  std::sort(scores.begin(), scores.end(), [rule](const PromptScore& a, const PromptScore& b) {
    return ranks_before(a, b, rule);
  });
  if (scores.size() > k) scores.resize(k);
  return scores;
}

Result<PromptSearchResult> run_prompt_search(
    const PromptSearchSpec& spec, const std::atomic<bool>* cancel,
    const std::function<void(const PromptSearchProgress&)>& progress) {
  const auto t0 = clock::now();
  auto st = open_for_runs(spec.db);
  if (!st) return st.error();
  if (st->read_only()) return Error{spec.db.string() + " is read-only: a search must be stored"};
  auto plan = make_plan(spec, *st);
  if (!plan) return plan.error();
  PromptSearchResult res = result_head(spec, *plan);
  Search search(spec, *plan, *st, cancel, progress);
  const Status ran = search.run(res);
  res.scored = search.scored();
  res.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  res.status = !ran ? "failed" : res.cancelled ? "cancelled" : "complete";
  if (res.top.empty()) {
    res.top = top_k(search.scored(), static_cast<std::size_t>(spec.k), band_rule(spec.study));
  }
  if (!res.top.empty()) res.best_template = suffix_template(plan->base_template, res.top[0].suffix);
  if (res.search_id) {
    auto settings = settings_json(spec, *plan);
    settings["rounds_done"] = res.rounds_done;
    settings["seconds"] = res.seconds;
    settings["runs"] = {
        {"created", res.runs_created}, {"reused", res.runs_reused}, {"resumed", res.runs_resumed}};
    auto fin = store::finish_prompt_search(*st, res.search_id, res.status, settings.dump(),
                                           suffixes(res.top));
    if (!ran) return ran.error();
    if (!fin) return fin.error();
    auto row = store::prompt_search(*st, res.search_id);
    if (row) {
      res.created_at = row->created_at;
      res.finished_at = row->finished_at;
    }
  }
  if (!ran) return ran.error();
  return res;
}

Result<std::vector<PromptSearchInfo>> list_prompt_searches(const std::filesystem::path& db) {
  auto st = store::Store::open(db, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  auto rows = store::prompt_searches(*st);
  if (!rows) return rows.error();
  std::vector<PromptSearchInfo> out;
  for (const auto& row : *rows) {
    auto loaded = load_prompt_search(db, row.id);
    if (!loaded) return loaded.error();
    PromptSearchInfo info;
    info.id = row.id;
    info.model = loaded->model;
    info.dataset = loaded->dataset;
    info.split = loaded->split;
    info.status = loaded->status;
    info.created_at = loaded->created_at;
    info.finished_at = loaded->finished_at;
    info.k = loaded->k;
    info.m = loaded->m;
    info.rounds = loaded->rounds;
    info.scored = loaded->scored.size();
    if (!loaded->top.empty()) {
      info.best_suffix = loaded->top[0].suffix;
      info.best_accuracy = loaded->top[0].accuracy;
      info.best_ece = loaded->top[0].ece;
    }
    out.push_back(std::move(info));
  }
  return out;
}

Result<PromptSearchResult> load_prompt_search(const std::filesystem::path& db,
                                              std::int64_t search_id) {
  auto st = store::Store::open(db, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  auto row = store::prompt_search(*st, search_id);
  if (!row) return row.error();
  auto entries = store::prompt_search_entries(*st, search_id);
  if (!entries) return entries.error();
  const auto j = nlohmann::json::parse(row->settings, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    return Error{db.string() + ": prompt search " + std::to_string(search_id) +
                 " has unreadable settings (expected a JSON object)"};
  }
  PromptSearchResult res;
  res.search_id = row->id;
  res.model = row->model_name.empty() ? j.value("model", std::string()) : row->model_name;
  res.dataset = row->dataset_name;
  res.split = row->split;
  res.condition = j.value("condition", std::string("image"));
  res.base_template = j.value("template", std::string());
  res.k = j.value("k", 0);
  res.m = j.value("m", 0);
  res.rounds = j.value("rounds", 0);
  res.ece_bins = j.value("ece_bins", 10);
  res.study = j.value("recipe", std::string("unveil")) == "study";
  res.seed = j.value("seed", std::uint64_t{0});
  res.seeds = j.value("seeds", std::vector<std::string>());
  res.variants = j.value("variants", std::vector<std::string>());
  res.use_bank = j.value("use_bank", true);
  res.status = row->status;
  res.cancelled = row->status == "cancelled";
  res.seconds = j.value("seconds", 0.0);
  res.created_at = row->created_at;
  res.finished_at = row->finished_at;
  if (j.contains("runs") && j["runs"].is_object()) {
    res.runs_created = j["runs"].value("created", std::size_t{0});
    res.runs_reused = j["runs"].value("reused", std::size_t{0});
    res.runs_resumed = j["runs"].value("resumed", std::size_t{0});
  }
  for (const auto& e : *entries) {
    PromptScore s;
    s.suffix = e.prompt;
    s.parent = e.parent;
    s.round = e.round;
    s.n = e.n;
    s.correct = static_cast<std::size_t>(std::llround(e.accuracy * static_cast<double>(e.n)));
    s.accuracy = e.accuracy;
    s.ece = e.ece;
    s.run_id = e.run_id.value_or(0);
    s.origin = RunOrigin::kReused;
    s.kept_through = e.kept_through;
    res.scored.push_back(std::move(s));
  }
  // A running (or interrupted) search has no rounds_done yet: its rounds with kept prompts count.
  res.rounds_done = j.value("rounds_done", -1);
  if (res.rounds_done < 0) {
    res.rounds_done = 0;
    for (const auto& s : res.scored)
      res.rounds_done = std::max(res.rounds_done, s.kept_through);
  }
  const auto k = static_cast<std::size_t>(std::max(1, res.k));
  for (int round = 1; round <= res.rounds_done; ++round) {
    std::vector<PromptScore> upto;
    for (const auto& s : res.scored) {
      if (s.round <= round) upto.push_back(s);
    }
    const auto kept = top_k(std::move(upto), k, band_rule(res.study));
    res.best.push_back(round_best(round, kept));
    res.kept.push_back(suffixes(kept));
  }
  res.top = top_k(res.scored, k, band_rule(res.study));
  if (!res.top.empty()) res.best_template = suffix_template(res.base_template, res.top[0].suffix);
  return res;
}

}  // namespace unveil::analysis
