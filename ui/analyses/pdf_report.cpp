#include "analyses/pdf_report.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>
#include <vector>

namespace unveil::ui {

namespace {

const QRegularExpression& svgPattern() {
  static const QRegularExpression re(QStringLiteral("<svg\\b[^>]*>.*?</svg>"),
                                     QRegularExpression::DotMatchesEverythingOption);
  return re;
}
const QRegularExpression& dataImagePattern() {
  static const QRegularExpression re(QStringLiteral("src=\"data:image/[a-z]+;base64,([^\"]+)\""));
  return re;
}

struct Prepared {
  QString html;
  std::vector<std::pair<QString, QImage>> images;
};

const QRegularExpression& stylePattern() {
  static const QRegularExpression re(QStringLiteral("<style>(.*?)</style>"),
                                     QRegularExpression::DotMatchesEverythingOption);
  return re;
}

Prepared prepare(const std::string& source) {
  Prepared p;
  QString html = QString::fromStdString(source);
  // The pictures take their colours from the page's style sheet: each SVG gets a copy, since it
  // is drawn on its own.
  const QString css = stylePattern().match(html).captured(1);
  // Qt's rich text knows no <figure>: as plain blocks, each caption goes under its picture.
  html.replace(QStringLiteral("<figure>"), QStringLiteral("<div>"))
      .replace(QStringLiteral("</figure>"), QStringLiteral("</div>"))
      .replace(QStringLiteral("<figcaption>"), QStringLiteral("<p class=\"caption\">"))
      .replace(QStringLiteral("</figcaption>"), QStringLiteral("</p>"));
  // Pictures: drawn at twice their size and laid out at their own, so that they print sharply;
  // in a paragraph of single line height (the page's 1.5 would add half a picture of blank).
  QString out;
  qsizetype at = 0;
  int n = 0;
  for (auto it = svgPattern().globalMatch(html); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    out += html.mid(at, m.capturedStart() - at);
    at = m.capturedEnd();
    QString picture = m.captured();
    const qsizetype open = picture.indexOf(QLatin1Char('>')) + 1;
    picture.insert(open,
                   QStringLiteral("<style type=\"text/css\">") + css + QStringLiteral("</style>"));
    QSvgRenderer svg(picture.toUtf8());
    QSize size = svg.defaultSize();
    if (!svg.isValid() || size.isEmpty()) continue;
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    svg.render(&painter);
    painter.end();
    const QString name = QStringLiteral("unveil-picture-%1").arg(++n);
    p.images.emplace_back(name, image);
    out += QStringLiteral(
               "<p style=\"line-height:100%\"><img src=\"%1\" width=\"%2\" height=\"%3\"></p>")
               .arg(name)
               .arg(size.width())
               .arg(size.height());
  }
  out += html.mid(at);
  // Thumbnails: data URIs become named images.
  html.clear();
  at = 0;
  for (auto it = dataImagePattern().globalMatch(out); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    html += out.mid(at, m.capturedStart() - at);
    at = m.capturedEnd();
    const QImage image = QImage::fromData(QByteArray::fromBase64(m.captured(1).toLatin1()));
    const QString name = QStringLiteral("unveil-image-%1").arg(++n);
    if (!image.isNull()) p.images.emplace_back(name, image);
    html += QStringLiteral("src=\"%1\"").arg(name);
  }
  html += out.mid(at);
  p.html = html;
  return p;
}

}  // namespace

PdfReportParts countPdfReportParts(const std::string& html) {
  const QString text = QString::fromStdString(html);
  PdfReportParts parts;
  for (auto it = svgPattern().globalMatch(text); it.hasNext(); it.next())
    ++parts.svgs;
  for (auto it = dataImagePattern().globalMatch(text); it.hasNext(); it.next())
    ++parts.dataImages;
  return parts;
}

QString writePdfReport(const std::string& html, const QString& file) {
  const Prepared p = prepare(html);
  // The user chose to replace the file; what is there is removed so that a failed print cannot
  // pass for a written report.
  if (QFileInfo::exists(file) && !QFile::remove(file))
    return QStringLiteral("%1: cannot replace the file").arg(file);
  QPdfWriter writer(file);
  if (!writer.setPageSize(QPageSize(QPageSize::A4)))
    return QStringLiteral("%1: cannot set the page size").arg(file);
  writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
  writer.setResolution(144);
  writer.setTitle(QFileInfo(file).completeBaseName());
  writer.setCreator(QStringLiteral("Unveil"));
  QTextDocument doc;
  for (const auto& [name, image] : p.images)
    doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
  doc.setHtml(p.html);
  doc.print(&writer);
  if (!QFileInfo(file).isFile() || QFileInfo(file).size() == 0)
    return QStringLiteral("%1: the PDF could not be written").arg(file);
  return QString();
}

}  // namespace unveil::ui
