// What the window shows before anything is open: what Unveil does and how to start.
#pragma once

#include <QWidget>

class QPushButton;

namespace unveil::ui {

class EmptyStateView : public QWidget {
  Q_OBJECT

 public:
  explicit EmptyStateView(QWidget* parent = nullptr);

 signals:
  void openFileRequested();
  void openExampleRequested();

 private:
  QPushButton* openFile_ = nullptr;
  QPushButton* openExample_ = nullptr;
};

}  // namespace unveil::ui
