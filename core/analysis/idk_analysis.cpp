// The IDK analysis: one stored run per (prompt, split) — reused, resumed or made (run_reuse.h) —
// then the numbers of idk_stats.cpp.
#include "analysis/idk_analysis.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

#include "data/perturb.h"
#include "model/model_card.h"
#include "model/prompt.h"
#include "store/store.h"
#include "util/error_message.h"

namespace unveil::analysis {
namespace {

// What the analysis is about, checked before any run starts.
struct Plan {
  std::vector<IdkPrompt> prompts;   // templates resolved
  std::vector<std::string> splits;  // the idk split, then the answerable ones
  std::string model_name, condition;
};

std::string in_quotes(const std::string& s) {
  return "\"" + s + "\"";
}

// "\n" -> line break, "\\" -> backslash, "\t" -> tab; any other backslash stays as it is.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[i + 1];
      if (c == 'n' || c == '\\' || c == 't') {
        out += c == 'n' ? '\n' : c == 't' ? '\t' : '\\';
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

Result<std::vector<IdkPrompt>> prompts_from_json(const std::string& file, const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) {
    return Error{file + ": expected a JSON array of templates or of {\"name\", \"template\"} " +
                 "objects"};
  }
  std::vector<IdkPrompt> out;
  for (std::size_t k = 0; k < j.size(); ++k) {
    const auto& e = j[k];
    const std::string where = file + ": entry " + std::to_string(k + 1);
    IdkPrompt p;
    if (e.is_string()) {
      p.tmpl = e.get<std::string>();
    } else if (e.is_object() && e.contains("template") && e["template"].is_string()) {
      p.tmpl = e["template"].get<std::string>();
      if (e.contains("name")) {
        if (!e["name"].is_string()) return Error{where + ": \"name\" must be a string"};
        p.name = e["name"].get<std::string>();
      }
    } else {
      return Error{where + ": expected a template string or an object with a \"template\" string"};
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<IdkPrompt> prompts_from_text(const std::string& text) {
  std::vector<IdkPrompt> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    IdkPrompt p;
    const auto tab = line.find('\t');
    if (tab != std::string::npos) {
      p.name = line.substr(0, tab);
      line.erase(0, tab + 1);
    }
    p.tmpl = unescape(line);
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<IdkPrompt>> resolve_prompts(const std::vector<IdkPrompt>& given,
                                               const std::string& card_template) {
  std::vector<IdkPrompt> prompts = given.empty() ? builtin_idk_prompts() : given;
  std::set<std::string> names;
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    IdkPrompt& p = prompts[i];
    if (p.name.empty()) return Error{"prompt " + std::to_string(i + 1) + " has no name"};
    if (!names.insert(p.name).second)
      return Error{"prompt " + in_quotes(p.name) + " is listed twice"};
    if (p.tmpl.empty()) p.tmpl = card_template;
    for (std::size_t k = 0; k < i; ++k) {
      if (prompts[k].tmpl == p.tmpl) {
        return Error{"prompts " + in_quotes(prompts[k].name) + " and " + in_quotes(p.name) +
                     " are the same wording"};
      }
    }
  }
  return prompts;
}

std::string split_list(const store::DatasetInfo& ds) {
  std::string s;
  for (const auto& [name, count] : ds.splits) {
    if (!s.empty()) s += ", ";
    s += name.empty() ? "(none)" : name;
  }
  return s;
}

Status check_split_exists(const store::DatasetInfo& ds, const std::string& split) {
  for (const auto& [name, count] : ds.splits) {
    if (name == split && count > 0) return ok_status();
  }
  return Error::from(message("analysis.no_split", ds.name, split, split_list(ds)));
}

Result<std::vector<std::string>> check_splits(const IdkSpec& spec, store::Store& st,
                                              const store::DatasetInfo& ds) {
  std::vector<std::string> splits{spec.idk_split};
  if (spec.idk_split.empty()) {
    // The whole dataset is the idk side; nothing is left to be answerable.
    if (!spec.answerable_splits.empty())
      return Error{
          "with the whole dataset as the idk side (no idk split), no answerable split can be "
          "given"};
  } else if (auto s = check_split_exists(ds, spec.idk_split); !s) {
    return s.error();
  }
  for (const auto& split : spec.answerable_splits) {
    if (split.empty()) return Error{"an answerable split has an empty name"};
    if (split == spec.idk_split) {
      return Error{"split " + in_quotes(split) + " is both the idk split and an answerable split"};
    }
    if (std::find(splits.begin(), splits.end(), split) != splits.end())
      return Error{"answerable split " + in_quotes(split) + " is listed twice"};
    if (auto s = check_split_exists(ds, split); !s) return s.error();
    splits.push_back(split);
  }
  auto items = st.items(ds.id, spec.idk_split);
  if (!items) return items.error();
  if (std::none_of(items->begin(), items->end(),
                   [](const data::Item& it) { return it.is_idk_question(); })) {
    Message where = spec.idk_split.empty()
                        ? message("analysis.dataset_named", ds.name)
                        : message("analysis.split_of_dataset", spec.idk_split, ds.name);
    return Error::from(message("analysis.no_idk_items", std::move(where), items->size()));
  }
  return splits;
}

Result<Plan> make_plan(const IdkSpec& spec, store::Store& st) {
  Plan plan;
  auto card = model::read_model_card(spec.card);
  if (!card) return card.error();
  plan.model_name = card->name;
  auto prompts = resolve_prompts(spec.prompts, card->prompt_template);
  if (!prompts) return prompts.error();
  plan.prompts = std::move(*prompts);
  auto condition = data::parse_perturbation(spec.condition);
  if (!condition)
    return Error{"condition " + in_quotes(spec.condition) + ": " + condition.error().message};
  plan.condition = data::to_string(*condition);
  auto ds = st.dataset_by_name(spec.dataset);
  if (!ds) return ds.error();
  if (!*ds) return Error::from(message("analysis.no_dataset", spec.dataset, spec.db.string()));
  auto splits = check_splits(spec, st, **ds);
  if (!splits) return splits.error();
  plan.splits = std::move(*splits);
  return plan;
}

EvalSpec eval_spec(const IdkSpec& spec, const Plan& plan, const IdkPrompt& prompt,
                   const std::string& split, ModelCache& models) {
  EvalSpec e;
  e.models = &models;
  e.db = spec.db;
  e.card = spec.card;
  e.dataset = spec.dataset;
  e.split = split;
  e.condition = plan.condition;
  e.prompt = prompt.tmpl;
  e.device = spec.device;
  e.batch = spec.batch;
  e.seed = spec.seed;
  return e;
}

// The sets of one prompt: its idk-split run, and its answerable runs together.
struct PromptSets {
  calib::PredictionSet idk, answerable;
};

Result<PromptSets> load_sets(store::Store& st, const std::vector<IdkRun>& runs) {
  PromptSets sets;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    auto set = st.prediction_set(runs[k].run_id);
    if (!set) return set.error();
    if (k == 0) {
      sets.idk = std::move(*set);
    } else {
      sets.answerable.append(*set);
    }
  }
  return sets;
}

calib::BootstrapOptions bootstrap_options(const IdkSpec& spec, const std::atomic<bool>* cancel) {
  calib::BootstrapOptions b;
  b.replicates = spec.replicates;
  b.seed = spec.bootstrap_seed;
  b.level = spec.level;
  b.cancel = cancel;
  return b;
}

// Summaries of every prompt, and each later prompt against the first.
Result<bool> summarise(const IdkSpec& spec, store::Store& st, const std::atomic<bool>* cancel,
                       IdkResult& res) {
  std::vector<PromptSets> sets;
  for (auto& p : res.prompts) {
    auto s = load_sets(st, p.runs);
    if (!s) return s.error();
    p.idk = summarise_idk_items(s->idk, spec.histogram_bins);
    p.answerable = summarise_answerable(s->answerable);
    sets.push_back(std::move(*s));
  }
  const auto options = bootstrap_options(spec, cancel);
  for (std::size_t i = 1; i < res.prompts.size(); ++i) {
    auto c = compare_prompts(sets[0].idk, sets[i].idk, sets[0].answerable, sets[i].answerable,
                             options, res.prompts[0].prompt.name, res.prompts[i].prompt.name);
    if (!c) return c.error();
    if (c->cancelled) return false;
    res.prompts[i].versus_reference = std::move(*c);
  }
  return true;
}

}  // namespace

std::vector<IdkPrompt> builtin_idk_prompts() {
  std::vector<IdkPrompt> out{{"default", ""}};
  const auto& inviting = model::uncertainty_inviting_templates();
  for (std::size_t i = 0; i < inviting.size(); ++i)
    out.push_back({"inviting-" + std::to_string(i + 1), inviting[i]});
  return out;
}

Result<std::vector<IdkPrompt>> read_idk_prompts(const std::filesystem::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) return Error{file.string() + ": cannot be read"};
  const std::string text((std::istreambuf_iterator<char>(f)), {});
  const auto first = text.find_first_not_of(" \t\r\n");
  std::vector<IdkPrompt> prompts;
  if (first != std::string::npos && text[first] == '[') {
    auto j = prompts_from_json(file.string(), text);
    if (!j) return j.error();
    prompts = std::move(*j);
  } else {
    prompts = prompts_from_text(text);
  }
  if (prompts.empty()) return Error{file.string() + ": no prompts in the file"};
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    if (prompts[i].name.empty()) prompts[i].name = "prompt " + std::to_string(i + 1);
  }
  return prompts;
}

Result<IdkResult> run_idk_analysis(const IdkSpec& spec, const std::atomic<bool>* cancel,
                                   const std::function<void(const IdkProgress&)>& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  auto st = open_for_runs(spec.db);
  if (!st) return st.error();
  auto plan = make_plan(spec, *st);
  if (!plan) return plan.error();
  IdkResult res;
  res.model = plan->model_name;
  res.dataset = spec.dataset;
  res.idk_split = spec.idk_split;
  res.answerable_splits = spec.answerable_splits;
  res.condition = plan->condition;
  res.replicates = spec.replicates;
  res.bootstrap_seed = spec.bootstrap_seed;
  res.level = spec.level;

  IdkProgress p;
  p.runs = plan->prompts.size() * plan->splits.size();
  const auto total = static_cast<double>(p.runs);
  ModelCache models;
  for (const auto& prompt : plan->prompts) {
    IdkPromptResult pr;
    pr.prompt = prompt;
    for (const auto& split : plan->splits) {
      // Checked before each run as well, so that a cancel leaves no empty run behind.
      if (cancel && cancel->load()) {
        res.cancelled = true;
        res.prompts.clear();
        return res;
      }
      p.prompt = prompt.name;
      p.split = split;
      auto r = ensure_run(*st, eval_spec(spec, *plan, prompt, split, models), cancel,
                          [&](RunOrigin origin, const EvalProgress& ep) {
                            p.origin = origin;
                            p.run = ep;
                            const double part = ep.total ? static_cast<double>(ep.done) /
                                                               static_cast<double>(ep.total)
                                                         : 1;
                            p.overall = (static_cast<double>(p.run_index) + part) / total;
                            if (progress) progress(p);
                          });
      if (!r) {
        return Error{"prompt " + in_quotes(prompt.name) + ", split " + in_quotes(split) + ": " +
                     r.error().message};
      }
      if (r->cancelled) {
        res.cancelled = true;
        res.prompts.clear();
        return res;
      }
      pr.runs.push_back({split, r->run_id, r->origin});
      ++p.run_index;
    }
    res.prompts.push_back(std::move(pr));
  }
  auto complete = summarise(spec, *st, cancel, res);
  if (!complete) return complete.error();
  if (!*complete) {
    res.cancelled = true;
    res.prompts.clear();
    return res;
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace unveil::analysis
