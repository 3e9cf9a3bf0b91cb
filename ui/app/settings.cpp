#include "app/settings.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace unveil::ui {

namespace {
namespace key {
const auto kLanguage = QStringLiteral("ui/language");
const auto kLastDirectory = QStringLiteral("files/lastDirectory");
const auto kBins = QStringLiteral("analysis/bins");
const auto kBinning = QStringLiteral("analysis/binning");
const auto kRecentProjects = QStringLiteral("projects/recent");
const auto kModels = QStringLiteral("models/cards");
const auto kLastProject = QStringLiteral("projects/last");
const auto kLastRunProject = QStringLiteral("projects/lastRunProject");
const auto kLastRun = QStringLiteral("projects/lastRun");
const auto kWindowGeometry = QStringLiteral("window/geometry");
const auto kWindowState = QStringLiteral("window/state");
const auto kTheme = QStringLiteral("ui/theme");
const auto kRunDevice = QStringLiteral("runs/device");
const auto kRunBatchSize = QStringLiteral("runs/batchSize");
const auto kBootstrapReplicates = QStringLiteral("analysis/bootstrapReplicates");
const auto kRecentDatasets = QStringLiteral("files/recentDatasets");
const auto kRecentPredictions = QStringLiteral("files/recentPredictions");
const auto kRecentModels = QStringLiteral("files/recentModels");
}  // namespace key

QString recentKey(RecentKind kind) {
  switch (kind) {
    case RecentKind::kPredictions:
      return key::kRecentPredictions;
    case RecentKind::kModel:
      return key::kRecentModels;
    case RecentKind::kDataset:
      break;
  }
  return key::kRecentDatasets;
}

/// `files` without empty entries and repeats, at most `limit` long.
QStringList trimmed(QStringList files, int limit) {
  files.removeAll(QString());
  files.removeDuplicates();
  while (files.size() > limit)
    files.removeLast();
  return files;
}
}  // namespace

QString Settings::language() {
  return QSettings().value(key::kLanguage).toString();
}
void Settings::setLanguage(const QString& language) {
  QSettings().setValue(key::kLanguage, language);
}

ThemeChoice Settings::theme() {
  const QString value = QSettings().value(key::kTheme).toString();
  if (value == QLatin1String("light")) return ThemeChoice::kLight;
  if (value == QLatin1String("dark")) return ThemeChoice::kDark;
  return ThemeChoice::kSystem;
}
void Settings::setTheme(ThemeChoice theme) {
  QString value = QStringLiteral("system");
  if (theme == ThemeChoice::kLight) value = QStringLiteral("light");
  if (theme == ThemeChoice::kDark) value = QStringLiteral("dark");
  QSettings().setValue(key::kTheme, value);
}

QString Settings::runDevice() {
  const QString device = QSettings().value(key::kRunDevice).toString();
  return device == QLatin1String("cpu") || device == QLatin1String("cuda") ? device
                                                                           : QStringLiteral("auto");
}
void Settings::setRunDevice(const QString& device) {
  QSettings().setValue(key::kRunDevice, device);
}
int Settings::runBatchSize() {
  return std::clamp(QSettings().value(key::kRunBatchSize, kDefaultBatchSize).toInt(), kMinBatchSize,
                    kMaxBatchSize);
}
void Settings::setRunBatchSize(int batch) {
  QSettings().setValue(key::kRunBatchSize, batch);
}

int Settings::bootstrapReplicates() {
  return std::clamp(
      QSettings().value(key::kBootstrapReplicates, kDefaultBootstrapReplicates).toInt(),
      kMinBootstrapReplicates, kMaxBootstrapReplicates);
}
void Settings::setBootstrapReplicates(int replicates) {
  QSettings().setValue(key::kBootstrapReplicates, replicates);
}

Preferences Settings::preferences() {
  Preferences p;
  p.language = language();
  p.theme = theme();
  p.metrics = metricsOptions();
  p.device = runDevice();
  p.batchSize = runBatchSize();
  p.bootstrapReplicates = bootstrapReplicates();
  return p;
}
void Settings::setPreferences(const Preferences& p) {
  setLanguage(p.language);
  setTheme(p.theme);
  setMetricsOptions(p.metrics);
  setRunDevice(p.device);
  setRunBatchSize(p.batchSize);
  setBootstrapReplicates(p.bootstrapReplicates);
}

QString Settings::lastDirectory() {
  return QSettings().value(key::kLastDirectory, QDir::homePath()).toString();
}
void Settings::setLastDirectory(const QString& directory) {
  QSettings().setValue(key::kLastDirectory, directory);
}

calib::MetricsOptions Settings::metricsOptions() {
  QSettings settings;
  calib::MetricsOptions options;
  options.bins = std::clamp(settings.value(key::kBins, kDefaultBins).toInt(), kMinBins, kMaxBins);
  options.binning = settings.value(key::kBinning).toString() == QLatin1String("mass")
                        ? calib::Binning::kEqualMass
                        : calib::Binning::kEqualWidth;
  return options;
}
void Settings::setMetricsOptions(const calib::MetricsOptions& options) {
  QSettings settings;
  settings.setValue(key::kBins, options.bins);
  settings.setValue(key::kBinning, options.binning == calib::Binning::kEqualMass
                                       ? QStringLiteral("mass")
                                       : QStringLiteral("width"));
}

QStringList Settings::recentProjects() {
  QStringList files = QSettings().value(key::kRecentProjects).toStringList();
  files.removeAll(QString());
  while (files.size() > kMaxRecentProjects)
    files.removeLast();
  return files;
}
void Settings::setRecentProjects(const QStringList& files) {
  QSettings().setValue(key::kRecentProjects, files.mid(0, kMaxRecentProjects));
}
void Settings::addRecentProject(const QString& file) {
  QStringList files = recentProjects();
  files.removeAll(file);
  files.prepend(file);
  setRecentProjects(files);
}

QStringList Settings::recentFiles(RecentKind kind) {
  return trimmed(QSettings().value(recentKey(kind)).toStringList(), kMaxRecentFiles);
}
void Settings::setRecentFiles(RecentKind kind, const QStringList& files) {
  QSettings().setValue(recentKey(kind), trimmed(files, kMaxRecentFiles));
}
void Settings::addRecentFile(RecentKind kind, const QString& file) {
  QStringList files = recentFiles(kind);
  files.removeAll(file);
  files.prepend(file);
  setRecentFiles(kind, files);
}
void Settings::clearRecent() {
  setRecentProjects({});
  for (RecentKind kind : {RecentKind::kDataset, RecentKind::kPredictions, RecentKind::kModel})
    setRecentFiles(kind, {});
}

QString Settings::lastProject() {
  return QSettings().value(key::kLastProject).toString();
}
void Settings::setLastProject(const QString& file) {
  QSettings().setValue(key::kLastProject, file);
}

qint64 Settings::lastRun(const QString& project) {
  QSettings settings;
  if (settings.value(key::kLastRunProject).toString() != project) return -1;
  bool ok = false;
  const qint64 id = settings.value(key::kLastRun).toLongLong(&ok);
  return ok ? id : -1;
}
void Settings::setLastRun(const QString& project, qint64 runId) {
  QSettings settings;
  settings.setValue(key::kLastRunProject, project);
  settings.setValue(key::kLastRun, runId);
}

QByteArray Settings::windowGeometry() {
  return QSettings().value(key::kWindowGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray& geometry) {
  QSettings().setValue(key::kWindowGeometry, geometry);
}
QByteArray Settings::windowState() {
  return QSettings().value(key::kWindowState).toByteArray();
}
void Settings::setWindowState(const QByteArray& state) {
  QSettings().setValue(key::kWindowState, state);
}

QStringList Settings::models() {
  return QSettings().value(key::kModels).toStringList();
}
void Settings::setModels(const QStringList& cards) {
  QSettings().setValue(key::kModels, cards);
}

}  // namespace unveil::ui
