// unveil-cli compare: two to four stored runs side by side on their shared items, with paired
// bootstrap intervals of every difference (analysis/compare.h).
#include <algorithm>
#include <ostream>
#include <string_view>

#include "analysis/compare.h"
#include "analysis/compare_report.h"
#include "cli/cli.h"
#include "cli/commands.h"

namespace unveil::cli {
namespace {

constexpr const char* kUsageText =
    "unveil-cli compare --db FILE --runs ID,ID[,...] [--bins N] [--binning width|mass] "
    "[--bootstrap K] [--seed S] [--format json|text]";

// "1,3,7" -> {1, 3, 7}; between 2 and 4 positive ids.
Result<std::vector<std::int64_t>> parse_run_ids(const std::string& list) {
  auto ids = id_list(list, "--runs");
  if (!ids) return ids.error();
  if (ids->size() < analysis::kMinCompareRuns || ids->size() > analysis::kMaxCompareRuns) {
    return Error{"compare needs 2 to 4 runs in --runs; found " + std::to_string(ids->size())};
  }
  return ids;
}

}  // namespace

int cmd_compare(std::span<const std::string> argv, Io io) {
  auto args = parse_args(
      argv, {"--db", "--runs", "--bins", "--binning", "--bootstrap", "--seed", "--format"}, {});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  const auto db = a.get("--db");
  const auto runs = a.get("--runs");
  if (!db || !runs || !a.positional.empty())
    return usage_error(io, "compare needs --db FILE and --runs ID,ID[,...]", kUsageText);
  auto ids = parse_run_ids(*runs);
  if (!ids) return usage_error(io, ids.error().message, kUsageText);
  auto mopt = metrics_options(a);
  if (!mopt) return usage_error(io, mopt.error().message, kUsageText);
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto replicates = int_option(a, "--bootstrap", 1000, 1, 1000000);
  if (!replicates) return usage_error(io, replicates.error().message, kUsageText);
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return usage_error(io, seed.error().message, kUsageText);

  analysis::CompareOptions options;
  options.metrics = *mopt;
  options.replicates = static_cast<int>(*replicates);
  options.seed = static_cast<std::uint64_t>(*seed);
  const auto c = analysis::compare_runs(*db, *ids, options);
  if (!c) return input_error(io, c.error().message);
  if (*json) {
    io.out << analysis::to_json(*c).dump(2) << "\n";
  } else {
    io.out << *db << "\n" << analysis::to_text(*c);
  }
  return kOk;
}

}  // namespace unveil::cli
