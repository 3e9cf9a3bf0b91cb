// A dismissable line at the top of the window for what the user should read — an error (a file
// that could not be opened, in red), or a notice with one action (a report written: Open, in the
// calm blue of the selection) — instead of a modal box that blocks the window.
#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;

namespace unveil::ui {

class MessageBanner : public QFrame {
  Q_OBJECT

 public:
  explicit MessageBanner(QWidget* parent = nullptr);

  void showError(const QString& message);
  /// A message with a button labelled `actionText`: a click runs `action` and dismisses it.
  void showNotice(const QString& message, const QString& actionText, std::function<void()> action);
  QString text() const;
  /// Whether the message shown is an error (drawn as one) rather than a notice.
  bool isError() const;
  QPushButton* actionButton() const { return action_; }

 private:
  QLabel* label_ = nullptr;
  QPushButton* action_ = nullptr;
  std::function<void()> run_;

  void setKind(const char* kind);
};

}  // namespace unveil::ui
