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
const auto kWindowGeometry = QStringLiteral("window/geometry");
const auto kWindowState = QStringLiteral("window/state");
const auto kDatasetSplitter = QStringLiteral("window/datasetSplitter");
}  // namespace key
}  // namespace

QString Settings::language() {
  return QSettings().value(key::kLanguage).toString();
}
void Settings::setLanguage(const QString& language) {
  QSettings().setValue(key::kLanguage, language);
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

QString Settings::lastProject() {
  return QSettings().value(key::kLastProject).toString();
}
void Settings::setLastProject(const QString& file) {
  QSettings().setValue(key::kLastProject, file);
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
QByteArray Settings::datasetSplitterState() {
  return QSettings().value(key::kDatasetSplitter).toByteArray();
}
void Settings::setDatasetSplitterState(const QByteArray& state) {
  QSettings().setValue(key::kDatasetSplitter, state);
}

QStringList Settings::models() {
  return QSettings().value(key::kModels).toStringList();
}
void Settings::setModels(const QStringList& cards) {
  QSettings().setValue(key::kModels, cards);
}

}  // namespace unveil::ui
