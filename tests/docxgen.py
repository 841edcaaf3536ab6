"""Word renderings of text papers, made in the tests with python-docx (never stored in the repo).

``text_to_docx`` turns a text rendering (markdown headings, pipe tables, ``-`` and ``1.``
items, ``**bold**``, ``---`` page rules) into a .docx that states the same structure the way
Word does: heading styles, list styles, real tables with a repeated header row, bold runs,
line breaks inside a paragraph (Shift+Enter) and page breaks.
"""

from __future__ import annotations

import re
from pathlib import Path

_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^(\s*)[-*•]\s+(\S.*)$")
_ORDERED = re.compile(r"^(\s*)\d{1,2}[.)]\s+(\S.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*|<b>(.+?)</b>", re.I)
_TAGS = re.compile(r"</?(?:i|em|u|span|sub|p)\b[^>]*>", re.I)
_SUP = re.compile(r"<sup>(.*?)</sup>", re.I)


def _runs(paragraph, text: str) -> None:
    """Add ``text`` to a paragraph, ``**bold**`` as bold runs, ``<br>`` as line breaks."""
    text = _TAGS.sub("", text)
    for k, line in enumerate(re.split(r"<br\s*/?>|\n", text)):
        if k:
            paragraph.add_run().add_break()
        pos = 0
        for m in _BOLD.finditer(line):
            if m.start() > pos:
                _plain(paragraph, line[pos : m.start()])
            _plain(paragraph, m.group(1) or m.group(2), bold=True)
            pos = m.end()
        if pos < len(line):
            _plain(paragraph, line[pos:])


def _plain(paragraph, text: str, bold: bool = False) -> None:
    """Runs of text, ``<sup>n</sup>`` as superscript (a footnote's number)."""
    pos = 0
    for m in _SUP.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()]).bold = bold or None
        run = paragraph.add_run(m.group(1))
        run.font.superscript = True
        run.bold = bold or None
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:]).bold = bold or None


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") else s
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def text_to_docx(text: str, out: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    pending_break = False

    def page_break() -> None:
        nonlocal pending_break
        pending_break = True

    def new_paragraph(style: str | None = None, footnote: bool = False):
        nonlocal pending_break
        p = document.add_paragraph(style=style)
        if pending_break and not footnote:  # a page's footnotes stand at its foot, before the break
            p.add_run().add_break(WD_BREAK.PAGE)
            pending_break = False
        return p

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if re.fullmatch(r"-{3,}|\*{3,}|_{3,}", s) or "\f" in line:
            page_break()
            i += 1
            continue
        tabbed = "\t" in line and line.strip("\t ")
        if s.startswith("|") or tabbed:
            j = i
            if tabbed:  # a tab-separated table: one row a line
                while j < len(lines) and "\t" in lines[j] and lines[j].strip("\t "):
                    j += 1
                raw, sep = lines[i:j], None
                rows = [[c.strip() for c in r.split("\t")] for r in raw]
            else:
                while j < len(lines) and lines[j].strip().startswith("|"):
                    j += 1
                raw = lines[i:j]
                sep = next((k for k, r in enumerate(raw) if _PIPE_SEPARATOR.match(r) and "-" in r), None)
                rows = [_cells(r) for k, r in enumerate(raw) if k != sep]
            if n_cols_of(rows) < 2:
                for row in rows:
                    _runs(new_paragraph(), row[0] if row else "")
                i = j
                continue
            n_cols = max(len(r) for r in rows)
            if pending_break:
                new_paragraph()
            table = document.add_table(rows=len(rows), cols=n_cols)
            table.style = "Table Grid"
            for r_i, row in enumerate(rows):
                for c_i in range(n_cols):
                    cell = table.cell(r_i, c_i)
                    _runs(cell.paragraphs[0], row[c_i] if c_i < len(row) else "")
                if sep is not None and r_i < sep:  # Word's "repeat as header row at the top of each page"
                    tr_pr = table.rows[r_i]._tr.get_or_add_trPr()
                    header = OxmlElement("w:tblHeader")
                    header.set(qn("w:val"), "true")
                    tr_pr.append(header)
            i = j
            continue
        m = _HEADING.match(s)
        if m:
            p = new_paragraph(f"Heading {min(len(m.group(1)), 9)}")
            _runs(p, m.group(2).replace("**", ""))
            i += 1
            continue
        b, o = _BULLET.match(line), _ORDERED.match(line)
        if b or (o and (_ORDERED.match(lines[i + 1] if i + 1 < len(lines) else "") or _ORDERED.match(lines[i - 1]))):
            m = b or o
            deep = len(m.group(1).expandtabs(4)) >= (1 if b else 2)
            style = ("List Bullet" if b else "List Number") + (" 2" if deep else "")
            j = i + 1
            while j < len(lines) and lines[j].strip() and lines[j].strip()[0].islower() and not _BULLET.match(lines[j]):
                j += 1
            _runs(new_paragraph(style), " ".join([m.group(2)] + [x.strip() for x in lines[i + 1 : j]]))
            i = j
            continue
        # A paragraph: the lines of one block, kept as line breaks inside one Word paragraph.
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _starts_construct(lines[j]):
            j += 1
        _runs(new_paragraph(footnote=bool(_SUP.match(s))), "\n".join(x.strip() for x in lines[i:j]))
        i = j
    document.save(out)
    return out


def n_cols_of(rows: list[list[str]]) -> int:
    return max((len(r) for r in rows), default=0)


def _starts_construct(line: str) -> bool:
    s = line.strip()
    return bool(
        s.startswith(("|", "#"))
        or "\t" in line
        or _BULLET.match(line)
        or re.fullmatch(r"-{3,}|\*{3,}|_{3,}", s)
        or "\f" in line
    )
