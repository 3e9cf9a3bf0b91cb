#include "analysis/eval_job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "data/perturb.h"
#include "model/model.h"
#include "model/prompt.h"
#include "store/run_headline.h"
#include "store/store.h"
#include "util/error_message.h"
#include "util/sha256.h"

namespace unveil::analysis {
namespace {

// What an endpoint's answer adds to a prediction, kept as extra JSON members (exported with the
// prediction, docs/FORMATS.md): the generated text and the option letters whose log-probabilities
// are bounds (absent from the server's top_logprobs).
std::string endpoint_extra(const model::ScoreResult& r) {
  if (r.text.empty() && r.bounded.empty()) return {};
  std::string extra;
  if (!r.text.empty())
    extra += "\"generated_text\":" +
             nlohmann::json(r.text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (!r.bounded.empty()) {
    if (!extra.empty()) extra += ",";
    extra += "\"logprob_bounded_options\":" + nlohmann::json(r.bounded).dump();
  }
  return extra;
}

// The model's row in the project (one per model fingerprint and card path), added when missing.
Result<std::int64_t> model_row(store::Store& st, const model::Model& m,
                               const std::filesystem::path& card) {
  auto found = find_model_row(st, m.card(), card);
  if (!found) return found.error();
  if (*found) return **found;
  std::ifstream f(card);
  const std::string text((std::istreambuf_iterator<char>(f)), {});
  return st.add_model(
      {0, m.card().name, std::filesystem::absolute(card).string(), m.fingerprint(), text, ""});
}

}  // namespace

std::string check_model_output(const model::ModelOutput& o, std::size_t options) {
  if (o.option_logits.size() != options) {
    return "the model returned " + std::to_string(o.option_logits.size()) + " option logits for " +
           std::to_string(options) + " options";
  }
  for (std::size_t k = 0; k < options; ++k) {
    if (!std::isfinite(o.option_logits[k])) {
      return std::string("the model's logit of option ") + static_cast<char>('A' + k) + " is " +
             (std::isnan(o.option_logits[k]) ? "NaN" : "infinite") + " (not stored)";
    }
  }
  if (o.answer < -1 || o.answer >= static_cast<int>(options)) {
    return "the model's answer index " + std::to_string(o.answer) + " is out of range";
  }
  if (o.conf_vocab && !(*o.conf_vocab >= 0 && *o.conf_vocab <= 1)) {
    return "the model's vocabulary confidence is not a probability (not stored)";
  }
  for (double v : o.vocab_logits) {
    if (!std::isfinite(v)) return "the model's vocabulary logits are not finite (not stored)";
  }
  return {};
}

Result<std::optional<std::int64_t>> find_model_row(store::Store& st, const model::ModelCard& card,
                                                   const std::filesystem::path& card_file) {
  auto fingerprint = model::card_fingerprint(card);
  if (!fingerprint) return fingerprint.error();
  const std::string& hash = *fingerprint;
  const std::string path = std::filesystem::absolute(card_file).string();
  auto models = st.models();
  if (!models) return models.error();
  for (const auto& row : *models) {
    if (row.sha256 == hash && row.path == path) return std::optional<std::int64_t>(row.id);
  }
  return std::optional<std::int64_t>();
}

Result<model::Model> ModelCache::get(const std::filesystem::path& card,
                                     model::DeviceChoice device) {
  for (const Entry& e : entries_)
    if (e.card == card && e.device == device) return e.model;
  auto m = model::Model::load(card, device);
  if (!m) return m.error();
  ++loads_;
  entries_.push_back({card, device, *m});
  return std::move(*m);
}

Result<EvalResult> run_eval(const EvalSpec& spec, const std::atomic<bool>* cancel,
                            const std::function<void(const EvalProgress&)>& progress,
                            const PredictionSink& on_predictions) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  auto condition = data::parse_perturbation(spec.condition);
  if (!condition) return Error{"condition: " + condition.error().message};
  auto st = store::Store::open(spec.db, store::OpenMode::kOpenExisting);
  if (!st) return st.error();
  auto ds = st->dataset_by_name(spec.dataset);
  if (!ds) return ds.error();
  if (!*ds) return Error::from(message("analysis.no_dataset", spec.dataset, spec.db.string()));
  auto m = spec.models ? spec.models->get(spec.card, spec.device)
                       : model::Model::load(spec.card, spec.device);
  if (!m) return m.error();
  auto items = st->items((*ds)->id, spec.split, /*load_images=*/true);
  if (!items) return items.error();
  auto ids = st->item_ids((*ds)->id, spec.split);
  if (!ids) return ids.error();
  if (items->empty()) {
    return Error::from(spec.split.empty()
                           ? message("analysis.no_items", spec.dataset)
                           : message("analysis.no_items_in_split", spec.dataset, spec.split));
  }
  auto model_id = model_row(*st, *m, spec.card);
  if (!model_id) return model_id.error();
  const std::string prompt = spec.prompt.empty() ? m->card().prompt_template : spec.prompt;
  if (std::string bad = model::prompt_template_problem(prompt); !bad.empty()) {
    return Error::from(message("analysis.prompt_template", bad));
  }

  EvalResult res;
  res.device = m->device_name();
  std::set<std::int64_t> done;
  if (spec.resume_run) {
    auto run = st->run(*spec.resume_run);
    if (!run) return run.error();
    // A run is one model with one set of settings: resuming with anything else would mix two
    // models' answers under one name. Say every difference.
    std::vector<std::string> differs;
    if (run->spec.dataset_id != (*ds)->id) differs.push_back("dataset");
    if (run->spec.split != spec.split) differs.push_back("split");
    if (run->spec.condition != data::to_string(*condition)) differs.push_back("condition");
    if (run->spec.prompt != prompt) differs.push_back("prompt");
    if (run->spec.model_id != *model_id) {
      differs.push_back("model (another card or another model file)");
    }
    const auto settings = nlohmann::json::parse(run->spec.settings, nullptr, false);
    const auto setting = [&](const char* key) {
      return settings.is_object() && settings.contains(key) ? settings[key] : nlohmann::json();
    };
    if (setting("model_sha256") != nlohmann::json(m->fingerprint())) {
      differs.push_back(m->card().backend == model::kBackendOpenAi
                            ? "model (another server or model id)"
                            : "model weights (SHA-256 of the model file)");
    }
    if (setting("seed") != nlohmann::json(spec.seed)) differs.push_back("seed");
    if (setting("max_new_tokens") != nlohmann::json(m->card().max_new_tokens)) {
      differs.push_back("max_new_tokens");
    }
    if (!differs.empty()) {
      std::string list;
      for (const auto& d : differs)
        list += (list.empty() ? "" : ", ") + d;
      return Error::from(message(
          differs.size() == 1 ? "analysis.resume_differs_one" : "analysis.resume_differs_many",
          *spec.resume_run, list));
    }
    auto already = st->predicted_items(*spec.resume_run);
    if (!already) return already.error();
    done.insert(already->begin(), already->end());
    res.run_id = *spec.resume_run;
    if (on_predictions && !done.empty()) {
      auto earlier = st->prediction_set(res.run_id);
      if (!earlier) return earlier.error();
      on_predictions(*earlier);
    }
  } else {
    store::RunSpec rs;
    rs.name = spec.run_name.empty() ? m->card().name + " · " + spec.dataset +
                                          (spec.split.empty() ? "" : "/" + spec.split) + " · " +
                                          data::to_string(*condition)
                                    : spec.run_name;
    rs.model_id = *model_id;
    rs.dataset_id = (*ds)->id;
    rs.split = spec.split;
    rs.prompt = prompt;
    rs.condition = data::to_string(*condition);
    rs.device = m->device_name();
    rs.settings = nlohmann::json{{"batch", spec.batch},
                                 {"seed", spec.seed},
                                 {"max_new_tokens", m->card().max_new_tokens},
                                 {"backend", m->card().backend},
                                 {"model_sha256", m->fingerprint()}}
                      .dump();
    rs.expected = items->size();
    auto run = st->create_run(rs);
    if (!run) return run.error();
    res.run_id = *run;
  }
  auto writer = store::PredictionWriter::open(spec.db, res.run_id, 256);
  if (!writer) return writer.error();

  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (done.count((*ids)[i])) continue;
    if ((*items)[i].answer < 0) {
      ++res.skipped;
      continue;
    }
    pending.push_back(i);
  }
  const std::filesystem::path root = (*ds)->root;
  const std::size_t batch = m->batch_size(static_cast<std::size_t>(std::max(1, spec.batch)));
  auto last_report = clock::now();
  const auto t_run = clock::now();
  std::size_t processed = 0;
  // A failure of the whole run (the model fails, the server cannot be reached): what is stored
  // stays, the run is marked failed and can be resumed.
  const auto fail_run = [&](const Error& e) -> Error {
    (void)writer->flush();
    (void)st->set_run_status(res.run_id, store::RunStatus::kFailed);
    return Error::from(message("analysis.run_failed_kept", as_message(e), res.run_id,
                               done.size() + res.predicted));
  };
  for (std::size_t b = 0; b < pending.size(); b += batch) {
    if (cancel && cancel->load()) {
      res.cancelled = true;
      break;
    }
    std::vector<model::ScoreRequest> requests;
    std::vector<std::size_t> which;
    for (std::size_t k = b; k < std::min(pending.size(), b + batch); ++k) {
      model::ScoreRequest q;
      q.item = &(*items)[pending[k]];
      q.root = root;
      q.condition = *condition;
      q.prompt_template = prompt;
      q.seed = spec.seed ^ static_cast<std::uint64_t>((*ids)[pending[k]]);
      requests.push_back(std::move(q));
      which.push_back(pending[k]);
    }
    auto out = m->score(requests, cancel);
    if (!out) return fail_run(out.error());
    calib::PredictionSet live;
    calib::PredictionInput in;
    for (std::size_t k = 0; k < out->size(); ++k) {
      const model::ScoreResult& r = (*out)[k];
      const auto& item = (*items)[which[k]];
      if (r.status == model::ScoreResult::Status::kCancelled) {
        res.cancelled = true;
        continue;
      }
      if (r.status != model::ScoreResult::Status::kScored) {
        // An input that could not be made is skipped; an item the model (or a server) failed on
        // is a failed item: the run is then resumable and a resume asks again.
        const bool skipped = r.status == model::ScoreResult::Status::kSkipped;
        ++(skipped ? res.skipped : res.failed);
        if (res.problems.size() < 20)
          res.problems.push_back(skipped ? r.error : "failed: " + r.error);
        continue;
      }
      const model::ModelOutput& o = r.output;
      // A model's output is checked before it is stored: a non-finite or wrongly shaped result
      // is a failed item with its reason, never a row SQLite would silently turn into nothing.
      if (auto bad = check_model_output(o, item.options.size()); !bad.empty()) {
        ++res.failed;
        if (res.problems.size() < 20)
          res.problems.push_back("failed: item " + item.id + ": " + bad);
        continue;
      }
      store::PredictionRecord p;
      p.item_id = (*ids)[which[k]];
      p.label = item.answer;
      p.logits = o.option_logits;
      p.answer = o.answer;
      p.conf_vocab = o.conf_vocab;
      p.vocab_logits = o.vocab_logits;
      double mx = -INFINITY, sum = 0;
      for (double z : o.option_logits)
        mx = std::max(mx, z);
      for (double z : o.option_logits)
        sum += std::exp(z - mx);
      // The answer is the first generated option letter; its option-level probability is its
      // softmax over the option logits (the largest for a model that decodes greedily).
      p.conf_options = o.answer >= 0 ? std::exp(o.option_logits[o.answer] - mx) / sum : 1.0 / sum;
      p.correct = o.answer == item.answer;
      p.latency_ms = r.milliseconds;
      p.extra = endpoint_extra(r);
      if (auto s = writer->add(p); !s) return fail_run(s.error());
      ++res.predicted;
      if (on_predictions) {
        in.clear();
        in.id = item.id;
        in.scores = p.logits;
        in.label = item.answer;
        in.answer = o.answer >= 0 ? o.answer : calib::kUnanswered;
        in.conf_vocab = o.conf_vocab.value_or(std::numeric_limits<double>::quiet_NaN());
        in.idk_index = item.idk_index < static_cast<int>(p.logits.size()) ? item.idk_index : -1;
        in.category = item.category;
        in.split = item.split;
        live.add(in);
      }
    }
    if (on_predictions && !live.empty()) on_predictions(live);
    processed = std::min(pending.size(), b + batch);
    if (res.cancelled) break;
    if (progress && (b == 0 || clock::now() - last_report > std::chrono::milliseconds(120) ||
                     processed == pending.size())) {
      last_report = clock::now();
      const double secs = std::chrono::duration<double>(clock::now() - t_run).count();
      EvalProgress pr;
      pr.run_id = res.run_id;
      pr.total = done.size() + pending.size();
      pr.done = done.size() + processed;
      pr.backend = m->counters();
      pr.items_per_second = secs > 0 ? static_cast<double>(processed) / secs : 0;
      pr.eta_seconds = pr.items_per_second > 0
                           ? static_cast<double>(pending.size() - processed) / pr.items_per_second
                           : 0;
      progress(pr);
    }
  }
  if (auto s = writer->flush(); !s) return s.error();
  // Failed items leave the run incomplete and resumable (a resume retries them).
  const auto status = res.cancelled ? store::RunStatus::kCancelled
                      : res.failed  ? store::RunStatus::kFailed
                                    : store::RunStatus::kComplete;
  if (auto s = st->set_run_status(res.run_id, status); !s) return s.error();
  auto set = st->prediction_set(res.run_id);
  if (set && !set->empty()) {
    res.metrics = calib::compute_metrics(calib::compute_outcomes(*set));
    if (!res.cancelled && !res.failed)
      (void)st->set_run_summary(res.run_id, store::summary_text(store::headline_of(*res.metrics)));
  }
  res.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  return res;
}

}  // namespace unveil::analysis
