#include "analyses/run_setup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include "app/run_names.h"
#include "model/model_card.h"
#include "project/project_session.h"
#include "run/model_library.h"

namespace unveil::ui {

RunSetup::RunSetup(ProjectSession* project, ModelLibrary* models, const QString& preferredSplit,
                   QWidget* parent)
    : QWidget(parent), project_(project), models_(models), preferred_(preferredSplit) {
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("analysisModel"));
  model_->setMinimumContentsLength(14);
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setToolTip(tr("The model to run (Models ▸ Open model… adds one)"));
  dataset_ = new QComboBox(this);
  dataset_->setToolTip(tr("A dataset of the project"));
  split_ = new QComboBox(this);
  split_->setToolTip(tr("The items to use: one split of the dataset"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("Model:"), this));
  layout->addWidget(model_, 2);
  layout->addWidget(new QLabel(tr("Items:"), this));
  layout->addWidget(dataset_, 1);
  layout->addWidget(split_, 1);
  connect(dataset_, &QComboBox::currentIndexChanged, this, &RunSetup::fillSplits);
  connect(model_, &QComboBox::currentIndexChanged, this, &RunSetup::changed);
  connect(model_, &QComboBox::activated, this, [this] { userChoseModel_ = true; });
  connect(split_, &QComboBox::currentIndexChanged, this, &RunSetup::changed);
  connect(models_, &ModelLibrary::cardsChanged, this, &RunSetup::fill);
  connect(project_, &ProjectSession::changed, this, &RunSetup::fill);
  connect(project_, &ProjectSession::closed, this, &RunSetup::fill);
  fill();
}

void RunSetup::preferImageModels() {
  preferImages_ = true;
  fill();
}

bool RunSetup::readsImages(const QString& card) {
  const auto c = model::read_model_card(card.toStdString());
  return c.ok() && c->image;
}

void RunSetup::fill() {
  models_->fillComboBox(model_);
  if (preferImages_ && !userChoseModel_ && model_->count() > 0 && !readsImages(card())) {
    for (int i = 0; i < model_->count(); ++i) {
      if (!readsImages(model_->itemData(i).toString())) continue;
      const QSignalBlocker block(model_);
      model_->setCurrentIndex(i);
      break;
    }
  }
  const QString current = dataset_->currentText();
  {
    const QSignalBlocker block(dataset_);
    dataset_->clear();
    if (project_->isOpen())
      for (const store::DatasetInfo& d : project_->state()->datasets)
        dataset_->addItem(QString::fromStdString(d.name));
    const int at = dataset_->findText(current);
    if (at >= 0) dataset_->setCurrentIndex(at);
  }
  fillSplits();
}

void RunSetup::fillSplits() {
  const QString current = split_->currentData().toString();
  {
    const QSignalBlocker block(split_);
    split_->clear();
    if (project_->isOpen())
      for (const store::DatasetInfo& d : project_->state()->datasets) {
        if (QString::fromStdString(d.name) != dataset_->currentText()) continue;
        for (const auto& [name, n] : d.splits)
          split_->addItem(tr("%1 (%2 items)")
                              .arg(name.empty() ? tr("no split") : splitName(name))
                              .arg(QLocale().toString(static_cast<qlonglong>(n))),
                          QString::fromStdString(name));
      }
    int at = split_->findData(current);
    if (at < 0) at = split_->findData(preferred_);
    if (at >= 0) split_->setCurrentIndex(at);
  }
  emit changed();
}

QString RunSetup::card() const {
  return model_->currentData().toString();
}
QString RunSetup::dataset() const {
  return dataset_->currentText();
}
QString RunSetup::split() const {
  return split_->currentData().toString();
}
QStringList RunSetup::splits() const {
  QStringList out;
  for (int i = 0; i < split_->count(); ++i)
    out << split_->itemData(i).toString();
  return out;
}

bool RunSetup::isComplete() const {
  return model_->count() > 0 && split_->count() > 0;
}

bool RunSetup::choose(const QString& card, const QString& dataset, const QString& split) {
  const int m = model_->findData(card);
  const int d = dataset_->findText(dataset);
  if (m < 0 || d < 0) return false;
  model_->setCurrentIndex(m);
  dataset_->setCurrentIndex(d);
  const int s = split_->findData(split);
  if (s < 0) return false;
  split_->setCurrentIndex(s);
  return true;
}

}  // namespace unveil::ui
