"""What a build reads, and what it says it skipped (issue 14): one line per file skipped with
the reason, counted in the summary; only regular files of bounded size are read; a file
name that is not UTF-8 loads like any other."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import badinput as B
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract.cli import main
from boardpapers.extract.readers import read
from boardpapers.schemas import files as schema_files
from boardpapers.schemas.errors import ReadError


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lines(output: str, prefix: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(prefix)]


@pytest.fixture()
def messy(tmp_path) -> Path:
    """A papers folder as people keep them: two papers and everything else."""
    folder = tmp_path / "papers"
    folder.mkdir()
    B.good_paper(folder, "minutes.txt")
    B.good_paper(folder, "NOTES.txt", title="Safer Noteham Partnership")  # meeting notes are papers
    (folder / ".env").write_text("SECRET=1\n")
    (folder / ".private.txt").write_text("my notes\n")
    (folder / "README.md").write_text("# What this folder is\n")
    (folder / "report.xlsx").write_bytes(b"PK\x03\x04 not read")  # a spreadsheet: Word files are read
    (folder / "page.html").write_text("<script>alert(1)</script>")
    (folder / "2019").mkdir()
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "same.txt").symlink_to(folder / "minutes.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_every_skipped_file_gets_one_line_and_the_summary_counts_them(messy, tmp_path):
    db_path = tmp_path / "m.db"
    result = run("build", str(messy), "--db", str(db_path))  # the named pipe must not block it
    assert result.exit_code == 0, result.output
    f = messy
    assert lines(result.output, "skipped:") == [
        f"skipped: {f / '.env'}: a hidden file",
        f"skipped: {f / '.private.txt'}: a hidden file",
        f"skipped: {f / '2019'}: a folder: folders inside a folder are not read (name it to read its papers)",
        f"skipped: {f / 'README.md'}: the folder's README, not a paper (name it on the command line to read it)",
        f"skipped: {f / 'page.html'}: not a paper: only .docx, .md, .pdf, .txt files are read",
        f"skipped: {f / 'passwd.txt'}: a link to /etc/passwd, outside {f} (name it on the command line to read it)",
        f"skipped: {f / 'pipe.txt'}: a named pipe, not a regular file",
        f"skipped: {f / 'report.xlsx'}: not a paper: only .docx, .md, .pdf, .txt files are read",
        f"skipped: {f / 'same.txt'}: the same file as {f / 'minutes.txt'}, already in this batch",
    ]
    assert (
        result.output.splitlines()[-2 if "linked" in result.output.splitlines()[-1] else -1]
        == f"2 of 2 papers in {db_path}; 9 files skipped"
    )
    db = Database(db_path)
    assert sorted(r["source"] for r in db["documents"].rows) == ["NOTES.txt", "minutes.txt"]
    assert next(db.query("select skipped from runs"))["skipped"] == 9
    assert "root:" not in " ".join(r["text"] for r in db["document_pages"].rows)


def test_extract_says_what_it_skipped_too(messy, tmp_path):
    result = run("extract", str(messy), "--out", str(tmp_path / "json"))
    assert result.exit_code == 0 and len(lines(result.output, "skipped:")) == 9
    assert result.output.splitlines()[-1] == f"2 of 2 documents extracted to {tmp_path / 'json'}; 9 files skipped"


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_named_pipe_or_device_given_as_a_paper_is_one_line_not_a_hang(tmp_path, special):
    if special == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        kind = "a named pipe"
    else:
        path = Path(special)
        kind = "a device"
    good = B.good_paper(tmp_path)
    db_path = tmp_path / "s.db"
    result = run("build", str(path), str(good), "--db", str(db_path))
    assert result.exit_code == 1
    assert lines(result.output, "error:") == [f"error: {path}: {kind}, not a regular file: only files are read"]
    assert f"1 of 2 papers in {db_path}; 1 failed" in result.output
    assert [r["source"] for r in Database(db_path)["documents"].rows] == [good.name]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(schema_files, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(B.GOOD_PAPER * 10)
    with pytest.raises(ReadError) as caught:
        read(big)
    assert str(caught.value) == (f"{big}: too large (0 MB; the limit is 0 MB); set BOARDPAPERS_MAX_MB to read it")
    read(B.good_paper(tmp_path))  # under the limit: read


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_loads_and_links(tmp_path):
    from datasette_client import get

    from boardpapers.db.serve import make_datasette

    folder = tmp_path / "papers"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/min\xffutes.txt"
    with open(raw, "wb") as f:
        f.write(B.GOOD_PAPER.encode())
    B.good_paper(folder, "other.txt", title="Safer Otherham Partnership")
    db_path = tmp_path / "u.db"
    result = run("build", str(folder), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "min%FFutes.txt: minutes" in result.output and "Traceback" not in result.output
    db = Database(db_path)
    doc = next(db.query("select * from documents where source like 'min%'"))
    assert doc["source"] == "min%FFutes.txt"
    import asyncio

    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    assert "Safer Testham" in get(ds, doc["source_url"]).text

    out = tmp_path / "json"
    extracted = run("extract", str(folder), "--out", str(out))
    assert extracted.exit_code == 0 and len(list(out.glob("*.json"))) == 2
