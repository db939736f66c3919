// bpy_func: an RNA function bound to its struct (ob.select_get, bpy.data.objects.new).

#include "bridge.hh"
#include "whisk/rna/structs.hh"

namespace whisk::python {

PyTypeObject *FunctionType = nullptr;

static PyFunction *as_func(PyObject *o) { return reinterpret_cast<PyFunction *>(o); }

PyObject *wrap_function(const StructHandle &self, const rna::FunctionRNA *func,
                        const StructRNA *owner_type)
{
  PyObject *obj = FunctionType->tp_alloc(FunctionType, 0);
  if (!obj) {
    throw PyRaised();
  }
  new (&as_func(obj)->self) StructHandle(self);
  as_func(obj)->func = func;
  as_func(obj)->owner_type = owner_type;
  return obj;
}

static void func_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  as_func(self)->self.~StructHandle();
  type->tp_free(self);
  Py_DECREF(type);
}

static PyObject *func_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyFunction *f = as_func(self);
    const rna::FunctionRNA &func = *f->func;
    /* Error messages only: built when something went wrong. */
    auto func_name = [&] { return f->owner_type->identifier + "." + func.identifier; };
    std::vector<const PropertyRNA *> inputs;
    for (const auto &param : func.parameters) {
      if (!(param->flag & rna::PARM_OUTPUT)) {
        inputs.push_back(param.get());
      }
    }
    const Py_ssize_t positional = PyTuple_GET_SIZE(args);
    const Py_ssize_t given = positional + (kwargs ? PyDict_Size(kwargs) : 0);
    if (given > Py_ssize_t(inputs.size())) {
      raise(ErrorKind::Type, func_name(), "(): takes at most ", inputs.size(), " arguments, got ",
            given);
    }
    /* Unknown keywords first, as Blender reports them before missing parameters. */
    if (kwargs) {
      std::string unknown, expected;
      bool unknown_found = false;
      PyObject *key, *value;
      Py_ssize_t pos = 0;
      while (PyDict_Next(kwargs, &pos, &key, &value)) {
        const std::string_view k = utf8_of(key);
        bool known = false;
        for (const PropertyRNA *param : inputs) {
          known |= param->identifier == k;
        }
        if (!known) {
          unknown_found = true;
          unknown += (unknown.empty() ? "" : ", ") + std::string(k);
        }
      }
      for (const PropertyRNA *param : inputs) {
        expected += (expected.empty() ? "" : ", ") + param->identifier;
      }
      if (unknown_found) {
        raise(ErrorKind::Type, func_name(), "(): was called with invalid keyword argument(s) (",
              unknown, "), expected (", expected, ")");
      }
    }
    std::vector<rna::Value> values(inputs.size());
    for (size_t i = 0; i < inputs.size(); i++) {
      PyObject *arg = nullptr;
      if (Py_ssize_t(i) < positional) {
        arg = PyTuple_GET_ITEM(args, Py_ssize_t(i));
      }
      else if (kwargs) {
        arg = PyDict_GetItemString(kwargs, inputs[i]->identifier.c_str());
      }
      if (!arg) {
        if (inputs[i]->flag & rna::PARM_REQUIRED) {
          raise(ErrorKind::Type, func_name(), "(): required parameter \"", inputs[i]->identifier,
                "\" not specified");
        }
        continue;
      }
      try {
        values[i] = value_from_python(*inputs[i], arg, "");
      }
      catch (const Error &error) {
        if (error.kind() == ErrorKind::Reference) {
          throw; /* a removed ID says so plainly, as in Blender */
        }
        const bool by_position = Py_ssize_t(i) < positional;
        throw Error(error.kind(),
                    str_cat(func_name(), "(): error with ",
                            by_position ? "argument " : "keyword argument ",
                            by_position ? std::to_string(i + 1) + ", " : std::string(), "\"",
                            inputs[i]->identifier, "\" -  ", error.message()));
      }
    }
    const PointerRNA &ptr = f->self.resolve();
    rna::Value result;
    try {
      result = rna::call_function(ptr.main, ptr, func, std::move(values));
    }
    catch (const Error &error) {
      if (error.kind() == ErrorKind::Runtime) {
        throw as_report(error);
      }
      throw;
    }
    if (const PropertyRNA *output = func.output()) {
      return value_to_python(f->self.slot(), *output, result);
    }
    Py_RETURN_NONE;
  });
}

static PyObject *func_repr(PyObject *self)
{
  PyFunction *f = as_func(self);
  return PyUnicode_FromFormat("<bpy_func %s.%s()>", f->owner_type->identifier.c_str(),
                              f->func->identifier.c_str());
}

static PyObject *g_doc(PyObject *self, void *)
{
  PyFunction *f = as_func(self);
  std::string doc = f->func->identifier + "(";
  bool first = true;
  for (const auto &param : f->func->parameters) {
    if (param->flag & rna::PARM_OUTPUT) {
      continue;
    }
    doc += (first ? "" : ", ") + param->identifier;
    first = false;
  }
  doc += ")\n" + f->func->description;
  return PyUnicode_FromString(doc.c_str());
}

static PyGetSetDef func_getset[] = {
    {"__doc__", g_doc, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

void init_function_type(PyObject *module)
{
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(func_dealloc)},
      {Py_tp_call, reinterpret_cast<void *>(func_call)},
      {Py_tp_repr, reinterpret_cast<void *>(func_repr)},
      {Py_tp_getset, func_getset},
      {0, nullptr},
  };
  static PyType_Spec spec = {"bpy.types.bpy_func", sizeof(PyFunction), 0, Py_TPFLAGS_DEFAULT,
                             slots};
  FunctionType = make_type(spec);
  Py_INCREF(FunctionType);
  PyModule_AddObject(module, "bpy_func", reinterpret_cast<PyObject *>(FunctionType));
}

}  // namespace whisk::python
