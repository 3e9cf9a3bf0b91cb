#include "calib/prediction_formats.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "calib/lmms_eval_reader.h"
#include "calib/vlmevalkit_reader.h"
#include "util/mapped_file.h"

namespace unveil::calib {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

bool blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Each prediction's line in a predictions JSONL file: the non-blank lines, less those skipped.
// Unknown (empty) when more lines were skipped than the report lists.
std::vector<std::size_t> jsonl_positions(std::string_view text, const JsonlReadReport& rep,
                                         std::size_t predictions) {
  if (rep.skipped > rep.problems.size()) return {};
  std::vector<std::size_t> skipped;
  for (const auto& p : rep.problems)
    skipped.push_back(p.line);
  std::vector<std::size_t> out;
  out.reserve(predictions);
  std::size_t pos = 0, line = 0;
  while (pos < text.size()) {
    const char* nl =
        static_cast<const char*>(std::memchr(text.data() + pos, '\n', text.size() - pos));
    const std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
    ++line;
    if (!blank(text.substr(pos, end - pos)) &&
        std::find(skipped.begin(), skipped.end(), line) == skipped.end()) {
      out.push_back(line);
    }
    pos = end + 1;
  }
  if (out.size() != predictions) return {};
  return out;
}

bool sniff_predictions_jsonl(std::string_view head) {
  if (head.size() >= 3 && std::memcmp(head.data(), "\xEF\xBB\xBF", 3) == 0) head.remove_prefix(3);
  std::size_t pos = 0;
  while (pos < head.size()) {
    const auto nl = head.find('\n', pos);
    const std::string_view line =
        head.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!blank(line)) {
      return line.find('{') != std::string_view::npos &&
             (line.find("\"logits\"") != std::string_view::npos ||
              line.find("\"probs\"") != std::string_view::npos);
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

Result<PredictionSet> read_jsonl(std::string_view text, const std::string& name,
                                 const JsonlReadOptions& options, JsonlReadReport* report,
                                 PredictionSource* source) {
  JsonlReadReport rep;
  auto set = parse_predictions_jsonl(text, name, options, &rep);
  if (set && source) {
    source->format = "predictions-jsonl";
    source->unit = "line";
    source->positions = jsonl_positions(text, rep, set->size());
  }
  if (report) *report = std::move(rep);
  return set;
}

Result<PredictionSet> refuse_dataset_tsv(std::string_view, const std::string& name,
                                         const JsonlReadOptions&, JsonlReadReport*,
                                         PredictionSource*) {
  return Error{name +
               ": this TSV has no \"prediction\" column, so it holds no model answers: it is not a "
               "VLMEvalKit prediction file (a benchmark's TSV is a dataset: import it with "
               "`unveil-cli import`)"};
}

std::string lower_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

const std::vector<PredictionFormat>& table() {
  static const std::vector<PredictionFormat> t = {
      {"lmms-eval",
       "lmms-eval --log_samples samples",
       {".jsonl", ".json"},
       sniff_lmms_eval,
       parse_lmms_eval_samples},
      {"vlmevalkit",
       "a VLMEvalKit prediction TSV",
       {".tsv"},
       sniff_vlmevalkit_tsv,
       parse_vlmevalkit_tsv},
      {"vlmevalkit",
       "a VLMEvalKit prediction JSON",
       {".json"},
       sniff_vlmevalkit_json,
       parse_vlmevalkit_json},
      {"vlmevalkit-xlsx", "a VLMEvalKit prediction XLSX", {".xlsx"}, sniff_xlsx, refuse_xlsx},
      {"predictions-jsonl",
       "Unveil predictions JSONL",
       {".jsonl", ".json", ""},
       sniff_predictions_jsonl,
       read_jsonl},
      // Recognised by extension alone, to refuse them with a reason.
      {"xlsx", "an .xlsx file", {".xlsx"}, nullptr, refuse_xlsx},
      {"dataset-tsv", "a dataset TSV", {".tsv"}, nullptr, refuse_dataset_tsv},
  };
  return t;
}

}  // namespace

std::string PredictionSource::where(std::size_t i) const {
  if (i >= positions.size()) return {};
  return unit + " " + std::to_string(positions[i]);
}

std::span<const PredictionFormat> prediction_formats() {
  return table();
}

const PredictionFormat* detect_prediction_format(const std::filesystem::path& file,
                                                 std::string_view head) {
  const std::string ext = lower_extension(file);
  const auto& t = table();
  const auto has_ext = [&](const PredictionFormat& f) {
    return std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end();
  };
  // A format whose extension and content both match; then one matched by extension alone.
  for (const auto& f : t) {
    if (f.sniff && has_ext(f) && f.sniff(head)) return &f;
  }
  for (const auto& f : t) {
    if (!f.sniff && has_ext(f)) return &f;
  }
  return nullptr;
}

Result<PredictionSet> read_predictions_any(const std::filesystem::path& file,
                                           const JsonlReadOptions& options, JsonlReadReport* report,
                                           PredictionSource* source) {
  auto mapped = MappedFile::open(file);
  if (!mapped) return mapped.error();
  const std::string_view text = mapped->text();
  const PredictionFormat* f =
      detect_prediction_format(file, text.substr(0, std::min(text.size(), kHeadBytes)));
  // Anything else is read as predictions JSONL, whose messages say what is wrong with it.
  if (!f) return read_jsonl(text, file.string(), options, report, source);
  return f->read(text, file.string(), options, report, source);
}

}  // namespace unveil::calib
