// The `whisk` executable. Without scripts it builds the factory startup scene through the
// C++ API and prints it. With Blender's --python/--python-expr it runs the scripts with
// `bpy` over the factory startup file. More of Blender's arguments (-f, -o, files) arrive
// with the window-manager and render layers.

#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <iostream>

#include "print_scene.hh"
#include "python_run.hh"
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
    "  -b, --background          Run without a UI (always the case; accepted for Blender)\n"
    "  --factory-startup         Start from the factory settings (always the case)\n"
    "  -P, --python FILE         Run a Python script with bpy (may repeat)\n"
    "  --python-expr CODE        Run Python code with bpy (may repeat)\n"
    "  --python-exit-code N      Exit with N when a script raises (default 0, as Blender)\n"
    "  --                        Stop reading arguments; the rest is for scripts (sys.argv)\n"
    "  -h, --help                Print this help and exit\n"
    "  -v, --version             Print the version and exit\n";

}  // namespace

int main(int argc, char **argv)
{
  whisk::app::PythonJob job;
  for (int i = 0; i < argc; i++) {
    job.argv.emplace_back(argv[i]);
  }
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    auto value = [&](const char *option) -> const char * {
      if (i + 1 >= argc) {
        std::cerr << "whisk: " << option << " needs a value (see whisk --help)\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h")) {
      std::cout << kUsage;
      return 0;
    }
    if (!std::strcmp(arg, "--version") || !std::strcmp(arg, "-v")) {
      std::cout << "Whisk " << WHISK_VERSION << "\n";
      return 0;
    }
    if (!std::strcmp(arg, "-b") || !std::strcmp(arg, "--background") ||
        !std::strcmp(arg, "--factory-startup"))
    {
      continue;
    }
    if (!std::strcmp(arg, "-P") || !std::strcmp(arg, "--python")) {
      job.steps.emplace_back("file", value(arg));
      continue;
    }
    if (!std::strcmp(arg, "--python-expr")) {
      job.steps.emplace_back("expr", value(arg));
      continue;
    }
    if (!std::strcmp(arg, "--python-exit-code")) {
      job.exit_code_on_error = std::atoi(value(arg));
      continue;
    }
    if (!std::strcmp(arg, "--")) {
      break;
    }
    std::cerr << "whisk: unknown argument '" << arg << "' (see whisk --help)\n";
    return 2;
  }

  if (!job.steps.empty()) {
    /* bpy.app.binary_path is absolute, as Blender's is. */
    std::error_code error;
    std::filesystem::path self = std::filesystem::canonical("/proc/self/exe", error);
    return whisk::app::run_python(job, error ? std::string(argv[0]) : self.string());
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
