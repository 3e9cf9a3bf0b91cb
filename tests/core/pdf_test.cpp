// The PDF reports (docs/ANALYSES.md, "PDF"; --out FILE.pdf): the text encoding and widths of the
// standard fonts against Adobe's published AFM values (Helvetica: H 722, e 556, l 222, o 556,
// space 278; Helvetica-Bold: H 722, i 278; Courier: 600 for every glyph), the file's structure
// read back independently (tests/core/pdf_structure.h), and the layout of a whole report.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pdf_structure.h"
#include "report/pdf_text.h"
#include "report/report_doc.h"

using namespace unveil;
using report::pdf::Font;

namespace {

std::string bytes_of(const std::vector<report::pdf::Run>& runs) {
  std::string s;
  for (const auto& r : runs)
    s += r.bytes;
  return s;
}

TEST(PdfText, Windows1252SymbolAndDingbatRuns) {
  // ASCII and Latin-1 are themselves; cp1252's extras by their codes (em dash 0x97, bullet 0x95,
  // curly quotes 0x93/0x94, euro 0x80).
  auto r = report::pdf::encode("caf\u00e9 \u2014 \u2022 \u201cq\u201d \u20ac", Font::kRegular);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].font, Font::kRegular);
  EXPECT_EQ(r[0].bytes, "caf\xe9 \x97 \x95 \x93q\x94 \x80");
  // The arrow in Symbol (arrowleft 0xAC), the check mark in ZapfDingbats (a20 0x34).
  r = report::pdf::encode("B \u2190 x \u2714 y", Font::kBold);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].font, Font::kBold);
  EXPECT_EQ(r[0].bytes, "B ");
  EXPECT_EQ(r[1].font, Font::kSymbol);
  EXPECT_EQ(r[1].bytes, "\xac");
  EXPECT_EQ(r[3].font, Font::kDingbat);
  EXPECT_EQ(r[3].bytes, "\x34");
  EXPECT_EQ(r[4].bytes, " y");
  // What no standard font has is '?', invalid UTF-8 too; control characters are spaces.
  EXPECT_EQ(bytes_of(report::pdf::encode("\u4e2d\u6587!", Font::kRegular)),
            "?"
            "?!");
  EXPECT_EQ(bytes_of(report::pdf::encode("a\xff\xc3(b", Font::kRegular)),
            "a?"
            "?(b");
  EXPECT_EQ(bytes_of(report::pdf::encode("a\tb\nc", Font::kRegular)), "a b c");
  EXPECT_TRUE(report::pdf::encode("", Font::kRegular).empty());
}

TEST(PdfText, WidthsAreTheAfmWidths) {
  using report::pdf::width;
  // "Hello": 722 + 556 + 222 + 222 + 556 = 2278 units; at 10 pt, 22.78 pt.
  EXPECT_NEAR(width(report::pdf::encode("Hello", Font::kRegular), 10), 22.78, 1e-9);
  EXPECT_NEAR(width(report::pdf::encode("H i", Font::kBold), 12), (722 + 278 + 278) * 0.012, 1e-9);
  EXPECT_NEAR(width(report::pdf::encode("any text", Font::kMono), 10), 8 * 6.0, 1e-9);
  // arrowleft is 987 units in Symbol; a20 (the check mark) 846 in ZapfDingbats.
  EXPECT_NEAR(width(report::pdf::encode("\u2190\u2714", Font::kRegular), 10), 18.33, 1e-9);
  // The superscripts (0xB2, 0xB3, 0xB9) are 333 in both Helveticas.
  EXPECT_NEAR(width(report::pdf::encode("\u00b2\u00b3\u00b9", Font::kBold), 1), 0.999, 1e-9);
}

TEST(PdfText, LiteralsAndNumbers) {
  EXPECT_EQ(report::pdf::literal("a(b)c\\d"), "(a\\(b\\)c\\\\d)");
  EXPECT_EQ(report::pdf::num(1.0), "1");
  EXPECT_EQ(report::pdf::num(0.126), "0.13");  // two decimals
  EXPECT_EQ(report::pdf::num(-0.001), "0");
  EXPECT_EQ(report::pdf::num(-2.5), "-2.5");
  EXPECT_EQ(report::pdf::num(1e300 * 1e300), "0");  // never "inf"
}

TEST(PdfWriter, CrossReferencesPointAtTheirObjectsAndPagesKeepTheirOrder) {
  report::pdf::Writer w;
  EXPECT_EQ(w.add_jpeg(std::string("\xff\xd8 not really \xff\xd9", 16), 4, 3), "/Im0");
  w.add_page("BT /F1 10 Tf 1 0 0 1 50 50 Tm (first \\(page\\)) Tj ET\n");
  w.add_page("BT /F1 10 Tf 1 0 0 1 50 50 Tm (second) Tj ET\n");
  const std::string file = w.finish("A \u00e9t\u00e9 report");
  const auto p = testing_pdf::parse(file);
  ASSERT_TRUE(p.ok) << p.problem;
  ASSERT_EQ(p.page_texts.size(), 2u);
  EXPECT_EQ(p.page_texts[0], "first (page)");
  EXPECT_EQ(p.page_texts[1], "second");
  EXPECT_NE(p.objects[1].find("/Count 2"), std::string::npos);
  // The title in UTF-16BE: "A " then e-acute (00E9).
  EXPECT_NE(p.objects[8].find("/Title <FEFF0041002000E9007400E9"), std::string::npos);
  // The image keeps its bytes and says what they are.
  EXPECT_NE(file.find("/Width 4 /Height 3 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                      "/Filter /DCTDecode /Length 16 >>\nstream\n\xff\xd8 not really \xff\xd9"),
            std::string::npos);
  EXPECT_EQ(file.substr(file.size() - 6), "%%EOF\n");
}

// A document with every kind of block, long enough for several pages.
report::Document long_document() {
  using namespace report;
  Document d;
  d.title = "Layout (test)";
  d.opening = {Heading{1, d.title}, paragraph("under the title", Paragraph::Kind::kMeta)};
  Table t{"", {{{"Name", true}, {"Value", true}, {"Note", true}}}};
  for (int i = 0; i < 60; ++i) {
    t.rows.push_back({{"row " + std::to_string(i), true},
                      {"0.1234 [0.1000, 0.1500]", false, true},
                      {"a longer note that has to wrap in its column because the column is "
                       "narrow and the words go on and on, row " +
                       std::to_string(i)}});
  }
  Section s{"s", "A section", {}};
  s.blocks.push_back(paragraph("A lead paragraph.", Paragraph::Kind::kLead));
  s.blocks.push_back(std::move(t));
  s.blocks.push_back(Listing{"", std::string(300, 'x') + "\nshort line"});
  s.blocks.push_back(BulletList{"", {"one", "two"}});
  Picture pic{"blank", "a picture", 360, 320, [](Canvas& c) {
                c.rect(0, 0, 360, 320, Ink::kBar, "");
                c.text({180, 18}, Anchor::kMiddle, "inside", true);
              }};
  s.blocks.push_back(Figures{{{pic, "caption one"}, {pic, "caption two"}, {pic, "three"}}});
  CaseCard card;
  card.id = "q1";
  card.title = "Item q1";
  card.question = "Which (one)?";
  card.options = {{"A. yes \u2190 model's answer", Tone::kChosen},
                  {"B. no \u2714 right answer", Tone::kGold}};
  card.jpeg = "\xff\xd8 jpeg \xff\xd9";
  card.jpeg_width = 20;
  card.jpeg_height = 10;
  s.blocks.push_back(CaseList{{card, card}});
  d.sections.push_back(std::move(s));
  return d;
}

TEST(PdfReport, EveryBlockIsLaidOutOnNumberedPagesInsideTheMargins) {
  const std::string file = report::to_pdf(long_document());
  const auto p = testing_pdf::parse(file);
  ASSERT_TRUE(p.ok) << p.problem;
  ASSERT_GE(p.page_texts.size(), 3u);  // 60 wrapped rows do not fit on two pages
  const std::string n = std::to_string(p.page_texts.size());
  std::string all;
  for (std::size_t i = 0; i < p.page_texts.size(); ++i) {
    EXPECT_NE(p.page_texts[i].find("page " + std::to_string(i + 1) + " of " + n), std::string::npos)
        << i;
    all += p.page_texts[i] + "\n";
  }
  // Every row once, in order, and the header row repeated on the pages the table runs onto.
  std::size_t at = 0;
  for (int i = 0; i < 60; ++i) {
    const std::size_t next = all.find("row " + std::to_string(i) + " 0.1234", at);
    ASSERT_NE(next, std::string::npos) << i;
    at = next;
  }
  std::size_t headers = 0;
  for (const auto& page : p.page_texts)
    headers += page.find("Name Value Note") != std::string::npos;
  EXPECT_GE(headers, 2u);
  // The long listing line is cut, not lost: 300 x in all.
  EXPECT_EQ(std::count(all.begin(), all.end(), 'x'), 300);
  EXPECT_NE(all.find("Which (one)?"), std::string::npos);
  EXPECT_EQ(std::count(file.begin(), file.end(), '\x34') >= 2, true);
  // One image per card; the pictures' own text is there, three times.
  std::size_t images = 0, inside = 0;
  for (std::size_t i = file.find("/Subtype /Image"); i != std::string::npos;
       i = file.find("/Subtype /Image", i + 1))
    ++images;
  for (std::size_t i = all.find("inside"); i != std::string::npos; i = all.find("inside", i + 1))
    ++inside;
  EXPECT_EQ(images, 2u);
  EXPECT_EQ(inside, 3u);
  // Every text position lies on the page, inside the side margins (56 pt).
  for (const auto& obj : p.objects) {
    for (std::size_t i = obj.find("1 0 0 1 "); i != std::string::npos;
         i = obj.find("1 0 0 1 ", i + 1)) {
      char* end = nullptr;
      const double x = std::strtod(obj.c_str() + i + 8, &end);
      const double y = std::strtod(end, nullptr);
      EXPECT_GE(x, 55.9);
      EXPECT_LE(x, 595.28 - 56);
      EXPECT_GT(y, 0);
      EXPECT_LT(y, 841.89);
    }
  }
}

// "<FEFF...>": an ASCII title as the writer's UTF-16BE text string.
std::string utf16_hex(const std::string& ascii) {
  std::string s = "<FEFF";
  char buf[8];
  for (const char c : ascii) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    s += buf;
  }
  return s + ">";
}

TEST(PdfReport, TheTitleAndEverySectionAreBookmarksToTheirPages) {
  auto doc = long_document();
  doc.sections.push_back({"t", "Tail section", {report::paragraph("the end")}});
  const auto p = testing_pdf::parse(report::to_pdf(doc));
  ASSERT_TRUE(p.ok) << p.problem;
  EXPECT_NE(p.objects[0].find("/Outlines "), std::string::npos);
  std::size_t outlines = 0;
  for (const auto& o : p.objects)
    outlines += o.find("/Type /Outlines /First ") != std::string::npos;
  ASSERT_EQ(outlines, 1u);
  std::size_t found = 0;
  for (const std::string heading : {"Layout (test)", "A section", "Tail section"}) {
    for (const auto& o : p.objects) {
      if (o.find("/Title " + utf16_hex(heading) + " /Parent") == std::string::npos) continue;
      ++found;
      const std::size_t d = o.find("/Dest [");
      ASSERT_NE(d, std::string::npos);
      const std::size_t page = std::strtoull(o.c_str() + d + 7, nullptr, 10);
      const auto at = std::find(p.page_objects.begin(), p.page_objects.end(), page);
      ASSERT_NE(at, p.page_objects.end()) << heading;
      const std::string& text = p.page_texts[static_cast<std::size_t>(at - p.page_objects.begin())];
      EXPECT_NE(text.find(heading), std::string::npos) << heading;
    }
  }
  EXPECT_EQ(found, 3u);
}

TEST(PdfReport, AnEmptyDocumentIsOnePage) {
  const auto p = testing_pdf::parse(report::to_pdf(report::Document{}));
  ASSERT_TRUE(p.ok) << p.problem;
  ASSERT_EQ(p.page_texts.size(), 1u);
  EXPECT_NE(p.page_texts[0].find("page 1 of 1"), std::string::npos);
}

}  // namespace
