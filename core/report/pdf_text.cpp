#include "report/pdf_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace unveil::report::pdf {
namespace {

// Advance widths (1/1000 of the size) of WinAnsiEncoding codes 32-255, from Adobe's AFM files
// of the standard fonts (Helvetica, Helvetica-Bold: "Core14 AFM files", as distributed with
// groff's devps fonts). Codes the encoding leaves undefined are 0 and never written.
constexpr std::array<std::uint16_t, 224> kHelvetica = {
    278,  278, 355, 556, 556,  889, 667, 191, 333, 333, 389, 584,  278, 333,  278,  278,  556, 556,
    556,  556, 556, 556, 556,  556, 556, 556, 278, 278, 584, 584,  584, 556,  1015, 667,  667, 722,
    722,  667, 611, 778, 722,  278, 500, 667, 556, 833, 722, 778,  667, 778,  722,  667,  611, 722,
    667,  944, 667, 667, 611,  278, 278, 278, 469, 556, 333, 556,  556, 500,  556,  556,  278, 556,
    556,  222, 222, 500, 222,  833, 556, 556, 556, 556, 333, 500,  278, 556,  500,  722,  500, 500,
    500,  334, 260, 334, 584,  0,   556, 0,   222, 556, 333, 1000, 556, 556,  333,  1000, 667, 333,
    1000, 0,   611, 0,   0,    222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500,  333,  944, 0,
    500,  667, 278, 333, 556,  556, 556, 556, 260, 556, 333, 737,  370, 556,  584,  333,  737, 333,
    400,  584, 333, 333, 333,  578, 537, 278, 333, 333, 365, 556,  834, 834,  834,  611,  667, 667,
    667,  667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278,  278, 278,  722,  722,  778, 778,
    778,  778, 778, 584, 778,  722, 722, 722, 722, 667, 667, 611,  556, 556,  556,  556,  556, 556,
    889,  500, 556, 556, 556,  556, 278, 278, 278, 278, 556, 556,  556, 556,  556,  556,  556, 584,
    611,  556, 556, 556, 556,  500, 556, 500};
constexpr std::array<std::uint16_t, 224> kHelveticaBold = {
    278,  333, 474, 556, 556,  889, 722, 238, 333, 333, 389, 584,  278, 333,  278, 278,  556, 556,
    556,  556, 556, 556, 556,  556, 556, 556, 333, 333, 584, 584,  584, 611,  975, 722,  722, 722,
    722,  667, 611, 778, 722,  278, 556, 722, 611, 833, 722, 778,  667, 778,  722, 667,  611, 722,
    667,  944, 667, 667, 611,  333, 278, 333, 584, 556, 333, 556,  611, 556,  611, 556,  333, 611,
    611,  278, 278, 556, 278,  889, 611, 611, 611, 611, 389, 556,  333, 611,  556, 778,  556, 556,
    500,  389, 280, 389, 584,  0,   556, 0,   278, 556, 500, 1000, 556, 556,  333, 1000, 667, 333,
    1000, 0,   611, 0,   0,    278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333,  944, 0,
    500,  667, 278, 333, 556,  556, 556, 556, 280, 556, 333, 737,  370, 556,  584, 333,  737, 333,
    400,  584, 333, 333, 333,  611, 556, 278, 333, 333, 365, 556,  834, 834,  834, 611,  722, 722,
    722,  722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278,  278, 278,  722, 722,  778, 778,
    778,  778, 778, 584, 778,  722, 722, 722, 722, 667, 667, 611,  556, 556,  556, 556,  556, 556,
    889,  556, 556, 556, 556,  556, 278, 278, 278, 278, 611, 611,  611, 611,  611, 611,  611, 584,
    611,  611, 611, 611, 611,  556, 611, 556};

// Windows-1252's codes 0x80-0x9F, by code point.
constexpr std::pair<char32_t, unsigned char> kCp1252[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};

struct Glyph {
  char32_t cp;
  Font font;
  unsigned char code;
  std::uint16_t width;
};

// The glyphs of the Symbol and ZapfDingbats fonts a report may meet, with their AFM widths.
constexpr Glyph kSymbols[] = {
    {0x2212, Font::kSymbol, 0x2D, 549},  {0x0394, Font::kSymbol, 0x44, 612},
    {0x03A3, Font::kSymbol, 0x53, 592},  {0x03B1, Font::kSymbol, 0x61, 631},
    {0x03BC, Font::kSymbol, 0x6D, 576},  {0x03C3, Font::kSymbol, 0x73, 603},
    {0x2264, Font::kSymbol, 0xA3, 549},  {0x221E, Font::kSymbol, 0xA5, 713},
    {0x2190, Font::kSymbol, 0xAC, 987},  {0x2191, Font::kSymbol, 0xAD, 603},
    {0x2192, Font::kSymbol, 0xAE, 987},  {0x2193, Font::kSymbol, 0xAF, 603},
    {0x2265, Font::kSymbol, 0xB3, 549},  {0x2260, Font::kSymbol, 0xB9, 549},
    {0x2248, Font::kSymbol, 0xBB, 549},  {0x2211, Font::kSymbol, 0xE5, 713},
    {0x2713, Font::kDingbat, 0x33, 755}, {0x2714, Font::kDingbat, 0x34, 846},
    {0x2715, Font::kDingbat, 0x35, 762}, {0x2716, Font::kDingbat, 0x36, 761}};

// Decodes one code point at `i` (advancing it); U+FFFD for invalid UTF-8.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 && b < 0xF8 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = b & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

// The Windows-1252 byte of a code point, or 0 when it has none.
unsigned char cp1252(char32_t cp) {
  if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF))
    return static_cast<unsigned char>(cp);
  if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F) return ' ';  // typographic spaces
  if (cp == 0x2010 || cp == 0x2011) return '-';
  for (const auto& [u, b] : kCp1252)
    if (u == cp) return b;
  return 0;
}

void append(std::vector<Run>& runs, Font font, char byte) {
  if (runs.empty() || runs.back().font != font) runs.push_back({font, {}});
  runs.back().bytes += byte;
}

}  // namespace

const char* resource_name(Font font) {
  static const char* const kNames[] = {"/F1", "/F2", "/F3", "/F4", "/F5"};
  return kNames[static_cast<int>(font)];
}

std::vector<Run> encode(std::string_view utf8, Font base) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      append(runs, base, ' ');
      continue;
    }
    if (const unsigned char b = cp1252(cp)) {
      append(runs, base, static_cast<char>(b));
      continue;
    }
    bool found = false;
    for (const Glyph& g : kSymbols) {
      if (g.cp == cp) {
        append(runs, g.font, static_cast<char>(g.code));
        found = true;
        break;
      }
    }
    if (!found) append(runs, base, '?');
  }
  return runs;
}

double width(const Run& run, double size) {
  double units = 0;
  for (const char ch : run.bytes) {
    const auto c = static_cast<unsigned char>(ch);
    switch (run.font) {
      case Font::kRegular:
        units += c >= 32 ? kHelvetica[c - 32] : 0;
        break;
      case Font::kBold:
        units += c >= 32 ? kHelveticaBold[c - 32] : 0;
        break;
      case Font::kMono:
        units += 600;
        break;
      case Font::kSymbol:
      case Font::kDingbat:
        for (const Glyph& g : kSymbols)
          if (g.font == run.font && g.code == c) units += g.width;
        break;
    }
  }
  return units * size / 1000;
}

double width(const std::vector<Run>& runs, double size) {
  double w = 0;
  for (const auto& r : runs)
    w += width(r, size);
  return w;
}

std::string literal(std::string_view bytes) {
  std::string out = "(";
  for (const char c : bytes) {
    if (c == '\\' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string Writer::add_jpeg(std::string bytes, int width, int height) {
  images_.push_back({std::move(bytes), width, height});
  return "/Im" + std::to_string(images_.size() - 1);
}

void Writer::add_page(std::string content) {
  pages_.push_back(std::move(content));
}

void Writer::add_bookmark(std::string title, std::size_t page, double top) {
  bookmarks_.push_back({std::move(title), page, top});
}

namespace {

// A PDF text string (document information) as UTF-16BE in hex, with its byte order mark.
std::string text_string(std::string_view utf8) {
  std::string out = "<FEFF";
  char buf[8];
  const auto unit = [&](unsigned u) {
    std::snprintf(buf, sizeof buf, "%04X", u);
    out += buf;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x110000) cp = 0xFFFD;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out + ">";
}

std::string stream(const std::string& dictionary, std::string_view bytes) {
  return "<< " + dictionary + (dictionary.empty() ? "" : " ") + "/Length " +
         std::to_string(bytes.size()) + " >>\nstream\n" + std::string(bytes) + "\nendstream";
}

}  // namespace

std::string Writer::finish(std::string_view title) const {
  // Objects: 1 catalog, 2 page tree, 3-7 fonts, 8 graphics state, 9 information, then the
  // images, then each page and its content stream, then the outline and its entries.
  std::vector<std::string> objects;
  const std::size_t first_image = 10, first_page = first_image + images_.size();
  const std::size_t outline = first_page + 2 * pages_.size();
  const auto ref = [](std::size_t object) { return std::to_string(object) + " 0 R"; };
  std::string kids;
  for (std::size_t p = 0; p < pages_.size(); ++p)
    kids += (kids.empty() ? "" : " ") + std::to_string(first_page + 2 * p) + " 0 R";
  objects.push_back(bookmarks_.empty() || pages_.empty()
                        ? std::string("<< /Type /Catalog /Pages 2 0 R >>")
                        : "<< /Type /Catalog /Pages 2 0 R /Outlines " + ref(outline) +
                              " /PageMode /UseOutlines >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages_.size()) +
                    " >>");
  for (const char* base : {"Helvetica", "Helvetica-Bold", "Courier"}) {
    objects.push_back(std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + base +
                      " /Encoding /WinAnsiEncoding >>");
  }
  for (const char* base : {"Symbol", "ZapfDingbats"})
    objects.push_back(std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + base + " >>");
  objects.push_back("<< /Type /ExtGState /ca 0.45 >>");
  objects.push_back("<< /Title " + text_string(title) + " /Producer " + text_string("Unveil") +
                    " >>");
  std::string xobjects;
  for (std::size_t i = 0; i < images_.size(); ++i) {
    const Image& im = images_[i];
    objects.push_back(stream("/Type /XObject /Subtype /Image /Width " + std::to_string(im.width) +
                                 " /Height " + std::to_string(im.height) +
                                 " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
                             im.bytes));
    xobjects += "/Im" + std::to_string(i) + " " + std::to_string(first_image + i) + " 0 R ";
  }
  const std::string resources =
      "<< /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R /F5 7 0 R >> /ExtGState << /GS1 8 0 R "
      ">>" +
      (xobjects.empty() ? std::string() : " /XObject << " + xobjects + ">>") + " >>";
  for (std::size_t p = 0; p < pages_.size(); ++p) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageWidth) + " " +
                      num(kPageHeight) + "] /Resources " + resources + " /Contents " +
                      std::to_string(first_page + 2 * p + 1) + " 0 R >>");
    objects.push_back(stream("", pages_[p]));
  }
  if (!bookmarks_.empty() && !pages_.empty()) {
    const std::size_t n = bookmarks_.size();
    objects.push_back("<< /Type /Outlines /First " + ref(outline + 1) + " /Last " +
                      ref(outline + n) + " /Count " + std::to_string(n) + " >>");
    for (std::size_t i = 0; i < n; ++i) {
      const Bookmark& b = bookmarks_[i];
      const std::size_t page = first_page + 2 * std::min(b.page, pages_.size() - 1);
      objects.push_back("<< /Title " + text_string(b.title) + " /Parent " + ref(outline) +
                        (i > 0 ? " /Prev " + ref(outline + i) : std::string()) +
                        (i + 1 < n ? " /Next " + ref(outline + i + 2) : std::string()) +
                        " /Dest [" + ref(page) + " /XYZ 0 " + num(b.top) + " null] >>");
    }
  }

  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char buf[32];
  for (const std::size_t o : offsets) {
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 9 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace unveil::report::pdf
