"""The text-rendering reader: one hand-written case per rule, then the corpus papers."""

import pytest
from conftest import CORPUS

from boardpapers.extract.readers import read
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.errors import ReadError


def doc_of(tmp_path, text: str, name: str = "paper.txt", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_text(path)


def tables(doc):
    return [(b.table.header_texts(), len(b.table.body_rows)) for b in doc.blocks if b.kind == "table"]


def test_markdown_headings_paragraphs_and_bullets(tmp_path):
    doc = doc_of(
        tmp_path,
        "# Plan 2016\n\n## **Foreword**\n\nSome text here.\n\n- **Substance misuse** - drugs\n - nested item\n",
    )
    kinds = [(b.kind, b.text, b.level, b.depth) for b in doc.blocks]
    assert kinds == [
        ("heading", "Plan 2016", 1, 0),
        ("heading", "Foreword", 2, 0),
        ("paragraph", "Some text here.", None, 0),
        ("list_item", "Substance misuse - drugs", None, 0),
        ("list_item", "nested item", None, 1),
    ]
    assert doc.blocks[3].bold_spans == ["Substance misuse"]


def test_numbered_paragraphs_keep_their_marker(tmp_path):
    doc = doc_of(
        tmp_path, "4.5.1 **Outcome 1 - Reducing victims**\n\n6.1 The manager explained that the profile helps.\n"
    )
    assert [(b.kind, b.marker, b.text) for b in doc.blocks] == [
        ("heading", "4.5.1", "Outcome 1 - Reducing victims"),
        ("paragraph", "6.1", "The manager explained that the profile helps."),
    ]


def test_a_run_of_short_lines_is_a_list_not_headings(tmp_path):
    doc = doc_of(tmp_path, "Present\n\nJane Smith, Chair\nAli Khan, Police\n\nApologies\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "heading"]


def test_margin_initials_are_their_own_blocks(tmp_path):
    doc = doc_of(tmp_path, "Some discussion took place at length here.\n\nRD/ JF\n\nThe Chair asked for notes.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "margin", "paragraph"]


def test_pipe_table_with_br_cells_and_bold_subheading(tmp_path):
    doc = doc_of(
        tmp_path,
        "| Main indicator | Lead | Target 17/18 |\n|---|---|---|\n| Cut crime | A Person<br>B Person | 5% |\n"
        "| <b>Priority activity</b> | <b>Lead</b> | <b>By when</b> |\n",
    )
    table = doc.blocks[0].table
    assert table.header_texts() == ["Main indicator", "Lead", "Target 17/18"]
    assert table.body_rows[0].cells[1].text == "A Person\nB Person"
    assert all(c.bold for c in table.body_rows[1].cells)


def test_pipe_table_continued_after_footnote_with_split_row(tmp_path):
    text = (
        "| | Aims | Progress |\n|---|---|---|\n| 1 | First aim | Done |\n| 2 | Second aim that was cut | Half |\n\n"
        "---\n\n<sup>1</sup> A footnote.\n\n| | | |\n|---|---|---|\n| | by the break | way |\n| 3 | Third | Later |\n"
    )
    doc = doc_of(tmp_path, text)
    assert tables(doc) == [(["", "Aims", "Progress"], 3)]
    row = doc.blocks[0].table.body_rows[1]
    assert row.texts == ["2", "Second aim that was cut by the break", "Half way"]
    assert doc.blocks[0].table.pages == [1, 2]


def test_tab_table_repeated_header_and_continued_cell(tmp_path):
    text = (
        "Recommendation\tAction By\tBudget\nDo one thing\tThe Manager\tNone\nDo another\tThe Director\tNone\n\n"
        "Recommendation\tAction By\tBudget\n\t& Director of Health\t\nDo a third\tThe Manager\tNone\n"
    )
    doc = doc_of(tmp_path, text)
    assert tables(doc) == [(["Recommendation", "Action By", "Budget"], 3)]
    assert doc.blocks[0].table.body_rows[1].texts[1] == "The Director & Director of Health"


@pytest.mark.parametrize(
    "text, header, rows",
    [
        ("\tApr-16\tMay-16\nActual\t1\t2\nTarget\t3\t4\n", ["", "Apr-16", "May-16"], 2),
        (
            "Ward\tPrevious Year\tCurrent 12 months\nEast\t50\t40\nWest\t39\t35\n",
            ["Ward", "Previous Year", "Current 12 months"],
            2,
        ),
        ("4 December\tHome Office visit\n14 January 2010\tDraft plan\n", [], 2),
        ("Report of:\tJo Bloggs\t\nContact:\tJo Bloggs\tTel. 01234\n", [], 2),
        ("Question?\tNO\n---\t---\n", ["Question?", "NO"], 0),
        (
            "\tBaseline\t\tLatest\n\t(%)\t(n)\t(%)\nOpiate\t5.6%\t48 / 851\t7.0%\n",
            ["", "Baseline (%)", "Baseline (n)", "Latest (%)"],
            1,
        ),
    ],
)
def test_tab_table_header_rules(tmp_path, text, header, rows):
    assert tables(doc_of(tmp_path, text)) == [(header, rows)]


def test_paragraph_cut_by_page_break_is_rejoined(tmp_path):
    doc = doc_of(
        tmp_path,
        "The service is seeking to identify savings for the year 2016 onwards,\n\n---\n\n"
        "<sup>3</sup> Theft and burglary\n\nthough budgets have yet to be set.\n",
    )
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0].text.endswith("onwards, though budgets have yet to be set.")
    assert [b.kind for b in doc.blocks] == ["paragraph", "footnote"]


def test_blank_pages_are_dropped_and_counted(tmp_path):
    doc = doc_of(tmp_path, "First page text.\n\nThis page is intentionally left blank\n\nSecond page text.\n")
    assert [b.text for b in doc.blocks] == ["First page text.", "Second page text."]
    assert [b.page for b in doc.blocks] == [1, 3]  # page 2 is the blank one


def test_cp1252_text_is_decoded(tmp_path):
    doc = doc_of(tmp_path, "Budget of £110,000 agreed.\n", encoding="cp1252")
    assert doc.blocks[0].text == "Budget of £110,000 agreed."


def test_last_line_without_newline_is_read(tmp_path):
    doc = doc_of(tmp_path, "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |")
    assert tables(doc) == [(["A", "B"], 2)]


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary", "binary")])
def test_bad_text_gives_a_read_error_naming_the_file(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read(path)
    assert "bad.txt" in str(err.value) and message in str(err.value)


def test_document_id_is_the_content_hash(tmp_path):
    a = doc_of(tmp_path, "Same text.\n", "a.txt")
    b = doc_of(tmp_path, "Same text.\n", "b.txt")
    assert a.id == b.id and len(a.id) == 16


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_papers_read_with_pages_and_lines(path):
    doc = read(path)
    assert doc.source_kind == "text" and doc.blocks
    assert all(b.lines and b.lines[0] <= b.lines[1] for b in doc.blocks)
    assert not any("intentionally left blank" in b.text.lower() for b in doc.blocks)


def test_footnotes_close_a_page_once(tmp_path):
    text = (
        "Text on the first page that ends here.\n\n\u00b9 A footnote.\n\nText on page two.\n\n---\n\n"
        "<sup>2</sup> Another note.\n\nText on page three.\n"
    )
    doc = doc_of(tmp_path, text)
    assert [(b.kind, b.page) for b in doc.blocks] == [
        ("paragraph", 1),
        ("footnote", 1),
        ("paragraph", 2),
        ("footnote", 2),
        ("paragraph", 3),
    ]


def test_a_header_of_column_words_with_years_needs_no_numbers_below(tmp_path):
    text = (
        "Measure\tBaseline 2018/19\tTarget 2019/20\tLead\nRepeat victims\tNew measure\tTo be set\tCSP Manager\n"
        "Hate crime reports\t310\tIncrease\tCohesion Officer\n"
    )
    assert tables(doc_of(tmp_path, text)) == [(["Measure", "Baseline 2018/19", "Target 2019/20", "Lead"], 2)]


def test_rows_of_dated_entries_are_not_taken_for_a_header(tmp_path):
    text = "4 December 2019\tHome Office visit\n14 January 2020\tDraft plan\n2 March 2020\tSign-off\n"
    assert tables(doc_of(tmp_path, text)) == [([], 3)]


# --- web renderings: front matter, markdown lists and italics, HTML --------------------------

FRONT = (
    '---\ntitle: "Coastal Forum - March notes"\ndate: 2023-04-02 09:15:00 +0100\ncategories: [minutes, forum]\n'
    "tags:\n  - forum\n  - seafront\neleventyNavigation:\n  parent: forum\n---\n\n"
)


def test_front_matter_is_the_pages_properties_not_its_text(tmp_path):
    doc = doc_of(tmp_path, FRONT + "# Coastal Forum\n\nThe minutes were agreed.\n", name="notes.md")
    assert doc.properties == {
        "title": "Coastal Forum - March notes",
        "date": "2023-04-02 09:15:00 +0100",
        "categories": "minutes, forum",
        "tags": "forum, seafront",
        "eleventyNavigation.parent": "forum",
    }
    assert [(b.kind, b.text, b.page) for b in doc.blocks] == [
        ("heading", "Coastal Forum", 1),
        ("paragraph", "The minutes were agreed.", 1),
    ]
    assert doc.page_count == 1 and doc.blocks[0].lines == (12, 12)  # source lines still count the front matter


@pytest.mark.parametrize(
    "text",
    [
        "---\n\nA paper whose first line is a rule.\n\n---\n\nPage two.\n",  # rules around text, not YAML
        "---\nThis is not YAML at all, just a sentence.\n---\n",
    ],
)
def test_rules_around_text_are_not_front_matter(tmp_path, text):
    doc = doc_of(tmp_path, text)
    assert doc.properties == {} and doc.blocks


def test_real_web_pages_front_matter(shared):
    doc = read(shared / "realdev" / "yorkshire-imaging-collaborative-vascular-ir-group-minutes-2021-02-08.md")
    assert doc.properties["start"] == "2021-02-08T15:00" and doc.properties["location"] == "MS Teams"
    assert doc.blocks[0].text == "Agenda" and doc.blocks[0].page == 1
    attendance = next(b for b in doc.blocks if b.text.startswith("James Lenton"))
    assert attendance.text.endswith("Gary Cooper")  # _italic_ stripped
    actions = [(b.kind, b.marker) for b in doc.blocks if b.text.startswith(("Raise the item", "Feedback on consent"))]
    assert actions == [("list_item", "1."), ("list_item", "2.")]
    parish = read(shared / "realdev" / "northwold-parish-council-minutes-2014-11.md")
    assert parish.properties["title"] == "Northwold PC - November Meeting" and parish.blocks[0].page == 1


def test_underscore_italics_are_stripped_but_not_inside_words(tmp_path):
    doc = doc_of(tmp_path, "_Jo Fry, Sam Lee_ attended.\n\nSee file_name_v2.pdf and the line Signed ______\n")
    assert [b.text for b in doc.blocks] == ["Jo Fry, Sam Lee attended.", "See file_name_v2.pdf and the line Signed"]


def test_ordered_list_lines_are_list_items_but_numbered_minutes_are_not(tmp_path):
    doc = doc_of(
        tmp_path,
        "Actions\n\n1. Sgt Hale to share the patrol schedule\n2. Amira Khan to report the lighting\n"
        "3. Tom Beckett to collect views\n\n1) Apologies\n2) Minutes\n\n"
        "1. Apologies\n\n2. Minutes of the last meeting\n",
    )
    assert [(b.kind, b.marker) for b in doc.blocks] == [
        ("heading", None),
        ("list_item", "1."),
        ("list_item", "2."),
        ("list_item", "3."),
        ("list_item", "1)"),
        ("list_item", "2)"),
        ("heading", "1."),
        ("heading", "2."),
    ]


def test_a_flattened_action_column_becomes_margins(tmp_path):
    # A parish website's rendering of a minutes grid: the owners of each row piled after the text.
    doc = doc_of(
        tmp_path,
        "It was agreed that the Clerk would order two new benches.\n\nClerk Clerk\n\nTW/JB Clerk\n\n"
        "Clerk\n\nPK\n\nClerk There being no further business the meeting closed at 9pm.\n\n"
        "Chief Executive\n",
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "It was agreed that the Clerk would order two new benches."),
        ("margin", "Clerk Clerk"),
        ("margin", "TW/JB Clerk"),
        ("margin", "Clerk"),
        ("margin", "PK"),
        ("margin", "Clerk"),
        ("paragraph", "There being no further business the meeting closed at 9pm."),
        ("heading", "Chief Executive"),
    ]  # a post's name on its own is no owner column


def test_real_flattened_action_column(shared):
    doc = read(shared / "realdev" / "northwold-parish-council-minutes-2014-11.md")
    tail = [(b.kind, b.text[:20]) for b in doc.blocks[-14:]]
    assert ("margin", "RC/AC GG AJ Clerk") in tail and not any(
        k == "heading" and t.startswith("Clerk") for k, t in tail
    )
    assert ("paragraph", "There being no furth") in tail


HTML = """<!DOCTYPE html><html><head><title>Notes</title><style>p {color: red}</style></head><body>
<h1>Harbour Safety Group</h1>
<h2>Notes of the meeting on 3 May 2023</h2>
<p>Present: <b>Ann Cole</b> (Chair), Raj Patel</p>
<ol><li>Ann Cole to write to the harbour master</li><li>Raj Patel to book the hall</li></ol>
<table><tr><th>Item</th><th>Notes</th><th>Action</th></tr>
<tr><td>1</td><td>Lighting. The group reviewed the lighting on the quay.<br>It was agreed to ask for two new lamps.</td><td>AC</td></tr>
<tr><td>2</td><td>Funding. The group discussed the bid to the port fund and the timetable for it.</td><td></td></tr></table>
</body></html>"""


def test_an_html_page_reads_as_headings_paragraphs_lists_and_tables(tmp_path):
    doc = doc_of(tmp_path, HTML, name="notes.html")
    got = [(b.kind, b.marker, b.text) for b in doc.blocks if b.kind != "table"]
    assert got == [
        ("heading", None, "Harbour Safety Group"),
        ("heading", None, "Notes of the meeting on 3 May 2023"),
        ("paragraph", None, "Present: Ann Cole (Chair), Raj Patel"),
        ("list_item", "1.", "Ann Cole to write to the harbour master"),
        ("list_item", "2.", "Raj Patel to book the hall"),
        ("heading", "1.", "Lighting"),
        ("margin", None, "AC"),
        ("paragraph", None, "The group reviewed the lighting on the quay."),
        ("paragraph", None, "It was agreed to ask for two new lamps."),
        ("heading", "2.", "Funding"),
        ("paragraph", None, "The group discussed the bid to the port fund and the timetable for it."),
    ]
    assert doc.blocks[2].bold_spans == ["Ann Cole"]
    (table,) = tables(doc)
    assert table == (["Item", "Notes", "Action"], 2)


def test_flattened_table_rows_and_piled_minute_numbers_are_text_not_headings(tmp_path):
    doc = doc_of(
        tmp_path,
        "Total 1,898.81 97.50 1,996.31\n\nGrants £250.00 Hall hire £40.00\n\n"
        "22/05/3 22/05/4 ii)\n\n4.8.6\n\nFinance Report\n",
    )
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph", "heading", "heading"]


def test_real_flattened_rows_are_text(shared):
    doc = read(shared / "realdev" / "northwold-parish-council-minutes-2014-11.md")
    flat = [b for b in doc.blocks if b.text.startswith(("Income from September", "14/11/5 14/11/6"))]
    assert [b.kind for b in flat] == ["paragraph", "paragraph"]
