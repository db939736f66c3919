#pragma once
// Helpers shared by the mesh algorithm files (mesh_normals.cc, mesh_tessellate.cc,
// mesh_mapping.cc, attribute_interpolate.cc). Not part of the kernel's API.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <vector>

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

/** Sorts a small range in place; already sorted input (the usual case) costs one pass. */
inline void sort_small(int32_t *begin, int32_t *end)
{
  if (end - begin > 32) {
    std::sort(begin, end);
    return;
  }
  for (int32_t *i = begin + 1; i < end; i++) {
    const int32_t value = *i;
    int32_t *j = i;
    for (; j > begin && *(j - 1) > value; j--) {
      *j = *(j - 1);
    }
    *j = value;
  }
}

/** Builds groups from `for_each_member(source, emit)`, which calls emit(group, value) for
 * each member that source contributes, values increasing with the source. It is called
 * twice per source: once to count, once to scatter. The scatter runs in parallel through
 * atomic cursors, so each group is sorted afterwards to make the result independent of
 * thread timing. */
template<typename ForEachMember>
GroupedIndices build_groups(int32_t groups_num, int64_t sources_num,
                            const ForEachMember &for_each_member)
{
  GroupedIndices result;
  /* Count group g into offsets[g + 1]; the inclusive prefix sum then leaves the start of
   * group g in offsets[g]. */
  result.offsets.assign(size_t(groups_num) + 1, 0);
  int32_t *offsets = result.offsets.data();
  /* One thread (or little work): plain increments, and the scatter keeps source order, so
   * the groups come out sorted without the atomics and the sort pass. */
  const bool sequential = sources_num < 16384 ||
                          tbb::this_task_arena::max_concurrency() == 1;
  if (sequential) {
    for (int64_t source = 0; source < sources_num; source++) {
      for_each_member(source, [&](int32_t group, int32_t /*value*/) { offsets[group + 1]++; });
    }
    for (int32_t group = 0; group < groups_num; group++) {
      offsets[group + 1] += offsets[group];
    }
    result.indices.resize(size_t(offsets[groups_num]));
    for (int64_t source = 0; source < sources_num; source++) {
      for_each_member(source, [&](int32_t group, int32_t value) {
        result.indices[offsets[group]++] = value;
      });
    }
    std::copy_backward(offsets, offsets + groups_num, offsets + groups_num + 1);
    offsets[0] = 0;
    return result;
  }
  parallel_each(sources_num, 4096, [&](int64_t source) {
    for_each_member(source, [&](int32_t group, int32_t /*value*/) {
      std::atomic_ref<int32_t>(offsets[group + 1]).fetch_add(1, std::memory_order_relaxed);
    });
  });
  for (int32_t group = 0; group < groups_num; group++) {
    offsets[group + 1] += offsets[group];
  }
  result.indices.resize(size_t(offsets[groups_num]));

  /* offsets[g] serves as group g's cursor and ends at the start of group g + 1, so shifting
   * the array by one afterwards restores the starts. */
  parallel_each(sources_num, 4096, [&](int64_t source) {
    for_each_member(source, [&](int32_t group, int32_t value) {
      const int32_t slot =
          std::atomic_ref<int32_t>(offsets[group]).fetch_add(1, std::memory_order_relaxed);
      result.indices[slot] = value;
    });
  });
  std::copy_backward(offsets, offsets + groups_num, offsets + groups_num + 1);
  offsets[0] = 0;

  parallel_each(groups_num, 4096, [&](int64_t group) {
    sort_small(result.indices.data() + offsets[group], result.indices.data() + offsets[group + 1]);
  });
  return result;
}

}  // namespace whisk::kernel::mesh_intern
