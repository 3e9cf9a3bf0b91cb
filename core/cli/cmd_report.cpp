// unveil-cli report: the report of a stored run or of a comparison of runs (report/report.h), as
// one self-contained HTML page or as an A4 PDF, by the ending of --out.
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "report/report.h"

namespace unveil::cli {
namespace {

constexpr const char* kUsageText =
    "unveil-cli report --db FILE (--run ID | --compare ID,ID[,...]) --out FILE.html|FILE.pdf "
    "[--bins N] "
    "[--binning width|mass] [--recipe unveil|study] [--confidence options|vocab] "
    "[--unanswered wrong|drop] [--bootstrap K] [--seed S]";

Result<report::ReportOptions> report_options(const Args& a) {
  report::ReportOptions o;
  auto recipe = recipe_options(a);  // bins and binning too
  if (!recipe) return recipe.error();
  o.recipe = *recipe;
  auto replicates = int_option(a, "--bootstrap", 1000, 1, 1000000);
  if (!replicates) return replicates.error();
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return seed.error();
  o.replicates = static_cast<int>(*replicates);
  o.seed = static_cast<std::uint64_t>(*seed);
  return o;
}

// The output file: its ending chooses the format.
Status check_out(const std::string& out) {
  if (!report::report_format(out))
    return Error{"--out must name a .html or .pdf file; found \"" + out + "\""};
  return ok_status();
}

}  // namespace

int cmd_report(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--db", "--run", "--compare", "--out", "--bins", "--binning",
                          "--bootstrap", "--seed", "--recipe", "--confidence", "--unanswered"},
                         {});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  const auto db = a.get("--db"), out = a.get("--out"), compare = a.get("--compare");
  if (!db || !out || !a.positional.empty())
    return usage_error(io, "report needs --db FILE and --out FILE.html or FILE.pdf", kUsageText);
  if (a.has("--run") == a.has("--compare"))
    return usage_error(io, "report needs exactly one of --run ID and --compare ID,ID", kUsageText);
  if (auto ok = check_out(*out); !ok) return usage_error(io, ok.error().message, kUsageText);
  auto options = report_options(a);
  if (!options) return usage_error(io, options.error().message, kUsageText);
  options->out = *out;
  auto run_id = int_option(a, "--run", 0, 1, (1ll << 62));
  if (!run_id) return usage_error(io, run_id.error().message, kUsageText);
  auto ids = compare ? id_list(*compare, "--compare")
                     : Result<std::vector<std::int64_t>>(std::vector<std::int64_t>{});
  if (!ids) return usage_error(io, ids.error().message, kUsageText);

  auto st = store::Store::open(*db, store::OpenMode::kOpenExisting);
  if (!st) return input_error(io, st.error().message);
  auto doc = compare ? report::compare_report(*st, *ids, *options)
                     : report::run_report(*st, *run_id, *options);
  if (!doc) return input_error(io, doc.error().message);
  if (auto written = report::write_report(*out, *doc); !written)
    return input_error(io, written.error().message);
  io.out << "wrote " << *out << "\n";
  return kOk;
}

}  // namespace unveil::cli
