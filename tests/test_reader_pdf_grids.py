"""The PDF reader on the table layouts real Word and browser prints use (issue 15): each
convention on a generated variant in another body's house style (tests/wordgrids.py) and,
where ../shared is here, on the real papers it was read from; plus one small case per rule."""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
import wordgrids
from pdfgen import clip, fill, make_pdf, mtext, rule, text, vtext

from boardpapers.extract.readers import read
from boardpapers.extract.readers.captions import split_bands
from boardpapers.extract.readers.pdf import read_pdf
from boardpapers.extract.readers.pdf_layout import Line, Word, running_lines, to_words
from boardpapers.extract.readers.pdf_page import document_properties, rotated_words, visible_box, visible_page
from boardpapers.extract.readers.pdf_tables import cell_text
from boardpapers.extract.readers.tables import continues_row
from boardpapers.schemas.document import Box, Cell, Row, Table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@functools.cache
def _real(name: str):
    """A real paper of ../shared/realdev, read once a session (the real-paper tests are slow)."""
    path = SHARED / "realdev" / name
    if not path.exists():
        pytest.skip("../shared/realdev is not here")
    return read_pdf(path)


def _doc(tmp_path, name: str):
    pages, options = getattr(wordgrids, name)()
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(make_pdf(pages, **options))
    return read(path)


def _rows(table) -> list[list[str]]:
    return [r.texts for r in table.body_rows]


# --- a minutes grid over landscape pages ------------------------------------------------------------


def test_minutes_grid_over_three_pages_is_one_table(tmp_path):
    doc = _doc(tmp_path, "minutes_grid")
    tables = doc.tables()
    assert len(tables) == 1
    t = tables[0].table
    assert t.pages == [1, 2, 3] and t.n_cols == 4 and t.header_rows == []
    codes = [r[0] for r in _rows(t)]
    assert codes == [f"LGB {n}/24" for n in range(31, 39)]
    # The row the break cut (its code cell empty on page 2) is one row.
    finance = _rows(t)[3]
    assert finance[2].endswith("received and the governors noted the forecast underspend of £12,400.")
    # White paragraph shading in the safeguarding notes does not cut the row into slivers.
    assert _rows(t)[4][2].count("\n") == 3 and _rows(t)[4][3] == "Designated lead"
    # The footer at 89% of the page height is furniture: no block holds it.
    assert not any("LGB minutes" in b.text or "Page 2 of 3" in b.text for b in doc.blocks)
    assert [b.kind for b in doc.blocks] == ["heading", "heading", "table", "paragraph"]


def test_running_footer_found_by_repetition_far_from_the_edge():
    def lines(page: int, height: float) -> list[Line]:
        body = Line(words=[Word("Body", 72, 100, 300, 310, 10, False)], page=page)
        foot = Line(
            words=[
                Word("Harbourside", 40, 120, 0.89 * height, 0.89 * height + 8, 8, False),
                Word("LGB", 125, 150, 0.89 * height, 0.89 * height + 8, 8, False),
            ],
            page=page,
        )
        return [body, foot]

    # Two landscape pages and one portrait page: the footer keeps its distance from the bottom.
    pages = [(595.0, lines(1, 595.0)), (595.0, lines(2, 595.0)), (842.0, lines(3, 842.0))]
    pages[2][1][1].words[0].top = pages[2][1][1].words[1].top = 842.0 - 0.11 * 595.0
    pages[2][1][1].words[0].bottom = pages[2][1][1].words[1].bottom = 842.0 - 0.11 * 595.0 + 8
    found = running_lines(pages)
    assert {id(p[1][1]) for p in pages} <= found
    assert not any(id(p[1][0]) in found for p in pages)


@pytest.mark.slow
def test_real_governors_minutes_grids_are_whole():
    for name, n_rows, header in (
        ("decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf", 17, ["", "Item", "Notes", "Action"]),
        ("decoy-primary-governors-fgb-minutes-2022-05-23.pdf", 18, []),
    ):
        doc = _real(name)
        grids = [b.table for b in doc.tables() if b.table.n_cols == 4 and len(b.table.pages) > 4]
        assert len(grids) == 1, name
        assert grids[0].header_texts() == header and len(grids[0].body_rows) == n_rows, name
        assert not any(b.kind == "heading" and "May 2022" in b.text and "Committee" in b.text for b in doc.blocks)


# --- title bands over label rows --------------------------------------------------------------------


def test_bands_over_label_rows_open_tables_and_a_logo_does_not_cut_the_grid(tmp_path):
    doc = _doc(tmp_path, "banded_plan")
    tables = [b.table for b in doc.tables()]
    assert [t.caption for t in tables] == [
        "PRIORITY 1: Safer streets and public spaces",
        "PRIORITY 2: Reducing reoffending",
    ]
    assert all(t.header_texts() == wordgrids.PLAN_LABELS for t in tables)
    assert _rows(tables[0]) == wordgrids.PRIORITY_1
    # Page 2's rows join the second table: the cut row's end, and the row above the logo.
    assert [r[0] for r in _rows(tables[1])] == ["Reduce reoffending", "Stable housing on release", "Employment"]
    assert _rows(tables[1])[1][4] == "No release to the street"
    assert tables[1].pages == [1, 2]


def test_split_bands_needs_the_labels_to_recur_or_values_below():
    def row(*texts, header=False):
        return Row(cells=[Cell(text=t) for t in texts], header=header, page=1)

    labels = row("Objective", "Action", "Lead")
    banded = Table(
        rows=[
            row("AIM 1: Access", "", ""),
            labels,
            row("a", "b", "c"),
            row("AIM 2: Buildings", "", ""),
            labels,
            row("d", "e", "f"),
            row("g", "h", "i"),
        ],
        n_cols=3,
    )
    parts = split_bands(banded)
    assert [(p.caption, p.header_texts(), len(p.body_rows)) for p in parts] == [
        ("AIM 1: Access", ["Objective", "Action", "Lead"], 1),
        ("AIM 2: Buildings", ["Objective", "Action", "Lead"], 2),
    ]
    # One sub-heading over rows of text (a plan's "Priority 1" row) stays where it is.
    plain = Table(
        rows=[row("Priority 1", "", ""), row("Reduce harm", "Outreach", "Police"), row("x", "y", "z")], n_cols=3
    )
    assert split_bands(plain) == [plain]


@pytest.mark.slow
def test_real_band_tables_of_the_school_templates():
    cases = {
        "decoy-primary-accessibility-plan-2019-2022.pdf": [7, 9, 5],
        "decoy-primary-pe-sport-premium-report-2017-18.pdf": [1, 1, 1, 1, 1],
    }
    for name, counts in cases.items():
        tables = [b.table for b in _real(name).tables() if b.table.caption]
        assert [len(t.body_rows) for t in tables] == counts, name


# --- rotated dates in a header strip ----------------------------------------------------------------


def test_rotated_date_strip_over_a_register_is_its_header(tmp_path):
    doc = _doc(tmp_path, "attendance_register")
    (block,) = doc.tables()
    t = block.table
    assert t.caption == "MEMBER ATTENDANCE"
    assert t.header_texts() == [""] + wordgrids.REGISTER_DATES
    assert _rows(t) == wordgrids.REGISTER


def test_rotated_characters_read_as_words_in_reading_order():
    def char(c: str, top: float, up: bool = True) -> dict:
        return {
            "text": c,
            "x0": 100.0,
            "x1": 108.0,
            "top": top,
            "bottom": top + 5,
            "size": 8.0,
            "matrix": (0, 1 if up else -1, -1 if up else 1, 0, 0, 0),
            "fontname": "Arial",
        }

    # Bottom to top: the first character is the lowest.
    chars = [char(c, 300 - 5 * k) for k, c in enumerate("11/10/2021")]
    assert [w.text for w in rotated_words(chars)] == ["11/10/2021"]
    down = [char(c, 100 + 5 * k, up=False) for k, c in enumerate("Total")]
    assert [w.text for w in rotated_words(down)] == ["Total"]


@pytest.mark.slow
def test_real_register_dates_read_whole():
    doc = _real("decoy-primary-governors-fgb-minutes-2022-05-23.pdf")
    (register,) = [b.table for b in doc.tables() if b.table.caption == "GOVERNOR ATTENDANCE"]
    assert register.header_texts()[3:6] == ["11/10/2021", "06/12/2021", "13/12/2021"]
    assert len(register.body_rows) == 18 and register.pages == [1, 2]


# --- an unruled header line over a ruled body --------------------------------------------------------


def test_label_line_on_the_top_rule_is_the_header(tmp_path):
    doc = _doc(tmp_path, "action_log_header_line")
    (block,) = doc.tables()
    assert block.table.header_texts() == ["REF", "ACTION", "OWNER", "DUE"]
    assert _rows(block.table) == wordgrids.LOG_ROWS
    assert [b.text for b in doc.blocks if b.kind != "table"] == ["ACTIONS ARISING"]


def test_a_title_line_with_a_gap_above_a_table_stays_a_line(tmp_path):
    ops = [text(60, 60, "Budget summary by quarter", 10)] + wordgrids.grid(60, 90, [100, 100, 100], [18, 18, 18])
    for r, row in enumerate([["Area", "Q1", "Q2"], ["North", "10", "12"], ["South", "8", "9"]]):
        ops += [text(64 + 100 * c, 94 + 18 * r, cell, 9) for c, cell in enumerate(row)]
    path = tmp_path / "gap.pdf"
    path.write_bytes(make_pdf([ops]))
    doc = read(path)
    assert doc.tables()[0].table.header_texts() == ["Area", "Q1", "Q2"]
    assert doc.blocks[0].text == "Budget summary by quarter"


@pytest.mark.slow
def test_real_action_log_header_printed_above_its_rules():
    doc = _real("decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf")
    logs = [b.table for b in doc.tables() if b.table.header_texts()[:1] == ["ITEM"]]
    assert [(t.header_texts(), len(t.body_rows)) for t in logs] == [(["ITEM", "", "BY WHOM", "BY WHEN"], 6)]


# --- browser prints: the visible box --------------------------------------------------------------


def test_browser_print_clipped_into_pages_reads_each_row_once(tmp_path):
    doc = _doc(tmp_path, "html_print")
    (block,) = doc.tables()
    assert [r[1] for r in _rows(block.table)] == [r[1] for r in wordgrids.HTML_ROWS]
    assert block.table.pages == [1, 2]
    # The text layer does hold every row on both pages.
    with pdfplumber.open(tmp_path / "html_print.pdf") as pdf:
        assert "Target 24" in pdf.pages[0].extract_text() or len(pdf.pages[0].chars) > 600


def test_visible_box_only_for_one_clip_round_all_the_text(tmp_path):
    one = make_pdf([[clip(72, 72, 540, 712, [text(80, 100, "Shown"), text(80, 750, "Hidden")])]], width=612, height=792)
    cells = make_pdf(
        [[clip(72, 72, 200, 90, [text(80, 75, "Cell")]), clip(200, 72, 400, 90, [text(205, 75, "Other")])]]
    )
    loose = make_pdf([[clip(72, 72, 540, 300, [text(80, 100, "Clipped")]), text(80, 500, "Drawn with no clip")]])
    for data, expected in ((one, (72.0, 72.0, 540.0, 712.0)), (cells, None), (loose, None)):
        path = tmp_path / "clip.pdf"
        path.write_bytes(data)
        with pdfplumber.open(path) as pdf:
            box = visible_box(pdf.pages[0])
        assert (tuple(round(v, 1) for v in box) if box else None) == expected
    # With no clip, what is drawn off the page is not on it.
    path = tmp_path / "off.pdf"
    path.write_bytes(make_pdf([[text(72, 100, "On the page"), text(72, 900, "Below the page")]]))
    with pdfplumber.open(path) as pdf:
        assert visible_page(pdf.pages[0]).extract_text() == "On the page"


@pytest.mark.slow
def test_real_html_print_table_is_one_table_of_thirteen_rows():
    doc = _real("bswn-connecting-people-in-communities-1-year-report-2023-03.pdf")
    (block,) = doc.tables()
    assert block.table.header_texts()[:3] == [
        "Outcome 1",
        "Increase connection with people identifying as CEV/ people who are isolated",
        "Six Monthly TARGETS",
    ]
    assert len(block.table.body_rows) == 13 and block.table.pages == [1, 2, 3, 4]
    assert doc.properties["pdf:Title"].endswith("1 year report Mar 23")
    assert doc.properties["pdf:CreationDate"] == "2023-05-23"


# --- tagged PDFs: a paragraph per marked-content id ------------------------------------------------


def test_marked_content_ids_break_lines_in_a_cell(tmp_path):
    doc = _doc(tmp_path, "tagged_cells")
    (block,) = doc.tables()
    assert _rows(block.table) == [
        [
            "Improve access to after-school clubs for all pupils",
            "SENCo\nSpecialist Teacher\nSLT",
            "Every pupil attends one club",
        ]
    ]


def test_cell_text_breaks_at_a_new_marked_content_id():
    def word(s: str, x0: float, top: float, mcid: int | None) -> Word:
        return Word(s, x0, x0 + 6 * len(s), top, top + 9, 9.0, False, mcid=mcid, mcid_end=mcid)

    full = [word("Dyslexia", 100, 100, 1), word("Specialist", 150, 100, 1), word("Teacher", 100, 111, 2)]
    assert cell_text(full, right=210) == "Dyslexia Specialist\nTeacher"
    untagged = [word("Dyslexia", 100, 100, None), word("Specialist", 150, 100, None), word("Teacher", 100, 111, None)]
    assert cell_text(untagged, right=210) == "Dyslexia Specialist Teacher"


@pytest.mark.slow
def test_real_stacked_posts_stay_lines():
    leads = [
        r.texts[3]
        for b in _real("decoy-primary-accessibility-plan-2019-2022.pdf").tables()
        for r in b.table.body_rows
        if b.table.n_cols == 7
    ]
    assert "SENDCo\nDyslexia Specialist Teacher\nSLT" in leads


def test_document_information_becomes_properties(tmp_path):
    path = tmp_path / "info.pdf"
    path.write_bytes(
        make_pdf(
            [[text(72, 72, "Annual report")]],
            info={"Title": "Harbour Town CSB annual report", "CreationDate": "D:20240304101500Z"},
        )
    )
    assert read(path).properties == {"pdf:Title": "Harbour Town CSB annual report", "pdf:CreationDate": "2024-03-04"}
    assert document_properties({"ModDate": b"D:2019", "Subject": 7}) == {"pdf:ModDate": "2019"}


# --- rows cut by a page break -----------------------------------------------------------------------


def _row(*texts: str) -> Row:
    return Row(cells=[Cell(text=t) for t in texts], page=2)


@pytest.mark.parametrize(
    "above, first, continues",
    [
        (
            ("BM 69", "To record those present", "The meeting opened"),
            ("", "and welcome visitors", "Apologies: none"),
            True,
        ),
        # An empty first cell under an empty one: a sub-row of the same outcome, not the rest of it.
        (("", "Target 1", "12"), ("", "Target 2", "14"), False),
        (("Outcome 2", "Funded work", ""), ("", "", "YRS 1 and 2"), False),
        # Every cell carries on: lower case, or under text without closing punctuation.
        (
            ("Audit clubs including", "Audit done", "Respond to the"),
            ("residentials and trips", "and responded to.", "audit."),
            True,
        ),
        # A new item whose cells only happen to sit under unpunctuated text is a new row ...
        (("Reading", "Good progress", "Spring"), ("Writing", "Some progress", "Summer"), False),
        # ... unless a cell above stops on a word no sentence ends with.
        (("Offer clubs", "Promote through newsletters and", "£2561"), ("Residentials", "Leaflets", "£350"), True),
        # A list marker in lower case opens a new item.
        (("FGB 103", "Urgent business", "Deferred"), ("FGB 104", "Head's update", "a. Head's update"), False),
        # Values alone never run on.
        (("North", "40%", "41%"), ("South", "45%", "44%"), False),
        # A bullet point cannot open a numbered section.
        (("3. Lesson planning",), ("• Will the content engage all pupils?",), True),
    ],
)
def test_continuation_of_a_cut_row(above, first, continues):
    assert continues_row(_row(*first), _row(*above), len(first)) is continues


# --- page furniture, one rule each -------------------------------------------------------------------


def _read_ops(tmp_path, pages, **options):
    path = tmp_path / "furniture.pdf"
    path.write_bytes(make_pdf(pages, **options))
    return read(path)


def test_one_column_ruled_grid_is_a_table_but_shaded_lines_are_not(tmp_path):
    checklist = wordgrids.grid(60, 100, [400], [30, 30, 30])
    checklist += [text(64, 104 + 30 * k, f"{k + 1}. Check item number {k + 1}", 9) for k in range(3)]
    shaded = []
    for k, line in enumerate(["The school is committed to equality for all of its", "pupils, parents and staff."]):
        shaded += [fill(60, 300 + 12 * k, 460, 312 + 12 * k, 0.9), text(62, 301 + 12 * k, line, 9)]
    doc = _read_ops(tmp_path, [checklist + shaded])
    (block,) = doc.tables()
    assert block.table.n_cols == 1 and [r.texts[0] for r in block.table.rows][0] == "1. Check item number 1"
    assert doc.blocks[-1].text == "The school is committed to equality for all of its pupils, parents and staff."


def test_coloured_boxes_of_a_diagram_are_not_a_table(tmp_path):
    ops = []
    for k, label in enumerate(["Referral", "Triage", "Support"]):
        x = 60 + 140 * k
        ops += [
            fill(x, 100, x + 110, 140, 0.7),
            fill(x, 150, x + 110, 190, 0.8),
            text(x + 6, 110, label, 10),
            text(x + 6, 160, f"Step {k + 1}", 10),
        ]
    doc = _read_ops(tmp_path, [ops])
    assert doc.tables() == []


def test_a_totals_strip_on_every_page_does_not_stop_a_table(tmp_path):
    head = ["Ward", "Incidents", "Change"]
    pages = []
    for n in range(2):
        rows = ([head] if n == 0 else []) + [[f"Ward {k}", str(10 + k), "+1"] for k in range(5 * n, 5 * n + 5)]
        ops = wordgrids.grid(60, 60, [200, 100, 100], [18.0] * len(rows))
        ops += [
            text(64 + [0, 200, 300][c], 64 + 18 * r, cell, 9, bold=(n == 0 and r == 0))
            for r, row in enumerate(rows)
            for c, cell in enumerate(row)
        ]
        strip_top = 60 + 18 * len(rows) + 30
        ops += wordgrids.grid(60, strip_top, [200, 200], [18.0])
        ops += [text(64, strip_top + 4, "Total all wards", 9), text(264, strip_top + 4, "145", 9)]
        pages.append(ops)
    doc = _read_ops(tmp_path, pages)
    tables = [b.table for b in doc.tables()]
    assert [len(t.body_rows) for t in tables] == [10, 1]
    assert tables[0].pages == [1, 2] and tables[1].rows[0].texts == ["Total all wards", "145"]


def test_labelled_lines_start_blocks_and_comma_lists_run_on(tmp_path):
    # The first line ends near the right edge, so only its label keeps "Apologies:" apart.
    ops = [
        text(72, 100, "Present: Cllr Ann Jones (Chair), Cllr Bob Smith, Cllr Carol White, Mr David Green,", 10),
        text(72, 112, "Superintendent Eleanor Grant, Mrs Fiona Hall", 10),
        text(72, 124, "Apologies: Cllr George King, Ms Helen Lee, Mr Ian Moore and Mrs Jane Nash, with thanks", 10),
        text(72, 136, "Action: Clerk to circulate the revised terms of reference.", 10),
        text(72, 148, "Action: Chair to write to the police and crime commissioner.", 10),
    ]
    doc = _read_ops(tmp_path, [ops])
    assert [b.text[:18] for b in doc.blocks] == [
        "Present: Cllr Ann ",
        "Apologies: Cllr Ge",
        "Action: Clerk to c",
        "Action: Chair to w",
    ]
    assert doc.blocks[0].text.endswith("Mr David Green, Superintendent Eleanor Grant, Mrs Fiona Hall")


def test_raised_ordinals_glyph_bullets_and_broken_header_words(tmp_path):
    ops = [
        text(72, 100, "The next meeting is on 17", 10),
        text(187.6, 98, "th", 6),
        text(197, 100, "May 2024.", 10),
        text(72, 130, "\u2022", 10),
        text(84, 130, "Review the hate crime action plan", 10),
    ]
    # A narrow ruled cell breaks "Deadline" after its seventh letter.
    ops += wordgrids.grid(72, 200, [150, 38], [30, 18])
    ops += [
        text(76, 203, "Action", 9, True),
        text(224, 203, "Deadlin", 9, True),
        text(224, 213, "e", 9, True),
        text(76, 233, "Renew the CCTV contract", 9),
        text(224, 233, "2025", 9),
    ]
    doc = _read_ops(tmp_path, [ops])
    assert doc.blocks[0].text == "The next meeting is on 17th May 2024."
    assert (doc.blocks[1].kind, doc.blocks[1].text) == ("list_item", "Review the hate crime action plan")
    assert doc.tables()[0].table.header_texts() == ["Action", "Deadline"]


@pytest.mark.slow
def test_real_raised_ordinals_join_their_day():
    path = SHARED / "realpdf" / "open-data-qwms-q2-2013-14.pdf"
    if not path.exists():
        pytest.skip("../shared/realpdf is not here")
    text_of = " ".join(b.text for b in read_pdf(path).blocks)
    assert "held on 31st October" in text_of and "31 st" not in text_of


def test_glyph_bullets_are_bullets():
    def raw(s: str, x0: float) -> dict:
        return {"text": s, "x0": x0, "x1": x0 + 5, "top": 100, "bottom": 110, "size": 10, "fontname": "Symbol"}

    # A symbol font's bullet as a private-use code point, or a glyph pdfminer could not map.
    words = to_words([raw("\uf0b7", 72), raw("(cid:120)", 80), raw("Ward(cid:3)s", 90)])
    assert [w.text for w in words] == ["•", "•", "Ward(cid:3)s"]


def test_pdfgen_draws_what_the_tests_say():
    data = make_pdf([[vtext(100, 300, "Tue", 9), mtext(72, 72, "P", mcid=5), rule(10, 10, 20, 10)]])
    with pdfplumber.open(__import__("io").BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    assert [c["mcid"] for c in chars if c["text"] == "P"] == [5]
    assert all(c["matrix"][1] == 1 for c in chars if c["text"] in "Tue")


# --- the real papers' tables against their gold ------------------------------------------------------

# The one-cell "COMMITTEE | DATE" boxes (labels outside the boxes) are key/value fields, which
# the field reader takes; the gold counts each as a one-row table.
_NOT_READ_AS_TABLES = {
    "decoy-primary-governors-fgb-minutes-2022-05-23": [("", 1)],
    "decoy-primary-governors-bm-committee-minutes-2022-05-16": [("", 1)],
}


@pytest.mark.slow
@pytest.mark.parametrize(
    "stem",
    [
        "bswn-connecting-people-in-communities-1-year-report-2023-03",
        "decoy-primary-accessibility-plan-2019-2022",
        "decoy-primary-governors-bm-committee-minutes-2022-05-16",
        "decoy-primary-governors-fgb-minutes-2022-05-23",
        "decoy-primary-pe-sport-premium-report-2017-18",
        "decoy-primary-pupil-premium-strategy-2019-2022",
    ],
)
def test_real_paper_tables_match_gold(stem):
    gold = SHARED / "gold-realdev" / f"{stem}.json"
    if not gold.exists():
        pytest.skip("../shared/gold-realdev is not here")

    def key(header, n):
        return (" ".join(" ".join(header).split()), n)

    expected = Counter(key(t["header"], t["n_rows"]) for t in json.loads(gold.read_text())["tables"])
    expected.subtract(Counter(_NOT_READ_AS_TABLES.get(stem, [])))
    got = Counter(key(b.table.header_texts(), len(b.table.body_rows)) for b in _real(f"{stem}.pdf").tables())
    assert got == +expected


def test_box_helpers_are_plain_data():
    assert Box(x0=0, top=0, x1=1, bottom=1).union(None).x1 == 1
