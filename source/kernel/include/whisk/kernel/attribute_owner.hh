#pragma once
// The geometry behind an ID that has attributes (a Mesh or a PointCloud; Curves later),
// seen through one interface: its storage, its domain sizes, and the entry points that
// apply that geometry's rules (which names are required, which domains exist) and
// invalidate its caches. RNA (AttributeGroup, Attribute) and the Python array views work
// through this, so they are written once for every geometry type.

#include <string>
#include <string_view>

#include "whisk/dna/id.hh"
#include "whisk/kernel/attribute.hh"

namespace whisk::kernel {

class AttributeOwner {
 public:
  AttributeOwner() = default;
  /** The owner for an ID; empty (false) for IDs without attributes or for null. */
  static AttributeOwner from_id(dna::ID *id);

  explicit operator bool() const { return id_ != nullptr; }
  dna::ID *id() const { return id_; }

  AttributeStorage &storage() const;
  /** Number of elements of a domain; 0 for domains this geometry does not have. */
  int64_t domain_size(AttrDomain domain) const;
  /** Attributes the geometry cannot do without: they can't be removed or renamed. */
  bool is_required(std::string_view name) const;
  /** Index arrays (mesh topology): exported read-only, written only through checks. */
  bool is_topology(std::string_view name) const;

  /** Adds with the geometry's rules (Runtime error for a domain it lacks). */
  Attribute &add(std::string_view name, AttrType type, AttrDomain domain) const;
  /** Raises Runtime for a required or missing attribute. */
  void remove(std::string_view name) const;
  void rename(Attribute &attribute, std::string_view name) const;
  /** Call after writing values of `name` outside the kernel (RNA, numpy views):
   * invalidates the caches derived from it. */
  void values_changed(std::string_view name) const;

  /** Names referring to attributes (empty: none). */
  std::string &active_attribute() const;
  std::string &active_color_attribute() const;
  std::string &default_color_attribute() const;

 private:
  explicit AttributeOwner(dna::ID *id) : id_(id) {}
  dna::ID *id_ = nullptr;
};

}  // namespace whisk::kernel
