#!/usr/bin/env bash
# The project's main job: installs dependencies, builds, and runs `whisk`, which builds
# the factory startup scene through the C++ API and prints what it holds.
#
#   bash scripts/run_default.sh [whisk arguments...]     (as root on Debian 12)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/install_deps.sh
# Build quietly; show the build's output only when it fails.
if ! build_log=$(bash scripts/build.sh build 2>&1); then
  echo "$build_log" >&2
  exit 1
fi
exec build/source/app/whisk "$@"
