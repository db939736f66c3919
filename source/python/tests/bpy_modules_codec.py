"""How bpy_modules.json spells values that JSON has no type for (bytes, tuples, sets,
libraries, matrices). Shared by tools/oracle/gen_bpy_modules.py, which runs in Blender, and
test_bpy_modules.py."""


class Library:
    """Stands in for bpy.types.Library: bpy.path only reads .filepath."""

    def __init__(self, filepath):
        self.filepath = filepath


def enc(value):
    if isinstance(value, bytes):
        return {"bytes": value.decode("latin-1")}
    if isinstance(value, tuple):
        return {"tuple": [enc(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted((enc(v) for v in value), key=repr)}
    if isinstance(value, list):
        return [enc(v) for v in value]
    if isinstance(value, dict):
        return {"dict": [[enc(k), enc(v)] for k, v in value.items()]}
    if isinstance(value, Library):
        return {"library": enc(value.filepath)}
    if hasattr(value, "to_3x3") and hasattr(value, "row"):
        return {"matrix": [[float(x) for x in row] for row in value]}
    return value


def dec(value):
    if isinstance(value, list):
        return [dec(v) for v in value]
    if isinstance(value, dict):
        (tag, inner), = value.items()
        if tag == "bytes":
            return inner.encode("latin-1")
        if tag == "tuple":
            return tuple(dec(v) for v in inner)
        if tag == "library":
            return Library(dec(inner))
        raise ValueError(tag)
    return value
