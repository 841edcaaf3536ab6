"""The PDF reader: corpus PDFs against their gold tables and their text renderings, the
real PDFs in ../shared/realpdf, and one small generated PDF per layout rule."""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from pdfgen import image, make_pdf, ruled_table, text

from boardpapers.extract.readers.pdf import read_pdf
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.errors import ReadError

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"

MONTHS = [
    "",
    "Apr-16",
    "May-16",
    "Jun-16",
    "Jul-16",
    "Aug-16",
    "Sep-16",
    "Oct-16",
    "Nov-16",
    "Dec-16",
    "Jan-17",
    "Feb-17",
    "Mar-17",
]
AIMS = ["", "Five year aims", "Summary of progress"]
MAIN = ["Main indicator", "Lead Officer", "Target 16/17"]

# (header via Table.header_texts(), number of body rows), from ../shared/gold/*.json
EXPECTED_TABLES = {
    "peterborough-scrutiny-performance-2018-11": [
        ([], 2),
        ([], 3),
        (["RECOMMENDATIONS", ""], 2),
        (["Is this a Major Policy Item/Statutory Plan?", "NO", "If yes, date for Cabinet meeting", "NA"], 0),
        (["", "Q1", "Q2"], 3),
        (["Ward", "Previous Year", "Current 12 months", "Change"], 6),
        (["Type of Property", "Previous Years", "Current 12 months", "Change"], 3),
        (
            [
                "",
                "Baseline period (%)",
                "Baseline period (n)",
                "D.O.T B",
                "D.O.T LQ",
                "Latest period (%)",
                "Latest period (n)",
                "Top Quartile range for Comparator LAs",
                "Range to achieve Top Quartile",
            ],
            4,
        ),
    ],
    "plymouth-safer-plymouth-agenda-2017-01": [
        (["Item", "Subject"], 3),
        (["Area/Need", "Recommendation", "OPCC contribution", "Total budget"], 8),
        (MONTHS, 5),
        (MONTHS, 4),
        (MONTHS, 4),
        (MONTHS, 4),
        (["", "Q1", "Q2", "Q3", "Q4"], 4),
        (MONTHS, 4),
        (MONTHS, 3),
        (MONTHS, 3),
        (MONTHS, 4),
    ],
    "portsmouth-scrutiny-complex-needs-2016": [
        (["", "Page"], 21),
        (["Abbreviation", "Definition."], 13),
        (["Recommendation", "Action By", "Budget & Policy Framework", "Resource Implications"], 10),
        (["DATE", "WITNESSES", "DOCUMENTS RECEIVED"], 6),
    ],
    "portsmouth-spp-minutes-2009-12": [([], 11)],
    "portsmouth-spp-plan-2016-update": [
        (["", "Page"], 16),
        (AIMS, 9),
        (AIMS, 5),
        (["", "Five year aims", ""], 5),
        (AIMS, 4),
        (MAIN, 29),
        (MAIN, 13),
        (MAIN, 7),
    ],
}


@cache
def corpus_pdf(stem: str):
    return read_pdf(CORPUS / f"{stem}.pdf")


def table_summary(doc) -> list[tuple[list[str], int]]:
    return [(b.table.header_texts(), len(b.table.body_rows)) for b in doc.tables()]


# --- corpus PDFs ------------------------------------------------------------------------------

# Reading the five corpus PDFs takes most of ten seconds: the tests that read them are slow
# (corpus_pdf caches each, so they go together).


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(EXPECTED_TABLES))
def test_corpus_tables_match_gold(stem):
    assert table_summary(corpus_pdf(stem)) == EXPECTED_TABLES[stem]


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(EXPECTED_TABLES))
def test_corpus_tables_match_text_reader(stem):
    from_text = table_summary(read_text(CORPUS / f"{stem}.txt"))
    key = lambda t: (t[0], t[1])  # noqa: E731
    assert Counter(map(repr, map(key, table_summary(corpus_pdf(stem))))) == Counter(map(repr, map(key, from_text)))


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(EXPECTED_TABLES))
def test_corpus_blocks_are_clean(stem):
    doc = corpus_pdf(stem)
    assert doc.source_kind == "pdf" and doc.page_count >= 9 and len(doc.id) == 16
    assert any(b.kind == "heading" for b in doc.blocks)
    for b in doc.blocks:
        assert "intentionally left blank" not in b.text.lower()
        assert not re.fullmatch(r"page\s*\d{1,3}(?:\s*of\s*\d+)?", b.text.strip(), re.I), b.text
        # (a bare "13" mid-page is an old page number the rendering carries; the text reader keeps it too)
        if b.kind != "footnote" and re.fullmatch(r"\d{1,3}", b.text.strip()):
            assert b.box.bottom < 0.9 * 842, b
        assert b.box is not None and 1 <= b.page <= doc.page_count


@pytest.mark.slow
def test_minutes_attendance_is_one_paragraph_per_line():
    doc = corpus_pdf("portsmouth-spp-minutes-2009-12")
    texts = [b.text for b in doc.blocks]
    assert "David Williams, PCC Chief Executive (Chair)" in texts
    assert "David Renouf, Hampshire Probation Service" in texts
    joined = next(t for t in texts if t.startswith("The Chair, David Williams opened"))
    assert joined.endswith("asking for introductions and apologies.")


@pytest.mark.slow
def test_plan_headings_levels_and_hyphen_wraps():
    doc = corpus_pdf("portsmouth-spp-plan-2016-update")
    heads = {b.text: b.level for b in doc.blocks if b.kind == "heading"}
    assert heads["Safer Portsmouth Partnership Plan 2013-18"] == 1
    assert heads["Introduction"] == 2
    assert "re-prioritised it’s work" in doc.text() or "re-prioritised it's work" in doc.text()
    assert any(b.kind == "footnote" and b.marker == "7" for b in doc.blocks)


# --- real PDFs --------------------------------------------------------------------------------


def _real(name: str):
    path = SHARED / "realpdf" / name
    if not path.exists():
        pytest.skip("../shared/realpdf is not here")
    return read_pdf(path)


@pytest.mark.slow
def test_real_action_log_over_three_pages():
    doc = _real("transparency-board-action-log-tb7-2011.pdf")
    header = ["Meeting date & action number", "Action", "Deadline", "Progress"]
    assert table_summary(doc) == [
        (header, 16),
        (["Meeting date & action number", "Actions completed", "Deadline", "Progress"], 13),
    ]
    assert doc.tables()[0].table.pages == [1, 2]
    assert not any(b.text == "UNCLASSIFIED" for b in doc.blocks)


@pytest.mark.slow
def test_real_board_minutes_attendance_table():
    doc = _real("transparency-board-minutes-2011-03-02.pdf")
    assert table_summary(doc) == [(["Present:", "", "Officials:"], 14)]
    assert any(b.kind == "heading" and b.text == "Welcome and Introductions" for b in doc.blocks)


@pytest.mark.slow
def test_real_panel_minutes_have_no_table():
    doc = _real("cj-transparency-panel-minutes-2014-02-14.pdf")
    assert doc.tables() == []
    assert any("WM to circulate" in b.text for b in doc.blocks)


@pytest.mark.slow
def test_real_quarterly_report_reads():
    doc = _real("open-data-qwms-q2-2013-14.pdf")
    assert doc.page_count == 13
    assert (["Department", "Unpublished datasets", "Published datasets"], 17) in table_summary(doc)


# --- generated PDFs: one per rule -------------------------------------------------------------

BODY = "The partnership agreed to review the funding position for the coming year and to report"


def _read(tmp_path, pages, name="gen.pdf"):
    path = tmp_path / name
    path.write_bytes(make_pdf(pages))
    return read_pdf(path)


def _page(n: int, lines: list[tuple]) -> list[tuple]:
    return lines + [text(72, 30, "Safer City Partnership - Minutes", 8), text(285, 800, f"Page {n} of 3", 9)]


def test_right_margin_initials_come_before_their_paragraph(tmp_path):
    ops = [
        text(72, 80, "Minutes", 16, bold=True),
        text(72, 120, BODY, 10),
        text(72, 132, "back to the board in March.", 10),
        text(72, 160, "Lisa Wills to confirm the new funding arrangements with the", 10),
        text(72, 172, "Home Office before the next meeting.", 10),
        text(520, 160, "LW", 10),
        text(72, 200, "Contracts for the three posts were discussed at length by", 10),
        text(72, 212, "the members present.", 10),
        text(520, 200, "RD/ JF", 10),
    ]
    doc = _read(tmp_path, [ops])
    kinds = [(b.kind, b.text[:12]) for b in doc.blocks]
    assert kinds == [
        ("heading", "Minutes"),
        ("paragraph", "The partners"),
        ("margin", "LW"),
        ("paragraph", "Lisa Wills t"),
        ("margin", "RD/ JF"),
        ("paragraph", "Contracts fo"),
    ]
    assert doc.blocks[3].text.endswith("the Home Office before the next meeting.")


def test_ruled_table_continued_with_repeated_header(tmp_path):
    head = ["Action", "Owner", "Due"]
    first = [head] + [[f"Action number {i}", "Lisa Wills", "March 2017"] for i in range(1, 6)]
    second = [head] + [[f"Action number {i}", "Rob Hill", "June 2017"] for i in range(6, 9)]
    p1 = [text(72, 80, "Action log", 14, bold=True)] + ruled_table(72, 110, [250, 120, 80], first)
    p2 = ruled_table(72, 60, [250, 120, 80], second) + [text(72, 200, "The meeting closed at 12.20pm.", 10)]
    doc = _read(tmp_path, [p1, p2])
    tables = doc.tables()
    assert len(tables) == 1
    t = tables[0].table
    assert t.header_texts() == head and len(t.body_rows) == 8 and t.pages == [1, 2]
    assert not any("Action number" in b.text for b in doc.blocks if b.kind != "table")


def test_running_footer_and_page_numbers_removed(tmp_path):
    pages = [_page(n, [text(72, 100, f"{BODY} item {n}.", 10)]) for n in (1, 2, 3)]
    doc = _read(tmp_path, pages)
    assert [b.text for b in doc.blocks] == [f"{BODY} item {n}." for n in (1, 2, 3)]
    assert doc.page_count == 3


def test_blank_page_and_blank_notice_skipped(tmp_path):
    pages = [
        [text(72, 100, "First page text.", 10)],
        [],
        [text(200, 400, "This page is intentionally left blank", 10)],
        [text(72, 100, "Last page text.", 10)],
    ]
    doc = _read(tmp_path, pages)
    assert [(b.page, b.text) for b in doc.blocks] == [(1, "First page text."), (4, "Last page text.")]


def test_image_only_pdf_needs_ocr(tmp_path):
    with pytest.raises(ReadError, match="no text layer"):
        _read(tmp_path, [[image(50, 50, 500, 700)], [image(50, 50, 500, 700)]])


def test_a_scanned_page_inside_a_text_pdf_is_skipped(tmp_path):
    doc = _read(tmp_path, [[text(72, 100, "Text page.", 10)], [image(50, 50, 500, 700)]])
    assert [b.text for b in doc.blocks] == ["Text page."] and doc.page_count == 2


def test_random_bytes_are_a_read_error(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    with pytest.raises(ReadError, match="junk.pdf"):
        read_pdf(path)


def test_truncated_pdf_is_a_read_error(tmp_path):
    data = (CORPUS / "portsmouth-spp-minutes-2009-12.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError, match="cut.pdf"):
        read_pdf(path)


@pytest.mark.slow  # encrypts and reads a corpus PDF three times
def test_encrypted_pdf_asks_for_the_password(tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="no PDF encryption tool in the venv (pypdf not installed)")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(CORPUS / "portsmouth-spp-minutes-2009-12.pdf"))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(ReadError, match="encrypted: give the password"):
        read_pdf(path)
    with pytest.raises(ReadError, match="wrong password"):
        read_pdf(path, password="nope")
    assert read_pdf(path, password="secret").tables()
