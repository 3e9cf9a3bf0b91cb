// Messages as data: a catalog id with parameters said in English exactly as the readers said it
// before they kept ids, each id once, each template's parameters numbered without gaps, and a
// reader's error carrying both its English and its id.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "calib/predictions_jsonl.h"
#include "data/readers.h"
#include "model/model_card.h"
#include "util/message.h"
#include "util/result.h"

namespace unveil {
namespace {

TEST(Message, ALiteralIsSaidAsItIs) {
  EXPECT_EQ(english(literal("shapes.jsonl")), "shapes.jsonl");
  EXPECT_TRUE(Message{}.empty());
  EXPECT_FALSE(literal("x").empty());
}

TEST(Message, ParametersFillTheTemplateAndNestedMessagesAreSaidInside) {
  const Message m = message(
      "file.line", "bad.jsonl", 7,
      message("jsonl.expected", message("jsonl.want_value"), 12, message("jsonl.found_end")));
  EXPECT_EQ(english(m), "bad.jsonl:7: expected a value at column 12, found the end of the line");
}

TEST(Message, APercentSignInAParameterIsNotFilledAgain) {
  // A file named "%2.jsonl" must appear as it is, not with the line number put in its name.
  EXPECT_EQ(english(message("file.line", "%2.jsonl", 3, "%1")), "%2.jsonl:3: %1");
  const std::string args[] = {"a%1", "b"};
  EXPECT_EQ(fill_template("%1-%2-%3-%", args), "a%1-b-%3-%");
}

TEST(Message, AnIdMissingFromTheCatalogKeepsItsParameters) {
  EXPECT_EQ(english(message("no.such.id", "x", 2)), "no.such.id [x] [2]");
  EXPECT_TRUE(english_template("no.such.id").empty());
}

TEST(Message, EachIdIsInTheCatalogOnceWithParametersNumberedWithoutGaps) {
  std::set<std::string_view> seen;
  for (const MessageTemplate& t : message_catalog()) {
    EXPECT_TRUE(seen.insert(t.id).second) << t.id << " appears twice";
    std::set<int> used;
    for (std::size_t i = 0; i + 1 < t.english.size(); ++i) {
      if (t.english[i] == '%' && t.english[i + 1] >= '1' && t.english[i + 1] <= '9') {
        used.insert(t.english[i + 1] - '0');
      }
    }
    for (int n = 1; n <= static_cast<int>(used.size()); ++n)
      EXPECT_TRUE(used.count(n)) << t.id << " uses %" << used.size() << " but not %" << n;
  }
  EXPECT_GT(seen.size(), 50u);
}

TEST(Message, AnErrorFromTheCatalogCarriesItsEnglishAndItsId) {
  const Error e = Error::from(message("file.not_regular", "/tmp"));
  EXPECT_EQ(e.message, "/tmp: not a regular file");
  EXPECT_EQ(e.detail.id, "file.not_regular");
  ASSERT_EQ(e.detail.args.size(), 1u);
  EXPECT_EQ(e.detail.args[0].text, "/tmp");
}

TEST(Message, APredictionsReadersErrorNamesTheFileTheLineAndTheProblemAsIds) {
  const auto r = calib::parse_predictions_jsonl(
      "{\"id\":\"a\",\"probs\":[0.5,0.5],\"label\":0}\n"
      "{\"id\":\"b\",\"probs\":[0.5,1.5],\"label\":0}\n",
      "p.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "p.jsonl:2: value 2 of \"probs\" is 1.5; probabilities must lie in [0, 1]");
  const Message& d = r.error().detail;
  EXPECT_EQ(d.id, "file.line");
  ASSERT_EQ(d.args.size(), 3u);
  EXPECT_EQ(d.args[0].text, "p.jsonl");
  EXPECT_EQ(d.args[1].text, "2");
  EXPECT_EQ(d.args[2].id, "jsonl.prob_out_of_range");
  EXPECT_EQ(english(d), r.error().message);
}

TEST(Message, ASkippedLinesProblemCarriesItsIdToo) {
  calib::JsonlReadOptions options;
  options.skip_invalid = true;
  calib::JsonlReadReport report;
  const auto r = calib::parse_predictions_jsonl(
      "{\"id\":\"a\",\"probs\":[0.5,0.5],\"label\":0}\n{\"id\":\"b\"}\n", "p.jsonl", options,
      &report);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].message, "p.jsonl:2: no \"logits\" or \"probs\"");
  EXPECT_EQ(report.problems[0].detail.args.at(2).id, "jsonl.no_scores");
}

TEST(Message, AMissingFileIsSaidFromTheCatalog) {
  const auto r = calib::read_predictions_jsonl("/nonexistent/dir/p.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "/nonexistent/dir/p.jsonl: cannot open: No such file or directory");
  EXPECT_EQ(r.error().detail.id, "file.cannot_open");
  EXPECT_EQ(r.error().detail.args.at(1).id, "file.no_such_file");
}

TEST(Message, ADatasetProblemSaysWhereAndWhatAsIdsWithTheSameEnglish) {
  const std::string turn =
      R"([{"from":"human","value":"Which?\nA. red\nB. blue"},{"from":"gpt","value":"A"}])";
  const auto ds = data::parse_llava_json("[{\"id\":\"a\",\"conversations\":" + turn +
                                             "},{\"id\":\"a\",\"conversations\":" + turn + "}]",
                                         "set.json", ".", {});
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->problems.size(), 1u);
  const data::Problem& p = ds->problems[0];
  EXPECT_EQ(p.where, "item 2 (id \"a\")");
  EXPECT_EQ(p.message, "duplicate id \"a\" (first used by item 1)");
  EXPECT_EQ(p.place.id, "place.with_id");
  EXPECT_EQ(p.detail.id, "data.duplicate_id");
  EXPECT_EQ(english(p.place), p.where);
  EXPECT_EQ(english(p.detail), p.message);
}

TEST(Message, ADatasetThatIsNotAListSaysWhatItFoundAsIds) {
  const auto ds = data::parse_llava_json(R"({"a": 1, "b": 2})", "set.json", ".", {});
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.error().message,
            "set.json: expected a JSON list of items, found an object with keys \"a\", \"b\"");
  EXPECT_EQ(ds.error().detail.id, "data.not_a_list");
  EXPECT_EQ(ds.error().detail.args.at(1).id, "data.found_object_keys");
}

TEST(Message, AModelCardsProblemNamesTheFieldAsIds) {
  const auto dir = std::filesystem::temp_directory_path() / "unveil_message_test_card";
  std::filesystem::create_directories(dir);
  const auto file = dir / "card.json";
  { std::ofstream(file) << R"({"backend": "onnx"})"; }
  const auto card = model::read_model_card(file);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(card.ok());
  EXPECT_EQ(card.error().message,
            file.string() +
                ": field \"backend\": expected \"torchscript\" (a model file of the contract) or "
                "\"openai\" (an OpenAI-compatible server); found \"onnx\"");
  EXPECT_EQ(card.error().detail.id, "card.field");
  EXPECT_EQ(card.error().detail.args.at(1).text, "backend");
  EXPECT_EQ(card.error().detail.args.at(2).id, "card.backend");
}

}  // namespace
}  // namespace unveil
