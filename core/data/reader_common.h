// Pieces shared by the dataset readers (internal to core/data).
#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/message.h"

namespace unveil::data {

/// "line L, column C" of a 1-based byte offset into text.
Message position_of(std::string_view text, std::size_t byte);

/// "item 17 (id \"q17\")": an item by its 0-based index, with its id when it has one.
Message item_place(std::size_t index, const std::string& id);
/// "line 9".
Message line_place(std::size_t line);

/// The human part of nlohmann's parse-error text (after "parse error at ...: ").
std::string parse_error_reason(const std::string& what);

/// "\"a\", \"b\"" - the keys of an object, for messages.
std::string keys_of(const nlohmann::json& obj);

/// An empty message when the image path is acceptable, else the problem (escapes the root, missing
/// file). An absolute path inside the root is rewritten relative to it.
Message check_image_path(const std::filesystem::path& root, std::string& rel, bool check_exists);

/// Detects duplicate ids: add() returns an empty message, or the problem for a repeated id.
class IdTracker {
 public:
  Message add(const std::string& id, std::size_t index);

 private:
  std::unordered_map<std::string, std::size_t> first_;
};

}  // namespace unveil::data
