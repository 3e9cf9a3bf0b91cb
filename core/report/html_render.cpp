// A report document (report_doc.h) as one self-contained HTML page: inline CSS, pictures as
// inline SVG, thumbnails as data URIs, nothing fetched from elsewhere.
#include "report/html_text.h"
#include "report/report_doc.h"
#include "report/svg_plots.h"
#include "util/base64.h"

namespace unveil::report {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#fff;
margin:0;line-height:1.5}
main{max-width:1100px;margin:0 auto;padding:24px 32px}
h1{font-size:1.7em;margin-bottom:4px}h2{border-bottom:1px solid #d5d9e0;padding-bottom:4px;
margin-top:36px}
.meta,.note{color:#5a6272}.lead{font-size:1.1em;background:#f3f6fb;padding:12px 16px;
border-left:4px solid #3366cc}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d5d9e0;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f3f6fb}td.num{text-align:right;
font-variant-numeric:tabular-nums;white-space:nowrap}
pre{background:#f6f7f9;padding:8px 12px;overflow-x:auto;white-space:pre-wrap}
.figures{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{color:#5a6272;
font-size:.9em;max-width:360px}
svg text{font-size:11px;fill:#333}svg text.t{font-size:13px;font-weight:600}
svg .axis{stroke:#555;stroke-width:1}svg .bar{fill:#6b9bd8;stroke:#3b6aa8;stroke-width:1}
svg .gap{fill:#d9534f;fill-opacity:.45;stroke:#b52b27;stroke-width:1}
svg .ci{stroke:#222;stroke-width:1}svg .diag{stroke:#888;stroke-dasharray:4 3}
svg .curve{fill:none;stroke:#3b6aa8;stroke-width:1.5}
.cases{display:flex;flex-direction:column;gap:12px;padding:0;list-style:none}
.case{display:flex;gap:16px;border:1px solid #d5d9e0;border-radius:6px;padding:10px}
.case img{width:160px;height:auto;border:1px solid #ccc;flex:none}
.case ul{margin:4px 0;padding-left:20px}.chosen{color:#b52b27;font-weight:600}
.gold{color:#1f7a3a;font-weight:600}.verdicts li{margin:4px 0}
)css";

std::string class_attribute(const std::string& css_class) {
  return css_class.empty() ? std::string() : " class=\"" + css_class + "\"";
}

std::string spans(const std::vector<Span>& list) {
  std::string s;
  for (const auto& span : list) {
    const std::string t = escape_html(span.text);
    switch (span.tone) {
      case Tone::kNormal:
        s += t;
        break;
      case Tone::kStrong:
        s += "<strong>" + t + "</strong>";
        break;
      case Tone::kChosen:
        s += "<span class=\"chosen\">" + t + "</span>";
        break;
      case Tone::kGold:
        s += "<span class=\"gold\">" + t + "</span>";
        break;
    }
  }
  return s;
}

std::string html(const Heading& h) {
  const std::string tag = "h" + std::to_string(h.level);
  return "<" + tag + ">" + escape_html(h.text) + "</" + tag + ">\n";
}

std::string html(const Paragraph& p) {
  static const char* const kClass[] = {"", " class=\"lead\"", " class=\"note\"", " class=\"meta\""};
  return std::string("<p") + kClass[static_cast<int>(p.kind)] + ">" + spans(p.spans) + "</p>\n";
}

std::string html(const Table& t) {
  std::string s = "<table" + class_attribute(t.css_class) + ">";
  for (const auto& row : t.rows) {
    s += "<tr>";
    for (const auto& c : row) {
      const char* open = c.header ? "<th>" : c.numeric ? "<td class=\"num\">" : "<td>";
      s += open + escape_html(c.text) + (c.header ? "</th>" : "</td>");
    }
    s += "</tr>\n";
  }
  return s + "</table>\n";
}

std::string html(const Figures& f) {
  std::string s = "<div class=\"figures\">";
  for (const auto& fig : f.figures) {
    s += "<figure>" + to_svg(fig.picture);
    if (!fig.caption.empty()) s += "<figcaption>" + escape_html(fig.caption) + "</figcaption>";
    s += "</figure>";
  }
  return s + "</div>\n";
}

std::string html(const Listing& l) {
  return "<pre" + class_attribute(l.css_class) + ">" + escape_html(l.text) + "</pre>\n";
}

std::string html(const BulletList& l) {
  std::string s = "<ul" + class_attribute(l.css_class) + ">";
  for (const auto& item : l.items)
    s += "<li>" + escape_html(item) + "</li>\n";
  return s + "</ul>\n";
}

std::string html(const CaseCard& c) {
  std::string s = "<li class=\"case\" data-item=\"" + escape_html(c.id) + "\" data-confidence=\"" +
                  format_number(c.confidence) + "\">";
  if (!c.jpeg.empty())
    s += "<img alt=\"image of item " + escape_html(c.id) + "\" src=\"data:image/jpeg;base64," +
         base64_encode(c.jpeg) + "\">";
  s += "<div><strong>" + escape_html(c.title) + "</strong>";
  if (!c.question.empty()) s += "<p>" + escape_html(c.question) + "</p>";
  if (!c.note.empty()) s += "<p class=\"note\">" + escape_html(c.note) + "</p>";
  s += "<ul>";
  for (const auto& o : c.options) {
    const char* cls = o.tone == Tone::kChosen ? " class=\"chosen\""
                      : o.tone == Tone::kGold ? " class=\"gold\""
                                              : "";
    s += std::string("<li") + cls + ">" + escape_html(o.text) + "</li>";
  }
  return s + "</ul></div></li>\n";
}

std::string html(const CaseList& l) {
  std::string s = "<ol class=\"cases\">\n";
  for (const auto& c : l.cards)
    s += html(c);
  return s + "</ol>\n";
}

std::string blocks(const std::vector<Block>& list) {
  std::string s;
  for (const auto& b : list)
    s += std::visit([](const auto& x) { return html(x); }, b);
  return s;
}

}  // namespace

std::string to_html(const Document& doc) {
  std::string body = blocks(doc.opening);
  for (const auto& sec : doc.sections) {
    body += "<section id=\"" + escape_html(sec.id) + "\"><h2>" + escape_html(sec.heading) +
            "</h2>\n" + blocks(sec.blocks) + "</section>\n";
  }
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         escape_html(doc.title) + "</title><style>" + kStyle + "</style></head><body><main>\n" +
         body + "</main></body></html>\n";
}

}  // namespace unveil::report
