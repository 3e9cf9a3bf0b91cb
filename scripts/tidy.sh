#!/usr/bin/env bash
# clang-tidy (the checks in .clang-tidy) on the C++ files changed against a base revision, or on
# the files named. Needs a configured release build for its compile_commands.json:
#   bash scripts/tidy.sh                 # files changed since origin/main (or HEAD~1)
#   bash scripts/tidy.sh --base REV      # files changed since REV
#   bash scripts/tidy.sh core/calib/metrics.cpp ui/window/main_window.cpp
# Exits non-zero when clang-tidy reports a warning.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/release
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy.sh: $build/compile_commands.json is missing; configure first:" >&2
  echo "  cmake --preset release -DUNVEIL_BUILD_UI=ON" >&2
  exit 2
fi

files=()
if [ "${1:-}" = "--base" ]; then
  base=${2:?"--base needs a revision"}
  shift 2
fi
if [ $# -gt 0 ]; then
  files=("$@")
else
  base=${base:-$(git rev-parse -q --verify origin/main || git rev-parse HEAD~1)}
  while IFS= read -r f; do
    files+=("$f")
  done < <(git diff --name-only --diff-filter=d "$base" -- '*.cpp' | grep -v '^tests/' || true)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "tidy.sh: no changed C++ source files"
  exit 0
fi

# The build's GCC-only warning flags are unknown to clang: they are not the code's problem.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet \
    --extra-arg=-Wno-unknown-warning-option >"$out" 2>/dev/null || true
if grep -q 'warning:' "$out"; then
  grep -A3 'warning:' "$out"
  echo "tidy.sh: $(grep -c 'warning:' "$out") warning(s) in ${#files[@]} file(s)" >&2
  exit 1
fi
echo "tidy.sh: ${#files[@]} file(s), no warnings"
