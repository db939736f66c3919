"""Blender's ``bpy`` module over Whisk's RNA.

``bpy.data``, ``bpy.types``, ``bpy.props``, ``bpy.utils``, ``bpy.context``, ``bpy.path``
and ``bpy.app`` follow Blender 4.x names; 3.4 spellings that scripts still use are
accepted too.
"""

import whisk as _whisk_package  # noqa: F401  (loads the kernel)
import _whisk

from . import types  # noqa: E402  (generated classes; sets up the metaclass first)
from . import props, utils, path, app  # noqa: E402,F401
from ._context import context  # noqa: E402

data = _whisk.data()
app.driver_namespace["bpy"] = __import__("bpy")

__all__ = ["app", "context", "data", "path", "props", "types", "utils"]
