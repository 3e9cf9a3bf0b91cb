#include "app/session_log.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace unveil::ui {

namespace {

QtMessageHandler previousHandler = nullptr;

void handleQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (type != QtDebugMsg && type != QtInfoMsg)
    SessionLog::instance().add(
        type == QtWarningMsg ? SessionLog::Level::kWarning : SessionLog::Level::kError, message);
  if (previousHandler) previousHandler(type, context, message);
}

}  // namespace

SessionLog& SessionLog::instance() {
  static SessionLog log;
  return log;
}

void SessionLog::captureQtMessages() {
  previousHandler = qInstallMessageHandler(handleQtMessage);
}

void SessionLog::add(Level level, const QString& text) {
  if (text.isEmpty()) return;
  const char* tag = level == Level::kError     ? "error"
                    : level == Level::kWarning ? "warning"
                                               : "info";
  const QString line = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")) +
                       QLatin1Char(' ') + QLatin1String(tag) + QStringLiteral(": ") + text;
  lines_.append(line);
  if (lines_.size() > kMaxLines) lines_.removeFirst();
  emit lineAdded(line);
}

void showSessionLog(QWidget* parent) {
  auto* dialog = new QDialog(parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(SessionLog::tr("Session log"));
  dialog->resize(820, 460);
  auto* text = new QPlainTextEdit(dialog);
  text->setObjectName(QStringLiteral("sessionLogText"));
  text->setReadOnly(true);
  text->setLineWrapMode(QPlainTextEdit::NoWrap);
  text->setPlainText(SessionLog::instance().text());
  QObject::connect(&SessionLog::instance(), &SessionLog::lineAdded, text,
                   &QPlainTextEdit::appendPlainText);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QPushButton* copy = buttons->addButton(SessionLog::tr("Copy"), QDialogButtonBox::ActionRole);
  QPushButton* save = buttons->addButton(SessionLog::tr("Save…"), QDialogButtonBox::ActionRole);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  QObject::connect(copy, &QPushButton::clicked, dialog,
                   [] { QApplication::clipboard()->setText(SessionLog::instance().text()); });
  QObject::connect(save, &QPushButton::clicked, dialog, [dialog] {
    const QString path = QFileDialog::getSaveFileName(
        dialog, SessionLog::tr("Save the session log"), QStringLiteral("unveil-log.txt"),
        SessionLog::tr("Text (*.txt)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text))
      file.write(SessionLog::instance().text().toUtf8() + '\n');
  });
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(text);
  layout->addWidget(buttons);
  dialog->show();
}

}  // namespace unveil::ui
