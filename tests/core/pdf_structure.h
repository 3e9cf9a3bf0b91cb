// Reading back what the PDF writer wrote, independently of it: the cross-reference table, the
// objects it points at, and the text shown on each page. Test-only; enough for files written by
// core/report/pdf_text.cpp (uncompressed content streams, one xref section).
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

namespace unveil::testing_pdf {

struct Parsed {
  bool ok = false;
  std::string problem;                    ///< why ok is false
  std::vector<std::string> objects;       ///< the text of object i + 1, from "N 0 obj" to "endobj"
  std::vector<std::string> page_texts;    ///< per page, the shown strings joined by spaces
  std::vector<std::size_t> page_objects;  ///< per page, its object number
};

inline std::string unescape(const std::string& s, std::size_t& i) {
  // s[i] is '('; reads to the matching ')'.
  std::string out;
  int depth = 0;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out += s[++i];
    } else if (c == '(') {
      ++depth;
      out += c;
    } else if (c == ')') {
      if (depth-- == 0) break;
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

inline Parsed parse(const std::string& pdf) {
  Parsed p;
  const auto fail = [&](std::string why) {
    p.problem = std::move(why);
    return p;
  };
  if (pdf.rfind("%PDF-", 0) != 0) return fail("no %PDF- header");
  const std::size_t sx = pdf.rfind("startxref\n");
  if (sx == std::string::npos) return fail("no startxref");
  const std::size_t xref = std::strtoull(pdf.c_str() + sx + 10, nullptr, 10);
  if (pdf.compare(xref, 5, "xref\n") != 0) return fail("startxref does not point at xref");
  std::size_t at = xref + 5;
  const std::size_t first = std::strtoull(pdf.c_str() + at, nullptr, 10);
  const std::size_t count = std::strtoull(pdf.c_str() + pdf.find(' ', at) + 1, nullptr, 10);
  if (first != 0 || count < 2) return fail("unexpected xref subsection");
  at = pdf.find('\n', at) + 1;
  for (std::size_t i = 0; i < count; ++i, at += 20) {
    if (at + 20 > pdf.size()) return fail("xref cut short");
    const std::string entry = pdf.substr(at, 20);
    if (i == 0) continue;
    if (entry[17] != 'n') return fail("free object " + std::to_string(i));
    const std::size_t offset = std::strtoull(entry.c_str(), nullptr, 10);
    const std::string head = std::to_string(i) + " 0 obj\n";
    if (pdf.compare(offset, head.size(), head) != 0)
      return fail("xref entry " + std::to_string(i) + " does not point at its object");
    const std::size_t end = pdf.find("\nendobj\n", offset);
    if (end == std::string::npos) return fail("object " + std::to_string(i) + " has no endobj");
    p.objects.push_back(pdf.substr(offset + head.size(), end - offset - head.size()));
  }
  if (pdf.find("trailer\n<< /Size " + std::to_string(count) + " ", at) == std::string::npos)
    return fail("trailer /Size does not match the xref");
  // Pages in the order of the page tree's /Kids; each one's content stream.
  const std::string& tree = p.objects.at(1);
  const std::size_t k = tree.find("/Kids [");
  if (k == std::string::npos) return fail("no /Kids");
  std::vector<std::size_t> kids;
  for (std::size_t i = k + 7; i < tree.size() && tree[i] != ']';) {
    kids.push_back(std::strtoull(tree.c_str() + i, nullptr, 10));
    i = tree.find(" 0 R", i) + 4;
    if (tree[i] == ' ') ++i;
  }
  for (const std::size_t page : kids) {
    if (page == 0 || page > p.objects.size()) return fail("a kid outside the file");
    const std::string& obj = p.objects.at(page - 1);
    const std::size_t c = obj.find("/Contents ");
    if (obj.find("/Type /Page ") == std::string::npos || c == std::string::npos)
      return fail("kid " + std::to_string(page) + " is not a page");
    const std::size_t content = std::strtoull(obj.c_str() + c + 10, nullptr, 10);
    const std::string& stream = p.objects.at(content - 1);
    const std::size_t len =
        std::strtoull(stream.c_str() + stream.find("/Length ") + 8, nullptr, 10);
    const std::size_t data = stream.find("stream\n") + 7;
    if (stream.compare(data + len, 10, "\nendstream") != 0)
      return fail("page " + std::to_string(page) + ": /Length does not match its stream");
    std::string text;
    const std::string body = stream.substr(data, len);
    for (std::size_t i = body.find('('); i != std::string::npos; i = body.find('(', i + 1)) {
      const std::string shown = unescape(body, i);
      if (body.compare(i + 1, 4, " Tj ") == 0) text += (text.empty() ? "" : " ") + shown;
    }
    p.page_texts.push_back(text);
    p.page_objects.push_back(page);
  }
  p.ok = true;
  return p;
}

}  // namespace unveil::testing_pdf
