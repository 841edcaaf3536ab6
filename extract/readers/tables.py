"""Table rules shared by both readers: which first rows are a header, what a cell holds,
and one table from the fragments a page break made.

The text reader and the PDF reader both call these, so a table read from a paper's PDF and
from its text rendering comes out with the same header and the same rows.
"""

from __future__ import annotations

import re

from boardpapers.schemas.document import Block, Cell, Row, Table

from ..language.columns import COLUMN_WORDS
from ..language.dates import MONTH_RE
from .blocks import TERMINAL, clean_inline


def header_rows_by_content(rows: list[list[str]]) -> int:
    """How many of the first rows are a header: tab tables have no separator to say so."""
    if not rows:
        return 0
    texts = [clean_inline(c) for c in rows[0]]
    filled = [t for t in texts if t]
    if len(rows) == 1 or not filled:
        return 0
    if not texts[0] and len(filled) >= 1:
        # Column labels over a column of row labels ("\tApr-16\tMay-16", "\tBaseline period").
        n = 1
        while (
            n < len(rows)
            and not clean_inline(rows[n][0])
            and not any(is_data_cell(clean_inline(c)) for c in rows[n] if c.strip())
        ):
            n += 1
        return n
    if any(t.endswith(":") for t in filled):
        return 0  # a key / value block ("Report of:\tRob Hill")
    if not all(is_label_like(t) for t in filled):
        return 0
    if not any(re.search(r"\d", t) for t in filled):
        return 1
    # Labels with digits ("Target 2019/20", "Current 12 months"). Words that name columns in
    # council tables make a header on their own, when most cells carry one; otherwise a
    # column of data must sit below a label, and two or more body rows are needed for that.
    if sum(bool(COLUMN_WORDS.search(t)) for t in filled) * 2 > len(filled):
        return 1
    body = [[clean_inline(c) for c in row] for row in rows[1:]]
    if len(body) < 2:
        return 0
    for col, label in enumerate(texts):
        values = [row[col] for row in body if col < len(row) and row[col]]
        if label and not is_data_cell(label) and values and sum(map(is_data_cell, values)) >= 0.8 * len(values):
            return 1
    return 0


def is_data_cell(text: str) -> bool:
    """A number, percentage, amount, arrow or date: a value, not a label."""
    t = text.strip().lower()
    return bool(
        re.fullmatch(r"[£$+\-–]?\s*\d[\d,.\s]*(?:%|k|m|bn)?|[▲▼↑↓→←↔–-]|n/?a", t)
        or re.fullmatch(
            rf"(?:\d{{1,2}}\s+)?{MONTH_RE}(?:\s+\d{{4}})?|\d{{1,2}}\s+{MONTH_RE}.*|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}", t
        )
    )


def is_label_like(text: str) -> bool:
    """A column label: short text with letters in it, not a sentence."""
    return len(text) <= 60 and bool(re.search(r"[A-Za-z]", text)) and not text.endswith(":")


def normalised_cells(row: Row) -> list[str]:
    return [" ".join(c.text.lower().split()) for c in row.cells]


def is_empty_row(row: Row) -> bool:
    return not any(c.text.strip() for c in row.cells)


def continues_row(first: Row, previous: Row, n_cols: int) -> bool:
    """Is the first row after a page break the rest of the row the break cut?

    Yes when its first cell is empty under a filled one and another cell sits under text
    (the cut row's code or label is above the break, its text runs on), or when one cell
    finishes a sentence, or when every filled cell runs on from the cell above (starts in
    lower case, or sits under text without closing punctuation) and the cut shows: half of
    them start in lower case, or a cell above stops on "and", "of", "the" ... (a plan's row
    cut mid-sentence in every column), or when it opens with a bullet under a numbered
    section. Values alone never run on: "45%" under "40%" is a new row.
    """
    texts = [c.text.strip() for c in first.cells]
    if not texts or is_empty_row(first):
        return False
    above = [c.text.strip() for c in previous.cells] + [""] * max(0, len(texts) - len(previous.cells))
    filled = [i for i, t in enumerate(texts) if t]
    if not texts[0] and above[0] and any(above[i] for i in filled):
        return True
    if texts[0] and texts[0][:1] in _BULLET_MARKS and _NUMBERED.match(above[0]):
        return True  # a bullet point cannot open a numbered section ("3. Lesson planning ..." / "• Will ...")
    if n_cols >= 3 and len(filled) == 1:
        i = filled[0]
        before = above[i]
        return bool(before) and not before.endswith(TERMINAL) and texts[i][:1].isalpha()
    if not all(above[i] for i in filled):
        return False
    words = [i for i in filled if not is_data_cell(texts[i])]
    lower = [_runs_on(texts[i]) for i in words]
    if not words or not all(low or not above[i].endswith(TERMINAL) for i, low in zip(words, lower)):
        return False
    # The evidence the row was cut: a cell above stops on a word no sentence ends with
    # ("... newsletters and"), or, with no values in the row, half its cells carry on in lower case.
    if any(_CUT_WORD.search(above[i]) for i in words):
        return True
    return len(words) == len(filled) and 2 * sum(lower) >= len(filled)


_CUT_WORD = re.compile(r"\b(?:and|or|of|the|to|with|for|a|an|in|on|at|by|from|including|such as|e\.g\.)$", re.I)


_BULLET_MARKS = set("•●▪◦·‣■□➢✓")
_NUMBERED = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]\s")


def _runs_on(text: str) -> bool:
    """Text that carries on a sentence: it starts with a lower-case word, not a list marker ("a.", "ii)")."""
    return text[:1].islower() and not re.match(r"[a-z]{1,4}[.)](?:\s|$)", text)


def append_row(previous: Row, extra: Row) -> Row:
    cells = []
    for i in range(max(len(previous.cells), len(extra.cells))):
        a = previous.cells[i] if i < len(previous.cells) else Cell(text="")
        b = extra.cells[i] if i < len(extra.cells) else Cell(text="")
        text = f"{a.text} {b.text}".strip() if b.text.strip() else a.text
        # A box cannot span two pages: the cell keeps the box of its first part.
        cells.append(Cell(text=text, box=a.box, bold=a.bold and (b.bold or not b.text.strip())))
    return previous.model_copy(update={"cells": cells})


def merge_continued_tables(blocks: list[Block]) -> list[Block]:
    """One table from fragments a page break made: repeated header, empty header, or same columns.

    Only footnotes may stand between the fragments. The repeated header is dropped; a first
    row that continues the cut row (empty first cell, or one cell finishing a sentence) is
    appended to it.
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind != "table" or block.table is None:
            out.append(block)
            continue
        k = len(out) - 1
        while k >= 0 and out[k].kind == "footnote":
            k -= 1
        prev = out[k] if k >= 0 else None
        merged = _merge_pair(prev, block) if prev is not None and prev.kind == "table" else None
        if merged is None:
            out.append(block)
        else:
            out[k] = merged
    return out


def _merge_pair(prev: Block, block: Block) -> Block | None:
    a, b = prev.table, block.table
    assert a is not None and b is not None
    if a.n_cols != b.n_cols or not a.rows or not b.rows:
        return None
    a_head, b_head = a.header_rows, b.header_rows
    rows_b = list(b.rows)
    if b_head and all(is_empty_row(r) for r in b_head):
        rows_b = rows_b[len(b_head) :]  # an empty header: the fragment's own stub
    elif b_head and a_head and [normalised_cells(r) for r in b_head] == [normalised_cells(r) for r in a_head]:
        rows_b = rows_b[len(b_head) :]  # the header repeated after the break
    elif not b_head and block.page > prev.page and block.box is not None:
        pass  # a PDF table with the same columns at the top of the next page
    else:
        return None
    rows_a = list(a.rows)
    if rows_b and rows_a and not rows_a[-1].header and continues_row(rows_b[0], rows_a[-1], a.n_cols):
        rows_a[-1] = append_row(rows_a[-1], rows_b[0])
        rows_b = rows_b[1:]
    table = Table(
        rows=rows_a + rows_b,
        n_cols=a.n_cols,
        pages=sorted(set(a.pages) | set(b.pages)),
        ruled=a.ruled,
        caption=a.caption,
    )
    return prev.model_copy(
        update={
            "table": table,
            "source": f"{prev.source}\n{block.source}",
            "lines": (prev.lines[0], block.lines[1]) if prev.lines and block.lines else prev.lines,
        }
    )
