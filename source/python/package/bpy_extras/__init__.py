"""``bpy_extras``: helpers for scripts and add-ons built on ``bpy``.

Whisk provides ``io_utils`` (import/export operator helpers, axis conversion, path
references) and ``object_utils`` (adding objects the way the Add menu does). The other
submodules of Blender's package (anim_utils, asset_utils, image_utils, keyconfig_utils,
mesh_utils, node_utils, view3d_utils, id_map_utils) are not provided yet.

Submodules load on first use (``bpy_extras.io_utils`` works after ``import bpy_extras``),
so importing this package does not import ``bpy``.
"""

import importlib as _importlib

__all__ = ("io_utils", "object_utils")


def __getattr__(name):
    if name in __all__:
        return _importlib.import_module("." + name, __name__)
    raise AttributeError("module 'bpy_extras' has no attribute %r" % (name,))


def __dir__():
    return sorted(set(globals()) | set(__all__))
