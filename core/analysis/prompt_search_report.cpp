// The prompt search as JSON (for the CLI) and as text: a table of the kept prompts per round and
// the best prompt with its full template.
#include <cstdio>

#include "analysis/prompt_search.h"
#include "calib/report_json.h"

namespace unveil::analysis {
namespace {

using calib::number_or_null;
using nlohmann::ordered_json;

ordered_json to_json(const PromptScore& s, BandRule rule) {
  ordered_json j;
  j["suffix"] = s.suffix;
  j["parent"] = s.parent.empty() ? ordered_json() : ordered_json(s.parent);
  j["round"] = s.round;
  j["n"] = s.n;
  j["correct"] = s.correct;
  j["accuracy"] = number_or_null(s.accuracy);
  j["band"] = accuracy_band(s, rule);
  j["ece"] = number_or_null(s.ece);
  j["run_id"] = s.run_id ? ordered_json(s.run_id) : ordered_json();
  j["run"] = to_string(s.origin);
  j["kept_through"] = s.kept_through;
  return j;
}

const PromptScore* find(const std::vector<PromptScore>& scored, const std::string& suffix) {
  for (const auto& s : scored) {
    if (s.suffix == suffix) return &s;
  }
  return nullptr;
}

// Line breaks written as \n, so that a template stays on one line of text output.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string table_row(std::size_t rank, const PromptScore& s, int round, BandRule rule) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "  %4zu %4d %8.4f %7.4f %6lld %5s  ", rank, accuracy_band(s, rule),
                s.accuracy, s.ece, static_cast<long long>(s.run_id), s.round == round ? "*" : "");
  return buf + s.suffix + "\n";
}

}  // namespace

ordered_json to_json(const PromptSearchResult& r) {
  const BandRule rule = r.study ? BandRule::kPython : BandRule::kExact;
  ordered_json j;
  j["search_id"] = r.search_id;
  j["model"] = r.model;
  j["dataset"] = r.dataset;
  j["split"] = r.split;
  j["condition"] = r.condition;
  j["template"] = r.base_template;
  j["k"] = r.k;
  j["m"] = r.m;
  j["rounds"] = r.rounds;
  j["seed"] = r.seed;
  j["seeds"] = r.seeds;
  j["variants"] = r.variants;
  j["use_bank"] = r.use_bank;
  j["ece_bins"] = r.ece_bins;
  j["recipe"] = r.study ? "study" : "unveil";
  j["status"] = r.status;
  j["cancelled"] = r.cancelled;
  j["rounds_done"] = r.rounds_done;
  j["seconds"] = number_or_null(r.seconds);
  j["created_at"] = r.created_at;
  j["finished_at"] = r.finished_at;
  j["runs"] = {{"created", r.runs_created}, {"reused", r.runs_reused}, {"resumed", r.runs_resumed}};
  if (r.top.empty()) {
    j["best"] = ordered_json();
  } else {
    ordered_json best = to_json(r.top[0], rule);
    best["prompt_template"] = r.best_template;
    j["best"] = std::move(best);
  }
  ordered_json top = ordered_json::array();
  for (const auto& s : r.top)
    top.push_back(to_json(s, rule));
  j["top"] = std::move(top);
  ordered_json rounds = ordered_json::array();
  for (std::size_t i = 0; i < r.best.size(); ++i) {
    const int round = r.best[i].round;
    std::size_t scored = 0;
    for (const auto& s : r.scored)
      scored += s.round == round;
    rounds.push_back({{"round", round},
                      {"scored", scored},
                      {"best_suffix", r.best[i].suffix},
                      {"best_accuracy", number_or_null(r.best[i].accuracy)},
                      {"best_ece", number_or_null(r.best[i].ece)},
                      {"kept", i < r.kept.size() ? r.kept[i] : std::vector<std::string>()}});
  }
  j["per_round"] = std::move(rounds);
  ordered_json scored = ordered_json::array();
  for (const auto& s : r.scored)
    scored.push_back(to_json(s, rule));
  j["scored"] = std::move(scored);
  return j;
}

std::string to_text(const PromptSearchResult& r) {
  const BandRule rule = r.study ? BandRule::kPython : BandRule::kExact;
  char buf[256];
  std::string out = "Prompt search " + std::to_string(r.search_id) + ": " + r.model + " on " +
                    r.dataset + (r.split.empty() ? "" : "/" + r.split) + " (condition " +
                    r.condition + ")";
  std::snprintf(buf, sizeof buf,
                ", k=%d m=%d rounds=%d seed=%llu\n%zu prompts scored (runs: %zu created, %zu "
                "reused, %zu resumed) in %.1f s; status %s\n",
                r.k, r.m, r.rounds, static_cast<unsigned long long>(r.seed), r.scored.size(),
                r.runs_created, r.runs_reused, r.runs_resumed, r.seconds, r.status.c_str());
  out += buf;
  out += "Ranking: accuracy band floor(accuracy/0.2), higher first; then ECE (" +
         std::to_string(r.ece_bins) +
         " bins), lower first; then accuracy, higher first; then the text.\n";
  for (std::size_t i = 0; i < r.kept.size(); ++i) {
    const int round = i < r.best.size() ? r.best[i].round : static_cast<int>(i + 1);
    std::size_t scored = 0;
    for (const auto& s : r.scored)
      scored += s.round == round;
    out += "\nRound " + std::to_string(round) + ": " + std::to_string(scored) +
           " prompts scored; kept (* = new this round):\n";
    std::snprintf(buf, sizeof buf, "  %4s %4s %8s %7s %6s %5s  %s\n", "rank", "band", "accuracy",
                  "ECE", "run", "new", "suffix");
    out += buf;
    for (std::size_t k = 0; k < r.kept[i].size(); ++k) {
      if (const PromptScore* s = find(r.scored, r.kept[i][k]))
        out += table_row(k + 1, *s, round, rule);
    }
  }
  if (r.cancelled) {
    out += "\nCancelled after " + std::to_string(r.rounds_done) +
           " complete rounds; the top prompts of what was scored:\n";
    for (std::size_t k = 0; k < r.top.size(); ++k)
      out += table_row(k + 1, r.top[k], 0, rule);
  }
  if (r.top.empty()) return out + "\nNo prompt was scored.\n";
  const PromptScore& best = r.top[0];
  std::snprintf(buf, sizeof buf, "accuracy %.4f, ECE %.4f, %zu items, run %lld", best.accuracy,
                best.ece, best.n, static_cast<long long>(best.run_id));
  out += "\nBest prompt: \"" + best.suffix + "\" (" + buf + ")\n";
  out += "Template: " + one_line(r.best_template) + "\n";
  return out;
}

}  // namespace unveil::analysis
