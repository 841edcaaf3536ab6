"""The reader's word rule (readers/pdf_words.py) gives pdfplumber's words: the same text, boxes,
fonts and sizes, in the same order, on every page of the real PDFs of ../shared as each reader
sees them, and on made-up characters for each step of the rule."""

from __future__ import annotations

import glob
from pathlib import Path

import pdfplumber
import pytest

from boardpapers.extract.readers.pdf_layout import to_words
from boardpapers.extract.readers.pdf_page import TAGGED_WORD_OPTIONS, WORD_OPTIONS
from boardpapers.extract.readers.pdf_pdfium import iter_pages
from boardpapers.extract.readers.pdf_words import upright_words

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REAL_PDFS = sorted(
    glob.glob(str(SHARED / "pdf" / "*.pdf"))
    + glob.glob(str(SHARED / "realpdf" / "*.pdf"))
    + glob.glob(str(SHARED / "realdev" / "*.pdf"))
)


def plumber_words(chars: list[dict], *, tagged: bool = False):
    options = TAGGED_WORD_OPTIONS if tagged else WORD_OPTIONS
    return to_words(pdfplumber.utils.extract_words(chars, **options))


def char(text: str, x0: float, top: float, *, size: float = 10.0, font: str = "Arial", width: float = 5.0, mcid=None):
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + size,
        "doctop": top,
        "size": size,
        "fontname": font,
        "upright": True,
        "mcid": mcid,
    }


@pytest.mark.slow
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: Path(p).name)
def test_words_are_pdfplumbers_on_every_page_of_the_real_pdfs(path):
    assert REAL_PDFS, "no real PDFs in ../shared"
    pages = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            ours = upright_words(page.chars)
            if ours is None:  # text not upright: pdfplumber joins it (the reader asks it to)
                continue
            assert ours == plumber_words(page.chars), f"page {page.page_number} (pdfplumber's characters)"
            assert upright_words(page.chars, with_mcid=True) == plumber_words(page.chars, tagged=True)
            pages += 1
    for index, page in iter_pages(Path(path).read_bytes(), None):
        if page is not None and (ours := upright_words(page.chars)) is not None:
            assert ours == plumber_words(page.chars), f"page {index + 1} (pdfium's characters)"
    assert pages >= 1


def test_a_line_is_read_in_order_of_x0_and_splits_at_blanks_and_gaps():
    chars = [
        char("A", 10, 100),
        char("b", 15, 100),
        char(" ", 20, 100),
        char("c", 25, 100),
        char("d", 34, 100),  # 5 pt after f's right edge: a gap wider than 3 pt
        char("f", 27, 100, width=2.0),  # written last, read between c and d
    ]
    ours = upright_words(chars)
    assert ours == plumber_words(chars)
    assert [w.text for w in ours] == ["Ab", "cf", "d"]


def test_lines_cluster_by_top_within_the_tolerance_and_chain():
    # Tops 100, 102.5, 105 chain into one line (each within 3 pt of the last); 109 starts a new
    # one. In the line, a word ends where the next character's top is more than 3 pt from its own.
    chars = [char("a", 10, 100), char("c", 15, 105), char("b", 20, 102.5), char("d", 10, 109)]
    assert upright_words(chars) == plumber_words(chars)
    assert [w.text for w in upright_words(chars)] == ["a", "cb", "d"]


def test_a_change_of_font_or_size_starts_a_run_and_a_ligature_is_expanded():
    chars = [
        char("O", 10, 100),
        char("ﬃ", 15, 100),
        char("ce", 20, 100, font="Arial-BoldMT"),
        char("r", 25, 100, size=12.0),
        char("", 30, 100),  # a character with no text ends the word
        char("s", 31, 100),
    ]
    ours = upright_words(chars)
    assert ours == plumber_words(chars)
    assert [(w.text, w.bold) for w in ours] == [("Offi", False), ("ce", True), ("r", False), ("s", False)]


def test_tagged_words_keep_the_marked_content_ids_of_their_ends():
    chars = [char("a", 10, 100, mcid=1), char("b", 15, 100, mcid=2), char(" ", 20, 100), char("c", 25, 100, mcid=3)]
    ours = upright_words(chars, with_mcid=True)
    assert ours == plumber_words(chars, tagged=True)
    assert [(w.mcid, w.mcid_end) for w in ours] == [(1, 2), (3, 3)]


def test_text_not_upright_is_left_to_pdfplumber():
    chars = [char("a", 10, 100), {**char("b", 10, 120), "upright": False}]
    assert upright_words(chars) is None
