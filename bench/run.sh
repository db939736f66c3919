#!/usr/bin/env bash
# Runs the data-block benchmarks on Whisk and, when `blender` is on PATH, the same
# workloads in Blender, then prints them side by side with the ratio Blender / Whisk.
#
#   bash bench/run.sh
#
# Environment:
#   WHISK_BUILD_DIR   build directory (default: build); built first with scripts/build.sh
#   BLENDER_SIZES     N values Blender runs (default "10000 20000": Blender's removal is
#                     quadratic, larger N take hours); larger N show "skipped"
#   BENCH_FILTER      regex passed to --benchmark_filter (default: all)
#   NO_BLENDER=1      Whisk only
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${WHISK_BUILD_DIR:-build}
[[ "$BUILD_DIR" = /* ]] || BUILD_DIR="$ROOT/$BUILD_DIR"
BLENDER_SIZES=${BLENDER_SIZES:-"10000 20000"}
PYTHON=/usr/bin/python3
[[ -x "$PYTHON" ]] || PYTHON=python3

if ! build_log=$(bash "$ROOT/scripts/build.sh" "$BUILD_DIR" 2>&1); then
  echo "$build_log" >&2
  exit 1
fi
BENCH="$BUILD_DIR/bench/whisk_bench_ids"
if [[ ! -x "$BENCH" ]]; then
  echo "bench/run.sh: $BENCH was not built (is libbenchmark-dev installed?)" >&2
  exit 1
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo "== Whisk: $BENCH"
"$BENCH" --benchmark_filter="${BENCH_FILTER:-.}" \
  --benchmark_out="$OUT/whisk.json" --benchmark_out_format=json

: >"$OUT/blender.txt"
if [[ -z "${NO_BLENDER:-}" ]] && command -v blender >/dev/null; then
  echo
  echo "== Blender: $(blender --version 2>/dev/null | head -1), N = $BLENDER_SIZES"
  # shellcheck disable=SC2086
  blender -b --factory-startup --python-exit-code 1 \
    --python "$ROOT/bench/blender_ids.py" -- $BLENDER_SIZES \
    | tee "$OUT/blender.txt" | grep '^RESULT'
else
  echo
  echo "== Blender: not run (not on PATH, or NO_BLENDER set)"
fi

echo
"$PYTHON" "$ROOT/bench/report.py" "$OUT/whisk.json" "$OUT/blender.txt"
