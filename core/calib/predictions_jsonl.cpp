#include "calib/predictions_jsonl.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "calib/outcomes.h"
#include "calib/predictions_jsonl_internal.h"
#include "util/json_text.h"
#include "util/mapped_file.h"
#include "util/parallel.h"

namespace unveil::calib {
namespace {

constexpr std::size_t kMaxOptions = 26;
constexpr std::size_t kMaxVocab = 1u << 20;  // a vocabulary of up to 1,048,576 tokens
constexpr std::size_t kMaxProblemsListed = 20;

std::string quote(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// A key as written in the file ("\"logits\""): the same in every language.
Message key_name(std::string_view key) {
  return literal(quote(key));
}

std::string score_key(const PredictionInput& out) {
  return out.kind == ScoreKind::kProbabilities ? "probs" : "logits";
}

std::string number_text(double v) {
  std::string s;
  append_json_number(s, v);
  return s;
}

// A strict parser for one line holding one flat JSON object. It knows the keys of the predictions
// JSONL and keeps any other member as raw text. Hand-written because nlohmann/json costs several
// seconds on a million lines; it accepts exactly JSON (plus naming NaN/Infinity when it sees them).
class LineParser {
 public:
  explicit LineParser(std::string_view line)
      : begin_(line.data()), p_(line.data()), end_(line.data() + line.size()) {}

  // Fills `out`; returns an empty message on success, else what is wrong.
  Message parse(PredictionInput& out) {
    out.clear();
    ws();
    if (!eat('{')) return expected(message("jsonl.want_object"));
    jsonl_internal::LineFields f;
    ws();
    if (!eat('}')) {
      for (;;) {
        ws();
        const char* member_begin = p_;
        if (!parse_string(key_)) return err_.empty() ? expected(message("jsonl.want_key")) : err_;
        ws();
        if (!eat(':')) return expected(message("jsonl.want_colon_after", key_name(key_)));
        ws();
        Message e;
        // Compared as a view: the length first, so most keys never reach memcmp.
        const std::string_view key(key_);
        if (key == "id") {
          if (f.have_id) return duplicate();
          f.have_id = true;
          e = parse_id(out.id);
        } else if (key == "logits" || key == "probs") {
          if (f.have_scores) {
            return message("jsonl.both_scores");
          }
          f.have_scores = true;
          out.kind = key == "probs" ? ScoreKind::kProbabilities : ScoreKind::kLogits;
          e = parse_scores(out.scores);
        } else if (key == "label") {
          if (f.have_label) return duplicate();
          f.have_label = true;
          e = parse_label(f.label_index, f.label_letter);
        } else if (key == "idk_index") {
          if (f.have_idk) return duplicate();
          f.have_idk = true;
          e = parse_optional_index(out.idk_index);
        } else if (key == "options") {
          if (f.have_options) return duplicate();
          f.have_options = true;
          e = parse_options(out.options);
        } else if (key == "category") {
          if (f.have_category) return duplicate();
          f.have_category = true;
          e = parse_optional_string(out.category);
        } else if (key == "split") {
          if (f.have_split) return duplicate();
          f.have_split = true;
          e = parse_optional_string(out.split);
        } else if (key == "answer") {
          if (f.have_answer) return duplicate();
          f.have_answer = true;
          if (literal("null")) {
            f.answer_index = kUnanswered;
          } else {
            e = parse_label(f.answer_index, f.answer_letter, "answer");
          }
        } else if (key == "conf_vocab") {
          if (f.have_conf_vocab) return duplicate();
          f.have_conf_vocab = true;
          if (!literal("null")) {
            e = parse_number(out.conf_vocab, [] { return key_name("conf_vocab"); });
          }
        } else if (key == "answer_only") {
          if (literal("true")) {
            f.answer_only = true;
          } else if (!literal("false")) {
            e = expected(message("jsonl.want_true_false", key_name("answer_only")));
          }
        } else if (key == "vocab_logits") {
          if (f.have_vocab) return duplicate();
          f.have_vocab = true;
          e = parse_vocab(out.vocab_logits);
        } else {
          if (!skip_value(0)) return err_;
          if (!out.extra.empty()) out.extra.push_back(',');
          out.extra.append(member_begin, p_);
        }
        if (!e.empty()) return e;
        ws();
        if (eat(',')) continue;
        if (eat('}')) break;
        return expected(message("jsonl.want_comma_or", "}"));
      }
    }
    ws();
    if (p_ != end_) return expected(message("jsonl.want_line_end"));

    return jsonl_internal::check_line(f, out);
  }

  std::size_t column() const { return static_cast<std::size_t>(p_ - begin_) + 1; }

 private:
  Message duplicate() const { return message("jsonl.duplicate_key", key_name(key_)); }
  Message expected(Message what) const {
    Message found =
        p_ == end_ ? message("jsonl.found_end") : unveil::literal("'" + std::string(1, *p_) + "'");
    return message("jsonl.expected", std::move(what), column(), std::move(found));
  }

  void ws() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n'))
      ++p_;
  }
  bool eat(char c) {
    if (p_ != end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) >= word.size() &&
        std::memcmp(p_, word.data(), word.size()) == 0) {
      p_ += word.size();
      return true;
    }
    return false;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool hex4(std::uint32_t& v) {
    if (end_ - p_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  // Length of a valid UTF-8 sequence starting at p (0 when invalid).
  std::size_t utf8_length(const char* p) const {
    const auto c = static_cast<unsigned char>(*p);
    std::size_t len;
    std::uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000;
    } else {
      return 0;
    }
    if (static_cast<std::size_t>(end_ - p) < len) return 0;
    std::uint32_t cp = c & (0x3F >> (len - 1));
    for (std::size_t i = 1; i < len; ++i) {
      const auto cc = static_cast<unsigned char>(p[i]);
      if ((cc & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
  }

  // Parses a JSON string into out (escapes decoded). Sets err_ on a malformed string.
  bool parse_string(std::string& out) {
    err_ = {};
    out.clear();
    if (!eat('"')) return false;
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80) {
        ++p_;
      }
      out.append(run, p_);
      if (p_ == end_) {
        err_ = message("jsonl.unterminated_string", column());
        return false;
      }
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) {
        err_ = message("jsonl.control_character", column());
        return false;
      }
      if (c >= 0x80) {
        const std::size_t len = utf8_length(p_);
        if (len == 0) {
          err_ = message("jsonl.invalid_utf8", column());
          return false;
        }
        out.append(p_, len);
        p_ += len;
        continue;
      }
      ++p_;  // backslash
      if (p_ == end_) break;
      const char esc = *p_++;
      switch (esc) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          std::uint32_t cp;
          if (!hex4(cp)) break;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo;
            if (!literal("\\u") || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) {
              err_ = message("jsonl.unpaired_surrogate", column());
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            err_ = message("jsonl.unpaired_surrogate", column());
            return false;
          }
          append_utf8(out, cp);
          continue;
        }
        default:
          err_ = message("jsonl.invalid_escape", "\\" + std::string(1, esc), column() - 1);
          return false;
      }
      if (esc == 'u') break;
    }
    err_ = message("jsonl.malformed_escape", column());
    return false;
  }

  // Scans a JSON number token (strict grammar) and converts it.
  // `what` names the number in a message; it is made only when one is needed.
  template <typename What>
  Message parse_number(double& v, const What& what) {
    const char* start = p_;
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ != end_ && (*p_ == 'N' || *p_ == 'n' || *p_ == 'I' || *p_ == 'i')) {
      if (literal("NaN") || literal("nan")) return message("jsonl.nan", what());
      if (literal("Infinity") || literal("inf")) {
        return message("jsonl.infinite", what(), *start == '-' ? "-" : "");
      }
    }
    if (p_ == end_ || *p_ < '0' || *p_ > '9') {
      p_ = start;
      if (literal("null")) return message("jsonl.null_number", what());
      return expected(message("jsonl.want_number_for", what()));
    }
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9')
        return expected(message("jsonl.want_digit_after_point"));
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9')
        return expected(message("jsonl.want_digit_in_exponent"));
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    const auto r = std::from_chars(start, p_, v);
    if (r.ec == std::errc::result_out_of_range || !std::isfinite(v)) {
      return message("jsonl.out_of_double", what(), std::string(start, p_));
    }
    if (r.ec != std::errc() || r.ptr != p_) {
      return expected(message("jsonl.want_number_for", what()));
    }
    return {};
  }

  static Message a_value() { return message("jsonl.want_value"); }

  Message parse_scores(std::vector<double>& out) {
    const std::string key = key_;
    if (!eat('[')) return expected(message("jsonl.want_number_array", key_name(key)));
    ws();
    if (eat(']')) return {};
    for (;;) {
      ws();
      double v;
      // The descriptive name is built only on failure: the common case must stay cheap.
      const char* before = p_;
      if (!parse_number(v, a_value).empty()) {
        p_ = before;
        return parse_number(
            v, [&] { return message("jsonl.value_of", out.size() + 1, key_name(key)); });
      }
      out.push_back(v);
      if (out.size() > kMaxOptions) return message("jsonl.too_many_values", key_name(key));
      ws();
      if (eat(',')) continue;
      if (eat(']')) return {};
      return expected(message("jsonl.want_comma_or_in", key_name(key)));
    }
  }

  Message parse_id(std::string& out) {
    if (p_ != end_ && *p_ == '"') {
      if (!parse_string(out)) return err_;
      return {};
    }
    const char* start = p_;
    double v;
    if (parse_number(v, [] { return key_name("id"); }).empty()) {
      out.assign(start, p_);  // a numeric id keeps its text
      return {};
    }
    p_ = start;
    return expected(message("jsonl.want_string_or_number", key_name("id")));
  }

  // The whole vocabulary's logits: an array of finite numbers without the 26-value cap.
  Message parse_vocab(std::vector<double>& out) {
    if (!eat('[')) return expected(message("jsonl.want_number_array", key_name("vocab_logits")));
    ws();
    if (eat(']')) return {};
    for (;;) {
      ws();
      double v;
      const char* before = p_;
      if (!parse_number(v, a_value).empty()) {
        p_ = before;
        return parse_number(
            v, [&] { return message("jsonl.value_of", out.size() + 1, key_name("vocab_logits")); });
      }
      out.push_back(v);
      if (out.size() > kMaxVocab) {
        return message("jsonl.too_many_vocab", key_name("vocab_logits"), kMaxVocab);
      }
      ws();
      if (eat(',')) continue;
      if (eat(']')) return {};
      return expected(message("jsonl.want_comma_or_in", key_name("vocab_logits")));
    }
  }

  Message parse_label(int& index, char& letter, const char* what = "label") {
    if (p_ != end_ && *p_ == '"') {
      std::string s;
      if (!parse_string(s)) return err_;
      std::string_view t = s;
      while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
      while (!t.empty() && t.back() == ' ')
        t.remove_suffix(1);
      if (t.size() == 3 && t.front() == '(' && t.back() == ')') t = t.substr(1, 1);
      if (t.size() == 1 && std::isalpha(static_cast<unsigned char>(t[0]))) {
        letter = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
        return {};
      }
      return message("jsonl.not_a_letter", what, key_name(s));
    }
    return parse_index(index, what[0] == 'l' ? "label" : "answer");
  }

  Message parse_index(int& out, const char* key) {
    const char* start = p_;
    double v;
    Message e = parse_number(v, [&] { return key_name(key); });
    if (!e.empty()) return e;
    if (v != std::floor(v) || std::fabs(v) > 1e6) {
      return message("jsonl.not_whole", key_name(key), std::string(start, p_));
    }
    out = static_cast<int>(v);
    return {};
  }

  Message parse_optional_index(int& out) {
    if (literal("null")) {
      out = -1;
      return {};
    }
    Message e = parse_index(out, "idk_index");
    if (!e.empty()) return e;
    if (out < -1) return message("jsonl.idk_negative", key_name("idk_index"), out);
    return {};
  }

  Message parse_optional_string(std::string& out) {
    if (literal("null")) return {};
    if (p_ == end_ || *p_ != '"') return expected(message("jsonl.want_string", key_name(key_)));
    if (!parse_string(out)) return err_;
    return {};
  }

  Message parse_options(std::string& letters) {
    auto to_letter = [&](const std::string& s) -> Message {
      if (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) {
        letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(s[0]))));
        return {};
      }
      return message("jsonl.options_not_letters", key_name("options"), key_name(s));
    };
    if (p_ != end_ && *p_ == '"') {
      std::string s;
      if (!parse_string(s)) return err_;
      for (char c : s) {
        Message e = to_letter(std::string(1, c));
        if (!e.empty()) return e;
      }
      return check_unique(letters);
    }
    if (!eat('[')) return expected(message("jsonl.want_letter_array", key_name("options")));
    ws();
    if (eat(']')) return {};
    std::string s;
    for (;;) {
      ws();
      if (!parse_string(s)) {
        return err_.empty() ? expected(message("jsonl.want_letter_in", key_name("options"))) : err_;
      }
      Message e = to_letter(s);
      if (!e.empty()) return e;
      ws();
      if (eat(',')) continue;
      if (eat(']')) return check_unique(letters);
      return expected(message("jsonl.want_comma_or_in", key_name("options")));
    }
  }

  static Message check_unique(const std::string& letters) {
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (letters.find(letters[i], i + 1) != std::string::npos) {
        return message("jsonl.options_twice", key_name("options"), std::string(1, letters[i]));
      }
    }
    return {};
  }

  // Skips any JSON value (validating it); sets err_ on failure.
  bool skip_value(int depth) {
    if (depth > 64) {
      err_ = message("jsonl.too_deep", column());
      return false;
    }
    ws();
    if (p_ == end_) {
      err_ = expected(a_value());
      return false;
    }
    const char c = *p_;
    if (c == '"') {
      std::string tmp;
      if (!parse_string(tmp)) return false;
      return true;
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++p_;
      ws();
      if (eat(close)) return true;
      for (;;) {
        ws();
        if (c == '{') {
          std::string k;
          if (!parse_string(k)) {
            if (err_.empty()) err_ = expected(message("jsonl.want_key"));
            return false;
          }
          ws();
          if (!eat(':')) {
            err_ = expected(message("jsonl.want_colon"));
            return false;
          }
        }
        if (!skip_value(depth + 1)) return false;
        ws();
        if (eat(',')) continue;
        if (eat(close)) return true;
        err_ = expected(message("jsonl.want_comma_or", std::string(1, close)));
        return false;
      }
    }
    if (literal("true") || literal("false") || literal("null")) return true;
    double v;
    Message e = parse_number(v, a_value);
    if (!e.empty()) {
      err_ = e;
      return false;
    }
    return true;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  std::string key_;
  Message err_;
};

struct ChunkResult {
  PredictionSet set;
  std::size_t lines_in_chunk = 0;  // newline-terminated lines (for numbering the next chunk)
  std::size_t nonblank = 0;
  std::size_t skipped = 0;
  std::vector<LineProblem> problems;  // local line numbers (1-based within the chunk)
  bool failed = false;
};

bool blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// `readable_end`: the end of the whole buffer (the fast path may read past a line up to there).
void parse_chunk(std::string_view text, const char* readable_end, bool skip_invalid, bool fast,
                 ChunkResult& r) {
  PredictionInput input;
  std::unique_ptr<jsonl_internal::FastLineParser> fast_parser;
  if (fast) fast_parser = std::make_unique<jsonl_internal::FastLineParser>();
  r.set.reserve(text.size() / 100 + 1, (text.size() / 100 + 1) * 5);
  std::size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    const char* nl =
        static_cast<const char*>(std::memchr(text.data() + pos, '\n', text.size() - pos));
    const std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (nl) ++r.lines_in_chunk;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (blank(line)) continue;
    ++r.nonblank;
    // The fast path gives exactly what LineParser gives, or declines: then LineParser decides,
    // with its message.
    if (fast_parser && fast_parser->parse(line, readable_end, input)) {
      r.set.add(input);
      continue;
    }
    LineParser parser(line);
    Message e = parser.parse(input);
    if (e.empty()) {
      r.set.add(input);
      continue;
    }
    if (r.problems.size() < kMaxProblemsListed) r.problems.push_back({line_no, {}, std::move(e)});
    if (!skip_invalid) {
      r.failed = true;
      return;
    }
    ++r.skipped;
  }
}

}  // namespace

namespace jsonl_internal {

Message check_line(const LineFields& f, PredictionInput& out) {
  int label_index = f.label_index;
  int answer_index = f.answer_index;
  if (!f.have_scores) return message("jsonl.no_scores");
  const std::size_t k = out.scores.size();
  if (k < 2) return message("jsonl.too_few_scores", key_name(score_key(out)), k);
  if (k > kMaxOptions) return message("jsonl.too_many_scores", key_name(score_key(out)), k);
  if (out.kind == ScoreKind::kProbabilities) {
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double v = out.scores[j];
      if (v < 0 || v > 1) {
        return message("jsonl.prob_out_of_range", j + 1, key_name("probs"), number_text(v));
      }
      sum += v;
    }
    if (sum <= 0) return message("jsonl.probs_all_zero", key_name("probs"));
  }
  if (f.have_options && out.options.size() != k) {
    return message("jsonl.options_count", key_name("options"), out.options.size(),
                   key_name(score_key(out)), k);
  }
  if (!f.have_label) return message("jsonl.no_label");
  if (f.label_letter != 0) {
    if (f.have_options) {
      const auto pos = out.options.find(f.label_letter);
      if (pos == std::string::npos) {
        return message("jsonl.not_among_options", "label", key_name(std::string(1, f.label_letter)),
                       key_name(out.options));
      }
      label_index = static_cast<int>(pos);
    } else {
      label_index = f.label_letter - 'A';
    }
  }
  if (label_index < 0 || static_cast<std::size_t>(label_index) >= k) {
    const std::string shown =
        f.label_letter ? quote(std::string(1, f.label_letter)) : std::to_string(label_index);
    if (f.have_options) return message("jsonl.label_out_of_range", shown, k, k - 1);
    return message("jsonl.label_out_of_range_letters", shown, k, k - 1,
                   std::string(1, char('A' + k - 1)));
  }
  out.label = label_index;
  if (out.idk_index >= static_cast<int>(k)) {
    return message("jsonl.idk_out_of_range", out.idk_index, k);
  }
  if (f.answer_letter != 0) {
    const auto pos = f.have_options ? out.options.find(f.answer_letter)
                                    : static_cast<std::size_t>(f.answer_letter - 'A');
    if (f.have_options && pos == std::string::npos) {
      return message("jsonl.not_among_options", "answer", key_name(std::string(1, f.answer_letter)),
                     key_name(out.options));
    }
    answer_index = static_cast<int>(pos);
  }
  if (answer_index != kAnswerFromScores &&
      (answer_index < kUnanswered || answer_index >= static_cast<int>(k))) {
    return message("jsonl.answer_out_of_range", answer_index, k);
  }
  out.answer = answer_index;
  if (f.answer_only) {
    // Answers without scores (an export of an accuracy-only run): the scores only say how many
    // options there are.
    if (answer_index == kAnswerFromScores) {
      return message("jsonl.answer_only_needs_answer");
    }
    out.kind = ScoreKind::kAnswerOnly;
  }
  if (f.have_conf_vocab && !std::isnan(out.conf_vocab) &&
      (out.conf_vocab < 0 || out.conf_vocab > 1)) {
    return message("jsonl.conf_vocab_range", number_text(out.conf_vocab));
  }
  if (f.have_vocab && out.vocab_logits.size() < k) {
    return message("jsonl.vocab_too_short", out.vocab_logits.size(), k);
  }
  if (f.have_vocab && out.kind == ScoreKind::kProbabilities) {
    return message("jsonl.vocab_needs_logits");
  }
  return {};
}

std::string parse_line(std::string_view line, PredictionInput& out) {
  return english(LineParser(line).parse(out));
}

Result<PredictionSet> parse_predictions_jsonl(std::string_view text, std::string_view name,
                                              const JsonlReadOptions& options,
                                              JsonlReadReport* report, FastPath fast) {
  const char* const readable_end = text.data() + text.size();
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
  // Split at line boundaries into one chunk per worker; small inputs stay in one chunk.
  const int threads = options.threads > 0 ? options.threads : worker_threads();
  const std::size_t chunks =
      text.size() < (1u << 20) ? 1 : static_cast<std::size_t>(std::max(1, threads));
  std::vector<std::size_t> cut{0};
  for (std::size_t c = 1; c < chunks; ++c) {
    std::size_t at = std::max(cut.back(), text.size() * c / chunks);
    const auto nl = text.find('\n', at);
    cut.push_back(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  cut.push_back(text.size());
  std::vector<ChunkResult> results(chunks);
  parallel_chunks(chunks, 1, [&](int, std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c) {
      parse_chunk(text.substr(cut[c], cut[c + 1] - cut[c]), readable_end, options.skip_invalid,
                  fast == FastPath::kOn, results[c]);
    }
  });

  JsonlReadReport rep;
  std::size_t line_base = 0;
  std::size_t total = 0;
  for (auto& r : results)
    total += r.set.size();
  PredictionSet set;
  set.reserve(total, total * 5);
  const std::string prefix(name);
  for (auto& r : results) {
    for (auto& p : r.problems) {
      if (rep.problems.size() >= kMaxProblemsListed) break;
      p.line += line_base;
      p.detail = message("file.line", prefix, p.line, std::move(p.detail));
      p.message = english(p.detail);
      rep.problems.push_back(std::move(p));
    }
    if (r.failed) {
      Message detail = rep.problems.back().detail;
      if (report) *report = std::move(rep);
      return Error::from(std::move(detail));
    }
    rep.lines += r.nonblank;
    rep.skipped += r.skipped;
    line_base += r.lines_in_chunk;
    if (results.size() == 1) {
      set = std::move(r.set);
    } else {
      set.append(r.set);
      r.set = PredictionSet{};
    }
  }
  if (report) *report = std::move(rep);
  return set;
}

}  // namespace jsonl_internal

Result<PredictionSet> parse_predictions_jsonl(std::string_view text, std::string_view name,
                                              const JsonlReadOptions& options,
                                              JsonlReadReport* report) {
  return jsonl_internal::parse_predictions_jsonl(text, name, options, report,
                                                 jsonl_internal::FastPath::kOn);
}

Result<PredictionSet> read_predictions_jsonl(const std::filesystem::path& file,
                                             const JsonlReadOptions& options,
                                             JsonlReadReport* report) {
  auto mapped = MappedFile::open(file);
  if (!mapped) return mapped.error();
  return parse_predictions_jsonl(mapped->text(), file.string(), options, report);
}

void write_predictions_jsonl(std::ostream& out, const PredictionSet& set) {
  std::string line;
  for (std::size_t i = 0; i < set.size(); ++i) {
    line.clear();
    line += "{\"id\":";
    append_json_string(line, set.id(i));
    const bool probs = set.kind(i) != ScoreKind::kLogits;
    line += probs ? ",\"probs\":[" : ",\"logits\":[";
    const auto z = probs ? set.given_probs(i) : set.logits(i);
    for (std::size_t k = 0; k < z.size(); ++k) {
      if (k) line.push_back(',');
      append_json_number(line, z[k]);
    }
    line += "],\"label\":";
    line += std::to_string(set.label(i));
    if (set.kind(i) == ScoreKind::kAnswerOnly) line += ",\"answer_only\":true";
    if (set.answer(i) == kUnanswered) {
      line += ",\"answer\":null";
    } else if (set.answer(i) >= 0) {
      line += ",\"answer\":" + std::to_string(set.answer(i));
    }
    if (!std::isnan(set.conf_vocab(i))) {
      line += ",\"conf_vocab\":";
      append_json_number(line, set.conf_vocab(i));
    }
    if (const auto v = set.vocab_logits(i); !v.empty()) {
      line += ",\"vocab_logits\":[";
      for (std::size_t k = 0; k < v.size(); ++k) {
        if (k) line.push_back(',');
        append_json_number(line, v[k]);
      }
      line.push_back(']');
    }
    if (!set.options(i).empty()) {
      line += ",\"options\":";
      append_json_string(line, set.options(i));
    }
    if (set.idk_index(i) >= 0) line += ",\"idk_index\":" + std::to_string(set.idk_index(i));
    if (!set.category(i).empty()) {
      line += ",\"category\":";
      append_json_string(line, set.category(i));
    }
    if (!set.split(i).empty()) {
      line += ",\"split\":";
      append_json_string(line, set.split(i));
    }
    if (!set.extra(i).empty()) {
      line.push_back(',');
      line += set.extra(i);
    }
    line += "}\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

void write_predictions_csv(std::ostream& out, const PredictionSet& set) {
  const Outcomes o = compute_outcomes(set);
  const auto quote = [](std::string_view s) {
    std::string q = "\"";
    for (char c : s)
      q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  const auto number = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return std::string(buf);
  };
  out << "id,label,predicted,confidence,correct,nll,split,category,logits,conf_vocab\n";
  for (std::size_t i = 0; i < set.size(); ++i) {
    std::string logits;
    for (double z : set.logits(i))
      logits += (logits.empty() ? "" : " ") + number(z);
    out << quote(set.id(i)) << "," << set.label(i) << "," << o.predicted[i] << ","
        << number(o.confidence[i]) << "," << int{o.correct[i]} << "," << number(o.nll[i]) << ","
        << quote(set.split(i)) << "," << quote(set.category(i)) << "," << quote(logits) << ","
        << (std::isnan(set.conf_vocab(i)) ? std::string() : number(set.conf_vocab(i))) << "\n";
  }
}

}  // namespace unveil::calib
