// LLaVA evaluation questions (one JSON object per line: question_id, image, text) with an optional
// answers file (question_id plus "answer", "label" or "text").
#include <fstream>
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

std::optional<std::string> id_of(const json& obj) {
  const auto it = obj.find("question_id");
  if (it == obj.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return std::nullopt;
}

// Calls f(line_number, line) for each non-blank line.
template <class F>
void for_each_line(std::string_view text, F f) {
  std::size_t pos = 0, line = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line;
    const std::string_view l = trim(text.substr(pos, nl - pos));
    if (!l.empty()) f(line, l);
    pos = nl + 1;
  }
}

// An empty message when the line nests at most kMaxJsonDepth deep; the problem otherwise.
Message too_deep(std::string_view line) {
  const auto at = json_too_deep_at(line);
  if (at == std::string_view::npos) return {};
  return message("data.too_deep_line", kMaxJsonDepth, at + 1);
}

}  // namespace

Result<Dataset> read_llava_questions_jsonl(const std::filesystem::path& questions,
                                           const std::optional<std::filesystem::path>& answers,
                                           const ReadOptions& options) {
  const std::string qname = questions.string();
  std::unordered_map<std::string, std::string> gold;
  Dataset ds;
  if (answers) {
    auto a = MappedFile::open(*answers);
    if (!a) return a.error();
    const std::string aname = answers->string();
    for_each_line(a->text(), [&](std::size_t line, std::string_view l) {
      const auto problem = [&](Message m) {
        ds.problems.push_back(Problem::from(aname, line_place(line), std::move(m)));
      };
      if (Message deep = too_deep(l); !deep.empty()) {
        problem(std::move(deep));
        return;
      }
      json obj;
      try {
        obj = json::parse(l);
      } catch (const json::parse_error& e) {
        problem(message("data.malformed_json", parse_error_reason(e.what())));
        return;
      }
      const auto id = obj.is_object() ? id_of(obj) : std::nullopt;
      std::optional<std::string> value;
      for (const char* key : {"answer", "label", "text"}) {
        if (obj.is_object() && obj.contains(key) && obj[key].is_string()) {
          value = obj[key].get<std::string>();
          break;
        }
      }
      if (!id || !value) {
        problem(message("data.need_id_and_answer"));
        return;
      }
      gold[*id] = *value;
    });
  }

  auto q = MappedFile::open(questions);
  if (!q) return q.error();
  if (trim(q->text()).empty()) return Error::from(message("data.empty_file", qname));
  const auto root = options.images_dir ? *options.images_dir : questions.parent_path();
  ds.name = questions.stem().string();
  ds.root = (root.empty() ? std::filesystem::path(".") : root).string();
  IdTracker ids;
  std::size_t index = 0;
  for_each_line(q->text(), [&](std::size_t line, std::string_view l) {
    auto problem = [&](Message m) {
      ds.problems.push_back(Problem::from(qname, line_place(line), std::move(m)));
    };
    if (Message deep = too_deep(l); !deep.empty()) {
      problem(std::move(deep));
      return;
    }
    json obj;
    try {
      obj = json::parse(l);
    } catch (const json::parse_error& e) {
      problem(message("data.malformed_json", parse_error_reason(e.what())));
      return;
    }
    if (!obj.is_object()) {
      problem(message("data.expected_json_object", obj.type_name()));
      return;
    }
    const auto id = id_of(obj);
    if (!id) {
      problem(message("data.no_question_id"));
      return;
    }
    if (Message dup = ids.add(*id, index); !dup.empty()) {
      problem(dup);
      return;
    }
    if (!obj.contains("text") || !obj["text"].is_string()) {
      problem(message("data.no_text"));
      return;
    }
    const auto parsed = parse_question(obj["text"].get<std::string>());
    if (!parsed) {
      problem(message("data.no_options_text"));
      return;
    }
    Item item;
    item.id = *id;
    item.source = {qname, line, index};
    item.question = parsed->question;
    item.options = parsed->options;
    item.idk_index = options.idk.find(item.options);
    if (obj.contains("category") && obj["category"].is_string()) {
      item.category = obj["category"].get<std::string>();
    }
    item.split = obj.contains("split") && obj["split"].is_string() ? obj["split"].get<std::string>()
                                                                   : options.default_split;
    if (obj.contains("image") && obj["image"].is_string() &&
        !obj["image"].get<std::string>().empty()) {
      item.image.kind = ImageRef::Kind::kFile;
      item.image.path = obj["image"].get<std::string>();
      if (Message e = check_image_path(root, item.image.path, options.check_images); !e.empty()) {
        problem(e);
        return;
      }
    }
    if (answers) {
      const auto g = gold.find(*id);
      if (g == gold.end()) {
        problem(message("data.no_answer_for", "\"" + *id + "\"", answers->string()));
        return;
      }
      const auto a = parse_answer(g->second, item.options);
      if (a.index < 0) {
        problem(a.detail);
        return;
      }
      item.answer = a.index;
    }
    ++index;
    ds.items.push_back(std::move(item));
  });
  return ds;
}

}  // namespace unveil::data
