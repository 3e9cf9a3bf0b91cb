#!/usr/bin/env bash
# Issue 5's CUDA check, for a machine with an NVIDIA GPU and a CUDA build of PyTorch:
# builds unveil_core and unveil-cli against the libtorch inside that PyTorch, trains (or reuses)
# the demo models, runs the same evaluation on cpu and on cuda, and reports whether the answers
# match, the largest difference of option probabilities, and the throughput of each.
#   bash scripts/cuda_check.sh [OUT_DIR]
# Needs: cmake, a C++20 compiler, OpenCV, SQLite and nlohmann/json development files (on Debian:
# bash scripts/deps.sh, or unpacked .deb files put on CMAKE_PREFIX_PATH), python3 with torch.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/cuda-check}
mkdir -p "$out"
torch_cmake=$(python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "share", "cmake"))')
python3 -c 'import torch; assert torch.cuda.is_available(), "PyTorch sees no GPU"; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
cmake -S . -B build/cuda -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNVEIL_BUILD_UI=OFF \
  -DUNVEIL_BUILD_TESTS=OFF -DUNVEIL_BUILD_BENCH=OFF -DCMAKE_PREFIX_PATH="$torch_cmake"
cmake --build build/cuda --target unveil-cli -j "$(nproc)"
cli=build/cuda/app/cli/unveil-cli
[ -f "$out/demo/models/shapes-mm.json" ] || "$cli" demo --out "$out/demo"
rm -f "$out/check.unveil"
"$cli" import "$out/demo/shapes_world.json" --db "$out/check.unveil" --name shapes
for dev in cpu cuda; do
  "$cli" eval --db "$out/check.unveil" --model "$out/demo/models/shapes-mm.json" --dataset shapes \
    --split test --device "$dev" --batch 64 --name "$dev" --format json --quiet > "$out/eval_$dev.json"
done
"$cli" export --db "$out/check.unveil" --run 1 > "$out/cpu.jsonl"
"$cli" export --db "$out/check.unveil" --run 2 > "$out/cuda.jsonl"
python3 - "$out" <<'PY'
import json, math, sys
out = sys.argv[1]
def load(p):
    return {j["id"]: j for j in map(json.loads, open(p))}
def probs(z):
    m = max(z); e = [math.exp(v - m) for v in z]; s = sum(e); return [v / s for v in e]
cpu, cuda = load(f"{out}/cpu.jsonl"), load(f"{out}/cuda.jsonl")
same = sum(max(range(5), key=lambda k: cpu[i]["logits"][k]) == max(range(5), key=lambda k: cuda[i]["logits"][k]) for i in cpu)
diff = max(abs(a - b) for i in cpu for a, b in zip(probs(cpu[i]["logits"]), probs(cuda[i]["logits"])))
ec, eg = json.load(open(f"{out}/eval_cpu.json")), json.load(open(f"{out}/eval_cuda.json"))
print(f"answers equal: {same}/{len(cpu)}; max |p_cpu - p_cuda| = {diff:.2e}")
print(f"cpu: {ec['predicted']/ec['seconds']:.0f} items/s end to end; cuda: {eg['predicted']/eg['seconds']:.0f} items/s")
PY
