// The model contract end to end: cards, the tokenizer, prompts, and real TorchScript models trained
// by the demo trainer on a tiny shapes world (one epoch each: fast, and still real models).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/eval_job.h"
#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/model.h"
#include "model/model_card.h"
#include "model/prompt.h"
#include "model/tokenizer.h"
#include "model/torch_backend.h"
#include "store/store.h"
#include "test_util.h"

using namespace unveil;
namespace fs = std::filesystem;

TEST(Tokenizer, SplitsWordsPunctuationLettersAndLines) {
  const auto pieces =
      model::WordTokenizer::split("What colour is the Triangle?\nA. red\nAnswer: (");
  const std::vector<std::string> expected = {"what", "colour", "is", "the", "triangle",
                                             "?",    "<nl>",   "A",  ".",   "red",
                                             "<nl>", "answer", ":",  "("};
  EXPECT_EQ(pieces, expected);
  // A lone capital is an option letter, so the pronoun "I" stays "I" too (harmless: it is the
  // same token in training and use).
  EXPECT_EQ(model::WordTokenizer::split("I don't know"),
            (std::vector<std::string>{"I", "don't", "know"}));
  const auto tok = model::WordTokenizer::build({"a red circle", "A. blue"});
  EXPECT_EQ(tok.token(0), "<pad>");
  EXPECT_EQ(tok.id("red"), 4);
  EXPECT_NE(tok.id("A"), tok.id("a"));  // the option letter is not the article
  EXPECT_EQ(tok.id("never-seen"), model::WordTokenizer::kUnk);
}

TEST(Prompt, StudyTemplate) {
  data::Item item;
  item.question = "What colour?";
  item.options = {{'A', "red"}, {'B', "I don't know"}};
  EXPECT_EQ(model::render_prompt(model::kStudyTemplate, item, true),
            "<image>\nWhat colour?\nA. red\nB. I don't know\nPlease provide the option letter "
            "directly.\nAnswer: (");
  item.hint = "Look left.";
  EXPECT_EQ(model::render_prompt("{hint}{question}", item, false), "Look left.\nWhat colour?");
}

namespace {

class Models : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("unveil_models_" + std::to_string(::getpid()));
    auto world = test::tiny_demo_models(dir_);
    ASSERT_TRUE(world.ok()) << world.error().message;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path card(const std::string& name) { return dir_ / "models" / (name + ".json"); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  // A project at `db` holding the tiny world as dataset "shapes", and a spec of a run of
  // shapes-mm over its test split there.
  static Result<store::Store> project_with_world(const fs::path& db, analysis::EvalSpec& spec) {
    auto st = store::Store::open(db);
    if (!st) return st.error();
    auto ds = data::read_llava_json(dir_ / "shapes_world.json");
    if (!ds) return ds.error();
    ds->name = "shapes";
    if (auto added = st->add_dataset(*ds, "x", "llava"); !added) return added.error();
    spec.db = db;
    spec.card = card("shapes-mm");
    spec.dataset = "shapes";
    spec.split = "test";
    return st;
  }
  static fs::path dir_;
};
fs::path Models::dir_;

}  // namespace

TEST_F(Models, DemoCardsAreValidAndLoad) {
  for (const char* name : {"shapes-base", "shapes-mm", "shapes-mm-ft"}) {
    auto c = model::read_model_card(card(name));
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->name, name);
    EXPECT_EQ(c->image, std::string(name) != "shapes-base");
    EXPECT_EQ(c->option_token_ids.size(), 5u);
    auto m = model::Model::load(card(name), model::DeviceChoice::kCpu);
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->device_name(), "cpu");
  }
}

TEST_F(Models, AnItemGetsAnAnswerAndBothConfidences) {
  auto m = model::Model::load(card("shapes-mm"), model::DeviceChoice::kAuto);
  ASSERT_TRUE(m.ok());
  auto ds = data::read_llava_json(dir_ / "shapes_world.json");
  ASSERT_TRUE(ds.ok());
  const data::Item& item = ds->items.front();
  auto cond = data::parse_perturbation("image");
  auto in = m->torchscript()->prepare(item, ds->root, *cond, "", 0);
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->pixels.size(), 3u * 48 * 48);
  EXPECT_EQ(in->option_ids.size(), item.options.size());
  const std::vector<model::ModelInput> batch{*in, *in};
  auto out = m->torchscript()->run(batch);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->size(), 2u);
  const auto& o = (*out)[0];
  EXPECT_GE(o.answer, 0);  // the demo models answer with a letter at once
  EXPECT_EQ(o.steps, 1);
  EXPECT_EQ(o.option_logits.size(), item.options.size());
  ASSERT_TRUE(o.conf_vocab.has_value());
  EXPECT_GT(*o.conf_vocab, 0.0);
  EXPECT_LE(*o.conf_vocab, 1.0);
  for (std::size_t k = 0; k < o.option_logits.size(); ++k) {  // same input, same output in a batch
    EXPECT_NEAR((*out)[1].option_logits[k], o.option_logits[k], 1e-5);
  }
  // Text only: no pixels, and the prompt loses its image token.
  auto text = m->torchscript()->prepare(item, ds->root, *data::parse_perturbation("text"), "", 0);
  EXPECT_TRUE(text->pixels.empty());
  EXPECT_LT(text->ids.size(), in->ids.size());
}

TEST_F(Models, BrokenCardsAndModelsAreRefusedWithReasons) {
  const fs::path d = dir_ / "models";
  write(d / "bad1.json", "{\"name\": \"x\"}");
  auto c1 = model::read_model_card(d / "bad1.json");
  ASSERT_FALSE(c1.ok());
  EXPECT_NE(c1.error().message.find("field \"file\""), std::string::npos) << c1.error().message;

  auto j = nlohmann::json::parse(std::ifstream(card("shapes-mm")));
  j["modalities"] = {"image", "smell"};
  write(d / "bad2.json", j.dump());
  auto c2 = model::read_model_card(d / "bad2.json");
  ASSERT_FALSE(c2.ok());
  EXPECT_NE(c2.error().message.find("unknown modality \"smell\""), std::string::npos);

  // A corrupt .pt file.
  write(d / "corrupt.pt", "this is not a TorchScript archive");
  j = nlohmann::json::parse(std::ifstream(card("shapes-mm")));
  j["file"] = "corrupt.pt";
  write(d / "corrupt.json", j.dump());
  auto m1 = model::Model::load(d / "corrupt.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(m1.ok());
  EXPECT_NE(m1.error().message.find("not a loadable TorchScript model"), std::string::npos);

  // A truncated .pt file.
  {
    std::ifstream in(d / "shapes-mm.pt", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(d / "truncated.pt", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  j["file"] = "truncated.pt";
  write(d / "truncated.json", j.dump());
  EXPECT_FALSE(model::Model::load(d / "truncated.json", model::DeviceChoice::kCpu).ok());

  // A vocabulary that does not match the model's output: refused by the dry run.
  write(d / "small_vocab.json",
        "{\"tokens\": [\"<pad>\", \"<unk>\", \"<nl>\", \"A\", \"B\", \"C\", \"D\", \"E\"]}");
  j = nlohmann::json::parse(std::ifstream(card("shapes-mm")));
  j["tokenizer"]["vocab"] = "small_vocab.json";
  j["option_token_ids"] = {{"A", 3}, {"B", 4}, {"C", 5}, {"D", 6}, {"E", 7}};
  write(d / "mismatch.json", j.dump());
  auto m2 = model::Model::load(d / "mismatch.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(m2.ok());
  EXPECT_NE(m2.error().message.find("shape [1, 8]"), std::string::npos) << m2.error().message;

  // A text-only model offered as an image model gets a wrong-shaped input: refused, not crashed.
  j = nlohmann::json::parse(std::ifstream(card("shapes-base")));
  j["file"] = "shapes-mm.pt";
  j["modalities"] = {"text"};
  j.erase("image");
  write(d / "wrong_modality.json", j.dump());
  auto m3 = model::Model::load(d / "wrong_modality.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(m3.ok());
  EXPECT_NE(m3.error().message.find("dry run"), std::string::npos) << m3.error().message;
}

TEST_F(Models, PromptsLongerThanTheMaximumSequenceAreRefused) {
  auto m = model::Model::load(card("shapes-mm"), model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok()) << m.error().message;
  data::Item item;
  item.id = "long-one";
  item.options = {{'A', "red"}, {'B', "blue"}};
  const auto cond = data::parse_perturbation("text");
  std::string words;
  for (std::size_t i = 0; i < model::kMaxPromptTokens; ++i)
    words += "red ";
  item.question = words;  // with the template's own tokens: beyond the maximum
  auto in = m->torchscript()->prepare(item, dir_, *cond, "", 0);
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().message.rfind("item \"long-one\": the prompt is ", 0), 0u)
      << in.error().message;
  EXPECT_NE(in.error().message.find(" tokens long; shapes-mm reads at most 8192"),
            std::string::npos)
      << in.error().message;
  item.question = "red?";
  ASSERT_TRUE(m->torchscript()->prepare(item, dir_, *cond, "", 0).ok());
  // A run's own template (prompt search, IDK wordings) is held to the same bound.
  auto t = m->torchscript()->prepare(item, dir_, *cond, words + "{question}", 0);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("item \"long-one\": the prompt is 8"), std::string::npos);
  // A card whose template alone is too long is refused on load, naming the card.
  auto j = nlohmann::json::parse(std::ifstream(card("shapes-mm")));
  j["prompt_template"] = words + "{question}\n{options}";
  const fs::path long_card = dir_ / "models" / "long.json";
  write(long_card, j.dump());
  auto l = model::Model::load(long_card, model::DeviceChoice::kCpu);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().message.rfind(long_card.string() + ": field \"prompt_template\": ", 0), 0u)
      << l.error().message;
  EXPECT_NE(l.error().message.find("tokens long; shapes-mm reads at most 8192"), std::string::npos)
      << l.error().message;
}

TEST_F(Models, EvalStreamsARunIntoTheStoreAndResumes) {
  analysis::EvalSpec spec;
  auto st = project_with_world(dir_ / "p.unveil", spec);
  ASSERT_TRUE(st.ok()) << st.error().message;
  spec.batch = 5;
  std::atomic<bool> cancel{false};
  int reports = 0;
  // What a live view sees: every prediction once, as it is stored.
  calib::PredictionSet live;
  const auto sink = [&](const calib::PredictionSet& batch) { live.append(batch); };
  auto first = analysis::run_eval(
      spec, &cancel,
      [&](const analysis::EvalProgress& p) {
        ++reports;
        if (p.done >= 5) cancel = true;  // stop early, then resume
      },
      sink);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->cancelled);
  EXPECT_GT(reports, 0);
  EXPECT_EQ(st->run(first->run_id)->status, store::RunStatus::kCancelled);
  EXPECT_EQ(live.size(), first->predicted);
  // A resumed run hands over the earlier predictions first, then the new ones.
  live = {};
  spec.resume_run = first->run_id;
  auto rest = analysis::run_eval(spec, nullptr, {}, sink);
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_FALSE(rest->cancelled);
  const auto run = st->run(first->run_id);
  EXPECT_EQ(run->status, store::RunStatus::kComplete);
  EXPECT_EQ(run->predictions, 16u);  // the whole test split (96 / 6), none twice
  EXPECT_EQ(first->predicted + rest->predicted, 16u);
  ASSERT_TRUE(rest->metrics.has_value());
  EXPECT_EQ(rest->metrics->n, 16u);
  // The live set is the stored set: same items, same logits.
  const auto stored_set = st->prediction_set(first->run_id);
  ASSERT_TRUE(stored_set.ok());
  ASSERT_EQ(live.size(), stored_set->size());
  std::map<std::string, std::vector<double>> by_key;
  for (std::size_t i = 0; i < live.size(); ++i) {
    const auto z = live.logits(i);
    EXPECT_TRUE(
        by_key.emplace(std::string(live.id(i)), std::vector<double>(z.begin(), z.end())).second)
        << "item " << live.id(i) << " handed over twice";
  }
  for (std::size_t i = 0; i < stored_set->size(); ++i) {
    const auto z = stored_set->logits(i);
    ASSERT_TRUE(by_key.count(std::string(stored_set->id(i))));
    EXPECT_EQ(by_key[std::string(stored_set->id(i))], std::vector<double>(z.begin(), z.end()));
  }
  // Stored predictions keep both confidences and the option logits.
  const auto stored = st->predictions(first->run_id);  // keep the result alive for the loop
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 16u);
  for (const auto& p : *stored) {
    EXPECT_EQ(p.logits.size(), 5u)
        << "item " << p.item_id << " answer " << p.answer << " label " << p.label;
    ASSERT_TRUE(p.conf_vocab.has_value());
    EXPECT_LE(*p.conf_vocab, p.conf_options + 1e-12);  // vocabulary-wide <= renormalised
  }
  // Resuming with other settings is refused.
  spec.condition = "blank";
  EXPECT_FALSE(analysis::run_eval(spec).ok());
}

TEST_F(Models, ACacheLoadsEachCardOnceAndItsRunsMatchAFreshLoad) {
  analysis::ModelCache cache;
  analysis::EvalSpec spec;
  auto st = project_with_world(dir_ / "cache.unveil", spec);
  ASSERT_TRUE(st.ok()) << st.error().message;
  spec.models = &cache;
  // Two runs through the cache (two conditions), one without it: one load for the two.
  auto a = analysis::run_eval(spec);
  spec.condition = "blank";
  auto b = analysis::run_eval(spec);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(cache.loads(), 1u);
  spec.models = nullptr;
  spec.condition = "image";
  auto fresh = analysis::run_eval(spec);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(cache.loads(), 1u);
  // The cached model predicts what a freshly loaded one does.
  const auto cached = st->prediction_set(a->run_id), loaded = st->prediction_set(fresh->run_id);
  ASSERT_TRUE(cached.ok() && loaded.ok());
  ASSERT_EQ(cached->size(), loaded->size());
  for (std::size_t i = 0; i < cached->size(); ++i) {
    const auto x = cached->logits(i), y = loaded->logits(i);
    EXPECT_EQ(std::vector<double>(x.begin(), x.end()), std::vector<double>(y.begin(), y.end()));
  }
  // Another card is another load; a card that cannot be loaded is an error, and not kept.
  ASSERT_TRUE(cache.get(card("shapes-base"), model::DeviceChoice::kCpu).ok());
  EXPECT_EQ(cache.loads(), 2u);
  const auto missing = cache.get(dir_ / "models" / "nope.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.json"), std::string::npos);
  EXPECT_EQ(cache.loads(), 2u);
}
