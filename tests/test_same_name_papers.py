"""A paper is its content and its path (issue 14): same-named papers from different folders
all load, the same bytes under two names load once and are reported as a duplicate, and
the summary counts are the rows of ``documents``."""

from __future__ import annotations

import shutil
from pathlib import Path

import badinput as B
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract.cli import choose_renderings, main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def meeting_folders(tmp_path: Path, n: int = 3) -> list[Path]:
    """Per-meeting folders, each holding its own, different ``minutes.txt``."""
    folders = []
    for k in range(n):
        folder = tmp_path / f"meeting-{k + 1}"
        folder.mkdir()
        B.good_paper(folder, "minutes.txt", title=f"Safer Testham Partnership meeting {k + 1}")
        folders.append(folder)
    return folders


def test_same_named_papers_in_different_folders_all_load(tmp_path):
    folders = meeting_folders(tmp_path)
    db_path = tmp_path / "m.db"
    result = run("build", *map(str, folders), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    db = Database(db_path)
    rows = list(db.query("select source, source_path from documents order by source_path"))
    assert [r["source_path"] for r in rows] == [str((f / "minutes.txt").resolve()) for f in folders]
    assert f"3 of 3 papers in {db_path}" in result.output and db["documents"].count == 3
    assert result.output.count("[loaded]") == 3
    # Each has its own records and its own link.
    assert db.execute("select count(distinct document_id) from decisions").fetchone()[0] == 3
    assert len({r["source_url"] for r in db["documents"].rows}) == 3

    # A re-build reads none of them again, and changes nothing.
    before = {t: db[t].count for t in db.table_names() if t != "runs"}
    again = run("build", *map(str, folders), "--db", str(db_path))
    assert "3 unchanged, skipped" in again.output and f"3 of 3 papers in {db_path}" in again.output
    assert before == {t: db[t].count for t in db.table_names() if t != "runs"}

    # A new version of one replaces that one only.
    paper = folders[1] / "minutes.txt"
    paper.write_text(paper.read_text() + "\nRESOLVED: that the partnership meets again in May.\n")
    third = run("build", *map(str, folders), "--db", str(db_path))
    assert third.output.count("[replaced]") == 1 and "2 unchanged, skipped" in third.output
    assert db["documents"].count == 3


def test_the_same_bytes_under_two_names_load_once_as_a_duplicate(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    B.good_paper(folder, "minutes.txt")
    shutil.copy(folder / "minutes.txt", folder / "minutes copy.txt")
    db_path = tmp_path / "d.db"
    result = run("build", str(folder), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    dup = f"duplicate: {folder / 'minutes.txt'}: the same bytes as {(folder / 'minutes copy.txt').resolve()}, loaded once from there"
    assert dup in result.output.splitlines()
    assert f"1 of 1 papers in {db_path}; 1 duplicate" in result.output
    db = Database(db_path)
    assert db["documents"].count == 1
    runs = list(db.query("select loaded, duplicates from runs"))
    assert runs == [{"loaded": 1, "duplicates": 1}]

    # Next time neither is read again: one unchanged, one duplicate, nothing written.
    before = {t: db[t].count for t in db.table_names() if t != "runs"}
    again = run("build", str(folder), "--db", str(db_path))
    assert "[loaded]" not in again.output and "[replaced]" not in again.output
    assert dup in again.output.splitlines() and "1 unchanged, skipped" in again.output
    assert before == {t: db[t].count for t in db.table_names() if t != "runs"}


def test_the_counts_say_what_the_run_read_and_what_the_database_holds(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    B.good_paper(folder, "minutes.txt")
    shutil.copy(folder / "minutes.txt", tmp_path / "copy.txt")
    db_path = tmp_path / "d.db"
    assert run("build", str(folder), "--db", str(db_path)).exit_code == 0
    # The copy alone, later: a duplicate of the paper loaded before, and the database still holds one paper.
    later = run("build", str(tmp_path / "copy.txt"), "--db", str(db_path))
    assert later.exit_code == 0, later.output
    assert f"0 of 0 papers in {db_path}; 1 duplicate of a paper loaded once; the database holds 1 paper in all" in (
        later.output
    )
    assert "[replaced]" not in later.output and "[loaded]" not in later.output


def test_a_moved_paper_is_not_a_duplicate_of_its_old_place(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    B.good_paper(folder, "minutes.txt")
    db_path = tmp_path / "m.db"
    run("build", str(folder), "--db", str(db_path))
    (folder / "minutes.txt").rename(folder / "renamed.txt")
    result = run("build", str(folder), "--db", str(db_path))
    assert "duplicate" not in result.output and "[replaced]" in result.output
    (doc,) = Database(db_path)["documents"].rows
    assert doc["source"] == "renamed.txt"


def test_two_text_files_of_one_stem_are_two_papers_not_twins(tmp_path):
    """minutes.txt beside a different minutes.md: both load (one was dropped as the other's twin)."""
    B.good_paper(tmp_path, "minutes.txt", title="Safer Testham Partnership")
    B.good_paper(tmp_path, "minutes.md", title="Safer Otherham Partnership")
    assert choose_renderings([tmp_path / "minutes.md", tmp_path / "minutes.txt"]) == [
        (tmp_path / "minutes.md", None),
        (tmp_path / "minutes.txt", None),
    ]
    db_path = tmp_path / "t.db"
    result = run("build", str(tmp_path / "minutes.txt"), str(tmp_path / "minutes.md"), "--db", str(db_path))
    assert result.exit_code == 0 and f"2 of 2 papers in {db_path}" in result.output
    assert sorted(r["source"] for r in Database(db_path)["documents"].rows) == ["minutes.md", "minutes.txt"]


def test_a_pdf_twin_is_said_to_be_skipped(tmp_path):
    B.good_paper(tmp_path, "minutes.txt")
    (tmp_path / "minutes.pdf").write_bytes(B.text_pdf_bytes())
    db_path = tmp_path / "t.db"
    result = run("build", str(tmp_path), "--db", str(db_path))
    assert result.exit_code == 0
    assert (
        f"skipped: {tmp_path / 'minutes.pdf'}: the other rendering of {tmp_path / 'minutes.txt'}, which is read "
        "instead (this one only if that cannot be read; --prefer to change)"
    ) in result.output.splitlines()
    assert f"1 of 1 papers in {db_path}; 1 file skipped" in result.output
    assert [r["source"] for r in Database(db_path)["documents"].rows] == ["minutes.txt"]


def test_same_named_papers_failing_in_two_folders_keep_a_problem_row_each(tmp_path):
    folders = []
    for k in range(2):
        folder = tmp_path / f"f{k}"
        folder.mkdir()
        (folder / "minutes.pdf").write_bytes(b"not a pdf %d" % k)
        folders.append(folder)
    db_path = tmp_path / "p.db"
    result = run("build", *map(str, folders), "--db", str(db_path))
    assert result.exit_code == 1 and f"0 of 2 papers in {db_path}; 2 failed" in result.output
    rows = list(
        Database(db_path).query(
            "select source, source_text from problems where document_id is null order by source_text"
        )
    )
    assert rows == [{"source": "minutes.pdf", "source_text": str((f / "minutes.pdf").resolve())} for f in folders]


def test_extract_writes_same_named_papers_to_separate_files(tmp_path):
    folders = meeting_folders(tmp_path, 2)
    out = tmp_path / "json"
    result = run("extract", *map(str, folders), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.json")) == ["minutes-2.json", "minutes.json"]
    assert "minutes.txt: minutes" in result.output and "-> minutes-2.json" in result.output
