"""Tables that lay out prose or labelled values, unfolded into the blocks a written paper has.

Word users set much of a paper in ruled tables that are layout, not data:

* **Minutes grids.** One row per agenda item: an item code ("FGB 98/2122", "70/17", "4.1") in
  a narrow first column, sometimes the item's title beside it, the minute itself (paragraphs,
  lettered sub-items, bullets) in one wide column, and a narrow side column of owners'
  initials, posts or short instructions ("Clerk to place on website"). Some have a header
  ("Item | Notes | Action", "Minute | Discussion | Action"), some none, and a row may run to a
  page. Each row becomes the blocks a written minute would have: the item's heading, the side
  entry as a ``margin`` block before the paragraph beside it (the convention of the PDF
  reader's margin initials), and the cell's lines as paragraphs and list items.
* **Key/value boxes.** "COMMITTEE | Full Governing Body", "Chaired by | X | Clerked by | Y",
  "DATE OF ADOPTION: November 2019", "School name | ...": each pair becomes a ``field`` block
  (``label`` "Chaired by", ``text`` "X") that the metadata and attendance rules read. A line
  of such pairs set as text ("COMMITTEE: Business Management Committee DATE: 16 May 2022")
  becomes fields too.

Whether a table is layout is decided by what its cells hold, not by its header words: a
grid has one column of paragraphs and narrow columns beside it; a data table (numbers,
short cells, a Lead/Timescale plan, an action log with Action | Owner | Due) is left alone.

An unfolded table stays in the document, flagged :attr:`Table.unfolded`, right before its
blocks: the papers count it as a table (its header and rows), while its text is read from
the blocks that follow. Both readers call :func:`unfold` last, so a paper's PDF and its text
rendering come out alike; it is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.schemas.document import Block, Cell, Row, Table

from ..language.columns import GRID_NOTES, cell_role
from ..language.dates import BARE_DUE
from ..language.labels import is_field_label
from .blocks import is_initials
from .tables import is_data_cell

# --- the grid -----------------------------------------------------------------------------

# An item code as minutes number their items: "1", "4.1", "70/17", "14/11/3", "FGB 98/2122",
# "BM 75b/2122", "Item 3", "A1", "(3)".
ITEM_CODE = re.compile(
    r"^(?:(?:item|minute|min\.?|no\.?)\s*)?(?:[A-Z]{1,5}\s?)?\(?\d{1,3}[a-z]?\)?(?:[./]\d{1,4}[a-z]?)*[.)]?$", re.I
)
# Header roles that make a table's text column data: a plan's activities or outcomes, and
# columns no minutes grid has (a deadline, a target, a RAG status).
_DATA_ROLES = {
    "due",
    "target",
    "baseline",
    "status",
    "progress",
    "budget",
    "resources",
    "indicator",
    "recommendation",
    "activity",
    "aim",
    "outcome",
    "witnesses",
    "documents",
}
# Side-column entries that say there is nothing to do.
_NOTHING = re.compile(r"^(?:none|nil|n/?a|no action|-|–|—)\.?$", re.I)
_BULLET = re.compile(r"^[●•▪◦■‣·\-–*]\s*(?=\S)")
_INLINE_BULLET = re.compile(r"\s+[●•▪◦■]\s+(?=\S)")
# Lettered sub-items "a. Title. Sentence", "b) ..." opening a line or following another item.
_LETTER = re.compile(r"(?:^|(?<=\s))\(?([a-h])[.)]\s+(?=\S)")

PROSE_WORDS = 15  # a notes cell holds paragraphs: this many words a cell at least, on average
NAMED_PROSE_WORDS = 8  # ... or this many under a header that names the minute ("Notes", "Discussion")
NARROW_WORDS = 12  # the columns beside it hold a code or an owner: at most this many words a cell on average
TITLE_WORDS = 20  # ... and an item's title, which may run to a sentence


@dataclass(frozen=True)
class Grid:
    """The columns of a minutes grid and the rows that hold its items."""

    item: int | None  # item codes
    title: int | None  # the item's title, where the grid gives it a column
    notes: int  # the minute
    sides: tuple[int, ...]  # owners, initials, short instructions
    rows: tuple[int, ...]  # indexes into table.rows


def _n_words(text: str) -> int:
    return len(text.split())


def _is_prose(text: str) -> bool:
    """A paragraph, not a label: a sentence, or many words."""
    flat = " ".join(text.split())
    return _n_words(flat) >= PROSE_WORDS or bool(re.search(r"[a-z]{2}[.!?](?:\s|$)", flat) and _n_words(flat) >= 6)


def _grid_rows(table: Table) -> tuple[list[int], list[str]]:
    """The rows to read as items and the header as one row ([] when there is none).

    A "header" of paragraphs is no header: it is a row cut by a page break and continued at
    the top of the next page's fragment.
    """
    head = table.header_rows
    if head and not any(_is_prose(c.text) for r in head for c in r.cells):
        return list(range(len(head), len(table.rows))), [" ".join(h.split()) for h in table.header_texts()]
    return list(range(len(table.rows))), []


def _is_owner_entry(text: str) -> bool:
    """Initials, a name or two, a post: an owner written beside the minute."""
    flat = " ".join(text.split())
    if is_initials(flat) or _NOTHING.match(flat):
        return True
    words = flat.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words if w[:1].isalpha()) and not flat.endswith(".")


def grid_columns(table: Table) -> Grid | None:
    """The columns of a minutes grid, or None for a data table or a box."""
    if table.unfolded or not 2 <= table.n_cols <= 6:
        return None
    rows, header = _grid_rows(table)
    if not rows:
        return None
    cols = [
        [(table.rows[r].cells[c].text.strip() if c < len(table.rows[r].cells) else "") for r in rows]
        for c in range(table.n_cols)
    ]
    words = [sum(_n_words(t) for t in col) for col in cols]
    filled = [[t for t in col if t] for col in cols]
    total = sum(words)
    if not total:
        return None
    notes = max(range(table.n_cols), key=lambda c: words[c])
    texts = filled[notes]
    named_notes = bool(header) and GRID_NOTES.match(header[notes]) is not None
    # A column headed as the minute ("Notes", "Discussion") may hold short notes; unnamed, paragraphs.
    if words[notes] / len(texts) < (NAMED_PROSE_WORDS if named_notes else PROSE_WORDS) or words[notes] < 0.5 * total:
        return None
    if sum(_is_prose(t) for t in texts) * 2 < len(texts):
        return None
    used = [c for c in range(table.n_cols) if filled[c]]
    # The columns beside the minute are narrow, in the rows that have a minute (a title cell
    # merged across an empty notes cell holds the minute itself). A title may run to a
    # sentence ("To record those who were present, accept apologies ..."), a side entry not.
    beside = [[t for t, n in zip(cols[c], cols[notes]) if t and n] for c in range(table.n_cols)]
    mean_notes = words[notes] / len(texts)
    for c in used:
        if c == notes or not beside[c]:
            continue
        mean = sum(map(_n_words, beside[c])) / len(beside[c])
        if mean > (TITLE_WORDS if c < notes else NARROW_WORDS) or (
            c < notes and not named_notes and 2 * mean > mean_notes
        ):
            return None  # two columns of paragraphs: a plan or a report table, data
    if header and not named_notes:
        if any(h and cell_role(h) in _DATA_ROLES for h in header[: notes + 1]):
            return None  # "Actions to be taken", "Five year aims", "Outcome": the rows are the data
        if any(cell_role(h) in {"due", "target", "baseline", "status", "progress"} for h in header if h):
            return None  # an action log or a plan: a deadline, a target or a RAG column
    left = [c for c in used if c < notes]
    sides = tuple(c for c in used if c > notes)
    if len(left) > 2 or len(sides) > 2:
        return None
    item = next((c for c in left if sum(bool(ITEM_CODE.match(t)) for t in filled[c]) >= 0.6 * len(filled[c])), None)
    cells = [t for c in used if c != item for t in filled[c]]
    if sum(is_data_cell(t) for t in cells) > 0.3 * len(cells):
        return None  # figures, not minutes
    title = next((c for c in reversed(left) if c != item), None)
    codes = sum(bool(ITEM_CODE.match(t)) for t in filled[item]) if item is not None else 0
    side_cells = [t for c in sides for t in filled[c]]
    owners_beside = bool(side_cells) and sum(_is_owner_entry(t) for t in side_cells) * 2 >= len(side_cells)
    if any(
        sum(is_data_cell(t) or BARE_DUE.match(t) is not None for t in filled[c]) * 2 >= len(filled[c]) for c in sides
    ):
        return None  # a column of deadlines ("asap", "18/06/22"): an action log
    if not (named_notes or codes >= (1 if len(rows) <= 3 else 2) or owners_beside):
        return None
    return Grid(item=item, title=title, notes=notes, sides=sides, rows=tuple(rows))


def split_lettered(text: str) -> list[tuple[str | None, str]]:
    """'a. Clerk b. Clerk c. To be on agendas' -> [('a.', 'Clerk'), ('b.', 'Clerk'), ('c.', 'To be ...')].

    Lettered sub-items, over all the lines of a cell: a run a (before a capital), b, c ... in
    order, which may start again at a; a letter opening a line before a capital ("d. Review
    ..." at the top of a page, where the run began on the page before). Text before the
    first marker stays unlettered; a lone "a." inside a line is text ("see note a. Then").
    Each piece keeps its line breaks.
    """
    runs: list[list[tuple[int, int, str]]] = []  # runs of (start, end of the marker, the marker)
    expect = None
    for m in _LETTER.finditer(text):
        letter, capital = m.group(1), text[m.end() : m.end() + 1].isupper()
        at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        marker = (m.start(), m.end(), m.group(0).strip().lstrip("("))
        if expect is not None and letter == expect:
            runs[-1].append(marker)
        elif capital and (letter == "a" or at_line_start):
            runs.append([marker])
        else:
            continue
        expect = chr(ord(letter) + 1)
    starts = [x for run in runs if len(run) >= 2 or text[run[0][0] - 1 : run[0][0]] in ("", "\n") for x in run]
    if not starts:
        return [(None, text.strip())] if text.strip() else []
    out: list[tuple[str | None, str]] = []
    if text[: starts[0][0]].strip():
        out.append((None, text[: starts[0][0]].strip()))
    for k, (_, end, marker) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        piece = text[end:stop].strip()
        if piece:
            out.append((marker, piece))
    return out


@dataclass
class _Piece:
    kind: str
    text: str
    marker: str | None = None


_LABEL_AFTER_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=(?P<label>[A-Z][A-Za-z ]{1,30}?)\s*:\s)")


def _label_lines(line: str) -> list[str]:
    """'... the meeting. Apologies: Oliver Laity' -> two lines: a label line run on to the
    sentence before it (a cell joined across a page break) stands on its own again."""
    cuts = [m.start() for m in _LABEL_AFTER_SENTENCE.finditer(line) if is_field_label(m.group("label"))]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)]) if line[a:b].strip()]


def _notes_pieces(notes: str) -> list[_Piece]:
    """A notes cell as blocks: each line a paragraph, a bullet a list item, each lettered
    sub-item its own paragraph; a label line ('Apologies: ...') stays a line of its own."""
    out: list[_Piece] = []
    for marker, text in split_lettered(notes):
        first = True
        for line in (x for raw in text.split("\n") for x in _label_lines(raw)):
            for part in _INLINE_BULLET.split(line):
                part = part.strip()
                if not part:
                    continue
                bullet = _BULLET.match(part)
                if bullet and not re.match(r"^[-–]\s*\d", part):
                    out.append(_Piece("list_item", part[bullet.end() :].strip(), "-"))
                else:
                    out.append(_Piece("paragraph", part, marker if first else None))
                first = False
    return out


def _side_entries(text: str) -> list[tuple[str | None, str]]:
    entries = []
    for marker, piece in split_lettered(text):
        entries.extend((marker if k == 0 else None, line) for k, line in enumerate(piece.split("\n")))
    return [(m, " ".join(t.split())) for m, t in entries if t.strip() and not _NOTHING.match(t.strip())]


def _code_marker(code: str) -> str:
    code = " ".join(code.split())
    return f"{code.rstrip('.')}." if re.fullmatch(r"\d{1,3}\.?", code) else code


def unfold_grid(block: Block, grid: Grid) -> list[Block]:
    """The grid's table block (flagged unfolded), then per row: heading, margins, notes."""
    table = block.table
    assert table is not None
    out = [block.model_copy(update={"table": table.model_copy(update={"unfolded": True})})]
    numbered = grid.item is not None or grid.title is not None
    n = 0
    for r in grid.rows:
        blocks, opened = _unfold_row(block, table.rows[r], grid, n + 1, numbered)
        n += opened
        out.extend(blocks)
    return out


def _cell(row: Row, c: int | None) -> Cell | None:
    return row.cells[c] if c is not None and c < len(row.cells) else None


def _text(row: Row, c: int | None) -> str:
    got = _cell(row, c)
    return got.text.strip() if got is not None else ""


def _unfold_row(block: Block, row: Row, grid: Grid, number: int, numbered: bool) -> tuple[list[Block], int]:
    """One row's blocks, and 1 when the row opens an item (0: it continues the one above)."""
    code, title, notes = _text(row, grid.item), " ".join(_text(row, grid.title).split()), _text(row, grid.notes)
    notes_cell = _cell(row, grid.notes)
    if not notes and _n_words(title) > NARROW_WORDS and re.search(r"\w[.:]\s+[A-Z]", title):
        # A title cell merged across the notes column ("Declaration of interests. Governors were ...").
        notes, title, notes_cell = _text(row, grid.title), "", _cell(row, grid.title)
    sides = [(_cell(row, c), _side_entries(_text(row, c))) for c in grid.sides]
    if not (code or title or notes or any(e for _, e in sides)):
        return [], 0

    def make(kind: str, value: str, at: Cell | None, **extra) -> Block:
        return Block(
            kind=kind,
            text=value,
            page=row.page,
            source=value,
            box=at.box if at else None,
            lines=block.lines,
            bold=bool(at and at.bold),
            **extra,
        )

    out: list[Block] = []
    pieces = _notes_pieces(notes)
    # A row with no code and no title continues the item above (a row a page break cut),
    # unless the grid has neither column: then every row is an item.
    # So does a title starting in lower case: the end of the title the break cut.
    opens = bool(code or (title and not title[:1].islower()) or not numbered)
    if opens:
        marker = code or str(number)
        if not title and pieces and pieces[0].kind == "paragraph" and not pieces[0].marker:
            head, _, rest = pieces[0].text.partition(". ")
            if rest and _n_words(head) <= 8:
                title, pieces[0] = head, _Piece("paragraph", rest)
        title = title.rstrip(".") or f"Item {marker}"
        out.append(
            make(
                "heading", title, _cell(row, grid.title) or _cell(row, grid.item), marker=_code_marker(marker), level=3
            )
        )
    # Side entries go before the notes line beside them: a lettered entry before the
    # sub-item with its letter, the others before the first line (the top of the row).
    before: dict[int, list[tuple[Cell | None, str]]] = {}
    letters = {p.marker.rstrip(".)"): k for k, p in enumerate(pieces) if p.marker and p.marker[0].isalpha()}
    for at, entries in sides:
        for marker, value in entries:
            k = letters.get(marker.rstrip(".)"), 0) if marker else 0
            before.setdefault(k, []).append((at, value))
    for k in range(max(len(pieces), 1)):
        for at, value in before.get(k, []):
            out.append(make("margin", value, at))
        if k < len(pieces):
            p = pieces[k]
            out.append(make(p.kind, p.text, notes_cell, marker=p.marker))
    return out, int(opens)


# --- key/value boxes ----------------------------------------------------------------------

_COLON_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z'’&/() -]{0,48}?)\s*:\s*(?P<value>\S.*)$", re.S)
FIELD_VALUE_WORDS = 12  # a value is short: a name, a date, a committee


def _label_cell(text: str) -> str | None:
    """The label a cell holds on its own ('COMMITTEE', 'Chaired by', 'Date:'), or None."""
    flat = " ".join(text.split())
    bare = flat.rstrip(" :")
    if not bare or _n_words(bare) > 6 or re.search(r"\d", bare) or bare.endswith((".", ",", ";")):
        return None
    if is_field_label(bare) or flat.endswith(":") or re.search(r"\s[Bb]y$", bare):
        return bare
    return None


def _has_value(text: str) -> bool:
    """A value, not a space left for one ('Signed: ......', 'Date: ____')."""
    return any(ch.isalnum() for ch in text)


def _colon_fields(text: str) -> list[tuple[str, str]] | None:
    """'DATE OF ADOPTION: November 2019' (a line each): the pairs, or None when a line is not one."""
    pairs = []
    lines = [x for x in text.split("\n") if x.strip()]
    k = 0
    while k < len(lines):
        m = _COLON_LABEL.match(lines[k].strip())
        if not m or _n_words(m.group("label")) > 6:
            return None
        value = [m.group("value").strip()]
        k += 1
        while k < len(lines) and not _COLON_LABEL.match(lines[k].strip()):
            value.append(lines[k].strip())  # "Total fund allocated:" then its amounts, a line each
            k += 1
        pairs.append((" ".join(m.group("label").split()), "\n".join(value)))
    if any(_n_words(v) > FIELD_VALUE_WORDS or not _has_value(v) for _, v in pairs):
        return None
    return pairs or None


def row_fields(row: Row, *, details: bool = False) -> list[tuple[str, str, Cell]] | None:
    """The labelled values of a row, or None when the row is not a run of them.

    A label cell and the value cell after it ("Chaired by | X | Clerked by | Y"), or cells
    of "Label: value" lines. ``details``: the table is a two-column box of details, where a
    row's first cell is its label even without a colon ("Pupils in school | 392").
    """
    cells = [c for c in row.cells if c.text.strip()]
    if not cells:
        return None
    out: list[tuple[str, str, Cell]] = []
    other = 0
    k = 0
    while k < len(cells):
        text = cells[k].text.strip()
        label = _label_cell(text)
        if (
            details
            and k == 0
            and len(cells) == 2
            and label is None
            and _n_words(text) <= 7
            and not re.search(r"\d", text)
            and text[:1].isupper()
            and not _is_prose(text)
        ):
            label = " ".join(text.split())
        if label is not None and k + 1 < len(cells):
            value = cells[k + 1].text.strip()
            if (
                _label_cell(value) is None
                and _n_words(value) <= FIELD_VALUE_WORDS
                and not _COLON_LABEL.match(value)
                and _has_value(value)
            ):
                out.append((label, value, cells[k + 1]))
                k += 2
                continue
        pairs = _colon_fields(text)
        if pairs:
            out.extend((lab, val, cells[k]) for lab, val in pairs)
        elif _n_words(text) > 6:
            return None  # a sentence or a long cell: not a box of labelled values
        else:
            other += 1  # a title or a signature beside the fields
        k += 1
    return out if out and other <= len(out) else None


def key_values(table: Table) -> list[tuple[str, str, Cell, Row]]:
    """The labelled values of a key/value box; [] for any other table.

    A box: every row that holds text is a run of labelled values, or a short title row
    ("Sports Grant report 2017 - 2018" over "DATE OF REVIEW: April 2018"); a table of
    details ("Metric | Data" over "School name | ...") when one of its labels is a details label.
    """
    if table.unfolded or table.n_cols < 1:
        return []
    body = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    if not body or len(body) > 15:
        return []
    two = all(sum(bool(c.text.strip()) for c in r.cells) <= 2 for r in body)
    got: list[tuple[str, str, Cell, Row]] = []
    titles = 0
    # Columns headed by labels ("Present: | Officials:") list names under them: no details.
    labelled_columns = any(_label_cell(c.text) for r in body for c in r.cells[1:] if c.text.strip()) or any(
        _label_cell(c.text) for r in body if r.header for c in r.cells if c.text.strip()
    )
    for details in (True, False) if two and not labelled_columns else (False,):
        got, titles = [], 0
        for row in body:
            if details and row.header:
                titles += 1
                continue
            fields = row_fields(row, details=details)
            if fields:
                got.extend((label, value, at, row) for label, value, at in fields)
            elif sum(_n_words(c.text) for c in row.cells) <= 12 and not any(_is_prose(c.text) for c in row.cells):
                titles += 1
            else:
                got = []
                break
        named = sum(is_field_label(label) or re.search(r"\s[Bb]y$", label) is not None for label, *_ in got)
        # A table of details names a quarter of its rows by details labels; a list of names in
        # two columns ("Present: | Officials:") names none.
        if got and titles <= len(got) and (not details or 4 * named >= len(got)):
            return got
    return []


def field_blocks(block: Block) -> list[Block]:
    """The table block (flagged unfolded), then a field block per labelled value."""
    table = block.table
    assert table is not None
    out = [block.model_copy(update={"table": table.model_copy(update={"unfolded": True})})]
    for label, value, at, row in key_values(table):
        out.append(
            Block(
                kind="field",
                label=label,
                text=" ".join(value.split()),
                source=f"{label}: {value}",
                page=row.page,
                box=at.box,
                lines=block.lines,
                bold=at.bold,
            )
        )
    return out


# A line of labelled values set as text: "COMMITTEE: Business Management Committee DATE: 16 May
# 2022", "COMMITTEE Full Governing Body DATE 23 May 2022" (capitals, no colon).
_CAPS_LABEL = re.compile(r"(?:^|(?<=\s))(?P<label>[A-Z][A-Z'’&/]+(?:\s+[A-Z][A-Z'’&/]+){0,4})(?P<colon>\s*:)?(?=\s+\S)")
_ANY_LABEL = re.compile(r"(?:^|(?<=\s))(?P<label>[A-Z][A-Za-z'’&/]+(?:\s+[A-Za-z'’&/]+){0,4}?)\s*:(?=\s+\S)")


def inline_fields(text: str) -> list[tuple[str, str]] | None:
    """The pairs of a line of two or more labelled values, or None."""
    found = []
    for m in _CAPS_LABEL.finditer(text):
        label = m.group("label")
        # The longest details label at the start of the run of capitals: "DATE OF ADOPTION".
        words = label.split()
        for n in range(len(words), 0, -1):
            if is_field_label(" ".join(words[:n])):
                found.append((m.start(), m.start() + len(" ".join(words[:n])), " ".join(words[:n])))
                break
    if len(found) < 2:
        found = [
            (m.start(), m.end(), m.group("label"))
            for m in _ANY_LABEL.finditer(text)
            if is_field_label(m.group("label"))
        ]
    if len(found) < 2 or found[0][0] != 0:
        return None
    pairs = []
    for k, (_, end, label) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(text)
        value = text[end:stop].strip().lstrip(":").strip()
        if not _has_value(value) or _n_words(value) > FIELD_VALUE_WORDS:
            return None
        pairs.append((label, value))
    return pairs


# --- the step both readers run ------------------------------------------------------------


def unfold(blocks: list[Block]) -> list[Block]:
    """Minutes grids to headings, margins and paragraphs; key/value boxes and lines to fields."""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "table" and b.table is not None and not b.table.unfolded:
            grid = grid_columns(b.table)
            if grid is not None:
                out.extend(unfold_grid(b, grid))
                continue
            if key_values(b.table):
                out.extend(field_blocks(b))
                continue
        elif b.kind in ("paragraph", "heading") and not b.marker and len(b.text) <= 200:
            pairs = inline_fields(b.text)
            if pairs:
                out.extend(
                    b.model_copy(
                        update={"kind": "field", "label": label, "text": value, "level": None, "bold_spans": []}
                    )
                    for label, value in pairs
                )
                continue
        out.append(b)
    return out
