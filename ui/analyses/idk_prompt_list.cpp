#include "analyses/idk_prompt_list.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "model/prompt.h"

namespace unveil::ui {

namespace {

constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kTemplateRole = Qt::UserRole + 2;

QString words(const QListWidgetItem* item) {
  return item->data(kTemplateRole).toString();
}

}  // namespace

QString IdkPromptList::displayName(const std::string& name) {
  QString n = QString::fromStdString(name);
  if (n == QLatin1String("default")) return tr("The model's own prompt");
  if (n.startsWith(QLatin1String("inviting-"))) {
    bool ok = false;
    const int k = n.mid(9).toInt(&ok);
    if (ok) return tr("Inviting “I don't know” %1").arg(k);
  }
  return n;
}

IdkPromptList::IdkPromptList(QWidget* parent) : QWidget(parent) {
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("idkPrompts"));
  list_->setFixedHeight(4 * (fontMetrics().height() + 8) + 2 * list_->frameWidth());
  list_->setToolTip(
      tr("Tick the prompts to compare; the first ticked is the reference the others are "
         "compared with"));
  showWording_ = new QToolButton(this);
  showWording_->setText(tr("Wording"));
  showWording_->setCheckable(true);
  showWording_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  showWording_->setArrowType(Qt::RightArrow);
  showWording_->setToolTip(tr("Show the selected prompt's words, to read or change them"));
  add_ = new QPushButton(tr("Add prompt"), this);
  add_->setToolTip(tr("A prompt of your own, starting from the study's words"));
  remove_ = new QPushButton(tr("Remove"), this);
  remove_->setToolTip(tr("Remove the selected prompt of your own"));
  wording_ = new QPlainTextEdit(this);
  wording_->setObjectName(QStringLiteral("idkPromptWording"));
  wording_->setFixedHeight(wording_->fontMetrics().lineSpacing() * 4 + 12);
  wording_->setTabChangesFocus(true);
  wording_->setPlaceholderText(tr("(the model card's own prompt: the study's words)"));
  wording_->setToolTip(
      tr("The prompt's words: {image}, {hint}, {question} and {options} are filled in per item"));
  wording_->hide();

  auto* buttons = new QHBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(showWording_);
  buttons->addStretch();
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  // As tall as what it shows: the view's spare room goes below, not between its rows.
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  layout->addWidget(list_);
  layout->addLayout(buttons);
  layout->addWidget(wording_);

  setPrompts(analysis::builtin_idk_prompts());

  connect(showWording_, &QToolButton::toggled, this, &IdkPromptList::showWording);
  connect(add_, &QPushButton::clicked, this, &IdkPromptList::addPrompt);
  connect(remove_, &QPushButton::clicked, this, &IdkPromptList::removeSelected);
  connect(list_, &QListWidget::currentItemChanged, this, &IdkPromptList::selectionChanged);
  connect(list_, &QListWidget::itemChanged, this, [this] {
    markReference();
    emit changed();
  });
  connect(wording_, &QPlainTextEdit::textChanged, this, [this] {
    QListWidgetItem* item = list_->currentItem();
    if (!item || words(item) == wording_->toPlainText()) return;
    item->setData(kTemplateRole, wording_->toPlainText());
    item->setToolTip(wording_->toPlainText());
    emit changed();
  });
}

QListWidgetItem* IdkPromptList::add(const analysis::IdkPrompt& prompt) {
  const QSignalBlocker block(list_);
  auto* item = new QListWidgetItem(displayName(prompt.name), list_);
  item->setData(kNameRole, QString::fromStdString(prompt.name));
  item->setData(kTemplateRole, QString::fromStdString(prompt.tmpl));
  item->setToolTip(prompt.tmpl.empty() ? tr("The model card's own prompt (the study's words)")
                                       : QString::fromStdString(prompt.tmpl));
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
  item->setCheckState(Qt::Checked);
  return item;
}

void IdkPromptList::setPrompts(const std::vector<analysis::IdkPrompt>& prompts) {
  {
    const QSignalBlocker block(list_);
    list_->clear();
  }
  for (const analysis::IdkPrompt& p : prompts)
    add(p);
  if (list_->count() > 0) list_->setCurrentRow(0);
  markReference();
  selectionChanged();
  emit changed();
}

std::vector<analysis::IdkPrompt> IdkPromptList::prompts() const {
  std::vector<analysis::IdkPrompt> out;
  for (int i = 0; i < list_->count(); ++i) {
    const QListWidgetItem* item = list_->item(i);
    if (item->checkState() != Qt::Checked) continue;
    out.push_back({item->data(kNameRole).toString().toStdString(), words(item).toStdString()});
  }
  return out;
}

void IdkPromptList::markReference() {
  // The first ticked prompt is the reference: said in its name.
  const QSignalBlocker block(list_);
  bool first = true;
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    const QString name = displayName(item->data(kNameRole).toString().toStdString());
    const bool reference = first && item->checkState() == Qt::Checked;
    if (reference) first = false;
    item->setText(reference ? tr("%1 (the reference)").arg(name) : name);
  }
}

void IdkPromptList::addPrompt() {
  int n = 1;
  const auto taken = [this](const QString& name) {
    for (int i = 0; i < list_->count(); ++i)
      if (list_->item(i)->data(kNameRole).toString() == name) return true;
    return false;
  };
  while (taken(tr("Your prompt %1").arg(n)))
    ++n;
  QListWidgetItem* item =
      add({tr("Your prompt %1").arg(n).toStdString(), std::string(model::kStudyTemplate)});
  markReference();
  list_->setCurrentItem(item);
  showWording(true);
  wording_->setFocus();
  emit changed();
}

void IdkPromptList::removeSelected() {
  QListWidgetItem* item = list_->currentItem();
  if (!item) return;
  const QString name = item->data(kNameRole).toString();
  // The built-in prompts stay listed (untick them to leave them out).
  if (name == QLatin1String("default") || name.startsWith(QLatin1String("inviting-"))) return;
  delete list_->takeItem(list_->row(item));
  markReference();
  selectionChanged();
  emit changed();
}

void IdkPromptList::selectionChanged() {
  const QListWidgetItem* item = list_->currentItem();
  const QSignalBlocker block(wording_);
  wording_->setPlainText(item ? words(item) : QString());
  wording_->setEnabled(item != nullptr);
  const QString name = item ? item->data(kNameRole).toString() : QString();
  remove_->setEnabled(item && name != QLatin1String("default") &&
                      !name.startsWith(QLatin1String("inviting-")));
}

void IdkPromptList::showWording(bool shown) {
  if (showWording_->isChecked() != shown) showWording_->setChecked(shown);  // comes back here
  wording_->setVisible(shown);
  showWording_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
}

}  // namespace unveil::ui
