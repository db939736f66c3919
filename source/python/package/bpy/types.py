"""The classes of every RNA struct (``bpy.types.Object``...), generated from RNA.

Script-registered classes (PropertyGroup subclasses) appear here once registered.
"""

import _whisk

from ._metaclass import StructMeta as _StructMeta

_whisk.set_metaclass(_StructMeta)

bpy_struct = _whisk.bpy_struct
bpy_prop_collection = _whisk.bpy_prop_collection
bpy_prop_array = _whisk.bpy_prop_array
bpy_func = _whisk.bpy_func
IDPropertyGroup = _whisk.IDPropertyGroup
IDPropertyArray = _whisk.IDPropertyArray

globals().update(_whisk.types())

from . import _extensions  # noqa: E402,F401  (Python-side methods of generated classes)
from . import _mesh  # noqa: E402,F401  (Mesh.from_pydata, Attribute.as_array)
