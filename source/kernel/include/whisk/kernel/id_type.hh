#pragma once
// Per-ID-type behaviour in one table of callbacks, in the spirit of Blender's IDTypeInfo.
// Each type fills its entry with designated initializers in src/types/<type>.cc.

#include <cstdint>

#include "whisk/dna/id.hh"

namespace whisk::kernel {

using dna::ID;
using dna::IDType;
class Main;
class IDRefVisitor;

enum IDTypeFlag : uint32_t {
  /** Only ever embedded in another ID (node trees of materials, master collections). */
  IDTYPE_FLAG_ONLY_EMBEDDED = 1 << 0,
  IDTYPE_FLAG_NO_COPY = 1 << 1,
  /** Never removed by orphan purge even without users (libraries). */
  IDTYPE_FLAG_NEVER_UNUSED = 1 << 2,
  IDTYPE_FLAG_ANIMATABLE = 1 << 3,
};

struct IDTypeInfo {
  IDType type;
  /** Two-letter code that files use ("OB"). */
  const char *code;
  /** RNA struct name ("Object"). */
  const char *name;
  /** Name of the Main collection ("objects"), as in bpy.data. */
  const char *name_plural;
  /** Name a new ID gets when none is given. */
  const char *default_name;
  uint32_t flags;

  /** Allocates a zero-state struct with its DNA defaults. */
  ID *(*alloc)();
  /** Sets up owned sub-data of a new ID (a scene's master collection, view layer...). */
  void (*init)(Main &bmain, ID *id);
  /** A new struct duplicating `src`: owned data deep-copied, embedded IDs duplicated,
   * references to other IDs copied as they are (the kernel counts their users). */
  ID *(*duplicate)(Main &bmain, const ID *src);
  /** Frees owned sub-data and the struct. References were released before. */
  void (*destroy)(ID *id);
  /** Visits every reference to another ID, see IDRefVisitor. */
  void (*foreach_id)(ID *id, const IDRefVisitor &visitor);
  /** Before the ID is deleted from a living Main: drops runtime data elsewhere that
   * points at it without being a reference (view-layer bases, parent back-pointers). */
  void (*unlink_runtime)(Main &bmain, ID *id);
};

const IDTypeInfo &id_type_info(IDType type);
const IDTypeInfo *id_type_info_from_code(const char *code);
/** Every type, in Main's order. */
const IDTypeInfo *const *id_type_infos();

}  // namespace whisk::kernel
