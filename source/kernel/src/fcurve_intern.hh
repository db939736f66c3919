#pragma once
// Pieces shared by the fcurve_*.cc files.

#include <vector>

#include "whisk/dna/anim.hh"

namespace whisk::kernel {

inline bool is_auto(dna::HandleType type)
{
  return type == dna::HandleType::Auto || type == dna::HandleType::AutoClamped;
}
/** Both handles are automatic (either kind). */
inline bool both_auto(const dna::BezTriple &key)
{
  return is_auto(key.handle_left_type) && is_auto(key.handle_right_type);
}

/** The CONT_ACCEL pass over keys whose first-pass handles are set; `locked` marks keys whose
 * handles are final (fcurve_smooth.cc). */
void fcurve_smooth_handles(std::vector<dna::BezTriple> &keys, const std::vector<uint8_t> &locked,
                           bool cyclic);

}  // namespace whisk::kernel
