#!/bin/sh
# Regenerates every oracle fixture in tests/fixtures/ from Blender 3.4.
#
#   tools/oracle/regen_all.sh            (from anywhere; BLENDER=/path/to/blender to override)
#
# Each tools/oracle/gen_<name>.py writes tests/fixtures/<name>.json, except gen_startup.py,
# which writes tests/fixtures/startup_scene.json. Fails on the first script that fails.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
blender=${BLENDER:-blender}
cd "$root"

for script in tools/oracle/gen_*.py; do
  name=$(basename "$script" .py)
  name=${name#gen_}
  case "$name" in
    startup) out=tests/fixtures/startup_scene.json ;;
    scripts) out=tests/fixtures/python_scripts.json ;;
    *) out=tests/fixtures/$name.json ;;
  esac
  # Python driver expressions only run with auto-exec on; the driver oracle needs them.
  extra=
  case "$name" in
    driver_expr) extra=--enable-autoexec ;;
  esac
  echo "== $script -> $out"
  "$blender" -b --factory-startup $extra --python-exit-code 1 --python "$script" -- "$out" >/dev/null 2>&1 || {
    echo "FAILED: $script (rerun: $blender -b --factory-startup --python $script -- $out)" >&2
    exit 1
  }
done
echo "all fixtures regenerated"
