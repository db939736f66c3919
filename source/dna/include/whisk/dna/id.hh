#pragma once
// The ID: the header every data-block starts with. Plain data only; behaviour lives in
// the kernel. A data-block struct has `ID id;` as its first member, so an ID* and the
// data-block pointer share one address (see id_cast in the kernel).

#include <cstdint>

namespace whisk::dna {

/** Every ID type, in the order Main lists them. */
enum class IDType : uint8_t {
  Library,
  Scene,
  Collection,
  Object,
  Mesh,
  Camera,
  Light,
  Material,
  World,
  Image,
  Action,
  Text,
  NodeTree,
  /* New types go last: the numbers are stored (action id_root, files). */
  PointCloud,
};
inline constexpr int ID_TYPE_COUNT = 14;

/** 63 bytes of UTF-8 and the terminating zero, as in Blender. */
inline constexpr int MAX_ID_NAME = 64;

enum IDFlag : uint32_t {
  ID_FLAG_FAKEUSER = 1 << 0,
  /** Owned by another ID (a material's node tree, a scene's master collection); never in
   * Main's lists; lives and dies with its owner. */
  ID_FLAG_EMBEDDED = 1 << 1,
  /** Evaluated copy owned by a depsgraph; never written to files. */
  ID_FLAG_EVALUATED = 1 << 2,
  /** One user held by something outside Main's references (a window showing a scene). */
  ID_FLAG_EXTRA_USER = 1 << 3,
};

/** Evaluation tags, set by RNA updates and read by the depsgraph. */
enum IDRecalc : uint32_t {
  ID_RECALC_TRANSFORM = 1 << 0,
  ID_RECALC_GEOMETRY = 1 << 1,
  ID_RECALC_SHADING = 1 << 2,
  ID_RECALC_ANIMATION = 1 << 3,
  ID_RECALC_PARAMETERS = 1 << 4,
  ID_RECALC_SELECT = 1 << 5,
  ID_RECALC_BASE_FLAGS = 1 << 6,
  ID_RECALC_HIERARCHY = 1 << 7, /* relations changed: the graph must be rebuilt */
  ID_RECALC_ALL = 0xFFFFFFFFu,
};

struct IDProperty;
struct Library;
struct AnimData;

struct ID {
  IDType type = IDType::Scene;
  char name[MAX_ID_NAME] = {};
  int32_t users = 0;
  uint32_t flag = 0;
  /** Scratch bits for kernel algorithms (purge, copy); never persistent. */
  uint32_t tag = 0;
  uint32_t recalc = 0;
  /** Unique within the process, unchanged by renames; Python handles key on it. */
  uint32_t session_uid = 0;
  IDProperty *properties = nullptr;
  Library *lib = nullptr;
  /** For embedded IDs: the ID that owns this one. */
  struct ID *owner = nullptr;
  /** For evaluated copies: the original. */
  struct ID *orig_id = nullptr;
  AnimData *anim_data = nullptr;
  /** Runtime: breaks ties between names equal but for case, in insertion order. */
  uint64_t list_order = 0;
};

}  // namespace whisk::dna
