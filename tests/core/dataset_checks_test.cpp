// What the dataset readers call an "I don't know" option, answers written in lower case, and the
// decoding of every image by `inspect`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "data/question_text.h"
#include "data/readers.h"
#include "image_test_util.h"
#include "util/base64.h"

using namespace unveil;
using namespace unveil::data;
namespace fs = std::filesystem;

namespace {

fs::path write_text(const fs::path& file, const std::string& text) {
  test::write_file(file, text);
  return file;
}

std::string llava_item(const std::string& id, const std::string& question,
                       const std::string& answer, const std::string& image = "") {
  nlohmann::json j = {
      {"id", id},
      {"conversations",
       {{{"from", "human"}, {"value", question}}, {{"from", "gpt"}, {"value", answer}}}}};
  if (!image.empty()) j["image"] = image;
  return j.dump();
}

std::string llava_list(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i)
    s += (i ? "," : "") + items[i];
  return s + "]";
}

struct CliResult {
  int status = -1;
  std::string out, err;
};

CliResult run_cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliResult r;
  r.status = cli::run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// "I don't know" options.

TEST(IdkPhrases, EveryPhraseOfNotKnowingIsDetected) {
  const IdkMatcher m;
  for (const char* s :
       {"I don't know", "I do not know", "cannot be determined", "can't be determined",
        "not enough information", "insufficient information", "unknown", "unanswerable",
        "cannot answer", "我不知道", "不知道", "无法确定", "无法判断", "信息不足", "不能确定"}) {
    EXPECT_TRUE(m.matches(s)) << s;
  }
}

TEST(IdkPhrases, CasePunctuationAndApostrophesDoNotMatter) {
  const IdkMatcher m;
  for (const char* s : {"I DON'T KNOW.",
                        "I don\u2019t know",
                        "i dont know!",
                        "I don\u2018t know",
                        "(I do not know)",
                        "Cannot be determined.",
                        "CAN\u2019T BE DETERMINED",
                        "Not enough information...",
                        "Insufficient Information!",
                        "Unknown?",
                        "\u201cUnanswerable\u201d",
                        "Cannot answer.",
                        "  cannot   answer  ",
                        "我不知道。",
                        "不知道！",
                        "无法确定。",
                        "「无法判断」",
                        "信息不足…",
                        "不能确定？",
                        "我 不知道",
                        "\u3000不知道\u3000",
                        "ＵＮＫＮＯＷＮ"}) {
    EXPECT_TRUE(m.matches(s)) << s;
  }
}

TEST(IdkPhrases, NoneOrAllOfTheAboveAreRealAnswers) {
  const IdkMatcher m;
  for (const char* s : {"None of the above", "none of the above.", "NONE OF THESE", "None of these",
                        "All of the above", "all of these", "I know", "unknown soldier",
                        "I don't know the way", "知道", "我知道", "", "。", "..."}) {
    EXPECT_FALSE(m.matches(s)) << s;
  }
}

TEST(IdkPhrases, NormalForm) {
  EXPECT_EQ(IdkMatcher::normalise("I Don\u2019t  Know!"), "i dont know");
  EXPECT_EQ(IdkMatcher::normalise("  Can't be -- determined. "), "cant be determined");
  EXPECT_EQ(IdkMatcher::normalise("我 不知道。"), "我不知道");
  EXPECT_EQ(IdkMatcher::normalise("ＡＢＣ１２"), "abc12");
  EXPECT_EQ(IdkMatcher::normalise("Café, au lait"), "café au lait");
  EXPECT_EQ(IdkMatcher::normalise("A 我"), "a 我");
  EXPECT_EQ(IdkMatcher::normalise("\u201c\u2026\u201d"), "");
}

TEST(IdkPhrases, ReaderFindsTheIdkOptionAndNeverNoneOfTheAbove) {
  test::TempDir dir;
  const std::string none = "<image>\nWhat colour?\nA. red\nB. blue\nC. None of the above";
  const std::string both =
      "<image>\nWhat colour?\nA. red\nB. None of the above\nC. blue\nD. I don\u2019t know.";
  const std::string zh = "<image>\n这是什么颜色？\nA. 红色\nB. 蓝色\nC. 无法确定。";
  const auto f = write_text(dir.path() / "d.json",
                            llava_list({llava_item("n1", none, "C"), llava_item("n2", none, "A"),
                                        llava_item("b1", both, "B"), llava_item("b2", both, "D"),
                                        llava_item("z1", zh, "C")}));
  const auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 5u);
  EXPECT_TRUE(ds->problems.empty());
  EXPECT_EQ(ds->items[0].idk_index, -1);
  EXPECT_EQ(ds->items[0].answer, 2);
  EXPECT_FALSE(ds->items[0].is_idk_question());
  EXPECT_EQ(ds->items[1].idk_index, -1);
  EXPECT_EQ(ds->items[2].idk_index, 3);
  EXPECT_EQ(ds->items[2].answer, 1);
  EXPECT_FALSE(ds->items[2].is_idk_question());
  EXPECT_EQ(ds->items[3].idk_index, 3);
  EXPECT_TRUE(ds->items[3].is_idk_question());
  EXPECT_EQ(ds->items[4].idk_index, 2);
  EXPECT_TRUE(ds->items[4].is_idk_question());
}

TEST(IdkPhrases, InspectDoesNotCountNoneOfTheAboveAsIdk) {
  test::TempDir dir;
  const std::string q = "<image>\nWhich shape?\nA. circle\nB. square\nC. None of the above";
  const auto f = write_text(dir.path() / "d.json",
                            llava_list({llava_item("a", q, "C"), llava_item("b", q, "C"),
                                        llava_item("c", q, "C"), llava_item("d", q, "A")}));
  const auto r = run_cli({"inspect", f.string(), "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["items"], 4);
  EXPECT_EQ(j["with_idk_option"], 0);
  EXPECT_EQ(j["idk_questions"], 0);
  EXPECT_EQ(j["idk_share"], 0.0);
  EXPECT_EQ(j["answer_letters"]["C"], 3);
  EXPECT_EQ(j["answer_letters"]["A"], 1);
}

// ---------------------------------------------------------------------------------------------
// Answers in lower case.

TEST(LowerCaseAnswers, EveryLetterFormInEitherCase) {
  const std::vector<Option> opts = {{'A', "red"}, {'B', "blue"}, {'C', "I don't know"}};
  EXPECT_EQ(parse_answer("(b)", opts).index, 1);
  EXPECT_EQ(parse_answer("b", opts).index, 1);
  EXPECT_EQ(parse_answer("b.", opts).index, 1);
  EXPECT_EQ(parse_answer("b) blue", opts).index, 1);
  EXPECT_EQ(parse_answer("c: I don't know", opts).index, 2);
  EXPECT_EQ(parse_answer(" (a) ", opts).index, 0);
  EXPECT_EQ(parse_answer("(C)", opts).index, 2);
  const auto none = parse_answer("(e)", opts);
  EXPECT_EQ(none.index, -1);
  EXPECT_EQ(none.problem,
            "the answer \"(e)\" names option letter E, which is not one of the options (ABC)");
  const auto no_letter = parse_answer("purple", opts);
  EXPECT_EQ(no_letter.index, -1);
  EXPECT_EQ(no_letter.problem, "no option letter (ABC) found in the answer \"purple\"");
  // In a sentence a lower-case "a" is an article, not option A.
  EXPECT_EQ(parse_answer("it is a colour", opts).index, -1);
}

TEST(LowerCaseAnswers, LlavaJson) {
  test::TempDir dir;
  const std::string q = "<image>\nWhat colour?\nA. red\nB. blue\nC. I don't know";
  const auto f =
      write_text(dir.path() / "d.json",
                 llava_list({llava_item("q1", q, "(b)"), llava_item("q2", q, "b"),
                             llava_item("q3", q, "c. I don't know"), llava_item("q4", q, "a)"),
                             llava_item("q5", q, "(d)"), llava_item("q6", q, "purple")}));
  const auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 4u);
  EXPECT_EQ(ds->items[0].answer, 1);
  EXPECT_EQ(ds->items[1].answer, 1);
  EXPECT_EQ(ds->items[2].answer, 2);
  EXPECT_TRUE(ds->items[2].is_idk_question());
  EXPECT_EQ(ds->items[3].answer, 0);
  ASSERT_EQ(ds->problems.size(), 2u);
  EXPECT_EQ(ds->problems[0].to_string(),
            f.string() +
                ": item 5 (id \"q5\"): the answer \"(d)\" names option letter D, which is not one "
                "of the options (ABC)");
  EXPECT_EQ(
      ds->problems[1].to_string(),
      f.string() + ": item 6 (id \"q6\"): no option letter (ABC) found in the answer \"purple\"");
}

TEST(LowerCaseAnswers, LlavaQuestionsJsonl) {
  test::TempDir dir;
  const auto q = write_text(
      dir.path() / "q.jsonl",
      "{\"question_id\": 1, \"text\": \"Which?\\nA. x\\nB. y\\nC. Cannot be determined\"}\n"
      "{\"question_id\": 2, \"text\": \"Which?\\nA. x\\nB. y\\nC. Cannot be determined\"}\n"
      "{\"question_id\": 3, \"text\": \"Which? A. x B. y C. z\"}\n"
      "{\"question_id\": 4, \"text\": \"Which?\\nA. x\\nB. y\\nC. z\"}\n");
  const auto a = write_text(dir.path() / "a.jsonl",
                            "{\"question_id\": 1, \"answer\": \"(b)\"}\n"
                            "{\"question_id\": 2, \"label\": \"c\"}\n"
                            "{\"question_id\": 3, \"text\": \"a: x\"}\n"
                            "{\"question_id\": 4, \"answer\": \"(q)\"}\n");
  const auto ds = read_llava_questions_jsonl(q, a);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 3u);
  EXPECT_EQ(ds->items[0].answer, 1);
  EXPECT_EQ(ds->items[1].answer, 2);
  EXPECT_EQ(ds->items[1].idk_index, 2);
  EXPECT_TRUE(ds->items[1].is_idk_question());
  EXPECT_EQ(ds->items[2].answer, 0);
  ASSERT_EQ(ds->problems.size(), 1u);
  EXPECT_EQ(ds->problems[0].to_string(),
            q.string() +
                ": line 4: the answer \"(q)\" names option letter Q, which is not one of the "
                "options (ABC)");
}

TEST(LowerCaseAnswers, MmbenchTsv) {
  test::TempDir dir;
  const auto f = write_text(dir.path() / "m.tsv",
                            "index\tquestion\tA\tB\tC\tanswer\n"
                            "1\tQ?\tcat\tdog\tnan\tb\n"
                            "2\tQ?\tcat\tdog\t不知道\t(c)\n"
                            "3\tQ?\tcat\tdog\tnan\tc\n"
                            "4\tQ?\tcat\tdog\tnan\tno idea\n");
  const auto ds = read_mmbench_tsv(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 2u);
  EXPECT_EQ(ds->items[0].answer, 1);
  EXPECT_EQ(ds->items[1].answer, 2);
  EXPECT_EQ(ds->items[1].idk_index, 2);
  EXPECT_TRUE(ds->items[1].is_idk_question());
  ASSERT_EQ(ds->problems.size(), 2u);
  EXPECT_EQ(ds->problems[0].to_string(),
            f.string() +
                ": line 4: the answer \"c\" names option letter C, which is not one of the "
                "options (AB)");
  EXPECT_EQ(ds->problems[1].to_string(),
            f.string() + ": line 5: no option letter (AB) found in the answer \"no idea\"");
}

// ---------------------------------------------------------------------------------------------
// Decoding every image.

namespace {

// A 64 x 48 colour gradient: 3072 pixels.
cv::Mat gradient() {
  cv::Mat m(48, 64, CV_8UC3);
  for (int y = 0; y < m.rows; ++y) {
    for (int x = 0; x < m.cols; ++x)
      m.at<cv::Vec3b>(y, x) =
          cv::Vec3b(static_cast<std::uint8_t>(x * 4), static_cast<std::uint8_t>(y * 5), 128);
  }
  return m;
}

class ImageChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    png_ = test::cv_encode(gradient(), ".png");
    jpg_ = test::cv_encode(gradient(), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 90});
    ASSERT_GT(png_.size(), 100u);
    ASSERT_GT(jpg_.size(), 100u);
    test::write_file(dir_.path() / "img" / "ok.png", png_);
    test::write_file(dir_.path() / "img" / "ok.jpg", jpg_);
    // Whole files cut in half: headers intact, the rest missing.
    test::write_file(dir_.path() / "img" / "cut.jpg", jpg_);
    fs::resize_file(dir_.path() / "img" / "cut.jpg", jpg_.size() / 2);
    test::write_file(dir_.path() / "img" / "cut.png", png_);
    fs::resize_file(dir_.path() / "img" / "cut.png", png_.size() / 2);
  }
  fs::path valid_dataset() {
    return write_text(
        dir_.path() / "ok.json",
        llava_list({llava_item("p", kQ, "A", "img/ok.png"), llava_item("j", kQ, "B", "img/ok.jpg"),
                    llava_item("p2", kQ, "B", "img/ok.png"), llava_item("none", kQ, "A")}));
  }
  fs::path broken_dataset() {
    return write_text(dir_.path() / "d.json",
                      llava_list({llava_item("ok-png", kQ, "A", "img/ok.png"),
                                  llava_item("ok-jpg", kQ, "B", "img/ok.jpg"),
                                  llava_item("cut-jpg", kQ, "A", "img/cut.jpg"),
                                  llava_item("cut-png", kQ, "B", "img/cut.png"),
                                  llava_item("cut-jpg-again", kQ, "C", "img/cut.jpg")}));
  }
  std::string path_of(const std::string& name) const {
    return (dir_.path() / "img" / name).string();
  }

  static constexpr const char* kQ = "<image>\nWhat colour?\nA. red\nB. blue\nC. I don't know";
  test::TempDir dir_;
  std::string png_, jpg_;
};

}  // namespace

TEST_F(ImageChecks, ValidImagesHaveNoProblems) {
  const auto ds = read_llava_json(valid_dataset());
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 4u);
  EXPECT_TRUE(check_images_decode(*ds).empty());
  // Exactly at the pixel limit is allowed.
  EXPECT_TRUE(check_images_decode(*ds, {64 * 48, kDefaultMaxFileBytes}).empty());
}

TEST_F(ImageChecks, TruncatedImagesAreProblemsNamingFileAndItem) {
  const auto f = broken_dataset();
  const auto ds = read_llava_json(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  // Reading alone finds nothing wrong: every file exists.
  ASSERT_EQ(ds->items.size(), 5u);
  EXPECT_TRUE(ds->problems.empty());
  const auto problems = check_images_decode(*ds);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].file, f.string());
  EXPECT_EQ(problems[0].where, "item 3 (id \"cut-jpg\")");
  EXPECT_TRUE(contains(problems[0].message, "the image cannot be decoded: " + path_of("cut.jpg") +
                                                ": corrupt or truncated JPEG"))
      << problems[0].message;
  EXPECT_EQ(problems[1].file, f.string());
  EXPECT_EQ(problems[1].where, "item 4 (id \"cut-png\")");
  EXPECT_TRUE(contains(problems[1].message, "the image cannot be decoded: " + path_of("cut.png") +
                                                ": corrupt or truncated PNG"))
      << problems[1].message;
  EXPECT_EQ(problems[2].where, "item 5 (id \"cut-jpg-again\")");
  EXPECT_EQ(problems[2].message, problems[0].message);
}

TEST_F(ImageChecks, LimitsAreCheckedBeforeDecoding) {
  const auto ds = read_llava_json(valid_dataset());
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  // One pixel under the 64 x 48 the headers state: refused by the header, for all three items.
  const auto pixels = check_images_decode(*ds, {64 * 48 - 1, kDefaultMaxFileBytes});
  ASSERT_EQ(pixels.size(), 3u);
  EXPECT_EQ(pixels[0].where, "item 1 (id \"p\")");
  EXPECT_EQ(pixels[0].message, "the image cannot be decoded: " + path_of("ok.png") +
                                   ": PNG of 64x48 pixels (3072), above the limit of 3071 "
                                   "pixels; not decoded");
  EXPECT_EQ(pixels[1].where, "item 2 (id \"j\")");
  EXPECT_TRUE(contains(pixels[1].message, "JPEG of 64x48 pixels (3072), above the limit"));
  EXPECT_EQ(pixels[2].where, "item 3 (id \"p2\")");
  // A file larger than the byte limit is not even read.
  const auto bytes = check_images_decode(*ds, {kDefaultMaxPixels, 10});
  ASSERT_EQ(bytes.size(), 3u);
  EXPECT_EQ(bytes[0].message, "the image cannot be decoded: " + path_of("ok.png") + ": " +
                                  std::to_string(png_.size()) +
                                  " bytes, above the limit of 10 bytes for an image file");
}

TEST_F(ImageChecks, EmbeddedImagesOfMmbench) {
  const std::string cut = png_.substr(0, png_.size() / 2);
  const auto f = write_text(dir_.path() / "m.tsv",
                            "index\tquestion\tA\tB\tanswer\timage\n"
                            "1\tQ?\tx\ty\tA\t" +
                                base64_encode(png_) +
                                "\n"
                                "2\tQ?\tx\ty\tB\t" +
                                base64_encode(cut) +
                                "\n"
                                "3\tQ?\tx\ty\tA\t2\n"
                                "4\tQ?\tx\ty\tB\t1\n");
  const auto ds = read_mmbench_tsv(f);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 4u);
  EXPECT_TRUE(ds->problems.empty());
  const auto problems = check_images_decode(*ds);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].file, f.string());
  EXPECT_EQ(problems[0].where, "line 3 (id \"2\")");
  EXPECT_TRUE(contains(problems[0].message,
                       "the image cannot be decoded: the embedded image of line 3 (id \"2\"): "
                       "corrupt or truncated PNG"))
      << problems[0].message;
  EXPECT_EQ(problems[1].where, "line 4 (id \"3\")");  // row 3 refers to row 2's image
  EXPECT_EQ(problems[1].message, problems[0].message);
}

TEST_F(ImageChecks, InspectReportsUndecodableImages) {
  const auto f = broken_dataset();
  const auto r = run_cli({"inspect", f.string(), "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["items"], 5);
  EXPECT_EQ(j["skipped"], 0);
  EXPECT_EQ(j["undecodable_images"], 3);
  ASSERT_EQ(j["problems"].size(), 3u);
  EXPECT_EQ(j["problems"][0]["file"], f.string());
  EXPECT_EQ(j["problems"][0]["where"], "item 3 (id \"cut-jpg\")");
  EXPECT_TRUE(contains(j["problems"][0]["message"].get<std::string>(), path_of("cut.jpg")));
  EXPECT_EQ(j["problems"][1]["where"], "item 4 (id \"cut-png\")");
  EXPECT_TRUE(contains(j["problems"][1]["message"].get<std::string>(), path_of("cut.png")));
  EXPECT_EQ(j["problems"][2]["where"], "item 5 (id \"cut-jpg-again\")");

  const auto text = run_cli({"inspect", f.string()});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(contains(text.out, ": 5 items read, 0 skipped\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "  images that cannot be decoded: 3\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "  " + f.string() +
                                     ": item 3 (id \"cut-jpg\"): the image cannot be decoded: " +
                                     path_of("cut.jpg") + ": corrupt or truncated JPEG"))
      << text.out;
}

TEST_F(ImageChecks, InspectOfAValidDatasetHasNoProblems) {
  const auto r = run_cli({"inspect", valid_dataset().string(), "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["items"], 4);
  EXPECT_EQ(j["with_image"], 3);
  EXPECT_EQ(j["undecodable_images"], 0);
  EXPECT_TRUE(j["problems"].empty());
  const auto text = run_cli({"inspect", valid_dataset().string()});
  EXPECT_FALSE(contains(text.out, "cannot be decoded")) << text.out;
  EXPECT_FALSE(contains(text.out, "problems:")) << text.out;
}

TEST(ImagePaths, AnAbsolutePathInsideTheFolderIsKeptRelativeToIt) {
  // Accepted on import, it must be usable by every later step, which take paths relative to the
  // dataset's folder.
  test::TempDir dir;
  test::write_file(dir.path() / "img" / "a.png",
                   test::cv_encode(cv::Mat(2, 3, CV_8UC3, cv::Scalar(10, 20, 30)), ".png"));
  const nlohmann::json items =
      nlohmann::json::array({{{"id", "q1"},
                              {"image", (dir.path() / "img" / "a.png").string()},
                              {"conversations",
                               {{{"from", "human"}, {"value", "Which?\nA. x\nB. y"}},
                                {{"from", "gpt"}, {"value", "A"}}}}}});
  const fs::path file = write_text(dir.path() / "d.json", items.dump());
  auto ds = read_llava_json(file);
  ASSERT_TRUE(ds.ok()) << ds.error().message;
  ASSERT_EQ(ds->items.size(), 1u) << (ds->problems.empty() ? "" : ds->problems[0].to_string());
  EXPECT_EQ(ds->items[0].image.path, "img/a.png");
  EXPECT_TRUE(load_image(ds->items[0].image, ds->root).ok());
}
