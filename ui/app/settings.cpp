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

}  // namespace unveil::ui
