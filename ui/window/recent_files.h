// The recent list beyond projects: datasets, prediction files and model cards, each remembered
// (in Settings) once it has opened without error, and listed under its own heading in
// File ▸ Open recent. Choosing one asks the window to open it (openRequested), as if it had been
// dropped on it.
#pragma once

#include <QObject>
#include <QStringList>

#include "app/settings.h"

class QMenu;

namespace unveil::ui {

class CalibrationSession;
class DatasetSession;
class ModelLibrary;

class RecentFiles : public QObject {
  Q_OBJECT

 public:
  RecentFiles(CalibrationSession* calibration, DatasetSession* datasets, ModelLibrary* models,
              QObject* parent = nullptr);

  /// Whether opened files go into the list (not for --screenshot, nor in tests that say so).
  void setRemembers(bool remembers) { remembers_ = remembers; }
  bool remembers() const { return remembers_; }

  /// Whether any kind lists a file.
  static bool hasAny();
  /// Adds a titled section per kind that lists files, with an action per file, to `menu`.
  void addSections(QMenu* menu);
  /// The heading of a kind's section ("Datasets").
  static QString title(RecentKind kind);

 signals:
  /// A file of the list was chosen.
  void openRequested(const QString& path);
  /// The list changed.
  void changed();

 private:
  void remember(RecentKind kind, const QString& path);

  CalibrationSession* calibration_ = nullptr;
  DatasetSession* datasets_ = nullptr;
  ModelLibrary* models_ = nullptr;
  QStringList addedModels_;  ///< cards the user added, remembered once they load
  bool remembers_ = true;
};

}  // namespace unveil::ui
