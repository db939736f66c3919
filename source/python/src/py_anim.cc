// bpy_struct's animation methods (keyframe_insert, keyframe_delete, driver_add,
// driver_remove) and the hook that runs scripted driver expressions in Python.

#include "bridge.hh"
#include "whisk/anim/animsys.hh"
#include "whisk/anim/keyframing.hh"
#include "whisk/depsgraph/depsgraph.hh"
#include "whisk/dna/scene.hh"
#include "whisk/kernel/evaluation.hh"

namespace whisk::python {

namespace {

PyStruct *self_struct(PyObject *self) { return reinterpret_cast<PyStruct *>(self); }

uint32_t keyframe_options(PyObject *options)
{
  uint32_t flags = 0;
  if (!options) {
    return flags;
  }
  Ref iter(check(PyObject_GetIter(options)));
  while (PyObject *item = PyIter_Next(iter.get())) {
    Ref owned(item);
    if (!PyUnicode_Check(item)) {
      raise(ErrorKind::Type, "keyframe options must be strings");
    }
    const std::string_view name = utf8_of(item);
    if (name == "INSERTKEY_NEEDED") {
      flags |= anim::KEYFRAME_NEEDED;
    }
    else if (name == "INSERTKEY_REPLACE") {
      flags |= anim::KEYFRAME_REPLACE;
    }
    else if (name == "INSERTKEY_AVAILABLE") {
      flags |= anim::KEYFRAME_AVAILABLE;
    }
    else if (name == "INSERTKEY_CYCLE_AWARE") {
      flags |= anim::KEYFRAME_CYCLE_AWARE;
    }
    else if (name != "INSERTKEY_VISUAL" && name != "INSERTKEY_XYZ_TO_RGB") {
      raise(ErrorKind::Type, "bpy_struct.keyframe_insert() options: \"", name,
            "\" not found in ('INSERTKEY_NEEDED', 'INSERTKEY_VISUAL', 'INSERTKEY_XYZ_TO_RGB', "
            "'INSERTKEY_REPLACE', 'INSERTKEY_AVAILABLE', 'INSERTKEY_CYCLE_AWARE')");
    }
  }
  if (PyErr_Occurred()) {
    throw PyRaised();
  }
  return flags;
}

/** The frame keys go on by default: the current frame of the context scene. */
float current_frame(kernel::Main &main)
{
  return main.context_scene ? float(main.context_scene->frame_current) : 1.0f;
}

PyObject *keyframe_method(PyObject *self, PyObject *args, PyObject *kwargs, bool insert)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    static const char *insert_keywords[] = {"data_path", "index", "frame", "group", "options",
                                            "keytype", nullptr};
    static const char *delete_keywords[] = {"data_path", "index", "frame", "group", nullptr};
    const char *path = nullptr;
    int index = -1;
    PyObject *frame_obj = nullptr;
    const char *group = "";
    PyObject *options = nullptr;
    const char *keytype = "KEYFRAME";
    const bool parsed =
        insert ? PyArg_ParseTupleAndKeywords(args, kwargs, "s|iOsOs:keyframe_insert",
                                             const_cast<char **>(insert_keywords), &path, &index,
                                             &frame_obj, &group, &options, &keytype) :
                 PyArg_ParseTupleAndKeywords(args, kwargs, "s|iOs:keyframe_delete",
                                             const_cast<char **>(delete_keywords), &path, &index,
                                             &frame_obj, &group);
    if (!parsed) {
      throw PyRaised();
    }
    const PointerRNA &ptr = self_struct(self)->handle.resolve();
    kernel::Main &main = *ptr.main;
    float frame = current_frame(main);
    if (frame_obj && frame_obj != Py_None) {
      frame = float(PyFloat_AsDouble(frame_obj));
      if (PyErr_Occurred()) {
        throw PyRaised();
      }
    }
    const bool result =
        insert ? anim::keyframe_insert(main, ptr, path, index, frame, group,
                                       keyframe_options(options)) :
                 anim::keyframe_delete(main, ptr, path, index, frame);
    return PyBool_FromLong(result);
  });
}

/** A driver F-curve as Python sees it: through the owner's animation_data.drivers. */
PyObject *wrap_driver_curve(PyStruct *self, const PointerRNA &ptr, dna::FCurve *fcu)
{
  PointerRNA id_ptr = rna::pointer_from_id(ptr.main, ptr.owner_id);
  PointerRNA curve = rna::pointer_from_data(id_ptr, rna::blender_rna().find("FCurve"), fcu);
  return wrap_struct(self->handle.slot(), curve);
}

PyObject *m_driver_add(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const char *path = nullptr;
    int index = -1;
    if (!PyArg_ParseTuple(args, "s|i:driver_add", &path, &index)) {
      throw PyRaised();
    }
    PyStruct *ps = self_struct(self);
    const PointerRNA &ptr = ps->handle.resolve();
    std::vector<dna::FCurve *> curves = anim::driver_add(*ptr.main, ptr, path, index);
    bool single = index >= 0 || anim::is_idprop_path(path);
    if (!single) {
      rna::ResolvedPath target = rna::path_resolve(ptr, path);
      single = target.index >= 0 || (target.prop && !target.prop->is_array());
    }
    if (single && curves.size() == 1) {
      return wrap_driver_curve(ps, ptr, curves[0]);
    }
    Ref list(check(PyList_New(Py_ssize_t(curves.size()))));
    for (size_t i = 0; i < curves.size(); i++) {
      PyList_SET_ITEM(list.get(), Py_ssize_t(i), check(wrap_driver_curve(ps, ptr, curves[i])));
    }
    return list.release();
  });
}

PyObject *m_driver_remove(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const char *path = nullptr;
    int index = -1;
    if (!PyArg_ParseTuple(args, "s|i:driver_remove", &path, &index)) {
      throw PyRaised();
    }
    const PointerRNA &ptr = self_struct(self)->handle.resolve();
    return PyBool_FromLong(anim::driver_remove(*ptr.main, ptr, path, index));
  });
}

/** Runs a driver expression in Python with the variables as locals. Called with the
 * interpreter held: the graph evaluates Python drivers on the calling thread. */
bool run_scripted_expression(const std::string &expression,
                             const std::vector<std::pair<std::string, double>> &vars, ID *self,
                             double &result)
{
  Ref math(PyImport_ImportModule("math"));
  if (!math) {
    PyErr_Clear();
    return false;
  }
  Ref globals(PyDict_New());
  PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins());
  Ref math_dict(PyObject_GenericGetDict(math.get(), nullptr));
  if (math_dict) {
    PyDict_Update(globals.get(), math_dict.get());
  }
  else {
    PyErr_Clear();
  }
  Ref locals(PyDict_New());
  for (const auto &[name, value] : vars) {
    Ref number(PyFloat_FromDouble(value));
    PyDict_SetItemString(locals.get(), name.c_str(), number.get());
  }
  (void)self;
  Ref value(PyRun_String(expression.c_str(), Py_eval_input, globals.get(), locals.get()));
  if (!value) {
    PyErr_Clear();
    return false;
  }
  result = PyFloat_AsDouble(value.get());
  if (PyErr_Occurred()) {
    PyErr_Clear();
    return false;
  }
  return true;
}

}  // namespace

PyObject *m_keyframe_insert(PyObject *self, PyObject *args, PyObject *kwargs)
{
  return keyframe_method(self, args, kwargs, true);
}
PyObject *m_keyframe_delete(PyObject *self, PyObject *args, PyObject *kwargs)
{
  return keyframe_method(self, args, kwargs, false);
}
PyObject *m_struct_driver_add(PyObject *self, PyObject *args) { return m_driver_add(self, args); }
PyObject *m_struct_driver_remove(PyObject *self, PyObject *args)
{
  return m_driver_remove(self, args);
}

void init_evaluation()
{
  depsgraph::install();
  kernel::set_scripted_expression_fn(run_scripted_expression);
}

}  // namespace whisk::python
