// The GUI program around the main window: command line, translations, style, and the
// --screenshot mode that renders the window offscreen and exits.
#pragma once

namespace unveil::ui {

/// Runs the workbench; returns the process exit status.
int runUnveil(int argc, char* argv[]);

}  // namespace unveil::ui
