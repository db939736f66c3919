# Sourced by the Python benchmark runners (run_python.sh, run_mesh.sh): builds Whisk
# unless WHISK_SKIP_BUILD is set, checks the extension exists, makes $OUT (BENCH_OUT or a
# temporary directory removed on exit) and sets $run_blender when Blender is installed and
# NO_BLENDER is unset. Expects ROOT, BUILD_DIR and RUNNER (the script's name for messages).

if [[ -z "${WHISK_SKIP_BUILD:-}" ]]; then
  if ! build_log=$(bash "$ROOT/scripts/build.sh" "$BUILD_DIR" 2>&1); then
    echo "$build_log" >&2
    exit 1
  fi
fi
if ! compgen -G "$BUILD_DIR/python/_whisk*.so" >/dev/null; then
  echo "$RUNNER: no _whisk extension in $BUILD_DIR/python (build it first)" >&2
  exit 1
fi

if [[ -n "${BENCH_OUT:-}" ]]; then
  OUT=$BENCH_OUT
  mkdir -p "$OUT"
else
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
fi

run_blender=
if [[ -z "${NO_BLENDER:-}" ]] && command -v blender >/dev/null; then
  run_blender=1
fi
