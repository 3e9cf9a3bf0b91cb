#!/usr/bin/env bash
# End-to-end timing of `unveil-cli metrics FILE --bins 15 --format json` on a 1,000,000-line
# predictions JSONL (~113 MB, logits to 9 decimals), and of the NumPy baseline on the same file
# (docs/PERFORMANCE.md). Target for unveil-cli: <= 1.5 s.
#
#   scripts/bench_cli.sh [--cli PATH] [--file PATH] [--runs N] [--numpy-runs N] [--no-numpy]
#
# The file is generated (scripts/make_bench_predictions.py, seeded) when missing. One untimed
# run warms the page cache; then N timed runs (default 5) report min and median wall time.
# The NumPy script runs with /usr/bin/python3 (Debian's python3-numpy), 1 run by default, and its
# metrics are checked against unveil-cli's output to 1e-9.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/build/release/app/cli/unveil-cli"
file="/tmp/unveil_bench_1m.jsonl"
runs=5
numpy_runs=1
numpy=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --numpy-runs) numpy_runs="$2"; shift 2 ;;
    --no-numpy) numpy=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench_cli.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -x "$cli" ]]; then
  echo "bench_cli.sh: $cli not found; build first: cmake --preset release -DUNVEIL_BUILD_UI=OFF" \
       "&& cmake --build build/release -j2" >&2
  exit 1
fi
if [[ ! -s "$file" ]]; then
  echo "generating $file (1,000,000 lines) ..." >&2
  python3 "$root/scripts/make_bench_predictions.py" "$file.tmp" --n 1000000
  mv "$file.tmp" "$file"
fi

now() { date +%s.%N; }
# min and median of the numbers on stdin
stats() { sort -g | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2;
                                         printf "min %.3f s, median %.3f s (%d runs)", v[1], m, NR}'; }

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores," \
     "$(free -g | awk '/^Mem:/{print $2}') GiB; $(date -I)"
echo "file:    $file ($(du -m "$file" | cut -f1) MB, $(wc -l < "$file") lines)"
echo "cli:     $cli"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cat "$file" > /dev/null  # warm the page cache
"$cli" metrics "$file" --bins 15 --format json > "$out/cli.json"  # warm-up, untimed

: > "$out/cli.times"
for ((i = 0; i < runs; i++)); do
  t0=$(now)
  "$cli" metrics "$file" --bins 15 --format json > /dev/null
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >> "$out/cli.times"
done
echo "unveil-cli metrics --bins 15 --format json: $(stats < "$out/cli.times")  [target <= 1.5 s]"

if [[ $numpy -eq 1 ]]; then
  : > "$out/np.times"
  for ((i = 0; i < numpy_runs; i++)); do
    t0=$(now)
    /usr/bin/python3 "$root/scripts/bench_numpy_metrics.py" "$file" --bins 15 --quiet \
      --compare "$out/cli.json"
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >> "$out/np.times"
  done
  echo "numpy (json + NumPy), same metrics:          $(stats < "$out/np.times")"
fi
