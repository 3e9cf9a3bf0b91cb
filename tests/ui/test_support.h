// What every UI test needs: the English translation (it carries the plural forms, "1 prediction"
// vs "2 predictions") as the application installs it.
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace unveil::ui::test {

/// Installs the embedded English translation; returns false when it is missing.
inline bool installEnglish() {
  static QTranslator translator;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  if (!translator.load(QStringLiteral(":/i18n/unveil_en.qm"))) return false;
  return QCoreApplication::installTranslator(&translator);
}

}  // namespace unveil::ui::test
