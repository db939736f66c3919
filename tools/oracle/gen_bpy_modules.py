# Oracle generator: the pure-Python modules of bpy as Blender 3.4 shows them: bpy.path,
# bpy_extras.io_utils and bpy_extras.object_utils.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_bpy_modules.py -- tests/fixtures/bpy_modules.json
#
# Fixture layout (compared by source/python/tests/test_bpy_modules.py):
#   "cwd"            the working directory the cases ran in (relpath of a relative path
#                    depends on it; the test changes into the same directory)
#   "sections"       {name: {"filepath": bpy.data.filepath while the cases ran, "cases":
#                    [case, ...]}}: "unsaved" (no file), "saved" (saved with
#                    wm.save_as_mainfile to a fixed temporary path), "pure" (functions
#                    that do not read the file path, but path_reference with a library does)
#                    case = {"fn": "path.abspath", "args": [...], "kwargs": {...},
#                            "result": value} or {..., "error": type name, "message": str}
#   "fs"             file-system cases (module_names, resolve_ncase): "tree" lists the
#                    files made under a temporary root, results spell that root "<ROOT>"
#   "extensions"     bpy.path.extensions_* as sorted lists
#   "axis"           {"valid": [[from_forward, from_up, to_forward, to_up, matrix rows]],
#                     "invalid": [[ff, fu, tf, tu, error type, message]]}
#   "ensure"         axis_conversion_ensure on an object with all 36 (forward, up) pairs
#   "export_check"   ExportHelper.check on objects with a filepath and filename_ext
#   "unique_name"    a sequence of unique_name calls sharing one name_dict
#   "unpack_face_list"
#   "props"          identifiers, defaults and enum item identifiers of the properties
#                    the helpers declare (not their UI text)
#   "path_reference_copy_mode"  path_reference(mode='COPY'): result and copy_set
#   "path_reference_copy"       files path_reference_copy made, and its reports
#   "add_object_align_init"     matrices for stand-in operators (align, which properties
#                               the caller set) with the cursor moved and rotated
#   "world_to_camera_view", "create_derived_objects"   on the startup scene
#   "object_data_add" where object_data_add puts a new object
#   "app"            types of bpy.app's members, driver functions, bpy.app.translations
#   "*_all"          __all__ of bpy.path, io_utils, object_utils
#
# Values are JSON with tags for what JSON lacks: {"bytes": latin-1 text}, {"tuple": [...]},
# {"set": sorted [...]}, {"library": filepath} (any object with a .filepath),
# {"matrix": rows}.

import json
import os
import shutil
import sys
import tempfile

import bpy
from bpy_extras import io_utils, object_utils

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "source", "python", "tests"))

CWD = "/"


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "bpy_modules.json"


from bpy_modules_codec import Library, dec, enc  # noqa: E402,F401


MODULES = {"path": bpy.path, "io_utils": io_utils, "object_utils": object_utils}


def call(fn, args, kwargs):
    module, name = fn.split(".")
    func = getattr(MODULES[module], name)
    return func(*[dec(a) for a in args], **{k: dec(v) for k, v in kwargs.items()})


def run_cases(cases):
    out = []
    for fn, args, kwargs in cases:
        rec = {"fn": fn, "args": [enc(a) for a in args], "kwargs": {k: enc(v) for k, v in kwargs.items()}}
        try:
            result = call(fn, rec["args"], rec["kwargs"])
            if fn == "path.reduce_dirs":
                result = sorted(result)  # Blender returns set order, which varies per run
            rec["result"] = enc(result)
        except Exception as ex:  # noqa: BLE001  (the error is the result)
            rec["error"] = type(ex).__name__
            rec["message"] = str(ex)
        out.append(rec)
    return out


def c(fn, *args, **kwargs):
    return (fn, list(args), kwargs)


# ---- cases that depend on bpy.data.filepath --------------------------------------------

def file_cases(saved_dir):
    """abspath/relpath cases; saved_dir is the directory of the saved file ("" if unsaved)."""
    cases = []
    for p in ["//", "//foo.png", "//sub/foo.png", "//../foo.png", "//sub/../foo.png",
              "//./foo.png", "//foo//bar.png", "///foo.png", "//sub\\win.png", "/abs/foo.png",
              "/abs/../x.png", "rel/foo.png", "", "foo", "./foo", "//ünï/cödé.png",
              "C:\\textures\\a.png", "/"]:
        cases.append(c("path.abspath", p))
        cases.append(c("path.abspath", p, start="/other/dir"))
        cases.append(c("path.abspath", p.encode("utf-8")))
    for start in ["/other/dir/", "relstart", "", "//nested", None]:
        cases.append(c("path.abspath", "//foo.png", start=start))
    for start in [b"/other/dir", b""]:
        cases.append(c("path.abspath", b"//foo.png", start=start))
    for lib in ["/libs/lib.blend", "//lib/lib.blend", "", "//", "relative/lib.blend"]:
        cases.append(c("path.abspath", "//tex/a.png", library=Library(lib)))
        cases.append(c("path.abspath", "//tex/a.png", start="/ignored", library=Library(lib)))
        cases.append(c("path.abspath", "/abs/a.png", library=Library(lib)))
    cases.append(c("path.abspath", b"//tex/a.png", library=Library(b"/libs/lib.blend")))
    # Errors: wrong types.
    cases.append(c("path.abspath", None))
    cases.append(c("path.abspath", 5))
    cases.append(c("path.abspath", "//x", start=b"/b"))
    cases.append(c("path.abspath", b"//x", start="/s"))

    inside = (saved_dir or "/nowhere") + "/tex/a.png"
    for p in ["/abs/foo.png", "//already.png", inside, (saved_dir or "/nowhere"),
              "rel/foo.png", "", "/", "/abs/dir/"]:
        cases.append(c("path.relpath", p))
        cases.append(c("path.relpath", p, start="/abs"))
        cases.append(c("path.relpath", p, start="/abs/"))
        cases.append(c("path.relpath", p.encode("utf-8")))
    for start in ["", None, "rel", "/abs/sub"]:
        cases.append(c("path.relpath", "/abs/foo.png", start=start))
    cases.append(c("path.relpath", b"/abs/foo.png", start=b"/abs"))
    cases.append(c("path.relpath", None))
    cases.append(c("path.relpath", b"/abs/foo.png", start="/abs"))
    return cases


# ---- cases that do not ---------------------------------------------------------------

def pure_cases():
    cases = []
    for p in ["//foo.png", "//", "/a/b.png", "a/b/", "//sub/x.png", "foo", "", "///x",
              "a\\b.png", "//a\\b.png", b"//x.png", b"/a/b.png", b"//"]:
        cases.append(c("path.basename", p))
    cases.append(c("path.basename", None))

    names = ["hello world", "héllo", "日本語", "a.b-c_d", "", "Ünïcödé", "tab\there",
             "new\nline", "ABCxyz019", "~!@#$%^&*()", "ÿ", "\u0100", "emoji😀", "ß",
             "\x7f\x80", "a\x00b", "".join(chr(i) for i in range(300))]
    for n in names:
        cases.append(c("path.clean_name", n))
    for rep in ["-", "", "XY", "é", "\u0100", "\x00", "ÿ"]:
        cases.append(c("path.clean_name", "a b.c", replace=rep))
    for n in [b"hello world", b"h\xc3\xa9llo", b"", b"\xff\x00"]:
        cases.append(c("path.clean_name", n))
        cases.append(c("path.clean_name", n, replace=b"-"))
    cases.append(c("path.clean_name", "a b", replace=b"-"))
    cases.append(c("path.clean_name", b"a b", replace="-"))
    cases.append(c("path.clean_name", None))

    for n in ["foo_bar.py", "foo_bar", "FooBar.txt", "fooBar", "my_file.tar.gz", "foo-bar",
              "hello world", "__init__", ".hidden", "a", "", "123abc", "UPPER_CASE",
              "mixed_Case", "über_datei.blend", "foo  bar", "foo__bar", "_lead", "trail_",
              "x.y.z", "io_scene_obj", "some.name_with_dots.py", "a_b c_d", "ÉCOLE_x",
              "don't_stop", "foo.", "CamelCase_word", "a-b_c", "two words.txt",
              "ünïcode_lower", "a/foo_bar.py", "//foo_bar.py", " lead_space", "\tx", "  _x",
              "dir.d/foo", "dir/.hidden_x"]:
        cases.append(c("path.display_name", n))
        cases.append(c("path.display_name", n, has_ext=False))
        cases.append(c("path.display_name", n, title_case=False))
        cases.append(c("path.display_name", n, has_ext=False, title_case=False))
    cases.append(c("path.display_name", b"foo_bar.py"))
    cases.append(c("path.display_name", None))

    for n in ["Foo: Bar", "a/b", "x|y", '"q"', "?", "*", "<>", "a\\b", "plain", "",
              "Foo Bar.txt", "a:b:c"]:
        cases.append(c("path.display_name_to_filepath", n))
    cases.append(c("path.display_name_to_filepath", b"a:b"))

    for n in ["/a/b/foo_bar.png", "//foo.blend", "foo", "", "/a/b/", "/a/.hidden",
              "/a/b.tar.gz", "/a/\udcff\udcfe.png", "//sub/ünï.blend", "noext.", "C:\\x\\y.png",
              b"/a/b/foo.png", b"/a/\xff.png"]:
        cases.append(c("path.display_name_from_filepath", n))

    for args, kw in [(("foo", ".png"), {}), (("foo.png", ".png"), {}), (("foo.PNG", ".png"), {}),
                     (("foo.PNG", ".png"), {"case_sensitive": True}),
                     (("foo.png", ".PNG"), {}), (("foo.tar.gz", ".tar.gz"), {}),
                     (("foo.gz", ".tar.gz"), {}), (("foo.TAR.GZ", ".tar.gz"), {}),
                     (("", ".png"), {}), (("foo.", ".png"), {}), (("foo.jpg", ".png"), {}),
                     (("foo", "png"), {}), (("foopng", "png"), {}), (("foo", ""), {}),
                     (("/dir.png/", ".png"), {}), (("/dir/x", ".png"), {}),
                     (("foo.png", ".png"), {"case_sensitive": True}),
                     ((b"foo", b".png"), {}), ((b"foo.PNG", b".png"), {}),
                     ((b"foo.PNG", b".png"), {"case_sensitive": True}),
                     (("foo", b".png"), {}), ((b"foo", ".png"), {})]:
        cases.append(c("path.ensure_ext", *args, **kw))

    for p, d in [("/a/b/c", "/a/b"), ("/a/b", "/a/b"), ("/a/bc", "/a/b"), ("/a/b/../c", "/a/b"),
                 ("/A/b", "/a"), ("a/b", "a"), ("/a/b", "/a/b/"), ("/a/b/", "/a/b"),
                 ("/a", "/a/b"), ("/", "/"), ("/a", "/"), ("a", "a"), ("/a//b", "/a"),
                 ("/a/./b", "/a"), (b"/a/b", b"/a"), (b"/a", b"/a/b")]:
        cases.append(c("path.is_subdir", p, d))
    cases.append(c("path.is_subdir", "/a/b", b"/a"))

    for p in ["a/b", "a\\b", "//a\\b", "C:\\x/y", "", "//", "\\\\server\\share"]:
        cases.append(c("path.native_pathsep", p))
    cases.append(c("path.native_pathsep", b"a\\b"))

    for dirs in [["/a", "/a/b", "/c", "/a"], ["/a/b", "/a"], [], ["/a/", "/a"], ["rel", "rel/x"],
                 ["/a/b/../c", "/a/c"], ["/x/y", "/x/yz", "/x"], ["/b", "/a", "/c"],
                 ["/a/b", "/a/c", "/a/b/d"], ("/t1", "/t2"), ["/a//b", "/a/b"], ["/"],
                 ["/", "/a"]]:
        cases.append(c("path.reduce_dirs", dirs))

    # bpy_extras.io_utils: plain functions.
    for lists in [[(1, 2), (3, 4, 5)], [], [(1,)], [[1, 2], [3]], ["ab", "c"], [(), (1, 2)],
                  [(1.5, 2.5), (3, "x")]]:
        cases.append(c("io_utils.unpack_list", lists))
    cases.append(c("io_utils.unpack_list", [1, 2]))

    base_src = "/blend/dir"
    base_dst = "/export/dir"
    for fp in ["//tex/a.png", "/export/dir/tex/b.png", "/elsewhere/c.png", "//../up.png",
               "/export/dir/d.png", "/blend/dir/e.png", "rel/f.png", "//g.png", "/export/dirx/h.png"]:
        for mode in ["AUTO", "ABSOLUTE", "RELATIVE", "MATCH", "STRIP"]:
            cases.append(c("io_utils.path_reference", fp, base_src, base_dst, mode=mode))
    cases.append(c("io_utils.path_reference", "//x.png", base_src, base_dst, mode="BOGUS"))
    cases.append(c("io_utils.path_reference", "//lib/t.png", base_src, base_dst, mode="ABSOLUTE",
                   library=Library("//libs/l.blend")))
    cases.append(c("io_utils.path_reference", "//lib/t.png", base_src, base_dst, mode="AUTO",
                   library=Library("/export/dir/libs/l.blend")))
    return cases


def copy_mode_cases():
    """path_reference in COPY mode fills a copy_set: record the result and the set."""
    out = []
    for fp, subdir in [("//tex/a.png", ""), ("/elsewhere/c.png", "textures"),
                       ("/export/dir/d.png", ""), ("/export/dir/sub/e.png", "textures"),
                       ("//a.png", "t/u")]:
        copy_set = set()
        rec = {"args": [fp, "/blend/dir", "/export/dir"], "copy_subdir": subdir}
        try:
            rec["result"] = io_utils.path_reference(fp, "/blend/dir", "/export/dir", mode="COPY",
                                                    copy_subdir=subdir, copy_set=copy_set)
            rec["copy_set"] = sorted([list(p) for p in copy_set])
        except Exception as ex:  # noqa: BLE001
            rec["error"] = type(ex).__name__
            rec["message"] = str(ex)
        out.append(rec)
    return out


# ---- file system ----------------------------------------------------------------------

TREE = ["dotted.pkg/__init__.py", "modules/__init__.py", ".hiddenpkg/__init__.py", "pkgfile",
        "mod_a.py", "mod_b.py", "pkg/__init__.py", "pkg/sub.py", "pkg/_hidden_sub.py",
        "pkg/subpkg/__init__.py", "pkg/subpkg/deep.py", "notpkg/x.py", ".hidden.py",
        "data.txt", "_private.py", "with space.py", "bad-name.py", "1digit.py", "__init__.py",
        "Upper.PY", "compiled.pyc", "mod_c.py/not_a_file.txt", "Dir/File.TXT",
        "Dir/Sub Dir/Leaf.png", "ünï/cödé.py"]


def fs_cases():
    root = tempfile.mkdtemp(prefix="whisk_oracle_fs_")
    try:
        for rel in TREE:
            full = os.path.join(root, rel)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write("")

        def sub(value):
            if isinstance(value, str):
                return value.replace(root, "<ROOT>")
            if isinstance(value, (list, tuple)):
                return [sub(v) for v in value]
            return value

        out = []
        for fn, rel_args, kwargs in [
            ("module_names", [""], {}), ("module_names", [""], {"recursive": True}),
            ("module_names", ["pkg"], {}), ("module_names", ["pkg"], {"recursive": True}),
            ("module_names", ["missing"], {}),
            ("resolve_ncase", ["dir/file.txt"], {}), ("resolve_ncase", ["DIR/FILE.txt"], {}),
            ("resolve_ncase", ["Dir/File.TXT"], {}), ("resolve_ncase", ["missing/x"], {}),
            ("resolve_ncase", ["dir/missing.txt"], {}), ("resolve_ncase", ["dir/sub dir/leaf.PNG"], {}),
            ("resolve_ncase", ["dir/"], {}), ("resolve_ncase", ["MOD_A.py"], {}),
            ("resolve_ncase", ["//dir/file.txt"], {}),
        ]:
            args = [os.path.join(root, a) if a != "//dir/file.txt" else a for a in rel_args]
            rec = {"fn": fn, "args": rel_args, "kwargs": kwargs}
            try:
                result = getattr(bpy.path, fn)(*args, **kwargs)
                rec["result"] = sub(result)
            except Exception as ex:  # noqa: BLE001
                rec["error"] = type(ex).__name__
                rec["message"] = sub(str(ex))
            out.append(rec)
        return {"tree": TREE, "cases": out}
    finally:
        shutil.rmtree(root)


# ---- io_utils -------------------------------------------------------------------------

AXES = ["X", "Y", "Z", "-X", "-Y", "-Z"]


def axis_cases():
    valid, invalid = [], []
    for ff in AXES:
        for fu in AXES:
            for tf in AXES:
                for tu in AXES:
                    try:
                        m = io_utils.axis_conversion(ff, fu, tf, tu)
                        valid.append([ff, fu, tf, tu, [[float(x) for x in row] for row in m]])
                    except Exception as ex:  # noqa: BLE001
                        invalid.append([ff, fu, tf, tu, type(ex).__name__, str(ex)])
    for args in [("W", "Z", "Y", "Z"), ("y", "z", "Y", "Z"), ("Y", "Z", "+Y", "Z"),
                 ("W", "Z", "W", "Z"), ("", "Z", "Y", "Z"), ("Y", "Z", "X", "w")]:
        try:
            m = io_utils.axis_conversion(*args)
            valid.append(list(args) + [[[float(x) for x in row] for row in m]])
        except Exception as ex:  # noqa: BLE001
            invalid.append(list(args) + [type(ex).__name__, str(ex)])
    defaults = [[float(x) for x in row] for row in io_utils.axis_conversion()]
    kw = [[float(x) for x in row] for row in io_utils.axis_conversion(to_up="Y", to_forward="-Z")]
    return {"valid": valid, "invalid": invalid, "default": defaults, "keywords_to_Y_up": kw}


class FakeOperator:
    pass


def ensure_cases():
    out = []
    for f in AXES:
        for u in AXES:
            op = FakeOperator()
            op.axis_forward, op.axis_up = f, u
            changed = io_utils.axis_conversion_ensure(op, "axis_forward", "axis_up")
            out.append([f, u, changed, op.axis_forward, op.axis_up])
    return out


def export_check_cases():
    out = []
    for fp, ext, check_ext in [("/a/b", ".obj", True), ("/a/b.obj", ".obj", True),
                               ("/a/b.OBJ", ".obj", True), ("/a/b.fbx", ".obj", True),
                               ("/a/b.tar", ".tar.gz", True), ("/a/b.tar.gz", ".tar.gz", True),
                               ("/a/", ".obj", True), ("", ".obj", True),
                               ("/a/b.fbx", ".obj", False), ("/a/b.fbx", ".obj", None),
                               ("/a/b.x.y", ".obj", True), ("/a/.obj", ".obj", True),
                               ("/a/b.", ".obj", True)]:
        op = FakeOperator()
        op.filepath = fp
        op.filename_ext = ext
        if check_ext != "unset":
            op.check_extension = check_ext
        changed = io_utils.ExportHelper.check(op, bpy.context)
        out.append({"filepath": fp, "filename_ext": ext, "check_extension": check_ext,
                    "changed": changed, "result": op.filepath})
    # With axis properties too: a bad pair is fixed and reported as a change.
    op = FakeOperator()
    op.filepath, op.filename_ext, op.check_extension = "/a/b.obj", ".obj", True
    op.axis_forward, op.axis_up = "Y", "-Y"
    changed = io_utils.ExportHelper.check(op, bpy.context)
    out.append({"filepath": "/a/b.obj", "filename_ext": ".obj", "check_extension": True,
                "axis": ["Y", "-Y"], "changed": changed, "result": op.filepath,
                "result_axis": [op.axis_forward, op.axis_up]})
    op = FakeOperator()
    op.filepath = "/a/b.fbx"
    op.axis_forward, op.axis_up = "Z", "Z"
    changed = io_utils.ImportHelper.check(op, bpy.context)
    out.append({"import": True, "filepath": "/a/b.fbx", "axis": ["Z", "Z"], "changed": changed,
                "result": op.filepath, "result_axis": [op.axis_forward, op.axis_up]})
    return out


def unique_name_cases():
    name_dict = {}
    keys = [object() for _ in range(8)]
    calls = [(0, "Cube", {}), (1, "Cube", {}), (2, "Cube", {}), (0, "Other", {}),
             (3, "a b", {"clean_func": "clean_name"}), (4, "a b", {"clean_func": "clean_name"}),
             (5, "LongNameHere", {"name_max": 6}), (6, "LongNameHere", {"name_max": 6}),
             (7, "Cube", {"sep": "_"})]
    out = []
    for k, name, kw in calls:
        kwargs = dict(kw)
        if kwargs.get("clean_func") == "clean_name":
            kwargs["clean_func"] = bpy.path.clean_name
        out.append([k, name, kw, io_utils.unique_name(keys[k], name, name_dict, **kwargs)])
    return out


def unpack_face_cases():
    out = []
    for faces in [[(1, 2, 3)], [(4, 5, 6, 7)], [(1, 2, 0)], [(0, 1, 2)], [(1, 2, 3, 0)],
                  [(0, 1, 2, 3)], [(5, 0, 1, 2)], [(1, 0, 2)], [(1, 2, 0, 0)], [(0, 0, 0)],
                  [(1, 2, 3), (4, 5, 6, 7), (7, 8, 0)], [], [(1, 2)], [(1, 2, 3, 4, 5)]]:
        try:
            out.append([faces, io_utils.unpack_face_list(faces)])
        except Exception as ex:  # noqa: BLE001
            out.append([faces, {"error": type(ex).__name__, "message": str(ex)}])
    return out


PROP_DEFAULTS = {"BoolProperty": False, "StringProperty": "", "EnumProperty": None,
                 "FloatVectorProperty": [0.0, 0.0, 0.0], "FloatProperty": 0.0, "IntProperty": 0}


def deferred_record(deferred):
    """Identifiers, defaults and options of a bpy.props deferred property (no UI text),
    with what was not passed filled in with the bpy.props default (so that a definition
    that spells a default out compares equal to one that leaves it out)."""
    fn = getattr(deferred, "function", None)
    kw = dict(getattr(deferred, "keywords", {}))
    rec = {"type": fn.__name__ if fn else type(deferred).__name__}
    default = kw.get("default", PROP_DEFAULTS.get(rec["type"]))
    rec["default"] = list(default) if isinstance(default, tuple) else default
    rec["maxlen"] = kw.get("maxlen") or 0
    rec["subtype"] = kw.get("subtype") or "NONE"
    if "size" in kw:
        rec["size"] = kw["size"]
    rec["options"] = sorted(kw.get("options") or {"ANIMATABLE"})
    if "items" in kw and not callable(kw["items"]):
        rec["items"] = [item[0] for item in kw["items"]]
    rec["has_update"] = kw.get("update") is not None
    return rec


def props_cases():
    out = {}
    for cls in (io_utils.ImportHelper, io_utils.ExportHelper):
        out[cls.__name__] = {k: deferred_record(v) for k, v in cls.__annotations__.items()}
    out["ExportHelper.check_extension"] = io_utils.ExportHelper.check_extension
    out["ImportHelper.has_check_extension"] = hasattr(io_utils.ImportHelper, "check_extension")
    out["path_reference_mode"] = deferred_record(io_utils.path_reference_mode)

    for fwd, up in [("Y", "Z"), ("-Z", "Y"), ("X", "-Y")]:
        @io_utils.orientation_helper(axis_forward=fwd, axis_up=up)
        class Op(io_utils.ExportHelper):
            pass
        out["orientation_helper_%s_%s" % (fwd, up)] = {
            k: deferred_record(v) for k, v in Op.__annotations__.items()}
        # The decorated class keeps the mixin's annotations through inheritance.
        out["orientation_helper_keys_%s_%s" % (fwd, up)] = sorted(Op.__annotations__)

    # The update callbacks fix the other axis when both land on the same one.
    @io_utils.orientation_helper()
    class Op2:
        pass
    ann = Op2.__annotations__
    fixes = []
    for attr in ("axis_forward", "axis_up"):
        update = ann[attr].keywords["update"]
        for f in AXES:
            for u in AXES:
                op = FakeOperator()
                op.axis_forward, op.axis_up = f, u
                update(op, None)
                fixes.append([attr, f, u, op.axis_forward, op.axis_up])
    out["orientation_update"] = fixes
    try:
        io_utils.orientation_helper(axis_forward="Y", axis_up="Y")
        out["orientation_helper_same_axis"] = None
    except Exception as ex:  # noqa: BLE001
        out["orientation_helper_same_axis"] = {"error": type(ex).__name__, "message": str(ex)}

    ann = object_utils.AddObjectHelper.__annotations__
    # In 3.4 these annotations are strings (the module uses postponed evaluation).
    out["AddObjectHelper"] = sorted(ann)
    out["AddObjectHelper_align_items"] = ["WORLD", "VIEW", "CURSOR"]
    return out


def path_reference_copy_cases():
    """path_reference_copy on real files: which get copied, what is reported."""
    root = tempfile.mkdtemp(prefix="whisk_oracle_copy_")
    try:
        os.makedirs(os.path.join(root, "src"))
        for name in ("a.png", "b.png"):
            with open(os.path.join(root, "src", name), "w") as f:
                f.write(name)
        copy_set = {
            (os.path.join(root, "src", "a.png"), os.path.join(root, "dst", "tex", "a.png")),
            (os.path.join(root, "src", "missing.png"), os.path.join(root, "dst", "missing.png")),
            (os.path.join(root, "src", "b.png"), os.path.join(root, "src", "b.png")),
        }
        reports = []
        io_utils.path_reference_copy(copy_set, report=reports.append)
        files = []
        for dirpath, _dirs, names in os.walk(root):
            for name in names:
                full = os.path.join(dirpath, name)
                with open(full) as f:
                    files.append([os.path.relpath(full, root), f.read()])
        return {"reports": sorted(r.replace(root, "<ROOT>") for r in reports),
                "files": sorted(files)}
    finally:
        shutil.rmtree(root)


class FakeProperties:
    """An operator's properties: the values and which of them the caller set."""

    def __init__(self, align, location, rotation, set_names):
        from mathutils import Euler, Vector
        self.align = align
        self.location = Vector(location)
        self.rotation = Euler(rotation)
        self._set = set(set_names)

    def is_property_set(self, name):
        return name in self._set


class FakeAddOperator:
    def __init__(self, align, location, rotation, set_names):
        self.properties = FakeProperties(align, location, rotation, set_names)


def align_init_cases():
    ctx = bpy.context
    scene = ctx.scene
    scene.cursor.location = (1.0, 2.0, 3.0)
    scene.cursor.rotation_euler = (0.1, 0.2, 0.3)
    out = []

    def mat(m):
        return [[round(float(x), 5) for x in row] for row in m]

    rec = {"operator": None}
    rec["matrix"] = mat(object_utils.add_object_align_init(ctx, None))
    out.append(rec)
    for align, set_names in [("WORLD", []), ("WORLD", ["location"]), ("WORLD", ["rotation"]),
                             ("WORLD", ["location", "rotation"]), ("CURSOR", []),
                             ("CURSOR", ["rotation"]), ("VIEW", []), ("VIEW", ["align"]),
                             ("WORLD", ["align"]), ("CURSOR", ["align", "location"])]:
        op = FakeAddOperator(align, (4.0, 5.0, 6.0), (0.5, 0.0, 0.25), set_names)
        rec = {"operator": [align, sorted(set_names)]}
        try:
            rec["matrix"] = mat(object_utils.add_object_align_init(ctx, op))
            rec["location"] = [round(v, 5) for v in op.properties.location]
            rec["rotation"] = [round(v, 5) for v in op.properties.rotation]
        except Exception as ex:  # noqa: BLE001
            rec["error"] = type(ex).__name__
            rec["message"] = str(ex)
        out.append(rec)
    scene.cursor.location = (0.0, 0.0, 0.0)
    scene.cursor.rotation_euler = (0.0, 0.0, 0.0)
    return out


def camera_view_cases():
    scene = bpy.context.scene
    cam = scene.camera
    out = []
    for coord in [(0, 0, 0), (1, 1, 1), (7.0, -6.0, 5.0), (-3, 2, 0.5), (10, 10, -10)]:
        v = object_utils.world_to_camera_view(scene, cam, __import__("mathutils").Vector(coord))
        out.append([list(coord), [round(float(x), 5) for x in v]])
    return {"camera": cam.name, "cases": out}


def derived_objects_cases():
    depsgraph = bpy.context.evaluated_depsgraph_get()
    objects = [bpy.data.objects["Cube"], bpy.data.objects["Camera"]]
    result = io_utils.create_derived_objects(depsgraph, objects)
    return sorted([key.name, [[inst.name, [[round(float(x), 5) for x in row] for row in m]]
                              for inst, m in value]] for key, value in result.items())


# ---- object_utils ---------------------------------------------------------------------

def object_data_add_cases():
    ctx = bpy.context
    scene = ctx.scene
    out = {}
    mesh = bpy.data.meshes.new("AddedMesh")
    ob = object_utils.object_data_add(ctx, mesh)
    out["default"] = describe(ob)

    # A second collection made active: the new object goes there.
    coll = bpy.data.collections.new("Target")
    scene.collection.children.link(coll)
    vl = ctx.view_layer
    vl.active_layer_collection = vl.layer_collection.children["Target"]
    scene.cursor.location = (1.0, 2.0, 3.0)
    mesh2 = bpy.data.meshes.new("Second")
    ob2 = object_utils.object_data_add(ctx, mesh2, name="Named")
    out["named_in_active_collection_at_cursor"] = describe(ob2)
    out["first_selected_after"] = ob.select_get()

    ob3 = object_utils.object_data_add(ctx, None, name="Empty")
    out["empty"] = describe(ob3)
    try:
        out["no_name_no_data"] = describe(object_utils.object_data_add(ctx, None))
    except Exception as ex:  # noqa: BLE001
        out["no_name_no_data"] = {"error": type(ex).__name__, "message": str(ex)}
    # Same data name as an existing object: the object gets a suffix.
    ob4 = object_utils.object_data_add(ctx, bpy.data.meshes.new("Cube"))
    out["name_clash"] = describe(ob4)
    out["selected"] = sorted(o.name for o in scene.objects if o.select_get())
    return out


def describe(ob):
    return {
        "name": ob.name,
        "data": ob.data.name if ob.data else None,
        "collections": [c.name for c in ob.users_collection],
        "active": bpy.context.view_layer.objects.active == ob,
        "selected": ob.select_get(),
        "matrix_world": [[round(float(x), 6) for x in row] for row in ob.matrix_world],
    }


def app_cases():
    """Types of bpy.app's members (Whisk must give the same type where it has the member),
    and bpy.app.translations' pure functions."""
    types = {}
    for name in dir(bpy.app):
        if name.startswith("_") or name in ("count", "index", "n_fields", "n_sequence_fields",
                                            "n_unnamed_fields"):
            continue
        types[name] = type(getattr(bpy.app, name)).__name__
    t = bpy.app.translations
    return {
        "types": types,
        "version_types": [type(v).__name__ for v in bpy.app.version],
        "tempdir_ends_with_sep": bpy.app.tempdir.endswith(os.sep),
        "driver_namespace_math": sorted(k for k in bpy.app.driver_namespace
                                        if not k.startswith("_") and k != "bpy"),
        "driver_functions": [
            ["clamp", [1.5], bpy.app.driver_namespace["clamp"](1.5)],
            ["clamp", [-0.5], bpy.app.driver_namespace["clamp"](-0.5)],
            ["clamp", [5.0, 1.0, 3.0], bpy.app.driver_namespace["clamp"](5.0, 1.0, 3.0)],
            ["lerp", [1.0, 3.0, 0.25], bpy.app.driver_namespace["lerp"](1.0, 3.0, 0.25)],
            ["smoothstep", [0.0, 2.0, 0.5], bpy.app.driver_namespace["smoothstep"](0.0, 2.0, 0.5)],
            ["smoothstep", [0.0, 2.0, -1.0], bpy.app.driver_namespace["smoothstep"](0.0, 2.0, -1.0)],
            ["smoothstep", [0.0, 2.0, 3.0], bpy.app.driver_namespace["smoothstep"](0.0, 2.0, 3.0)],
        ],
        "translations_members": sorted(n for n in dir(t) if not n.startswith("_")),
        "locale": t.locale,
        "locale_explode": [[loc, list(t.locale_explode(loc))] for loc in
                           ["fr_FR@euro", "fr", "en_US", "sr@latin", "", "a_b_c"]],
        "pgettext": [t.pgettext("Hello"), t.pgettext_iface("Add", "Operator"),
                     t.pgettext_tip("Tip"), t.pgettext_data("Cube")],
        "contexts": {f: getattr(t.contexts, f) for f in type(t.contexts).__match_args__},
        "contexts_C_to_py": dict(t.contexts_C_to_py),
    }


def main():
    output = os.path.abspath(out_path())
    os.chdir(CWD)
    fixture = {"blender": bpy.app.version_string, "cwd": CWD, "sections": {}}

    bpy.ops.wm.read_factory_settings(use_empty=False)
    assert bpy.data.filepath == ""
    fixture["sections"]["unsaved"] = {"filepath": "", "cases": run_cases(file_cases(""))}

    # A fixed directory, so that regenerating gives the same fixture.
    tmp = os.path.join(tempfile.gettempdir(), "whisk_oracle_bpy_modules")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        path = os.path.join(tmp, "project", "scene.blend")
        os.makedirs(os.path.dirname(path))
        bpy.ops.wm.save_as_mainfile(filepath=path)
        assert bpy.data.filepath == path, bpy.data.filepath
        fixture["sections"]["saved"] = {
            "filepath": path,
            "cases": run_cases(file_cases(os.path.dirname(path)))}
        fixture["sections"]["pure"] = {"filepath": path, "cases": run_cases(pure_cases())}
        fixture["path_reference_copy_mode"] = copy_mode_cases()
    finally:
        shutil.rmtree(tmp)

    bpy.ops.wm.read_factory_settings(use_empty=False)
    fixture["fs"] = fs_cases()
    fixture["extensions"] = {name: sorted(getattr(bpy.path, name)) for name in
                             ("extensions_image", "extensions_movie", "extensions_audio")}
    fixture["path_all"] = list(bpy.path.__all__)
    fixture["io_utils_all"] = list(io_utils.__all__)
    fixture["object_utils_all"] = list(object_utils.__all__)
    fixture["axis"] = axis_cases()
    fixture["ensure"] = ensure_cases()
    fixture["export_check"] = export_check_cases()
    fixture["unique_name"] = unique_name_cases()
    fixture["unpack_face_list"] = unpack_face_cases()
    fixture["props"] = props_cases()
    fixture["path_reference_copy"] = path_reference_copy_cases()
    fixture["add_object_align_init"] = align_init_cases()
    fixture["world_to_camera_view"] = camera_view_cases()
    fixture["create_derived_objects"] = derived_objects_cases()
    fixture["object_data_add"] = object_data_add_cases()
    fixture["app"] = app_cases()

    with open(output, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", output)


main()
