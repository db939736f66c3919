"""mathutils.geometry: intersections, distances, areas and related helpers.

Points are any sequences of numbers; 3D functions accept 2D points (z = 0) and ignore
components past the third.
"""

import math
from operator import index as _index

from ._common import FLT_EPSILON, f32, parse_fixed, seq_items
from ._vector import Vector, _vec_list, _real

__all__ = (
    'area_tri', 'barycentric_transform', 'closest_point_on_tri', 'distance_point_to_plane',
    'interpolate_bezier', 'intersect_line_line', 'intersect_line_line_2d',
    'intersect_line_plane', 'intersect_line_sphere', 'intersect_line_sphere_2d',
    'intersect_plane_plane', 'intersect_point_line', 'intersect_point_quad_2d',
    'intersect_point_tri', 'intersect_point_tri_2d', 'intersect_ray_tri',
    'intersect_sphere_sphere_2d', 'normal', 'tessellate_polygon', 'volume_tetrahedron',
)

_sqrt = math.sqrt


def _v(value, prefix, size=3, n_min=2, spill=True):
    """A point as a list of `size` floats: zero padded up from `n_min` components and,
    with `spill`, extra components ignored."""
    items = seq_items(value, prefix)
    if spill and len(items) > size:
        items = list(items)[:size]
    a = parse_fixed(items, n_min, size, prefix).tolist()
    while len(a) < size:
        a.append(0.0)
    return a


def _v3s(prefix, *values):
    """3D points (2D ones padded with z = 0)."""
    return [_v(x, prefix) for x in values]


def _s3s(prefix, *values):
    """Strictly 3D points (extra components ignored)."""
    return [_v(x, prefix, 3, 3) for x in values]


def _sub(a, b):
    return [x - y for x, y in zip(a, b)]


def _add(a, b):
    return [x + y for x, y in zip(a, b)]


def _scale(a, s):
    return [x * s for x in a]


def _dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def _cross(a, b):
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]


def _len(a):
    return _sqrt(_dot(a, a))


def _normalized(a):
    ln = _len(a)
    return [x / ln for x in a] if ln > 1e-35 else [0.0] * len(a)


# ------------------------------------------------------------------ intersections

def intersect_ray_tri(v1, v2, v3, ray, orig, clip=True, /):
    """Intersection of a ray with a triangle (None when missed or behind the origin)."""
    v1, v2, v3, ray, orig = _v3s("intersect_ray_tri", v1, v2, v3, ray, orig)
    d = _normalized(ray)
    e1 = _sub(v2, v1)
    e2 = _sub(v3, v1)
    p = _cross(d, e2)
    det = _dot(e1, p)
    if det == 0.0:
        return None
    inv = 1.0 / det
    t = _sub(orig, v1)
    u = _dot(t, p) * inv
    if clip and (u < 0.0 or u > 1.0):
        return None
    q = _cross(t, e1)
    v = _dot(d, q) * inv
    if clip and (v < 0.0 or u + v > 1.0):
        return None
    dist = _dot(e2, q) * inv
    if dist < 0.0:
        return None
    return _vec_list(_add(orig, _scale(d, dist)))


def intersect_line_plane(line_a, line_b, plane_co, plane_no, no_flip=False, /):
    """Point where the (infinite) line through line_a, line_b meets the plane, or None."""
    a, b, co, no = _s3s("intersect_line_plane", line_a, line_b, plane_co, plane_no)
    u = _sub(b, a)
    dot = _dot(no, u)
    if abs(dot) <= FLT_EPSILON:
        return None
    lam = -_dot(no, _sub(a, co)) / dot
    return _vec_list(_add(a, _scale(u, lam)))


def intersect_line_line(v1, v2, v3, v4, /):
    """Closest points (p1 on line 1, p2 on line 2) of two infinite lines, or None."""
    _v(v1, "intersect_line_line")
    size = min(3, len(seq_items(v1, "intersect_line_line")))
    a1, a2, b1, b2 = [_v(x, "intersect_line_line", size, size) + [0.0] * (3 - size)
                      for x in (v1, v2, v3, v4)]
    a = _sub(a2, a1)
    b = _sub(b2, b1)
    c = _sub(b1, a1)
    ab = _cross(a, b)
    div = _dot(ab, ab)
    if div < 1e-12:
        return None
    s = _dot(_cross(c, b), ab) / div
    t = _dot(_cross(c, a), ab) / div
    p1 = _add(a1, _scale(a, s))
    p2 = _add(b1, _scale(b, t))
    return _vec_list(p1[:size]), _vec_list(p2[:size])


def intersect_line_line_2d(lineA_p1, lineA_p2, lineB_p1, lineB_p2, /):
    """Intersection point of two 2D line segments, or None."""
    a1, a2, b1, b2 = [_v(x, "intersect_line_line_2d", 2) for x in
                      (lineA_p1, lineA_p2, lineB_p1, lineB_p2)]
    da = _sub(a2, a1)
    db = _sub(b2, b1)
    div = da[0] * db[1] - da[1] * db[0]
    if div == 0.0:
        return None
    c = _sub(b1, a1)
    t = (c[0] * db[1] - c[1] * db[0]) / div
    u = (c[0] * da[1] - c[1] * da[0]) / div
    if 0.0 <= t <= 1.0 and 0.0 <= u <= 1.0:
        return _vec_list(_add(a1, _scale(da, t)))
    return None


def intersect_point_line(pt, line_p1, line_p2, /):
    """(closest point on the infinite line, factor along line_p1 -> line_p2)."""
    first = seq_items(pt, "intersect_point_line")
    size = 2 if len(first) == 2 else 3
    p, l1, l2 = _v3s("intersect_point_line", pt, line_p1, line_p2)
    u = _sub(l2, l1)
    uu = _dot(u, u)
    lam = _dot(_sub(p, l1), u) / uu if uu else 0.0
    return _vec_list(_add(l1, _scale(u, lam))[:size]), f32(lam)


def _line_sphere(l1, l2, co, r, clip, size):
    d = _sub(l2, l1)
    a = _dot(d, d)
    b = 2.0 * _dot(d, _sub(l1, co))
    c = _dot(co, co) + _dot(l1, l1) - 2.0 * _dot(co, l1) - r * r
    disc = b * b - 4.0 * a * c
    if disc < 0.0:
        return None, None

    def point(num):
        mu = num / (2.0 * a) if a else math.nan
        if clip and (mu < 0.0 or mu > 1.0):
            return None
        return _vec_list(_add(l1, _scale(d, mu))[:size])

    if disc == 0.0:
        return point(-b), None
    root = _sqrt(disc)
    return point(-b + root), point(-b - root)


def intersect_line_sphere(line_a, line_b, sphere_co, sphere_radius, clip=True, /):
    """The two points where a line meets a sphere (each None when missing or clipped)."""
    l1, l2, co = _s3s("intersect_line_sphere", line_a, line_b, sphere_co)
    return _line_sphere(l1, l2, co, _real(sphere_radius), clip, 3)


def intersect_line_sphere_2d(line_a, line_b, sphere_co, sphere_radius, clip=True, /):
    """The two points where a 2D line meets a circle (each None when missing or clipped)."""
    l1, l2, co = [_v(x, "intersect_line_sphere_2d", 2) for x in (line_a, line_b, sphere_co)]
    return _line_sphere(l1, l2, co, _real(sphere_radius), clip, 2)


def intersect_sphere_sphere_2d(p_a, radius_a, p_b, radius_b, /):
    """The two intersection points of two circles, or (None, None)."""
    a = _v(p_a, "intersect_sphere_sphere_2d", 2)
    b = _v(p_b, "intersect_sphere_sphere_2d", 2)
    ra = _real(radius_a)
    rb = _real(radius_b)
    v = _sub(b, a)
    dist = _len(v)
    if dist > ra + rb or dist < abs(ra - rb) or dist < FLT_EPSILON:
        return None, None
    along = (ra * ra - rb * rb + dist * dist) / (2.0 * dist)
    h = _sqrt(max(0.0, ra * ra - along * along))
    mid = _add(a, _scale(v, along / dist))
    off = [v[1] * h / dist, -v[0] * h / dist]
    return _vec_list(_add(mid, off)), _vec_list(_sub(mid, off))


def intersect_plane_plane(plane_a_co, plane_a_no, plane_b_co, plane_b_no, /):
    """(point, direction) of the line where two planes meet, or (None, None)."""
    ca, na, cb, nb = _s3s("intersect_plane_plane", plane_a_co, plane_a_no, plane_b_co,
                          plane_b_no)
    d = _cross(na, nb)
    det = _dot(d, d)
    if det == 0.0:
        return None, None
    ha = _dot(na, ca)
    hb = _dot(nb, cb)
    p = _add(_scale(_cross(nb, d), ha), _scale(_cross(d, na), hb))
    p = _scale(p, 1.0 / det)
    return _vec_list(p), _vec_list(_normalized(d))


def intersect_point_tri(pt, tri_p1, tri_p2, tri_p3, /):
    """`pt` projected onto the triangle's plane if it lies within the triangle, else None."""
    p, a, b, c = _v3s("intersect_point_tri", pt, tri_p1, tri_p2, tri_p3)
    n = _cross(_sub(b, a), _sub(c, a))
    for e0, e1 in ((a, b), (b, c), (c, a)):
        if _dot(_cross(_sub(e1, e0), _sub(p, e0)), n) < 0.0:
            return None
    nn = _normalized(n)
    return _vec_list(_sub(p, _scale(nn, _dot(_sub(p, a), nn))))


def _side(l1, l2, p):
    return (l1[0] - p[0]) * (l2[1] - p[1]) - (l2[0] - p[0]) * (l1[1] - p[1])


def _point_in_poly_2d(p, pts):
    sides = [_side(pts[i], pts[(i + 1) % len(pts)], p) for i in range(len(pts))]
    if all(s >= 0.0 for s in sides):
        return 1
    if all(s < 0.0 for s in sides):
        return -1
    return 0


def intersect_point_tri_2d(pt, tri_p1, tri_p2, tri_p3, /):
    """1 if pt is inside the (counter-clockwise) triangle, -1 inside clockwise, else 0."""
    pts = [_v(x, "intersect_point_tri_2d", 2) for x in (pt, tri_p1, tri_p2, tri_p3)]
    return _point_in_poly_2d(pts[0], pts[1:])


def intersect_point_quad_2d(pt, quad_p1, quad_p2, quad_p3, quad_p4, /):
    """1 if pt is inside the (counter-clockwise) quad, -1 inside clockwise, else 0."""
    pts = [_v(x, "intersect_point_quad_2d", 2) for x in (pt, quad_p1, quad_p2, quad_p3,
                                                          quad_p4)]
    return _point_in_poly_2d(pts[0], pts[1:])


def closest_point_on_tri(pt, tri_p1, tri_p2, tri_p3, /):
    """The point of the triangle closest to pt."""
    p, a, b, c = _v3s("closest_point_on_tri", pt, tri_p1, tri_p2, tri_p3)
    ab = _sub(b, a)
    ac = _sub(c, a)
    ap = _sub(p, a)
    d1 = _dot(ab, ap)
    d2 = _dot(ac, ap)
    if d1 <= 0.0 and d2 <= 0.0:
        return _vec_list(a)
    bp = _sub(p, b)
    d3 = _dot(ab, bp)
    d4 = _dot(ac, bp)
    if d3 >= 0.0 and d4 <= d3:
        return _vec_list(b)
    vc = d1 * d4 - d3 * d2
    if vc <= 0.0 and d1 >= 0.0 and d3 <= 0.0:
        return _vec_list(_add(a, _scale(ab, d1 / (d1 - d3))))
    cp = _sub(p, c)
    d5 = _dot(ab, cp)
    d6 = _dot(ac, cp)
    if d6 >= 0.0 and d5 <= d6:
        return _vec_list(c)
    vb = d5 * d2 - d1 * d6
    if vb <= 0.0 and d2 >= 0.0 and d6 <= 0.0:
        return _vec_list(_add(a, _scale(ac, d2 / (d2 - d6))))
    va = d3 * d6 - d5 * d4
    if va <= 0.0 and (d4 - d3) >= 0.0 and (d5 - d6) >= 0.0:
        w = (d4 - d3) / ((d4 - d3) + (d5 - d6))
        return _vec_list(_add(b, _scale(_sub(c, b), w)))
    denom = 1.0 / (va + vb + vc)
    v = vb * denom
    w = vc * denom
    return _vec_list(_add(a, _add(_scale(ab, v), _scale(ac, w))))


# ------------------------------------------------------------------ measures

def normal(*vectors):
    """Unit normal of a triangle, quad or polygon (given as arguments or one sequence)."""
    if len(vectors) == 1:
        vectors = seq_items(vectors[0], "normal")
    if len(vectors) < 3:
        raise ValueError("Expected 3 or more vectors")
    pts = [_v(x, "normal", 3, 3) for x in vectors]
    if len(pts) == 3:
        n = _cross(_sub(pts[0], pts[1]), _sub(pts[1], pts[2]))
    elif len(pts) == 4:
        n = _cross(_sub(pts[0], pts[2]), _sub(pts[1], pts[3]))
    else:
        n = [0.0, 0.0, 0.0]
        prev = pts[-1]
        for cur in pts:
            n[0] += (prev[1] - cur[1]) * (prev[2] + cur[2])
            n[1] += (prev[2] - cur[2]) * (prev[0] + cur[0])
            n[2] += (prev[0] - cur[0]) * (prev[1] + cur[1])
            prev = cur
    return _vec_list(_normalized(n))


def area_tri(v1, v2, v3, /):
    """Area of a 2D or 3D triangle."""
    size = len(parse_fixed(v1, 2, 3, "area_tri"))
    a, b, c = [_v(x, "area_tri", size, size, False) for x in (v1, v2, v3)]
    if size == 2:
        return f32(abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) * 0.5)
    return f32(_len(_cross(_sub(b, a), _sub(c, a))) * 0.5)


def volume_tetrahedron(v1, v2, v3, v4, /):
    """Volume of a tetrahedron."""
    a, b, c, d = [_v(x, "volume_tetrahedron", 3, 3) for x in (v1, v2, v3, v4)]
    return f32(abs(_dot(_sub(a, d), _cross(_sub(b, d), _sub(c, d)))) / 6.0)


def distance_point_to_plane(pt, plane_co, plane_norm, /):
    """Signed distance from pt to the plane."""
    p, co, no = _s3s("distance_point_to_plane", pt, plane_co, plane_norm)
    ln = _len(no)
    if ln == 0.0:
        return math.nan
    return f32(_dot(_sub(p, co), no) / ln)


def barycentric_transform(point, tri_a1, tri_a2, tri_a3, tri_b1, tri_b2, tri_b3, /):
    """Maps `point` from triangle a to triangle b (barycentric, keeping its plane offset)."""
    p, a1, a2, a3, b1, b2, b3 = [_v(x, "barycentric_transform", 3, 3) for x in
                                 (point, tri_a1, tri_a2, tri_a3, tri_b1, tri_b2, tri_b3)]
    na = _cross(_sub(a2, a1), _sub(a3, a1))
    nb = _cross(_sub(b2, b1), _sub(b3, b1))
    area_a = _len(na) * 0.5
    area_b = _len(nb) * 0.5
    na_u = _normalized(na)
    nb_u = _normalized(nb)
    ofs = _dot(_sub(p, a1), na_u)
    proj = _sub(p, _scale(na_u, ofs))
    v0 = _sub(a2, a1)
    v1 = _sub(a3, a1)
    v2 = _sub(proj, a1)
    d00 = _dot(v0, v0)
    d01 = _dot(v0, v1)
    d11 = _dot(v1, v1)
    d20 = _dot(v2, v0)
    d21 = _dot(v2, v1)
    den = d00 * d11 - d01 * d01
    if den == 0.0:
        w1 = w2 = 0.0
    else:
        w1 = (d11 * d20 - d01 * d21) / den
        w2 = (d00 * d21 - d01 * d20) / den
    w0 = 1.0 - w1 - w2
    out = [w0 * b1[i] + w1 * b2[i] + w2 * b3[i] for i in range(3)]
    if area_a > 0.0:
        out = _add(out, _scale(nb_u, ofs / _sqrt(area_a) * _sqrt(area_b)))
    return _vec_list(out)


def interpolate_bezier(knot1, handle1, handle2, knot2, resolution, /):
    """`resolution` points along a cubic Bezier segment."""
    pts = [seq_items(x, "interpolate_bezier") for x in (knot1, handle1, handle2, knot2)]
    size = min(3, max(len(p) for p in pts))
    k1, h1, h2, k2 = [_v(x, "interpolate_bezier", size) for x in (knot1, handle1, handle2,
                                                                    knot2)]
    resolution = _index(resolution)
    if resolution < 2:
        raise ValueError("resolution must be 2 or over")
    out = []
    for i in range(resolution):
        t = i / (resolution - 1)
        s = 1.0 - t
        out.append(_vec_list([s * s * s * k1[j] + 3.0 * s * s * t * h1[j]
                              + 3.0 * s * t * t * h2[j] + t * t * t * k2[j]
                              for j in range(size)]))
    return out


def tessellate_polygon(veclist_list, /):
    """Triangles (index triples into the concatenated point lists) filling the polygons.

    Each polygon is triangulated on its own by ear clipping (holes are not cut out)."""
    tris = []
    base = 0
    for poly in seq_items(veclist_list, "tessellate_polygon"):
        pts = [_v(p, "tessellate_polygon") for p in seq_items(poly, "tessellate_polygon")]
        tris.extend((base + a, base + b, base + c) for a, b, c in _ear_clip(pts))
        base += len(pts)
    return tris


def _ear_clip(pts):
    n = len(pts)
    if n < 3:
        return []
    nrm = [0.0, 0.0, 0.0]
    for i in range(n):
        p, q = pts[i], pts[(i + 1) % n]
        nrm[0] += (p[1] - q[1]) * (p[2] + q[2])
        nrm[1] += (p[2] - q[2]) * (p[0] + q[0])
        nrm[2] += (p[0] - q[0]) * (p[1] + q[1])
    ax = max(range(3), key=lambda i: abs(nrm[i]))
    u, v = [(1, 2), (2, 0), (0, 1)][ax]
    flat = [(p[u], p[v]) for p in pts]
    if nrm[ax] < 0.0:
        flat = [(x, -y) for x, y in flat]
    idx = list(range(n))
    out = []
    guard = 0
    while len(idx) > 3 and guard < 10 * n:
        guard += 1
        m = len(idx)
        for k in range(m):
            i0, i1, i2 = idx[k - 1], idx[k], idx[(k + 1) % m]
            a, b, c = flat[i0], flat[i1], flat[i2]
            if (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) <= 0.0:
                continue
            if any(_point_in_poly_2d(flat[j], [a, b, c]) == 1 for j in idx
                   if j not in (i0, i1, i2)):
                continue
            out.append((i0, i1, i2))
            idx.pop(k)
            break
        else:
            break
    while len(idx) >= 3:
        out.append((idx[0], idx[1], idx[2]))
        idx.pop(1)
    return out


del Vector
