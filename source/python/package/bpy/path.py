"""``bpy.path``: path helpers that know Blender's ``//`` prefix.

A path starting with ``//`` is relative to the directory of the current file
(``bpy.data.filepath``). While the file has never been saved that directory is ``""``, so
``abspath("//tex.png")`` gives ``"tex.png"`` (relative to the working directory), as in
Blender.

Functions that take paths accept ``str`` or ``bytes`` and return the same type; mixing the
two raises TypeError. Behaviour follows Blender 3.4/4.x as recorded in
tests/fixtures/bpy_modules.json (tools/oracle/gen_bpy_modules.py).
"""

__all__ = (
    "abspath",
    "basename",
    "clean_name",
    "display_name",
    "display_name_to_filepath",
    "display_name_from_filepath",
    "ensure_ext",
    "extensions_image",
    "extensions_movie",
    "extensions_audio",
    "is_subdir",
    "module_names",
    "native_pathsep",
    "reduce_dirs",
    "relpath",
    "resolve_ncase",
)

import os as _os


def _blend_dir(as_bytes):
    """Directory of the current file ("" while unsaved), as str or bytes."""
    import bpy  # late: bpy.path is imported while bpy itself is being set up

    directory = _os.path.dirname(bpy.data.filepath)
    return _os.fsencode(directory) if as_bytes else directory


def _library_filepath(library, as_bytes):
    filepath = library.filepath
    if as_bytes and isinstance(filepath, str):
        return _os.fsencode(filepath)
    return filepath


def _prefix(path):
    """The ``//`` prefix in the type of `path` (raises AttributeError for non-paths, as
    Blender's does: the first thing it does is call ``path.startswith``)."""
    return b"//" if isinstance(path, (bytes, bytearray)) else "//"


def abspath(path, *, start=None, library=None):
    """The path with a leading ``//`` replaced by the directory it is relative to.

    start: the directory to use instead of the current file's (str or bytes, matching
    `path`). library: a ``bpy.types.Library`` (or anything with ``filepath``): its
    directory replaces `start`, for paths stored inside a linked file. Paths without the
    prefix come back unchanged (not normalised).
    """
    prefix = _prefix(path)
    if path.startswith(prefix):
        as_bytes = isinstance(prefix, bytes)
        if library:
            start = abspath(_os.path.dirname(_library_filepath(library, as_bytes)))
        elif start is None:
            start = _blend_dir(as_bytes)
        return _os.path.join(start, path[2:])
    return path


def relpath(path, *, start=None):
    """The path relative to `start` (default: the current file's directory) with the
    ``//`` prefix. Paths that already have it come back unchanged.

    While the file is unsaved the directory is ``""``, which os.path.relpath reads as the
    working directory (Blender does the same).
    """
    prefix = _prefix(path)
    if path.startswith(prefix):
        return path
    if start is None:
        start = _blend_dir(isinstance(prefix, bytes))
    return prefix + _os.path.relpath(path, start)


def basename(path):
    """os.path.basename, skipping a leading ``//``."""
    if path[:2] in ("//", b"//"):
        path = path[2:]
    return _os.path.basename(path)


# Every code point below 255 other than ASCII letters, digits, '-' and '_' is replaced; the
# rest of Unicode (including U+00FF) is kept, as in Blender.
_CLEAN_KEEP = frozenset(b"-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
_CLEAN_REPLACED = tuple(i for i in range(255) if i not in _CLEAN_KEEP)


def _clean_table(replace):
    return dict.fromkeys(_CLEAN_REPLACED, replace)


_clean_tables = {}


def clean_name(name, *, replace="_"):
    """The name with every character that may cause trouble in a file name replaced.

    ASCII letters, digits, '-' and '_' are kept, and so are characters from U+00FF
    upwards; every other character below U+00FF becomes `replace`, which must be a single character
    below U+0100 (ValueError otherwise).

    Blender documents bytes for `name` but its implementation rejects them; Whisk accepts
    bytes (each byte below 0xFF is treated like the character of the same number) and then
    returns bytes.
    """
    if isinstance(name, (bytes, bytearray)):
        if isinstance(replace, str):
            if len(replace) != 1 or ord(replace) > 0xFF:
                raise ValueError("clean_name(): 'replace' must be one character below "
                                 "U+0100, not %r" % (replace,))
            replace = replace.encode("latin-1")
        if not isinstance(replace, (bytes, bytearray)) or len(replace) != 1:
            raise ValueError("clean_name(): 'replace' must be a single byte, not %r" % (replace,))
        table = bytearray(range(256))
        for i in _CLEAN_REPLACED:
            table[i] = replace[0]
        return bytes(name).translate(table)
    if isinstance(replace, str) and (len(replace) != 1 or ord(replace) > 0xFF):
        raise ValueError("clean_name(): 'replace' must be one character below U+0100, "
                         "not %r" % (replace,))
    table = _clean_tables.get(replace)
    if table is None:
        if not isinstance(replace, str):
            raise TypeError("clean_name(): 'replace' must be a str for a str name, not %s"
                            % type(replace).__name__)
        table = _clean_tables[replace] = _clean_table(replace)
    return name.translate(table)


def display_name(name, *, has_ext=True, title_case=True):
    """A name for menus and the interface: underscores become spaces, leading spaces go,
    and an all-lowercase name is title-cased (mixed case is kept as written).

    has_ext: `name` is a file path; keep only its base name without extension.
    title_case: title-case all-lowercase names.
    """
    if has_ext:
        name = _os.path.splitext(basename(name))[0]
    name = name.replace("_", " ").lstrip(" ")
    if title_case and name.islower():
        name = name.title()
    return name


def display_name_to_filepath(name):
    """The reverse of display_name for the characters a file name cannot hold: ``:`` and
    ``/`` are spelled out as ``_colon_`` and ``_slash_``."""
    return name.replace(":", "_colon_").replace("/", "_slash_")


def display_name_from_filepath(name):
    """The file name without directory and extension, as valid UTF-8 text (undecodable
    bytes and lone surrogates become replacement characters). Always returns str."""
    name = _os.path.splitext(basename(name))[0]
    if isinstance(name, (bytes, bytearray)):
        return bytes(name).decode("utf-8", "replace")
    return name.encode("utf-8", "replace").decode("utf-8")


def ensure_ext(filepath, ext, *, case_sensitive=False):
    """The path with `ext` appended unless it already ends with it (compared ignoring case
    unless case_sensitive). A compound extension such as ``.tar.gz`` works."""
    if case_sensitive:
        if filepath.endswith(ext):
            return filepath
    elif filepath.lower().endswith(ext.lower()):
        return filepath
    return filepath + ext


def is_subdir(path, directory):
    """True if `path` lies inside `directory` (both normalised first; a directory is not a
    subdirectory of itself)."""
    from os.path import normcase, normpath

    path = normcase(normpath(path))
    directory = normcase(normpath(directory))
    if len(path) > len(directory):
        sep = _os.sep.encode("ascii") if isinstance(directory, (bytes, bytearray)) else _os.sep
        if path.startswith(directory):
            return path[len(directory):len(directory) + 1] == sep or directory.endswith(sep)
    return False


def module_names(path, *, recursive=False):
    """(module_name, file_path) pairs for the modules importable from directory `path`:
    ``*.py`` files other than ``__init__.py``, and directories holding ``__init__.py``
    (packages; with recursive, followed by their submodules as ``package.module``), except
    hidden directories and one named ``modules`` (where Blender keeps shared modules next
    to add-ons). Sorted by file name."""
    from os.path import isfile, join

    modules = []
    for filename in sorted(_os.listdir(path)):
        if filename.endswith(".py") and filename != "__init__.py":
            modules.append((filename[:-3], join(path, filename)))
        elif not filename.startswith(".") and filename != "modules":
            directory = join(path, filename)
            init = join(directory, "__init__.py")
            if isfile(init):
                modules.append((filename, init))
                if recursive:
                    for sub_name, sub_path in module_names(directory, recursive=True):
                        modules.append(("%s.%s" % (filename, sub_name), sub_path))
    return modules


def native_pathsep(path):
    """The path with the other platform's separators replaced by this one's."""
    if isinstance(path, (bytes, bytearray)):
        sep, alt = _os.sep.encode("ascii"), (b"\\" if _os.sep == "/" else b"/")
    else:
        sep, alt = _os.sep, ("\\" if _os.sep == "/" else "/")
    return path.replace(alt, sep)


def reduce_dirs(dirs):
    """The directories made absolute and normalised, without duplicates and without any
    directory that lies inside another one of the list. (Blender returns them in set
    order, which varies from run to run; Whisk keeps the order of first appearance.)"""
    unique = []
    seen = set()
    for d in dirs:
        d = _os.path.normcase(_os.path.abspath(d))
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return [d for d in unique if not any(is_subdir(d, other) for other in unique if other != d)]


def _ncase_found(path):
    """(path with each component's case fixed to what exists on disk, True) or
    (path, False) when some component does not exist under any case."""
    if not path or _os.path.exists(path):
        return path, True
    name = _os.path.basename(path)
    parent = _os.path.dirname(path)
    suffix = path[:0]
    if not name:  # a trailing separator
        suffix = path[-1:]
        name = _os.path.basename(parent)
        parent = _os.path.dirname(parent)
    if not name or parent == path:
        return path, False
    parent, found = _ncase_found(parent)
    if not found:
        return path, False
    wanted = name.lower()
    try:
        entries = sorted(_os.listdir(parent or (b"." if isinstance(path, bytes) else ".")))
    except OSError:
        return path, False
    for entry in entries:
        if entry.lower() == wanted:
            return _os.path.join(parent, entry) + suffix, True
    return path, False


def resolve_ncase(path):
    """The path as it exists on disk when it differs only in letter case (for paths written
    on case-insensitive systems); the original path when no such file exists."""
    resolved, found = _ncase_found(path)
    return resolved if found else path


extensions_image = frozenset({
    ".bmp", ".cin", ".dds", ".dpx", ".exr", ".hdr", ".j2c", ".jp2", ".jpeg", ".jpg",
    ".pdd", ".png", ".psb", ".psd", ".rgb", ".rgba", ".sgi", ".tga", ".tif", ".tiff",
    ".tx", ".webp",
})

extensions_movie = frozenset({
    ".avi", ".avs", ".divx", ".dv", ".flc", ".flv", ".m2t", ".m2ts", ".m2v", ".m4v",
    ".mkv", ".mov", ".movie", ".mp4", ".mpeg", ".mpg", ".mpg2", ".mts", ".mv", ".mxf",
    ".ogg", ".ogv", ".r3d", ".ts", ".vob", ".webm", ".wmv", ".xvid",
})

extensions_audio = frozenset({
    ".aac", ".ac3", ".aif", ".aiff", ".eac3", ".flac", ".m4a", ".mka", ".mp2", ".mp3",
    ".oga", ".ogg", ".wav", ".wma",
})
