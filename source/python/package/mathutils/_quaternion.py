"""mathutils.Quaternion."""

from array import array as _array
import math

from ._fixed import FixedSequence
from ._common import MathBase, f32, is_number, parse_fixed, ulp_equal
from . import _rot
from ._vector import Vector, _vec_list, _real, _tn, any_to_rotmat

_new = object.__new__


def _quat(values):
    q = _new(Quaternion)
    q._d = _array('f', values)
    q._cb = None
    q._frozen = False
    return q


class Quaternion(FixedSequence):
    """Quaternion(seq=(1, 0, 0, 0) or (axis, angle)): rotation as w, x, y, z."""

    __slots__ = ()
    _SIZE = 4
    _NAME = "quaternion"
    _ITEM = "quaternion[attribute]"
    _ITEM_NOT_NUMBER = "quaternion[index]"
    _SLICE_GET = "slice steps not supported with quaternions"
    _SLICE_SET = "slice steps not supported with quaternion"
    _type_name = 'Quaternion'

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("mathutils.Quaternion(): takes no keyword args")
        n = len(args)
        if n == 0:
            d = _array('f', (1.0, 0.0, 0.0, 0.0))
        elif n == 1:
            seq = parse_fixed(args[0], 3, 4, "mathutils.Quaternion()")
            if len(seq) == 4:
                d = seq
            else:
                d = _array('f', _expmap_to_quat(seq))
        elif n == 2:
            axis = parse_fixed(args[0], 3, 3, "mathutils.Quaternion()")
            angle = _rot.angle_wrap(f32(_real(args[1])))
            d = _array('f', _rot.axis_angle_to_quat(axis, angle))
        else:
            raise TypeError("mathutils.Quaternion() takes at most 2 arguments (%d given)" % n)
        self = _new(cls)
        self._d = d
        self._cb = None
        self._frozen = False
        return self

    @classmethod
    def _from_list(cls, values):
        return _quat(values)

    # -------------------------------------------------- text

    def __repr__(self):
        return "Quaternion(%r)" % (tuple(self._r()),)

    def __str__(self):
        return "<Quaternion (w=%.4f, x=%.4f, y=%.4f, z=%.4f)>" % tuple(self._r())

    # -------------------------------------------------- attributes

    @property
    def w(self):
        """Quaternion W value."""
        return self._r()[0]

    @w.setter
    def w(self, value):
        self._set_item(0, value)

    @property
    def x(self):
        """Quaternion X axis."""
        return self._r()[1]

    @x.setter
    def x(self, value):
        self._set_item(1, value)

    @property
    def y(self):
        """Quaternion Y axis."""
        return self._r()[2]

    @y.setter
    def y(self, value):
        self._set_item(2, value)

    @property
    def z(self):
        """Quaternion Z axis."""
        return self._r()[3]

    @z.setter
    def z(self, value):
        self._set_item(3, value)

    @property
    def magnitude(self):
        """Size of the quaternion (read-only)."""
        d = self._r()
        return f32(math.sqrt(_rot.quat_dot(d, d)))

    @property
    def angle(self):
        """Angle of the quaternion's rotation in radians."""
        q = _rot.quat_normalized(self._r())[0]
        return f32(2.0 * _rot.saacos(q[0]))

    @angle.setter
    def angle(self, value):
        value = _real(value)
        d = self._mut()
        q, ln = _rot.quat_normalized(d)
        axis = _rot.quat_to_axis_angle(q)[0]
        angle = _rot.angle_wrap(value)
        q = _rot.axis_angle_to_quat(axis, angle)
        d[:] = _array('f', [x * ln for x in q])
        self._w()

    @property
    def axis(self):
        """Quaternion axis as a vector."""
        q = _rot.quat_normalized(self._r())[0]
        return _vec_list(_rot.quat_to_axis_angle(q)[0])

    @axis.setter
    def axis(self, value):
        axis = parse_fixed(value, 3, 3, "quat.axis = other")
        d = self._mut()
        q, ln = _rot.quat_normalized(d)
        angle = _rot.quat_to_axis_angle(q)[1]
        if (axis[0] == 0.0 and axis[1] == 0.0 and axis[2] == 0.0) or not all(
                math.isfinite(a) for a in axis):
            axis = [1.0, 0.0, 0.0]
        q = _rot.axis_angle_to_quat(axis, _rot.angle_wrap(angle))
        d[:] = _array('f', [x * ln for x in q])
        self._w()

    # -------------------------------------------------- arithmetic

    def _other(self, other, word, op):
        if not isinstance(other, Quaternion) or not isinstance(self, Quaternion):
            raise TypeError("Quaternion %s: (%s %s %s) invalid type for this operation"
                            % (word, _tn(self), op, _tn(other)))
        return other._r()

    def __add__(self, other):
        b = self._other(other, 'addition', '+')
        return _quat([x + y for x, y in zip(self._r(), b)])

    def __radd__(self, other):
        raise TypeError("Quaternion addition: (%s + %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __sub__(self, other):
        b = self._other(other, 'subtraction', '-')
        return _quat([x - y for x, y in zip(self._r(), b)])

    def __rsub__(self, other):
        raise TypeError("Quaternion subtraction: (%s - %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __mul__(self, other):
        if isinstance(other, Quaternion):
            return _quat([x * y for x, y in zip(self._r(), other._r())])
        if is_number(other):
            s = float(other)
            return _quat([x * s for x in self._r()])
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmul__(self, other):
        if is_number(other):
            return self.__mul__(other)
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imul__(self, other):
        if isinstance(other, Quaternion) or is_number(other):
            r = self.__mul__(other)
            d = self._mut()
            d[:] = r._d
            self._w()
            return self
        raise TypeError("In place element-wise multiplication: not supported between '%s' and "
                        "'%s' types" % (_tn(self), _tn(other)))

    def __matmul__(self, other):
        if isinstance(other, Quaternion):
            return _quat(_rot.quat_mul(self._r(), other._r()))
        if isinstance(other, Vector):
            v = other._r()
            if len(v) != 3:
                raise ValueError("Vector multiplication: only 3D vector rotations (with quats) "
                                 "currently supported")
            return _vec_list(_rot.quat_rotate_vec3(self._r(), v))
        raise TypeError("Quaternion multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmatmul__(self, other):
        raise TypeError("Quaternion multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imatmul__(self, other):
        if not isinstance(other, Quaternion):
            raise TypeError("In place quaternion multiplication: not supported between '%s' and "
                            "'%s' types" % (_tn(self), _tn(other)))
        r = _rot.quat_mul(self._r(), other._r())
        d = self._mut()
        d[:] = _array('f', r)
        self._w()
        return self

    def __neg__(self):
        return _quat([-x for x in self._r()])

    def __pos__(self):
        return _quat(self._r())

    def __eq__(self, other):
        if not isinstance(other, Quaternion):
            return NotImplemented
        a = self._r()
        b = other._r()
        return a == b or all(x == y or ulp_equal(x, y) for x, y in zip(a, b))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = MathBase.__hash__

    # -------------------------------------------------- methods

    def copy(self):
        """A new, unowned, mutable copy."""
        return _quat(self._r())

    def _parse_other(self, other, name):
        return parse_fixed(other, 4, 4, "Quaternion.%s(other), invalid 'other' arg" % name)

    def dot(self, other, /):
        """Dot product with another quaternion."""
        return f32(_rot.quat_dot(self._r(), self._parse_other(other, 'dot')))

    def cross(self, other, /):
        """Quaternion product (self @ other)."""
        return _quat(_rot.quat_mul(self._r(), self._parse_other(other, 'cross')))

    def rotation_difference(self, other, /):
        """Quaternion rotating this orientation onto `other`."""
        b = self._parse_other(other, 'rotation_difference')
        a = self._r()
        n = _rot.quat_dot(a, a)
        inv = [a[0] / n, -a[1] / n, -a[2] / n, -a[3] / n] if n else [0.0, 0.0, 0.0, 0.0]
        return _quat(_rot.quat_mul(inv, b))

    def slerp(self, other, factor, /):
        """Spherical interpolation towards `other`."""
        b = self._parse_other(other, 'slerp')
        t = _real(factor, "quat.slerp(): expected Quaternion types and float")
        if t > 1.0 or t < 0.0:
            raise ValueError("quat.slerp(): interpolation factor must be between 0.0 "
                             "and 1.0")
        return _quat(_rot.quat_slerp(self._r().tolist(), b.tolist(), t))

    def to_euler(self, order='XYZ', euler_compat=None, /):
        """Euler angles of this rotation."""
        from ._euler import Euler, _parse_order
        order = _parse_order(order, "Quaternion.to_euler()")
        compat = None
        if euler_compat is not None:
            if not isinstance(euler_compat, Euler):
                raise TypeError("to_euler() argument 2 must be Euler, not %s" % _tn(euler_compat))
            compat = euler_compat._r().tolist()
        q = _rot.quat_normalized(self._r())[0]
        m = _rot.quat_to_mat3(q)
        return Euler._from_list(_rot.mat3_to_euler(m, order, compat), order)

    def to_matrix(self):
        """3x3 rotation matrix (as given by the components, not normalized)."""
        from ._matrix import _from_rows
        return _from_rows(_rot.quat_to_mat3(self._r()))

    def to_axis_angle(self):
        """(axis Vector, angle) of this rotation."""
        q = _rot.quat_normalized(self._r())[0]
        axis, angle = _rot.quat_to_axis_angle(q)
        return _vec_list(axis), f32(angle)

    def to_exponential_map(self):
        """Rotation as a 3D vector: axis scaled by angle."""
        q = _rot.quat_normalized(self._r())[0]
        axis, angle = _rot.quat_to_axis_angle(q)
        return _vec_list([a * angle for a in axis])

    def to_swing_twist(self, axis, /):
        """(swing Quaternion, twist angle) about 'X', 'Y' or 'Z'."""
        if axis not in ('X', 'Y', 'Z') or type(axis) is not str:
            raise ValueError("Quaternion.to_swing_twist(): the axis argument must be a string "
                             "in 'X', 'Y', 'Z'")
        i = 'XYZ'.index(axis)
        q = self._r().tolist()
        t = q[i + 1]
        w = q[0]
        h = math.sqrt(w * w + t * t)
        if h > 1e-30:
            cw = w / h
            tw = t / h
        else:
            cw, tw = 1.0, 0.0
        angle = 2.0 * math.atan2(tw, cw)
        if angle > math.pi:
            angle -= 2.0 * math.pi
        elif angle < -math.pi:
            angle += 2.0 * math.pi
        twist = [cw, 0.0, 0.0, 0.0]
        twist[i + 1] = tw
        inv = [twist[0], -twist[1], -twist[2], -twist[3]]
        swing = _rot.quat_mul(q, inv)
        return _quat(swing), f32(angle)

    def normalize(self):
        """Normalize in place (a zero quaternion becomes (0, 1, 0, 0))."""
        d = self._mut()
        d[:] = _array('f', _rot.quat_normalized(d)[0])
        self._w()

    def normalized(self):
        """A unit-length copy."""
        return _quat(_rot.quat_normalized(self._r())[0])

    def invert(self):
        """Invert in place."""
        d = self._mut()
        n = _rot.quat_dot(d, d)
        if n:
            d[:] = _array('f', [d[0] / n, -d[1] / n, -d[2] / n, -d[3] / n])
        self._w()

    def inverted(self):
        """The inverse quaternion."""
        q = self.copy()
        q.invert()
        return q

    def conjugate(self):
        """Negate the vector part in place."""
        d = self._mut()
        d[1] = -d[1]
        d[2] = -d[2]
        d[3] = -d[3]
        self._w()

    def conjugated(self):
        """A copy with the vector part negated."""
        q = self.copy()
        q.conjugate()
        return q

    def negate(self):
        """Negate all components in place (same rotation)."""
        d = self._mut()
        for i in range(4):
            d[i] = -d[i]
        self._w()

    def identity(self):
        """Set to the identity rotation."""
        d = self._mut()
        d[:] = _array('f', (1.0, 0.0, 0.0, 0.0))
        self._w()

    def rotate(self, other, /):
        """Rotate by a Euler, Quaternion or Matrix (keeping this quaternion's length)."""
        rot = any_to_rotmat(other, "Quaternion.rotate(value)")
        d = self._mut()
        q, ln = _rot.quat_normalized(d)
        m = _rot.mul3(rot, _rot.quat_to_mat3(q))
        r = _rot.mat3_to_quat(m)
        d[:] = _array('f', [x * ln for x in r])
        self._w()

    def make_compatible(self, other, /):
        """Negate if that brings this quaternion closer to `other` (for interpolation)."""
        b = parse_fixed(other, 4, 4, "Quaternion.make_compatible(other), invalid 'other' arg")
        d = self._mut()
        q, ln = _rot.quat_normalized(d)
        old_len = math.sqrt(_rot.quat_dot(b, b))
        if old_len > 1e-4:
            # Blender maps the unit quaternion through `other`, which scales it by |other|
            q = [x * old_len for x in q]
            pos = sum((b[i] - q[i]) ** 2 for i in range(4))
            neg = sum((b[i] + q[i]) ** 2 for i in range(4))
            if neg < pos:
                q = [-x for x in q]
        d[:] = _array('f', [x * ln for x in q])
        self._w()


def _expmap_to_quat(v):
    ln = math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
    if ln == 0.0:
        return [1.0, 0.0, 0.0, 0.0]
    axis = [x / ln for x in v]
    angle = _rot.angle_wrap(ln)
    s = math.sin(angle * 0.5)
    return [math.cos(angle * 0.5), axis[0] * s, axis[1] * s, axis[2] * s]
