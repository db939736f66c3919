"""Start-up cost of the Python API: ``import bpy`` in Whisk against starting Blender.

    /usr/bin/python3 bench/python_import.py [--runs 7] [--json out.json] [--no-blender]

Whisk: wall time of ``python3 -c "import bpy"`` minus that of ``python3 -c "pass"`` (the
interpreter's own start-up): the two alternate, and the median of the --runs differences
is reported, with the build's python/
directory on PYTHONPATH ($WHISK_PYTHON_PATH, else $WHISK_BUILD_DIR/python, else
build/python). Then the slowest imports by ``-X importtime`` (cumulative).
Blender: wall time of ``blender -b --factory-startup --python-expr "pass"`` (start-up,
factory scene, Python, quit), median of --runs runs. Blender's number is a whole
application start; Whisk's is the cost a script pays to get ``bpy``.

Prints RESULT lines (``RESULT python_import <what> <milliseconds>``) and a table.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def python_path():
    explicit = os.environ.get("WHISK_PYTHON_PATH")
    if explicit:
        return explicit
    build = os.environ.get("WHISK_BUILD_DIR", "build")
    if not os.path.isabs(build):
        build = os.path.join(ROOT, build)
    return os.path.join(build, "python")


def wall(cmd, env=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit("python_import.py: %s failed (exit %d)" % (" ".join(cmd), proc.returncode))
    return elapsed, proc


def median_of(runs, cmd, env=None):
    wall(cmd, env)  # warm the file cache
    return statistics.median(wall(cmd, env)[0] for _ in range(runs))


def import_time_top(env, top=12):
    """(cumulative_us, self_us, module) of the slowest imports under `import bpy`."""
    _t, proc = wall([PYTHON, "-X", "importtime", "-c", "import bpy"], env)
    rows = []
    for line in proc.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        parts = line[len("import time:"):].split("|")
        if len(parts) == 3:
            rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
    rows.sort(reverse=True)
    return rows[:top]


def main():
    parser = argparse.ArgumentParser(prog="python_import.py")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--no-blender", action="store_true")
    args = parser.parse_args()

    env = dict(os.environ)
    env["PYTHONPATH"] = python_path() + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONSTARTUP", None)

    # Bare and import runs alternate, so that a change in machine load hits both alike;
    # the import's own cost is the median of the differences of neighbouring runs.
    bare_cmd = [PYTHON, "-c", "pass"]
    bpy_cmd = [PYTHON, "-c", "import bpy"]
    wall(bare_cmd, env)
    wall(bpy_cmd, env)  # warm the file cache
    bares, bpys = [], []
    for _ in range(args.runs):
        bares.append(wall(bare_cmd, env)[0])
        bpys.append(wall(bpy_cmd, env)[0])
    result = {"runs": args.runs,
              "python_bare_ms": statistics.median(bares) * 1e3,
              "python_import_bpy_ms": statistics.median(bpys) * 1e3,
              "whisk_import_bpy_ms": statistics.median(b - a for a, b in zip(bares, bpys)) * 1e3}
    top = import_time_top(env)
    result["whisk_importtime_top"] = [{"module": m.strip(), "cumulative_us": c, "self_us": s}
                                      for c, s, m in top]

    blender = shutil.which("blender")
    if blender and not args.no_blender and not os.environ.get("NO_BLENDER"):
        cmd = [blender, "-b", "--factory-startup", "--python-expr", "pass"]
        result["blender_startup_ms"] = median_of(args.runs, cmd) * 1e3
        result["blender_version"] = subprocess.run(
            [blender, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        ).stdout.decode(errors="replace").splitlines()[0].strip()

    for key in ("python_bare_ms", "python_import_bpy_ms", "whisk_import_bpy_ms", "blender_startup_ms"):
        if key in result:
            print("RESULT python_import %s %.1f" % (key[:-3], result[key]))
    print()
    print("| measurement (median of %d) | ms |" % args.runs)
    print("|---|--:|")
    print("| python3 -c pass | %.1f |" % result["python_bare_ms"])
    print("| python3 -c 'import bpy' (Whisk) | %.1f |" % result["python_import_bpy_ms"])
    print("| import bpy alone (difference) | %.1f |" % result["whisk_import_bpy_ms"])
    if "blender_startup_ms" in result:
        print("| blender -b --factory-startup --python-expr pass | %.1f |" % result["blender_startup_ms"])
        print("| Blender start / Whisk python3 + import bpy | %.1fx |"
              % (result["blender_startup_ms"] / result["python_import_bpy_ms"]))
    else:
        print("| Blender | not run |")
    print()
    print("Slowest imports under `import bpy` (-X importtime, one run):")
    print()
    print("| module | cumulative (ms) | self (ms) |")
    print("|---|--:|--:|")
    for c, s, m in top:
        print("| %s | %.1f | %.1f |" % (m.strip(), c / 1e3, s / 1e3))

    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
            f.write("\n")


main()
