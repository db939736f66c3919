// The `whisk` executable. For now it builds the factory startup scene through the C++
// API and prints it; Blender-style arguments (-b, --python, -f) arrive with the rna,
// python and render layers.

#include <cstring>
#include <iostream>

#include "print_scene.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/startup.hh"

namespace {

constexpr const char *kUsage =
    "Usage: whisk [options]\n"
    "\n"
    "Builds the factory startup scene and prints what it holds: scenes, view layers,\n"
    "the collection tree with its objects, transforms, materials, cameras and lights.\n"
    "\n"
    "Options:\n"
    "  -h, --help      Print this help and exit\n"
    "  -v, --version   Print the version and exit\n";

}  // namespace

int main(int argc, char **argv)
{
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h")) {
      std::cout << kUsage;
      return 0;
    }
    if (!std::strcmp(arg, "--version") || !std::strcmp(arg, "-v")) {
      std::cout << "Whisk " << WHISK_VERSION << "\n";
      return 0;
    }
    std::cerr << "whisk: unknown argument '" << arg << "' (see whisk --help)\n";
    return 2;
  }

  try {
    whisk::kernel::Main bmain;
    const whisk::kernel::StartupState state = whisk::kernel::build_factory_startup(bmain);
    whisk::app::print_main(std::cout, bmain, state);
  }
  catch (const whisk::Error &error) {
    std::cerr << "Error: " << whisk::error_kind_name(error.kind()) << ": " << error.message()
              << "\n";
    return 1;
  }
  return 0;
}
