#pragma once
// Registration of script-defined types and properties (bpy.props, PropertyGroup,
// bpy.utils.register_class): the C++ half. bpy/props.py and bpy/utils.py are the Python half.

#include <pybind11/pybind11.h>

#include "bridge.hh"

namespace whisk::python {

void define_registration(pybind11::module_ &m);

/** Runs the body of a pybind11-bound function: whisk errors and CPython errors become
 * the Python exception pybind11 passes on. */
template<typename Fn> auto pybind_call(Fn &&fn) -> decltype(fn())
{
  try {
    return fn();
  }
  catch (const Error &error) {
    set_python_error(error);
    throw pybind11::error_already_set();
  }
  catch (const PyRaised &) {
    throw pybind11::error_already_set();
  }
}
/** The Python slot of a Main (to hand `self` to script callbacks); null if none. */
std::shared_ptr<MainSlot> slot_for_main(kernel::Main *main);
void remember_slot(const std::shared_ptr<MainSlot> &slot);

}  // namespace whisk::python
