// The user's settings, typed, with their keys declared in this one place.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "calib/metrics.h"

namespace unveil::ui {

/// The look of the window: the platform's, or forced light or dark.
enum class ThemeChoice { kSystem, kLight, kDark };

/// Files other than projects that the recent list keeps, each kind in its own section.
enum class RecentKind { kDataset, kPredictions, kModel };

struct Preferences;

class Settings {
 public:
  /// UI language ("zh_CN"); empty means the system locale.
  static QString language();
  static void setLanguage(const QString& language);

  /// Light, dark or the system's look.
  static ThemeChoice theme();
  static void setTheme(ThemeChoice theme);

  /// Device of new runs ("auto", "cpu" or "cuda") and items per batch of a batch run.
  static QString runDevice();
  static void setRunDevice(const QString& device);
  static int runBatchSize();
  static void setRunBatchSize(int batch);

  /// Resamples of the bootstrap intervals the metrics panel shows.
  static int bootstrapReplicates();
  static void setBootstrapReplicates(int replicates);

  /// Everything the Preferences dialog edits, read and written at once.
  static Preferences preferences();
  static void setPreferences(const Preferences& preferences);

  /// The folder the last file dialog was in.
  static QString lastDirectory();
  static void setLastDirectory(const QString& directory);

  /// Bin count and binning of the last session.
  static calib::MetricsOptions metricsOptions();
  static void setMetricsOptions(const calib::MetricsOptions& options);

  /// Project files opened most recently, newest first (at most kMaxRecentProjects).
  static QStringList recentProjects();
  static void setRecentProjects(const QStringList& files);
  /// Puts `file` first in the recent list.
  static void addRecentProject(const QString& file);

  /// Datasets, prediction files or model cards opened most recently, newest first (at most
  /// kMaxRecentFiles of each kind).
  static QStringList recentFiles(RecentKind kind);
  static void setRecentFiles(RecentKind kind, const QStringList& files);
  /// Puts `file` first in the recent list of its kind.
  static void addRecentFile(RecentKind kind, const QString& file);
  /// Forgets the recent projects and files of every kind.
  static void clearRecent();

  /// The project open when the window last closed ("" when none); reopened on start.
  static QString lastProject();
  static void setLastProject(const QString& file);
  /// The run last shown of `project` (so that a relaunch reopens what was on screen); -1 when
  /// none is remembered for that file.
  static qint64 lastRun(const QString& project);
  static void setLastRun(const QString& project, qint64 runId);

  /// Model cards opened with Models ▸ Open model…, most recent first.
  static QStringList models();
  static void setModels(const QStringList& cards);

  /// QMainWindow::saveGeometry()/saveState() as last left.
  static QByteArray windowGeometry();
  static void setWindowGeometry(const QByteArray& geometry);
  static QByteArray windowState();
  static void setWindowState(const QByteArray& state);

  static constexpr int kMaxRecentProjects = 8;
  static constexpr int kMinBins = 2;
  static constexpr int kMaxBins = 50;
  static constexpr int kDefaultBins = 10;    ///< the study's choice
  static constexpr int kMaxRecentFiles = 6;  ///< of each kind
  static constexpr int kMinBatchSize = 1;
  static constexpr int kMaxBatchSize = 1024;
  static constexpr int kDefaultBatchSize = 32;
  static constexpr int kMinBootstrapReplicates = 50;
  static constexpr int kMaxBootstrapReplicates = 10'000;
  static constexpr int kDefaultBootstrapReplicates = 200;
};

/// What the Preferences dialog edits; a default-constructed one holds the defaults.
struct Preferences {
  QString language;  ///< "" (the system's), "en" or "zh_CN"
  ThemeChoice theme = ThemeChoice::kSystem;
  calib::MetricsOptions metrics;                ///< bins and binning
  QString device = QStringLiteral("auto");      ///< of new runs: auto, cpu or cuda
  int batchSize = Settings::kDefaultBatchSize;  ///< items per batch of a batch run
  int bootstrapReplicates = Settings::kDefaultBootstrapReplicates;  ///< of the metrics' intervals

  bool operator==(const Preferences& o) const {
    return language == o.language && theme == o.theme && metrics.bins == o.metrics.bins &&
           metrics.binning == o.metrics.binning && device == o.device && batchSize == o.batchSize &&
           bootstrapReplicates == o.bootstrapReplicates;
  }
};

}  // namespace unveil::ui
