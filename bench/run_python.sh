#!/usr/bin/env bash
# Runs the Python API benchmarks on Whisk (python3 + the _whisk extension) and, when
# `blender` is on PATH, the same scripts in Blender, then prints them side by side with
# the ratio Blender / Whisk and how each phase grows per doubling of N.
#
#   bash bench/run_python.sh [N ...]          (default N: 1000 5000 20000)
#
# Benchmarks: bench/python_import.py (`import bpy` against Blender's start-up) and
# bench/python_objects.py (create / look up / remove N objects with meshes).
#
# Environment:
#   WHISK_BUILD_DIR    build directory (default: build); built first with scripts/build.sh
#   WHISK_SKIP_BUILD=1 use the build directory as it is
#   BENCH_BLENDER_MAX  largest N Blender runs (default 20000: Blender's removal grows
#                      quadratically, 20000 objects already take minutes); larger N show
#                      "skipped"
#   BENCH_REPEAT       Whisk runs each N this many times and keeps each phase's fastest
#                      (default 3); Blender runs once (it takes minutes at 20000)
#   BENCH_OUT          keep the JSON results in this directory (default: a temporary one)
#   NO_BLENDER=1       Whisk only
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${WHISK_BUILD_DIR:-build}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"
BENCH_BLENDER_MAX=${BENCH_BLENDER_MAX:-20000}
BENCH_REPEAT=${BENCH_REPEAT:-3}
PYTHON=/usr/bin/python3
[[ -x "$PYTHON" ]] || PYTHON=python3
COUNTS=("$@")
[[ ${#COUNTS[@]} -gt 0 ]] || COUNTS=(1000 5000 20000)

RUNNER=bench/run_python.sh
# shellcheck source=bench/python_env.sh
source "$ROOT/bench/python_env.sh"

import_args=(--json "$OUT/import.json")
[[ -n "$run_blender" ]] || import_args+=(--no-blender)
echo "== import bpy"
WHISK_PYTHON_PATH="$BUILD_DIR/python" "$PYTHON" "$ROOT/bench/python_import.py" "${import_args[@]}" \
  | grep '^RESULT'

for n in "${COUNTS[@]}"; do
  echo "== Whisk: $n objects"
  PYTHONPATH="$BUILD_DIR/python" "$PYTHON" "$ROOT/bench/python_objects.py" \
    --count "$n" --repeat "$BENCH_REPEAT" --json "$OUT/whisk_$n.json"
  if [[ -n "$run_blender" ]]; then
    if (( n <= BENCH_BLENDER_MAX )); then
      echo "== Blender: $n objects"
      blender -b --factory-startup --python-exit-code 1 \
        --python "$ROOT/bench/python_objects.py" -- --count "$n" --json "$OUT/blender_$n.json" \
        | grep '^RESULT'
    else
      echo "== Blender: $n objects skipped (BENCH_BLENDER_MAX=$BENCH_BLENDER_MAX)"
    fi
  fi
done

echo
"$PYTHON" "$ROOT/bench/report_python.py" "$OUT"
