#!/usr/bin/env bash
# Runs a command on a machine kept busy, as a browser, a build or a second run would keep it: N
# busy loops (default: one per core, like `stress --cpu $(nproc)`) at normal priority, started a
# second before the command and stopped after it. docs/PERFORMANCE.md's "under load" figures are
# measured with it, so that they can be repeated.
#
#   scripts/bench_under_load.sh [--loops N] -- COMMAND [ARG...]
set -euo pipefail
loops=$(nproc)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --loops) loops="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "bench_under_load.sh: no command given" >&2; exit 2; }
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop EXIT
for ((i = 0; i < loops; i++)); do
  sh -c 'while :; do :; done' &
  pids+=($!)
done
sleep 1
echo "load: $loops busy loop(s) on $(nproc) core(s); $(cut -d' ' -f1-3 /proc/loadavg) load average" >&2
"$@"
