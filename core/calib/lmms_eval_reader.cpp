#include "calib/lmms_eval_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calib/reader_text.h"

namespace unveil::calib {
namespace {

using nlohmann::json;
namespace rt = reader_text;

constexpr std::size_t kMaxOptions = 26;
constexpr std::size_t kMaxProblemsListed = 20;

std::string quote(std::string_view s) {
  return "\"" + rt::shown(s) + "\"";
}

std::string describe(const json& v) {
  if (v.is_string()) return quote(v.get<std::string>());
  if (v.is_null()) return "null";
  if (v.is_array()) {
    const std::string d = v.dump();
    return d.size() <= 60 ? d : "an array of " + std::to_string(v.size());
  }
  if (v.is_object()) return "an object";
  return rt::shown(v.dump());
}

// A number written as text (lmms-eval stores responses through str()): strict, whole text.
std::optional<double> number_in(std::string_view s) {
  s = rt::trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

bool is_python_bool(const json& v) {
  if (v.is_boolean()) return true;
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  return s == "True" || s == "False";
}

enum class Resp { kLoglikelihood, kText, kOther };

// One loglikelihood response as lmms-eval's models return it, a (value, is_greedy) tuple, in the
// three ways lmms-eval has written it: [value, is_greedy] as JSON number and boolean; the same as
// two strings ["0.53", "False"] (the sanitising of evaluation_tracker.py); or the tuple's Python
// text "(0.53, False)" (since its responses are unwrapped to text, api/instance.py).
Resp read_response(const json& r, double& value) {
  if (r.is_array() && r.size() == 2 && is_python_bool(r[1])) {
    if (r[0].is_number()) {
      value = r[0].get<double>();
      return Resp::kLoglikelihood;
    }
    if (r[0].is_string()) {
      const auto& s = r[0].get_ref<const std::string&>();
      if (const auto v = number_in(s)) {
        value = *v;
        return Resp::kLoglikelihood;
      }
      if (s == "nan" || s == "inf" || s == "-inf") {
        value = std::nan("");
        return Resp::kLoglikelihood;
      }
    }
    return Resp::kOther;
  }
  if (r.is_string()) {
    const std::string_view s = rt::trim(r.get_ref<const std::string&>());
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
      const std::string_view inner = s.substr(1, s.size() - 2);
      const auto comma = inner.rfind(',');
      if (comma != std::string_view::npos) {
        const std::string_view flag = rt::trim(inner.substr(comma + 1));
        const std::string_view num = rt::trim(inner.substr(0, comma));
        if (flag == "True" || flag == "False") {
          if (const auto v = number_in(num)) {
            value = *v;
            return Resp::kLoglikelihood;
          }
          if (num == "nan" || num == "inf" || num == "-inf") {
            value = std::nan("");
            return Resp::kLoglikelihood;
          }
        }
      }
    }
    return Resp::kText;
  }
  return Resp::kOther;
}

// The choices' texts when the sample keeps them: the continuation of each request in
// "arguments" (older lmms-eval wrote it, flat or one list per request). Empty when not known.
std::vector<std::string> choice_texts(const json& s, std::size_t n) {
  std::vector<std::string> out;
  const auto it = s.find("arguments");
  if (it == s.end() || !it->is_array() || it->empty()) return out;
  const json& a = *it;
  const auto strip = [](const std::string& c) { return std::string(rt::trim(c)); };
  if (a[0].is_array()) {
    if (a.size() != n) return {};
    for (const auto& req : a) {
      if (!req.is_array() || req.size() < 2 || !req[1].is_string()) return {};
      out.push_back(strip(req[1].get<std::string>()));
    }
    return out;
  }
  if (a.size() % n != 0 || a.size() / n < 2) return {};
  const std::size_t group = a.size() / n;
  for (std::size_t k = 0; k < n; ++k) {
    const json& c = a[k * group + 1];
    if (!c.is_string()) return {};
    out.push_back(strip(c.get<std::string>()));
  }
  return out;
}

// The label from "target": an index, an option letter, or a choice's text.
std::string read_target(const json& s, std::size_t n, int& label) {
  const auto it = s.find("target");
  if (it == s.end()) return "the sample has no \"target\"";
  const json& t = *it;
  const auto in_range = [&](long long v, const std::string& what) -> std::string {
    if (v < 0 || static_cast<std::size_t>(v) >= n) {
      return "\"target\" " + what + " names option " + std::to_string(v + 1) +
             ", but the sample has " + std::to_string(n) + " choices";
    }
    label = static_cast<int>(v);
    return {};
  };
  if (t.is_number_integer() || t.is_number_unsigned()) {
    return in_range(t.get<long long>(), t.dump());
  }
  if (t.is_array()) {
    return "\"target\" is a list (several right answers); one right choice is needed";
  }
  if (!t.is_string()) {
    return "\"target\" is " + describe(t) + "; expected a choice's index, letter or text";
  }
  const std::string& raw = t.get_ref<const std::string&>();
  const std::string_view v = rt::trim(raw);
  const auto choices = choice_texts(s, n);
  for (std::size_t k = 0; k < choices.size(); ++k) {
    if (choices[k] == v) {
      label = static_cast<int>(k);
      return {};
    }
  }
  if (!v.empty() && v.size() <= 6 &&
      std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return in_range(std::stoll(std::string(v)), quote(raw));
  }
  std::string_view l = v;
  if (l.size() == 3 && l.front() == '(' && l.back() == ')') l = l.substr(1, 1);
  if (l.size() == 1 && std::isalpha(static_cast<unsigned char>(l[0]))) {
    const int k = std::toupper(static_cast<unsigned char>(l[0])) - 'A';
    return in_range(k, quote(raw));
  }
  if (choices.empty()) {
    return "\"target\" is " + quote(raw) +
           ", which is not a choice's index or letter, and the sample keeps no choices to match "
           "it against";
  }
  return "\"target\" is " + quote(raw) + ", which is none of the " + std::to_string(n) +
         " choices, nor an index or a letter";
}

struct SampleError {
  std::string message;
  bool fatal = false;  // the whole file is refused, even with skip_invalid
};

// One sample into `in`; an empty message on success.
SampleError read_sample(const json& s, PredictionInput& in) {
  in.clear();
  if (!s.is_object())
    return {"expected a JSON object (one lmms-eval sample); found " + describe(s)};
  const auto id = s.find("doc_id");
  if (id == s.end()) return {"the sample has no \"doc_id\""};
  if (id->is_string()) {
    in.id = id->get<std::string>();
  } else if (id->is_number()) {
    in.id = rt::number_text(id->get<double>());
  } else {
    return {"\"doc_id\" is " + describe(*id) + "; expected a number or a string"};
  }
  const std::string where = "doc_id " + in.id + ": ";
  const bool filtered = s.contains("filtered_resps");
  if (!filtered && !s.contains("resps"))
    return {where + "the sample has neither \"filtered_resps\" nor \"resps\""};
  const char* key = filtered ? "filtered_resps" : "resps";
  const json& r = s.at(key);
  const auto generated = [&](const std::string& text) {
    return SampleError{
        where + "\"" + key + "\" holds generated text (" + quote(text) +
            "), not loglikelihoods: lmms-eval's generate_until tasks record no probabilities, so "
            "calibration cannot be measured from them; for option probabilities, run the model on "
            "the dataset in Unveil (through an OpenAI-compatible endpoint or as a TorchScript "
            "model, docs/MODELS.md), or run a multiple_choice task in lmms-eval",
        true};
  };
  double v = 0;
  if (r.is_string()) {
    if (read_response(r, v) == Resp::kLoglikelihood) {
      return {where + "\"" + key +
              "\" holds a single loglikelihood (output_type loglikelihood); a prediction needs one "
              "per choice (output_type multiple_choice)"};
    }
    return generated(r.get<std::string>());
  }
  if (!r.is_array() || r.empty()) {
    return {where + "\"" + key + "\" is " + describe(r) + "; expected one response per choice"};
  }
  if (r.size() == 2 &&
      (r[0].is_number() || (r[0].is_string() && number_in(r[0].get<std::string>()))) &&
      is_python_bool(r[1])) {
    return {where + "\"" + key +
            "\" holds a single loglikelihood (output_type loglikelihood); a prediction needs one "
            "per choice (output_type multiple_choice)"};
  }
  for (std::size_t k = 0; k < r.size(); ++k) {
    // "resps" keeps every repeat of a request: its first is the one "filtered_resps" takes.
    const json& e =
        !filtered && r[k].is_array() && !r[k].empty() && (r[k][0].is_array() || r[k][0].is_string())
            ? r[k][0]
            : r[k];
    switch (read_response(e, v)) {
      case Resp::kLoglikelihood:
        break;
      case Resp::kText:
        return generated(e.get<std::string>());
      case Resp::kOther:
        return {where + "element " + std::to_string(k + 1) + " of \"" + key + "\" is " +
                describe(e) + "; expected a (loglikelihood, is_greedy) response"};
    }
    if (!std::isfinite(v)) {
      return {where + "the loglikelihood of choice " + std::to_string(k + 1) +
              " is not a finite number; only finite numbers are allowed"};
    }
    // lmms-eval's models return the continuation's mean token loss and lmms-eval picks the
    // smallest: its negation is the score, whose argmax is lmms-eval's answer.
    in.scores.push_back(v == 0.0 ? 0.0 : -v);
  }
  if (in.scores.size() < 2) {
    return {where + "\"" + key + "\" holds " + std::to_string(in.scores.size()) +
            " response; a multiple-choice sample has one per choice, at least 2"};
  }
  if (in.scores.size() > kMaxOptions) {
    return {where + "\"" + key + "\" holds " + std::to_string(in.scores.size()) +
            " responses; at most 26 options (A-Z) are supported"};
  }
  std::string e = read_target(s, in.scores.size(), in.label);
  if (!e.empty()) return {where + e};
  in.kind = ScoreKind::kLogits;
  return {};
}

struct Reader {
  const std::string& name;
  const JsonlReadOptions& options;
  JsonlReadReport rep;
  PredictionSet set;
  PredictionInput in;
  std::vector<std::size_t> positions;

  // Records a problem at `pos`; returns the error to give up with, if any.
  std::optional<Error> problem(std::size_t pos, const std::string& unit, const SampleError& e) {
    const std::string msg = unit == "line"
                                ? name + ":" + std::to_string(pos) + ": " + e.message
                                : name + ": record " + std::to_string(pos) + ": " + e.message;
    if (rep.problems.size() < kMaxProblemsListed) rep.problems.push_back({pos, msg});
    if (!options.skip_invalid || e.fatal) return Error{msg};
    ++rep.skipped;
    return std::nullopt;
  }

  std::optional<Error> take(const json& sample, std::size_t pos, const std::string& unit) {
    ++rep.lines;
    SampleError e = read_sample(sample, in);
    if (!e.message.empty()) return problem(pos, unit, e);
    set.add(in);
    positions.push_back(pos);
    return std::nullopt;
  }
};

bool blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

std::string_view first_line(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!blank(line)) return line;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return {};
}

}  // namespace

bool sniff_lmms_eval(std::string_view head) {
  if (head.size() >= 3 && std::memcmp(head.data(), "\xEF\xBB\xBF", 3) == 0) head.remove_prefix(3);
  const std::string_view line = first_line(head);
  // A predictions JSONL line (which may keep any other key) is not a sample.
  if (line.find("\"logits\"") != std::string_view::npos ||
      line.find("\"probs\"") != std::string_view::npos) {
    return false;
  }
  if (!line.empty() && rt::trim(line).front() == '{' &&
      line.find("\"doc_id\"") != std::string_view::npos &&
      (line.find("\"resps\"") != std::string_view::npos ||
       line.find("\"filtered_resps\"") != std::string_view::npos)) {
    return true;
  }
  // The older single JSON file: {"args": ..., "model_configs": ..., "logs": [samples], ...}.
  return rt::trim(head).substr(0, 1) == "{" && head.find("\"logs\"") != std::string_view::npos &&
         head.find("\"doc_id\"") != std::string_view::npos;
}

Result<PredictionSet> parse_lmms_eval_samples(std::string_view text, const std::string& name,
                                              const JsonlReadOptions& options,
                                              JsonlReadReport* report, PredictionSource* source) {
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
  Reader r{name, options, {}, {}, {}, {}};
  std::string unit = "line";
  const std::string_view first = first_line(text);
  const bool one_document = !first.empty() && rt::trim(first) == "{";
  const auto finish = [&](std::optional<Error> e) -> Result<PredictionSet> {
    if (report) *report = r.rep;
    if (e) return *e;
    if (source) {
      source->format = "lmms-eval";
      source->unit = unit;
      source->positions = std::move(r.positions);
    }
    return std::move(r.set);
  };
  if (one_document) {
    // Older lmms-eval: one JSON document whose "logs" lists the samples.
    const std::string clean = rt::allow_nan(text);
    json doc;
    try {
      doc = json::parse(clean);
    } catch (const json::parse_error& e) {
      return finish(Error{name + ": " + rt::json_error(clean, e.byte, e.what())});
    }
    if (!doc.is_object() || !doc.contains("logs") || !doc["logs"].is_array()) {
      return finish(
          Error{name + ": expected lmms-eval samples: a JSON object with a \"logs\" list"});
    }
    unit = "record";
    const json& logs = doc["logs"];
    for (std::size_t k = 0; k < logs.size(); ++k) {
      if (auto e = r.take(logs[k], k + 1, unit)) return finish(e);
    }
  } else {
    std::size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
      const auto nl = text.find('\n', pos);
      const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (blank(line)) continue;
      const std::string clean = rt::allow_nan(line);
      json sample;
      try {
        sample = json::parse(clean);
      } catch (const json::parse_error& e) {
        ++r.rep.lines;
        std::string why = rt::json_error(clean, e.byte, e.what());
        why = why.substr(why.find(": ") + 2);  // the line is named by the caller
        if (auto err = r.problem(line_no, unit, {why})) return finish(err);
        continue;
      }
      if (auto e = r.take(sample, line_no, unit)) return finish(e);
    }
  }
  if (r.set.empty() && r.rep.skipped == 0) {
    return finish(Error{name + ": the file holds no lmms-eval samples"});
  }
  return finish(std::nullopt);
}

}  // namespace unveil::calib
