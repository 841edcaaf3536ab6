"""PDF forms of papers set in ruled Word tables, drawn with :mod:`pdfgen`.

``grid_pdf`` sets a text rendering as a word processor prints it: each line of text a
paragraph, each pipe table a fully ruled table whose cells wrap their text (a ``<br>`` in a
cell starts a new line), the header row (the row above a ``| --- |`` line) in bold. A row
too long for the rest of the page is split there and continues at the top of the next page,
with its other cells empty, as Word does; the header is not repeated. ``landscape`` turns the
pages (school and NHS minutes grids are often landscape).
"""

from __future__ import annotations

import re
import textwrap

from pdfgen import make_pdf, rule, text

MARGIN, SIZE, LEADING, PAD = 50.0, 9.0, 11.0, 4.0


def _cells(line: str) -> list[str]:
    s = line.strip().strip("|")
    return [c.strip().replace("**", "") for c in re.split(r"(?<!\\)\|", s)]


def _wrap(cell: str, width: float) -> list[str]:
    chars = max(int((width - 2 * PAD) / (0.52 * SIZE)), 4)
    out: list[str] = []
    for part in re.split(r"<br\s*/?>", cell):
        out.extend(textwrap.wrap(part.strip(), chars) or ([""] if part.strip() else []))
    return [x for x in out if x]


class _Layout:
    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.pages: list[list[tuple]] = [[]]
        self.y = MARGIN

    @property
    def bottom(self) -> float:
        return self.height - MARGIN

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN

    def paragraph(self, s: str, bold: bool = False) -> None:
        chars = int((self.width - 2 * MARGIN) / (0.52 * SIZE))
        for chunk in textwrap.wrap(s, chars):
            if self.y + LEADING > self.bottom:
                self.new_page()
            self.pages[-1].append(text(MARGIN, self.y, chunk, size=SIZE, bold=bold))
            self.y += LEADING
        self.y += LEADING * 0.6

    def table(self, rows: list[list[str]], header: bool) -> None:
        n = max(len(r) for r in rows)
        rows = [r + [""] * (n - len(r)) for r in rows]
        # Columns as wide as their longest text wants, a long text column taking the room.
        wants = [min(max(max(len(r[c]) for r in rows), 6), 70) for c in range(n)]
        total = self.width - 2 * MARGIN
        widths = [total * w / sum(wants) for w in wants]
        xs = [MARGIN]
        for w in widths:
            xs.append(xs[-1] + w)
        for k, row in enumerate(rows):
            lines = [_wrap(cell, w) for cell, w in zip(row, widths)]
            bold = header and k == 0
            while lines:
                room = int((self.bottom - self.y - 2 * PAD) // LEADING)
                need = max(max((len(x) for x in lines), default=0), 1)
                if room < min(need, 2):
                    self.new_page()
                    continue
                take = min(need, room)
                self._row([x[:take] for x in lines], xs, bold)
                lines = [x[take:] for x in lines] if take < need else []
        self.y += LEADING

    def _row(self, lines: list[list[str]], xs: list[float], bold: bool) -> None:
        height = max(max((len(x) for x in lines), default=0), 1) * LEADING + 2 * PAD
        ops = self.pages[-1]
        for c, cell_lines in enumerate(lines):
            for i, line in enumerate(cell_lines):
                ops.append(text(xs[c] + PAD, self.y + PAD + i * LEADING, line, size=SIZE, bold=bold))
        top, bottom = self.y, self.y + height
        ops.append(rule(xs[0], top, xs[-1], top))
        ops.append(rule(xs[0], bottom, xs[-1], bottom))
        for x in xs:
            ops.append(rule(x, top, x, bottom))
        self.y = bottom


def grid_pdf(rendering: str, *, landscape: bool = False) -> bytes:
    """A text rendering set as a Word document: paragraphs, and pipe tables as ruled tables."""
    width, height = (842.0, 595.0) if landscape else (595.0, 842.0)
    layout = _Layout(width, height)
    lines = rendering.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            block = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                block.append(lines[i])
                i += 1
            header = len(block) > 1 and bool(re.fullmatch(r"[|\s:-]+", block[1].strip()))
            rows = [_cells(x) for k, x in enumerate(block) if not (header and k == 1)]
            layout.table(rows, header)
            continue
        if line:
            plain = re.sub(r"^#+\s*", "", line).replace("**", "")
            layout.paragraph(plain, bold=plain.isupper() or line.startswith("#"))
        i += 1
    return make_pdf(layout.pages, width=width, height=height)
