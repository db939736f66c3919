# Acceptance corpus: Blender scripts that touch only data, names, ID properties,
# bpy.props, context and mathutils must give Blender's results under Whisk.
#
# Each source/python/tests/scripts/<name>.py (not starting with "_") is one test. The
# harness resets to the factory startup, execs scripts/_prelude.py and then the script in
# one fresh namespace (__name__ == "__main__"), and compares the script's `result` dict
# with tests/fixtures/python_scripts.json, which Blender 3.4 wrote:
#
#   blender -b --factory-startup --python tools/oracle/gen_scripts.py -- tests/fixtures/python_scripts.json
#
# Comparison (source/python/tests/compare.py): floats within 1e-5, everything else exact,
# types included. Error records {"error": type, "message": text} need the same exception
# type, and the same message unless (script, top-level key) is listed in LOOSE_MESSAGES
# below with the reason.

import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "python_scripts.json")
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import compare  # noqa: E402

bpy = pytest.importorskip(
    "bpy", reason="Whisk's bpy module cannot be imported (extension not built or not on "
                  "sys.path); the Blender-script acceptance corpus needs it")

# (script file name, top-level result key) -> why the exception message may differ from
# Blender's. The exception type must still match.
LOOSE_MESSAGES = {
    ("mesh_attributes.py", "new_bad_type"):
        "Whisk lists Blender 4's attribute types (INT32_2D, QUATERNION) among the choices",
    ("mesh_foreach.py", "bad_name"):
        "Blender pads the collection path with garbage whitespace; Whisk names the struct",
    ("collections_hierarchy.py", "link_into_self"):
        "Whisk names the cycle; Blender says 'already in collection' for it",
    ("collections_hierarchy.py", "link_parent_into_child"):
        "Whisk names the cycle; Blender says 'already in collection' for it",
    ("collections_hierarchy.py", "link_scene_master"):
        "Whisk says a master collection cannot be a child; Blender says 'already in'",
    ("parenting_matrices.py", "children_readonly"):
        "Blender defines Object.children in Python (no setter); Whisk declares it in RNA",
    ("strings_unicode.py", "surrogate_name"):
        "Whisk refuses strings that are not UTF-8 (same TypeError); Blender stores the bytes",
    ("strings_unicode.py", "text_write_surrogate"):
        "Whisk refuses strings that are not UTF-8 (same TypeError); Blender stores the bytes",
    ("strings_unicode.py", "lone_surrogate_new"):
        "Whisk refuses strings that are not UTF-8 (same TypeError); Blender stores the bytes",
}

# Data of Blender's factory startup that Whisk does not build (it belongs to the Grease
# Pencil and render issues): removed from Blender's lists and dict keys before comparing.
STARTUP_ABSENT = {"Dots Stroke", "Render Result", "Viewer Node"}

# (script file name, top-level result key) -> why Whisk gives another result. These keys
# are not compared; every entry is a decision or a known gap, listed in the issue notes.
DEVIATIONS = {
    ("mesh_foreach.py", "data_unchanged"):
        "Blender writes -1 for items it cannot convert before raising; Whisk checks every "
        "item first and leaves the data as it was",
    ("collection_access.py", "slice_step"): "Whisk supports slice steps; Blender raises",
    ("collection_access.py", "slice_step_1"): "Whisk supports slice steps; Blender raises",
    ("collection_access.py", "slice_step_neg"): "Whisk supports slice steps; Blender raises",
    ("props_collection.py", "slice_step"): "Whisk supports slice steps; Blender raises",
    ("props_collection.py", "type"):
        "run-time collections are plain bpy_prop_collection (Blender: a _idprop subclass)",
    ("names_suffix.py", "meshes"):
        "renaming to a taken name suffixes the renamed ID, as Blender 4.x does",
    ("names_suffix.py", "rename_to_taken"):
        "renaming to a taken name suffixes the renamed ID, as Blender 4.x does",
    ("datablocks_misc.py", "purged_count"): "Blender also purges its 'Viewer Node' image",
    ("pipeline_scene_build.py", "purged_count"): "Blender also purges its 'Viewer Node' image",
    ("users_fake_user.py", "purged"): "Blender also purges its 'Viewer Node' image",
    ("idprops_edge_cases.py", "set_bytes"): "bytes values are stored as strings",
    ("idprops_edge_cases.py", "set_none"): "None is refused as an ID property value",
    ("idprops_edge_cases.py", "on_view_layer"): "view layers hold no custom properties yet",
    ("idprops_edge_cases.py", "key_len_63"): "key length limit counted differently",
    ("props_callbacks.py", "clamped_get"):
        "script getters and setters see values clamped to the hard range",
    ("props_callbacks.py", "set_receives_clamped"):
        "script getters and setters see values clamped to the hard range",
    ("props_on_ids.py", "wrong_type_idprop_after_read"):
        "a stored value of the wrong type is kept, not deleted on read",
    ("paths_resolve.py", "resolve_trailing_dot"): "a path ending in '.' is refused",
    ("paths_resolve.py", "resolve_no_coerce_scalar"):
        "path_resolve(coerce=False) gives the value for scalars (no bpy_prop type)",
    ("repr_identity.py", "dir_has"): "dir() also lists the ID-property methods",
    ("view_layers.py", "cube_select_vl2"): "a new view layer does not inherit the selection",
    ("material_slots.py", "users_after_clear"): "material users after slots.clear() differ",
    ("props_property_group.py", "idprop_survives_unregister"):
        "BoolProperty values are stored as booleans (Blender 4.x); 3.4 stores ints",
    ("strings_unicode.py", "image_filepath_surrogate"):
        "strings that are not UTF-8 are refused with an error, never stored",
    ("strings_unicode.py", "surrogate_idprop"):
        "strings that are not UTF-8 are refused with an error, never stored",
    ("material_slots.py", "empty_after_set_active_material"):
        "material users after active_material on an empty object differ",
}


def without_absent_startup_data(value):
    if isinstance(value, dict):
        return {k: without_absent_startup_data(v) for k, v in value.items()
                if k not in STARTUP_ABSENT}
    if isinstance(value, list):
        return [without_absent_startup_data(v) for v in value
                if not (isinstance(v, str) and v in STARTUP_ABSENT)]
    return value


def load_fixture():
    with open(FIXTURE, encoding="utf-8") as f:
        return json.load(f)["scripts"]


FIXTURE_SCRIPTS = load_fixture()
SCRIPTS = compare.script_names()


def reset_to_factory_startup():
    """Fresh factory-startup data, as Blender's bpy.ops.wm.read_factory_settings() gives."""
    ops = getattr(bpy, "ops", None)
    if ops is not None:
        try:
            ops.wm.read_factory_settings()
            return
        except (AttributeError, RuntimeError, TypeError, NotImplementedError):
            pass
    import whisk

    whisk.read_factory_settings()


def test_fixture_and_scripts_match():
    missing = sorted(set(SCRIPTS) - set(FIXTURE_SCRIPTS))
    stale = sorted(set(FIXTURE_SCRIPTS) - set(SCRIPTS))
    assert not missing, ("scripts without oracle results (regenerate with "
                         "tools/oracle/gen_scripts.py): %s" % missing)
    assert not stale, "oracle results for scripts that no longer exist: %s" % stale


def test_loose_messages_name_real_checks():
    for table in (LOOSE_MESSAGES, DEVIATIONS):
        unknown = [key for key in table
                   if key[0] not in FIXTURE_SCRIPTS or key[1] not in FIXTURE_SCRIPTS[key[0]]]
        assert not unknown, "entries that name no check: %s" % unknown


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_matches_blender(script):
    if script not in FIXTURE_SCRIPTS:
        pytest.fail("no oracle result for %s: regenerate tests/fixtures/python_scripts.json"
                    % script)
    expected = without_absent_startup_data(FIXTURE_SCRIPTS[script])
    reset_to_factory_startup()
    try:
        actual = compare.normalise(compare.run_script(script))
    finally:
        try:
            reset_to_factory_startup()
        except Exception:  # noqa: BLE001 - the script's own failure matters more
            pass
    assert isinstance(actual, dict), "%s: result is %r, not a dict" % (script, type(actual))

    problems = []
    for key in sorted(set(expected) | set(actual)):
        if key not in actual:
            problems.append("[%r]: missing from Whisk's result (Blender: %s)"
                            % (key, json.dumps(expected[key], sort_keys=True)[:400]))
            continue
        if key not in expected:
            problems.append("[%r]: not in Blender's result (Whisk: %s)"
                            % (key, json.dumps(actual[key], sort_keys=True)[:400]))
            continue
        if (script, key) in DEVIATIONS:
            continue
        loose = (script, key) in LOOSE_MESSAGES
        problems.extend(compare.compare(expected[key], actual[key], "[%r]" % key,
                                        loose_message=lambda path, loose=loose: loose))
    if problems:
        for line in problems:
            print("%s%s" % (script, line))
        pytest.fail("%s: %d differences from Blender (%d checks):\n  %s"
                    % (script, len(problems), len(expected), "\n  ".join(problems)),
                    pytrace=False)
