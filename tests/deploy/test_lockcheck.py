"""The lock check passes on the committed locks and fails, asking no registry, once pyproject's dependencies change."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _copy(tmp_path: Path) -> Path:
    for name in ("pyproject.toml", "requirements.lock", "requirements-dev.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "lockcheck.py", tmp_path / ".ci" / "lockcheck.py")
    return tmp_path / ".ci" / "lockcheck.py"


def _check(script: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)


def test_the_committed_locks_match_pyproject(tmp_path: Path) -> None:
    checked = _check(_copy(tmp_path))
    assert checked.returncode == 0, checked.stderr


def test_a_new_dependency_without_make_lock_fails_with_the_fix(tmp_path: Path) -> None:
    script = _copy(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('    "PyYAML>=6",\n', '    "PyYAML>=6",\n    "rich>=13",\n', 1))
    checked = _check(script)
    assert checked.returncode == 1
    assert "Run `make lock`" in checked.stderr


def test_a_changed_version_range_fails_too(tmp_path: Path) -> None:
    script = _copy(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"pytest>=8"', '"pytest>=9"', 1))
    assert _check(script).returncode == 1


def test_the_lock_pins_every_package_with_hashes() -> None:
    for name in ("requirements.lock", "requirements-dev.lock"):
        pins = [line for line in (ROOT / name).read_text().splitlines() if "==" in line and not line.startswith(" ")]
        assert pins
        assert all(line.endswith("\\") for line in pins), f"{name}: a pin without hashes"
