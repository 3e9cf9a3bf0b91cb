// The project commands of the File menu — new, open, open recent, save as, save the opened
// predictions as runs, import the browsed dataset — with their dialogs. The work is done by
// ProjectSession in the background. Open recent lists the recent projects, and with a
// RecentFiles, the recent datasets, prediction files and models below them.
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace unveil::ui {

class CalibrationSession;
class DatasetSession;
class ProjectSession;
class RecentFiles;

class ProjectActions : public QObject {
  Q_OBJECT

 public:
  ProjectActions(QWidget* window, ProjectSession* project, CalibrationSession* calibration,
                 DatasetSession* datasets);

  /// Adds the actions and the Open recent submenu to `file`.
  void addToMenu(QMenu* file);
  void updateActions();
  /// Whether opened projects go into the recent list and are reopened on start (not for
  /// --screenshot).
  void setRemembers(bool remembers);
  /// Lists the files of `recent` in Open recent too (a section per kind), and clears them with
  /// the projects.
  void setRecentFiles(RecentFiles* recent);
  RecentFiles* recentFiles() const { return recentFiles_; }
  /// Fills Open recent as it is about to show (for tests).
  void fillRecent();

  QAction* newProjectAction() const { return new_; }
  QAction* openProjectAction() const { return open_; }
  QAction* saveAsAction() const { return saveAs_; }
  QAction* savePredictionsAction() const { return savePredictions_; }
  QAction* importDatasetAction() const { return importDataset_; }
  QMenu* recentMenu() const { return recent_; }

 private:
  void chooseNew();
  void chooseOpen();
  void chooseSaveAs();
  void savePredictions();
  void importDataset();
  void remember();

  QWidget* window_ = nullptr;
  ProjectSession* project_ = nullptr;
  CalibrationSession* calibration_ = nullptr;
  DatasetSession* datasets_ = nullptr;
  bool remembers_ = true;
  QAction* new_ = nullptr;
  QAction* open_ = nullptr;
  QAction* saveAs_ = nullptr;
  QAction* savePredictions_ = nullptr;
  QAction* importDataset_ = nullptr;
  QAction* close_ = nullptr;
  QMenu* recent_ = nullptr;
  RecentFiles* recentFiles_ = nullptr;
};

}  // namespace unveil::ui
