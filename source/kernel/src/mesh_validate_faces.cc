// Mesh validation, faces and corners: unusable, duplicate and overlapping faces, corners no
// face uses, and corner edges (see mesh_validate.cc for the order of the steps).

#include <algorithm>
#include <tuple>

#include "mesh_validate.hh"

namespace whisk::kernel::validate {

namespace {

/** Whether face `f`'s corner range and vertices are usable on their own. */
bool face_usable(const Mesh &mesh, int32_t f, std::span<int32_t> vert_stamp, Fixer &fix)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  if (size_t(f) + 1 >= offsets.size()) {
    fix("Face ", f, " has no offsets (the offsets hold ", offsets.size(), "); removed");
    return false;
  }
  const int64_t begin = offsets[size_t(f)], end = offsets[size_t(f) + 1];
  if (begin < 0 || end > mesh.corners_num || end - begin < 3) {
    fix("Face ", f, " is invalid (corners ", begin, " to ", end, "); removed");
    return false;
  }
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  for (int64_t c = begin; c < end; c++) {
    const int32_t v = corner_verts[size_t(c)];
    if (v < 0 || v >= mesh.verts_num) {
      fix("Face ", f, ": corner ", c, " uses vertex ", v, ", out of range; face removed");
      return false;
    }
    if (vert_stamp[size_t(v)] == f) {
      fix("Face ", f, " uses vertex ", v, " twice; removed");
      return false;
    }
    vert_stamp[size_t(v)] = f;
  }
  return true;
}

/** Marks faces that use the same vertices as a lower-numbered face (any order). */
void remove_duplicate_faces(const Mesh &mesh, std::vector<uint8_t> &usable, Fixer &fix)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  std::vector<int32_t> faces;
  std::vector<std::vector<int32_t>> keys(size_t(mesh.faces_num));
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    if (usable[size_t(f)]) {
      keys[size_t(f)].assign(corner_verts.begin() + offsets[size_t(f)],
                             corner_verts.begin() + offsets[size_t(f) + 1]);
      std::sort(keys[size_t(f)].begin(), keys[size_t(f)].end());
      faces.push_back(f);
    }
  }
  std::sort(faces.begin(), faces.end(), [&](int32_t a, int32_t b) {
    return std::tie(keys[size_t(a)], a) < std::tie(keys[size_t(b)], b);
  });
  for (size_t i = 1; i < faces.size(); i++) {
    size_t first = i - 1;
    while (!usable[size_t(faces[first])]) {
      first--; /* runs of equal keys: compare with the run's first, which is kept */
    }
    if (keys[size_t(faces[i])] == keys[size_t(faces[first])]) {
      fix("Face ", faces[i], " uses the same vertices as face ", faces[first], "; removed");
      usable[size_t(faces[i])] = 0;
    }
  }
}

/** Marks faces whose corners overlap those of a face starting before them. Only possible
 * when offsets decrease somewhere; Blender's polygons could overlap freely. */
void remove_overlapping_faces(const Mesh &mesh, std::vector<uint8_t> &usable, Fixer &fix)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  std::vector<int32_t> faces;
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    if (usable[size_t(f)]) {
      faces.push_back(f);
    }
  }
  std::stable_sort(faces.begin(), faces.end(), [&](int32_t a, int32_t b) {
    return offsets[size_t(a)] < offsets[size_t(b)];
  });
  int64_t kept_end = 0;
  int32_t kept_face = -1;
  for (const int32_t f : faces) {
    if (offsets[size_t(f)] < kept_end) {
      fix("Faces ", kept_face, " and ", f, " share corners; face ", f, " removed");
      usable[size_t(f)] = 0;
    }
    else {
      kept_end = offsets[size_t(f) + 1];
      kept_face = f;
    }
  }
}

}  // namespace

/** Removes unusable faces and every corner no kept face uses, and puts the corners in face
 * order, so that the offsets can be rebuilt increasing from 0. */
void fix_faces(Mesh &mesh, Fixer &fix)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  if (mesh.faces_num == 0 && !offsets.empty()) {
    fix("Mesh has no faces but ", offsets.size(), " face offsets; cleared");
    mesh.face_offsets = {};
  }
  std::vector<uint8_t> usable(size_t(mesh.faces_num));
  std::vector<int32_t> vert_stamp(size_t(mesh.verts_num), -1);
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    usable[size_t(f)] = face_usable(mesh, f, vert_stamp, fix);
  }
  remove_duplicate_faces(mesh, usable, fix);
  remove_overlapping_faces(mesh, usable, fix);

  std::vector<int32_t> kept_faces, corner_order;
  std::vector<int32_t> new_offsets{0};
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    if (usable[size_t(f)]) {
      kept_faces.push_back(f);
      for (int32_t c = offsets[size_t(f)]; c < offsets[size_t(f) + 1]; c++) {
        corner_order.push_back(c);
      }
      new_offsets.push_back(int32_t(corner_order.size()));
    }
  }
  if (kept_faces.size() != size_t(mesh.faces_num)) {
    attributes_gather_domain(mesh.attributes, AttrDomain::Face, kept_faces);
    mesh.faces_num = int32_t(kept_faces.size());
  }
  bool in_order = corner_order.size() == size_t(mesh.corners_num);
  for (size_t i = 0; in_order && i < corner_order.size(); i++) {
    in_order = corner_order[i] == int32_t(i);
  }
  if (!in_order) {
    const size_t unused = size_t(mesh.corners_num) - corner_order.size();
    if (unused) {
      fix(unused, " corners are used by no face; removed");
    }
    else {
      fix("Corners are not in face order; reordered");
    }
    attributes_gather_domain(mesh.attributes, AttrDomain::Corner, corner_order);
    mesh.corners_num = int32_t(corner_order.size());
  }
  if (mesh.faces_num == 0) {
    new_offsets.clear();
  }
  if (!std::ranges::equal(mesh.face_offsets.span(), new_offsets)) {
    if (in_order && kept_faces.size() == usable.size()) {
      fix("Face offsets have ", mesh.face_offsets.size(), " entries for ", mesh.faces_num,
          " faces; fixed");
    }
    mesh.face_offsets = SharedArray<int32_t>(std::span<const int32_t>(new_offsets));
  }
}

/** Points each corner at the edge from its vertex to the next corner's, looking it up when
 * the stored index is wrong, adding the edge when the mesh lacks it (as Blender does). */
void fix_corner_edges(Mesh &mesh, Fixer &fix, EdgeHash &hash)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = mesh_corner_edges(mesh);
  const std::span<const int2> edges = mesh_edges(mesh);
  std::span<int32_t> writable;
  std::vector<int2> added;
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    const int32_t begin = offsets[size_t(f)], end = offsets[size_t(f) + 1];
    for (int32_t c = begin; c < end; c++) {
      const int32_t v1 = corner_verts[size_t(c)];
      const int32_t v2 = corner_verts[size_t(c + 1 < end ? c + 1 : begin)];
      const int32_t e = corner_edges[size_t(c)];
      if (e >= 0 && e < mesh.edges_num &&
          (edges[size_t(e)] == int2(v1, v2) || edges[size_t(e)] == int2(v2, v1)))
      {
        continue;
      }
      const int32_t next = mesh.edges_num + int32_t(added.size());
      const int32_t found = hash.insert(v1, v2, next);
      if (found == next) {
        added.push_back({v1, v2});
        fix("Face ", f, " needs missing edge (", v1, ", ", v2, "); added as edge ", found);
      }
      else {
        fix("Corner ", c, " has invalid edge ", e, "; fixed using edge ", found);
      }
      if (writable.empty()) {
        writable = mesh_corner_edges_for_write(mesh);
      }
      writable[size_t(c)] = found;
    }
  }
  if (!added.empty()) {
    const int32_t old = mesh.edges_num;
    mesh.edges_num += int32_t(added.size());
    attributes_resize_domain(mesh.attributes, AttrDomain::Edge, mesh.edges_num);
    if (!mesh.attributes.find(ATTR_EDGE_VERTS)) {
      attribute_add(mesh.attributes, std::string(ATTR_EDGE_VERTS), AttrDomain::Edge,
                    AttrType::Int2, mesh.edges_num);
    }
    std::ranges::copy(added, mesh_edges_for_write(mesh).begin() + old);
  }
}

}  // namespace whisk::kernel::validate
