#pragma once
// The animation system: F-curves of an action and drivers write their values into data
// through RNA paths. Paths are resolved once into channels and kept until the data they
// point into may have moved, so a frame change costs one curve evaluation and one store
// per channel.

#include <string_view>
#include <vector>

#include "whisk/dna/action.hh"
#include "whisk/dna/id_property.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/access.hh"

namespace whisk::anim {

using dna::ID;

/** Where a curve writes: one property element of one struct, or a custom (ID) property
 * of the ID (`["name"]`). */
struct Channel {
  rna::PointerRNA ptr;
  const rna::PropertyRNA *prop = nullptr;
  int index = 0;
  dna::IDProperty *idprop = nullptr;

  bool valid() const { return prop != nullptr || idprop != nullptr; }
  /** Stores `value` converted to the property's type (ints round, booleans are >= 0.5,
   * enums take the integer), without update callbacks, as Blender's animation does. */
  void write(float value) const;
  /** The current value as a float; false when it cannot be read as a number. */
  bool read(float &value) const;
};

/** Resolves `path`/`index` on `id`; an invalid channel when the path does not lead to an
 * animatable number, boolean or enum. Accepts `["name"]` for a numeric custom property of
 * the ID, and `.x`/`.y`/`.z`/`.w` after an array (`location.x`), as drivers write them. */
Channel channel_resolve(kernel::Main *bmain, ID *id, std::string_view path, int index);

/** `["name"]`: a path naming a custom property of the ID. */
bool is_idprop_path(std::string_view path);
/** The numeric custom property such a path names, or nullptr. */
dna::IDProperty *find_idprop_channel(ID *id, std::string_view path);

/** The channels of an action's curves on one ID, resolved once. */
class ActionChannels {
 public:
  /** Resolves again (after the ID was re-copied or the action changed). */
  void resolve(kernel::Main *bmain, ID *id, const dna::Action &action);
  bool resolved_for(const dna::Action *action, int64_t curve_count) const
  {
    return action_ == action && curve_count_ == curve_count;
  }
  void invalidate() { action_ = nullptr; }
  /** Evaluates every curve at `frame` and writes the values; disabled and muted curves
   * are skipped, and so are curves whose path does not resolve. With `flush_to`, the
   * values also go to its channels (the original data, for the active graph). */
  void evaluate(const dna::Action &action, float frame, const ActionChannels *flush_to) const;

 private:
  const dna::Action *action_ = nullptr;
  int64_t curve_count_ = -1;
  std::vector<Channel> channels_;
};

}  // namespace whisk::anim
