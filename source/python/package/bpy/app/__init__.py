"""``bpy.app``: facts about the running application.

Whisk reports the Blender API level it implements (``version``: 4.2) so that scripts that
test ``bpy.app.version >= (x, y, z)`` take their 4.x code paths; its own version is
``whisk_version``. Pure Python: importable without the ``_whisk`` extension.

The ``whisk`` executable overwrites ``binary_path``, ``background``, ``factory_startup``,
``python_args`` and the ``debug*`` flags from its command line; under a plain
``python3 -c "import bpy"`` they keep the values below (like Blender built as a Python
module, ``binary_path`` is ``""`` and may be set by the script).

Left out on purpose, because nothing in Whisk could give them a meaning: the UI members
(``icons``, ``render_icon_size``, ``render_preview_size``, ``use_event_simulate``,
``use_userpref_skip_save_on_exit``), ``is_job_running`` (Whisk has no window-manager
jobs), and the library-version records (``alembic``, ``usd``, ``ffmpeg``, ``ocio``,
``oiio``, ``opensubdiv``, ``openvdb``, ``sdl``, ``build_options``), which the C++
extension can add once it reports what it was built with. ``handlers`` and ``timers``
come with the event system.
"""

import math as _math
import os as _os
import sys as _sys

# -- versions ---------------------------------------------------------------------------

#: The Blender Python API level Whisk implements.
version = (4, 2, 0)
version_string = "4.2.0"
#: The file-format level (Blender: the version that wrote the current file's format).
version_file = (4, 2, 0)
version_cycle = "release"
#: Blender 3.x spelling, kept for scripts that still read it (always empty since 2.8x).
version_char = ""

#: Whisk's own version.
whisk_version = (0, 1, 0)
whisk_version_string = "0.1.0"

# -- how the application runs ----------------------------------------------------------

#: True: Whisk never has a user interface.
background = True
#: True: Whisk reads no user preferences or startup file, only the factory settings.
factory_startup = True
#: Path of the executable that runs this session ("" under a plain python3, where a
#: script may set it, as with Blender built as a Python module).
binary_path = ""
#: Arguments to put before a script when starting ``sys.executable`` as a Python
#: interpreter so that it behaves like this one.
python_args = ()
#: Whisk never fetches anything from the network.
online_access = False
online_access_override = False

#: Script auto-execution from files: Whisk runs no scripts stored in files by itself.
autoexec_fail = False
autoexec_fail_message = ""
autoexec_fail_quiet = False

# -- debugging ----------------------------------------------------------------------------

debug = False
debug_depsgraph = False
debug_depsgraph_build = False
debug_depsgraph_eval = False
debug_depsgraph_pretty = False
debug_depsgraph_tag = False
debug_depsgraph_time = False
debug_events = False
debug_ffmpeg = False
debug_freestyle = False
debug_handlers = False
debug_io = False
debug_python = False
debug_simdata = False
debug_wm = False
#: An integer scripts may set for testing.
debug_value = 0

# -- directories ----------------------------------------------------------------------------

# ``tempdir``: the temporary directory with a trailing separator (Blender makes a
# per-session subdirectory; Whisk uses the system one). ``tempdir`` and the
# ``translations`` submodule are made on first use (see __getattr__), which keeps
# ``import bpy`` from paying for the tempfile and collections modules.

_LAZY = ("tempdir", "translations")


def __getattr__(name):
    if name == "tempdir":
        import tempfile

        value = globals()["tempdir"] = _os.path.join(tempfile.gettempdir(), "")
        return value
    if name == "translations":
        import importlib

        return importlib.import_module(".translations", __name__)
    raise AttributeError("module 'bpy.app' has no attribute %r" % (name,))


def __dir__():
    return sorted(set(globals()) | set(_LAZY))

# -- build information (bytes, as in Blender) ------------------------------------------------

build_platform = (_os.uname().sysname if hasattr(_os, "uname") else
                  {"win32": "Windows", "darwin": "Darwin"}.get(_sys.platform, _sys.platform)
                  ).encode("utf-8")
build_type = b"Unknown"
build_system = b"CMake"
build_date = b"Unknown"
build_time = b"Unknown"
build_hash = b"Unknown"
build_branch = b"Unknown"
build_commit_date = b"Unknown"
build_commit_time = b"Unknown"
build_commit_timestamp = 0
build_cflags = b"Unknown"
build_cxxflags = b"Unknown"
build_linkflags = b"Unknown"

# -- drivers ----------------------------------------------------------------------------------


def _clamp(value, min=0.0, max=1.0):  # noqa: A002  (the names drivers use)
    return min if value < min else max if value > max else value


def _lerp(a, b, factor):
    return a + (b - a) * factor


def _smoothstep(a, b, value):
    if a == b:
        return 0.0 if value < a else 1.0
    t = _clamp((value - a) / (b - a))
    return t * t * (3.0 - 2.0 * t)


def _driver_namespace():
    namespace = {name: getattr(_math, name) for name in dir(_math) if not name.startswith("_")}
    namespace.update(clamp=_clamp, lerp=_lerp, smoothstep=_smoothstep)
    return namespace


#: The names a driver expression can use (the math module, clamp, lerp, smoothstep);
#: scripts add their own functions here. Blender also puts ``bpy`` and
#: ``mathutils.noise`` here: ``bpy`` adds them once it is set up (bpy.app does not
#: import them, to stay importable on its own and cheap to import).
driver_namespace = _driver_namespace()
