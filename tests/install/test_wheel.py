"""The built wheel installs into a fresh virtual environment and runs: version, init, db upgrade, a console line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path, stdin: str = "") -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "PYTHON"))}
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, input=stdin, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv holding only the wheel; the dependencies come from this environment through a .pth file,
    so nothing is downloaded and the source tree is not on the path."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"  # a copy, so the build leaves nothing in (and takes nothing stale from) the tree
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".*", "build", "data", "tests", "bench", "__pycache__", "*.egg-info", "*.sqlite*"))
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", folder / "dist",
         source, cwd=folder)
    wheel = next((folder / "dist").glob("tandem-*.whl"))
    venv = folder / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=folder)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps",
         "--no-index", wheel, cwd=folder)
    purelib = Path(_run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=folder).strip())
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def test_the_wheel_runs_from_a_fresh_virtual_environment(installed: Path, tmp_path: Path) -> None:
    where = _run(installed / "python", "-c", "import bot; print(bot.__file__)", cwd=tmp_path)
    assert where.startswith(str(installed.parent)), f"bot imported from {where}, not from the wheel"
    assert _run(installed / "tandem", "--version", cwd=tmp_path).startswith("tandem 0.")
    assert "Wrote app.yaml" in _run(installed / "tandem", "init", cwd=tmp_path)
    assert "app.yaml is valid" in _run(installed / "tandem", "config", "check", cwd=tmp_path)
    assert "latest schema" in _run(installed / "tandem", "db", "upgrade", cwd=tmp_path)
    assert (tmp_path / "data" / "tandem.sqlite").is_file()
    answer = _run(installed / "tandem", "console", "--as", "alice", cwd=tmp_path, stdin="/task add buy milk\n")
    assert "Created T-1" in answer
    german = _run(installed / "tandem", "console", "--as", "hans", cwd=tmp_path,
                  stdin="/task settings lang de\n/task add Milch kaufen\n")
    assert "Gespeichert." in german and "T-2 Milch kaufen angelegt" in german, "the wheel ships the catalogs"

    assert "healthy" in _run(installed / "tandem", "health", cwd=tmp_path)
