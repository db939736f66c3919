"""Python-side methods of the mesh classes (as Blender's bpy_types.py has them):
``Mesh.from_pydata``, the ``edge_keys``/``key`` helpers, and Whisk's zero-copy
``Attribute.as_array()``.

``as_array()`` returns a numpy array that shares the attribute's memory (of any geometry:
mesh and point cloud attributes alike; the notes below say "mesh" for either):

- ``as_array()`` (writable): the array becomes the mesh's own first if another mesh shared
  it (copy-on-write), then numpy writes go straight into the mesh. While the view lives,
  normals, bounds and triangles check a hash of the array before reuse, so they follow
  every write (the check costs about 1 ms per million vertices per read).
- ``as_array(writable=False)``: a read-only view that never copies, even of shared data.
- The arrays that define the topology (``.edge_verts``, ``.corner_vert``, ``.corner_edge``)
  are only ever read-only views; change them with ``foreach_set`` or ``from_pydata``,
  which check the indices.
- A view keeps its memory alive on its own. If the mesh is later resized, cleared or
  removed, the view keeps the values it had and no longer belongs to the mesh.
"""

from array import array as _array

import _whisk

from . import types as _types


def _flatten(items, width, typecode, what):
    """Items of `width` numbers -> one flat array('f'/'i'); numpy input is converted whole."""
    if hasattr(items, "__array_interface__"):
        import numpy
        flat = numpy.ascontiguousarray(items, dtype=numpy.float32 if typecode == "f" else numpy.int32)
        return flat.reshape(-1)
    flat = _array(typecode)
    for item in items:
        values = tuple(item)
        if len(values) != width:
            raise ValueError(f"from_pydata: each of {what} needs {width} values, not {len(values)}")
        flat.extend(values)
    return flat


def from_pydata(self, vertices, edges, faces, shade_flat=True):
    """Replace the geometry with vertices (x, y, z), edges (v1, v2) and faces (vertex
    index lists). Edges of the faces are added. An index out of range raises ValueError
    and leaves the mesh as it was."""
    verts = _flatten(vertices, 3, "f", "the vertices")
    edge_flat = _flatten(edges, 2, "i", "the edges")
    offsets = _array("i", [0])
    face_verts = _array("i")
    for face in faces:
        face_verts.extend(face)
        offsets.append(len(face_verts))
    if len(offsets) == 1:
        offsets = _array("i")
    _whisk.mesh_from_pydata(self, verts, edge_flat, offsets, face_verts, bool(shade_flat))


def _polygon_edge_keys(self):
    verts = self.vertices[:]
    return [(a, b) if a < b else (b, a) for a, b in zip(verts, verts[1:] + verts[:1])]


def _edge_key(self):
    a, b = self.vertices
    return (a, b) if a < b else (b, a)


def _triangle_edge_keys(self):
    a, b, c = self.vertices
    return [(min(a, b), max(a, b)), (min(b, c), max(b, c)), (min(a, c), max(a, c))]


def as_array(self, writable=True):
    """A numpy array sharing this attribute's memory (see the bpy._mesh module notes)."""
    import numpy
    return numpy.asarray(_whisk.attribute_view(self, writable))


type.__setattr__(_types.Mesh, "from_pydata", from_pydata)
type.__setattr__(_types.MeshPolygon, "edge_keys", property(_polygon_edge_keys))
type.__setattr__(_types.MeshEdge, "key", property(_edge_key))
type.__setattr__(_types.MeshLoopTriangle, "edge_keys", property(_triangle_edge_keys))
type.__setattr__(_types.Attribute, "as_array", as_array)
type.__setattr__(_types.MeshUVLoopLayer, "as_array", as_array)
