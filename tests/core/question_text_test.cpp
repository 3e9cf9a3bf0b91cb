#include "data/question_text.h"

#include <gtest/gtest.h>

#include "data/idk.h"

using namespace unveil::data;

TEST(QuestionText, OptionsOnTheirOwnLinesInEveryStyle) {
  for (const char* style :
       {"A. red\nB. blue\nC. I don't know", "(A) red\n(B) blue\n(C) I don't know",
        "A) red\nB) blue\nC) I don't know", "A: red\nB: blue\nC: I don't know"}) {
    const auto q = parse_question(std::string("<image>\nWhat colour is the ball?\n") + style);
    ASSERT_TRUE(q.has_value()) << style;
    EXPECT_EQ(q->question, "What colour is the ball?");
    ASSERT_EQ(q->options.size(), 3u) << style;
    EXPECT_EQ(q->options[0].letter, 'A');
    EXPECT_EQ(q->options[0].text, "red");
    EXPECT_EQ(q->options[2].text, "I don't know");
  }
}

TEST(QuestionText, InlineOptionsAndATrailingInstruction) {
  const auto q = parse_question(
      "A man holds what? A. a dog B. a cat C. a hat\nAnswer with the option's letter from the "
      "given choices directly.");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->question, "A man holds what?");  // "A man" is not a marker
  ASSERT_EQ(q->options.size(), 3u);
  EXPECT_EQ(q->options[1].text, "a cat");
  EXPECT_EQ(q->options[2].text, "a hat");
  EXPECT_EQ(q->trailer, "Answer with the option's letter from the given choices directly.");
}

TEST(QuestionText, LineModeKeepsContinuationLinesAndTrailer) {
  const auto q = parse_question("Q?\nA. first\ncontinued\nB. second\nAnswer directly.");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->options[0].text, "first continued");
  EXPECT_EQ(q->options[1].text, "second");
  EXPECT_EQ(q->trailer, "Answer directly.");
}

TEST(QuestionText, FewerThanTwoOptionsIsNothing) {
  EXPECT_FALSE(parse_question("What is this?").has_value());
  EXPECT_FALSE(parse_question("What is this?\nA. only one").has_value());
}

TEST(QuestionText, ImageTokenIsRemoved) {
  EXPECT_EQ(strip_image_token("<image>\n  Where? "), "Where?");
  EXPECT_EQ(strip_image_token("Where <image> now"), "Where  now");
}

TEST(Answer, AllAcceptedForms) {
  const std::vector<Option> opts = {{'A', "red"}, {'B', "blue"}, {'C', "I don't know"}};
  EXPECT_EQ(parse_answer("B", opts).index, 1);
  EXPECT_EQ(parse_answer("b", opts).index, 1);
  EXPECT_EQ(parse_answer("(B)", opts).index, 1);
  EXPECT_EQ(parse_answer("B. blue", opts).index, 1);
  EXPECT_EQ(parse_answer("C) I don't know", opts).index, 2);
  EXPECT_EQ(parse_answer("The answer is B.", opts).index, 1);
  EXPECT_EQ(parse_answer("Blue", opts).index, 1);
  EXPECT_EQ(parse_answer("  A  ", opts).index, 0);
}

TEST(Answer, ProblemsAreExplained) {
  const std::vector<Option> opts = {{'A', "red"}, {'B', "blue"}};
  EXPECT_NE(parse_answer("F", opts).problem.find("not one of the options (AB)"), std::string::npos);
  EXPECT_NE(parse_answer("", opts).problem.find("empty"), std::string::npos);
  EXPECT_NE(parse_answer("It is A or B", opts).problem.find("several options"), std::string::npos);
  EXPECT_NE(parse_answer("no idea", opts).problem.find("no option letter"), std::string::npos);
}

TEST(Idk, PhrasesAndVariants) {
  const IdkMatcher m;
  for (const char* s :
       {"I don't know", "I don’t know.", "i dont know", "I DON'T KNOW!", "I do not know", "Unknown",
        "Cannot be determined", "  Not enough information. ", "can't be determined"}) {
    EXPECT_TRUE(m.matches(s)) << s;
  }
  for (const char* s : {"I know", "unknown soldier", "red", "", "None of the above"})
    EXPECT_FALSE(m.matches(s)) << s;
  const IdkMatcher custom({"Pass"});
  EXPECT_TRUE(custom.matches("pass."));
  EXPECT_FALSE(custom.matches("I don't know"));
  EXPECT_EQ(m.find({{'A', "red"}, {'B', "Unknown"}}), 1);
  EXPECT_EQ(m.find({{'A', "red"}, {'B', "blue"}}), -1);
}
