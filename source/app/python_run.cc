#include "python_run.hh"

#include <pybind11/embed.h>

#include <cstdlib>
#include <iostream>

namespace py = pybind11;

namespace whisk::app {

int run_python(const PythonJob &job, const std::string &binary_path)
{
  py::scoped_interpreter interpreter;
  try {
    py::module_ sys = py::module_::import("sys");
    /* The packages and the _whisk extension sit in the build's python/ directory. */
    const char *override_path = std::getenv("WHISK_PYTHON_PATH");
    sys.attr("path").attr("insert")(0, override_path ? override_path : WHISK_PYTHON_DIR);
    py::list argv;
    for (const std::string &arg : job.argv) {
      argv.append(arg);
    }
    sys.attr("argv") = argv;
    py::module_ bpy = py::module_::import("bpy");
    if (py::hasattr(bpy, "app")) {
      bpy.attr("app").attr("binary_path") = binary_path;
    }
  }
  catch (py::error_already_set &error) {
    std::cerr << "whisk: cannot start Python: " << error.what() << "\n";
    return 1;
  }
  for (const auto &[kind, text] : job.steps) {
    try {
      py::dict globals;
      globals["__name__"] = "__main__";
      globals["__builtins__"] = py::module_::import("builtins");
      if (kind == "file") {
        globals["__file__"] = text;
        py::eval_file(text, globals);
      }
      else {
        py::exec(text, globals);
      }
    }
    catch (py::error_already_set &error) {
      error.restore();
      PyErr_Print();
      if (job.exit_code_on_error) {
        return job.exit_code_on_error;
      }
    }
  }
  return 0;
}

}  // namespace whisk::app
