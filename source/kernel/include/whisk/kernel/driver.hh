#pragma once
// What the kernel knows of drivers: variable names and the native ("simple") form of
// scripted expressions, compiled once per expression and cached on the driver. Evaluation
// reads data through RNA and lives in the anim layer (whisk/anim/driver.hh).

#include <string_view>

#include "whisk/base/expr_simple.hh"
#include "whisk/dna/anim.hh"

namespace whisk::kernel {

/** Whether `name` can be a variable name: a Python identifier that is not a keyword. */
bool driver_variable_name_valid(std::string_view name);
/** The compiled expression of a SCRIPTED driver, reading "frame" then the variables in
 * order; nullptr when Blender would hand the expression to Python. Thread-safe. */
const SimpleExpr *driver_simple_expression(const dna::ChannelDriver &driver);
/** driver.is_simple_expression. */
bool driver_is_simple_expression(const dna::ChannelDriver &driver);
/** A SCRIPTED driver with an expression only Python can evaluate. */
bool driver_needs_python(const dna::ChannelDriver &driver);

}  // namespace whisk::kernel
