#!/usr/bin/env bash
# Runs the mesh geometry benchmark (bench/python_mesh.py) on Whisk (python3 + the _whisk
# extension) and, when `blender` is on PATH, the same script in Blender, then prints a table
# with the ratio Blender / Whisk (bench/report_mesh.py).
#
#   bash bench/run_mesh.sh [N ...]          (default N: 1000, an N x N vertex grid)
#
# Environment:
#   WHISK_BUILD_DIR       build directory (default: build); built first with scripts/build.sh
#   WHISK_SKIP_BUILD=1    use the build directory as it is
#   BENCH_REPEAT          Whisk runs each phase this many times, keeps the fastest (default 5)
#   BENCH_BLENDER_REPEAT  the same for Blender (default 2; its start-up costs ~1.5 s, the
#                         1M-vertex topology phase ~5 s a run)
#   BENCH_OUT             keep the JSON results in this directory (default: a temporary one)
#   NO_BLENDER=1          Whisk only
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${WHISK_BUILD_DIR:-build}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"
BENCH_REPEAT=${BENCH_REPEAT:-5}
BENCH_BLENDER_REPEAT=${BENCH_BLENDER_REPEAT:-2}
PYTHON=/usr/bin/python3
[[ -x "$PYTHON" ]] || PYTHON=python3
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000)

RUNNER=bench/run_mesh.sh
# shellcheck source=bench/python_env.sh
source "$ROOT/bench/python_env.sh"

status=0
for n in "${SIZES[@]}"; do
  echo "== Whisk: ${n}x${n} grid"
  PYTHONPATH="$BUILD_DIR/python" "$PYTHON" "$ROOT/bench/python_mesh.py" \
    --size "$n" --repeat "$BENCH_REPEAT" --json "$OUT/mesh_whisk_$n.json" || status=1
  if [[ -n "$run_blender" ]]; then
    echo "== Blender: ${n}x${n} grid"
    blender -b --factory-startup --python-exit-code 1 \
      --python "$ROOT/bench/python_mesh.py" -- --size "$n" --repeat "$BENCH_BLENDER_REPEAT" \
      --json "$OUT/mesh_blender_$n.json" | grep -E '^(RESULT|ERROR)' || status=1
  fi
done

echo
"$PYTHON" "$ROOT/bench/report_mesh.py" "$OUT"
exit $status
