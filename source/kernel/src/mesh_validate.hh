#pragma once
// Internals of mesh_validate, shared by its source files (mesh_validate.cc,
// mesh_validate_faces.cc): the fix recorder and the repair steps, in the order they run.

#include "edge_hash.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::kernel::validate {

/** Beyond this, fixes are only counted: a broken million-face mesh would otherwise make a
 * million messages. */
constexpr size_t MAX_MESSAGES = 200;

/** Records fixes: each sets `changed` and adds a message. */
class Fixer {
 public:
  explicit Fixer(MeshValidateReport &report) : report_(report) {}
  ~Fixer()
  {
    if (unlisted_) {
      report_.messages.push_back(str_cat("... and ", unlisted_, " more fixes"));
    }
  }
  template<typename... Args> void operator()(const Args &...args)
  {
    report_.changed = true;
    if (report_.messages.size() < MAX_MESSAGES) {
      report_.messages.push_back(str_cat(args...));
    }
    else {
      unlisted_++;
    }
  }

 private:
  MeshValidateReport &report_;
  size_t unlisted_ = 0;
};

/** Attributes whose name fixes their domain and type. */
struct Builtin {
  std::string_view name;
  AttrDomain domain;
  AttrType type;
  bool required; /* present whenever the domain is not empty */
};
inline constexpr Builtin BUILTINS[] = {
    {ATTR_POSITION, AttrDomain::Point, AttrType::FloatVector, true},
    {ATTR_EDGE_VERTS, AttrDomain::Edge, AttrType::Int2, true},
    {ATTR_CORNER_VERT, AttrDomain::Corner, AttrType::Int, true},
    {ATTR_CORNER_EDGE, AttrDomain::Corner, AttrType::Int, true},
    {"material_index", AttrDomain::Face, AttrType::Int, false},
};

bool domain_on_mesh(AttrDomain domain);
/** Why an attribute cannot stay at all (bad domain or type, a repeated name, a builtin
 * name with the wrong kind), or null. `index` is its place in the storage. */
const char *attribute_unfit(const AttributeStorage &storage, size_t index);

/** Counts, attribute kinds and sizes, deform list size: afterwards every array has
 * exactly the size its count says, so later steps can index by the counts. */
void fix_storage(Mesh &mesh, Fixer &fix);
void fix_positions(Mesh &mesh, Fixer &fix);
/** Removes bad and duplicate edges; `hash` gets every kept edge under its new index. */
void fix_edges(Mesh &mesh, Fixer &fix, EdgeHash &hash);
/** Removes invalid, duplicate and overlapping faces and unused corners; rebuilds offsets. */
void fix_faces(Mesh &mesh, Fixer &fix);
/** Points corners at the right edges, adding edges the faces need. */
void fix_corner_edges(Mesh &mesh, Fixer &fix, EdgeHash &hash);
void fix_material_indices(Mesh &mesh, Fixer &fix);
void fix_deform_weights(Mesh &mesh, Fixer &fix);

}  // namespace whisk::kernel::validate
