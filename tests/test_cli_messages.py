"""What the command line says (issue 19): per-paper lines on their own lines under the progress
bar, one line and a non-zero exit for an empty folder, a missing output folder and files that are
not papers, and ``eval`` that says when no gold matched."""

from __future__ import annotations

import re

import badinput as B
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract import cli
from boardpapers.extract.cli import main


def run(*args: str, color: bool = False):
    return CliRunner().invoke(main, [str(a) for a in args], color=color)


def one_line_error(result, *words: str) -> str:
    """The run failed with a single error line containing ``words``, and no traceback."""
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.lower().startswith("error")]
    assert len(errors) == 1, result.output
    for word in words:
        assert word in errors[0], (word, errors[0])
    return errors[0]


def test_per_paper_lines_start_on_their_own_line_under_the_progress_bar(tmp_path, monkeypatch):
    import click._termui_impl

    monkeypatch.setattr(cli, "progress_shown", lambda n: n >= 2)  # as on a terminal
    monkeypatch.setattr(click._termui_impl, "isatty", lambda stream: True)
    folder = tmp_path / "papers"
    folder.mkdir()
    for n in range(3):
        B.good_paper(folder, f"minutes-{n}.txt", title=f"Safer Testham Partnership {n}")
    result = run("extract", folder, "--out", tmp_path / "out", color=True)
    assert result.exit_code == 0, result.output
    assert re.search(r"extracting +\[#+-*\] +1/3", result.output)  # the bar was drawn
    for n in range(3):
        # The bar's line is wiped (carriage return, erase line) before the paper's line is written.
        assert re.search(rf"\r\x1b\[Kminutes-{n}\.txt: minutes, ", result.output), repr(result.output)
    # Not on a terminal: no bar at all, only the lines.
    monkeypatch.setattr(cli, "progress_shown", lambda n: False)
    plain = run("extract", folder, "--out", tmp_path / "out")
    assert "extracting" not in plain.output and "\r" not in plain.output
    assert plain.output.splitlines()[0].startswith("minutes-0.txt: minutes, ")


def test_a_missing_output_folder_is_one_line(tmp_path):
    paper = B.good_paper(tmp_path)
    one_line_error(run("extract", paper, "--out", tmp_path / "no" / "such" / "out"), "--out", "does not exist")
    (tmp_path / "a-file").write_text("x")
    one_line_error(run("extract", paper, "--out", tmp_path / "a-file"), "a-file", "is a file")
    # A new folder in an existing one is made.
    made = run("extract", paper, "--out", tmp_path / "new-out")
    assert made.exit_code == 0 and (tmp_path / "new-out" / f"{paper.stem}.json").exists()


def test_an_empty_folder_fails_with_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(run("extract", empty, "--out", tmp_path / "out"), "no papers in", ".md, .pdf, .txt")
    one_line_error(run("build", empty, "--db", tmp_path / "x.db"), "no papers in")
    assert not (tmp_path / "x.db").exists()


def test_a_folder_of_only_other_files_says_what_it_skipped_and_fails(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.md").write_text("# notes\n")
    (folder / "NOTES.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    result = run("build", folder, "--db", tmp_path / "x.db")
    assert "skipped: " in result.output and "README.md" in result.output and "NOTES.xlsx" in result.output
    one_line_error(result, "no papers in", "2 files skipped")


def test_files_named_that_are_not_papers_are_named_with_the_formats_read(tmp_path):
    good = B.good_paper(tmp_path)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01junk")
    word = tmp_path / "minutes.xlsx"
    word.write_bytes(b"PK\x03\x04 a spreadsheet")
    result = run("build", junk, word, good, "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(errors) == 2
    for path, line in zip((junk, word), errors):
        assert path.name in line and "not a paper" in line and ".docx, .md, .pdf, .txt" in line
    assert "1 of 3 papers" in result.output and "2 failed" in result.output
    db = Database(tmp_path / "x.db")
    assert db["documents"].count == 1
    assert {r["source"] for r in db.query("select source from problems where code = 'not_a_paper'")} == {
        "junk.bin",
        "minutes.xlsx",
    }
    extracted = run("extract", junk, good, "--out", tmp_path / "out")
    assert extracted.exit_code == 1 and "1 of 2 documents extracted" in extracted.output


def test_a_pdf_under_any_name_is_read(tmp_path):
    paper = tmp_path / "paper.dat"
    paper.write_bytes(B.text_pdf_bytes(["Safer Testham Partnership", "The partnership agreed the plan."]))
    result = run("extract", paper, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output and (tmp_path / "out" / "paper.json").exists()


def test_eval_with_no_matching_gold_says_so_and_fails(tmp_path):
    paper = B.good_paper(tmp_path)
    gold = tmp_path / "gold"
    gold.mkdir()
    result = run("eval", "--gold", gold, paper)
    one_line_error(result, "no gold file", str(gold))
    assert "F1" not in result.output
