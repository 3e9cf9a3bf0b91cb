// Tokenizers behind one interface: SentencePiece models for the LLaMA family, trained
// here with the library's own trainer on a tiny seeded corpus, their model cards, and what a broken
// input gives. Tests that need SentencePiece skip with a reason in a build without it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "data/readers.h"
#include "data/shapes_world.h"
#include "model/demo_trainer.h"
#include "model/model.h"
#include "model/model_card.h"
#include "model/prompt.h"
#include "model/sentencepiece_tokenizer.h"
#include "model/tokenizer.h"
#include "model/torch_backend.h"
#include "sentencepiece_train_util.h"
#include "test_util.h"

using namespace unveil;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A text-only card of the contract; the tests change its tokenizer and ids.
nlohmann::json text_card(const nlohmann::json& tokenizer, const nlohmann::json& option_ids) {
  return {{"name", "tiny"},
          {"file", "tiny.pt"},
          {"modalities", {"text"}},
          {"tokenizer", tokenizer},
          {"option_token_ids", option_ids}};
}

// The message of a card that fails to parse or whose tokenizer fails to load ("" when it loads).
std::string tokenizer_error(const fs::path& card_file, const nlohmann::json& card) {
  write(card_file, card.dump());
  auto c = model::read_model_card(card_file);
  if (!c) return c.error().message;
  auto t = model::load_tokenizer(*c);
  return t ? std::string() : t.error().message;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// Needs no SentencePiece: the word-level vocabulary behind the same interface and checks.
TEST(Tokenizers, WordLevelCardIdsMustBeTheLettersOfTheVocabulary) {
  const fs::path d = fs::temp_directory_path() / ("unveil_wordlevel_" + std::to_string(::getpid()));
  fs::create_directories(d);
  write(d / "vocab.json", R"({"tokens": ["<pad>", "<unk>", "<nl>", "A", "B", "red"]})");
  const nlohmann::json tok = {{"type", "wordlevel"}, {"vocab", "vocab.json"}};

  write(d / "ok.json", text_card(tok, {{"A", 3}, {"B", 4}}).dump());
  auto card = model::read_model_card(d / "ok.json");
  ASSERT_TRUE(card.ok()) << card.error().message;
  auto t = model::load_tokenizer(*card);
  ASSERT_TRUE(t.ok()) << t.error().message;
  const model::Tokenizer& words = **t;
  EXPECT_EQ(words.size(), 6u);
  EXPECT_EQ(words.encode("A red\nB"), (std::vector<std::int64_t>{3, 5, 2, 4}));
  EXPECT_EQ(words.token(5), "red");
  EXPECT_EQ(words.token(99), "<unk>");

  // B's id is the word "red": the answer's confidence would be read off the wrong token.
  std::string e = tokenizer_error(d / "wrong.json", text_card(tok, {{"A", 3}, {"B", 5}}));
  EXPECT_TRUE(contains(e, "wrong.json: field \"option_token_ids\": option B has the id 5")) << e;
  EXPECT_TRUE(contains(e, "the token \"red\"")) << e;
  EXPECT_TRUE(contains(e, "its id there is 4")) << e;

  e = tokenizer_error(d / "beyond.json", text_card(tok, {{"A", 3}, {"B", 6}}));
  EXPECT_TRUE(contains(e, "option B has the id 6, beyond the vocabulary of 6 tokens")) << e;
  EXPECT_TRUE(contains(e, "vocab.json")) << e;

  auto padded = text_card(tok, {{"A", 3}, {"B", 4}});
  padded["pad_token_id"] = 6;
  e = tokenizer_error(d / "pad.json", padded);
  EXPECT_TRUE(contains(e, "field \"pad_token_id\": 6 is beyond the vocabulary of 6")) << e;
  fs::remove_all(d);
}

// Runs in every build: with SentencePiece the card parses; without, it says what to install.
TEST(Tokenizers, SentencePieceCardFieldsAreReadOrRefusedWithAReason) {
  const fs::path d = fs::temp_directory_path() / ("unveil_spm_card_" + std::to_string(::getpid()));
  fs::create_directories(d);
  const nlohmann::json ids = {{"A", 3}, {"B", 4}};
  write(
      d / "card.json",
      text_card({{"type", "sentencepiece"}, {"model", "tokenizer.model"}, {"add_bos", false}}, ids)
          .dump());
  auto c = model::read_model_card(d / "card.json");
  if (!model::sentencepiece_available()) {
    ASSERT_FALSE(c.ok());
    EXPECT_TRUE(contains(c.error().message,
                         "this build has no SentencePiece (install libsentencepiece-dev and "
                         "rebuild)"))
        << c.error().message;
    fs::remove_all(d);
    return;
  }
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->tokenizer_type, "sentencepiece");
  EXPECT_EQ(c->tokenizer_path(), d / "tokenizer.model");
  EXPECT_FALSE(c->add_bos);
  // The card as the trainer writes cards keeps the SentencePiece fields.
  const auto again = nlohmann::json::parse(model::to_json_text(*c));
  EXPECT_EQ(again["tokenizer"],
            (nlohmann::json{
                {"type", "sentencepiece"}, {"model", "tokenizer.model"}, {"add_bos", false}}));
  // add_bos defaults to true (LLaMA's tokenizer starts every prompt with <s>).
  write(d / "default.json",
        text_card({{"type", "sentencepiece"}, {"model", "tokenizer.model"}}, ids).dump());
  EXPECT_TRUE(model::read_model_card(d / "default.json")->add_bos);

  const auto refused = [&](const nlohmann::json& tok) {
    write(d / "bad.json", text_card(tok, ids).dump());
    auto r = model::read_model_card(d / "bad.json");
    return r ? std::string() : r.error().message;
  };
  std::string e = refused({{"type", "sentencepiece"}, {"vocab", "vocab.json"}});
  EXPECT_TRUE(contains(e, "bad.json: field \"tokenizer.model\": missing")) << e;
  e = refused({{"type", "sentencepiece"}, {"model", "tokenizer.model"}, {"add_bos", "yes"}});
  EXPECT_TRUE(contains(e, "field \"tokenizer.add_bos\": expected true or false")) << e;
  e = refused({{"type", "bpe"}, {"model", "tokenizer.model"}});
  EXPECT_TRUE(contains(e, "field \"tokenizer.type\"")) << e;
  EXPECT_TRUE(contains(e, "found \"bpe\"")) << e;
  fs::remove_all(d);
}

namespace {

// A corpus of the study's prompt wording, seeded: the same model on every run.
std::vector<std::string> tiny_corpus() {
  const std::vector<std::string> words = {
      "what",   "colour",  "is",     "the",    "shape",    "circle", "square", "triangle",
      "red",    "green",   "blue",   "how",    "many",     "are",    "there",  "answer",
      "please", "provide", "option", "letter", "directly", "in",     "image",  "left"};
  std::mt19937 rng(7);
  std::vector<std::string> lines;
  for (int i = 0; i < 200; ++i) {
    std::string line = "What";
    for (int k = 0; k < 7; ++k)
      line += " " + words[rng() % words.size()];
    lines.push_back(line + "?");
    lines.push_back(std::string(1, static_cast<char>('A' + i % 4)) + ". " +
                    words[rng() % words.size()]);
    lines.push_back("Answer: (" + std::string(1, static_cast<char>('A' + i % 4)) + ")");
  }
  return lines;
}

class SentencePiece : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!model::sentencepiece_available() || !test::sentencepiece_trainer_available()) return;
    dir_ = fs::temp_directory_path() / ("unveil_spm_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    // As LLaMA's: BPE, byte fallback (a line break is the piece <0x0A>), <unk> 0, <s> 1, </s> 2.
    test::SentencePieceTrainSpec spec;
    spec.lines = tiny_corpus();
    spec.vocab_size = kVocab;
    spec.user_symbols = {"A", "B", "C", "D"};
    spec.byte_fallback = true;
    spec.identity_normalization = true;
    trained_ = test::train_sentencepiece(spec, model_file());
  }
  static void TearDownTestSuite() {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  void SetUp() override {
    if (!model::sentencepiece_available()) GTEST_SKIP() << "this build has no SentencePiece";
    if (!test::sentencepiece_trainer_available())
      GTEST_SKIP() << "this test binary has no SentencePiece trainer";
    ASSERT_TRUE(trained_.ok()) << trained_.error().message;
  }
  static fs::path model_file() { return dir_ / "tokenizer.model"; }

  static constexpr int kVocab = 300;  // 3 specials + 4 letters + 256 bytes + characters + merges
  static fs::path dir_;
  static Status trained_;
};
fs::path SentencePiece::dir_;
Status SentencePiece::trained_ = ok_status();

}  // namespace

TEST_F(SentencePiece, EncodesDecodesAndStartsWithBos) {
  auto t = model::SentencePieceTokenizer::load(model_file(), true);
  ASSERT_TRUE(t.ok()) << t.error().message;
  const auto& sp = **t;
  EXPECT_EQ(sp.size(), static_cast<std::size_t>(kVocab));
  EXPECT_EQ(sp.bos_id(), 1);  // as trained
  EXPECT_EQ(sp.unk_id(), 0);
  EXPECT_EQ(sp.token(1), "<s>");

  const std::string text = "What colour is the circle?\nA. red\nAnswer: (";
  const auto ids = sp.encode(text);
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids.front(), 1);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), 1), 1);  // BOS once, at the start
  EXPECT_EQ(std::count(ids.begin(), ids.end(), sp.unk_id()), 0);
  EXPECT_EQ(sp.decode(ids), text);  // BOS is a control piece: decoding drops it
  // The line break has no piece of its own: byte fallback spells it as the byte 0x0A.
  const auto nl = sp.id("<0x0A>");
  EXPECT_NE(nl, sp.unk_id());
  EXPECT_EQ(std::count(ids.begin(), ids.end(), nl), 2);

  auto plain = model::SentencePieceTokenizer::load(model_file(), false);
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  const auto no_bos = (*plain)->encode(text);
  EXPECT_EQ(std::vector<std::int64_t>(ids.begin() + 1, ids.end()), no_bos);
  EXPECT_TRUE((*plain)->encode("").empty());
  EXPECT_EQ(sp.encode(""), (std::vector<std::int64_t>{1}));
}

TEST_F(SentencePiece, OptionLettersAreSinglePiecesWithTheTrainedIds) {
  auto t = model::SentencePieceTokenizer::load(model_file(), false);
  ASSERT_TRUE(t.ok()) << t.error().message;
  const auto& sp = **t;
  // User-defined symbols follow the three special pieces, in the order given to the trainer.
  for (char l = 'A'; l <= 'D'; ++l) {
    EXPECT_EQ(sp.id(std::string(1, l)), 3 + (l - 'A'));
    EXPECT_EQ(sp.token(3 + (l - 'A')), std::string(1, l));
  }
  // After the study's "Answer: (" the letter is one piece: the id the card names.
  const auto ids = sp.encode("Answer: (C");
  EXPECT_EQ(ids.back(), 5);
  EXPECT_EQ(sp.token(-1), "<unk>");  // out of range: the unknown piece, not a crash
  EXPECT_EQ(sp.token(kVocab), "<unk>");
  EXPECT_EQ(sp.id("no-such-piece"), sp.unk_id());
}

TEST_F(SentencePiece, ACardLoadsItsModelThroughTheFactory) {
  write(dir_ / "card.json", text_card({{"type", "sentencepiece"}, {"model", "tokenizer.model"}},
                                      {{"A", 3}, {"B", 4}, {"C", 5}, {"D", 6}})
                                .dump());
  auto c = model::read_model_card(dir_ / "card.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  auto t = model::load_tokenizer(*c);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ((*t)->size(), static_cast<std::size_t>(kVocab));
  EXPECT_EQ((*t)->encode("A").front(), 1);  // add_bos by default
}

TEST_F(SentencePiece, BrokenModelFilesAndIdsAreRefusedWithReasons) {
  const nlohmann::json letters = {{"A", 3}, {"B", 4}, {"C", 5}, {"D", 6}};
  const auto card_with = [&](const std::string& model) {
    return text_card({{"type", "sentencepiece"}, {"model", model}}, letters);
  };
  // Each broken input gives a message naming the file, never a crash.
  std::string e = tokenizer_error(dir_ / "missing.json", card_with("nowhere.model"));
  EXPECT_TRUE(contains(e, (dir_ / "nowhere.model").string())) << e;
  EXPECT_TRUE(contains(e, "cannot open the SentencePiece model")) << e;

  write(dir_ / "garbage.model", "this is not a SentencePiece model, only some text\n");
  e = tokenizer_error(dir_ / "garbage.json", card_with("garbage.model"));
  EXPECT_TRUE(contains(e, (dir_ / "garbage.model").string() + ": not a loadable SentencePiece"))
      << e;

  const std::string bytes = read_bytes(model_file());
  write(dir_ / "truncated.model", bytes.substr(0, bytes.size() / 2));
  e = tokenizer_error(dir_ / "truncated.json", card_with("truncated.model"));
  EXPECT_TRUE(contains(e, (dir_ / "truncated.model").string() + ": not a loadable SentencePiece"))
      << e;

  write(dir_ / "empty.model", "");
  e = tokenizer_error(dir_ / "empty.json", card_with("empty.model"));
  EXPECT_TRUE(contains(e, (dir_ / "empty.model").string() + ": not a loadable SentencePiece")) << e;

  // An option id at or beyond the vocabulary's size names the letter and the id.
  e = tokenizer_error(dir_ / "beyond.json",
                      text_card({{"type", "sentencepiece"}, {"model", "tokenizer.model"}},
                                {{"A", 3}, {"B", 4}, {"C", kVocab}}));
  EXPECT_TRUE(contains(e, "beyond.json: field \"option_token_ids\": option C has the id " +
                              std::to_string(kVocab) + ", beyond the vocabulary of " +
                              std::to_string(kVocab) + " tokens"))
      << e;
  // An id inside the vocabulary that is another piece (here <s>).
  e = tokenizer_error(
      dir_ / "other.json",
      text_card({{"type", "sentencepiece"}, {"model", "tokenizer.model"}}, {{"A", 3}, {"B", 1}}));
  EXPECT_TRUE(contains(e, "option B has the id 1, which is the token \"<s>\"")) << e;
}

TEST_F(SentencePiece, AModelWithoutBosIsRefusedWhenTheCardAsksForOne) {
  test::SentencePieceTrainSpec spec;
  spec.lines = tiny_corpus();
  spec.vocab_size = 60;
  spec.user_symbols = {"A", "B"};
  spec.bos_id = -1;
  ASSERT_TRUE(test::train_sentencepiece(spec, dir_ / "nobos.model").ok());
  auto t = model::SentencePieceTokenizer::load(dir_ / "nobos.model", true);
  ASSERT_FALSE(t.ok());
  EXPECT_TRUE(contains(t.error().message, "nobos.model: the card asks for a BOS token"))
      << t.error().message;
  auto plain = model::SentencePieceTokenizer::load(dir_ / "nobos.model", false);
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ((*plain)->bos_id(), -1);
  EXPECT_EQ((*plain)->size(), 60u);
}

namespace {

// The model contract end to end with a SentencePiece vocabulary: the demo models' TorchScript
// files take any ids below their vocabulary's size, so a SentencePiece model of exactly that size
// runs through Model::load, prepare and run (its answers mean nothing: the ids are not the ones
// it was trained on; what is tested is the plumbing).
class SentencePieceModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!model::sentencepiece_available() || !test::sentencepiece_trainer_available()) return;
    dir_ = fs::temp_directory_path() / ("unveil_spm_model_" + std::to_string(::getpid()));
    auto world = test::tiny_demo_models(dir_, 48);
    ASSERT_TRUE(world.ok()) << world.error().message;
  }
  static void TearDownTestSuite() {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  void SetUp() override {
    if (!model::sentencepiece_available()) GTEST_SKIP() << "this build has no SentencePiece";
    if (!test::sentencepiece_trainer_available())
      GTEST_SKIP() << "this test binary has no SentencePiece trainer";
  }

  // A SentencePiece model over the world's prompts with exactly `vocab` pieces: A-E and <image>
  // are whole pieces (ids 3-8), filler symbols make up the size BPE alone would not reach.
  static Status train(const fs::path& file, int vocab) {
    auto ds = data::read_llava_json(dir_ / "shapes_world.json");
    if (!ds) return ds.error();
    test::SentencePieceTrainSpec spec;
    for (const auto& item : ds->items) {
      std::string prompt = model::render_prompt(model::kStudyTemplate, item, true);
      for (std::size_t start = 0, nl = 0; nl != std::string::npos; start = nl + 1) {
        nl = prompt.find('\n', start);
        spec.lines.push_back(prompt.substr(start, nl - start));
      }
    }
    spec.user_symbols = {"A", "B", "C", "D", "E", "<image>"};
    const int learned = std::min(vocab - 9, 70);
    for (int k = 0; k < vocab - 9 - learned; ++k)
      spec.user_symbols.push_back("<extra_" + std::to_string(k) + ">");
    spec.vocab_size = vocab;
    return test::train_sentencepiece(spec, file);
  }

  static fs::path dir_;
};
fs::path SentencePieceModel::dir_;

}  // namespace

TEST_F(SentencePieceModel, RunsThroughLoadPrepareAndRun) {
  const fs::path models = dir_ / "models";
  auto words = model::WordTokenizer::load(models / "vocab.json");
  ASSERT_TRUE(words.ok()) << words.error().message;
  const int vocab = static_cast<int>(words->size());
  ASSERT_GT(vocab, 9 + 60) << "the world's vocabulary is smaller than this test assumes";
  auto trained = train(models / "spm.model", vocab);
  ASSERT_TRUE(trained.ok()) << trained.error().message;

  auto j = nlohmann::json::parse(std::ifstream(models / "shapes-mm.json"));
  j["tokenizer"] = {{"type", "sentencepiece"}, {"model", "spm.model"}, {"add_bos", true}};
  j["option_token_ids"] = {{"A", 3}, {"B", 4}, {"C", 5}, {"D", 6}, {"E", 7}};
  write(models / "spm-mm.json", j.dump());
  auto m = model::Model::load(models / "spm-mm.json", model::DeviceChoice::kCpu);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->torchscript()->tokenizer().size(), static_cast<std::size_t>(vocab));

  auto ds = data::read_llava_json(dir_ / "shapes_world.json");
  ASSERT_TRUE(ds.ok());
  const data::Item& item = ds->items.front();
  auto in = m->torchscript()->prepare(item, ds->root, *data::parse_perturbation("image"), "", 0);
  ASSERT_TRUE(in.ok()) << in.error().message;
  ASSERT_FALSE(in->ids.empty());
  EXPECT_EQ(in->ids.front(), 1);                                // <s>
  EXPECT_EQ(std::count(in->ids.begin(), in->ids.end(), 8), 1);  // <image>
  EXPECT_EQ(std::count(in->ids.begin(), in->ids.end(), m->torchscript()->tokenizer().id("<unk>")),
            0);
  ASSERT_EQ(in->option_ids.size(), item.options.size());
  for (std::size_t k = 0; k < item.options.size(); ++k)
    EXPECT_EQ(in->option_ids[k], 3 + (item.options[k].letter - 'A'));
  auto text = m->torchscript()->prepare(item, ds->root, *data::parse_perturbation("text"), "", 0);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(std::count(text->ids.begin(), text->ids.end(), 8), 0);

  auto out = m->torchscript()->run({*in, *text});
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->size(), 2u);
  for (const auto& o : *out) {
    EXPECT_EQ(o.option_logits.size(), item.options.size());
    EXPECT_GE(o.steps, 1);
    EXPECT_LE(o.steps, j["max_new_tokens"].get<int>());
    if (o.conf_vocab) {
      EXPECT_GT(*o.conf_vocab, 0.0);
      EXPECT_LE(*o.conf_vocab, 1.0);
    }
  }

  // One piece fewer than the model's logits: the dry run refuses it, naming both sizes.
  ASSERT_TRUE(train(models / "spm-small.model", vocab - 1).ok());
  j["tokenizer"]["model"] = "spm-small.model";
  write(models / "spm-small.json", j.dump());
  auto small = model::Model::load(models / "spm-small.json", model::DeviceChoice::kCpu);
  ASSERT_FALSE(small.ok());
  EXPECT_TRUE(contains(small.error().message, "shape [1, " + std::to_string(vocab - 1) + "]"))
      << small.error().message;
}
