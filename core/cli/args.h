// A small command-line parser: positional arguments, options with a value, and flags.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "util/result.h"

namespace unveil::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  ///< "--bins" -> "15"
  std::set<std::string> flags;                 ///< "--skip-invalid"

  bool has(const std::string& name) const { return options.count(name) || flags.count(name); }
  std::optional<std::string> get(const std::string& name) const;
};

/// Parses argv (without the program and command names). `--name=value` and `--name value` are
/// both accepted. Unknown options are an error that names them.
Result<Args> parse_args(std::span<const std::string> argv, const std::set<std::string>& with_value,
                        const std::set<std::string>& flags);

/// Integer option in [lo, hi]; an error names the option and what was found.
Result<long long> int_option(const Args& a, const std::string& name, long long fallback,
                             long long lo, long long hi);
/// "1,3,7" -> {1, 3, 7}: positive integers separated by commas, as given to `option` (named in
/// the message).
Result<std::vector<std::int64_t>> id_list(const std::string& list, const std::string& option);
/// "image, text,blank" -> {"image", "text", "blank"}: items separated by commas, trimmed (an empty
/// item stays, for the caller to refuse with its own message).
std::vector<std::string> comma_list(const std::string& list);

}  // namespace unveil::cli
