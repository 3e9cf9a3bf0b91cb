#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run the whole test suite
# (release build with warnings as errors, then the core and CLI tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
jobs=$(nproc)

echo "== release build (warnings are errors) =="
cmake --preset release -DUNVEIL_BUILD_UI=ON -DUNVEIL_WERROR=ON
cmake --build --preset release -j "$jobs"
QT_QPA_PLATFORM=offscreen ctest --preset release -j "$jobs"

echo "== address + undefined-behaviour sanitizer build (core and CLI) =="
cmake --preset asan -DUNVEIL_WERROR=ON
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"
