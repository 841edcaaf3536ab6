"""PDF forms of the attendance variants: a text rendering whose pipe tables are drawn as ruled
tables (a roll-call table, a register of codes per meeting, a "Chaired by | X" box) and whose
other lines are set as wrapped paragraphs, so long attendance lists wrap over several lines.
"""

from __future__ import annotations

import re
import textwrap

from pdfgen import make_pdf, ruled_table, text

LEFT, TOP, SIZE, LEADING = 48.0, 48.0, 9.0, 12.0
CHAR = 0.52 * SIZE  # Helvetica's mean advance, near enough to size the columns


def ruled_pdf(rendering: str, *, landscape: bool = False) -> bytes:
    """The rendering as one or more pages: pipe tables ruled, headings bold, paragraphs wrapped."""
    width, height = (842.0, 595.0) if landscape else (595.0, 842.0)
    wrap_at = int((width - 2 * LEFT) / CHAR)
    pages: list[list[tuple]] = [[]]
    y = TOP

    def room(h: float) -> None:
        nonlocal y
        if y + h > height - TOP:
            pages.append([])
            y = TOP

    lines = rendering.splitlines()
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if line.startswith("|"):
            rows = []
            while k < len(lines) and lines[k].strip().startswith("|"):
                cells = [c.strip().replace("**", "") for c in lines[k].strip().strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append(cells)
                k += 1
            widths = [max(len(r[c]) for r in rows) * CHAR + 12 for c in range(len(rows[0]))]
            room(18 * len(rows))
            pages[-1].extend(ruled_table(LEFT, y, widths, rows, bold_first=len(rows) > 1))
            y += 18 * len(rows) + LEADING
            continue
        k += 1
        plain = line.lstrip("#").strip().replace("**", "")
        if not plain:
            continue
        bold = line.startswith("#") or line.startswith("**") or plain.isupper()
        for chunk in textwrap.wrap(plain, wrap_at):
            room(LEADING)
            pages[-1].append(text(LEFT, y, chunk, size=SIZE, bold=bold))
            y += LEADING
        y += LEADING * 0.6
    return make_pdf(pages, landscape=tuple(range(len(pages))) if landscape else ())
