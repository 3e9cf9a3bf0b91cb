// The predictions JSONL reader's simdjson fast path (core/calib/predictions_jsonl_fast.cpp) held
// against its strict parser: for every line the fast path either declines or gives exactly the
// strict parser's prediction (every field, doubles bit for bit), and whole files read with the
// fast path on and off give the same items, counts and messages. The lines: those of the other
// tests, the example files, benchmark-style lines, and seeded random and mutated lines.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "calib/predictions_jsonl.h"
#include "calib/predictions_jsonl_internal.h"

namespace unveil::calib {
namespace {

using jsonl_internal::FastLineParser;
using jsonl_internal::FastPath;

std::uint64_t bits(double v) {
  return std::bit_cast<std::uint64_t>(v);
}

bool same_doubles(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (bits(a[i]) != bits(b[i])) return false;
  }
  return true;
}

// Every field of two inputs; empty when equal, else the first difference.
std::string difference(const PredictionInput& a, const PredictionInput& b) {
  if (a.id != b.id) return "id";
  if (!same_doubles(a.scores, b.scores)) return "scores";
  if (a.kind != b.kind) return "kind";
  if (a.label != b.label) return "label";
  if (a.answer != b.answer) return "answer";
  if (bits(a.conf_vocab) != bits(b.conf_vocab)) return "conf_vocab";
  if (!same_doubles(a.vocab_logits, b.vocab_logits)) return "vocab_logits";
  if (a.idk_index != b.idk_index) return "idk_index";
  if (a.options != b.options) return "options";
  if (a.category != b.category) return "category";
  if (a.split != b.split) return "split";
  if (a.extra != b.extra) return "extra";
  return {};
}

std::string spans_differ(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size()) return "size";
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (bits(a[k]) != bits(b[k])) return "value " + std::to_string(k);
  }
  return {};
}

// Every item and every summary of two sets; empty when equal.
std::string difference(const PredictionSet& a, const PredictionSet& b) {
  if (a.size() != b.size()) return "size";
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string at = " of item " + std::to_string(i);
    if (auto d = spans_differ(a.logits(i), b.logits(i)); !d.empty()) return "logits " + d + at;
    if (auto d = spans_differ(a.given_probs(i), b.given_probs(i)); !d.empty())
      return "probs " + d + at;
    if (auto d = spans_differ(a.vocab_logits(i), b.vocab_logits(i)); !d.empty())
      return "vocab_logits " + d + at;
    if (a.label(i) != b.label(i)) return "label" + at;
    if (a.answer(i) != b.answer(i)) return "answer" + at;
    if (bits(a.conf_vocab(i)) != bits(b.conf_vocab(i))) return "conf_vocab" + at;
    if (a.idk_index(i) != b.idk_index(i)) return "idk_index" + at;
    if (a.kind(i) != b.kind(i)) return "kind" + at;
    if (a.id(i) != b.id(i)) return "id" + at;
    if (a.options(i) != b.options(i)) return "options" + at;
    if (a.category(i) != b.category(i)) return "category" + at;
    if (a.split(i) != b.split(i)) return "split" + at;
    if (a.extra(i) != b.extra(i)) return "extra" + at;
  }
  if (a.has_idk() != b.has_idk() || a.has_recorded_answers() != b.has_recorded_answers() ||
      a.unanswered() != b.unanswered() || a.has_given_probs() != b.has_given_probs() ||
      a.vocab_confidences() != b.vocab_confidences() ||
      a.vocab_logit_items() != b.vocab_logit_items() || a.answer_only() != b.answer_only() ||
      a.uniform_options() != b.uniform_options()) {
    return "summary";
  }
  return {};
}

std::string printable(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Holds the fast path against the strict parser on one line, read both from inside a larger
// buffer (followed by bytes that simdjson may read as padding) and from the end of one (the
// fast path copies it). Returns whether the fast path took the line.
struct LineChecker {
  FastLineParser fast;
  std::size_t lines = 0, accepted = 0, strict_ok = 0;

  bool check(std::string_view line) {
    ++lines;
    PredictionInput ref;
    const std::string error = jsonl_internal::parse_line(line, ref);
    if (error.empty()) ++strict_ok;
    bool took_any = false;
    // Inside a buffer whose next bytes look like JSON (a '}' first: simdjson's special case), and
    // at the very end of one.
    for (const char* after :
         {"}\n{\"id\":\"next\",\"logits\":[1,2],\"label\":0}"
          "                                                                        ",
          ""}) {
      const std::string buffer = std::string(line) + after;
      const std::string_view in(buffer.data(), line.size());
      PredictionInput got;
      got.id = "stale";  // the fast path must clear what a previous line left
      got.scores = {9, 9, 9};
      const bool took = fast.parse(in, buffer.data() + buffer.size(), got);
      if (!took) continue;
      took_any = true;
      EXPECT_TRUE(error.empty()) << "the fast path took a line the strict parser refuses (" << error
                                 << "): " << printable(line);
      if (!error.empty()) return true;
      const std::string d = difference(got, ref);
      EXPECT_TRUE(d.empty()) << "the fast path reads " << d << " otherwise: " << printable(line);
    }
    if (took_any) ++accepted;
    return took_any;
  }
};

// The lines of the other tests (tests/core/predictions_jsonl_test.cpp, recipe_test.cpp,
// prediction_formats_test.cpp, modules_test.cpp, tests/e2e/cli_e2e_test.cpp,
// tests/ui/main_window_test.cpp), good and bad.
std::vector<std::string> lines_of_other_tests() {
  return {
      R"J({"id": "q17", "logits": [2.1, -0.3, 0.5, 0.0, 1.2], "label": 0})J",
      R"J({"id": 7, "probs": [0.2, 0.5, 0.3], "label": "B", "idk_index": 2, "category": "colour", "split": "test"})J",
      R"J({"id": "b", "logits": [1, 2, 3], "label": "(c)", "options": ["X", "Y", "C"], "idk_index": null})J",
      R"J({"id":"a","model":"llava \"7b\"","logits":[0.5,1e-3],"meta":{"t":[1,2,{"u":null}]},"label":1})J",
      "{\"id\":\"q\\u00e9\\ud83d\\ude00\",\"logits\":[0.1,-2.718281828459045,1e-300,12345.678],"
      "\"label\":3,\"idk_index\":1,\"category\":\"c\",\"split\":\"cal\"}",
      "{\"id\":\"p\",\"probs\":[1,0],\"label\":\"A\",\"options\":\"AB\"}",
      "\xEF\xBB\xBF{\"logits\":[1,0],\"label\":0}",
      "{\"logits\":[1,0],\"label\":0}\r",
      "{\"logits\":[0,1],\"label\":1}",
      "not json",
      "{\"logits\":[1,NaN],\"label\":0}",
      "{\"id\":\"ok\",\"logits\":[1,0],\"label\":0}",
      R"J({"logits":[NaN,1],"label":0})J",
      R"J({"logits":[1,Infinity],"label":0})J",
      R"J({"logits":[1,-Infinity],"label":0})J",
      R"J({"logits":[1,null],"label":0})J",
      R"J({"logits":[1,1e999],"label":0})J",
      R"J({"logits":[1],"label":0})J",
      R"J({"logits":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27],"label":0})J",
      R"J({"logits":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26],"label":25})J",
      R"J({"logits":[1,2],"label":2})J",
      R"J({"logits":[1,2],"label":"C"})J",
      R"J({"logits":[1,2],"label":"C","options":["A","B"]})J",
      R"J({"logits":[1,2],"label":"maybe"})J",
      R"J({"logits":[1,2],"label":0.5})J",
      R"J({"logits":[1,2]})J",
      R"J({"label":0})J",
      R"J({"logits":[1,2],"probs":[0.5,0.5],"label":0})J",
      R"J({"probs":[0.5,1.5],"label":0})J",
      R"J({"probs":[0,0],"label":0})J",
      R"J({"logits":[1,2],"label":0,"label":1})J",
      R"J({"logits":[1,2],"label":0,"options":["A"]})J",
      R"J({"logits":[1,2],"label":0,"idk_index":5})J",
      R"J({"logits":[1,2],"label":0} trailing)J",
      R"J({"logits":[1,2],"label":0)J",
      R"J([1,2,3])J",
      R"J({"logits":[1,2],"label":0,"note":"unterminated)J",
      "{\"id\":\"\xFF\",\"logits\":[1,2],\"label\":0}",
      R"J({"logits":[01,2],"label":0})J",
      R"J({"logits":[1,2],"label":0,"x":tru})J",
      "{\"id\":\"a\",\"logits\":[1.0986122886681098,0],\"label\":0,\"split\":\"test\"}",
      "{\"id\":\"b,\\\"x\\\"\",\"probs\":[0.2,0.8],\"label\":0,\"category\":\"c d\"}",
      R"({"id":"a","probs":[0.7,0.2,0.1],"label":1})",
      R"({"id":"a","logits":[2,0],"label":"A","answer":"A","conf_vocab":0.5,"vocab_logits":[2,0,1]})",
      R"({"id":"b","logits":[0,1],"label":0,"answer":null})",
      R"({"id":"c","logits":[0,1],"label":0})",
      R"({"id":"a","logits":[2,0],"label":0,"answer":3})",
      R"({"id":"a","logits":[2,0],"label":0,"conf_vocab":1.5})",
      "{\"id\": \"a\", \"logits\": [1, 2], \"label\": 0, \"doc_id\": 3, \"resps\": []}",
      "{\"id\":\"a\",\"probs\":[0.95,0.05],\"label\":0,\"split\":\"cal\"}",
      "{\"id\":\"c\",\"probs\":[0.25,0.75],\"label\":\"B\",\"split\":\"test\"}",
      "{\"id\":\"d\",\"probs\":[0.65,0.35],\"label\":0,\"split\":\"test\",\"note\":\"kept\"}",
      "{\"id\":\"d\",\"logits\":[1,\"x\"],\"label\":0}",
      "{\"id\":\"p00017\",\"logits\":[1.700,0.25,-0.5,-0.600,0.125],\"label\":2}",
      "{\"id\":\"a\",\"logits\":[2,0],\"label\":0,\"answer\":0,\"conf_vocab\":0.7,"
      "\"vocab_logits\":[2,0,1]}",
      "{\"id\":\"c\",\"logits\":[3,0],\"label\":0,\"answer\":null,\"conf_vocab\":0.5,"
      "\"vocab_logits\":[3,0,3]}",
      "{\"id\": \"b\", \"logits\": [1.0, \"x\"], \"label\": 0}",
  };
}

// Lines as scripts/make_bench_predictions.py writes them (the benchmark's file).
std::vector<std::string> bench_lines(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    const int label = static_cast<int>(rng() % 4);
    double v[5];
    for (double& x : v)
      x = z(rng);
    v[4] -= 0.5;
    v[label] += 1.4;
    char line[256];
    std::snprintf(line, sizeof line,
                  "{\"id\":\"q%zu\",\"logits\":[%.9f,%.9f,%.9f,%.9f,%.9f],\"label\":%d,"
                  "\"idk_index\":4}",
                  i, 2.2 * v[0], 2.2 * v[1], 2.2 * v[2], 2.2 * v[3], 2.2 * v[4], label);
    out.emplace_back(line);
  }
  return out;
}

std::vector<std::string> example_lines() {
  std::vector<std::string> out;
  for (const char* name : {"synthetic_calibration.jsonl", "synthetic_test.jsonl"}) {
    std::ifstream in(std::filesystem::path(UNVEIL_EXAMPLES_DIR) / name);
    EXPECT_TRUE(in.good()) << name;
    for (std::string line; std::getline(in, line);)
      out.push_back(line);
  }
  return out;
}

// Seeded random lines: mostly well-formed, with every variant the format allows and many it
// does not.
class LineGenerator {
 public:
  explicit LineGenerator(std::uint64_t seed) : rng_(seed) {}

  // Half the lines are tame (every value of a kind the format allows, so most lines are good),
  // half are wild (anything).
  std::string line() {
    wild_ = chance(0.5);
    std::vector<std::string> members;
    const int k = wild_ ? pick({2, 2, 3, 4, 5, 5, 5, 26, 1, 0, 27}) : pick({2, 3, 4, 5, 5, 26});
    const bool probs = chance(0.25);
    if (chance(0.9)) members.push_back(member("id", id()));
    if (chance(0.97)) members.push_back(member(probs ? "probs" : "logits", scores(k, probs)));
    if (wild_ && chance(0.02))
      members.push_back(member(probs ? "logits" : "probs", scores(k, false)));
    if (chance(0.95)) members.push_back(member("label", label(k)));
    if (chance(0.4)) members.push_back(member("idk_index", idk(k)));
    if (chance(0.15)) members.push_back(member("options", options(k)));
    if (chance(0.2)) members.push_back(member("category", optional_string()));
    if (chance(0.2)) members.push_back(member("split", optional_string()));
    if (chance(0.1)) members.push_back(member("answer", answer(k)));
    if (chance(0.1)) {
      members.push_back(member("conf_vocab", chance(0.2) ? "null"
                                             : wild_     ? number()
                                                         : probability()));
    }
    if (chance(0.05)) {
      members.push_back(member("answer_only",
                               wild_ ? pick_s({"true", "false", "1"}) : pick_s({"true", "false"})));
    }
    if (chance(0.05)) members.push_back(member("vocab_logits", scores(k + 3, false)));
    if (chance(0.1)) members.push_back(member(unknown_key(), unknown_value(0)));
    if (wild_ && chance(0.05) && !members.empty())
      members.push_back(members[rng_() % members.size()]);
    std::shuffle(members.begin(), members.end(), rng_);
    std::string s = ws() + "{" + ws();
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) s += ws() + "," + ws();
      s += members[i];
    }
    s += ws() + "}" + ws();
    if (wild_ && chance(0.03)) s += pick_s({"x", "}", "{}", ",", "\"", "null"});
    if (wild_ && chance(0.02)) s = "\xEF\xBB\xBF" + s;
    if (chance(0.03)) s += "\r";
    return s;
  }

  // One to three random byte edits.
  std::string mutate(std::string s) {
    const int edits = 1 + static_cast<int>(rng_() % 3);
    static const std::string alphabet =
        std::string("{}[]\":,.-+eE0123456789 \t\r\\/abnrtufNIlsx\x01\x7F\xC3\xA9\xFF\xED\xA0") +
        '\0';
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = s.empty() ? 0 : rng_() % s.size();
      const char c = alphabet[rng_() % alphabet.size()];
      switch (rng_() % 4) {
        case 0:
          if (!s.empty()) s.erase(at, 1);
          break;
        case 1:
          s.insert(at, 1, c);
          break;
        case 2:
          if (!s.empty()) s[at] = c;
          break;
        default:
          if (!s.empty()) s.insert(at, s.substr(at, 1 + rng_() % 8));
          break;
      }
    }
    return s;
  }

 private:
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int pick(std::initializer_list<int> v) { return *(v.begin() + rng_() % v.size()); }
  std::string pick_s(std::initializer_list<const char*> v) {
    return *(v.begin() + rng_() % v.size());
  }
  std::string ws() {
    if (chance(0.7)) return "";
    return pick_s({" ", "  ", "\t", " \t ", "\r", "\n"});
  }
  std::string member(const std::string& key, const std::string& value) {
    return "\"" + key + "\"" + ws() + ":" + ws() + value;
  }
  std::string quoted(const std::string& s) { return "\"" + s + "\""; }

  std::string id() {
    switch (rng_() % 12) {
      case 0:
        return std::to_string(rng_() % 100000);  // a numeric id keeps its text
      case 1:
        if (!wild_) return quoted("x");
        return pick_s({"1.50", "-0", "1e3", "0.0", "12345678901234567890123", "1e400", "01", "-",
                       "null", "true", "[1]", "{}"});
      case 2:
        return quoted(pick_s({"q\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\ud83dx",
                              "\\ud83d\\u0041", "a\\nb", "a\\\"b", "\\/\\b\\f\\r\\t\\\\", "\\u0000",
                              "\\u00", "\\x41", "\\uD83D\\uDE00", "\\uDBFF\\uDFFF"}));
      case 3:
        return quoted(
            pick_s({"\xC3\xA9t\xC3\xA9", "\xF0\x9F\x98\x80", "\xE4\xB8\xAD\xE6\x96\x87", "\xC0\xAF",
                    "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3", "\x80", "a\tb", "a\x01", "\x7F"}));
      case 4:
        return quoted("");
      default:
        return quoted("q" + std::to_string(rng_() % 1000000));
    }
  }

  std::string number() {
    if (chance(0.75)) return plain_number();
    if (!wild_ && rng_() % 3 == 0) return "0";
    switch (rng_() % 16) {
      case 0:
        return pick_s({"0", "-0", "0.0", "-0.0", "0e0", "0E+5", "-0e-10", "0.000000000"});
      case 1:
        return pick_s({"1e400", "-1e400", "1e-400", "4.9e-324", "5e-324", "2.4e-324",
                       "2.2250738585072011e-308", "2.2250738585072014e-308", "1e-320",
                       "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
                       "1.8e308", "1e300", "1e301", "9e307"});
      case 2:
        if (!wild_) return plain_number();
        return pick_s({"NaN",
                       "-NaN",
                       "nan",
                       "Infinity",
                       "-Infinity",
                       "inf",
                       "-inf",
                       "null",
                       "true",
                       "\"1\"",
                       "[1]",
                       "01",
                       "1.",
                       ".5",
                       "+1",
                       "-",
                       "1e",
                       "1e+",
                       "1.5e5x",
                       "0x10",
                       "1_0",
                       "--1",
                       "1e0000000000000000000001"});
      case 3: {  // long mantissas, halfway cases
        std::string s = chance(0.5) ? "-" : "";
        s += std::to_string(rng_() % 10) + ".";
        const int digits = 15 + static_cast<int>(rng_() % 25);
        for (int i = 0; i < digits; ++i)
          s.push_back(static_cast<char>('0' + rng_() % 10));
        if (chance(0.5)) s += "e" + std::to_string(static_cast<int>(rng_() % 600) - 300);
        return s;
      }
      case 4: {  // a double printed with 17 digits (the writer's round trip)
        const double v = std::ldexp(std::uniform_real_distribution<double>(-1, 1)(rng_),
                                    static_cast<int>(rng_() % 200) - 100);
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return buf;
      }
      case 5: {  // a subnormal
        const double v = std::ldexp(std::uniform_real_distribution<double>(0, 1)(rng_), -1030);
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return buf;
      }
      case 6:
        return std::to_string(static_cast<long long>(rng_() % 2000000) - 1000000);
      case 7: {  // up to 20 random digits, a point somewhere, any exponent
        std::string s = chance(0.5) ? "-" : "";
        const int digits = 1 + static_cast<int>(rng_() % 20);
        const int point = static_cast<int>(rng_() % (digits + 1));
        for (int i = 0; i < digits; ++i) {
          if (i == point && i > 0) s.push_back('.');
          s.push_back(static_cast<char>(
              '0' + (i == 0 && digits > 1 && point != 1 ? 1 + rng_() % 9 : rng_() % 10)));
        }
        if (chance(0.6)) s += "e" + std::to_string(static_cast<int>(rng_() % 660) - 330);
        return s;
      }
      default:
        return plain_number();
    }
  }

  std::string plain_number() {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.9f", std::normal_distribution<double>(0, 3)(rng_));
    return buf;
  }

  std::string probability() {
    if (wild_ && chance(0.1)) return number();
    if (chance(0.1)) return pick_s({"0", "1", "0.0", "1.0", "1e0", "-0"});
    char buf[40];
    std::snprintf(buf, sizeof buf, chance(0.5) ? "%.4f" : "%.17g",
                  std::uniform_real_distribution<double>(0, 1)(rng_));
    return buf;
  }

  std::string scores(int k, bool probs) {
    if (wild_ && chance(0.02))
      return pick_s({"null", "\"1,2\"", "{}", "[1,2", "[1,,2]", "[,]", "[1,2,]"});
    std::string s = "[" + ws();
    for (int i = 0; i < k; ++i) {
      if (i) s += ws() + "," + ws();
      s += probs ? probability() : number();
    }
    return s + ws() + "]";
  }

  std::string label(int k) {
    if (!wild_) {
      if (chance(0.7)) return std::to_string(rng_() % k);
      return quoted(std::string(1, static_cast<char>((chance(0.5) ? 'A' : 'a') + rng_() % k)));
    }
    switch (rng_() % 8) {
      case 0:
        return quoted(std::string(1, static_cast<char>((chance(0.5) ? 'A' : 'a') + rng_() % 27)));
      case 1:
        return quoted(pick_s({" B ", "(c)", "(C)", "( c)", "AB", "", "1", "\\u0041", "\\u0062",
                              " (a) ", "\xC3\xA9", "@", "[", "a\\t"}));
      case 2:
        return pick_s({"1.0", "1e0", "-0", "0.5", "-1", "1e6", "1000001", "2e9", "null", "true",
                       "[0]", "NaN", "1e400", "00"});
      default:
        return std::to_string(rng_() % std::max(1, k + 1));
    }
  }

  std::string idk(int k) {
    if (!wild_)
      return chance(0.3) ? "null" : std::to_string(static_cast<int>(rng_() % (k + 1)) - 1);
    switch (rng_() % 5) {
      case 0:
        return "null";
      case 1:
        return pick_s({"-1", "-2", "-1.0", "1.5", "\"1\"", "nul", "nullx", "1e6", "-1e7"});
      default:
        return std::to_string(rng_() % std::max(1, k + 1));
    }
  }

  std::string options(int k) {
    if (wild_ && chance(0.15))
      return pick_s({"\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"", "\"AA\"", "[\"A\",\"a\"]", "\"A1\"",
                     "[\"AB\"]", "[1,2]", "null", "[]", "\"\"", "[\"\\u0041\",\"B\"]",
                     "\"\\u0041B\""});
    std::string letters;
    for (int i = 0; i < k && i < 26; ++i)
      letters.push_back(static_cast<char>((chance(0.8) ? 'A' : 'a') + (i * 7 + 3) % 26));
    if (chance(0.5)) return quoted(letters);
    std::string s = "[" + ws();
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (i) s += ws() + "," + ws();
      s += quoted(std::string(1, letters[i]));
    }
    return s + ws() + "]";
  }

  std::string optional_string() {
    if (!wild_) return chance(0.2) ? "null" : quoted(pick_s({"test", "cal", "c d", "a\\u00e9"}));
    switch (rng_() % 6) {
      case 0:
        return "null";
      case 1:
        return pick_s({"1", "true", "[\"a\"]", "\"a\\u00e9\"", "\"\\ud800\"", "\"tab\there\"",
                       "\"\"", "nul", "\"\xE2\x82\xAC\""});
      default:
        return quoted(pick_s({"test", "cal", "colour", "c d", "val"}));
    }
  }

  std::string answer(int k) {
    if (chance(0.3)) return "null";
    return label(k);
  }

  std::string unknown_key() {
    return pick_s({"model", "meta", "note", "doc_id", "resps", "i\\u0064", "lab\\u0065l", "",
                   "\xC3\xA9", "Label", "ID"});
  }
  std::string unknown_value(int depth) {
    switch (rng_() % (depth > 3 ? 4 : 6)) {
      case 0:
        return number();
      case 1:
        return quoted("x\\\"y");
      case 2:
        return pick_s({"true", "false", "null", "tru", "nul"});
      case 3:
        return "\"text\"";
      case 4:
        return "[" + unknown_value(depth + 1) + "," + unknown_value(depth + 1) + "]";
      default:
        return "{\"k\":" + unknown_value(depth + 1) + "}";
    }
  }

  std::mt19937_64 rng_;
  bool wild_ = true;
};

TEST(PredictionsJsonlFastPath, TakesTheCommonLinesAndReadsThemExactly) {
  LineChecker c;
  for (const auto& line : bench_lines(2000, 7))
    EXPECT_TRUE(c.check(line)) << line;
  for (const auto& line : example_lines())
    EXPECT_TRUE(c.check(line)) << line;
  EXPECT_EQ(c.accepted, c.lines);
  EXPECT_EQ(c.accepted, 2000u + 4000u);
}

TEST(PredictionsJsonlFastPath, AgreesWithTheStrictParserOnTheOtherTestsLines) {
  LineChecker c;
  for (const auto& line : lines_of_other_tests())
    c.check(line);
  // The good ones without unknown keys or vocab_logits are taken.
  EXPECT_GE(c.accepted, 15u);
}

TEST(PredictionsJsonlFastPath, AgreesWithTheStrictParserOnRandomAndMutatedLines) {
  LineChecker c;
  LineGenerator gen(20261207);
  std::size_t mutated_accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string line = gen.line();
    c.check(line);
    const std::size_t before = c.accepted;
    c.check(gen.mutate(line));
    mutated_accepted += c.accepted - before;
    if (::testing::Test::HasFailure()) break;  // the first differences are enough to read
  }
  // Enough of each kind to mean something.
  std::printf("%zu lines: %zu good, %zu taken by the fast path (%zu of them mutated)\n", c.lines,
              c.strict_ok, c.accepted, mutated_accepted);
  EXPECT_GT(c.strict_ok, 5000u);
  EXPECT_GT(c.accepted, 4000u);
  EXPECT_GT(mutated_accepted, 500u);
  RecordProperty("lines", static_cast<int>(c.lines));
  RecordProperty("accepted", static_cast<int>(c.accepted));
  RecordProperty("strict_ok", static_cast<int>(c.strict_ok));
}

// Whole files: the same result (items, counts, problems and their messages) with the fast path
// on and off, failing and skipping, in one chunk and in two.
void expect_same_file_result(const std::string& text, const std::string& what) {
  for (const bool skip : {false, true}) {
    for (const int threads : {1, 2}) {
      JsonlReadOptions opt;
      opt.skip_invalid = skip;
      opt.threads = threads;
      JsonlReadReport on_report, off_report;
      auto on =
          jsonl_internal::parse_predictions_jsonl(text, "f.jsonl", opt, &on_report, FastPath::kOn);
      auto off = jsonl_internal::parse_predictions_jsonl(text, "f.jsonl", opt, &off_report,
                                                         FastPath::kOff);
      const std::string where =
          what + (skip ? " skipping" : " failing") + ", " + std::to_string(threads) + " thread(s)";
      ASSERT_EQ(on.ok(), off.ok()) << where;
      if (on.ok()) {
        EXPECT_EQ(difference(*on, *off), "") << where;
      } else {
        EXPECT_EQ(on.error().message, off.error().message) << where;
      }
      EXPECT_EQ(on_report.lines, off_report.lines) << where;
      EXPECT_EQ(on_report.skipped, off_report.skipped) << where;
      ASSERT_EQ(on_report.problems.size(), off_report.problems.size()) << where;
      for (std::size_t i = 0; i < on_report.problems.size(); ++i) {
        EXPECT_EQ(on_report.problems[i].line, off_report.problems[i].line) << where;
        EXPECT_EQ(on_report.problems[i].message, off_report.problems[i].message) << where;
      }
    }
  }
}

TEST(PredictionsJsonlFastPath, WholeFilesReadTheSameWithTheFastPathOnAndOff) {
  // The other tests' lines, one file, then each line alone (its message).
  std::string all;
  for (const auto& line : lines_of_other_tests()) {
    all += line + "\n";
    expect_same_file_result(line + "\n", printable(line));
    expect_same_file_result(line, printable(line) + " (no newline)");
  }
  expect_same_file_result(all, "the other tests' lines");
  // The example files as they are.
  for (const char* name : {"synthetic_calibration.jsonl", "synthetic_test.jsonl"}) {
    std::ifstream in(std::filesystem::path(UNVEIL_EXAMPLES_DIR) / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    expect_same_file_result(text.str(), name);
  }
  // Random files: a BOM, CRLF, blank lines, bad lines here and there.
  LineGenerator gen(42);
  std::mt19937_64 rng(43);
  for (int f = 0; f < 300; ++f) {
    std::string text = rng() % 4 == 0 ? "\xEF\xBB\xBF" : "";
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      std::string line = gen.line();
      if (rng() % 5 == 0) line = gen.mutate(line);
      text += line;
      text += rng() % 3 == 0 ? "\r\n" : "\n";
      if (rng() % 10 == 0) text += rng() % 2 ? "\n" : "  \r\n";
    }
    if (rng() % 2) text.pop_back();  // no final newline
    expect_same_file_result(text, "random file " + std::to_string(f));
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(PredictionsJsonlFastPath, ALargeFileReadInChunksIsTheSame) {
  // Over 1 MiB, so that two threads read a chunk each; bad lines in both halves.
  std::string text;
  const auto lines = bench_lines(12000, 11);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    text += lines[i] + (i % 1000 == 999 ? "\r\n" : "\n");
    if (i == 3000) text += "{\"id\":\"bad\",\"logits\":[1,NaN],\"label\":0}\n";
    if (i == 9000) text += "{\"id\":\"bad2\",\"logits\":[1,2],\"label\":0,\"label\":1}\n";
  }
  ASSERT_GT(text.size(), 1u << 20);
  expect_same_file_result(text, "large file");
  // The last line right at the end of the buffer (the fast path copies it).
  expect_same_file_result(text + lines[0], "large file, last line without newline");
}

}  // namespace
}  // namespace unveil::calib
