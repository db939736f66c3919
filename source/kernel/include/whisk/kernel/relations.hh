#pragma once
// Who references whom. Main keeps this index up to date on every reference change made
// through the kernel, so that removing an ID finds its referrers without scanning Main.

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "whisk/dna/id.hh"

namespace whisk::kernel {

using dna::ID;

class Relations {
 public:
  void add(ID *target, ID *referrer);
  void remove(ID *target, ID *referrer);
  /** Forgets everything about `id` as a target. */
  void forget_target(const ID *id) { referrers_.erase(id); }
  std::vector<ID *> referrers_of(const ID *target) const;
  bool has_referrers(const ID *target) const;
  void clear() { referrers_.clear(); }
  /** Number of (target, referrer) pairs, for consistency checks. */
  size_t pair_count() const;
  bool operator==(const Relations &other) const { return referrers_ == other.referrers_; }

 private:
  std::unordered_map<const ID *, std::unordered_map<ID *, uint32_t>> referrers_;
};

}  // namespace whisk::kernel
