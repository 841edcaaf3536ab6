"""Word papers (``.docx``, through python-docx) -> Document.

A Word file states its structure: heading styles ("Heading 1", "Title", an outline level),
list paragraphs (a numbering definition, or a "List Bullet" / "List Number" style), tables
with their header rows marked ("repeat as header row"), bold runs, line breaks inside a
paragraph, and page breaks (typed ones, "page break before", a section that starts a new
page, and the breaks Word records where it last laid the pages out). That structure is
written out as the markdown the text reader reads (``#`` headings, ``-`` and ``1.`` items,
pipe tables, ``**bold**``, a form feed at each page break), and the text reader makes the
blocks: one set of line and table rules for every paper, so a Word paper and its text
rendering give the same records. A block's ``lines`` are lines of that markdown.

Pages: where the file records page breaks, blocks carry those page numbers; where it
records none (a file never opened in Word), everything is page 1, in document order.
"""

from __future__ import annotations

import io
import re
import zipfile

from boardpapers.schemas.document import Document
from boardpapers.schemas.errors import ReadError

from .tables import header_rows_by_content

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.I)
# A paragraph typed to look like markdown would be read as markdown: its first mark is escaped.
_MARKDOWN_START = re.compile(r"^(\s*)(#|\||>)")


def is_docx(data: bytes) -> bool:
    """A Word file: a ZIP archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def read_docx(path: str, data: bytes) -> Document:
    from .text import read_text

    markdown = docx_to_markdown(path, data)
    doc = read_text(path, data=markdown.encode("utf-8"))
    return doc.model_copy(update={"id": Document.content_id(data), "source_kind": "docx"})


def docx_to_markdown(path: str, data: bytes) -> str:
    try:
        import docx
    except ImportError as e:  # a dependency of the package: only a broken install lacks it
        raise ReadError("reading Word files needs python-docx (pip install python-docx)", document=path) from e
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises zipfile, lxml and KeyError alike on damage
        raise ReadError(f"broken or unreadable Word file ({type(e).__name__}: {str(e)[:100]})", document=path) from e
    writer = _Writer(document)
    writer.body(document.element.body)
    text = "\n".join(writer.out).strip("\n")
    if not text.replace("\f", "").strip():
        raise ReadError("no text found in the Word file", document=path)
    return text + "\n"


class _Writer:
    def __init__(self, document) -> None:
        self.document = document
        self.out: list[str] = []
        self.counters: dict[tuple[str, int], int] = {}
        self.formats = _numbering_formats(document)
        self.in_list = False

    # --- blocks in document order -------------------------------------------------------

    def body(self, element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child)
            elif tag == f"{_W}tbl":
                self.table(child)
            elif tag == f"{_W}sdt":  # a content control (a cover page, a form box): its content is the paper's
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.body(content)

    def page_break(self) -> None:
        self.end_list()
        self.out += ["\f", ""]

    def end_list(self) -> None:
        if self.in_list:
            self.out.append("")
            self.in_list = False
        # A list numbered by its style alone restarts after other text (a numbering definition
        # of its own, numId, goes on across the paper, as Word numbers it).
        self.counters = {k: n for k, n in self.counters.items() if not k[0].startswith("style:")}

    def paragraph(self, p) -> None:
        from docx.text.paragraph import Paragraph

        para = Paragraph(p, self.document)
        ppr = p.find(f"{_W}pPr")
        if ppr is not None and _on(ppr.find(f"{_W}pageBreakBefore")):
            self.page_break()
        text, breaks_before, breaks_after = _runs_markdown(p)
        for _ in range(breaks_before):
            self.page_break()
        style = (para.style.name if para.style is not None else "") or ""
        stripped = text.strip()
        if stripped:
            level = _heading_level(style, ppr)
            item = None if level else self.list_marker(style, ppr)
            if level:
                self.end_list()
                self.out += ["#" * level + " " + " ".join(stripped.replace("**", "").split()), ""]
            elif item:
                marker, depth = item
                lines = stripped.split("\n")
                self.out.append("  " * depth + f"{marker} " + " ".join(s.strip() for s in lines))
                self.in_list = True
            else:
                self.end_list()
                lines = [_escape(s.rstrip()) for s in stripped.split("\n")]
                self.out += [*lines, ""]
        for _ in range(breaks_after):
            self.page_break()
        sect = ppr.find(f"{_W}sectPr") if ppr is not None else None
        if sect is not None:
            kind = sect.find(f"{_W}type")
            if kind is None or kind.get(f"{_W}val") in (None, "nextPage", "oddPage", "evenPage"):
                self.page_break()  # the section ends here and the next starts on a new page

    def list_marker(self, style: str, ppr) -> tuple[str, int] | None:
        """The item's marker as written ('-' for a bullet, '3.' for the third of a numbered
        list) and its depth, or None for a paragraph that is no list item."""
        num_id, level = None, 0
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            num = numpr.find(f"{_W}numId")
            ilvl = numpr.find(f"{_W}ilvl")
            num_id = num.get(f"{_W}val") if num is not None else None
            level = int(ilvl.get(f"{_W}val") or 0) if ilvl is not None else 0
            if num_id == "0":  # numbering switched off for this paragraph
                return None
        lowered = style.lower()
        if num_id is None:
            if not lowered.startswith(("list bullet", "list number")):
                return None
            m = re.search(r"(\d)$", lowered)
            level = int(m.group(1)) - 1 if m else 0
            fmt = "bullet" if "bullet" in lowered else "decimal"
            key = ("style:" + lowered.rstrip("0123456789 "), level)
        else:
            fmt = self.formats.get((num_id, level)) or ("bullet" if "bullet" in lowered else "decimal")
            key = (num_id, level)
        if fmt in ("bullet", "none"):
            return "-", min(level, 1)
        n = self.counters.get(key, 0) + 1
        self.counters[key] = n
        for (k, lvl), _ in list(self.counters.items()):  # a deeper list restarts under a new parent item
            if k == key[0] and lvl > level:
                del self.counters[(k, lvl)]
        return f"{_number(n, fmt)}.", min(level, 1)

    def table(self, tbl) -> None:
        self.end_list()
        rows, header_rows = [], 0
        for tr in tbl.iterchildren(f"{_W}tr"):
            trpr = tr.find(f"{_W}trPr")
            if trpr is not None and _on(trpr.find(f"{_W}tblHeader")) and header_rows == len(rows):
                header_rows += 1
            cells = []
            for tc in tr.iterchildren(f"{_W}tc"):
                tcpr = tc.find(f"{_W}tcPr")
                span, merged = 1, False
                if tcpr is not None:
                    grid = tcpr.find(f"{_W}gridSpan")
                    span = int(grid.get(f"{_W}val") or 1) if grid is not None else 1
                    vmerge = tcpr.find(f"{_W}vMerge")
                    merged = vmerge is not None and vmerge.get(f"{_W}val") != "restart"
                text = "" if merged else _cell_markdown(tc)
                cells += [text] + [""] * (span - 1)  # a cell spanning columns: its text in the first
            rows.append(cells)
        if not any(c.strip() for r in rows for c in r):
            return  # an empty grid (a layout table left blank) is no table
        n_cols = max(len(r) for r in rows)
        rows = [r + [""] * (n_cols - len(r)) for r in rows]
        if not header_rows:
            plain = [[c.replace("**", "").replace("<br>", " ") for c in r] for r in rows]
            header_rows = header_rows_by_content(plain)
        for k, row in enumerate(rows):
            self.out.append("| " + " | ".join(row) + " |")
            if k + 1 == header_rows:
                self.out.append("|" + " --- |" * n_cols)
        self.out.append("")


def _on(element) -> bool:
    """A Word on/off property: present and not switched off (``w:val="0"``/``false``)."""
    return element is not None and element.get(f"{_W}val") not in ("0", "false", "off")


def _heading_level(style: str, ppr) -> int | None:
    m = _HEADING_STYLE.match(style.strip())
    if m:
        return max(1, min(int(m.group(1)), 6))
    if style.strip().lower() == "title":
        return 1
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if outline is not None:
        level = int(outline.get(f"{_W}val") or 9)
        if level < 6:
            return level + 1
    return None


def _runs_markdown(p) -> tuple[str, int, int]:
    """A paragraph's text with bold runs as ``**...**`` and line breaks as newlines, and the page
    breaks before and after its text (a break typed mid-paragraph counts after it)."""
    pieces: list[tuple[str, bool]] = []
    before = after = 0
    for r in p.iter(f"{_W}r"):
        rpr = r.find(f"{_W}rPr")
        bold = rpr is not None and _on(rpr.find(f"{_W}b"))
        align = rpr.find(f"{_W}vertAlign") if rpr is not None else None
        superscript = align is not None and align.get(f"{_W}val") == "superscript"
        for child in r.iterchildren():
            tag = child.tag
            if tag == f"{_W}t":
                text = child.text or ""
                # A superscript (a footnote's number, '4th') as the text renderings write it.
                pieces.append((f"<sup>{text}</sup>" if superscript and text.strip() else text, bold))
            elif tag == f"{_W}tab":
                pieces.append((" ", False))
            elif tag in (f"{_W}br", f"{_W}cr"):
                if child.get(f"{_W}type") == "page":
                    if any(t.strip() for t, _ in pieces):
                        after += 1
                    else:
                        before += 1
                else:
                    pieces.append(("\n", False))
            elif tag == f"{_W}lastRenderedPageBreak":
                # Where Word last broke the page: before the text, the paragraph starts the page.
                if not any(t.strip() for t, _ in pieces):
                    before += 1
    out: list[str] = []
    i = 0
    while i < len(pieces):
        text, bold = pieces[i]
        if bold and text.strip():
            run = [text]
            while i + 1 < len(pieces) and pieces[i + 1][1]:
                i += 1
                run.append(pieces[i][0])
            joined = "".join(run)
            lead, core, trail = _split_space(joined)
            out.append(f"{lead}**{core}**{trail}" if core else joined)
        else:
            out.append(text)
        i += 1
    return "".join(out), before, after


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def _cell_markdown(tc) -> str:
    """A table cell's paragraphs joined by ``<br>`` (the pipe table's line break), pipes escaped."""
    lines = []
    for p in tc.iter(f"{_W}p"):
        text, _, _ = _runs_markdown(p)
        lines += [" ".join(s.split()) for s in text.split("\n") if s.strip()]
    return "<br>".join(lines).replace("|", "\\|")


def _escape(line: str) -> str:
    return _MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def _numbering_formats(document) -> dict[tuple[str, int], str]:
    """``(numId, level) -> numFmt`` ('bullet', 'decimal', 'lowerLetter' ...) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for a in numbering.iterchildren(f"{_W}abstractNum"):
        levels = {}
        for lvl in a.iterchildren(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[int(lvl.get(f"{_W}ilvl") or 0)] = fmt.get(f"{_W}val") if fmt is not None else "decimal"
        abstract[a.get(f"{_W}abstractNumId")] = levels
    out: dict[tuple[str, int], str] = {}
    for num in numbering.iterchildren(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(f"{_W}val"), {}).items():
            out[(num.get(f"{_W}numId"), level)] = fmt
    return out


def _number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out
