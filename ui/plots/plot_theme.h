// The look shared by every plot: one palette (Okabe–Ito, safe for colour-blind readers), fonts,
// and axis styling, so that the pictures read as one family on screen and in exported files.
// The constants below are the light look, which the plots are built with; in a dark window
// every plot is recoloured to the dark counterparts before it draws (PlotView, recolorPlot).
#pragma once

#include <QColor>
#include <QFont>

class QCPAxisRect;
class QCPLegend;
class QCustomPlot;

namespace unveil::ui::theme {

// Data colours.
inline const QColor kAccuracy{0x00, 0x72, 0xB2};        // blue: what the model got right
inline const QColor kOverConfident{0xD5, 0x5E, 0x00};   // vermillion: confidence above accuracy
inline const QColor kUnderConfident{0xCC, 0x79, 0xA7};  // reddish purple: confidence below accuracy
inline const QColor kComparison{0x00, 0x9E, 0x73};      // bluish green: after temperature scaling
inline const QColor kReference{0x6B, 0x72, 0x80};       // grey: the diagonal, reference lines
inline const QColor kCounts{0x94, 0xA3, 0xB8};          // slate: item counts

// Chrome.
inline const QColor kText{0x1F, 0x29, 0x37};
inline const QColor kMutedText{0x4B, 0x55, 0x63};
inline const QColor kGrid{0xE5, 0xE7, 0xEB};
inline const QColor kAxis{0x9C, 0xA3, 0xAF};

/// Every colour a plot draws with, by role, for a light or a dark window.
struct PlotPalette {
  QColor background, text, mutedText, grid, axis;
  QColor accuracy, overConfident, underConfident, comparison, reference, counts;
};
/// The constants above.
PlotPalette lightPlotPalette();
/// Lighter data colours and dark chrome, so that both read on a dark background.
PlotPalette darkPlotPalette();
/// The palette that fits the application's now: dark when its window colour is dark.
PlotPalette plotPalette();
/// The palette `plot` draws with: plotPalette(), except while it is being exported
/// (ExportLook), when it is the light one.
PlotPalette plotPaletteFor(const QCustomPlot* plot);

/// While alive, `plot` takes the light look whatever the window's: exported pictures go into
/// documents and onto white paper. On destruction the plot takes the window's look again.
class ExportLook {
 public:
  explicit ExportLook(QCustomPlot* plot);
  ~ExportLook();
  ExportLook(const ExportLook&) = delete;
  ExportLook& operator=(const ExportLook&) = delete;

 private:
  QCustomPlot* plot_;
};
/// Recolours `plot` to `to`: wherever it uses a colour of either palette (background, axes,
/// grid, text, legend, pens and brushes of plottables and items), the colour of the same role in
/// `to` takes its place, with the alpha kept. Colours of no role are left alone.
void recolorPlot(QCustomPlot* plot, const PlotPalette& to);

QFont titleFont();
QFont subtitleFont();
QFont labelFont();
QFont tickFont();

/// Applies the common background and antialiasing settings to a plot.
void stylePlot(QCustomPlot* plot);
/// Light grid, grey axes, only the left and bottom axes visible.
void styleAxisRect(QCPAxisRect* rect);
/// A legend inside the axis rect at `alignment`, on a soft white box.
void styleLegend(QCPLegend* legend);
/// Moves the plot's legend out of `rect` (where it would cover data) into a row of its own
/// below everything else in the plot's layout, borderless, in up to `columns` columns.
void placeLegendBelow(QCustomPlot* plot, QCPAxisRect* rect, int columns);

/// `color` with the given opacity (0–255).
QColor withAlpha(QColor color, int alpha);

}  // namespace unveil::ui::theme
