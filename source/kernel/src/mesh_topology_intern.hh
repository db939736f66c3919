#pragma once
// Helpers shared by the mesh algorithm files (mesh_normals.cc, mesh_tessellate.cc,
// mesh_mapping.cc, attribute_interpolate.cc). Not part of the kernel's API.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "whisk/kernel/mesh_topology.hh"

namespace whisk::kernel::mesh_intern {

/** Runs fn(i) for every i in [0, size) in parallel chunks of at least `grain` items. */
template<typename Fn> void parallel_each(int64_t size, int64_t grain, const Fn &fn)
{
  tbb::parallel_for(tbb::blocked_range<int64_t>(0, size, grain),
                    [&](const tbb::blocked_range<int64_t> &range) {
                      for (int64_t i = range.begin(); i != range.end(); ++i) {
                        fn(i);
                      }
                    });
}

/** Runs fn(begin, end) over parallel chunks of [0, size) of at least `grain` items. */
template<typename Fn> void parallel_each_range(int64_t size, int64_t grain, const Fn &fn)
{
  tbb::parallel_for(tbb::blocked_range<int64_t>(0, size, grain),
                    [&](const tbb::blocked_range<int64_t> &range) {
                      fn(range.begin(), range.end());
                    });
}

/** Normalizes like Blender's normalize_v3: vectors shorter than ~1e-17 become zero (a plain
 * length > 0 test would turn denormal-length vectors into huge ones). Returns the length. */
inline float normalize_checked(float3 &v)
{
  const float length_sq = dot(v, v);
  if (length_sq > 1.0e-35f) {
    const float length = std::sqrt(length_sq);
    v = v * (1.0f / length);
    return length;
  }
  v = float3();
  return 0.0f;
}

/** acos clamped to its domain, so rounding past +-1 does not give NaN. */
inline float safe_acos(float cosine)
{
  if (cosine <= -1.0f) {
    return float(M_PI);
  }
  if (cosine >= 1.0f) {
    return 0.0f;
  }
  return std::acos(cosine);
}

/** Heap storage for `size` values of a plain type, left uninitialized: callers write every
 * element before reading it, and zero-filling temporaries of tens of megabytes would cost
 * as much as the computation that fills them. */
template<typename T> class UninitializedArray {
 public:
  explicit UninitializedArray(size_t size)
      : data_(static_cast<T *>(::operator new(std::max<size_t>(size, 1) * sizeof(T))))
  {
  }
  UninitializedArray(UninitializedArray &&other) noexcept : data_(other.data_)
  {
    other.data_ = nullptr;
  }
  UninitializedArray(const UninitializedArray &) = delete;
  UninitializedArray &operator=(const UninitializedArray &) = delete;
  UninitializedArray &operator=(UninitializedArray &&other) noexcept
  {
    std::swap(data_, other.data_);
    return *this;
  }
  ~UninitializedArray() { ::operator delete(data_); }
  T &operator[](size_t i) { return data_[i]; }
  T *data() { return data_; }
  const T *data() const { return data_; }
  const T &operator[](size_t i) const { return data_[i]; }

 private:
  T *data_;
};

/** The face of every corner. */
inline UninitializedArray<int32_t> corner_to_face_calc(const MeshTopology &topology)
{
  UninitializedArray<int32_t> corner_faces(size_t(topology.corners_num()));
  parallel_each(topology.faces_num(), 1024, [&](int64_t face) {
    for (int32_t corner = topology.face_offsets[face]; corner < topology.face_offsets[face + 1];
         corner++)
    {
      corner_faces[corner] = int32_t(face);
    }
  });
  return corner_faces;
}

/** The corner before / after `corner` in its face [face_start, face_end). */
inline int32_t corner_prev(int32_t face_start, int32_t face_end, int32_t corner)
{
  return corner == face_start ? face_end - 1 : corner - 1;
}
inline int32_t corner_next(int32_t face_start, int32_t face_end, int32_t corner)
{
  return corner == face_end - 1 ? face_start : corner + 1;
}

/** The number of threads TBB may use here: the arena's size, capped by a
 * tbb::global_control limit (which max_concurrency() does not report). Algorithms take
 * their sequential path at 1, where plain stores beat atomics and extra passes. */
inline int thread_count()
{
  const size_t limit = tbb::global_control::active_value(
      tbb::global_control::max_allowed_parallelism);
  return int(std::min<size_t>(size_t(tbb::this_task_arena::max_concurrency()), limit));
}

/** Builds groups from `for_each_member(source, emit)`, which calls emit(group, value) for
 * each member that source contributes, values increasing with the source. It is called
 * twice per source: once to count, once to scatter.
 *
 * A counting sort over contiguous chunks of sources: each chunk counts into its own array,
 * the counts become per-chunk cursors (chunk k's members of a group follow chunk k - 1's),
 * and each chunk scatters its sources in order. So every group comes out in source order
 * without atomics or a sort, and the result does not depend on the number of chunks. */
template<typename ForEachMember>
GroupedIndices build_groups(int32_t groups_num, int64_t sources_num,
                            const ForEachMember &for_each_member)
{
  GroupedIndices result;
  result.offsets.assign(size_t(groups_num) + 1, 0);
  int32_t *offsets = result.offsets.data();
  /* Each chunk costs a count per group, so few and only for enough work per chunk. */
  const int64_t chunks = std::clamp<int64_t>(
      std::min<int64_t>(thread_count(), sources_num / 65536), 1, 8);
  if (chunks == 1) {
    /* Count group g into offsets[g + 1]; the inclusive prefix sum leaves the start of group
     * g in offsets[g], which serves as its cursor and ends at the start of group g + 1. */
    for (int64_t source = 0; source < sources_num; source++) {
      for_each_member(source, [&](int32_t group, int32_t /*value*/) { offsets[group + 1]++; });
    }
    for (int32_t group = 0; group < groups_num; group++) {
      offsets[group + 1] += offsets[group];
    }
    result.indices.resize(size_t(offsets[groups_num]));
    int32_t *indices = result.indices.data();
    for (int64_t source = 0; source < sources_num; source++) {
      for_each_member(source, [&](int32_t group, int32_t value) {
        indices[offsets[group]++] = value;
      });
    }
    std::copy_backward(offsets, offsets + groups_num, offsets + groups_num + 1);
    offsets[0] = 0;
    return result;
  }

  const size_t groups = size_t(groups_num);
  UninitializedArray<int32_t> counts(size_t(chunks) * groups);
  auto chunk_sources = [&](int64_t chunk) {
    return std::pair<int64_t, int64_t>(sources_num * chunk / chunks,
                                       sources_num * (chunk + 1) / chunks);
  };
  tbb::parallel_for(int64_t(0), chunks, [&](int64_t chunk) {
    int32_t *chunk_counts = &counts[size_t(chunk) * groups];
    std::fill(chunk_counts, chunk_counts + groups, 0);
    const auto [begin, end] = chunk_sources(chunk);
    for (int64_t source = begin; source < end; source++) {
      for_each_member(source, [&](int32_t group, int32_t) { chunk_counts[group]++; });
    }
  });
  parallel_each_range(groups_num, 16384, [&](int64_t begin, int64_t end) {
    for (int64_t group = begin; group < end; group++) {
      int32_t total = 0;
      for (int64_t chunk = 0; chunk < chunks; chunk++) {
        total += counts[size_t(chunk) * groups + size_t(group)];
      }
      offsets[group + 1] = total;
    }
  });
  for (int32_t group = 0; group < groups_num; group++) {
    offsets[group + 1] += offsets[group];
  }
  /* Counts become cursors: where each chunk's members of each group start. */
  parallel_each_range(groups_num, 16384, [&](int64_t begin, int64_t end) {
    for (int64_t group = begin; group < end; group++) {
      int32_t cursor = offsets[group];
      for (int64_t chunk = 0; chunk < chunks; chunk++) {
        int32_t &slot = counts[size_t(chunk) * groups + size_t(group)];
        const int32_t count = slot;
        slot = cursor;
        cursor += count;
      }
    }
  });
  result.indices.resize(size_t(offsets[groups_num]));
  int32_t *indices = result.indices.data();
  tbb::parallel_for(int64_t(0), chunks, [&](int64_t chunk) {
    int32_t *cursors = &counts[size_t(chunk) * groups];
    const auto [begin, end] = chunk_sources(chunk);
    for (int64_t source = begin; source < end; source++) {
      for_each_member(source, [&](int32_t group, int32_t value) {
        indices[cursors[group]++] = value;
      });
    }
  });
  return result;
}

}  // namespace whisk::kernel::mesh_intern
