"""The mesh Python API: element collections, attributes, UV maps, color attributes, vertex
groups, foreach_get/foreach_set, zero-copy array views and the primitives, against
Blender 3.4 where it is the reference (tests/fixtures/mesh_api.json, mesh_primitives.json;
generators in tools/oracle/)."""

import array
import gc
import json
import os

import numpy as np
import pytest

import bpy
import mathutils
import whisk
import whisk.primitives as prim

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "fixtures")
with open(os.path.join(FIXTURES, "mesh_api.json")) as _f:
    ORACLE = json.load(_f)

VERTS = [(0, 0, 0), (1, 0, 0), (1, 1, 0.3), (0, 1, 0), (2, 0, 0), (2, 1, -0.2), (3, 3, 3)]
FACES = [(0, 1, 2, 3), (1, 4, 5, 2)]


@pytest.fixture(autouse=True)
def factory():
    whisk.read_factory_settings()
    yield


def close(a, b, tol=1e-5):
    return all(abs(x - y) <= tol for x, y in zip(a, b)) and len(a) == len(b)


def describe(me):
    """The same record as tools/oracle/gen_mesh_api.py's describe()."""
    def vec(v):
        return [round(c, 6) for c in v]
    return {
        "vertices": [vec(v.co) for v in me.vertices],
        "vertex_normals": [vec(v.normal) for v in me.vertices],
        "edges": sorted(sorted(e.vertices) for e in me.edges),
        "loose_edges": sorted(sorted(e.vertices) for e in me.edges if e.is_loose),
        "polygons": [list(p.vertices) for p in me.polygons],
        "polygon_normals": [vec(p.normal) for p in me.polygons],
        "polygon_areas": [round(p.area, 6) for p in me.polygons],
        "polygon_centers": [vec(p.center) for p in me.polygons],
        "polygon_loop_start": [p.loop_start for p in me.polygons],
        "polygon_loop_total": [p.loop_total for p in me.polygons],
        "loop_vertices": [l.vertex_index for l in me.loops],
        "loop_normals": [vec(l.normal) for l in me.loops],
        "triangles": [list(t.loops) for t in me.loop_triangles],
        "triangle_polygons": [t.polygon_index for t in me.loop_triangles],
        "triangle_vertices": [list(t.vertices) for t in me.loop_triangles],
        "triangle_areas": [round(t.area, 6) for t in me.loop_triangles],
        "triangle_normals": [vec(t.normal) for t in me.loop_triangles],
    }


def assert_matches(ours, theirs):
    for key, expected in theirs.items():
        got = ours[key]
        assert len(got) == len(expected), key
        for g, e in zip(got, expected):
            if isinstance(e, list) and e and isinstance(e[0], float):
                assert close(g, e, 1e-5), (key, g, e)
            elif isinstance(e, float):
                assert abs(g - e) <= 1e-5, (key, g, e)
            else:
                assert g == e, (key, g, e)


def built_mesh(name="built"):
    me = bpy.data.meshes.new(name)
    me.from_pydata(VERTS, [(5, 6)], FACES)
    return me


# ---- Against Blender --------------------------------------------------------------------


def test_startup_cube_matches_blender():
    cube = bpy.data.meshes["Cube"]
    assert_matches(describe(cube), ORACLE["cube"])
    uvs = [list(l.uv) for l in cube.uv_layers[0].data]
    assert all(close(a, b) for a, b in zip(uvs, ORACLE["cube_uvs"]))


def test_built_mesh_matches_blender():
    assert_matches(describe(built_mesh()), ORACLE["built"])


def test_sharp_edges_and_auto_smooth_match_blender():
    me = built_mesh()
    me.polygons[0].use_smooth = True
    me.polygons[1].use_smooth = True
    me.use_auto_smooth = True
    me.edges[[sorted(e.vertices) for e in me.edges].index([1, 2])].use_edge_sharp = True
    assert_matches(describe(me), ORACLE["built_sharp"])


def test_concave_ngon_triangles_match_blender():
    me = bpy.data.meshes.new("ngon")
    me.from_pydata([(0, 0, 0), (2, 0, 0), (2, 2, 0), (1, 1, 0), (0, 2, 0)], [], [(0, 1, 2, 3, 4)])
    assert_matches(describe(me), ORACLE["ngon"])


def test_attribute_names_defaults_and_types_match_blender():
    expected = ORACLE["attributes"]
    me = built_mesh()
    a = me.attributes.new("foo", "FLOAT", "POINT")
    b = me.attributes.new("foo", "FLOAT", "POINT")
    assert [a.name, b.name] == expected["names"]
    assert close(me.attributes.new("col", "FLOAT_COLOR", "CORNER").data[0].color,
                 expected["float_color_default"])
    assert close(me.attributes.new("b2", "BYTE_COLOR", "POINT").data[0].color,
                 expected["byte_color_default"])
    bcol = me.attributes.new("bcol", "BYTE_COLOR", "POINT")
    bcol.data[0].color = (0.5, 0.25, 1.0, 0.5)
    assert close(bcol.data[0].color, expected["byte_color_roundtrip"])
    assert close(bcol.data[0].color_srgb, expected["byte_color_srgb"])
    fcol = me.attributes.new("fcol", "FLOAT_COLOR", "POINT")
    fcol.data[0].color = (0.5, 0.25, 1.0, 0.5)
    assert close(fcol.data[0].color_srgb, expected["float_color_srgb"], 1e-4)
    for data_type, class_name in expected["types"].items():
        attribute = me.attributes.new("t_" + data_type, data_type, "POINT")
        assert type(attribute).__name__ == class_name
        assert attribute.data_type == data_type and attribute.domain == "POINT"
        if data_type in expected["value_types"]:
            assert type(attribute.data[0]).__name__ == expected["value_types"][data_type]


def test_error_types_match_blender():
    me = built_mesh()
    errors = ORACLE["errors"]
    calls = {
        "new_bad_type": lambda: me.attributes.new("x", "NOPE", "POINT"),
        "new_bad_domain": lambda: me.attributes.new("x", "FLOAT", "NOPE"),
        "foreach_set_short": lambda: me.vertices.foreach_set("co", [1.0, 2.0]),
        "foreach_get_short": lambda: me.vertices.foreach_get("co", [0.0] * 5),
        "foreach_set_bad_name": lambda: me.vertices.foreach_set("nope", [0.0] * 21),
        "foreach_set_not_sequence": lambda: me.vertices.foreach_set("co", 5),
        "vertex_index_error": lambda: me.vertices[100],
    }
    for key, call in calls.items():
        with pytest.raises(Exception) as info:
            call()
        assert type(info.value).__name__ == errors[key], key


# ---- Building and editing --------------------------------------------------------------


def test_from_pydata_bad_index_raises_and_keeps_the_mesh():
    me = built_mesh()
    with pytest.raises(ValueError):
        me.from_pydata([(0, 0, 0)], [], [(0, 1, 2)])
    with pytest.raises(ValueError):
        me.from_pydata([(0, 0, 0), (1, 0, 0)], [(0, 5)], [])
    with pytest.raises(ValueError):
        me.from_pydata([(0, 0)], [], [])
    assert len(me.vertices) == 7 and len(me.polygons) == 2
    assert me.validate() is False


def test_from_pydata_takes_numpy_and_shade_flat():
    me = bpy.data.meshes.new("np")
    me.from_pydata(np.array(VERTS, dtype=np.float64), np.zeros((0, 2), dtype=np.int64), FACES,
                   shade_flat=False)
    assert len(me.vertices) == 7
    assert all(p.use_smooth for p in me.polygons)


def test_low_level_building_like_blender_scripts():
    """Blender 3.x style: add elements, foreach_set loop_start/loop_total, update."""
    me = bpy.data.meshes.new("low")
    me.vertices.add(4)
    me.vertices.foreach_set("co", [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0])
    me.loops.add(4)
    me.loops.foreach_set("vertex_index", [0, 1, 2, 3])
    me.polygons.add(1)
    me.polygons.foreach_set("loop_start", [0])
    me.polygons.foreach_set("loop_total", [4])
    me.update(calc_edges=True)
    assert me.validate() is False
    assert len(me.edges) == 4
    assert tuple(me.polygons[0].normal) == pytest.approx((0, 0, 1))
    assert me.polygons[0].area == pytest.approx(1.0)


def test_damaged_topology_raises_then_validate_repairs():
    me = built_mesh()
    me.loops.foreach_set("vertex_index", [0, 1, 2, 99, 1, 4, 5, 2])
    with pytest.raises(RuntimeError, match="validate"):
        tuple(me.polygons[0].normal)
    with pytest.raises(RuntimeError):
        list(me.loop_triangles)
    assert me.validate() is True
    assert me.validate() is False
    assert len(me.polygons) == 1
    assert tuple(me.polygons[0].normal)  # usable again


def test_transform_flip_and_clear():
    me = built_mesh()
    me.transform(mathutils.Matrix.Translation((1, 2, 3)))
    assert tuple(me.vertices[0].co) == pytest.approx((1, 2, 3))
    before = tuple(me.polygons[0].normal)
    me.flip_normals()
    assert tuple(me.polygons[0].normal) == pytest.approx(tuple(-c for c in before))
    assert list(me.polygons[0].vertices) == [0, 3, 2, 1]
    me.clear_geometry()
    assert len(me.vertices) == len(me.edges) == len(me.polygons) == len(me.loops) == 0
    assert len(me.attributes) == 0


def test_element_handles_raise_after_the_mesh_shrinks():
    me = built_mesh()
    v = me.vertices[6]
    p = me.polygons[1]
    me.clear_geometry()
    with pytest.raises(ReferenceError):
        v.co
    with pytest.raises(ReferenceError):
        p.vertices
    assert len(me.vertices) == 0


def test_element_properties_write_through():
    me = built_mesh()
    me.vertices[1].co = (5, 5, 5)
    me.vertices[0].select = False  # from_pydata selects everything, as in Blender
    me.edges[0].use_seam = True
    me.polygons[1].material_index = 2
    me.polygons[1].use_smooth = True
    assert tuple(me.vertices[1].co) == (5, 5, 5)
    assert me.vertices[1].select and not me.vertices[0].select
    assert me.edges[0].use_seam
    assert me.polygons[1].material_index == 2 and me.polygons[0].material_index == 0
    assert me.polygons[1].use_smooth and not me.polygons[0].use_smooth
    assert me.vertices[1] == me.vertices[1] and me.vertices[1] != me.vertices[2]
    assert me.vertices[1].path_from_id() == "vertices[1]"
    assert me.polygons[1].edge_keys == [(1, 4), (4, 5), (2, 5), (1, 2)]
    assert me.edges[0].key == (5, 6)  # the given edges come first, as in Blender


# ---- Attributes, UV maps, colors, vertex groups -------------------------------------------


def test_attribute_lifecycle():
    me = built_mesh()
    a = me.attributes.new("w", "FLOAT", "POINT")
    a.data[2].value = 1.5
    assert me.attributes["w"].data[2].value == 1.5
    assert a.path_from_id() == 'attributes["w"]'
    a.name = "weight"
    assert "weight" in me.attributes and "w" not in me.attributes
    with pytest.raises(RuntimeError):
        me.attributes.remove(me.attributes["position"])
    me.attributes.remove(me.attributes["weight"])
    assert me.attributes.get("weight") is None
    with pytest.raises(ReferenceError):
        a.data_type
    me.attributes.active = me.attributes["position"]
    assert me.attributes.active.name == "position"


def test_uv_layers_and_color_attributes():
    me = built_mesh()
    uv = me.uv_layers.new()
    assert uv.name == "UVMap" and me.uv_layers.active.name == "UVMap"
    uv.data[3].uv = (0.25, 0.75)
    second = me.uv_layers.new(name="Second")
    assert tuple(second.data[3].uv) == (0.25, 0.75)  # initialized from the active map
    uv.data[3].uv = (0.5, 0.5)
    assert tuple(second.data[3].uv) == (0.25, 0.75)  # copy-on-write: not shared any more
    me.uv_layers.remove(uv)
    assert [l.name for l in me.uv_layers] == ["Second"]
    assert me.uv_layers.active.name == "Second"
    col = me.color_attributes.new("Col", "BYTE_COLOR", "CORNER")
    assert me.color_attributes.active_color_name == "Col"
    assert me.color_attributes.render_color_index == 0
    assert [c.name for c in me.color_attributes] == ["Col"]
    assert tuple(col.data[0].color) == (1, 1, 1, 1)


def test_vertex_groups():
    me = built_mesh()
    ob = bpy.data.objects.new("o", me)
    group = ob.vertex_groups.new(name="G")
    group.add([0, 2], 0.5, "REPLACE")
    group.add([2], 0.75, "ADD")
    assert group.weight(0) == 0.5 and group.weight(2) == 1.0
    with pytest.raises(RuntimeError):
        group.weight(1)
    assert [(g.group, g.weight) for g in me.vertices[0].groups] == [(0, 0.5)]
    other = ob.vertex_groups.new(name="G")
    assert other.name == "G.001" and ob.vertex_groups.active_index == 1
    ob.vertex_groups.remove(group)
    assert [g.name for g in ob.vertex_groups] == ["G.001"]
    assert len(me.vertices[0].groups) == 0
    with pytest.raises(IndexError):
        other.add([100], 1.0, "REPLACE")


# ---- foreach_get / foreach_set ----------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32])
def test_foreach_co_with_numpy_buffers(dtype):
    me = built_mesh()
    values = np.arange(21, dtype=dtype)
    me.vertices.foreach_set("co", values)
    out = np.zeros(21, dtype=dtype)
    me.vertices.foreach_get("co", out)
    assert np.array_equal(out, values)
    assert tuple(me.vertices[2].co) == (6, 7, 8)


def test_foreach_with_lists_arrays_and_flags():
    me = built_mesh()
    me.attributes.remove(me.attributes[".select_vert"])
    me.vertices.foreach_set("co", [float(i) for i in range(21)])
    out = [0.0] * 21
    me.vertices.foreach_get("co", out)
    assert out == [float(i) for i in range(21)]
    me.polygons.foreach_set("use_smooth", [True, False])
    assert [p.use_smooth for p in me.polygons] == [True, False]
    sel = np.array([1, 0, 1, 0, 0, 0, 1], dtype=bool)
    me.vertices.foreach_set("select", sel)
    got = np.zeros(7, dtype=bool)
    me.vertices.foreach_get("select", got)
    assert np.array_equal(got, sel)
    loops = array.array("i", [0] * 8)
    me.loops.foreach_get("vertex_index", loops)
    assert list(loops) == [0, 1, 2, 3, 1, 4, 5, 2]
    fresh = built_mesh("fresh")
    tris = np.zeros(len(fresh.loop_triangles) * 3, dtype=np.int32)
    fresh.loop_triangles.foreach_get("loops", tris)
    assert tris.reshape(-1, 3).tolist() == ORACLE["built"]["triangles"]


def test_foreach_set_bad_values_leave_data_unchanged():
    me = built_mesh()
    with pytest.raises(TypeError):
        me.vertices.foreach_set("co", ["a"] * 21)
    with pytest.raises(RuntimeError):
        me.vertices.foreach_set("co", np.zeros(20, dtype=np.float32))
    with pytest.raises(AttributeError):
        me.loop_triangles.foreach_set("loops", np.zeros(12, dtype=np.int32))
    assert tuple(me.vertices[1].co) == (1, 0, 0)


def test_foreach_on_attribute_values_and_invalidation():
    me = built_mesh()
    me.attributes["position"].data.foreach_set("vector", np.zeros(21, dtype=np.float32))
    assert all(tuple(v.co) == (0, 0, 0) for v in me.vertices)
    me.vertices.foreach_set("co", np.array(VERTS, dtype=np.float32).ravel())
    normal = tuple(me.polygons[0].normal)
    me.vertices.foreach_set("co", (np.array(VERTS, dtype=np.float32) * [1, 1, -1]).ravel())
    assert tuple(me.polygons[0].normal) != normal  # normals followed the write


# ---- Zero-copy array views ---------------------------------------------------------------


def test_as_array_shares_memory_and_invalidates_normals():
    me = built_mesh()
    positions = me.attributes["position"].as_array()
    assert positions.shape == (7, 3) and positions.dtype == np.float32
    assert tuple(positions[2]) == pytest.approx(VERTS[2])
    area = me.polygons[0].area
    positions *= 2.0  # scale the mesh through numpy
    assert tuple(me.vertices[1].co) == (2, 0, 0)
    assert me.polygons[0].area == pytest.approx(area * 4, rel=1e-3)
    me.vertices[0].co = (9, 9, 9)  # and RNA writes show in the view
    assert tuple(positions[0]) == (9, 9, 9)


def test_as_array_types_and_read_only_topology():
    me = built_mesh()
    me.attributes.new("b", "BOOLEAN", "FACE")
    me.attributes.new("c", "BYTE_COLOR", "CORNER")
    me.uv_layers.new()
    assert me.attributes["b"].as_array().dtype == np.bool_
    assert me.attributes["c"].as_array().shape == (8, 4)
    assert me.uv_layers[0].as_array().shape == (8, 2)
    corner_verts = me.attributes[".corner_vert"].as_array(writable=False)
    assert corner_verts.tolist() == [0, 1, 2, 3, 1, 4, 5, 2]
    assert not corner_verts.flags.writeable
    with pytest.raises(ValueError):
        corner_verts[0] = 5
    with pytest.raises(ValueError):
        me.attributes[".corner_vert"].as_array()
    edges = me.attributes[".edge_verts"].as_array(writable=False)
    assert edges.shape == (len(me.edges), 2)
    with pytest.raises(TypeError):
        me.attributes.new("s", "STRING", "POINT").as_array()


def test_as_array_copy_on_write_between_meshes():
    me = built_mesh()
    copy = me.copy()
    shared = me.attributes["position"].as_array(writable=False)
    other = copy.attributes["position"].as_array(writable=False)
    assert np.shares_memory(shared, other)  # the copy shares until one side writes
    view = me.attributes["position"].as_array()  # writable: makes me's array its own
    view[0] = (7, 7, 7)
    assert tuple(copy.vertices[0].co) == (0, 0, 0)
    assert tuple(me.vertices[0].co) == (7, 7, 7)
    third = me.copy()  # a buffer with a live writer is copied, not shared
    view[1] = (8, 8, 8)
    assert tuple(third.vertices[1].co) == (1, 0, 0)


def test_as_array_outlives_the_mesh():
    me = built_mesh()
    view = me.attributes["position"].as_array()
    me.vertices.add(3)  # reallocates: the view keeps the old memory
    view[0] = (1, 1, 1)
    assert tuple(me.vertices[0].co) == (0, 0, 0)
    bpy.data.meshes.remove(me)
    gc.collect()
    view += 1.0  # still valid memory
    assert view[0].tolist() == [2, 2, 2]
    with pytest.raises(ReferenceError):
        me.attributes


# ---- Primitives --------------------------------------------------------------------------


def test_primitives_match_the_oracle():
    with open(os.path.join(FIXTURES, "mesh_primitives.json")) as f:
        cases = json.load(f)
    cases = cases.get("cases", cases) if isinstance(cases, dict) else cases
    checked = 0
    for case in (cases if isinstance(cases, list) else []):
        kind = case.get("primitive") or case.get("kind")
        params = case.get("params") or case.get("parameters") or {}
        if kind not in ("plane", "cube", "grid", "circle", "cylinder", "cone", "monkey",
                        "ico_sphere", "uv_sphere", "torus"):
            continue
        me = getattr(prim, kind)(**params)
        positions = np.zeros(len(me.vertices) * 3, dtype=np.float32)
        me.vertices.foreach_get("co", positions)
        expected = np.array(case["positions"] if "positions" in case else case["vertices"],
                            dtype=np.float32).ravel()
        assert np.allclose(positions, expected, atol=1e-5), (kind, params)
        checked += 1
    assert checked >= 10


def test_primitive_into_existing_mesh_and_bad_parameters():
    me = bpy.data.meshes.new("target")
    prim.cube(size=4.0, mesh=me)
    assert len(me.vertices) == 8 and max(v.co.x for v in me.vertices) == 2.0
    assert me.uv_layers.active.name == "UVMap"
    assert len(prim.circle(vertices=1).vertices) == 3  # clamped like the operator
    with pytest.raises(TypeError):
        prim.circle(fill_type="NOPE")
    with pytest.raises(TypeError):
        prim.cube(sise=2)


def test_loop_total_bulk_matches_per_item_and_checks_length():
    faces = [(0, 1, 2, 3), (1, 4, 5, 2), (3, 2, 6)]
    totals = [len(f) for f in faces]
    meshes = []
    for values in (np.array(totals, dtype=np.int64), totals):
        me = bpy.data.meshes.new("bulk")
        me.vertices.add(7)
        me.loops.add(11)
        me.loops.foreach_set("vertex_index", [v for f in faces for v in f])
        me.polygons.add(3)
        me.polygons.foreach_set("loop_start", [0, 4, 8])
        me.polygons.foreach_set("loop_total", values)
        me.update(calc_edges=True)
        meshes.append(me)
        assert [list(p.vertices) for p in me.polygons] == [list(f) for f in faces]
        assert me.validate() is False
    with pytest.raises(RuntimeError):
        meshes[0].polygons.foreach_set("loop_total", [4, 4])
    with pytest.raises(TypeError):
        meshes[0].polygons.foreach_set("loop_total", ["x", 4, 3])
    assert [p.loop_total for p in meshes[0].polygons] == totals
