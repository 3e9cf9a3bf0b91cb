// What every UI test needs: the English translation (it carries the plural forms, "1 prediction"
// vs "2 predictions") as the application installs it; and a probe of the UI thread's stalls.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <algorithm>

namespace unveil::ui::test {

/// Installs the embedded English translation; returns false when it is missing.
inline bool installEnglish() {
  static QTranslator translator;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  if (!translator.load(QStringLiteral(":/i18n/unveil_en.qm"))) return false;
  return QCoreApplication::installTranslator(&translator);
}

/// Records the longest time the event loop went without running a 0-ms timer.
class StallProbe : public QObject {
 public:
  StallProbe() {
    timer_.setInterval(0);
    connect(&timer_, &QTimer::timeout, this, [this] {
      const qint64 now = clock_.nsecsElapsed();
      longest_ = std::max(longest_, now - last_);
      last_ = now;
    });
  }
  void start() {
    clock_.start();
    last_ = 0;
    longest_ = 0;
    timer_.start();
  }
  void stop() { timer_.stop(); }
  double longestMs() const { return static_cast<double>(longest_) / 1e6; }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  qint64 last_ = 0, longest_ = 0;
};

}  // namespace unveil::ui::test
