#include "analyses/condition_list.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/run_names.h"
#include "run/condition_picker.h"

namespace unveil::ui {

namespace {

constexpr int kSpecRole = Qt::UserRole + 1;
const QString kReference = QStringLiteral("image");

}  // namespace

ConditionList::ConditionList(QWidget* parent) : QWidget(parent) {
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("modalityConditions"));
  // Check boxes side by side, wrapping: eight conditions fit in two or three rows.
  list_->setFlow(QListView::LeftToRight);
  list_->setWrapping(true);
  list_->setResizeMode(QListView::Adjust);
  list_->setSpacing(3);
  list_->setSelectionMode(QAbstractItemView::NoSelection);
  list_->setFixedHeight(3 * (fontMetrics().height() + 12) + 2 * list_->frameWidth());
  list_->setToolTip(
      tr("Tick the conditions to compare with the image as given. A condition already run with "
         "the same model, items and prompt is reused."));
  picker_ = new ConditionPicker(this);
  picker_->setToolTip(tr("Another condition: choose its kind and amount, then Add"));
  add_ = new QPushButton(tr("Add"), this);
  add_->setToolTip(tr("Add this condition to the list, ticked"));

  auto* more = new QHBoxLayout;
  more->addWidget(new QLabel(tr("Another:"), this));
  more->addWidget(picker_, 1);
  more->addWidget(add_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(list_);
  layout->addLayout(more);

  // The study's conditions ticked; a few more offered.
  for (const char* spec : {"image", "text", "blank", "noise:0.3", "blur:2"})
    add(QString::fromLatin1(spec), true);
  for (const char* spec : {"grey", "occlude:0.25", "jpeg:10"})
    add(QString::fromLatin1(spec), false);

  connect(add_, &QPushButton::clicked, this, &ConditionList::addPicked);
  connect(list_, &QListWidget::itemChanged, this, &ConditionList::changed);
}

QListWidgetItem* ConditionList::find(const QString& spec) const {
  for (int i = 0; i < list_->count(); ++i)
    if (list_->item(i)->data(kSpecRole).toString() == spec) return list_->item(i);
  return nullptr;
}

QListWidgetItem* ConditionList::add(const QString& spec, bool ticked) {
  const bool reference = spec == kReference;
  auto* item = new QListWidgetItem(
      reference ? tr("%1 (the reference)").arg(conditionName(spec.toStdString()))
                : conditionName(spec.toStdString()));
  item->setData(kSpecRole, spec);
  item->setToolTip(reference ? tr("The image as given: every other condition is compared with it")
                             : tr("Stored as “%1”").arg(spec));
  // The reference cannot be unticked: without it there is nothing to compare with.
  item->setFlags(reference ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
  item->setCheckState(ticked || reference ? Qt::Checked : Qt::Unchecked);
  list_->addItem(item);
  return item;
}

void ConditionList::addPicked() {
  const QString spec = picker_->condition();
  if (QListWidgetItem* known = find(spec)) {
    known->setCheckState(Qt::Checked);
  } else {
    add(spec, true);
    emit changed();
  }
  list_->scrollToBottom();
}

QStringList ConditionList::specs() const {
  QStringList out{kReference};
  for (int i = 0; i < list_->count(); ++i) {
    const QListWidgetItem* item = list_->item(i);
    const QString spec = item->data(kSpecRole).toString();
    if (spec != kReference && item->checkState() == Qt::Checked) out << spec;
  }
  return out;
}

void ConditionList::setSpecs(const QStringList& specs) {
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    if (item->data(kSpecRole).toString() != kReference) item->setCheckState(Qt::Unchecked);
  }
  for (const QString& raw : specs) {
    const QString spec = raw.trimmed();
    if (spec.isEmpty()) continue;
    if (QListWidgetItem* known = find(spec)) {
      known->setCheckState(Qt::Checked);
    } else {
      add(spec, true);
    }
  }
  emit changed();
}

}  // namespace unveil::ui
