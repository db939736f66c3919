# ID properties (custom properties) on objects: the dict-like API pipeline scripts use
# to tag assets.
import bpy

result = {}
ob = bpy.data.objects["Cube"]
result["startup_keys"] = list(ob.keys())
ob["asset_id"] = 42
ob["weight"] = 0.75
ob["label"] = "hero prop"
ob["tags"] = ["a", "b"]
ob["ints"] = [1, 2, 3]
ob["floats"] = [0.5, 1.5]
ob["mixed"] = [1, 2.5]
ob["meta"] = {"version": 3, "author": "td", "nested": {"deep": [1.0, 2.0]}}
ob["empty_list"] = []
ob["empty_dict"] = {}
result["keys"] = list(ob.keys())
result["values_types"] = [type(v).__name__ for v in ob.values()]
result["items"] = [[k, plain(v)] for k, v in ob.items()]
result["get_int"] = ob["asset_id"]
result["get_float"] = num(ob["weight"])
result["get_str"] = ob["label"]
result["tags"] = plain(ob["tags"])
result["tags_type"] = type(ob["tags"]).__name__
result["ints_type"] = [type(ob["ints"]).__name__, ob["ints"].typecode]
result["floats_typecode"] = ob["floats"].typecode
result["mixed"] = plain(ob["mixed"])
result["ints_to_list"] = ob["ints"].to_list()
result["ints_len"] = len(ob["ints"])
result["ints_index"] = [ob["ints"][0], ob["ints"][-1]]
result["ints_slice"] = list(ob["ints"][1:])
result["meta_type"] = type(ob["meta"]).__name__
result["meta_to_dict"] = ob["meta"].to_dict()
result["meta_keys"] = list(ob["meta"].keys())
result["nested_get"] = plain(ob["meta"]["nested"]["deep"])
result["empty_list"] = plain(ob["empty_list"])
result["empty_dict"] = [type(ob["empty_dict"]).__name__, ob["empty_dict"].to_dict()]

# in, get, del, pop, update
result["in"] = ["asset_id" in ob, "nope" in ob]
result["get_default"] = [ob.get("nope"), ob.get("nope", 7), ob.get("asset_id", 7)]
del ob["label"]
result["after_del"] = list(ob.keys())
result["del_missing"] = capture(lambda: ob.__delitem__("label"))
result["getitem_missing"] = capture(lambda: ob["label"])
result["pop"] = ob.pop("weight")
result["pop_default"] = ob.pop("weight", "gone")
result["pop_missing"] = capture(lambda: ob.pop("weight"))
result["struct_update"] = capture(lambda: ob.update({"x": 1}))
ob["a"] = 1
ob["b"] = "x"
ob["meta"].update({"from_update": 1})
result["after_update"] = list(ob.keys())

# Mutating nested values in place
ob["ints"][0] = 10
result["ints_item_write"] = ob["ints"].to_list()
ob["meta"]["version"] = 4
ob["meta"]["nested"]["new"] = "yes"
result["meta_after_write"] = ob["meta"].to_dict()
group = ob["meta"]
group["added_via_ref"] = 1
result["group_ref_writes"] = "added_via_ref" in ob["meta"]
ob["ints"] = [7, 8]
result["replace_array"] = ob["ints"].to_list()
ob["asset_id"] = "now a string"
result["type_change"] = ob["asset_id"]
ob["weight"] = 3
ob["weight"] = 2.5
result["int_then_float"] = [num(ob["weight"]), type(ob["weight"]).__name__]

# Iteration goes over keys
result["iter"] = [k for k in ob.keys()]
result["len_keys"] = len(ob.keys())
result["iter_group"] = sorted(ob["meta"])
result["group_items"] = sorted(k for k, v in ob["meta"].items())
result["group_get"] = [ob["meta"].get("version"), ob["meta"].get("zzz", "d")]
result["group_pop"] = ob["meta"].pop("author")
result["group_len"] = len(ob["meta"])
result["group_in"] = ["version" in ob["meta"], "author" in ob["meta"]]

# Custom properties are per data-block and survive renames
ob.name = "Renamed"
result["after_rename"] = bpy.data.objects["Renamed"]["a"]
me = ob.data
me["on_mesh"] = 1
result["mesh_keys"] = list(me.keys())
result["object_has_mesh_prop"] = "on_mesh" in ob
result["clear"] = capture(lambda: ob["meta"].clear())
result["meta_after_clear"] = ob["meta"].to_dict()
for k in list(ob.keys()):
    del ob[k]
result["all_deleted"] = list(ob.keys())
