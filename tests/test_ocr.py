"""Scanned papers (issue 21): ``--ocr`` reads pages with no text layer through OCRmyPDF and
Tesseract, retypes the recognised words with what the scan shows (relative size, bold, bullets,
ruling lines), and reads the result with the ordinary PDF reader; records from OCR text say so
in their provenance. Without ``--ocr`` a scan keeps its one-line error."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import badinput as B
import numpy as np
import pytest
from click.testing import CliRunner

from boardpapers.extract.cli import main
from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers import read
from boardpapers.extract.readers.ocr import _draw_rules, _styled, ocr_available, pages_without_text
from boardpapers.schemas.document import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_ocr = pytest.mark.skipif(ocr_available() is not None, reason=ocr_available() or "")


def scanned(pdf: bytes, dpi: int = 200, keep: set[int] = frozenset()) -> bytes:
    """The PDF as a scanner would give it: each page an image and nothing else (pages in ``keep``,
    1-based, stay as they are typed)."""
    import img2pdf  # OCRmyPDF's own dependency
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    doc = pdfium.PdfDocument(pdf)
    writer = PdfWriter()
    typed = PdfReader(io.BytesIO(pdf))
    for i in range(len(doc)):
        if i + 1 in keep:
            writer.add_page(typed.pages[i])
            continue
        page = doc[i]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        png = io.BytesIO()
        image.save(png, format="PNG", dpi=(dpi, dpi))  # lossless, as a scanner's TIFF or PNG
        writer.add_page(PdfReader(io.BytesIO(img2pdf.convert(png.getvalue()))).pages[0])
        page.close()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_typed_pdf_has_no_page_without_text():
    assert pages_without_text(B.text_pdf_bytes(["Safer Testham Partnership"], pages=2)) == []


def test_ocr_on_a_typed_pdf_reads_it_as_it_is(tmp_path):
    """No page lacks text: OCR does not run (it would take seconds a page) and nothing is marked."""
    path = tmp_path / "typed.pdf"
    path.write_bytes(B.text_pdf_bytes(["Safer Testham Partnership", "The partnership agreed the plan."]))
    doc = read(path, ocr=True)
    assert doc.ocr_pages == [] and doc == read(path)


def test_the_scans_rules_become_lines_and_heavy_words_bold():
    class Out:
        def __init__(self):
            self.lines = []

        def set_line_width(self, w):
            pass

        def line(self, *xy):
            self.lines.append(xy)

    ink = np.zeros((300, 400), dtype=bool)
    ink[50, 20:380] = ink[51, 20:380] = True  # a table's top border, two pixels thick
    ink[50:250, 20] = True  # its left side
    ink[120, 30:60] = True  # a short stroke (a letter's bar): no rule
    out = Out()
    _draw_rules(out, ink, scale=1.0)
    assert (20, 50, 380, 50) in out.lines and (20, 50, 20, 250) in out.lines and len(out.lines) == 2
    # Three words on a line of body text, one line in heavy strokes: that line is bold.
    ink = np.zeros((100, 400), dtype=bool)
    words = []
    for k, (top, fill) in enumerate([(10, 0.2), (10, 0.2), (30, 0.2), (30, 0.2), (50, 0.45), (50, 0.45)]):
        x0 = 20 + (k % 2) * 100
        box = ink[top : top + 10, x0 : x0 + 60]
        box.flat[: int(box.size * fill)] = True
        words.append({"text": f"word{k}", "x0": x0, "x1": x0 + 60, "top": top, "bottom": top + 10})
    bold = [b for _, _, b in _styled(words, ink, scale=1.0)]
    assert bold == [False, False, False, False, True, True]


def test_a_line_opening_with_a_dot_is_a_bullet():
    ink = np.zeros((60, 400), dtype=bool)
    words = [
        {"text": "«", "x0": 20, "x1": 24, "top": 10, "bottom": 20},
        {"text": "Underage", "x0": 40, "x1": 90, "top": 10, "bottom": 20},
        {"text": "sales", "x0": 94, "x1": 120, "top": 10, "bottom": 20},
    ]
    assert [w["text"] for w, _, _ in _styled(words, ink, scale=1.0)] == ["\u00b7", "Underage", "sales"]


def _yardstick():
    spec = importlib.util.spec_from_file_location("yardstick", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_rule_read_as_a_pipe_is_no_text():
    class Out:
        def __init__(self):
            self.texts = []

        def set_font(self, *a):
            pass

        def get_string_width(self, text):
            return 5.0 * len(text)

        def set_stretching(self, s):
            pass

        def text(self, x, y, text):
            if text.strip():
                self.texts.append((text, round(x, 1)))

    from boardpapers.extract.readers.ocr import _type_words

    out = Out()
    words = [{"text": t, "x0": x0, "x1": x0 + 30, "top": 0, "bottom": 10} for t, x0 in (("|May-16", 0), ("|", 40))]
    _type_words(out, [(w, 10.0, False) for w in words], 100)
    assert out.texts == [("May-16", round(30 / 7, 1))]  # the box starts after the pipe


# Two layouts: minutes (attendance lists, an action column of initials, a ruled table) and an
# agenda pack (ruled performance tables of monthly figures).
SCANNED = ["portsmouth-spp-minutes-2009-12", "plymouth-safer-plymouth-agenda-2017-01"]


@pytest.mark.slow
@needs_ocr
@pytest.mark.skipif(not (SHARED / "pdf").is_dir(), reason="../shared is not beside the project")
@pytest.mark.parametrize("stem", SCANNED)
def test_a_scanned_corpus_paper_reads_through_ocr(tmp_path, stem):
    """The bar of issue 21: a corpus PDF made image-only (200 dpi grey scans), read with --ocr,
    reaches overall F1 >= 0.85 against the corpus gold; without --ocr, the one-line error."""
    path = tmp_path / f"{stem}.pdf"
    path.write_bytes(scanned((SHARED / "pdf" / f"{stem}.pdf").read_bytes()))
    plain = CliRunner().invoke(main, ["extract", str(path), "--out", str(tmp_path / "plain")])
    errors = [line for line in plain.output.splitlines() if line.startswith("error:")]
    assert plain.exit_code == 1 and len(errors) == 1 and "no text layer: run OCR first" in errors[0]

    doc = read(path, ocr=True)
    assert doc.id == Document.content_id(path.read_bytes())  # the file's own id, not the OCR copy's
    assert doc.ocr_pages == list(range(1, doc.page_count + 1))
    extraction = extract_document(doc)
    yardstick = _yardstick()
    gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text())
    f1 = yardstick.overall(yardstick.score_doc(gold, json.loads(to_json(extraction))))
    assert f1 >= 0.85, f"{stem} through OCR: overall F1 {f1:.3f}"
    records = extraction.decisions + extraction.actions + extraction.attendees + extraction.indicators
    assert records and all(r.provenance.ocr for r in records)
    assert '"ocr": true' in to_json(extraction)


@pytest.mark.slow
@needs_ocr
def test_only_the_pages_without_text_are_ocrd_and_marked(tmp_path):
    """A typed paper with one scanned page (a signed page, an appendix): OCR reads that page only,
    and only records from it say ocr."""
    lines = [
        "Safer Testham Partnership",
        "Minutes of the meeting held on 4 March 2024",
        "RESOLVED: That the plan be approved.",
    ]
    typed = B.text_pdf_bytes(lines, pages=2)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(scanned(typed, keep={1}))
    assert pages_without_text(path.read_bytes()) == [2]
    result = CliRunner().invoke(main, ["build", str(path), "--db", str(tmp_path / "m.db"), "--ocr"])
    assert result.exit_code == 0, result.output
    doc = read(path, ocr=True)
    assert doc.ocr_pages == [2]
    assert any("Safer Testham Partnership" in b.text for b in doc.blocks if b.page == 2)
    from sqlite_utils import Database

    pages = {r["page"]: r["ocr"] for t in ("decisions", "meetings") for r in Database(tmp_path / "m.db")[t].rows}
    assert pages.get(1) is None
