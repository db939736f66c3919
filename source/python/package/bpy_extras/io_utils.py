"""``bpy_extras.io_utils``: helpers for import and export operators.

- ImportHelper / ExportHelper: mixins that give an operator a ``filepath`` property, the
  file-browser ``invoke`` and a ``check`` that keeps the extension and axes valid.
- orientation_helper: a class decorator adding ``axis_forward``/``axis_up`` properties.
- axis_conversion: the rotation matrix between two (forward, up) conventions.
- path_reference / path_reference_copy: how an exporter writes paths to other files.
- unpack_list, unpack_face_list, unique_name, create_derived_objects.

Behaviour follows Blender as recorded in tests/fixtures/bpy_modules.json
(tools/oracle/gen_bpy_modules.py). Whisk has no file browser: where Blender would open
one, the operator runs directly with the properties it was given (what Blender does when
it runs without a window).
"""

__all__ = (
    "ExportHelper",
    "ImportHelper",
    "orientation_helper",
    "axis_conversion",
    "axis_conversion_ensure",
    "create_derived_objects",
    "unpack_list",
    "unpack_face_list",
    "path_reference",
    "path_reference_copy",
    "path_reference_mode",
    "unique_name",
)

import os

import bpy
from bpy.props import BoolProperty, EnumProperty, StringProperty


# ---- file browser -----------------------------------------------------------------------


def _file_browser(context):
    """The window manager's fileselect_add, or None when there is no interface."""
    wm = getattr(context, "window_manager", None)
    return getattr(wm, "fileselect_add", None) if wm is not None else None


def _check_axis_conversion(op):
    if hasattr(op, "axis_forward") and hasattr(op, "axis_up"):
        return axis_conversion_ensure(op, "axis_forward", "axis_up")
    return False


class ExportHelper:
    """Mixin for export operators: a ``filepath`` property, a file browser on invoke that
    suggests the current file's name with ``filename_ext``, and ``check`` keeping that
    extension. The operator class sets ``filename_ext`` (e.g. ``".obj"``); setting
    ``check_extension`` to False or None stops ``check`` from changing it."""

    filepath: StringProperty(
        name="File Path",
        description="Path of the file to export to",
        maxlen=1024,
        subtype='FILE_PATH',
    )
    check_existing: BoolProperty(
        name="Check Existing",
        description="Warn before overwriting an existing file",
        default=True,
        options={'HIDDEN'},
    )

    # True: check() replaces the extension with filename_ext; False: check() keeps what the
    # user typed; None: as False, and check() leaves the path alone entirely.
    check_extension = True

    def invoke(self, context, _event):
        fileselect_add = _file_browser(context)
        if fileselect_add is None:
            # No interface: run with the properties as given, as Blender does without a window.
            return self.execute(context)
        if not self.filepath:
            blend_filepath = context.blend_data.filepath
            stem = os.path.splitext(blend_filepath)[0] if blend_filepath else "untitled"
            self.filepath = stem + self.filename_ext
        fileselect_add(self)
        return {'RUNNING_MODAL'}

    def check(self, _context):
        """Fix the extension and the axes; True if anything changed."""
        change_ext = False
        check_extension = getattr(self, "check_extension", True)
        if check_extension is not None:
            filepath = self.filepath
            if os.path.basename(filepath):
                if check_extension:
                    filepath = bpy.path.ensure_ext(os.path.splitext(filepath)[0],
                                                   self.filename_ext)
                if filepath != self.filepath:
                    self.filepath = filepath
                    change_ext = True
        change_axis = _check_axis_conversion(self)
        return change_ext or change_axis


class ImportHelper:
    """Mixin for import operators: a ``filepath`` property and a file browser on invoke."""

    filepath: StringProperty(
        name="File Path",
        description="Path of the file to import",
        maxlen=1024,
        subtype='FILE_PATH',
    )

    def invoke(self, context, _event):
        fileselect_add = _file_browser(context)
        if fileselect_add is None:
            return self.execute(context)
        fileselect_add(self)
        return {'RUNNING_MODAL'}

    def invoke_popup(self, context, confirm_text=""):
        """Show the operator's properties before running it (Blender 4.1+, for files
        dropped on the window). Without an interface the operator runs directly."""
        wm = getattr(context, "window_manager", None)
        dialog = getattr(wm, "invoke_props_dialog", None) if wm is not None else None
        if dialog is None:
            return self.execute(context)
        if self.properties.is_property_set("filepath"):
            title = self.filepath
            if confirm_text:
                return dialog(self, confirm_text=confirm_text, title=title)
            return dialog(self, title=title)
        return self.invoke(context, None)

    def check(self, _context):
        """Fix the axes; True if they changed."""
        return _check_axis_conversion(self)


# ---- axes -----------------------------------------------------------------------------

_AXES = ('X', 'Y', 'Z', '-X', '-Y', '-Z')
_AXIS_VECTORS = {
    'X': (1.0, 0.0, 0.0), 'Y': (0.0, 1.0, 0.0), 'Z': (0.0, 0.0, 1.0),
    '-X': (-1.0, 0.0, 0.0), '-Y': (0.0, -1.0, 0.0), '-Z': (0.0, 0.0, -1.0),
}
_NEXT_AXIS = {'X': 'Y', 'Y': 'Z', 'Z': 'X'}


def _other_axis(keep, change):
    """`change` moved off the axis of `keep`: the next axis (X->Y->Z->X) after keep's,
    with change's sign."""
    sign = '-' if change.startswith('-') else ''
    return sign + _NEXT_AXIS[keep[-1]]


def orientation_helper(axis_forward='Y', axis_up='Z'):
    """Class decorator: adds ``axis_forward`` and ``axis_up`` enum properties (X, Y, Z,
    -X, -Y, -Z) with the given defaults. Choosing one on the other's axis moves the other
    one to the next axis."""

    def wrapper(cls):
        def _update_axis_forward(self, _context):
            if self.axis_forward[-1] == self.axis_up[-1]:
                self.axis_up = _other_axis(self.axis_forward, self.axis_up)

        def _update_axis_up(self, _context):
            if self.axis_up[-1] == self.axis_forward[-1]:
                self.axis_forward = _other_axis(self.axis_up, self.axis_forward)

        annotations = cls.__dict__.get("__annotations__")
        if annotations is None:
            annotations = {}
            cls.__annotations__ = annotations
        annotations["axis_forward"] = EnumProperty(
            name="Forward",
            items=[(axis, axis + " Forward", "") for axis in _AXES],
            default=axis_forward,
            update=_update_axis_forward,
        )
        annotations["axis_up"] = EnumProperty(
            name="Up",
            items=[(axis, axis + " Up", "") for axis in _AXES],
            default=axis_up,
            update=_update_axis_up,
        )
        return cls

    return wrapper


def _basis(forward, up):
    """Rows of the matrix whose columns are forward, up and forward x up."""
    f = _AXIS_VECTORS[forward]
    u = _AXIS_VECTORS[up]
    r = (f[1] * u[2] - f[2] * u[1], f[2] * u[0] - f[0] * u[2], f[0] * u[1] - f[1] * u[0])
    return [(f[i], u[i], r[i]) for i in range(3)]


def axis_conversion(from_forward='Y', from_up='Z', to_forward='Y', to_up='Z'):
    """The 3x3 rotation taking the `from` convention (which axis points forward and which
    up) to the `to` convention. Axes are 'X', 'Y', 'Z', '-X', '-Y', '-Z'; Blender's own is
    forward Y, up Z.

    Raises ValueError when forward and up lie on the same axis (Blender raises a plain
    Exception, of which ValueError is a kind) and KeyError for an unknown axis name.
    """
    from mathutils import Matrix

    if from_forward == to_forward and from_up == to_up:
        return Matrix.Identity(3)
    if from_forward[-1] == from_up[-1] or to_forward[-1] == to_up[-1]:
        raise ValueError("axis_conversion(): forward and up must lie on different axes "
                         "(from %s/%s, to %s/%s)" % (from_forward, from_up, to_forward, to_up))
    src = _basis(from_forward, from_up)
    dst = _basis(to_forward, to_up)
    # dst @ src^T: src's columns map onto dst's (the inverse of a rotation is its transpose).
    rows = [[sum(dst[i][k] * src[j][k] for k in range(3)) + 0.0 for j in range(3)]
            for i in range(3)]
    return Matrix(rows)


def axis_conversion_ensure(operator, forward_attr, up_attr):
    """Make the operator's forward and up axes valid (for ``Operator.check``): if they lie
    on the same axis, move up to the next one. True if it changed anything."""
    forward = getattr(operator, forward_attr)
    up = getattr(operator, up_attr)
    if forward[-1] == up[-1]:
        setattr(operator, up_attr, _other_axis(forward, up))
        return True
    return False


# ---- geometry helpers -----------------------------------------------------------------------


def create_derived_objects(depsgraph, objects):
    """For each of `objects`, the (object, world matrix) of each instance the evaluated
    depsgraph makes of it: the object itself and what it instances (particles, collection
    and vertex/face instancing). Returns {object: [(object, matrix), ...]}; objects are
    the original (not evaluated) ones, matrices are copies."""
    wanted = set(objects)
    result = {}
    for instance in depsgraph.object_instances:
        if instance.is_instance:
            owner = instance.parent.original
            shown = instance.instance_object.original
        else:
            owner = instance.object.original
            shown = owner
        if owner in wanted:
            result.setdefault(owner, []).append((shown, instance.matrix_world.copy()))
    return result


def unpack_list(list_of_tuples):
    """The items of a sequence of sequences, in one flat list."""
    return [value for item in list_of_tuples for value in item]


def unpack_face_list(list_of_tuples):
    """A flat list with four indices per face, for the legacy face format in which a
    trailing index 0 meant "no fourth vertex": triangles get a 0 appended, and a face
    whose last index is 0 is rotated first so that 0 is not last."""
    flat = []
    for face in list_of_tuples:
        face = tuple(face)
        if len(face) == 3:
            if face[2] == 0:
                face = (face[1], face[2], face[0])
            flat.extend(face)
            flat.append(0)
        else:
            if face[3] == 0:
                face = (face[2], face[3], face[0], face[1]) + face[4:]
            flat.extend(face)
    return flat


# ---- paths ----------------------------------------------------------------------------------

path_reference_mode = EnumProperty(
    name="Path Mode",
    description="How to write paths to other files",
    items=(
        ('AUTO', "Auto", "Relative for files inside the export directory, absolute otherwise"),
        ('ABSOLUTE', "Absolute", "Always absolute"),
        ('RELATIVE', "Relative", "Relative where possible"),
        ('MATCH', "Match", "Relative or absolute, as the path was in the scene"),
        ('STRIP', "Strip Path", "File name only"),
        ('COPY', "Copy", "Copy the file next to the export (or into a subdirectory)"),
    ),
    default='AUTO',
)

_PATH_MODES = ('AUTO', 'ABSOLUTE', 'RELATIVE', 'MATCH', 'STRIP', 'COPY')


def path_reference(filepath, base_src, base_dst, mode='AUTO', copy_subdir="", copy_set=None,
                   library=None):
    """The path an exporter should write for `filepath`.

    filepath: the path as stored (may start with ``//``). base_src: the directory it is
    relative to (normally the current file's). base_dst: the directory the exported file
    goes to. mode: one of path_reference_mode's items. copy_subdir, copy_set: for 'COPY',
    the subdirectory of base_dst to copy into and a set that collects (source,
    destination) pairs for path_reference_copy. library: the Library the path comes from,
    whose directory replaces base_src.
    """
    is_relative = filepath.startswith("//")
    filepath_abs = os.path.normpath(bpy.path.abspath(filepath, start=base_src, library=library))

    if mode in ('ABSOLUTE', 'RELATIVE', 'STRIP'):
        pass
    elif mode == 'MATCH':
        mode = 'RELATIVE' if is_relative else 'ABSOLUTE'
    elif mode == 'AUTO':
        mode = 'RELATIVE' if bpy.path.is_subdir(filepath_abs, base_dst) else 'ABSOLUTE'
    elif mode == 'COPY':
        if copy_set is None:
            raise TypeError("path_reference(mode='COPY') needs a copy_set to collect the "
                            "files to copy")
        subdir_abs = os.path.normpath(base_dst)
        if copy_subdir:
            subdir_abs = os.path.join(subdir_abs, copy_subdir)
        filepath_cpy = os.path.join(subdir_abs, os.path.basename(filepath_abs))
        copy_set.add((filepath_abs, filepath_cpy))
        filepath_abs = filepath_cpy
        mode = 'RELATIVE'
    else:
        raise ValueError("path_reference(): invalid mode %r, expected one of %s"
                         % (mode, ", ".join(_PATH_MODES)))

    if mode == 'ABSOLUTE':
        return filepath_abs
    if mode == 'RELATIVE':
        try:
            return os.path.relpath(filepath_abs, base_dst)
        except ValueError:  # on another drive (Windows): no relative path exists
            return filepath_abs
    return os.path.basename(filepath_abs)  # 'STRIP'


def path_reference_copy(copy_set, report=print):
    """Copy the (source, destination) pairs path_reference collected. Missing sources and
    failures are passed to `report` (a message each); a file already at its destination is
    left alone."""
    import shutil

    for file_src, file_dst in copy_set:
        if not os.path.exists(file_src):
            report("not copying %r: the file does not exist" % file_src)
            continue
        if os.path.exists(file_dst) and os.path.samefile(file_src, file_dst):
            continue
        try:
            os.makedirs(os.path.dirname(file_dst), exist_ok=True)
            shutil.copy(file_src, file_dst)
        except OSError as ex:
            report("copying %r to %r failed: %s" % (file_src, file_dst, ex))


def unique_name(key, name, name_dict, name_max=-1, clean_func=None, sep="."):
    """A name for `key` that no other key in `name_dict` has, remembered there (the same
    key always gets the same name). Clashes get ``sep`` and a three-digit number; with
    name_max the result is at most that long; clean_func, when given, cleans `name`
    first (e.g. bpy.path.clean_name)."""
    name_new = name_dict.get(key)
    if name_new is not None:
        return name_new
    base = name if clean_func is None else clean_func(name)
    taken = set(name_dict.values())
    count = 1
    if name_max == -1:
        name_new = base
        while name_new in taken:
            name_new = "%s%s%03d" % (base, sep, count)
            count += 1
    else:
        name_new = base[:name_max]
        while name_new in taken:
            number = "%03d" % count
            name_new = base[:max(0, name_max - len(number) - len(sep))] + sep + number
            count += 1
    name_dict[key] = name_new
    return name_new
