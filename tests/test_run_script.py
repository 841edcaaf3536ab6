"""scripts/run.sh starts warm without reinstalling, and the package installs without the setuptools
licence warning (issue 19). The script runs in a copy of the repository whose .venv is a stand-in
that logs what would be run: no pip, no network, no real build."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def stand_in_repo(tmp_path: Path) -> tuple[Path, Path]:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "run.sh", repo / "scripts" / "run.sh")
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / "corpus").mkdir()
    log = tmp_path / "log"
    bin_dir = repo / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    # python: pip is logged, anything else (the hash of pyproject.toml) is the real Python.
    (bin_dir / "python").write_text(
        f'#!/bin/sh\nif [ "$1" = "-m" ] && [ "$2" = "pip" ]; then echo "pip $*" >> {log}; exit 0; fi\n'
        f'exec {sys.executable} "$@"\n'
    )
    (bin_dir / "boardpapers").write_text(f'#!/bin/sh\necho "boardpapers $*" >> {log}\n')
    for f in bin_dir.iterdir():
        f.chmod(0o755)
    return repo, log


def run_script(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "BOARDPAPERS_DB": "x.db"}
    return subprocess.run(
        ["bash", str(repo / "scripts" / "run.sh"), *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_a_warm_start_does_not_reinstall(tmp_path):
    repo, log = stand_in_repo(tmp_path)
    first = run_script(repo, "--port", "9999")
    assert first.returncode == 0, first.stderr
    assert (
        "installing" in first.stderr
        and [line.startswith("pip ") for line in log.read_text().splitlines()].count(True) == 1
    )  # a new .venv: installed once
    log.write_text("")
    warm = run_script(repo, "--port", "9999")
    assert warm.returncode == 0, warm.stderr
    assert "not reinstalling" in warm.stderr
    assert log.read_text().splitlines() == ["boardpapers build corpus/ --db x.db", "boardpapers serve x.db --port 9999"]
    stamp = (repo / ".venv" / ".boardpapers-installed").read_text().strip()
    assert stamp == hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()


def test_a_changed_pyproject_reinstalls(tmp_path):
    repo, log = stand_in_repo(tmp_path)
    run_script(repo)
    with open(repo / "pyproject.toml", "a") as f:
        f.write("\n# a new dependency\n")
    log.write_text("")
    again = run_script(repo)
    assert (
        again.returncode == 0
        and "installing" in again.stderr
        and [line.startswith("pip ") for line in log.read_text().splitlines()].count(True) == 1
    )


def test_the_licence_is_an_spdx_expression():
    # The {text = ...} table drew setuptools' ~55-line deprecation warning on every install.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "Apache-2.0"
    assert "setuptools>=77" in project["build-system"]["requires"]  # the first to read SPDX expressions
