#include "plots/plot_export.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSvgGenerator>

#include "app/settings.h"
#include "plots/plot_theme.h"

namespace unveil::ui {

/// The translation context of this file's messages.
class PlotExport {
  Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

namespace {

QString exportSvg(QCustomPlot* plot, const QString& fileName, QSize size) {
  QSvgGenerator generator;
  generator.setFileName(fileName);
  generator.setSize(size);
  generator.setViewBox(QRect(QPoint(0, 0), size));
  generator.setTitle(QFileInfo(fileName).completeBaseName());
  generator.setDescription(QStringLiteral("Exported from Unveil"));
  QCPPainter painter;
  if (!painter.begin(&generator)) return PlotExport::tr("Could not write %1.").arg(fileName);
  plot->toPainter(&painter, size.width(), size.height());
  painter.end();
  // QSvgGenerator reports no write errors; check that something arrived.
  if (QFileInfo(fileName).size() <= 0) return PlotExport::tr("Could not write %1.").arg(fileName);
  return {};
}
}  // namespace

PlotFormat formatForFileName(const QString& fileName) {
  const QString suffix = QFileInfo(fileName).suffix().toLower();
  if (suffix == QLatin1String("svg")) return PlotFormat::kSvg;
  if (suffix == QLatin1String("pdf")) return PlotFormat::kPdf;
  return PlotFormat::kPng;
}

QString suffixFor(PlotFormat format) {
  switch (format) {
    case PlotFormat::kSvg:
      return QStringLiteral("svg");
    case PlotFormat::kPdf:
      return QStringLiteral("pdf");
    case PlotFormat::kPng:
      break;
  }
  return QStringLiteral("png");
}

QString exportPlot(QCustomPlot* plot, const QString& fileName, PlotFormat format, QSize size) {
  const theme::ExportLook light(plot);  // a picture for a document: the light look
  bool ok = false;
  switch (format) {
    case PlotFormat::kSvg:
      return exportSvg(plot, fileName, size);
    case PlotFormat::kPdf:
      ok = plot->savePdf(fileName, size.width(), size.height(), QCP::epNoCosmetic,
                         QStringLiteral("Unveil"), QFileInfo(fileName).completeBaseName());
      break;
    case PlotFormat::kPng:
      // Twice the logical size, so that the picture stays sharp in a report.
      ok = plot->savePng(fileName, size.width(), size.height(), 2.0);
      break;
  }
  return ok ? QString() : PlotExport::tr("Could not write %1.").arg(fileName);
}

QString exportPlotWithDialog(QCustomPlot* plot, const QString& baseName, PlotFormat format,
                             QWidget* parent) {
  const QString png = PlotExport::tr("PNG image (*.png)");
  const QString svg = PlotExport::tr("SVG drawing (*.svg)");
  const QString pdf = PlotExport::tr("PDF document (*.pdf)");
  QString selected = format == PlotFormat::kSvg ? svg : format == PlotFormat::kPdf ? pdf : png;
  const QString suggestion =
      QDir(Settings::lastDirectory()).filePath(baseName + QLatin1Char('.') + suffixFor(format));
  QString fileName = QFileDialog::getSaveFileName(
      parent, PlotExport::tr("Export plot"), suggestion,
      png + QStringLiteral(";;") + svg + QStringLiteral(";;") + pdf, &selected);
  if (fileName.isEmpty()) return {};
  if (QFileInfo(fileName).suffix().isEmpty()) {
    const PlotFormat chosen = selected == svg   ? PlotFormat::kSvg
                              : selected == pdf ? PlotFormat::kPdf
                                                : PlotFormat::kPng;
    fileName += QLatin1Char('.') + suffixFor(chosen);
  }
  Settings::setLastDirectory(QFileInfo(fileName).absolutePath());
  const QString problem = exportPlot(plot, fileName, formatForFileName(fileName));
  if (!problem.isEmpty()) {
    QMessageBox::warning(parent, PlotExport::tr("Export failed"), problem);
    return {};
  }
  return fileName;
}

}  // namespace unveil::ui
