#include "window/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include "browser/dataset_loading.h"
#include "run/model_library.h"
#include "session/calibration_session.h"
#include "session/prediction_loading.h"
#include "window/dataset_session.h"

namespace unveil::ui {

namespace {

constexpr RecentKind kKinds[] = {RecentKind::kDataset, RecentKind::kPredictions,
                                 RecentKind::kModel};

/// The file name, with its folder's name when another file of the list has the same name.
QString entryText(const QString& file, const QStringList& files) {
  const QFileInfo info(file);
  int same = 0;
  for (const QString& other : files)
    same += QFileInfo(other).fileName() == info.fileName();
  if (same < 2) return info.fileName();
  return RecentFiles::tr("%1 — %2").arg(info.fileName(), info.dir().dirName());
}

}  // namespace

RecentFiles::RecentFiles(CalibrationSession* calibration, DatasetSession* datasets,
                         ModelLibrary* models, QObject* parent)
    : QObject(parent), calibration_(calibration), datasets_(datasets), models_(models) {
  connect(datasets_, &DatasetSession::loaded, this, [this] {
    const auto& loaded = datasets_->dataset();
    // A dataset read from a project belongs to the project's entry.
    if (loaded && classifyFile(loaded->path) != FileKind::kProject)
      remember(RecentKind::kDataset, loaded->path);
  });
  connect(calibration_, &CalibrationSession::testLoaded, this, [this] {
    const auto& test = calibration_->test();
    if (test && !test->synthetic && test->runId < 0 && !isExamplePath(test->path) &&
        classifyFile(test->path) != FileKind::kProject)
      remember(RecentKind::kPredictions, test->path);
  });
  // Models a project offers load too; only the ones the user opened count.
  connect(models_, &ModelLibrary::added, this, [this](const QString& card) {
    if (models_->model(card))
      remember(RecentKind::kModel, card);  // loaded before: no loaded() follows
    else
      addedModels_ << card;
  });
  connect(models_, &ModelLibrary::loaded, this, [this](const QString& card, double) {
    if (addedModels_.removeAll(card) > 0) remember(RecentKind::kModel, card);
  });
  connect(models_, &ModelLibrary::failed, this,
          [this](const QString& card, const QString&) { addedModels_.removeAll(card); });
}

bool RecentFiles::hasAny() {
  for (RecentKind kind : kKinds)
    if (!Settings::recentFiles(kind).isEmpty()) return true;
  return false;
}

QString RecentFiles::title(RecentKind kind) {
  switch (kind) {
    case RecentKind::kPredictions:
      return tr("Predictions");
    case RecentKind::kModel:
      return tr("Models");
    case RecentKind::kDataset:
      break;
  }
  return tr("Datasets");
}

void RecentFiles::addSections(QMenu* menu) {
  for (RecentKind kind : kKinds) {
    const QStringList files = Settings::recentFiles(kind);
    if (files.isEmpty()) continue;
    menu->addSection(title(kind));
    for (const QString& file : files) {
      QAction* action =
          menu->addAction(entryText(file, files), this, [this, file] { emit openRequested(file); });
      action->setToolTip(file);
      action->setEnabled(QFileInfo::exists(file));
    }
  }
}

void RecentFiles::remember(RecentKind kind, const QString& path) {
  if (!remembers_ || path.isEmpty()) return;
  Settings::addRecentFile(kind, QFileInfo(path).absoluteFilePath());
  emit changed();
}

}  // namespace unveil::ui
