"""mathutils.Euler."""

from array import array as _array

from ._fixed import FixedSequence
from ._common import MathBase, parse_fixed, ulp_equal, zeros
from . import _rot
from ._vector import _real, _tn

_new = object.__new__


def _parse_order(order, prefix):
    if type(order) is not str:
        raise TypeError("bad argument type for built-in operation")
    if order not in _rot.EULER_ORDERS:
        raise ValueError("%s: invalid euler order '%s'" % (prefix, order))
    return order


class Euler(FixedSequence):
    """Euler(angles=(0, 0, 0), order='XYZ'): rotation as three angles in radians."""

    __slots__ = ('_order',)
    _SIZE = 3
    _NAME = "euler"
    _ITEM = "euler[attribute]"
    _SLICE_GET = "slice steps not supported with eulers"
    _SLICE_SET = "slice steps not supported with euler"
    _type_name = 'Euler'

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("mathutils.Euler(): takes no keyword args")
        if len(args) > 2:
            raise TypeError("mathutils.Euler() takes at most 2 arguments (%d given)" % len(args))
        order = 'XYZ'
        if len(args) == 2:
            order = _parse_order(args[1], "mathutils.Euler()")
        d = parse_fixed(args[0], 3, 3, "mathutils.Euler()") if args else zeros(3)
        self = _new(cls)
        self._d = d
        self._cb = None
        self._frozen = False
        self._order = order
        return self

    @classmethod
    def _from_list(cls, values, order='XYZ'):
        e = _new(Euler)
        e._d = _array('f', values)
        e._cb = None
        e._frozen = False
        e._order = order
        return e

    def _get_order(self):
        cb = self._cb
        if cb is None:
            return self._order
        order = self._order = cb._math_euler_order()
        return order

    # -------------------------------------------------- text

    def __repr__(self):
        return "Euler(%r, '%s')" % (tuple(self._r()), self._get_order())

    def __str__(self):
        d = self._r()
        return "<Euler (x=%.4f, y=%.4f, z=%.4f), order='%s'>" % (d[0], d[1], d[2],
                                                                 self._get_order())

    def __reduce__(self):
        return (type(self), (tuple(self), self._get_order()))

    # -------------------------------------------------- attributes

    @property
    def x(self):
        """Euler axis angle in radians."""
        return self._r()[0]

    @x.setter
    def x(self, value):
        self._set_item(0, value)

    @property
    def y(self):
        """Euler axis angle in radians."""
        return self._r()[1]

    @y.setter
    def y(self, value):
        self._set_item(1, value)

    @property
    def z(self):
        """Euler axis angle in radians."""
        return self._r()[2]

    @z.setter
    def z(self, value):
        self._set_item(2, value)

    @property
    def order(self):
        """Euler rotation order: 'XYZ', 'XZY', 'YXZ', 'YZX', 'ZXY' or 'ZYX'."""
        return self._get_order()

    @order.setter
    def order(self, value):
        if self._frozen:
            raise TypeError("Euler is frozen (immutable)")
        order = _parse_order(value, "euler.order")
        cb = self._cb
        if cb is not None:
            cb._math_set_euler_order(order)
        self._order = order

    # -------------------------------------------------- comparison

    def __eq__(self, other):
        if not isinstance(other, Euler):
            return NotImplemented
        if self._get_order() != other._get_order():
            return False
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
        return Euler._from_list(self._r(), self._get_order())

    def zero(self):
        """Set all angles to zero."""
        d = self._mut()
        d[0] = d[1] = d[2] = 0.0
        self._w()

    def to_matrix(self):
        """3x3 rotation matrix of this Euler."""
        from ._matrix import _from_rows
        return _from_rows(_rot.euler_to_mat3(self._r(), self._get_order()))

    def to_quaternion(self):
        """Quaternion of this Euler."""
        from ._quaternion import Quaternion
        return Quaternion._from_list(_rot.euler_to_quat(self._r(), self._get_order()))

    def rotate_axis(self, axis, angle, /):
        """Rotate about a single local axis ('X', 'Y' or 'Z') by `angle` radians."""
        if axis not in ('X', 'Y', 'Z') or type(axis) is not str:
            raise ValueError("Euler.rotate_axis(): expected axis to be 'X', 'Y' or 'Z'")
        angle = _real(angle)
        d = self._mut()
        order = self._get_order()
        m = _rot.euler_to_mat3(d, order)
        m = _rot.mul3(m, _rot.axis_rotation3('XYZ'.index(axis), angle))
        d[:] = _array('f', _rot.mat3_to_euler(m, order, d.tolist()))
        self._w()

    def rotate(self, other, /):
        """Rotate by a Euler, Quaternion or Matrix."""
        from ._vector import any_to_rotmat
        rot = any_to_rotmat(other, "euler.rotate(value)")
        d = self._mut()
        order = self._get_order()
        m = _rot.mul3(rot, _rot.euler_to_mat3(d, order))
        d[:] = _array('f', _rot.mat3_to_euler(m, order, d.tolist()))
        self._w()

    def make_compatible(self, other, /):
        """Shift angles by whole turns to be close to `other` (for interpolation)."""
        old = parse_fixed(other, 3, 3, "euler.make_compatible(other), invalid 'other' arg")
        d = self._mut()
        d[:] = _array('f', _rot.compatible_euler(d.tolist(), old.tolist()))
        self._w()
