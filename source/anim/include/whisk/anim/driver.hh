#pragma once
// Drivers: a value computed from other properties (variables) and written to a property.
// AVERAGE, SUM, MIN and MAX combine the variables; SCRIPTED evaluates an expression: the
// simple ones natively (whisk/base/expr_simple.hh), the others through Python when the
// file's scripts are trusted. An untrusted file never runs Python: its driver is flagged
// (is_blocked_untrusted) and keeps its value. Failures never raise: the driver becomes
// invalid.

#include <functional>
#include <string_view>

#include "whisk/dna/anim.hh"
#include "whisk/kernel/main.hh"

/* Which expressions are simple, and valid variable names: whisk/kernel/driver.hh. */

namespace whisk::anim {

using dna::ID;

struct DriverContext {
  kernel::Main *bmain = nullptr;
  float frame = 0.0f;
  /** The evaluated ID that owns the driver (`self` in expressions). */
  ID *self = nullptr;
  /** The evaluated counterpart of a target ID (the ID itself when not evaluated). */
  std::function<ID *(ID *)> to_evaluated;
  /** Python may run (the caller holds the interpreter and the scripts are trusted). */
  bool allow_python = false;
};

/** Computes the driver's value from its variables, storing the variables' values and the
 * driver's validity; returns the value (the previous one when evaluation failed). */
float driver_evaluate(dna::ChannelDriver &driver, const DriverContext &ctx);
/** The IDs whose data a variable reads (one or two targets). */
int driver_variable_target_count(dna::DriverVarType type);

}  // namespace whisk::anim
