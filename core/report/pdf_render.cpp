// A report document (report_doc.h) laid out on A4 pages: one column, text wrapped by the widths
// of the PDF standard fonts, tables sized to their contents (and set smaller when wide), figures
// two to a row drawn as vector paths (the same drawing as the HTML's SVG: plot_canvas.h),
// failure cases as cards with their thumbnails, nothing split that should stay whole (a heading
// from what follows it, a table row, a figure, a card). Footer: the title and "page i of n".
#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/pdf_text.h"
#include "report/report_doc.h"

namespace unveil::report {
namespace {

using pdf::Font;
using pdf::Run;

struct Colour {
  double r = 0, g = 0, b = 0;
};

constexpr Colour hex(unsigned v) {
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

constexpr Colour kInk = hex(0x1d2330), kGrey = hex(0x5a6272), kRule = hex(0xd5d9e0),
                 kShade = hex(0xf3f6fb), kCodeShade = hex(0xf6f7f9), kAccent = hex(0x3366cc),
                 kRed = hex(0xb52b27), kGreen = hex(0x1f7a3a);

constexpr double kLeft = 56, kRight = pdf::kPageWidth - 56, kTop = 56,
                 kBottom = pdf::kPageHeight - 64, kWidth = kRight - kLeft;

std::string fill_colour(Colour c) {
  return pdf::num(c.r) + " " + pdf::num(c.g) + " " + pdf::num(c.b) + " rg ";
}
std::string stroke_colour(Colour c) {
  return pdf::num(c.r) + " " + pdf::num(c.g) + " " + pdf::num(c.b) + " RG ";
}

// The page's y (points from the bottom) of a distance from the top.
double page_y(double y) {
  return pdf::kPageHeight - y;
}

// A text style: size, the font of plain text, its colour.
struct Style {
  double size = 10;
  Font font = Font::kRegular;
  Colour colour = kInk;
  double leading() const { return size * 1.4; }
};

// A word in one font and colour, and whether a space or a line break comes before it.
struct Word {
  std::vector<Run> runs;
  double width = 0;
  Colour colour;
  bool space_before = false, break_before = false;
};

struct Line {
  std::vector<Word> words;
  double width = 0;
};

std::vector<Word> words(const std::vector<Span>& spans, const Style& st) {
  std::vector<Word> out;
  bool space = false, line_break = false;
  for (const Span& span : spans) {
    const bool bold = span.tone != Tone::kNormal;
    const Font font = bold ? Font::kBold : st.font;
    const Colour colour = span.tone == Tone::kChosen ? kRed
                          : span.tone == Tone::kGold ? kGreen
                                                     : st.colour;
    std::string word;
    const auto flush = [&] {
      if (word.empty()) return;
      Word w{pdf::encode(word, font), 0, colour, space, line_break};
      w.width = pdf::width(w.runs, st.size);
      out.push_back(std::move(w));
      word.clear();
      space = line_break = false;
    };
    for (const char c : span.text) {
      if (c == ' ' || c == '\t' || c == '\n') {
        flush();
        space = true;
        if (c == '\n') line_break = true;
      } else {
        word += c;
      }
    }
    flush();
  }
  return out;
}

// A word wider than `max` cut into pieces that fit (at byte boundaries of its runs).
std::vector<Word> cut(const Word& w, double max, double size) {
  std::vector<Word> pieces;
  Word piece{{}, 0, w.colour, w.space_before, w.break_before};
  for (const Run& r : w.runs) {
    for (const char c : r.bytes) {
      const double cw = pdf::width(Run{r.font, std::string(1, c)}, size);
      if (piece.width + cw > max && piece.width > 0) {
        pieces.push_back(std::move(piece));
        piece = Word{{}, 0, w.colour, false, false};
      }
      if (piece.runs.empty() || piece.runs.back().font != r.font)
        piece.runs.push_back({r.font, {}});
      piece.runs.back().bytes += c;
      piece.width += cw;
    }
  }
  if (!piece.runs.empty()) pieces.push_back(std::move(piece));
  return pieces;
}

std::vector<Line> wrap(const std::vector<Span>& spans, const Style& st, double max) {
  std::vector<Line> lines(1);
  const double space = pdf::width(Run{st.font, " "}, st.size);
  for (const Word& original : words(spans, st)) {
    for (Word& w :
         original.width > max + 1e-6 ? cut(original, max, st.size) : std::vector<Word>{original}) {
      Line& line = lines.back();
      const double before = line.words.empty() || !w.space_before ? 0 : space;
      // (A hair of tolerance: a line measured whole and word by word may differ in the last bit.)
      if (!line.words.empty() && (w.break_before || line.width + before + w.width > max + 1e-6)) {
        lines.emplace_back();
        lines.back().words.push_back(w);
        lines.back().width = w.width;
        continue;
      }
      line.width += before + w.width;
      line.words.push_back(std::move(w));
    }
  }
  return lines;
}

std::vector<Span> plain(const std::string& text) {
  return {Span{text}};
}

// The pages being drawn, in coordinates from the top left of the page.
class Layout {
 public:
  pdf::Writer writer;
  double y = kTop;

  // Starts a new page when `height` does not fit below; on a fresh page everything fits.
  bool ensure(double height) {
    if (y + height <= kBottom || blank_) return false;
    new_page();
    return true;
  }
  void new_page() {
    pages_.push_back(std::move(content_));
    content_.clear();
    y = kTop;
    blank_ = true;
  }
  void draw(const std::string& ops) {
    content_ += ops;
    blank_ = false;
  }

  void text(double x, double baseline, const std::vector<Run>& runs, double size, Colour c) {
    std::string s = "BT " + fill_colour(c);
    s += "1 0 0 1 " + pdf::num(x) + " " + pdf::num(page_y(baseline)) + " Tm ";
    for (const Run& r : runs)
      s += std::string(pdf::resource_name(r.font)) + " " + pdf::num(size) + " Tf " +
           pdf::literal(r.bytes) + " Tj ";
    draw(s + "ET\n");
  }
  void fill(double x, double top, double w, double h, Colour c) {
    draw(fill_colour(c) + pdf::num(x) + " " + pdf::num(page_y(top + h)) + " " + pdf::num(w) + " " +
         pdf::num(h) + " re f\n");
  }
  void frame(double x, double top, double w, double h, Colour c, double line_width = 0.6) {
    draw(stroke_colour(c) + pdf::num(line_width) + " w " + pdf::num(x) + " " +
         pdf::num(page_y(top + h)) + " " + pdf::num(w) + " " + pdf::num(h) + " re S\n");
  }
  void rule(double x1, double x2, double at, Colour c, double line_width = 0.6) {
    draw(stroke_colour(c) + pdf::num(line_width) + " w " + pdf::num(x1) + " " +
         pdf::num(page_y(at)) + " m " + pdf::num(x2) + " " + pdf::num(page_y(at)) + " l S\n");
  }

  // Lines of wrapped text from `x`, the first baseline one ascent below `top`; returns the
  // height used. `right` aligns each line's end to x + max instead.
  double lines(const std::vector<Line>& ls, const Style& st, double x, double top,
               double max = kWidth, bool right = false) {
    double baseline = top + st.size * 0.95;
    const double space = pdf::width(Run{st.font, " "}, st.size);
    for (const Line& line : ls) {
      double at = right ? x + max - line.width : x;
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        const Word& w = line.words[i];
        if (i > 0 && w.space_before) at += space;
        text(at, baseline, w.runs, st.size, w.colour);
        at += w.width;
      }
      baseline += st.leading();
    }
    return static_cast<double>(ls.size()) * st.leading();
  }

  // A paragraph that may run over pages, line by line.
  void flowing(const std::vector<Line>& ls, const Style& st, double x, double max) {
    for (const Line& line : ls) {
      ensure(st.leading());
      y += lines({line}, st, x, y, max);
    }
  }

  // A bookmark to where the next thing is drawn (after any page break it needs).
  void bookmark(const std::string& title) {
    writer.add_bookmark(title, pages_.size(), page_y(y) + 4);
  }

  std::string finish(const std::string& title) {
    pages_.push_back(std::move(content_));
    const Style foot{7.5, Font::kRegular, kGrey};
    const auto name = pdf::encode("Unveil \u00b7 " + title, Font::kRegular);
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      content_.clear();
      const auto number = pdf::encode(
          "page " + std::to_string(i + 1) + " of " + std::to_string(pages_.size()), Font::kRegular);
      rule(kLeft, kRight, kBottom + 24, kRule, 0.5);
      text(kLeft, kBottom + 36, name, foot.size, foot.colour);
      text(kRight - pdf::width(number, foot.size), kBottom + 36, number, foot.size, foot.colour);
      writer.add_page(pages_[i] + content_);
    }
    return writer.finish(title);
  }

 private:
  std::vector<std::string> pages_;
  std::string content_;
  bool blank_ = true;
};

// ---- Pictures --------------------------------------------------------------------------------

// Draws a picture's primitives at `origin` (the picture's top left on the page) scaled by `s`.
class PdfCanvas final : public Canvas {
 public:
  PdfCanvas(Layout& layout, double left, double top, double scale)
      : layout_(layout), left_(left), top_(top), s_(scale) {}

  void line(Point a, Point b, Ink ink) override {
    layout_.draw("q " + pen(ink) + at(a) + " m " + at(b) + " l S Q\n");
  }
  void rect(double x, double y, double width, double height, Ink ink, const std::string&) override {
    layout_.draw("q " + pen(ink) + brush(ink) + at({x, y + height}) + " " + pdf::num(width * s_) +
                 " " + pdf::num(height * s_) + " re B Q\n");
  }
  void polygon(const std::vector<Point>& points, Ink ink) override {
    if (points.empty()) return;
    layout_.draw("q " + pen(ink) + brush(ink) + path(points) + " h B Q\n");
  }
  void polyline(const std::vector<Point>& points, Ink ink) override {
    if (points.empty()) return;
    layout_.draw("q " + pen(ink) + path(points) + " S Q\n");
  }
  void text(Point p, Anchor anchor, const std::string& s, bool title, bool vertical) override {
    const double size = (title ? 13 : 11) * s_;
    const auto runs = pdf::encode(s, title ? Font::kBold : Font::kRegular);
    const double w = pdf::width(runs, size);
    const double shift = anchor == Anchor::kStart ? 0 : anchor == Anchor::kMiddle ? w / 2 : w;
    const double x = left_ + p.x * s_, y = page_y(top_ + p.y * s_);
    std::string ops = "BT " + fill_colour(hex(0x333333)) +
                      (vertical ? "0 1 -1 0 " + pdf::num(x) + " " + pdf::num(y - shift)
                                : "1 0 0 1 " + pdf::num(x - shift) + " " + pdf::num(y)) +
                      " Tm ";
    for (const Run& r : runs)
      ops += std::string(pdf::resource_name(r.font)) + " " + pdf::num(size) + " Tf " +
             pdf::literal(r.bytes) + " Tj ";
    layout_.draw(ops + "ET\n");
  }

 private:
  std::string at(Point p) const {
    return pdf::num(left_ + p.x * s_) + " " + pdf::num(page_y(top_ + p.y * s_));
  }
  std::string path(const std::vector<Point>& points) const {
    std::string s = at(points.front()) + " m";
    for (std::size_t i = 1; i < points.size(); ++i)
      s += " " + at(points[i]) + " l";
    return s;
  }
  // The stroke of an ink, as the HTML's style sheet draws it.
  std::string pen(Ink ink) const {
    const auto w = [&](double width) { return pdf::num(width * s_) + " w "; };
    switch (ink) {
      case Ink::kAxis:
        return stroke_colour(hex(0x555555)) + w(1);
      case Ink::kBar:
        return stroke_colour(hex(0x3b6aa8)) + w(1);
      case Ink::kGap:
        return stroke_colour(hex(0xb52b27)) + w(1);
      case Ink::kInterval:
        return stroke_colour(hex(0x222222)) + w(1);
      case Ink::kDiagonal:
        return stroke_colour(hex(0x888888)) + w(1) + "[" + pdf::num(4 * s_) + " " +
               pdf::num(3 * s_) + "] 0 d ";
      case Ink::kCurve:
        return stroke_colour(hex(0x3b6aa8)) + w(1.5);
    }
    return {};
  }
  std::string brush(Ink ink) const {
    if (ink == Ink::kGap) return "/GS1 gs " + fill_colour(hex(0xd9534f));
    return fill_colour(hex(0x6b9bd8));
  }

  Layout& layout_;
  double left_, top_, s_;
};

// ---- Blocks ----------------------------------------------------------------------------------

void render(Layout& L, const Heading& h) {
  const Style st{h.level == 1 ? 20.0 : h.level == 2 ? 14.0 : 11.5, Font::kBold, kInk};
  const auto ls = wrap(plain(h.text), st, kWidth);
  const double before = h.level == 1 ? 0 : h.level == 2 ? 18 : 10;
  const double height = before + static_cast<double>(ls.size()) * st.leading() + 6;
  // A heading stays with the start of what follows it; a section's is a bookmark.
  if (!L.ensure(height + 90)) L.y += before;
  if (h.level <= 2) L.bookmark(h.text);
  L.y += L.lines(ls, st, kLeft, L.y);
  if (h.level == 2) L.rule(kLeft, kRight, L.y + 1, kRule, 0.8);
  L.y += h.level == 1 ? 2 : 6;
}

void render(Layout& L, const Paragraph& p) {
  switch (p.kind) {
    case Paragraph::Kind::kLead: {
      const Style st{11, Font::kRegular, kInk};
      const double pad = 9;
      const auto ls = wrap(p.spans, st, kWidth - 2 * pad - 3);
      const double height = static_cast<double>(ls.size()) * st.leading() + 2 * pad;
      L.ensure(height);
      L.fill(kLeft, L.y, kWidth, height, kShade);
      L.fill(kLeft, L.y, 3, height, kAccent);
      L.lines(ls, st, kLeft + 3 + pad, L.y + pad, kWidth - 2 * pad - 3);
      L.y += height + 8;
      return;
    }
    case Paragraph::Kind::kNote:
    case Paragraph::Kind::kMeta: {
      const Style st{p.kind == Paragraph::Kind::kNote ? 8.5 : 10.0, Font::kRegular, kGrey};
      L.flowing(wrap(p.spans, st, kWidth), st, kLeft, kWidth);
      L.y += 6;
      return;
    }
    case Paragraph::Kind::kBody: {
      const Style st;
      // A line that introduces what follows ("Settings:") stays with it.
      const std::string& last = p.spans.empty() ? std::string() : p.spans.back().text;
      if (!last.empty() && last.back() == ':') L.ensure(st.leading() + 40);
      L.flowing(wrap(p.spans, st, kWidth), st, kLeft, kWidth);
      L.y += 6;
      return;
    }
  }
}

// The widest piece of `text` between separators (any of `separators`) at `size`.
double widest(const std::string& text, const char* separators, Font font, double size) {
  double w = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find_first_of(separators, start), text.size());
    w = std::max(w, pdf::width(pdf::encode(text.substr(start, end - start), font), size));
    start = end + 1;
  }
  return w;
}

// Column widths of a table at font `size`: numeric columns as wide as their widest value (their
// headings wrap); the others never narrower than their longest word, sharing what is left in
// proportion to how much wider their widest line is. The sum may exceed the page's width when
// even that does not fit (the caller then sets the table smaller).
std::vector<double> column_widths(const Table& t, double size, double pad) {
  std::size_t columns = 0;
  for (const auto& row : t.rows)
    columns = std::max(columns, row.size());
  std::vector<double> natural(columns, 0), heading(columns, 0), word(columns, 0);
  std::vector<bool> numeric(columns, false);
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Cell& cell = row[c];
      const Font f = cell.header ? Font::kBold : Font::kRegular;
      if (cell.numeric) numeric[c] = true;
      double& line = cell.header ? heading[c] : natural[c];
      line = std::max(line, widest(cell.text, "\n", f, size) + 2 * pad);
      word[c] = std::max(word[c], widest(cell.text, " \n", f, size) + 2 * pad);
    }
  }
  double total = 0, least = 0, wish = 0;  // natural widths; the least and the rest wished for
  for (std::size_t c = 0; c < columns; ++c) {
    if (!numeric[c]) natural[c] = std::max(natural[c], heading[c]);
    if (numeric[c]) word[c] = natural[c];
    total += natural[c];
    least += word[c];
    wish += natural[c] - word[c];
  }
  if (total <= kWidth || least >= kWidth) return total <= kWidth ? natural : word;
  std::vector<double> widths = word;
  for (std::size_t c = 0; c < columns; ++c)
    widths[c] += (kWidth - least) * (natural[c] - word[c]) / wish;
  return widths;
}

void render(Layout& L, const Table& t) {
  if (t.rows.empty()) return;
  const double pad = 4;
  // Set smaller until the values and words that cannot wrap fit.
  double size = 9;
  std::vector<double> widths = column_widths(t, size, pad);
  const auto sum = [](const std::vector<double>& w) {
    return std::accumulate(w.begin(), w.end(), 0.0);
  };
  while (sum(widths) > kWidth + 0.01 && size > 6) {
    size -= 0.5;
    widths = column_widths(t, size, pad);
  }
  const auto cell_lines = [&](const Cell& c, double w) {
    return wrap(plain(c.text), Style{size, c.header ? Font::kBold : Font::kRegular, kInk},
                w - 2 * pad);
  };
  const auto row_height = [&](const std::vector<Cell>& row) {
    std::size_t n = 1;
    for (std::size_t c = 0; c < row.size(); ++c)
      n = std::max(n, cell_lines(row[c], widths[c]).size());
    return static_cast<double>(n) * size * 1.4 + 2 * pad;
  };
  const auto draw_row = [&](const std::vector<Cell>& row, double h) {
    double x = kLeft;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c < row.size()) {
        const Cell& cell = row[c];
        if (cell.header) L.fill(x, L.y, widths[c], h, kShade);
        L.lines(cell_lines(cell, widths[c]),
                Style{size, cell.header ? Font::kBold : Font::kRegular, kInk}, x + pad, L.y + pad,
                widths[c] - 2 * pad, cell.numeric);
      }
      L.frame(x, L.y, widths[c], h, kRule, 0.5);
      x += widths[c];
    }
    L.y += h;
  };
  const bool header_row = std::all_of(t.rows.front().begin(), t.rows.front().end(),
                                      [](const Cell& c) { return c.header; });
  const double head_height = row_height(t.rows.front());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const double h = row_height(t.rows[r]);
    // The first row stays with the second; a table broken over pages repeats its header row.
    if (L.ensure(r == 0 && t.rows.size() > 1 ? h + row_height(t.rows[1]) : h) && header_row &&
        r > 0)
      draw_row(t.rows.front(), head_height);
    draw_row(t.rows[r], h);
  }
  L.y += 10;
}

void render(Layout& L, const Figures& f) {
  const double gap = 18, width = (kWidth - gap) / 2;
  const Style caption{8, Font::kRegular, kGrey};
  for (std::size_t i = 0; i < f.figures.size(); i += 2) {
    double height = 0;
    std::vector<std::vector<Line>> captions;
    for (std::size_t k = i; k < std::min(i + 2, f.figures.size()); ++k) {
      const Figure& fig = f.figures[k];
      captions.push_back(wrap(plain(fig.caption), caption, width));
      const double pic = fig.picture.height * width / fig.picture.width;
      height = std::max(
          height, pic + 4 +
                      (fig.caption.empty()
                           ? 0
                           : static_cast<double>(captions.back().size()) * caption.leading()));
    }
    L.ensure(height);
    for (std::size_t k = i; k < std::min(i + 2, f.figures.size()); ++k) {
      const Figure& fig = f.figures[k];
      const double x = kLeft + static_cast<double>(k - i) * (width + gap);
      const double scale = width / fig.picture.width;
      PdfCanvas canvas(L, x, L.y, scale);
      if (fig.picture.draw) fig.picture.draw(canvas);
      if (!fig.caption.empty())
        L.lines(captions[k - i], caption, x, L.y + fig.picture.height * scale + 4, width);
    }
    L.y += height + 12;
  }
}

// Fixed-width lines, each cut to the width (at a space in its second half where there is one).
std::vector<std::string> listing_lines(const std::string& text, std::size_t columns) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    std::string indent;
    while (line.size() > columns) {
      std::size_t cut_at = line.rfind(' ', columns);
      if (cut_at == std::string::npos || cut_at < columns / 2) cut_at = columns;
      out.push_back(line.substr(0, cut_at));
      line = "    " + line.substr(cut_at == columns ? cut_at : cut_at + 1);
    }
    out.push_back(line);
    start = end + 1;
  }
  while (!out.empty() && out.back().empty())
    out.pop_back();
  return out;
}

void render(Layout& L, const Listing& l) {
  const Style st{7.5, Font::kMono, kInk};
  const double pad = 6, leading = st.size * 1.3;
  const auto columns = static_cast<std::size_t>((kWidth - 2 * pad) / (0.6 * st.size));
  const auto ls = listing_lines(l.text, columns);
  std::size_t i = 0;
  while (i < ls.size()) {
    L.ensure(leading * std::min<double>(3, static_cast<double>(ls.size() - i)) + 2 * pad);
    const auto fit = static_cast<std::size_t>(std::max(1.0, (kBottom - L.y - 2 * pad) / leading));
    const std::size_t n = std::min(fit, ls.size() - i);
    const double height = static_cast<double>(n) * leading + 2 * pad;
    L.fill(kLeft, L.y, kWidth, height, kCodeShade);
    for (std::size_t k = 0; k < n; ++k)
      L.text(kLeft + pad, L.y + pad + static_cast<double>(k) * leading + st.size * 0.9,
             pdf::encode(ls[i + k], Font::kMono), st.size, st.colour);
    L.y += height;
    i += n;
    if (i < ls.size()) L.new_page();
  }
  L.y += 8;
}

void render(Layout& L, const BulletList& l) {
  const Style st;
  for (const auto& item : l.items) {
    const auto ls = wrap(plain(item), st, kWidth - 18);
    L.ensure(st.leading());
    L.text(kLeft + 6, L.y + st.size * 0.95, pdf::encode("\u2022", Font::kRegular), st.size, kInk);
    L.flowing(ls, st, kLeft + 18, kWidth - 18);
    L.y += 3;
  }
  L.y += 6;
}

void render(Layout& L, const CaseList& list) {
  const double pad = 8, image_side = 96;
  const Style title{10, Font::kBold, kInk}, body{9.5, Font::kRegular, kInk},
      note{8.5, Font::kRegular, kGrey};
  for (const CaseCard& c : list.cards) {
    const bool image = !c.jpeg.empty() && c.jpeg_width > 0 && c.jpeg_height > 0;
    const double image_w = image ? image_side : 0,
                 image_h = image ? std::min(128.0, image_side * c.jpeg_height / c.jpeg_width) : 0;
    const double x = kLeft + pad + (image ? image_w + 12 : 0), w = kRight - pad - x;
    // The card's text: the title, the question, a note, then the options indented.
    struct Part {
      std::vector<Line> lines;
      Style style;
      double indent = 0, after = 0;
    };
    std::vector<Part> parts{{wrap(plain(c.title), title, w), title, 0, 3}};
    if (!c.question.empty()) parts.push_back({wrap(plain(c.question), body, w), body});
    if (!c.note.empty()) parts.push_back({wrap(plain(c.note), note, w), note});
    for (const Span& o : c.options)
      parts.push_back({wrap({o}, body, w - 10), body, 10});
    double text_h = 0;
    for (const Part& part : parts)
      text_h += static_cast<double>(part.lines.size()) * part.style.leading() + part.after;
    const double height = std::max(image_h, text_h) + 2 * pad;
    L.ensure(height);
    L.frame(kLeft, L.y, kWidth, height, kRule, 0.6);
    if (image) {
      const std::string name = L.writer.add_jpeg(c.jpeg, c.jpeg_width, c.jpeg_height);
      L.draw("q " + pdf::num(image_w) + " 0 0 " + pdf::num(image_h) + " " + pdf::num(kLeft + pad) +
             " " + pdf::num(page_y(L.y + pad + image_h)) + " cm " + name + " Do Q\n");
      L.frame(kLeft + pad, L.y + pad, image_w, image_h, hex(0xcccccc), 0.5);
    }
    double top = L.y + pad;
    for (const Part& part : parts)
      top += L.lines(part.lines, part.style, x + part.indent, top, w - part.indent) + part.after;
    L.y += height + 8;
  }
}

void render_blocks(Layout& L, const std::vector<Block>& blocks) {
  for (const auto& b : blocks)
    std::visit([&](const auto& x) { render(L, x); }, b);
}

}  // namespace

std::string to_pdf(const Document& doc) {
  Layout L;
  render_blocks(L, doc.opening);
  for (const auto& s : doc.sections) {
    render(L, Heading{2, s.heading});
    render_blocks(L, s.blocks);
  }
  return L.finish(doc.title);
}

}  // namespace unveil::report
