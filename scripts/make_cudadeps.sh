#!/usr/bin/env bash
# Packs, on a Debian 12 machine that has Unveil's build dependencies installed (scripts/deps.sh),
# what a machine without them needs to build and run unveil-cli: .cudadeps/deps.tar.xz, for
#   UNVEIL_DEPS=.cudadeps bash scripts/cuda_check.sh OUT_DIR
# on a lent GPU machine that has cmake, a C++20 g++ and a CUDA PyTorch but no OpenCV, SQLite or
# nlohmann/json development files.
#   bash scripts/make_cudadeps.sh [DEST_DIR]      (default .cudadeps; ignore it in .git/info/exclude)
# The archive unpacks to one folder holding
#   include/         sqlite3.h, sqlite3ext.h, nlohmann/, opencv4/opencv2/{core,imgproc,imgcodecs}
#   lib/             libopencv_{core,imgproc,imgcodecs}.so.406, libsqlite3.so.0 (+ libsqlite3.so) and
#                    their runtime closure except glibc, libstdc++, libgcc_s and zlib; the libraries
#                    only used for exotic formats or OpenGL interop (GDAL, GDCM, OpenEXR, GLX) are
#                    stubs with the same SONAMEs that define every symbol the others import and
#                    abort with a message if ever called (GLX's return NULL: "no current context";
#                    the two that run whatever the format, a static Imf::Chromaticities and
#                    GDALAllRegister, are implemented). A .exr/DICOM/GDAL file aborts the program.
#   lib/cmake/opencv4/OpenCVConfig.cmake, share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake
#   stubs/           the stubs' generated sources and version scripts
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-.cudadeps}
STUBBED=(libgdal.so.32 libgdcmMSFF.so.3.0 libgdcmDSED.so.3.0 libOpenEXR-3_1.so.30 libGLX.so.0)
ROOTS=(libopencv_core.so.406 libopencv_imgproc.so.406 libopencv_imgcodecs.so.406 libsqlite3.so.0)

stage=$(mktemp -d /tmp/unveil-cudadeps.XXXXXX)
trap 'rm -rf "$stage"' EXIT
top=$stage/unveil-deps
mkdir -p "$top"/{include/opencv4/opencv2,lib/cmake/opencv4,share/cmake/nlohmann_json,stubs}

# ---- headers
cp -a /usr/include/sqlite3.h /usr/include/sqlite3ext.h "$top/include/"
cp -a /usr/include/nlohmann "$top/include/"
for m in core imgproc imgcodecs; do
  cp -a "/usr/include/opencv4/opencv2/$m" "/usr/include/opencv4/opencv2/$m.hpp" "$top/include/opencv4/opencv2/"
done
cp -a /usr/include/opencv4/opencv2/opencv_modules.hpp "$top/include/opencv4/opencv2/"

# ---- libraries: the closure, stubbed libraries cut out; then the stubs
python3 - "$top" "${STUBBED[*]}" "${ROOTS[@]}" <<'PY'
import os, re, shutil, subprocess, sys
top, stubbed, roots = sys.argv[1], set(sys.argv[2].split()), sys.argv[3:]
# Provided by the target machine (glibc, the GCC runtime, zlib).
SYSTEM = {"libc.so.6", "libm.so.6", "libmvec.so.1", "libstdc++.so.6", "libgcc_s.so.1",
          "ld-linux-x86-64.so.2", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libz.so.1"}
def path(n):
    for d in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib"):
        p = os.path.join(d, n)
        if os.path.exists(p):
            return p
    sys.exit("make_cudadeps: cannot find " + n)
def needed(p):
    out = subprocess.run(["readelf", "-dW", p], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\).*\[(.*)\]", out)
def dynsyms(p):
    out = subprocess.run(["readelf", "--dyn-syms", "-W", p], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+[0-9a-f]+\s+(\d+)\s+(\w+)\s+(\w+)\s+\w+\s+(\w+)\s+(\S+)", line)
        if m:
            yield dict(size=int(m[1]), type=m[2], bind=m[3], ndx=m[4], name=m[5])
# Functions that run whatever the format: a static Imf::Chromaticities in imgcodecs' EXR codec (at
# load time) and GDALAllRegister (when the codec list is built): real implementations, not aborts.
REAL = {
    "GDALAllRegister": "/* registers GDAL's drivers: none here */\nvoid GDALAllRegister(void) {}",
    "_ZN7Imf_3_114ChromaticitiesC1ERKN9Imath_3_14Vec2IfEES5_S5_S5_":
        "/* Imf::Chromaticities::Chromaticities(const V2f& red, green, blue, white): 4 x 2 floats */\n"
        "void _ZN7Imf_3_114ChromaticitiesC1ERKN9Imath_3_14Vec2IfEES5_S5_S5_(float* self, const float* r,\n"
        "    const float* g, const float* b, const float* w) {\n"
        "  const float* in[4] = {r, g, b, w};\n"
        "  for (int i = 0; i < 4; ++i) { self[2 * i] = in[i][0]; self[2 * i + 1] = in[i][1]; }\n}",
}
carried, todo = {}, list(roots)
while todo:
    n = todo.pop()
    if n in carried or n in SYSTEM or n in stubbed:
        continue
    carried[n] = path(n)
    todo += needed(carried[n])
for n, p in sorted(carried.items()):
    shutil.copy2(os.path.realpath(p), os.path.join(top, "lib", n))
# What the carried libraries import from each stubbed one (name, version, type, size).
for s in sorted(stubbed):
    defs = {}
    for d in dynsyms(path(s)):
        if d["ndx"] != "UND" and d["bind"] in ("GLOBAL", "WEAK"):
            base, _, ver = d["name"].partition("@")
            defs[base] = (d["type"], d["size"], ver.lstrip("@"))
    wanted = {}
    for n in carried:
        if s not in needed(carried[n]):
            continue
        for u in dynsyms(carried[n]):
            if u["ndx"] != "UND":
                continue
            base, _, ver = u["name"].partition("@")
            if base in defs:
                wanted[base] = (defs[base][0], defs[base][1], ver.lstrip("@") or defs[base][2])
    stem = os.path.join(top, "stubs", s)
    glx = s.startswith("libGLX")
    with open(stem + ".c", "w") as f:
        f.write(f"/* Stub of {s}: the symbols the carried libraries import, generated by\n"
                " scripts/make_cudadeps.sh. Unveil never calls them. */\n"
                "#include <stdio.h>\n#include <stdlib.h>\n"
                "__attribute__((noreturn, cold)) static void unveil_stub_called(const char* f) {\n"
                f"  fprintf(stderr, \"{s} is a stub in this build (Unveil's .cudadeps): %s was called\\n\", f);\n"
                "  abort();\n}\n")
        for base, (typ, size, ver) in sorted(wanted.items()):
            if typ == "OBJECT":
                f.write(f"__attribute__((aligned(16))) char {base}[{max(size, 1)}];\n")
            elif glx:
                f.write(f"void* {base}(void) {{ return 0; }}\n")
            elif base in REAL:
                f.write(REAL[base] + "\n")
            else:
                f.write(f"void {base}(void) {{ unveil_stub_called(\"{base}\"); }}\n")
    versions = {}
    for base, (_, _, ver) in wanted.items():
        versions.setdefault(ver, []).append(base)
    with open(stem + ".map", "w") as f:
        for ver, names in sorted(versions.items()):
            if ver:
                f.write(ver + " {\n  global:\n" + "".join(f"    {x};\n" for x in sorted(names)) + "};\n")
    print(f"stub {s}: {len(wanted)} symbols" + (f", versions {sorted(v for v in versions if v)}" if any(versions) else ""))
print("carried:", " ".join(sorted(carried)))
PY
for s in "${STUBBED[@]}"; do
  vs=()
  [ -s "$top/stubs/$s.map" ] && vs=("-Wl,--version-script=$top/stubs/$s.map")
  gcc -O2 -shared -fPIC -Wl,-soname,"$s" -Wl,--no-undefined -Wl,-z,now "${vs[@]}" \
    -o "$top/lib/$s" "$top/stubs/$s.c"
done
ln -s libsqlite3.so.0 "$top/lib/libsqlite3.so"
for m in core imgproc imgcodecs; do ln -s "libopencv_$m.so.406" "$top/lib/libopencv_$m.so"; done
for s in "${STUBBED[@]}"; do strip --strip-unneeded "$top/lib/$s"; done

# ---- CMake package files
cat > "$top/lib/cmake/opencv4/OpenCVConfig.cmake" <<'EOF'
# OpenCV 4.6 (Debian 12's libopencv-*406), modules core, imgproc and imgcodecs only, from Unveil's
# .cudadeps (scripts/make_cudadeps.sh). Defines what core/CMakeLists.txt uses: OpenCV_LIBS,
# OpenCV_INCLUDE_DIRS and the imported targets opencv_core, opencv_imgproc, opencv_imgcodecs.
get_filename_component(_unveil_cv_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(OpenCV_VERSION 4.6.0)
set(OpenCV_VERSION_MAJOR 4)
set(OpenCV_VERSION_MINOR 6)
set(OpenCV_VERSION_PATCH 0)
set(OpenCV_INCLUDE_DIRS "${_unveil_cv_prefix}/include/opencv4")
set(OpenCV_LIB_COMPONENTS opencv_core opencv_imgproc opencv_imgcodecs)
set(OpenCV_LIBS "")
set(OpenCV_FOUND TRUE)
foreach(_c IN LISTS OpenCV_FIND_COMPONENTS)
  string(REGEX REPLACE "^opencv_" "" _c "${_c}")
  if(NOT _c MATCHES "^(core|imgproc|imgcodecs)$")
    set(OpenCV_FOUND FALSE)
    set(OpenCV_NOT_FOUND_MESSAGE "this OpenCV (Unveil's .cudadeps) has core, imgproc and imgcodecs only, not ${_c}")
  endif()
endforeach()
set(_unveil_cv_deps_core "")
set(_unveil_cv_deps_imgproc opencv_core)
set(_unveil_cv_deps_imgcodecs "opencv_imgproc;opencv_core")
foreach(_m core imgproc imgcodecs)
  if(NOT TARGET opencv_${_m})
    add_library(opencv_${_m} SHARED IMPORTED)
    set_target_properties(opencv_${_m} PROPERTIES
      IMPORTED_LOCATION "${_unveil_cv_prefix}/lib/libopencv_${_m}.so.406"
      IMPORTED_SONAME "libopencv_${_m}.so.406"
      INTERFACE_INCLUDE_DIRECTORIES "${OpenCV_INCLUDE_DIRS}"
      INTERFACE_LINK_LIBRARIES "${_unveil_cv_deps_${_m}}")
  endif()
  list(APPEND OpenCV_LIBS opencv_${_m})
endforeach()
set(OpenCV_core_FOUND TRUE)
set(OpenCV_imgproc_FOUND TRUE)
set(OpenCV_imgcodecs_FOUND TRUE)
if(NOT OpenCV_FIND_QUIETLY)
  message(STATUS "OpenCV ${OpenCV_VERSION} from ${_unveil_cv_prefix} (Unveil's .cudadeps)")
endif()
EOF
cat > "$top/lib/cmake/opencv4/OpenCVConfigVersion.cmake" <<'EOF'
set(PACKAGE_VERSION 4.6.0)
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION OR
   (PACKAGE_FIND_VERSION_MAJOR AND NOT PACKAGE_FIND_VERSION_MAJOR EQUAL 4))
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
EOF
json_version=$(cat /usr/include/nlohmann/detail/abi_macros.hpp /usr/include/nlohmann/json.hpp 2>/dev/null |
  sed -n 's/^#define NLOHMANN_JSON_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\).*/\2/p' | head -3 | paste -sd.)
[[ $json_version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "make_cudadeps: no nlohmann/json version" >&2; exit 1; }
cat > "$top/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake" <<'EOF'
# nlohmann/json (header only) from Unveil's .cudadeps (scripts/make_cudadeps.sh).
get_filename_component(_unveil_json_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_unveil_json_prefix}/include"
    INTERFACE_COMPILE_FEATURES cxx_std_11)
endif()
set(nlohmann_json_FOUND TRUE)
if(NOT nlohmann_json_FIND_QUIETLY)
  message(STATUS "nlohmann_json from ${_unveil_json_prefix} (Unveil's .cudadeps)")
endif()
EOF
cat > "$top/share/cmake/nlohmann_json/nlohmann_jsonConfigVersion.cmake" <<EOF
set(PACKAGE_VERSION $json_version)
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION OR
   (PACKAGE_FIND_VERSION_MAJOR AND NOT PACKAGE_FIND_VERSION_MAJOR EQUAL ${json_version%%.*}))
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
EOF

# ---- check: every carried library loads with only the carried folder and glibc/libstdc++/libgcc_s/zlib
for f in "$top"/lib/*.so.*; do
  missing=$(LD_LIBRARY_PATH="$top/lib" ldd -r "$f" 2>&1 | grep -E "not found|undefined symbol" || true)
  if [ -n "$missing" ]; then echo "make_cudadeps: $f: $missing" >&2; exit 1; fi
done

mkdir -p "$dest"
rm -f "$dest/deps.tar.xz"
tar -C "$stage" --owner=0 --group=0 --sort=name -cf - unveil-deps | xz -9e -T2 > "$dest/deps.tar.xz"
cat > "$dest/README" <<EOF
deps.tar.xz: OpenCV 4.6 (core, imgproc, imgcodecs), SQLite 3 and nlohmann/json $json_version from
Debian 12 for scripts/cuda_check.sh (UNVEIL_DEPS=$dest), made by scripts/make_cudadeps.sh on
$(date -u +%F). Not tracked: ignored in .git/info/exclude.
EOF
echo "make_cudadeps: $(du -h "$dest/deps.tar.xz" | cut -f1) in $dest/deps.tar.xz (unpacked $(du -sh "$top" | cut -f1))"
