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
    doc = doc_of(tmp_path, "# Plan 2016\n\n## **Foreword**\n\nSome text here.\n\n- **Substance misuse** - drugs\n - nested item\n")
    kinds = [(b.kind, b.text, b.level, b.depth) for b in doc.blocks]
    assert kinds == [("heading", "Plan 2016", 1, 0), ("heading", "Foreword", 2, 0), ("paragraph", "Some text here.", None, 0),
                     ("list_item", "Substance misuse - drugs", None, 0), ("list_item", "nested item", None, 1)]
    assert doc.blocks[3].bold_spans == ["Substance misuse"]


def test_numbered_paragraphs_keep_their_marker(tmp_path):
    doc = doc_of(tmp_path, "4.5.1 **Outcome 1 - Reducing victims**\n\n6.1 The manager explained that the profile helps.\n")
    assert [(b.kind, b.marker, b.text) for b in doc.blocks] == [
        ("heading", "4.5.1", "Outcome 1 - Reducing victims"),
        ("paragraph", "6.1", "The manager explained that the profile helps.")]


def test_a_run_of_short_lines_is_a_list_not_headings(tmp_path):
    doc = doc_of(tmp_path, "Present\n\nJane Smith, Chair\nAli Khan, Police\n\nApologies\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "heading"]


def test_margin_initials_are_their_own_blocks(tmp_path):
    doc = doc_of(tmp_path, "Some discussion took place at length here.\n\nRD/ JF\n\nThe Chair asked for notes.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "margin", "paragraph"]


def test_pipe_table_with_br_cells_and_bold_subheading(tmp_path):
    doc = doc_of(tmp_path, "| Main indicator | Lead | Target 17/18 |\n|---|---|---|\n| Cut crime | A Person<br>B Person | 5% |\n"
                           "| <b>Priority activity</b> | <b>Lead</b> | <b>By when</b> |\n")
    table = doc.blocks[0].table
    assert table.header_texts() == ["Main indicator", "Lead", "Target 17/18"]
    assert table.body_rows[0].cells[1].text == "A Person\nB Person"
    assert all(c.bold for c in table.body_rows[1].cells)


def test_pipe_table_continued_after_footnote_with_split_row(tmp_path):
    text = ("| | Aims | Progress |\n|---|---|---|\n| 1 | First aim | Done |\n| 2 | Second aim that was cut | Half |\n\n"
            "---\n\n<sup>1</sup> A footnote.\n\n| | | |\n|---|---|---|\n| | by the break | way |\n| 3 | Third | Later |\n")
    doc = doc_of(tmp_path, text)
    assert tables(doc) == [(["", "Aims", "Progress"], 3)]
    row = doc.blocks[0].table.body_rows[1]
    assert row.texts == ["2", "Second aim that was cut by the break", "Half way"]
    assert doc.blocks[0].table.pages == [1, 2]


def test_tab_table_repeated_header_and_continued_cell(tmp_path):
    text = ("Recommendation\tAction By\tBudget\nDo one thing\tThe Manager\tNone\nDo another\tThe Director\tNone\n\n"
            "Recommendation\tAction By\tBudget\n\t& Director of Health\t\nDo a third\tThe Manager\tNone\n")
    doc = doc_of(tmp_path, text)
    assert tables(doc) == [(["Recommendation", "Action By", "Budget"], 3)]
    assert doc.blocks[0].table.body_rows[1].texts[1] == "The Director & Director of Health"


@pytest.mark.parametrize("text, header, rows", [
    ("\tApr-16\tMay-16\nActual\t1\t2\nTarget\t3\t4\n", ["", "Apr-16", "May-16"], 2),
    ("Ward\tPrevious Year\tCurrent 12 months\nEast\t50\t40\nWest\t39\t35\n", ["Ward", "Previous Year", "Current 12 months"], 2),
    ("4 December\tHome Office visit\n14 January 2010\tDraft plan\n", [], 2),
    ("Report of:\tJo Bloggs\t\nContact:\tJo Bloggs\tTel. 01234\n", [], 2),
    ("Question?\tNO\n---\t---\n", ["Question?", "NO"], 0),
    ("\tBaseline\t\tLatest\n\t(%)\t(n)\t(%)\nOpiate\t5.6%\t48 / 851\t7.0%\n", ["", "Baseline (%)", "Baseline (n)", "Latest (%)"], 1),
])
def test_tab_table_header_rules(tmp_path, text, header, rows):
    assert tables(doc_of(tmp_path, text)) == [(header, rows)]


def test_paragraph_cut_by_page_break_is_rejoined(tmp_path):
    doc = doc_of(tmp_path, "The service is seeking to identify savings for the year 2016 onwards,\n\n---\n\n"
                           "<sup>3</sup> Theft and burglary\n\nthough budgets have yet to be set.\n")
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
    text = ("Text on the first page that ends here.\n\n\u00b9 A footnote.\n\nText on page two.\n\n---\n\n"
            "<sup>2</sup> Another note.\n\nText on page three.\n")
    doc = doc_of(tmp_path, text)
    assert [(b.kind, b.page) for b in doc.blocks] == [("paragraph", 1), ("footnote", 1), ("paragraph", 2),
                                                      ("footnote", 2), ("paragraph", 3)]


def test_a_header_of_column_words_with_years_needs_no_numbers_below(tmp_path):
    text = ("Measure\tBaseline 2018/19\tTarget 2019/20\tLead\nRepeat victims\tNew measure\tTo be set\tCSP Manager\n"
            "Hate crime reports\t310\tIncrease\tCohesion Officer\n")
    assert tables(doc_of(tmp_path, text)) == [(["Measure", "Baseline 2018/19", "Target 2019/20", "Lead"], 2)]


def test_rows_of_dated_entries_are_not_taken_for_a_header(tmp_path):
    text = "4 December 2019\tHome Office visit\n14 January 2020\tDraft plan\n2 March 2020\tSign-off\n"
    assert tables(doc_of(tmp_path, text)) == [([], 3)]
