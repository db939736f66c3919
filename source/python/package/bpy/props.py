"""``bpy.props``: property definitions for PropertyGroups and for ID types.

Each function returns a deferred definition; registering the class (or assigning it to a
``bpy.types`` class) declares the property in RNA. Values are stored in ID properties.
"""

__all__ = [
    "BoolProperty", "BoolVectorProperty", "IntProperty", "IntVectorProperty",
    "FloatProperty", "FloatVectorProperty", "StringProperty", "EnumProperty",
    "PointerProperty", "CollectionProperty", "RemoveProperty",
]


class _PropertyDeferred:
    """A property definition waiting for registration (what annotations hold). As in
    Blender, the arguments are checked when the property is attached to a class."""

    __slots__ = ("function", "keywords")

    def __init__(self, function, keywords):
        self.function = function
        self.keywords = keywords

    @property
    def kind(self):
        return self.function.__name__[: -len("Property")]

    def resolved(self):
        """The checked keywords for the RNA layer; raises TypeError/ValueError."""
        return _CHECKERS[self.function.__name__](**self.keywords)

    def __repr__(self):
        return f"<_PropertyDeferred, {self.function!r}, {self.keywords!r}>"


def _checked(keywords):
    """Checks callbacks and item types; drops unset keywords."""
    for name, arity in (("update", 2), ("get", 1), ("set", 2), ("poll", 2)):
        _check_callback(name, keywords.get(name), arity)
    type_ = keywords.get("type")
    if type_ is not None and not (isinstance(type_, type) and "bl_rna" in type_.__dict__):
        raise TypeError(f"expected an RNA type (a registered PropertyGroup or an ID type), "
                        f"not {type_!r}")
    return {k: v for k, v in keywords.items() if v is not None}


def _check_callback(name, function, arity):
    """A callback must take the arguments Blender passes it (update(self, context))."""
    if function is None:
        return
    if not callable(function):
        raise TypeError(f"{name} keyword: expected a function type, not {type(function).__name__}")
    import inspect

    try:
        inspect.signature(function).bind(*range(arity))
    except TypeError:
        raise TypeError(f"{name} keyword: expected a function taking {arity} positional "
                        f"arguments") from None
    except ValueError:
        pass  # built-ins without a signature: trust them


def _attach(cls, owner, name, deferred):
    """Declares one property on an RNA class, with Blender's registration error."""
    import sys

    import _whisk

    try:
        _whisk.add_property(cls, deferred.kind, name, deferred.resolved())
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        raise ValueError(f'bpy_struct "{owner}" registration error: \'{name}\' '
                         f"{deferred.function.__name__} could not register (see previous "
                         f"error)") from None


_NUMBER_OPTIONS = frozenset({"HIDDEN", "SKIP_SAVE", "ANIMATABLE", "LIBRARY_EDITABLE",
                             "PROPORTIONAL", "TEXTEDIT_UPDATE", "OUTPUT_PATH"})


def _check_options(function, options, allowed=_NUMBER_OPTIONS):
    if options is None:
        return
    if not isinstance(options, (set, frozenset)):
        raise TypeError(f"{function}(options=...): expected a set, not {type(options).__name__}")
    for option in options:
        if option not in allowed:
            raise TypeError(f"{function}(options={{...}}): '{option}' not found in "
                            f"({', '.join(repr(o) for o in sorted(allowed))})")


def _check_BoolProperty(*, name="", description="", translation_context="*", default=False,
                 options={"ANIMATABLE"}, override=set(), tags=set(), subtype="NONE",
                 update=None, get=None, set=None):
    _check_options("BoolProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                        default=bool(default), options=options,
                                        subtype=subtype, update=update, get=get, set=set))


def _check_BoolVectorProperty(*, name="", description="", translation_context="*",
                       default=(False, False, False), options={"ANIMATABLE"}, override=set(),
                       tags=set(), subtype="NONE", size=3, update=None, get=None, set=None):
    _check_options("BoolVectorProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                              default=tuple(bool(v) for v in default),
                                              options=options, subtype=subtype, size=size,
                                              update=update, get=get, set=set))


def _check_IntProperty(*, name="", description="", translation_context="*", default=0,
                min=-2**31, max=2**31 - 1, soft_min=-2**31, soft_max=2**31 - 1, step=1,
                options={"ANIMATABLE"}, override=set(), tags=set(), subtype="NONE",
                update=None, get=None, set=None):
    _check_options("IntProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                       default=int(default), min=min, max=max,
                                       soft_min=_max_of(soft_min, min), soft_max=_min_of(soft_max, max),
                                       step=step, options=options, subtype=subtype,
                                       update=update, get=get, set=set))


def _check_IntVectorProperty(*, name="", description="", translation_context="*", default=(0, 0, 0),
                      min=-2**31, max=2**31 - 1, soft_min=-2**31, soft_max=2**31 - 1, step=1,
                      options={"ANIMATABLE"}, override=set(), tags=set(), subtype="NONE",
                      size=3, update=None, get=None, set=None):
    _check_options("IntVectorProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                             default=tuple(default), min=min, max=max,
                                             soft_min=_max_of(soft_min, min),
                                             soft_max=_min_of(soft_max, max), step=step,
                                             options=options, subtype=subtype, size=size,
                                             update=update, get=get, set=set))


_FLT_MAX = 3.4028234663852886e38


def _check_FloatProperty(*, name="", description="", translation_context="*", default=0.0,
                  min=-_FLT_MAX, max=_FLT_MAX, soft_min=-_FLT_MAX, soft_max=_FLT_MAX, step=3,
                  precision=2, options={"ANIMATABLE"}, override=set(), tags=set(),
                  subtype="NONE", unit="NONE", update=None, get=None, set=None):
    _check_options("FloatProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                         default=float(default), min=min, max=max,
                                         soft_min=_max_of(soft_min, min),
                                         soft_max=_min_of(soft_max, max), step=step,
                                         precision=precision, options=options, subtype=subtype,
                                         unit=unit, update=update, get=get, set=set))


def _check_FloatVectorProperty(*, name="", description="", translation_context="*",
                        default=(0.0, 0.0, 0.0), min=-_FLT_MAX, max=_FLT_MAX,
                        soft_min=-_FLT_MAX, soft_max=_FLT_MAX, step=3, precision=2,
                        options={"ANIMATABLE"}, override=set(), tags=set(), subtype="NONE",
                        unit="NONE", size=3, update=None, get=None, set=None):
    _check_options("FloatVectorProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                               default=tuple(default), min=min, max=max,
                                               soft_min=_max_of(soft_min, min),
                                               soft_max=_min_of(soft_max, max), step=step,
                                               precision=precision, options=options,
                                               subtype=subtype, unit=unit, size=size,
                                               update=update, get=get, set=set))


def _check_StringProperty(*, name="", description="", translation_context="*", default="", maxlen=0,
                   options={"ANIMATABLE"}, override=set(), tags=set(), subtype="NONE",
                   update=None, get=None, set=None, search=None, search_options=None):
    _check_options("StringProperty", options)
    return _checked(dict(name=name or None, description=description or None,
                                          default=str(default), maxlen=maxlen or None,
                                          options=options, subtype=subtype, update=update,
                                          get=get, set=set))


def _check_EnumProperty(items, *, name="", description="", translation_context="*", default=None,
                 options={"ANIMATABLE"}, override=set(), tags=set(), update=None, get=None,
                 set=None):
    _check_options("EnumProperty", options, _NUMBER_OPTIONS | {"ENUM_FLAG"})
    if not callable(items):
        items = [tuple(item) if item is not None else None for item in items]
        for item in items:
            if item is not None and not (3 <= len(item) <= 5):
                raise TypeError("EnumProperty(..., items=...): expected a tuple containing "
                                "(identifier, name, description) and optionally an icon name "
                                "and unique number")
    elif isinstance(default, str):
        raise TypeError("EnumProperty(...): 'default' can only be an integer when 'items' "
                        "is a function")
    return _checked(dict(items=items, name=name or None,
                                        description=description or None, default=default,
                                        options=options, update=update, get=get, set=set))


def _check_PointerProperty(type=None, *, name="", description="", translation_context="*",
                    options={"ANIMATABLE"}, override=set(), tags=set(), poll=None, update=None):
    _check_options("PointerProperty", options)
    return _checked(dict(type=type, name=name or None,
                                           description=description or None, options=options,
                                           poll=poll, update=update))


def _check_CollectionProperty(type=None, *, name="", description="", translation_context="*",
                       options={"ANIMATABLE"}, override=set(), tags=set()):
    _check_options("CollectionProperty", options)
    return _checked(dict(type=type, name=name or None,
                                              description=description or None, options=options))


# The public functions only record their arguments; _check_* run at registration.
def BoolProperty(**keywords):
    """A boolean property."""
    return _PropertyDeferred(BoolProperty, keywords)


def BoolVectorProperty(**keywords):
    """An array of booleans (size 1 to 32)."""
    return _PropertyDeferred(BoolVectorProperty, keywords)


def IntProperty(**keywords):
    """An integer property."""
    return _PropertyDeferred(IntProperty, keywords)


def IntVectorProperty(**keywords):
    """An array of integers (size 1 to 32)."""
    return _PropertyDeferred(IntVectorProperty, keywords)


def FloatProperty(**keywords):
    """A floating point property."""
    return _PropertyDeferred(FloatProperty, keywords)


def FloatVectorProperty(**keywords):
    """An array of floats (size 1 to 32, or rows x columns)."""
    return _PropertyDeferred(FloatVectorProperty, keywords)


def StringProperty(**keywords):
    """A string property."""
    return _PropertyDeferred(StringProperty, keywords)


def EnumProperty(items=None, **keywords):
    """An enumeration: static items, or a function (self, context) returning them."""
    return _PropertyDeferred(EnumProperty, dict(keywords, items=items))


def PointerProperty(type=None, **keywords):
    """A pointer to a PropertyGroup (stored in place) or to an ID."""
    return _PropertyDeferred(PointerProperty, dict(keywords, type=type))


def CollectionProperty(type=None, **keywords):
    """A collection of PropertyGroup items."""
    return _PropertyDeferred(CollectionProperty, dict(keywords, type=type))


_CHECKERS = {
    "BoolProperty": _check_BoolProperty, "BoolVectorProperty": _check_BoolVectorProperty,
    "IntProperty": _check_IntProperty, "IntVectorProperty": _check_IntVectorProperty,
    "FloatProperty": _check_FloatProperty, "FloatVectorProperty": _check_FloatVectorProperty,
    "StringProperty": _check_StringProperty, "EnumProperty": _check_EnumProperty,
    "PointerProperty": _check_PointerProperty, "CollectionProperty": _check_CollectionProperty,
}


def RemoveProperty(cls, *, attr):
    """Remove a run-time property from an RNA class (``del cls.attr`` does the same)."""
    delattr(cls, attr)


def _max_of(a, b):
    return a if a > b else b


def _min_of(a, b):
    return a if a < b else b
