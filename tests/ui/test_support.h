// What every UI test needs: the English translation (it carries the plural forms, "1 prediction"
// vs "2 predictions") as the application installs it; and a probe of the UI thread's stalls.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>

namespace unveil::ui::test {

/// Installs the embedded English translation; returns false when it is missing.
inline bool installEnglish() {
  static QTranslator translator;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  if (!translator.load(QStringLiteral(":/i18n/unveil_en.qm"))) return false;
  return QCoreApplication::installTranslator(&translator);
}

/// Records the longest time the event loop went without running a 0-ms timer: in all
/// (longestMs) and less the time the thread stood ready to run while other processes had the
/// machine's cores (longestOwnMs, from Linux's /proc/thread-self/schedstat; the same as
/// longestMs where that is not available). The second is what the window itself is answerable
/// for: its own work on the UI thread, or a wait for a lock, but not a build on the other core.
class StallProbe : public QObject {
 public:
  StallProbe() {
    timer_.setInterval(0);
    connect(&timer_, &QTimer::timeout, this, [this] {
      const qint64 now = clock_.nsecsElapsed();
      const qint64 waited = readyWaitNs();
      const qint64 gap = now - last_;
      longest_ = std::max(longest_, gap);
      const qint64 others = waited >= 0 && lastWaited_ >= 0 ? waited - lastWaited_ : 0;
      longestOwn_ = std::max(longestOwn_, gap - std::clamp<qint64>(others, 0, gap));
      last_ = now;
      lastWaited_ = waited;
    });
  }
  ~StallProbe() override {
    if (schedstat_ >= 0) ::close(schedstat_);
  }
  void start() {
    if (schedstat_ < 0) schedstat_ = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    clock_.start();
    last_ = 0;
    longest_ = 0;
    longestOwn_ = 0;
    lastWaited_ = readyWaitNs();
    timer_.start();
  }
  void stop() { timer_.stop(); }
  double longestMs() const { return static_cast<double>(longest_) / 1e6; }
  double longestOwnMs() const { return static_cast<double>(longestOwn_) / 1e6; }

 private:
  // Nanoseconds this thread has spent runnable but waiting for a core (the second field of
  // schedstat); -1 when unknown.
  qint64 readyWaitNs() const {
    if (schedstat_ < 0) return -1;
    char buf[96];
    const ssize_t n = ::pread(schedstat_, buf, sizeof buf - 1, 0);
    if (n <= 0) return -1;
    buf[n] = '\0';
    unsigned long long running = 0, waiting = 0;
    if (std::sscanf(buf, "%llu %llu", &running, &waiting) != 2) return -1;
    return static_cast<qint64>(waiting);
  }

  QTimer timer_;
  QElapsedTimer clock_;
  qint64 last_ = 0, longest_ = 0, longestOwn_ = 0, lastWaited_ = -1;
  int schedstat_ = -1;
};

}  // namespace unveil::ui::test
