"""``bpy.context`` for a headless session: the scene and view layer of the current file,
the active and selected objects, and ``temp_override``."""

import _whisk


class _Preferences:
    """What scripts read from ``context.preferences`` in background mode."""

    class _Section:
        def __init__(self, **values):
            self.__dict__.update(values)

    def __init__(self):
        import tempfile

        self.addons = {}
        self.filepaths = self._Section(temporary_directory=tempfile.gettempdir(),
                                       script_directories=[], use_relative_paths=True)
        self.view = self._Section(show_developer_ui=False, show_tooltips=True,
                                  ui_scale=1.0, language="en_US")
        self.edit = self._Section(undo_steps=32, use_global_undo=True,
                                  use_enter_edit_mode=False)
        self.system = self._Section(memory_cache_limit=4096)
        self.is_dirty = False


class Context:
    """The state a script runs in. Read-only, as in Blender; use temp_override to change
    what a block of code sees."""

    __slots__ = ("_overrides", "_preferences")

    def __init__(self):
        object.__setattr__(self, "_overrides", [])
        object.__setattr__(self, "_preferences", None)

    # -- members ------------------------------------------------------------------------
    def _data(self):
        import bpy

        return bpy.data

    def _lookup(self, name):
        # Only context members can be overridden; other keywords are accepted and
        # ignored, as in Blender.
        if name in _MEMBERS:
            for layer in reversed(self._overrides):
                if name in layer:
                    return True, layer[name]
        return False, None

    def __getattr__(self, name):
        found, value = self._lookup(name)
        if found:
            return value
        getter = _MEMBERS.get(name)
        if getter is None:
            raise AttributeError(f"'Context' object has no attribute '{name}'")
        return getter(self)

    def __setattr__(self, name, value):
        if name in _RNA_MEMBERS:
            raise AttributeError(f'bpy_struct: attribute "{name}" from "Context" is read-only')
        raise AttributeError(f'bpy_struct: Context property "{name}" is read-only')

    def __dir__(self):
        return sorted(set(_MEMBERS) | {"copy", "temp_override", "evaluated_depsgraph_get"})

    def _scene_and_layer(self):
        found, scene = self._lookup("scene")
        layer_found, layer = self._lookup("view_layer")
        if found or layer_found:
            if not found:
                scene = _whisk.context_get(self._data())[0]
            if not layer_found:
                layer = scene.view_layers[0] if scene and len(scene.view_layers) else None
            return scene, layer
        return _whisk.context_get(self._data())

    def copy(self):
        """A dict of the context members and their current values."""
        return {name: getattr(self, name) for name in _MEMBERS}

    def evaluated_depsgraph_get(self):
        """The dependency graph of the context's view layer, evaluated and up to date."""
        _scene, layer = self._scene_and_layer()
        if layer is None:
            raise RuntimeError("evaluated_depsgraph_get(): no view layer in the context")
        layer.update()
        return layer.depsgraph

    def temp_override(self, **members):
        """Override context members for the duration of a ``with`` block."""
        return ContextTempOverride(self, members)


class ContextTempOverride:
    """What Context.temp_override returns: a context manager that can be made once and
    entered later."""

    __slots__ = ("_context", "_members")

    def __init__(self, context, members):
        self._context = context
        self._members = members

    def __enter__(self):
        self._context._overrides.append(self._members)
        return None

    def __exit__(self, *exc):
        self._context._overrides.pop()
        return False


def _scene(ctx):
    if not ctx._overrides:
        return _whisk.context_scene(ctx._data())
    return ctx._scene_and_layer()[0]


def _view_layer(ctx):
    return ctx._scene_and_layer()[1]


def _active_object(ctx):
    layer = ctx.view_layer
    return layer.objects.active if layer is not None else None


def _collection(ctx):
    layer = ctx.view_layer
    return layer.active_layer_collection.collection if layer is not None else None


def _selected_objects(ctx):
    layer = ctx.view_layer
    if layer is None:
        return []
    return [ob for ob in layer.objects
            if ob.select_get(view_layer=layer) and ob.visible_get(view_layer=layer)
            and not ob.hide_select]


def _visible_objects(ctx):
    layer = ctx.view_layer
    if layer is None:
        return []
    return [ob for ob in layer.objects if ob.visible_get(view_layer=layer)]


def _selectable_objects(ctx):
    return [ob for ob in _visible_objects(ctx) if not ob.hide_select]


def _editable_objects(ctx):
    return [ob for ob in _visible_objects(ctx) if ob.library is None]


def _selected_editable_objects(ctx):
    return [ob for ob in _selected_objects(ctx) if ob.library is None]


def _preferences(ctx):
    if ctx._preferences is None:
        object.__setattr__(ctx, "_preferences", _Preferences())
    return ctx._preferences


def _none(ctx):
    return None


_MEMBERS = {
    "blend_data": lambda ctx: ctx._data(),
    "scene": _scene,
    "view_layer": _view_layer,
    "collection": _collection,
    "object": _active_object,
    "active_object": _active_object,
    "selected_objects": _selected_objects,
    "selected_editable_objects": _selected_editable_objects,
    "visible_objects": _visible_objects,
    "selectable_objects": _selectable_objects,
    "editable_objects": _editable_objects,
    "mode": lambda ctx: "OBJECT",
    "engine": lambda ctx: ctx.scene.render.engine if ctx.scene is not None else "",
    "preferences": _preferences,
    "window": _none,
    "window_manager": _none,
    "screen": _none,
    "area": _none,
    "region": _none,
    "space_data": _none,
    "workspace": _none,
}

# Members that Blender declares as RNA properties of Context (the others are looked up by
# name); assigning either is refused, with Blender's two messages.
_RNA_MEMBERS = frozenset({"area", "blend_data", "collection", "engine", "layer_collection",
                          "mode", "preferences", "region", "scene", "screen", "space_data",
                          "view_layer", "window", "window_manager", "workspace"})

context = Context()
