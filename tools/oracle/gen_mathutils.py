# Oracle generator: Blender 3.4's mathutils (Vector, Matrix, Euler, Quaternion, Color,
# geometry), as Whisk's pure-Python mathutils package must reproduce it.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_mathutils.py -- tests/fixtures/mathutils.json
#
# The cases live in source/python/tests/mathutils_cases.py (shared with
# source/python/tests/test_mathutils.py). Output: pretty JSON (indent=1, sort_keys=True),
# {"cases": {name: {"code": ..., "result": ...} or {"code": ..., "error": ..., "message": ...}}}.
# Floats are written unrounded (they are float32 values widened to double).

import json
import os
import sys

import mathutils

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "source", "python", "tests"))

import mathutils_cases  # noqa: E402


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "mathutils.json"


def main():
    ns = mathutils_cases.make_namespace(mathutils)
    cases = {}
    for name, code in mathutils_cases.CASES:
        if name in cases:
            raise SystemExit("duplicate case name: " + name)
        entry = {"code": code}
        entry.update(mathutils_cases.run_case(code, ns))
        cases[name] = entry
    data = {"blender": ".".join(str(x) for x in __import__("bpy").app.version), "cases": cases}
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), out_path()))


main()
