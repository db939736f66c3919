#pragma once
// Registration of script-defined types and properties (bpy.props, PropertyGroup,
// bpy.utils.register_class): the C++ half. bpy/props.py and bpy/utils.py are the Python half.

#include <pybind11/pybind11.h>

#include "handle.hh"

namespace whisk::python {

void define_registration(pybind11::module_ &m);
/** The Python slot of a Main (to hand `self` to script callbacks); null if none. */
std::shared_ptr<MainSlot> slot_for_main(kernel::Main *main);
void remember_slot(const std::shared_ptr<MainSlot> &slot);

}  // namespace whisk::python
