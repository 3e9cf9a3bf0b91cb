#include "cli/args.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "data/question_text.h"

namespace unveil::cli {

std::optional<std::string> Args::get(const std::string& name) const {
  const auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Result<Args> parse_args(std::span<const std::string> argv, const std::set<std::string>& with_value,
                        const std::set<std::string>& flags) {
  Args a;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (s.size() < 2 || s.rfind("--", 0) != 0) {
      a.positional.push_back(s);
      continue;
    }
    std::string name = s, value;
    bool inline_value = false;
    if (const auto eq = s.find('='); eq != std::string::npos) {
      name = s.substr(0, eq);
      value = s.substr(eq + 1);
      inline_value = true;
    }
    if (flags.count(name)) {
      if (inline_value) return Error{"option " + name + " takes no value"};
      a.flags.insert(name);
    } else if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) return Error{"option " + name + " needs a value"};
        value = argv[++i];
      }
      a.options[name] = value;
    } else {
      return Error{"unknown option " + name};
    }
  }
  return a;
}

Result<long long> int_option(const Args& a, const std::string& name, long long fallback,
                             long long lo, long long hi) {
  const auto v = a.get(name);
  if (!v) return fallback;
  long long out = 0;
  const auto r = std::from_chars(v->data(), v->data() + v->size(), out);
  if (r.ec != std::errc() || r.ptr != v->data() + v->size() || out < lo || out > hi) {
    return Error{"option " + name + " needs a whole number from " + std::to_string(lo) + " to " +
                 std::to_string(hi) + "; found \"" + *v + "\""};
  }
  return out;
}

Result<std::vector<std::int64_t>> id_list(const std::string& list, const std::string& option) {
  std::vector<std::int64_t> ids;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    const std::string_view part = std::string_view(list).substr(start, end - start);
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() || id < 1) {
      return Error{"option " + option + " needs run ids separated by commas (\"1,3\"); found \"" +
                   std::string(part) + "\" in \"" + list + "\""};
    }
    ids.push_back(id);
    start = end + 1;
  }
  return ids;
}

std::vector<std::string> comma_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    out.emplace_back(data::trim(std::string_view(list).substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

}  // namespace unveil::cli
