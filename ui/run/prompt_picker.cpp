#include "run/prompt_picker.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "model/prompt.h"

namespace unveil::ui {

PromptPicker::PromptPicker(int lines, QWidget* parent) : QWidget(parent) {
  preset_ = new QComboBox(this);
  preset_->addItem(tr("The study's prompt"), QString::fromUtf8(model::kStudyTemplate));
  int n = 0;
  for (const std::string& t : model::uncertainty_inviting_templates())
    preset_->addItem(tr("Inviting “I don't know” %1").arg(++n), QString::fromStdString(t));
  preset_->setToolTip(
      tr("The prompt template: {image}, {hint}, {question} and {options} are filled in per item"));
  text_ = new QPlainTextEdit(this);
  text_->setTabChangesFocus(true);
  text_->setToolTip(preset_->toolTip());
  text_->setFixedHeight(text_->fontMetrics().lineSpacing() * lines + 12);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(preset_);
  layout->addWidget(text_);

  connect(preset_, &QComboBox::activated, this,
          [this](int index) { text_->setPlainText(preset_->itemData(index).toString()); });
  connect(text_, &QPlainTextEdit::textChanged, this, &PromptPicker::textChanged);
  text_->setPlainText(preset_->itemData(0).toString());
}

QString PromptPicker::text() const {
  return text_->toPlainText();
}

void PromptPicker::setText(const QString& text) {
  const int i = preset_->findData(text);
  if (i >= 0) preset_->setCurrentIndex(i);
  text_->setPlainText(text);
}

}  // namespace unveil::ui
