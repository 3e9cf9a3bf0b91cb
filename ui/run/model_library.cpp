#include "run/model_library.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "app/settings.h"

namespace unveil::ui {

ModelLibrary::ModelLibrary(QObject* parent) : QObject(parent) {}

ModelLibrary::~ModelLibrary() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>())
    watcher->waitForFinished();
}

void ModelLibrary::setRemembers(bool remembers) {
  remembers_ = remembers;
  if (!remembers) return;
  for (const QString& card : Settings::models())
    if (!cards_.contains(card) && QFileInfo::exists(card)) cards_ << card;
  emit cardsChanged();
}

void ModelLibrary::add(const QString& cardPath) {
  const QString path = QFileInfo(cardPath).absoluteFilePath();
  cards_.removeAll(path);
  cards_.prepend(path);
  if (remembers_) Settings::setModels(cards_);
  emit cardsChanged();
  emit added(path);
  load(path);
}

void ModelLibrary::offer(const QString& cardPath) {
  const QString path = QFileInfo(cardPath).absoluteFilePath();
  if (cards_.contains(path) || !QFileInfo::exists(path)) return;
  cards_.append(path);
  if (remembers_) Settings::setModels(cards_);
  emit cardsChanged();
}

void ModelLibrary::load(const QString& cardPath) {
  if (models_.count(cardPath) || loading_.contains(cardPath)) return;
  loading_ << cardPath;
  auto* watcher = new QFutureWatcher<ModelLoadResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    const ModelLoadResult r = watcher->result();
    loading_.removeAll(r.path);
    if (!r.model) {
      emit failed(r.path, r.error);
      return;
    }
    models_[r.path] = r.model;
    emit cardsChanged();  // the display name is the model's own now
    emit loaded(r.path, r.milliseconds);
  });
  watcher->setFuture(
      QtConcurrent::run([cardPath, device = device_] { return loadModel(cardPath, device); }));
}

std::shared_ptr<const model::Model> ModelLibrary::model(const QString& cardPath) const {
  const auto it = models_.find(cardPath);
  return it == models_.end() ? nullptr : it->second;
}

void ModelLibrary::fillComboBox(QComboBox* box) const {
  const QString current = box->currentData().toString();
  const QSignalBlocker blocker(box);
  box->clear();
  for (const QString& card : cards_) {
    box->addItem(displayName(card), card);
    box->setItemData(box->count() - 1, card, Qt::ToolTipRole);
  }
  const int i = box->findData(current);
  box->setCurrentIndex(i >= 0 ? i : 0);
}

QString ModelLibrary::displayName(const QString& cardPath) const {
  if (const auto m = model(cardPath)) return QString::fromStdString(m->card().name);
  return QFileInfo(cardPath).completeBaseName();
}

}  // namespace unveil::ui
