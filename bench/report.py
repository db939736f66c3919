"""Side-by-side table of Whisk and Blender timings, for bench/run.sh.

    python3 bench/report.py WHISK_JSON [BLENDER_RESULTS]

WHISK_JSON is Google Benchmark's JSON output of whisk_bench_ids; BLENDER_RESULTS holds
the "RESULT <benchmark> <N> <ms>" lines of bench/blender_ids.py (absent or empty when
Blender was not run). Prints Markdown tables: the timings with the ratio Blender / Whisk,
then the big-O that Google Benchmark fitted to Whisk's timings.
"""

import json
import sys

TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def read_whisk(path):
    with open(path) as f:
        data = json.load(f)
    times, big_o, order = {}, {}, []
    for run in data["benchmarks"]:
        name = run["name"].split("/")[0]
        if name not in order:
            order.append(name)
        if run.get("aggregate_name") == "BigO":
            big_o[name] = run.get("big_o", "?")
        elif run.get("run_type", "iteration") == "iteration":
            n = int(run["name"].split("/")[1])
            if run.get("error_occurred"):
                times[(name, n)] = None
            else:
                times[(name, n)] = run["real_time"] * TO_MS[run.get("time_unit", "ns")]
    return times, big_o, order


def read_blender(path):
    times = {}
    if not path:
        return times
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 4 and parts[0] == "RESULT":
                    times[(parts[1], int(parts[2]))] = float(parts[3])
    except FileNotFoundError:
        pass
    return times


def fmt_ms(ms):
    if ms is None:
        return "error"
    if ms >= 100:
        return "%.0f" % ms
    if ms >= 1:
        return "%.1f" % ms
    return "%.3f" % ms


def main():
    whisk, big_o, order = read_whisk(sys.argv[1])
    blender = read_blender(sys.argv[2] if len(sys.argv) > 2 else None)
    blender_ran = bool(blender)

    print("| benchmark | N | Whisk (ms) | Blender (ms) | Blender / Whisk |")
    print("|---|--:|--:|--:|--:|")
    for name in order:
        sizes = sorted({n for (b, n) in list(whisk) + list(blender) if b == name})
        for n in sizes:
            w = whisk.get((name, n))
            b = blender.get((name, n))
            if b is not None:
                b_text = fmt_ms(b)
            else:
                b_text = "skipped" if blender_ran else "not installed"
            ratio = "%.1fx" % (b / w) if (b is not None and w) else "-"
            print("| %s | %d | %s | %s | %s |" % (name, n, fmt_ms(w) if (name, n) in whisk
                                                   else "-", b_text, ratio))
    if big_o:
        print()
        print("| benchmark | Whisk fitted complexity |")
        print("|---|---|")
        for name in order:
            if name in big_o:
                print("| %s | O(%s) |" % (name, big_o[name]))


main()
