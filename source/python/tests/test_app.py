"""The `whisk` executable runs scripts with bpy, taking Blender's arguments."""

import os
import subprocess

import pytest

_REPO = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
_WHISK = os.path.join(_REPO, os.environ.get("WHISK_BUILD_DIR", "build"), "source", "app", "whisk")

pytestmark = pytest.mark.skipif(not os.path.exists(_WHISK), reason="whisk is not built")


def run(*args):
    return subprocess.run([_WHISK, *args], capture_output=True, text=True, timeout=60)


def test_python_script_sees_startup_scene_and_argv(tmp_path):
    script = tmp_path / "job.py"
    script.write_text(
        "import bpy, sys\n"
        "print('objects', sorted(o.name for o in bpy.data.objects))\n"
        "print('args', sys.argv[sys.argv.index('--') + 1:])\n"
        "print('scene', bpy.context.scene.name)\n")
    result = run("-b", "--factory-startup", "--python", str(script), "--", "a", "b")
    assert result.returncode == 0, result.stderr
    assert "objects ['Camera', 'Cube', 'Light']" in result.stdout
    assert "args ['a', 'b']" in result.stdout
    assert "scene Scene" in result.stdout


def test_python_expr_and_errors():
    result = run("--python-expr", "import bpy; print(len(bpy.data.meshes))")
    assert result.returncode == 0 and result.stdout.strip() == "1"
    failing = run("--python-expr", "raise ValueError('boom')")
    assert failing.returncode == 0 and "ValueError: boom" in failing.stderr  # as Blender
    strict = run("--python-exit-code", "3", "--python-expr", "raise ValueError('boom')")
    assert strict.returncode == 3


def test_scripts_run_in_order_and_share_state():
    result = run("--python-expr", "import bpy; bpy.data.objects.new('Made', None)",
                 "--python-expr", "import bpy; print('Made' in bpy.data.objects)")
    assert result.stdout.strip() == "True"


def test_unknown_argument_is_refused():
    result = run("--no-such-option")
    assert result.returncode == 2 and "unknown argument" in result.stderr
