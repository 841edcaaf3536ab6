"""The PDF reader on page layouts council papers use that the corpus does not show: each
PDF is generated at test time (tests/layoutgen.py, no dependencies) and read through
``boardpapers.extract.readers.read``."""

from __future__ import annotations

import layoutgen
import pytest

from boardpapers.extract.readers import read


@pytest.fixture
def layout(tmp_path):
    def _read(name: str):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(layoutgen.build(name))
        return read(path)

    return _read


def kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_two_columns_read_column_by_column(layout):
    doc = layout("two_columns")
    assert [(k, t[:30]) for k, t in kinds(doc)] == [
        ("heading", "Community Safety Plan 2024-27"),
        ("heading", "Our priorities"),
        ("paragraph", layoutgen.LOREM[:30]),
        ("heading", "Working together"),
        ("paragraph", layoutgen.LOREM2[:30]),
        ("heading", "Reducing reoffending"),
        ("paragraph", layoutgen.LOREM2[:30]),
        ("heading", "Violence against women and gir"),
        ("paragraph", layoutgen.LOREM[:30]),
    ]
    # Each column's lines re-join into whole paragraphs, nothing from the other column inside.
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == [
        layoutgen.LOREM,
        layoutgen.LOREM2,
        layoutgen.LOREM2,
        layoutgen.LOREM,
    ]
    assert doc.tables() == []


def test_action_column_initials_are_margins_before_their_paragraph(layout):
    doc = layout("action_column")
    body = [(k, t[:20]) for k, t in kinds(doc)][2:]
    assert body == [
        ("margin", "JB"),
        ("paragraph", "The Board received t"),
        ("margin", "CSM"),
        ("paragraph", "Members discussed th"),
        ("margin", "All"),
        ("paragraph", "All partners to send"),
        ("paragraph", "The Board noted the "),
    ]
    assert [b.marker for b in doc.blocks if b.kind == "paragraph"] == ["4.1", "4.2", "4.3", "4.4"]
    assert doc.tables() == []


def test_table_without_rules_is_a_table_and_prose_is_not(layout):
    doc = layout("borderless_table")
    tables = doc.tables()
    assert len(tables) == 1
    t = tables[0].table
    assert t.ruled is False and t.n_cols == 4
    assert t.header_texts() == ["Indicator", "Target", "Q1", "Q2"]
    assert [r.texts for r in t.body_rows] == [row for row in layoutgen.TABLE_ROWS[1:]]
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs == [
        "Date: 4 March 2024",
        "Time: 10.00am",
        "Venue: Town Hall, Room 2",
        layoutgen.LOREM,
        layoutgen.LOREM2,
    ]
    # The table sits between the two paragraphs, in reading order.
    order = [b.kind for b in doc.blocks]
    assert order.index("table") == len(order) - 2


def test_landscape_page_with_a_wide_ruled_table(layout):
    doc = layout("landscape_table")
    assert doc.page_count == 2
    (table,) = doc.tables()
    assert table.page == 2 and table.table.n_cols == 8 and table.table.ruled is True
    assert table.table.header_texts() == ["Indicator", "Baseline", "Target", "Q1", "Q2", "Q3", "Q4", "Direction"]
    assert len(table.table.body_rows) == 6
    assert table.table.body_rows[0].texts == ["Indicator number 1", "100", "95", "97", "96", "94", "93", "Improving"]
    assert table.box.x1 > 700  # on the landscape page, past a portrait page's width
    assert any(b.kind == "heading" and b.text == "Appendix A: Performance Scorecard" for b in doc.blocks)


def test_running_header_and_page_of_footer_removed(layout):
    doc = layout("running_headers")
    assert [(b.page, b.kind, b.text) for b in doc.blocks] == [
        (1, "paragraph", layoutgen.LOREM),
        (2, "paragraph", layoutgen.LOREM2),
        (3, "paragraph", layoutgen.LOREM3),
    ]


def test_bold_numbered_heading_in_body_size(layout):
    doc = layout("bold_body_heading")
    heads = [(b.marker, b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [
        (None, "Minutes", 1),
        ("2.", "APOLOGIES", 2),
        ("3.", "MATTERS ARISING", 2),
        ("4.", "ANY OTHER BUSINESS", 2),
    ]
    assert [b.text[:20] for b in doc.blocks if b.kind == "paragraph"] == [
        "Apologies were recei",
        layoutgen.LOREM[:20],
        "There was no other b",
    ]


@pytest.mark.parametrize("name", ["continued_table", "continued_aligned_table"])
def test_table_continued_on_next_page_without_repeated_header(layout, name):
    doc = layout(name)
    (table,) = doc.tables()
    t = table.table
    assert t.pages == [1, 2] and t.n_cols == 4
    assert t.header_texts() == ["Ref", "Action", "Owner", "Due"]
    assert [r.texts[0] for r in t.body_rows] == [str(i) for i in range(1, 13)]
    assert t.body_rows[-1].texts == ["12", "Agree the funding for project 12", "CSM", "Jun 2024"]
    assert [b.text for b in doc.blocks if b.kind != "table"] == ["Action log", "The meeting closed at 12.20pm."]


def test_words_past_the_page_edge_do_not_break_the_column_check():
    from boardpapers.extract.readers.pdf_layout import Word
    from boardpapers.extract.readers.pdf_regions import _gutter

    def word(x0, x1, top):
        return Word(text="overflowing", x0=x0, x1=x1, top=top, bottom=top + 10, size=10, bold=False)

    rows = [[word(50, 250, t), word(330, 700, t)] for t in range(100, 200, 12)]  # text runs off a 595 pt page
    lo, hi = _gutter(rows, 595.0)  # no IndexError, and the gap between the columns is found
    assert 250 <= lo < hi <= 330


def test_a_lead_in_set_large_stays_a_paragraph(tmp_path):
    from pdfgen import make_pdf, text

    from boardpapers.extract.readers import read

    ops = [
        text(60, 60, "Review of town centre ASB", size=16, bold=True),
        text(60, 100, "The panel heard evidence from residents and traders over four meetings.", size=10),
        text(60, 130, "The Task and Finish Group recommends that:", size=13, bold=True),
        text(60, 160, "1. The Council funds two more wardens.", size=10),
        text(60, 180, "2. The Partnership reviews the PSPO.", size=10),
    ]
    path = tmp_path / "leadin.pdf"
    path.write_bytes(make_pdf([ops]))
    kinds = {b.text: b.kind for b in read(path).blocks}
    assert kinds["Review of town centre ASB"] == "heading"
    assert kinds["The Task and Finish Group recommends that:"] == "paragraph"
