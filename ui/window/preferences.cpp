#include "window/preferences.h"

#include "app/settings.h"
#include "app/settings_dialog.h"
#include "app/theme.h"
#include "run/batch_run_panel.h"
#include "run/model_library.h"
#include "session/calibration_session.h"
#include "window/main_window.h"

namespace unveil::ui {

static_assert(Settings::kDefaultBootstrapReplicates == CalibrationSession::kBootstrapReplicates,
              "the default of the setting is the session's own");

void applyPreferences(MainWindow* window, const Preferences& preferences) {
  window->setMetricsOptions(preferences.metrics);
  window->session()->setBootstrapReplicates(preferences.bootstrapReplicates);
  window->batchRunPanel()->setDevice(preferences.device);
  window->batchRunPanel()->setBatchSize(preferences.batchSize);
  window->models()->setDevice(preferences.device);
}

bool editPreferences(MainWindow* window) {
  const Preferences before = Settings::preferences();
  SettingsDialog dialog(window, before);
  if (dialog.exec() != QDialog::Accepted) return false;
  const Preferences after = Settings::preferences();
  if (after.theme != Theme::choice()) Theme::apply(after.theme);
  // Only what changed: a New run panel set by hand keeps its choices when OK changed nothing.
  if (after.metrics.bins != before.metrics.bins || after.metrics.binning != before.metrics.binning)
    window->setMetricsOptions(after.metrics);
  window->session()->setBootstrapReplicates(after.bootstrapReplicates);
  if (after.device != before.device) {
    window->batchRunPanel()->setDevice(after.device);
    window->models()->setDevice(after.device);
  }
  if (after.batchSize != before.batchSize) window->batchRunPanel()->setBatchSize(after.batchSize);
  return true;
}

}  // namespace unveil::ui
