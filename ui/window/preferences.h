// The preferences as the window uses them: applied to its panels at start, and edited in the
// Preferences dialog (Edit ▸ Preferences…), whose OK applies what changed at once — the look,
// the binning, the bootstrap's resamples, the defaults of new runs. The language changes at the
// next start.
#pragma once

namespace unveil::ui {

class MainWindow;
struct Preferences;

/// Applies `preferences` to the window's panels (not the look, which is the application's:
/// Theme::apply).
void applyPreferences(MainWindow* window, const Preferences& preferences);
/// Shows the Preferences dialog over `window`; on OK saves the settings and applies the ones
/// that changed (the look included). Returns whether the user pressed OK.
bool editPreferences(MainWindow* window);

}  // namespace unveil::ui
