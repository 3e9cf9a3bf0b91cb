// The readers of other tools' prediction files (lmms-eval, VLMEvalKit) and the one entry point
// that picks a reader by sniffing the file. The test files are written the way each tool writes
// them; the comment above each names the tool's source file it follows.
#include "calib/prediction_formats.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "calib/accuracy_only.h"
#include "calib/lmms_eval_reader.h"
#include "calib/vlmevalkit_reader.h"
#include "data/dataset_format.h"

using namespace unveil::calib;
using unveil::Result;
namespace fs = std::filesystem;

namespace {

class PredictionFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_formats_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  fs::path dir_;
};

Result<PredictionSet> lmms(const std::string& text, JsonlReadOptions o = {},
                           JsonlReadReport* rep = nullptr, PredictionSource* src = nullptr) {
  return parse_lmms_eval_samples(text, "s.jsonl", o, rep, src);
}

std::string lmms_error(const std::string& text, JsonlReadOptions o = {}) {
  auto r = lmms(text, o);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? std::string() : r.error().message;
}

Result<PredictionSet> vtsv(const std::string& text, JsonlReadOptions o = {},
                           JsonlReadReport* rep = nullptr) {
  return parse_vlmevalkit_tsv(text, "p.tsv", o, rep);
}

std::string vtsv_error(const std::string& text) {
  auto r = vtsv(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? std::string() : r.error().message;
}

Result<PredictionSet> vjson(const std::string& text, JsonlReadOptions o = {},
                            JsonlReadReport* rep = nullptr) {
  return parse_vlmevalkit_json(text, "p.json", o, rep);
}

std::string vjson_error(const std::string& text) {
  auto r = vjson(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? std::string() : r.error().message;
}

// A sample of a multiple_choice task as lmms-eval writes it today: lmms_eval/evaluator.py builds
// the sample ("doc_id", "target", "resps" = every request's responses, "filtered_resps" = the
// first of each), the responses being text since api/instance.py unwrap_generation_output turns
// the model's (loss, is_greedy) tuple into its str(); loggers/evaluation_tracker.py
// save_results_samples then stringifies "target", drops "doc" and "arguments", adds "input", drops
// "resps" when it equals "filtered_resps", and writes one json.dumps line per sample.
std::string current_sample(int doc_id, const std::string& target,
                           const std::vector<std::pair<std::string, bool>>& losses) {
  std::string resps = "[", filtered = "[";
  for (std::size_t k = 0; k < losses.size(); ++k) {
    const std::string t =
        "\"(" + losses[k].first + ", " + (losses[k].second ? "True" : "False") + ")\"";
    resps += (k ? ", [" : "[") + t + "]";
    filtered += (k ? ", " : "") + t;
  }
  return "{\"doc_id\": " + std::to_string(doc_id) + ", \"target\": \"" + target +
         "\", \"resps\": " + resps + "], \"filtered_resps\": " + filtered +
         "], \"token_counts\": [null, null], \"doc_hash\": \"ab12\", \"acc\": 1.0, \"input\": "
         "\"<image>\\nWhat colour is the square?\\nA. red\\nB. blue\"}\n";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// lmms-eval

TEST(LmmsEval, CurrentLayoutBecomesOnePredictionPerSample) {
  const std::string text =
      current_sample(0, "1", {{"0.9", false}, {"0.25", true}, {"1.5", false}}) +
      current_sample(1, "C", {{"2.0", false}, {"0.75", false}, {"0.5", true}});
  PredictionSource src;
  JsonlReadReport rep;
  auto r = lmms(text, {}, &rep, &src);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->id(0), "0");
  ASSERT_EQ(r->num_options(0), 3u);
  // The recorded value is a loss: its negation is the score.
  EXPECT_EQ(r->logits(0)[0], -0.9);
  EXPECT_EQ(r->logits(0)[1], -0.25);
  EXPECT_EQ(r->logits(0)[2], -1.5);
  EXPECT_EQ(r->label(0), 1);
  EXPECT_EQ(r->answer(0), kAnswerFromScores);
  EXPECT_EQ(r->kind(0), ScoreKind::kLogits);
  EXPECT_EQ(r->id(1), "1");
  EXPECT_EQ(r->label(1), 2);  // "C"
  EXPECT_EQ(r->logits(1)[2], -0.5);
  EXPECT_EQ(rep.lines, 2u);
  EXPECT_EQ(src.format, "lmms-eval");
  EXPECT_EQ(src.positions, (std::vector<std::size_t>{1, 2}));
}

// lmms-eval 0.3 to 0.6 (loggers/evaluation_tracker.py with utils.py sanitize_list): the model's
// (loss, is_greedy) tuples kept as tuples and every element turned into a string.
TEST(LmmsEval, SanitisedPairsOfStrings) {
  const std::string text =
      "{\"doc_id\": 4, \"target\": \"0\", \"resps\": [[[\"0.125\", \"True\"]], [[\"3.5\", "
      "\"False\"]]], \"filtered_resps\": [[\"0.125\", \"True\"], [\"3.5\", \"False\"]], "
      "\"exact_match\": 1, \"input\": \"Is it red?\"}\n";
  auto r = lmms(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->id(0), "4");
  ASSERT_EQ(r->num_options(0), 2u);
  EXPECT_EQ(r->logits(0)[0], -0.125);
  EXPECT_EQ(r->logits(0)[1], -3.5);
  EXPECT_EQ(r->label(0), 0);
  // Without "filtered_resps", the first repeat of each request in "resps".
  auto only_resps = lmms(
      "{\"doc_id\": 5, \"target\": \"1\", \"resps\": [[[\"0.5\", \"True\"], [\"9\", "
      "\"False\"]], [[\"1.5\", \"False\"]]]}\n");
  ASSERT_TRUE(only_resps.ok()) << only_resps.error().message;
  EXPECT_EQ(only_resps->logits(0)[0], -0.5);
  EXPECT_EQ(only_resps->logits(0)[1], -1.5);
  EXPECT_EQ(only_resps->label(0), 1);
  // A predictions JSONL line with such keys kept is no sample.
  EXPECT_FALSE(sniff_lmms_eval(
      "{\"id\": \"a\", \"logits\": [1, 2], \"label\": 0, \"doc_id\": 3, \"resps\": []}\n"));
  EXPECT_TRUE(sniff_lmms_eval("\n{\"doc_id\": 3, \"target\": \"0\", \"filtered_resps\": []}\n"));
}

// The older single file (lmms_eval/__main__.py before its loggers: {"args", "model_configs",
// "logs": [samples sorted by doc_id], "time"}, written with json.dumps(indent=4)), where samples
// keep "doc", native [loss, is_greedy] pairs, and "arguments" with each request's continuation:
// a target given as a choice's text is matched against them.
TEST(LmmsEval, OlderJsonWithLogsAndChoiceText) {
  const std::string text = R"({
    "args": {"model": "llava", "log_samples": true},
    "model_configs": {"task": "shapes_mc", "output_type": "multiple_choice"},
    "logs": [
        {
            "doc_id": 0,
            "doc": {"question": "Which shape?", "choices": ["circle", "square"]},
            "target": "square",
            "arguments": ["Which shape?", " circle", 0, "shapes_mc", "test",
                          "Which shape?", " square", 0, "shapes_mc", "test"],
            "resps": [[[1.25, false]], [[0.5, true]]],
            "filtered_resps": [[1.25, false], [0.5, true]],
            "acc": 1.0
        },
        {
            "doc_id": 1,
            "target": 0,
            "arguments": [["Which colour?", " red"], ["Which colour?", " blue"]],
            "filtered_resps": [[0.75, true], [2, false]],
            "acc": NaN
        }
    ],
    "time": "0101_1200"
}
)";
  PredictionSource src;
  auto r = lmms(text, {}, nullptr, &src);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->label(0), 1);  // "square" is the second continuation
  EXPECT_EQ(r->logits(0)[0], -1.25);
  EXPECT_EQ(r->logits(0)[1], -0.5);
  EXPECT_EQ(r->label(1), 0);
  EXPECT_EQ(r->logits(1)[1], -2.0);
  EXPECT_EQ(src.unit, "record");
  EXPECT_EQ(src.where(1), "record 2");
}

// generate_until samples (the default output type): "filtered_resps" holds the generated text.
TEST(LmmsEval, GenerateUntilIsRefusedEvenWhenSkipping) {
  const std::string text =
      "{\"doc_id\": 0, \"target\": \"B\", \"filtered_resps\": \"B\", \"resps\": [\"B. blue\"], "
      "\"input\": \"q\"}\n";
  const std::string expected =
      "s.jsonl:1: doc_id 0: \"filtered_resps\" holds generated text (\"B\"), not loglikelihoods: "
      "lmms-eval's generate_until tasks record no probabilities, so calibration cannot be "
      "measured from them; for option probabilities, run the model on the dataset in Unveil "
      "(through an OpenAI-compatible endpoint or as a TorchScript model, docs/MODELS.md), or run "
      "a multiple_choice task in lmms-eval";
  EXPECT_EQ(lmms_error(text), expected);
  JsonlReadOptions skip;
  skip.skip_invalid = true;
  EXPECT_EQ(lmms_error(text, skip), expected);
  // lmms-eval 0.3 to 0.6 kept the list: ["B"].
  EXPECT_NE(lmms_error("{\"doc_id\": 3, \"target\": \"B\", \"filtered_resps\": [\"B\"]}\n")
                .find("s.jsonl:1: doc_id 3: \"filtered_resps\" holds generated text (\"B\")"),
            std::string::npos);
}

TEST(LmmsEval, BrokenSamplesAreNamedByLine) {
  const std::string good = current_sample(0, "0", {{"0.5", true}, {"1.5", false}});
  // A line cut short (the process died while writing).
  EXPECT_EQ(lmms_error(good + "{\"doc_id\": 1, \"target\": \"0\", \"filtered_resps\": [\"(0.5, "),
            "s.jsonl:2: the JSON is malformed: syntax error while parsing value - invalid string: "
            "missing closing quote; last read: '\"(0.5, '");
  EXPECT_EQ(lmms_error("{\"target\": \"0\", \"filtered_resps\": [\"(0.5, True)\", \"(1, "
                       "False)\"]}\n"),
            "s.jsonl:1: the sample has no \"doc_id\"");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"filtered_resps\": [\"(0.5, True)\", \"(1, False)\"]}\n"),
            "s.jsonl:1: doc_id 2: the sample has no \"target\"");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"5\", \"filtered_resps\": [\"(0.5, True)\", "
                       "\"(1, False)\"]}\n"),
            "s.jsonl:1: doc_id 2: \"target\" \"5\" names option 6, but the sample has 2 choices");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"red\", \"filtered_resps\": [\"(0.5, "
                       "True)\", \"(1, False)\"]}\n"),
            "s.jsonl:1: doc_id 2: \"target\" is \"red\", which is not a choice's index or letter, "
            "and the sample keeps no choices to match it against");
  // Wrong types.
  EXPECT_EQ(lmms_error("{\"doc_id\": [1], \"target\": \"0\", \"filtered_resps\": []}\n"),
            "s.jsonl:1: \"doc_id\" is [1]; expected a number or a string");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"0\", \"filtered_resps\": [\"(0.5, True)\", "
                       "7]}\n"),
            "s.jsonl:1: doc_id 2: element 2 of \"filtered_resps\" is 7; expected a "
            "(loglikelihood, is_greedy) response");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": true, \"filtered_resps\": [\"(0.5, True)\", "
                       "\"(1, False)\"]}\n"),
            "s.jsonl:1: doc_id 2: \"target\" is true; expected a choice's index, letter or text");
  // NaN, as Python writes it: in a response (refused) or in a metric (ignored).
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"0\", \"filtered_resps\": [\"(nan, False)\", "
                       "\"(1, False)\"], \"acc\": NaN}\n"),
            "s.jsonl:1: doc_id 2: the loglikelihood of choice 1 is not a finite number; only "
            "finite numbers are allowed");
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"0\", \"filtered_resps\": [[NaN, false], [1, "
                       "false]]}\n"),
            "s.jsonl:1: doc_id 2: element 1 of \"filtered_resps\" is [null,false]; expected a "
            "(loglikelihood, is_greedy) response");
  auto ok = lmms(
      "{\"doc_id\": 2, \"target\": \"0\", \"filtered_resps\": [\"(0.5, True)\", \"(1, "
      "False)\"], \"acc\": NaN}\n");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  // One loglikelihood per sample (output_type loglikelihood) is no choice between options.
  EXPECT_EQ(lmms_error("{\"doc_id\": 2, \"target\": \"0\", \"filtered_resps\": \"(0.5, True)\"}\n"),
            "s.jsonl:1: doc_id 2: \"filtered_resps\" holds a single loglikelihood (output_type "
            "loglikelihood); a prediction needs one per choice (output_type multiple_choice)");
  EXPECT_EQ(lmms_error(""), "s.jsonl: the file holds no lmms-eval samples");
}

TEST(LmmsEval, SkipInvalidCountsTheBrokenLines) {
  const std::string text = current_sample(0, "0", {{"0.5", true}, {"1.5", false}}) +
                           "{\"doc_id\": 1}\n" + "not json\n" +
                           current_sample(3, "1", {{"0.5", true}, {"1.5", false}});
  JsonlReadOptions skip;
  skip.skip_invalid = true;
  JsonlReadReport rep;
  PredictionSource src;
  auto r = lmms(text, skip, &rep, &src);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->id(1), "3");
  EXPECT_EQ(rep.lines, 4u);
  EXPECT_EQ(rep.skipped, 2u);
  ASSERT_EQ(rep.problems.size(), 2u);
  EXPECT_EQ(rep.problems[0].message,
            "s.jsonl:2: doc_id 1: the sample has neither "
            "\"filtered_resps\" nor \"resps\"");
  EXPECT_EQ(rep.problems[1].line, 3u);
  EXPECT_EQ(src.positions, (std::vector<std::size_t>{1, 4}));
}

// ---------------------------------------------------------------------------------------------
// VLMEvalKit

// A prediction TSV as vlmeval/inference.py infer_data_job writes it: the dataset's table without
// its "image" column plus "prediction", through vlmeval/smp/file.py dump (pandas to_csv with
// sep="\t" and csv.QUOTE_ALL: every field quoted, a missing value as "").
const char* kVlmTsv =
    "\"index\"\t\"question\"\t\"hint\"\t\"A\"\t\"B\"\t\"C\"\t\"D\"\t\"answer\"\t\"category\"\t"
    "\"l2-category\"\t\"split\"\t\"prediction\"\n"
    "\"0\"\t\"What colour is the square?\"\t\"\"\t\"red\"\t\"blue\"\t\"green\"\t\"\"\t\"B\"\t"
    "\"colour\"\t\"perception\"\t\"dev\"\t\"B\"\n"
    "\"1\"\t\"How many circles?\"\t\"\"\t\"1\"\t\"2\"\t\"3\"\t\"4\"\t\"C\"\t\"count\"\t"
    "\"perception\"\t\"dev\"\t\"The answer is (C).\"\n"
    "\"2\"\t\"Which shape is \"\"largest\"\"?\"\t\"Look\tclosely\"\t\"circle\"\t\"square\"\t\"\"\t"
    "\"\"\t\"A\"\t\"shape\"\t\"perception\"\t\"dev\"\t\"square\"\n"
    "\"3\"\t\"Is it red?\"\t\"\"\t\"yes\"\t\"no\"\t\"\"\t\"\"\t\"A\"\t\"colour\"\t\"perception\"\t"
    "\"dev\"\t\"I cannot tell from\nthis image.\"\n"
    "\"4\"\t\"Is it blue?\"\t\"\"\t\"yes\"\t\"no\"\t\"\"\t\"\"\t\"B\"\t\"colour\"\t\"perception\"\t"
    "\"dev\"\t\"\"\n";

TEST(VlmEvalKit, TsvBecomesAnswersOnly) {
  JsonlReadReport rep;
  PredictionSource src;
  auto r = parse_vlmevalkit_tsv(kVlmTsv, "p.tsv", {}, &rep, &src);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 5u);
  EXPECT_EQ(r->answer_only(), 5u);
  EXPECT_EQ(r->id(0), "0");
  EXPECT_EQ(r->kind(0), ScoreKind::kAnswerOnly);
  EXPECT_EQ(r->options(0), "ABC");  // D is empty
  EXPECT_EQ(r->num_options(0), 3u);
  EXPECT_EQ(r->label(0), 1);
  EXPECT_EQ(r->answer(0), 1);
  EXPECT_EQ(r->category(0), "colour");
  EXPECT_EQ(r->split(0), "dev");
  EXPECT_EQ(r->extra(0), "\"prediction\":\"B\"");
  EXPECT_EQ(r->options(1), "ABCD");
  EXPECT_EQ(r->label(1), 2);
  EXPECT_EQ(r->answer(1), 2);  // "The answer is (C)."
  EXPECT_EQ(r->label(2), 0);
  EXPECT_EQ(r->answer(2), 1);  // the text of option B
  EXPECT_EQ(r->answer(3), kUnanswered);
  EXPECT_EQ(r->extra(3), "\"prediction\":\"I cannot tell from\\nthis image.\"");
  EXPECT_EQ(r->answer(4), kUnanswered);  // no reply
  EXPECT_EQ(r->extra(4), "");
  EXPECT_EQ(r->unanswered(), 2u);
  EXPECT_EQ(rep.lines, 5u);
  EXPECT_EQ(src.format, "vlmevalkit");
  // Rows start on these lines (the reply of row 4 spans two).
  EXPECT_EQ(src.positions, (std::vector<std::size_t>{2, 3, 4, 5, 7}));

  const AccuracyOnly a = accuracy_only(*r);
  EXPECT_EQ(a.n, 5u);
  EXPECT_EQ(a.unanswered, 2u);
  EXPECT_EQ(a.correct, 2u);
  EXPECT_DOUBLE_EQ(a.accuracy, 0.4);
  EXPECT_DOUBLE_EQ(*a.accuracy_answered, 2.0 / 3.0);
  EXPECT_EQ(accuracy_only_text(a),
            "accuracy only: the file holds answers only, no probabilities: calibration metrics "
            "(ECE, MCE, Brier, NLL, AUROC, AURC, the reliability diagram) cannot be computed from "
            "it\n"
            "n                  5\n"
            "unanswered         2 (no option could be read from the reply: counted wrong)\n"
            "accuracy           0.4000\n"
            "accuracy_answered  0.6667\n");
  const auto j = accuracy_only_json(a);
  EXPECT_EQ(j["scores"], "none");
  EXPECT_EQ(j["unanswered"], 2);
}

// The same as vlmeval/smp/file.py dump_json writes it: DataFrame.to_dict("records") through
// json.dump(indent=4, NumpyEncoder), so a missing value (NaN in pandas) is a bare NaN.
const char* kVlmJson = R"([
    {
        "index": 10,
        "question": "What colour is the square?",
        "hint": NaN,
        "A": "red",
        "B": "blue",
        "C": NaN,
        "D": NaN,
        "answer": "A",
        "category": "colour",
        "prediction": "A. red"
    },
    {
        "index": 11,
        "question": "How many?",
        "hint": NaN,
        "A": 1,
        "B": 2,
        "C": 3,
        "D": NaN,
        "answer": "C",
        "category": "count",
        "prediction": "3"
    }
])";

TEST(VlmEvalKit, JsonWithBareNaN) {
  PredictionSource src;
  auto r = parse_vlmevalkit_json(kVlmJson, "p.json", {}, nullptr, &src);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->id(0), "10");
  EXPECT_EQ(r->options(0), "AB");
  EXPECT_EQ(r->label(0), 0);
  EXPECT_EQ(r->answer(0), 0);  // "A. red"
  EXPECT_EQ(r->category(0), "colour");
  EXPECT_EQ(r->options(1), "ABC");  // numeric options are options too
  EXPECT_EQ(r->label(1), 2);
  EXPECT_EQ(r->answer(1), 2);  // "3" is the text of option C
  EXPECT_EQ(src.positions, (std::vector<std::size_t>{2, 14}));
}

TEST(VlmEvalKit, ExtractsTheOptionTheSimpleWay) {
  const std::vector<std::string> texts = {"red", "blue", "green", "a red circle"};
  const auto x = [&](const char* reply) { return extract_option(reply, "ABCD", texts); };
  EXPECT_EQ(x("B"), 1);
  EXPECT_EQ(x(" (B) "), 1);
  EXPECT_EQ(x("B."), 1);
  EXPECT_EQ(x("B)"), 1);
  EXPECT_EQ(x("B:"), 1);
  EXPECT_EQ(x("[C]"), 2);
  EXPECT_EQ(x("Answer: B"), 1);
  EXPECT_EQ(x("answer: (D)"), 3);
  EXPECT_EQ(x("The answer is C."), 2);
  EXPECT_EQ(x("**B**"), 1);
  EXPECT_EQ(x("B. blue"), 1);
  EXPECT_EQ(x("Blue"), 1);              // exactly an option's text
  EXPECT_EQ(x("a red circle"), 3);      // not the letter A
  EXPECT_EQ(x("B. red"), kUnanswered);  // the letter and the text disagree
  EXPECT_EQ(x("E"), kUnanswered);       // not an option of the item
  EXPECT_EQ(x("b"), kUnanswered);       // letters are upper case
  EXPECT_EQ(x("I think it is B"), kUnanswered);
  EXPECT_EQ(x("A or B"), kUnanswered);
  EXPECT_EQ(x(""), kUnanswered);
}

TEST(VlmEvalKit, BrokenFilesAreNamedByLine) {
  const std::string header = "\"index\"\t\"A\"\t\"B\"\t\"C\"\t\"answer\"\t\"prediction\"\n";
  // A row cut short.
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"y\"\t\"z\"\t\"A\"\t\"A\"\n\"2\"\t\"x\"\t\"y\""),
            "p.tsv:3: expected 6 tab-separated fields, found 3");
  EXPECT_EQ(vtsv_error("\"index\"\t\"A\"\t\"B\"\t\"prediction\"\n\"1\"\t\"x\"\t\"y\"\t\"A\"\n"),
            "p.tsv:1: the header has no \"answer\" column; a VLMEvalKit prediction file has "
            "\"prediction\" (the model's reply) and \"answer\" (the right option)");
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"y\"\t\"z\"\t\"\"\t\"A\"\n"),
            "p.tsv:2: index 1: \"answer\" is empty; the right option's letter is needed");
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"y\"\t\"z\"\t\"nan\"\t\"A\"\n"),
            "p.tsv:2: index 1: \"answer\" is empty; the right option's letter is needed");
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"\"\t\"z\"\t\"A\"\t\"A\"\n"),
            "p.tsv:2: index 1: option C is given but an earlier option is missing");
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"\"\t\"\"\t\"A\"\t\"A\"\n"),
            "p.tsv:2: index 1: fewer than two options are given (columns A, B, ...: found 1)");
  EXPECT_EQ(vtsv_error(header + "\"1\"\t\"x\"\t\"y\"\t\"z\"\t\"E\"\t\"A\"\n"),
            "p.tsv:2: index 1: \"answer\" is \"E\", which is not one of the options A-C");
  EXPECT_EQ(vtsv_error(header), "p.tsv: the file holds no predictions");
  // JSON: wrong types, a missing key, a record that is no object, a file cut short.
  EXPECT_EQ(vjson_error(R"([{"index": 1, "A": "x", "B": "y", "answer": 1, "prediction": "A"}])"),
            "p.json:1: index 1: \"answer\" is 1; expected an option letter");
  EXPECT_EQ(
      vjson_error(R"([{"index": 1, "A": "x", "B": {"t": 1}, "answer": "A", "prediction": "A"}])"),
      "p.json:1: index 1: option B is {\"t\":1}; expected text");
  EXPECT_EQ(vjson_error("[\n {\"index\": 1, \"A\": \"x\", \"B\": \"y\", \"answer\": \"A\"}\n]"),
            "p.json:2: index 1: the record has no \"prediction\"");
  EXPECT_EQ(vjson_error(R"([{"index": 1, "A": "x", "B": "y", "answer": "A", "prediction": [1]}])"),
            "p.json:1: index 1: \"prediction\" is [1]; expected the model's reply as text");
  EXPECT_EQ(vjson_error("[\n 3\n]"), "p.json:1: record 1 is number; expected an object");
  EXPECT_EQ(vjson_error("{\"index\": 1}"),
            "p.json: expected a list of records (VLMEvalKit writes its table as a JSON list of "
            "objects); found object");
  EXPECT_EQ(vjson_error("[\n  {\"index\": 1, \"A\": \"x\",\n  \"B\": "),
            "p.json: line 3: the JSON is malformed: syntax error while parsing value - unexpected "
            "end of input; expected '[', '{', or a literal");
}

TEST(VlmEvalKit, SkipInvalidCountsTheBrokenRows) {
  const std::string text = std::string(kVlmTsv) +
                           "\"5\"\t\"q\"\t\"\"\t\"x\"\t\"y\"\t\"\"\t\"\"\t\"\"\t\"c\"\t\"p\"\t"
                           "\"dev\"\t\"A\"\n\"6\"\t\"q\"\n";
  JsonlReadOptions skip;
  skip.skip_invalid = true;
  JsonlReadReport rep;
  auto r = vtsv(text, skip, &rep);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->size(), 5u);
  EXPECT_EQ(rep.lines, 7u);
  EXPECT_EQ(rep.skipped, 2u);
  ASSERT_EQ(rep.problems.size(), 2u);
  EXPECT_EQ(rep.problems[0].message,
            "p.tsv:8: index 5: \"answer\" is empty; the right option's letter is needed");
  EXPECT_EQ(rep.problems[1].message, "p.tsv:9: expected 12 tab-separated fields, found 2");
}

// ---------------------------------------------------------------------------------------------
// The one entry point

TEST_F(PredictionFormats, ReadsEveryFormatThroughOneEntryPoint) {
  PredictionSource src;
  auto jsonl = read_predictions_any(
      write("p.jsonl",
            "{\"id\":\"a\",\"logits\":[1,2],\"label\":1}\n\n{\"id\":\"b\",\"logits\":"
            "[2,1],\"label\":0}\n"),
      {}, nullptr, &src);
  ASSERT_TRUE(jsonl.ok()) << jsonl.error().message;
  EXPECT_EQ(jsonl->size(), 2u);
  EXPECT_EQ(src.format, "predictions-jsonl");
  EXPECT_EQ(src.positions, (std::vector<std::size_t>{1, 3}));

  auto samples = read_predictions_any(
      write("samples_mmbench.jsonl", current_sample(7, "1", {{"0.5", false}, {"0.25", true}})), {},
      nullptr, &src);
  ASSERT_TRUE(samples.ok()) << samples.error().message;
  EXPECT_EQ(src.format, "lmms-eval");
  EXPECT_EQ(samples->id(0), "7");

  auto tsv = read_predictions_any(write("m_MMBench.tsv", kVlmTsv), {}, nullptr, &src);
  ASSERT_TRUE(tsv.ok()) << tsv.error().message;
  EXPECT_EQ(src.format, "vlmevalkit");
  EXPECT_EQ(tsv->answer_only(), 5u);

  auto json = read_predictions_any(write("m_MMBench.json", kVlmJson), {}, nullptr, &src);
  ASSERT_TRUE(json.ok()) << json.error().message;
  EXPECT_EQ(src.format, "vlmevalkit");

  // An .xlsx (a ZIP archive) is refused with the way to write TSV.
  const fs::path xlsx = write("m_MMBench.xlsx", std::string("PK\x03\x04\x14\x00", 6));
  auto x = read_predictions_any(xlsx);
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().message,
            xlsx.string() +
                ": an .xlsx file cannot be read (no XLSX reader is available to this build); "
                "write it as TSV, in Python: pandas.read_excel(\"" +
                xlsx.string() +
                "\").to_csv(\"predictions.tsv\", sep=\"\\t\", index=False), or run VLMEvalKit "
                "with PRED_FORMAT=tsv");
  // A TSV without a "prediction" column is a dataset.
  const fs::path dataset = write("MMBench.tsv", "index\tquestion\tA\tB\tanswer\n1\tq\tx\ty\tA\n");
  auto d = read_predictions_any(dataset);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message,
            dataset.string() +
                ": this TSV has no \"prediction\" column, so it holds no model answers: it is not "
                "a VLMEvalKit prediction file (a benchmark's TSV is a dataset: import it with "
                "`unveil-cli import`)");
  // Anything else is read as predictions JSONL, whose messages say what is wrong.
  auto other = read_predictions_any(write("p.txt", "{\"id\":\"a\",\"label\":0}\n"));
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("p.txt:1: "), std::string::npos) << other.error().message;

  EXPECT_EQ(prediction_formats().front().name, std::string("lmms-eval"));
}

TEST_F(PredictionFormats, AVlmEvalKitTsvIsNoDataset) {
  const fs::path p = write("m_MMBench.tsv", kVlmTsv);
  EXPECT_EQ(unveil::data::predictions_not_dataset(p),
            p.string() +
                ": this TSV has a \"prediction\" column: it is a VLMEvalKit prediction file (a "
                "model's answers), not a dataset; import it as a run with `unveil-cli "
                "import-predictions " +
                p.string() +
                " --db FILE --dataset NAME --name RUN`, or give --dataset-format mmbench to read "
                "its questions as a dataset");
  EXPECT_EQ(unveil::data::predictions_not_dataset(
                write("MMBench.tsv", "index\tquestion\tA\tB\tanswer\n1\tq\tx\ty\tA\n")),
            "");
  EXPECT_EQ(unveil::data::predictions_not_dataset(write("d.json", "[]")), "");
}
