"""Whisk's mathutils against Blender's (tests/fixtures/mathutils.json), plus the owner
protocol the bpy bridge relies on.

Regenerate the fixture after changing mathutils_cases.py:
    blender -b --factory-startup --python tools/oracle/gen_mathutils.py -- tests/fixtures/mathutils.json
"""

import copy
import json
import math
import os
import pickle

import pytest

import mathutils
from mathutils import Color, Euler, Matrix, Quaternion, Vector

import mathutils_cases

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "mathutils.json")

with open(FIXTURE) as _f:
    EXPECTED = json.load(_f)["cases"]

REL = 1e-6
ABS = 1e-6

# Cases whose numbers may differ more than REL/ABS, with the reason.
TOLERANCE = {
    # Blender 3.4 converts through an OpenColorIO LUT; Whisk uses the exact sRGB curve.
    "col_to_srgb": 1e-4,
    "col_to_srgb_hi": 1e-4,
    "col_srgb_roundtrip": 1e-4,
    "col_srgb_negative": 1e-4,
}

# Cases whose error message is not matched word for word (the exception type still is).
MESSAGE_DIFFERS = set()

# Cases checked by a custom function instead of value equality (reason in the function).
CUSTOM = {}


def _custom(name):
    def deco(fn):
        CUSTOM[name] = fn
        return fn
    return deco


@_custom("geo_tessellate_square")
def _check_tessellation(expected, actual):
    # Blender's scan-fill picks its own diagonal and vertex order; Whisk's ear clipper may
    # choose the other one. Both must cover the square with two triangles of its corners.
    tris = [t["items"] for t in actual["result"]["items"]]
    assert len(tris) == 2
    assert sorted(set(i for t in tris for i in t)) == [0, 1, 2, 3]


def _matrix_result(rows):
    return {"result": {"type": "Matrix", "values": [[float(x) for x in r] for r in rows]}}


# Cases where Blender 3.4 has a bug; Whisk gives the correct answer, checked here instead.
BLENDER_BUGS = {
    # The adjugate is computed in place over its own input (the 2x2 case overwrites m[0][0]
    # before reading it; the 3x3 case mixes old and new values).
    "mat_adjugated": _matrix_result([[1, 1, -3], [1, 1, -3], [-2, -2, 6]]),
    "mat_adjugated_2": _matrix_result([[4, -2], [-3, 1]]),
    "mat_adjugate": _matrix_result([[4, -2], [-3, 1]]),
    # normalize() of a 2x2 matrix sets an error but returns success (SystemError).
    "mat_normalize_2x2": {"error": "ValueError",
                          "message": "Matrix.normalize(): can only use a 3x3 or 4x4 matrix"},
}


def _close(a, b, tol):
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if math.isinf(a) or math.isinf(b):
            return a == b
        return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
    return a == b


def _compare(expected, actual, tol, path="result"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), "%s: expected %r, got %r" % (path, expected, actual)
        if "float" in expected:
            assert "float" in actual, "%s: expected float, got %r" % (path, actual)
            assert _close(expected["float"], actual["float"], tol), \
                "%s: expected %r, got %r" % (path, expected["float"], actual["float"])
            return
        assert expected.keys() == actual.keys(), "%s: %r vs %r" % (path, expected, actual)
        for key in expected:
            if key == "values":
                ev, av = expected[key], actual[key]
                if expected.get("type") == "Matrix":
                    ev = [x for row in ev for x in row]
                    av = [x for row in av for x in row]
                    assert len(expected[key]) == len(actual[key]), path + ": matrix size"
                assert len(ev) == len(av), "%s: size %d vs %d" % (path, len(ev), len(av))
                for i, (e, a) in enumerate(zip(ev, av)):
                    assert _close(e, a, tol), "%s[%d]: expected %r, got %r\n  %r\n  %r" % (
                        path, i, e, a, ev, av)
            else:
                _compare(expected[key], actual[key], tol, "%s.%s" % (path, key))
        return
    if isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), \
            "%s: expected %r, got %r" % (path, expected, actual)
        for i, (e, a) in enumerate(zip(expected, actual)):
            _compare(e, a, tol, "%s[%d]" % (path, i))
        return
    assert type(expected) is type(actual) and expected == actual, \
        "%s: expected %r, got %r" % (path, expected, actual)


NAMESPACE = mathutils_cases.make_namespace(mathutils)


def test_fixture_matches_cases():
    names = [n for n, _ in mathutils_cases.CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    missing = [n for n in names if n not in EXPECTED]
    stale = [n for n, code in mathutils_cases.CASES
             if n in EXPECTED and EXPECTED[n]["code"] != code]
    assert not missing and not stale, (
        "regenerate tests/fixtures/mathutils.json (missing %s, changed %s)" % (missing, stale))


@pytest.mark.parametrize("name,code", mathutils_cases.CASES, ids=[n for n, _ in mathutils_cases.CASES])
def test_case(name, code):
    expected = EXPECTED.get(name)
    if expected is None or expected["code"] != code:
        pytest.skip("fixture out of date for this case")
    actual = mathutils_cases.run_case(code, NAMESPACE)
    if name in BLENDER_BUGS:
        expected = BLENDER_BUGS[name]
    if name in CUSTOM:
        assert "error" not in actual, actual
        CUSTOM[name](expected, actual)
        return
    if "error" in expected:
        assert "error" in actual, "expected %s(%r), got result %r" % (
            expected["error"], expected["message"], actual.get("result"))
        assert actual["error"] == expected["error"], "expected %s(%r), got %s(%r)" % (
            expected["error"], expected["message"], actual["error"], actual["message"])
        if name not in MESSAGE_DIFFERS:
            assert actual["message"] == expected["message"]
        return
    assert "error" not in actual, "expected %r, got %s(%r)" % (
        expected["result"], actual["error"], actual["message"])
    _compare(expected["result"], actual["result"], TOLERANCE.get(name, REL))


# ------------------------------------------------------------------ owner protocol

class FakeOwner:
    """Stands in for a bpy struct property: stores floats, counts reads and writes."""

    def __init__(self, values, order='XYZ', fail_write=False):
        self.values = [float(v) for v in values]
        self.order = order
        self.reads = 0
        self.writes = 0
        self.valid = True
        self.fail_write = fail_write
        self._math_owner = self

    def _math_read(self):
        self.reads += 1
        if not self.valid:
            raise ReferenceError("StructRNA of type Object has been removed")
        return list(self.values)

    def _math_write(self, values):
        self.writes += 1
        if self.fail_write:
            raise AttributeError("bpy_struct: attribute is read-only")
        self.values = list(values)

    def _math_valid(self):
        return self.valid

    def _math_euler_order(self):
        return self.order

    def _math_set_euler_order(self, order):
        self.order = order


def test_owned_vector_reads_and_writes_through():
    o = FakeOwner([1, 2, 3])
    v = mathutils._owned_vector(o, 3)
    assert v.x == 1.0 and len(v) == 3 and tuple(v) == (1.0, 2.0, 3.0)
    o.values[0] = 5.0
    assert v.x == 5.0 and v[0] == 5.0
    assert repr(v) == "Vector((5.0, 2.0, 3.0))"
    v.y = 7
    assert o.values == [5.0, 7.0, 3.0]
    v[2] = 0.1
    assert o.values[2] == pytest.approx(0.1) and o.values[2] == Vector((0.1, 0)).x
    v.xy = (1, 1)
    assert o.values[:2] == [1.0, 1.0]
    v[:] = (4, 5, 6)
    assert o.values == [4.0, 5.0, 6.0]
    assert v.owner is o and v.is_valid and not v.is_wrapped and not v.is_frozen


def test_owned_vector_inplace_ops_and_methods():
    o = FakeOwner([3, 0, 4])
    v = mathutils._owned_vector(o, 3)
    w = v
    v += Vector((1, 1, 1))
    assert v is w and o.values == [4.0, 1.0, 5.0]
    v -= Vector((1, 1, 1))
    v *= 2
    assert o.values == [6.0, 0.0, 8.0]
    v /= 2
    v.normalize()
    assert o.values == pytest.approx([0.6, 0.0, 0.8])
    v.length = 10
    assert o.values == pytest.approx([6.0, 0.0, 8.0])
    v.negate()
    assert o.values == pytest.approx([-6.0, 0.0, -8.0])
    v.rotate(Euler((0, 0, math.pi / 2)))
    assert o.values == pytest.approx([0.0, -6.0, -8.0], abs=1e-5)
    v.zero()
    assert o.values == [0.0, 0.0, 0.0]


def test_owned_vector_results_are_plain():
    o = FakeOwner([1, 2, 3])
    v = mathutils._owned_vector(o, 3)
    for r in (v.copy(), v + v, v * 2, -v, v.xyz, v.normalized(), v.to_4d()):
        assert r.owner is None
        r.x = 100
    assert o.values == [1.0, 2.0, 3.0]
    c = copy.copy(v)
    c.x = 9
    assert o.values[0] == 1.0


def test_owned_vector_errors():
    o = FakeOwner([1, 2, 3])
    v = mathutils._owned_vector(o, 3)
    with pytest.raises(TypeError, match="owned data"):
        v.freeze()
    with pytest.raises(TypeError, match="cannot resize a vector that has an owner"):
        v.resize(4)
    o.valid = False
    assert not v.is_valid
    with pytest.raises(ReferenceError):
        v.x
    o.valid = True
    o.fail_write = True
    with pytest.raises(AttributeError, match="read-only"):
        v.x = 3


def test_owned_vector_reads_each_access():
    o = FakeOwner([1, 2, 3])
    v = mathutils._owned_vector(o, 3)
    before = o.reads
    v.x
    v.y
    str(v)
    assert o.reads == before + 3
    assert o.writes == 0


def test_owned_matrix_column_major():
    # element (row r, col c) is at c * rows + r
    o = FakeOwner([1, 2, 3, 4, 5, 6])  # 2 rows x 3 cols: columns (1,2) (3,4) (5,6)
    m = mathutils._owned_matrix(o, 2, 3)
    assert [list(r) for r in m] == [[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]
    assert m[1][2] == 6.0
    m[0][1] = 9
    assert o.values == [1.0, 2.0, 9.0, 4.0, 5.0, 6.0]
    m[1] = (7, 8, 9)
    assert o.values == [1.0, 7.0, 9.0, 8.0, 5.0, 9.0]
    m.col[0] = (0, 0)
    assert o.values[:2] == [0.0, 0.0]
    row = m[0]
    assert row.owner is m
    row += Vector((1, 1, 1))
    assert o.values == [1.0, 0.0, 10.0, 8.0, 6.0, 9.0]
    o.values = [1, 0, 0, 1, 0, 0]
    assert tuple(row) == (1.0, 0.0, 0.0)  # row vectors re-read through the matrix


def test_owned_matrix_4x4_ops():
    o = FakeOwner(sum(([1.0 if r == c else 0.0 for r in range(4)] for c in range(4)), []))
    m = mathutils._owned_matrix(o, 4, 4)
    assert m.is_identity
    m.translation = (1, 2, 3)
    assert o.values[12:15] == [1.0, 2.0, 3.0]
    t = m.translation
    t.z = 7
    assert o.values[14] == 7.0
    m.transpose()
    assert o.values[3] == 1.0 and o.values[12] == 0.0
    m.identity()
    m @= Matrix.Scale(2, 4)
    assert o.values[0] == 2.0 and o.values[15] == 1.0
    m.invert()
    assert o.values[0] == 0.5
    m.zero()
    assert o.values == [0.0] * 16
    with pytest.raises(ValueError):
        m.resize_4x4()
    assert m.copy().owner is None and m.owner is o


def test_owned_euler_order():
    o = FakeOwner([0.1, 0.2, 0.3], order='ZYX')
    e = mathutils._owned_euler(o)
    assert e.order == 'ZYX'
    assert repr(e).endswith("'ZYX')")
    e.order = 'XZY'
    assert o.order == 'XZY'
    o.order = 'YXZ'
    assert e.order == 'YXZ'
    assert e.to_matrix() == Euler(tuple(o.values), 'YXZ').to_matrix()
    e.order = 'XYZ'
    e.x = 1
    assert o.values[0] == 1.0
    e.rotate_axis('X', 0.5)
    assert o.values[0] == pytest.approx(1.5, abs=1e-6)
    e.zero()
    assert o.values == [0.0, 0.0, 0.0]
    with pytest.raises(ValueError):
        e.order = 'ABC'


def test_owned_quaternion_and_color():
    o = FakeOwner([1, 0, 0, 0])
    q = mathutils._owned_quaternion(o)
    q.rotate(Quaternion((0, 0, 1), math.pi / 2))
    assert o.values == pytest.approx([math.sqrt(0.5), 0, 0, math.sqrt(0.5)], abs=1e-6)
    q.angle = 0.0
    assert o.values == pytest.approx([1, 0, 0, 0], abs=1e-6)
    q @= Quaternion((1, 0, 0), 1.0)
    assert q.angle == pytest.approx(1.0, abs=1e-6)
    q.w = 2
    assert o.values[0] == 2.0

    oc = FakeOwner([0.2, 0.4, 0.8])
    c = mathutils._owned_color(oc)
    c.h = 0.1
    assert oc.values == pytest.approx([0.8, 0.56, 0.2], abs=1e-6)
    c.r = 1
    c += Color((0, 0.1, 0))
    assert oc.values == pytest.approx([1.0, 0.66, 0.2], abs=1e-6)
    assert c.owner is oc


# ------------------------------------------------------------------ direct tests

def test_float32_storage():
    v = Vector((0.1, 1e40))
    assert v.x == 0.10000000149011612
    assert v.y == math.inf
    assert Matrix(((0.1, 0), (0, 1)))[0][0] == 0.10000000149011612
    assert Euler((0.1, 0, 0)).x == 0.10000000149011612


def test_frozen_hash_and_sets():
    a = Vector((1, 2, 3)).freeze()
    b = Vector((1, 2, 3)).freeze()
    assert hash(a) == hash(b) and len({a, b}) == 1
    assert hash(a) == 2528502973977326415  # what Blender 3.4 prints
    assert hash(Quaternion().freeze()) == 3632587615360335684
    assert hash(Matrix().freeze()) == 1681740351480008973
    assert hash(Euler().freeze()) == hash(Color().freeze()) == 1267304713960822739


def test_swizzle_attributes_complete():
    v = Vector((1, 2, 3, 4))
    import itertools
    for n in (2, 3, 4):
        for combo in itertools.product('xyzw', repeat=n):
            name = ''.join(combo)
            assert tuple(getattr(v, name)) == tuple(float('xyzw'.index(c) + 1) for c in combo)


def test_pickle_and_deepcopy():
    for value in (Vector((1, 2, 3)), Matrix.Rotation(0.3, 3, 'X'), Euler((1, 2, 3), 'ZYX'),
                  Quaternion((1, 2, 3, 4)), Color((0.1, 0.2, 0.3))):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value


def test_euler_slice_assignment_keeps_other_angles():
    # Blender 3.4 leaves garbage in the angles after the slice (so the fixture case only
    # records the assigned ones).
    e = Euler((1, 2, 3))
    e[0:2] = (5, 6)
    assert tuple(e) == (5.0, 6.0, 3.0)
    e[1:] = (7, 8)
    assert tuple(e) == (5.0, 7.0, 8.0)


def test_frozen_matrix_pickles():
    m = Matrix.Rotation(0.3, 3, 'X').freeze()
    assert pickle.loads(pickle.dumps(m)) == m


def test_adjugate_is_det_times_inverse():
    for rows in (((1, 2), (3, 4)), ((2, 0, 1), (1, 3, 2), (1, 1, 2)),
                 ((2, 0, 1, 3), (1, 3, 2, 0), (1, 1, 2, 1), (0, 2, 1, 5))):
        m = Matrix(rows)
        expected = m.inverted() * m.determinant()
        adj = m.adjugated()
        for r in range(len(rows)):
            assert tuple(adj[r]) == pytest.approx(tuple(expected[r]), abs=1e-5)
        assert m @ adj == Matrix.Diagonal([m.determinant()] * len(rows))


def test_subclass():
    class MyVec(Vector):
        __slots__ = ()

    v = MyVec((1, 2, 3))
    assert isinstance(v, MyVec) and v.x == 1.0
    assert type(v + v) is Vector


def test_matrix_lerp():
    a = Matrix.Identity(3)
    b = Matrix.Rotation(1.0, 3, 'Z') @ Matrix.Scale(3, 3)
    half = a.lerp(b, 0.5)
    assert half.to_quaternion().angle == pytest.approx(0.5, abs=1e-6)
    assert tuple(half.to_scale()) == pytest.approx((2.0, 2.0, 2.0), abs=1e-6)
