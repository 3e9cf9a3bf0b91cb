#!/usr/bin/env bash
# The README's first command: install what is missing, build, and open the workbench.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset release -DUNVEIL_BUILD_UI=ON >/dev/null
cmake --build --preset release --target unveil unveil-cli

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/app/gui/unveil "$@"
fi
# No screen to open a window on (a server, a container): render the window offscreen instead.
shot=build/unveil-screenshot.png
QT_QPA_PLATFORM=offscreen build/release/app/gui/unveil --screenshot "$shot" "$@"
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): the workbench was rendered"
echo "offscreen to $shot. Run build/release/app/gui/unveil on a desktop to use it."
