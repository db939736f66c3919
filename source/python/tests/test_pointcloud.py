"""Point clouds through bpy: bpy.data.pointclouds, points with co and radius (one by one
and through foreach), attributes on the same AttributeGroup as meshes, zero-copy
as_array() with copy-on-write between copies, objects using point clouds, and safety of
handles and views after removal. Blender 3.4's answers are in tests/fixtures/pointcloud.json
(tools/oracle/gen_pointcloud.py)."""

import array
import builtins
import gc
import json
import os

import numpy as np
import pytest

import bpy
import whisk

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "fixtures")
with open(os.path.join(FIXTURES, "pointcloud.json")) as _f:
    ORACLE = json.load(_f)


@pytest.fixture(autouse=True)
def factory():
    whisk.read_factory_settings()
    yield


def attrs(pc):
    return [[a.name, a.domain, a.data_type] for a in pc.attributes]


def line_cloud(count=3, radius=None):
    """Points at x = 0, 1, 2... (Blender 4's resize; 3.4 cannot add points from Python)."""
    pc = bpy.data.pointclouds.new("P")
    pc.resize(count)
    co = array.array("f", [0.0] * (3 * count))
    for i in range(count):
        co[3 * i] = float(i)
    pc.points.foreach_set("co", co)
    if radius is not None:
        pc.points.foreach_set("radius", array.array("f", [radius] * count))
    return pc


# ---- Against Blender --------------------------------------------------------------------


def test_new_point_cloud_matches_blender():
    theirs = ORACLE["new"]
    pc = bpy.data.pointclouds.new("P")
    assert isinstance(pc, bpy.types.PointCloud) and isinstance(pc, bpy.types.ID)
    assert pc.name == theirs["name"] and pc.users == theirs["users"]
    assert len(pc.points) == theirs["points"]
    assert attrs(pc) == theirs["attributes"]
    assert bpy.data.pointclouds["P"] == pc and "P" in bpy.data.pointclouds


def test_attribute_rules_match_blender():
    theirs = ORACLE["new"]
    pc = bpy.data.pointclouds.new("P")
    for domain, (error, message) in theirs["domain_errors"].items():
        with pytest.raises(getattr(builtins, error), match=message):
            pc.attributes.new("x", "FLOAT", domain)
    assert pc.attributes.new("position", "FLOAT", "POINT").name == theirs["taken_position"]
    assert pc.attributes.new("radius", "FLOAT", "POINT").name == theirs["radius_added"]
    pc.attributes.new("col", "FLOAT_COLOR", "POINT")
    color = theirs["color"]
    assert pc.attributes.active_color_name == color["active_color_name"]
    assert pc.attributes.default_color_name == color["default_color_name"]
    assert pc.attributes.active_color_index == color["active_color_index"]
    assert [a.name for a in pc.color_attributes] == color["color_attributes"]
    assert pc.attributes.active_color.name == "col"
    with pytest.raises(RuntimeError, match="required and can't be removed"):
        pc.attributes.remove(pc.attributes["position"])
    assert theirs["remove_radius"] is None
    pc.attributes.remove(pc.attributes["radius"])
    pc.attributes.remove(pc.attributes["col"])
    assert attrs(pc) == theirs["after_remove"]
    assert pc.attributes.active_color is None


@pytest.mark.parametrize("case", ["with_radius", "without_radius"])
def test_points_match_blender(case):
    theirs = ORACLE[case]
    pc = line_cloud(3, 0.25 if case == "with_radius" else None)
    assert sorted(a.name for a in pc.attributes) == theirs["attributes"]
    assert [list(p.co) for p in pc.points] == theirs["co"]
    assert [round(p.radius, 6) for p in pc.points] == theirs["radius"]
    assert [p.index for p in pc.points] == theirs["index"]
    assert pc.points[1].path_from_id() == theirs["point_path"]


def test_object_and_materials_match_blender():
    theirs = ORACLE["new"]
    pc = bpy.data.pointclouds.new("P")
    ob = bpy.data.objects.new("O", pc)
    assert ob.type == theirs["object_type"] and ob.data == pc
    assert pc.users == theirs["users_with_object"]
    pc.materials.append(bpy.data.materials.new("M"))
    assert len(pc.materials) == theirs["materials"]
    assert pc.materials[0].name == "M"
    bpy.context.scene.collection.objects.link(ob)
    assert len(ob.material_slots) == 1
    with pytest.raises(TypeError):
        ob.data = bpy.data.meshes.new("Me")
    copy = pc.copy()
    assert copy.name == theirs["copy"]["name"]


# ---- Points, foreach and attributes -------------------------------------------------------


def test_points_write_through_and_foreach_round_trips():
    pc = line_cloud(4)
    pc.points[2].co = (5, 6, 7)
    assert tuple(pc.points[2].co) == (5, 6, 7)
    assert pc.points[1].radius == 0.0 and "radius" not in pc.attributes
    pc.points[1].radius = 0.5  # adds the attribute, others read 0
    assert "radius" in pc.attributes
    assert [p.radius for p in pc.points] == [0.0, 0.5, 0.0, 0.0]

    co = np.arange(12, dtype=np.float32)
    pc.points.foreach_set("co", co)
    out = np.zeros(12, dtype=np.float32)
    pc.points.foreach_get("co", out)
    assert out.tolist() == co.tolist()
    radii = np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32)
    pc.points.foreach_set("radius", radii)
    got = [0.0] * 4
    pc.points.foreach_get("radius", got)
    assert np.allclose(got, radii)
    with pytest.raises((ValueError, TypeError, RuntimeError)):
        pc.points.foreach_set("co", [1.0, 2.0])  # wrong length leaves data alone
    pc.points.foreach_get("co", out)
    assert out.tolist() == co.tolist()


def test_resize_keeps_values_and_stale_points_raise():
    pc = line_cloud(3, 0.25)
    last = pc.points[2]
    pc.resize(5)
    assert len(pc.points) == 5
    assert tuple(pc.points[2].co) == (2, 0, 0) and tuple(pc.points[4].co) == (0, 0, 0)
    assert pc.points[4].radius == 0.0
    pc.resize(1)
    with pytest.raises(ReferenceError):
        last.co
    pc.resize(-1)  # int arguments clamp to the declared range [0, inf], as any RNA int
    assert len(pc.points) == 0 and len(pc.attributes["position"].data) == 0


def test_attribute_lifecycle_and_values():
    pc = line_cloud(3)
    a = pc.attributes.new("w", "FLOAT", "POINT")
    assert len(a.data) == 3
    a.data[1].value = 2.5
    assert pc.attributes["w"].data[1].value == 2.5
    assert a.path_from_id() == 'attributes["w"]'
    a.name = "weight"
    assert "weight" in pc.attributes and "w" not in pc.attributes
    pc.attributes.active = pc.attributes["weight"]
    assert pc.attributes.active.name == "weight"
    assert pc.attributes.active_index == list(pc.attributes).index(pc.attributes["weight"])
    assert pc.attributes["position"].is_required  # Blender 4's flag
    assert not pc.attributes["weight"].is_required
    with pytest.raises(RuntimeError):
        pc.attributes["position"].name = "pos"
    pc.attributes.remove(pc.attributes["weight"])
    with pytest.raises(ReferenceError):
        a.data_type
    assert pc.attributes.active is None
    other = bpy.data.meshes.new("Me").attributes.new("m", "FLOAT", "POINT")
    with pytest.raises(RuntimeError, match="does not belong"):
        pc.attributes.remove(other)


def test_as_array_shares_memory_and_copies_on_write():
    pc = line_cloud(3, 0.5)
    view = pc.attributes["position"].as_array()
    assert view.shape == (3, 3) and view.dtype == np.float32
    view[0] = (9, 9, 9)
    assert tuple(pc.points[0].co) == (9, 9, 9)
    radius = pc.attributes["radius"].as_array()
    assert radius.shape == (3,) and radius.tolist() == [0.5, 0.5, 0.5]
    del view
    gc.collect()

    copy = pc.copy()
    mine = pc.attributes["position"].as_array(writable=False)
    theirs = copy.attributes["position"].as_array(writable=False)
    assert np.shares_memory(mine, theirs)  # shared until one side writes
    writable = copy.attributes["position"].as_array()
    writable[1] = (7, 7, 7)
    assert tuple(pc.points[1].co) == (1, 0, 0)
    assert tuple(copy.points[1].co) == (7, 7, 7)
    assert not np.shares_memory(mine, writable)


def test_removal_with_live_views_and_handles_is_safe():
    pc = line_cloud(3, 0.25)
    ob = bpy.data.objects.new("O", pc)
    view = pc.attributes["position"].as_array()
    point = pc.points[1]
    attribute = pc.attributes["radius"]
    bpy.data.pointclouds.remove(pc)
    gc.collect()
    view += 1.0  # the view keeps its memory
    assert view[1].tolist() == [2, 1, 1]
    for access in (lambda: point.co, lambda: attribute.data_type, lambda: pc.points):
        with pytest.raises(ReferenceError):
            access()
    if "O" in bpy.data.objects:  # the object survives without data, or goes with it
        assert bpy.data.objects["O"].data is None
    assert "P" not in bpy.data.pointclouds
