#pragma once
// Handles: how a Python object names the data it stands for. Never a bare pointer across
// the Python boundary (DESIGN.md, principle 2): a handle keeps the Main's slot, the owning
// ID's session uid and the RNA path from that ID, and caches the resolved pointer only
// until the process-wide data generation moves.

#include <memory>
#include <string>

#include "whisk/kernel/main.hh"
#include "whisk/rna/access.hh"

namespace whisk::python {

using rna::PointerRNA;
using rna::PropertyRNA;
using rna::StructRNA;
using dna::ID;

/** A Main seen from Python. Closing it (temp_data's `with` ends, the factory settings
 * are reloaded) keeps the slot, so handles into it raise ReferenceError instead of
 * reading freed memory. */
struct MainSlot {
  kernel::Main *main = nullptr;
  std::unique_ptr<kernel::Main> owned;

  explicit MainSlot(std::unique_ptr<kernel::Main> m) : main(m.get()), owned(std::move(m)) {}
  /** Puts another Main in this slot (loading a file into the current one). Handles to
   * IDs of the old Main raise ReferenceError: session uids are unique per process. */
  void replace(std::unique_ptr<kernel::Main> m)
  {
    owned = std::move(m);
    main = owned.get();
    kernel::data_generation_bump();
  }
  void close()
  {
    main = nullptr;
    owned.reset();
    kernel::data_generation_bump();
  }
};

class StructHandle {
 public:
  enum class Kind : uint8_t {
    /** Immortal data: RNA's own definitions (bl_rna). */
    Static,
    /** The Main itself (bpy.data). */
    Main,
    /** An ID, found again by session uid. */
    ID,
    /** Data inside an ID, found again by its path from the ID. */
    Nested,
    /** Data inside an ID that cannot say where it is: valid only until anything changes. */
    Transient,
  };

  StructHandle() = default;
  static StructHandle make_static(const PointerRNA &ptr);
  static StructHandle make(std::shared_ptr<MainSlot> slot, const PointerRNA &ptr);

  /** The current pointer; raises whisk::Error(Reference) when the data is gone. */
  const PointerRNA &resolve() const;
  /** Like resolve(), but false instead of raising. */
  bool valid() const;

  const StructRNA *type() const { return type_; }
  Kind kind() const { return kind_; }
  const std::shared_ptr<MainSlot> &slot() const { return slot_; }
  kernel::Main *main() const { return slot_ ? slot_->main : nullptr; }
  /** Path from the owning ID (empty for the ID itself). */
  const std::string &path() const { return path_; }
  /** The pointer as last resolved, without checking (for repr of removed data). */
  const PointerRNA &cached() const { return cached_; }

 private:
  std::shared_ptr<MainSlot> slot_;
  Kind kind_ = Kind::Static;
  uint32_t owner_uid_ = 0;
  const StructRNA *type_ = nullptr;
  mutable std::string path_; /* follows the data when its key changes (a rename) */
  mutable PointerRNA cached_;
  mutable uint64_t generation_ = 0;

  void refresh() const;
};

}  // namespace whisk::python
