// The stored side of a prompt search (docs/ANALYSES.md, "What is stored"): one row per search in
// `prompt_searches` (settings as JSON, status, timestamps) and one row per scored prompt in
// `prompt_search_entries`. The search itself is core/analysis/prompt_search.h; these functions only
// read and write rows, on a Store's connection, and return errors as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "util/result.h"

namespace unveil::store {

/// A search as stored. `status` is "running", "complete", "cancelled" or "failed"; a search marked
/// running whose process is gone reads as "interrupted".
struct PromptSearchRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> model_id;
  std::int64_t dataset_id = 0;
  std::string split;
  std::string settings = "{}";  ///< JSON: k, m, rounds, seeds, variants, seed, template, ...
  std::string status = "running";
  std::string created_at, finished_at;
  std::string model_name, dataset_name;  ///< read only (joined)
  std::size_t entries = 0;               ///< read only: prompts scored
};

/// One scored prompt of a search. A prompt text appears once per search.
struct PromptSearchEntryRow {
  int round = 0;       ///< the round (1-based) in which it was scored
  std::string prompt;  ///< the suffix
  std::string parent;  ///< the kept suffix it was derived from; "" for a seed
  double accuracy = 0, ece = 0;
  std::size_t n = 0;                   ///< items scored
  std::optional<std::int64_t> run_id;  ///< the run that scored it (null once that run is deleted)
  int kept_through = 0;  ///< the last round after which it was among the kept; 0: never kept
  bool kept = false;     ///< among the kept prompts when the search ended (its result)
};

/// Inserts a search (status and settings as given), owned by this process while running.
Result<std::int64_t> create_prompt_search(Store& st, const PromptSearchRow& row);
/// Sets the model row once it is known (a project gets the model's row with its first run).
Status set_prompt_search_model(Store& st, std::int64_t search_id, std::int64_t model_id);
Status add_prompt_search_entry(Store& st, std::int64_t search_id,
                               const PromptSearchEntryRow& entry);
/// After a round: these prompts (texts of the search's entries) are the kept ones.
Status mark_prompt_search_kept(Store& st, std::int64_t search_id, int round,
                               const std::vector<std::string>& prompts);
/// Ends a search: status, finished_at, settings (with what was learnt while running) and the
/// `kept` flag on the final prompts, in one transaction.
Status finish_prompt_search(Store& st, std::int64_t search_id, const std::string& status,
                            const std::string& settings, const std::vector<std::string>& kept);

/// Every search, oldest first.
Result<std::vector<PromptSearchRow>> prompt_searches(Store& st);
Result<PromptSearchRow> prompt_search(Store& st, std::int64_t search_id);
/// A search's entries in the order they were scored.
Result<std::vector<PromptSearchEntryRow>> prompt_search_entries(Store& st, std::int64_t search_id);

}  // namespace unveil::store
