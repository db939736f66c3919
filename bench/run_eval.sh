#!/usr/bin/env bash
# Runs the evaluation benchmark (bench/python_eval.py) on Whisk and, when `blender` is on
# PATH, on Blender, then prints each phase with the ratio Blender / Whisk.
#
#   bash bench/run_eval.sh
#
# Environment: WHISK_BUILD_DIR (default build), WHISK_SKIP_BUILD=1, BENCH_REPEAT (default
# 3), BENCH_OUT (keep the JSON results there), NO_BLENDER=1 (Whisk only).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${WHISK_BUILD_DIR:-build}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"
BENCH_REPEAT=${BENCH_REPEAT:-3}
PYTHON=/usr/bin/python3
RUNNER=bench/run_eval.sh
# shellcheck source=bench/python_env.sh
source "$ROOT/bench/python_env.sh"

echo "== Whisk"
PYTHONPATH="$BUILD_DIR/python" "$PYTHON" "$ROOT/bench/python_eval.py" --repeat "$BENCH_REPEAT" \
  --json "$OUT/eval_whisk.json"
if [[ -n "$run_blender" ]]; then
  echo "== Blender"
  blender -b --factory-startup --python-exit-code 1 --python "$ROOT/bench/python_eval.py" -- \
    --repeat "$BENCH_REPEAT" --json "$OUT/eval_blender.json" | grep -E '^(RESULT|ERROR)'
fi
"$PYTHON" - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def load(app):
    path = os.path.join(out, "eval_%s.json" % app)
    return json.load(open(path))["phases"] if os.path.exists(path) else {}
whisk, blender = load("whisk"), load("blender")
print("\n%-18s %12s %12s %10s" % ("phase", "whisk (s)", "blender (s)", "ratio B/W"))
for phase, w in whisk.items():
    b = blender.get(phase)
    ratio = "%.1fx" % (b / w) if b and w else "-"
    print("%-18s %12.6f %12s %10s" % (phase, w, "%.6f" % b if b else "-", ratio))
PY
