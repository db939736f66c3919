"""The generic RNA bridge: handles, collections, arrays, functions and errors.

Crash cases from Blender's gotchas documentation are here too: each one must raise or
keep working, never crash the interpreter.
"""

import gc
import threading

import pytest

bpy = pytest.importorskip("bpy", reason="the _whisk extension is not built")
import whisk  # noqa: E402


@pytest.fixture(autouse=True)
def factory():
    whisk.read_factory_settings()
    yield
    gc.collect()


# ---- handles ------------------------------------------------------------------------


def test_removed_id_raises_reference_error():
    mesh = bpy.data.meshes.new("M")
    bpy.data.meshes.remove(mesh)
    with pytest.raises(ReferenceError, match="StructRNA of type Mesh has been removed"):
        mesh.name
    with pytest.raises(ReferenceError):
        mesh.name = "x"
    assert "invalid" in repr(mesh)


def test_nested_data_of_removed_id_raises():
    scene = bpy.data.scenes.new("S2")
    render = scene.render
    layer = scene.view_layers[0]
    bpy.data.scenes.remove(scene)
    with pytest.raises(ReferenceError):
        render.resolution_x
    with pytest.raises(ReferenceError):
        layer.name


def test_gotcha_location_held_after_object_removed():
    ob = bpy.data.objects["Cube"]
    loc = ob.location
    bpy.data.objects.remove(ob)
    with pytest.raises(ReferenceError):
        loc.x
    with pytest.raises(ReferenceError):
        loc.x = 1.0


def test_gotcha_element_held_while_collection_grows():
    scene = bpy.context.scene
    first = scene.view_layers[0]
    for i in range(50):
        scene.view_layers.new(f"Layer{i}")
    assert first.name == "ViewLayer"
    slots_before = bpy.data.objects["Cube"].material_slots[0]
    mesh = bpy.data.objects["Cube"].data
    for i in range(20):
        mesh.materials.append(bpy.data.materials.new(f"Mat{i}"))
    assert slots_before.material.name == "Material"


def test_gotcha_element_held_after_its_collection_shrinks():
    scene = bpy.context.scene
    layer = scene.view_layers.new("Extra")
    scene.view_layers.remove(layer)
    with pytest.raises(ReferenceError):
        layer.name


def test_gotcha_rename_while_iterating_data():
    for i in range(30):
        bpy.data.objects.new(f"Ob{i:02d}", None)
    seen = 0
    for ob in bpy.data.objects:
        ob.name = "Z" + ob.name
        seen += 1
        assert seen < 1000
    assert all(ob.name.startswith("Z") for ob in bpy.data.objects) or seen > 0


def test_gotcha_hide_while_iterating_all_objects():
    collection = bpy.data.collections["Collection"]
    for i in range(10):
        collection.objects.link(bpy.data.objects.new(f"E{i}", None))
    for ob in collection.all_objects:
        ob.hide_viewport = True
        ob.hide_set(True)
    assert all(ob.hide_viewport for ob in collection.all_objects)


def test_gotcha_remove_while_iterating():
    for i in range(10):
        bpy.data.meshes.new(f"Junk{i}")
    for mesh in bpy.data.meshes:
        if mesh.name.startswith("Junk"):
            bpy.data.meshes.remove(mesh)
    assert not [m for m in bpy.data.meshes if m.name.startswith("Junk")]


def test_gotcha_stale_objects_after_loading_factory_settings():
    ob = bpy.data.objects["Cube"]
    data = bpy.data
    whisk.read_factory_settings()
    with pytest.raises(ReferenceError):
        ob.name
    assert data.objects["Cube"].name == "Cube"  # bpy.data follows the new file


def test_temp_data_is_independent_and_closes():
    with bpy.data.temp_data() as temp:
        temp.objects.new("Only", None)
        assert len(temp.objects) == 1
        assert "Only" not in bpy.data.objects
        ob = temp.objects["Only"]
    with pytest.raises(ReferenceError):
        ob.name
    with pytest.raises(ReferenceError):
        len(temp.objects)


def test_handles_survive_unrelated_changes():
    layer = bpy.context.scene.view_layers[0]
    cube = bpy.data.objects["Cube"]
    for i in range(100):
        cube.location.x = i
        bpy.data.objects.new(f"X{i}", None)
    assert layer.name == "ViewLayer"


def test_threads_never_crash():
    errors = []

    def worker(k):
        try:
            for i in range(300):
                ob = bpy.data.objects.new(f"T{k}_{i}", None)
                ob.location = (i, k, 0)
                if i % 3 == 0:
                    bpy.data.objects.remove(ob)
                for other in list(bpy.data.objects)[:5]:
                    try:
                        other.name
                    except ReferenceError:
                        pass
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len([o for o in bpy.data.objects if o.name.startswith("T")]) == 4 * 200


# ---- collections ---------------------------------------------------------------------


def test_collection_protocol():
    objects = bpy.data.objects
    assert len(objects) == 3
    assert [o.name for o in objects] == ["Camera", "Cube", "Light"]
    assert objects[-1].name == "Light"
    assert [o.name for o in objects[0:2]] == ["Camera", "Cube"]
    assert "Cube" in objects and ("Cube", None) in objects and "Nope" not in objects
    assert objects.get("Nope") is None and objects.get("Nope", 5) == 5
    assert objects.keys() == ["Camera", "Cube", "Light"]
    assert objects.find("Cube") == 1 and objects.find("Nope") == -1
    assert objects.items()[1][0] == "Cube"
    with pytest.raises(KeyError):
        objects["Nope"]
    with pytest.raises(IndexError, match="index 99 out of range, size 3"):
        objects[99]
    with pytest.raises(TypeError):
        objects[1.5]


def test_foreach_get_set():
    objects = bpy.data.objects
    values = [0.0] * (3 * len(objects))
    objects.foreach_get("location", values)
    assert values[3:6] == [0.0, 0.0, 0.0]
    values = [float(i) for i in range(9)]
    objects.foreach_set("location", values)
    assert tuple(objects["Cube"].location) == (3.0, 4.0, 5.0)
    import array

    buffer = array.array("f", [0.0] * 9)
    objects.foreach_get("location", buffer)
    assert list(buffer) == values
    with pytest.raises(RuntimeError, match="internal error setting the array"):
        objects.foreach_get("location", [0.0] * 2)


def test_collection_functions_and_properties():
    scene = bpy.context.scene
    layer = scene.view_layers[0]
    assert layer.objects.active.name == "Cube"
    layer.objects.active = bpy.data.objects["Camera"]
    assert bpy.context.object.name == "Camera"
    ob = bpy.data.objects.new("New", None)
    scene.collection.objects.link(ob)
    assert "New" in scene.collection.objects
    with pytest.raises(RuntimeError, match="already in collection"):
        scene.collection.objects.link(ob)


def test_collection_item_assignment():
    # Messages as Blender 3.4 gives them.
    red = bpy.data.materials.new("Red")
    me = bpy.data.meshes["Cube"]
    me.materials[-1] = red
    assert [m.name for m in me.materials] == ["Red"]
    assert red.users == 1 and bpy.data.materials["Material"].users == 0
    me.materials[0] = None
    assert list(me.materials) == [None] and red.users == 0
    with pytest.raises(IndexError, match=r"^bpy_prop_collection\[-2\]: out of range\.$"):
        me.materials[-2] = red
    with pytest.raises(IndexError, match="index 5 out of range, size 1"):
        me.materials[5] = red
    with pytest.raises(TypeError, match="expected a 'Material' type or None, not a 'Object'"):
        me.materials[0] = bpy.data.objects["Cube"]
    with pytest.raises(TypeError, match="expected a StructRNA type or None, not a str"):
        me.materials[0] = "Red"
    with pytest.raises(TypeError, match="invalid key, must be a string or an int, not str"):
        me.materials["Red"] = red
    with pytest.raises(TypeError, match=r"^del bpy_prop_collection\[key\]: not supported$"):
        del me.materials[0]
    # Collections without assignable items.
    with pytest.raises(IndexError, match="failed assignment \\(unknown reason\\)"):
        bpy.data.objects[0] = bpy.data.objects["Cube"]
    with pytest.raises(IndexError, match="failed assignment"):
        bpy.data.objects["Cube"].material_slots[0] = None


# ---- values and errors -------------------------------------------------------------------


def test_errors_match_blender():
    ob = bpy.data.objects["Cube"]
    with pytest.raises(TypeError, match="expected sequence items of type float, not str"):
        ob.location = "abc"
    with pytest.raises(ValueError, match="should contain 3 items, not 2"):
        ob.location = (1, 2)
    with pytest.raises(AttributeError, match="'Object' object has no attribute 'nonexistent'"):
        ob.nonexistent
    with pytest.raises(AttributeError, match='attribute "users" from "Object" is read-only'):
        ob.users = 3
    with pytest.raises(TypeError, match='enum "BAD" not found'):
        ob.rotation_mode = "BAD"
    with pytest.raises(TypeError, match="Camera.lens expected a float type, not str"):
        bpy.data.cameras[0].lens = "a"
    with pytest.raises(TypeError, match="not valid UTF-8"):
        ob.name = "bad\udcff"
    assert ob.name == "Cube"


def test_hard_range_clamps():
    camera = bpy.data.cameras[0]
    camera.lens = -5
    assert camera.lens == 1.0
    render = bpy.context.scene.render
    render.resolution_percentage = 100000
    assert render.resolution_percentage == 32767


def test_matrix_assignment_round_trips():
    import mathutils

    ob = bpy.data.objects["Cube"]
    rows = [[1, 0, 0, 1], [0, 1, 0, 2], [0, 0, 1, 3], [0, 0, 0, 1]]
    ob.matrix_world = mathutils.Matrix(rows)
    assert [list(r) for r in ob.matrix_world] == rows
    assert tuple(ob.location) == (1.0, 2.0, 3.0)
    # Plain nested lists are read in memory order, columns first, as Blender reads them.
    columns = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [4, 5, 6, 1]]
    ob.matrix_world = columns
    assert tuple(ob.location) == (4.0, 5.0, 6.0)


def test_id_properties():
    ob = bpy.data.objects["Cube"]
    ob["int"] = 1
    ob["float"] = 0.5
    ob["str"] = "text"
    ob["list"] = [1, 2, 3]
    ob["dict"] = {"a": 1, "nested": {"b": [0.5, 1.5]}}
    ob["ref"] = bpy.data.materials["Material"]
    assert ob["int"] == 1 and ob["float"] == 0.5 and ob["str"] == "text"
    assert list(ob["list"]) == [1, 2, 3] and ob["list"].to_list() == [1, 2, 3]
    ob["list"][1] = 20
    assert ob["list"][1] == 20
    ob["dict"]["nested"]["b"][0] = 9.0
    assert ob["dict"].to_dict() == {"a": 1, "nested": {"b": [9.0, 1.5]}}
    assert ob["ref"].name == "Material"
    assert set(ob.keys()) == {"int", "float", "str", "list", "dict", "ref"}
    assert ob.get("missing", 4) == 4
    del ob["int"]
    assert "int" not in ob
    with pytest.raises(KeyError):
        ob["int"]
    nested = ob["dict"]
    del ob["dict"]
    with pytest.raises(ReferenceError):
        nested["a"]
    with pytest.raises(AttributeError, match="no __getitem__ support"):
        bpy.context.scene.render["x"] = 1


def test_id_property_references_count_users():
    material = bpy.data.materials["Material"]
    users = material.users
    bpy.data.objects["Cube"]["ref"] = material
    assert material.users == users + 1
    del bpy.data.objects["Cube"]["ref"]
    assert material.users == users


def test_repr():
    assert repr(bpy.data.objects["Cube"]) == "bpy.data.objects['Cube']"
    assert repr(bpy.context.scene.render) == "bpy.data.scenes['Scene'].render"
    assert repr(bpy.context.scene.collection) == "bpy.data.scenes['Scene'].collection"
    assert repr(bpy.data.objects) == "<bpy_collection[3], BlendDataObjects>"
    assert repr(bpy.data.objects.new) == "<bpy_func BlendDataObjects.new()>"


def test_path_from_id_and_resolve():
    scene = bpy.context.scene
    assert scene.render.path_from_id() == "render"
    assert scene.render.path_from_id("resolution_x") == "render.resolution_x"
    assert scene.path_resolve("render.resolution_x") == 1920
    ob = bpy.data.objects["Cube"]
    assert ob.path_resolve("location[1]") == 0.0
    with pytest.raises(ValueError):
        ob.path_resolve("nope")
    assert ob.id_data == ob
    assert scene.render.id_data == scene


def test_equality_and_hash():
    a = bpy.data.objects["Cube"]
    b = bpy.data.objects["Cube"]
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != bpy.data.objects["Camera"]
    assert len({a, b}) == 1


def test_function_arguments():
    with pytest.raises(TypeError, match='error with argument 2, "object_data"'):
        bpy.data.objects.new("x", "Cube")
    with pytest.raises(TypeError, match="takes at most 2 arguments, got 3"):
        bpy.data.objects.new("x", None, bogus=1)
    with pytest.raises(TypeError, match="invalid keyword argument"):
        bpy.data.objects.new("x", bogus=1)
    ob = bpy.data.objects.new(name="kw", object_data=None)
    assert ob.name == "kw" and ob.data is None
    with pytest.raises(RuntimeError, match="must have zero users"):
        bpy.data.meshes.remove(bpy.data.meshes["Cube"], do_unlink=False)
