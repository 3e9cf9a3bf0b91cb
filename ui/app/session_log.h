// The log of this session: what the window said (status messages, errors, finished jobs) and
// what Qt warned about, with the time of each line. Help ▸ Session log shows it, to copy into a
// bug report; nothing is written to disk unless the user saves it.
#pragma once

#include <QObject>
#include <QStringList>

namespace unveil::ui {

class SessionLog : public QObject {
  Q_OBJECT

 public:
  enum class Level { kInfo, kWarning, kError };

  /// The one log of the application (created on first use).
  static SessionLog& instance();
  /// Also records Qt's own warnings (qWarning and friends); call once at start-up.
  static void captureQtMessages();

  void add(Level level, const QString& text);
  const QStringList& lines() const { return lines_; }
  QString text() const { return lines_.join(QLatin1Char('\n')); }

 signals:
  void lineAdded(const QString& line);

 private:
  QStringList lines_;
  static constexpr qsizetype kMaxLines = 5000;
};

/// Shows the log (live), with Copy and Save.
void showSessionLog(QWidget* parent);

}  // namespace unveil::ui
