"""The metaclass of RNA classes: ``bpy.types.Scene.my_prop = bpy.props.IntProperty()``
registers a run-time property on the RNA struct, and ``del`` removes it."""

import _whisk


class StructMeta(type):
    def __setattr__(cls, name, value):
        from .props import _PropertyDeferred, _attach

        if isinstance(value, _PropertyDeferred) and "bl_rna" in _own_or_inherited(cls):
            _attach(cls, cls.bl_rna.identifier, name, value)
        type.__setattr__(cls, name, value)

    @property
    def is_registered(cls):
        """Whether a script registered this class (built-in types read False)."""
        rna = cls.__dict__.get("bl_rna")
        return rna is not None and _whisk.is_runtime_struct(rna)

    def __delattr__(cls, name):
        removed = False
        if "bl_rna" in _own_or_inherited(cls):
            removed = _whisk.remove_property(cls, name)
        if name in cls.__dict__:
            type.__delattr__(cls, name)
        elif not removed:
            raise AttributeError(f"type object '{cls.__name__}' has no attribute '{name}'")


def _own_or_inherited(cls):
    return {"bl_rna"} if hasattr(cls, "bl_rna") else set()
