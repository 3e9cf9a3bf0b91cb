// The fast path of the predictions JSONL reader (core/calib/predictions_jsonl.cpp): simdjson's
// on-demand parser, one line at a time, for the common well-formed line. The only file that
// includes simdjson's (large) header.
//
// It must give exactly what the strict parser (LineParser) gives, or decline. So it declines
// whatever it does not fully understand: any simdjson error, a key seen twice, keys it does not
// handle (unknown keys, kept verbatim by the strict parser; "vocab_logits"), keys with escapes,
// values of another type than the usual one, control characters in strings, numbers that
// std::from_chars might read otherwise (zero, subnormal, huge: re-read and compared), lines over
// 16 KiB. Everything that needs the whole line is checked by the same check_line() as the strict
// parser's, and a line that fails it is declined too, so every message stays the strict parser's.
// tests/core/predictions_jsonl_fast_test.cpp holds the two against each other.
//
// simdjson's stage 1 (finding the structure, validating UTF-8) and its string unescaping run the
// kernel picked at run time for the CPU (simdjson::get_active_implementation(): haswell where
// AVX2 is there); the on-demand walk is compiled into this file for the build's target.
#include <simdjson.h>

#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "calib/predictions_jsonl_internal.h"

namespace unveil::calib::jsonl_internal {
namespace {

namespace od = simdjson::ondemand;

constexpr std::size_t kMaxFastLine = 16 * 1024;
constexpr std::size_t kMaxOptions = 26;

// A token's text without the whitespace simdjson's raw_json_token() keeps after it.
std::string_view trim_token(std::string_view t) {
  while (!t.empty() &&
         (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n'))
    t.remove_suffix(1);
  return t;
}

// A number, read by simdjson. Both simdjson and std::from_chars (the strict parser's) give the
// correctly rounded double of a short number (a token of at most 20 characters).
// Where the two could differ, std::from_chars reads the token again and the line is declined
// unless both agree bit for bit and the strict parser would take the number: tokens over 20
// characters (simdjson 3.0.1 misreads some long ones, e.g.
// 0.849436205972216893800102870039514669930e251), zero, subnormals (an underflow the strict parser
// may refuse) and values near the top of the range.
bool number(od::value& v, double& out) {
  if (v.get_double().get(out) != simdjson::SUCCESS) return false;
  const std::string_view raw = v.raw_json_token();  // with the whitespace after it
  const double a = std::fabs(out);
  if (raw.size() <= 20 && a >= 0x1p-1022 && a <= 1e300) return true;
  const std::string_view t = trim_token(raw);
  double check;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), check);
  return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(check) &&
         std::bit_cast<std::uint64_t>(check) == std::bit_cast<std::uint64_t>(out);
}

// A whole number as the strict parser's parse_index takes it (2, 2.0, 2e0, -0).
bool index(od::value& v, int& out) {
  double d;
  if (!number(v, d)) return false;
  if (d != std::floor(d) || std::fabs(d) > 1e6) return false;
  out = static_cast<int>(d);
  return true;
}

// A string value, unescaped. Declines control characters in the raw text (the strict parser
// refuses them; simdjson's on-demand parser need not) and, where escapes were decoded, UTF-8
// encoded surrogates (a lone \uDC00, which the strict parser refuses).
bool string(od::value& v, std::string_view& out) {
  // The raw token: the quoted string, then the whitespace up to the next structural character.
  const std::string_view raw = v.raw_json_token();
  const auto close = raw.find_last_of('"');
  if (close == std::string_view::npos || close == 0) return false;
  bool escaped = false;
  for (std::size_t i = 1; i < close; ++i) {
    if (static_cast<unsigned char>(raw[i]) < 0x20) return false;
    escaped |= raw[i] == '\\';
  }
  if (v.get_string().get(out) != simdjson::SUCCESS) return false;
  if (escaped) {
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
      if (static_cast<unsigned char>(out[i]) == 0xED &&
          static_cast<unsigned char>(out[i + 1]) >= 0xA0)
        return false;
    }
  }
  return true;
}

// The strict parser's parse_label: an index, or a letter ("b", " B ", "(b)").
bool label(od::value& v, int& index_out, char& letter) {
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS) return false;
  if (type == od::json_type::number) return index(v, index_out);
  if (type != od::json_type::string) return false;
  std::string_view t;
  if (!string(v, t)) return false;
  while (!t.empty() && t.front() == ' ')
    t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ')
    t.remove_suffix(1);
  if (t.size() == 3 && t.front() == '(' && t.back() == ')') t = t.substr(1, 1);
  if (t.size() != 1 || !std::isalpha(static_cast<unsigned char>(t[0]))) return false;
  letter = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return true;
}

bool is_null(od::value& v) {
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS || type != od::json_type::null) return false;
  bool null = false;
  return v.is_null().get(null) == simdjson::SUCCESS && null;
}

bool scores(od::value& v, std::vector<double>& out) {
  od::array array;
  if (v.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    od::value e;
    double d;
    if (element.get(e) != simdjson::SUCCESS || !number(e, d)) return false;
    out.push_back(d);
    if (out.size() > kMaxOptions) return false;
  }
  return true;
}

bool letter_of(std::string_view s, std::string& letters) {
  if (s.size() != 1 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(s[0]))));
  return true;
}

// "options": "ABCD" or ["A", "B", ...], letters named once.
bool options(od::value& v, std::string& letters) {
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS) return false;
  if (type == od::json_type::string) {
    std::string_view s;
    if (!string(v, s)) return false;
    for (const char c : s) {
      if (!letter_of(std::string_view(&c, 1), letters)) return false;
    }
  } else if (type == od::json_type::array) {
    od::array array;
    if (v.get_array().get(array) != simdjson::SUCCESS) return false;
    for (auto element : array) {
      od::value e;
      std::string_view s;
      if (element.get(e) != simdjson::SUCCESS || !string(e, s) || !letter_of(s, letters))
        return false;
    }
  } else {
    return false;
  }
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (letters.find(letters[i], i + 1) != std::string::npos) return false;
  }
  return true;
}

bool optional_string(od::value& v, std::string& out) {
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS) return false;
  if (type == od::json_type::null) return is_null(v);
  std::string_view s;
  if (type != od::json_type::string || !string(v, s)) return false;
  out.assign(s);
  return true;
}

// The keys it handles. A key with an escape is none of them (the raw text is compared).
enum class Key {
  kId,
  kLogits,
  kProbs,
  kLabel,
  kIdk,
  kOptions,
  kCategory,
  kSplit,
  kAnswer,
  kConfVocab,
  kAnswerOnly,
  kOther
};

Key key_of(const char* raw) {
  std::size_t n = 0;
  while (raw[n] != '"') {
    if (raw[n] == '\\') return Key::kOther;
    ++n;
  }
  const std::string_view k(raw, n);
  switch (n) {
    case 2:
      if (k == "id") return Key::kId;
      break;
    case 5:
      if (k == "probs") return Key::kProbs;
      if (k == "label") return Key::kLabel;
      if (k == "split") return Key::kSplit;
      break;
    case 6:
      if (k == "logits") return Key::kLogits;
      if (k == "answer") return Key::kAnswer;
      break;
    case 7:
      if (k == "options") return Key::kOptions;
      break;
    case 8:
      if (k == "category") return Key::kCategory;
      break;
    case 9:
      if (k == "idk_index") return Key::kIdk;
      break;
    case 10:
      if (k == "conf_vocab") return Key::kConfVocab;
      break;
    case 11:
      if (k == "answer_only") return Key::kAnswerOnly;
      break;
    default:
      break;
  }
  return Key::kOther;
}

}  // namespace

struct FastLineParser::Impl {
  od::parser parser;
  std::vector<char> copy;  // a padded copy of a line too close to the end of its buffer

  bool parse(std::string_view line, const char* readable_end, PredictionInput& out);
  bool member(Key key, od::value& v, LineFields& f, PredictionInput& out);
};

bool FastLineParser::Impl::member(Key key, od::value& v, LineFields& f, PredictionInput& out) {
  switch (key) {
    case Key::kId: {
      if (f.have_id) return false;
      f.have_id = true;
      od::json_type type;
      if (v.type().get(type) != simdjson::SUCCESS) return false;
      if (type == od::json_type::string) {
        std::string_view s;
        if (!string(v, s)) return false;
        out.id.assign(s);
        return true;
      }
      double d;
      if (type != od::json_type::number || !number(v, d)) return false;
      out.id.assign(trim_token(v.raw_json_token()));  // a numeric id keeps its text
      return true;
    }
    case Key::kLogits:
    case Key::kProbs:
      if (f.have_scores) return false;
      f.have_scores = true;
      out.kind = key == Key::kProbs ? ScoreKind::kProbabilities : ScoreKind::kLogits;
      return scores(v, out.scores);
    case Key::kLabel:
      if (f.have_label) return false;
      f.have_label = true;
      return label(v, f.label_index, f.label_letter);
    case Key::kIdk: {
      if (f.have_idk) return false;
      f.have_idk = true;
      if (is_null(v)) {
        out.idk_index = -1;
        return true;
      }
      return index(v, out.idk_index) && out.idk_index >= -1;
    }
    case Key::kOptions:
      if (f.have_options) return false;
      f.have_options = true;
      return options(v, out.options);
    case Key::kCategory:
      if (f.have_category) return false;
      f.have_category = true;
      return optional_string(v, out.category);
    case Key::kSplit:
      if (f.have_split) return false;
      f.have_split = true;
      return optional_string(v, out.split);
    case Key::kAnswer:
      if (f.have_answer) return false;
      f.have_answer = true;
      if (is_null(v)) {
        f.answer_index = kUnanswered;
        return true;
      }
      return label(v, f.answer_index, f.answer_letter);
    case Key::kConfVocab:
      if (f.have_conf_vocab) return false;
      f.have_conf_vocab = true;
      return is_null(v) || number(v, out.conf_vocab);
    case Key::kAnswerOnly: {
      // May be given twice (the strict parser allows it): true once stays true.
      bool b;
      if (v.get_bool().get(b) != simdjson::SUCCESS) return false;
      f.answer_only |= b;
      return true;
    }
    case Key::kOther:
      return false;
  }
  return false;
}

bool FastLineParser::Impl::parse(std::string_view line, const char* readable_end,
                                 PredictionInput& out) {
  out.clear();
  if (line.size() > kMaxFastLine) return false;
  const char* data = line.data();
  std::size_t capacity = static_cast<std::size_t>(readable_end - data);
  if (capacity < line.size() + simdjson::SIMDJSON_PADDING) {
    copy.assign(line.begin(), line.end());
    copy.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
    data = copy.data();
    capacity = copy.size();
  }
  od::document doc;
  if (parser.iterate(data, line.size(), capacity).get(doc) != simdjson::SUCCESS) return false;
  od::object object;
  if (doc.get_object().get(object) != simdjson::SUCCESS) return false;
  LineFields f;
  for (auto field_result : object) {
    od::field field;
    if (std::move(field_result).get(field) != simdjson::SUCCESS) return false;
    if (!member(key_of(field.key().raw()), field.value(), f, out)) return false;
  }
  // Nothing after the object (simdjson reports the end as OUT_OF_BOUNDS).
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
  return check_line(f, out).empty();
}

FastLineParser::FastLineParser() : impl_(std::make_unique<Impl>()) {}
FastLineParser::~FastLineParser() = default;

bool FastLineParser::parse(std::string_view line, const char* readable_end, PredictionInput& out) {
  return impl_->parse(line, readable_end, out);
}

std::string fast_path_kernels() {
  // The on-demand kernel is the one this file was compiled for (simdjson::builtin_implementation()
  // would name the shared library's build instead).
  return std::string("stage 1 ") + simdjson::get_active_implementation()->name() +
         ", on-demand " SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION);
}

}  // namespace unveil::calib::jsonl_internal
