// unveil-cli promptsearch: the study's iterative prompt optimisation
// (core/analysis/prompt_search.h).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/prompt_search.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "data/question_text.h"
#include "util/mapped_file.h"

namespace unveil::cli {
namespace {
constexpr const char* kUsageText =
    "unveil-cli promptsearch --db FILE --model CARD.json --dataset NAME --split S [--k 5] [--m 5] "
    "[--rounds 10] [--seeds \"a;b\"] [--variants \"a;b\"|@FILE] [--no-bank] [--seed N] "
    "[--prompt TEXT|@FILE] [--condition C] [--device cpu|cuda|auto] [--bins N] [--batch N] "
    "[--recipe unveil|study] [--quiet] [--format json|text]";

// "a;b;c", or @FILE with one suffix per line (blank lines and lines starting with # skipped).
Result<std::vector<std::string>> suffix_list(const std::string& value) {
  std::vector<std::string> out;
  const auto add = [&](std::string_view s) {
    const auto t = data::trim(s);
    if (!t.empty() && t[0] != '#') out.emplace_back(t);
  };
  if (!value.empty() && value[0] == '@') {
    auto f = MappedFile::open(value.substr(1));
    if (!f) return f.error();
    const std::string_view text = f->text();
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      add(text.substr(start, end - start));
      start = end + 1;
    }
    if (out.empty()) return Error{value.substr(1) + ": the file holds no prompt (one a line)"};
    return out;
  }
  std::size_t start = 0;
  while (start <= value.size()) {
    const std::size_t end = std::min(value.find(';', start), value.size());
    add(std::string_view(value).substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The options that are usage errors when wrong (exit 2).
Result<analysis::PromptSearchSpec> search_spec(const Args& a) {
  analysis::PromptSearchSpec spec;
  spec.db = *a.get("--db");
  spec.card = *a.get("--model");
  spec.dataset = *a.get("--dataset");
  spec.split = *a.get("--split");
  spec.condition = a.get("--condition").value_or("image");
  spec.use_bank = a.flags.count("--no-bank") == 0;
  if (const auto r = a.get("--recipe")) {
    if (*r != "unveil" && *r != "study") {
      return Error{"unknown --recipe \"" + *r + "\" (available: unveil, study)"};
    }
    if (*r == "study" && a.has("--bins")) {
      return Error{"--bins cannot be combined with --recipe study, which scores with 10 bins"};
    }
    spec.study = *r == "study";
  }
  if (const auto d = a.get("--device")) {
    auto dev = model::parse_device(*d);
    if (!dev) return dev.error();
    spec.device = *dev;
  }
  const auto set_int = [&](const char* name, long long fallback, long long lo, long long hi,
                           int& out) -> Status {
    auto v = int_option(a, name, fallback, lo, hi);
    if (!v) return v.error();
    out = static_cast<int>(*v);
    return ok_status();
  };
  for (const auto& s : {set_int("--k", 5, 1, 1000, spec.k), set_int("--m", 5, 1, 1000, spec.m),
                        set_int("--rounds", 10, 1, 1000, spec.rounds),
                        set_int("--bins", 10, 1, 10000, spec.ece_bins),
                        set_int("--batch", 32, 1, 4096, spec.batch)}) {
    if (!s) return s.error();
  }
  auto seed = int_option(a, "--seed", 0, 0, (1ll << 62));
  if (!seed) return seed.error();
  spec.seed = static_cast<std::uint64_t>(*seed);
  return spec;
}

void report_progress(const analysis::PromptSearchProgress& p, std::ostream& err) {
  char buf[320];
  std::string best;
  if (!p.best.empty()) {
    char b[96];
    std::snprintf(b, sizeof b, "  best: accuracy %.3f ECE %.3f", p.best.back().accuracy,
                  p.best.back().ece);
    best = b;
  }
  const bool done = p.scored == p.to_score;
  std::string now;
  if (!p.suffix.empty()) {
    now = "  " + std::string(analysis::to_string(p.origin)) + " run " +
          std::to_string(p.run.run_id) + " " + std::to_string(p.run.done) + "/" +
          std::to_string(p.run.total);
  }
  std::snprintf(buf, sizeof buf, "\r[round %d/%d] %zu/%zu prompts%s%s   %s", p.round, p.rounds,
                p.scored, p.to_score, best.c_str(), now.c_str(), done ? "\n" : "");
  err << buf << std::flush;
}

}  // namespace

int cmd_promptsearch(std::span<const std::string> argv, Io io) {
  auto args = parse_args(argv,
                         {"--db", "--model", "--dataset", "--split", "--k", "--m", "--rounds",
                          "--seeds", "--variants", "--seed", "--prompt", "--condition", "--device",
                          "--bins", "--batch", "--format", "--recipe"},
                         {"--quiet", "--no-bank"});
  if (!args) return usage_error(io, args.error().message, kUsageText);
  const Args& a = *args;
  if (!a.positional.empty())
    return usage_error(io, "unexpected argument " + a.positional[0], kUsageText);
  for (const char* required : {"--db", "--model", "--dataset", "--split"}) {
    if (!a.get(required)) {
      return usage_error(io, "promptsearch needs --db, --model, --dataset and --split", kUsageText);
    }
  }
  auto json = wants_json(a);
  if (!json) return usage_error(io, json.error().message, kUsageText);
  auto spec = search_spec(a);
  if (!spec) return usage_error(io, spec.error().message, kUsageText);
  auto prompt = prompt_option(a);
  if (!prompt) return input_error(io, prompt.error().message);
  spec->prompt = *prompt;
  if (const auto s = a.get("--seeds")) {
    auto seeds = suffix_list(*s);
    if (!seeds) return input_error(io, seeds.error().message);
    spec->seeds = std::move(*seeds);
  }
  if (const auto v = a.get("--variants")) {
    auto variants = suffix_list(*v);
    if (!variants) return input_error(io, variants.error().message);
    spec->variants = std::move(*variants);
  }
  const bool quiet = a.flags.count("--quiet") > 0;
  auto res =
      analysis::run_prompt_search(*spec, nullptr, [&](const analysis::PromptSearchProgress& p) {
        if (!quiet) report_progress(p, io.err);
      });
  if (!res) return input_error(io, res.error().message);
  io.out << (*json ? analysis::to_json(*res).dump(2) + "\n" : analysis::to_text(*res));
  return kOk;
}

}  // namespace unveil::cli
