#include "model/tokenizer.h"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/model_card.h"
#include "model/sentencepiece_tokenizer.h"
#include "util/atomic_file.h"

namespace unveil::model {

std::vector<std::string> WordTokenizer::split(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    const bool letter = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
    if (!letter) {
      for (char& c : word)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      flush();
      out.emplace_back("<nl>");
    } else if (std::isspace(u)) {
      flush();
    } else if (std::isalnum(u) || u >= 0x80 || (c == '\'' && !word.empty())) {
      word.push_back(c);  // "don't" stays one word
    } else {
      flush();
      out.emplace_back(1, c);
    }
  }
  flush();
  return out;
}

WordTokenizer WordTokenizer::build(const std::vector<std::string>& texts,
                                   const std::vector<std::string>& extra) {
  WordTokenizer t;
  auto add = [&](const std::string& tok) {
    if (t.ids_.emplace(tok, static_cast<std::int64_t>(t.tokens_.size())).second) {
      t.tokens_.push_back(tok);
    }
  };
  for (const char* s : {"<pad>", "<unk>", "<nl>"})
    add(s);
  for (const auto& text : texts) {
    for (const auto& tok : split(text))
      add(tok);
  }
  for (const auto& tok : extra)
    add(tok);
  return t;
}

Result<WordTokenizer> WordTokenizer::load(const std::filesystem::path& file) {
  std::ifstream f(file);
  if (!f) return Error{file.string() + ": cannot open the vocabulary"};
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f);
  } catch (const nlohmann::json::exception& e) {
    return Error{file.string() + ": malformed vocabulary JSON: " + e.what()};
  }
  if (!j.is_object() || !j.contains("tokens") || !j["tokens"].is_array()) {
    return Error{file.string() + ": expected {\"tokens\": [...]}"};
  }
  WordTokenizer t;
  for (const auto& tok : j["tokens"]) {
    if (!tok.is_string()) return Error{file.string() + ": every token must be a string"};
    const std::string s = tok.get<std::string>();
    if (!t.ids_.emplace(s, static_cast<std::int64_t>(t.tokens_.size())).second) {
      return Error{file.string() + ": the token \"" + s + "\" appears twice"};
    }
    t.tokens_.push_back(s);
  }
  if (t.tokens_.size() < 3 || t.tokens_[0] != "<pad>" || t.tokens_[1] != "<unk>" ||
      t.tokens_[2] != "<nl>") {
    return Error{file.string() + ": the first tokens must be <pad>, <unk>, <nl>"};
  }
  return t;
}

Status WordTokenizer::save(const std::filesystem::path& file) const {
  return write_file_atomically(file, nlohmann::json{{"tokens", tokens_}}.dump() + "\n",
                               "the vocabulary");
}

std::vector<std::int64_t> WordTokenizer::encode(std::string_view text) const {
  std::vector<std::int64_t> out;
  for (const auto& tok : split(text))
    out.push_back(id(tok));
  return out;
}

std::string WordTokenizer::token(std::int64_t i) const {
  return i >= 0 && static_cast<std::size_t>(i) < tokens_.size()
             ? tokens_[static_cast<std::size_t>(i)]
             : tokens_[kUnk];
}

std::int64_t WordTokenizer::id(std::string_view tok) const {
  const auto it = ids_.find(std::string(tok));
  return it == ids_.end() ? kUnk : it->second;
}

namespace {

// The checks of the card against its vocabulary, before the model is loaded: an id beyond the
// vocabulary would index past the model's logits, and a wrong letter id silently reads another
// token's probability as the answer's confidence.
Status check_card_ids(const ModelCard& card, const Tokenizer& tok) {
  const std::string card_name = card.card_file.empty() ? card.name : card.card_file.string();
  const std::string vocab = card.tokenizer_path().string();
  const auto size = static_cast<std::int64_t>(tok.size());
  for (const auto& [letter, id] : card.option_token_ids) {
    const std::string l(1, letter);
    if (id < 0 || id >= size) {
      return Error{card_name + ": field \"option_token_ids\": option " + l + " has the id " +
                   std::to_string(id) + ", beyond the vocabulary of " + std::to_string(size) +
                   " tokens in " + vocab + " (ids 0.." + std::to_string(size - 1) + ")"};
    }
    const std::string piece = tok.token(id);
    if (piece != l && piece != "\u2581" + l) {  // SentencePiece marks a word start with U+2581
      return Error{card_name + ": field \"option_token_ids\": option " + l + " has the id " +
                   std::to_string(id) + ", which is the token \"" + piece + "\" in " + vocab +
                   ", not the letter " + l + " (its id there is " + std::to_string(tok.id(l)) +
                   ")"};
    }
  }
  if (card.pad_token_id < 0 || card.pad_token_id >= size) {
    return Error{card_name + ": field \"pad_token_id\": " + std::to_string(card.pad_token_id) +
                 " is beyond the vocabulary of " + std::to_string(size) + " tokens in " + vocab};
  }
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> load_tokenizer(const ModelCard& card) {
  std::unique_ptr<Tokenizer> tok;
  if (card.tokenizer_type == "wordlevel") {
    auto w = WordTokenizer::load(card.tokenizer_path());
    if (!w) return w.error();
    tok = std::make_unique<WordTokenizer>(std::move(*w));
  } else if (card.tokenizer_type == "sentencepiece") {
    auto sp = SentencePieceTokenizer::load(card.tokenizer_path(), card.add_bos);
    if (!sp) return sp.error();
    tok = std::move(*sp);
  } else {
    return Error{card.name + ": unknown tokenizer type \"" + card.tokenizer_type +
                 "\" (expected wordlevel or sentencepiece)"};
  }
  if (auto s = check_card_ids(card, *tok); !s) return s.error();
  return tok;
}

}  // namespace unveil::model
