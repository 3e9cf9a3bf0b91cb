#include "data/reader_common.h"

#include "data/readers.h"

namespace unveil::data {

std::string position_of(std::string_view text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  const std::size_t end = std::min(text.size(), byte > 0 ? byte - 1 : 0);
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::string parse_error_reason(const std::string& what) {
  const auto p = what.find(": ", what.find("parse error"));
  std::string r = p == std::string::npos ? what : what.substr(p + 2);
  if (r.rfind("syntax error while parsing ", 0) == 0) r = r.substr(27);
  return r;
}

std::string keys_of(const nlohmann::json& obj) {
  std::string s;
  for (const auto& [k, v] : obj.items()) {
    if (!s.empty()) s += ", ";
    s += "\"" + k + "\"";
  }
  return s;
}

std::string check_image_path(const std::filesystem::path& root, const std::string& rel,
                             bool check_exists) {
  auto p = resolve_inside(root, rel);
  if (!p) return p.error().message;
  if (check_exists) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*p, ec)) return "image file not found: " + p->string();
  }
  return {};
}

std::string IdTracker::add(const std::string& id, std::size_t index) {
  const auto [it, inserted] = first_.emplace(id, index);
  if (inserted) return {};
  return "duplicate id \"" + id + "\" (first used by item " + std::to_string(it->second + 1) + ")";
}

Result<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                             std::string_view relative) {
  namespace fs = std::filesystem;
  if (relative.empty()) return Error{"empty image path"};
  const fs::path rel{std::string(relative)};
  const fs::path base = fs::absolute(root).lexically_normal();
  const fs::path candidate = (rel.is_absolute() ? rel : base / rel).lexically_normal();
  auto inside = [](const fs::path& dir, const fs::path& p) {
    auto d = dir.begin(), q = p.begin();
    for (; d != dir.end(); ++d, ++q) {
      if (d->empty()) continue;  // a trailing separator
      if (q == p.end() || *d != *q) return false;
    }
    return true;
  };
  if (!inside(base, candidate)) {
    return Error{"image path \"" + std::string(relative) + "\" leaves the dataset folder " +
                 base.string()};
  }
  std::error_code ec;
  if (fs::exists(candidate, ec)) {
    const fs::path real = fs::canonical(candidate, ec);
    const fs::path real_base = fs::canonical(base, ec);
    if (!ec && !inside(real_base, real)) {
      return Error{"image path \"" + std::string(relative) +
                   "\" is a link to a file outside the dataset folder (" + real.string() + ")"};
    }
  }
  return candidate;
}

}  // namespace unveil::data
