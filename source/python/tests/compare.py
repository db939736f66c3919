# Comparison of script results (JSON-like values) against the Blender oracle fixture.
#
# Shared by source/python/tests/test_blender_scripts.py (Whisk against the fixture) and
# tools/oracle/gen_scripts.py --check (Blender against its own fixture). Plain Python,
# no bpy.
#
# Rules: floats compare with an absolute tolerance (1e-5 by default); everything else
# exactly, types included (an int is not a float, a bool is not an int, a list must have
# the same length). A dict with exactly the keys {"error", "message"} is an error record:
# the exception type must match exactly, and so must the message unless loose_message is
# true for that record.

import json
import math
import os

FLOAT_TOL = 1e-5

SCRIPTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scripts")
PRELUDE_NAME = "_prelude.py"


def script_names():
    """Sorted file names of the corpus scripts (the prelude excluded)."""
    return sorted(
        name for name in os.listdir(SCRIPTS_DIR)
        if name.endswith(".py") and not name.startswith("_")
    )


def read_source(name):
    with open(os.path.join(SCRIPTS_DIR, name), encoding="utf-8") as f:
        return f.read()


def run_script(name):
    """Exec the prelude and then the script in one fresh namespace; return `result`.

    Exceptions from the script propagate (a script must not raise; expected errors go
    through capture()). Raises LookupError if the script sets no `result`.
    """
    namespace = {"__name__": "__main__", "__file__": os.path.join(SCRIPTS_DIR, name)}
    prelude_path = os.path.join(SCRIPTS_DIR, PRELUDE_NAME)
    exec(compile(read_source(PRELUDE_NAME), prelude_path, "exec"), namespace)
    exec(compile(read_source(name), namespace["__file__"], "exec"), namespace)
    if "result" not in namespace:
        raise LookupError("script %s set no `result`" % name)
    return namespace["result"]


def normalise(value):
    """The value as it reads back from JSON (tuples become lists, keys strings)."""
    return json.loads(json.dumps(value))


def is_error_record(value):
    return isinstance(value, dict) and set(value) == {"error", "message"}


def _fmt(value):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 400 else text[:400] + "..."


def count_checks(value):
    """Number of leaf checks in a result: each top-level key counts once."""
    return len(value) if isinstance(value, dict) else 1


def compare(expected, actual, path="", loose_message=lambda path: False, tol=FLOAT_TOL):
    """List of mismatch descriptions ("path: expected X, got Y"); empty when equal.

    `path` names the position, e.g. "result['move'][2]"; loose_message(path_of_record)
    says whether an error record's message may differ.
    """
    out = []

    def fail(where, why):
        out.append("%s: %s" % (where or "<root>", why))

    def walk(exp, act, where):
        if is_error_record(exp):
            if not is_error_record(act):
                fail(where, "expected error %s, got %s" % (_fmt(exp), _fmt(act)))
                return
            if exp["error"] != act["error"]:
                fail(where, "expected exception %s (%r), got %s (%r)"
                     % (exp["error"], exp["message"], act["error"], act["message"]))
            elif exp["message"] != act["message"] and not loose_message(where):
                fail(where, "exception %s: expected message %r, got %r"
                     % (exp["error"], exp["message"], act["message"]))
            return
        if isinstance(exp, bool) or exp is None or isinstance(exp, str):
            if type(act) is not type(exp) or act != exp:
                fail(where, "expected %s, got %s" % (_fmt(exp), _fmt(act)))
            return
        if isinstance(exp, int):
            if isinstance(act, bool) or not isinstance(act, int) or act != exp:
                fail(where, "expected %s, got %s" % (_fmt(exp), _fmt(act)))
            return
        if isinstance(exp, float):
            if isinstance(act, bool) or not isinstance(act, float):
                fail(where, "expected float %s, got %s" % (_fmt(exp), _fmt(act)))
            elif not (abs(exp - act) <= tol or (math.isnan(exp) and math.isnan(act))):
                fail(where, "expected %r, got %r (tolerance %g)" % (exp, act, tol))
            return
        if isinstance(exp, list):
            if not isinstance(act, list):
                fail(where, "expected list %s, got %s" % (_fmt(exp), _fmt(act)))
                return
            if len(exp) != len(act):
                fail(where, "expected %d items %s, got %d items %s"
                     % (len(exp), _fmt(exp), len(act), _fmt(act)))
                return
            for i, (e, a) in enumerate(zip(exp, act)):
                walk(e, a, "%s[%d]" % (where, i))
            return
        if isinstance(exp, dict):
            if not isinstance(act, dict):
                fail(where, "expected dict %s, got %s" % (_fmt(exp), _fmt(act)))
                return
            missing = sorted(set(exp) - set(act))
            extra = sorted(set(act) - set(exp))
            if missing:
                fail(where, "missing keys %s" % missing)
            if extra:
                fail(where, "unexpected keys %s" % extra)
            for key in sorted(set(exp) & set(act)):
                walk(exp[key], act[key], "%s[%r]" % (where, key))
            return
        fail(where, "unsupported expected value %r" % (exp,))

    walk(expected, actual, path)
    return out
