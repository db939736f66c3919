// The mesh algorithms of whisk/kernel/mesh_topology.hh on a 1000 x 1000 vertex grid
// (998,001 quads, ~4M corners), each timed with 1 and 2 TBB threads (the benchmark
// argument). The grid is gently waved so normals and corner angles are not all equal.
//
//   cmake --build build-perf --target whisk_bench_mesh_topology
//   ./build-perf/bench/whisk_bench_mesh_topology [--benchmark_filter=VertNormals]
//
// Output buffers are allocated once outside the timed loop, as the per-mesh cache keeps
// them; functions that return a new container (maps, adapt_domain) include its allocation.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include <tbb/global_control.h>

#include "whisk/kernel/mesh_topology.hh"

namespace {

using namespace whisk;
using namespace whisk::kernel;
using dna::AttrDomain;
using dna::AttrType;

constexpr int32_t kGridSize = 1000;

struct Grid {
  std::vector<float3> positions;
  std::vector<int2> edges;
  std::vector<int32_t> face_offsets, corner_verts, corner_edges;
  MeshTopology topology() const
  {
    return {int32_t(positions.size()), edges, face_offsets, corner_verts, corner_edges};
  }
};

/** Vertices row by row; horizontal edges first, then vertical ones; faces row by row with
 * corners counter-clockwise, the layout Blender's grid primitive uses. */
const Grid &grid()
{
  static const Grid g = [] {
    const int32_t n = kGridSize;
    Grid grid;
    grid.positions.reserve(size_t(n) * n);
    for (int32_t y = 0; y < n; y++) {
      for (int32_t x = 0; x < n; x++) {
        const float z = 0.05f * std::sin(float(x) * 0.07f) * std::cos(float(y) * 0.05f);
        grid.positions.emplace_back(float(x) / n, float(y) / n, z);
      }
    }
    auto vert = [&](int32_t x, int32_t y) { return y * n + x; };
    auto h_edge = [&](int32_t x, int32_t y) { return y * (n - 1) + x; };
    const int32_t h_edges = n * (n - 1);
    auto v_edge = [&](int32_t x, int32_t y) { return h_edges + y * n + x; };
    for (int32_t y = 0; y < n; y++) {
      for (int32_t x = 0; x + 1 < n; x++) {
        grid.edges.emplace_back(vert(x, y), vert(x + 1, y));
      }
    }
    for (int32_t y = 0; y + 1 < n; y++) {
      for (int32_t x = 0; x < n; x++) {
        grid.edges.emplace_back(vert(x, y), vert(x, y + 1));
      }
    }
    grid.face_offsets.push_back(0);
    for (int32_t y = 0; y + 1 < n; y++) {
      for (int32_t x = 0; x + 1 < n; x++) {
        const int32_t verts[4] = {vert(x, y), vert(x + 1, y), vert(x + 1, y + 1), vert(x, y + 1)};
        const int32_t edges[4] = {h_edge(x, y), v_edge(x + 1, y), h_edge(x, y + 1), v_edge(x, y)};
        for (int i = 0; i < 4; i++) {
          grid.corner_verts.push_back(verts[i]);
          grid.corner_edges.push_back(edges[i]);
        }
        grid.face_offsets.push_back(int32_t(grid.corner_verts.size()));
      }
    }
    return grid;
  }();
  return g;
}

const std::vector<float3> &face_normals()
{
  static const std::vector<float3> normals = [] {
    std::vector<float3> n(grid().face_offsets.size() - 1);
    face_normals_calc(grid().positions, grid().topology(), n);
    return n;
  }();
  return normals;
}

/** Every 8th edge sharp: fans split often but most stay large. */
const std::vector<uint8_t> &some_sharp_edges()
{
  static const std::vector<uint8_t> sharp = [] {
    std::vector<uint8_t> s(grid().edges.size());
    for (size_t i = 0; i < s.size(); i += 8) {
      s[i] = 1;
    }
    return s;
  }();
  return sharp;
}

std::span<const bool> as_bools(const std::vector<uint8_t> &v)
{
  return {reinterpret_cast<const bool *>(v.data()), v.size()};
}

/** Limits TBB to the benchmark's argument for the benchmark's lifetime. */
tbb::global_control threads(const benchmark::State &state)
{
  return tbb::global_control(tbb::global_control::max_allowed_parallelism,
                             size_t(state.range(0)));
}

void BM_FaceNormals(benchmark::State &state)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  std::vector<float3> out(g.face_offsets.size() - 1);
  for (auto _ : state) {
    face_normals_calc(g.positions, g.topology(), out);
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_CornerTris(benchmark::State &state)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  const int32_t count = corner_tris_num(g.topology());
  std::vector<int3> tris(static_cast<size_t>(count));
  std::vector<int32_t> tri_faces(static_cast<size_t>(count));
  for (auto _ : state) {
    corner_tris_calc(g.positions, g.topology(), face_normals(), tris, tri_faces);
    benchmark::DoNotOptimize(tris.data());
  }
}

void BM_VertNormals(benchmark::State &state)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  std::vector<float3> out(g.positions.size());
  for (auto _ : state) {
    vert_normals_calc(g.positions, g.topology(), face_normals(), out);
    benchmark::DoNotOptimize(out.data());
  }
}

/** sharp: 0 nothing sharp, 1 every 8th edge sharp, 2 all faces sharp. */
void corner_normals_bench(benchmark::State &state, int sharp)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  std::vector<float3> out(g.corner_verts.size());
  const std::vector<uint8_t> all_faces(g.face_offsets.size() - 1, 1);
  const std::span<const bool> sharp_edges = sharp == 1 ? as_bools(some_sharp_edges()) :
                                                         std::span<const bool>();
  const std::span<const bool> sharp_faces = sharp == 2 ? as_bools(all_faces) :
                                                         std::span<const bool>();
  for (auto _ : state) {
    corner_normals_calc(g.positions, g.topology(), face_normals(), sharp_edges, sharp_faces, out);
    benchmark::DoNotOptimize(out.data());
  }
}
void BM_CornerNormalsSmooth(benchmark::State &state) { corner_normals_bench(state, 0); }
void BM_CornerNormalsSharpEdges(benchmark::State &state) { corner_normals_bench(state, 1); }
void BM_CornerNormalsSharpFaces(benchmark::State &state) { corner_normals_bench(state, 2); }

void BM_EdgesSharpFromAngle(benchmark::State &state)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  std::unique_ptr<bool[]> sharp(new bool[g.edges.size()]());
  for (auto _ : state) {
    edges_sharp_from_angle(g.topology(), face_normals(), 0.01f, {sharp.get(), g.edges.size()});
    benchmark::DoNotOptimize(sharp.get());
  }
}

template<GroupedIndices (*Map)(const MeshTopology &)> void BM_Map(benchmark::State &state)
{
  const auto limit = threads(state);
  for (auto _ : state) {
    GroupedIndices map = Map(grid().topology());
    benchmark::DoNotOptimize(map.indices.data());
  }
}

void adapt_bench(benchmark::State &state, AttrDomain from, AttrDomain to)
{
  const auto limit = threads(state);
  const Grid &g = grid();
  const MeshTopology topology = g.topology();
  const size_t from_size = from == AttrDomain::Face   ? size_t(topology.faces_num()) :
                           from == AttrDomain::Corner ? size_t(topology.corners_num()) :
                           from == AttrDomain::Edge   ? g.edges.size() :
                                                        size_t(topology.verts_num);
  std::vector<float> src(from_size);
  for (size_t i = 0; i < src.size(); i++) {
    src[i] = float(i % 97) * 0.25f;
  }
  const std::span<const std::byte> bytes{reinterpret_cast<const std::byte *>(src.data()),
                                         src.size() * sizeof(float)};
  for (auto _ : state) {
    std::vector<std::byte> dst = adapt_domain(topology, AttrType::Float, bytes, from, to);
    benchmark::DoNotOptimize(dst.data());
  }
}
void BM_AdaptFaceToPoint(benchmark::State &state)
{
  adapt_bench(state, AttrDomain::Face, AttrDomain::Point);
}
void BM_AdaptCornerToPoint(benchmark::State &state)
{
  adapt_bench(state, AttrDomain::Corner, AttrDomain::Point);
}
void BM_AdaptCornerToEdge(benchmark::State &state)
{
  adapt_bench(state, AttrDomain::Corner, AttrDomain::Edge);
}
void BM_AdaptPointToFace(benchmark::State &state)
{
  adapt_bench(state, AttrDomain::Point, AttrDomain::Face);
}

#define MESH_BENCH(fn) BENCHMARK(fn)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()

MESH_BENCH(BM_FaceNormals);
MESH_BENCH(BM_CornerTris);
MESH_BENCH(BM_VertNormals);
MESH_BENCH(BM_CornerNormalsSmooth);
MESH_BENCH(BM_CornerNormalsSharpEdges);
MESH_BENCH(BM_CornerNormalsSharpFaces);
MESH_BENCH(BM_EdgesSharpFromAngle);
MESH_BENCH(BM_Map<vert_to_face_map>)->Name("BM_VertToFaceMap");
MESH_BENCH(BM_Map<vert_to_corner_map>)->Name("BM_VertToCornerMap");
MESH_BENCH(BM_Map<vert_to_edge_map>)->Name("BM_VertToEdgeMap");
MESH_BENCH(BM_Map<edge_to_face_map>)->Name("BM_EdgeToFaceMap");
MESH_BENCH(BM_AdaptFaceToPoint);
MESH_BENCH(BM_AdaptCornerToPoint);
MESH_BENCH(BM_AdaptCornerToEdge);
MESH_BENCH(BM_AdaptPointToFace);

}  // namespace

BENCHMARK_MAIN();
