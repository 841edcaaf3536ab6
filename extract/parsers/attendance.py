"""Who was at the meeting: attendance lists, tables, registers and apologies sentences -> entries.

Minutes set attendance out in many ways:

- a label over one name per line ("Partners Present", "Support Officers", "Apologies"), or over
  a comma list on the next line ("Attendance" / "Jo Bloggs, Sam Hogan, ...");
- a label with a list on the same line ("Present: Cllr A Smith (Chair), Cllrs Jones and Brown"),
  and several labels run into one paragraph ("... & Present: Vicky Bright – Clerk. Item 1 ...");
- a table of labelled columns ("Present: | Officials:" with "Guests:" rows inside), a key/value
  row ("Chaired by | Simon Barnes | Clerked by | Pete Osborne"), a roll-call table ("Councillor |
  Present | Apologies" with ticks), or a register of codes per meeting ("P / S / A / L", read with
  the key printed beside it);
- sentences ("apologies had been received from Councillor Andy Fraser").

Each becomes a :class:`Listed` entry with a status; the minutes parser turns them into records
once it knows every spelling the paper uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.schemas.document import Block

from ..language import dates
from ..language.bodies import BODY_NOUNS_RE
from ..language.columns import ACTION_HEADER
from ..language.labels import (
    CODE_KEY,
    CODE_WORDS,
    LABEL_IN_TEXT,
    LABEL_KINDS,
    LABEL_NUMBER,
    LABEL_QUALIFIER,
    SUPPORT_ROLE,
    UNNAMED_ATTENDERS,
    code_status,
)
from ..language.people import NAME_WORD, Entry, is_person_name, name_case, parse_entry, split_title
from ..language.titles import PLURAL_TITLE_PATTERN, TITLE_WORDS

# A bilingual label gives both languages: "Present / Yn bresennol:", "Apologies / Ymddiheuriadau:".
_BILINGUAL = re.compile(r"\s+/\s+")
_QUALIFIER_AT_END = re.compile(rf"(?:{LABEL_QUALIFIER})\s*$")
# "Minutes" alone is the document's title far more often than its minute-taker; "Chair" alone is
# the signature line at the end.
_LONE_NOT_LABEL = re.compile(r"^(?:minutes|(?:vice[- ])?chair(?:man|person)?)$", re.I)


@dataclass
class Listed:
    entry: Entry
    status: str
    block: Block


def _label_head(head: str) -> str:
    """'1 Apologies for absence - LGA 1972, s85' -> 'Apologies for absence'; 'PRESENT (six Councillors)' -> 'PRESENT'."""
    head = LABEL_NUMBER.sub("", head.strip(" *_"))
    return _QUALIFIER_AT_END.sub("", head).strip(" *_")


def label_status(text: str, *, key: bool = False) -> tuple[str | None, str]:
    """'Present:' -> ('present', ''); 'Apologies: Cllr Smith' -> ('apologies', 'Cllr Smith').

    ``key``: the text stands where a key stands (a key/value box, the key cell of a row), so a
    post ("Clerked by", "Chair") is a label there without its colon.
    """
    t = " ".join(text.split()).strip()
    head, sep, rest = t.partition(":")
    head = _label_head(head)
    for status, kind, rx in LABEL_KINDS:
        if any(rx.match(side.strip(" *")) for side in _BILINGUAL.split(head)):
            if kind != "list" and not sep and not key:
                return None, ""  # a bare "Clerk" is an owner in an action column as often as a label
            if not key and _LONE_NOT_LABEL.match(head) and not rest.strip():
                return None, ""
            return status, rest.strip() if sep else ""
    return None, ""


def _with_post(entry: Entry, label: str) -> Entry:
    """'Minute taker: Rosa Lindqvist': a post's label is the role of the person after it."""
    if entry.role or not any(kind == "post" and rx.match(label) for _, kind, rx in LABEL_KINDS):
        return entry
    return Entry(entry.name, entry.title, label, entry.part, entry.as_written)


def _status_of(entry: Entry, status: str) -> str:
    """A clerk or minute-taker listed with the members serves the meeting: in attendance."""
    if status == "present" and entry.role and SUPPORT_ROLE.match(entry.role.strip(" ()")):
        return "in_attendance"
    return status


# --- lists on a line ---------------------------------------------------------------------------

# Between two entries of a list: a comma or semicolon (with an Oxford "and"), "and", "&", or
# nothing at all after a closing bracket ("Lorraine Hunt (LH) Pam Walker (PW)").
_SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|(?<=\))\s+(?=[A-Z])")
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr"}


def _mask_brackets(text: str) -> str:
    """The text with everything inside brackets blanked, so separators inside a role are not seen."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            out.append(ch)
            continue
        out.append("_" if depth else ch)
    return "".join(out)


def _split_list(text: str) -> list[tuple[str, str]]:
    """'A (Chair), B and C; D' -> [(sep_before, part)]: every part with the separator before it."""
    masked = _mask_brackets(text)
    out, start, sep = [], 0, ""
    for m in _SEPARATOR.finditer(masked):
        if m.end() == m.start():
            continue
        out.append((sep, text[start : m.start()]))
        sep, start = text[m.start() : m.end()], m.end()
    out.append((sep, text[start:]))
    return out


# A substitute and whom they sit for: "Cllr Lee Moss for Cllr Ian Birch", "Jo Lea substituting for Cllr Amy
# Fox": the member sat for is the substitute's role, as in brackets ("Cllr Lee Moss (for Cllr Ian Birch)").
_SITTING_FOR = re.compile(
    r"\s+(?P<w>(?:substituting\s+for|as\s+(?:a\s+)?substitute\s+for|for)\s+"
    r"(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?=\s*(?:[,;.]|$))"
)


def _entries_inline(text: str) -> list[Entry]:
    """'Cllr A Smith (Chair), Cllr B Jones, Jo Bloggs (Police)' -> entries; role fragments rejoin.

    A plural title ('Councillors B Jones and C Patel; Supt D Evans', 'Cllrs Smith, Jones and
    Brown') carries to the initials-only names and lone surnames after it, up to the next
    semicolon, the next titled name or the next full name.
    """
    out: list[Entry] = []
    carry: str | None = None
    text = _SITTING_FOR.sub(r" (\g<w>)", text)
    for sep, raw in _split_list(text):
        if ";" in sep:
            carry = None
        part = raw.strip(" .-–—&*_")
        part = re.sub(r"^(?:and|&)\s+", "", part)
        if not part:
            continue
        part, carry = _carry_title(part, carry)
        entry = parse_entry(part)
        if entry is None and out:
            if code_status(part)[0] or UNNAMED_ATTENDERS.match(part):
                continue  # "A and B and sanctioned", "... and two members of the public": not a name, not a role
            prev = out[-1]
            joined = sep.strip() or ","
            glue = f" {joined} " if joined in ("and", "&") else f"{joined} "
            out[-1] = Entry(
                prev.name,
                prev.title,
                f"{prev.role + glue if prev.role else ''}{part}",
                prev.part,
                f"{prev.as_written}{glue}{part}",
            )
        elif entry is not None:
            out.append(entry)
    return out


def _carry_title(part: str, carry: str | None) -> tuple[str, str | None]:
    """'Councillors B Jones' -> ('Councillor B Jones', 'Councillor'); then 'C Patel' -> 'Councillor C Patel'."""
    plural = PLURAL_TITLE_PATTERN.match(part)
    if plural:
        title = _SINGULAR.get(plural.group("t").lower(), "Councillor")
        return f"{title} {part[plural.end() :]}", title
    if split_title(part)[0] is not None:
        return part, None
    if carry and re.match(rf"^(?:(?:[A-Z]\.?\s+)+[A-Z]|{NAME_WORD}(?:\s*\(|$))", part):
        return f"{carry} {part}", carry  # initials and a surname, or a lone surname
    return part, None if carry and is_person_name(part.split("(")[0]) else carry


# Full stops that do not end the list: after a title ("Cllr."), an initial ("R.") or "St.".
_NOT_SENTENCE_END = TITLE_WORDS | {"st", "no", "co", "ltd", "hon", "rt", "cllrs", "mr", "mrs", "ms", "dr", "prof"}


def _cut_sentence(text: str) -> tuple[str, str]:
    """'Vicky Bright – Clerk. Item 14/11/1 Cllr. Crisp welcomed ...' -> the list, and the rest."""
    for m in re.finditer(r"\.(?=\s+[A-Z(\d])", text):
        word = re.search(r"([\w’'-]+)$", text[: m.start()])
        if word and (len(word.group(1)) == 1 or word.group(1).lower() in _NOT_SENTENCE_END):
            continue
        return text[: m.start()], text[m.end() :].strip()
    return text, ""


def _labels_in(text: str, opening: str | None) -> tuple[list[tuple[str, str, str]], str]:
    """Every labelled list in a paragraph: [(status, label, list text)], and the text that is not attendance.

    ``opening`` is the status of the label the paragraph opens with, if any; labels inside the
    text are those of :data:`LABEL_IN_TEXT`, capitalised and followed by a colon.
    """
    if opening is None and ":" not in text:
        return [], text  # every label in the text ends with its colon: none here (most paragraphs)
    marks: list[tuple[int, int, str]] = []  # (label start, label end, status)
    if opening is not None:
        marks.append((0, text.index(":") + 1 if ":" in text else len(text), opening))
    for m in LABEL_IN_TEXT.finditer(text, marks[0][1] if marks else 0):
        head = m.group("head")
        if not head[:1].isupper() and m.start() != 0:
            continue
        before = text[: m.start()].rstrip()
        if _LONE_NOT_LABEL.match(_label_head(head)) and before and before[-1] not in ".;:)&":
            continue  # "the Chair: ..." in a sentence
        status, _ = label_status(text[m.start() : m.end()])
        if status:
            marks.append((m.start(), m.end(), status))
    if not marks:
        return [], text
    out: list[tuple[str, str, str]] = []
    rest = [text[: marks[0][0]]]
    for k, (start, end, status) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        names, leftover = _cut_sentence(text[end:stop].strip())
        out.append((status, _label_head(text[start:end].rstrip(":")), names.strip(" &,;-–—")))
        rest.append(leftover)
    return out, " ".join(r for r in rest if r.strip())


# --- the blocks --------------------------------------------------------------------------------


def read_lists(blocks: list[Block], meeting_date: str | None = None) -> tuple[list[Listed], set[int]]:
    """Attendance under labels, in paragraphs, tables and registers; the entries and the blocks they used.

    ``meeting_date`` (ISO) picks this meeting's column of an attendance register.
    """
    found: list[Listed] = []
    used: set[int] = set()
    status: str | None = None
    for i, b in enumerate(blocks):
        if b.kind == "table" and b.table is not None:
            if b.table.unfolded:
                continue  # a grid or box laid out as blocks: its blocks follow, read once there
            rows, mostly = _read_register(blocks, i, meeting_date)
            if not rows:
                rows, mostly = _read_table(b)
            found.extend(rows)
            if rows and mostly:
                used.add(i)
            status = None
            continue
        if b.kind == "field" and b.label:
            label, _ = label_status(b.label, key=True)
            # "COMMITTEE | Full Governing Body": a body's own label over its name, not its members.
            if label and not _BODY_NAME.search(b.text):
                entries = _entries_inline(b.text)
                found.extend(Listed(e, _status_of(e, label), b) for e in entries)
                if entries:
                    used.add(i)
            status = None
            continue
        label, _ = label_status(b.text)
        lists, other = _labels_in(" ".join(b.text.split()), label)
        if lists:
            got = 0
            for st, head, names in lists:
                entries = [_with_post(e, head) for e in _entries_inline(names)] if names else []
                found.extend(Listed(e, _status_of(e, st), b) for e in entries)
                got += len(entries)
            last_status, _, last_names = lists[-1]
            bare = not last_names and not other.strip()
            if got or bare:
                if len(other.split()) <= 12:
                    used.add(i)
                # A list that goes on in the blocks below: a bare label, or a list not ended by a sentence.
                status = last_status if not other.strip() else None
            else:
                status = None
            continue
        if status is None:
            continue
        if b.kind == "margin" or (b.marker and b.marker[0].isdigit() and b.kind == "heading"):
            status = None
            continue
        if _APOLOGIES.search(b.text) or _SENT_APOLOGIES.search(b.text):
            # "Apologies were received from Cllr Derek Polglase, Tony Yelland (Fire) and Martin Carne."
            # right under the officers' list: a sentence of its own, read by apologies_in.
            status = None
            continue
        entries = _entries_of_line(b) if b.kind in ("paragraph", "heading", "list_item") else []
        if not entries:
            status = None
            continue
        found.extend(Listed(e, _status_of(e, status), b) for e in entries)
        used.add(i)
    return found, used


_BODY_NAME = re.compile(rf"\b{BODY_NOUNS_RE}\s*$", re.I)


def _entries_of_line(b: Block) -> list[Entry]:
    """A line under a label: one entry ('Jo Bloggs, Head of Service'), or a list of names
    ('James Lenton, Marcus Nicholls, Anne Williams'): a role made of names is a list."""
    text = b.text.strip(" *_")
    entry = parse_entry(text)
    if len(text) < 400 and re.search(r",|\s(?:and|&)\s", text):
        many = _entries_inline(text)
        if len(many) >= 3 or (len(many) >= 2 and (entry is None or _names_only(entry.role))):
            return many
    return [entry] if entry is not None else []


def _names_only(role: str | None) -> bool:
    parts = [p.strip() for p in re.split(r",|\band\b|&", role or "") if p.strip()]
    return bool(parts) and all(is_person_name(p) for p in parts)


# --- tables ------------------------------------------------------------------------------------


def _read_table(block: Block) -> tuple[list[Listed], bool]:
    """A table of attendance: a column's label cell ('Present:', 'Guests:') sets its status down the
    column; a row's key cell ('Chaired by') gives the status of the value beside it.

    Returns the entries and whether the table is mostly attendance (so no other rule reads it).
    """
    table = block.table
    assert table is not None
    header = " ".join(table.header_texts()).lower()
    if ACTION_HEADER.search(header):
        return [], False  # an action log: its "Clerk" cells are owners
    out: list[Listed] = []
    taken: set[tuple[int, int]] = set()
    # Key/value across a row: "Chaired by | Simon Barnes | Clerked by | Pete Osborne".
    # A label with names below it heads a column instead ("Guests:" over "Sam Poe").
    grid = [[c.text.strip() for c in row.cells] + [""] * (table.n_cols - len(row.cells)) for row in table.rows]
    for r, cells in enumerate(grid):
        for k in range(len(cells) - 1):
            label, rest = label_status(cells[k], key=True)
            if not label or rest or not cells[k + 1] or label_status(cells[k + 1])[0]:
                continue
            below = grid[r + 1][k] if r + 1 < len(grid) else ""
            if below and not label_status(below, key=True)[0]:
                continue
            entries = _entries_inline(" ".join(cells[k + 1].split()))
            for e in entries:
                if not e.role:  # "Clerked by | Pete Osborne": the key says the part he played
                    e = Entry(e.name, e.title, " ".join(cells[k].split()).strip(" :"), e.part, e.as_written)
                out.append(Listed(e, _status_of(e, label), block))
            if entries:
                taken |= {(r, k), (r, k + 1)}
    filled = sum(1 for row in table.rows for c in row.cells if c.text.strip())
    attendance = len(taken)
    for col in range(table.n_cols):
        status = None
        for r, row in enumerate(table.rows):
            if col >= len(row.cells) or (r, col) in taken:
                continue
            cell = row.cells[col].text.strip()
            if not cell:
                continue
            counted = False
            for line in cell.split("\n"):
                label, rest = label_status(line, key=row.header)
                if label:
                    status, line = label, rest
                    counted = True
                if not line.strip() or status is None:
                    continue
                entries = _entries_inline(line) if label else ([parse_entry(line)] if parse_entry(line) else [])
                out.extend(Listed(e, _status_of(e, status), block) for e in entries)
                counted = counted or bool(entries)
            attendance += counted
    return out, bool(out) and attendance >= 0.6 * filled


# An attendance register: names down the side, a column per meeting (or per status), a code in
# each cell. Its key is printed beside it, a few blocks away at most.
_KEY_WINDOW = 4
_RESIGNED = re.compile(r"resign|\bleft\b|ceased|term ended|date of leaving|stood down", re.I)
_ATTENDANCE_COLUMN = re.compile(r"^(?:attendance|attended|status|present\??|apologies\??)$", re.I)


def _printed_key(blocks: list[Block], i: int) -> dict[str, str | None]:
    """The codes of the key printed near the table at ``i``: {'P': 'present', 'S': 'apologies', ...}."""
    texts = []
    table = blocks[i].table
    if table is not None and table.caption:
        texts.append(table.caption)
    for b in blocks[max(0, i - _KEY_WINDOW) : i + _KEY_WINDOW + 1]:
        if b.kind == "table" and b.table is not None:
            texts.extend(c.text for row in b.table.rows for c in row.cells if len(c.text) < 120)
        else:
            texts.append(b.text)
    key: dict[str, str | None] = {}
    for text in texts:
        for m in CODE_KEY.finditer(" ".join(text.split())):
            known, status = code_status(m.group("meaning"))
            if known:
                key.setdefault(m.group("code"), status)
    return key if any(key.values()) else {}


def _code_of(cell: str, key: dict[str, str | None]) -> tuple[bool, str | None]:
    """A register cell read with the key: (is a code, its status)."""
    c = " ".join(cell.split()).strip(" .")
    if not c:
        return False, None
    for form in (c, c.upper(), c.capitalize()):
        if form in key:
            return True, key[form]
    if c.lower() in CODE_WORDS:
        return True, CODE_WORDS[c.lower()]
    return False, None


_CAPITALS = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][A-Z'’.-]*")


def _person(cell: str) -> Entry | None:
    text = " ".join(cell.split())
    if not text or len(text) > 80:
        return None
    bare = re.sub(r"\([^)]*\)", "", text).split()
    if bare and all(_CAPITALS.fullmatch(w) for w in bare) and re.search(r"[A-Z]{3}", text):
        text = name_case(text)  # "ANDREW MCKENZIE", "JOHN McBRIDE"
    return parse_entry(text)


def _read_register(blocks: list[Block], i: int, meeting_date: str | None) -> tuple[list[Listed], bool]:
    """A register of attendance codes: this meeting's column, read with the printed key.

    The column is the one headed by the meeting's date, else one headed "Attendance", else the
    last column with codes in it (a register printed with the minutes is filled up to this
    meeting). A roll-call table instead heads a column per status ("Present | Apologies") and
    marks one per row. Rows without a person (VACANT) or with a resignation date are skipped,
    and so are empty cells and codes that mean no status ("not a governor then").
    """
    block = blocks[i]
    table = block.table
    assert table is not None
    rows = [[c.text.strip() for c in r.cells] + [""] * (table.n_cols - len(r.cells)) for r in table.rows]
    if len(rows) < 2 or table.n_cols < 2:
        return [], False
    people = [[_person(cell) for cell in row] for row in rows]
    counts = [sum(1 for r in people if r[c] is not None) for c in range(table.n_cols)]
    name_col = max(range(table.n_cols), key=lambda c: counts[c])
    named = [r for r in range(len(rows)) if people[r][name_col] is not None]
    if len(named) < 2:
        return [], False
    above = range(named[0])  # the rows over the first name: the register's column labels
    labels = [" ".join(" ".join(rows[r][c] for r in above).split()) for c in range(table.n_cols)]
    key = _printed_key(blocks, i)
    by_status = {c: label_status(labels[c], key=True)[0] for c in range(table.n_cols) if c != name_col and labels[c]}
    by_status = {c: s for c, s in by_status.items() if s}
    code_cols = []
    for c in range(table.n_cols):
        if c == name_col or c in by_status:
            continue
        cells = [rows[r][c] for r in named if rows[r][c].strip()]
        codes = [cell for cell in cells if _code_of(cell, key)[0]]
        if codes and len(codes) >= 0.6 * len(cells):
            code_cols.append(c)
    resigned = [c for c in range(table.n_cols) if _RESIGNED.search(labels[c])]
    if len(by_status) >= 2:
        return _read_roll_call(block, rows, people, named, name_col, by_status, resigned), True
    if not code_cols or not (key or _about_attendance(blocks, i, labels)):
        return [], False  # codes without a key count as attendance only where the paper says it is
    column = _this_meeting(code_cols, labels, rows, named, key, meeting_date)
    if column is None:
        return [], False
    out: list[Listed] = []
    for r in named:
        if any(rows[r][c].strip() for c in resigned):
            continue
        known, status = _code_of(rows[r][column], key)
        if not known or status is None:
            continue
        entry = people[r][name_col]
        assert entry is not None
        role = ", ".join(
            rows[r][c]
            for c in range(table.n_cols)
            if c not in (name_col, *code_cols, *resigned) and rows[r][c].strip() and not dates.parse_date(rows[r][c])
        )
        if role and not entry.role:
            entry = Entry(entry.name, entry.title, " ".join(role.split()), entry.part, entry.as_written)
        out.append(Listed(entry, _status_of(entry, status), block))
    return out, True


_ATTENDANCE_WORDS = re.compile(r"\battend|\bregister\b|\bpresent\b|\bapolog|\broll[- ]call\b", re.I)


def _about_attendance(blocks: list[Block], i: int, labels: list[str]) -> bool:
    """The table's caption, column labels or the lines just above it speak of attendance."""
    table = blocks[i].table
    near = [b.text for b in blocks[max(0, i - 2) : i] if b.kind != "table"]
    texts = [table.caption or "" if table else "", *labels, *near]
    return any(_ATTENDANCE_WORDS.search(t) for t in texts)


def _this_meeting(
    code_cols: list[int],
    labels: list[str],
    rows: list[list[str]],
    named: list[int],
    key: dict[str, str | None],
    meeting_date: str | None,
) -> int | None:
    if meeting_date:
        for c in code_cols:
            if dates.parse_date(labels[c]) == meeting_date:
                return c
    headed = [c for c in code_cols if _ATTENDANCE_COLUMN.match(labels[c])]
    if len(headed) == 1:
        return headed[0]
    filled = [c for c in code_cols if any(_code_of(rows[r][c], key)[1] for r in named)]
    return filled[-1] if filled else None


def _read_roll_call(
    block: Block,
    rows: list[list[str]],
    people: list[list[Entry | None]],
    named: list[int],
    name_col: int,
    by_status: dict[int, str],
    resigned: list[int],
) -> list[Listed]:
    """'Councillor | Present | Apologies | Absent' with a tick under one status per row."""
    out: list[Listed] = []
    for r in named:
        if any(rows[r][c].strip() for c in resigned):
            continue
        marked = [s for c, s in by_status.items() if _is_mark(rows[r][c])]
        if len(marked) != 1:
            continue
        entry = people[r][name_col]
        assert entry is not None
        out.append(Listed(entry, _status_of(entry, marked[0]), block))
    return out


def _is_mark(cell: str) -> bool:
    c = " ".join(cell.split()).lower()
    return bool(c) and (len(c) <= 3 and c not in ("-", "–", "n", "no", "0", "n/a") or c in ("yes", "present"))


# --- sentences ---------------------------------------------------------------------------------

_APOLOGIES = re.compile(
    r"\bapologies(?: for absence)?\s+(?:(?:had|have)\s+been\s+|were\s+|was\s+)?(?:received|given|submitted|tendered|noted)?\s*"
    r"(?:from|by|on behalf of)\s+(?P<who>.+?)(?=\s+and\s+(?:that|it)\b|\s*[.;](?:\s|$)|$)",
    re.I,
)
# The names first: "Cllr Eve Kemp and Cllr Greg Mills sent apologies.", "Sgt Cole had sent his apologies".
_SENT_APOLOGIES = re.compile(
    r"(?:^|(?<=[.;:]\s))(?P<who>[A-Z][^.;:]{1,160}?)\s+(?:(?:had|have|has)\s+)?"
    r"(?:sent|send|sends|gave|give|gives|tendered|tenders|offered|submitted)\s+(?:their\s+|his\s+|her\s+)?apologies\b"
)
# What follows the names in an apologies sentence: "... from Tom Foy (TF) who was unavoidably detained".
_REASON = re.compile(r"\s+(?:who|as|because|due to|owing to|since|whilst|while|but|for)\b[^,;]*", re.I)


def apologies_in(text: str) -> list[Entry]:
    """'apologies had been received from Councillor Andy Fraser and that ...' -> [Andy Fraser]."""
    out: list[Entry] = []
    for m in [*_APOLOGIES.finditer(text), *_SENT_APOLOGIES.finditer(text)]:
        who = re.sub(r"\b(?:and\s+)?from\s+", "", _REASON.sub("", m.group("who")))
        for entry in _entries_inline(who):
            title, name = split_title(entry.as_written.split("(")[0].strip(" .,"))
            name = name if is_person_name(name, titled=title is not None) else entry.name
            if is_person_name(name, titled=title is not None):
                out.append(
                    Entry(name=name, title=title or entry.title, role=None, part=False, as_written=entry.as_written)
                )
    return out
