# Strings: UTF-8 names, multi-byte truncation at 63 bytes, surrogates and non-UTF-8
# input, text data-blocks and string properties with special characters.
import bpy

result = {}
ob = bpy.data.objects["Cube"]
names_to_try = {
    "accented": "Café",
    "cjk": "立方体",
    "emoji": "box 📦",
    "spaces": "  padded  ",
    "newline": "line1\nline2",
    "tab": "a\tb",
    "dots": "...",
    "slash": "a/b\\c",
    "quote": "it's \"q\"",
    "percent": "100%",
}
for key, value in names_to_try.items():
    ob.name = value
    result["name_" + key] = [ob.name, len(ob.name.encode("utf-8"))]
    result["lookup_" + key] = value in bpy.data.objects

# Truncation counts bytes and never splits a character
ob.name = "é" * 40
result["truncate_2byte"] = [len(ob.name), len(ob.name.encode("utf-8"))]
ob.name = "立" * 30
result["truncate_3byte"] = [len(ob.name), len(ob.name.encode("utf-8"))]
ob.name = "a" + "📦" * 20
result["truncate_4byte"] = [len(ob.name), len(ob.name.encode("utf-8"))]
ob.name = "x" * 62 + "é"
result["truncate_boundary"] = [len(ob.name), ob.name[-1]]

# Duplicate unicode names get suffixes
a = bpy.data.materials.new("Métal")
b = bpy.data.materials.new("Métal")
result["unicode_suffix"] = [a.name, b.name]
c = bpy.data.materials.new("立" * 21)
d = bpy.data.materials.new("立" * 21)
result["long_unicode_suffix"] = [len(c.name.encode()), d.name[-4:],
                                 len(d.name.encode("utf-8"))]

# Surrogates and other non-UTF-8 input
result["surrogate_name"] = capture(lambda: setattr(ob, "name", "bad\udcff"))
result["lone_surrogate_new"] = capture(lambda: bpy.data.meshes.new("x\ud800"))
result["name_after_errors"] = ob.name
result["nul_in_name"] = capture(lambda: (setattr(ob, "name", "a\x00b"), ob.name)[1])
# ID property strings keep surrogates (they round-trip as bytes)
result["surrogate_idprop"] = capture(lambda: (ob.__setitem__("s", "bad\udcff"), ob["s"])[1])
result["surrogate_idprop_key"] = capture(lambda: ob.__setitem__("k\udcff", 1))
result["surrogate_in"] = capture(lambda: "bad\udcff" in bpy.data.objects)
result["unicode_idprop"] = capture(lambda: (ob.__setitem__("ключ", "значение"),
                                            ob["ключ"])[1])
result["bytes_in_idprop_key"] = capture(lambda: ob.__setitem__(b"k", 1))

# File paths accept any text
img = bpy.data.images.new("Tex", 4, 4)
img.filepath = "//textures/tëxture 01.png"
result["image_filepath"] = img.filepath
result["image_filepath_raw"] = img.filepath_raw
result["image_filepath_surrogate"] = capture(
    lambda: (setattr(img, "filepath", "/tmp/\udcff.png"), img.filepath)[1])
result["render_filepath"] = capture(
    lambda: (setattr(bpy.context.scene.render, "filepath", "//out/ränder_####"),
             bpy.context.scene.render.filepath)[1])

# Text data-blocks
txt = bpy.data.texts.new("notes.txt")
txt.write("héllo\n")
txt.write("second line 立方体")
result["text_as_string"] = txt.as_string()
txt.clear()
result["text_after_clear"] = txt.as_string()
txt.from_string("a\nb\nc")
result["text_from_string"] = txt.as_string()
result["text_current_line_index"] = txt.current_line_index
result["text_write_surrogate"] = capture(lambda: txt.write("x\udcff"))
result["text_write_int"] = capture(lambda: txt.write(5))
result["text_name"] = txt.name
result["text_is_in_memory"] = txt.is_in_memory
