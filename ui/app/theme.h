// The light and dark looks of the workbench: a palette and a style sheet for each, and "System",
// which follows the platform. Qt 6.4 has no colour-scheme hint (QStyleHints::colorScheme is 6.5),
// so a platform palette counts as dark when its window colour is darker than mid-grey; it is
// read at start and again whenever the platform's palette or theme changes.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include "app/settings.h"

namespace unveil::ui {

class Theme {
 public:
  /// Applies a look to the application (a QApplication must exist). Light and Dark: the Fusion
  /// style with that palette and style sheet. System: the platform's style and palette, with the
  /// style sheet that fits the palette, changing with the platform's.
  static void apply(ThemeChoice choice);
  /// The look last applied (System before any).
  static ThemeChoice choice();

  /// Whether the application's palette is dark now.
  static bool isDark();
  static bool isDark(const QPalette& palette);

  static QPalette lightPalette();
  static QPalette darkPalette();

  /// The application's style sheet (resources/style/unveil.qss) for the light or the dark look.
  /// The sheet is written for light; the dark one puts each of its colours' counterparts in.
  static QString styleSheet(bool dark);
  /// Colours of the light sheet without a dark counterpart (a test keeps this empty, so that a
  /// new rule cannot leave a light patch in the dark look).
  static QStringList unmappedColours();

  /// Text colours that carry a meaning — better or right, worse or wrong, caution (the "I don't
  /// know" answers), secondary — readable on the window's background in the look in effect.
  enum class Tone { kGood, kBad, kCaution, kMuted };
  static QColor text(Tone tone);
  /// A soft background tint of the same meaning (e.g. behind the gold option).
  static QColor tint(Tone tone);
};

}  // namespace unveil::ui
