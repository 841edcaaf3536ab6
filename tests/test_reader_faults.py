"""Readers on inputs that looked like something else (issue 14): Notepad's UTF-16 text, a
text paper that mentions "%PDF-", PDF pages turned by /Rotate, text set sideways."""

from __future__ import annotations

import io

import badinput as B
import pypdf
import pytest
from click.testing import CliRunner
from pypdf import Transformation
from sqlite_utils import Database

from boardpapers.extract.cli import main
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers import read
from boardpapers.schemas.errors import ReadError

LINES = [
    "Safer Testham Partnership",
    "Minutes of the meeting held on 12 March 2019",
    "RESOLVED: that the partnership approves the domestic abuse strategy.",
]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_text_is_text(tmp_path, encoding):
    """Notepad's "Unicode" is UTF-16 with a byte-order mark; its zero bytes are not binary data."""
    path = tmp_path / "notepad.txt"
    path.write_bytes(B.GOOD_PAPER.replace("strategy", "stratégie £5").encode(encoding))
    doc = read(path)
    assert doc.source_kind == "text" and "approves the domestic abuse stratégie £5" in doc.text()
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(B.GOOD_PAPER.replace("strategy", "stratégie £5"), encoding="utf-8")
    assert [b.text for b in doc.blocks] == [b.text for b in read(utf8).blocks]


def test_binary_data_is_still_refused(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50)
    with pytest.raises(ReadError, match="binary data, not text"):
        read(path)


def test_a_text_paper_that_mentions_pdf_is_read_as_text(tmp_path):
    path = tmp_path / "it-note.txt"
    path.write_text(
        "# IT note\n\nFiles must start with %PDF-1.7 to be accepted by the portal.\n\n" + B.GOOD_PAPER, encoding="utf-8"
    )
    doc = read(path)
    assert doc.source_kind == "text" and "start with %PDF-1.7" in doc.text()


def test_a_pdf_behind_a_short_header_is_still_a_pdf(tmp_path):
    path = tmp_path / "mailed.pdf"
    path.write_bytes(b"From: clerk\r\n\r\n" + B.text_pdf_bytes(LINES))
    assert read(path).source_kind == "pdf"


def _pdf(tmp_path, *, content_turn: int = 0, rotate: int = 0, name: str = "paper.pdf"):
    """Two pages: an ordinary one, and one whose content is turned and/or has a /Rotate."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(B.text_pdf_bytes(LINES, pages=2))))
    page = writer.pages[1]
    if content_turn:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        t = Transformation().rotate(content_turn)
        page.add_transformation(t.translate(h, 0) if content_turn == 90 else t.translate(0, w))
        page.mediabox = pypdf.generic.RectangleObject([0, 0, h, w])
    if rotate:
        page.rotate(rotate)
    path = tmp_path / name
    with open(path, "wb") as f:
        writer.write(f)
    return path


@pytest.mark.parametrize(
    "content_turn, rotate",
    [(0, 90), (0, 180), (0, 270), (90, 90)],
    ids=["rotate-90", "rotate-180", "rotate-270", "landscape-turned-and-rotated"],
)
def test_rotated_pages_read_upright(tmp_path, content_turn, rotate):
    doc = read(_pdf(tmp_path, content_turn=content_turn, rotate=rotate))
    page1 = [b.text for b in doc.blocks if b.page == 1]
    assert [b.text for b in doc.blocks if b.page == 2] == page1 and page1[0] == LINES[0]
    assert doc.skipped_pages == []
    extraction = extract_document(doc)
    assert {d.provenance.page for d in extraction.decisions} == {1, 2}


@pytest.mark.parametrize("content_turn, rotate", [(90, 0), (-90, 0), (-90, 90)])
def test_a_page_whose_text_runs_sideways_is_said_and_skipped(tmp_path, content_turn, rotate):
    path = _pdf(tmp_path, content_turn=content_turn, rotate=rotate)
    doc = read(path)
    assert {b.page for b in doc.blocks} == {1} and [p for p, _ in doc.skipped_pages] == [2]
    db_path = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["build", str(path), "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0
    warning = (
        f"warning: {path}: page 2: its text runs sideways or upside down, so the page was skipped (turn it upright "
        "in a PDF editor and save it)"
    )
    assert warning in result.output.splitlines()
    db = Database(db_path)
    (problem,) = list(db.query("select page, severity, code from problems where code = 'page_skipped'"))
    assert problem == {"page": 2, "severity": "warning", "code": "page_skipped"}
    assert [r["page"] for r in db.query("select page from document_pages")] == [1]  # no letter soup stored


def test_a_pdf_sideways_on_every_page_is_one_error(tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(B.text_pdf_bytes(LINES))))
    page = writer.pages[0]
    page.add_transformation(Transformation().rotate(90).translate(float(page.mediabox.height), 0))
    path = tmp_path / "sideways.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}: the text of every page runs sideways or upside down: turn the pages "
        "upright in a PDF editor and save it"
    )


def test_a_build_loads_utf16_and_pdf_mentioning_papers_as_text(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notepad.txt").write_bytes(B.GOOD_PAPER.encode("utf-16"))
    (folder / "it-note.txt").write_text(
        "%PDF- files only, says the portal.\n\n" + B.GOOD_PAPER.replace("Safer Testham", "Safer Portalham"),
        encoding="utf-8",
    )
    db_path = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0 and "error:" not in result.output
    assert f"2 of 2 papers in {db_path}" in result.output
    rows = {r["source"]: r["source_kind"] for r in Database(db_path)["documents"].rows}
    assert rows == {"notepad.txt": "text", "it-note.txt": "text"}
