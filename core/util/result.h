// A small value-or-error type for recoverable errors (C++23's std::expected is not in C++20).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "util/message.h"

namespace unveil {

/// A recoverable error: a message that names the file, the item or line, what was expected and
/// what was found.
struct Error {
  std::string message;
  /// The same message as a catalog id and its parameters (util/message.h), when its producer
  /// gave one, so that a front end can say it in its own language; empty otherwise.
  Message detail = {};

  /// An error said by the catalog: `message` is its English.
  static Error from(Message m) {
    std::string text = english(m);
    return Error{std::move(text), std::move(m)};
  }
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation that yields no value.
using Status = Result<std::monostate>;
inline Status ok_status() {
  return Status(std::monostate{});
}

}  // namespace unveil
