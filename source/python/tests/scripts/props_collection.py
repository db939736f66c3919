# CollectionProperty of PropertyGroup items: the list-of-entries pattern (render passes,
# asset lists) with add/remove/move/clear, lookups, and the re-allocation gotcha.
import bpy
from bpy.props import CollectionProperty, FloatProperty, IntProperty, StringProperty


class WHISKTEST_PG_entry(bpy.types.PropertyGroup):
    path: StringProperty()
    weight: FloatProperty(default=1.0)


result = {}
bpy.utils.register_class(WHISKTEST_PG_entry)
try:
    bpy.types.Scene.whisk_entries = CollectionProperty(type=WHISKTEST_PG_entry)
    bpy.types.Scene.whisk_entries_index = IntProperty()
    scene = bpy.context.scene
    entries = scene.whisk_entries
    result["empty_len"] = len(entries)
    result["empty_bool"] = bool(entries)
    result["type"] = type(entries).__name__
    result["idprop_before_add"] = "whisk_entries" in scene
    for i in range(5):
        item = entries.add()
        item.name = "entry_%d" % i
        item.path = "/assets/%d" % i
        item.weight = i * 0.5
    result["len"] = len(entries)
    result["names"] = entries.keys()
    result["paths"] = [e.path for e in entries]
    result["index_0"] = entries[0].name
    result["index_neg"] = entries[-1].name
    result["by_name"] = entries["entry_3"].path
    result["get_default"] = entries.get("missing", "none")
    result["find"] = [entries.find("entry_2"), entries.find("missing")]
    result["slice"] = [e.name for e in entries[1:3]]
    result["slice_step"] = capture(lambda: [e.name for e in entries[::2]])
    result["in_name"] = ["entry_1" in entries, "nope" in entries]
    result["items"] = [[k, v.weight] for k, v in entries.items()][:2]
    result["index_out"] = capture(lambda: entries[5])
    result["key_missing"] = capture(lambda: entries["missing"])
    result["key_wrong_type"] = capture(lambda: entries[1.5])
    result["idprop_repr"] = plain(scene["whisk_entries"])[:2]
    result["item_repr"] = repr(entries[2])
    result["item_path"] = entries[2].path_from_id()
    result["item_path_weight"] = entries[2].path_from_id("weight")
    result["collection_repr"] = repr(entries)

    # Duplicate names are allowed in a property collection
    dup = entries.add()
    dup.name = "entry_1"
    result["dup_names"] = entries.keys()
    result["dup_lookup_first"] = entries["entry_1"].path
    entries.remove(len(entries) - 1)

    # move and remove by index
    entries.move(0, 4)
    result["after_move"] = entries.keys()
    entries.move(4, 0)
    entries.remove(1)
    result["after_remove"] = entries.keys()
    result["remove_out_of_range"] = capture(lambda: entries.remove(10))
    result["remove_by_item"] = capture(lambda: entries.remove(entries[0]))
    result["move_out_of_range"] = capture(lambda: entries.move(0, 10))
    result["after_errors"] = entries.keys()

    # foreach_get / foreach_set over items
    weights = [0.0] * len(entries)
    entries.foreach_get("weight", weights)
    result["foreach_get"] = vec(weights)
    entries.foreach_set("weight", [9.0] * len(entries))
    result["foreach_set"] = [num(e.weight) for e in entries]
    result["foreach_get_bad_len"] = capture(lambda: entries.foreach_get("weight", [0.0]))
    # (Blender 3.4's message for this one has uninitialised padding: type only)
    result["foreach_get_bad_attr_type"] = capture(
        lambda: entries.foreach_get("nope", [0.0] * len(entries)))["error"]

    # The safe re-allocation pattern from the gotchas: re-fetch items after adding
    first = entries[0]
    for i in range(100):
        entries.add().name = "bulk_%d" % i
    first = entries[0]
    first.name = "first_again"
    result["refetched_after_growth"] = [entries[0].name, len(entries)]

    entries.clear()
    result["after_clear"] = [len(entries), entries.keys()]
    result["idprop_after_clear"] = plain(scene["whisk_entries"])

    # Index property used as the active item, as UI lists do
    scene.whisk_entries_index = 3
    result["index_prop"] = scene.whisk_entries_index
finally:
    del bpy.types.Scene.whisk_entries
    del bpy.types.Scene.whisk_entries_index
    bpy.utils.unregister_class(WHISKTEST_PG_entry)
