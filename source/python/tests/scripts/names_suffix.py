# Data-block names: .001 suffixes on collisions, renames, length limits and lookups.
import bpy

result = {}
meshes = [bpy.data.meshes.new("Part") for _ in range(4)]
result["new_names"] = [m.name for m in meshes]
result["cube_again"] = bpy.data.meshes.new("Cube").name

# Renaming to a taken name gives the renamed ID a suffix, the other keeps its name.
meshes[3].name = "Part"
result["rename_to_taken"] = meshes[3].name
meshes[1].name = "Part.010"
result["rename_free_suffix"] = meshes[1].name
result["next_after_gap"] = bpy.data.meshes.new("Part").name
result["suffix_of_suffixed"] = bpy.data.meshes.new("Part.010").name

# Names with numbers that look like suffixes
a = bpy.data.materials.new("Steel.5")
b = bpy.data.materials.new("Steel.5")
c = bpy.data.materials.new("Steel.")
d = bpy.data.materials.new("Steel.")
result["numeric_tail"] = [a.name, b.name, c.name, d.name]
e = bpy.data.materials.new("Wood.999")
f = bpy.data.materials.new("Wood.999")
result["wood_999"] = [e.name, f.name]

# Empty names and long names (63 bytes max)
g = bpy.data.objects.new("", None)
result["empty_name"] = g.name
long = "L" * 80
h = bpy.data.objects.new(long, None)
result["long_name_len"] = len(h.name)
result["long_name"] = h.name
i = bpy.data.objects.new(long, None)
result["long_name_collision"] = i.name
h.name = "short"
result["after_rename_short"] = h.name

# Rename an object to its own name: unchanged
ob = bpy.data.objects["Cube"]
ob.name = "Cube"
result["self_rename"] = ob.name

# Names are case sensitive
m1 = bpy.data.materials.new("paint")
m2 = bpy.data.materials.new("Paint")
result["case_sensitive"] = [m1.name, m2.name]

# Different ID types share names freely
result["same_name_other_type"] = bpy.data.cameras.new("Cube").name

# The sorted order of bpy.data after renames
for n in ("b", "a", "C", "B", "_x", "10", "9"):
    bpy.data.texts.new(n)
result["texts_sorted"] = bpy.data.texts.keys()
bpy.data.texts["a"].name = "zz"
result["texts_after_rename"] = bpy.data.texts.keys()
result["materials"] = bpy.data.materials.keys()
result["meshes"] = bpy.data.meshes.keys()

# name_full, and lookups
result["name_full"] = bpy.data.objects["Cube"].name_full
result["lookup_suffixed"] = bpy.data.meshes["Part.001"].name
result["lookup_missing"] = capture(lambda: bpy.data.meshes["Part.999"])
result["name_not_str"] = capture(lambda: setattr(ob, "name", 12))
result["name_none"] = capture(lambda: setattr(ob, "name", None))
