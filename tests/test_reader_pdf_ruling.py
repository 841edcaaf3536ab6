"""pdf_ruling.find_tables gives pdfplumber's ``Page.find_tables`` answer, cell for cell and in
the same order (the bits of every coordinate compared through ``repr``): on generated grids
of rules, rectangles and curves that snap, join and overlap, on a generated PDF, and on every
page the reader reads of the real PDFs of ../shared, with both readers. And the reader's word
to cell assignment (``_assign``) gives the answer of trying every cell."""

from __future__ import annotations

import glob
import io
import random
from pathlib import Path

import pdfplumber
import pytest
from pdfgen import fill, make_pdf, rule, ruled_table

import boardpapers.extract.readers.pdf as pdf_reader
from boardpapers.extract.readers import pdf_ruling
from boardpapers.extract.readers.pdf_layout import Word
from boardpapers.extract.readers.pdf_pdfium import PdfiumPage
from boardpapers.extract.readers.pdf_tables import _assign
from boardpapers.extract.readers.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_PDFS = sorted(
    glob.glob(str(SHARED / "pdf" / "*.pdf"))
    + glob.glob(str(SHARED / "realpdf" / "*.pdf"))
    + glob.glob(str(SHARED / "realdev" / "*.pdf"))
)
PAGE_H = 800.0


def _answers(page, options) -> tuple[list[str], list[str]]:
    def run(finder) -> list[str]:
        try:
            return [repr(t.cells) for t in finder(page, options)]
        except ValueError as e:
            return [f"ValueError {e}"]

    return run(lambda p, o: p.find_tables(o)), run(pdf_ruling.find_tables)


def _explicit(objects: list[dict]) -> dict:
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": objects,
        "explicit_horizontal_lines": objects,
    }


def _obj(kind: str, x0: float, top: float, x1: float, bottom: float, pts=None) -> dict:
    o = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "y0": PAGE_H - bottom,
        "y1": PAGE_H - top,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "page_number": 1,
    }
    if pts is not None:
        o["pts"] = pts
    return o


def _random_page(rng: random.Random) -> PdfiumPage:
    """A grid drawn one of three ways (a thin rectangle per cell side, lines, curves), its
    rules nudged by amounts that snap (under 3 pt), join, or stay apart, some left out, with
    fills, a slanted line and a polygon over it."""
    xs = sorted(rng.sample(range(20, 580), rng.randint(2, 9)))
    ys = sorted(rng.sample(range(20, 780), rng.randint(2, 12)))

    def nudge() -> float:
        return rng.choice([0, 0, 0, 0.1, -0.1, 0.3, 0.5, 1.7, 2.9, 3.1, 1e-9])

    rects, lines, curves = [], [], []
    style = rng.random()
    for y in ys:
        if rng.random() < 0.15:
            continue
        if style < 0.4:
            for a, b in zip(xs, xs[1:]):
                if rng.random() > 0.1:
                    t = y + nudge()
                    rects.append(_obj("rect", a + nudge(), t, b + nudge(), t + rng.choice([0.5, 0.72, 0.1])))
        elif style < 0.7:
            t = y + nudge()
            lines.append(_obj("line", xs[0] + nudge(), t, xs[-1] + nudge(), t))
        else:
            pts = [(xs[0] + nudge(), float(y)), (xs[-1] + nudge(), float(y))]
            curves.append(_obj("curve", min(p[0] for p in pts), y, max(p[0] for p in pts), y, pts))
    for x in xs:
        if rng.random() < 0.15:
            continue
        if style < 0.5:
            for a, b in zip(ys, ys[1:]):
                if rng.random() > 0.1:
                    left = x + nudge()
                    rects.append(_obj("rect", left, a + nudge(), left + rng.choice([0.5, 0.72]), b + nudge()))
        else:
            left = x + nudge()
            lines.append(_obj("line", left, ys[0] + nudge(), left + rng.choice([0, 0, 0, 2.0]), ys[-1] + nudge()))
    for _ in range(rng.randint(0, 6)):
        a, b = rng.uniform(0, 600), rng.uniform(0, 800)
        rects.append(_obj("rect", a, b, a + rng.uniform(0, 200), b + rng.uniform(0, 60)))
    if rng.random() < 0.3:
        pts = [(rng.uniform(0, 600), rng.uniform(0, 800)) for _ in range(rng.randint(2, 8))]
        xs_, ys_ = [p[0] for p in pts], [p[1] for p in pts]
        curves.append(_obj("curve", min(xs_), min(ys_), max(xs_), max(ys_), pts))
    for r in rects:
        # pdfminer's height is y1 - y0, which may miss bottom - top in the last bits: the
        # bottom edge of a rectangle is drawn at top + height.
        r["height"] += rng.choice([0, 0, 0, 1e-9, -1e-12])
    rng.shuffle(rects)
    objects = {"char": [], "rect": rects, "line": lines, "curve": curves}
    return PdfiumPage(objects, 1, (0, 0, 600, PAGE_H), 0.0, None)


def test_same_tables_as_pdfplumber_on_generated_grids():
    rng = random.Random(20)
    n_cells = 0
    for _ in range(60):
        page = _random_page(rng)
        drawn = page.rects + page.lines
        for options in (
            None,
            {"edge_min_length_prefilter": DEFAULT.refind_short_edge_pt},
            {"snap_tolerance": 0},
            {"join_tolerance": 0.2, "snap_y_tolerance": 1},
            _explicit(drawn),
            {"horizontal_strategy": "explicit", "explicit_horizontal_lines": drawn[:1]},  # pdfplumber's error
        ):
            theirs, ours = _answers(page, options)
            assert ours == theirs
            n_cells += sum(s.count("(") for s in theirs)
    assert n_cells > 2000  # the grids make tables


def test_same_tables_as_pdfplumber_on_a_generated_pdf():
    ops = ruled_table(50, 60, [120, 200, 80], [["Item", "Notes", "Owner"], ["1", "Apologies", "Clerk"]] * 4)
    ops += [fill(50, 300, 450, 340), rule(50, 300, 450, 300), rule(50, 341.5, 450, 341.5)]
    ops += ruled_table(300, 400, [60, 60], [["a", "b"], ["c", "d"]], row_h=12)
    with pdfplumber.open(io.BytesIO(make_pdf([ops]))) as doc:
        page = doc.pages[0]
        for options in (None, _explicit(page.rects + page.lines)):
            theirs, ours = _answers(page, options)
            assert ours == theirs and len(theirs) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("reader, folders", [("pdfium", ("pdf", "realpdf", "realdev")), ("pdfplumber", ("realpdf",))])
def test_same_tables_as_pdfplumber_on_real_pages(monkeypatch, reader, folders):
    """Every page the reader looks for tables on, as it sees it (cropped to its clip, or
    filtered): the page's own settings, the re-find's, and each table's box cropped out.
    pdfplumber's own objects (pdfminer's) on the real PDFs' tables of rules and fills."""
    paths = [p for p in REAL_PDFS if Path(p).parent.name in folders]
    if not paths:
        pytest.skip("../shared is not here")
    seen = {"pages": 0, "cells": 0}
    find = pdf_reader.find_tables

    def compare(page, *, settings=DEFAULT):
        seen["pages"] += 1
        for options in (None, {"edge_min_length_prefilter": settings.refind_short_edge_pt}):
            theirs, ours = _answers(page, options)
            assert ours == theirs, (page.page_number, options)
            seen["cells"] += sum(s.count("(") for s in theirs)
        for t in page.find_tables():
            x0, top, x1, bottom = t.bbox
            crop = page.crop((x0 - 6, top - 6, x1 + 30, bottom + 30), strict=False)
            theirs, ours = _answers(crop, None)
            assert ours == theirs, page.page_number
        return find(page, settings=settings)

    monkeypatch.setattr(pdf_reader, "find_tables", compare)
    for path in paths:
        pdf_reader.read_pdf(path, reader=reader)
    assert seen["pages"] >= 10 and seen["cells"] > 2000


def _assign_everywhere(words, rows, tol):
    """The rule as first written: every cell tried for every word."""
    owner: dict = {}
    for w in words:
        best, best_area = None, None
        for r_i, r in enumerate(rows):
            for c_i, b in enumerate(r.cells):
                if b and b[0] - tol <= w.mid_x <= b[2] + tol and b[1] - tol <= w.mid_y <= b[3] + tol:
                    area = (b[2] - b[0]) * (b[3] - b[1])
                    if best_area is None or area < best_area:
                        best, best_area = (r_i, c_i), area
        if best is not None:
            owner.setdefault(best, []).append(w)
    return owner


def test_assign_gives_the_answer_of_trying_every_cell():
    """Overlapping cells of equal and unequal size, gaps, missing cells, words on the edges."""
    rng = random.Random(4)

    class Row:
        def __init__(self, cells):
            self.cells = cells

    for _ in range(200):
        rows = []
        for _ in range(rng.randint(1, 6)):
            top = rng.choice([0, 10, 20, 20.5, 40])
            rows.append(
                Row(
                    [
                        None
                        if rng.random() < 0.1
                        else (x, top, x + rng.choice([10, 20, 30]), top + rng.choice([5, 10, 25]))
                        for x in rng.sample([0, 5, 10, 20, 30], rng.randint(1, 5))
                    ]
                )
            )
        words = [
            Word(text="w", x0=x, x1=x + rng.choice([0, 2, 4]), top=y, bottom=y + rng.choice([0, 2]), size=9, bold=False)
            for x, y in ((rng.uniform(-5, 60), rng.uniform(-5, 70)) for _ in range(30))
        ]
        tol = DEFAULT.cell_centre_tolerance_pt
        assert _assign(words, rows, DEFAULT) == _assign_everywhere(words, rows, tol)
