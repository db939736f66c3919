# Oracle generator: data-block naming behaviour (unique suffixes, truncation, UTF-8,
# list order, renames, copies, default names) as Blender 3.4 shows it through bpy.data.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_naming.py -- tests/fixtures/naming.json
#
# Each scenario starts from a fresh empty Main (read_factory_settings(use_empty=True): the
# naming state is per Main and remembers e.g. the highest suffix used per base name even after
# removals) and runs on bpy.data.<collection> ("meshes" unless stated). It is a list of ops in
# a tiny replayable language:
#   ["new", name]            bpy.data.<coll>.new(name)          -> resulting name
#   ["new_n", name, n]       n times ["new", name]              -> last resulting name
#   ["rename", old, new]     bpy.data.<coll>[old].name = new     -> resulting name of that ID
#   ["remove", name]         bpy.data.<coll>.remove(...)         -> null
#   ["copy", name]           bpy.data.<coll>[name].copy()        -> name of the copy
# Scenario record:
#   {"title", "collection", "ops", "op_results", "op_result_bytes", "result", "result_bytes"}
# op_results[i] is the result of ops[i] (or {"__error__", "message"}); result is the final
# bpy.data.<coll> order; result_origin[k] is the index of the op that created result[k]
# (renames keep identity, so this shows which ID ended up with which name).
# Scenarios with "new_n" record result_count, result_head and result_tail instead of result.
# "result_bytes"/"op_result_bytes" are UTF-8 byte lengths.

import json
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "naming.json"


def nbytes(s):
    return len(s.encode("utf-8", "surrogateescape")) if s is not None else None


def clear(coll_name):
    coll = getattr(bpy.data, coll_name)
    for idb in list(coll):
        coll.remove(idb)


def new_id(coll_name, name):
    coll = getattr(bpy.data, coll_name)
    if coll_name == "objects":
        return coll.new(name, None)
    return coll.new(name)


def find(coll_name, name):
    coll = getattr(bpy.data, coll_name)
    for idb in coll:
        if idb.name == name:
            return idb
    raise KeyError(name)


def run_op(coll_name, op, origin, op_index):
    """Run one op; `origin` maps a live ID's address (never recorded) -> index of the op that
    created it."""
    kind = op[0]
    if kind == "new":
        idb = new_id(coll_name, op[1])
        origin[idb.as_pointer()] = op_index
        return idb.name
    if kind == "new_n":
        last = None
        for _ in range(op[2]):
            idb = new_id(coll_name, op[1])
            origin[idb.as_pointer()] = op_index
            last = idb.name
        return last
    if kind == "rename":
        idb = find(coll_name, op[1])
        idb.name = op[2]
        return idb.name
    if kind == "remove":
        idb = find(coll_name, op[1])
        origin.pop(idb.as_pointer(), None)
        getattr(bpy.data, coll_name).remove(idb)
        return None
    if kind == "copy":
        idb = find(coll_name, op[1]).copy()
        origin[idb.as_pointer()] = op_index
        return idb.name
    raise ValueError(kind)


def fresh_main():
    """Start from a fresh, empty Main: Blender keeps per-Main naming state (e.g. the highest
    suffix ever used for a base name) that survives removing IDs, so every scenario must
    start from a new Main to be replayable."""
    bpy.ops.wm.read_factory_settings(use_empty=True)


def scenario(title, ops, coll_name="meshes", keep_result=True):
    fresh_main()
    clear(coll_name)
    results = []
    origin = {}
    for i, op in enumerate(ops):
        try:
            results.append(run_op(coll_name, op, origin, i))
        except Exception as e:
            results.append({"__error__": type(e).__name__, "message": str(e)})
    final = [idb.name for idb in getattr(bpy.data, coll_name)]
    final_origin = [origin.get(idb.as_pointer()) for idb in getattr(bpy.data, coll_name)]
    rec = {
        "title": title,
        "collection": coll_name,
        "ops": ops,
        "op_results": results,
        "op_result_bytes": [nbytes(r) if isinstance(r, str) else None for r in results],
        "result_count": len(final),
    }
    if keep_result:
        rec["result"] = final
        rec["result_bytes"] = [nbytes(n) for n in final]
        rec["result_origin"] = final_origin
    else:
        rec["result_head"] = final[:5]
        rec["result_tail"] = final[-5:]
    clear(coll_name)
    return rec


A63 = "A" * 63
A64 = "A" * 64
A70 = "B" * 70
A62 = "C" * 62
A59 = "D" * 59
A60 = "E" * 60
E40 = "\u00e9" * 40                  # 80 bytes
E31 = "\u00e9" * 31                  # 62 bytes
U62_2 = "x" * 60 + "\u00e9"          # 62 bytes, ends with a 2-byte char
U63_2 = "x" * 61 + "\u00e9"          # 63 bytes, ends with a 2-byte char
U63_3 = "x" * 60 + "\u20ac"          # 63 bytes, ends with a 3-byte char
U62_3 = "x" * 59 + "\u20ac"          # 62 bytes, ends with a 3-byte char
U64_3 = "x" * 61 + "\u20ac"          # 64 bytes, 3-byte char straddles the limit
U63_4 = "x" * 59 + "\U0001F600"      # 63 bytes, ends with a 4-byte char
U65_4 = "x" * 61 + "\U0001F600"      # 65 bytes, 4-byte char straddles the limit

SCENARIOS = [
    ("new twice", [["new", "Cube"], ["new", "Cube"]]),
    ("new five", [["new", "Cube"]] * 5),
    ("lowest free suffix after removing a middle one",
     [["new", "Cube"]] * 4 + [["remove", "Cube.001"], ["new", "Cube"], ["new", "Cube"]]),
    ("removing the unsuffixed one frees the base name",
     [["new", "Cube"]] * 3 + [["remove", "Cube"], ["new", "Cube"], ["new", "Cube"]]),
    ("explicit suffix when free", [["new", "Cube"], ["new", "Cube.005"], ["new", "Cube"]]),
    ("explicit suffix when taken",
     [["new", "Cube"], ["new", "Cube.005"], ["new", "Cube.005"], ["new", "Cube.005"]]),
    ("explicit suffix when taken, no base",
     [["new", "Cube.005"], ["new", "Cube.005"], ["new", "Cube.005"]]),
    ("explicit suffix taken with lower ones used",
     [["new", "Cube"], ["new", "Cube"], ["new", "Cube"], ["new", "Cube.002"]]),
    ("suffix .000", [["new", "Cube.000"], ["new", "Cube.000"], ["new", "Cube"], ["new", "Cube.000"]]),
    ("suffix .000 with base present", [["new", "Cube"], ["new", "Cube.000"]]),
    ("short and long numeric suffixes",
     [["new", "Cube.1"], ["new", "Cube.01"], ["new", "Cube.999"], ["new", "Cube"], ["new", "Cube"],
      ["new", "Cube.1"], ["new", "Cube.01"], ["new", "Cube.999"], ["new", "Cube.1000"],
      ["new", "Cube.1000"], ["new", "Cube.0001"]]),
    ("suffix .999 taken then base", [["new", "Cube.999"], ["new", "Cube.999"], ["new", "Cube.999"]]),
    ("large suffixes",
     [["new", "Cube.1000"], ["new", "Cube.1000"], ["new", "Cube.12345"], ["new", "Cube.12345"],
      ["new", "Cube.999999999"], ["new", "Cube.999999999"], ["new", "Cube.9999999999"],
      ["new", "Cube.9999999999"]]),
    ("1001 copies of the same name", [["new_n", "Cube", 1001], ["new", "Cube"], ["new", "Cube"]]),
    ("suffixes 0..1023 used then base",
     [["new", "Cube"], ["new_n", "Cube", 1023], ["new", "Cube"], ["new", "Cube"],
      ["remove", "Cube.500"], ["new", "Cube"], ["new", "Cube"]]),
    ("removed suffix above 1023 is not reused",
     [["new_n", "Cube", 1030], ["remove", "Cube.1025"], ["new", "Cube"], ["remove", "Cube.1030"],
      ["new", "Cube"], ["remove", "Cube.1029"], ["remove", "Cube.1030"], ["new", "Cube"],
      ["new", "Cube"]]),
    ("removed explicit high suffix still raises the next number",
     [["new", "Cube.5000"], ["remove", "Cube.5000"], ["new_n", "Cube", 1024], ["new", "Cube"]]),
    ("removed low suffix is reused", [["new", "Cube.050"], ["remove", "Cube.050"], ["new", "Cube"],
                                      ["new", "Cube"]]),
    ("suffix limit reached",
     [["new", "Cube.999999999"], ["new_n", "Cube", 1024], ["new", "Cube"], ["new", "Cube"],
      ["new", "Cube"]]),
    ("suffix limit reached, one-letter base",
     [["new", "C.999999999"], ["new_n", "C", 1024], ["new", "C"], ["new", "C"]]),
    ("dotted non-numeric names",
     [["new", "a.b"], ["new", "a.b"], ["new", "a."], ["new", "a."], ["new", ".001"], ["new", ".001"],
      ["new", "."], ["new", "."], ["new", "a.b.c"], ["new", "a.b.c"], ["new", "a.1b"], ["new", "a.1b"],
      ["new", "a..001"], ["new", "a..001"], ["new", "a.001.002"], ["new", "a.001.002"],
      ["new", "a.-1"], ["new", "a.-1"], ["new", "a.+1"], ["new", "a. 1"], ["new", "a.1 "],
      ["new", "a.1"], ["new", "a.1"]]),
    ("whitespace names", [["new", " "], ["new", " "], ["new", "a "], ["new", "a "], ["new", " a"]]),
    ("empty name", [["new", ""], ["new", ""], ["new", ""]]),
    ("empty name with default-named existing", [["new", "Mesh"], ["new", ""]]),
    ("rename to empty", [["new", "Cube"], ["rename", "Cube", ""], ["new", "X"], ["rename", "X", ""]]),
    ("ascii 63 bytes", [["new", A63], ["new", A63], ["new", A63]]),
    ("ascii 64 bytes", [["new", A64], ["new", A64], ["new", A64]]),
    ("ascii 70 bytes", [["new", A70], ["new", A70]]),
    ("ascii 62 bytes", [["new", A62], ["new", A62]]),
    ("ascii 59 and 60 bytes", [["new", A59], ["new", A59], ["new", A60], ["new", A60]]),
    ("ascii 63 bytes with explicit suffix", [["new", "F" * 59 + ".001"], ["new", "F" * 59 + ".001"],
                                             ["new", "F" * 59]]),
    ("ascii 63 bytes, 1000 copies", [["new_n", A63, 1000], ["new", A63]]),
    ("utf8 80 bytes", [["new", E40], ["new", E40], ["new", E40]]),
    ("utf8 62 bytes of 2-byte chars", [["new", E31], ["new", E31]]),
    ("utf8 62 bytes ending with 2-byte char", [["new", U62_2], ["new", U62_2], ["new", U62_2]]),
    ("utf8 63 bytes ending with 2-byte char", [["new", U63_2], ["new", U63_2]]),
    ("utf8 62 bytes ending with 3-byte char", [["new", U62_3], ["new", U62_3]]),
    ("utf8 63 bytes ending with 3-byte char", [["new", U63_3], ["new", U63_3]]),
    ("utf8 64 bytes, 3-byte char straddles limit", [["new", U64_3], ["new", U64_3]]),
    ("utf8 63 bytes ending with 4-byte char", [["new", U63_4], ["new", U63_4]]),
    ("utf8 65 bytes, 4-byte char straddles limit", [["new", U65_4], ["new", U65_4]]),
    ("utf8 short names", [["new", "\u00e9"], ["new", "\u00e9"], ["new", "\u65e5\u672c"],
                          ["new", "\u65e5\u672c"]]),
    ("rename to same name", [["new", "Cube"], ["new", "Cube"], ["rename", "Cube", "Cube"],
                             ["rename", "Cube.001", "Cube.001"]]),
    ("rename to existing name", [["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube"]]),
    ("rename to existing name, then new",
     [["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube"], ["new", "Cube"],
      ["new", "Cube"]]),
    ("rename earlier item to a later item's name",
     [["new", "Apple"], ["new", "Cube"], ["rename", "Apple", "Cube"], ["new", "Cube"]]),
    ("rename to existing name, suffix taken",
     [["new", "Cube"], ["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube"]]),
    ("rename to existing name, suffix taken, then new",
     [["new", "Cube"], ["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube"],
      ["new", "Cube"]]),
    ("rename to existing suffixed name",
     [["new", "Cube"], ["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube.001"]]),
    ("rename to existing suffixed name, then new",
     [["new", "Cube"], ["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube.001"],
      ["new", "Cube"]]),
    ("rename suffixed to base while base exists",
     [["new", "Cube"], ["new", "Cube"], ["new", "Cube"], ["rename", "Cube.002", "Cube"]]),
    ("rename to existing name, case differs",
     [["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "cube"]]),
    ("rename to existing long name",
     [["new", A63], ["new", "x"], ["rename", "x", "A" * 70], ["new", "y"], ["rename", "y", A63]]),
    ("case ties on new", [["new", "a"], ["new", "A"], ["new", "a"], ["new", "A"], ["new", "b"],
                          ["new", "B"], ["new", "b"]]),
    ("case ties on rename", [["new", "B"], ["new", "c"], ["rename", "c", "b"], ["new", "a"],
                             ["rename", "a", "B"], ["new", "d"], ["rename", "d", "CUBE"],
                             ["new", "Cube"], ["new", "cube"], ["rename", "B.001", "cube"]]),
    ("case ties with suffix", [["new", "Cube"], ["new", "cube"], ["new", "Cube"], ["new", "cube"],
                               ["new", "CUBE.001"]]),
    ("rename moves item in list",
     [["new", "a"], ["new", "b"], ["new", "c"], ["rename", "a", "d"], ["rename", "c", "A"],
      ["rename", "b", "z"]]),
    ("rename to long name", [["new", "Cube"], ["rename", "Cube", A70], ["new", "x"],
                             ["rename", "x", A70]]),
    ("rename to utf8 long name", [["new", "Cube"], ["rename", "Cube", E40]]),
    ("copy", [["new", "Cube"], ["copy", "Cube"], ["copy", "Cube"], ["copy", "Cube.001"]]),
    ("copy suffixed when lower suffix free",
     [["new", "Cube"]] * 4 + [["remove", "Cube.001"], ["remove", "Cube.002"], ["copy", "Cube.003"],
                              ["copy", "Cube.003"]]),
    ("copy suffixed when base free",
     [["new", "Cube.003"], ["copy", "Cube.003"], ["copy", "Cube.003"]]),
    ("copy long name", [["new", A63], ["copy", A63]]),
]

SORT_SETS = [
    ["b", "A", "a", "B", "_x", "Z", "10", "9", "Cube.10", "Cube.9", "cube", "\u00e9", "e"],
    ["e", "\u00e9", "cube", "Cube.9", "Cube.10", "9", "10", "Z", "_x", "B", "a", "A", "b"],
    ["Cube.9", "cube", "b", "\u00e9", "_x", "10", "A", "Z", "e", "9", "a", "Cube.10", "B"],
    ["a", "A"], ["A", "a"], ["B", "a"], ["b", "A"],
    ["Cube", "Cube.001", "Cube.1", "Cube.01", "Cube1", "Cube 1", "Cube_1", "Cube-1", "Cube.a",
     "CubeA", "Cubea", "Cub", "Cubes"],
    ["x2", "x10", "x1", "x02", "x001", "x.2", "x.10"],
    ["~", "{", "[", "^", "`", "@", "!", " ", "0", "\u00ff", "\u0100", "\u65e5", "\U0001F600",
     "\u00c9", "\u00e9", "z"],
    ["Mat.9", "Mat.10", "Mat.100", "Mat.099"],
]

OBJECT_SCENARIOS = [
    ("objects: new twice", [["new", "Cube"], ["new", "Cube"], ["new", "Cube"]]),
    ("objects: lowest free suffix", [["new", "Cube"]] * 3 + [["remove", "Cube.001"], ["new", "Cube"]]),
    ("objects: empty name", [["new", ""], ["new", ""]]),
    ("objects: rename to existing", [["new", "Cube"], ["new", "Sphere"], ["rename", "Sphere", "Cube"]]),
    ("objects: rename earlier item to a later item's name",
     [["new", "Apple"], ["new", "Cube"], ["rename", "Apple", "Cube"]]),
    ("objects: copy", [["new", "Cube"], ["copy", "Cube"], ["copy", "Cube"]]),
    ("objects: utf8", [["new", "\u00e9"], ["new", "\u00e9"], ["new", E40]]),
]


def default_names():
    """Names given by bpy.data.<coll>.new("") on an emptied collection (twice)."""
    makers = {
        "meshes": lambda n: bpy.data.meshes.new(n),
        "objects": lambda n: bpy.data.objects.new(n, None),
        "cameras": lambda n: bpy.data.cameras.new(n),
        "lights": lambda n: bpy.data.lights.new(n, "POINT"),
        "materials": lambda n: bpy.data.materials.new(n),
        "worlds": lambda n: bpy.data.worlds.new(n),
        "images": lambda n: bpy.data.images.new(n, 4, 4),
        "actions": lambda n: bpy.data.actions.new(n),
        "texts": lambda n: bpy.data.texts.new(n),
        "node_groups": lambda n: bpy.data.node_groups.new(n, "ShaderNodeTree"),
        "collections": lambda n: bpy.data.collections.new(n),
        "scenes": lambda n: bpy.data.scenes.new(n),
    }
    out = {}
    for coll_name, make in makers.items():
        fresh_main()
        rec = {}
        coll = getattr(bpy.data, coll_name)
        if coll_name != "scenes":  # the last scene cannot be removed
            clear(coll_name)
        rec["existing"] = [i.name for i in coll]
        created = []
        for key in ("first", "second"):
            try:
                idb = make("")
                created.append(idb)
                rec[key] = idb.name
            except Exception as e:
                rec[key] = {"__error__": type(e).__name__, "message": str(e)}
        rec["list"] = [i.name for i in coll]
        for idb in created:
            coll.remove(idb)
        out[coll_name] = rec
    return out


def main():
    data = {"blender_version": bpy.app.version_string, "max_name_bytes": 63}
    data["scenarios"] = []
    for title, ops in SCENARIOS:
        keep = not any(op[0] == "new_n" for op in ops)
        data["scenarios"].append(scenario(title, [list(o) for o in ops], keep_result=keep))
    for title, ops in OBJECT_SCENARIOS:
        data["scenarios"].append(scenario(title, [list(o) for o in ops], coll_name="objects"))
    data["sort_order"] = []
    for names in SORT_SETS:
        data["sort_order"].append(
            scenario("sort: " + " ".join(names), [["new", n] for n in names])
        )
        data["sort_order"].append(
            scenario("sort (objects): " + " ".join(names), [["new", n] for n in names],
                     coll_name="objects")
        )
    data["default_names"] = default_names()
    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


main()
