# Oracle generator: the results of the Blender-script acceptance corpus under Blender 3.4.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_scripts.py -- tests/fixtures/python_scripts.json
# Check that Blender reproduces its own fixture (determinism of the corpus):
#   blender -b --factory-startup --python tools/oracle/gen_scripts.py -- --check tests/fixtures/python_scripts.json
#
# The scripts live in source/python/tests/scripts/ (each file one script; _prelude.py is
# exec'd into every script's namespace first). For each script, in sorted order: reset to
# the factory startup (bpy.ops.wm.read_factory_settings()), exec prelude + script in a
# fresh namespace with __name__ == "__main__", and record its `result` dict.
# source/python/tests/test_blender_scripts.py runs the same scripts under Whisk and
# compares with this fixture (source/python/tests/compare.py).
#
# A script that raises is a bug in the corpus: the traceback is printed and the generator
# exits with status 1 without writing anything.
#
# Output: pretty JSON (indent=1, sort_keys=True):
#   {"blender": "3.4.1", "scripts": {"<file name>": <result>, ...}}

import json
import os
import sys
import traceback

import bpy

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "source", "python", "tests"))

import compare  # noqa: E402

DEFAULT_OUT = os.path.join(ROOT, "tests", "fixtures", "python_scripts.json")


def parse_args():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    only = [a for a in rest if a.endswith(".py")]
    paths = [a for a in rest if not a.endswith(".py")]
    return check, (paths[0] if paths else DEFAULT_OUT), only


def reset():
    bpy.ops.wm.read_factory_settings()


def run_all(only):
    results = {}
    failures = []
    for name in compare.script_names():
        if only and name not in only:
            continue
        reset()
        try:
            result = compare.run_script(name)
            results[name] = compare.normalise(result)
        except Exception:  # noqa: BLE001
            failures.append((name, traceback.format_exc()))
    reset()
    return results, failures


def main():
    check, path, only = parse_args()
    results, failures = run_all(only)
    if failures:
        for name, tb in failures:
            sys.stderr.write("\n==== script %s raised:\n%s" % (name, tb))
        sys.stderr.write("\n%d script(s) raised; nothing written\n" % len(failures))
        sys.stderr.flush()
        os._exit(1)
    checks = sum(compare.count_checks(r) for r in results.values())
    if check:
        with open(path, encoding="utf-8") as f:
            fixture = json.load(f)["scripts"]
        problems = []
        names = sorted(set(fixture) | set(results)) if not only else sorted(results)
        for name in names:
            if name not in fixture:
                problems.append("%s: not in the fixture" % name)
            elif name not in results:
                problems.append("%s: in the fixture but no such script" % name)
            else:
                for line in compare.compare(fixture[name], results[name], name):
                    problems.append(line)
        if problems:
            sys.stderr.write("\n".join(problems) + "\n%d mismatch(es)\n" % len(problems))
            sys.stderr.flush()
            os._exit(1)
        print("check ok: %d scripts, %d checks match %s" % (len(results), checks, path))
        sys.stdout.flush()
        os._exit(0)
    data = {"blender": ".".join(str(x) for x in bpy.app.version), "scripts": results}
    if only and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        old["scripts"].update(results)
        data["scripts"] = old["scripts"]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=True)
        f.write("\n")
    print("wrote %d scripts, %d checks to %s" % (len(results), checks, path))
    sys.stdout.flush()
    os._exit(0)


main()
