#include "run/prompt_picker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "model/prompt.h"

namespace unveil::ui {

PromptPicker::PromptPicker(int lines, QWidget* parent) : QWidget(parent) {
  preset_ = new QComboBox(this);
  preset_->addItem(tr("The study's prompt"), QString::fromUtf8(model::kStudyTemplate));
  int n = 0;
  for (const std::string& t : model::uncertainty_inviting_templates())
    preset_->addItem(tr("Inviting “I don't know” %1").arg(++n), QString::fromStdString(t));
  preset_->setToolTip(tr("How the question is put to the model; “Wording” shows the words"));
  // The words themselves are one click away: most runs use a named prompt as it is.
  wording_ = new QToolButton(this);
  wording_->setText(tr("Wording"));
  wording_->setCheckable(true);
  wording_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  wording_->setArrowType(Qt::RightArrow);
  wording_->setToolTip(tr("Show the prompt's words, to read or change them"));
  text_ = new QPlainTextEdit(this);
  text_->setTabChangesFocus(true);
  text_->setToolTip(
      tr("The prompt's words: {image}, {hint}, {question} and {options} are filled in per item"));
  text_->setFixedHeight(text_->fontMetrics().lineSpacing() * lines + 12);
  text_->hide();
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(preset_, 1);
  row->addWidget(wording_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addLayout(row);
  layout->addWidget(text_);

  connect(preset_, &QComboBox::activated, this, [this](int index) {
    const QVariant words = preset_->itemData(index);
    if (words.isValid()) text_->setPlainText(words.toString());
  });
  connect(wording_, &QToolButton::toggled, this, [this](bool shown) {
    text_->setVisible(shown);
    wording_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
  });
  connect(text_, &QPlainTextEdit::textChanged, this, [this] {
    showName();
    emit textChanged();
  });
  text_->setPlainText(preset_->itemData(0).toString());
}

void PromptPicker::showName() {
  // Words that match no named prompt are "Your own wording", listed last while they last.
  int own = -1;
  for (int i = 0; i < preset_->count(); ++i)
    if (!preset_->itemData(i).isValid()) own = i;
  const int named = preset_->findData(text_->toPlainText());
  const QSignalBlocker block(preset_);
  if (named >= 0) {
    preset_->setCurrentIndex(named);
    if (own >= 0) preset_->removeItem(own);
    return;
  }
  if (own < 0) preset_->addItem(tr("Your own wording"));
  preset_->setCurrentIndex(preset_->count() - 1);
}

QString PromptPicker::text() const {
  return text_->toPlainText();
}

void PromptPicker::setText(const QString& text) {
  text_->setPlainText(text);
}

bool PromptPicker::wordingShown() const {
  return wording_->isChecked();
}

void PromptPicker::showWording(bool shown) {
  wording_->setChecked(shown);
}

}  // namespace unveil::ui
