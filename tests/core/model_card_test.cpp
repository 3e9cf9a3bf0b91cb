// The model card's checks: what a card may point at, which templates it may hold, and the bounds
// on what it controls. Cards only: no model is loaded.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "model/model_card.h"
#include "model/prompt.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

class ModelCardChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("unveil_card_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "models" / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A valid text-only card.
  static nlohmann::ordered_json base() {
    return {{"name", "m"},
            {"file", "m.pt"},
            {"modalities", {"text"}},
            {"tokenizer", {{"type", "wordlevel"}, {"vocab", "vocab.json"}}},
            {"prompt_template", "{hint}{question}\n{options}\nAnswer: ("},
            {"option_token_ids", {{"A", 3}, {"B", 4}}},
            {"max_new_tokens", 20}};
  }
  fs::path write(const std::string& text, const std::string& name = "card.json") {
    const fs::path p = dir_ / "models" / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  // The card's error message ("" when it is accepted).
  std::string problem(const nlohmann::ordered_json& card) {
    auto c = model::read_model_card(write(card.dump()));
    return c.ok() ? std::string() : c.error().message;
  }
  fs::path dir_;
};

}  // namespace

TEST_F(ModelCardChecks, AValidCardIsRead) {
  auto c = model::read_model_card(write(base().dump()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->model_path(), dir_ / "models" / "m.pt");
  EXPECT_EQ(c->max_new_tokens, 20);
  auto j = base();
  j["file"] = "sub/./m.pt";  // below the card's folder
  EXPECT_EQ(problem(j), "");
  j["file"] = (dir_ / "models" / "sub" / "m.pt").string();  // absolute, inside
  EXPECT_EQ(problem(j), "");
  j = base();
  j.erase("prompt_template");  // the study's template
  auto study = model::read_model_card(write(j.dump()));
  ASSERT_TRUE(study.ok());
  EXPECT_EQ(study->prompt_template, model::kStudyTemplate);
}

TEST_F(ModelCardChecks, TheModelFileMustLieInTheCardsFolder) {
  const std::string card = (dir_ / "models" / "card.json").string();
  const std::string folder = (dir_ / "models").string();
  auto j = base();
  j["file"] = "../../etc/x.pt";
  EXPECT_EQ(problem(j), card +
                            ": field \"file\": \"../../etc/x.pt\" lies outside the card's folder " +
                            folder + " (the TorchScript file must be in that folder or below it)");
  j["file"] = "sub/../../m.pt";
  EXPECT_NE(problem(j).find("field \"file\": \"sub/../../m.pt\" lies outside the card's folder"),
            std::string::npos);
  j["file"] = "/etc/x.pt";
  EXPECT_EQ(problem(j), card + ": field \"file\": \"/etc/x.pt\" lies outside the card's folder " +
                            folder + " (the TorchScript file must be in that folder or below it)");
  j["file"] = (dir_ / "modelsX" / "m.pt").string();  // a sibling whose name starts the same
  EXPECT_NE(problem(j).find("lies outside the card's folder"), std::string::npos);
  j["file"] = ".";
  EXPECT_NE(problem(j).find("field \"file\": \".\" names the card's folder, not a file"),
            std::string::npos);
  j["file"] = "";
  EXPECT_NE(problem(j).find("field \"file\": empty"), std::string::npos);
}

TEST_F(ModelCardChecks, TemplatesMustBeNonEmptyKnownAndBounded) {
  const std::string card = (dir_ / "models" / "card.json").string();
  auto j = base();
  j["prompt_template"] = "";
  EXPECT_EQ(problem(j), card +
                            ": field \"prompt_template\": empty (leave the field out for the "
                            "study's template, or give one with {question} and {options})");
  j["prompt_template"] = "{question}\n{options}\n{evil}Answer: (";
  EXPECT_EQ(problem(j), card +
                            ": field \"prompt_template\": unknown placeholder {evil} (known: "
                            "{image}, {hint}, {question}, {options})");
  j["prompt_template"] = 42;
  EXPECT_EQ(problem(j), card + ": field \"prompt_template\": expected a string, found number");
  // Braces that are not a placeholder are text.
  j["prompt_template"] = "{question} {options} {} { x } {1a} {\"json\": 1}";
  EXPECT_EQ(problem(j), "");
  j["prompt_template"] = std::string(model::kMaxPromptTemplateChars, 'x');
  EXPECT_EQ(problem(j), "");
  j["prompt_template"] = std::string(model::kMaxPromptTemplateChars + 1, 'x');
  EXPECT_EQ(problem(j), card +
                            ": field \"prompt_template\": 100001 characters long; at most 100000 "
                            "are allowed");
}

TEST_F(ModelCardChecks, MaxNewTokensAndIdsAreBounded) {
  const std::string card = (dir_ / "models" / "card.json").string();
  auto j = base();
  for (const std::int64_t n : {0ll, 513ll, 4294967297ll, -1ll}) {
    j["max_new_tokens"] = n;
    EXPECT_EQ(problem(j),
              card + ": field \"max_new_tokens\": expected a whole number from 1 to 512, found " +
                  std::to_string(n));
  }
  j["max_new_tokens"] = "20";
  EXPECT_EQ(problem(j), card +
                            ": field \"max_new_tokens\": expected a whole number from 1 to 512, "
                            "found \"20\"");
  j["max_new_tokens"] = 512;
  EXPECT_EQ(problem(j), "");
  j["pad_token_id"] = "zero";
  EXPECT_EQ(problem(j), card +
                            ": field \"pad_token_id\": expected a non-negative whole number, found "
                            "\"zero\"");
  j = base();
  j["modalities"] = {"image", "text"};
  j["image"] = {{"width", 4294967297ll}, {"height", 48}};  // would wrap to 1 as an int
  EXPECT_NE(problem(j).find("field \"image.width/height\""), std::string::npos);
  j["image"] = {{"width", 48}, {"height", 48}, {"resize", 3}};
  EXPECT_EQ(problem(j), card + ": field \"image.resize\": expected a string, found number");
}

TEST_F(ModelCardChecks, DuplicateKeysAreRefusedByName) {
  const std::string card = (dir_ / "models" / "card.json").string();
  std::string text = base().dump();
  // nlohmann/json would keep the second "file" silently.
  text.insert(1, "\"file\": \"../../elsewhere.pt\", ");
  auto c = model::read_model_card(write(text));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            card + ": the key \"file\" appears twice (JSON keeps only one of them: give it once)");
  text = base().dump();
  text.replace(text.find("\"vocab\""), 7, "\"vocab\": \"a.json\", \"vocab\"");
  auto t = model::read_model_card(write(text));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, card +
                                   ": the key \"tokenizer.vocab\" appears twice (JSON keeps only "
                                   "one of them: give it once)");
  // The same key in two different objects is fine.
  auto j = base();
  j["provenance"] = {{"name", "x"}, {"file", "y"}, {"inner", {{"name", "z"}}}};
  EXPECT_EQ(problem(j), "");
}

TEST_F(ModelCardChecks, DeeplyNestedCardsAreRefused) {
  const std::string card = (dir_ / "models" / "card.json").string();
  std::string text = base().dump();
  text.pop_back();
  text += ", \"provenance\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto c = model::read_model_card(write(text));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find(card + ": nested deeper than 512 levels"), std::string::npos)
      << c.error().message;
}

TEST(PromptTemplate, UnknownPlaceholdersAreNamed) {
  EXPECT_EQ(model::prompt_template_problem(model::kStudyTemplate), "");
  for (const auto& t : model::uncertainty_inviting_templates())
    EXPECT_EQ(model::prompt_template_problem(t), "");
  EXPECT_EQ(model::prompt_template_problem("{question}{Options}"),
            "unknown placeholder {Options} (known: {image}, {hint}, {question}, {options})");
  EXPECT_EQ(model::prompt_template_problem(std::string(100001, 'x')),
            "100001 characters long; at most 100000 are allowed");
  EXPECT_EQ(model::prompt_template_problem("{a}{b}"),
            "unknown placeholder {a} (known: {image}, {hint}, {question}, {options})");
}
