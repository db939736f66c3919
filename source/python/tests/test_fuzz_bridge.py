"""Random sequences of bpy calls never crash the process.

A fixed-seed generator drives creation, removal, renaming, linking, property writes,
ID properties, run-time props and iteration, while holding on to old objects (IDs, nested
structs, collections, arrays, mathutils values) and touching them again later. Every call
may raise a Python exception; none may take the interpreter down. Under the sanitizer
build (scripts/test.sh) the same run checks memory safety.
"""

import random

import pytest

bpy = pytest.importorskip("bpy", reason="the _whisk extension is not built")
import whisk  # noqa: E402

EXPECTED = (ReferenceError, TypeError, ValueError, KeyError, IndexError, AttributeError,
            RuntimeError, OverflowError, NotImplementedError)


def _held_values(rng, held):
    ob = rng.choice(list(bpy.data.objects) or [None])
    if ob is None:
        return
    scene = bpy.context.scene
    candidates = [ob, ob.location, ob.rotation_euler, ob.matrix_world, ob.material_slots,
                  scene.render, scene.view_layers, scene.view_layers[0],
                  scene.view_layers[0].layer_collection, scene.collection.children,
                  bpy.data.objects, ob.rotation_axis_angle]
    held.append(rng.choice(candidates))
    del held[:-40]


def _touch(rng, value):
    actions = [
        lambda: repr(value), lambda: str(value), lambda: len(value),
        lambda: list(value)[:3], lambda: value[0], lambda: value.name,
        lambda: value.path_from_id(), lambda: value.keys(),
        lambda: setattr(value, "x", rng.random()), lambda: value == value,
        lambda: hash(value), lambda: dir(value)[:2],
    ]
    rng.choice(actions)()


def _step(rng, held, names):
    data = bpy.data
    choice = rng.randrange(16)
    if choice == 0:
        mesh = data.meshes.new(rng.choice(names))
        ob = data.objects.new(rng.choice(names), mesh)
        rng.choice([bpy.context.scene.collection] + list(data.collections)).objects.link(ob)
    elif choice == 1 and len(data.objects):
        data.objects.remove(rng.choice(list(data.objects)), do_unlink=rng.random() < 0.8)
    elif choice == 2 and len(data.meshes):
        data.meshes.remove(rng.choice(list(data.meshes)))
    elif choice == 3:
        for ob in data.objects:
            ob.name = rng.choice(names)
    elif choice == 4:
        coll = data.collections.new(rng.choice(names))
        parent = rng.choice([bpy.context.scene.collection] + list(data.collections))
        parent.children.link(coll)
    elif choice == 5 and len(data.collections):
        data.collections.remove(rng.choice(list(data.collections)))
    elif choice == 6 and len(data.objects):
        ob = rng.choice(list(data.objects))
        ob.parent = rng.choice(list(data.objects) + [None])
        ob.location = (rng.random(), rng.random(), rng.random())
        ob.rotation_mode = rng.choice(["XYZ", "QUATERNION", "AXIS_ANGLE", "ZYX"])
    elif choice == 7 and len(data.objects):
        ob = rng.choice(list(data.objects))
        ob[rng.choice(names)] = rng.choice([1, 2.5, "s", [1, 2], {"a": {"b": [0.5]}},
                                            rng.choice(list(data.objects))])
    elif choice == 8 and len(data.objects):
        ob = rng.choice(list(data.objects))
        for key in list(ob.keys()):
            if rng.random() < 0.5:
                del ob[key]
    elif choice == 9:
        scene = bpy.context.scene
        if rng.random() < 0.5:
            scene.view_layers.new(rng.choice(names))
        elif len(scene.view_layers) > 1:
            scene.view_layers.remove(rng.choice(list(scene.view_layers)))
    elif choice == 10:
        for layer in bpy.context.scene.view_layers:
            for child in layer.layer_collection.children:
                child.exclude = rng.random() < 0.5
                child.hide_viewport = rng.random() < 0.5
    elif choice == 11:
        _held_values(rng, held)
    elif choice == 12 and held:
        _touch(rng, rng.choice(held))
    elif choice == 13:
        bpy.data.orphans_purge(do_recursive=rng.random() < 0.5)
    elif choice == 14 and len(data.objects):
        obs = list(data.objects)
        data.batch_remove(rng.sample(obs, min(len(obs), rng.randrange(1, 4))))
    elif choice == 15:
        bpy.context.scene.my_fuzz_settings.items.add().value = rng.randrange(100)
        items = bpy.context.scene.my_fuzz_settings.items
        if len(items) > 5:
            items.remove(rng.randrange(len(items)))
        held.append(items[rng.randrange(len(items))])


def test_random_scripts_never_crash():
    class FuzzItem(bpy.types.PropertyGroup):
        value: bpy.props.IntProperty(min=0, max=50)

    class FuzzSettings(bpy.types.PropertyGroup):
        items: bpy.props.CollectionProperty(type=FuzzItem)

    bpy.utils.register_class(FuzzItem)
    bpy.utils.register_class(FuzzSettings)
    bpy.types.Scene.my_fuzz_settings = bpy.props.PointerProperty(type=FuzzSettings)
    try:
        for seed in range(8):
            whisk.read_factory_settings()
            rng = random.Random(seed)
            names = ["A", "B", "Cube", "Long" * 20, "Ünï", "x.001", "x"]
            held = []
            for _ in range(800):
                try:
                    _step(rng, held, names)
                except EXPECTED:
                    pass
            # Whatever happened, everything held is either alive or says it is gone.
            for value in held:
                try:
                    repr(value)
                    _touch(rng, value)
                except EXPECTED:
                    pass
    finally:
        del bpy.types.Scene.my_fuzz_settings
        bpy.utils.unregister_class(FuzzSettings)
        bpy.utils.unregister_class(FuzzItem)
        whisk.read_factory_settings()
