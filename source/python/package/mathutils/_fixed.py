"""The sequence protocol of the fixed-size types (Color, Euler, Quaternion): indexing,
slices and item assignment, with each type's own Blender error wording."""

from operator import index as _index

from ._common import MathBase, parse_fixed
from ._vector import _real, _tn


class FixedSequence(MathBase):
    __slots__ = ()
    _SIZE = 3
    _NAME = "item"             # "color indices must be integers", "color[begin:end] = []"
    _ITEM = "item[item]"       # "color[item]: array index out of range"
    _ITEM_NOT_NUMBER = None    # where the "assigned value not a number" wording differs
    _SLICE_GET = ""            # "slice steps not supported with color"
    _SLICE_SET = ""

    def __len__(self):
        return self._SIZE

    def __iter__(self):
        return iter(self._r().tolist())

    def __getitem__(self, key):
        d = self._r()
        if isinstance(key, slice):
            start, stop, step = key.indices(self._SIZE)
            if step != 1:
                raise IndexError(self._SLICE_GET)
            return tuple(d[start:stop])
        if not hasattr(type(key), '__index__'):
            raise TypeError("%s indices must be integers, not %s" % (self._NAME, _tn(key)))
        try:
            return d[_index(key)]
        except IndexError:
            raise IndexError("%s: array index out of range" % self._ITEM) from None

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            start, stop, step = key.indices(self._SIZE)
            if step != 1:
                raise IndexError(self._SLICE_SET)
            n = max(0, stop - start)
            vals = parse_fixed(value, n, n, "%s[begin:end] = []" % self._NAME)
            d = self._mut()
            d[start:start + n] = vals
            self._w()
            return
        if not hasattr(type(key), '__index__'):
            raise TypeError("%s indices must be integers, not %s" % (self._NAME, _tn(key)))
        self._set_item(_index(key), value)

    def _set_item(self, i, value):
        try:
            value = _real(value)
        except TypeError:
            raise TypeError("%s = x: assigned value not a number"
                            % (self._ITEM_NOT_NUMBER or self._ITEM)) from None
        d = self._mut()
        try:
            d[i] = value
        except IndexError:
            raise IndexError("%s = x: array assignment index out of range"
                             % self._ITEM) from None
        self._w()
