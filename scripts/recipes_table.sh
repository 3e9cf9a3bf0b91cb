#!/usr/bin/env bash
# The table of docs/METRICS.md ("Both recipes on the demo family"): the demo project's three
# models scored by Unveil's recipe and by the study's, every number computed by unveil-cli.
#   bash scripts/recipes_table.sh [BUILD_DIR] [WORK_DIR]
# Builds the demo project in WORK_DIR (default: a fresh temporary folder), adds for each model a
# calibration run without the image (the study fits its temperature so), and prints a Markdown
# table: accuracy, unanswered items, ECE before and after temperature scaling, and T.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
work=${2:-$(mktemp -d)}
cli="$build/app/cli/unveil-cli"
db="$work/demo/demo.unveil"

if [ ! -f "$db" ]; then
  "$cli" demo --out "$work/demo" --project --format json > "$work/demo.json"
fi
runs_json=$("$cli" runs --db "$db" --format json)

# run id of MODEL on SPLIT under CONDITION (the newest)
run_of() {
  python3 -c '
import json, sys
runs = json.loads(sys.argv[1])
runs = runs["runs"] if isinstance(runs, dict) else runs
ids = [r["id"] for r in runs if r.get("model") == sys.argv[2] and r.get("split") == sys.argv[3]
       and r.get("condition") == sys.argv[4]]
print(ids[-1] if ids else "")' "$runs_json" "$1" "$2" "$3"
}

json_field() { python3 -c 'import json,sys; j=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

echo "| model | recipe | accuracy | unanswered | ECE before | T | ECE after |"
echo "|---|---|---|---|---|---|---|"
for model in shapes-base shapes-mm shapes-mm-ft; do
  card="$work/demo/models/$model.json"
  test_run=$(run_of "$model" test image)
  cal_run=$(run_of "$model" calibration image)
  text_run=$(run_of "$model" calibration text)
  if [ -z "$text_run" ]; then
    "$cli" eval --db "$db" --model "$card" --dataset shapes --split calibration \
      --condition text --quiet --format json > /dev/null
    runs_json=$("$cli" runs --db "$db" --format json)
    text_run=$(run_of "$model" calibration text)
  fi
  "$cli" export --db "$db" --run "$test_run" > "$work/$model-test.jsonl"
  "$cli" export --db "$db" --run "$cal_run" > "$work/$model-cal.jsonl"
  "$cli" export --db "$db" --run "$text_run" > "$work/$model-cal-text.jsonl"
  for recipe in unveil study; do
    fit="$work/$model-cal.jsonl"
    [ "$recipe" = study ] && fit="$work/$model-cal-text.jsonl"
    out=$("$cli" calibrate --recipe "$recipe" --fit "$fit" --apply "$work/$model-test.jsonl" \
      --format json)
    row=$(echo "$out" | json_field '"%.4f | %d | %.4f | %.2f | %.4f" % (j["apply"]["before"]["accuracy"], j["apply"]["before"]["n_unanswered"], j["apply"]["before"]["ece"], j["temperature"], j["apply"]["after"]["ece"])')
    echo "| $model | $recipe | $row |"
  done
done
