"""Shared machinery for the mathutils types: float32 storage, argument parsing with
Blender's error messages, the owner (callback) protocol, freezing and comparison."""

from array import array as _array
from struct import pack as _pack, unpack as _unpack

FLT_EPSILON = 1.1920928955078125e-07

_F32 = _array('f', [0.0])


def f32(x):
    """Rounds a float to float32 precision (as Blender stores it)."""
    _F32[0] = x
    return _F32[0]


def zeros(n):
    return _array('f', bytes(4 * n))


# ------------------------------------------------------------------ numbers & sequences

def is_number(x):
    t = type(x)
    if t is float or t is int or t is bool:
        return True
    if t is str or t is bytes:
        return False
    return hasattr(t, '__float__') or hasattr(t, '__index__')


def to_float(x, message):
    """float(x) for numbers, TypeError(message) for anything else."""
    t = type(x)
    if t is float:
        return x
    if t is int or t is bool:
        return float(x)
    if t is str or t is bytes or not (hasattr(t, '__float__') or hasattr(t, '__index__')):
        raise TypeError(message)
    try:
        return float(x)
    except TypeError:
        return float(x.__index__())


def _bad_item(items, prefix):
    i = len(items)
    while i:
        i -= 1
        if not is_number(items[i]):
            raise TypeError("%s: sequence index %d expected a number, found '%s' type, "
                            % (prefix, i, type(items[i]).__name__))


def seq_items(value, prefix):
    """The items of `value` (list or tuple); TypeError(prefix) when not iterable."""
    t = type(value)
    if t is list or t is tuple:
        return value
    if isinstance(value, MathBase) and value._type_name != 'Matrix':
        return value._r().tolist()
    if t is str or t is bytes or t is bytearray:
        return list(value)
    try:
        return list(value)
    except TypeError:
        raise TypeError(prefix) from None


def to_farray(items, prefix):
    """float32 array of `items` (a list/tuple of checked size), with Blender's item error."""
    try:
        return _array('f', items)
    except TypeError:
        _bad_item(items, prefix)
        raise


def parse_fixed(value, n_min, n_max, prefix):
    """A sequence of n_min..n_max numbers, as a float32 array."""
    if isinstance(value, MathBase) and not isinstance(value, _matrix_type()):
        d = value._r()
        n = len(d)
        if n_min <= n <= n_max:
            return _array('f', d)
        items = d
    else:
        items = seq_items(value, prefix)
        n = len(items)
        if n_min <= n <= n_max:
            return to_farray(items, prefix)
    if n_min == n_max:
        raise ValueError("%s: sequence length is %d, expected %d" % (prefix, n, n_min))
    raise ValueError("%s: sequence length is %d, expected [%d - %d]" % (prefix, n, n_min, n_max))


def parse_min(value, n_min, prefix):
    """A sequence of at least n_min numbers, as a float32 array."""
    if isinstance(value, MathBase) and not isinstance(value, _matrix_type()):
        d = value._r()
        n = len(d)
        if n >= n_min:
            return _array('f', d)
    else:
        items = seq_items(value, prefix)
        n = len(items)
        if n >= n_min:
            return to_farray(items, prefix)
    raise ValueError("%s: sequence size is %d, expected > %d" % (prefix, n, n_min))


_MATRIX = []


def _matrix_type():
    if not _MATRIX:
        from ._matrix import Matrix
        _MATRIX.append(Matrix)
    return _MATRIX[0]


# ------------------------------------------------------------------ comparison & hashing

def _wrap32(i):
    return ((i + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def ulp_equal(a, b, steps=1):
    """float32 values equal within `steps` units in the last place.

    Follows Blender's rule, including its 32-bit integer wrap-around when the signs
    differ (so 0.0 equals -0.0 but not the smallest negative denormal)."""
    if a == b:
        return True
    ai, bi = _unpack('<ii', _pack('<ff', a, b))
    if (ai ^ bi) < 0:
        ai ^= 0x7FFFFFFF
    diff = _wrap32(ai - bi)
    return (_wrap32(steps + diff) | _wrap32(steps - diff)) >= 0


_M64 = (1 << 64) - 1


def hash_floats(values):
    """Hash of a float sequence, the way frozen mathutils values hash in Blender."""
    x = 0x345678
    mult = 1000003
    n = len(values)
    for v in values:
        n -= 1
        x = ((x ^ (hash(v) & _M64)) * mult) & _M64
        mult = (mult + 82520 + n + n) & _M64
    x = (x + 97531) & _M64
    if x >= 1 << 63:
        x -= 1 << 64
    if x == -1:
        x = -2
    return x


# ------------------------------------------------------------------ base class

class MathBase:
    """Storage, owner protocol and freezing shared by every mathutils type.

    `_d` is a float32 array; `_cb` is None or the owner object (see _owned_* in
    __init__.py): reads refresh `_d` from `_cb._math_read()`, writes push it back with
    `_cb._math_write()`.
    """

    __slots__ = ('_d', '_cb', '_frozen')
    _type_name = 'Math'

    def _r(self):
        cb = self._cb
        if cb is None:
            return self._d
        d = self._d = _array('f', cb._math_read())
        return d

    def _w(self):
        cb = self._cb
        if cb is not None:
            cb._math_write(self._d.tolist())

    def _mut(self):
        """Current data, checked writable (not frozen)."""
        if self._frozen:
            raise TypeError("%s is frozen (immutable)" % self._type_name)
        cb = self._cb
        if cb is None:
            return self._d
        d = self._d = _array('f', cb._math_read())
        return d

    # -------------------------------------------------- state

    @property
    def is_frozen(self):
        """True when this object has been frozen (read-only)."""
        return self._frozen

    @property
    def is_wrapped(self):
        """True when this object wraps external data (read-only)."""
        return False

    @property
    def is_valid(self):
        """True when the owner of this data is valid."""
        cb = self._cb
        if cb is None:
            return True
        return bool(cb._math_valid())

    @property
    def owner(self):
        """The item this is wrapping or None (read-only)."""
        cb = self._cb
        if cb is None:
            return None
        return cb._math_owner

    def freeze(self):
        """Make this object immutable; returns self. Owned data can't be frozen."""
        if self._cb is not None:
            raise TypeError("Cannot freeze wrapped/owned data")
        self._frozen = True
        return self

    def __hash__(self):
        if not self._frozen:
            raise TypeError("%s is not frozen (mutable), call freeze first" % self._type_name)
        return hash_floats(self._r().tolist())

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return (type(self), (tuple(self),))
