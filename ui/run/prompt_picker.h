// The prompt of a run by its name (the study's prompt, or one that invites admitting "I don't
// know"), with its words one click away ("Wording") to read or change; changed words are "Your
// own wording". Used by "Run now" and by the batch-run panel.
#pragma once

#include <QWidget>

class QComboBox;
class QPlainTextEdit;
class QToolButton;

namespace unveil::ui {

class PromptPicker : public QWidget {
  Q_OBJECT

 public:
  /// `lines`: how many lines of the template the text box shows.
  explicit PromptPicker(int lines, QWidget* parent = nullptr);

  QString text() const;
  void setText(const QString& text);
  QComboBox* presetBox() const { return preset_; }
  QPlainTextEdit* textBox() const { return text_; }
  bool wordingShown() const;
  void showWording(bool shown);

 signals:
  void textChanged();

 private:
  void showName();

  QComboBox* preset_ = nullptr;
  QToolButton* wording_ = nullptr;
  QPlainTextEdit* text_ = nullptr;
};

}  // namespace unveil::ui
