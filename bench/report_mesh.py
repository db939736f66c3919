"""Tables of the mesh geometry benchmark, for bench/run_mesh.sh.

    python3 bench/report_mesh.py RESULTS_DIR

RESULTS_DIR holds mesh_whisk_<N>.json / mesh_blender_<N>.json (bench/python_mesh.py).
Prints, per grid size, a Markdown table phase | Whisk | Blender | Blender / Whisk, then
Whisk's bulk copies against a plain numpy copy of the same bytes, then the Whisk-only
as_array() figures.
"""

import glob
import json
import os
import sys

# (phase, label); indented labels are parts of the phase above them.
PHASES = (
    ("verts_add_set", "vertices.add(V) + foreach_set(\"co\")"),
    ("verts_add", "&nbsp;&nbsp;vertices.add(V)"),
    ("verts_set", "&nbsp;&nbsp;vertices.foreach_set(\"co\")"),
    ("verts_set_again", "vertices.foreach_set(\"co\") again (memory paged in)"),
    ("verts_get", "vertices.foreach_get(\"co\")"),
    ("topology", "topology: edges/loops/polygons add + foreach_set, update(calc_edges=True)"),
    ("topology_update", "&nbsp;&nbsp;update(calc_edges=True)"),
    ("vert_normals", "vertices.foreach_get(\"normal\") after a move (incl. recompute)"),
    ("poly_normals", "polygons.foreach_get(\"normal\") after a move (incl. recompute)"),
    ("loop_tris", "calc_loop_triangles() + loop_triangles.foreach_get(\"loops\") after a move"),
    ("loop_tris_calc", "&nbsp;&nbsp;calc_loop_triangles()"),
    ("memcpy", "numpy copy of 3V float32 (dst[:] = src), baseline"),
)


def fmt_ms(ms):
    if ms is None:
        return "-"
    if ms >= 100:
        return "%.0f" % ms
    if ms >= 10:
        return "%.1f" % ms
    if ms >= 1:
        return "%.2f" % ms
    return "%.3f" % ms


def read_runs(directory, app):
    runs = {}
    for path in glob.glob(os.path.join(directory, "mesh_%s_*.json" % app)):
        with open(path) as f:
            data = json.load(f)
        runs[data["size"]] = data
    return runs


def cell(run, phase):
    """(milliseconds or None, text)."""
    if run is None:
        return None, "not run"
    if phase in run["phases"]:
        ms = run["phases"][phase] * 1e3
        return ms, fmt_ms(ms)
    if phase in run.get("errors", {}):
        return None, "failed"
    return None, "-"


def main():
    directory = sys.argv[1]
    whisk = read_runs(directory, "whisk")
    blender = read_runs(directory, "blender")

    for n in sorted(set(whisk) | set(blender)):
        w_run, b_run = whisk.get(n), blender.get(n)
        ref = w_run or b_run
        print("Grid %dx%d: %d vertices, %d faces. Whisk: fastest of %s run(s) per phase; "
              "Blender %s: fastest of %s." % (
                  n, n, n * n, (n - 1) ** 2, w_run["repeat"] if w_run else "-",
                  b_run["version"] if b_run else "", b_run["repeat"] if b_run else "-"))
        print()
        print("| phase | Whisk (ms) | Blender (ms) | Blender / Whisk |")
        print("|---|--:|--:|--:|")
        for phase, label in PHASES:
            w, w_text = cell(w_run, phase)
            b, b_text = cell(b_run, phase)
            ratio = ("%.1fx" if b >= w else "%.2fx") % (b / w) if (w and b is not None) else "-"
            print("| %s | %s | %s | %s |" % (label, w_text, b_text, ratio))
        print()

        for app, run in (("Whisk", w_run), ("Blender", b_run)):
            if run and run.get("errors"):
                for phase, message in sorted(run["errors"].items()):
                    print("%s: %s failed: %s" % (app, phase, message))
                print()

        if w_run and w_run["phases"].get("memcpy"):
            memcpy = w_run["phases"]["memcpy"]
            print("| Whisk bulk copy, %d float32 | ms | / memcpy |" % (3 * n * n))
            print("|---|--:|--:|")
            print("| numpy dst[:] = src | %s | 1.0x |" % fmt_ms(memcpy * 1e3))
            for phase in ("verts_get", "verts_set_again", "verts_set"):
                if phase in w_run["phases"]:
                    t = w_run["phases"][phase]
                    label = {"verts_get": "foreach_get(\"co\")",
                             "verts_set_again": "foreach_set(\"co\"), memory paged in",
                             "verts_set": "foreach_set(\"co\"), first write after add"}[phase]
                    print("| %s | %s | %.1fx |" % (label, fmt_ms(t * 1e3), t / memcpy))
            print()

        if w_run:
            phases = w_run["phases"]
            counts = sorted(int(p[len("as_array_"):]) for p in phases
                            if p.startswith("as_array_") and p[len("as_array_"):].isdigit())
            if counts:
                print("| Whisk only: attr.as_array() (attr = attributes[\"position\"]) "
                      "| median | mean |")
                print("|---|--:|--:|")
                for count in counts:
                    mean = phases.get("as_array_mean_%d" % count)
                    print("| %d vertices | %.2f us | %s |" % (
                        count, phases["as_array_%d" % count] * 1e6,
                        "%.2f us" % (mean * 1e6) if mean is not None else "-"))
                print()
            rows = (
                ("as_array_write_normal",
                 "a = as_array(); a[:, 2] = slope * a[:, 0]; vertices[k].normal[:] (a alive)"),
                ("as_array_normal_again", "vertices[k].normal[:] again, a still alive"),
                ("as_array_write_drop_normal",
                 "a = as_array(); a[:, 2] = slope * a[:, 0]; del a; vertices[k].normal[:]"),
                ("as_array_drop_normal_again", "vertices[k].normal[:] again, a dropped"),
            )
            if any(p in phases for p, _ in rows):
                print("| Whisk only: write through as_array(), then a vertex normal | ms |")
                print("|---|--:|")
                for phase, label in rows:
                    print("| %s | %s |" % (label, fmt_ms(phases[phase] * 1e3)
                                          if phase in phases else "-"))
                print()


main()
