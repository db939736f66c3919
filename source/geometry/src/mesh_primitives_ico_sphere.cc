// Ico sphere: Blender 3.4's positions, vertex, edge, face and corner order, and UVs, inferred
// from the oracle (tests/fixtures/mesh_primitives.json; checked for subdivisions 1 to 6).
//
// Blender builds an icosahedron and, past one subdivision, cuts every edge of it once with
// N - 1 points (N = 2^(subdivisions - 1)), fills each triangle with the triangular grid of
// side N, and projects every vertex onto the sphere. The lattice point of a face (A, B, C)
// with weights (a, b, c), a + b + c = N, lies at (a*A + b*B + c*C) / N; the orders below
// are those the oracle shows, described in those weights.

#include <array>
#include <cmath>

#include "primitive_builder.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

/* The icosahedron as Blender 3.4 builds it (positions of the unit one, faces, and the UV
 * net of each face's corners), read from the oracle. */
constexpr float ico_positions[12][3] = {
    {0.0f, 0.0f, -1.0f},           {0.7236f, -0.52572f, -0.447215f},
    {-0.276385f, -0.85064f, -0.447215f}, {-0.894425f, 0.0f, -0.447215f},
    {-0.276385f, 0.85064f, -0.447215f},  {0.7236f, 0.52572f, -0.447215f},
    {0.276385f, -0.85064f, 0.447215f},   {-0.7236f, -0.52572f, 0.447215f},
    {-0.7236f, 0.52572f, 0.447215f},     {0.276385f, 0.85064f, 0.447215f},
    {0.894425f, 0.0f, 0.447215f},        {0.0f, 0.0f, 1.0f},
};
constexpr int ico_faces[20][3] = {
    {0, 1, 2},  {1, 0, 5},  {0, 2, 3},  {0, 3, 4},  {0, 4, 5},  {1, 5, 10}, {2, 1, 6},
    {3, 2, 7},  {4, 3, 8},  {5, 4, 9},  {1, 10, 6}, {2, 6, 7},  {3, 7, 8},  {4, 8, 9},
    {5, 9, 10}, {6, 10, 11}, {7, 6, 11}, {8, 7, 11}, {9, 8, 11}, {10, 9, 11},
};
constexpr float ico_uvs[20][3][2] = {
    {{0.181819f, 0.0f}, {0.272728f, 0.157461f}, {0.09091f, 0.157461f}},
    {{0.272728f, 0.157461f}, {0.363637f, 0.0f}, {0.454546f, 0.157461f}},
    {{0.909091f, 0.0f}, {1.0f, 0.157461f}, {0.818182f, 0.157461f}},
    {{0.727273f, 0.0f}, {0.818182f, 0.157461f}, {0.636364f, 0.157461f}},
    {{0.545455f, 0.0f}, {0.636364f, 0.157461f}, {0.454546f, 0.157461f}},
    {{0.272728f, 0.157461f}, {0.454546f, 0.157461f}, {0.363637f, 0.314921f}},
    {{0.09091f, 0.157461f}, {0.272728f, 0.157461f}, {0.181819f, 0.314921f}},
    {{0.818182f, 0.157461f}, {1.0f, 0.157461f}, {0.909091f, 0.314921f}},
    {{0.636364f, 0.157461f}, {0.818182f, 0.157461f}, {0.727273f, 0.314921f}},
    {{0.454546f, 0.157461f}, {0.636364f, 0.157461f}, {0.545455f, 0.314921f}},
    {{0.272728f, 0.157461f}, {0.363637f, 0.314921f}, {0.181819f, 0.314921f}},
    {{0.09091f, 0.157461f}, {0.181819f, 0.314921f}, {0.0f, 0.314921f}},
    {{0.818182f, 0.157461f}, {0.909091f, 0.314921f}, {0.727273f, 0.314921f}},
    {{0.636364f, 0.157461f}, {0.727273f, 0.314921f}, {0.545455f, 0.314921f}},
    {{0.454546f, 0.157461f}, {0.545455f, 0.314921f}, {0.363637f, 0.314921f}},
    {{0.181819f, 0.314921f}, {0.363637f, 0.314921f}, {0.272728f, 0.472382f}},
    {{0.0f, 0.314921f}, {0.181819f, 0.314921f}, {0.09091f, 0.472382f}},
    {{0.727273f, 0.314921f}, {0.909091f, 0.314921f}, {0.818182f, 0.472382f}},
    {{0.545455f, 0.314921f}, {0.727273f, 0.314921f}, {0.636364f, 0.472382f}},
    {{0.363637f, 0.314921f}, {0.545455f, 0.314921f}, {0.454546f, 0.472382f}},
};

/** The icosahedron (Blender's first level), edges included. */
MeshPrimitive icosahedron(const bool calc_uvs)
{
  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(12, 30, 20, 60);
  for (const auto &p : ico_positions) {
    builder.add_vert(float3(p[0], p[1], p[2]));
  }
  for (int f = 0; f < 20; f++) {
    const auto &uv = ico_uvs[f];
    builder.add_face({ico_faces[f][0], ico_faces[f][1], ico_faces[f][2]},
                     {{uv[0][0], uv[0][1]}, {uv[1][0], uv[1][1]}, {uv[2][0], uv[2][1]}});
  }
  return mesh;
}

/** Weights of a lattice point on face (A, B, C). */
struct Weights {
  int a, b, c;
};

/** Vertex numbering of the subdivided icosahedron, Blender's: the 12 corners; then the
 * N - 1 cut points of each icosahedron edge (v0, v1), in edge order, from v0 towards v1;
 * then the inner points of each face, last face first, by rows of c falling from N - 2
 * to 1 and, within a row, a falling from N - c - 1 to 1. */
class Lattice {
 public:
  Lattice(const MeshPrimitive &ico, int n) : ico_(ico), n_(n)
  {
    edge_of_.fill(-1);
    for (size_t e = 0; e < ico.edges.size(); e++) {
      edge_of_[size_t(ico.edges[e].x * 12 + ico.edges[e].y)] = int(e);
      edge_of_[size_t(ico.edges[e].y * 12 + ico.edges[e].x)] = int(e);
    }
  }
  int n() const { return n_; }
  /** Cut point t (0 = v0 .. N = v1) of icosahedron edge e. */
  int cut(int e, int t) const
  {
    const int2 &edge = ico_.edges[size_t(e)];
    return t == 0 ? edge.x : (t == n_ ? edge.y : 12 + e * (n_ - 1) + (t - 1));
  }
  int vert(int f, Weights w) const
  {
    const int *corner = ico_faces[f];
    if (w.a > 0 && w.b > 0 && w.c > 0) {
      const int row_start = (n_ - w.c - 2) * (n_ - w.c - 1) / 2;
      const int per_face = (n_ - 1) * (n_ - 2) / 2;
      return 12 + 30 * (n_ - 1) + (19 - f) * per_face + row_start + (n_ - w.c - 1 - w.a);
    }
    /* On an edge of the face (or a corner): the two ends with their weights. */
    int v0 = corner[0], v1 = corner[1], t = w.b;
    if (w.a == 0) {
      v0 = corner[1], v1 = corner[2], t = w.c;
    }
    else if (w.b == 0) {
      v0 = corner[0], v1 = corner[2], t = w.c;
    }
    const int e = edge_of_[size_t(v0 * 12 + v1)];
    return cut(e, ico_.edges[size_t(e)].x == v0 ? t : n_ - t);
  }

 private:
  const MeshPrimitive &ico_;
  int n_;
  std::array<int, 144> edge_of_;
};

/** One face of the subdivided mesh, by the weights of its corners on icosahedron face f.
 * Its UVs interpolate those of the icosahedron face. */
void add_face(MeshPrimitive &out, const MeshPrimitive &ico, const Lattice &lattice, int f,
              std::initializer_list<Weights> corners, bool calc_uvs)
{
  const int n = lattice.n();
  for (const Weights &w : corners) {
    out.corner_verts.push_back(lattice.vert(f, w));
    if (calc_uvs) {
      const float2 *uv = &ico.uvs[size_t(f) * 3];
      out.uvs.push_back(float2(float((double(uv[0].x) * w.a + double(uv[1].x) * w.b +
                                      double(uv[2].x) * w.c) / n),
                               float((double(uv[0].y) * w.a + double(uv[1].y) * w.b +
                                      double(uv[2].y) * w.c) / n)));
    }
  }
  out.face_offsets.push_back(int32_t(out.corner_verts.size()));
}

MeshPrimitive subdivide(const MeshPrimitive &ico, const int n, const bool calc_uvs)
{
  const Lattice lattice(ico, n);
  const int64_t verts = 10 * int64_t(n) * n + 2, faces = 20 * int64_t(n) * n;
  MeshPrimitive out;
  out.positions.reserve(size_t(verts));
  out.edges.reserve(size_t(faces * 3 / 2));
  out.face_offsets.reserve(size_t(faces + 1));
  out.corner_verts.reserve(size_t(faces * 3));
  out.uvs.reserve(calc_uvs ? size_t(faces * 3) : 0);

  /* Positions on the flat faces, projected onto the unit sphere. */
  auto add_point = [&](int v0, int w0, int v1, int w1, int v2, int w2) {
    double p[3];
    for (int i = 0; i < 3; i++) {
      p[i] = double(ico_positions[v0][i]) * w0 + double(ico_positions[v1][i]) * w1 +
             double(ico_positions[v2][i]) * w2;
    }
    const double len = std::sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
    out.positions.push_back(float3(float(p[0] / len), float(p[1] / len), float(p[2] / len)));
  };
  for (int v = 0; v < 12; v++) {
    add_point(v, 1, v, 0, v, 0);
  }
  for (const int2 &e : ico.edges) {
    for (int t = 1; t < n; t++) {
      add_point(e.x, n - t, e.y, t, e.y, 0);
    }
  }
  for (int f = 19; f >= 0; f--) {
    const int *k = ico_faces[f];
    for (int c = n - 2; c >= 1; c--) {
      for (int a = n - c - 1; a >= 1; a--) {
        add_point(k[0], a, k[1], n - a - c, k[2], c);
      }
    }
  }

  /* Edges: each icosahedron edge's last piece (cut N-1, v1) keeps its place; then every
   * edge's other pieces from v0 on. Then per face, last face first: each line of constant
   * c (c = N-1 .. 1), its piece ending on edge BC first and then the others from edge CA
   * on; then the diagonals of each strip between the lines c = N-k and c = N-k-1 (k = 1
   * .. N-1), two per step m along it. */
  for (size_t e = 0; e < ico.edges.size(); e++) {
    out.edges.push_back({lattice.cut(int(e), n - 1), lattice.cut(int(e), n)});
  }
  for (size_t e = 0; e < ico.edges.size(); e++) {
    for (int t = 0; t + 1 < n; t++) {
      out.edges.push_back({lattice.cut(int(e), t), lattice.cut(int(e), t + 1)});
    }
  }
  auto edge = [&](int f, Weights w0, Weights w1) {
    out.edges.push_back({lattice.vert(f, w0), lattice.vert(f, w1)});
  };
  for (int f = 19; f >= 0; f--) {
    for (int c = n - 1; c >= 1; c--) {
      edge(f, {1, n - c - 1, c}, {0, n - c, c});
      for (int b = 0; b + 1 < n - c; b++) {
        edge(f, {n - c - b, b, c}, {n - c - b - 1, b + 1, c});
      }
    }
    for (int k = 1; k < n; k++) {
      for (int m = 0; m < k; m++) {
        edge(f, {k - m, m, n - k}, {k - m, m + 1, n - k - 1});
        edge(f, {k - m - 1, m + 1, n - k}, {k - m, m + 1, n - k - 1});
      }
    }
  }

  /* Faces: each icosahedron face becomes, in place, its corner-A triangle. Then per face,
   * last face first: the other triangles on edge CA (from C towards A), then for each strip
   * between the lines c = N-k and c = N-k-1, from edge CA towards edge BC, a downward and
   * an upward triangle per step. */
  out.face_offsets.push_back(0);
  for (int f = 0; f < 20; f++) {
    add_face(out, ico, lattice, f, {{n, 0, 0}, {n - 1, 1, 0}, {n - 1, 0, 1}}, calc_uvs);
  }
  for (int f = 19; f >= 0; f--) {
    for (int i = 1; i < n; i++) {
      add_face(out, ico, lattice, f, {{i, 0, n - i}, {i - 1, 1, n - i}, {i - 1, 0, n - i + 1}},
               calc_uvs);
    }
    for (int k = 1; k < n; k++) {
      for (int m = 0; m < k; m++) {
        const int a = k - m, c = n - k;
        add_face(out, ico, lattice, f, {{a, m, c}, {a, m + 1, c - 1}, {a - 1, m + 1, c}},
                 calc_uvs);
        add_face(out, ico, lattice, f,
                 {{a, m + 1, c - 1}, {a - 1, m + 2, c - 1}, {a - 1, m + 1, c}}, calc_uvs);
      }
    }
  }
  return out;
}

}  // namespace

MeshPrimitive primitive_ico_sphere(int subdivisions, float radius, const bool calc_uvs)
{
  const int levels = clamp_count(subdivisions, 1, max_ico_subdivisions);
  radius = clamp_size(radius);
  const int64_t n = int64_t(1) << (levels - 1);
  check_element_counts("ico_sphere", 10 * n * n + 2, 60 * n * n);
  MeshPrimitive mesh = icosahedron(calc_uvs);
  if (levels > 1) {
    mesh = subdivide(mesh, int(n), calc_uvs);
  }
  /* The icosahedron keeps its table's points; subdivided ones lie on the unit sphere. */
  for (float3 &p : mesh.positions) {
    p = p * radius;
  }
  return mesh;
}

}  // namespace whisk::geometry
