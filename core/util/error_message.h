// An error as a message parameter: what lets one error sit inside another's sentence ("item
// \"q7\": %2") and still be said in the window's language (util/message.h).
#pragma once

#include <cerrno>
#include <cstring>

#include "util/result.h"

namespace unveil {

/// The error's catalog message, or its English as a literal when its producer gave no id.
inline Message as_message(const Error& e) {
  return e.detail.empty() ? literal(e.message) : e.detail;
}

/// `prefix: error`, each part said in the reader's language ("place.prefix" in the catalog).
inline Error prefixed(Message prefix, const Error& e) {
  return Error::from(message("place.prefix", std::move(prefix), as_message(e)));
}

/// The system's reason for a failed open or read (an errno value): the common ones from the
/// catalog (said as strerror says them in English), the rest as the system says them.
inline Message system_reason(int error) {
  switch (error) {
    case ENOENT:
      return message("file.no_such_file");
    case EACCES:
      return message("file.permission_denied");
    default:
      return literal(std::strerror(error));
  }
}

}  // namespace unveil
