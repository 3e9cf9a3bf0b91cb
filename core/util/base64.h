// Base64 (RFC 4648, standard alphabet), for images embedded in MMBench-style TSV files.
#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace unveil {

/// Decodes `text`. ASCII whitespace (space, tab, CR, LF, FF, VT) anywhere is skipped, as in
/// line-wrapped MIME base64. Padding is optional, but where present it must be correct ('=' only at
/// the end, making a multiple of 4). A character outside the alphabet, or a length that cannot be
/// base64, is an error naming `what` (e.g. "data.tsv, line 9, column image") and the offending
/// position.
Result<std::string> base64_decode(std::string_view text, std::string_view what = "base64 text");

/// Encodes with padding and without line breaks.
std::string base64_encode(std::string_view bytes);

}  // namespace unveil
