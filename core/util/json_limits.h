// How deep JSON text may nest before Unveil refuses it, checked before any parser builds it.
#pragma once

#include <cstddef>
#include <string_view>

namespace unveil {

/// The deepest nesting of JSON lists and objects read from a file (a dataset, a model card, a
/// line of JSONL). Real files nest a few levels; 200,000 `[` would only exhaust the stack or the
/// memory of whatever walks the parsed value.
inline constexpr std::size_t kMaxJsonDepth = 512;

/// The 0-based byte offset of the first `[` or `{` that opens level `limit` + 1, outside strings;
/// npos when the text nests at most `limit` deep. Linear, no allocation; it does not check that
/// the text is JSON otherwise.
inline std::size_t json_too_deep_at(std::string_view text, std::size_t limit = kMaxJsonDepth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character, a quote included
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace unveil
