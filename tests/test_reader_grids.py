"""Tables that lay out prose or labelled values, unfolded by the readers (readers/grids.py).

One case per convention on hand-written text tables, the same on generated PDFs
(tests/grid_pdfs.py), then the real governors' minutes of ../shared/realdev, whose grid the
PDF reader gives in fragments (a page footer between them) until the fragments are merged.
"""

from __future__ import annotations

import pytest
from grid_pdfs import grid_pdf

from boardpapers.extract.readers import read
from boardpapers.extract.readers.grids import grid_columns, inline_fields, key_values, split_lettered, unfold
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.document import Block, Box, Cell, Row, Table

NOTES_3 = (
    "Domestic abuse. AF reported that the MARAC caseload had risen by 20% in the year. "
    "Angela Foster to circulate the health IDVA evaluation to the group by 22 March 2019."
)


def doc_of(tmp_path, text: str, name: str = "paper.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_text(path)


def shape(doc, kinds=("heading", "paragraph", "list_item", "margin", "field")):
    return [(b.kind, b.marker, b.label, b.text) for b in doc.blocks if b.kind in kinds]


def table_blocks(doc):
    return [b for b in doc.blocks if b.kind == "table"]


# --- minutes grids -------------------------------------------------------------------------


def test_a_grid_with_no_header_is_found_by_its_item_codes_and_paragraphs(tmp_path):
    # Swindon-style Item | Notes | Action, header row left off, as a Word table's text rendering.
    doc = doc_of(
        tmp_path,
        "| 1 | Welcome and apologies. Apologies were noted as above. | |\n"
        "| 2 | Minutes of the last meeting. The minutes of 5 December 2018 were agreed as a correct record. | |\n"
        f"| 3 | {NOTES_3} | AF |\n",
    )
    assert shape(doc) == [
        ("heading", "1.", None, "Welcome and apologies"),
        ("paragraph", None, None, "Apologies were noted as above."),
        ("heading", "2.", None, "Minutes of the last meeting"),
        ("paragraph", None, None, "The minutes of 5 December 2018 were agreed as a correct record."),
        ("heading", "3.", None, "Domestic abuse"),
        ("margin", None, None, "AF"),
        ("paragraph", None, None, NOTES_3.split(". ", 1)[1]),
    ]
    (grid,) = table_blocks(doc)
    assert grid.table.unfolded and len(grid.table.rows) == 3  # still a table, counted as one


def test_a_title_column_a_side_column_of_instructions_and_cell_line_breaks(tmp_path):
    # A school governors' grid: code | item | notes | action, the action column holding short
    # instructions and lettered entries, the notes cell label lines and lettered sub-items.
    doc = doc_of(
        tmp_path,
        (
            "| GB 12/22 | Attendance | Apologies: Ruth Kemp and Omar Said<br>In attendance: None<br>The meeting was quorate. | |\n"
            "| GB 13/22 | Minutes | The minutes of the meeting held on 3 May 2022 were agreed and signed. | Clerk to place on website |\n"
            "| GB 14/22 | Governance | a. Training. Two governors have booked the safeguarding course. b. Vacancies. "
            "There is a vacancy for a parent governor. It was agreed to hold an election in September. | a. None b. Clerk |\n"
        ),
    )
    assert shape(doc) == [
        ("heading", "GB 12/22", None, "Attendance"),
        ("paragraph", None, None, "Apologies: Ruth Kemp and Omar Said"),
        ("paragraph", None, None, "In attendance: None"),
        ("paragraph", None, None, "The meeting was quorate."),
        ("heading", "GB 13/22", None, "Minutes"),
        ("margin", None, None, "Clerk to place on website"),
        ("paragraph", None, None, "The minutes of the meeting held on 3 May 2022 were agreed and signed."),
        ("heading", "GB 14/22", None, "Governance"),
        ("paragraph", "a.", None, "Training. Two governors have booked the safeguarding course."),
        ("margin", None, None, "Clerk"),  # beside sub-item b, its letter's line
        (
            "paragraph",
            "b.",
            None,
            "Vacancies. There is a vacancy for a parent governor. It was agreed to hold an election in September.",
        ),
    ]


def test_an_nhs_minute_discussion_action_grid_with_a_header(tmp_path):
    doc = doc_of(
        tmp_path,
        (
            "| Minute | Discussion | Action |\n| --- | --- | --- |\n"
            "| 03/23 | Pathway audit. MO presented the audit.<br>MO to share the audit template by 3 March 2023. | MO |\n"
            "| 04/23 | CT reporting. FR reported that reporting times had improved. | |\n"
        ),
    )
    assert shape(doc) == [
        ("heading", "03/23", None, "Pathway audit"),
        ("margin", None, None, "MO"),
        ("paragraph", None, None, "MO presented the audit."),
        ("paragraph", None, None, "MO to share the audit template by 3 March 2023."),
        ("heading", "04/23", None, "CT reporting"),
        ("paragraph", None, None, "FR reported that reporting times had improved."),
    ]


def test_a_row_with_no_code_continues_the_item_a_page_break_cut(tmp_path):
    # A fragment whose first row is the rest of the row above (its "header" a paragraph).
    table = Table(
        n_cols=3,
        pages=[4],
        rows=[
            Row(
                page=4,
                header=True,
                cells=[
                    Cell(text=""),
                    Cell(
                        text="and the Committee agreed that the increase would apply to all "
                        "relevant teachers from September."
                    ),
                    Cell(text="KD"),
                ],
            ),
            Row(
                page=4,
                cells=[
                    Cell(text="BM 76/2122"),
                    Cell(
                        text="Personnel. Temporary contracts are in place and will be reviewed "
                        "at the next meeting of the committee."
                    ),
                    Cell(text=""),
                ],
            ),
        ],
    )
    blocks = unfold([Block(kind="table", text="", page=4, source="", table=table)])
    assert [(b.kind, b.marker, b.page) for b in blocks[1:]] == [
        ("margin", None, 4),
        ("paragraph", None, 4),
        ("heading", "BM 76/2122", 4),
        ("paragraph", None, 4),
    ]


def test_a_label_line_run_on_to_a_sentence_stands_on_its_own(tmp_path):
    # A cell joined across a page break with a space: "... the meeting. Apologies: ..."
    doc = doc_of(
        tmp_path,
        "| GB 1/23 | Welcome | In the absence of the Chair, the Vice-Chair took the chair for the "
        "meeting. Apologies: Ruth Kemp and Omar Said. Note: the room was changed. | |\n"
        "| GB 2/23 | Minutes | The minutes of the last meeting were agreed as a true record. | |\n",
    )
    assert [b.text for b in doc.blocks if b.kind == "paragraph"][:3] == [
        "In the absence of the Chair, the Vice-Chair took the chair for the meeting.",
        "Apologies: Ruth Kemp and Omar Said. Note: the room was changed.",  # "Note" is no label of the box
        "The minutes of the last meeting were agreed as a true record.",
    ]


def test_each_block_keeps_the_rows_page_and_the_cells_box():
    box = Box(x0=305, top=90, x1=653, bottom=400)
    table = Table(
        n_cols=3,
        pages=[3, 4],
        rows=[
            Row(
                page=3,
                cells=[
                    Cell(text="FGB 98/2122", box=Box(x0=72, top=90, x1=178, bottom=400)),
                    Cell(
                        text="The meeting commenced at 1831.\nThis was a virtual meeting using Zoom, and every "
                        "governor was able to join it from home.",
                        box=box,
                    ),
                    Cell(text="Clerk", box=Box(x0=653, top=90, x1=767, bottom=400)),
                ],
            ),
            Row(
                page=4,
                cells=[
                    Cell(text="FGB 99/2122"),
                    Cell(
                        text="Declaration of interests. Governors were invited to declare "
                        "any personal or prejudicial interests in any item of the "
                        "agenda."
                    ),
                    Cell(text="None"),
                ],
            ),
        ],
    )
    blocks = unfold([Block(kind="table", text="", page=3, source="", table=table)])
    got = [(b.kind, b.page, b.box.x0 if b.box else None) for b in blocks[1:]]
    assert got == [
        ("heading", 3, 72),
        ("margin", 3, 653),
        ("paragraph", 3, 305),
        ("paragraph", 3, 305),
        ("heading", 4, None),
        ("paragraph", 4, None),
    ]  # "None" in the action column is no owner


@pytest.mark.parametrize(
    "rows, header",
    [
        # An action log: Action | Owner | Due, codes and all.
        (
            [
                [
                    "1",
                    "Circulate the refreshed partnership plan to the group and ask each partner to name a lead",
                    "CD",
                    "31/10/18",
                ],
                [
                    "2",
                    "Share the drug-related harm data for the town centre with the licensing team before it meets",
                    "RM",
                    "asap",
                ],
            ],
            ["No.", "Action", "Lead", "By when"],
        ),
        # The same log with its header row lost: the column of deadlines says what it is.
        (
            [
                [
                    "98/2122",
                    "Notify Babcock of the appointments and amend GIAS accordingly, then confirm to the chair by email",
                    "Clerk",
                    "asap",
                ],
                [
                    "101/2122",
                    "Signed minutes to the Headteacher for the file and to the website with the approved policies",
                    "Clerk",
                    "18/06/22",
                ],
            ],
            [],
        ),
        # A plan: two columns of sentences.
        (
            [
                [
                    "Improve access to the curriculum for pupils with SEND across all year groups in the school",
                    "Train all teaching assistants in the new approach and review the provision map each term with the SENCo",
                    "SENCo",
                ]
            ],
            ["Objectives", "Actions to be taken", "Lead"],
        ),
        # Figures.
        (
            [["Reading", "+1.04", "+3.01"], ["Writing", "-0.5", "+0.2"]],
            ["Measure", "Score", "Score excluding late starters"],
        ),
    ],
)
def test_data_tables_are_not_unfolded(rows, header):
    table = Table(
        n_cols=len(rows[0]),
        rows=([Row(page=1, header=True, cells=[Cell(text=h) for h in header])] if header else [])
        + [Row(page=1, cells=[Cell(text=c) for c in r]) for r in rows],
    )
    assert grid_columns(table) is None
    assert unfold([Block(kind="table", text="", page=1, source="", table=table)])[0].table.unfolded is False


def test_lettered_sub_items_split_over_the_lines_of_a_cell():
    assert split_lettered("a. Clerk b. Clerk c. To be on agendas as a standing item.") == [
        ("a.", "Clerk"),
        ("b.", "Clerk"),
        ("c.", "To be on agendas as a standing item."),
    ]
    assert split_lettered("To consider: a. Dates. Agreed. b. Vacancies. One\nClerk to advise. c. Training.") == [
        (None, "To consider:"),
        ("a.", "Dates. Agreed."),
        ("b.", "Vacancies. One\nClerk to advise."),
        ("c.", "Training."),
    ]
    assert split_lettered("d. Review the process for recruitment") == [("d.", "Review the process for recruitment")]
    assert split_lettered("see note a. Then it was done") == [(None, "see note a. Then it was done")]


def test_a_grid_drawn_as_a_landscape_word_table_over_two_pages(tmp_path):
    # The generated PDF's rows run over the page break: one grid, unfolded row by row.
    rows = "\n".join(
        f"| LGB 22/{n:02d} | Item {n} | "
        + " ".join(
            f"Governors discussed point {k} of item {n} and asked the headteacher for more detail." for k in range(12)
        )
        + (" It was agreed that the plan would be reviewed." if n == 4 else "")
        + f" | {'NP' if n % 2 else ''} |"
        for n in range(1, 9)
    )
    path = tmp_path / "grid.pdf"
    path.write_bytes(grid_pdf(rows, landscape=True))
    doc = read(path)
    (grid,) = table_blocks(doc)
    assert grid.table.unfolded and grid.table.pages == [1, 2] and len(grid.table.rows) == 8
    headings = [(b.marker, b.page) for b in doc.blocks if b.kind == "heading"]
    assert [m for m, _ in headings] == [f"LGB 22/{n:02d}" for n in range(1, 9)] and headings[-1][1] == 2
    assert [b.text for b in doc.blocks if b.kind == "margin"] == ["NP"] * 4
    assert any(b.kind == "paragraph" and "It was agreed that the plan would be reviewed." in b.text for b in doc.blocks)


# --- key/value boxes -----------------------------------------------------------------------


def test_key_value_boxes_become_fields_and_stay_tables(tmp_path):
    doc = doc_of(
        tmp_path,
        "| COMMITTEE | Resources Committee |\n| DATE | 14 June 2022 |\n\n"
        "| Chaired by | Priya Nair | Clerked by | Owen Hughes |\n\n"
        "| Parish Plan 2020-2025 |\n| DATE OF ADOPTION: March 2020 |\n| TO BE REVIEWED BY: Full Council |\n",
    )
    assert shape(doc, ("field",)) == [
        ("field", None, "COMMITTEE", "Resources Committee"),
        ("field", None, "DATE", "14 June 2022"),
        ("field", None, "Chaired by", "Priya Nair"),
        ("field", None, "Clerked by", "Owen Hughes"),
    ]
    assert all(b.table.unfolded for b in table_blocks(doc)[:2])


def test_label_value_lines_in_one_column_box():
    table = Table(
        n_cols=2,
        rows=[
            Row(page=1, cells=[Cell(text="Decoy Accessibility Plan 2019-2022"), Cell(text="")]),
            Row(page=1, cells=[Cell(text="DATE OF ADOPTION: November 2019"), Cell(text="")]),
            Row(page=1, cells=[Cell(text="TO BE REVIEWED BY: Learning and Wellbeing Committee"), Cell(text="")]),
        ],
    )
    assert [(label, value) for label, value, *_ in key_values(table)] == [
        ("DATE OF ADOPTION", "November 2019"),
        ("TO BE REVIEWED BY", "Learning and Wellbeing Committee"),
    ]


def test_a_two_column_table_of_details_is_fields_but_a_list_of_names_is_not():
    details = Table(
        n_cols=2,
        rows=[Row(page=1, header=True, cells=[Cell(text="Metric"), Cell(text="Data")])]
        + [
            Row(page=1, cells=[Cell(text=a), Cell(text=b)])
            for a, b in (
                ("School name", "Hillside Primary School"),
                ("Pupils in school", "212"),
                ("Review date", "July 2023"),
                ("Statement authorised by", "Dan Oakes, Headteacher"),
            )
        ],
    )
    assert [label for label, *_ in key_values(details)] == [
        "School name",
        "Pupils in school",
        "Review date",
        "Statement authorised by",
    ]
    names = Table(
        n_cols=2,
        rows=[Row(page=1, header=True, cells=[Cell(text="Present:"), Cell(text="Officials:")])]
        + [
            Row(page=1, cells=[Cell(text=a), Cell(text=b)])
            for a, b in (
                ("Jane Bloggs (Chair)", "Sam Lee (Council)"),
                ("Guests:", "Ann Cole (Secretariat)"),
                ("Raj Patel", "Tim Oak"),
            )
        ],
    )
    assert key_values(names) == []
    signature = Table(n_cols=2, rows=[Row(page=1, cells=[Cell(text="Signed: ………………"), Cell(text="Date: ______")])])
    assert key_values(signature) == []


def test_a_line_of_capitalised_labels_is_fields():
    assert inline_fields("COMMITTEE: Business Management Committee DATE: 16 May 2022") == [
        ("COMMITTEE", "Business Management Committee"),
        ("DATE", "16 May 2022"),
    ]
    assert inline_fields("COMMITTEE Full Governing Body DATE 23 May 2022") == [
        ("COMMITTEE", "Full Governing Body"),
        ("DATE", "23 May 2022"),
    ]
    assert inline_fields("Date: 24 January 2017 Time: 10am Venue: Civic Offices") == [
        ("Date", "24 January 2017"),
        ("Time", "10am"),
        ("Venue", "Civic Offices"),
    ]
    assert inline_fields("DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS") is None
    assert inline_fields("Chair: Cllr Jane Bloggs") is None  # one label: an attendance line, left as it is


# --- the real governors' minutes (../shared/realdev) -----------------------------------------


@pytest.mark.slow
def test_real_governors_minutes_grid_and_boxes(shared):
    doc = read(shared / "realdev" / "decoy-primary-governors-fgb-minutes-2022-05-23.pdf")
    fields = {(b.label, b.text) for b in doc.blocks if b.kind == "field"}
    assert {
        ("COMMITTEE", "Full Governing Body"),
        ("DATE", "23 May 2022"),
        ("Chaired by", "Simon Barnes"),
        ("Clerked by", "Pete Osborne"),
    } <= fields
    texts = [b.text for b in doc.blocks if b.kind == "paragraph"]
    # The grid's cell lines stay lines: the label lines are blocks of their own.
    assert "Apologies: Sandra Cartwright and sanctioned" in texts and "The meeting commenced at 1831" in texts
    assert any(b.kind == "heading" and b.marker == "FGB 110/2122" and b.text == "Governance" for b in doc.blocks)
    governance = [
        (b.kind, b.marker, b.text[:30])
        for b in doc.blocks
        if b.kind in ("margin", "paragraph") and b.page in (7, 8) and (b.marker or b.kind == "margin")
    ]
    assert ("margin", None, "Clerk") in governance and (
        "paragraph",
        "a.",
        "Dates for FGB and committee me",
    ) in governance
    # The action log (its header names BY WHEN) and the attendance grid stay data tables.
    logs = [b for b in table_blocks(doc) if b.table.header_texts()[:1] == ["ITEM"]]
    assert logs and not logs[0].table.unfolded
    bm = read(shared / "realdev" / "decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf")
    assert ("COMMITTEE", "Business Management Committee") in {(b.label, b.text) for b in bm.blocks if b.kind == "field"}
    assert [b.marker for b in bm.blocks if b.kind == "heading" and b.marker][:3] == [
        "BM 69/2122",
        "BM 70/2122",
        "BM 71/2122",
    ]


def html_of(rendering: str) -> str:
    """A text rendering as the HTML page a website would serve: <p> lines, <table> grids."""
    out, lines, i = ["<html><body>"], rendering.splitlines(), 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i].strip())
                i += 1
            header = len(rows) > 1 and set(rows[1]) <= set("|-: ")
            out.append("<table>")
            for k, row in enumerate(r for k, r in enumerate(rows) if not (header and k == 1)):
                tag = "th" if header and k == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{c.strip()}</{tag}>" for c in row.strip("|").split("|")) + "</tr>")
            out.append("</table>")
            continue
        if line:
            out.append(f"<p>{line}</p>")
        i += 1
    return "\n".join(out + ["</body></html>"])


def test_an_html_page_of_a_grid_gives_the_records_of_its_text_form(tmp_path):
    from conftest import ROOT

    from boardpapers.extract.pipeline import extract_document

    source = ROOT / "tests" / "fixtures" / "minutes_variants" / "pennine-lung-pathway-notes.txt"
    page = tmp_path / "notes.html"
    page.write_text(html_of(source.read_text()), encoding="utf-8")
    from_html, from_text = extract_document(read_text(page)), extract_document(read_text(source))
    assert [(a.text, a.owner, a.due) for a in from_html.actions] == [
        (a.text, a.owner, a.due) for a in from_text.actions
    ]
    assert [d.text for d in from_html.decisions] == [d.text for d in from_text.decisions]
    assert [(a.name, a.status) for a in from_html.attendees] == [(a.name, a.status) for a in from_text.attendees]
    assert [t.header for t in from_html.tables] == [["Minute", "Discussion", "Action"]]


@pytest.mark.slow
def test_the_real_grid_over_its_pages_unfolds_to_its_items(shared):
    # The PDF reader joins the grid's page fragments (footers dropped, cut rows joined) and
    # unfolds the one grid: one heading per item code, the cell's lines as blocks; the table
    # record stays, flagged unfolded, with the gold's 17 rows.
    from boardpapers.extract.readers.pdf import read_pdf

    doc = read_pdf(shared / "realdev" / "decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf")
    grids = [b for b in doc.blocks if b.kind == "table" and b.table.unfolded and len(b.table.pages) > 1]
    assert len(grids) == 1 and len(grids[0].table.body_rows) == 17
    items = [b.marker for b in doc.blocks if b.kind == "heading" and b.marker and "/" in b.marker]
    assert items == [f"BM {n}/2122" for n in (*range(69, 80), 89, 90, 91, 92, 93, 94)]
    start = next(k for k, b in enumerate(doc.blocks) if b.marker == "BM 69/2122")
    first = [b.text for b in doc.blocks[start : start + 4]]
    assert first[1:3] == [
        "The meeting commenced at 1838",
        "In the absence of the Chair (Oliver Laity) Ruth Shoare agreed to Chair the meeting.",
    ]
    assert "Apologies: Oliver Laity and Andrew McKenzie and sanctioned" in [b.text for b in doc.blocks]
