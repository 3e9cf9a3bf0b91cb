// The prompts the "I don't know" analysis compares, by name ("The model's own prompt", "Inviting
// “I don't know” 2"), each with a check box; the selected prompt's words one click away
// ("Wording") to read or change; prompts of one's own added and removed. The first ticked prompt
// is the reference the others are compared with.
#pragma once

#include <QWidget>
#include <string>
#include <vector>

#include "analysis/idk_analysis.h"

class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace unveil::ui {

class IdkPromptList : public QWidget {
  Q_OBJECT

 public:
  explicit IdkPromptList(QWidget* parent = nullptr);

  /// The ticked prompts as core reads them, in the order shown.
  std::vector<analysis::IdkPrompt> prompts() const;
  /// Lists exactly these prompts, all ticked.
  void setPrompts(const std::vector<analysis::IdkPrompt>& prompts);

  /// A prompt's name as the window says it: the built-in ones in words and in the window's
  /// language ("default" is "The model's own prompt"), any other as it is.
  static QString displayName(const std::string& name);

  /// Adds a prompt of one's own (the study's words to start from), selected, its words shown.
  void addPrompt();
  void removeSelected();

  QListWidget* list() const { return list_; }
  QPlainTextEdit* wordingBox() const { return wording_; }
  void showWording(bool shown);

 signals:
  void changed();

 private:
  QListWidgetItem* add(const analysis::IdkPrompt& prompt);
  void selectionChanged();
  void markReference();

  QListWidget* list_ = nullptr;
  QToolButton* showWording_ = nullptr;
  QPlainTextEdit* wording_ = nullptr;
  QPushButton* add_ = nullptr;
  QPushButton* remove_ = nullptr;
};

}  // namespace unveil::ui
