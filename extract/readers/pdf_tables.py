"""Tables in PDFs: ruled tables from pdfplumber's ``find_tables``, their header rows, and
the repairs a page break or a split Word table needs before ``merge_continued_tables``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from boardpapers.schemas.document import Block, Box, Cell, Row, Table

from .blocks import clean_inline
from .captions import lift_caption, split_bands
from .pdf_layout import Word, bold_share, group_rows, join_ordinals
from .pdf_ruling import find_tables as find_ruled
from .pdf_ruling import page_edges
from .settings import DEFAULT, ReaderSettings
from .tables import (
    append_row,
    continues_row,
    header_rows_by_content,
    is_data_cell,
    is_empty_row,
    is_label_like,
    normalised_cells,
)


@dataclass
class TableDraft:
    """A table found on one page, before header rows are decided."""

    cells: list[list[tuple[str, Box | None, bool]]]  # rows of (text, box, bold)
    box: Box
    page: int
    col_edges: list[float]
    ruled: bool = True
    n_header: int | None = None  # header rows known from the layout (an unruled label line over the rules)


def glued(before: str, after: str) -> bool:
    """A break inside a word: "Apr-" / "16", "co-" / "ordinate", "D.O." / "T B" (initialisms)."""
    if re.search(r"[A-Za-z]-$", before) and after[:1].isalnum() and not after[:1].isupper():
        return True
    return bool(re.search(r"(?:^|\s)(?:[A-Z]\.){2,}$", before) and re.match(r"[A-Z](?:\.|\s|$)", after))


def cell_text(words: list[Word], right: float, *, settings: ReaderSettings = DEFAULT) -> str:
    """Lines of a cell: a wrapped line joins the next with a space, a short one with a newline."""
    rows = [join_ordinals(r, settings=settings) for r in group_rows(words, settings=settings)]
    out = ""
    for i, row in enumerate(rows):
        text = " ".join(w.text for w in row)
        if i == 0:
            out = text
            continue
        prev = rows[i - 1]
        size = max(w.size for w in prev)
        room = right - max(w.x1 for w in prev)
        full = room < (row[0].x1 - row[0].x0) + settings.cell_wrap_space_em * size + settings.cell_wrap_slack_pt
        wrapped = full or out.endswith("-") or row[0].text[:1].islower()
        # A tagged PDF marks each paragraph with its own id: a new id on the next line is a
        # new paragraph of the cell (stacked posts "SENDCo / Dyslexia Specialist Teacher / SLT"),
        # however full the line above.
        last, first = prev[-1].mcid_end, row[0].mcid
        if last is not None and first is not None and last != first:
            wrapped = False
        if glued(out, text) or (full and _word_tail(row, out)):
            out += text
        else:
            out += (" " if wrapped else "\n") + text
    # A space the text layer puts before a colon or comma ("pupils :") is not written.
    return re.sub(r" +([,.;:])(?=\s|$)", r"\1", clean_inline(out, keep_breaks=True))


# Short words a line may hold alone; any other one to three lower-case letters alone on the
# line under a full one are the end of a word the narrow cell broke ("Deadlin" / "e").
_SHORT_WORDS = {
    "a",
    "an",
    "as",
    "at",
    "be",
    "by",
    "do",
    "go",
    "he",
    "if",
    "in",
    "is",
    "it",
    "me",
    "my",
    "no",
    "of",
    "on",
    "or",
    "so",
    "to",
    "up",
    "us",
    "we",
    "and",
    "are",
    "but",
    "can",
    "did",
    "for",
    "had",
    "has",
    "her",
    "him",
    "his",
    "its",
    "may",
    "nor",
    "not",
    "now",
    "off",
    "one",
    "our",
    "out",
    "own",
    "per",
    "she",
    "the",
    "too",
    "two",
    "via",
    "was",
    "who",
    "why",
    "yet",
    "you",
    "all",
    "any",
    "few",
    "new",
    "due",
    "end",
    "etc",
    "set",
    "use",
    "way",
    "day",
    "met",
    "see",
    "add",
}


def _word_tail(row: list[Word], before: str) -> bool:
    return (
        len(row) == 1
        and re.fullmatch(r"[a-z]{1,3}", row[0].text) is not None
        and row[0].text not in _SHORT_WORDS
        and before[-1:].isalpha()
    )


def ruled_tables(
    found, words: list[Word], page: int, body: float, *, settings: ReaderSettings = DEFAULT
) -> tuple[list[TableDraft], list[Word]]:
    """Turn pdfplumber tables into drafts; return the words left outside every kept table."""
    drafts: list[TableDraft] = []
    taken: set[int] = set()
    tol = settings.table_bbox_tolerance_pt
    for t in found:
        if _diagram(t, settings):
            continue
        t = regrid(t, settings=settings)
        grid = t.rows  # pdfplumber sorts the cells into rows afresh on every call: once here
        n_cols = max((len(r.cells) for r in grid), default=0)
        if n_cols < 2 and not _ruled_column(t, found, settings):
            continue  # a ruled box round a paragraph (an "Action:" box), or shaded lines: not a table
        x0, top, x1, bottom = t.bbox
        inside = [w for w in words if x0 - tol <= w.mid_x <= x1 + tol and top - tol <= w.mid_y <= bottom + tol]
        if not inside:
            continue
        owner = _assign(inside, grid, settings)
        rows: list[list[tuple[str, Box | None, bool]]] = []
        heights: list[float] = []
        for r_i, r in enumerate(grid):
            cells = []
            for c_i, bbox in enumerate(list(r.cells) + [None] * (n_cols - len(r.cells))):
                if bbox is None:
                    cells.append(("", None, False))
                    continue
                cw = owner.get((r_i, c_i), [])
                text = cell_text(cw, bbox[2] - settings.cell_padding_pt, settings=settings) if cw else ""
                cells.append(
                    (text, Box(x0=bbox[0], top=bbox[1], x1=bbox[2], bottom=bbox[3]), bool(cw) and bold_share(cw) >= 0.9)
                )
            rows.append(cells)
            heights.append(r.bbox[3] - r.bbox[1])
        rows = _drop_empty(rows, heights, body, settings)
        if not rows or sum(1 for row in rows for c in row if c[0]) < 2:
            continue
        edges = sorted({round(b[0]) for row in grid for b in row.cells if b})
        n_header = None
        head = _header_line_above(t, grid, [w for w in words if id(w) not in taken], n_cols, settings)
        if head is not None:
            cells, line = head
            rows.insert(0, cells)
            n_header = 1
            top = min(top, min(w.top for w in line))
            inside = inside + line
        drafts.append(
            TableDraft(
                cells=rows, box=Box(x0=x0, top=top, x1=x1, bottom=bottom), page=page, col_edges=edges, n_header=n_header
            )
        )
        taken.update(id(w) for w in inside)
    return drafts, [w for w in words if id(w) not in taken]


def _header_line_above(table, grid, words: list[Word], n_cols: int, settings: ReaderSettings):
    """An unruled line of column labels set right on a ruled table's top rule ("ITEM ... BY
    WHOM ... BY WHEN" over a Word action log): its cells and words, or None.

    The line is the row of words whose bottom lies within ``header_above_gap_em`` of the
    top rule, wholly inside the table's left and right edges (nothing else on the line),
    its words falling into two or more of the table's columns, each column's part short.
    """
    x0, top, x1, _ = table.bbox
    spans = next(([(c[0], c[2]) for c in r.cells] for r in grid if len(r.cells) == n_cols and all(r.cells)), None)
    if spans is None:
        return None
    near = [
        w
        for w in words
        if w.bottom <= top + settings.table_bbox_tolerance_pt
        and top - w.bottom <= settings.header_above_gap_em * w.size
    ]
    if not near:
        return None
    line = group_rows(near, settings=settings)[-1]
    same_line = [w for w in words if w.mid_y >= min(v.top for v in line) and w.mid_y <= max(v.bottom for v in line)]
    tol = settings.table_bbox_tolerance_pt
    if len(same_line) != len(line) or any(w.x0 < x0 - tol or w.x1 > x1 + tol for w in line):
        return None
    parts: list[list[Word]] = [[] for _ in spans]
    for w in line:
        hits = [j for j, (a, b) in enumerate(spans) if a - tol <= w.x0 and w.x1 <= b + tol]
        if len(hits) != 1:
            return None  # a word across a column rule: not labels of these columns
        parts[hits[0]].append(w)
    texts = [" ".join(w.text for w in part) for part in parts]
    if sum(1 for t in texts if t) < 2 or any(len(t) > settings.header_above_max_chars_count for t in texts):
        return None
    cells = [
        (
            text,
            Box(x0=a, top=min(w.top for w in part), x1=b, bottom=top) if part else None,
            bool(part) and bold_share(part) >= 0.9,
        )
        for text, part, (a, b) in zip(texts, parts, spans)
    ]
    return cells, line


def find_tables(page, *, settings: ReaderSettings = DEFAULT) -> list:
    """pdfplumber's ruled tables of the page, each re-found inside its own rules where the
    page's other lines pulled it short.

    pdfplumber snaps together rules a few points apart anywhere on the page: the short edges
    of a logo just under a table drag its bottom rule away, and the right rules of a wider
    table above drag its right rule, so the table comes out without its last row or column.
    Each table's own rules (verticals that start inside it, horizontals that start at its
    left edge) show how far it really runs; where they reach past what was found, the table
    is found again on the page cropped to them, away from its neighbours.

    The page's edges are derived once, for the finder and for the reach of each table's rules.
    """
    edges = page_edges(page)
    found = find_ruled(page, edges=edges)
    if not found:
        return found
    page_v, page_h = edges  # (x0, top, x1, bottom, ...) tuples
    # Sorted once a page: the vertical edges by top, the horizontal by x0.
    by_top, by_left = sorted(page_v, key=lambda e: e[1]), sorted(page_h, key=lambda e: e[0])
    sorted_edges = (by_top, [e[1] for e in by_top], by_left, [e[0] for e in by_left])
    out = []
    for t in found:
        out.append(_refind(page, t, sorted_edges, found, settings) or t)
    return out


def _reach(edges, starts, first: float, reach: float, band: tuple, tol: float, *, along: tuple, across: int) -> float:
    """How far rules in one direction run on from ``reach``: rules drawn in segments (one per
    cell) reach on from where the last one ended. ``edges`` are in order of where they start
    (``starts``); they are read from the first starting at ``first``, those lying in ``band``
    across the direction counted, and an edge starting past the reach ends it, as every edge
    after it starts later still."""
    start, end = along
    for k in range(bisect_left(starts, first), len(edges)):
        e = edges[k]
        if e[start] > reach + tol:
            break
        if band[0] <= e[across] <= band[1]:
            reach = max(reach, e[end])
    return reach


def _refind(page, table, sorted_edges, found, settings: ReaderSettings):
    x0, top, x1, bottom = table.bbox
    tol = settings.table_bbox_tolerance_pt
    by_top, tops, by_left, lefts = sorted_edges
    # Vertical rules (x0, top, x1, bottom) by top: how far down; horizontal ones by x0: how far right.
    reach_bottom = _reach(by_top, tops, top - tol, bottom, (x0 - tol, x1 + tol), tol, along=(1, 3), across=0)
    reach_right = _reach(by_left, lefts, x0 - tol, x1, (top - tol, bottom + tol), tol, along=(0, 2), across=1)
    grow = settings.refind_min_growth_pt
    if reach_bottom - bottom < grow and reach_right - x1 < grow:
        return None
    # Another table found in the space the rules reach into (or round this one: a table drawn
    # inside another's cell): the rules are that table's.
    for other in found:
        o0, otop, o1, obottom = other.bbox
        if other is not table and o0 < reach_right and o1 > x0 and otop < reach_bottom and obottom > top:
            return None
    pad = settings.refind_crop_pad_pt
    px0, ptop, px1, pbottom = page.bbox
    crop = (max(px0, x0 - pad), max(ptop, top - pad), min(px1, reach_right + pad), min(pbottom, reach_bottom + pad))
    # First as drawn; then without short edges (a logo's strokes inside the table's own box:
    # its rules, just found to run the whole way, are long).
    for options in ({}, {"edge_min_length_prefilter": settings.refind_short_edge_pt}):
        try:
            again = find_ruled(page.crop(crop, strict=False), options)
        except Exception:  # noqa: BLE001 - a crop pdfplumber cannot read leaves the table as first found
            return None
        best = max(again, key=lambda t: (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1]), default=None)
        if best is None:
            continue
        b0, btop, b1, bbottom = best.bbox
        covers = b0 <= x0 + tol and btop <= top + tol and b1 >= x1 - tol and bbottom >= bottom - tol
        if covers and (bbottom - bottom >= grow or b1 - x1 >= grow):
            return best
    return None


def _diagram(table, settings: ReaderSettings) -> bool:
    """Coloured boxes of a diagram, not a table: the "grid" pdfplumber found is drawn by
    filled rectangles only, no rule among them, and no two of the boxes touch (a shaded
    table's cells meet; a diagram's boxes stand apart, with arrows or white between)."""
    page = getattr(table, "page", None)
    if page is None:
        return False
    x0, top, x1, bottom = table.bbox
    tol = settings.regrid_bbox_tolerance_pt

    def inside(o) -> bool:
        return o["x0"] >= x0 - tol and o["x1"] <= x1 + tol and o["top"] >= top - tol and o["bottom"] <= bottom + tol

    hairline = settings.hairline_pt
    if any(inside(ln) for ln in page.lines):
        return False
    rects = [r for r in page.rects if inside(r)]
    if any(min(r["width"], r["height"]) < hairline for r in rects):
        return False
    if len(rects) < 2 or len(rects) > 200:
        return False
    gap = settings.diagram_box_gap_pt
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            apart_x = b["x0"] - a["x1"] > gap or a["x0"] - b["x1"] > gap
            apart_y = b["top"] - a["bottom"] > gap or a["top"] - b["bottom"] > gap
            if not (apart_x or apart_y):
                return False  # these two touch or overlap: shading of one grid
    return True


def _ruled_column(table, found, settings: ReaderSettings) -> bool:
    """A grid of one column that is a table: two rows or more, each ruled off by a hairline
    across the grid (not the fills of shaded lines, which pdfplumber also reads as a grid),
    and not drawn inside another table's cell."""
    if len(table.rows) < 2:
        return False
    x0, top, x1, bottom = table.bbox
    tol = settings.table_bbox_tolerance_pt
    for other in found:
        if (
            other is not table
            and other.bbox[0] <= x0 + tol
            and other.bbox[1] <= top + tol
            and other.bbox[2] >= x1 - tol
            and other.bbox[3] >= bottom - tol
        ):
            return False
    page = getattr(table, "page", None)
    if page is None:
        return False
    hairline = settings.hairline_pt
    width = x1 - x0
    drawn = [o for o in list(page.rects) + list(page.lines) if o["height"] < hairline]
    rules = {round(o["top"]) for o in drawn if top - tol <= o["top"] <= bottom + tol and o["width"] >= 0.8 * width}
    return len(rules) >= len(table.rows) + 1


def regrid(table, *, settings: ReaderSettings = DEFAULT):
    """The table as its hairline rules alone draw it, where coloured cell fills split it.

    A RAG or "Met / Not met" grid paints each cell with several filled rectangles (the fill
    and its padding strips: the compliance grid on page 2 of open-data-qwms-q2-2013-14).
    pdfplumber takes every rectangle edge as a ruling, so a 12 x 18 grid comes out as 69
    rows of slivers. Re-finding the table from the thin rectangles and lines only gives the
    grid as drawn; it is kept only where it is one table over the same box with fewer rows,
    so a table whose rulings are all hairlines is unchanged.
    """
    page = getattr(table, "page", None)
    if page is None:
        return table
    x0, top, x1, bottom = table.bbox
    tol, hairline = settings.regrid_bbox_tolerance_pt, settings.hairline_pt

    def inside(o) -> bool:
        return o["x0"] >= x0 - tol and o["x1"] <= x1 + tol and o["top"] >= top - tol and o["bottom"] <= bottom + tol

    rects = [r for r in page.rects if inside(r)]
    thin = [r for r in rects if min(r["width"], r["height"]) < hairline and max(r["width"], r["height"]) >= hairline]
    fills = len(rects) - len(thin)
    lines = thin + [ln for ln in page.lines if inside(ln)]
    if fills < 1 or not lines:  # no fills to split the grid, or no rules to rebuild it from
        return table
    vertical = [o for o in lines if o["width"] < hairline]
    horizontal = [o for o in lines if o["height"] < hairline]
    if len(vertical) < 2 or len(horizontal) < 2:
        return table
    try:
        again = find_ruled(
            page,
            {
                "vertical_strategy": "explicit",
                "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vertical,
                "explicit_horizontal_lines": horizontal,
            },
        )
    except Exception:  # noqa: BLE001 - a grid pdfplumber cannot rebuild stays as first found
        return table
    if len(again) != 1:
        return table
    a0, atop, a1, abottom = again[0].bbox
    near = settings.regrid_same_box_pt
    same_box = (
        abs(a0 - x0) <= near and abs(a1 - x1) <= near and abs(atop - top) <= near and abs(abottom - bottom) <= near
    )
    if not same_box:
        return table
    rebuilt, first = again[0].rows, table.rows
    rows, cols = len(rebuilt), _n_cols(rebuilt)
    # Fewer rows (fills cut each row into slivers, down to a one-row grid of paragraph shading),
    # or fewer columns (a highlight cut a column in two), and never more of either.
    fewer = rows < len(first) or cols < _n_cols(first)
    if fewer and 1 <= rows <= len(first) and cols <= _n_cols(first):
        return again[0]
    return table


def _n_cols(rows) -> int:
    return max((len(r.cells) for r in rows), default=0)


def _assign(words: list[Word], rows, settings: ReaderSettings) -> dict[tuple[int, int], list[Word]]:
    """Each word goes to the smallest cell holding its centre (coloured fills in a grid
    make pdfplumber report cells that overlap their neighbours); of cells of one size, the
    first in reading order.

    Only the rows whose band (their cells' top to bottom, with the tolerance) holds the
    centre are tried: a cell holding it lies in such a row, so the answer is the one a
    search of every cell gives.
    """
    tol = settings.cell_centre_tolerance_pt
    bands = []
    for r_i, r in enumerate(rows):
        cells = [
            (r_i, c_i, b[0] - tol, b[2] + tol, b[1] - tol, b[3] + tol, (b[2] - b[0]) * (b[3] - b[1]))
            for c_i, b in enumerate(r.cells)
            if b
        ]
        if cells:
            bands.append((min(c[4] for c in cells), max(c[5] for c in cells), cells))
    owner: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        x, y = w.mid_x, w.mid_y
        best, best_area = None, None
        for low, high, cells in bands:
            if not low <= y <= high:
                continue
            for r_i, c_i, left, right, top, bottom, area in cells:
                if left <= x <= right and top <= y <= bottom and (best_area is None or area < best_area):
                    best, best_area = (r_i, c_i), area
        if best is not None:
            owner.setdefault(best, []).append(w)
    return owner


def _drop_empty(
    rows: list[list[tuple]], heights: list[float], body: float, settings: ReaderSettings
) -> list[list[tuple]]:
    """Drop the empty rows and columns that ruling artefacts make.

    An empty row is kept when it is a full-height ruled row (the attendance table of
    transparency-board-minutes-2011-03-02 has one, and its gold counts it); hairline rows
    (the action log's spacer rows) go. In a wide grid (10+ columns: the compliance grid of
    open-data-qwms-q2-2013-14) coloured fills split columns, so empty columns go too; a
    narrow table keeps its blank spacer column.
    """
    empty = [not any(c[0] for c in row) for row in rows]
    many = sum(empty) > settings.many_empty_rows_share * len(rows)
    full_height = settings.empty_row_min_height_em * body
    rows = [
        row
        for row, e, h in zip(rows, empty, heights)
        if not e or (h >= full_height and not many and not all(c[1] is None for c in row[:-1]))
    ]
    if rows and len(rows[0]) >= 10:
        keep = [i for i in range(len(rows[0])) if any(row[i][0] for row in rows)]
        rows = [[row[i] for i in keep] for row in rows]
    return rows


_YEAR_LABEL = re.compile(r"(?:19|20)\d\d(?:\s*[/-]\s*(?:\d\d){1,2})?")


def header_count(draft: TableDraft) -> int:
    """How many first rows are a header: the layout's word, the text reader's rule, then the PDF's bold."""
    if draft.n_header is not None:
        return draft.n_header
    texts = [[c[0] for c in row] for row in draft.cells]
    n = header_rows_by_content(texts)
    if n:
        return n
    first = draft.cells[0]
    filled = [c for c in first if c[0]]
    if not filled or not all(c[2] for c in filled):
        return 0
    if _key_value_box(texts[1:]):
        return 0  # a title over "DATE OF ADOPTION: November 2019" rows: a box of fields, no columns to head
    labels = [" ".join(c[0].split()) for c in filled]
    if len(draft.cells) == 1:
        return 1  # a one-row bold strip ("Is this a Major Policy Item? | NO | ...")
    if all(c[2] for row in draft.cells for c in row if c[0]):
        return 0  # the whole table is bold: bold says nothing
    colons = [t.endswith(":") for t in labels]
    if any(colons) and not (len(labels) >= 2 and all(colons)):
        return 0  # "Report of: | Rob Hill": a key and its value
    # A year or financial year over a column ("Month | 2017/18 | 2018/19 | % change", bold in a
    # Word table) names the column: it counts as a label here, though the text reader, which has
    # no bold to go on, cannot take a row of years for a header. One real label must stand with them.
    years = [bool(_YEAR_LABEL.fullmatch(t)) for t in labels]
    if (
        any(is_data_cell(t) and not y for t, y in zip(labels, years))
        or not all(y or _bold_label(t.rstrip(":")) for t, y in zip(labels, years))
        or all(years)
    ):
        return 0
    if any(re.search(r"\d", t) for t in labels) and len(draft.cells) < 3:
        return 0  # "AGENDA ITEM No. 5" over one row: too little evidence
    return 1


_KEY_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9 .,()/&'’-]{1,50}:\s*\S")


def _key_value_box(rows: list[list[str]]) -> bool:
    """Rows that each hold one "KEY: value" cell (and nothing else) make a box of fields."""
    cells = [[t for t in row if t.strip()] for row in rows]
    return bool(cells) and all(len(c) == 1 and _KEY_VALUE.match(c[0].strip()) for c in cells)


def _bold_label(text: str) -> bool:
    """A column label set in bold: a label (``is_label_like``), or a longer phrase up to
    100 characters that is not a sentence ("Increase connection with people identifying as
    ... who are isolated" over a column of targets)."""
    return is_label_like(text) or (
        len(text) <= 100 and not text.endswith((".", "!", "?", ";")) and bool(re.search(r"[A-Za-z]", text))
    )


def to_block(draft: TableDraft, n_header: int) -> Block:
    rows = [
        Row(cells=[Cell(text=t, box=b, bold=bold) for t, b, bold in row], header=k < n_header, page=draft.page)
        for k, row in enumerate(draft.cells)
    ]
    n_cols = max(len(r.cells) for r in rows)
    table = lift_caption(Table(rows=rows, n_cols=n_cols, pages=[draft.page], ruled=draft.ruled))
    text = "\n".join(" | ".join(c.text for c in row.cells) for row in rows)
    return Block(kind="table", text=text, page=draft.page, source=text, box=draft.box, table=table)


def same_columns(a: Block, b: Block, *, strict: bool, settings: ReaderSettings = DEFAULT) -> bool:
    """Same column count and outer edges; ``strict`` also wants the inner column edges."""
    ta, tb = a.table, b.table
    if ta is None or tb is None or ta.n_cols != tb.n_cols or a.box is None or b.box is None:
        return False
    near = settings.table_edge_tolerance_pt
    if abs(a.box.x0 - b.box.x0) > near or abs(a.box.x1 - b.box.x1) > near:
        return False
    if not strict:
        return True
    ea = [c.box.x0 for c in ta.rows[-1].cells if c.box]
    eb = [c.box.x0 for c in tb.rows[0].cells if c.box]
    return len(ea) == len(eb) and all(abs(x - y) <= near for x, y in zip(ea, eb))


def fit_columns(prev: Block, block: Block, *, settings: ReaderSettings = DEFAULT) -> Block | None:
    """The fragment ``block`` set in the columns of the table above it, or None.

    A fragment of a grid on the next page may come out with fewer columns (grey fills the
    reader dropped, a column empty on that page) or more (empty slivers at its edges). Each
    filled cell goes to the column of ``prev`` its left edge lies in; the fragment fits when
    every filled cell finds a column of its own inside the table's outer edges.
    """
    a, b = prev.table, block.table
    if a is None or b is None or prev.box is None or block.box is None:
        return None
    near = settings.table_edge_tolerance_pt
    edges = _column_spans(a)
    if edges is None or len(edges) != a.n_cols:
        return None
    rows = []
    for row in b.rows:
        boxes = [c.box for c in row.cells if c.box is not None]
        if not boxes:
            return None
        top, bottom = min(bx.top for bx in boxes), max(bx.bottom for bx in boxes)
        cells = [Cell(text="", box=Box(x0=x0, top=top, x1=x1, bottom=bottom)) for x0, x1 in edges]
        for cell in row.cells:
            if not cell.text.strip():
                continue
            if cell.box is None:
                return None
            # A cell spanning columns starts in the first of them.
            hits = [j for j, (x0, x1) in enumerate(edges) if x0 - near <= cell.box.x0 < x1 - near]
            if len(hits) != 1 or cells[hits[0]].text:
                return None
            cells[hits[0]] = cell
        rows.append(row.model_copy(update={"cells": cells}))
    if not rows:
        return None
    table = b.model_copy(update={"rows": rows, "n_cols": a.n_cols})
    return block.model_copy(
        update={"table": table, "box": block.box.model_copy(update={"x0": prev.box.x0, "x1": prev.box.x1})}
    )


def _column_spans(table: Table) -> list[tuple[float, float]] | None:
    """The x range of each column: from the row whose cells all have boxes."""
    for row in reversed(table.rows):
        if len(row.cells) == table.n_cols and all(c.box is not None for c in row.cells):
            return [(c.box.x0, c.box.x1) for c in row.cells if c.box is not None]
    return None


def drop_repeated_strips(blocks: list[Block], n_pages: int) -> list[Block]:
    """A one-row table repeated as written on most pages (a totals or key strip a report
    prints under its table on every page) is page furniture: only its last copy stays, so
    the fragments of the table it sat between join."""
    keys = []
    for b in blocks:
        t = b.table
        keys.append(
            " ".join(b.text.lower().split()) if b.kind == "table" and t is not None and len(t.rows) == 1 else None
        )
    pages: dict[str, set[int]] = {}
    for b, key in zip(blocks, keys):
        if key:
            pages.setdefault(key, set()).add(b.page)
    need = max(2, (n_pages + 1) // 2)
    repeated = {k for k, on in pages.items() if len(on) >= need}
    if not repeated:
        return blocks
    last = {k: max(i for i, key in enumerate(keys) if key == k) for k in repeated}
    return [b for i, (b, key) in enumerate(zip(blocks, keys)) if key not in repeated or last[key] == i]


def join_header_strips(blocks: list[Block], *, settings: ReaderSettings = DEFAULT) -> list[Block]:
    """A one-row ruled strip of labels set over a ruled table's columns, apart from it, with
    at most one short unruled line between (Word's attendance register: the meeting dates in
    a strip, "GOVERNOR ATTENDANCE", then the names and codes): the strip is the table's
    header row and the line its caption.

    Each filled cell of the strip lies in one column of the table below; the table has no
    header row of its own that holds the strip's labels, and the strip is within
    ``header_strip_gap_em`` (of the body size) above it.
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        strip = blocks[i]
        between = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            between is not None
            and between.kind in ("heading", "paragraph")
            and len(between.text) <= 60
            and "\n" not in between.source
        ):
            table = blocks[i + 2] if i + 2 < len(blocks) else None
            label = between
        else:
            table, label = between, None
        joined = _strip_over(strip, table, settings) if table is not None else None
        if joined is None:
            out.append(strip)
            i += 1
            continue
        t = joined.table
        assert t is not None
        if label is not None:
            joined = joined.model_copy(update={"table": t.model_copy(update={"caption": label.text})})
        out.append(joined)
        i += 3 if label is not None else 2
    return out


def _strip_over(strip: Block, block: Block, settings: ReaderSettings) -> Block | None:
    s, t = strip.table, block.table
    if (
        strip.kind != "table"
        or block.kind != "table"
        or s is None
        or t is None
        or len(s.rows) != 1
        or strip.page != block.page
        or strip.box is None
        or block.box is None
        or not s.ruled
        or not t.ruled
    ):
        return None
    size = max((c.box.bottom - c.box.top for c in t.rows[0].cells if c.box), default=0.0)
    gap = block.box.top - strip.box.bottom
    if gap < -settings.table_bbox_tolerance_pt or gap > settings.header_strip_gap_em * max(size, 1.0):
        return None
    spans = _column_spans(t)
    filled = [c for c in s.rows[0].cells if c.text.strip()]
    if spans is None or len(filled) < 2 or not all(is_label_like(c.text) or is_data_cell(c.text) for c in filled):
        return None
    near = settings.table_edge_tolerance_pt
    cells = [Cell(text="", box=Box(x0=a, top=strip.box.top, x1=b, bottom=strip.box.bottom)) for a, b in spans]
    for c in filled:
        if c.box is None:
            return None
        hits = [j for j, (a, b) in enumerate(spans) if a - near <= c.box.x0 and c.box.x1 <= b + near]
        if len(hits) != 1 or cells[hits[0]].text:
            return None
        cells[hits[0]] = c
    if any(
        len(re.findall(r"[A-Za-z]", c.text)) >= 3 and not is_data_cell(c.text)
        for r in t.header_rows
        for c in r.cells[1:]
    ):
        return None  # the table heads its own columns (a bold first row of codes, "P | S | L", does not)
    head = Row(cells=cells, header=True, page=strip.page)
    rows = [head] + [r.model_copy(update={"header": False}) for r in t.rows]
    table = t.model_copy(update={"rows": rows})
    text = f"{strip.text}\n{block.text}"
    return block.model_copy(update={"table": table, "box": block.box.union(strip.box), "text": text, "source": text})


def split_banded_tables(blocks: list[Block]) -> list[Block]:
    """Each table cut at the title bands that open the tables stacked in it (``split_bands``)."""
    out: list[Block] = []
    for block in blocks:
        t = block.table
        if block.kind != "table" or t is None or block.box is None:
            out.append(block)
            continue
        parts = split_bands(t, width=block.box.x1 - block.box.x0)
        if len(parts) == 1 and parts[0] is t:
            out.append(block)
            continue
        for part in parts:
            first = part.rows[0].page
            boxes = [c.box for r in part.rows if r.page == first for c in r.cells if c.box is not None]
            box = block.box
            if boxes:
                box = Box(
                    x0=block.box.x0, top=min(b.top for b in boxes), x1=block.box.x1, bottom=max(b.bottom for b in boxes)
                )
            text = "\n".join(" | ".join(c.text for c in row.cells) for row in part.rows)
            if part.caption:
                text = f"{part.caption}\n{text}"
            out.append(
                block.model_copy(update={"table": part, "page": first, "box": box, "text": text, "source": text})
            )
    return out


def drop_trailing_empty_rows(blocks: list[Block]) -> list[Block]:
    """A table's empty last rows (a spare row left at the end of a Word table) hold nothing."""
    out = []
    for block in blocks:
        t = block.table
        if block.kind == "table" and t is not None and len(t.rows) > 1 and is_empty_row(t.rows[-1]):
            rows = list(t.rows)
            while len(rows) > 1 and is_empty_row(rows[-1]) and not rows[-1].header:
                rows.pop()
            block = block.model_copy(update={"table": t.model_copy(update={"rows": rows})})
        out.append(block)
    return out


def _set_header(table: Table, n: int) -> Table:
    rows = [r.model_copy(update={"header": k < n}) for k, r in enumerate(table.rows)]
    return table.model_copy(update={"rows": rows})


def repair_fragments(blocks: list[Block], *, settings: ReaderSettings = DEFAULT) -> list[Block]:
    """Prepare table fragments for ``merge_continued_tables``.

    - First on its page, last on the page before, same outer edges and column count: the
      fragment's first rows are a header only where they repeat that table's header (the
      LibreOffice renderings set the first row of every fragment in bold, "England
      average" included, and Word may shift inner column edges on the new page).
    - Same page, nothing between, same columns (a Word table split in two): the fragments
      are joined here, since ``merge_continued_tables`` only joins across pages.
    """
    out: list[Block] = []
    for block in blocks:
        k = len(out) - 1
        while k >= 0 and out[k].kind == "footnote":
            k -= 1
        prev = out[k] if k >= 0 else None
        if block.kind != "table" or prev is None or prev.kind != "table":
            out.append(block)
            continue
        a, b = prev.table, block.table
        assert a is not None and b is not None
        n_a = len(a.header_rows)
        repeats = (
            n_a > 0
            and len(b.rows) > n_a
            and [normalised_cells(r) for r in b.rows[:n_a]] == [normalised_cells(r) for r in a.header_rows]
        )
        first_on_page = block.page > prev.page and not any(x.page == block.page for x in out)
        if first_on_page and not same_columns(prev, block, strict=False, settings=settings):
            fitted = fit_columns(prev, block, settings=settings)
            if fitted is not None:
                block, b = fitted, fitted.table
                assert b is not None
        if first_on_page and same_columns(prev, block, strict=False, settings=settings):
            b = _set_header(b, n_a if repeats else 0)
            # A row the text layer holds on both sides of the break (a print that clips the
            # rows either side of it) is read once.
            if (
                b.rows
                and a.rows
                and not b.rows[0].header
                and not is_empty_row(b.rows[0])
                and normalised_cells(b.rows[0]) == normalised_cells(a.rows[-1])
            ):
                b = b.model_copy(update={"rows": b.rows[1:]})
            if b.rows:
                out.append(block.model_copy(update={"table": b}))
            continue
        if block.page != prev.page or not same_columns(prev, block, strict=True, settings=settings):
            out.append(block)
            continue
        rows_b = list(b.rows)
        if repeats:
            rows_b = rows_b[n_a:]
        elif b.header_rows and not continues_row(rows_b[0], a.rows[-1], a.n_cols):
            out.append(block)  # a new table with its own header
            continue
        rows_b = [r.model_copy(update={"header": False}) for r in rows_b]
        rows_a = list(a.rows)
        if rows_b and not rows_a[-1].header and continues_row(rows_b[0], rows_a[-1], a.n_cols):
            rows_a[-1] = append_row(rows_a[-1], rows_b[0])
            rows_b = rows_b[1:]
        table = a.model_copy(update={"rows": rows_a + rows_b})
        out[k] = prev.model_copy(
            update={
                "table": table,
                "source": f"{prev.source}\n{block.source}",
                "text": f"{prev.text}\n{block.text}",
                "box": prev.box.union(block.box) if prev.box else None,
            }
        )
    return out
