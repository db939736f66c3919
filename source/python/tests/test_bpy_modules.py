"""bpy.path, bpy.app, bpy_extras.io_utils and bpy_extras.object_utils against Blender
(tests/fixtures/bpy_modules.json).

Regenerate the fixture after changing the cases:
    blender -b --factory-startup --python tools/oracle/gen_bpy_modules.py -- tests/fixtures/bpy_modules.json

When the real ``bpy`` imports (the ``_whisk`` extension is built) the tests use it; without
it they load the pure-Python modules from source/python/package under a stand-in ``bpy``
that has ``data.filepath``, ``props``, ``path`` and ``app``, and skip the tests that need
real data (object_data_add, world_to_camera_view, create_derived_objects). Either way
``bpy.data`` is replaced by a stand-in holding the file path a fixture section was
recorded with, since abspath/relpath only read ``bpy.data.filepath``.
"""

import builtins
import importlib
import importlib.util
import json
import os
import sys
import types

import pytest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
PACKAGE = os.path.join(ROOT, "source", "python", "package")
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "bpy_modules.json")

with open(FIXTURE, encoding="utf-8") as _f:
    EXPECTED = json.load(_f)

TOL = 1e-5


# ---- the modules under test -------------------------------------------------------------


def _load(name, path, package_dir=None):
    spec = importlib.util.spec_from_file_location(
        name, path, submodule_search_locations=[package_dir] if package_dir else None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _fake_bpy():
    """A stand-in ``bpy`` package with the pure-Python submodules from the source tree."""
    bpy = types.ModuleType("bpy")
    bpy.__path__ = []
    bpy.data = types.SimpleNamespace(filepath="")
    sys.modules["bpy"] = bpy
    bpy.props = _load("bpy.props", os.path.join(PACKAGE, "bpy", "props.py"))
    bpy.path = _load("bpy.path", os.path.join(PACKAGE, "bpy", "path.py"))
    bpy.app = _load("bpy.app", os.path.join(PACKAGE, "bpy", "app", "__init__.py"),
                    os.path.join(PACKAGE, "bpy", "app"))
    return bpy


def _owned(name):
    return name in ("bpy", "bpy_extras") or name.startswith(("bpy.", "bpy_extras."))


@pytest.fixture(scope="module")
def mods():
    """namespace(bpy, path, app, io_utils, object_utils, real): real is True when the
    real bpy imported. Stand-in modules are taken out of sys.modules afterwards."""
    saved = {name: mod for name, mod in sys.modules.items() if _owned(name)}
    try:
        import bpy
        real = True
    except ImportError:
        for name in [n for n in sys.modules if _owned(n)]:
            del sys.modules[name]
        bpy = _fake_bpy()
        real = False
    try:
        path = importlib.import_module("bpy.path")
        app = importlib.import_module("bpy.app")
        io_utils = importlib.import_module("bpy_extras.io_utils")
        object_utils = importlib.import_module("bpy_extras.object_utils")
        yield types.SimpleNamespace(bpy=bpy, path=path, app=app, io_utils=io_utils,
                                    object_utils=object_utils, real=real)
    finally:
        if not real:
            for name in [n for n in sys.modules if _owned(n)]:
                del sys.modules[name]
            sys.modules.update(saved)


@pytest.fixture
def blend_file(mods, monkeypatch):
    """Set the path bpy.data.filepath reports: blend_file("/x/y.blend")."""
    def set_path(filepath):
        monkeypatch.setattr(mods.bpy, "data", types.SimpleNamespace(filepath=filepath))
    return set_path


@pytest.fixture
def real_bpy(mods):
    if not mods.real:
        pytest.skip("needs the real bpy (the _whisk extension is not built)")
    import whisk
    whisk.read_factory_settings()
    return mods.bpy


# ---- values as the fixture spells them -------------------------------------------------------


from bpy_modules_codec import Library, dec, enc  # noqa: E402,F401


def rows(matrix):
    return [[float(x) for x in row] for row in matrix]


def close(a, b, tol=TOL):
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= tol
    return a == b


def error_matches(expected_name, exc):
    """Blender's exception type, or a subclass (Whisk raises ValueError where Blender
    raises a bare Exception)."""
    expected = getattr(builtins, expected_name)
    return isinstance(exc, expected)


# ---- cases Whisk answers differently on purpose ----------------------------------------------


def _known_difference(case):
    """(reason, check(expected_case, actual_result)) for cases where Whisk differs from
    Blender on purpose, else None."""
    fn, args, kwargs = case["fn"], dec(case["args"]), {k: dec(v) for k, v in case["kwargs"].items()}
    if fn == "path.clean_name" and args and isinstance(args[0], bytes):
        # Blender documents bytes but its clean_name fails on them; Whisk accepts them.
        def check(_case, result):
            replace = kwargs.get("replace", "_")
            replace = replace.decode("latin-1") if isinstance(replace, bytes) else replace
            text = args[0].decode("latin-1")
            clean = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" or ord(c) >= 255
                            else replace
                            for c in text)
            return result == clean.encode("latin-1")
        return "Whisk's clean_name accepts bytes", check
    if fn == "path.abspath" and args and isinstance(args[0], bytes) and "library" in kwargs:
        # Blender reads a real Library's path through RNA (path_resolve), which the
        # stand-in lacks; Whisk reads .filepath and encodes it.
        return "bytes path with a stand-in Library", \
            lambda _case, result: result == b"/libs/tex/a.png"
    if fn == "path.reduce_dirs":
        # Blender returns set order (it changes from run to run); compare as sets.
        return "order", lambda c, result: sorted(enc(result)) == sorted(c["result"])
    return None


def _run_case(mods, case):
    module, name = case["fn"].split(".")
    func = getattr(mods.path if module == "path" else getattr(mods, module), name)
    return func(*dec(case["args"]), **{k: dec(v) for k, v in case["kwargs"].items()})


def _check_cases(mods, cases):
    failures = []
    for case in cases:
        known = _known_difference(case)
        try:
            result = _run_case(mods, case)
        except Exception as exc:  # noqa: BLE001
            if known is None and "error" in case and error_matches(case["error"], exc):
                continue
            failures.append("%s(%r, %r): expected %s, raised %s: %s" % (
                case["fn"], case["args"], case["kwargs"],
                case.get("result", case.get("error")), type(exc).__name__, exc))
            continue
        if known is not None:
            if not known[1](case, result):
                failures.append("%s(%r, %r) [%s]: got %r" % (
                    case["fn"], case["args"], case["kwargs"], known[0], result))
            continue
        if "error" in case:
            failures.append("%s(%r, %r): expected %s, got %r" % (
                case["fn"], case["args"], case["kwargs"], case["error"], result))
        elif enc(result) != case["result"]:
            failures.append("%s(%r, %r): expected %r, got %r" % (
                case["fn"], case["args"], case["kwargs"], case["result"], enc(result)))
    return failures


def _functions(section):
    return sorted({c["fn"] for c in EXPECTED["sections"][section]["cases"]})


# ---- bpy.path -------------------------------------------------------------------------------


@pytest.mark.parametrize("section,fn", [(s, f) for s in sorted(EXPECTED["sections"])
                                        for f in _functions(s)])
def test_cases(mods, blend_file, monkeypatch, section, fn):
    data = EXPECTED["sections"][section]
    blend_file(data["filepath"])
    monkeypatch.chdir(EXPECTED["cwd"])
    cases = [c for c in data["cases"] if c["fn"] == fn]
    failures = _check_cases(mods, cases)
    assert not failures, "%d of %d cases differ:\n" % (len(failures), len(cases)) + \
        "\n".join(failures)


def test_file_system_cases(mods, tmp_path):
    root = str(tmp_path)
    for rel in EXPECTED["fs"]["tree"]:
        full = os.path.join(root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w"):
            pass

    def sub(value):
        if isinstance(value, str):
            return value.replace(root, "<ROOT>")
        if isinstance(value, (list, tuple)):
            return [sub(v) for v in value]
        return value

    failures = []
    for case in EXPECTED["fs"]["cases"]:
        args = [os.path.join(root, a) if not a.startswith("//") else a for a in case["args"]]
        try:
            result = sub(getattr(mods.path, case["fn"])(*args, **case["kwargs"]))
        except Exception as exc:  # noqa: BLE001
            if not ("error" in case and error_matches(case["error"], exc)):
                failures.append("%s%r: raised %r" % (case["fn"], case["args"], exc))
            continue
        if result != case.get("result"):
            failures.append("%s%r %r: expected %r, got %r" % (
                case["fn"], case["args"], case["kwargs"], case.get("result", case.get("error")),
                result))
    assert not failures, "\n".join(failures)


def test_resolve_ncase_bytes(mods, tmp_path):
    (tmp_path / "Dir").mkdir()
    (tmp_path / "Dir" / "File.TXT").write_text("")
    wanted = os.fsencode(os.path.join(str(tmp_path), "Dir", "File.TXT"))
    assert mods.path.resolve_ncase(os.fsencode(os.path.join(str(tmp_path), "dir", "file.txt"))) == wanted


def test_extensions(mods):
    for name, values in EXPECTED["extensions"].items():
        ours = getattr(mods.path, name)
        assert isinstance(ours, frozenset), name
        assert sorted(ours) == values, name


def test_module_all(mods):
    assert set(mods.path.__all__) == set(EXPECTED["path_all"])
    assert set(mods.io_utils.__all__) == set(EXPECTED["io_utils_all"])
    assert set(mods.object_utils.__all__) == set(EXPECTED["object_utils_all"])
    for module in (mods.path, mods.io_utils, mods.object_utils):
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)


def test_abspath_uses_current_filepath_lazily(mods, blend_file):
    blend_file("/projects/a/scene.blend")
    assert mods.path.abspath("//t.png") == "/projects/a/t.png"
    blend_file("/projects/b/other.blend")
    assert mods.path.abspath("//t.png") == "/projects/b/t.png"
    assert mods.path.relpath("/projects/b/tex/t.png") == "//tex/t.png"
    assert mods.path.abspath(b"//t.png") == b"/projects/b/t.png"


def test_keyword_only_arguments(mods):
    with pytest.raises(TypeError):
        mods.path.abspath("//x", "/start")
    with pytest.raises(TypeError):
        mods.path.ensure_ext("x", ".png", True)
    with pytest.raises(TypeError):
        mods.path.display_name("x", False)


# ---- bpy_extras.io_utils --------------------------------------------------------------------


def test_axis_conversion_valid(mods):
    failures = []
    for ff, fu, tf, tu, expected in EXPECTED["axis"]["valid"]:
        m = mods.io_utils.axis_conversion(ff, fu, tf, tu)
        assert len(m) == 3 and len(m[0]) == 3
        if not close(rows(m), expected):
            failures.append("%s %s -> %s %s: expected %r, got %r" % (ff, fu, tf, tu, expected, rows(m)))
    assert not failures, "%d differ:\n" % len(failures) + "\n".join(failures[:20])


def test_axis_conversion_is_a_rotation(mods):
    from mathutils import Vector
    m = mods.io_utils.axis_conversion(from_forward="-Z", from_up="Y")
    # A Y-up file's up and forward become Blender's Z up and Y forward.
    assert close(list(m @ Vector((0, 1, 0))), [0.0, 0.0, 1.0])
    assert close(list(m @ Vector((0, 0, -1))), [0.0, 1.0, 0.0])
    assert abs(m.determinant() - 1.0) < 1e-6


def test_axis_conversion_invalid(mods):
    failures = []
    for ff, fu, tf, tu, error, _message in EXPECTED["axis"]["invalid"]:
        try:
            m = mods.io_utils.axis_conversion(ff, fu, tf, tu)
        except Exception as exc:  # noqa: BLE001
            if not error_matches(error, exc):
                failures.append("%s %s %s %s: expected %s, raised %r" % (ff, fu, tf, tu, error, exc))
            continue
        failures.append("%s %s %s %s: expected %s, got %r" % (ff, fu, tf, tu, error, m))
    assert not failures, "%d differ:\n" % len(failures) + "\n".join(failures[:20])
    # Same-axis pairs raise ValueError (Blender: a bare Exception) that names the axes.
    with pytest.raises(ValueError, match="-Y"):
        mods.io_utils.axis_conversion("Y", "-Y")


def test_axis_conversion_defaults_and_keywords(mods):
    assert close(rows(mods.io_utils.axis_conversion()), EXPECTED["axis"]["default"])
    assert close(rows(mods.io_utils.axis_conversion(to_up="Y", to_forward="-Z")),
                 EXPECTED["axis"]["keywords_to_Y_up"])


class FakeOperator:
    pass


def test_axis_conversion_ensure(mods):
    for f, u, changed, f_after, u_after in EXPECTED["ensure"]:
        op = FakeOperator()
        op.axis_forward, op.axis_up = f, u
        assert mods.io_utils.axis_conversion_ensure(op, "axis_forward", "axis_up") is changed
        assert (op.axis_forward, op.axis_up) == (f_after, u_after), (f, u)


def test_export_helper_check(mods):
    for rec in EXPECTED["export_check"]:
        op = FakeOperator()
        op.filepath = rec["filepath"]
        if "axis" in rec:
            op.axis_forward, op.axis_up = rec["axis"]
        if rec.get("import"):
            changed = mods.io_utils.ImportHelper.check(op, None)
        else:
            op.filename_ext = rec["filename_ext"]
            op.check_extension = rec["check_extension"]
            changed = mods.io_utils.ExportHelper.check(op, None)
        assert changed == rec["changed"], rec
        assert op.filepath == rec["result"], rec
        if "result_axis" in rec:
            assert [op.axis_forward, op.axis_up] == rec["result_axis"], rec


def test_helpers_invoke_without_interface_runs_execute(mods):
    class Export(mods.io_utils.ExportHelper):
        filename_ext = ".txt"
        filepath = ""

        def execute(self, context):
            return {"FINISHED", self.filepath}

    context = types.SimpleNamespace(window_manager=None, blend_data=None)
    # No file browser: runs with the properties as given (filepath not filled in).
    assert Export().invoke(context, None) == {"FINISHED", ""}

    added = []
    context = types.SimpleNamespace(
        window_manager=types.SimpleNamespace(fileselect_add=added.append),
        blend_data=types.SimpleNamespace(filepath="/p/scene.blend"))
    op = Export()
    assert op.invoke(context, None) == {"RUNNING_MODAL"}
    assert added == [op] and op.filepath == "/p/scene.txt"


def test_unique_name(mods):
    name_dict = {}
    keys = [object() for _ in range(8)]
    for k, name, kw, expected in EXPECTED["unique_name"]:
        kwargs = dict(kw)
        if kwargs.get("clean_func") == "clean_name":
            kwargs["clean_func"] = mods.path.clean_name
        assert mods.io_utils.unique_name(keys[k], name, name_dict, **kwargs) == expected


def test_unpack_face_list(mods):
    for faces, expected in EXPECTED["unpack_face_list"]:
        faces = [tuple(f) for f in faces]
        if isinstance(expected, dict):
            with pytest.raises(getattr(builtins, expected["error"])):
                mods.io_utils.unpack_face_list(faces)
        else:
            assert mods.io_utils.unpack_face_list(faces) == expected, faces


def test_path_reference_copy_mode(mods, blend_file, monkeypatch):
    blend_file(EXPECTED["sections"]["pure"]["filepath"])
    monkeypatch.chdir(EXPECTED["cwd"])
    for rec in EXPECTED["path_reference_copy_mode"]:
        copy_set = set()
        result = mods.io_utils.path_reference(*rec["args"], mode="COPY",
                                              copy_subdir=rec["copy_subdir"], copy_set=copy_set)
        assert result == rec["result"], rec
        assert sorted([list(p) for p in copy_set]) == rec["copy_set"], rec


def test_path_reference_copy(mods, tmp_path):
    root = str(tmp_path)
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
    mods.io_utils.path_reference_copy(copy_set, report=reports.append)
    files = []
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            full = os.path.join(dirpath, name)
            with open(full) as f:
                files.append([os.path.relpath(full, root), f.read()])
    assert sorted(files) == EXPECTED["path_reference_copy"]["files"]
    # One report per problem, naming the file (the wording is Whisk's own).
    assert len(reports) == len(EXPECTED["path_reference_copy"]["reports"])
    assert "missing.png" in reports[0]


# ---- properties the helpers declare ---------------------------------------------------------

PROP_DEFAULTS = {"BoolProperty": False, "StringProperty": "", "EnumProperty": None,
                 "FloatVectorProperty": [0.0, 0.0, 0.0], "FloatProperty": 0.0, "IntProperty": 0}


def deferred_record(deferred):
    """Same normalisation as tools/oracle/gen_bpy_modules.py: identifiers, defaults and
    options (not UI text), with bpy.props defaults filled in."""
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


def test_helper_properties(mods):
    props = EXPECTED["props"]
    io = mods.io_utils
    for cls in (io.ImportHelper, io.ExportHelper):
        ours = {k: deferred_record(v) for k, v in cls.__dict__["__annotations__"].items()}
        assert ours == props[cls.__name__], cls.__name__
    assert io.ExportHelper.check_extension == props["ExportHelper.check_extension"]
    assert hasattr(io.ImportHelper, "check_extension") == props["ImportHelper.has_check_extension"]
    assert deferred_record(io.path_reference_mode) == props["path_reference_mode"]

    for fwd, up in [("Y", "Z"), ("-Z", "Y"), ("X", "-Y")]:
        @io.orientation_helper(axis_forward=fwd, axis_up=up)
        class Op(io.ExportHelper):
            pass
        ours = {k: deferred_record(v) for k, v in Op.__annotations__.items()}
        assert ours == props["orientation_helper_%s_%s" % (fwd, up)]
        assert sorted(Op.__annotations__) == props["orientation_helper_keys_%s_%s" % (fwd, up)]
        # The mixin's own annotations are untouched.
        assert sorted(io.ExportHelper.__annotations__) == ["check_existing", "filepath"]

    assert props["orientation_helper_same_axis"] is None
    io.orientation_helper(axis_forward="Y", axis_up="Y")  # no error, as in Blender

    ann = mods.object_utils.AddObjectHelper.__annotations__
    assert sorted(ann) == props["AddObjectHelper"]
    assert [item[0] for item in ann["align"].keywords["items"]] == props["AddObjectHelper_align_items"]
    assert ann["align"].keywords["default"] == "WORLD"


def test_orientation_update_callbacks(mods):
    @mods.io_utils.orientation_helper()
    class Op:
        pass
    for attr, f, u, f_after, u_after in EXPECTED["props"]["orientation_update"]:
        op = FakeOperator()
        op.axis_forward, op.axis_up = f, u
        Op.__annotations__[attr].keywords["update"](op, None)
        assert (op.axis_forward, op.axis_up) == (f_after, u_after), (attr, f, u)


# ---- bpy_extras.object_utils ----------------------------------------------------------------


class FakeProperties:
    def __init__(self, align, location, rotation, set_names):
        from mathutils import Euler, Vector
        self.align = align
        self.location = Vector(location)
        self.rotation = Euler(rotation)
        self._set = set(set_names)

    def is_property_set(self, name):
        return name in self._set


def _fake_context():
    from mathutils import Euler, Matrix, Vector
    matrix = Matrix.Translation(Vector((1.0, 2.0, 3.0))) @ Euler((0.1, 0.2, 0.3)).to_matrix().to_4x4()
    cursor = types.SimpleNamespace(location=Vector((1.0, 2.0, 3.0)), matrix=matrix)
    return types.SimpleNamespace(scene=types.SimpleNamespace(cursor=cursor), space_data=None,
                                 preferences=None)


def test_add_object_align_init(mods):
    context = _fake_context()
    for rec in EXPECTED["add_object_align_init"]:
        if rec["operator"] is None:
            op = None
        else:
            align, set_names = rec["operator"]
            op = types.SimpleNamespace(properties=FakeProperties(
                align, (4.0, 5.0, 6.0), (0.5, 0.0, 0.25), set_names))
        m = mods.object_utils.add_object_align_init(context, op)
        assert close(rows(m), rec["matrix"], 1e-4), rec
        if op is not None:
            assert close(list(op.properties.location), rec["location"], 1e-4), rec
            assert close(list(op.properties.rotation), rec["rotation"], 1e-4), rec


def test_add_object_align_view_needs_a_viewport(mods):
    op = types.SimpleNamespace(properties=FakeProperties("VIEW", (0, 0, 0), (0, 0, 0), ["rotation"]))
    with pytest.raises(AttributeError, match="3D viewport"):
        mods.object_utils.add_object_align_init(_fake_context(), op)


def test_grid_scale_without_viewport(mods):
    assert mods.object_utils.object_add_grid_scale(_fake_context()) == 1.0
    mods.object_utils.object_add_grid_scale_apply_operator(object(), _fake_context())


def _describe(bpy, ob):
    return {
        "name": ob.name,
        "data": ob.data.name if ob.data else None,
        "collections": [c.name for c in ob.users_collection],
        "active": bpy.context.view_layer.objects.active == ob,
        "selected": ob.select_get(),
        "matrix_world": [[round(float(x), 6) for x in row] for row in ob.matrix_world],
    }


def test_object_data_add(mods, real_bpy):
    bpy = real_bpy
    ou = mods.object_utils
    expected = EXPECTED["object_data_add"]
    ctx = bpy.context
    scene = ctx.scene
    ob = ou.object_data_add(ctx, bpy.data.meshes.new("AddedMesh"))
    assert _describe(bpy, ob) == expected["default"]

    coll = bpy.data.collections.new("Target")
    scene.collection.children.link(coll)
    vl = ctx.view_layer
    vl.active_layer_collection = vl.layer_collection.children["Target"]
    scene.cursor.location = (1.0, 2.0, 3.0)
    ob2 = ou.object_data_add(ctx, bpy.data.meshes.new("Second"), name="Named")
    assert _describe(bpy, ob2) == expected["named_in_active_collection_at_cursor"]
    assert ob.select_get() == expected["first_selected_after"]

    assert _describe(bpy, ou.object_data_add(ctx, None, name="Empty")) == expected["empty"]
    assert _describe(bpy, ou.object_data_add(ctx, None)) == expected["no_name_no_data"]
    assert _describe(bpy, ou.object_data_add(ctx, bpy.data.meshes.new("Cube"))) == expected["name_clash"]
    assert sorted(o.name for o in scene.objects if o.select_get()) == expected["selected"]


def test_world_to_camera_view(mods, real_bpy):
    bpy = real_bpy
    cam = bpy.context.scene.camera
    if not hasattr(cam.data, "view_frame"):
        pytest.skip("Camera.view_frame is not implemented yet")
    from mathutils import Vector
    for coord, expected in EXPECTED["world_to_camera_view"]["cases"]:
        v = mods.object_utils.world_to_camera_view(bpy.context.scene, cam, Vector(coord))
        assert close([float(x) for x in v], expected, 1e-4), coord


def test_create_derived_objects(mods, real_bpy):
    bpy = real_bpy
    if not hasattr(bpy.context, "evaluated_depsgraph_get"):
        pytest.skip("Context.evaluated_depsgraph_get is not implemented yet")
    depsgraph = bpy.context.evaluated_depsgraph_get()
    objects = [bpy.data.objects["Cube"], bpy.data.objects["Camera"]]
    result = mods.io_utils.create_derived_objects(depsgraph, objects)
    ours = sorted([key.name, [[inst.name, [[round(float(x), 5) for x in row] for row in m]]
                              for inst, m in value]] for key, value in result.items())
    assert close(ours, EXPECTED["create_derived_objects"], 1e-4)


# ---- bpy.app --------------------------------------------------------------------------------


def test_app_types_match_blender(mods):
    app = mods.app
    blender_types = EXPECTED["app"]["types"]
    for name, type_name in blender_types.items():
        if hasattr(app, name) and type_name in ("bool", "str", "bytes", "int", "tuple", "dict"):
            assert type(getattr(app, name)).__name__ == type_name, name
    assert [type(v).__name__ for v in app.version] == EXPECTED["app"]["version_types"]


def test_app_values(mods):
    app = mods.app
    assert app.version == (4, 2, 0)
    assert app.version_string == "4.2.0"
    assert app.version_cycle == "release"
    assert app.whisk_version == (0, 1, 0)
    assert app.background is True
    assert app.tempdir.endswith(os.sep) == EXPECTED["app"]["tempdir_ends_with_sep"]
    assert os.path.isdir(app.tempdir)
    assert not app.debug and not app.debug_python and app.debug_value == 0
    assert isinstance(app.python_args, tuple)


def test_app_importable_without_extension():
    # bpy.app is pure Python: load it on its own, without _whisk.
    name = "_bpy_app_standalone"
    module = _load(name, os.path.join(PACKAGE, "bpy", "app", "__init__.py"),
                   os.path.join(PACKAGE, "bpy", "app"))
    try:
        assert module.version == (4, 2, 0)
        assert "_whisk" not in module.__dict__
    finally:
        for n in [n for n in sys.modules if n == name or n.startswith(name + ".")]:
            del sys.modules[n]


def test_app_driver_namespace(mods):
    ns = mods.app.driver_namespace
    assert isinstance(ns, dict)
    for name in EXPECTED["app"]["driver_namespace_math"]:
        if name == "noise" and importlib.util.find_spec("mathutils.noise") is None:
            continue  # Whisk's mathutils has no noise module yet
        assert name in ns, name
    for fn, args, expected in EXPECTED["app"]["driver_functions"]:
        assert close(ns[fn](*args), expected), (fn, args)


def test_app_translations(mods):
    t = mods.app.translations
    expected = EXPECTED["app"]
    assert set(expected["translations_members"]) <= set(dir(t))
    assert t.locale == expected["locale"]
    for locale, parts in expected["locale_explode"]:
        assert list(t.locale_explode(locale)) == parts, locale
    assert [t.pgettext("Hello"), t.pgettext_iface("Add", "Operator"), t.pgettext_tip("Tip"),
            t.pgettext_data("Cube")] == expected["pgettext"]
    assert {f: getattr(t.contexts, f) for f in t.contexts._fields} == expected["contexts"]
    assert t.contexts_C_to_py == expected["contexts_C_to_py"]
    t.register("test_module", {"fr_FR": {("*", "Hello"): "Bonjour"}})
    with pytest.raises(ValueError):
        t.register("test_module", {})
    with pytest.raises(TypeError):
        t.register("other_module", 5)
    assert t.pgettext("Hello") == "Hello"
    t.unregister("test_module")
    t.unregister("never_registered")


def test_bpy_extras_submodules_load_on_use(mods):
    import bpy_extras
    assert bpy_extras.io_utils is mods.io_utils
    assert bpy_extras.object_utils is mods.object_utils
    assert {"io_utils", "object_utils"} <= set(dir(bpy_extras))
    with pytest.raises(AttributeError):
        bpy_extras.no_such_module
