// The low level of the PDF reports: text in the PDF standard fonts (no font files embedded) and
// the assembly of a PDF file from page content streams and JPEG images (ISO 32000-1). Internal
// to core/report; pdf_render.cpp lays a report out with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace unveil::report::pdf {

/// The fonts every report uses; their resource names are /F1 ... /F5 in that order.
enum class Font {
  kRegular,  ///< Helvetica
  kBold,     ///< Helvetica-Bold
  kMono,     ///< Courier
  kSymbol,   ///< Symbol: arrows, relations, a few Greek letters
  kDingbat,  ///< ZapfDingbats: check marks
};

const char* resource_name(Font font);

/// A piece of text in one font, as the bytes of that font's encoding.
struct Run {
  Font font;
  std::string bytes;
};

/// UTF-8 text as runs: Windows-1252 (the PDF's WinAnsiEncoding) in `base` for what it holds,
/// Symbol and ZapfDingbats for the arrows, relations, Greek letters and check marks they have,
/// '?' for anything else (and for invalid UTF-8). Control characters become spaces.
std::vector<Run> encode(std::string_view utf8, Font base);

/// Width of the bytes of one run at `size` points.
double width(const Run& run, double size);
double width(const std::vector<Run>& runs, double size);

/// A PDF string literal of the bytes: "(...)" with \, ( and ) escaped.
std::string literal(std::string_view bytes);

/// A number for a content stream: at most 2 decimals, no exponent, no "-0".
std::string num(double v);

/// Collects the pages and images of one file.
class Writer {
 public:
  /// A baseline JPEG with 3 components; returns its resource name ("/Im0", ...).
  std::string add_jpeg(std::string bytes, int width, int height);
  /// One A4 page (595.28 x 841.89 points) drawn by `content`; the fonts, images and the graphics
  /// state /GS1 (fill opacity 0.45) are its resources.
  void add_page(std::string content);
  std::size_t pages() const { return pages_.size(); }
  /// An entry of the document outline (the viewer's bookmarks), in order: `title` opens page
  /// `page` (0-based, of the pages added) at `top` points from the page's bottom.
  void add_bookmark(std::string title, std::size_t page, double top);
  /// The file, with `title` in its document information.
  std::string finish(std::string_view title) const;

 private:
  struct Image {
    std::string bytes;
    int width, height;
  };
  struct Bookmark {
    std::string title;
    std::size_t page;
    double top;
  };
  std::vector<Image> images_;
  std::vector<std::string> pages_;
  std::vector<Bookmark> bookmarks_;
};

inline constexpr double kPageWidth = 595.28, kPageHeight = 841.89;

}  // namespace unveil::report::pdf
