"""Caption rows: a table's title set as its own first row, spanning the table.

A Word or Excel table often opens with one merged cell naming it ("Most popular datasets
during Q2 2013/14") above the real column labels ("Dataset | July | August | September |
Total for Q2 2013/14": open-data-qwms-q2-2013-14, page 11). Read as a header, that row
hides the labels; read as a body row, the labels become data. Both readers call
:func:`lift_caption`, which moves such a row into :attr:`Table.caption`.
"""
from __future__ import annotations

import re

from boardpapers.schemas.document import Table

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
