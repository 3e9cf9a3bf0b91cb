#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/read_dataset.h"
#include "data/readers.h"
#include "util/base64.h"

using namespace unveil::data;
namespace fs = std::filesystem;

namespace {

class Readers : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_readers_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "img");
    std::ofstream(dir_ / "img" / "a.png") << "png bytes (not decoded by the readers)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  fs::path dir_;
};

std::string llava_item(const std::string& id, const std::string& image, const std::string& question,
                       const std::string& answer) {
  nlohmann::json j = {
      {"id", id},
      {"image", image},
      {"conversations",
       {{{"from", "human"}, {"value", question}}, {{"from", "gpt"}, {"value", answer}}}}};
  return j.dump();
}

const std::string kQ = "<image>\nWhat colour?\nA. red\nB. blue\nC. I don't know";

}  // namespace

TEST_F(Readers, LlavaJsonReadsItemsAndMarksIdk) {
  const auto f = write("d.json", "[" + llava_item("q1", "img/a.png", kQ, "C") + "," +
                                     llava_item("q2", "img/a.png", kQ, "The answer is A.") + "]");
  const auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 2u);
  EXPECT_TRUE(ds->problems.empty());
  const Item& a = ds->items[0];
  EXPECT_EQ(a.id, "q1");
  EXPECT_EQ(a.question, "What colour?");
  EXPECT_EQ(a.idk_index, 2);
  EXPECT_EQ(a.answer, 2);
  EXPECT_TRUE(a.is_idk_question());
  EXPECT_EQ(a.image.kind, ImageRef::Kind::kFile);
  EXPECT_EQ(ds->items[1].answer, 0);
  EXPECT_EQ(ds->items[1].source.index, 1u);
}

TEST_F(Readers, BrokenItemsAreSkippedWithReasons) {
  const std::string items = "[" + llava_item("ok", "img/a.png", kQ, "A") + "," +
                            llava_item("no-opts", "img/a.png", "What?", "A") + "," +
                            llava_item("bad-ans", "img/a.png", kQ, "F") + "," +
                            llava_item("escape", "../outside.png", kQ, "A") + "," +
                            llava_item("absolute", "/etc/passwd", kQ, "A") + "," +
                            llava_item("missing", "img/none.png", kQ, "A") + "," +
                            llava_item("ok", "img/a.png", kQ, "B") + ",42," + R"({"id":"noconv"})" +
                            "]";
  const auto ds = read_llava_json(write("d.json", items));
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  EXPECT_EQ(ds->items.size(), 1u);
  ASSERT_EQ(ds->problems.size(), 8u);
  const auto has = [&](const std::string& where, const std::string& what) {
    for (const auto& p : ds->problems) {
      if (p.where.find(where) != std::string::npos && p.message.find(what) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has("item 2 (id \"no-opts\")", "no options found"));
  EXPECT_TRUE(has("item 3 (id \"bad-ans\")", "not one of the options"));
  EXPECT_TRUE(has("item 4 (id \"escape\")", "leaves the dataset folder"));
  EXPECT_TRUE(has("item 5 (id \"absolute\")", "leaves the dataset folder"));
  EXPECT_TRUE(has("item 6 (id \"missing\")", "image file not found"));
  EXPECT_TRUE(has("item 7 (id \"ok\")", "duplicate id \"ok\" (first used by item 1)"));
  EXPECT_TRUE(has("item 8", "expected an object, found number"));
  EXPECT_TRUE(has("item 9", "conversations"));
  EXPECT_EQ(ds->problems[0].to_string().rfind((dir_ / "d.json").string() + ": item 2", 0), 0u);
}

TEST_F(Readers, SymlinkLeavingTheRootIsRefused) {
  const fs::path outside =
      fs::temp_directory_path() / ("unveil_outside_" + std::to_string(::getpid()) + ".png");
  std::ofstream(outside) << "x";
  fs::create_symlink(outside, dir_ / "img" / "link.png");
  const auto ds =
      read_llava_json(write("d.json", "[" + llava_item("s", "img/link.png", kQ, "A") + "]"));
  ASSERT_TRUE(ds.ok());
  EXPECT_TRUE(ds->items.empty());
  ASSERT_EQ(ds->problems.size(), 1u);
  EXPECT_NE(ds->problems[0].message.find("link to a file outside"), std::string::npos);
  fs::remove(outside);
}

TEST_F(Readers, FatalErrorsNameTheFileAndPosition) {
  const auto malformed =
      read_llava_json(write("m.json", "[\n  {\"id\": \"a\",\n  \"image\" \"x\"}\n]"));
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.error().message.find("m.json: malformed JSON at line 3, column"),
            std::string::npos)
      << malformed.error().message;
  const auto object = read_llava_json(write("o.json", R"({"data": []})"));
  ASSERT_FALSE(object.ok());
  EXPECT_NE(object.error().message.find(
                "expected a JSON list of items, found an object with keys \"data\""),
            std::string::npos)
      << object.error().message;
  const auto empty = read_llava_json(write("e.json", "  \n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("the file is empty"), std::string::npos);
  const auto bad_utf8 = read_llava_json(write("u.json", "[{\"id\": \"\xC3\x28\"}]"));
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_NE(bad_utf8.error().message.find("u.json: malformed JSON at line 1"), std::string::npos)
      << bad_utf8.error().message;
  const auto missing = read_llava_json(dir_ / "none.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("cannot open"), std::string::npos);
}

TEST_F(Readers, WriterRoundTrips) {
  const auto f = write("d.json", "[" + llava_item("q1", "img/a.png", kQ, "B") + "]");
  auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok());
  ds->items[0].hint = "Look closely.";
  ds->items[0].category = "colour";
  ds->items[0].split = "test";
  const fs::path out = dir_ / "out.json";
  ASSERT_TRUE(write_llava_json(out, *ds).ok());
  const auto back = read_llava_json(out);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->items.size(), 1u);
  const Item& a = ds->items[0];
  const Item& b = back->items[0];
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.question, a.question);
  EXPECT_EQ(b.hint, a.hint);
  EXPECT_EQ(b.answer, a.answer);
  EXPECT_EQ(b.idk_index, a.idk_index);
  EXPECT_EQ(b.category, "colour");
  EXPECT_EQ(b.split, "test");
  ASSERT_EQ(b.options.size(), a.options.size());
  for (std::size_t k = 0; k < a.options.size(); ++k)
    EXPECT_EQ(b.options[k].text, a.options[k].text);
  EXPECT_EQ(b.image.path, a.image.path);
}

TEST_F(Readers, LlavaQuestionsJsonlWithAnswers) {
  const auto q =
      write("q.jsonl",
            "{\"question_id\": 1, \"image\": \"img/a.png\", \"text\": \"Which?\\nA. x\\nB. y\"}\n"
            "\n"
            "{\"question_id\": 2, \"text\": \"Which? A. x B. y C. Unknown\", \"category\": \"c\"}\n"
            "not json\n"
            "{\"question_id\": 3, \"text\": \"No options here\"}\n"
            "{\"question_id\": 4, \"text\": \"Which?\\nA. x\\nB. y\"}\n");
  const auto a =
      write("a.jsonl",
            "{\"question_id\": 1, \"answer\": \"B\"}\n{\"question_id\": 2, \"answer\": \"(C)\"}\n");
  const auto ds = read_llava_questions_jsonl(q, a);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 2u);
  EXPECT_EQ(ds->items[0].id, "1");
  EXPECT_EQ(ds->items[0].answer, 1);
  EXPECT_EQ(ds->items[1].idk_index, 2);
  EXPECT_TRUE(ds->items[1].is_idk_question());
  EXPECT_EQ(ds->items[1].source.line, 3u);
  ASSERT_EQ(ds->problems.size(), 3u);
  EXPECT_EQ(ds->problems[0].where, "line 4");
  EXPECT_NE(ds->problems[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_NE(ds->problems[1].message.find("no options"), std::string::npos);
  EXPECT_NE(ds->problems[2].message.find("no answer for question_id \"4\""), std::string::npos);
  // Without answers the items have no gold answer but are still read.
  const auto no_answers = read_llava_questions_jsonl(q, std::nullopt);
  ASSERT_TRUE(no_answers.ok());
  EXPECT_EQ(no_answers->items.size(), 3u);
  EXPECT_EQ(no_answers->items[0].answer, -1);
}

TEST_F(Readers, MmbenchTsvWithBase64ImagesQuotesAndMissingOptions) {
  const std::string png = "\x89PNG\r\n\x1a\nrest";
  const std::string b64 = unveil::base64_encode(png);
  const std::string tsv =
      "index\tquestion\thint\tA\tB\tC\tD\tanswer\tcategory\tl2-category\tsplit\timage\n"
      "10\tWhat is \"it\"?\tnan\tcat\tdog\tnan\tnan\tB\tanimals\tx\tdev\t" +
      b64 +
      "\n"
      "11\t\"Multi\tline\nquestion\"\tA hint\tred\tblue\tI don't know\t\tC\tcolours\tx\tdev\t10\n"
      "12\tBroken\tnan\tx\tnan\tz\tnan\tA\tc\tx\tdev\t" +
      b64 +
      "\n"
      "13\tShort row\n"
      "14\tBad answer\tnan\tx\ty\tnan\tnan\tQ\tc\tx\tdev\t" +
      b64 +
      "\n"
      "15\tBad image\tnan\tx\ty\tnan\tnan\tA\tc\tx\tdev\t!!notbase64!!\n"
      "16\tDangling ref\tnan\tx\ty\tnan\tnan\tA\tc\tx\tdev\t99\n";
  const auto ds = read_mmbench_tsv(write("m.tsv", tsv));
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 2u);
  const Item& a = ds->items[0];
  EXPECT_EQ(a.id, "10");
  EXPECT_EQ(a.question, "What is \"it\"?");
  EXPECT_EQ(a.options.size(), 2u);
  EXPECT_EQ(a.answer, 1);
  EXPECT_EQ(a.hint, "");
  EXPECT_EQ(a.image.kind, ImageRef::Kind::kEmbedded);
  EXPECT_EQ(a.image.bytes, png);
  const Item& b = ds->items[1];
  EXPECT_EQ(b.question, "Multi\tline\nquestion");
  EXPECT_EQ(b.hint, "A hint");
  EXPECT_EQ(b.idk_index, 2);
  EXPECT_EQ(b.image.bytes, png);  // refers to row 10's image
  EXPECT_EQ(b.source.line, 3u);
  ASSERT_EQ(ds->problems.size(), 5u);
  EXPECT_EQ(ds->problems[0].where, "line 5");  // row 12 starts on line 5 (row 11 spans two)
  EXPECT_NE(ds->problems[0].message.find("option C is given but an earlier option is missing"),
            std::string::npos);
  EXPECT_NE(ds->problems[1].message.find("expected 12 tab-separated fields, found 2"),
            std::string::npos);
  EXPECT_NE(ds->problems[2].message.find("not one of the options"), std::string::npos);
  EXPECT_NE(ds->problems[3].message.find("not valid base64"), std::string::npos);
  EXPECT_NE(ds->problems[4].message.find("refers to index 99"), std::string::npos);
}

TEST_F(Readers, MmbenchRoundTripsThroughLlavaJson) {
  const std::string png = "\x89PNG\r\n\x1a\nmore";
  const std::string tsv = "index\tquestion\thint\tA\tB\tanswer\timage\n7\tQ?\tH\tx\ty\tA\t" +
                          unveil::base64_encode(png) + "\n";
  const auto ds = read_mmbench_tsv(write("m.tsv", tsv));
  ASSERT_TRUE(ds.ok());
  const fs::path out = dir_ / "sub" / "out.json";
  fs::create_directories(out.parent_path());
  ASSERT_TRUE(write_llava_json(out, *ds).ok());
  const auto back = read_llava_json(out);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->items.size(), 1u)
      << (back->problems.empty() ? "" : back->problems[0].to_string());
  EXPECT_EQ(back->items[0].hint, "H");
  EXPECT_EQ(back->items[0].question, "Q?");
  std::ifstream img(fs::path(back->root) / back->items[0].image.path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(img)), {});
  EXPECT_EQ(bytes, png);
}

TEST_F(Readers, MmbenchHeaderWithoutQuestionIsFatal) {
  const auto ds = read_mmbench_tsv(write("m.tsv", "index\tA\tB\n1\tx\ty\n"));
  ASSERT_FALSE(ds.ok());
  EXPECT_NE(ds.error().message.find("line 1: the header has no \"question\" column"),
            std::string::npos);
  EXPECT_FALSE(read_mmbench_tsv(write("e.tsv", "")).ok());
}

TEST_F(Readers, ReadDatasetPicksTheReaderByExtension) {
  const auto f = write("d.json", "[" + llava_item("q1", "img/a.png", kQ, "A") + "]");
  const auto ds = read_dataset(f, DatasetFormat::kAuto);
  ASSERT_TRUE(ds.ok());
  EXPECT_EQ(ds->items.size(), 1u);
  EXPECT_EQ(guess_format("x.tsv"), DatasetFormat::kMmbenchTsv);
  EXPECT_EQ(guess_format("x.jsonl"), DatasetFormat::kLlavaQuestionsJsonl);
}

TEST_F(Readers, DeeplyNestedJsonIsRefusedNotRecursedInto) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  const auto f = write("deep.json", deep);
  const auto ds = read_llava_json(f);
  ASSERT_FALSE(ds.ok());
  EXPECT_EQ(ds.error().message, f.string() +
                                    ": lists and objects nested deeper than 512 levels at line "
                                    "1, column 513; expected a JSON list of items, each an "
                                    "object a few levels deep");
  // 512 levels are still read (and are not items).
  const auto ok = read_llava_json(write("ok.json", std::string(512, '[') + std::string(512, ']')));
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(ok->items.empty());
  // Brackets inside strings do not count.
  const auto text = read_llava_json(
      write("s.json", "[" + llava_item("q1", "img/a.png", kQ + std::string(600, '['), "A") + "]"));
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text->items.size(), 1u);
  // A JSONL line nested too deep is that line's problem.
  const auto q = write("q.jsonl",
                       "{\"question_id\": 1, \"image\": \"img/a.png\", \"text\": \"Q?\\nA. x\\nB. "
                       "y\"}\n{\"question_id\": 2, \"x\": " +
                           deep + "}\n");
  const auto qs = read_llava_questions_jsonl(q, std::nullopt);
  ASSERT_TRUE(qs.ok()) << qs.error().message;
  EXPECT_EQ(qs->items.size(), 1u);
  ASSERT_EQ(qs->problems.size(), 1u);
  EXPECT_EQ(qs->problems[0].to_string(),
            q.string() +
                ": line 2: lists and objects nested deeper than 512 levels at column 536; "
                "expected one JSON object a line");
}

TEST_F(Readers, ADatasetWithoutItemsSaysWhy) {
  const auto f = write("bad.json", "[" + llava_item("q1", "img/a.png", "no options here", "A") +
                                       ", " + llava_item("q2", "img/a.png", kQ, "Z") + "]");
  const auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok());
  EXPECT_EQ(no_items_problem(*ds, f),
            f.string() +
                ": no item could be read (2 problems; the first: item 1 (id \"q1\"): no options "
                "found in the question (expected lines such as \"A. ...\", \"(B) ...\"))");
  const auto empty = read_llava_json(write("empty.json", "[]"));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(no_items_problem(*empty, dir_ / "empty.json"),
            (dir_ / "empty.json").string() + ": the file holds no items");
  const auto good =
      read_llava_json(write("good.json", "[" + llava_item("q1", "img/a.png", kQ, "A") + "]"));
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(no_items_problem(*good, dir_ / "good.json"), "");
}
