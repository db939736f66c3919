# Prelude of the Blender-script acceptance corpus.
#
# Exec'd into each script's namespace (before the script itself) both by the oracle
# generator (tools/oracle/gen_scripts.py, under Blender 3.4) and by the Whisk test
# (source/python/tests/test_blender_scripts.py). Each script sets a global `result`, a
# JSON-serialisable dict of named checks.
#
# Helpers:
#   capture(fn)   fn() converted with plain(), or {"error": type name, "message": str(e)}
#   num(x)        float rounded to 6 places, -0.0 written as 0.0 (ints and bools unchanged)
#   vec(v)        a mathutils vector/euler/quaternion/color or any sequence -> list of num
#   rows(m)       a mathutils matrix (or nested sequence) -> list of rows of num
#   plain(v)      any value -> JSON-friendly value (see below)
#   names(seq)    [item.name for item in seq]
#   err(e)        the error record of an exception
#   raises(fn)    the error record of what fn() raised, or "no error"
#   noaddr(s)     s with " at 0x..." memory addresses removed
#
# Keep this plain Python 3.10 and free of anything that differs between runs (memory
# addresses, as_pointer() values, session uids, times).

import math as _math
import re as _re

import bpy as _bpy
import mathutils as _mathutils


def num(x):
    if isinstance(x, bool) or isinstance(x, int):
        return x
    x = float(x)
    if _math.isnan(x):
        return "nan"
    if _math.isinf(x):
        return "inf" if x > 0 else "-inf"
    x = round(x, 6)
    if x == 0.0:
        x = 0.0
    return x


def vec(v):
    return [num(x) for x in v]


def rows(m):
    return [vec(row) for row in m]


def names(seq):
    return [item.name for item in seq]


def err(e):
    return {"error": type(e).__name__, "message": str(e)}


def plain(v):
    """JSON-friendly form of a value.

    None/bool/int/str as they are; floats through num(); mathutils Matrix -> rows,
    Vector/Euler/Quaternion/Color -> list; ID property groups -> to_dict(), ID property
    arrays -> to_list(); structs (bpy_struct) -> repr(); RNA arrays and collections
    (bpy_prop_array, bpy_prop_collection) -> list of plain items; tuples, lists, sets
    (sorted), dicts (str keys) recursively; anything else -> repr().
    """
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return num(v)
    if isinstance(v, bytes):
        return {"bytes": v.decode("latin-1")}
    if isinstance(v, _mathutils.Matrix):
        return rows(v)
    if isinstance(v, (_mathutils.Vector, _mathutils.Euler, _mathutils.Quaternion,
                      _mathutils.Color)):
        return vec(v)
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, (set, frozenset)):
        return sorted(plain(x) for x in v)
    if hasattr(v, "to_dict"):
        return plain(v.to_dict())
    if hasattr(v, "to_list"):
        return plain(v.to_list())
    if isinstance(v, _bpy.types.bpy_struct):
        return repr(v)
    tname = type(v).__name__
    if tname in ("bpy_prop_array", "bpy_prop_collection", "bpy_prop_collection_idprop"):
        return [plain(x) for x in v]
    return repr(v)


def capture(fn):
    try:
        return plain(fn())
    except Exception as e:  # noqa: BLE001 - recording the error is the point
        return err(e)


def raises(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return err(e)
    return "no error"


def noaddr(s):
    return _re.sub(r" at 0x[0-9a-fA-F]+", "", s)
