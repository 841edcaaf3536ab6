"""Caption rows: a table's title set as its own first row, spanning the table.

A Word or Excel table often opens with one merged cell naming it ("Most popular datasets
during Q2 2013/14") above the real column labels ("Dataset | July | August | September |
Total for Q2 2013/14": open-data-qwms-q2-2013-14, page 11). Read as a header, that row
hides the labels; read as a body row, the labels become data. Both readers call
:func:`lift_caption`, which moves such a row into :attr:`Table.caption`.
"""

from __future__ import annotations

import re

from boardpapers.schemas.document import Row, Table

from .tables import is_data_cell

_NUMBER = re.compile(r"^[£$+\-–−]?\s*\d[\d,.\s]*(?:%|k|m)?$", re.I)


def _filled(texts: list[str]) -> list[tuple[int, str]]:
    return [(i, " ".join(t.split())) for i, t in enumerate(texts) if t.strip()]


def lift_caption(table: Table) -> Table:
    """The table with a caption row lifted out, or the table unchanged.

    A caption row: the first row, with text in its first cell only, in a table of three or
    more columns; the row under it is a label row (two or more cells, none a bare number);
    and some row below holds a number, so the labels head data. The last condition keeps a
    plan's sub-heading row ("Priority 1" over rows of text) where it is; the first-cell
    condition keeps a spanning group label ("| Baseline period | |" over "(%) | (n)").
    """
    rows = table.rows
    if table.caption or table.n_cols < 3 or len(rows) < 3:
        return table
    first = _filled(rows[0].texts)
    if len(first) != 1 or first[0][0] != 0 or len(first[0][1]) > 150:
        return table
    labels = _filled(rows[1].texts)
    if len(labels) < 2 or any(_NUMBER.match(t) for _, t in labels) or any(len(t) > 80 for _, t in labels):
        return table
    if not any(_NUMBER.match(t) for row in rows[2:] for _, t in _filled(row.texts)):
        return table
    n_header = max(1, len(table.header_rows) - 1)  # the rows that were header, less the caption
    body = [r.model_copy(update={"header": k < n_header}) for k, r in enumerate(rows[1:])]
    return table.model_copy(update={"rows": body, "caption": first[0][1]})


# --- title bands over label rows -------------------------------------------------------------

_MAX_BAND_ROWS = 2  # a band may carry a key/value cell under its title ("Percentage ...: | 31%")


def _spans_most(row: Row, width: float | None) -> bool:
    """The row's first cell holds text and spans half the table or more (its box, or, with
    no boxes, the cells after it empty)."""
    first = row.cells[0] if row.cells else None
    if first is None or not first.text.strip():
        return False
    if first.box is not None and width:
        return (first.box.x1 - first.box.x0) >= 0.5 * width
    return all(not c.text.strip() for c in row.cells[1 : max(2, len(row.cells) // 2 + 1)])


def _label_row(row: Row, n_cols: int) -> bool:
    """A row of column labels: three or more short cells (or all but one of a narrower
    table's), none of them a bare number."""
    filled = _filled(row.texts)
    need = min(3, max(2, n_cols - 1))
    return len(filled) >= need and not any(_NUMBER.match(t) for _, t in filled) and all(len(t) <= 80 for _, t in filled)


def _band_at(rows: list[Row], i: int, n_cols: int, width: float | None) -> int:
    """How many band rows start at ``i`` with a label row right under them (0 for none)."""
    if not _spans_most(rows[i], width) or len(_filled(rows[i].texts)) > 2:
        return 0
    k = 1
    while k <= _MAX_BAND_ROWS and i + k < len(rows):
        if _label_row(rows[i + k], n_cols):
            return k
        if len(_filled(rows[i + k].texts)) > 2 or rows[i + k].cells[0].text.strip():
            return 0
        k += 1
    return 0


def split_bands(table: Table, width: float | None = None) -> list[Table]:
    """A grid cut into the tables its title bands open, each band lifted as the caption.

    A band is a full-width cell of text (with at most a key/value cell beside or under it:
    "Key indicator 1: ... | Percentage of total allocation: 31%") directly over a row of
    column labels. School and DfE templates stack several such tables in one ruled grid
    ("AIM 1: ..." then its labels and rows, "AIM 2: ..." then the same labels again), so a
    band counts when its label row recurs under another band of the same grid, or, for a
    grid's only band at its top, when the rows below hold values (numbers, dates: a table
    the labels head, not a plan's sub-heading over rows of text). Rows above the first band
    (a fund box sharing the grid's top rule) are a table of their own.
    """
    rows = table.rows
    if table.n_cols < 2 or len(rows) < 3:
        return [table]
    bands = [(i, _band_at(rows, i, table.n_cols, width)) for i in range(len(rows) - 1)]
    bands = [(i, k) for i, k in bands if k]
    if not bands:
        return [table]
    labels = [re.sub(r"[^a-z0-9]+", " ", " ".join(rows[i + k].texts).lower()).strip() for i, k in bands]
    recurring = [labels.count(lab) >= 2 for lab in labels]
    keep = [(i, k) for (i, k), rec in zip(bands, recurring) if rec]
    if not keep and len(bands) == 1 and bands[0][0] == 0:
        i, k = bands[0]
        if any(_NUMBER.match(t) or is_data_cell(t) for row in rows[k + 1 :] for _, t in _filled(row.texts)):
            keep = bands
    if not keep:
        return [table]
    out: list[Table] = []
    if keep[0][0] > 0:
        out.append(_part(table, rows[: keep[0][0]], caption=table.caption, header=None))
    for n, (i, k) in enumerate(keep):
        end = keep[n + 1][0] if n + 1 < len(keep) else len(rows)
        caption = " ".join(t for row in rows[i : i + k] for _, t in _filled(row.texts))
        out.append(_part(table, rows[i + k : end], caption=caption, header=1))
    return [t for t in out if t.rows]


def _part(table: Table, rows: list[Row], *, caption: str | None, header: int | None) -> Table:
    if header is not None:
        rows = [r.model_copy(update={"header": k < header}) for k, r in enumerate(rows)]
    pages = sorted({r.page for r in rows})
    return table.model_copy(update={"rows": rows, "caption": caption, "pages": pages})
