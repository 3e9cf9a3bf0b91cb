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

  // Fills `out`; returns an empty string on success, else what is wrong.
  std::string parse(PredictionInput& out) {
    out.clear();
    ws();
    if (!eat('{')) return expected("'{' (each line must be one JSON object)");
    jsonl_internal::LineFields f;
    ws();
    if (!eat('}')) {
      for (;;) {
        ws();
        const char* member_begin = p_;
        if (!parse_string(key_)) return err_.empty() ? expected("a key in quotes") : err_;
        ws();
        if (!eat(':')) return expected("':' after key " + quote(key_));
        ws();
        std::string e;
        // Compared as a view: the length first, so most keys never reach memcmp.
        const std::string_view key(key_);
        if (key == "id") {
          if (f.have_id) return duplicate();
          f.have_id = true;
          e = parse_id(out.id);
        } else if (key == "logits" || key == "probs") {
          if (f.have_scores) {
            return "both \"logits\" and \"probs\" are given (or one twice); give exactly one";
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
          if (!literal("null")) e = parse_number(out.conf_vocab, "\"conf_vocab\"");
        } else if (key == "answer_only") {
          if (literal("true")) {
            f.answer_only = true;
          } else if (!literal("false")) {
            e = expected("true or false for \"answer_only\"");
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
        return expected("',' or '}'");
      }
    }
    ws();
    if (p_ != end_) return expected("the end of the line after the object");

    return jsonl_internal::check_line(f, out);
  }

  std::size_t column() const { return static_cast<std::size_t>(p_ - begin_) + 1; }

 private:
  std::string duplicate() const { return "key " + quote(key_) + " appears twice"; }
  std::string expected(const std::string& what) const {
    std::string found = p_ == end_ ? "the end of the line" : "'" + std::string(1, *p_) + "'";
    return "expected " + what + " at column " + std::to_string(column()) + ", found " + found;
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
    err_.clear();
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
        err_ = "unterminated string starting before column " + std::to_string(column());
        return false;
      }
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) {
        err_ = "control character in a string at column " + std::to_string(column());
        return false;
      }
      if (c >= 0x80) {
        const std::size_t len = utf8_length(p_);
        if (len == 0) {
          err_ = "invalid UTF-8 in a string at column " + std::to_string(column());
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
              err_ = "unpaired surrogate in a \\u escape before column " + std::to_string(column());
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            err_ = "unpaired surrogate in a \\u escape before column " + std::to_string(column());
            return false;
          }
          append_utf8(out, cp);
          continue;
        }
        default:
          err_ = "invalid escape '\\" + std::string(1, esc) + "' at column " +
                 std::to_string(column() - 1);
          return false;
      }
      if (esc == 'u') break;
    }
    err_ = "malformed escape in a string before column " + std::to_string(column());
    return false;
  }

  // Scans a JSON number token (strict grammar) and converts it.
  std::string parse_number(double& v, const char* what) {
    const char* start = p_;
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ != end_ && (*p_ == 'N' || *p_ == 'n' || *p_ == 'I' || *p_ == 'i')) {
      if (literal("NaN") || literal("nan"))
        return std::string(what) + " is NaN; only finite numbers are allowed";
      if (literal("Infinity") || literal("inf")) {
        return std::string(what) + " is " + (*start == '-' ? "-" : "") +
               "Infinity; only finite numbers are allowed";
      }
    }
    if (p_ == end_ || *p_ < '0' || *p_ > '9') {
      p_ = start;
      if (literal("null")) return std::string(what) + " is null; a number is needed";
      return expected(std::string("a number for ") + what);
    }
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return expected("a digit after '.'");
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return expected("a digit in the exponent");
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
    }
    const auto r = std::from_chars(start, p_, v);
    if (r.ec == std::errc::result_out_of_range || !std::isfinite(v)) {
      return std::string(what) + " (" + std::string(start, p_) +
             ") is out of the range of a double; only finite numbers are allowed";
    }
    if (r.ec != std::errc() || r.ptr != p_) return expected(std::string("a number for ") + what);
    return {};
  }

  std::string parse_scores(std::vector<double>& out) {
    const std::string key = key_;
    if (!eat('[')) return expected("an array of numbers for " + quote(key));
    ws();
    if (eat(']')) return {};
    for (;;) {
      ws();
      double v;
      // The descriptive name is built only on failure: the common case must stay cheap.
      const char* before = p_;
      if (!parse_number(v, "a value").empty()) {
        p_ = before;
        const std::string what = "value " + std::to_string(out.size() + 1) + " of " + quote(key);
        return parse_number(v, what.c_str());
      }
      out.push_back(v);
      if (out.size() > kMaxOptions) {
        return quote(key) + " has more than 26 values; at most 26 options (A-Z) are supported";
      }
      ws();
      if (eat(',')) continue;
      if (eat(']')) return {};
      return expected("',' or ']' in " + quote(key));
    }
  }

  std::string parse_id(std::string& out) {
    if (p_ != end_ && *p_ == '"') {
      if (!parse_string(out)) return err_;
      return {};
    }
    const char* start = p_;
    double v;
    if (parse_number(v, "\"id\"").empty()) {
      out.assign(start, p_);  // a numeric id keeps its text
      return {};
    }
    p_ = start;
    return expected("a string or a number for \"id\"");
  }

  // The whole vocabulary's logits: an array of finite numbers without the 26-value cap.
  std::string parse_vocab(std::vector<double>& out) {
    if (!eat('[')) return expected("an array of numbers for \"vocab_logits\"");
    ws();
    if (eat(']')) return {};
    for (;;) {
      ws();
      double v;
      const char* before = p_;
      if (!parse_number(v, "a value").empty()) {
        p_ = before;
        const std::string what = "value " + std::to_string(out.size() + 1) + " of \"vocab_logits\"";
        return parse_number(v, what.c_str());
      }
      out.push_back(v);
      if (out.size() > kMaxVocab) {
        return "\"vocab_logits\" has more than " + std::to_string(kMaxVocab) + " values";
      }
      ws();
      if (eat(',')) continue;
      if (eat(']')) return {};
      return expected("',' or ']' in \"vocab_logits\"");
    }
  }

  std::string parse_label(int& index, char& letter, const char* what = "label") {
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
      return std::string(what) + " " + quote(s) + " is not an option letter (A-Z) or an index";
    }
    return parse_index(index, what[0] == 'l' ? "\"label\"" : "\"answer\"");
  }

  std::string parse_index(int& out, const char* what) {
    const char* start = p_;
    double v;
    std::string e = parse_number(v, what);
    if (!e.empty()) return e;
    if (v != std::floor(v) || std::fabs(v) > 1e6) {
      return std::string(what) + " is " + std::string(start, p_) + "; a whole number is needed";
    }
    out = static_cast<int>(v);
    return {};
  }

  std::string parse_optional_index(int& out) {
    if (literal("null")) {
      out = -1;
      return {};
    }
    std::string e = parse_index(out, "\"idk_index\"");
    if (!e.empty()) return e;
    if (out < -1) return "\"idk_index\" is " + std::to_string(out) + "; use -1 or null for none";
    return {};
  }

  std::string parse_optional_string(std::string& out) {
    if (literal("null")) return {};
    if (p_ == end_ || *p_ != '"') return expected("a string for " + quote(key_));
    if (!parse_string(out)) return err_;
    return {};
  }

  std::string parse_options(std::string& letters) {
    auto to_letter = [&](const std::string& s) -> std::string {
      if (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) {
        letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(s[0]))));
        return {};
      }
      return "\"options\" must list option letters; found " + quote(s);
    };
    if (p_ != end_ && *p_ == '"') {
      std::string s;
      if (!parse_string(s)) return err_;
      for (char c : s) {
        std::string e = to_letter(std::string(1, c));
        if (!e.empty()) return e;
      }
      return check_unique(letters);
    }
    if (!eat('[')) return expected("an array of letters for \"options\"");
    ws();
    if (eat(']')) return {};
    std::string s;
    for (;;) {
      ws();
      if (!parse_string(s))
        return err_.empty() ? expected("a letter in quotes in \"options\"") : err_;
      std::string e = to_letter(s);
      if (!e.empty()) return e;
      ws();
      if (eat(',')) continue;
      if (eat(']')) return check_unique(letters);
      return expected("',' or ']' in \"options\"");
    }
  }

  static std::string check_unique(const std::string& letters) {
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (letters.find(letters[i], i + 1) != std::string::npos) {
        return "\"options\" names the letter " + std::string(1, letters[i]) + " twice";
      }
    }
    return {};
  }

  // Skips any JSON value (validating it); sets err_ on failure.
  bool skip_value(int depth) {
    if (depth > 64) {
      err_ = "JSON nested too deeply at column " + std::to_string(column());
      return false;
    }
    ws();
    if (p_ == end_) {
      err_ = expected("a value");
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
            if (err_.empty()) err_ = expected("a key in quotes");
            return false;
          }
          ws();
          if (!eat(':')) {
            err_ = expected("':'");
            return false;
          }
        }
        if (!skip_value(depth + 1)) return false;
        ws();
        if (eat(',')) continue;
        if (eat(close)) return true;
        err_ = expected(std::string("',' or '") + close + "'");
        return false;
      }
    }
    if (literal("true") || literal("false") || literal("null")) return true;
    double v;
    std::string e = parse_number(v, "a value");
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
  std::string err_;
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
    std::string e = parser.parse(input);
    if (e.empty()) {
      r.set.add(input);
      continue;
    }
    if (r.problems.size() < kMaxProblemsListed) r.problems.push_back({line_no, std::move(e)});
    if (!skip_invalid) {
      r.failed = true;
      return;
    }
    ++r.skipped;
  }
}

}  // namespace

namespace jsonl_internal {

std::string check_line(const LineFields& f, PredictionInput& out) {
  int label_index = f.label_index;
  int answer_index = f.answer_index;
  if (!f.have_scores) return "no \"logits\" or \"probs\"";
  const std::size_t k = out.scores.size();
  if (k < 2)
    return "\"" + score_key(out) + "\" has " + std::to_string(k) +
           " value(s); at least 2 options are needed";
  if (k > kMaxOptions)
    return "\"" + score_key(out) + "\" has " + std::to_string(k) +
           " values; at most 26 options (A-Z) are supported";
  if (out.kind == ScoreKind::kProbabilities) {
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double v = out.scores[j];
      if (v < 0 || v > 1) {
        return "value " + std::to_string(j + 1) + " of \"probs\" is " + number_text(v) +
               "; probabilities must lie in [0, 1]";
      }
      sum += v;
    }
    if (sum <= 0) return "all values of \"probs\" are 0";
  }
  if (f.have_options && out.options.size() != k) {
    return "\"options\" names " + std::to_string(out.options.size()) + " letters but \"" +
           score_key(out) + "\" has " + std::to_string(k) + " values";
  }
  if (!f.have_label) return "no \"label\"";
  if (f.label_letter != 0) {
    if (f.have_options) {
      const auto pos = out.options.find(f.label_letter);
      if (pos == std::string::npos) {
        return "label \"" + std::string(1, f.label_letter) + "\" is not among the options \"" +
               out.options + "\"";
      }
      label_index = static_cast<int>(pos);
    } else {
      label_index = f.label_letter - 'A';
    }
  }
  if (label_index < 0 || static_cast<std::size_t>(label_index) >= k) {
    const std::string shown =
        f.label_letter ? quote(std::string(1, f.label_letter)) : std::to_string(label_index);
    return "label " + shown + " is out of range for " + std::to_string(k) + " options (0-" +
           std::to_string(k - 1) +
           (f.have_options ? "" : ", or A-" + std::string(1, char('A' + k - 1))) + ")";
  }
  out.label = label_index;
  if (out.idk_index >= static_cast<int>(k)) {
    return "idk_index " + std::to_string(out.idk_index) + " is out of range for " +
           std::to_string(k) + " options";
  }
  if (f.answer_letter != 0) {
    const auto pos = f.have_options ? out.options.find(f.answer_letter)
                                    : static_cast<std::size_t>(f.answer_letter - 'A');
    if (f.have_options && pos == std::string::npos) {
      return "answer \"" + std::string(1, f.answer_letter) + "\" is not among the options \"" +
             out.options + "\"";
    }
    answer_index = static_cast<int>(pos);
  }
  if (answer_index != kAnswerFromScores &&
      (answer_index < kUnanswered || answer_index >= static_cast<int>(k))) {
    return "answer " + std::to_string(answer_index) + " is out of range for " + std::to_string(k) +
           " options (null: the model gave no option letter)";
  }
  out.answer = answer_index;
  if (f.answer_only) {
    // Answers without scores (an export of an accuracy-only run): the scores only say how many
    // options there are.
    if (answer_index == kAnswerFromScores) {
      return "\"answer_only\" needs \"answer\" (an option, or null for none)";
    }
    out.kind = ScoreKind::kAnswerOnly;
  }
  if (f.have_conf_vocab && !std::isnan(out.conf_vocab) &&
      (out.conf_vocab < 0 || out.conf_vocab > 1)) {
    return "\"conf_vocab\" is " + number_text(out.conf_vocab) +
           "; a probability in [0, 1] is needed";
  }
  if (f.have_vocab && out.vocab_logits.size() < k) {
    return "\"vocab_logits\" has " + std::to_string(out.vocab_logits.size()) +
           " values, fewer than the " + std::to_string(k) +
           " options (it holds the whole vocabulary's logits of the answer step)";
  }
  if (f.have_vocab && out.kind == ScoreKind::kProbabilities) {
    return "\"vocab_logits\" needs \"logits\" (the option letters' raw logits of the same "
           "step), not \"probs\"";
  }
  return {};
}

std::string parse_line(std::string_view line, PredictionInput& out) {
  return LineParser(line).parse(out);
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
      p.message = prefix + ":" + std::to_string(p.line) + ": " + p.message;
      rep.problems.push_back(std::move(p));
    }
    if (r.failed) {
      const std::string msg = rep.problems.back().message;
      if (report) *report = std::move(rep);
      return Error{msg};
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
