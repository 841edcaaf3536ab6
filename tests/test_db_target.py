"""``--db`` that cannot or must not be written: one clear line each, exit 1, the file as it was
(issue 14); and a database being served is not built under ``serve``'s feet."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import badinput as B
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.db import load as load_module
from boardpapers.db.guard import serving
from boardpapers.extract.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


@pytest.fixture()
def paper(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    return B.good_paper(folder)


def test_a_file_that_is_not_sqlite_is_left_alone(tmp_path, paper):
    target = tmp_path / "notes.db"
    target.write_text("my shopping list\n")
    before = folder_state(tmp_path)
    result = run("build", str(paper), "--db", str(target))
    assert result.exit_code == 1
    assert error_line(result) == (
        f"Error: {target}: not a SQLite database (it starts b'my shopping list'); "
        "boardpapers will not write over it: choose another --db"
    )
    assert folder_state(tmp_path) == before


def test_another_applications_database_is_left_alone(tmp_path, paper):
    target = tmp_path / "app.db"
    conn = sqlite3.connect(target)
    conn.executescript(
        "create table users (id integer primary key, name text); insert into users values (1, 'ann');"
        "create table orders (id integer primary key)"
    )
    conn.close()
    before = folder_state(tmp_path)
    for command in (["build", str(paper)], ["link"], ["load", str(tmp_path / "none.json")]):
        if command[0] == "load":
            (tmp_path / "none.json").write_text("{}")
            before = folder_state(tmp_path)
        result = run(*command, "--db", str(target))
        assert result.exit_code == 1
        assert error_line(result) == (
            f"Error: {target}: a SQLite database of another application (tables: orders, "
            "users); boardpapers writes only to its own databases: choose another --db"
        )
        assert folder_state(tmp_path) == before  # no tables added, no WAL file, no journal mode change
    conn = sqlite3.connect(target)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("select name from sqlite_master order by name")] == ["orders", "users"]


def test_a_missing_folder_is_one_line_and_not_created(tmp_path, paper):
    target = tmp_path / "no" / "such" / "x.db"
    result = run("build", str(paper), "--db", str(target))
    assert result.exit_code == 1
    assert error_line(result) == f"Error: {target}: the folder {target.parent} does not exist"
    assert not (tmp_path / "no").exists()


def test_a_full_disk_stops_the_build_with_one_line_and_keeps_what_was_loaded(tmp_path, paper, monkeypatch):
    target = tmp_path / "full.db"
    assert run("build", str(paper), "--db", str(target)).exit_code == 0
    before = {t: sorted(map(repr, Database(target)[t].rows)) for t in Database(target).table_names() if t != "runs"}
    more = tmp_path / "more"
    more.mkdir()
    B.long_text(more, pages=300)  # more than the pages left free in the file: it needs new ones
    B.good_paper(more, "minutes.txt", title="Safer Fullham Partnership")
    real_open = load_module.open_db

    def full_disk(path, **kwargs):  # SQLite's "database or disk is full", as a full disk gives it
        db = real_open(path, **kwargs)
        pages = db.execute("pragma page_count").fetchone()[0]
        db.execute(f"pragma max_page_count = {pages}")
        return db

    monkeypatch.setattr(load_module, "open_db", full_disk)
    result = run("build", str(more), "--db", str(target))
    assert result.exit_code == 1, result.output
    assert error_line(result) == (
        f"Error: {target}: the disk is full: free some space and run it again (papers "
        "already loaded are kept; the paper being written was rolled back)"
    )
    db = Database(target)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert {t: sorted(map(repr, db[t].rows)) for t in db.table_names() if t != "runs"} == before


# --- read-only file and folder: as a user who cannot write them (root can write anything) ---


def _as_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "boardpapers.extract.cli", *args]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot drop privileges to test read-only files")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture()
def shared_tmp():
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="bp-readonly-"))
    folder.chmod(0o755)
    yield folder
    for p in folder.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(folder)


@pytest.mark.slow
@pytest.mark.parametrize("case", ["read-only file", "read-only folder", "new file in read-only folder"])
def test_read_only_targets_are_one_line_each(shared_tmp, case):
    paper = B.good_paper(shared_tmp)
    paper.chmod(0o644)
    folder = shared_tmp / "dbs"
    folder.mkdir()
    target = folder / ("new.db" if case.startswith("new") else "papers.db")
    if not case.startswith("new"):
        assert run("build", str(paper), "--db", str(target)).exit_code == 0
        target.chmod(0o444 if case == "read-only file" else 0o666)  # the folder case: a file they may write
    folder.chmod(0o555 if "folder" in case else 0o755)
    before = folder_state(folder)
    done = _as_unprivileged(["build", str(paper), "--db", str(target)], shared_tmp)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    expected = {
        "read-only file": "the database file is read-only",
        "read-only folder": f"the folder {folder} is read-only (SQLite writes its journal beside the database)",
        "new file in read-only folder": f"cannot create it: the folder {folder} is read-only",
    }[case]
    assert errors == [f"Error: {target}: {expected}"] and "Traceback" not in done.stderr
    assert folder_state(folder) == before


# --- build while serve --------------------------------------------------------------------


def test_build_is_refused_while_the_database_is_served(tmp_path, paper):
    target = tmp_path / "served.db"
    assert run("build", str(paper), "--db", str(target)).exit_code == 0
    other = B.good_paper(paper.parent, "more.txt", title="Safer Moreham Partnership")
    before = digest(target)
    with serving(target):
        for command in (["build", str(other)], ["link"]):
            result = run(*command, "--db", str(target))
            assert result.exit_code == 1
            assert error_line(result).startswith(
                f"Error: {target}: it is being served (boardpapers serve opens it "
                "read-only and immutable; writing under it would break every page)"
            )
            assert digest(target) == before and not Path(f"{target}-wal").exists()
    result = run("build", str(other), "--db", str(target))  # serve stopped: the build goes ahead
    assert result.exit_code == 0 and Database(target)["documents"].count == 2


def test_serve_refuses_a_database_a_build_is_writing(tmp_path, paper):
    target = tmp_path / "busy.db"
    assert run("build", str(paper), "--db", str(target)).exit_code == 0
    writer = load_module.open_db(target)  # a build in progress holds its write-ahead log open
    writer.execute("insert into runs (command) values ('build')")
    try:
        assert Path(f"{target}-wal").exists()
        result = CliRunner().invoke(main, ["serve", str(target)])
        assert result.exit_code == 1
        assert error_line(result) == (
            f"Error: {target}: a build is writing it (or one was stopped mid-way): wait "
            "for it to finish, or run the same build again, then serve"
        )
    finally:
        writer.conn.rollback()
        writer.close()


def test_serve_refuses_a_file_that_is_not_sqlite(tmp_path):
    target = tmp_path / "x.db"
    target.write_text("hello")
    result = CliRunner().invoke(main, ["serve", str(target)])
    assert result.exit_code == 1 and "not a SQLite database" in error_line(result)


def test_serve_leaves_nothing_behind_that_stops_the_next_serve(tmp_path, paper, monkeypatch):
    """A database left in WAL mode (as a library user's open_db leaves it): serve reads it
    without creating -wal or -shm files, so the next serve, or build, is not refused."""
    import uvicorn

    target = tmp_path / "twice.db"
    assert run("build", str(paper), "--db", str(target)).exit_code == 0
    load_module.open_db(target).close()  # header now says WAL
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: None)
    for _ in range(2):
        result = CliRunner().invoke(main, ["serve", str(target)])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("twice")) == ["twice.db", "twice.db.serving"]
    assert run("build", str(paper), "--db", str(target)).exit_code == 0
