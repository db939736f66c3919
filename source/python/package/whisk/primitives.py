"""Blender's mesh primitives, built exactly as Blender 3.4's ``bpy.ops.mesh.primitive_*_add``
builds them (same vertex and face order, positions and UVs), without an operator, a
context or an object.

Each function fills ``mesh`` when given (replacing its geometry) or a new mesh in
``bpy.data``, and returns it::

    import whisk.primitives as prim
    sphere = prim.uv_sphere(segments=64, ring_count=32, radius=0.5)

Parameters and defaults are those of the operators.
"""

import _whisk


def _build(kind, name, mesh, **parameters):
    if mesh is None:
        import bpy
        mesh = bpy.data.meshes.new(name)
    _whisk.primitive(mesh, kind, **parameters)
    return mesh


def plane(size=2.0, calc_uvs=True, *, mesh=None, name="Plane"):
    return _build("plane", name, mesh, size=size, calc_uvs=calc_uvs)


def cube(size=2.0, calc_uvs=True, *, mesh=None, name="Cube"):
    return _build("cube", name, mesh, size=size, calc_uvs=calc_uvs)


def grid(x_subdivisions=10, y_subdivisions=10, size=2.0, calc_uvs=True, *, mesh=None,
         name="Grid"):
    return _build("grid", name, mesh, x_subdivisions=x_subdivisions,
                  y_subdivisions=y_subdivisions, size=size, calc_uvs=calc_uvs)


def circle(vertices=32, radius=1.0, fill_type="NOTHING", calc_uvs=True, *, mesh=None,
           name="Circle"):
    return _build("circle", name, mesh, vertices=vertices, radius=radius, fill_type=fill_type,
                  calc_uvs=calc_uvs)


def uv_sphere(segments=32, ring_count=16, radius=1.0, calc_uvs=True, *, mesh=None,
              name="Sphere"):
    return _build("uv_sphere", name, mesh, segments=segments, ring_count=ring_count,
                  radius=radius, calc_uvs=calc_uvs)


def ico_sphere(subdivisions=2, radius=1.0, calc_uvs=True, *, mesh=None, name="Icosphere"):
    return _build("ico_sphere", name, mesh, subdivisions=subdivisions, radius=radius,
                  calc_uvs=calc_uvs)


def cylinder(vertices=32, radius=1.0, depth=2.0, end_fill_type="NGON", calc_uvs=True, *,
             mesh=None, name="Cylinder"):
    return _build("cylinder", name, mesh, vertices=vertices, radius=radius, depth=depth,
                  end_fill_type=end_fill_type, calc_uvs=calc_uvs)


def cone(vertices=32, radius1=1.0, radius2=0.0, depth=2.0, end_fill_type="NGON",
         calc_uvs=True, *, mesh=None, name="Cone"):
    return _build("cone", name, mesh, vertices=vertices, radius1=radius1, radius2=radius2,
                  depth=depth, end_fill_type=end_fill_type, calc_uvs=calc_uvs)


def torus(major_segments=48, minor_segments=12, major_radius=1.0, minor_radius=0.25,
          generate_uvs=True, mode="MAJOR_MINOR", abso_major_rad=1.25, abso_minor_rad=0.75, *,
          mesh=None, name="Torus"):
    return _build("torus", name, mesh, major_segments=major_segments,
                  minor_segments=minor_segments, major_radius=major_radius,
                  minor_radius=minor_radius, generate_uvs=generate_uvs, mode=mode,
                  abso_major_rad=abso_major_rad, abso_minor_rad=abso_minor_rad)


def monkey(size=2.0, calc_uvs=True, *, mesh=None, name="Suzanne"):
    return _build("monkey", name, mesh, size=size, calc_uvs=calc_uvs)
