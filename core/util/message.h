// Messages for people as data: a catalog id and its parameters, said in English by core and in
// the window's language by the UI (ui/app/core_messages.cpp), never parsed back from text.
#pragma once

#include <concepts>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unveil {

/// A message: the id of a template in the catalog (util/message_catalog.cpp) with its parameters
/// (%1, %2, …), or a literal (a file name, a key as written in the file, a number) when `id` is
/// empty. Parameters are messages themselves, so a phrase ("an array of numbers for \"logits\"")
/// can sit inside a sentence ("expected %1 at column %2, found %3") and each is translated.
struct Message {
  std::string id;         ///< catalog id; empty for a literal
  std::string text = {};  ///< the literal, when id is empty
  std::vector<Message> args = {};

  bool empty() const { return id.empty() && text.empty(); }
};

/// A literal: shown as it is, in every language.
inline Message literal(std::string text) {
  return Message{{}, std::move(text), {}};
}

namespace message_detail {
inline Message arg(Message m) {
  return m;
}
inline Message arg(std::string s) {
  return literal(std::move(s));
}
inline Message arg(std::string_view s) {
  return literal(std::string(s));
}
inline Message arg(const char* s) {
  return literal(s);
}
template <std::integral I>
Message arg(I n) {
  return literal(std::to_string(n));
}
}  // namespace message_detail

/// The catalog message `id` with its parameters: messages, strings (literals) or whole numbers.
template <typename... A>
Message message(std::string id, A&&... args) {
  Message m{std::move(id)};
  m.args.reserve(sizeof...(A));
  (m.args.push_back(message_detail::arg(std::forward<A>(args))), ...);
  return m;
}

/// One entry of the catalog: the id and its English template (%1 … %9 for the parameters).
struct MessageTemplate {
  std::string_view id;
  std::string_view english;
};

/// Every message core can say, in English.
std::span<const MessageTemplate> message_catalog();

/// The English template of `id`; empty when the catalog has no such id.
std::string_view english_template(std::string_view id);

/// `text` with %1 … %9 replaced by `args` in one pass (a parameter's own "%1" stays as it is).
std::string fill_template(std::string_view text, std::span<const std::string> args);

/// The message in English. An id missing from the catalog is said as the id with its parameters
/// in brackets, so that nothing is lost.
std::string english(const Message& m);

}  // namespace unveil
