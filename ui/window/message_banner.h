// A dismissable line at the top of the window for errors that the user should read (a file that
// could not be opened), instead of a modal box that blocks the window.
#pragma once

#include <QFrame>

class QLabel;

namespace unveil::ui {

class MessageBanner : public QFrame {
  Q_OBJECT

 public:
  explicit MessageBanner(QWidget* parent = nullptr);

  void showError(const QString& message);
  QString text() const;

 private:
  QLabel* label_ = nullptr;
};

}  // namespace unveil::ui
