#pragma once
// Walking the references an ID holds to other IDs. Every kind of bulk operation on
// references (counting users, remapping, freeing, copying, purge, files) is a visitor.

#include <cstdint>

#include "whisk/dna/id.hh"

namespace whisk::kernel {

using dna::ID;

enum IDRefFlag : uint32_t {
  /** The reference counts as one user of its target. */
  IDREF_USER = 1 << 0,
  /** The target is an embedded ID owned by the referrer. */
  IDREF_EMBEDDED = 1 << 1,
  /** A runtime back-pointer (embedded -> owner); not a real reference. */
  IDREF_LOOPBACK = 1 << 2,
  /** The referrer cannot do without the target: deleting the target deletes the referrer
   * too (an object goes with its data, as in Blender). */
  IDREF_NEVER_NULL = 1 << 3,
};

class IDRefVisitor {
 public:
  virtual ~IDRefVisitor() = default;
  /** Called for one reference held by `owner`; returns the value to store in its place. */
  virtual ID *visit(ID *owner, ID *target, uint32_t flags) const = 0;
  /** A container dropped `target`, which visit() returned for one of its references, as
   * it holds that ID already (a collection remapped onto an object it also links): the
   * visitor undoes what it counted for that reference. */
  virtual void dropped(ID *owner, ID *target, uint32_t flags) const {}
  /** When set, only references to this ID matter, so containers may look it up rather
   * than visit every element. */
  const ID *only = nullptr;
};

/** Visits one typed slot and stores what the visitor returns. Data-block structs start
 * with their ID, so the pointers convert at offset zero. */
template<typename T>
inline void visit_slot(const IDRefVisitor &visitor, ID *owner, T *&slot, uint32_t flags)
{
  ID *target = reinterpret_cast<ID *>(slot);
  if (visitor.only && target != visitor.only) {
    return;
  }
  slot = reinterpret_cast<T *>(visitor.visit(owner, target, flags));
}

/** Calls the ID's type callback. */
void foreach_id(ID *id, const IDRefVisitor &visitor);

/** Adapts a callable to a visitor. */
template<typename Fn> class IDRefLambda final : public IDRefVisitor {
 public:
  explicit IDRefLambda(Fn fn, const ID *only_target = nullptr) : fn_(std::move(fn))
  {
    only = only_target;
  }
  ID *visit(ID *owner, ID *target, uint32_t flags) const override
  {
    return fn_(owner, target, flags);
  }

 private:
  Fn fn_;
};

}  // namespace whisk::kernel
