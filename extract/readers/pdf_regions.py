"""Page regions the PDF reader must find from text positions alone: tables drawn without
ruling lines (text-aligned columns) and pages set in two text columns.

Both work on one page's rows (words sharing a baseline, running headers already out) and
use only the positions pdfplumber gave, so they add no pass over the PDF. Both are
conservative: a page of ordinary prose must come through untouched, so each rule wants
several lines of evidence before it changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from boardpapers.schemas.document import Box

from .pdf_layout import Word, bold_share
from .pdf_tables import TableDraft
from .settings import DEFAULT, ReaderSettings
from .tables import is_data_cell

# --- tables without rules ----------------------------------------------------------------


def _cells(row: list[Word], settings: ReaderSettings) -> list[list[Word]]:
    """Split a row where words are further apart than ``aligned_cell_gap_em`` times the font size."""
    out = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        if w.x0 - prev.x1 > settings.aligned_cell_gap_em * max(prev.size, w.size, settings.gap_font_floor_pt):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def aligned_tables(
    rows: list[list[Word]], page: int, *, settings: ReaderSettings = DEFAULT
) -> tuple[list[TableDraft], list[list[Word]]]:
    """Tables set as text in aligned columns; the rows left over.

    A run is 3+ consecutive rows, each split into 2+ cells by a wide gap, close together
    (the gap between rows no more than 1.6x the font size: a table's row pitch, not a new
    section). Its columns are the vertical white gaps that no word of the run crosses. The
    run is a table when it has 2+ columns, most rows fill 2+ of them, and it is not prose
    set in columns (see ``_is_prose_columns``).
    """
    tables: list[TableDraft] = []
    taken: set[int] = set()
    i = 0
    while i < len(rows):
        if len(_cells(rows[i], settings)) < 2:
            i += 1
            continue
        j = i + 1
        while (
            j < len(rows)
            and _close(rows[j - 1], rows[j], settings)
            and (len(_cells(rows[j], settings)) >= 2 or _wrapped(rows[j - 1], rows[j], settings))
        ):
            j += 1
        draft, used = _draft(rows[i:j], page, settings)
        if draft is not None:
            tables.append(draft)
            taken.update(range(i, i + used))
            j = i + used
        i = j
    return tables, [r for k, r in enumerate(rows) if k not in taken]


def _wrapped(above: list[Word], below: list[Word], settings: ReaderSettings) -> bool:
    """A one-cell line set tight under the row above (under half the font size between):
    a cell's text wrapped to a second line."""
    size = max(w.size for w in above + below)
    return min(w.top for w in below) - max(w.bottom for w in above) < settings.aligned_wrap_gap_em * size


def _close(above: list[Word], below: list[Word], settings: ReaderSettings) -> bool:
    size = max(w.size for w in above + below)
    return min(w.top for w in below) - max(w.bottom for w in above) <= settings.aligned_row_gap_em * size


def _separators(rows: list[list[Word]], settings: ReaderSettings) -> list[tuple[float, float]]:
    """White gaps (x ranges) that no word of the rows crosses, at least 0.8x the font size wide."""
    spans = sorted((w.x0, w.x1) for row in rows for w in row)
    size = max(w.size for row in rows for w in row)
    out = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= settings.aligned_column_gap_em * size:
            out.append((reach, x0))
        reach = max(reach, x1)
    return out


def _draft(rows: list[list[Word]], page: int, settings: ReaderSettings) -> tuple[TableDraft | None, int]:
    """The table a run of rows makes, and how many of the rows it takes (0 for none).

    Columns come from the multi-cell rows; a wrapped line (one cell) joins the cell above
    it when it stays inside one column, and the run ends at the first line that does not
    (a paragraph set close under the table)."""
    multi = [r for r in rows if len(_cells(r, settings)) >= 2]
    if len(multi) < settings.aligned_min_rows:
        return None, 0
    seps = _separators(multi, settings)
    if not seps or len(seps) > 15:
        return None, 0
    bounds = [s[0] for s in seps]
    grid: list[list[list[Word]]] = []
    used = 0
    for row in rows:
        if any(w.x0 < b1 and w.x1 > b0 for w in row for b0, b1 in seps):
            break  # crosses a column gap: not part of this table
        cells: list[list[Word]] = [[] for _ in range(len(seps) + 1)]
        for w in row:
            cells[sum(1 for b in bounds if w.x0 >= b)].append(w)
        used += 1
        if grid and len(_cells(row, settings)) < 2 and sum(1 for c in cells if c) == 1:
            for k, c in enumerate(cells):
                grid[-1][k].extend(c)  # a wrapped cell line joins the row above
            continue
        grid.append(cells)
    if len(grid) < settings.aligned_min_rows:
        return None, 0
    filled = [sum(1 for c in cells if c) for cells in grid]
    # Most rows fill 2+ columns, and every column has text in 2+ rows: a column that one
    # row alone uses is a stray gap in a sentence, not a column.
    enough = max(settings.aligned_min_rows, settings.aligned_filled_rows_share * len(grid))
    if sum(1 for f in filled if f >= 2) < enough:
        return None, 0
    if any(sum(1 for cells in grid if cells[c]) < 2 for c in range(len(seps) + 1)):
        return None, 0
    texts = [[" ".join(w.text for w in c) for c in cells] for cells in grid]
    if _is_prose_columns(texts) or _is_owner_margin(texts):
        return None, 0
    cells_out = []
    for cells in grid:
        cells_out.append(
            [
                (
                    " ".join(w.text for w in c),
                    Box(
                        x0=min(w.x0 for w in c),
                        top=min(w.top for w in c),
                        x1=max(w.x1 for w in c),
                        bottom=max(w.bottom for w in c),
                    )
                    if c
                    else None,
                    bool(c) and bold_share(c) >= 0.9,
                )
                for c in cells
            ]
        )
    words = [w for row in rows[:used] for w in row]
    box = Box(
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
    )
    edges = [round(box.x0)] + [round(s[1]) for s in seps]
    return TableDraft(cells=cells_out, box=box, page=page, col_edges=edges, ruled=False), used


def _words_per_cell(texts: list[list[str]], col: int) -> float:
    counts = sorted(len(row[col].split()) for row in texts if row[col])
    return counts[len(counts) // 2] if counts else 0


def _is_prose_columns(texts: list[list[str]]) -> bool:
    """Text set in columns, not a table: every column holds sentences (5+ words a line, the
    two-column plan pages), or only two columns and the second is not values (a two-column
    table must be "label | number" to count: two columns of words are a page layout, a
    key-and-value list or an attendance list, which read better as lines)."""
    n = len(texts[0])
    if all(_words_per_cell(texts, c) >= 5 for c in range(n)):
        return True
    if n == 2:
        second = [row[1] for row in texts[1:] if row[1]]
        return not second or sum(is_data_cell(t) for t in second) < 0.75 * len(second)
    return False


def _is_owner_margin(texts: list[list[str]]) -> bool:
    """Minutes, not a table: paragraphs with owners' initials beside them (the last column
    all initials or "All": they stay margin notes), numbered paragraphs set with a hanging
    indent (the first column all paragraph numbers, then one column of sentences), or a
    numbered list flowed into columns."""
    from .blocks import is_initials, split_marker

    # A numbered list set in two or more columns ("1. | School A | 7. | School G"): every
    # other column holds list numbers only.
    marker_cols = [
        c
        for c in range(len(texts[0]))
        if (col := [row[c] for row in texts if row[c]]) and all(split_marker(t + " X")[0] == t for t in col)
    ]
    if marker_cols and marker_cols == list(range(0, len(texts[0]), 2)) and len(texts[0]) % 2 == 0:
        return True
    last = [row[-1] for row in texts if row[-1]]
    if last and all(is_initials(t) or t.lower() == "all" for t in last):
        return True
    numbers = [row[0] for row in texts if row[0]]
    # "4.1", "3.", "(b)": paragraph numbers; a bare "7" is as likely a table's Ref column.
    hanging = all(split_marker(t + " X")[0] == t and not t.isdigit() for t in numbers)
    prose = [c for c in range(1, len(texts[0])) if _words_per_cell(texts, c) >= 5]
    return bool(numbers) and hanging and len(prose) == 1


# --- two text columns --------------------------------------------------------------------


@dataclass
class Region:
    """Consecutive rows of a page read as one flow: ``column`` 0 for full-width text or the
    left column, 1 for the right column of a two-column stretch."""

    rows: list[list[Word]]
    column: int = 0
    split: bool = False  # part of a two-column stretch


def split_columns(rows: list[list[Word]], width: float, *, settings: ReaderSettings = DEFAULT) -> list[Region]:
    """Rows in reading order: a two-column stretch gives its left column, then its right.

    The gutter is the x range in the middle of the page (30-70% of its width) that the
    fewest rows cover with a word. It counts when, over 3+ rows, both sides hold a line
    of prose (3+ words filling 60%+ of the column's width) and each column is at least a
    quarter of the page wide: a key-and-value list or an Action column of initials has a
    gap there too, but no prose on one side of it.
    """
    if len(rows) < settings.two_column_min_page_rows:
        return [Region(rows)]
    gutter = _gutter(rows, width, settings=settings)
    if gutter is None:
        return [Region(rows)]
    a, b = gutter
    tol = settings.gutter_edge_tolerance_pt
    crosses = [any(w.x0 < b - tol and w.x1 > a + tol for w in row) for row in rows]
    out: list[Region] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and crosses[j] == crosses[i]:
            j += 1
        run = rows[i:j]
        if crosses[i] or not _two_columns(run, a, b, width, settings):
            if out and not out[-1].split:
                out[-1].rows.extend(run)
            else:
                out.append(Region(list(run)))
        else:
            left = [[w for w in r if w.x1 <= a + tol] for r in run]
            right = [[w for w in r if w.x0 >= b - tol] for r in run]
            out.append(Region([r for r in left if r], 0, True))
            out.append(Region([r for r in right if r], 1, True))
        i = j
    return out


def _gutter(rows: list[list[Word]], width: float, *, settings: ReaderSettings = DEFAULT) -> tuple[float, float] | None:
    n = int(width) + 2
    # cover[x]: how many rows have a word over the point x. Each row's words are merged into
    # the spans they cover, and the spans of all rows counted in one pass over the page width.
    diff = [0] * (n + 1)
    for row in rows:
        # words can stand off the page edge
        spans = sorted((min(n, max(0, int(w.x0))), min(n, max(0, int(w.x1) + 1))) for w in row)
        start = end = -1
        for s, e in spans:
            if s >= e:
                continue
            if s <= end:
                end = max(end, e)
                continue
            if end > start:
                diff[start] += 1
                diff[end] -= 1
            start, end = s, e
        if end > start:
            diff[start] += 1
            diff[end] -= 1
    cover = [0] * n
    run = 0
    for x in range(n):
        run += diff[x]
        cover[x] = run
    lo = int(settings.gutter_search_start_of_page_width * width)
    hi = int(settings.gutter_search_end_of_page_width * width)
    best = min(cover[lo : hi + 1], default=None)
    if best is None or best > settings.gutter_max_crossing_share * len(rows):
        return None
    # The widest stretch at the minimum, grown past the middle band while it stays there.
    spans: list[tuple[int, int]] = []
    x = lo
    while x <= hi:
        if cover[x] == best:
            s = x
            while s > 0 and cover[s - 1] <= best:
                s -= 1
            e = x
            while e < n - 1 and cover[e + 1] <= best:
                e += 1
            spans.append((s, e))
            x = e + 1
        else:
            x += 1
    s, e = max(spans, key=lambda p: p[1] - p[0])
    if e - s < settings.gutter_min_width_pt:  # a chance alignment of word spaces
        return None
    return float(s), float(e)


def _two_columns(run: list[list[Word]], a: float, b: float, width: float, settings: ReaderSettings) -> bool:
    tol = settings.gutter_edge_tolerance_pt
    words = [w for r in run for w in r]
    left_x0 = min((w.x0 for w in words if w.x1 <= a + tol), default=a)
    right_x1 = max((w.x1 for w in words if w.x0 >= b - tol), default=b)
    narrowest = settings.column_min_of_page_width * width
    if a - left_x0 < narrowest or right_x1 - b < narrowest:
        return False
    both = 0
    for r in run:
        left = [w for w in r if w.x1 <= a + tol]
        right = [w for w in r if w.x0 >= b - tol]
        if (
            len(left) >= 3
            and len(right) >= 3
            and left[-1].x1 - left[0].x0 >= settings.column_prose_fill_ratio * (a - left_x0)
            and right[-1].x1 - right[0].x0 >= settings.column_prose_fill_ratio * (right_x1 - b)
        ):
            both += 1
    return both >= settings.two_column_min_rows
