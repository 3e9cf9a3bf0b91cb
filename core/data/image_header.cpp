#include "data/image_header.h"

#include <algorithm>
#include <limits>

namespace unveil::data {
namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 8) |
         std::uint32_t{static_cast<unsigned char>(b[at + 1])};
}
std::uint32_t be32(std::string_view b, std::size_t at) {
  return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
  return std::uint32_t{static_cast<unsigned char>(b[at])} |
         (std::uint32_t{static_cast<unsigned char>(b[at + 1])} << 8);
}
std::uint32_t le24(std::string_view b, std::size_t at) {
  return le16(b, at) | (std::uint32_t{static_cast<unsigned char>(b[at + 2])} << 16);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return le16(b, at) | (le16(b, at + 2) << 16);
}
std::uint8_t byte_at(std::string_view b, std::size_t at) {
  return static_cast<std::uint8_t>(b[at]);
}

std::string hex_byte(std::uint8_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[v >> 4] + kHex[v & 15];
}

Error corrupt(std::string_view name, ImageFormat f, const std::string& what) {
  return Error::from(message("image.corrupt", name, format_name(f), what));
}

Error too_short(std::string_view name, ImageFormat f, std::size_t need, std::size_t have) {
  return corrupt(name, f,
                 "expected a header of at least " + std::to_string(need) + " bytes, found " +
                     std::to_string(have) + " bytes");
}

Result<ImageHeader> make_header(std::string_view name, ImageFormat f, std::int64_t w,
                                std::int64_t h) {
  constexpr std::int64_t kMax = std::numeric_limits<int>::max();
  if (w <= 0 || h <= 0 || w > kMax || h > kMax) {
    return corrupt(
        name, f,
        "expected positive dimensions, found " + std::to_string(w) + "x" + std::to_string(h));
  }
  return ImageHeader{f, static_cast<int>(w), static_cast<int>(h)};
}

bool is_jpeg_sof(std::uint8_t m) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}
bool is_jpeg_standalone(std::uint8_t m) {
  return m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7);
}

/// Walks JPEG marker segments from the start of the image until `stop(marker)` is true. Returns
/// the offset of that marker's 0xFF, or an error.
template <typename Stop>
Result<std::size_t> walk_jpeg(std::string_view b, std::string_view name,
                              std::string_view looking_for, Stop stop) {
  constexpr ImageFormat f = ImageFormat::kJpeg;
  std::size_t p = 2;
  while (true) {
    if (p >= b.size())
      return corrupt(name, f,
                     "the file ends at offset " + std::to_string(p) + " before the image data");
    if (byte_at(b, p) != 0xFF) {
      return corrupt(name, f,
                     "expected a marker (0xFF) at offset " + std::to_string(p) + ", found " +
                         hex_byte(byte_at(b, p)));
    }
    std::size_t q = p + 1;
    while (q < b.size() && byte_at(b, q) == 0xFF)
      ++q;  // fill bytes
    if (q >= b.size())
      return corrupt(name, f, "the file ends inside a marker at offset " + std::to_string(p));
    const std::uint8_t m = byte_at(b, q);
    if (stop(m)) return q - 1;
    if (m == 0xD9 || m == 0xDA) {
      return corrupt(name, f,
                     "expected " + std::string(looking_for) + " before " +
                         std::string(m == 0xD9 ? "the end-of-image marker" : "the first scan") +
                         " at offset " + std::to_string(q - 1));
    }
    if (is_jpeg_standalone(m)) {
      p = q + 1;
      continue;
    }
    if (q + 3 > b.size())
      return corrupt(name, f,
                     "the file ends inside the segment at offset " + std::to_string(q - 1));
    const std::uint32_t len = be16(b, q + 1);
    if (len < 2) {
      return corrupt(name, f,
                     "segment " + hex_byte(m) + " at offset " + std::to_string(q - 1) +
                         " has length " + std::to_string(len) + ", expected at least 2");
    }
    p = q + 1 + len;
  }
}

Result<ImageHeader> jpeg_header(std::string_view b, std::string_view name) {
  constexpr ImageFormat f = ImageFormat::kJpeg;
  auto sof = walk_jpeg(b, name, "a frame header (SOF)", is_jpeg_sof);
  if (!sof) return sof.error();
  const std::size_t p = *sof;  // FF, marker, length(2), precision, height(2), width(2)
  if (p + 9 > b.size()) return too_short(name, f, p + 9, b.size());
  const std::uint32_t h = be16(b, p + 5);
  const std::uint32_t w = be16(b, p + 7);
  if (h == 0) {
    return corrupt(name, f,
                   "the frame header gives height 0 (height from a DNL marker is not supported)");
  }
  return make_header(name, f, w, h);
}

Result<ImageHeader> png_header(std::string_view b, std::string_view name) {
  constexpr ImageFormat f = ImageFormat::kPng;
  if (b.size() < 24) return too_short(name, f, 24, b.size());
  if (b.substr(12, 4) != "IHDR") {
    return corrupt(
        name, f,
        "expected the IHDR chunk at offset 8, found '" + std::string(b.substr(12, 4)) + "'");
  }
  return make_header(name, f, be32(b, 16), be32(b, 20));
}

Result<ImageHeader> bmp_header(std::string_view b, std::string_view name) {
  constexpr ImageFormat f = ImageFormat::kBmp;
  if (b.size() < 26) return too_short(name, f, 26, b.size());
  const std::uint32_t dib = le32(b, 14);
  if (dib == 12) return make_header(name, f, le16(b, 18), le16(b, 20));  // BITMAPCOREHEADER
  if (dib < 16) return corrupt(name, f, "unknown DIB header size " + std::to_string(dib));
  const auto w = static_cast<std::int32_t>(le32(b, 18));
  const auto h = static_cast<std::int32_t>(le32(b, 22));  // negative: rows stored top-down
  return make_header(name, f, w, h < 0 ? -std::int64_t{h} : std::int64_t{h});
}

Result<ImageHeader> gif_header(std::string_view b, std::string_view name) {
  constexpr ImageFormat f = ImageFormat::kGif;
  if (b.size() < 10) return too_short(name, f, 10, b.size());
  return make_header(name, f, le16(b, 6), le16(b, 8));
}

Result<ImageHeader> webp_header(std::string_view b, std::string_view name) {
  constexpr ImageFormat f = ImageFormat::kWebp;
  if (b.size() < 30) return too_short(name, f, 30, b.size());
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {  // lossy: frame tag (3), start code 9D 01 2A, 14-bit width and height
    if (byte_at(b, 23) != 0x9D || byte_at(b, 24) != 0x01 || byte_at(b, 25) != 0x2A) {
      return corrupt(name, f, "expected the VP8 start code 9D 01 2A at offset 23");
    }
    return make_header(name, f, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
  }
  if (chunk == "VP8L") {  // lossless: signature 0x2F, then 14 bits each of width-1, height-1
    if (byte_at(b, 20) != 0x2F)
      return corrupt(name, f, "expected the VP8L signature 0x2F at offset 20");
    const std::uint32_t bits = le32(b, 21);
    return make_header(name, f, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") {  // extended: flags (4), then 24 bits each of canvas width-1, height-1
    return make_header(name, f, std::int64_t{le24(b, 24)} + 1, std::int64_t{le24(b, 27)} + 1);
  }
  return corrupt(
      name, f,
      "expected a VP8, VP8L or VP8X chunk at offset 12, found '" + std::string(chunk) + "'");
}

}  // namespace

std::string_view format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::kPng:
      return "PNG";
    case ImageFormat::kJpeg:
      return "JPEG";
    case ImageFormat::kBmp:
      return "BMP";
    case ImageFormat::kGif:
      return "GIF";
    case ImageFormat::kWebp:
      return "WebP";
    case ImageFormat::kUnknown:
      break;
  }
  return "unknown";
}

ImageFormat sniff_format(std::string_view b) {
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return ImageFormat::kPng;
  if (b.size() >= 3 && byte_at(b, 0) == 0xFF && byte_at(b, 1) == 0xD8 && byte_at(b, 2) == 0xFF) {
    return ImageFormat::kJpeg;
  }
  if (b.starts_with("BM")) return ImageFormat::kBmp;
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return ImageFormat::kGif;
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP")
    return ImageFormat::kWebp;
  return ImageFormat::kUnknown;
}

Result<ImageHeader> read_image_header(std::string_view bytes, std::string_view name) {
  switch (sniff_format(bytes)) {
    case ImageFormat::kPng:
      return png_header(bytes, name);
    case ImageFormat::kJpeg:
      return jpeg_header(bytes, name);
    case ImageFormat::kBmp:
      return bmp_header(bytes, name);
    case ImageFormat::kGif:
      return gif_header(bytes, name);
    case ImageFormat::kWebp:
      return webp_header(bytes, name);
    case ImageFormat::kUnknown:
      break;
  }
  if (bytes.empty()) return Error::from(message("image.empty", name));
  std::string first;
  for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 4); ++i)
    first += (i ? " " : "") + hex_byte(byte_at(bytes, i));
  return Error::from(message("image.unknown_format", name, first));
}

Status check_complete(std::string_view b, const ImageHeader& header, std::string_view name) {
  const ImageFormat f = header.format;
  switch (f) {
    case ImageFormat::kPng: {
      std::size_t p = 8;
      while (true) {
        if (p + 12 > b.size()) {
          return corrupt(
              name, f,
              "expected the IEND chunk, the file ends at offset " + std::to_string(b.size()));
        }
        const std::uint64_t len = be32(b, p);
        const std::string_view type = b.substr(p + 4, 4);
        if (type == "IEND") return ok_status();
        if (len > 0x7FFFFFFFu || p + 12 + len > b.size()) {
          return corrupt(name, f,
                         "chunk '" + std::string(type) + "' at offset " + std::to_string(p) +
                             " claims " + std::to_string(len) + " bytes, the file ends " +
                             std::to_string(b.size() - p - 8) + " bytes after its header");
        }
        p += 12 + static_cast<std::size_t>(len);
      }
    }
    case ImageFormat::kJpeg: {
      auto sos = walk_jpeg(b, name, "a scan (SOS)", [](std::uint8_t m) { return m == 0xDA; });
      if (!sos) return sos.error();
      // In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 after
      // the first scan is the real end of image (an EXIF thumbnail's EOI comes before it).
      if (b.find("\xFF\xD9", *sos) == std::string_view::npos) {
        return corrupt(name, f,
                       "expected an end-of-image marker after the scan data at offset " +
                           std::to_string(*sos) + ", the file ends first");
      }
      return ok_status();
    }
    case ImageFormat::kBmp: {
      if (b.size() < 30) return too_short(name, f, 30, b.size());
      const std::uint32_t dib = le32(b, 14);
      const std::uint64_t offset = le32(b, 10);
      const std::uint32_t bpp = dib == 12 ? le16(b, 24) : le16(b, 28);
      std::uint32_t compression = 0;
      if (dib >= 40) {
        if (b.size() < 34) return too_short(name, f, 34, b.size());
        compression = le32(b, 30);
      }
      if (compression != 0 && compression != 3 && compression != 6) return ok_status();  // RLE...
      const std::uint64_t row = (std::uint64_t{bpp} * header.width + 31) / 32 * 4;
      const std::uint64_t need = offset + row * static_cast<std::uint64_t>(header.height);
      if (need > b.size()) {
        return corrupt(name, f,
                       "expected " + std::to_string(need) + " bytes for " +
                           std::to_string(header.width) + "x" + std::to_string(header.height) +
                           " pixels at " + std::to_string(bpp) + " bits, found " +
                           std::to_string(b.size()));
      }
      return ok_status();
    }
    case ImageFormat::kWebp: {
      const std::uint64_t need = std::uint64_t{le32(b, 4)} + 8;
      if (need > b.size()) {
        return corrupt(name, f,
                       "the RIFF header claims " + std::to_string(need) + " bytes, found " +
                           std::to_string(b.size()));
      }
      return ok_status();
    }
    case ImageFormat::kGif:
    case ImageFormat::kUnknown:
      break;
  }
  return ok_status();
}

}  // namespace unveil::data
