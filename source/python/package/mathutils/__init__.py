"""Whisk's mathutils: Blender-compatible Vector, Matrix, Euler, Quaternion and Color.

Values are stored as float32 (like Blender), so a component read back is the float32
value widened to a Python float.

Owned values (the bpy bridge)
-----------------------------
`_owned_vector(owner, size)`, `_owned_matrix(owner, rows, cols)`, `_owned_euler(owner)`,
`_owned_quaternion(owner)` and `_owned_color(owner)` create values whose data lives in
`owner`, an object with:

    _math_read() -> list of floats      (RNA order; matrices column-major:
                                          element (r, c) is at index c * rows + r)
    _math_write(list_of_floats)         (same order; may raise)
    _math_owner                          (what `.owner` returns)
    _math_valid() -> bool                (what `.is_valid` returns)
    _math_euler_order() -> str           (Euler only)
    _math_set_euler_order(order)         (Euler only)

Every read refreshes the value from `_math_read()`; every write sends the whole value
back with `_math_write()`. Copies and arithmetic results are plain (unowned) values.
"""

from ._vector import Vector
from ._matrix import Matrix, MatrixAccess
from ._euler import Euler
from ._quaternion import Quaternion
from ._color import Color
from . import geometry

__all__ = ('Color', 'Euler', 'Matrix', 'Quaternion', 'Vector', 'geometry')

_new = object.__new__


def _owned_vector(owner, size=None):
    """A Vector of `size` components whose data lives in `owner`."""
    v = _new(Vector)
    v._d = None
    v._cb = owner
    v._frozen = False
    return v


def _owned_matrix(owner, rows, cols):
    """A rows x cols Matrix whose (column-major) data lives in `owner`."""
    m = _new(Matrix)
    m._d = None
    m._cb = owner
    m._frozen = False
    m._rows = rows
    m._cols = cols
    return m


def _owned_euler(owner):
    """A Euler whose angles and order live in `owner`."""
    e = _new(Euler)
    e._d = None
    e._cb = owner
    e._frozen = False
    e._order = 'XYZ'
    return e


def _owned_quaternion(owner):
    """A Quaternion (w, x, y, z) whose data lives in `owner`."""
    q = _new(Quaternion)
    q._d = None
    q._cb = owner
    q._frozen = False
    return q


def _owned_color(owner):
    """A Color whose data lives in `owner`."""
    c = _new(Color)
    c._d = None
    c._cb = owner
    c._frozen = False
    return c


for _cls in (Vector, Matrix, MatrixAccess, Euler, Quaternion, Color):
    _cls.__module__ = __name__
del _cls
