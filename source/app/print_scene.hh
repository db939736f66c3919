#pragma once
// Human-readable dump of what a Main holds: scenes, view layers, the collection tree with
// its objects, object transforms and data, materials, cameras, lights and worlds.

#include <ostream>

#include "whisk/kernel/main.hh"
#include "whisk/kernel/startup.hh"

namespace whisk::app {

/** Prints every scene of `bmain` and a count of its data-blocks. `state` marks the
 * scene and view layer a window would show (may be empty). */
void print_main(std::ostream &out, kernel::Main &bmain, const kernel::StartupState &state);

}  // namespace whisk::app
