// Primitive arrays -> mesh data.

#include "whisk/geometry/mesh_from_primitive.hh"

#include <algorithm>

#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

void mesh_from_primitive(const MeshPrimitive &primitive, dna::Mesh &mesh)
{
  kernel::mesh_from_pydata(mesh, primitive.positions, primitive.edges, primitive.face_offsets,
                           primitive.corner_verts);
  if (!primitive.uvs.empty() && primitive.uvs.size() == size_t(mesh.corners_num)) {
    std::ranges::copy(primitive.uvs,
                      kernel::mesh_uv_map_add(mesh, "UVMap").mutable_span<float2>().begin());
  }
  using kernel::AttrDomain;
  for (const auto &[name, domain] : {std::pair{".select_vert", AttrDomain::Point},
                                     std::pair{".select_edge", AttrDomain::Edge},
                                     std::pair{".select_poly", AttrDomain::Face},
                                     std::pair{"sharp_face", AttrDomain::Face}})
  {
    const int64_t size = kernel::mesh_domain_size(mesh, domain);
    if (size) {
      std::ranges::fill(kernel::attribute_add(mesh.attributes, name, domain,
                                              kernel::AttrType::Bool, size)
                            .mutable_span<bool>(),
                        true);
    }
  }
}

}  // namespace whisk::geometry
