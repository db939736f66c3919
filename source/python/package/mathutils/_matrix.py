"""mathutils.Matrix (2x2 .. 4x4, stored column-major as float32)."""

from array import array as _array
from operator import index as _index, mul as _mul
import math

from ._common import (
    MathBase, f32, hash_floats, is_number, parse_fixed, seq_items, to_farray, ulp_equal,
)
from . import _rot
from ._vector import Vector, _vec_list, _real, _tn, any_to_rotmat

_new = object.__new__
_MISSING = object()
_CTOR_ERROR = "Matrix(): expects no args or a single arg containing 2-4 numeric sequences"


def _mat(data, rows, cols):
    """A new plain Matrix taking ownership of column-major float32 array `data`."""
    m = _new(Matrix)
    m._d = data
    m._cb = None
    m._frozen = False
    m._rows = rows
    m._cols = cols
    return m


def _from_rows(rows):
    nr = len(rows)
    nc = len(rows[0])
    return _mat(_array('f', [rows[r][c] for c in range(nc) for r in range(nr)]), nr, nc)


class _RowCB:
    """Owner adapter: row `i` of a matrix, as a Vector writing back into the matrix."""

    __slots__ = ('m', 'i')

    def __init__(self, m, i):
        self.m = m
        self.i = i

    @property
    def _math_owner(self):
        return self.m

    def _math_valid(self):
        return self.m.is_valid

    def _math_read(self):
        m = self.m
        return m._r()[self.i::m._rows].tolist()

    def _math_write(self, values):
        m = self.m
        m._mut()[self.i::m._rows] = _array('f', values)
        m._w()


class _ColCB(_RowCB):
    """Owner adapter: column `i` of a matrix."""

    __slots__ = ()

    def _math_read(self):
        m = self.m
        n = m._rows
        return m._r()[self.i * n:(self.i + 1) * n].tolist()

    def _math_write(self, values):
        m = self.m
        n = m._rows
        m._mut()[self.i * n:(self.i + 1) * n] = _array('f', values)
        m._w()


class _TranslationCB(_RowCB):
    """Owner adapter: the translation (first three rows of column 3) of a 4x4 matrix."""

    __slots__ = ()

    def _math_read(self):
        return self.m._r()[12:15].tolist()

    def _math_write(self, values):
        m = self.m
        m._mut()[12:15] = _array('f', values)
        m._w()


def _owned_vec(cb):
    v = _new(Vector)
    v._d = None
    v._cb = cb
    v._frozen = False
    return v


class MatrixAccess:
    """Matrix.row / Matrix.col: indexable views returning vectors that write through."""

    __slots__ = ('_m', '_cb_type')

    def __init__(self, m, cb_type):
        self._m = m
        self._cb_type = cb_type

    def __len__(self):
        m = self._m
        return m._rows if self._cb_type is _RowCB else m._cols

    def __getitem__(self, key):
        n = len(self)
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            if step != 1:
                raise IndexError("slice steps not supported with matrices")
            return tuple(self[i] for i in range(start, stop))
        i = _index(key)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("matrix[attribute]: array index out of range")
        self._m._mut()
        return _owned_vec(self._cb_type(self._m, i))

    def __setitem__(self, key, value):
        n = len(self)
        i = _index(key)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("matrix[attribute] = x: bad row")
        m = self._m
        size = m._cols if self._cb_type is _RowCB else m._rows
        vals = parse_fixed(value, size, size, "matrix[i] = value assignment")
        m._mut()
        self._cb_type(m, i)._math_write(vals.tolist())

    def __iter__(self):
        return iter([self[i] for i in range(len(self))])


class Matrix(MathBase):
    """Matrix(rows): a 2x2 to 4x4 matrix given as a sequence of rows (4x4 identity default)."""

    __slots__ = ('_rows', '_cols')
    _type_name = 'Matrix'

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("Matrix(): takes no keyword args")
        if not args:
            d = _array('f', (1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1))
            nr = nc = 4
        elif len(args) == 1:
            d, nr, nc = _parse_rows(args[0])
        else:
            raise TypeError(_CTOR_ERROR)
        self = _new(cls)
        self._d = d
        self._cb = None
        self._frozen = False
        self._rows = nr
        self._cols = nc
        return self

    # -------------------------------------------------- internal access

    def _rows_list(self):
        d = self._r().tolist()
        nr = self._rows
        return [d[r::nr] for r in range(nr)]

    def _rows3(self):
        """Upper-left 3x3 as rows."""
        return [row[:3] for row in self._rows_list()[:3]]

    def _set_rows(self, rows):
        nr = len(rows)
        nc = len(rows[0])
        d = self._mut()
        if nr != self._rows or nc != self._cols:
            raise ValueError("matrix size changed")
        d[:] = _array('f', [rows[r][c] for c in range(nc) for r in range(nr)])
        self._w()

    def _square(self, name):
        if self._rows != self._cols:
            raise ValueError("%s: only square matrices are supported" % name)

    def _3or4(self, name, what="inappropriate matrix size - expects 3x3 or 4x4 matrix",
              error=ValueError):
        if not ((self._rows == 3 and self._cols == 3) or (self._rows == 4 and self._cols == 4)):
            raise error("%s: %s" % (name, what))

    # -------------------------------------------------- constructors

    @classmethod
    def Identity(cls, size, /):
        """Identity matrix of size x size."""
        size = _index(size)
        if size < 2 or size > 4:
            raise RuntimeError("Matrix.Identity(): size must be between 2 and 4")
        return _from_rows(_rot.identity_rows(size))

    @classmethod
    def Rotation(cls, angle, size, axis=None, /):
        """Rotation matrix of `angle` radians about 'X', 'Y', 'Z' or an axis vector."""
        angle = _rot.angle_wrap(f32(_real(angle)))
        size = _index(size)
        if size not in (2, 3, 4):
            raise ValueError("Matrix.Rotation(): can only return a 2x2 3x3 or 4x4 matrix")
        if size == 2:
            c = math.cos(angle)
            s = math.sin(angle)
            return _from_rows([[c, -s], [s, c]])
        if axis is None:
            raise ValueError(
                "Matrix.Rotation(): axis of rotation for 3d and 4d matrices is required")
        if isinstance(axis, str):
            if axis not in ('X', 'Y', 'Z'):
                raise ValueError("Matrix.Rotation(): 3rd argument axis value must be a 3D "
                                 "vector or a string in 'X', 'Y', 'Z'")
            m = _rot.axis_rotation3('XYZ'.index(axis), angle)
        else:
            vec = parse_fixed(axis, 3, 3, "Matrix.Rotation(angle, size, axis), invalid 'axis' arg")
            m = _rot.axis_angle_to_mat3(vec, angle)
        return _from_rows(_rot.resized_rows(m, size, size))

    @classmethod
    def Translation(cls, vector, /):
        """4x4 translation matrix."""
        v = parse_fixed(vector, 3, 4,
                        "mathutils.Matrix.Translation(vector), invalid vector arg")
        rows = _rot.identity_rows(4)
        for i in range(len(v)):
            rows[i][3] = v[i]
        return _from_rows(rows)

    @classmethod
    def Scale(cls, factor, size, axis=None, /):
        """Scale matrix, uniform or along `axis` only."""
        factor = _real(factor)
        size = _index(size)
        if size not in (2, 3, 4):
            raise ValueError("Matrix.Scale(): can only return a 2x2 3x3 or 4x4 matrix")
        n = 2 if size == 2 else 3
        if axis is None:
            rows = [[factor if r == c else 0.0 for c in range(n)] for r in range(n)]
        else:
            vec = parse_fixed(axis, n, n, "Matrix.Scale(factor, size, axis), invalid 'axis' arg")
            ln = math.sqrt(sum(x * x for x in vec))
            vec = [x / ln for x in vec] if ln else [0.0] * n
            f = factor - 1.0
            rows = [[(1.0 if r == c else 0.0) + f * vec[r] * vec[c] for c in range(n)]
                    for r in range(n)]
        return _from_rows(_rot.resized_rows(rows, size, size))

    @classmethod
    def OrthoProjection(cls, axis, size, /):
        """Projection onto a plane ('X', 'Y', 'XY', 'XZ', 'YZ' or a normal vector)."""
        size = _index(size)
        if size not in (2, 3, 4):
            raise ValueError("Matrix.OrthoProjection(): can only return a 2x2 3x3 or 4x4 matrix")
        n = 2 if size == 2 else 3
        if isinstance(axis, str):
            keep = {2: {'X': 'X', 'Y': 'Y'}, 3: {'XY': 'XY', 'XZ': 'XZ', 'YZ': 'YZ'}}[n].get(axis)
            if keep is None:
                raise ValueError("Matrix.OrthoProjection(): unknown plane, expected: %s, not '%s'"
                                 % ("X, Y" if n == 2 else "XY, XZ, YZ", axis))
            rows = [[1.0 if (r == c and 'XYZ'[r] in keep) else 0.0 for c in range(n)]
                    for r in range(n)]
        else:
            vec = parse_fixed(axis, n, n,
                              "Matrix.OrthoProjection(axis, size), invalid 'axis' arg")
            ln = math.sqrt(sum(x * x for x in vec))
            vec = [x / ln for x in vec] if ln else [0.0] * n
            rows = [[(1.0 if r == c else 0.0) - vec[r] * vec[c] for c in range(n)]
                    for r in range(n)]
        return _from_rows(_rot.resized_rows(rows, size, size))

    @classmethod
    def Shear(cls, plane, size, factor, /):
        """Shear matrix: plane 'X' or 'Y' (2x2, float factor) or 'XY', 'XZ', 'YZ' (pair)."""
        size = _index(size)
        if size not in (2, 3, 4):
            raise ValueError("Matrix.Shear(): can only return a 2x2 3x3 or 4x4 matrix")
        if size == 2:
            f = _real(factor)
            if plane == 'X':
                rows = [[1.0, f], [0.0, 1.0]]
            elif plane == 'Y':
                rows = [[1.0, 0.0], [f, 1.0]]
            else:
                raise ValueError("Matrix.Shear(): expected: X, Y or wrong matrix size for shearing plane")
        else:
            f = parse_fixed(factor, 2, 2, "Matrix.Shear()")
            rows = _rot.identity_rows(3)
            if plane == 'XY':
                rows[0][2] = f[0]
                rows[1][2] = f[1]
            elif plane == 'XZ':
                rows[0][1] = f[0]
                rows[2][1] = f[1]
            elif plane == 'YZ':
                rows[1][0] = f[0]
                rows[2][0] = f[1]
            else:
                raise ValueError("Matrix.Shear(): expected: X, Y, XY, XZ, YZ")
        return _from_rows(_rot.resized_rows(rows, size, size))

    @classmethod
    def Diagonal(cls, vector, /):
        """Square matrix with `vector` on the diagonal."""
        v = parse_fixed(vector, 2, 4, "mathutils.Matrix.Diagonal(vector), invalid vector arg")
        n = len(v)
        return _from_rows([[v[r] if r == c else 0.0 for c in range(n)] for r in range(n)])

    @classmethod
    def LocRotScale(cls, location, rotation, scale, /):
        """4x4 matrix from location, rotation (Euler, Quaternion, 3x3 Matrix) and scale."""
        loc = [0.0, 0.0, 0.0]
        if location is not None:
            loc = parse_fixed(location, 3, 3,
                              "Matrix.LocRotScale(), invalid location argument").tolist()
        rot = _rot.identity3()
        if rotation is not None:
            from ._euler import Euler
            from ._quaternion import Quaternion
            if isinstance(rotation, Quaternion):
                rot = _rot.quat_to_mat3(rotation._r())
            elif isinstance(rotation, Euler):
                rot = _rot.euler_to_mat3(rotation._r(), rotation._get_order())
            elif isinstance(rotation, Matrix):
                if rotation._rows != 3 or rotation._cols != 3:
                    raise ValueError("Matrix.LocRotScale(): inappropriate rotation matrix size "
                                     "- expects 3x3 matrix")
                rot = rotation._rows_list()
            else:
                raise ValueError("Matrix.LocRotScale(): rotation argument must be Matrix, "
                                 "Quaternion, Euler or None")
        scl = [1.0, 1.0, 1.0]
        if scale is not None:
            if is_number(scale):
                raise TypeError("Matrix.LocRotScale(), invalid scale argument")
            scl = parse_fixed(scale, 3, 3, "Matrix.LocRotScale(), invalid scale argument")
        rows = [[rot[r][c] * scl[c] for c in range(3)] + [loc[r]] for r in range(3)]
        rows.append([0.0, 0.0, 0.0, 1.0])
        return _from_rows(rows)

    # -------------------------------------------------- text

    def __reduce__(self):
        return (type(self), ([tuple(r) for r in self._rows_list()],))

    def __repr__(self):
        return "Matrix((%s))" % ",\n        ".join(repr(tuple(r)) for r in self._rows_list())

    def __str__(self):
        rows = [["%.4f" % x for x in row] for row in self._rows_list()]
        widths = [max(len(row[c]) for row in rows) for c in range(self._cols)]
        lines = ["(%s)" % ", ".join(s.rjust(widths[c]) for c, s in enumerate(row)) for row in rows]
        return "<Matrix %dx%d %s>" % (self._rows, self._cols, "\n            ".join(lines))

    # -------------------------------------------------- sequence protocol

    def __len__(self):
        return self._rows

    def __getitem__(self, key):
        if type(key) is int:
            n = self._rows
            i = key + n if key < 0 else key
            if not 0 <= i < n:
                raise IndexError("matrix[attribute]: array index out of range")
            self._mut()
            return _owned_vec(_RowCB(self, i))
        if isinstance(key, slice):
            self._mut()
            start, stop, step = key.indices(self._rows)
            if step != 1:
                raise IndexError("slice steps not supported with matrices")
            return tuple(_owned_vec(_RowCB(self, i)) for i in range(start, stop))
        if hasattr(type(key), '__index__'):
            return self[_index(key)]
        raise TypeError("matrix indices must be integers, not %s" % _tn(key))

    def __setitem__(self, key, value):
        nc = self._cols
        if isinstance(key, slice):
            start, stop, step = key.indices(self._rows)
            if step != 1:
                raise IndexError("slice steps not supported with matrices")
            items = seq_items(value, "matrix[begin:end] = value")
            if len(items) != max(0, stop - start):
                raise ValueError("matrix[begin:end] = []: size mismatch in slice assignment")
            rows = [parse_fixed(v, nc, nc, "matrix[begin:end] = [...]") for v in items]
            self._mut()
            for i, row in enumerate(rows):
                _RowCB(self, start + i)._math_write(row.tolist())
            return
        if not hasattr(type(key), '__index__'):
            raise TypeError("matrix indices must be integers, not %s" % _tn(key))
        i = _index(key)
        n = self._rows
        if i < 0:
            i += n
        vals = parse_fixed(value, nc, nc, "matrix[i] = value assignment")
        if not 0 <= i < n:
            raise IndexError("matrix[attribute] = x: bad row")
        self._mut()
        _RowCB(self, i)._math_write(vals.tolist())

    def __iter__(self):
        self._mut()
        return iter([_owned_vec(_RowCB(self, i)) for i in range(self._rows)])

    @property
    def row(self):
        """Access the matrix by rows (default), (read-only)."""
        return MatrixAccess(self, _RowCB)

    @property
    def col(self):
        """Access the matrix by columns, 3x3 and 4x4 only, (read-only)."""
        return MatrixAccess(self, _ColCB)

    @property
    def translation(self):
        """The translation component of the matrix (4x4 only)."""
        self._r()
        if self._rows != 4 or self._cols != 4:
            raise AttributeError("Matrix.translation: inappropriate matrix size, must be 4x4")
        return _owned_vec(_TranslationCB(self, 3))

    @translation.setter
    def translation(self, value):
        self._mut()
        if self._rows != 4 or self._cols != 4:
            raise AttributeError("Matrix.translation: inappropriate matrix size, must be 4x4")
        v = parse_fixed(value, 3, 3, "Matrix.translation")
        _TranslationCB(self, 3)._math_write(v.tolist())

    @property
    def median_scale(self):
        """The average scale applied to each axis (read-only)."""
        if self._rows < 3 or self._cols < 3:
            raise AttributeError("Matrix.median_scale: inappropriate matrix size, 3x3 minimum")
        m = self._rows3()
        s = 1.0 / math.sqrt(3.0)
        v = [(row[0] + row[1] + row[2]) * s for row in m]
        return f32(math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]))

    # -------------------------------------------------- predicates

    @property
    def is_identity(self):
        """True if this is an identity matrix (read-only)."""
        return all(x == (1.0 if r == c else 0.0)
                   for r, row in enumerate(self._rows_list()) for c, x in enumerate(row))

    @property
    def is_negative(self):
        """True if this matrix results in a negative scale, 3x3 and 4x4 only (read-only)."""
        if not ((self._rows == 3 and self._cols == 3) or (self._rows == 4 and self._cols == 4)):
            raise AttributeError("Matrix.is_negative: inappropriate matrix size - "
                             "expects 3x3 or 4x4 matrix")
        return _rot.det(self._rows_list()) < 0.0

    def _columns(self):
        d = self._r().tolist()
        n = self._rows
        return [d[c * n:(c + 1) * n] for c in range(self._cols)]

    @property
    def is_orthogonal(self):
        """True if this matrix is orthonormal, 3x3 and 4x4 only (read-only)."""
        self._3or4("Matrix.is_orthogonal", error=AttributeError)
        return _rot.orthogonal(self._columns(), True)

    @property
    def is_orthogonal_axis_vectors(self):
        """True if this matrix has got orthogonal axis vectors, 3x3 and 4x4 only."""
        self._3or4("Matrix.is_orthogonal_axis_vectors", error=AttributeError)
        return _rot.orthogonal(self._columns(), False)

    # -------------------------------------------------- arithmetic

    def __matmul__(self, other):
        if isinstance(other, Matrix):
            if self._cols != other._rows:
                raise ValueError("matrix1 * matrix2: matrix1 number of columns and the matrix2 "
                                 "number of rows must be the same")
            return _mat(_matmul_flat(self, other), self._rows, other._cols)
        if isinstance(other, Vector):
            return self._col_vector_mul(other)
        raise TypeError("Matrix multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmatmul__(self, other):
        raise TypeError("Matrix multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imatmul__(self, other):
        if not isinstance(other, Matrix):
            raise TypeError("In place matrix multiplication: not supported between '%s' and "
                            "'%s' types" % (_tn(self), _tn(other)))
        if self._cols != other._rows or other._rows != other._cols:
            raise ValueError("matrix1 * matrix2: matrix1 number of columns and the matrix2 "
                             "number of rows must be the same")
        self._set_rows(_rot.mul_rows(self._rows_list(), other._rows_list()))
        return self

    def _col_vector_mul(self, vec):
        v = vec._r().tolist()
        nr, nc = self._rows, self._cols
        if nc != len(v):
            if nc == 4 and len(v) == 3:
                v.append(1.0)
            else:
                raise ValueError("matrix * vector: len(matrix.col) and len(vector) must be the "
                                 "same, except for 4x4 matrix * 3D vector.")
        d = self._r().tolist()
        out = [sum(map(_mul, d[r::nr], v)) for r in range(nr)]
        if len(vec._d) == 3 and nr == 4:
            del out[3:]
        return _vec_list(out)

    def _row_vector_mul(self, vec):
        v = vec._r().tolist()
        nr, nc = self._rows, self._cols
        if nr != len(v):
            if nr == 4 and len(v) == 3:
                v.append(1.0)
            else:
                raise ValueError("vector * matrix: matrix column size and the vector size "
                                 "must be the same")
        d = self._r().tolist()
        out = [sum(map(_mul, d[c * nr:c * nr + nr], v)) for c in range(nc)]
        if len(vec._d) == 3 and nc == 4:
            del out[3:]
        return _vec_list(out)

    def __mul__(self, other):
        if isinstance(other, Matrix):
            if self._rows != other._rows or self._cols != other._cols:
                raise ValueError("matrix1 * matrix2: matrix1 number of rows/columns and the "
                                 "matrix2 number of rows/columns must be the same")
            b = other._r()
            return _mat(_array('f', [x * y for x, y in zip(self._r(), b)]), self._rows, self._cols)
        if is_number(other):
            s = float(other)
            return _mat(_array('f', [x * s for x in self._r()]), self._rows, self._cols)
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(self), _tn(other)))

    def __rmul__(self, other):
        if is_number(other):
            return self.__mul__(other)
        raise TypeError("Element-wise multiplication: not supported between '%s' and '%s' types"
                        % (_tn(other), _tn(self)))

    def __imul__(self, other):
        if isinstance(other, Matrix) or is_number(other):
            r = self.__mul__(other)
            d = self._mut()
            d[:] = r._d
            self._w()
            return self
        raise TypeError("In place element-wise multiplication: not supported between '%s' and "
                        "'%s' types" % (_tn(self), _tn(other)))

    def _addsub(self, other, sign, word, op):
        if not isinstance(other, Matrix) or not isinstance(self, Matrix):
            raise TypeError("Matrix %s: (%s %s %s) invalid type for this operation"
                            % (word, _tn(self), op, _tn(other)))
        if self._rows != other._rows or self._cols != other._cols:
            raise ValueError("Matrix %s: matrices must have the same dimensions for this "
                             "operation" % word)
        b = other._r()
        return _mat(_array('f', [x + sign * y for x, y in zip(self._r(), b)]),
                    self._rows, self._cols)

    def __add__(self, other):
        return self._addsub(other, 1.0, 'addition', '+')

    def __radd__(self, other):
        raise TypeError("Matrix addition: (%s + %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __sub__(self, other):
        return self._addsub(other, -1.0, 'subtraction', '-')

    def __rsub__(self, other):
        raise TypeError("Matrix subtraction: (%s - %s) invalid type for this operation"
                        % (_tn(other), _tn(self)))

    def __eq__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self._rows != other._rows or self._cols != other._cols:
            return False
        a = self._r()
        b = other._r()
        if a == b:
            return True
        return all(x == y or ulp_equal(x, y) for x, y in zip(a, b))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        if not self._frozen:
            raise TypeError("Matrix is not frozen (mutable), call freeze first")
        return hash_floats([x for row in self._rows_list() for x in row])

    # -------------------------------------------------- methods

    def copy(self):
        """A new, unowned, mutable copy."""
        return _mat(_array('f', self._r()), self._rows, self._cols)

    def determinant(self):
        """Determinant of a square matrix."""
        self._square("Matrix.determinant()")
        return f32(_rot.det(self._rows_list()))

    def _inverse_rows(self, fallback):
        self._square("Matrix.invert(ed)")
        m = self._rows_list()
        det = f32(_rot.det(m))
        if det == 0.0:
            return None
        adj = _rot.adjugate(m)
        return [[x / det for x in row] for row in adj]

    def inverted(self, fallback=_MISSING, /):
        """The inverse matrix; `fallback` is returned for a singular matrix if given."""
        inv = self._inverse_rows(fallback)
        if inv is None:
            if fallback is not _MISSING:
                return fallback
            raise ValueError("Matrix.invert(ed): matrix does not have an inverse")
        return _from_rows(inv)

    def invert(self, fallback=_MISSING, /):
        """Invert in place; a singular matrix becomes `fallback` (a Matrix) if given."""
        self._mut()
        inv = self._inverse_rows(fallback)
        if inv is None:
            if fallback is _MISSING:
                raise ValueError("Matrix.invert(ed): matrix does not have an inverse")
            if not isinstance(fallback, Matrix):
                raise TypeError("Matrix.invert: expects a matrix argument or nothing")
            if fallback._rows != self._rows or fallback._cols != self._cols:
                raise TypeError("Matrix.invert: matrix argument has different dimensions")
            inv = fallback._rows_list()
        self._set_rows(inv)

    def _safe_inverse_rows(self):
        self._square("Matrix.invert_safe")
        m = self._rows_list()
        det = f32(_rot.det(m))
        if det == 0.0:
            m = [[f32(x + 1e-8) if r == c else x for c, x in enumerate(row)]
                 for r, row in enumerate(m)]
            det = f32(_rot.det(m))
            if det == 0.0:
                return _rot.identity_rows(len(m))
        return [[x / det for x in row] for row in _rot.adjugate(m)]

    def inverted_safe(self):
        """The inverse, tweaking degenerate matrices (identity if still singular)."""
        return _from_rows(self._safe_inverse_rows())

    def invert_safe(self):
        """Invert in place, tweaking degenerate matrices."""
        self._mut()
        self._set_rows(self._safe_inverse_rows())

    def adjugated(self):
        """The adjugate (classical adjoint) of a square matrix."""
        self._square("Matrix.adjugate(d)")
        return _from_rows(_rot.adjugate(self._rows_list()))

    def adjugate(self):
        """Replace with the adjugate."""
        self._square("Matrix.adjugate(d)")
        self._mut()
        self._set_rows(_rot.adjugate(self._rows_list()))

    def transposed(self):
        """The transpose of a square matrix."""
        self._square("Matrix.transpose(d)")
        m = self._rows_list()
        return _from_rows([list(c) for c in zip(*m)])

    def transpose(self):
        """Transpose in place."""
        self._square("Matrix.transpose(d)")
        self._mut()
        m = self._rows_list()
        self._set_rows([list(c) for c in zip(*m)])

    def identity(self):
        """Set to the identity matrix (square matrices only)."""
        self._square("Matrix.identity()")
        self._mut()
        self._set_rows(_rot.identity_rows(self._rows))

    def zero(self):
        """Set all values to zero."""
        d = self._mut()
        for i in range(len(d)):
            d[i] = 0.0
        self._w()

    def normalized(self):
        """Copy with normalized axis vectors (3x3 and 4x4 only)."""
        m = self.copy()
        m.normalize()
        return m

    def normalize(self):
        """Normalize the axis vectors in place (3x3 and 4x4 only)."""
        self._square("Matrix.normalize()")
        self._3or4("Matrix.normalize()", "can only use a 3x3 or 4x4 matrix")
        self._mut()
        m = self._rows_list()
        n3 = _rot.normalize_columns3([row[:3] for row in m[:3]])
        for r in range(3):
            m[r][:3] = n3[r]
        self._set_rows(m)

    def _resized(self, n):
        return _from_rows(_rot.resized_rows(self._rows_list(), n, n))

    def to_2x2(self):
        """A new 2x2 matrix (upper-left part)."""
        return self._resized(2)

    def to_3x3(self):
        """A new 3x3 matrix (upper-left part, padded with identity)."""
        return self._resized(3)

    def to_4x4(self):
        """A new 4x4 matrix (padded with identity)."""
        return self._resized(4)

    def resize_4x4(self):
        """Resize in place to 4x4 (padded with identity)."""
        if self._cb is not None:
            raise ValueError("Matrix.resize_4x4(): cannot resize owned data - make a copy and "
                             "resize that")
        rows = _rot.resized_rows(self._rows_list(), 4, 4)
        self._rows = self._cols = 4
        self._d = _array('f', [rows[r][c] for c in range(4) for r in range(4)])

    def to_translation(self):
        """The translation part of a 4x4 (or 3x4) matrix, as a new 3D vector."""
        if self._rows < 3 or self._cols < 4:
            raise ValueError("Matrix.to_translation(): inappropriate matrix size")
        m = self._rows_list()
        return _vec_list([m[0][3], m[1][3], m[2][3]])

    def to_scale(self):
        """Scale of the 3x3 part (negated when the matrix is negative)."""
        if self._rows < 3 or self._cols < 3:
            raise ValueError("Matrix.to_scale(): inappropriate matrix size, 3x3 minimum size")
        return _vec_list(_rot.mat3_scale(self._rows3()))

    def decompose(self):
        """(location Vector, rotation Quaternion, scale Vector) of a 4x4 matrix."""
        from ._quaternion import Quaternion
        if self._rows != 4 or self._cols != 4:
            raise ValueError("Matrix.decompose(): inappropriate matrix size - "
                             "expects 4x4 matrix")
        m = self._rows_list()
        loc = [m[0][3], m[1][3], m[2][3]]
        m3 = [row[:3] for row in m[:3]]
        size = _rot.mat3_scale(m3)
        rot = _rot.normalize_columns3(m3)
        if _rot.det3(rot) < 0.0:
            rot = [[-x for x in row] for row in rot]
        quat = _rot.mat3_to_quat_normalized(rot)
        return _vec_list(loc), Quaternion._from_list(quat), _vec_list(size)

    def to_euler(self, order='XYZ', euler_compat=None, /):
        """Euler angles of the rotation part (3x3 and 4x4 only)."""
        from ._euler import Euler, _parse_order
        self._3or4("Matrix.to_euler()")
        order = _parse_order(order, "Matrix.to_euler()")
        compat = None
        if euler_compat is not None:
            if not isinstance(euler_compat, Euler):
                raise TypeError("to_euler() argument 2 must be Euler, not %s" % _tn(euler_compat))
            compat = euler_compat._r().tolist()
        return Euler._from_list(_rot.mat3_to_euler(self._rows3(), order, compat), order)

    def to_quaternion(self):
        """Quaternion of the rotation part (3x3 and 4x4 only)."""
        from ._quaternion import Quaternion
        self._3or4("Matrix.to_quat()")
        return Quaternion._from_list(_rot.mat3_to_quat(self._rows3()))

    def lerp(self, other, factor, /):
        """Interpolation (rotation and scale separately) towards `other`."""
        if not isinstance(other, Matrix):
            raise TypeError("Matrix.lerp(other, factor): other must be a Matrix, not %s"
                            % _tn(other))
        t = _real(factor)
        if self._rows != other._rows or self._cols != other._cols:
            raise ValueError("Matrix.lerp(): expects both matrix objects of the same dimensions")
        self._3or4("Matrix.lerp()", "only 3x3 and 4x4 matrices supported")
        a = self._rows_list()
        b = other._rows_list()
        r3 = _rot.interp_m3([row[:3] for row in a[:3]], [row[:3] for row in b[:3]], t)
        if self._rows == 3:
            return _from_rows(r3)
        out = [r3[r] + [a[r][3] * (1.0 - t) + b[r][3] * t] for r in range(3)]
        out.append([a[3][c] * (1.0 - t) + b[3][c] * t for c in range(4)])
        return _from_rows(out)

    def rotate(self, other, /):
        """Rotate in place by a Euler, Quaternion or Matrix (3x3 matrices only)."""
        rot = any_to_rotmat(other, "matrix.rotate(value)")
        if self._rows != 3 or self._cols != 3:
            raise ValueError("Matrix.rotate(): must have 3x3 dimensions")
        self._mut()
        self._set_rows(_rot.mul3(rot, self._rows_list()))


def _matmul_flat(a, b):
    """Column-major float32 data of a @ b."""
    da = a._r().tolist()
    db = b._r().tolist()
    nr = a._rows
    nk = a._cols
    rows_a = [da[r::nr] for r in range(nr)]
    cols_b = [db[c:c + nk] for c in range(0, len(db), nk)]
    return _array('f', [sum(map(_mul, ra, cb)) for cb in cols_b for ra in rows_a])


def _parse_rows(value):
    try:
        rows = seq_items(value, _CTOR_ERROR)
    except TypeError:
        raise TypeError(_CTOR_ERROR) from None
    nr = len(rows)
    if nr < 2 or nr > 4:
        raise TypeError(_CTOR_ERROR)
    parsed = []
    for row in rows:
        if is_number(row) or isinstance(row, Matrix):
            raise TypeError(_CTOR_ERROR)
        try:
            items = seq_items(row, _CTOR_ERROR)
            vals = to_farray(items, _CTOR_ERROR)
        except TypeError:
            raise TypeError(_CTOR_ERROR) from None
        parsed.append(vals)
    nc = len(parsed[0])
    if nc < 2 or nc > 4 or any(len(r) != nc for r in parsed):
        raise TypeError(_CTOR_ERROR)
    return _array('f', [parsed[r][c] for c in range(nc) for r in range(nr)]), nr, nc
