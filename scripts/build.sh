#!/usr/bin/env bash
# Configures and builds Whisk.
#   scripts/build.sh [build-dir] [extra cmake args...]
# build-dir defaults to ./build (relative to the repository root). Ninja, RelWithDebInfo
# unless CMAKE_BUILD_TYPE is given; the top CMakeLists uses ccache when it is installed.
# Parallelism: $WHISK_JOBS, else the number of cores.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${1:-build}
shift || true
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"

build_type=RelWithDebInfo
for arg in "$@"; do
  case "$arg" in
    -DCMAKE_BUILD_TYPE=*) build_type=${arg#-DCMAKE_BUILD_TYPE=} ;;
  esac
done

JOBS=${WHISK_JOBS:-$(nproc)}
# Keep the ccache cache bounded on CI machines that keep it between runs.
if command -v ccache >/dev/null && [[ -z "${CCACHE_MAXSIZE:-}" ]]; then
  export CCACHE_MAXSIZE=5G
fi

generator=(-G Ninja)
# An existing build dir keeps the generator it was made with.
[[ -f "$BUILD_DIR/CMakeCache.txt" ]] && generator=()
cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$JOBS"
