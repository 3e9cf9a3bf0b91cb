#include "calib/vlmevalkit_reader.h"

#include <cctype>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "calib/reader_text.h"
#include "util/json_text.h"

namespace unveil::calib {
namespace {

using nlohmann::json;
namespace rt = reader_text;

constexpr std::size_t kMaxProblemsListed = 20;

std::string quote(std::string_view s) {
  return "\"" + rt::shown(s) + "\"";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One cell of the table, whatever file it came from.
struct Cell {
  enum Kind { kAbsent, kMissing, kText, kNumber, kOther } kind = kAbsent;
  std::string text;  // kText / kNumber: the value as text; kOther: its JSON
};

std::string describe(const Cell& c) {
  switch (c.kind) {
    case Cell::kAbsent:
    case Cell::kMissing:
      return "missing";
    case Cell::kText:
      return quote(c.text);
    case Cell::kNumber:
      return c.text;
    case Cell::kOther:
      return rt::shown(c.text);
  }
  return {};
}

// A row of either file: a cell by column name.
using GetCell = std::function<Cell(std::string_view column)>;

// One row into `in`; an empty message on success.
std::string read_row(const GetCell& get, std::size_t row, PredictionInput& in) {
  in.clear();
  const Cell index = get("index");
  if (index.kind == Cell::kText || index.kind == Cell::kNumber) {
    in.id = std::string(rt::trim(index.text));
  } else if (index.kind == Cell::kOther) {
    return "\"index\" is " + describe(index) + "; expected a number or a string";
  } else {
    in.id = "#" + std::to_string(row);  // as the MMBench dataset reader names such a row
  }
  const std::string who = "index " + in.id + ": ";
  std::vector<std::string> texts;
  bool gap = false;
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    const Cell c = get(std::string_view(&letter, 1));
    if (c.kind == Cell::kAbsent) break;
    if (c.kind == Cell::kMissing || (c.kind == Cell::kText && rt::is_missing(c.text))) {
      gap = true;
      continue;
    }
    if (c.kind == Cell::kOther) {
      return who + "option " + std::string(1, letter) + " is " + describe(c) + "; expected text";
    }
    if (gap) {
      return who + "option " + std::string(1, letter) +
             " is given but an earlier option is missing";
    }
    in.options.push_back(letter);
    texts.emplace_back(rt::trim(c.text));
  }
  if (texts.size() < 2) {
    return who + "fewer than two options are given (columns A, B, ...: found " +
           std::to_string(texts.size()) + ")";
  }
  const Cell answer = get("answer");
  if (answer.kind == Cell::kAbsent) return who + "the record has no \"answer\"";
  if (answer.kind == Cell::kMissing ||
      (answer.kind == Cell::kText && rt::is_missing(answer.text))) {
    return who + "\"answer\" is empty; the right option's letter is needed";
  }
  if (answer.kind != Cell::kText) {
    return who + "\"answer\" is " + describe(answer) + "; expected an option letter";
  }
  std::string_view a = rt::trim(answer.text);
  if (a.size() == 3 && a.front() == '(' && a.back() == ')') a = a.substr(1, 1);
  in.label = -1;
  if (a.size() == 1 && std::isalpha(static_cast<unsigned char>(a[0]))) {
    const auto at =
        in.options.find(static_cast<char>(std::toupper(static_cast<unsigned char>(a[0]))));
    if (at != std::string::npos) in.label = static_cast<int>(at);
  } else {
    for (std::size_t k = 0; k < texts.size(); ++k) {
      if (texts[k] == a) in.label = static_cast<int>(k);
    }
  }
  if (in.label < 0) {
    return who + "\"answer\" is " + quote(answer.text) + ", which is not one of the options " +
           std::string(1, in.options.front()) + "-" + std::string(1, in.options.back());
  }
  const Cell pred = get("prediction");
  if (pred.kind == Cell::kAbsent) return who + "the record has no \"prediction\"";
  if (pred.kind == Cell::kOther) {
    return who + "\"prediction\" is " + describe(pred) + "; expected the model's reply as text";
  }
  if (pred.kind == Cell::kMissing) {
    in.answer = kUnanswered;
  } else {
    in.answer = extract_option(pred.text, in.options, texts);
    in.extra = "\"prediction\":";
    append_json_string(in.extra, pred.text);
  }
  in.kind = ScoreKind::kAnswerOnly;
  in.scores.assign(texts.size(), 0.0);
  for (const char* key : {"category", "split"}) {
    const Cell c = get(key);
    if (c.kind == Cell::kText && !rt::is_missing(c.text)) {
      (std::strcmp(key, "category") == 0 ? in.category : in.split) = c.text;
    } else if (c.kind == Cell::kNumber) {
      (std::strcmp(key, "category") == 0 ? in.category : in.split) = c.text;
    }
  }
  return {};
}

struct Reader {
  const std::string& name;
  const JsonlReadOptions& options;
  JsonlReadReport rep;
  PredictionSet set;
  PredictionInput in;
  std::vector<std::size_t> positions;

  std::optional<Error> take(const GetCell& get, std::size_t row, std::size_t line) {
    ++rep.lines;
    std::string e = read_row(get, row, in);
    if (e.empty()) {
      set.add(in);
      positions.push_back(line);
      return std::nullopt;
    }
    return problem(line, e);
  }

  std::optional<Error> problem(std::size_t line, const std::string& e) {
    const std::string msg = name + ":" + std::to_string(line) + ": " + e;
    if (rep.problems.size() < kMaxProblemsListed) rep.problems.push_back({line, msg});
    if (!options.skip_invalid) return Error{msg};
    ++rep.skipped;
    return std::nullopt;
  }

  Result<PredictionSet> finish(std::optional<Error> e, JsonlReadReport* report,
                               PredictionSource* source) {
    if (report) *report = rep;
    if (e) return *e;
    if (set.empty() && rep.skipped == 0) return Error{name + ": the file holds no predictions"};
    if (source) {
      source->format = "vlmevalkit";
      source->unit = "line";
      source->positions = std::move(positions);
    }
    return std::move(set);
  }
};

bool strip_prefix_ci(std::string_view& s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  s = rt::trim(s.substr(prefix.size()));
  return true;
}

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view strip_bom(std::string_view t) {
  if (t.size() >= 3 && std::memcmp(t.data(), "\xEF\xBB\xBF", 3) == 0) t.remove_prefix(3);
  return t;
}

}  // namespace

int extract_option(std::string_view reply, std::string_view letters,
                   const std::vector<std::string>& texts) {
  std::string no_bold;
  for (char c : reply) {
    if (c != '*') no_bold.push_back(c);
  }
  std::string_view s = rt::trim(no_bold);
  const auto option_text = [&](std::string_view t) {
    int found = kUnanswered;
    for (std::size_t k = 0; k < texts.size(); ++k) {
      if (!texts[k].empty() && equal_ci(texts[k], t)) {
        if (found != kUnanswered) return kUnanswered;  // two options read the same
        found = static_cast<int>(k);
      }
    }
    return found;
  };
  // The whole reply is one option's text.
  if (const int k = option_text(s); k != kUnanswered) return k;
  if (!strip_prefix_ci(s, "answer:")) {
    if (!strip_prefix_ci(s, "the answer is")) strip_prefix_ci(s, "the correct answer is");
  }
  // A letter alone, or marked: (B) [B] B. B) B:, then nothing or the same option's text.
  char letter = 0;
  std::string_view rest;
  if (s.size() >= 3 && ((s[0] == '(' && s[2] == ')') || (s[0] == '[' && s[2] == ']'))) {
    letter = s[1];
    rest = s.substr(3);
  } else if (s.size() >= 1 && (s.size() == 1 || s[1] == '.' || s[1] == ')' || s[1] == ':' ||
                               std::isspace(static_cast<unsigned char>(s[1])))) {
    letter = s[0];
    rest = s.substr(std::min<std::size_t>(s.size(), 2));
  }
  if (letter < 'A' || letter > 'Z') return kUnanswered;
  const auto at = letters.find(letter);
  if (at == std::string_view::npos) return kUnanswered;
  rest = rt::trim(rest);
  if (rest == ".") rest = {};
  if (rest.empty()) return static_cast<int>(at);
  if (rest.back() == '.') rest.remove_suffix(1);
  return equal_ci(rt::trim(rest), texts[at]) ? static_cast<int>(at) : kUnanswered;
}

bool sniff_vlmevalkit_tsv(std::string_view head) {
  head = strip_bom(head);
  const auto nl = head.find('\n');
  const auto rows = rt::split_tsv(head.substr(0, nl == std::string_view::npos ? head.size() : nl));
  if (rows.empty()) return false;
  for (const auto& f : rows[0].fields) {
    if (lower(rt::trim(f)) == "prediction") return true;
  }
  return false;
}

bool sniff_vlmevalkit_json(std::string_view head) {
  head = rt::trim(strip_bom(head));
  return !head.empty() && head.front() == '[' &&
         head.find("\"prediction\"") != std::string_view::npos;
}

bool sniff_xlsx(std::string_view head) {
  return head.size() >= 4 && std::memcmp(head.data(), "PK\x03\x04", 4) == 0;
}

Result<PredictionSet> parse_vlmevalkit_tsv(std::string_view text, const std::string& name,
                                           const JsonlReadOptions& options, JsonlReadReport* report,
                                           PredictionSource* source) {
  Reader r{name, options, {}, {}, {}, {}};
  const auto rows = rt::split_tsv(strip_bom(text));
  if (rows.empty())
    return r.finish(Error{name + ": the file is empty; expected a header row"}, report, source);
  std::unordered_map<std::string, std::size_t> col;
  const auto& header = rows[0].fields;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string h(rt::trim(header[c]));
    // Option columns keep their case (A, B, ...); the others are matched in lower case.
    col[h.size() == 1 && std::isupper(static_cast<unsigned char>(h[0])) ? h : lower(h)] = c;
  }
  for (const char* required : {"prediction", "answer"}) {
    if (!col.count(required)) {
      return r.finish(Error{name + ":1: the header has no \"" + required +
                            "\" column; a VLMEvalKit prediction file has \"prediction\" (the "
                            "model's reply) and \"answer\" (the right option)"},
                      report, source);
    }
  }
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const auto& row = rows[k];
    if (row.fields.size() != header.size()) {
      if (auto e = r.problem(row.line, "expected " + std::to_string(header.size()) +
                                           " tab-separated fields, found " +
                                           std::to_string(row.fields.size()))) {
        return r.finish(e, report, source);
      }
      ++r.rep.lines;
      continue;
    }
    const GetCell get = [&](std::string_view column) {
      Cell c;
      const auto it = col.find(std::string(column));
      if (it == col.end()) return c;
      const std::string& v = row.fields[it->second];
      c.kind = rt::is_missing(v) ? Cell::kMissing : Cell::kText;
      c.text = v;
      return c;
    };
    if (auto e = r.take(get, k, row.line)) return r.finish(e, report, source);
  }
  return r.finish(std::nullopt, report, source);
}

Result<PredictionSet> parse_vlmevalkit_json(std::string_view text, const std::string& name,
                                            const JsonlReadOptions& options,
                                            JsonlReadReport* report, PredictionSource* source) {
  Reader r{name, options, {}, {}, {}, {}};
  std::vector<std::size_t> lines;
  const std::string clean = rt::allow_nan(strip_bom(text), &lines);
  json doc;
  try {
    doc = json::parse(clean);
  } catch (const json::parse_error& e) {
    return r.finish(Error{name + ": " + rt::json_error(clean, e.byte, e.what())}, report, source);
  }
  if (!doc.is_array()) {
    return r.finish(Error{name +
                          ": expected a list of records (VLMEvalKit writes its table as a "
                          "JSON list of objects); found " +
                          std::string(doc.type_name())},
                    report, source);
  }
  for (std::size_t k = 0; k < doc.size(); ++k) {
    const json& rec = doc[k];
    const std::size_t line = k < lines.size() ? lines[k] : 1;
    if (!rec.is_object()) {
      ++r.rep.lines;
      if (auto e = r.problem(line, "record " + std::to_string(k + 1) + " is " +
                                       std::string(rec.type_name()) + "; expected an object")) {
        return r.finish(e, report, source);
      }
      continue;
    }
    const GetCell get = [&](std::string_view column) {
      Cell c;
      auto it = rec.find(std::string(column));
      if (it == rec.end() && column.size() > 1) {
        // Other columns than the option letters are matched in lower case, as in a TSV header.
        for (auto i = rec.begin(); i != rec.end(); ++i) {
          if (lower(i.key()) == column) it = i;
        }
      }
      if (it == rec.end()) return c;
      if (it->is_null()) {
        c.kind = Cell::kMissing;
      } else if (it->is_string()) {
        c.kind = Cell::kText;
        c.text = it->get<std::string>();
      } else if (it->is_number()) {
        c.kind = Cell::kNumber;
        c.text = rt::number_text(it->get<double>());
      } else {
        c.kind = Cell::kOther;
        c.text = it->dump();
      }
      return c;
    };
    if (auto e = r.take(get, k + 1, line)) return r.finish(e, report, source);
  }
  return r.finish(std::nullopt, report, source);
}

Result<PredictionSet> refuse_xlsx(std::string_view, const std::string& name,
                                  const JsonlReadOptions&, JsonlReadReport*, PredictionSource*) {
  return Error{name +
               ": an .xlsx file cannot be read (no XLSX reader is available to this build); write "
               "it as TSV, in Python: pandas.read_excel(\"" +
               name +
               "\").to_csv(\"predictions.tsv\", sep=\"\\t\", index=False), or run "
               "VLMEvalKit with PRED_FORMAT=tsv"};
}

}  // namespace unveil::calib
