"""Whisk: a headless, embeddable 3D kernel with a Blender-compatible Python API.

``import whisk`` loads the kernel; ``import bpy`` (and ``mathutils``, ``bpy_extras``) then
works as in Blender. Everything is generated from Whisk's RNA declarations.

Threads: every call into the kernel runs with the GIL held and never releases it midway,
so calls from several Python threads are serialised and each one sees a consistent file.
Objects (``bpy.data.objects['Cube']``) hold handles, not pointers: data removed by another
thread raises ReferenceError on the next access instead of crashing.
"""

import _whisk

__version__ = "0.1.0"
version = (0, 1, 0)


def read_factory_settings(use_empty=False):
    """Replace the current file with the factory startup scene (or an empty file).

    ``bpy.data`` stays valid and shows the new file; objects taken from the old one raise
    ReferenceError.
    """
    return _whisk.read_factory_settings(use_empty)


def data_generation():
    """A counter that moves whenever data may have been freed or moved (for tests)."""
    return _whisk.data_generation()


def set_scripts_trusted(trusted):
    """Whether scripted driver expressions of the current file may run Python. Files loaded
    without trusting their scripts get False: their drivers are flagged, never run."""
    _whisk.set_scripts_trusted(bool(trusted))


def scripts_trusted():
    return _whisk.scripts_trusted()


def depsgraph_cycles(depsgraph):
    """The dependency cycles found when the graph was built, one line each."""
    return _whisk.depsgraph_cycles(depsgraph)


def depsgraph_stats(depsgraph):
    """Work counters of a graph: builds, evaluations, and the operations (copies,
    transforms, geometries, animations, drivers) the last update ran."""
    return _whisk.depsgraph_stats(depsgraph)


def set_threads(threads):
    """Worker threads for evaluation; 0 means all cores (as ``whisk -t``)."""
    _whisk.set_threads(int(threads))
