"""Atomic loads, for real (issue 8): ``kill -9`` a build mid-way, two builds at once.

Each test runs ``boardpapers build`` in subprocesses on a folder of generated papers and
compares the database with one from a clean build.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import badinput as B
import pytest

pytestmark = pytest.mark.slow  # subprocess builds of 40 papers, a kill -9, two builds at once

BOARDPAPERS = [sys.executable, "-m", "boardpapers.extract.cli"]
PAPERS = 40


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for n in range(PAPERS):
        B.good_paper(folder, f"minutes-{n:03d}.txt", title=f"Safer Testham Partnership number {n}")
    return folder


@pytest.fixture(scope="module")
def clean(papers, tmp_path_factory) -> Path:
    db_path = tmp_path_factory.mktemp("clean") / "clean.db"
    done = subprocess.run([*BOARDPAPERS, "build", str(papers), "--db", str(db_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return db_path


def tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "select name from sqlite_master where type = 'table' and name not like '%_fts%' "
        "and name not like 'sqlite_%' and name != 'runs'"
    ).fetchall()
    return sorted(r[0] for r in rows)


def dump(db_path: Path) -> dict[str, list]:
    """Every table but ``runs`` (wall-clock time), as sorted rows."""
    conn = sqlite3.connect(db_path)
    try:
        return {t: sorted(map(repr, conn.execute(f"select * from [{t}]").fetchall())) for t in tables(conn)}
    finally:
        conn.close()


def per_document(db_path: Path) -> dict[str, dict[str, int]]:
    """Row counts of every loaded table with a document_id, per document. The link step's
    tables (people, themes ...) are rebuilt whole after the loads, so a killed build may
    not have reached them: they are compared after the re-build."""
    from boardpapers.db.link_schema import LINK_TABLES

    conn = sqlite3.connect(db_path)
    try:
        out: dict[str, dict[str, int]] = {}
        for t in tables(conn):
            columns = [r[1] for r in conn.execute(f"pragma table_info([{t}])")]
            if "document_id" not in columns or t in LINK_TABLES:
                continue
            for doc, n in conn.execute(
                f"select document_id, count(*) from [{t}] where document_id is not null group by document_id"
            ):
                out.setdefault(doc, {})[t] = n
        return out
    finally:
        conn.close()


def assert_consistent(db_path: Path, clean_counts: dict[str, dict[str, int]]) -> int:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        docs = {r[0] for r in conn.execute("select id from documents")}
    finally:
        conn.close()
    counts = per_document(db_path)
    orphans = set(counts) - docs
    assert not orphans, f"rows without a documents row: {orphans}"
    for doc in docs:  # a document is there whole, or not at all
        assert counts.get(doc) == clean_counts[doc], doc
    return len(docs)


def test_kill_9_mid_build_leaves_whole_documents_and_a_rebuild_completes(papers, clean, tmp_path):
    clean_counts = per_document(clean)
    db_path = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [*BOARDPAPERS, "build", str(papers), "--db", str(db_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    loaded = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.1)
            loaded = conn.execute("select count(*) from documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if loaded >= PAPERS // 3:
            break
    assert proc.poll() is None, "the build finished before it could be killed: give it more papers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    whole = assert_consistent(db_path, clean_counts)
    assert 0 < whole < PAPERS

    again = subprocess.run([*BOARDPAPERS, "build", str(papers), "--db", str(db_path)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-2000:]
    assert assert_consistent(db_path, clean_counts) == PAPERS
    assert dump(db_path) == dump(clean)


def test_two_builds_at_once_give_the_clean_database(papers, clean, tmp_path):
    db_path = tmp_path / "twice.db"
    procs = [
        subprocess.Popen(
            [*BOARDPAPERS, "build", str(papers), "--db", str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for code, err in results:
        # Each finishes, or refuses with the lock message; neither writes half a document.
        assert code == 0 or "locked by another build" in err, err[-2000:]
    assert any(code == 0 for code, _ in results)
    assert dump(db_path) == dump(clean)
