# ID property edge cases: unsupported values, key limits, integer ranges, arrays of
# groups, ID pointers, copies, and which structs accept custom properties.
import bpy

result = {}
ob = bpy.data.objects["Cube"]
scene = bpy.context.scene

result["set_none"] = capture(lambda: (ob.__setitem__("n", None), ob["n"], "n" in ob))
result["set_object"] = capture(lambda: ob.__setitem__("o", object()))
result["set_tuple"] = capture(lambda: (ob.__setitem__("t", (1, 2)), plain(ob["t"]))[1])
result["set_set"] = capture(lambda: ob.__setitem__("s", {1, 2}))
result["set_bytes"] = capture(lambda: (ob.__setitem__("b", b"raw"), plain(ob["b"]),
                                       type(ob["b"]).__name__))
result["set_complex"] = capture(lambda: ob.__setitem__("c", 1j))
result["key_int"] = capture(lambda: ob.__setitem__(1, 1))
result["key_len_63"] = capture(lambda: (ob.__setitem__("k" * 63, 1), len(ob.keys()))[1])
result["key_len_64"] = capture(lambda: ob.__setitem__("k" * 64, 1))
result["key_empty"] = capture(lambda: (ob.__setitem__("", 5), ob[""])[1])
result["big_int"] = capture(lambda: ob.__setitem__("big", 2 ** 31))
result["max_int"] = capture(lambda: (ob.__setitem__("maxi", 2 ** 31 - 1), ob["maxi"])[1])
result["min_int"] = capture(lambda: (ob.__setitem__("mini", -2 ** 31), ob["mini"])[1])
result["huge_float"] = capture(lambda: (ob.__setitem__("hf", 1e300), ob["hf"])[1])
result["nested_list"] = capture(lambda: (ob.__setitem__("nl", [[1, 2], [3, 4]]),
                                         plain(ob["nl"]))[1])
result["ragged_list"] = capture(lambda: (ob.__setitem__("rl", [[1, 2], [3]]),
                                         plain(ob["rl"]), type(ob["rl"]).__name__))
result["list_of_dicts"] = capture(lambda: (ob.__setitem__("ld", [{"a": 1}, {"b": 2}]),
                                           plain(ob["ld"]), type(ob["ld"]).__name__))
result["list_str_int"] = capture(lambda: ob.__setitem__("lsi", ["a", 1]))
result["list_with_none"] = capture(lambda: ob.__setitem__("ln", [1, None]))
result["dict_non_str_key"] = capture(lambda: ob.__setitem__("dk", {1: 2}))
result["array_set_wrong_type"] = capture(
    lambda: (ob.__setitem__("arr", [1, 2]), ob["arr"].__setitem__(0, "x")))
result["array_index_out"] = capture(lambda: ob["arr"][5])
result["array_float_into_int"] = capture(lambda: (ob["arr"].__setitem__(0, 2.7),
                                                  ob["arr"].to_list())[1])

# ID pointers in ID properties
ob["material"] = bpy.data.materials["Material"]
result["id_pointer_type"] = type(ob["material"]).__name__
result["id_pointer_name"] = ob["material"].name
result["id_pointer_users"] = bpy.data.materials["Material"].users
result["id_pointer_to_dict"] = capture(lambda: repr(ob["material"]))
ob["grp"] = {"cam": bpy.data.objects["Camera"]}
result["id_in_group"] = capture(lambda: ob["grp"]["cam"].name)

# Custom properties on other data-blocks and structs
for label, target in (("scene", scene), ("material", bpy.data.materials["Material"]),
                      ("collection", bpy.data.collections["Collection"]),
                      ("world", bpy.data.worlds["World"]),
                      ("view_layer", scene.view_layers[0]),
                      ("master_collection", scene.collection),
                      ("camera_data", bpy.data.cameras["Camera"])):
    result["on_" + label] = capture(lambda: (target.__setitem__("k", 1), target["k"])[1])
result["on_render_settings"] = capture(lambda: scene.render.__setitem__("k", 1))
result["on_bpy_data"] = capture(lambda: bpy.data.__setitem__("k", 1))
result["get_on_render_settings"] = capture(lambda: scene.render.get("k"))
result["keys_on_render_settings"] = capture(lambda: scene.render.keys())

# Copying an object copies its custom properties (deep)
ob["copyme"] = {"inner": [1, 2]}
dup = ob.copy()
dup["copyme"]["inner"][0] = 99
result["copy_has_props"] = "copyme" in dup
result["copy_is_deep"] = [ob["copyme"]["inner"][0], dup["copyme"]["inner"][0]]

# Custom properties do not shadow RNA attributes and vice versa
ob["location"] = "custom"
result["rna_wins_attribute"] = [type(ob.location).__name__, ob["location"]]
result["rna_name_via_item"] = capture(lambda: ob["name"])
result["id_properties_ensure"] = capture(lambda: type(ob.id_properties_ensure()).__name__)
result["id_properties_clear"] = capture(lambda: ob.id_properties_clear())
result["keys_after_clear"] = list(ob.keys())
