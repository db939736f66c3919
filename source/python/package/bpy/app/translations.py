"""``bpy.app.translations``: interface-text translation.

Whisk has no interface and ships no translations; its language is always ``en_US``, for
which Blender returns every message unchanged. So the ``pgettext*`` functions return their
message as given, and ``register``/``unregister`` keep an add-on's translation tables
(so that add-ons register without errors) without ever applying them.
"""

import collections as _collections

__all__ = (
    "contexts", "contexts_C_to_py", "locale", "locale_explode", "locales", "pgettext",
    "pgettext_data", "pgettext_iface", "pgettext_n", "pgettext_rpt", "pgettext_tip",
    "register", "unregister",
)

#: The interface language.
locale = "en_US"
#: The languages available.
locales = ("en_US",)

# Translation contexts: (field of `contexts`, C macro name suffix, context string).
_CONTEXTS = (
    ("default_real", "DEFAULT", None),
    ("default", "DEFAULT_BPYRNA", "*"),
    ("operator_default", "OPERATOR_DEFAULT", "Operator"),
    ("ui_events_keymaps", "UI_EVENTS", "UI_Events_KeyMaps"),
    ("plural", "PLURAL", "Plural"),
    ("id_action", "ID_ACTION", "Action"),
    ("id_armature", "ID_ARMATURE", "Armature"),
    ("id_brush", "ID_BRUSH", "Brush"),
    ("id_camera", "ID_CAMERA", "Camera"),
    ("id_cachefile", "ID_CACHEFILE", "CacheFile"),
    ("id_collection", "ID_COLLECTION", "Collection"),
    ("id_curve", "ID_CURVE_LEGACY", "Curve"),
    ("id_fs_linestyle", "ID_FREESTYLELINESTYLE", "FreestyleLineStyle"),
    ("id_gpencil", "ID_GPENCIL", "GPencil"),
    ("id_curves", "ID_CURVES", "Curves"),
    ("id_id", "ID_ID", "ID"),
    ("id_image", "ID_IMAGE", "Image"),
    ("id_shapekey", "ID_SHAPEKEY", "Key"),
    ("id_light", "ID_LIGHT", "Light"),
    ("id_library", "ID_LIBRARY", "Library"),
    ("id_lattice", "ID_LATTICE", "Lattice"),
    ("id_mask", "ID_MASK", "Mask"),
    ("id_material", "ID_MATERIAL", "Material"),
    ("id_metaball", "ID_METABALL", "Metaball"),
    ("id_mesh", "ID_MESH", "Mesh"),
    ("id_movieclip", "ID_MOVIECLIP", "MovieClip"),
    ("id_nodetree", "ID_NODETREE", "NodeTree"),
    ("id_object", "ID_OBJECT", "Object"),
    ("id_paintcurve", "ID_PAINTCURVE", "PaintCurve"),
    ("id_palette", "ID_PALETTE", "Palette"),
    ("id_particlesettings", "ID_PARTICLESETTINGS", "ParticleSettings"),
    ("id_pointcloud", "ID_POINTCLOUD", "PointCloud"),
    ("id_lightprobe", "ID_LIGHTPROBE", "LightProbe"),
    ("id_scene", "ID_SCENE", "Scene"),
    ("id_screen", "ID_SCREEN", "Screen"),
    ("id_sequence", "ID_SEQUENCE", "Sequence"),
    ("id_simulation", "ID_SIMULATION", "Simulation"),
    ("id_speaker", "ID_SPEAKER", "Speaker"),
    ("id_sound", "ID_SOUND", "Sound"),
    ("id_texture", "ID_TEXTURE", "Texture"),
    ("id_text", "ID_TEXT", "Text"),
    ("id_vfont", "ID_VFONT", "VFont"),
    ("id_volume", "ID_VOLUME", "Volume"),
    ("id_world", "ID_WORLD", "World"),
    ("id_workspace", "ID_WORKSPACE", "WorkSpace"),
    ("id_windowmanager", "ID_WINDOWMANAGER", "WindowManager"),
    ("editor_view3d", "EDITOR_VIEW3D", "View3D"),
)

_Contexts = _collections.namedtuple("contexts", [field for field, _c, _s in _CONTEXTS])
_Contexts.__qualname__ = "bpy.app.translations.contexts"

#: The translation contexts, by name.
contexts = _Contexts(*[string for _f, _c, string in _CONTEXTS])
#: C macro names of the contexts -> field names of `contexts`.
contexts_C_to_py = {"BLT_I18NCONTEXT_" + c_name: field for field, c_name, _s in _CONTEXTS}

_registered = {}


def pgettext(msgid, msgctxt=None):
    """The translation of `msgid` (always `msgid` itself: the language is en_US)."""
    return msgid


def pgettext_iface(msgid, msgctxt=None):
    """Like pgettext, for interface labels."""
    return msgid


def pgettext_tip(msgid, msgctxt=None):
    """Like pgettext, for tooltips."""
    return msgid


def pgettext_rpt(msgid, msgctxt=None):
    """Like pgettext, for reports."""
    return msgid


def pgettext_data(msgid, msgctxt=None):
    """Like pgettext, for names of new data."""
    return msgid


def pgettext_n(msgid, msgctxt=None):
    """Marks `msgid` for extraction and returns it untranslated."""
    return msgid


def locale_explode(locale):
    """(language, country, variant, language_country, language@variant) of a locale name
    such as ``fr_FR@euro``; the parts that are absent are None."""
    language = country = variant = None
    rest = locale
    if "@" in rest:
        rest, variant = rest.split("@", 1)
    if "_" in rest:
        language, country = rest.split("_", 1)
    else:
        language = rest
    language_country = "%s_%s" % (language, country) if country else None
    language_variant = "%s@%s" % (language, variant) if variant else None
    return language, country, variant, language_country, language_variant


def register(module_name, translations_dict):
    """Keep an add-on's translations ({locale: {(context, msgid): translation}}).

    They are never applied, since Whisk's language is always en_US.
    """
    if module_name in _registered:
        raise ValueError("translations of %r are already registered" % (module_name,))
    if not isinstance(translations_dict, dict):
        raise TypeError("register(): expected a dict of translations, not %s"
                        % type(translations_dict).__name__)
    _registered[module_name] = translations_dict


def unregister(module_name):
    """Forget the translations registered for `module_name` (nothing if there are none)."""
    _registered.pop(module_name, None)
