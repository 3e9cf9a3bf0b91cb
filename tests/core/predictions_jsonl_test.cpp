#include "calib/predictions_jsonl.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

using namespace unveil::calib;
using unveil::Result;

namespace {

Result<PredictionSet> parse(const std::string& text, JsonlReadOptions opt = {},
                            JsonlReadReport* rep = nullptr) {
  return parse_predictions_jsonl(text, "p.jsonl", opt, rep);
}

// The error message of a text that must fail.
std::string error_of(const std::string& text) {
  auto r = parse(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? std::string() : r.error().message;
}

}  // namespace

TEST(PredictionsJsonl, ReadsTheDesignExample) {
  auto r = parse(R"J({"id": "q17", "logits": [2.1, -0.3, 0.5, 0.0, 1.2], "label": 0})J"
                 "\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->id(0), "q17");
  EXPECT_EQ(r->num_options(0), 5u);
  EXPECT_DOUBLE_EQ(r->logits(0)[0], 2.1);
  EXPECT_DOUBLE_EQ(r->logits(0)[1], -0.3);
  EXPECT_EQ(r->label(0), 0);
  EXPECT_FALSE(r->has_idk());
}

TEST(PredictionsJsonl, OptionalFieldsLettersAndProbs) {
  const std::string text =
      R"J({"id": 7, "probs": [0.2, 0.5, 0.3], "label": "B", "idk_index": 2, "category": "colour", "split": "test"})J"
      "\n"
      R"J({"id": "b", "logits": [1, 2, 3], "label": "(c)", "options": ["X", "Y", "C"], "idk_index": null})J"
      "\n";
  auto r = parse(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->id(0), "7");
  EXPECT_EQ(r->label(0), 1);
  EXPECT_EQ(r->idk_index(0), 2);
  EXPECT_EQ(r->kind(0), ScoreKind::kProbabilities);
  EXPECT_NEAR(std::exp(r->logits(0)[1]), 0.5, 1e-15);
  EXPECT_EQ(r->category(0), "colour");
  EXPECT_EQ(r->split(0), "test");
  EXPECT_EQ(r->label(1), 2);  // "C" is the third of the given options
  EXPECT_EQ(r->options(1), "XYC");
  EXPECT_EQ(r->idk_index(1), -1);
}

TEST(PredictionsJsonl, UnknownKeysAreKeptAndWrittenBack) {
  const std::string text =
      R"J({"id":"a","model":"llava \"7b\"","logits":[0.5,1e-3],"meta":{"t":[1,2,{"u":null}]},"label":1})J"
      "\n";
  auto r = parse(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->extra(0), R"J("model":"llava \"7b\"","meta":{"t":[1,2,{"u":null}]})J");
  std::ostringstream out;
  write_predictions_jsonl(out, *r);
  auto again = parse(out.str());
  ASSERT_TRUE(again.ok()) << again.error().message << "\n" << out.str();
  EXPECT_EQ(again->extra(0), r->extra(0));
  EXPECT_EQ(again->logits(0)[1], 1e-3);
}

TEST(PredictionsJsonl, WriteReadRoundTripIsExact) {
  const std::string text =
      "{\"id\":\"q\\u00e9\\ud83d\\ude00\",\"logits\":[0.1,-2.718281828459045,1e-300,12345.678],"
      "\"label\":3,\"idk_index\":1,\"category\":\"c\",\"split\":\"cal\"}\n"
      "{\"id\":\"p\",\"probs\":[1,0],\"label\":\"A\",\"options\":\"AB\"}\n";
  auto r = parse(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->id(0), "q\xC3\xA9\xF0\x9F\x98\x80");  // é and U+1F600 as UTF-8
  std::ostringstream out;
  write_predictions_jsonl(out, *r);
  auto b = parse(out.str());
  ASSERT_TRUE(b.ok()) << b.error().message;
  ASSERT_EQ(b->size(), 2u);
  for (std::size_t k = 0; k < 4; ++k)
    EXPECT_EQ(b->logits(0)[k], r->logits(0)[k]);
  EXPECT_EQ(b->id(0), r->id(0));
  EXPECT_EQ(b->idk_index(0), 1);
  EXPECT_EQ(b->split(0), "cal");
  EXPECT_EQ(b->kind(1), ScoreKind::kProbabilities);
  EXPECT_EQ(std::exp(b->logits(1)[0]), 1.0);
  EXPECT_EQ(b->options(1), "AB");
}

TEST(PredictionsJsonl, BlankLinesCrlfAndBom) {
  auto r = parse(
      "\xEF\xBB\xBF{\"logits\":[1,0],\"label\":0}\r\n\r\n   \n{\"logits\":[0,1],\"label\":1}");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->size(), 2u);
  EXPECT_EQ(r->id(0), "");
}

TEST(PredictionsJsonl, EmptyInputGivesNoItems) {
  auto r = parse("");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 0u);
}

struct BadLine {
  const char* line;
  const char* expected;  // a fragment of the message
};

class BadInput : public ::testing::TestWithParam<BadLine> {};

TEST_P(BadInput, IsRefusedWithFileLineAndReason) {
  const std::string text =
      std::string("{\"id\":\"ok\",\"logits\":[1,0],\"label\":0}\n") + GetParam().line + "\n";
  const std::string e = error_of(text);
  EXPECT_EQ(e.rfind("p.jsonl:2: ", 0), 0u) << e;
  EXPECT_NE(e.find(GetParam().expected), std::string::npos) << e;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BadInput,
    ::testing::Values(
        BadLine{R"J({"logits":[NaN,1],"label":0})J", "value 1 of \"logits\" is NaN"},
        BadLine{R"J({"logits":[1,Infinity],"label":0})J", "value 2 of \"logits\" is Infinity"},
        BadLine{R"J({"logits":[1,-Infinity],"label":0})J", "is -Infinity"},
        BadLine{R"J({"logits":[1,null],"label":0})J", "value 2 of \"logits\" is null"},
        BadLine{R"J({"logits":[1,1e999],"label":0})J", "out of the range of a double"},
        BadLine{R"J({"logits":[1],"label":0})J", "at least 2 options"},
        BadLine{
            R"J({"logits":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27],"label":0})J",
            "at most 26"},
        BadLine{R"J({"logits":[1,2],"label":2})J", "label 2 is out of range for 2 options"},
        BadLine{R"J({"logits":[1,2],"label":"C"})J", "label \"C\" is out of range"},
        BadLine{R"J({"logits":[1,2],"label":"C","options":["A","B"]})J", "not among the options"},
        BadLine{R"J({"logits":[1,2],"label":"maybe"})J", "not an option letter"},
        BadLine{R"J({"logits":[1,2],"label":0.5})J", "a whole number is needed"},
        BadLine{R"J({"logits":[1,2]})J", "no \"label\""},
        BadLine{R"J({"label":0})J", "no \"logits\" or \"probs\""},
        BadLine{R"J({"logits":[1,2],"probs":[0.5,0.5],"label":0})J", "give exactly one"},
        BadLine{R"J({"probs":[0.5,1.5],"label":0})J", "probabilities must lie in [0, 1]"},
        BadLine{R"J({"probs":[0,0],"label":0})J", "all values of \"probs\" are 0"},
        BadLine{R"J({"logits":[1,2],"label":0,"label":1})J", "appears twice"},
        BadLine{R"J({"logits":[1,2],"label":0,"options":["A"]})J", "names 1 letters"},
        BadLine{R"J({"logits":[1,2],"label":0,"idk_index":5})J", "idk_index 5 is out of range"},
        BadLine{R"J({"logits":[1,2],"label":0} trailing)J", "expected the end of the line"},
        BadLine{R"J({"logits":[1,2],"label":0)J", "expected ',' or '}'"},
        BadLine{R"J([1,2,3])J", "expected '{'"},
        BadLine{R"J({"logits":[1,2],"label":0,"note":"unterminated)J", "unterminated string"},
        BadLine{"{\"id\":\"\xFF\",\"logits\":[1,2],\"label\":0}", "invalid UTF-8"},
        BadLine{R"J({"logits":[01,2],"label":0})J", "expected ',' or ']'"},
        BadLine{R"J({"logits":[1,2],"label":0,"x":tru})J", "expected a number for a value"}));

TEST(PredictionsJsonl, SkipInvalidCountsAndKeepsGoodLines) {
  JsonlReadReport rep;
  JsonlReadOptions opt;
  opt.skip_invalid = true;
  auto r = parse(
      "{\"logits\":[1,0],\"label\":0}\nnot json\n\n{\"logits\":[1,NaN],\"label\":0}\n"
      "{\"logits\":[0,1],\"label\":1}\n",
      opt, &rep);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
  EXPECT_EQ(rep.skipped, 2u);
  EXPECT_EQ(rep.lines, 4u);
  ASSERT_EQ(rep.problems.size(), 2u);
  EXPECT_EQ(rep.problems[0].line, 2u);
  EXPECT_EQ(rep.problems[1].line, 4u);
  EXPECT_EQ(rep.problems[1].message.rfind("p.jsonl:4: ", 0), 0u);
}

TEST(PredictionsJsonl, ParallelChunksKeepOrderAndLineNumbers) {
  // > 1 MiB so that the text is split between threads; a bad line far into the second half must
  // still be reported with its true line number.
  std::string text;
  const int n = 40000;
  for (int i = 0; i < n; ++i) {
    text += "{\"id\":\"q" + std::to_string(i) + "\",\"logits\":[0.123456789," +
            std::to_string(i % 7) + ".5,-1.25],\"label\":" + std::to_string(i % 3) + "}\n";
  }
  ASSERT_GT(text.size(), 1u << 20);
  JsonlReadOptions two;
  two.threads = 2;
  auto r = parse(text, two);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), static_cast<std::size_t>(n));
  for (int i : {0, 1, n / 2 - 1, n / 2, n / 2 + 1, n - 1}) {
    EXPECT_EQ(r->id(i), "q" + std::to_string(i));
    EXPECT_EQ(r->label(i), i % 3);
  }
  std::string bad = text + "{\"logits\":[1],\"label\":0}\n";
  auto e = parse(bad, two);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message.rfind("p.jsonl:" + std::to_string(n + 1) + ": ", 0), 0u)
      << e.error().message;
}

TEST(PredictionsJsonl, MissingFileIsAnError) {
  auto r = read_predictions_jsonl("/nonexistent/dir/p.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/dir/p.jsonl: cannot open"), std::string::npos);
}

TEST(PredictionsCsv, OneRowPerPredictionWithOutcomeAndQuotedText) {
  // Item "a": logits (ln 3, 0) -> p = (0.75, 0.25): predicted 0, confidence 0.75, right (label 0),
  // nll = -ln 0.75. Item "b,\"x\"": probabilities (0.2, 0.8), label 0: predicted 1, wrong,
  // nll = -ln 0.2.
  const std::string text =
      "{\"id\":\"a\",\"logits\":[1.0986122886681098,0],\"label\":0,\"split\":\"test\"}\n"
      "{\"id\":\"b,\\\"x\\\"\",\"probs\":[0.2,0.8],\"label\":0,\"category\":\"c d\"}\n";
  auto r = parse(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::ostringstream out;
  write_predictions_csv(out, *r);
  std::istringstream lines(out.str());
  std::string header, a, b, extra;
  std::getline(lines, header);
  std::getline(lines, a);
  std::getline(lines, b);
  EXPECT_FALSE(std::getline(lines, extra));
  EXPECT_EQ(header, "id,label,predicted,confidence,correct,nll,split,category,logits,conf_vocab");
  // Fields after the (quoted) id, split at commas: none of them holds one.
  const auto fields = [](const std::string& row, std::size_t id_end) {
    std::vector<std::string> f;
    std::istringstream in(row.substr(id_end + 1));
    for (std::string x; std::getline(in, x, ',');)
      f.push_back(x);
    return f;
  };
  const std::string id_b = "\"b,\"\"x\"\"\"";  // RFC 4180: quotes doubled inside quotes
  ASSERT_EQ(a.substr(0, 4), "\"a\",");
  ASSERT_EQ(b.substr(0, id_b.size() + 1), id_b + ",");
  const auto fa = fields(a, 3), fb = fields(b, id_b.size());
  ASSERT_EQ(fa.size(), 8u);
  ASSERT_EQ(fb.size(), 8u);
  EXPECT_EQ(fa[0], "0");                                  // label
  EXPECT_EQ(fa[1], "0");                                  // predicted
  EXPECT_NEAR(std::stod(fa[2]), 0.75, 1e-15);             // confidence
  EXPECT_EQ(fa[3], "1");                                  // correct
  EXPECT_NEAR(std::stod(fa[4]), -std::log(0.75), 1e-15);  // nll
  EXPECT_EQ(fa[5], "\"test\"");
  EXPECT_EQ(fa[6], "\"\"");
  EXPECT_EQ(fb[1], "1");
  EXPECT_NEAR(std::stod(fb[2]), 0.8, 1e-15);
  EXPECT_EQ(fb[3], "0");
  EXPECT_NEAR(std::stod(fb[4]), -std::log(0.2), 1e-15);
  EXPECT_EQ(fb[6], "\"c d\"");
}
