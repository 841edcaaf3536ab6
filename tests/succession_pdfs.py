"""PDF forms of the successive-meeting fixtures (tests/fixtures/successions/), laid out with
:mod:`pdfgen` the way a clerk prints them: headings in bold, paragraphs wrapped to the text
column, and every markdown table as a ruled grid whose cells wrap inside their column."""

from __future__ import annotations

import re
import textwrap

from pdfgen import make_pdf, rule, text

LEFT, RIGHT, TOP, BOTTOM = 56.0, 539.0, 56.0, 780.0
SIZE, LEADING = 9.0, 12.0
CHAR_W = 5.4  # a generous width of a 9-point character (bold capitals are wide), for wrapping


class _Pages:
    def __init__(self) -> None:
        self.pages: list[list[tuple]] = [[]]
        self.y = TOP

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.pages.append([])
            self.y = TOP

    def paragraph(self, s: str, *, bold: bool = False) -> None:
        for chunk in textwrap.wrap(s, int((RIGHT - LEFT) / CHAR_W)):
            self.need(LEADING)
            self.pages[-1].append(text(LEFT, self.y, chunk, size=SIZE, bold=bold))
            self.y += LEADING
        self.y += LEADING * 0.8

    def table(self, rows: list[list[str]]) -> None:
        n = max(len(r) for r in rows)
        longest = [max(len(r[c]) if c < len(r) else 0 for r in rows) for c in range(n)]
        # Every column at least as wide as its longest word, the rest shared by how much each holds.
        words = [max((len(w) for r in rows if c < len(r) for w in r[c].split()), default=1) for c in range(n)]
        floor = [w * CHAR_W + 10 for w in words]
        weights = [min(max(x, 1), 60) for x in longest]
        spare = max(0.0, (RIGHT - LEFT) - sum(floor))
        widths = [f + spare * w / sum(weights) for f, w in zip(floor, weights)]
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        for r, row in enumerate(rows):
            cells = [
                textwrap.wrap(row[c] if c < len(row) else "", max(4, int((widths[c] - 8) / CHAR_W))) for c in range(n)
            ]
            height = max(1, *(len(c) for c in cells)) * LEADING + 6
            self.need(height)
            top = self.y
            for c, lines in enumerate(cells):
                for k, line in enumerate(lines):
                    self.pages[-1].append(text(xs[c] + 4, top + 3 + k * LEADING, line, size=SIZE, bold=r == 0))
            self.pages[-1].append(rule(LEFT, top, RIGHT, top))
            self.pages[-1].append(rule(LEFT, top + height, RIGHT, top + height))
            for x in xs:
                self.pages[-1].append(rule(x, top, x, top + height))
            self.y += height
        self.y += LEADING


def rendering_pdf(rendering: str) -> bytes:
    """A text or markdown rendering set as a PDF: '#' headings and numbered titles in bold, '|' rows as ruled tables."""
    pages = _Pages()
    rows: list[list[str]] = []
    for raw in rendering.splitlines() + [""]:
        line = raw.strip()
        if line.startswith("|"):
            if not re.match(r"^\|[\s|:-]+\|$", line):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            pages.table(rows)
            rows = []
        if not line:
            continue
        bold = line.startswith("#") or bool(re.match(r"^\d{1,2}\.\s+\S.{0,60}$", line)) or line.isupper()
        pages.paragraph(line.lstrip("#").strip().replace("**", ""), bold=bold)
    return make_pdf(pages.pages)
