#include "model/model_card.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/prompt.h"
#include "model/sentencepiece_tokenizer.h"

namespace unveil::model {
namespace {
using nlohmann::json;
}

Result<ModelCard> read_model_card(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream f(path);
  if (!f) return Error{name + ": cannot open the model card"};
  json j;
  try {
    j = json::parse(f);
  } catch (const json::exception& e) {
    return Error{name + ": malformed JSON: " + e.what()};
  }
  if (!j.is_object()) return Error{name + ": a model card must be a JSON object"};
  auto field_error = [&](const std::string& field, const std::string& what) {
    return Error{name + ": field \"" + field + "\": " + what};
  };
  auto str = [&](const char* key, bool required, std::string& out) -> std::optional<Error> {
    if (!j.contains(key)) {
      if (required) return field_error(key, "missing (a string is required)");
      return std::nullopt;
    }
    if (!j[key].is_string())
      return field_error(key, std::string("expected a string, found ") + j[key].type_name());
    out = j[key].get<std::string>();
    return std::nullopt;
  };
  ModelCard c;
  c.dir = path.parent_path();
  c.card_file = path;
  if (auto e = str("name", true, c.name)) return *e;
  if (auto e = str("file", true, c.file)) return *e;
  if (!j.contains("modalities") || !j["modalities"].is_array()) {
    return field_error("modalities", "missing (a list such as [\"image\", \"text\"])");
  }
  c.image = false;
  bool text = false;
  for (const auto& m : j["modalities"]) {
    if (m == "image")
      c.image = true;
    else if (m == "text")
      text = true;
    else
      return field_error("modalities",
                         "unknown modality " + m.dump() + " (expected \"image\" or \"text\")");
  }
  if (!text) return field_error("modalities", "must include \"text\"");
  if (c.image) {
    if (!j.contains("image") || !j["image"].is_object()) {
      return field_error("image",
                         "missing (size, resize, mean, std, channel_order) for an image model");
    }
    const json& im = j["image"];
    if (!im.contains("width") || !im["width"].is_number_integer() || im["width"].get<int>() < 1 ||
        im["width"].get<int>() > 4096 || !im.contains("height") ||
        !im["height"].is_number_integer() || im["height"].get<int>() < 1 ||
        im["height"].get<int>() > 4096) {
      return field_error("image.width/height", "whole numbers from 1 to 4096 are required");
    }
    c.preprocess.width = im["width"].get<int>();
    c.preprocess.height = im["height"].get<int>();
    const std::string resize = im.value("resize", "stretch");
    const auto mode = data::parse_resize_mode(resize);
    if (!mode)
      return field_error("image.resize",
                         "expected stretch, letterbox or crop; found \"" + resize + "\"");
    c.preprocess.mode = *mode;
    const std::string order = im.value("channel_order", "RGB");
    if (order != "RGB" && order != "BGR")
      return field_error("image.channel_order", "expected RGB or BGR");
    c.preprocess.bgr = order == "BGR";
    for (const char* key : {"mean", "std"}) {
      if (!im.contains(key)) continue;
      const json& v = im[key];
      if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() ||
          !v[2].is_number()) {
        return field_error(std::string("image.") + key, "expected three numbers");
      }
      std::array<float, 3> a{v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
      if (std::string(key) == "std" && (a[0] <= 0 || a[1] <= 0 || a[2] <= 0)) {
        return field_error("image.std", "must be positive");
      }
      (std::string(key) == "mean" ? c.preprocess.mean : c.preprocess.std) = a;
    }
  }
  if (!j.contains("tokenizer") || !j["tokenizer"].is_object()) {
    return field_error("tokenizer",
                       "missing ({\"type\": \"wordlevel\", \"vocab\": \"vocab.json\"} or "
                       "{\"type\": \"sentencepiece\", \"model\": \"tokenizer.model\"})");
  }
  const json& tj = j["tokenizer"];
  if (tj.contains("type") && !tj["type"].is_string()) {
    return field_error("tokenizer.type",
                       std::string("expected a string, found ") + tj["type"].type_name());
  }
  c.tokenizer_type = tj.value("type", "wordlevel");
  // The tokenizer's file: "vocab" for a word-level vocabulary, "model" for SentencePiece.
  const char* file_key = "vocab";
  if (c.tokenizer_type == "sentencepiece") {
    if (!sentencepiece_available()) {
      return field_error("tokenizer.type", "sentencepiece: " + sentencepiece_unavailable_reason());
    }
    file_key = "model";
    if (tj.contains("add_bos")) {
      if (!tj["add_bos"].is_boolean()) {
        return field_error("tokenizer.add_bos",
                           std::string("expected true or false, found ") + tj["add_bos"].dump());
      }
      c.add_bos = tj["add_bos"].get<bool>();
    }
  } else if (c.tokenizer_type != "wordlevel") {
    return field_error("tokenizer.type", "expected \"wordlevel\" or \"sentencepiece\"; found \"" +
                                             c.tokenizer_type + "\"");
  }
  if (tj.contains(file_key) && !tj[file_key].is_string()) {
    return field_error(std::string("tokenizer.") + file_key,
                       std::string("expected a file name, found ") + tj[file_key].type_name());
  }
  c.tokenizer_file = tj.value(file_key, "");
  if (c.tokenizer_file.empty()) {
    return field_error(std::string("tokenizer.") + file_key,
                       c.tokenizer_type == "wordlevel"
                           ? "missing (the vocabulary file, e.g. \"vocab.json\")"
                           : "missing (the SentencePiece model file, e.g. \"tokenizer.model\")");
  }
  c.prompt_template = j.value("prompt_template", std::string(kStudyTemplate));
  if (!j.contains("option_token_ids") || !j["option_token_ids"].is_object() ||
      j["option_token_ids"].size() < 2) {
    return field_error("option_token_ids", "missing (e.g. {\"A\": 12, \"B\": 13, ...})");
  }
  for (const auto& [k, v] : j["option_token_ids"].items()) {
    if (k.size() != 1 || k[0] < 'A' || k[0] > 'Z')
      return field_error("option_token_ids", "keys must be letters A-Z; found \"" + k + "\"");
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
      return field_error("option_token_ids",
                         "the id of \"" + k + "\" must be a non-negative integer");
    }
    c.option_token_ids[k[0]] = v.get<std::int64_t>();
  }
  c.pad_token_id = j.value("pad_token_id", std::int64_t{0});
  c.max_new_tokens = j.value("max_new_tokens", 20);
  if (c.max_new_tokens < 1 || c.max_new_tokens > 512)
    return field_error("max_new_tokens", "must lie in 1..512");
  if (j.contains("provenance")) c.provenance = j["provenance"].dump();
  return c;
}

std::string to_json_text(const ModelCard& c) {
  nlohmann::ordered_json j;
  j["name"] = c.name;
  j["file"] = c.file;
  j["modalities"] = c.image ? nlohmann::ordered_json::array({"image", "text"})
                            : nlohmann::ordered_json::array({"text"});
  if (c.image) {
    j["image"] = {{"width", c.preprocess.width},
                  {"height", c.preprocess.height},
                  {"resize", std::string(data::to_string(c.preprocess.mode))},
                  {"channel_order", c.preprocess.bgr ? "BGR" : "RGB"},
                  {"mean", c.preprocess.mean},
                  {"std", c.preprocess.std}};
  }
  if (c.tokenizer_type == "sentencepiece") {
    j["tokenizer"] = {
        {"type", c.tokenizer_type}, {"model", c.tokenizer_file}, {"add_bos", c.add_bos}};
  } else {
    j["tokenizer"] = {{"type", c.tokenizer_type}, {"vocab", c.tokenizer_file}};
  }
  j["prompt_template"] = c.prompt_template;
  nlohmann::ordered_json ids;
  for (const auto& [k, v] : c.option_token_ids)
    ids[std::string(1, k)] = v;
  j["option_token_ids"] = ids;
  j["pad_token_id"] = c.pad_token_id;
  j["max_new_tokens"] = c.max_new_tokens;
  if (!c.provenance.empty())
    j["provenance"] = nlohmann::ordered_json::parse(c.provenance, nullptr, false);
  return j.dump(2);
}

}  // namespace unveil::model
