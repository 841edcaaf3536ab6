"""PDFs (through pdfium or pdfplumber) -> Document: the same blocks the text reader gives for
the text rendering of the same paper.

Each page is read once (its words by pdfplumber's word rule, ``pdf_words``; its ruled tables
by pdfplumber's table finder, ``pdf_ruling``) and closed, so memory
stays flat on long agenda packs; only the words outside tables, and the tables, are kept
until the end, where running headers and footers are found across pages and the blocks
are built.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pdfplumber
import pdfplumber.page
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from boardpapers.schemas.document import Block, Box, Document
from boardpapers.schemas.errors import ReadError

from ..language.labels import line_label
from .blocks import (
    clean_inline,
    heading_level,
    is_initials,
    join_broken_paragraphs,
    looks_like_heading,
    split_marker,
)
from .choice import default_reader
from .grids import unfold
from .pdf_layout import (
    BLANK_PAGE,
    BULLETS,
    Line,
    Word,
    body_size,
    bold_runs,
    bold_share,
    drop_superscript_refs,
    group_rows,
    heading_sizes,
    running_lines,
    split_chunks,
    text_edges,
)
from .pdf_page import document_properties, page_words, visible_page
from .pdf_regions import Region, aligned_tables, split_columns
from .pdf_tables import (
    TableDraft,
    drop_repeated_strips,
    drop_trailing_empty_rows,
    find_tables,
    glued,
    header_count,
    join_header_strips,
    repair_fragments,
    ruled_tables,
    split_banded_tables,
    to_block,
)
from .settings import DEFAULT, ReaderSettings
from .tables import merge_continued_tables

_BROKEN = (
    PDFException,
    PSException,
    PdfminerException,
    MalformedPDFException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    ZeroDivisionError,
    RecursionError,
)
# "7 SMART is ..." is a footnote; "6. Officer Update" (a numbered heading set small) is not.
_FOOTNOTE_START = re.compile(r"^(\d{1,3})(?![.)\d])\s*(?=\S)")


@dataclass
class _Page:
    number: int
    width: float
    height: float
    rows: list[list[Word]] = field(default_factory=list)
    tables: list[TableDraft] = field(default_factory=list)
    sideways: bool = False  # most of its text runs sideways or upside down, /Rotate or not: left out


SIDEWAYS = (
    "its text runs sideways or upside down, so the page was skipped (turn it upright in a PDF editor and save it)"
)


def read_pdf(
    path: str | Path,
    data: bytes | None = None,
    password: str | None = None,
    *,
    settings: ReaderSettings = DEFAULT,
    reader: str | None = None,
) -> Document:
    """Read a PDF into a Document. ``settings`` holds the reader's geometry tolerances
    (``readers.settings.DEFAULT`` unless given); ``reader`` is "pdfium" (the fast path,
    :mod:`.pdf_pdfium`) or "pdfplumber" (``readers.default_reader()`` unless given)."""
    reader = reader or default_reader()
    path = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise ReadError(f"cannot read the file ({e.strerror})", document=path) from None
    properties: dict[str, str] = {}
    pages = None
    if reader == "pdfium":
        pages = _read_pages_pdfium(path, data, password, settings, properties)
    if pages is None:
        pages = list(_read_pages(path, data, password, settings, properties))
    if not pages and b"startxref" in data:
        # A damaged cross-reference table can hide every page (issue 8, broken-xref.pdf), which
        # read as "no text layer". Without the startxref pointer pdfminer rebuilds the table
        # by scanning the file for its objects, as PDF viewers do.
        pages = list(_read_pages(path, _without_xref_pointer(data), password, settings, properties))
    if not pages:
        raise ReadError("broken PDF: no pages found (its cross-reference table may be damaged)", document=path)
    sideways = [(p.number, SIDEWAYS) for p in pages if p.sideways]
    if not any(p.rows or p.tables for p in pages):
        if sideways:
            raise ReadError(
                "the text of every page runs sideways or upside down: turn the pages upright in a "
                "PDF editor and save it",
                document=path,
            )
        raise ReadError("no text layer: run OCR first (e.g. ocrmypdf)", document=path, hint="or read it with --ocr")
    blocks = _build_blocks(pages, settings)
    blocks = join_header_strips(drop_repeated_strips(blocks, len(pages)), settings=settings)
    blocks = merge_continued_tables(join_broken_paragraphs(repair_fragments(blocks, settings=settings)))
    # Grids that lay out prose, and key/value boxes, become ordinary blocks (as in read_text).
    blocks = unfold(drop_trailing_empty_rows(split_banded_tables(blocks)))
    return Document(
        id=Document.content_id(data),
        source_path=path,
        source_kind="pdf",
        page_count=len(pages),
        blocks=blocks,
        skipped_pages=sideways,
        properties=properties,
    )


def _without_xref_pointer(data: bytes) -> bytes:
    cut = data.rfind(b"startxref")
    return data[:cut] + b"%%EOF\n"


def _open(path: str, data: bytes, password: str | None):
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise _password_error(path, password) from e
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _password_error(path, password) from e
        raise ReadError(f"broken or unreadable PDF ({_describe(e)})", document=path) from e
    except _BROKEN as e:
        raise ReadError(f"broken or unreadable PDF ({_describe(e)})", document=path) from e


def _password_error(path: str, password: str | None) -> ReadError:
    if password:
        return ReadError("wrong password for this encrypted PDF", document=path)
    return ReadError("encrypted: give the password with --password", document=path)


def _describe(e: BaseException) -> str:
    inner = e.args[0] if isinstance(e, PdfminerException) and e.args and isinstance(e.args[0], BaseException) else e
    text = str(inner).strip() or type(inner).__name__
    return text[:120]


def _read_pages(path: str, data: bytes, password: str | None, settings: ReaderSettings, properties: dict[str, str]):
    """The pages, read one at a time; ``properties`` gets the document information."""
    pdf = _open(path, data, password)
    try:
        try:
            properties.update(document_properties(pdf.metadata or {}))
        except _BROKEN:
            pass  # damaged document information: the pages may still read
        try:
            n_pages = len(pdf.pages)
        except _BROKEN as e:
            raise ReadError(f"broken or truncated PDF: cannot list its pages ({_describe(e)})", document=path) from e
        for i in range(n_pages):
            yield _plumber_page(pdf, i, path, settings)
    finally:
        _close(pdf)


def _close(pdf) -> None:
    # close() lists the pages again; on a PDF whose page tree is broken that raises and
    # would replace our ReadError with a pdfminer exception (issue 8, mutated-PDF fuzzing).
    try:
        pdf.close()
    except _BROKEN:
        pass


def _plumber_page(pdf, i: int, path: str, settings: ReaderSettings) -> _Page:
    """Page ``i`` (from 0) of a PDF opened with pdfplumber, read and closed."""
    try:
        page = pdf.pages[i]
    except _BROKEN as e:  # a page tree pdfminer cannot list (pdfium could: its pages came first)
        raise ReadError(f"broken or truncated PDF ({_describe(e)})", document=path, page=i + 1) from e
    try:
        page = _upright(page)
        if _mostly_sideways(page):
            return _Page(number=i + 1, width=float(page.width), height=float(page.height), sideways=True)
        return _read_page(page, i + 1, settings)
    except ReadError:
        raise
    except _BROKEN as e:
        raise ReadError(f"broken or truncated PDF ({_describe(e)})", document=path, page=i + 1) from e
    finally:
        page.close()


def _read_pages_pdfium(
    path: str, data: bytes, password: str | None, settings: ReaderSettings, properties: dict[str, str]
) -> list[_Page] | None:
    """The pages read through pdfium, each page pdfium cannot read as pdfminer would read by
    pdfplumber; None when pdfium cannot open the file (pdfplumber then reads it all, and says
    why it cannot, if it cannot)."""
    from .pdf_pdfium import PdfiumDocument, PdfiumUnreadable

    try:
        doc = PdfiumDocument(data, password, clip_same_box_pt=settings.clip_same_box_pt)
    except PdfiumUnreadable:
        return None
    pages: list[_Page] = []
    fallback = None  # pdfplumber's pages, opened at the first page pdfium leaves to it
    try:
        try:
            properties.update(document_properties(doc.metadata()))
        except _BROKEN:
            pass
        for i in range(len(doc)):
            try:
                page = doc.page(i)
            except Exception:  # noqa: BLE001 - a page pdfium cannot read is read by pdfplumber
                page = None
            if page is not None:
                try:
                    if page.sideways_chars * 2 > len(page.chars):  # _mostly_sideways, counted by pdfium
                        pages.append(
                            _Page(number=i + 1, width=float(page.width), height=float(page.height), sideways=True)
                        )
                    else:
                        pages.append(_read_page(page, i + 1, settings))
                    continue
                except _BROKEN:
                    pass  # read again by pdfplumber below
                finally:
                    page.close()
            if fallback is None:
                fallback = _open(path, data, password)
            pages.append(_plumber_page(fallback, i, path, settings))
    finally:
        doc.close()
        if fallback is not None:
            _close(fallback)
    return pages


def _mostly_sideways(page) -> bool:
    """More than half the characters run sideways or upside down: read as lines, letter soup."""
    chars = page.chars
    return bool(chars) and sum(1 for c in chars if not _reads_across(c)) * 2 > len(chars)


def _reads_across(char) -> bool:
    """The character's matrix writes it left to right, the right way up (a slant is allowed).
    pdfplumber's ``upright`` says True for upside-down text, so the matrix is read directly."""
    a, b, c, d = char["matrix"][:4]
    return a > 0 and d > 0 and abs(b) <= 0.5 * a and abs(c) <= 0.5 * d


def _upright(page):
    """The page as its text was written, when its /Rotate turns that text sideways.

    pdfminer applies /Rotate, which is right for a landscape page drawn turned (the rotation
    stands its text up) but turns text written upright onto its side (issue 14: such pages
    loaded as letter soup). When most characters come out sideways or upside down, the page is
    read again with the rotation left out.
    """
    if not page.rotation or not _mostly_sideways(page):
        return page
    obj = page.page_obj
    obj.attrs = {k: v for k, v in obj.attrs.items() if k != "Rotate"}
    obj.rotate = 0
    page.close()
    return pdfplumber.page.Page(page.pdf, obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _read_page(page, number: int, settings: ReaderSettings) -> _Page:
    out = _Page(number=number, width=float(page.width), height=float(page.height))
    page = visible_page(page, settings=settings)
    words = page_words(page, settings=settings)
    if not words:
        return out  # an image-only page (a scanned insert): nothing to read, no crash
    body = _mode_size(words)
    found = find_tables(page, settings=settings) if (page.rects or page.lines or page.curves) else []
    out.tables, words = ruled_tables(found, words, number, body, settings=settings)
    out.rows = [drop_superscript_refs(r, settings=settings) for r in group_rows(words, settings=settings)]
    return out


def _mode_size(words: list[Word]) -> float:
    counts: dict[float, int] = {}
    for w in words:
        counts[round(w.size, 1)] = counts.get(round(w.size, 1), 0) + len(w.text)
    return max(counts, key=counts.get)


# --- blocks ---------------------------------------------------------------------------------


def _build_blocks(pages: list[_Page], settings: ReaderSettings) -> list[Block]:
    rows_as_lines = [(p.height, [Line(words=r, page=p.number) for r in p.rows]) for p in pages]
    running = running_lines(rows_as_lines, settings=settings)
    all_chunks: list[Line] = []
    page_regions: list[list[tuple[Region, list[list[Line]]]]] = []
    for (_height, lines), page in zip(rows_as_lines, pages):
        words = [line.words for line in lines if id(line) not in running and not BLANK_PAGE.match(line.text)]
        # Tables set as aligned text, then two-column stretches: both from positions alone.
        drafts, words = aligned_tables(words, page.number, settings=settings)
        page.tables.extend(drafts)
        regions = []
        for region in split_columns(words, page.width, settings=settings):
            rows = [[Line(words=c, page=page.number) for c in split_chunks(r, settings=settings)] for r in region.rows]
            regions.append((region, rows))
            if not region.split:
                all_chunks.extend(c for row in rows for c in row)
        page_regions.append(regions)
    if not all_chunks:  # every page in two columns: the page edges come from the columns
        all_chunks = [c for regions in page_regions for _, rows in regions for row in rows for c in row]
    if not all_chunks and not any(p.tables for p in pages):
        return []
    left, right = text_edges(all_chunks, settings=settings)
    body = body_size(all_chunks, settings=settings)
    levels = heading_sizes(all_chunks, body, settings=settings)
    bullet_x = min((c.x0 for c in all_chunks if c.words[0].text in BULLETS), default=left)
    ctx = _Context(left=left, right=right, body=body, levels=levels, bullet_x=bullet_x, settings=settings)
    blocks: list[Block] = []
    for page, regions in zip(pages, page_regions):
        blocks.extend(_page_blocks(page, regions, ctx))
    return blocks


@dataclass
class _Context:
    left: float
    right: float
    body: float
    levels: dict[float, int]
    bullet_x: float
    settings: ReaderSettings


def _is_margin(chunk: Line, row: list[Line], ctx: _Context) -> bool:
    """Owners' initials (or a one- or two-word note) in a column beside the body text."""
    text = clean_inline(chunk.text)
    if not text or len(text) > 24:
        return False
    if split_marker(text + " X")[0] or chunk.words[0].text in BULLETS or re.fullmatch(r"[\d.,%£()-]+", text):
        return False  # a paragraph number or bullet hanging left of its text
    short = is_initials(text) or len(text.split()) <= 2
    if not short:
        return False
    if chunk.x1 <= ctx.left - ctx.settings.margin_left_gap_pt:
        return True
    others = [c for c in row if c is not chunk]
    if chunk.x0 >= ctx.right - ctx.settings.margin_right_slack_pt and (others or is_initials(text)):
        return all(o.x1 < chunk.x0 for o in others)
    return False


def _page_blocks(page: _Page, regions: list[tuple[Region, list[list[Line]]]], ctx: _Context) -> list[Block]:
    """Blocks of one page: each region (full width, or one column of a two-column stretch)
    in reading order, tables placed by their top edge in the region they sit in, margin
    notes before the block beside them, footnotes last."""
    tables = [to_block(d, header_count(d)) for d in page.tables]
    per_region: list[list[Block]] = [[] for _ in regions]
    for t in tables:
        per_region[_region_of(t, regions, ctx.settings)].append(t)
    out: list[Block] = []
    footnotes: list[Block] = []
    for (region, rows), extra in zip(regions, per_region):
        rctx = ctx
        if region.split:  # a text column: its own edges decide wraps and margins
            chunks = [c for row in rows for c in row]
            left, right = text_edges(chunks, settings=ctx.settings) if chunks else (ctx.left, ctx.right)
            rctx = replace(
                ctx, left=left, right=right, bullet_x=min(ctx.bullet_x, left) if ctx.bullet_x >= left else ctx.bullet_x
            )
        blocks, margins = _region_blocks(page, rows, rctx)
        footnotes.extend(b for b in blocks if b.kind == "footnote")
        ordered = sorted([b for b in blocks if b.kind != "footnote"] + extra, key=lambda b: b.box.top if b.box else 0)
        out.extend(_place_margins(ordered, margins, ctx.settings))
    return out + footnotes


def _region_of(table: Block, regions: list[tuple[Region, list[list[Line]]]], settings: ReaderSettings) -> int:
    """The region a table sits in: the last whose first row is above the table (in a
    two-column stretch, the column its left edge is in)."""
    best = 0
    top = table.box.top if table.box else 0.0
    for k, (region, rows) in enumerate(regions):
        if not rows or min(c.top for c in rows[0]) > top:
            continue
        if region.split and region.column == 1:
            right_x0 = min(c.x0 for row in rows for c in row)
            if table.box is not None and table.box.x0 < right_x0 - settings.region_column_slack_pt:
                continue
        best = k
    return best


def _region_blocks(page: _Page, rows: list[list[Line]], ctx: _Context) -> tuple[list[Block], list[Line]]:
    margins: list[Line] = []
    lines: list[Line] = []
    for row in rows:
        rest = []
        for chunk in row:
            beside = (
                chunk.x1 <= ctx.left - ctx.settings.margin_left_gap_pt
                or chunk.x0 >= ctx.right - ctx.settings.margin_right_slack_pt
            )
            if len(row) > 1 or beside:
                if _is_margin(chunk, row, ctx):
                    margins.append(chunk)
                    continue
            rest.append(chunk)
        if rest:
            lines.append(Line(words=[w for c in rest for w in c.words], page=page.number))
    groups = _paragraphs(lines, ctx)
    footnote_from = _footnote_start(groups, page, ctx)
    text_blocks: list[Block] = []
    for i, group in enumerate(groups):
        gap_before = i == 0 or group[0].top - groups[i - 1][-1].bottom > _para_gap(group[0], ctx.settings)
        gap_after = i == len(groups) - 1 or groups[i + 1][0].top - group[-1].bottom > _para_gap(group[-1], ctx.settings)
        # A line opening a labelled series ("AP1 – ...", then "AP2 – ...") is its first item, not
        # a title over it, however much space Word's paragraph spacing leaves round it.
        series = i + 1 < len(groups) and _series_next(group[0].text, groups[i + 1][0].text)
        block = _text_block(group, ctx, alone=gap_before and gap_after and not series, footnote=i >= footnote_from)
        if block is not None:
            text_blocks.append(block)
    return text_blocks, margins


def _place_margins(blocks: list[Block], margins: list[Line], settings: ReaderSettings) -> list[Block]:
    """Each margin note goes just before the block it sits beside (same height)."""
    if not margins:
        return blocks
    out = list(blocks)
    above, below = settings.margin_above_block_pt, settings.margin_below_block_pt
    for m in sorted(margins, key=lambda m: m.top, reverse=True):
        block = Block(
            kind="margin",
            text=clean_inline(m.text),
            page=m.page,
            source=m.text,
            box=Box(x0=m.x0, top=m.top, x1=m.x1, bottom=m.bottom),
            bold=m.bold,
        )
        target = None
        for k, b in enumerate(out):
            if b.box is None or b.kind == "margin":
                continue
            if b.box.top - above <= m.top <= b.box.bottom + below or (m.top < b.box.top and target is None):
                target = k
                if b.box.top - above <= m.top <= b.box.bottom + below:
                    break
        out.insert(target if target is not None else len(out), block)
    return out


_SERIES = re.compile(r"([A-Z]{1,4})(\d{1,3})\b")


def _series_next(line: str, following: str) -> bool:
    """``following`` opens with the next label of ``line``'s series: "AP1 – ..." then "AP2 – ..."."""
    a, b = _SERIES.match(line.strip()), _SERIES.match(following.strip())
    return bool(a and b and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1)


def _para_gap(line: Line, settings: ReaderSettings) -> float:
    """White space between lines that means a new paragraph (``paragraph_gap_em`` of the font size)."""
    return settings.paragraph_gap_em * line.size


def _starts_item(line: Line) -> bool:
    first = line.words[0].text
    if first in BULLETS or (first[:1] in BULLETS - {"o", "-", "*", "–"} and len(first) > 1):
        return True
    return split_marker(clean_inline(line.text))[0] is not None


def _paragraphs(lines: list[Line], ctx: _Context) -> list[list[Line]]:
    """Group lines into paragraphs: a line joins the one above when that one was wrapped."""
    s = ctx.settings
    groups: list[list[Line]] = []
    for line in lines:
        if not groups:
            groups.append([line])
            continue
        prev = groups[-1][-1]
        if prev.text.strip() in BULLETS and abs(line.top - prev.bottom) < s.lone_bullet_gap_em * line.size:
            groups[-1].append(line)  # a bullet alone on its line: the item is the next line
            continue
        gap = line.top - prev.bottom
        same_size = abs(line.size - prev.size) < s.same_size_tolerance_pt
        first_w = line.words[0].x1 - line.words[0].x0
        room = first_w + s.wrap_space_em * prev.size + s.wrap_slack_em * prev.size + s.wrap_slack_pt
        wrapped = ctx.right - prev.x1 < room
        hyphen = prev.text.endswith("-") and line.text[:1].islower()
        lower = line.text[:1].islower() and not prev.text.rstrip().endswith((".", ":", ";"))
        # A comma list runs on to the next line however long its next name is ("Present: A Smith,
        # B Jones," / "Councillor Whitehead"): the comma says the list goes on.
        listing = prev.text.rstrip().endswith(",")
        if (
            gap <= _para_gap(prev, s)
            and same_size
            and (wrapped or hyphen or lower or listing)
            and not _starts_item(line)
            and line_label(line.text) is None
            and line.x0 >= groups[-1][0].x0 - s.paragraph_indent_slack_pt
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _footnote_start(groups: list[list[Line]], page: _Page, ctx: _Context) -> int:
    """Index of the first footnote group: small-type numbered lines closing the page."""
    start = len(groups)
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        small = all(line.size <= ctx.body - ctx.settings.footnote_size_below_body_pt for line in g)
        if not small or g[0].top < ctx.settings.footnote_min_top_of_page_height * page.height:
            break
        if _FOOTNOTE_START.match(g[0].text):
            start = i
    return start


def _join(lines: list[Line]) -> str:
    out = ""
    for line in lines:
        text = line.text
        if not out:
            out = text
        elif glued(out, text):
            out += text  # "co-" + "ordinate": keep the hyphen, drop the break
        elif out.strip() in BULLETS:
            out += " " + text
        else:
            out += " " + text
    return out


def _bold_title(text: str, *, bold: bool, marker: str | None) -> bool:
    """A bold line in body size with the paragraph set right under it, no space between:
    Word minutes' "3. MATTERS ARISING". Numbered or in capitals, short, no full stop, so a
    bold sentence ("The Board agreed the plan.") stays a paragraph."""
    if not bold or len(text.split()) > 12 or text.endswith((".", ":", ";", ",")):
        return False
    capitals = text.isupper() and sum(ch.isalpha() for ch in text) >= 4
    numbered = marker is not None and marker[0].isdigit()
    return (capitals or numbered) and looks_like_heading(text, bold=True, marker=marker)


def _text_block(group: list[Line], ctx: _Context, *, alone: bool, footnote: bool) -> Block | None:
    words = [w for line in group for w in line.words]
    source = "\n".join(line.text for line in group)
    box = Box(
        x0=min(l.x0 for l in group),
        top=min(l.top for l in group),
        x1=max(l.x1 for l in group),
        bottom=max(l.bottom for l in group),
    )
    page = group[0].page
    raw = _join(group)
    clean = clean_inline(raw)
    if not clean:
        return None
    spans = bold_runs(words)
    bold = bold_share(words) >= 0.9
    common = {"page": page, "source": source, "box": box, "bold_spans": spans}
    sup = (
        len(words) > 1
        and re.fullmatch(r"\d{1,3}", words[0].text)
        and words[0].size < ctx.settings.superscript_marker_size_ratio * words[1].size
    )
    if footnote or sup:
        m = _FOOTNOTE_START.match(clean)
        return Block(
            kind="footnote",
            text=clean[m.end() :].strip() if m else clean,
            marker=m.group(1) if m else None,
            bold=bold,
            **common,
        )
    first = words[0].text
    if first in BULLETS or (
        first[:1] in BULLETS - {"o", "-", "*", "–"} and len(first) > 1 and not first[1:2].isspace()
    ):
        rest = clean_inline(raw[len(first) :] if first in BULLETS else raw[1:])
        marker, body = split_marker(rest)
        depth = 1 if group[0].x0 > ctx.bullet_x + ctx.settings.nested_bullet_indent_pt else 0
        return Block(
            kind="list_item",
            text=body or rest,
            marker=marker or "-",
            depth=depth,
            bold=bold_share([w for w in words if w.text not in BULLETS]) >= 0.9,
            **common,
        )
    marker, body = split_marker(clean)
    text = body or clean
    size = group[0].size
    # A lead-in set large ("The Task and Finish Group recommends that:") opens the list
    # below it; as a heading its list would be read as a new section. Titles rarely end in ':'.
    lead_in = text.rstrip().endswith(":") and len(text.split()) >= 5
    if size in ctx.levels and len(text.split()) <= 30 and not lead_in:
        return Block(kind="heading", text=text, level=ctx.levels[size], marker=marker, bold=bold, **common)
    if is_initials(clean):
        return Block(kind="margin", text=clean, bold=bold, **common)
    if len(group) == 1 and alone and looks_like_heading(text, bold=bold, marker=marker):
        return Block(kind="heading", text=text, level=heading_level(marker), marker=marker, bold=bold, **common)
    if len(group) == 1 and _bold_title(text, bold=bold, marker=marker):
        return Block(kind="heading", text=text, level=heading_level(marker), marker=marker, bold=bold, **common)
    return Block(kind="paragraph", text=text, marker=marker, bold=bold, **common)
