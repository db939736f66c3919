"""mathutils.Color."""

from array import array as _array

from ._fixed import FixedSequence
from ._common import MathBase, f32, is_number, parse_fixed, ulp_equal, zeros
from ._vector import _real, _tn

_new = object.__new__


def _col(values):
    c = _new(Color)
    c._d = _array('f', values)
    c._cb = None
    c._frozen = False
    return c


def rgb_to_hsv(r, g, b):
    k = 0.0
    if g < b:
        g, b = b, g
        k = -1.0
    min_gb = b
    if r < g:
        r, g = g, r
        k = -2.0 / 6.0 - k
        min_gb = min(g, b)
    chroma = r - min_gb
    h = abs(k + (g - b) / (6.0 * chroma + 1e-20))
    s = chroma / (r + 1e-20)
    return f32(h), f32(s), f32(r)


def hsv_to_rgb(h, s, v):
    nr = min(1.0, max(0.0, abs(h * 6.0 - 3.0) - 1.0))
    ng = min(1.0, max(0.0, 2.0 - abs(h * 6.0 - 2.0)))
    nb = min(1.0, max(0.0, 2.0 - abs(h * 6.0 - 4.0)))
    return [((nr - 1.0) * s + 1.0) * v, ((ng - 1.0) * s + 1.0) * v, ((nb - 1.0) * s + 1.0) * v]


def _to_srgb(c):
    if c < 0.0031308:
        return 0.0 if c < 0.0 else c * 12.92
    return 1.055 * c ** (1.0 / 2.4) - 0.055


def _from_srgb(c):
    if c < 0.04045:
        return 0.0 if c < 0.0 else c * (1.0 / 12.92)
    return ((c + 0.055) * (1.0 / 1.055)) ** 2.4


def _clamp01(x):
    return 0.0 if x < 0.0 else (1.0 if x > 1.0 else x)


class Color(FixedSequence):
    """Color(rgb=(0, 0, 0)): an RGB color (scene linear)."""

    __slots__ = ()
    _SIZE = 3
    _NAME = "color"
    _ITEM = "color[item]"
    _SLICE_GET = _SLICE_SET = "slice steps not supported with color"
    _type_name = 'Color'

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("mathutils.Color(): takes no keyword args")
        if len(args) > 1:
            raise TypeError("mathutils.Color() takes at most 1 argument (%d given)" % len(args))
        d = parse_fixed(args[0], 3, 3, "mathutils.Color()") if args else zeros(3)
        self = _new(cls)
        self._d = d
        self._cb = None
        self._frozen = False
        return self

    def __repr__(self):
        return "Color(%r)" % (tuple(self._r()),)

    def __str__(self):
        return "<Color (r=%.4f, g=%.4f, b=%.4f)>" % tuple(self._r())

    # -------------------------------------------------- channels

    @property
    def r(self):
        """Red color channel."""
        return self._r()[0]

    @r.setter
    def r(self, value):
        self._set_item(0, value)

    @property
    def g(self):
        """Green color channel."""
        return self._r()[1]

    @g.setter
    def g(self, value):
        self._set_item(1, value)

    @property
    def b(self):
        """Blue color channel."""
        return self._r()[2]

    @b.setter
    def b(self, value):
        self._set_item(2, value)

    @property
    def hsv(self):
        """HSV values in [0, 1]."""
        return rgb_to_hsv(*self._r())

    @hsv.setter
    def hsv(self, value):
        hsv = parse_fixed(value, 3, 3, "Color.hsv = value")
        d = self._mut()
        d[:] = _array('f', hsv_to_rgb(*[_clamp01(x) for x in hsv]))
        self._w()

    def _set_hsv_channel(self, i, value):
        try:
            value = _real(value)
        except TypeError:
            raise TypeError("color.h/s/v = value: assigned value not a number") from None
        d = self._mut()
        hsv = list(rgb_to_hsv(*d))
        hsv[i] = _clamp01(value)
        d[:] = _array('f', hsv_to_rgb(*hsv))
        self._w()

    @property
    def h(self):
        """HSV hue component in [0, 1]."""
        return rgb_to_hsv(*self._r())[0]

    @h.setter
    def h(self, value):
        self._set_hsv_channel(0, value)

    @property
    def s(self):
        """HSV saturation component in [0, 1]."""
        return rgb_to_hsv(*self._r())[1]

    @s.setter
    def s(self, value):
        self._set_hsv_channel(1, value)

    @property
    def v(self):
        """HSV value component in [0, 1]."""
        return rgb_to_hsv(*self._r())[2]

    @v.setter
    def v(self, value):
        self._set_hsv_channel(2, value)

    # -------------------------------------------------- arithmetic

    def _other(self, other, word, op):
        if not isinstance(other, Color) or not isinstance(self, Color):
            raise TypeError("Color %s: (%s %s %s) invalid type for this operation"
                            % (word, _tn(self), op, _tn(other)))
        return other._r()

    def __add__(self, other):
        b = self._other(other, 'addition', '+')
        return _col([x + y for x, y in zip(self._r(), b)])

    def __radd__(self, other):
        raise TypeError("Color addition: (%s + %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __iadd__(self, other):
        b = self._other(other, 'addition', '+=')
        d = self._mut()
        for i in range(3):
            d[i] += b[i]
        self._w()
        return self

    def __sub__(self, other):
        b = self._other(other, 'subtraction', '-')
        return _col([x - y for x, y in zip(self._r(), b)])

    def __rsub__(self, other):
        raise TypeError("Color subtraction: (%s - %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __isub__(self, other):
        b = self._other(other, 'subtraction', '-=')
        d = self._mut()
        for i in range(3):
            d[i] -= b[i]
        self._w()
        return self

    def __mul__(self, other):
        if is_number(other):
            s = float(other)
            return _col([x * s for x in self._r()])
        raise TypeError("Color multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmul__(self, other):
        if is_number(other):
            return self.__mul__(other)
        raise TypeError("Color multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imul__(self, other):
        if not is_number(other):
            raise TypeError("Color multiplication: not supported between '%s' and '%s' types"
                            % (_tn(self), _tn(other)))
        s = float(other)
        d = self._mut()
        for i in range(3):
            d[i] *= s
        self._w()
        return self

    def __truediv__(self, other):
        if not is_number(other) or not isinstance(self, Color):
            raise TypeError("Color multiplication: not supported between '%s' and '%s' types"
                            % (_tn(self), _tn(other)))
        s = float(other)
        if s == 0.0:
            raise ZeroDivisionError("Color division: divide by zero error")
        s = f32(1.0 / s)
        return _col([x * s for x in self._r()])

    def __itruediv__(self, other):
        r = self.__truediv__(other)
        d = self._mut()
        d[:] = r._d
        self._w()
        return self

    def __neg__(self):
        return _col([-x for x in self._r()])

    def __pos__(self):
        return _col(self._r())

    def __eq__(self, other):
        if not isinstance(other, Color):
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
        return _col(self._r())

    def from_scene_linear_to_srgb(self):
        """Convert from scene linear (Rec.709) to sRGB (the sRGB transfer function)."""
        return _col([_to_srgb(x) for x in self._r()])

    def from_srgb_to_scene_linear(self):
        """Convert from sRGB to scene linear (Rec.709)."""
        return _col([_from_srgb(x) for x in self._r()])

    def from_scene_linear_to_rec709_linear(self):
        """Convert from scene linear to Rec.709 linear (identity: Whisk's scene linear is
        Rec.709)."""
        return _col(self._r())

    def from_rec709_linear_to_scene_linear(self):
        """Convert from Rec.709 linear to scene linear (identity)."""
        return _col(self._r())

    def from_scene_linear_to_xyz_d65(self):
        """Convert from scene linear (Rec.709) to CIE XYZ (D65 white point)."""
        return _col(_mul3(_LIN_TO_XYZ, self._r()))

    def from_xyz_d65_to_scene_linear(self):
        """Convert from CIE XYZ (D65 white point) to scene linear (Rec.709)."""
        return _col(_mul3(_XYZ_TO_LIN, self._r()))

    def from_scene_linear_to_aces(self):
        """Convert from scene linear (Rec.709) to ACES2065-1 (AP0)."""
        return _col(_mul3(_LIN_TO_ACES, self._r()))

    def from_aces_to_scene_linear(self):
        """Convert from ACES2065-1 (AP0) to scene linear (Rec.709)."""
        return _col(_mul3(_ACES_TO_LIN, self._r()))


def _mul3(m, v):
    return [m[r][0] * v[0] + m[r][1] * v[1] + m[r][2] * v[2] for r in range(3)]


# Colour space matrices (rows), as Blender's default OpenColorIO configuration gives them.
_LIN_TO_XYZ = ((0.4124564, 0.3575765, 0.1804380),
               (0.2126730, 0.7151527, 0.0721754),
               (0.0193339, 0.1191918, 0.9503046))
_XYZ_TO_LIN = ((3.2404556, -1.5371403, -0.4985322),
               (-0.9692663, 1.8760104, 0.0415557),
               (0.0556432, -0.2040253, 1.0572248))
_LIN_TO_ACES = ((0.4397029, 0.3829799, 0.1773358),
                (0.0897908, 0.8134208, 0.0967609),
                (0.0175440, 0.1115440, 0.8707034))
_ACES_TO_LIN = ((2.5212858, -1.1339508, -0.3874937),
                (-0.2764866, 1.3727508, -0.0962413),
                (-0.0153817, -0.1530120, 1.1686338))
