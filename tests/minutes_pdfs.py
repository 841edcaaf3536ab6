"""PDF forms of two minutes variants, laid out with :mod:`pdfgen` the way councils print them.

``plain_pdf`` sets a text rendering line by line (capitalised headings and numbered
minute titles in bold, paragraphs wrapped to the text column). ``initials_column_pdf``
sets the Swindon grid as written minutes with the owners' initials in a right-hand
"Action" column beside the paragraph they own.
"""

from __future__ import annotations

import re
import textwrap

from pdfgen import make_pdf, text

LEFT, RIGHT_COLUMN, TOP, BOTTOM = 56.0, 512.0, 56.0, 780.0
SIZE, LEADING, WRAP = 9.0, 12.0, 92


class _Pages:
    def __init__(self) -> None:
        self.pages: list[list[tuple]] = [[]]
        self.y = TOP

    def line(self, s: str, *, bold: bool = False, size: float = SIZE, margin: str | None = None) -> None:
        if self.y + LEADING > BOTTOM:
            self.pages.append([])
            self.y = TOP
        self.pages[-1].append(text(LEFT, self.y, s, size=size, bold=bold))
        if margin:
            self.pages[-1].append(text(RIGHT_COLUMN, self.y, margin, size=size, bold=True))
        self.y += LEADING * size / SIZE

    def gap(self) -> None:
        self.y += LEADING * 0.8

    def paragraph(self, s: str, *, bold: bool = False, margin: str | None = None) -> None:
        for k, chunk in enumerate(textwrap.wrap(s, WRAP)):
            self.line(chunk, bold=bold, margin=margin if k == 0 else None)
        self.gap()


def _is_title(line: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", line)
    return bool(letters) and (letters.isupper() or bool(re.match(r"^\d{1,3}\.?\s+\S", line)) and len(line) < 70)


def plain_pdf(rendering: str) -> bytes:
    """A text rendering set as a plain PDF: one paragraph per non-blank line."""
    pages = _Pages()
    for raw in rendering.splitlines():
        line = raw.strip().lstrip("#").strip().replace("**", "")
        if line:
            pages.paragraph(line, bold=_is_title(line))
    return make_pdf(pages.pages)


def initials_column_pdf(rendering: str) -> bytes:
    """A minutes grid ('| Item | Notes | Action |') set as numbered minutes with the initials
    from the Action column in a right-hand column, level with the first line of their minute."""
    pages = _Pages()
    grid_started = False
    for raw in rendering.splitlines():
        line = raw.strip().lstrip("#").strip().replace("**", "")
        if not line or re.match(r"^\|\s*-", line):
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not grid_started:
                grid_started = True
                pages.line("Action", bold=True, margin=None)
                continue
            number, notes, owner = cells[0], cells[1], cells[2]
            title, _, rest = notes.partition(". ")
            pages.line(f"{number}. {title}", bold=True)
            pages.gap()
            pages.paragraph(rest, margin=owner or None)
            continue
        pages.paragraph(line, bold=_is_title(line))
    return make_pdf(pages.pages)


def boxed_log_pdf(rendering: str) -> bytes:
    """An action log set as a trust board prints it: a heading naming each topic's lead over a ruled
    box of rows (task | status) with no header row, from a text rendering whose rows are tab-separated."""
    from pdfgen import ruled_table

    pages = _Pages()
    lines = rendering.splitlines()
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if "\t" in lines[k]:
            rows = []
            while k < len(lines) and "\t" in lines[k]:
                rows.append([c.strip() for c in lines[k].split("\t")])
                k += 1
            if pages.y + 18.0 * len(rows) > BOTTOM:
                pages.pages.append([])
                pages.y = TOP
            pages.pages[-1].extend(ruled_table(LEFT, pages.y, [380.0, 100.0], rows, bold_first=False))
            pages.y += 18.0 * len(rows)
            pages.gap()
            continue
        if line:
            pages.paragraph(line, bold=_is_title(line) or " – Lead " in line)
        k += 1
    return make_pdf(pages.pages)
