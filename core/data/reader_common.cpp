#include "data/reader_common.h"

#include <cstdint>
#include <exception>
#include <unordered_map>

#include "data/readers.h"
#include "util/parallel.h"

namespace unveil::data {

Message position_of(std::string_view text, std::size_t byte) {
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
  return message("place.line_column", line, col);
}

Message item_place(std::size_t index, const std::string& id) {
  Message item = message("place.item", index + 1);
  if (id.empty()) return item;
  return message("place.with_id", std::move(item), "\"" + id + "\"");
}

Message line_place(std::size_t line) {
  return message("place.line", line);
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

Message check_image_path(const std::filesystem::path& root, std::string& rel, bool check_exists) {
  auto p = resolve_inside(root, rel);
  if (!p) return p.error().detail;
  // An absolute path inside the folder is kept relative to it, as every later use (a run, a
  // report, a project moved to another machine) expects.
  if (std::filesystem::path(rel).is_absolute()) {
    rel = p->lexically_relative(std::filesystem::absolute(root).lexically_normal()).string();
  }
  if (check_exists) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*p, ec)) {
      return message("data.image_not_found", p->string());
    }
  }
  return {};
}

Message IdTracker::add(const std::string& id, std::size_t index) {
  const auto [it, inserted] = first_.emplace(id, index);
  if (inserted) return {};
  return message("data.duplicate_id", "\"" + id + "\"", it->second + 1);
}

Result<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                             std::string_view relative) {
  namespace fs = std::filesystem;
  if (relative.empty()) return Error::from(message("data.empty_image_path"));
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
    return Error::from(
        message("data.image_leaves_folder", "\"" + std::string(relative) + "\"", base.string()));
  }
  std::error_code ec;
  if (fs::exists(candidate, ec)) {
    const fs::path real = fs::canonical(candidate, ec);
    const fs::path real_base = fs::canonical(base, ec);
    if (!ec && !inside(real_base, real)) {
      return Error::from(
          message("data.image_link_outside", "\"" + std::string(relative) + "\"", real.string()));
    }
  }
  return candidate;
}

std::string no_items_problem(const Dataset& dataset, const std::filesystem::path& file) {
  if (!dataset.items.empty()) return {};
  if (dataset.problems.empty()) return file.string() + ": the file holds no items";
  const Problem& first = dataset.problems.front();
  const std::size_t n = dataset.problems.size();
  return file.string() + ": no item could be read (" + std::to_string(n) +
         (n == 1 ? " problem" : " problems") +
         "; the first: " + (first.file == file.string() ? "" : first.file + ": ") + first.where +
         ": " + first.message + ")";
}

namespace {

Message item_place(const Item& item) {
  Message w = item.source.line > 0 ? line_place(item.source.line)
                                   : message("place.item", item.source.index + 1);
  if (item.id.empty()) return w;
  return message("place.with_id", std::move(w), "\"" + item.id + "\"");
}

}  // namespace

std::vector<Problem> check_images_decode(const Dataset& dataset, const DecodeLimits& limits) {
  // The distinct images: a file named by several items, or one embedded image shared by several
  // rows, is decoded once.
  struct Task {
    const Item* first = nullptr;  // the first item that uses it
    std::filesystem::path file;   // kFile: resolved; empty for embedded bytes
    Message error;                // empty when it decodes
  };
  std::vector<Task> tasks;
  std::vector<std::size_t> task_of(dataset.items.size(), SIZE_MAX);
  std::unordered_map<std::string, std::size_t> by_file;
  std::unordered_map<std::string_view, std::size_t> by_bytes;
  const std::filesystem::path root = dataset.root.empty() ? "." : dataset.root;
  std::vector<std::pair<std::size_t, Message>> path_errors;
  for (std::size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    if (item.image.kind == ImageRef::Kind::kFile) {
      auto path = resolve_inside(root, item.image.path);
      if (!path) {
        path_errors.emplace_back(
            i, path.error().detail.empty() ? literal(path.error().message) : path.error().detail);
        continue;
      }
      const auto [it, added] = by_file.emplace(path->string(), tasks.size());
      if (added) tasks.push_back({&item, *path, {}});
      task_of[i] = it->second;
    } else if (item.image.kind == ImageRef::Kind::kEmbedded) {
      const auto [it, added] = by_bytes.emplace(item.image.bytes, tasks.size());
      if (added) tasks.push_back({&item, {}, {}});
      task_of[i] = it->second;
    }
  }
  parallel_chunks(tasks.size(), 1, [&](int, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      Task& t = tasks[k];
      const Message named = t.file.empty() ? message("data.embedded_image_of", item_place(*t.first))
                                           : literal(t.file.string());
      const std::string name = english(named);
      try {
        Result<RgbImage> image = t.file.empty() ? decode_image(t.first->image.bytes, name, limits)
                                                : load_image_file(t.file, limits);
        if (!image) {
          t.error =
              image.error().detail.empty() ? literal(image.error().message) : image.error().detail;
        }
      } catch (const std::exception& e) {  // bad_alloc reading a file: must not leave the thread
        t.error = message("data.where_what", named, e.what());
      }
    }
  });
  std::vector<Problem> problems;
  std::size_t next_path_error = 0;
  for (std::size_t i = 0; i < dataset.items.size(); ++i) {
    const Item& item = dataset.items[i];
    Message why;
    if (next_path_error < path_errors.size() && path_errors[next_path_error].first == i) {
      why = path_errors[next_path_error++].second;
    } else if (task_of[i] != SIZE_MAX && !tasks[task_of[i]].error.empty()) {
      why = tasks[task_of[i]].error;
    } else {
      continue;
    }
    problems.push_back(Problem::from(item.source.file.empty() ? dataset.name : item.source.file,
                                     item_place(item),
                                     message("data.cannot_decode", std::move(why))));
  }
  return problems;
}

}  // namespace unveil::data
