"""Tables of the Python API benchmarks, for bench/run_python.sh.

    python3 bench/report_python.py RESULTS_DIR

RESULTS_DIR holds import.json (bench/python_import.py) and whisk_<N>.json /
blender_<N>.json (bench/python_objects.py). Prints Markdown tables: start-up, then each
phase with the ratio Blender / Whisk, then the growth of each phase per doubling of N
(2.0x is linear, 4.0x quadratic), from consecutive N.
"""

import glob
import json
import math
import os
import sys

PHASES = ("create", "lookup", "remove")


def fmt_ms(ms):
    if ms is None:
        return "-"
    if ms >= 100:
        return "%.0f" % ms
    if ms >= 1:
        return "%.1f" % ms
    return "%.3f" % ms


def read_runs(directory, app):
    runs = {}
    for path in glob.glob(os.path.join(directory, "%s_*.json" % app)):
        with open(path) as f:
            data = json.load(f)
        runs[data["count"]] = data
    return runs


def growth(runs, phase):
    """[(n1, n2, factor per doubling)] over consecutive counts."""
    counts = sorted(runs)
    out = []
    for n1, n2 in zip(counts, counts[1:]):
        t1, t2 = runs[n1][phase], runs[n2][phase]
        if t1 > 0 and t2 > 0 and n2 > n1:
            out.append((n1, n2, (t2 / t1) ** (1.0 / math.log2(n2 / n1))))
    return out


def main():
    directory = sys.argv[1]
    whisk = read_runs(directory, "whisk")
    blender = read_runs(directory, "blender")
    blender_ran = bool(blender)

    import_path = os.path.join(directory, "import.json")
    if os.path.exists(import_path):
        with open(import_path) as f:
            imp = json.load(f)
        print("| start-up (median of %d runs) | ms |" % imp["runs"])
        print("|---|--:|")
        print("| Whisk: `import bpy` (python3 -c 'import bpy' minus python3 -c pass) | %s |"
              % fmt_ms(imp["whisk_import_bpy_ms"]))
        print("| Whisk: python3 -c 'import bpy' | %s |" % fmt_ms(imp["python_import_bpy_ms"]))
        if "blender_startup_ms" in imp:
            print("| Blender: blender -b --factory-startup --python-expr pass | %s |"
                  % fmt_ms(imp["blender_startup_ms"]))
            print("| Blender start / (python3 + import bpy) | %.1fx |"
                  % (imp["blender_startup_ms"] / imp["python_import_bpy_ms"]))
        else:
            print("| Blender | not run |")
        print()

    repeats = sorted({r.get("repeat", 1) for r in whisk.values()})
    print("Whisk: fastest of %s run(s) per phase; Blender: one run."
          % "/".join(str(r) for r in repeats))
    print()
    print("| phase | N | Whisk (ms) | Blender (ms) | Blender / Whisk |")
    print("|---|--:|--:|--:|--:|")
    for phase in PHASES:
        for n in sorted(set(whisk) | set(blender)):
            w = whisk[n][phase] * 1e3 if n in whisk else None
            b = blender[n][phase] * 1e3 if n in blender else None
            b_text = fmt_ms(b) if b is not None else ("skipped" if blender_ran else "not run")
            ratio = "%.1fx" % (b / w) if (b is not None and w) else "-"
            print("| %s | %d | %s | %s | %s |" % (phase, n, fmt_ms(w), b_text, ratio))
    print()

    print("| phase | N | Whisk growth per doubling | Blender growth per doubling |")
    print("|---|---|--:|--:|")
    for phase in PHASES:
        w_growth = {(a, b): g for a, b, g in growth(whisk, phase)}
        b_growth = {(a, b): g for a, b, g in growth(blender, phase)}
        for key in sorted(set(w_growth) | set(b_growth)):
            print("| %s | %d -> %d | %s | %s |" % (
                phase, key[0], key[1],
                "%.2fx" % w_growth[key] if key in w_growth else "-",
                "%.2fx" % b_growth[key] if key in b_growth else "-"))
    print()
    print("Growth per doubling: 2.0x is linear in N, 4.0x quadratic.")


main()
