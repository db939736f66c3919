"""``bpy.utils``: class registration and small helpers."""

import _whisk

__all__ = [
    "register_class", "unregister_class", "register_classes_factory",
    "register_submodule_factory", "escape_identifier", "unescape_identifier",
    "is_path_builtin",
]

# Types that scripts may subclass and register now; operators, panels and the like arrive
# with the window-manager layer.
_REGISTRABLE = ("PropertyGroup",)


def _registrable_base(cls):
    import bpy.types

    for base in cls.__mro__[1:]:
        if base.__name__ in _REGISTRABLE and getattr(bpy.types, base.__name__, None) is base:
            return base
    return None


def _annotations(cls):
    """Annotations of the class and of its plain-Python mixins, base first."""
    from bpy.props import _PropertyDeferred

    found = {}
    for klass in reversed(cls.__mro__):
        if "bl_rna" in klass.__dict__ and klass is not cls:
            continue
        for name, value in klass.__dict__.get("__annotations__", {}).items():
            if isinstance(value, _PropertyDeferred):
                found[name] = value
    return found


def register_class(cls):
    """Register a subclass of a registrable type (PropertyGroup) in RNA. As in Blender
    3.4, PropertyGroups do not appear in bpy.types."""
    if not isinstance(cls, type):
        raise ValueError(f"register_class(...): expected a class argument, not {type(cls).__name__}")
    if "bl_rna" in cls.__dict__:
        raise ValueError(f"register_class(...): already registered as a subclass "
                         f"'{cls.__dict__.get('bl_idname', cls.__name__)}'")
    base = _registrable_base(cls)
    if base is None:
        raise ValueError(f"register_class(...): expected a subclass of a registerable RNA "
                         f"type ({', '.join(_REGISTRABLE)}), not '{cls.__name__}'")
    from bpy.props import _attach

    identifier = cls.__dict__.get("bl_idname", cls.__name__)
    _whisk.register_struct(identifier, base, cls)
    # A property that fails leaves the class registered without it, as in Blender.
    for name, deferred in _annotations(cls).items():
        _attach(cls, identifier, name, deferred)
    register = cls.__dict__.get("register")
    if register is not None:
        register.__func__() if isinstance(register, classmethod) else register()


def unregister_class(cls):
    """Undo register_class: the class leaves RNA; stored values stay."""
    if "bl_rna" not in cls.__dict__:
        meta = "RNAMetaPropGroup" if _registrable_base(cls) is not None else "RNAMeta"
        raise RuntimeError(f"unregister_class(...):, missing bl_rna attribute from "
                           f"'{meta}' instance (may not be registered)")
    unregister = cls.__dict__.get("unregister")
    if unregister is not None:
        unregister.__func__() if isinstance(unregister, classmethod) else unregister()
    _whisk.unregister_struct(cls)
    type.__delattr__(cls, "bl_rna")


def register_classes_factory(classes):
    """(register, unregister) functions for a sequence of classes, in order and reversed."""
    def register():
        for cls in classes:
            register_class(cls)

    def unregister():
        for cls in reversed(classes):
            unregister_class(cls)

    return register, unregister


def register_submodule_factory(module_name, submodule_names):
    """(register, unregister) that import submodules of a package and call theirs."""
    import importlib

    modules = []

    def register():
        for name in submodule_names:
            module = importlib.import_module(f"{module_name}.{name}")
            modules.append(module)
            module.register()

    def unregister():
        while modules:
            modules.pop().unregister()

    return register, unregister


def escape_identifier(string):
    """Escape backslashes and double quotes, for use inside an RNA path."""
    return string.replace("\\", "\\\\").replace('"', '\\"')


def unescape_identifier(string):
    """Undo escape_identifier."""
    out, i = [], 0
    while i < len(string):
        if string[i] == "\\" and i + 1 < len(string):
            out.append(string[i + 1])
            i += 2
        else:
            out.append(string[i])
            i += 1
    return "".join(out)


def is_path_builtin(path):
    """Whether a path is inside Whisk's own Python packages."""
    import os

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        return os.path.commonpath([os.path.abspath(path), root]) == root
    except ValueError:
        return False
