// The Weld modifier (see mesh_weld.hh), rebuilt from what Blender 3.4 outputs.
//
// Which vertex a merged group keeps (and so where it lands in the vertex order) is what
// Blender's search picks: in ALL mode a balanced k-d tree whose nodes are visited in their
// balanced order, each not yet merged node taking every unmerged vertex in range; in
// CONNECTED mode the lower index of each short edge, walked in edge order. Every group is
// written where its kept vertex was, at the mean of its members. Edges keep their order,
// minus collapsed ones and later duplicates; faces keep theirs, minus those left with fewer
// than 3 corners and later duplicates (same vertices); each collapsed corner mixes into the
// next corner it runs into.

#include "whisk/geometry/mesh_weld.hh"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

constexpr int32_t kUnset = -1;

struct KdNode {
  float3 co;
  int32_t index;
  int32_t axis = 0;
  int32_t left = kUnset, right = kUnset;
};

/** Partitions nodes around the median on `axis` (a quickselect whose swaps decide the final
 * node order, hence which vertex a group keeps) and recurses with the next axis. Returns
 * the subtree's root. */
int32_t kd_balance(std::vector<KdNode> &nodes, int32_t begin, int32_t size, int axis)
{
  if (size <= 0) {
    return kUnset;
  }
  if (size == 1) {
    return begin;
  }
  KdNode *n = nodes.data() + begin;
  int32_t left = 0, right = size - 1;
  const int32_t median = size / 2;
  /* Sorted input makes this quickselect quadratic (in Blender too). Past a budget of moves
   * the rest is left to nth_element: the same tree shape, but the node order (and so which
   * vertex a group keeps) may then differ from Blender's. */
  int64_t budget = int64_t(size) * 16 + 4096;
  while (right > left) {
    if (budget <= 0) {
      std::nth_element(n + left, n + median, n + right + 1, [&](const KdNode &a, const KdNode &b) {
        return a.co[axis] < b.co[axis];
      });
      break;
    }
    budget -= right - left + 1;
    const float pivot = n[right].co[axis];
    int32_t i = left - 1, j = right;
    while (true) {
      while (n[++i].co[axis] < pivot) {
      }
      while (n[--j].co[axis] > pivot && j > left) {
      }
      if (i >= j) {
        break;
      }
      std::swap(n[i], n[j]);
    }
    std::swap(n[i], n[right]);
    if (i >= median) {
      right = i - 1;
    }
    if (i <= median) {
      left = i + 1;
    }
  }
  KdNode &node = n[median];
  node.axis = axis;
  const int next = (axis + 1) % 3;
  const int32_t l = kd_balance(nodes, begin, median, next);
  const int32_t r = kd_balance(nodes, begin + median + 1, size - median - 1, next);
  nodes[begin + median].left = l;
  nodes[begin + median].right = r;
  return begin + median;
}

/** ALL mode: for each vertex (in balanced tree order) not merged yet, every unmerged vertex
 * within `range` merges into it. Returns dest per vertex (-1: unmerged; a kept vertex maps
 * to itself). */
std::vector<int32_t> merge_map_all(std::span<const float3> positions, float range)
{
  const int32_t n = int32_t(positions.size());
  std::vector<KdNode> nodes(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; i++) {
    nodes[i].co = positions[i];
    nodes[i].index = i;
  }
  const int32_t root = kd_balance(nodes, 0, n, 0);
  std::vector<int32_t> dest(static_cast<size_t>(n), -1);
  const float range_sq = range * range;
  std::vector<int32_t> stack;
  for (int32_t i = 0; i < n; i++) {
    const int32_t search = nodes[i].index;
    if (dest[search] != -1 && dest[search] != search) {
      continue;
    }
    const float3 co = nodes[i].co;
    bool found = false;
    stack.assign(1, root);
    while (!stack.empty()) {
      const KdNode &node = nodes[stack.back()];
      stack.pop_back();
      const int d = node.axis;
      /* Push right before left so the left subtree is visited first, as a recursion would. */
      if (co[d] + range <= node.co[d]) {
        if (node.left != kUnset) {
          stack.push_back(node.left);
        }
        continue;
      }
      if (co[d] - range >= node.co[d]) {
        if (node.right != kUnset) {
          stack.push_back(node.right);
        }
        continue;
      }
      if (node.index != search && dest[node.index] == -1 &&
          length_squared(node.co - co) <= range_sq)
      {
        dest[node.index] = search;
        found = true;
      }
      if (node.right != kUnset) {
        stack.push_back(node.right);
      }
      if (node.left != kUnset) {
        stack.push_back(node.left);
      }
    }
    if (found) {
      dest[search] = search;
    }
  }
  return dest;
}

/** CONNECTED mode: edges (loose ones only, if asked) shorter than `range` between the
 * running centers of the clusters they join merge the higher cluster into the lower. */
std::vector<int32_t> merge_map_connected(const dna::Mesh &mesh, float range, bool only_loose)
{
  const std::span<const float3> positions = kernel::mesh_positions(mesh);
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  const int32_t nv = mesh.verts_num;
  std::vector<bool> loose;
  if (only_loose) {
    loose.assign(size_t(mesh.edges_num), true);
    for (const int32_t e : kernel::mesh_corner_edges(mesh)) {
      loose[e] = false;
    }
  }
  std::vector<int32_t> dest(static_cast<size_t>(nv));
  std::vector<float3> center(positions.begin(), positions.end());
  std::vector<int32_t> merged(static_cast<size_t>(nv), 0);
  for (int32_t v = 0; v < nv; v++) {
    dest[v] = v;
  }
  /* Roots with path compression (which changes no root, only how fast they are found). */
  auto root = [&](int32_t v) {
    int32_t r = v;
    while (r != dest[r]) {
      r = dest[r];
    }
    while (dest[v] != r) {
      v = std::exchange(dest[v], r);
    }
    return r;
  };
  int64_t kills = 0;
  const float range_sq = range * range;
  for (int32_t e = 0; e < mesh.edges_num; e++) {
    if (only_loose && !loose[e]) {
      continue;
    }
    int32_t a = root(edges[e].x), b = root(edges[e].y);
    if (a == b) {
      continue;
    }
    if (a > b) {
      std::swap(a, b);
    }
    const float3 dir = center[b] - center[a];
    if (length_squared(dir) <= range_sq) {
      const float influence = float(merged[b] + 1) / float(merged[a] + merged[b] + 2);
      center[a] = center[a] + dir * influence;
      merged[a] += merged[b] + 1;
      dest[b] = a;
      kills++;
    }
  }
  if (kills == 0) {
    return std::vector<int32_t>(static_cast<size_t>(nv), -1);
  }
  /* Unmerged vertices leave the context; chains point at their root, which maps to itself. */
  for (int32_t v = 0; v < nv; v++) {
    if (dest[v] == v) {
      dest[v] = -1;
    }
    else {
      int32_t root = v;
      while (root != dest[root] && dest[root] != -1) {
        root = dest[root];
      }
      dest[root] = root;
      dest[v] = root;
    }
  }
  return dest;
}

}  // namespace

dna::Mesh mesh_weld_apply(const dna::Mesh &mesh, std::span<const int32_t> dest);

dna::Mesh mesh_weld(const dna::Mesh &mesh, const WeldParams &params)
{
  if (mesh.verts_num == 0) {
    return mesh_copy(mesh);
  }
  const std::vector<int32_t> dest =
      params.mode == WeldParams::Mode::All ?
          merge_map_all(kernel::mesh_positions(mesh), params.merge_threshold) :
          merge_map_connected(mesh, params.merge_threshold, params.loose_edges);
  if (std::ranges::all_of(dest, [](int32_t d) { return d == -1; })) {
    return mesh_copy(mesh);
  }
  return mesh_weld_apply(mesh, dest);
}

}  // namespace whisk::geometry
