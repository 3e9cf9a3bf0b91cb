#include "model/model_card.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "model/prompt.h"
#include "model/sentencepiece_tokenizer.h"
#include "util/json_limits.h"

namespace unveil::model {
namespace {
using nlohmann::json;

// Thrown from the parser's callback; caught in parse_card().
struct CardParseProblem {
  Message said;
};

// Parses a card's text, refusing a key given twice in one object (nlohmann/json would keep the
// last silently: a second "file" could hide behind the first) and nesting deeper than
// kMaxJsonDepth. Messages start with the card's name.
Result<json> parse_card(const std::string& text, const std::string& name) {
  if (const auto at = json_too_deep_at(text); at != std::string::npos) {
    return Error::from(message("card.too_deep", name, kMaxJsonDepth, at + 1));
  }
  // One entry per open object: its keys so far, and the key being read (for the path in
  // messages); lists get an entry too, so that the stack follows the nesting.
  struct Open {
    bool object = false;
    std::set<std::string> keys;
    std::string key;
  };
  std::vector<Open> open;
  const json::parser_callback_t check = [&](int /*depth*/, json::parse_event_t event,
                                            json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        open.push_back({true, {}, {}});
        break;
      case json::parse_event_t::array_start:
        open.push_back({false, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!open.empty()) open.pop_back();
        break;
      case json::parse_event_t::key: {
        if (open.empty() || !parsed.is_string()) break;
        Open& o = open.back();
        o.key = parsed.get<std::string>();
        if (!o.keys.insert(o.key).second) {
          std::string where;
          for (const Open& e : open) {
            if (!e.object) continue;
            where += (where.empty() ? "" : ".") + e.key;
          }
          throw CardParseProblem{message("card.key_twice", name, where)};
        }
        break;
      }
      case json::parse_event_t::value:
        break;
    }
    return true;
  };
  try {
    return json::parse(text, check);
  } catch (const CardParseProblem& p) {
    return Error::from(p.said);
  } catch (const json::exception& e) {
    return Error::from(message("card.malformed", name, e.what()));
  }
}

// True when `p` (absolute, normal) is `dir` (absolute, normal) or lies below it.
bool inside(const std::filesystem::path& dir, const std::filesystem::path& p) {
  auto d = dir.begin(), q = p.begin();
  for (; d != dir.end(); ++d, ++q) {
    if (d->empty()) continue;  // a trailing separator
    if (q == p.end() || *d != *q) return false;
  }
  return true;
}

// An empty message when the TorchScript file `file` names a file in the card's folder `dir` or
// below it; the problem otherwise. Lexical: "../" and absolute paths elsewhere are refused, and a
// link in the folder (a model in a shared cache) is the card writer's choice.
Message model_file_problem(const std::filesystem::path& dir, const std::string& file) {
  namespace fs = std::filesystem;
  if (file.empty()) return message("card.file_empty");
  std::error_code ec;
  const fs::path base = fs::absolute(dir.empty() ? fs::path(".") : dir, ec).lexically_normal();
  const fs::path f{file};
  const fs::path full = (f.is_absolute() ? f : base / f).lexically_normal();
  if (!inside(base, full)) {
    return message("card.file_outside", file, (dir.empty() ? fs::path(".") : dir).string());
  }
  if (full.lexically_relative(base).lexically_normal() == fs::path(".") || !full.has_filename()) {
    return message("card.file_is_folder", file);
  }
  return {};
}

// Reads the whole number in [lo, hi] at `key` of `obj` into `out` (`fallback` when absent);
// returns what was found instead, as JSON text, when it is not one.
std::optional<std::string> whole_number(const json& obj, const char* key, std::int64_t lo,
                                        std::int64_t hi, std::int64_t fallback, std::int64_t& out) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    out = fallback;
    return std::nullopt;
  }
  bool fits = false;
  if (it->is_number_unsigned()) {
    const auto u = it->get<std::uint64_t>();
    fits = lo >= 0 && u >= static_cast<std::uint64_t>(lo) && u <= static_cast<std::uint64_t>(hi);
  } else if (it->is_number_integer()) {
    const auto v = it->get<std::int64_t>();
    fits = v >= lo && v <= hi;
  }
  if (fits) {
    out = it->get<std::int64_t>();
    return std::nullopt;
  }
  return it->dump();
}

// An empty message when `url` is an http(s) URL with a host; the problem otherwise.
Message base_url_problem(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return message("card.url_expected");
  const std::string s = url.substr(0, scheme);
  if (s != "http" && s != "https") return message("card.url_scheme", s);
  const std::string rest = url.substr(scheme + 3);
  if (rest.empty() || rest[0] == '/' || rest[0] == ':') return message("card.url_no_host");
  for (unsigned char ch : url) {
    if (ch <= 0x20 || ch == 0x7f) return message("card.url_space");
  }
  if (url.find('?') != std::string::npos || url.find('#') != std::string::npos) {
    return message("card.url_query");
  }
  return {};
}

bool env_name(const std::string& s) {
  if (s.empty() || !(std::isupper(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (unsigned char ch : s) {
    if (!(std::isupper(ch) || std::isdigit(ch) || ch == '_')) return false;
  }
  return true;
}

}  // namespace

namespace {

// The string member `key` of `obj` into `out` (left as it is when absent and not required); the
// error names the card and the field as `field` ("image.resize").
std::optional<Error> string_field(const json& obj, const std::string& field, const char* key,
                                  bool required, std::string& out, const std::string& card) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    if (!required) return std::nullopt;
    return Error::from(message("card.field", card, field, message("card.missing_string")));
  }
  if (!it->is_string()) {
    return Error::from(
        message("card.field", card, field, message("card.expected_string", it->type_name())));
  }
  out = it->get<std::string>();
  return std::nullopt;
}

// "modalities": a list of "image" and "text" that includes "text". Sets `image`; the problem in
// words otherwise.
std::optional<Message> read_modalities(const json& list, bool& image) {
  if (!list.is_array()) return message("card.modalities_list");
  image = false;
  bool text = false;
  for (const auto& m : list) {
    if (m == "image")
      image = true;
    else if (m == "text")
      text = true;
    else
      return message("card.unknown_modality", m.dump());
  }
  if (!text) return message("card.needs_text");
  return std::nullopt;
}

// The rest of a card whose "backend" is "openai": a server and a model name instead of a file,
// a tokenizer and option ids (a server's tokens are read as letters, docs/MODELS.md).
Result<ModelCard> read_endpoint_card(const json& j, ModelCard c, const std::string& name) {
  auto field_error = [&](const std::string& field, Message what) {
    return Error::from(message("card.field", name, field, std::move(what)));
  };
  for (const char* secret : {"api_key", "key", "token", "authorization"}) {
    if (j.contains(secret)) {
      return field_error(secret, message("card.no_key_in_card"));
    }
  }
  for (const char* unused : {"file", "tokenizer", "option_token_ids", "pad_token_id", "image"}) {
    if (j.contains(unused)) {
      return field_error(unused, message("card.unused_by_openai"));
    }
  }
  auto text = [&](const char* key, bool required, std::string& out) {
    return string_field(j, key, key, required, out, name);
  };
  EndpointSpec& e = c.endpoint;
  if (auto err = text("base_url", true, e.base_url)) return *err;
  while (e.base_url.size() > 1 && e.base_url.back() == '/')
    e.base_url.pop_back();
  if (Message p = base_url_problem(e.base_url); !p.empty()) return field_error("base_url", p);
  if (auto err = text("model", true, e.model)) return *err;
  if (e.model.empty()) return field_error("model", message("card.empty_model_id"));
  c.name = e.model;
  if (auto err = text("name", false, c.name)) return *err;
  if (c.name.empty()) return field_error("name", message("card.empty"));
  if (auto err = text("api_key_env", false, e.api_key_env)) return *err;
  if (!e.api_key_env.empty() && !env_name(e.api_key_env)) {
    return field_error("api_key_env", message("card.env_name"));
  }
  std::int64_t v = 0;
  if (auto found = whole_number(j, "max_concurrency", 1, 256, e.max_concurrency, v))
    return field_error("max_concurrency", message("card.whole_range", 1, 256, *found));
  e.max_concurrency = static_cast<int>(v);
  if (auto found = whole_number(j, "top_logprobs", 1, 1000, e.top_logprobs, v))
    return field_error("top_logprobs", message("card.top_logprobs", *found));
  e.top_logprobs = static_cast<int>(v);
  if (auto found = whole_number(j, "max_retries", 0, 20, e.max_retries, v))
    return field_error("max_retries", message("card.whole_range", 0, 20, *found));
  e.max_retries = static_cast<int>(v);
  if (j.contains("timeout_s")) {
    const json& t = j["timeout_s"];
    if (!t.is_number() || !(t.get<double>() >= 0.1 && t.get<double>() <= 3600)) {
      return field_error("timeout_s", message("card.timeout", t.dump()));
    }
    e.timeout_s = t.get<double>();
  }
  if (auto err = text("image_format", false, e.image_format)) return *err;
  if (e.image_format != "png" && e.image_format != "jpeg") {
    return field_error("image_format", message("card.image_format", e.image_format));
  }
  c.image = true;
  if (j.contains("modalities")) {
    if (auto problem = read_modalities(j["modalities"], c.image))
      return field_error("modalities", *problem);
  }
  c.prompt_template = kStudyTemplate;
  if (auto err = text("prompt_template", false, c.prompt_template)) return *err;
  if (c.prompt_template.empty()) {
    return field_error("prompt_template", message("card.empty_template"));
  }
  if (std::string p = prompt_template_problem(c.prompt_template); !p.empty())
    return field_error("prompt_template", literal(p));
  std::int64_t max_new = 0;
  if (auto found = whole_number(j, "max_new_tokens", 1, kMaxNewTokens, ModelCard{}.max_new_tokens,
                                max_new)) {
    return field_error("max_new_tokens", message("card.whole_range", 1, kMaxNewTokens, *found));
  }
  c.max_new_tokens = static_cast<int>(max_new);
  for (char letter = 'A'; letter <= 'Z'; ++letter)
    c.option_token_ids[letter] = letter - 'A';  // letters only; a server's ids are its own
  if (j.contains("provenance")) c.provenance = j["provenance"].dump();
  return c;
}

}  // namespace

Result<ModelCard> read_model_card(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream f(path, std::ios::binary);
  if (!f) return Error::from(message("card.cannot_open", name));
  const std::string card_text((std::istreambuf_iterator<char>(f)), {});
  if (f.bad()) return Error::from(message("card.cannot_read", name));
  auto parsed = parse_card(card_text, name);
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object()) return Error::from(message("card.not_object", name));
  auto field_error = [&](const std::string& field, Message what) {
    return Error::from(message("card.field", name, field, std::move(what)));
  };
  auto str = [&](const json& obj, const std::string& field, const char* key, bool required,
                 std::string& out) { return string_field(obj, field, key, required, out, name); };
  ModelCard c;
  c.dir = path.parent_path();
  c.card_file = path;
  if (auto e = str(j, "backend", "backend", false, c.backend)) return *e;
  if (c.backend != kBackendTorchScript && c.backend != kBackendOpenAi) {
    return field_error("backend", message("card.backend", c.backend));
  }
  if (c.backend == kBackendOpenAi) return read_endpoint_card(j, std::move(c), name);
  if (auto e = str(j, "name", "name", true, c.name)) return *e;
  if (auto e = str(j, "file", "file", true, c.file)) return *e;
  if (Message e = model_file_problem(c.dir, c.file); !e.empty()) return field_error("file", e);
  if (!j.contains("modalities") || !j["modalities"].is_array()) {
    return field_error("modalities", message("card.modalities_missing"));
  }
  if (auto problem = read_modalities(j["modalities"], c.image))
    return field_error("modalities", *problem);
  if (c.image) {
    if (!j.contains("image") || !j["image"].is_object()) {
      return field_error("image", message("card.image_missing"));
    }
    const json& im = j["image"];
    std::int64_t width = 0, height = 0;
    if (!im.contains("width") || !im.contains("height") ||
        whole_number(im, "width", 1, 4096, 0, width) ||
        whole_number(im, "height", 1, 4096, 0, height)) {
      return field_error("image.width/height", message("card.image_size"));
    }
    c.preprocess.width = static_cast<int>(width);
    c.preprocess.height = static_cast<int>(height);
    std::string resize = "stretch";
    if (auto e = str(im, "image.resize", "resize", false, resize)) return *e;
    const auto mode = data::parse_resize_mode(resize);
    if (!mode) return field_error("image.resize", message("card.resize", resize));
    c.preprocess.mode = *mode;
    std::string order = "RGB";
    if (auto e = str(im, "image.channel_order", "channel_order", false, order)) return *e;
    if (order != "RGB" && order != "BGR")
      return field_error("image.channel_order", message("card.channel_order"));
    c.preprocess.bgr = order == "BGR";
    for (const char* key : {"mean", "std"}) {
      if (!im.contains(key)) continue;
      const json& v = im[key];
      if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() ||
          !v[2].is_number()) {
        return field_error(std::string("image.") + key, message("card.three_numbers"));
      }
      std::array<float, 3> a{v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
      if (!std::isfinite(a[0]) || !std::isfinite(a[1]) || !std::isfinite(a[2])) {
        return field_error(std::string("image.") + key, message("card.three_finite"));
      }
      if (std::string(key) == "std" && (a[0] <= 0 || a[1] <= 0 || a[2] <= 0)) {
        return field_error("image.std", message("card.positive"));
      }
      (std::string(key) == "mean" ? c.preprocess.mean : c.preprocess.std) = a;
    }
  }
  if (!j.contains("tokenizer") || !j["tokenizer"].is_object()) {
    return field_error("tokenizer", message("card.tokenizer_missing"));
  }
  const json& tj = j["tokenizer"];
  if (tj.contains("type") && !tj["type"].is_string()) {
    return field_error("tokenizer.type", message("card.expected_string", tj["type"].type_name()));
  }
  c.tokenizer_type = tj.value("type", "wordlevel");
  // The tokenizer's file: "vocab" for a word-level vocabulary, "model" for SentencePiece.
  const char* file_key = "vocab";
  if (c.tokenizer_type == "sentencepiece") {
    if (!sentencepiece_available()) {
      return field_error("tokenizer.type", message("card.sentencepiece_unavailable",
                                                   sentencepiece_unavailable_reason()));
    }
    file_key = "model";
    if (tj.contains("add_bos")) {
      if (!tj["add_bos"].is_boolean()) {
        return field_error("tokenizer.add_bos",
                           message("card.expected_bool", tj["add_bos"].dump()));
      }
      c.add_bos = tj["add_bos"].get<bool>();
    }
  } else if (c.tokenizer_type != "wordlevel") {
    return field_error("tokenizer.type", message("card.tokenizer_type", c.tokenizer_type));
  }
  if (tj.contains(file_key) && !tj[file_key].is_string()) {
    return field_error(std::string("tokenizer.") + file_key,
                       message("card.expected_file_name", tj[file_key].type_name()));
  }
  c.tokenizer_file = tj.value(file_key, "");
  if (c.tokenizer_file.empty()) {
    return field_error(
        std::string("tokenizer.") + file_key,
        message(c.tokenizer_type == "wordlevel" ? "card.vocab_missing" : "card.spm_missing"));
  }
  c.prompt_template = kStudyTemplate;
  if (auto e = str(j, "prompt_template", "prompt_template", false, c.prompt_template)) return *e;
  if (c.prompt_template.empty()) {
    return field_error("prompt_template", message("card.empty_template"));
  }
  if (std::string e = prompt_template_problem(c.prompt_template); !e.empty())
    return field_error("prompt_template", literal(e));
  if (!j.contains("option_token_ids") || !j["option_token_ids"].is_object() ||
      j["option_token_ids"].size() < 2) {
    return field_error("option_token_ids", message("card.option_ids_missing"));
  }
  for (const auto& [k, v] : j["option_token_ids"].items()) {
    if (k.size() != 1 || k[0] < 'A' || k[0] > 'Z')
      return field_error("option_token_ids", message("card.option_keys", k));
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
      return field_error("option_token_ids", message("card.option_id", k));
    }
    c.option_token_ids[k[0]] = v.get<std::int64_t>();
  }
  if (auto found = whole_number(j, "pad_token_id", 0, std::numeric_limits<std::int64_t>::max(), 0,
                                c.pad_token_id)) {
    return field_error("pad_token_id", message("card.pad", *found));
  }
  std::int64_t max_new = 0;
  if (auto found = whole_number(j, "max_new_tokens", 1, kMaxNewTokens, ModelCard{}.max_new_tokens,
                                max_new)) {
    return field_error("max_new_tokens", message("card.whole_range", 1, kMaxNewTokens, *found));
  }
  c.max_new_tokens = static_cast<int>(max_new);
  if (j.contains("provenance")) c.provenance = j["provenance"].dump();
  return c;
}

std::string to_json_text(const ModelCard& c) {
  nlohmann::ordered_json j;
  if (c.backend == kBackendOpenAi) {
    const EndpointSpec& e = c.endpoint;
    j["backend"] = c.backend;
    j["name"] = c.name;
    j["base_url"] = e.base_url;
    j["model"] = e.model;
    if (!e.api_key_env.empty()) j["api_key_env"] = e.api_key_env;
    j["modalities"] = c.image ? nlohmann::ordered_json::array({"image", "text"})
                              : nlohmann::ordered_json::array({"text"});
    j["max_concurrency"] = e.max_concurrency;
    j["timeout_s"] = e.timeout_s;
    j["top_logprobs"] = e.top_logprobs;
    j["max_retries"] = e.max_retries;
    j["image_format"] = e.image_format;
    if (c.prompt_template != kStudyTemplate) j["prompt_template"] = c.prompt_template;
    j["max_new_tokens"] = c.max_new_tokens;
    if (!c.provenance.empty())
      j["provenance"] = nlohmann::ordered_json::parse(c.provenance, nullptr, false);
    return j.dump(2);
  }
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
