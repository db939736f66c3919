"""Methods of generated classes written in Python (as Blender's bpy_types.py does):
functions of bpy.data that are not RNA functions, and the animation entry points."""

import _whisk

from . import types as _types


# Blender's ID type identifiers, the ones user_map accepts (Whisk holds a subset of the
# types yet; the others simply match nothing).
_ID_TYPE_ITEMS = (
    "ACTION", "ARMATURE", "BRUSH", "CACHEFILE", "CAMERA", "COLLECTION", "CURVE", "CURVES",
    "FONT", "GREASEPENCIL", "IMAGE", "KEY", "LATTICE", "LIBRARY", "LIGHT", "LIGHT_PROBE",
    "LINESTYLE", "MASK", "MATERIAL", "MESH", "META", "MOVIECLIP", "NODETREE", "OBJECT",
    "PAINTCURVE", "PALETTE", "PARTICLE", "POINTCLOUD", "SCENE", "SIMULATION", "SOUND",
    "SPEAKER", "TEXT", "TEXTURE", "VOLUME", "WINDOWMANAGER", "WORKSPACE", "WORLD",
)


class _BlendDataMethods:
    def batch_remove(self, ids):
        """Remove several IDs at once (much faster than one by one)."""
        ids = list(ids)
        for item in ids:
            if not isinstance(item, _types.ID):
                raise TypeError(f"Expected an ID type, not {type(item).__name__}")
        _whisk.batch_remove(self, ids)

    def orphans_purge(self, do_local_ids=True, do_linked_ids=True, do_recursive=False):
        """Remove IDs without users; returns how many went."""
        return _whisk.orphans_purge(self, do_local_ids, do_linked_ids, do_recursive)

    def user_map(self, subset=None, key_types=None, value_types=None):
        """{ID: set of IDs that use it} for every ID (or the subset)."""
        for label, types in (("key types", key_types), ("value types", value_types)):
            for name in types or ():
                if name not in _ID_TYPE_ITEMS:
                    raise ValueError(f"{label}: '{name}' not found in "
                                     f"({', '.join(repr(n) for n in _ID_TYPE_ITEMS)})")
        return _whisk.user_map(self, subset, key_types, value_types)

    def temp_data(self, filepath=None):
        """An independent, empty BlendData; use it in a ``with`` block to free it after."""
        return _whisk.temp_data(filepath)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if _whisk.is_temp_data(self):
            _whisk.close_data(self)
        return False


for _name, _value in vars(_BlendDataMethods).items():
    if not _name.startswith("__") or _name in ("__enter__", "__exit__"):
        if callable(_value):
            type.__setattr__(_types.BlendData, _name, _value)


def _children_recursive_object(self):
    """Every object parented to this one, at any depth (children before grandchildren's
    siblings, as a depth-first walk)."""
    found = []

    def walk(ob):
        for child in ob.children:
            found.append(child)
            walk(child)

    walk(self)
    return found


def _children_recursive_collection(self):
    """Every collection nested in this one, depth first."""
    found = []

    def walk(collection):
        for child in collection.children:
            found.append(child)
            walk(child)

    walk(self)
    return found


type.__setattr__(_types.Object, "children_recursive", property(_children_recursive_object))
type.__setattr__(_types.Collection, "children_recursive",
                 property(_children_recursive_collection))
