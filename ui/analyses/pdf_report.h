// A report's HTML (core's report::run_report / compare_report) printed to PDF with Qt's rich text
// engine: each inline SVG picture is drawn into an image first, and the thumbnails' data URIs
// become document images, so that the PDF holds everything the HTML page does. Qt's rich text
// supports a subset of CSS: the PDF keeps the content and order of the page, with a plainer
// layout. Any thread.
#pragma once

#include <QString>
#include <string>

namespace unveil::ui {

/// Writes `html` as an A4 PDF to `file`; returns an error message ("" on success).
QString writePdfReport(const std::string& html, const QString& file);

/// The HTML with every inline <svg> and every data: image replaced by a named document resource
/// (for tests: how many of each were found).
struct PdfReportParts {
  int svgs = 0, dataImages = 0;
};
PdfReportParts countPdfReportParts(const std::string& html);

}  // namespace unveil::ui
