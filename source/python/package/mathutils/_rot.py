"""Rotation math on plain Python lists (double precision).

Matrices here are row-major lists of rows (m[row][col]); quaternions are [w, x, y, z];
Eulers are [x, y, z] angles with an order string.
"""

import math
from operator import mul as _mul

from ._common import FLT_EPSILON, f32

acos = math.acos
atan2 = math.atan2
cos = math.cos
sin = math.sin
sqrt = math.sqrt
hypot = math.hypot
PI = math.pi
TWO_PI = 2.0 * math.pi
PI_F = f32(math.pi)
TWO_PI_F = f32(2.0 * math.pi)

EULER_ORDERS = ('XYZ', 'XZY', 'YXZ', 'YZX', 'ZXY', 'ZYX')

# order -> (i, j, k, parity): axes in application order; parity is 1 for odd permutations.
_ORDER_AXES = {
    'XYZ': (0, 1, 2, 0),
    'XZY': (0, 2, 1, 1),
    'YXZ': (1, 0, 2, 1),
    'YZX': (1, 2, 0, 0),
    'ZXY': (2, 0, 1, 0),
    'ZYX': (2, 1, 0, 1),
}


def saacos(x):
    if x <= -1.0:
        return PI
    if x >= 1.0:
        return 0.0
    return acos(x)


def angle_wrap(a):
    """Wraps an angle into [-pi, pi), in float32 arithmetic like Blender (so that pi
    itself becomes -pi)."""
    x = f32(a + PI_F)
    r = f32(x - f32(f32(math.floor(f32(x / TWO_PI_F))) * TWO_PI_F))
    return f32(r - PI_F)


# ------------------------------------------------------------------ 3x3 matrices

def identity3():
    return [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]


def mul3(a, b):
    (b00, b01, b02), (b10, b11, b12), (b20, b21, b22) = b
    return [[x * b00 + y * b10 + z * b20, x * b01 + y * b11 + z * b21,
             x * b02 + y * b12 + z * b22] for x, y, z in a]


def det3(m):
    return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))


def normalize_columns3(m):
    """Copy of m with each column scaled to unit length (zero columns stay zero)."""
    out = [row[:] for row in m]
    for c in range(3):
        ln = sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c])
        if ln > 1e-35:
            inv = 1.0 / ln
            for r in range(3):
                out[r][c] = m[r][c] * inv
        else:
            for r in range(3):
                out[r][c] = 0.0
    return out


def axis_rotation3(axis, angle):
    c = cos(angle)
    s = sin(angle)
    if axis == 0:
        return [[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]]
    if axis == 1:
        return [[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]]
    return [[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]]


def axis_angle_to_mat3(axis, angle):
    """Rotation about a (not necessarily unit) axis; identity for a zero axis."""
    x, y, z = axis
    ln = sqrt(x * x + y * y + z * z)
    if ln == 0.0:
        return identity3()
    x /= ln
    y /= ln
    z /= ln
    c = cos(angle)
    s = sin(angle)
    t = 1.0 - c
    return [
        [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
        [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
        [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
    ]


# ------------------------------------------------------------------ NxN matrices (rows)

def identity_rows(n):
    return [[1.0 if r == c else 0.0 for c in range(n)] for r in range(n)]


def det(m):
    n = len(m)
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    if n == 3:
        return det3(m)
    return adj_det4(m)[1]


def adj_det4(m):
    """(adjugate, determinant) of a 4x4 matrix, from its 2x2 sub-determinants."""
    (a00, a01, a02, a03), (a10, a11, a12, a13), (a20, a21, a22, a23), (a30, a31, a32, a33) = m
    s0 = a00 * a11 - a10 * a01
    s1 = a00 * a12 - a10 * a02
    s2 = a00 * a13 - a10 * a03
    s3 = a01 * a12 - a11 * a02
    s4 = a01 * a13 - a11 * a03
    s5 = a02 * a13 - a12 * a03
    c5 = a22 * a33 - a32 * a23
    c4 = a21 * a33 - a31 * a23
    c3 = a21 * a32 - a31 * a22
    c2 = a20 * a33 - a30 * a23
    c1 = a20 * a32 - a30 * a22
    c0 = a20 * a31 - a30 * a21
    det = s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0
    adj = [
        [a11 * c5 - a12 * c4 + a13 * c3, -a01 * c5 + a02 * c4 - a03 * c3,
         a31 * s5 - a32 * s4 + a33 * s3, -a21 * s5 + a22 * s4 - a23 * s3],
        [-a10 * c5 + a12 * c2 - a13 * c1, a00 * c5 - a02 * c2 + a03 * c1,
         -a30 * s5 + a32 * s2 - a33 * s1, a20 * s5 - a22 * s2 + a23 * s1],
        [a10 * c4 - a11 * c2 + a13 * c0, -a00 * c4 + a01 * c2 - a03 * c0,
         a30 * s4 - a31 * s2 + a33 * s0, -a20 * s4 + a21 * s2 - a23 * s0],
        [-a10 * c3 + a11 * c1 - a12 * c0, a00 * c3 - a01 * c1 + a02 * c0,
         -a30 * s3 + a31 * s1 - a32 * s0, a20 * s3 - a21 * s1 + a22 * s0],
    ]
    return adj, det


def adjugate(m):
    n = len(m)
    if n == 2:
        return [[m[1][1], -m[0][1]], [-m[1][0], m[0][0]]]
    if n == 4:
        return adj_det4(m)[0]
    (a, b, c), (d, e, f), (g, h, i) = m
    return [[e * i - f * h, c * h - b * i, b * f - c * e],
            [f * g - d * i, a * i - c * g, c * d - a * f],
            [d * h - e * g, b * g - a * h, a * e - b * d]]


def mul_rows(a, b):
    cols = list(zip(*b))
    return [[sum(map(_mul, row, col)) for col in cols] for row in a]


def resized_rows(m, n_rows, n_cols):
    out = identity_rows(max(n_rows, n_cols))
    out = [row[:n_cols] for row in out[:n_rows]]
    for r in range(min(n_rows, len(m))):
        for c in range(min(n_cols, len(m[0]))):
            out[r][c] = m[r][c]
    return out




def orthogonal(cols, unit):
    n = len(cols)
    for i in range(n):
        for j in range(i + 1, n):
            if abs(sum(a * b for a, b in zip(cols[i], cols[j]))) > 1e-5:
                return False
        if unit and abs(sum(a * a for a in cols[i]) - 1.0) > 1e-5:
            return False
    return True


def mat3_scale(m3):
    size = [math.sqrt(m3[0][c] ** 2 + m3[1][c] ** 2 + m3[2][c] ** 2) for c in range(3)]
    if det3(m3) < 0.0:
        size = [-s for s in size]
    return size


def interp_m3(a, b, t):
    ua, pa = mat3_polar(a)
    ub, pb = mat3_polar(b)
    if det3(ua) < 0.0:
        ua = [[-x for x in row] for row in ua]
        pa = [[-x for x in row] for row in pa]
    if det3(ub) < 0.0:
        ub = [[-x for x in row] for row in ub]
        pb = [[-x for x in row] for row in pb]
    qa = mat3_to_quat_normalized(ua)
    qb = mat3_to_quat_normalized(ub)
    u = quat_to_mat3(quat_slerp(qa, qb, t))
    p = [[pa[r][c] * (1.0 - t) + pb[r][c] * t for c in range(3)] for r in range(3)]
    return mul3(u, p)


# ------------------------------------------------------------------ Euler

def euler_to_mat3(e, order='XYZ'):
    i, j, k, _parity = _ORDER_AXES[order]
    m = axis_rotation3(i, e[i])
    m = mul3(axis_rotation3(j, e[j]), m)
    return mul3(axis_rotation3(k, e[k]), m)


def _mat3_to_euler2(m, order):
    """The two Euler solutions for a normalized rotation matrix."""
    i, j, k, parity = _ORDER_AXES[order]
    cy = hypot(m[i][i], m[j][i])
    e1 = [0.0, 0.0, 0.0]
    e2 = [0.0, 0.0, 0.0]
    if cy > 16.0 * FLT_EPSILON:
        e1[i] = atan2(m[k][j], m[k][k])
        e1[j] = atan2(-m[k][i], cy)
        e1[k] = atan2(m[j][i], m[i][i])
        e2[i] = atan2(-m[k][j], -m[k][k])
        e2[j] = atan2(-m[k][i], -cy)
        e2[k] = atan2(-m[j][i], -m[i][i])
    else:
        e1[i] = atan2(-m[j][k], m[j][j])
        e1[j] = atan2(-m[k][i], cy)
        e1[k] = 0.0
        e2 = e1[:]
    if parity:
        e1 = [-a for a in e1]
        e2 = [-a for a in e2]
    return e1, e2


def mat3_to_euler(m, order='XYZ', compat=None):
    """Euler angles of a rotation matrix (normalized first); nearest to `compat` if given."""
    m = normalize_columns3(m)
    e1, e2 = _mat3_to_euler2(m, order)
    if compat is None:
        if abs(e1[0]) + abs(e1[1]) + abs(e1[2]) > abs(e2[0]) + abs(e2[1]) + abs(e2[2]):
            return e2
        return e1
    compatible_euler(e1, compat)
    compatible_euler(e2, compat)
    d1 = abs(e1[0] - compat[0]) + abs(e1[1] - compat[1]) + abs(e1[2] - compat[2])
    d2 = abs(e2[0] - compat[0]) + abs(e2[1] - compat[1]) + abs(e2[2] - compat[2])
    return e2 if d1 > d2 else e1


def compatible_euler(e, old):
    """Shifts the angles of `e` (in place) by whole turns to be close to `old`."""
    thresh = 5.1
    d = [0.0, 0.0, 0.0]
    for i in range(3):
        d[i] = e[i] - old[i]
        if d[i] > thresh:
            e[i] -= math.floor(d[i] / TWO_PI + 0.5) * TWO_PI
            d[i] = e[i] - old[i]
        elif d[i] < -thresh:
            e[i] += math.floor(-d[i] / TWO_PI + 0.5) * TWO_PI
            d[i] = e[i] - old[i]
    # one axis turned by more than half a turn while the others stayed small
    for a, b, c in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
        if abs(d[a]) > 3.2 and abs(d[b]) < 1.6 and abs(d[c]) < 1.6:
            if d[a] > 0.0:
                e[a] -= TWO_PI
            else:
                e[a] += TWO_PI
    return e


def euler_to_quat(e, order='XYZ'):
    """Product of the three axis rotations, first axis of `order` applied first."""
    i, j, k, _parity = _ORDER_AXES[order]
    q = _axis_quat(i, e[i])
    q = quat_mul(_axis_quat(j, e[j]), q)
    return quat_mul(_axis_quat(k, e[k]), q)


def _axis_quat(axis, angle):
    q = [cos(angle * 0.5), 0.0, 0.0, 0.0]
    q[axis + 1] = sin(angle * 0.5)
    return q


# ------------------------------------------------------------------ Quaternion

def quat_mul(a, b):
    return [
        a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
        a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
        a[0] * b[2] + a[2] * b[0] + a[3] * b[1] - a[1] * b[3],
        a[0] * b[3] + a[3] * b[0] + a[1] * b[2] - a[2] * b[1],
    ]


def quat_dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]


def quat_normalized(q):
    """(normalized copy, original length); a zero quaternion becomes (0, 1, 0, 0)."""
    ln = sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3])
    if ln != 0.0:
        inv = 1.0 / ln
        return [q[0] * inv, q[1] * inv, q[2] * inv, q[3] * inv], ln
    return [0.0, 1.0, 0.0, 0.0], 0.0


def quat_to_mat3(q):
    """Rotation matrix of q, as the quaternion formula gives it (no normalization)."""
    w, x, y, z = q
    r2 = math.sqrt(2.0)
    q0 = r2 * w
    q1 = r2 * x
    q2 = r2 * y
    q3 = r2 * z
    qda = q0 * q1
    qdb = q0 * q2
    qdc = q0 * q3
    qaa = q1 * q1
    qab = q1 * q2
    qac = q1 * q3
    qbb = q2 * q2
    qbc = q2 * q3
    qcc = q3 * q3
    return [
        [1.0 - qbb - qcc, qab - qdc, qac + qdb],
        [qdc + qab, 1.0 - qaa - qcc, qbc - qda],
        [qac - qdb, qda + qbc, 1.0 - qaa - qbb],
    ]


def mat3_to_quat_normalized(m):
    """Quaternion (w >= 0) of an orthonormal rotation matrix."""
    m00, m01, m02 = m[0]
    m10, m11, m12 = m[1]
    m20, m21, m22 = m[2]
    if m22 < 0.0:
        if m00 > m11:
            trace = 1.0 + m00 - m11 - m22
            s = 2.0 * sqrt(max(trace, 0.0))
            if m21 < m12:
                s = -s
            q = [0.0, 0.25 * s, 0.0, 0.0]
            s = 1.0 / s if s else 0.0
            q[0] = (m21 - m12) * s
            q[2] = (m10 + m01) * s
            q[3] = (m02 + m20) * s
        else:
            trace = 1.0 - m00 + m11 - m22
            s = 2.0 * sqrt(max(trace, 0.0))
            if m02 < m20:
                s = -s
            q = [0.0, 0.0, 0.25 * s, 0.0]
            s = 1.0 / s if s else 0.0
            q[0] = (m02 - m20) * s
            q[1] = (m10 + m01) * s
            q[3] = (m21 + m12) * s
    else:
        if m00 < -m11:
            trace = 1.0 - m00 - m11 + m22
            s = 2.0 * sqrt(max(trace, 0.0))
            if m10 < m01:
                s = -s
            q = [0.0, 0.0, 0.0, 0.25 * s]
            s = 1.0 / s if s else 0.0
            q[0] = (m10 - m01) * s
            q[1] = (m02 + m20) * s
            q[2] = (m21 + m12) * s
        else:
            trace = 1.0 + m00 + m11 + m22
            s = 2.0 * sqrt(max(trace, 0.0))
            q = [0.25 * s, 0.0, 0.0, 0.0]
            s = 1.0 / s if s else 0.0
            q[1] = (m21 - m12) * s
            q[2] = (m02 - m20) * s
            q[3] = (m10 - m01) * s
    return quat_normalized(q)[0]


def mat3_to_quat(m):
    """Quaternion of any 3x3 matrix: scale removed, negative matrices flipped."""
    n = normalize_columns3(m)
    if det3(n) < 0.0:
        n = [[-v for v in row] for row in n]
    return mat3_to_quat_normalized(n)


def axis_angle_to_quat(axis, angle):
    x, y, z = axis
    ln = sqrt(x * x + y * y + z * z)
    if ln == 0.0:
        return [1.0, 0.0, 0.0, 0.0]
    s = sin(angle * 0.5) / ln
    return [cos(angle * 0.5), x * s, y * s, z * s]


def quat_to_axis_angle(q):
    """(axis, angle) of a normalized quaternion; a zero axis becomes +Y."""
    ha = acos(max(-1.0, min(1.0, q[0])))
    si = sin(ha)
    angle = ha * 2.0
    if abs(si) < FLT_EPSILON:
        si = 1.0
    axis = [q[1] / si, q[2] / si, q[3] / si]
    if (axis[0] == 0.0 and axis[1] == 0.0 and axis[2] == 0.0) or not all(
            math.isfinite(a) for a in axis):
        axis = [0.0, 1.0, 0.0]
    if not math.isfinite(angle):
        angle = 0.0
    return axis, angle


def quat_slerp(a, b, t):
    cosom = quat_dot(a, b)
    if cosom < 0.0:
        cosom = -cosom
        a = [-a[0], -a[1], -a[2], -a[3]]
    if 1.0 - cosom > 0.0001:
        omega = acos(cosom)
        sinom = sin(omega)
        s0 = sin((1.0 - t) * omega) / sinom
        s1 = sin(t * omega) / sinom
    else:
        s0 = 1.0 - t
        s1 = t
    return [s0 * a[i] + s1 * b[i] for i in range(4)]


def quat_rotate_vec3(q, v):
    """q * v * conj(q) (not normalized, as Blender does)."""
    w, x, y, z = q
    t0 = -x * v[0] - y * v[1] - z * v[2]
    t1 = w * v[0] + y * v[2] - z * v[1]
    t2 = w * v[1] + z * v[0] - x * v[2]
    t3 = w * v[2] + x * v[1] - y * v[0]
    return [
        t1 * w - t0 * x - t2 * z + t3 * y,
        t2 * w - t0 * y - t3 * x + t1 * z,
        t3 * w - t0 * z - t1 * y + t2 * x,
    ]


def mat3_polar(m):
    """Polar decomposition m = U P (U orthogonal, P symmetric), by Newton iteration."""
    u = [row[:] for row in m]
    for _ in range(100):
        d = det3(u)
        if abs(d) < 1e-30:
            break
        inv_t = [[(u[(c + 1) % 3][(r + 1) % 3] * u[(c + 2) % 3][(r + 2) % 3]
                   - u[(c + 1) % 3][(r + 2) % 3] * u[(c + 2) % 3][(r + 1) % 3]) / d
                  for c in range(3)] for r in range(3)]
        # inv_t is the inverse transposed: (adj(u) / det)^T
        inv_t = [[inv_t[c][r] for c in range(3)] for r in range(3)]
        nxt = [[0.5 * (u[r][c] + inv_t[r][c]) for c in range(3)] for r in range(3)]
        diff = max(abs(nxt[r][c] - u[r][c]) for r in range(3) for c in range(3))
        u = nxt
        if diff < 1e-14:
            break
    ut = [[u[c][r] for c in range(3)] for r in range(3)]
    p = mul3(ut, m)
    return u, p


# ------------------------------------------------------------------ vectors

def ortho_v3(v):
    """A vector perpendicular to v (not normalized)."""
    x, y, z = abs(v[0]), abs(v[1]), abs(v[2])
    axis = (0 if x > z else 2) if x > y else (1 if y > z else 2)
    if axis == 0:
        return [-v[1] - v[2], v[0], v[0]]
    if axis == 1:
        return [v[1], -v[0] - v[2], v[1]]
    return [v[2], v[2], -v[0] - v[1]]


def rotation_between_vecs(v1, v2):
    """Quaternion rotating direction v1 onto v2."""
    axis = [v1[1] * v2[2] - v1[2] * v2[1], v1[2] * v2[0] - v1[0] * v2[2],
            v1[0] * v2[1] - v1[1] * v2[0]]
    ln = sqrt(axis[0] ** 2 + axis[1] ** 2 + axis[2] ** 2)
    l1 = sqrt(v1[0] ** 2 + v1[1] ** 2 + v1[2] ** 2)
    l2 = sqrt(v2[0] ** 2 + v2[1] ** 2 + v2[2] ** 2)
    if ln > FLT_EPSILON:
        axis = [a / ln for a in axis]
        d = (v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2]) / (l1 * l2) if l1 and l2 else 1.0
        angle = saacos(d)
        s = sin(angle * 0.5)
        return [cos(angle * 0.5), axis[0] * s, axis[1] * s, axis[2] * s]
    if v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2] > 0.0:
        return [1.0, 0.0, 0.0, 0.0]
    return axis_angle_to_quat(ortho_v3(v1), PI)


def track_quat(vec, track, up):
    """Quaternion that points axis `track` (0..5: X Y Z -X -Y -Z) along vec, `up` (0..2)."""
    q = [1.0, 0.0, 0.0, 0.0]
    ln = sqrt(vec[0] ** 2 + vec[1] ** 2 + vec[2] ** 2)
    if ln == 0.0:
        return q
    if track > 2:
        t = [-vec[0], -vec[1], -vec[2]]
        track -= 3
    else:
        t = [vec[0], vec[1], vec[2]]
    eps = 1e-4
    if track == 0:
        nor = [0.0, -t[2], t[1]]
        if abs(t[1]) + abs(t[2]) < eps:
            nor[1] = 1.0
        co = t[0]
    elif track == 1:
        nor = [t[2], 0.0, -t[0]]
        if abs(t[0]) + abs(t[2]) < eps:
            nor[2] = 1.0
        co = t[1]
    else:
        nor = [-t[1], t[0], 0.0]
        if abs(t[0]) + abs(t[1]) < eps:
            nor[0] = 1.0
        co = t[2]
    co /= ln
    nl = sqrt(nor[0] ** 2 + nor[1] ** 2 + nor[2] ** 2)
    if nl:
        nor = [n / nl for n in nor]
    angle = saacos(co)
    s = sin(angle * 0.5)
    q = [cos(angle * 0.5), nor[0] * s, nor[1] * s, nor[2] * s]
    if track != up:
        m = quat_to_mat3(q)
        fp = (m[0][2], m[1][2], m[2][2])  # third column: where local Z points
        if track == 0:
            ang = 0.5 * atan2(fp[2], fp[1]) if up == 1 else -0.5 * atan2(fp[1], fp[2])
        elif track == 1:
            ang = -0.5 * atan2(fp[2], fp[0]) if up == 0 else 0.5 * atan2(fp[0], fp[2])
        else:
            ang = 0.5 * atan2(-fp[1], -fp[0]) if up == 0 else -0.5 * atan2(-fp[0], -fp[1])
        co = cos(ang)
        si = sin(ang) / ln
        q2 = [co, t[0] * si, t[1] * si, t[2] * si]
        q = quat_mul(q2, q)
    return q
