"""Word papers (issue 21): a .docx is read from its own structure (heading styles, list
numbering, tables with header rows, bold runs, page breaks) into the same Document model,
and gives the records its text rendering gives."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docxgen import text_to_docx

from boardpapers.extract.cli import main
from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers import read
from boardpapers.schemas.errors import ReadError

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_TEXTS = sorted((SHARED / "corpus").glob("*.txt"))


def _word_paper(path: Path) -> Path:
    """A neighbourhood board's minutes written in Word the way a clerk would: Title and heading
    styles, a numbered list (Word's own numbering), bullets, a table whose first row repeats
    as the header, bold labels, a typed page break before the action log."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("Eastbrook Neighbourhood Safety Board", style="Title")
    d.add_paragraph("Minutes of the meeting held on Tuesday 14 May 2024 at 6.30pm, Eastbrook Library")
    d.add_heading("Present", level=2)
    d.add_paragraph("Cllr Priya Natt (Chair), Inspector Owen Hale, Dana Quist", style="List Bullet")
    d.add_heading("1. Apologies", level=1)
    p = d.add_paragraph()
    p.add_run("Apologies: ").bold = True
    p.add_run("Sgt Mel Roper.")
    d.add_heading("2. Priorities for the summer", level=1)
    for text in ("Street drinking near the precinct", "Cycle theft at the station", "Nuisance quad bikes"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("The board agreed the three priorities.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Action log", level=1)
    t = d.add_table(rows=3, cols=3)
    for c, text in enumerate(("Action", "Owner", "Due")):
        t.cell(0, c).paragraphs[0].add_run(text).bold = True
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    t.rows[0]._tr.get_or_add_trPr().append(header)
    for r, row in enumerate(
        (
            ("Map street drinking reports", "Inspector Owen Hale", "June 2024"),
            ("Write to the station operator", "Dana Quist", "July 2024"),
        ),
        start=1,
    ):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(path)
    return path


def test_a_word_paper_reads_its_structure(tmp_path):
    doc = read(_word_paper(tmp_path / "eastbrook-board-minutes.docx"))
    assert doc.source_kind == "docx" and doc.page_count == 2
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings[0] == (1, "Eastbrook Neighbourhood Safety Board")
    assert (2, "Present") in headings and (1, "Action log") in headings
    items = [(b.marker, b.text) for b in doc.blocks if b.kind == "list_item"]
    assert ("1.", "Street drinking near the precinct") in items and ("3.", "Nuisance quad bikes") in items
    assert ("-", "Cllr Priya Natt (Chair), Inspector Owen Hale, Dana Quist") in items
    apologies = next(b for b in doc.blocks if "Sgt Mel Roper" in b.text)
    assert apologies.bold_spans == ["Apologies:"] and apologies.page == 1
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.page == 2
    assert table.table.header_texts() == ["Action", "Owner", "Due"]
    assert table.table.body_rows[1].texts == ["Write to the station operator", "Dana Quist", "July 2024"]


def test_a_word_papers_records_carry_its_owners_and_dues(tmp_path):
    extraction = extract_document(read(_word_paper(tmp_path / "eastbrook-board-minutes.docx")))
    assert extraction.source_kind == "docx" and extraction.date == "2024-05-14"
    owners = {a.owner for a in extraction.actions}
    assert {"Inspector Owen Hale", "Dana Quist"} <= owners or {"Owen Hale", "Dana Quist"} <= owners


def test_a_docx_that_is_not_a_word_file_gets_one_line(tmp_path):
    bad = tmp_path / "agenda.docx"
    bad.write_bytes(b"PK\x03\x04 this is no archive")
    with pytest.raises(ReadError, match="not a Word file"):
        read(bad)
    result = CliRunner().invoke(main, ["extract", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "agenda.docx: not a Word file" in errors[0]


def test_a_folder_gives_its_word_papers(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    _word_paper(folder / "eastbrook-board-minutes.docx")
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 0, result.output
    assert "eastbrook-board-minutes.docx: minutes" in result.output


def _yardstick():
    spec = importlib.util.spec_from_file_location("yardstick", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS_TEXTS, reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=[p.stem for p in CORPUS_TEXTS])
def test_a_word_rendering_scores_as_its_text_rendering(text: Path, tmp_path):
    """The bar of issue 21: a .docx made from a corpus paper's text rendering (headings, lists
    and tables as Word states them) scores within 0.05 overall F1 of the text rendering."""
    yardstick = _yardstick()
    gold = json.loads((SHARED / "gold" / f"{text.stem}.json").read_text())
    word = text_to_docx(text.read_text(encoding="utf-8"), tmp_path / f"{text.stem}.docx")
    f1_text = yardstick.overall(yardstick.score_doc(gold, json.loads(to_json(extract_document(read(text))))))
    f1_word = yardstick.overall(yardstick.score_doc(gold, json.loads(to_json(extract_document(read(word))))))
    assert f1_word >= f1_text - 0.05, f"{text.stem}: .docx {f1_word:.3f} vs text {f1_text:.3f}"
