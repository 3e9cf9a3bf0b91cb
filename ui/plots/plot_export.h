// Saving a plot as PNG, SVG or PDF, at a fixed logical size so that exports do not depend on
// how large the window happens to be.
#pragma once

#include <QSize>
#include <QString>

class QCustomPlot;
class QWidget;

namespace unveil::ui {

enum class PlotFormat { kPng, kSvg, kPdf };

/// The format a file name asks for by its suffix, or kPng when it names none we know.
PlotFormat formatForFileName(const QString& fileName);
QString suffixFor(PlotFormat format);

/// The default size of an exported plot.
inline constexpr QSize kExportSize{900, 680};

/// Writes the plot to `fileName`. Returns an empty string on success, else a readable reason.
QString exportPlot(QCustomPlot* plot, const QString& fileName, PlotFormat format,
                   QSize size = kExportSize);

/// Asks for a file name (suggesting `baseName` and the format) and exports; reports failures in
/// a message box. Returns the file written, or an empty string.
QString exportPlotWithDialog(QCustomPlot* plot, const QString& baseName, PlotFormat format,
                             QWidget* parent);

}  // namespace unveil::ui
