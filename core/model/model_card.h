// The model card: the JSON sidecar that says how to feed a TorchScript model and read its answer.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "data/image.h"
#include "util/result.h"

namespace unveil::model {

/// The most tokens a card may let a model generate for one item ("max_new_tokens").
inline constexpr int kMaxNewTokens = 512;

/// The card's "backend": a TorchScript file of the contract (the default) or an
/// OpenAI-compatible inference server (docs/MODELS.md, "Real models").
inline constexpr const char* kBackendTorchScript = "torchscript";
inline constexpr const char* kBackendOpenAi = "openai";

/// Where an endpoint card's model is served and how to ask it.
struct EndpointSpec {
  std::string base_url;              ///< "http://gpu-box:8000/v1" (http or https, up to the /v1)
  std::string model;                 ///< the server's model id ("llava-hf/llava-1.5-7b-hf")
  std::string api_key_env;           ///< the environment variable that holds the key; empty: no key
  int max_concurrency = 8;           ///< requests in flight at once
  double timeout_s = 60;             ///< per request
  int top_logprobs = 20;             ///< alternatives asked for at each generated token
  int max_retries = 4;               ///< after a 429, a 5xx or a lost connection, with back-off
  std::string image_format = "png";  ///< how images are sent: "png" or "jpeg"
};

struct ModelCard {
  std::string backend = kBackendTorchScript;
  EndpointSpec endpoint;  ///< backend "openai" only
  std::string name;
  std::string file;                 ///< the TorchScript file, relative to the card
  bool image = true;                ///< "modalities" holds "image" (false: a text-only base model)
  data::PreprocessSpec preprocess;  ///< image size, resize mode, channel order, mean/std
  std::string tokenizer_type = "wordlevel";  ///< "wordlevel" or "sentencepiece"
  std::string
      tokenizer_file;   ///< relative to the card: "vocab" (wordlevel) or "model" (sentencepiece)
  bool add_bos = true;  ///< sentencepiece: the model's BOS id starts every prompt
  std::string prompt_template;
  std::map<char, std::int64_t> option_token_ids;  ///< 'A' -> id
  std::int64_t pad_token_id = 0;
  int max_new_tokens = 20;
  std::string provenance;           ///< free-form JSON text (trained on what, when)
  std::filesystem::path dir;        ///< the card's folder
  std::filesystem::path card_file;  ///< the card itself (for messages); empty for a card in memory

  std::filesystem::path model_path() const { return dir / file; }
  std::filesystem::path tokenizer_path() const { return dir / tokenizer_file; }
};

/// Parses and validates a card; every message names the card file and the field. Refused: a key
/// given twice in one object, nesting deeper than kMaxJsonDepth, a "file" outside the card's
/// folder, an empty template, one longer than kMaxPromptTemplateChars or with an unknown
/// placeholder, and "max_new_tokens" outside 1..kMaxNewTokens. A card with "backend": "openai"
/// names a server ("base_url", "model") instead of a file and a tokenizer, and never holds a
/// key ("api_key" is refused: name the environment variable in "api_key_env").
Result<ModelCard> read_model_card(const std::filesystem::path& card_json);
/// The card as JSON text (the demo trainer writes cards with it).
std::string to_json_text(const ModelCard& card);

}  // namespace unveil::model
