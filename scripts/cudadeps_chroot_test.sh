#!/usr/bin/env bash
# Proves, on the Debian 12 machine that made .cudadeps (scripts/make_cudadeps.sh), that the carried
# libraries are complete and that the stubs hold, in two chroots that have no shell and no library
# but those named (each step is its own `chroot ROOT PROGRAM`, LD_BIND_NOW=1, in a private mount
# namespace with /proc, /sys and /dev):
#   A. glibc, libstdc++, libgcc_s, zlib and the carried folder only: a probe program built here
#      against the carried headers and libraries draws, blurs, resizes and converts images, writes
#      and reads PNG, JPEG, TIFF, WebP, JPEG 2000, BMP and PPM files and memory buffers, runs LAPACK
#      solvers and a TBB parallel loop, and uses SQLite and nlohmann/json.
#   B. the same plus Debian's libtorch closure, less whatever of it the carried folder provides:
#      an existing unveil-cli runs the steps of scripts/cuda_check.sh on cpu (demo writes PNG files,
#      import, eval reads them, export). Debian's libtorch links OpenCV's highgui and with it Qt 5
#      and libGL, which need the real libGLX: in this chroot alone the GLX stub is replaced by
#      Debian's libGLX (chroot A tests the stub; on the GPU machine only libopencv_core imports GLX).
#   sudo bash scripts/cudadeps_chroot_test.sh [UNVEIL_CLI] [DEPS_DIR]
# Leaves /tmp/unveil-chroot-{a,b} behind for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(readlink -f "${1:-build/release/app/cli/unveil-cli}")
deps=$(readlink -f "${2:-.cudadeps}")
base=(libc.so.6 libm.so.6 libmvec.so.1 libstdc++.so.6 libgcc_s.so.1 libz.so.1 libpthread.so.0
      libdl.so.2 librt.so.1)

make_root() {  # ROOT: a chroot with the base libraries and the carried folder at /deps
  local root=$1
  rm -rf "$root"
  mkdir -p "$root"/{bin,deps,tmp,proc,sys,dev,lib64,lib/x86_64-linux-gnu,usr/lib/x86_64-linux-gnu}
  chmod 1777 "$root/tmp"
  tar -C "$root/deps" --strip-components=1 -xJf "$deps/deps.tar.xz"
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  for l in "${base[@]}"; do cp -L "/lib/x86_64-linux-gnu/$l" "$root/lib/x86_64-linux-gnu/"; done
}
in_root() {  # ROOT PROGRAM ARGS...: run PROGRAM inside ROOT with only the carried folder on the path
  local root=$1; shift
  unshare -m bash -c 'set -e; r=$1; shift
    mount -t proc proc "$r/proc"; mount --rbind /sys "$r/sys"; mount --rbind /dev "$r/dev"
    exec env -i LD_LIBRARY_PATH=/deps/lib LD_BIND_NOW=1 HOME=/tmp /usr/sbin/chroot "$r" "$@"' _ "$root" "$@"
}
step() {  # prints the command and its wall time
  local t0; t0=$(date +%s.%N); echo "--- ${*:2}" >&2; "$@"; echo "    ($(echo "$(date +%s.%N) - $t0" | bc) s)" >&2
}

echo "=== A: carried folder only, probe program"
ra=/tmp/unveil-chroot-a
make_root "$ra"
mkdir -p /tmp/unveil-probe
cat > /tmp/unveil-probe/probe.cpp <<'EOF'
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <atomic>
#include <cstdio>
#include <string>
#include <vector>
static int fails = 0;
static void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++fails;
}
int main(int, char** argv) {
  const std::string dir = argv[1];
  cv::Mat img(96, 128, CV_8UC3, cv::Scalar(240, 240, 240));
  cv::circle(img, {40, 40}, 20, cv::Scalar(200, 10, 10), cv::FILLED, cv::LINE_AA);
  std::vector<cv::Point> tri{{70, 10}, {120, 80}, {60, 90}};
  cv::fillConvexPoly(img, tri, cv::Scalar(10, 180, 20), cv::LINE_AA);
  cv::rectangle(img, {5, 60}, {30, 90}, cv::Scalar(0, 0, 255), cv::FILLED);
  cv::Mat blur, small, big, gray, rgb;
  cv::GaussianBlur(img, blur, {5, 5}, 1.2, 1.2, cv::BORDER_REFLECT_101);
  cv::resize(img, small, {32, 24}, 0, 0, cv::INTER_AREA);
  cv::resize(small, big, {256, 192}, 0, 0, cv::INTER_LINEAR);
  cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
  cv::cvtColor(img, rgb, cv::COLOR_BGR2RGB);
  check(blur.size() == img.size() && small.cols == 32 && big.rows == 192 && gray.channels() == 1,
        "draw, GaussianBlur, resize, cvtColor");
  for (const char* ext : {".png", ".jpg", ".tiff", ".webp", ".jp2", ".bmp", ".ppm"}) {
    const std::string f = dir + "/probe" + ext;
    bool w = false;
    try { w = cv::imwrite(f, img); } catch (const cv::Exception& e) { std::printf("%s\n", e.what()); }
    cv::Mat back = cv::imread(f, cv::IMREAD_COLOR);
    double diff = back.empty() ? 1e9 : cv::norm(back, img, cv::NORM_INF);
    const bool lossless = std::string(ext) != ".jpg" && std::string(ext) != ".webp" && std::string(ext) != ".jp2";
    check(w && !back.empty() && back.size() == img.size() && (!lossless || diff == 0),
          std::string("imwrite/imread ") + ext + " (max diff " + std::to_string(diff) + ")");
  }
  std::vector<uchar> buf;
  check(cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, 90}) &&
            cv::imdecode(buf, cv::IMREAD_COLOR).size() == img.size(), "imencode/imdecode jpg");
  check(cv::imencode(".png", gray, buf, {cv::IMWRITE_PNG_COMPRESSION, 3}) &&
            cv::norm(cv::imdecode(buf, cv::IMREAD_UNCHANGED), gray, cv::NORM_INF) == 0,
        "imencode/imdecode png");
  cv::Mat A = (cv::Mat_<double>(3, 3) << 4, 1, 2, 1, 5, 3, 2, 3, 6), b = (cv::Mat_<double>(3, 1) << 1, 2, 3), x, Ai;
  cv::solve(A, b, x, cv::DECOMP_LU);
  cv::invert(A, Ai, cv::DECOMP_SVD);
  cv::Mat ev; cv::eigen(A, ev);
  cv::Mat big1(300, 300, CV_64F), big2; cv::randu(big1, 0, 1); cv::gemm(big1, big1, 1, cv::noArray(), 0, big2);
  check(cv::norm(A * x - b) < 1e-12 && cv::norm(A * Ai - cv::Mat::eye(3, 3, CV_64F)) < 1e-12 && big2.rows == 300,
        "solve, invert, eigen, gemm (LAPACK/BLAS)");
  std::atomic<int> n{0};
  cv::parallel_for_(cv::Range(0, 1000), [&](const cv::Range& r) { n += r.end - r.start; });
  check(n == 1000, "parallel_for_ (" + std::to_string(cv::getNumThreads()) + " threads)");
  sqlite3* db = nullptr;
  int rc = sqlite3_open((dir + "/probe.db").c_str(), &db);
  rc |= sqlite3_exec(db, "create table t(x); insert into t values (1),(2),(39); ", nullptr, nullptr, nullptr);
  int sum = 0;
  rc |= sqlite3_exec(db, "select sum(x) from t", [](void* p, int, char** v, char**) { *static_cast<int*>(p) = std::atoi(v[0]); return 0; }, &sum, nullptr);
  sqlite3_close(db);
  check(rc == SQLITE_OK && sum == 42, std::string("sqlite ") + sqlite3_libversion());
  check(nlohmann::json::parse(R"({"a":[1,2]})")["a"][1] == 2, "nlohmann/json");
  std::printf("OpenCV %s; %s\n", CV_VERSION, fails ? "PROBE FAILED" : "probe ok");
  return fails != 0;
}
EOF
tar -C /tmp/unveil-probe -xJf "$deps/deps.tar.xz"
d=/tmp/unveil-probe/unveil-deps
g++ -std=c++20 -O1 -o /tmp/unveil-probe/probe /tmp/unveil-probe/probe.cpp -isystem "$d/include" -isystem "$d/include/opencv4" \
  "$d"/lib/libopencv_{imgcodecs,imgproc,core}.so.406 "$d/lib/libsqlite3.so" -Wl,-rpath-link,"$d/lib"
cp /tmp/unveil-probe/probe "$ra/bin/"
echo "needed: $(readelf -d "$ra/bin/probe" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "files in chroot A outside /deps: $(find "$ra" -path "$ra/deps" -prune -o -type f -print | wc -l)"
step in_root "$ra" /bin/probe /tmp

echo "=== B: carried folder + Debian's libtorch closure, unveil-cli"
rb=/tmp/unveil-chroot-b
make_root "$rb"
mv "$rb/deps/lib/libGLX.so.0" "$rb/libGLX.so.0.stub"
carried=$(ls "$rb/deps/lib")
n_torch=0
while read -r name path; do
  case " ${base[*]} " in *" $name "*) continue ;; esac
  if grep -qx "$name" <<<"$carried"; then continue; fi
  if [[ $path == /lib/x86_64-linux-gnu/* || $path == /usr/lib/x86_64-linux-gnu/* ]]; then
    dst=$rb/usr/lib/x86_64-linux-gnu
  else
    dst=$rb$(dirname "$path")
  fi
  mkdir -p "$dst"; cp -L "$path" "$dst/$name"; n_torch=$((n_torch + 1))
done < <(LD_LIBRARY_PATH="$rb/deps/lib" ldd "$cli" | awk '/=>/ && $3 ~ /^\// {print $1, $3}')
cp "$cli" "$rb/bin/unveil-cli"
echo "chroot B: ${#base[@]} base libraries, $n_torch of Debian's libtorch closure, $(wc -w <<<"$carried") carried"
for l in $carried; do
  if [ -e "$rb/usr/lib/x86_64-linux-gnu/$l" ] || [ -e "$rb/lib/x86_64-linux-gnu/$l" ]; then
    echo "chroot B: $l is both carried and copied" >&2; exit 1
  fi
done
for l in libgdal.so.32 libOpenEXR-3_1.so.30 libgdcmMSFF.so.3.0 libgdcmDSED.so.3.0 libImath-3_1.so.29 libIex-3_1.so.30 libheif.so.1 libpoppler.so.126 libgdcmDICT.so.3.0; do
  find "$rb" -path "$rb/deps" -prune -o -name "$l" -printf "chroot B: %P present outside the carried folder\n"
done
c() { in_root "$rb" /bin/unveil-cli "$@"; }
step c demo --out /tmp/d --epochs 1 --size 1800
echo "    $(find "$rb/tmp/d" -name '*.png' | wc -l) PNG files; $(ls "$rb/tmp/d/models" | tr '\n' ' ')"
step c import /tmp/d/shapes_world.json --db /tmp/c.unveil --name shapes
step c eval --db /tmp/c.unveil --model /tmp/d/models/shapes-mm.json --dataset shapes --split test \
  --device cpu --batch 64 --name cpu --format json --quiet > "$rb/tmp/eval_cpu.json"
head -c 600 "$rb/tmp/eval_cpu.json"; echo
echo "--- eval --device cuda (must be refused cleanly: Debian's libtorch has no CUDA)"
c eval --db /tmp/c.unveil --model /tmp/d/models/shapes-mm.json --dataset shapes --split test \
  --device cuda --batch 64 --name cuda --format json --quiet > "$rb/tmp/eval_cuda.json" || echo "    (exit $?)"
step c export --db /tmp/c.unveil --run 1 > "$rb/tmp/cpu.jsonl"
head -c 300 "$rb/tmp/cpu.jsonl"; echo
echo "    items exported: $(grep -c . "$rb/tmp/cpu.jsonl")"
