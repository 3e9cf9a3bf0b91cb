#!/usr/bin/env bash
# The CUDA check of docs/MODELS.md ("CUDA: checked on a GPU"), for a machine with an NVIDIA GPU
# and a CUDA build of PyTorch:
# builds unveil_core and unveil-cli against the libtorch inside that PyTorch, trains (or reuses)
# the demo models, runs the same evaluation on cpu and on cuda, and reports whether the answers
# match, the largest difference of option probabilities, and the throughput of each.
#   bash scripts/cuda_check.sh [OUT_DIR]
# Needs: cmake, a C++20 compiler, python3 with torch, and OpenCV, SQLite and nlohmann/json
# development files: installed (on Debian: bash scripts/deps.sh), or, on a machine without them,
# the folder that scripts/make_cudadeps.sh packs on Debian 12:
#   UNVEIL_DEPS=.cudadeps bash scripts/cuda_check.sh OUT_DIR
# OUT_DIR gets only small files (cuda_check.log, build.log, eval_*.json, *.jsonl, summary.txt);
# the build, the demo world and the database go to UNVEIL_WORK (default build/cuda-work).
# Optional environment:
#   UNVEIL_DEPS        folder with deps.tar.xz (unpacked to /tmp/unveil-deps) or an unpacked one
#   UNVEIL_PYTHON      the python3 that has torch (default: the first of python3 on PATH,
#                      /opt/torch/.venv/bin/python3, /opt/conda/bin/python3 that imports torch)
#   UNVEIL_TORCH_DIR   a Torch CMake config folder instead of the one inside that PyTorch
#   UNVEIL_TORCH_FALLBACK=1  skip PyTorch's CMake config, use scripts/torch-fallback at once (it is
#                      used anyway when PyTorch's fails to configure, or its link fails)
#   UNVEIL_BUILD_DIR   build folder (default build/cuda)   UNVEIL_JOBS  build jobs (default nproc)
#   UNVEIL_DEVICES     devices to evaluate on (default "cpu cuda")
#   UNVEIL_DEMO_ARGS   demo options (default "--size 12000": a test split of 2,000 items)
#   UNVEIL_BATCH       eval batch size (default 64)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
out=${1:-build/cuda-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=${UNVEIL_WORK:-build/cuda-work}
build=${UNVEIL_BUILD_DIR:-build/cuda}
jobs=${UNVEIL_JOBS:-$(nproc)}
devices=${UNVEIL_DEVICES:-cpu cuda}
demo_args=${UNVEIL_DEMO_ARGS:---size 12000}
batch=${UNVEIL_BATCH:-64}
mkdir -p "$work" "$build"
work=$(cd "$work" && pwd)
build=$(cd "$build" && pwd)
exec > >(tee "$out/cuda_check.log") 2>&1
tee_pid=$!
trap 'exec >&- 2>&-; wait "$tee_pid" 2>/dev/null || true' EXIT
t_start=$(date +%s.%N)
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
timings=()
timed() {  # NAME COMMAND...: runs COMMAND, records and prints its wall time
  local name=$1 t0 rc=0; shift
  t0=$(date +%s.%N)
  "$@" || rc=$?
  local s; s=$(elapsed "$t0")
  timings+=("$name ${s}s")
  echo "time $name: ${s} s (exit $rc)" >&2
  return $rc
}
fail() { echo "cuda_check: $*" >&2; echo "cuda_check: FAILED: $*" > "$out/summary.txt"; exit 1; }

echo "=== machine"
echo "$(uname -m), $( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || echo unknown OS), $(nproc) cores"
echo "g++: $(g++ --version 2>/dev/null | head -1 || echo none)"
echo "cmake: $(cmake --version 2>/dev/null | head -1 || echo none)"
echo "ninja: $(ninja --version 2>/dev/null || echo none)"
nvidia-smi -L 2>/dev/null || echo "nvidia-smi: none"

# The python that has torch.
py=""
for p in ${UNVEIL_PYTHON:-} python3 /opt/torch/.venv/bin/python3 /opt/conda/bin/python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import torch' >/dev/null 2>&1; then py=$(command -v "$p"); break; fi
done
[ -n "$py" ] || fail "no python3 with torch (set UNVEIL_PYTHON)"
echo "python: $py"
# Its version, CUDA version, install folder, CXX11 ABI, device capability, folders of its libraries
read -r torch_version torch_cuda torch_prefix torch_abi cap torch_libdirs < <("$py" - <<'PY'
import glob, os, torch
cap = torch.cuda.get_device_capability(0) if torch.cuda.is_available() else None
prefix = os.path.dirname(torch.__file__)
# libtorch_cuda finds cuBLAS, cuDNN, NCCL... through $ORIGIN/../../nvidia/*/lib: the linker too
libdirs = [os.path.join(prefix, "lib")] + sorted(glob.glob(os.path.join(prefix, "..", "nvidia", "*", "lib")))
libdirs += sorted(glob.glob(os.path.join(prefix, "..", "nvidia", "*", "*", "lib")))
print(torch.__version__, torch.version.cuda, prefix, int(torch.compiled_with_cxx11_abi()),
      f"{cap[0]}.{cap[1]}" if cap else "none", ":".join(os.path.realpath(d) for d in libdirs))
PY
)
[ -n "${torch_prefix:-}" ] || fail "$py: cannot read torch's version and folders"
echo "torch $torch_version, CUDA $torch_cuda, CXX11 ABI $torch_abi, device capability $cap, at $torch_prefix"
"$py" -c 'import torch; print("torch.cuda.is_available():", torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else "")'
if [[ " $devices " == *" cuda "* ]] && [ "$cap" = none ]; then fail "PyTorch sees no GPU"; fi

# nvcc: PyTorch's CUDA CMake config enables the CUDA language and wants the toolkit that nvcc is in.
nvcc=$(command -v nvcc || true)
if [ -z "$nvcc" ]; then
  for c in "${CUDA_HOME:-}" "${CUDA_PATH:-}" /usr/local/cuda $(ls -d /usr/local/cuda-* 2>/dev/null | sort -Vr); do
    if [ -n "$c" ] && [ -x "$c/bin/nvcc" ]; then nvcc=$c/bin/nvcc; break; fi
  done
fi
cuda_args=()
if [ -n "$nvcc" ]; then
  cuda_root=$(dirname "$(dirname "$(readlink -f "$nvcc")")")
  export CUDACXX=$nvcc CUDA_HOME=${CUDA_HOME:-$cuda_root} CUDAToolkit_ROOT=${CUDAToolkit_ROOT:-$cuda_root}
  PATH=$(dirname "$nvcc"):$PATH; export PATH
  echo "nvcc: $nvcc ($("$nvcc" --version | grep -o 'release [0-9.]*' || true)), toolkit $cuda_root"
else
  echo "nvcc: none found (PyTorch's CMake config may fail; the fallback config needs none)"
fi
if [ "$cap" != none ]; then
  export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-$cap}
  cuda_args+=(-DCMAKE_CUDA_ARCHITECTURES="${cap/./}")
fi

# The carried dependencies.
deps_args=()
run_env=()
# --no-as-needed: libtorch_cuda must stay linked for its CUDA hooks to register.
# --allow-shlib-undefined: a library of PyTorch's that the linker cannot resolve is not an error
# here (the loader has the last word, and the ldd check below reports what it cannot find).
linker_flags="-Wl,--no-as-needed -Wl,--allow-shlib-undefined -Wl,-rpath-link,$torch_libdirs"
# The system compiler, which links libstdc++ as a shared library like libtorch does. The GPU
# machine's default g++ (/opt/gcc) links libstdc++.a into the executable: libtorch then mixed
# two copies of the C++ library and crashed ("free(): invalid pointer" in torch::jit's
# builtin-function loader while the demo trainer defined its first module).
if [ -x /usr/bin/g++ ]; then deps_compiler=(-DCMAKE_CXX_COMPILER=/usr/bin/g++); else deps_compiler=(); fi
if [ -n "${UNVEIL_DEPS:-}" ]; then
  if [ -f "$UNVEIL_DEPS/deps.tar.xz" ]; then
    rm -rf /tmp/unveil-deps
    mkdir -p /tmp/unveil-deps
    timed unpack tar -C /tmp/unveil-deps --strip-components=1 -xJf "$UNVEIL_DEPS/deps.tar.xz"
    deps=/tmp/unveil-deps
  else
    deps=$(cd "$UNVEIL_DEPS" && pwd)
  fi
  [ -f "$deps/lib/cmake/opencv4/OpenCVConfig.cmake" ] || fail "$UNVEIL_DEPS: no carried dependencies"
  echo "deps: $deps ($(ls "$deps/lib" | wc -l) files in lib/)"
  deps_args=(-DOpenCV_DIR="$deps/lib/cmake/opencv4" -Dnlohmann_json_DIR="$deps/share/cmake/nlohmann_json"
             -DSQLite3_INCLUDE_DIR="$deps/include" -DSQLite3_LIBRARY="$deps/lib/libsqlite3.so")
  linker_flags+=" -Wl,-rpath-link,$deps/lib"
  run_env=(env "LD_LIBRARY_PATH=$deps/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
  ldcache=$(ldconfig -p 2>/dev/null || true)
  for l in libz.so.1 libstdc++.so.6 libgcc_s.so.1; do
    grep -q "^\s*$l " <<<"$ldcache" || echo "deps: warning: the system seems to lack $l"
  done
fi

echo "=== configure ($build)"
torch_cmake=$("$py" -c 'import torch.utils; print(torch.utils.cmake_prefix_path)')
common=(-S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DUNVEIL_BUILD_UI=OFF -DUNVEIL_BUILD_TESTS=OFF
        -DUNVEIL_BUILD_BENCH=OFF -DUNVEIL_WITH_SENTENCEPIECE=OFF "-DCMAKE_EXE_LINKER_FLAGS=$linker_flags"
        "-DCMAKE_MODULE_LINKER_FLAGS=$linker_flags" "${deps_args[@]}" "${deps_compiler[@]}")
command -v ninja >/dev/null && common+=(-G Ninja)
if [ -n "${UNVEIL_TORCH_DIR:-}" ]; then
  torch_args=(-DTorch_DIR="$UNVEIL_TORCH_DIR")
else
  torch_args=(-DCMAKE_PREFIX_PATH="$torch_cmake" "${cuda_args[@]}")
fi
: > "$out/build.log"
configure() { cmake "${common[@]}" "$@" >> "$out/build.log" 2>&1; }
configure_fallback() {
  echo "--- configuring with scripts/torch-fallback (the libtorch libraries linked directly)"
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
  timed configure-fallback configure -DTorch_DIR="$src/scripts/torch-fallback" \
    -DUNVEIL_TORCH_PREFIX="$torch_prefix" -DUNVEIL_TORCH_CXX11_ABI="$torch_abi" ||
    { tail -n 40 "$out/build.log"; fail "configure failed (build.log)"; }
  fallback=1
}
fallback=0
if [ "${UNVEIL_TORCH_FALLBACK:-0}" = 1 ]; then
  configure_fallback
elif ! timed configure configure "${torch_args[@]}"; then
  echo "--- PyTorch's CMake config failed; the end of its output:"
  tail -n 40 "$out/build.log"
  configure_fallback
fi
grep -E "OpenCV|nlohmann|SQLite|Torch|CUDA|Caffe2|SentencePiece" "$out/build.log" | grep -v "^\s*$" | head -30 || true

echo "=== build (-j $jobs)"
build() { cmake --build "$build" --target unveil-cli -j "$jobs" >> "$out/build.log" 2>&1; }
build_failed() { grep -E "error|Error" "$out/build.log" | head -40; tail -n 30 "$out/build.log"; fail "build failed (build.log)"; }
if ! timed build build; then
  # A link that fails on what PyTorch's config added (a CUDA library it names but this machine
  # lacks) gets one more try with the fallback config; a compile error does not.
  if [ "$fallback" = 0 ] && [ -z "${UNVEIL_TORCH_DIR:-}" ] &&
     grep -qE "collect2|undefined reference|cannot find -l|No rule to make target|missing and no known rule" "$out/build.log"; then
    grep -E "collect2|undefined reference|cannot find -l|No rule to make target|missing and no known rule" "$out/build.log" | head -n 10
    configure_fallback
    timed build-fallback build || build_failed
  else
    build_failed
  fi
fi
cli=$build/app/cli/unveil-cli
echo "--- libraries of unveil-cli:"
"${run_env[@]}" ldd "$cli" | awk '$1 ~ /torch|c10|cuda|cudnn|cublas|nccl|opencv|sqlite/ || /not found/' || true
! "${run_env[@]}" ldd "$cli" | grep -q "not found" || fail "unveil-cli: a library is not found (ldd above)"
"${run_env[@]}" ldd -r "$cli" 2>&1 | grep "undefined symbol" | head -n 10 | sed 's/^/ldd -r: /' || true

echo "=== demo ($work/demo)"
cd "$work"
if [ -f demo/models/shapes-mm.json ]; then
  echo "reusing $work/demo"
else
  rm -rf demo
  # shellcheck disable=SC2086
  timed demo "${run_env[@]}" "$cli" demo --out demo $demo_args || fail "demo failed"
fi
rm -f check.unveil
timed import "${run_env[@]}" "$cli" import demo/shapes_world.json --db check.unveil --name shapes ||
  fail "import failed"
declare -A run_id
for dev in $devices; do
  echo "=== eval on $dev"
  timed "eval-$dev" "${run_env[@]}" "$cli" eval --db check.unveil --model demo/models/shapes-mm.json \
    --dataset shapes --split test --device "$dev" --batch "$batch" --name "$dev" --format json \
    --quiet > "$out/eval_$dev.json" || { cat "$out/eval_$dev.json"; fail "eval on $dev failed"; }
  run_id[$dev]=$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["run_id"])' "$out/eval_$dev.json")
  timed "export-$dev" "${run_env[@]}" "$cli" export --db check.unveil --run "${run_id[$dev]}" > "$out/$dev.jsonl" ||
    fail "export of $dev failed"
done

echo "=== result"
echo "timings: ${timings[*]}; total $(elapsed "$t_start") s"
"$py" - "$out" $devices <<'PY' | tee "$out/summary.txt"
import json, math, sys
out, devs = sys.argv[1], sys.argv[2:]
def load(p):
    return {j["id"]: j for j in map(json.loads, open(p))}
def probs(z):
    m = max(z); e = [math.exp(v - m) for v in z]; s = sum(e); return [v / s for v in e]
runs = {d: load(f"{out}/{d}.jsonl") for d in devs}
evals = {d: json.load(open(f"{out}/eval_{d}.json")) for d in devs}
for d in devs:
    e = evals[d]
    print(f"{d}: {e['predicted']} items in {e['seconds']:.2f} s, {e['predicted'] / e['seconds']:.0f} items/s "
          f"end to end; accuracy {e['metrics']['accuracy']:.4f}, ece {e['metrics']['ece']:.4f}")
if "cpu" in runs and "cuda" in runs:
    cpu, cuda = runs["cpu"], runs["cuda"]
    assert set(cpu) == set(cuda), "cpu and cuda runs hold different items"
    arg = lambda z: max(range(len(z)), key=lambda k: z[k])
    same = sum(arg(cpu[i]["logits"]) == arg(cuda[i]["logits"]) for i in cpu)
    diff = max(abs(a - b) for i in cpu for a, b in zip(probs(cpu[i]["logits"]), probs(cuda[i]["logits"])))
    ec, eg = evals["cpu"], evals["cuda"]
    print(f"answers equal: {same}/{len(cpu)}; max |p_cpu - p_cuda| = {diff:.2e}")
    print(f"cpu: {ec['predicted']/ec['seconds']:.0f} items/s end to end; cuda: {eg['predicted']/eg['seconds']:.0f} items/s")
    ok = same == len(cpu) and diff <= 1e-4
    print("CUDA CHECK " + ("PASSED" if ok else "FAILED") + f" (answers equal and max |dp| <= 1e-4)")
PY
