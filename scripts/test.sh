#!/usr/bin/env bash
# The project's test command: installs dependencies, builds, runs every test.
#
#   bash scripts/test.sh          (as root on Debian 12)
#
# Steps: install deps -> build (build/) -> ctest -> pytest (Python layer) ->
# AddressSanitizer/UBSan build (build-asan/) -> its ctest and pytest.
# The sanitizer pass runs when CI=true if it fits CI's time budget; elsewhere set
# WHISK_TEST_ASAN=0 to skip it (or WHISK_TEST_ASAN=1 to force it). Exits non-zero on the first failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
START=$SECONDS
export CTEST_OUTPUT_ON_FAILURE=1

step() { echo; echo "=== $* ($((SECONDS - START))s)"; }

step "Installing dependencies"
bash scripts/install_deps.sh

step "Building (build/)"
build_start=$SECONDS
bash scripts/build.sh build
build_seconds=$((SECONDS - build_start))

step "C++ tests (build/)"
ctest --test-dir build --output-on-failure -j2

# ---- Python tests --------------------------------------------------------------------
# Debian's interpreter: the python3 first on PATH may be a different build without numpy.
step "Python tests (build/)"
WHISK_BUILD_DIR=build /usr/bin/python3 -m pytest -q -p no:cacheprovider source/python/tests

# ---- Sanitizers ----------------------------------------------------------------------
run_asan=${WHISK_TEST_ASAN:-1}
[[ "${CI:-}" == "true" ]] && run_asan=1
# CI has 90 minutes in all: the sanitized build costs about twice the plain one (no
# ccache hits there), so it runs only when that still fits in the budget (80 minutes, or
# WHISK_TEST_BUDGET_S seconds).
budget=${WHISK_TEST_BUDGET_S:-4800}
if [[ "$run_asan" == "1" && "${CI:-}" == "true" ]] &&
   (( SECONDS - START + 2 * build_seconds + 300 > budget )); then
  step "Sanitizer pass skipped: the plain build took ${build_seconds}s, the sanitized one would not fit in ${budget}s"
  run_asan=0
fi
if [[ "$run_asan" == "1" ]]; then
  step "Building with AddressSanitizer and UBSan (build-asan/)"
  bash scripts/build.sh build-asan -DWHISK_SANITIZE=ON -DWHISK_BUILD_BENCH=OFF
  step "C++ tests under sanitizers (build-asan/)"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    ctest --test-dir build-asan --output-on-failure -j2
  step "Python tests under sanitizers (build-asan/)"
  # The interpreter itself is not instrumented: preload the runtime, let Python use malloc
  # so ASan sees every allocation, and leave leak checking to the C++ tests (CPython keeps
  # interned objects until exit).
  LD_PRELOAD="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libubsan.so)" \
  PYTHONMALLOC=malloc ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  WHISK_BUILD_DIR=build-asan /usr/bin/python3 -m pytest -q -p no:cacheprovider source/python/tests
else
  step "Sanitizer build not run (WHISK_TEST_ASAN=0, or no time left in CI)"
fi

step "All tests passed"
