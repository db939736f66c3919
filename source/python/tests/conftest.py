"""Puts Whisk's Python packages first on sys.path: the build's python/ directory (the
`_whisk` extension with the packages linked beside it; $WHISK_PYTHON_PATH, else
build/python or $WHISK_BUILD_DIR/python) before the package sources (enough for the
pure-Python modules such as mathutils)."""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.normpath(os.path.join(_HERE, "..", "..", ".."))
_PACKAGE = os.path.join(_REPO, "source", "python", "package")
_BUILD = os.environ.get("WHISK_PYTHON_PATH") or os.path.join(
    _REPO, os.environ.get("WHISK_BUILD_DIR", "build"), "python")

for _path in (_PACKAGE, _BUILD):
    if os.path.isdir(_path):
        if _path in sys.path:
            sys.path.remove(_path)
        sys.path.insert(0, _path)
