// The prompt template of a run: a preset (the study's prompt, or a wording that invites admitting
// "I don't know") and the editable text it fills in. Used by "Run now" and by the batch-run panel.
#pragma once

#include <QWidget>

class QComboBox;
class QPlainTextEdit;

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

 signals:
  void textChanged();

 private:
  QComboBox* preset_ = nullptr;
  QPlainTextEdit* text_ = nullptr;
};

}  // namespace unveil::ui
