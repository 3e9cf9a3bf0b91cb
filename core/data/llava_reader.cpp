// LLaVA conversation JSON:
//   [{"id", "image": "relative/path.jpg", "conversations": [{"from": "human", "value":
//     "<image>\nQuestion\nA. ...\nE. I don't know"}, {"from": "gpt", "value": "A"}]}]
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "data/question_text.h"
#include "data/reader_common.h"
#include "data/readers.h"
#include "util/json_limits.h"
#include "util/mapped_file.h"

namespace unveil::data {
namespace {

using nlohmann::json;

const char* type_name(const json& j) {
  return j.type_name();
}

std::optional<std::string> string_field(const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return std::nullopt;
}

}  // namespace

Result<Dataset> parse_llava_json(std::string_view text, const std::string& file,
                                 const std::filesystem::path& root, const ReadOptions& options) {
  if (trim(text).empty()) return Error::from(message("data.empty_json_list", file));
  if (const auto at = json_too_deep_at(text); at != std::string_view::npos) {
    return Error::from(
        message("data.too_deep_list", file, kMaxJsonDepth, position_of(text, at + 1)));
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return Error::from(message("data.malformed_json_at", file, position_of(text, e.byte),
                               parse_error_reason(e.what())));
  }
  if (!doc.is_array()) {
    Message found = !doc.is_object()  ? message("data.found_a", type_name(doc))
                    : doc.size() < 20 ? message("data.found_object_keys", keys_of(doc))
                                      : message("data.found_object");
    return Error::from(message("data.not_a_list", file, std::move(found)));
  }
  Dataset ds;
  ds.name = std::filesystem::path(file).stem().string();
  ds.root = root.string();
  ds.items.reserve(doc.size());
  IdTracker ids;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const json& obj = doc[i];
    auto problem = [&](const std::string& id, Message what) {
      ds.problems.push_back(Problem::from(file, item_place(i, id), std::move(what)));
    };
    if (!obj.is_object()) {
      problem("", message("data.expected_object", type_name(obj)));
      continue;
    }
    Item item;
    item.source = {file, 0, i};
    const auto id = string_field(obj, "id");
    item.id = id ? *id : "#" + std::to_string(i + 1);
    if (Message dup = ids.add(item.id, i); !dup.empty()) {
      problem(item.id, dup);
      continue;
    }
    const auto conv = obj.find("conversations");
    if (conv == obj.end() || !conv->is_array() || conv->size() < 2) {
      problem(item.id, message("data.no_conversations"));
      continue;
    }
    const json& human = (*conv)[0];
    const json& answer = (*conv)[1];
    if (!human.is_object() || !human.contains("value") || !human["value"].is_string() ||
        !answer.is_object() || !answer.contains("value") || !answer["value"].is_string()) {
      problem(item.id, message("data.turn_needs_value"));
      continue;
    }
    const auto parsed = parse_question(human["value"].get<std::string>());
    if (!parsed) {
      problem(item.id, message("data.no_options_question"));
      continue;
    }
    item.question = parsed->question;
    item.options = parsed->options;
    const auto ans = parse_answer(answer["value"].get<std::string>(), item.options);
    if (ans.index < 0) {
      problem(item.id, ans.detail);
      continue;
    }
    item.answer = ans.index;
    item.idk_index = options.idk.find(item.options);
    if (const auto h = string_field(obj, "hint"); h && !h->empty()) {
      // The writer puts the hint before the question in the human turn as well: take it off.
      item.hint = *h;
      if (item.question.rfind(*h, 0) == 0)
        item.question = std::string(trim(item.question.substr(h->size())));
    }
    item.category = string_field(obj, "category").value_or("");
    item.split = string_field(obj, "split").value_or(options.default_split);
    if (const auto img = string_field(obj, "image"); img && !img->empty()) {
      item.image.kind = ImageRef::Kind::kFile;
      item.image.path = *img;
      if (Message e = check_image_path(root, item.image.path, options.check_images); !e.empty()) {
        problem(item.id, e);
        continue;
      }
    }
    ds.items.push_back(std::move(item));
  }
  return ds;
}

Result<Dataset> read_llava_json(const std::filesystem::path& file, const ReadOptions& options) {
  auto mapped = MappedFile::open(file);
  if (!mapped) return mapped.error();
  const auto root = options.images_dir ? *options.images_dir : file.parent_path();
  return parse_llava_json(mapped->text(), file.string(), root.empty() ? "." : root, options);
}

}  // namespace unveil::data
