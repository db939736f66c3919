#pragma once
// Point cloud data-block: points with attributes, nothing else. Like meshes, everything is
// an attribute on the POINT domain: `position` (FLOAT_VECTOR, always present) and, when
// points have a size, `radius` (FLOAT). Blender 3.4 creates point clouds with `position`
// only and reads a missing `radius` as 0; Whisk does the same.
//
// Arrays are shared between copies (implicit sharing, see attribute.hh). Bounds are
// computed on request (kernel/pointcloud.hh), so there is no runtime cache to invalidate.

#include <string>
#include <vector>

#include "whisk/dna/attribute.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Material;

struct PointCloud {
  static constexpr IDType id_type = IDType::PointCloud;
  ID id;
  std::vector<Material *> materials;

  int32_t points_num = 0;
  AttributeStorage attributes;
  /** Names (empty: none), as Mesh keeps them: adding attributes may reorder the list. */
  std::string active_attribute;
  std::string active_color_attribute;
  std::string default_color_attribute;
};

}  // namespace whisk::dna
