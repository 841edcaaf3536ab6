"""``--jobs``: a worker process killed mid-paper (kill -9, the out-of-memory killer) fails
that paper with one line; the other papers of the batch load (issue 14)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import badinput as B
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract import parallel
from boardpapers.extract.cli import main

REAL_BUILD_FILE = parallel.build_file


def dies_on_kill_me(path: Path, twin, password, *options):
    """build_file, except that the worker reading ``kill-me.txt`` is killed, as the OOM killer would."""
    if path.name == "kill-me.txt":
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_BUILD_FILE(path, twin, password, *options)


@pytest.mark.slow
def test_a_killed_worker_fails_its_paper_and_the_rest_load(tmp_path, monkeypatch):
    folder = tmp_path / "papers"
    folder.mkdir()
    names = []
    for n in range(6):
        names.append(B.good_paper(folder, f"minutes-{n}.txt", title=f"Safer Testham Partnership {n}").name)
    B.good_paper(folder, "kill-me.txt", title="Safer Killham Partnership")
    monkeypatch.setattr(parallel, "build_file", dies_on_kill_me)  # inherited by the forked workers
    db_path = tmp_path / "k.db"
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(db_path), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {folder / 'kill-me.txt'}: the process reading it died (killed, out of memory, "
        "or a crash); the rest of the batch goes on"
    ]
    assert "Traceback" not in result.output
    assert f"6 of 7 papers in {db_path}; 1 failed (see the problems table)" in result.output
    db = Database(db_path)
    assert sorted(r["source"] for r in db["documents"].rows) == sorted(names)
    (problem,) = list(db.query("select source, code from problems where document_id is null"))
    assert problem == {"source": "kill-me.txt", "code": "build_failed"}


def test_ordered_map_survives_a_dead_worker_in_order():
    items = [(n,) for n in range(9)]
    out = [
        (item[0], result, type(error).__name__ if error else None)
        for item, result, error in parallel.ordered_map(_die_on_four, items, 2)
    ]
    assert out == [(n, None, "WorkerDied") if n == 4 else (n, n * n, None) for n in range(9)]


def _die_on_four(n: int) -> int:
    if n == 4:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n
