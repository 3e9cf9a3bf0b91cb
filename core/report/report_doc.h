// A report as a document: headings, paragraphs, tables, figures, command listings and failure
// cases, with no markup in it. The report sections (report_sections.h) build one; html_render
// writes it as a self-contained HTML page and pdf_render lays it out on A4 pages, so the two
// formats say the same words and draw the same pictures (one drawing code: plot_canvas.h).
#pragma once

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "report/plot_canvas.h"

namespace unveil::report {

/// How a run of text stands out.
enum class Tone {
  kNormal,
  kStrong,  ///< bold
  kChosen,  ///< the model's (wrong) answer: red, bold
  kGold,    ///< the right answer: green, bold
};

struct Span {
  std::string text;
  Tone tone = Tone::kNormal;
};

struct Heading {
  int level = 3;  ///< 1: the title; 2: a section; 3: a part of a section
  std::string text;
};

struct Paragraph {
  enum class Kind {
    kBody,
    kLead,  ///< the plain-words summary, set off in a box
    kNote,  ///< a remark in grey
    kMeta,  ///< the line under the title
  };
  Kind kind = Kind::kBody;
  std::vector<Span> spans;
};

struct Cell {
  std::string text;
  bool header = false;   ///< a row or column heading
  bool numeric = false;  ///< right-aligned, never wrapped
};

struct Table {
  std::string css_class;  ///< "" for none
  std::vector<std::vector<Cell>> rows;
};

/// A picture of `width` x `height` units (y down), drawn on any canvas.
struct Picture {
  std::string kind;  ///< "reliability", "histogram", "risk-coverage": the SVG's class
  std::string title;
  double width = 360, height = 320;
  std::function<void(Canvas&)> draw;
};

struct Figure {
  Picture picture;
  std::string caption;
};

/// Figures side by side (as many as fit in a row).
struct Figures {
  std::vector<Figure> figures;
};

/// Lines kept as they are, in a fixed-width font (settings, commands).
struct Listing {
  std::string css_class;
  std::string text;
};

struct BulletList {
  std::string css_class;
  std::vector<std::string> items;
};

/// One of the model's most confident mistakes.
struct CaseCard {
  std::string id;
  double confidence = 0;
  std::string title;     ///< "Item X — 97 % sure, and wrong"
  std::string question;  ///< empty when the item is unknown
  std::string note;      ///< why the image is missing, or empty
  std::string jpeg;      ///< the thumbnail's JPEG bytes, or empty
  int jpeg_width = 0, jpeg_height = 0;
  std::vector<Span> options;  ///< one line per option
};

struct CaseList {
  std::vector<CaseCard> cards;
};

using Block = std::variant<Heading, Paragraph, Table, Figures, Listing, BulletList, CaseList>;

struct Section {
  std::string id;  ///< the HTML anchor
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::vector<Block> opening;  ///< the title's heading and the line under it
  std::vector<Section> sections;
};

/// Shorthands for building documents.
inline Paragraph paragraph(std::string text, Paragraph::Kind kind = Paragraph::Kind::kBody) {
  return Paragraph{kind, {Span{std::move(text)}}};
}

/// The document as one self-contained HTML page (inline CSS, SVG pictures, data-URI images).
std::string to_html(const Document& doc);

/// The document laid out on A4 pages as a PDF file: the PDF standard fonts (text outside
/// Windows-1252 is transliterated where it can be, else shown as '?'), pictures as vector
/// paths, thumbnails as the JPEG bytes themselves, a footer with the title and page numbers.
std::string to_pdf(const Document& doc);

}  // namespace unveil::report
