// Image format and dimensions read from the first bytes of a file, without decoding it: the
// pixel-limit check runs on these numbers before a decoder allocates anything.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.h"

namespace unveil::data {

enum class ImageFormat : std::uint8_t { kUnknown, kPng, kJpeg, kBmp, kGif, kWebp };

/// "PNG", "JPEG", "BMP", "GIF", "WebP", "unknown".
std::string_view format_name(ImageFormat format);

/// The format from its signature (magic bytes); kUnknown when none matches.
ImageFormat sniff_format(std::string_view bytes);

struct ImageHeader {
  ImageFormat format = ImageFormat::kUnknown;
  int width = 0;  ///< as stored; JPEG EXIF orientation may swap width and height on display
  int height = 0;
  std::int64_t pixels() const { return std::int64_t{width} * height; }
};

/// Reads format, width and height. Errors (naming `name`): unknown format, a header cut short,
/// or zero/negative dimensions.
Result<ImageHeader> read_image_header(std::string_view bytes, std::string_view name);

/// A cheap structural check that the file is complete, before handing it to a decoder that may
/// "succeed" on a truncated file (libjpeg pads a cut-off scan with grey): PNG must reach its IEND
/// chunk; JPEG must have an end-of-image marker after its first scan; an uncompressed BMP must
/// hold all its rows; WebP/GIF must be as long as their container says.
Status check_complete(std::string_view bytes, const ImageHeader& header, std::string_view name);

}  // namespace unveil::data
