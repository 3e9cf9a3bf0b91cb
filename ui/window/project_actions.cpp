#include "window/project_actions.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

#include "app/settings.h"
#include "project/project_session.h"
#include "project/save_predictions_dialog.h"
#include "session/calibration_session.h"
#include "window/dataset_session.h"
#include "window/recent_files.h"

namespace unveil::ui {

namespace {
QString projectFilter() {
  return ProjectActions::tr("Unveil projects (*.unveil);;All files (*)");
}

/// "file.unveil" appended when the user typed a bare name.
QString withSuffix(const QString& path) {
  return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".unveil") : path;
}
}  // namespace

ProjectActions::ProjectActions(QWidget* window, ProjectSession* project,
                               CalibrationSession* calibration, DatasetSession* datasets)
    : QObject(window),
      window_(window),
      project_(project),
      calibration_(calibration),
      datasets_(datasets) {
  new_ = new QAction(tr("&New project…"), this);
  new_->setShortcut(QKeySequence::New);
  new_->setToolTip(
      tr("Create an empty project file (*.unveil) to keep runs and datasets in "
         "(Ctrl+N)"));
  connect(new_, &QAction::triggered, this, &ProjectActions::chooseNew);
  open_ = new QAction(tr("Open &project…"), this);
  open_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  open_->setToolTip(tr("Open a project file (*.unveil) and list its runs (Ctrl+Shift+P)"));
  connect(open_, &QAction::triggered, this, &ProjectActions::chooseOpen);
  saveAs_ = new QAction(tr("Save project &as…"), this);
  saveAs_->setShortcut(QKeySequence::SaveAs);
  saveAs_->setToolTip(
      tr("Save a consistent copy of the project under a new name, even while "
         "it is in use, and continue on the copy (Ctrl+Shift+S)"));
  connect(saveAs_, &QAction::triggered, this, &ProjectActions::chooseSaveAs);
  savePredictions_ = new QAction(tr("Save &predictions to project…"), this);
  savePredictions_->setShortcut(QKeySequence::Save);
  savePredictions_->setToolTip(
      tr("Keep the opened predictions (and their calibration split) "
         "in the project as runs (Ctrl+S)"));
  connect(savePredictions_, &QAction::triggered, this, &ProjectActions::savePredictions);
  importDataset_ = new QAction(tr("&Import dataset into project"), this);
  importDataset_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
  importDataset_->setToolTip(
      tr("Add the dataset open in the browser, with its items, to the project (Ctrl+Shift+I)"));
  connect(importDataset_, &QAction::triggered, this, &ProjectActions::importDataset);
  close_ = new QAction(tr("&Close project"), this);
  close_->setToolTip(tr("Stop working on the project; it stays on disk"));
  connect(close_, &QAction::triggered, project_, &ProjectSession::close);

  recent_ = new QMenu(tr("Open &recent"), window_);
  recent_->setToolTipsVisible(true);
  connect(recent_, &QMenu::aboutToShow, this, &ProjectActions::fillRecent);

  connect(project_, &ProjectSession::opened, this, &ProjectActions::remember);
  connect(project_, &ProjectSession::closed, this, [this] {
    if (remembers_) Settings::setLastProject(QString());
  });
  for (auto signal : {&ProjectSession::changed, &ProjectSession::idle})
    connect(project_, signal, this, &ProjectActions::updateActions);
  connect(project_, &ProjectSession::activityChanged, this, &ProjectActions::updateActions);
  connect(calibration_, &CalibrationSession::testLoaded, this, &ProjectActions::updateActions);
  connect(datasets_, &DatasetSession::loaded, this, &ProjectActions::updateActions);
  updateActions();
}

void ProjectActions::addToMenu(QMenu* file) {
  file->addAction(new_);
  file->addAction(open_);
  file->addMenu(recent_);
  file->addAction(saveAs_);
  file->addAction(close_);
  file->addSeparator();
  file->addAction(savePredictions_);
  file->addAction(importDataset_);
}

void ProjectActions::updateActions() {
  const bool open = project_->isOpen();
  const bool writable = open && !project_->isReadOnly();
  saveAs_->setEnabled(open);
  close_->setEnabled(open);
  // Saving the built-in example into a project would pass synthetic numbers off as a model's.
  const auto& test = calibration_->test();
  savePredictions_->setEnabled(writable && test && !test->synthetic &&
                               test->path != project_->path());
  importDataset_->setEnabled(writable && datasets_->dataset().has_value());
  recent_->setEnabled(!Settings::recentProjects().isEmpty() ||
                      (recentFiles_ && RecentFiles::hasAny()));
}

void ProjectActions::setRemembers(bool remembers) {
  remembers_ = remembers;
  if (recentFiles_) recentFiles_->setRemembers(remembers);
}

void ProjectActions::setRecentFiles(RecentFiles* recent) {
  recentFiles_ = recent;
  recentFiles_->setRemembers(remembers_);
  connect(recentFiles_, &RecentFiles::changed, this, &ProjectActions::updateActions);
  updateActions();
}

void ProjectActions::remember() {
  if (!remembers_) return;
  Settings::addRecentProject(project_->path());
  Settings::setLastProject(project_->path());
  updateActions();
}

void ProjectActions::fillRecent() {
  recent_->clear();
  const QStringList projects = Settings::recentProjects();
  // Headings only when the files of other kinds are listed below.
  if (recentFiles_ && !projects.isEmpty()) recent_->addSection(tr("Projects"));
  for (const QString& file : projects) {
    QAction* action = recent_->addAction(QFileInfo(file).fileName(), this,
                                         [this, file] { project_->open(file); });
    action->setToolTip(file);
    action->setEnabled(QFileInfo::exists(file));
  }
  if (recentFiles_) recentFiles_->addSections(recent_);
  recent_->addSeparator();
  QAction* clear = recent_->addAction(tr("Clear the list"), this, [this] {
    if (recentFiles_)
      Settings::clearRecent();
    else
      Settings::setRecentProjects({});
    updateActions();
  });
  clear->setToolTip(tr("Forget the recently opened files; the files stay on disk"));
}

void ProjectActions::chooseNew() {
  const QString path = QFileDialog::getSaveFileName(
      window_, tr("New project"), Settings::lastDirectory() + QStringLiteral("/project.unveil"),
      projectFilter());
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  project_->create(withSuffix(path));
}

void ProjectActions::chooseOpen() {
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open project"),
                                                    Settings::lastDirectory(), projectFilter());
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  project_->open(path);
}

void ProjectActions::chooseSaveAs() {
  if (!project_->isOpen()) return;
  const QString path = QFileDialog::getSaveFileName(window_, tr("Save project as"),
                                                    Settings::lastDirectory(), projectFilter());
  if (path.isEmpty()) return;
  Settings::setLastDirectory(QFileInfo(path).absolutePath());
  project_->saveAs(withSuffix(path));
}

void ProjectActions::savePredictions() {
  const auto& test = calibration_->test();
  if (!test || !project_->isOpen()) return;
  const auto& calibration = calibration_->calibration();
  const QString name = QFileInfo(test->displayName).completeBaseName();
  SavePredictionsDialog dialog(name, name, calibration.has_value(), window_);
  if (dialog.exec() != QDialog::Accepted) return;
  std::vector<RunToSave> runs{{test->set, dialog.datasetName(), dialog.runName()}};
  if (calibration)
    runs.push_back({calibration->set, dialog.datasetName(),
                    SavePredictionsDialog::calibrationRunName(dialog.runName())});
  project_->savePredictions(runs);
}

void ProjectActions::importDataset() {
  const auto& dataset = datasets_->dataset();
  if (!dataset || !project_->isOpen()) return;
  project_->importDataset(dataset->dataset, dataset->path, dataset->format);
}

}  // namespace unveil::ui
