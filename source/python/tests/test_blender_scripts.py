# Acceptance corpus: Blender scripts that touch only data, names, ID properties,
# bpy.props, context and mathutils must give Blender's results under Whisk.
#
# Each source/python/tests/scripts/<name>.py (not starting with "_") is one test. The
# harness resets to the factory startup, execs scripts/_prelude.py and then the script in
# one fresh namespace (__name__ == "__main__"), and compares the script's `result` dict
# with tests/fixtures/python_scripts.json, which Blender 3.4 wrote:
#
#   blender -b --factory-startup --python tools/oracle/gen_scripts.py -- tests/fixtures/python_scripts.json
#
# Comparison (source/python/tests/compare.py): floats within 1e-5, everything else exact,
# types included. Error records {"error": type, "message": text} need the same exception
# type, and the same message unless (script, top-level key) is listed in LOOSE_MESSAGES
# below with the reason.

import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "python_scripts.json")
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import compare  # noqa: E402

bpy = pytest.importorskip(
    "bpy", reason="Whisk's bpy module cannot be imported (extension not built or not on "
                  "sys.path); the Blender-script acceptance corpus needs it")

# (script file name, top-level result key) -> why the exception message may differ from
# Blender's. The exception type must still match.
LOOSE_MESSAGES = {
}


def load_fixture():
    with open(FIXTURE, encoding="utf-8") as f:
        return json.load(f)["scripts"]


FIXTURE_SCRIPTS = load_fixture()
SCRIPTS = compare.script_names()


def reset_to_factory_startup():
    """Fresh factory-startup data, as Blender's bpy.ops.wm.read_factory_settings() gives."""
    ops = getattr(bpy, "ops", None)
    if ops is not None:
        try:
            ops.wm.read_factory_settings()
            return
        except (AttributeError, RuntimeError, TypeError, NotImplementedError):
            pass
    import whisk

    whisk.read_factory_settings()


def test_fixture_and_scripts_match():
    missing = sorted(set(SCRIPTS) - set(FIXTURE_SCRIPTS))
    stale = sorted(set(FIXTURE_SCRIPTS) - set(SCRIPTS))
    assert not missing, ("scripts without oracle results (regenerate with "
                         "tools/oracle/gen_scripts.py): %s" % missing)
    assert not stale, "oracle results for scripts that no longer exist: %s" % stale


def test_loose_messages_name_real_checks():
    unknown = [key for key in LOOSE_MESSAGES
               if key[0] not in FIXTURE_SCRIPTS or key[1] not in FIXTURE_SCRIPTS[key[0]]]
    assert not unknown, "LOOSE_MESSAGES entries that name no check: %s" % unknown


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_matches_blender(script):
    if script not in FIXTURE_SCRIPTS:
        pytest.fail("no oracle result for %s: regenerate tests/fixtures/python_scripts.json"
                    % script)
    expected = FIXTURE_SCRIPTS[script]
    reset_to_factory_startup()
    try:
        actual = compare.normalise(compare.run_script(script))
    finally:
        try:
            reset_to_factory_startup()
        except Exception:  # noqa: BLE001 - the script's own failure matters more
            pass
    assert isinstance(actual, dict), "%s: result is %r, not a dict" % (script, type(actual))

    problems = []
    for key in sorted(set(expected) | set(actual)):
        if key not in actual:
            problems.append("[%r]: missing from Whisk's result (Blender: %s)"
                            % (key, json.dumps(expected[key], sort_keys=True)[:400]))
            continue
        if key not in expected:
            problems.append("[%r]: not in Blender's result (Whisk: %s)"
                            % (key, json.dumps(actual[key], sort_keys=True)[:400]))
            continue
        loose = (script, key) in LOOSE_MESSAGES
        problems.extend(compare.compare(expected[key], actual[key], "[%r]" % key,
                                        loose_message=lambda path, loose=loose: loose))
    if problems:
        for line in problems:
            print("%s%s" % (script, line))
        pytest.fail("%s: %d differences from Blender (%d checks):\n  %s"
                    % (script, len(problems), len(expected), "\n  ".join(problems)),
                    pytrace=False)
