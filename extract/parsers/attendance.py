"""Who was at the meeting: attendance lists, tables and apologies sentences -> entries.

Minutes set attendance out in many ways: a heading ("Partners Present", "Support
Officers", "Apologies") over one name per line; "Present:" with a comma list on the same
line; a two-column table ("Present: | Officials:" with "Guests:" and "Apologies:" rows
inside); and sentences ("apologies had been received from Councillor Andy Fraser").
Each becomes a :class:`Listed` entry with a status; the minutes parser turns them into
records once it knows every spelling the paper uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.schemas.document import Block

from ..language.labels import ATTENDANCE_LABELS
from ..language.people import Entry, is_person_name, parse_entry, split_title
from ..language.titles import PLURAL_TITLE_PATTERN

_LABELS = ATTENDANCE_LABELS
# A bilingual label gives both languages: "Present / Yn bresennol:", "Apologies / Ymddiheuriadau:".
_BILINGUAL = re.compile(r"\s+/\s+")


@dataclass
class Listed:
    entry: Entry
    status: str
    block: Block


def label_status(text: str) -> tuple[str | None, str]:
    """'Present:' -> ('present', ''); 'Apologies: Cllr Smith' -> ('apologies', 'Cllr Smith')."""
    t = " ".join(text.split()).strip()
    head, sep, rest = t.partition(":")
    head = head.strip(" *")
    for status, rx in _LABELS:
        if any(rx.match(side.strip(" *")) for side in _BILINGUAL.split(head)):
            # "Minutes" alone is the document's title far more often than its minute-taker; "Chair"
            # alone is the signature line at the end.
            if re.match(r"^(?:minutes|chair(?:man|person)?)$", head, re.I) and not rest.strip():
                return None, ""
            return status, rest.strip() if sep else ""
    return None, ""


# "Councillors B Jones and C Patel": one plural title over several names.
_PLURAL_TITLE = PLURAL_TITLE_PATTERN


def _entries_inline(text: str) -> list[Entry]:
    """'Cllr A Smith (Chair), Cllr B Jones, Jo Bloggs (Police)' -> entries; role fragments rejoin.

    A plural title ('Councillors B Jones and C Patel; Supt D Evans') carries to the initials-
    only names after it ('C Patel'), up to the next semicolon or the next titled name.
    """
    out: list[Entry] = []
    for group in _split_outside_parens(_GROUP_SEP, text):
        carry: str | None = None
        for part in _split_outside_parens(_PART_SEP, group):
            part = part.strip(" .")
            if not part:
                continue
            part, carry = _carry_title(part, carry)
            entry = parse_entry(part)
            if entry is None and out:
                prev = out[-1]
                out[-1] = Entry(prev.name, prev.title, f"{prev.role + ', ' if prev.role else ''}{part}", prev.part,
                                f"{prev.as_written}, {part}")
            elif entry is not None:
                out.append(entry)
    return out


# Separators between entries. A comma or semicolon inside brackets ("(Chair, Police)") is not
# one: that was a lookahead, (?![^()]*\)), which read on to the end of the text at every comma
# (quadratic: a line of 100,000 commas would take minutes; issue 14), and is now one pass.
_GROUP_SEP = re.compile(r"(?P<bracketed>\s*;\s*)")
_PART_SEP = re.compile(r"(?P<bracketed>\s*,\s*)|\s+and\s+(?=(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|[A-Z][a-z]+\s+[A-Z]|[A-Z]\.?\s+[A-Z]))")


def _split_outside_parens(separator: re.Pattern, text: str) -> list[str]:
    """``re.split`` on ``separator``, except that its ``bracketed`` branch does not split inside
    brackets (where the next bracket after it closes one)."""
    closes = [False] * (len(text) + 1)  # closes[i]: the first bracket at or after i is ')'
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        closes[i] = True if ch == ")" else False if ch == "(" else closes[i + 1]
    out, start, pos = [], 0, 0
    while (m := separator.search(text, pos)) is not None:
        if m.group("bracketed") is not None and closes[m.end()]:
            pos = m.start() + 1  # another branch may still match from inside this one
            continue
        out.append(text[start:m.start()])
        start = pos = m.end()
    out.append(text[start:])
    return out


def _carry_title(part: str, carry: str | None) -> tuple[str, str | None]:
    """'Councillors B Jones' -> ('Councillor B Jones', 'Councillor'); then 'C Patel' -> 'Councillor C Patel'."""
    plural = _PLURAL_TITLE.match(part)
    if plural:
        return f"Councillor {part[plural.end():]}", "Councillor"
    if split_title(part)[0] is not None:
        return part, None
    if carry and re.match(r"^(?:[A-Z]\.?\s+)+[A-Z]", part):
        return f"{carry} {part}", carry
    return part, carry


def read_lists(blocks: list[Block]) -> tuple[list[Listed], set[int]]:
    """Attendance under labels and in tables; returns the entries and the blocks they used."""
    found: list[Listed] = []
    used: set[int] = set()
    status: str | None = None
    for i, b in enumerate(blocks):
        if b.kind == "table" and b.table is not None:
            rows = _read_table(b)
            if rows:
                found.extend(rows)
                used.add(i)
            status = None
            continue
        label, rest = label_status(b.text)
        if label and not (b.marker and b.marker[0].isdigit()):
            status = label
            used.add(i)
            entries = _entries_inline(rest) if rest else []
            found.extend(Listed(e, label, b) for e in entries)
            continue
        if status is None:
            continue
        if b.kind == "margin" or (b.marker and b.marker[0].isdigit() and b.kind == "heading"):
            status = None
            continue
        if _APOLOGIES.search(b.text):
            # "Apologies were received from Cllr Derek Polglase, Tony Yelland (Fire) and Martin Carne."
            # right under the officers' list: a sentence of its own, read by apologies_in.
            status = None
            continue
        entry = parse_entry(b.text) if b.kind in ("paragraph", "heading", "list_item") else None
        if entry is None and b.kind == "paragraph" and "," in b.text and len(b.text) < 400:
            many = _entries_inline(b.text)
            if many and len(many) >= 2:
                found.extend(Listed(e, status, b) for e in many)
                used.add(i)
                continue
        if entry is None:
            status = None
            continue
        found.append(Listed(entry, status, b))
        used.add(i)
    return found, used


def _read_table(block: Block) -> list[Listed]:
    """A table of attendance: a column's label cell ('Present:', 'Guests:') sets its status."""
    table = block.table
    assert table is not None
    labels = [label_status(c.text)[0] for row in table.rows for c in row.cells if c.text.strip()]
    if not any(labels):
        return []
    out: list[Listed] = []
    for col in range(table.n_cols):
        status = None
        for row in table.rows:
            if col >= len(row.cells):
                continue
            cell = row.cells[col].text.strip()
            if not cell:
                continue
            for line in cell.split("\n"):
                label, rest = label_status(line)
                if label:
                    status, line = label, rest
                if not line.strip() or status is None:
                    continue
                entry = parse_entry(line)
                if entry is not None:
                    out.append(Listed(entry, status, block))
    return out


_APOLOGIES = re.compile(
    r"\bapologies(?: for absence)?\s+(?:(?:had|have)\s+been\s+|were\s+|was\s+)?(?:received|given|submitted|tendered|noted)?\s*"
    r"(?:from|by|on behalf of)\s+(?P<who>.+?)(?=\s+and\s+(?:that|it)\b|\s*[.;](?:\s|$)|$)", re.I)


def apologies_in(text: str) -> list[Entry]:
    """'apologies had been received from Councillor Andy Fraser and that ...' -> [Andy Fraser]."""
    out: list[Entry] = []
    for m in _APOLOGIES.finditer(text):
        for part in re.split(r"\s*,\s*|\s+and\s+", m.group("who")):
            part = part.strip(" .")
            title, name = split_title(part)
            name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
            if is_person_name(name):
                out.append(Entry(name=name, title=title, role=None, part=False, as_written=part))
    return out
