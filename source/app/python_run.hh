#pragma once
// Running Python from the `whisk` executable: Blender's --python and --python-expr.

#include <string>
#include <vector>

namespace whisk::app {

struct PythonJob {
  /** In command-line order: {"file", path} or {"expr", code}. */
  std::vector<std::pair<std::string, std::string>> steps;
  /** sys.argv for scripts: the executable and every argument, as Blender passes them. */
  std::vector<std::string> argv;
  /** Exit code when a script raises (Blender's --python-exit-code; 0 keeps going). */
  int exit_code_on_error = 0;
};

/** Starts the interpreter, makes `bpy` importable, runs the steps; returns the exit code. */
int run_python(const PythonJob &job, const std::string &binary_path);

}  // namespace whisk::app
