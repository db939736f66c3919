"""mathutils.Vector."""

from array import array as _array
from operator import index as _index, mul as _mul
import math

from ._common import (
    FLT_EPSILON, MathBase, f32, is_number, parse_fixed, parse_min, seq_items, to_farray,
    to_float, ulp_equal, zeros,
)
from . import _rot

_new = object.__new__
_MISSING = object()
_sqrt = math.sqrt


def _vec(data):
    """A new plain Vector taking ownership of float32 array `data`."""
    v = _new(Vector)
    v._d = data
    v._cb = None
    v._frozen = False
    return v


def _vec_list(values):
    return _vec(_array('f', values))


def _tn(x):
    return type(x).__name__


def _dot(a, b):
    return float(sum(map(_mul, a, b)))


def _real(x, message=None):
    """A float argument; TypeError like Python's "f" argument format otherwise."""
    t = type(x)
    if t is float:
        return x
    if t is int:
        return float(x)
    return to_float(x, message or "must be real number, not %s" % _tn(x))


def _mats():
    from ._matrix import Matrix
    from ._quaternion import Quaternion
    from ._euler import Euler
    return Matrix, Quaternion, Euler


class Vector(MathBase):
    """Vector(seq): a vector of two or more float components (stored as float32)."""

    __slots__ = ()
    _type_name = 'Vector'

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("Vector(): takes no keyword args")
        if not args:
            d = zeros(3)
        elif len(args) == 1:
            d = parse_min(args[0], 2, "mathutils.Vector()")
        else:
            raise TypeError("mathutils.Vector(): more than a single arg given")
        self = _new(cls)
        self._d = d
        self._cb = None
        self._frozen = False
        return self

    # -------------------------------------------------- class constructors

    @classmethod
    def Fill(cls, size, fill=0.0):
        """Vector of `size` components all set to `fill`."""
        size = _index(size)
        fill = _real(fill)
        if size < 2:
            raise RuntimeError("Vector(): invalid size")
        return _vec(_array('f', [fill]) * size)

    @classmethod
    def Range(cls, *args):
        """Vector.Range(stop) / Range(start, stop[, step]): like range()."""
        n = len(args)
        if n == 0:
            raise TypeError("Vector.Range() takes at least 1 argument (0 given)")
        if n > 3:
            raise TypeError("Vector.Range() takes at most 3 arguments (%d given)" % n)
        vals = [_index(a) for a in args]
        start, step = 0, 1
        if n == 1:
            stop = vals[0]
        else:
            start, stop = vals[0], vals[1]
            if n == 3:
                step = vals[2]
        if start > stop:
            raise RuntimeError("Start value is larger than the stop value")
        if step == 0:
            raise ValueError("Vector.Range(): step must not be zero")
        size = stop - start
        if step > 1:
            size = (size + step - 1) // step
        if size < 2:
            raise RuntimeError("Vector(): invalid size")
        return _vec(_array('f', [float(start + i * step) for i in range(size)]))

    @classmethod
    def Linspace(cls, start, stop, size):
        """Vector of `size` values evenly spaced from start to stop (inclusive)."""
        start = _real(start)
        stop = _real(stop)
        size = _index(size)
        if size < 2:
            raise RuntimeError("Vector.Linspace(): invalid size")
        step = (stop - start) / (size - 1)
        return _vec(_array('f', [start + i * step for i in range(size)]))

    @classmethod
    def Repeat(cls, vector, size):
        """Vector of length `size` repeating the components of `vector`."""
        src = parse_min(vector, 2, "Vector.Repeat(vector, vec_num), invalid 'vector' arg")
        size = _index(size)
        if size < 2:
            raise RuntimeError("Vector.Repeat(): invalid vec_num")
        n = len(src)
        return _vec(_array('f', [src[i % n] for i in range(size)]))

    # -------------------------------------------------- text

    def __repr__(self):
        return "Vector(%r)" % (tuple(self._r()),)

    def __str__(self):
        return "<Vector (%s)>" % ", ".join(["%.4f" % x for x in self._r()])

    # -------------------------------------------------- sequence protocol

    def __len__(self):
        return len(self._r())

    def __iter__(self):
        return iter(self._r().tolist())

    def __contains__(self, value):
        return value in self._r()

    def __getitem__(self, key):
        d = self._d if self._cb is None else self._r()
        if type(key) is int:
            try:
                return d[key]
            except IndexError:
                raise IndexError("vector[index]: out of range") from None
        if isinstance(key, slice):
            start, stop, step = key.indices(len(d))
            if step != 1:
                raise IndexError("slice steps not supported with vectors")
            return tuple(d[start:stop])
        if hasattr(type(key), '__index__'):
            return self[_index(key)]
        raise TypeError("vector indices must be integers, not %s" % _tn(key))

    def __setitem__(self, key, value):
        d = self._mut()
        if type(key) is int or (not isinstance(key, slice) and hasattr(type(key), '__index__')):
            value = _real(value, "vector[index] = x: assigned value not a number")
            try:
                d[_index(key)] = value
            except IndexError:
                raise IndexError("vector[index] = x: assignment index out of range") from None
        elif isinstance(key, slice):
            start, stop, step = key.indices(len(d))
            if step != 1:
                raise IndexError("slice steps not supported with vectors")
            n = max(0, stop - start)
            vals = parse_min(value, n, "vector[begin:end] = [...]")
            d[start:start + n] = vals[:n]
        else:
            raise TypeError("vector indices must be integers, not %s" % _tn(key))
        self._w()

    # -------------------------------------------------- components

    def _axis_get(self, i, name):
        d = self._r()
        if i >= len(d):
            raise AttributeError("Vector.%s: unavailable on %dd vector" % (name, len(d)))
        return d[i]

    def _axis_set(self, i, name, value):
        d = self._mut()
        if i >= len(d):
            raise AttributeError("Vector.%s = x: unavailable on %dd vector" % (name, len(d)))
        try:
            d[i] = value
        except TypeError:
            raise TypeError("vector[index] = x: assigned value not a number") from None
        self._w()

    @property
    def x(self):
        """Vector X axis."""
        if self._cb is not None:
            self._r()
        return self._d[0]

    @x.setter
    def x(self, value):
        self._axis_set(0, 'x', value)

    @property
    def y(self):
        """Vector Y axis."""
        if self._cb is not None:
            self._r()
        return self._d[1]

    @y.setter
    def y(self, value):
        self._axis_set(1, 'y', value)

    @property
    def z(self):
        """Vector Z axis (3D Vectors only)."""
        return self._axis_get(2, 'z')

    @z.setter
    def z(self, value):
        self._axis_set(2, 'z', value)

    @property
    def w(self):
        """Vector W axis (4D Vectors only)."""
        return self._axis_get(3, 'w')

    @w.setter
    def w(self, value):
        self._axis_set(3, 'w', value)

    # -------------------------------------------------- arithmetic

    def __add__(self, other):
        if not isinstance(other, Vector) or not isinstance(self, Vector):
            raise AttributeError("Vector addition: (%s + %s) invalid type for this operation"
                                 % (_tn(self), _tn(other)))
        a = self._d if self._cb is None else self._r()
        b = other._d if other._cb is None else other._r()
        if len(a) != len(b):
            raise AttributeError(
                "Vector addition: vectors must have the same dimensions for this operation")
        return _vec(_array('f', [x + y for x, y in zip(a, b)]))

    def __radd__(self, other):
        raise AttributeError("Vector addition: (%s + %s) invalid type for this operation"
                             % (_tn(other), _tn(self)))

    def __iadd__(self, other):
        if not isinstance(other, Vector):
            raise AttributeError("Vector addition: (%s += %s) invalid type for this operation"
                                 % (_tn(self), _tn(other)))
        b = other._r()
        a = self._mut()
        if len(a) != len(b):
            raise AttributeError(
                "Vector addition: vectors must have the same dimensions for this operation")
        for i in range(len(a)):
            a[i] += b[i]
        self._w()
        return self

    def __sub__(self, other):
        if not isinstance(other, Vector) or not isinstance(self, Vector):
            raise AttributeError("Vector subtraction: (%s - %s) invalid type for this operation"
                                 % (_tn(self), _tn(other)))
        a = self._d if self._cb is None else self._r()
        b = other._d if other._cb is None else other._r()
        if len(a) != len(b):
            raise AttributeError(
                "Vector subtraction: vectors must have the same dimensions for this operation")
        return _vec(_array('f', [x - y for x, y in zip(a, b)]))

    def __rsub__(self, other):
        raise AttributeError("Vector subtraction: (%s - %s) invalid type for this operation"
                             % (_tn(other), _tn(self)))

    def __isub__(self, other):
        if not isinstance(other, Vector):
            raise AttributeError("Vector subtraction: (%s -= %s) invalid type for this operation"
                                 % (_tn(self), _tn(other)))
        b = other._r()
        a = self._mut()
        if len(a) != len(b):
            raise AttributeError(
                "Vector subtraction: vectors must have the same dimensions for this operation")
        for i in range(len(a)):
            a[i] -= b[i]
        self._w()
        return self

    def __mul__(self, other):
        a = self._d if self._cb is None else self._r()
        if isinstance(other, Vector):
            b = other._r()
            if len(a) != len(b):
                raise ValueError("Vector multiplication: vectors must have the same "
                                 "dimensions for this operation")
            return _vec(_array('f', [x * y for x, y in zip(a, b)]))
        if is_number(other):
            s = float(other)
            return _vec(_array('f', [x * s for x in a]))
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmul__(self, other):
        if is_number(other):
            s = float(other)
            return _vec(_array('f', [x * s for x in self._r()]))
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imul__(self, other):
        if isinstance(other, Vector):
            b = other._r()
            if len(self._r()) != len(b):
                raise ValueError("Vector multiplication: vectors must have the same "
                                 "dimensions for this operation")
            a = self._mut()
            for i in range(len(a)):
                a[i] *= b[i]
        elif is_number(other):
            s = float(other)
            a = self._mut()
            for i in range(len(a)):
                a[i] *= s
        else:
            raise TypeError("In place element-wise multiplication: not supported between "
                            "'%s' and '%s' types" % (_tn(self), _tn(other)))
        self._w()
        return self

    def __truediv__(self, other):
        if not is_number(other) or not isinstance(self, Vector):
            raise TypeError("Vector division: Vector must be divided by a float")
        s = float(other)
        if s == 0.0:
            raise ZeroDivisionError("Vector division: divide by zero error")
        s = f32(1.0 / s)
        return _vec(_array('f', [x * s for x in self._r()]))

    def __rtruediv__(self, other):
        raise TypeError("Vector division: Vector must be divided by a float")

    def __itruediv__(self, other):
        if not is_number(other):
            raise TypeError("Vector division: Vector must be divided by a float")
        s = float(other)
        if s == 0.0:
            raise ZeroDivisionError("Vector division: divide by zero error")
        s = f32(1.0 / s)
        a = self._mut()
        for i in range(len(a)):
            a[i] *= s
        self._w()
        return self

    def __matmul__(self, other):
        if isinstance(other, Vector):
            a = self._r()
            b = other._r()
            if len(a) != len(b):
                raise ValueError("Vector multiplication: vectors must have the same "
                                 "dimensions for this operation")
            return _dot(a, b)
        Matrix = _mats()[0]
        if isinstance(other, Matrix):
            return other._row_vector_mul(self)
        raise TypeError("Vector multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmatmul__(self, other):
        raise TypeError("Vector multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imatmul__(self, other):
        raise TypeError("In place vector multiplication: not supported between '%s' and '%s' "
                        "types" % (_tn(self), _tn(other)))

    def __neg__(self):
        return _vec(_array('f', [-x for x in self._r()]))

    def __pos__(self):
        return _vec(_array('f', self._r()))

    # -------------------------------------------------- comparison

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        a = self._r()
        b = other._r()
        if len(a) != len(b):
            return False
        if a == b:
            return True
        for x, y in zip(a, b):
            if x != y and not ulp_equal(x, y):
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _lengths(self, other):
        if not isinstance(other, Vector):
            return None
        a = self._r()
        b = other._r()
        if len(a) != len(b):
            return None
        return f32(_sqrt(_dot(a, a))), f32(_sqrt(_dot(b, b)))

    def __lt__(self, other):
        ln = self._lengths(other)
        return ln is not None and ln[0] < ln[1]

    def __le__(self, other):
        ln = self._lengths(other)
        return ln is not None and (ln[0] < ln[1] or ulp_equal(ln[0], ln[1]))

    def __gt__(self, other):
        ln = self._lengths(other)
        return ln is not None and ln[0] > ln[1]

    def __ge__(self, other):
        ln = self._lengths(other)
        return ln is not None and (ln[0] > ln[1] or ulp_equal(ln[0], ln[1]))

    __hash__ = MathBase.__hash__

    # -------------------------------------------------- length

    @property
    def length(self):
        """Vector length."""
        d = self._r()
        return _sqrt(_dot(d, d))

    @length.setter
    def length(self, value):
        value = _real(value)
        if value < 0.0:
            raise ValueError("cannot set a vectors length to a negative value")
        d = self._mut()
        if value == 0.0:
            for i in range(len(d)):
                d[i] = 0.0
            self._w()
            return
        dot = _dot(d, d)
        if not dot:
            return
        dot = _sqrt(dot)
        if dot == value:
            return
        s = 1.0 / (dot / value)
        for i in range(len(d)):
            d[i] *= s
        self._w()

    magnitude = length

    @property
    def length_squared(self):
        """Vector length squared (v.dot(v))."""
        d = self._r()
        return _dot(d, d)

    def normalize(self):
        """Scale this vector to unit length (zero vectors become zero)."""
        d = self._mut()
        n = _dot(d, d)
        if n > 1.0e-35:
            s = f32(1.0 / _sqrt(n))
            for i in range(len(d)):
                d[i] *= s
        else:
            for i in range(len(d)):
                d[i] = 0.0
        self._w()

    def normalized(self):
        """A unit-length copy of this vector."""
        v = self.copy()
        v.normalize()
        return v

    # -------------------------------------------------- products & angles

    def dot(self, other, /):
        """Dot product with another vector."""
        a = self._r()
        b = parse_min(other, len(a), "Vector.dot(other), invalid 'other' arg")
        return _dot(a, b)

    def cross(self, other, /):
        """Cross product (a Vector for 3D, a float for 2D)."""
        a = self._r()
        n = len(a)
        if n > 3:
            raise ValueError("Vector must be 2D or 3D")
        b = parse_fixed(other, n, n, "Vector.cross(other), invalid 'other' arg")
        if n == 3:
            return _vec_list((a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
                              a[0] * b[1] - a[1] * b[0]))
        return f32(a[0] * b[1] - a[1] * b[0])

    def angle(self, other, fallback=_MISSING, /):
        """Angle between two vectors in radians; `fallback` is returned for zero lengths."""
        a = self._r()
        n = len(a)
        b = parse_fixed(other, n, n, "Vector.angle(other), invalid 'other' arg")
        la = _dot(a, a)
        lb = _dot(b, b)
        if not la or not lb:
            if fallback is not _MISSING:
                return fallback
            raise ValueError("Vector.angle(other): zero length vectors have no valid angle")
        return f32(_rot.saacos(_dot(a, b) / (_sqrt(la) * _sqrt(lb))))

    def angle_signed(self, other, fallback=_MISSING, /):
        """Signed angle between two 2D vectors in radians."""
        b = parse_fixed(other, 2, 2, "Vector.angle_signed(other), invalid 'other' arg")
        a = self._r()
        if len(a) != 2:
            raise ValueError("Vector must be 2D")
        if (a[0] == 0.0 and a[1] == 0.0) or (b[0] == 0.0 and b[1] == 0.0):
            if fallback is not _MISSING:
                return fallback
            raise ValueError(
                "Vector.angle_signed(other): zero length vectors have no valid angle")
        perp = a[1] * b[0] - a[0] * b[1]
        return f32(math.atan2(perp, a[0] * b[0] + a[1] * b[1]))

    def lerp(self, other, factor, /):
        """Linear interpolation towards `other` by `factor`."""
        a = self._r()
        b = parse_min(other, len(a), "Vector.lerp(other), invalid 'other' arg")
        t = _real(factor)
        s = 1.0 - t
        return _vec(_array('f', [s * x + t * y for x, y in zip(a, b)]))

    def slerp(self, other, factor, fallback=_MISSING, /):
        """Spherical interpolation of the directions of two vectors."""
        a = self._r()
        n = len(a)
        b = parse_fixed(other, n, n, "Vector.slerp(other), invalid 'other' arg")
        t = _real(factor)
        la = _sqrt(_dot(a, a))
        lb = _sqrt(_dot(b, b))
        if la < FLT_EPSILON or lb < FLT_EPSILON:
            if fallback is not _MISSING:
                return fallback
            raise ValueError("Vector.slerp(): zero length vectors unsupported")
        a = [f32(x / la) for x in a]
        b = [f32(x / lb) for x in b]
        cosom = _dot(a, b)
        if cosom < -1.0 + FLT_EPSILON:
            if fallback is not _MISSING:
                return fallback
            raise ValueError("Vector.slerp(): opposite vectors unsupported")
        if abs(cosom) < 1.0 - 0.0001:
            omega = math.acos(cosom)
            sinom = math.sin(omega)
            w0 = math.sin((1.0 - t) * omega) / sinom
            w1 = math.sin(t * omega) / sinom
        else:
            w0 = 1.0 - t
            w1 = t
        return _vec(_array('f', [w0 * x + w1 * y for x, y in zip(a, b)]))

    def project(self, other, /):
        """Projection of this vector onto `other`."""
        a = self._r()
        b = parse_min(other, len(a), "Vector.project(other), invalid 'other' arg")
        n = len(a)
        d1 = _dot(a, b[:n])
        d2 = _dot(b[:n], b[:n])
        if d2:
            f = f32(d1 / d2)
        else:
            f = math.nan if d1 == 0.0 else math.copysign(math.inf, d1)
        return _vec(_array('f', [f * b[i] for i in range(n)]))

    def reflect(self, mirror, /):
        """Reflection of this vector off a plane with normal `mirror`."""
        m = parse_fixed(mirror, 2, 4, "Vector.reflect(mirror), invalid 'mirror' arg")
        a = self._r()
        n = len(a)
        m3 = [m[0], m[1], m[2] if len(m) > 2 else 0.0]
        v3 = [a[0], a[1], a[2] if len(m) > 2 and n > 2 else 0.0]
        ln = _sqrt(_dot(m3, m3))
        if ln > 1.0e-35:
            m3 = [x / ln for x in m3]
        else:
            m3 = [0.0, 0.0, 0.0]
        d = 2.0 * _dot(v3, m3)
        r = [v3[i] - d * m3[i] for i in range(3)]
        if n == 2:
            r = r[:2]
        elif n > 3:
            r.extend(a[3:])
        return _vec_list(r)

    def orthogonal(self):
        """A vector perpendicular to this one (2D or 3D)."""
        a = self._r()
        if len(a) == 3:
            return _vec_list(_rot.ortho_v3(a))
        if len(a) == 2:
            return _vec_list((-a[1], a[0]))
        raise TypeError("Vector.orthogonal(): Vector must be 3D or 2D")

    # -------------------------------------------------- rotation

    def rotate(self, other, /):
        """Rotate this vector in place by a Euler, Quaternion or Matrix."""
        a = self._r()
        Matrix = _mats()[0]
        if len(a) == 2:
            if not isinstance(other, Matrix):
                raise TypeError("expected a mathutils.Matrix, not a %s" % _tn(other))
            if other._rows != 2 or other._cols != 2:
                raise ValueError("matrix must be 2x2")
            m = other._r()
            c0 = [m[0], m[1]]
            c1 = [m[2], m[3]]
            l0 = _sqrt(_dot(c0, c0)) or 1.0
            l1 = _sqrt(_dot(c1, c1)) or 1.0
            a = self._mut()
            x, y = a[0], a[1]
            a[0] = c0[0] / l0 * x + c1[0] / l1 * y
            a[1] = c0[1] / l0 * x + c1[1] / l1 * y
            self._w()
            return
        m = any_to_rotmat(other, "Vector.rotate(value)")
        a = self._mut()
        x, y, z = a[0], a[1], a[2]
        a[0] = m[0][0] * x + m[0][1] * y + m[0][2] * z
        a[1] = m[1][0] * x + m[1][1] * y + m[1][2] * z
        a[2] = m[2][0] * x + m[2][1] * y + m[2][2] * z
        self._w()

    def rotation_difference(self, other, /):
        """Quaternion rotating this vector's direction onto `other`'s."""
        a = self._r()
        if len(a) < 3 or len(a) > 4:
            raise ValueError("vec.difference(value): expects both vectors to be size 3 or 4")
        b = parse_fixed(other, 3, 4, "Vector.difference(other), invalid 'other' arg")
        Quaternion = _mats()[1]
        return Quaternion._from_list(_rot.rotation_between_vecs(a, b))

    def to_track_quat(self, track='Z', up='Y', /):
        """Quaternion pointing axis `track` along this vector with `up` as the up axis."""
        a = self._r()
        if len(a) != 3:
            raise TypeError("Vector.to_track_quat(): only for 3D vectors")
        t = _TRACK.get(track)
        if t is None:
            raise ValueError("only X, -X, Y, -Y, Z or -Z for track axis")
        u = _UP.get(up)
        if u is None:
            raise ValueError("only X, Y or Z for up axis")
        if t == u or t == u + 3:
            raise ValueError("Can't have the same axis for track and up")
        Quaternion = _mats()[1]
        return Quaternion._from_list(_rot.track_quat(a, t, u))

    # -------------------------------------------------- conversion & size

    def to_2d(self):
        """First two components as a new 2D vector."""
        return _vec(self._r()[:2])

    def to_3d(self):
        """A new 3D vector (padded with zero)."""
        d = self._r()
        v = zeros(3)
        v[:min(3, len(d))] = d[:3]
        return _vec(v)

    def to_4d(self):
        """A new 4D vector (padded with zero, W set to 1)."""
        d = self._r()
        v = _array('f', (0.0, 0.0, 0.0, 1.0))
        v[:min(4, len(d))] = d[:4]
        return _vec(v)

    def to_tuple(self, precision=None, /):
        """The components as a tuple, optionally rounded to `precision` digits."""
        d = self._r()
        if precision is None:
            return tuple(d)
        p = _index(precision)
        if p < 0 or p > 22:
            raise ValueError("Vector.to_tuple(ndigits): ndigits must be between 0 and 21")
        return tuple([round(x, p) for x in d])

    def _resize_check(self, name):
        if self._cb is not None:
            raise TypeError("Vector.%s(): cannot resize a vector that has an owner" % name)

    def resize(self, size, /):
        """Change the number of components (new ones are zero)."""
        try:
            size = _index(size)
        except TypeError:
            raise TypeError(
                "Vector.resize(size): expected size argument to be an integer") from None
        self._resize_check('resize')
        if size < 2:
            raise RuntimeError("Vector.resize(): invalid size")
        d = self._d
        n = len(d)
        if size < n:
            del d[size:]
        else:
            d.extend(zeros(size - n))

    def resized(self, size, /):
        """A copy with `size` components (new ones are zero)."""
        size = _index(size)
        if size < 2:
            raise RuntimeError("Vector.resized(): invalid size")
        d = self._r()
        v = zeros(size)
        v[:min(size, len(d))] = d[:size]
        return _vec(v)

    def resize_2d(self):
        """Resize to 2 components."""
        self._resize_check('resize_2d')
        del self._d[2:]

    def resize_3d(self):
        """Resize to 3 components."""
        self._resize_check('resize_3d')
        d = self._d
        if len(d) == 2:
            d.append(0.0)
        del d[3:]

    def resize_4d(self):
        """Resize to 4 components (W set to 1 when growing)."""
        self._resize_check('resize_4d')
        d = self._d
        if len(d) == 2:
            d.extend((0.0, 1.0))
        elif len(d) == 3:
            d.append(1.0)
        del d[4:]

    def zero(self):
        """Set all components to zero."""
        d = self._mut()
        for i in range(len(d)):
            d[i] = 0.0
        self._w()

    def negate(self):
        """Negate all components."""
        d = self._mut()
        for i in range(len(d)):
            d[i] = -d[i]
        self._w()

    def copy(self):
        """A new, unowned, mutable copy."""
        return _vec(_array('f', self._r()))


_TRACK = {'X': 0, 'Y': 1, 'Z': 2, '-X': 3, '-Y': 4, '-Z': 5}
_UP = {'X': 0, 'Y': 1, 'Z': 2}


def any_to_rotmat(value, prefix):
    """3x3 rotation rows of a Euler, Quaternion or Matrix (scale removed)."""
    Matrix, Quaternion, Euler = _mats()
    if isinstance(value, Euler):
        d = value._r()
        return _rot.euler_to_mat3(d, value._get_order())
    if isinstance(value, Quaternion):
        return _rot.quat_to_mat3(_rot.quat_normalized(value._r())[0])
    if isinstance(value, Matrix):
        if value._rows < 3 or value._cols < 3:
            raise ValueError("%s: matrix must have minimum 3x3 dimensions" % prefix)
        return _rot.normalize_columns3(value._rows3())
    raise TypeError("%s: expected a Euler, Quaternion or Matrix type, found %s"
                    % (prefix, _tn(value)))


# ------------------------------------------------------------------ swizzle attributes

_AXES = 'xyzw'


class _Swizzle:
    """Descriptor for a swizzle attribute such as `v.xzy` (writable without repeats)."""

    __slots__ = ('idx', 'top', 'name', 'writable')

    def __init__(self, name):
        self.name = name
        self.idx = tuple(_AXES.index(c) for c in name)
        self.top = max(self.idx)
        self.writable = len(set(name)) == len(name)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        d = obj._d if obj._cb is None else obj._r()
        if self.top >= len(d):
            raise AttributeError("Vector swizzle: specified axis not present")
        return _vec(_array('f', [d[i] for i in self.idx]))

    def __set__(self, obj, value):
        if not self.writable:
            raise AttributeError("attribute '%s' of 'Vector' objects is not writable" % self.name)
        d = obj._mut()
        if self.top >= len(d):
            raise AttributeError("Vector swizzle: specified axis not present")
        idx = self.idx
        if is_number(value):
            vals = [float(value)] * len(idx)
        else:
            items = seq_items(value, "Vector swizzle")
            if len(items) != len(idx):
                raise AttributeError("Vector swizzle: size does not match swizzle")
            vals = to_farray(items, "Vector swizzle")
        for i, v in zip(idx, vals):
            d[i] = v
        obj._w()


def _add_swizzles():
    import itertools
    for n in (2, 3, 4):
        for combo in itertools.product(_AXES, repeat=n):
            name = ''.join(combo)
            setattr(Vector, name, _Swizzle(name))


_add_swizzles()
