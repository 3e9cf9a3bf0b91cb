#!/usr/bin/env bash
# The README's first command: install what is missing, build, and open the workbench.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset release -DUNVEIL_BUILD_UI=ON >/dev/null
cmake --build --preset release --target unveil unveil-cli

# The first launch builds the demo project (a few minutes on a 2-core machine) and opens it; later
# launches open the last project.
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/app/gui/unveil "$@"
fi
# No screen to open a window on (a server, a container): build and open the demo project
# offscreen and save the window as a picture instead.
shot=build/unveil-screenshot.png
args=("$@")
[ $# -eq 0 ] && args=(--demo)
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): opening the demo project offscreen"
echo "(the first time it is built: a few minutes)..."
QT_QPA_PLATFORM=offscreen build/release/app/gui/unveil --screenshot "$shot" "${args[@]}"
echo "The workbench was rendered offscreen to $shot. Run build/release/app/gui/unveil on a"
echo "desktop to use it."
