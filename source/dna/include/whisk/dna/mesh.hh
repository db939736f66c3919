#pragma once
// Mesh data-block. Geometry storage (positions, edges, faces, attributes) arrives with
// the geometry work; here the data-block with its materials.
#include <vector>

#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Material;

struct Mesh {
  static constexpr IDType id_type = IDType::Mesh;
  ID id;
  std::vector<Material *> materials;
  bool use_auto_smooth = false;
  float auto_smooth_angle = 0.523599f;
  float texspace_location[3] = {0.0f, 0.0f, 0.0f};
  float texspace_size[3] = {1.0f, 1.0f, 1.0f};
  bool use_auto_texspace = true;
};

}  // namespace whisk::dna
