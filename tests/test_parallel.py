"""``--jobs N`` gives the same files, order and errors as ``--jobs 1``; a re-build skips what is unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract.cli import main
from boardpapers.extract.parallel import ordered_map

CORPUS = Path(__file__).parent.parent / "corpus"
PAPERS = ["portsmouth-spp-minutes-2009-12", "plymouth-safer-plymouth-agenda-2017-01"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def papers_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for stem in PAPERS:
        shutil.copy(CORPUS / f"{stem}.txt", folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    return folder


def _square(x):
    if x == 3:
        raise ValueError("three")
    return x * x


def test_ordered_map_keeps_order_and_hands_back_errors():
    for jobs in (1, 2):
        out = [
            (item, result, type(error).__name__ if error else None)
            for item, result, error in ordered_map(_square, [(i,) for i in range(7)], jobs)
        ]
        assert out == [((i,), None if i == 3 else i * i, "ValueError" if i == 3 else None) for i in range(7)]


@pytest.mark.slow  # two extracts of the corpus papers, one in a pool of worker processes
def test_extract_jobs_2_is_byte_identical_with_the_same_errors(tmp_path):
    folder = papers_folder(tmp_path)
    one, two = (
        run("extract", str(folder), "--out", str(tmp_path / "one")),
        run("extract", str(folder), "--out", str(tmp_path / "two"), "--jobs", "2"),
    )
    assert one.exit_code == two.exit_code == 1
    assert one.output.replace("/one", "/two") == two.output  # same lines, same order, same error
    assert "error: " in one.output and "broken.pdf" in one.output
    files = sorted(p.name for p in (tmp_path / "one").glob("*.json"))
    assert files == sorted(f"{s}.json" for s in PAPERS)
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def _snapshot(db_path: Path) -> dict:
    db = Database(db_path)
    return {t: sorted(map(repr, db.query(f"select * from [{t}]"))) for t in db.table_names() if t != "runs"}


@pytest.mark.slow  # two builds, one in a pool of worker processes
def test_build_jobs_2_matches_jobs_1(tmp_path):
    folder = papers_folder(tmp_path)
    run("build", str(folder), "--db", str(tmp_path / "one.db"))
    run("build", str(folder), "--db", str(tmp_path / "two.db"), "-j", "2")
    assert _snapshot(tmp_path / "one.db") == _snapshot(tmp_path / "two.db")


def test_second_build_skips_unchanged_papers_and_changes_nothing(tmp_path):
    folder = papers_folder(tmp_path)
    db_path = tmp_path / "papers.db"
    first = run("build", str(folder), "--db", str(db_path))
    assert first.exit_code == 1  # broken.pdf
    before = _snapshot(db_path)
    second = run("build", str(folder), "--db", str(db_path))
    assert "2 unchanged, skipped" in second.output
    assert "[loaded]" not in second.output and "[unchanged]" not in second.output  # not even read
    assert _snapshot(db_path) == before
    runs = list(Database(db_path).query("select unchanged, loaded, failed from runs order by id"))
    assert runs[-1] == {"unchanged": 2, "loaded": 0, "failed": 1}  # the broken file is still tried

    # A changed paper is read again; the other is still skipped.
    paper = folder / f"{PAPERS[0]}.txt"
    paper.write_text(paper.read_text() + "\nA late note.\n")
    third = run("build", str(folder), "--db", str(db_path))
    assert "1 unchanged, skipped" in third.output and "[replaced]" in third.output
