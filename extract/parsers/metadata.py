"""Document metadata: doc type, body, place, date, title, and the meeting's date, times, venue.

Everything is read from the front of the paper (its first blocks: title lines, labelled fields,
key/value boxes), where councils put the body's name, the meeting line or the publication
date; the place, the meeting's times and a last-resort year look at the whole text, table
cells included. What a file says of itself outside its text (a web page's front matter, a
PDF's document information) is read last, and the evidence says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from boardpapers.schemas.document import Block, Document
from boardpapers.schemas.records import DocumentMeta, Meeting, Provenance

from ..language import dates
from ..language.bodies import (
    BODY_LABEL,
    BODY_NOUNS,
    BODY_NOUNS_RE,
    BODY_OF_RE,
    LOCAL_COUNCIL,
    ORGANISATION_LABEL,
    STANDALONE_BODIES,
)
from ..language.columns import is_action_header
from ..language.kinds import (
    KIND_WORDS,
    MINUTES_HEADING,
    REPORT_ADDRESSED,
    REPORT_ASKS,
    REPORT_ON_PERFORMANCE,
    TITLE_KINDS,
)
from ..language.labels import ATTENDANCE_LABELS
from ..language.places import (
    BODY_PURPOSE_WORDS,
    COMMISSIONER_AREA,
    COMMON_WORD_PLACES,
    GOV_DOMAIN,
    PLACE_CONTEXT_AFTER,
    PLACE_CONTEXT_BEFORE,
    POLICE_AND_CRIME_PANEL,
    VIRTUAL_MEETING,
    WIDER_BODY_AFTER,
    area_of_body,
    authority_names,
    council_names,
    first_place,
    local_council_place,
    places_in,
)

PARSER = "metadata"
VERSION = "1"
FRONT = 14  # blocks that make up a front page: title, body, date and meeting lines

_SMALL = {"and", "of", "for", "the", "in", "on", "to", "a", "an", "at", "by", "with"}
# A body's name: capitalised words (a word split by a hyphenated wrap, "Well- being", stays one),
# ending in a body noun, perhaps "of Governors" after it. Words of at most 40 letters, at most
# 12 of them before the noun: unbounded, a line of capitals ("AAAA...") or of capitalised words
# was re-read from every word in it, quadratic (issue 14: 20,000 characters took 49 s). "&" is
# a word only, not also a joiner: read both ways, "& & & ..." had exponentially many readings.
_BODY_RE = re.compile(
    rf"(?P<body>(?:(?:[A-Z][\w'’\-]{{0,40}}(?:(?<=-)\s+[a-z]{{1,40}})?|&)(?:,)?\s+(?:(?:and|of|for|the)\s+)?){{0,12}}?"
    rf"{BODY_NOUNS_RE}(?:\s+{BODY_NOUNS_RE})*{BODY_OF_RE}?)\b"
)
# Words of a title that say what the paper is, not whose: "Draft Minutes of the", "Agenda for".
_KIND_LEAD = re.compile(
    r"^(?:(?:Draft|Confirmed|Unconfirmed|Approved|Public|Extraordinary|Special|Annual)\s+)*"
    r"(?:(?:Minutes|Agenda|Notes|Meeting|Report|Action Log|Summons)\s+(?:of|for|to)\s+(?:the\s+|a\s+)?)+"
)
# A title line that names the meeting or the paper's addressee: its body is the paper's.
_MEETING_LINE = re.compile(r"\b(?:minutes|agenda|notes of|meeting of|meeting held|held (?:on|at|in)|report to)\b", re.I)
# Labels of lines that name people or officers, never the paper's body: "From: Head of ...
# Partnership", "Report of: ...", "Present: ...".
_PERSON_LABEL = re.compile(
    r"^\W*(?:from|report of|report by|report author|author|prepared by|contact(?: officers?)?|"
    r"lead officers?|officers?|presented by|cabinet members?(?:\(s\))?(?: responsible)?|"
    r"portfolio holder|signed|chair(?:man|person)?|vice[- ]chair|clerk(?:ed by)?|chaired by|"
    r"minuted by|tel|email)\b[^:]{0,20}:",
    re.I,
)
# A line that says what the paper is about: the bodies it names are its subject's.
_SUBJECT_LABEL = re.compile(r"^\W*(?:title|subject|report title|title of report|re|topic)\s*:", re.I)
# Protective markings and paper kinds that head a page without naming a body.
_NOT_ACRONYM_BODY = {
    "DRAFT",
    "AGENDA",
    "MINUTES",
    "NOTES",
    "REPORT",
    "PUBLIC",
    "PRIVATE",
    "OFFICIAL",
    "SENSITIVE",
    "CONFIDENTIAL",
    "RESTRICTED",
    "APPENDIX",
    "ANNEX",
    "PART",
    "ITEM",
    "CONTENTS",
    "SUMMARY",
    "NHS",
    "UK",
    "PLAN",
    "TITLE",
}


def title_case(text: str) -> str:
    """Runs of capitals in title case: 'AGENDA - SAFER PLYMOUTH PARTNERSHIP Supplement pack'
    -> 'Agenda - Safer Plymouth Partnership Supplement pack'. Acronyms alone (SPP) stay."""

    def fix(m: re.Match) -> str:
        words = m.group(0).split(" ")
        out = []
        for i, w in enumerate(words):
            lw = w.lower()
            out.append(lw if (i and lw in _SMALL) else lw[:1].upper() + lw[1:])
        return " ".join(out)

    # Words of at most 40 capitals, so that a run of "A-A-A-..." is not re-read from each "A" (issue 14).
    return re.sub(r"\b[A-Z][A-Z'’&\-]{0,40}(?: (?:[A-Z][A-Z'’&\-]{0,40}|&))+\b", fix, text)


def _front(doc: Document, n: int = FRONT) -> list[Block]:
    return [b for b in doc.blocks if b.kind not in ("footnote", "margin")][:n]


def _line(b: Block) -> str:
    if b.kind == "field" and b.label:
        return f"{b.label}: {b.text}"
    return ((b.marker + " ") if b.marker else "") + b.text


def _front_text(blocks: list[Block]) -> list[str]:
    """The front page's lines. Only small tables are front-sheet blocks ("Report of: ..."); a
    longer table at the top (an action log, an attendance grid) speaks of its rows, not the paper."""
    out = []
    for b in blocks:
        if b.kind == "table" and b.table:
            rows = b.table.rows
            if len(rows) > 4:
                # Only its title: a first row of one cell ("Elm Tree Equality Plan 2021" atop its cover box).
                if b.table.caption:
                    out.append(b.table.caption)
                elif rows and sum(1 for c in rows[0].cells if c.text.strip()) == 1:
                    out.append(next(c.text for c in rows[0].cells if c.text.strip()))
                continue
            out.extend(" ".join(c.text for c in row.cells if c.text) for row in rows)
        else:
            out.append(_line(b))
    return out


def _all_text(doc: Document) -> str:
    """The paper's text with its table cells: minutes set in a grid have all their words in cells."""
    cells = [c.text for b in doc.blocks if b.kind == "table" and b.table for row in b.table.rows for c in row.cells]
    return doc.text() + "\n" + "\n".join(c for c in cells if c.strip())


# --- fields: labelled values on the front page ---------------------------------------------------


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    block: Block


# Field labels a front sheet sets in capitals, with or without a colon ("COMMITTEE Full Governing
# Body DATE 23 May 2022"): a run of capitals that a known label matches. At most 40 characters:
# unbounded, a line of capitals ("A-A-A-...") was re-read from each of its letters (quadratic).
_CAPS_LABEL = re.compile(r"(?<![\w/])(?P<label>[A-Z][A-Z'’&/()\- ]{0,40}[A-Z)])\s*(?::\s*|\s+(?=\S))")
_LINE_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][\w'’&/()\- ]{0,40}?)\s*:\s*(?P<value>\S.*)$", re.S)


def _known_label(label: str) -> bool:
    """A label of the paper's details: its body, organisation, date, time, venue or subject."""
    return bool(
        BODY_LABEL.match(label)
        or ORGANISATION_LABEL.match(label)
        or dates.DATE_LABEL.match(label)
        or _VENUE_LABEL.match(f"{label}: -")
        or _SUBJECT_LABEL.match(f"{label}:")
        or re.match(r"^(?:start |finish |end )?time$", label, re.I)
    )


def _labelled_parts(text: str) -> list[tuple[str, str]]:
    """'COMMITTEE: Business Management Committee DATE: 16 May 2022' -> two fields; 'Date: 5 June
    2019' -> one."""
    text = " ".join(text.split())
    marks = [m for m in _CAPS_LABEL.finditer(text) if _known_label(m.group("label").strip())]
    if marks and marks[0].start() == 0:
        out = []
        for k, m in enumerate(marks):
            value = text[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip(" :")
            if value:
                out.append((m.group("label").strip(), value))
        return out
    m = _LINE_LABEL.match(text)
    return [(m.group("label").strip(), m.group("value").strip())] if m else []


def _fields(doc: Document) -> list[Field]:
    """Labelled values on the front page: field blocks (the reader's key/value boxes and front
    matter entries), "Label: value" lines, and key/value cells of front tables of any size
    ("Publish date | 20 January 2020", "DATE OF ADOPTION: November 2019")."""
    out: list[Field] = []
    for b in _front(doc):
        if b.kind == "field" and b.label:
            out.append(Field(b.label.strip(), b.text.strip(), b))
        elif b.kind in ("heading", "paragraph") and not b.marker:
            out.extend(Field(label, value, b) for label, value in _labelled_parts(b.text))
        elif b.kind == "table" and b.table:
            for row in b.table.rows:
                texts = [" ".join(c.text.split()) for c in row.cells]
                for k, cell in enumerate(texts):
                    parts = _labelled_parts(cell)
                    if parts:
                        out.extend(Field(label, value, b) for label, value in parts if _known_label(label))
                    elif cell and _known_label(cell.rstrip(": ")) and k + 1 < len(texts) and texts[k + 1]:
                        out.append(Field(cell.rstrip(": "), texts[k + 1], b))
    return out


# --- doc type ------------------------------------------------------------------------------


def classify(doc: Document) -> tuple[str | None, str]:
    front = _front(doc, 20)
    lines = _front_text(front)
    for doc_type, rx, within in TITLE_KINDS:
        if rx is None:  # a cover report's front sheet: "Report to: Cabinet" and what it asks
            # (its key/value box may be a table: "| Report to | Licensing Committee |")
            boxed = [f"{f.label}: {f.value}" for f in _fields(doc) if REPORT_ADDRESSED.search(f"{f.label}:")]
            report = _report_front(boxed + lines[:within], addressed_only=True)
            if report:
                return report
            continue
        for line in lines[:within]:
            if rx.search(line):
                if doc_type == "agenda_pack" and _minutes_after_agenda(doc, line):
                    return "minutes", f"{line} / a Minutes heading on the same page"
                return doc_type, line
    report = _report_front(lines[:14])
    if report:
        return report
    # No title says what the paper is: tables whose columns are months, quarters or years
    # ("Ward | Apr-Jun 2019 | Jul-Sep 2019") make it a performance report, unless the paper
    # has more tables of actions with owners (a plan or an action log).
    period_tables = sum(_is_period_table(b) for b in doc.blocks if b.kind == "table")
    action_tables = sum(_is_action_table(b) for b in doc.blocks if b.kind == "table")
    if period_tables and period_tables > action_tables:
        return "performance_report", f"{period_tables} tables with period columns"
    text = _all_text(doc)
    scores = Counter({kind: len(rx.findall(text)) for kind, rx in KIND_WORDS.items()})
    best, score = scores.most_common(1)[0]
    # The words must be dense, not merely present: a 100-page manual says "action" a few
    # times without being minutes. Two mentions per thousand words at least.
    per_thousand = 1000 * score / max(len(text.split()), 1)
    if score >= 3 and per_thousand >= 2:
        return best, f"{score} mentions of {best} words ({per_thousand:.1f} per 1,000)"
    return None, ""


def _report_front(lines: list[str], addressed_only: bool = False) -> tuple[str, str] | None:
    """A cover or decision report: its front sheet says whom it is for and what it asks
    ("Report to: Cabinet" and "The Board is asked to"), or asks two things without saying whom
    (when no title says what the paper is). A report whose subject is performance is a
    performance report ("Subject: Partnership performance 2019/20")."""
    front = lines
    addressed = [line for line in front if REPORT_ADDRESSED.search(line)]
    asks = {REPORT_ASKS.search(line).group(0).lower().strip(" :") for line in front if REPORT_ASKS.search(line)}
    if not (addressed and asks) and (addressed_only or len(asks) < 2):
        return None
    evidence = " / ".join((addressed + sorted(asks))[:3])
    titles = [
        line
        for line in front
        if len(line.split()) <= 16
        and not re.match(r"^\W*\(?[a-z0-9]{1,3}[.)]\s", line)
        and not REPORT_ASKS.search(line)
    ]
    if any(REPORT_ON_PERFORMANCE.search(line) for line in titles):
        return "performance_report", evidence
    return "report", evidence


def _minutes_after_agenda(doc: Document, agenda_line: str) -> bool:
    """'## Agenda' over its list, then '## Minutes' on the same page: one page of a meeting's notes."""
    blocks = _front(doc, 30)
    start = next((k for k, b in enumerate(blocks) if _line(b) == agenda_line), None)
    if start is None:
        return False
    agenda = blocks[start]
    if agenda.kind != "heading" or agenda.marker:
        return False
    # A sibling heading, not an agenda item ("2 Minutes: to confirm the minutes"), on the same page.
    return any(
        b.kind == "heading"
        and not b.marker
        and b.level == agenda.level
        and b.page == agenda.page
        and MINUTES_HEADING.match(b.text)
        for b in blocks[start + 1 :]
    )


_PERIOD_LABEL = re.compile(
    rf"^(?:{dates.MONTH_RE}\b.*|q[1-4]\b.*|(?:19|20)\d\d(?:\s*[/\-–]\s*\d{{2,4}})?|\w+\s*[-–]\s*\w+\s+(?:19|20)\d\d)$",
    re.I,
)


def _is_period_table(block: Block) -> bool:
    """Two or more header cells are periods: 'Apr-16', 'Q2', '2017/18', 'Apr-Jun 2019'."""
    header = block.table.header_texts() if block.table else []
    return sum(bool(_PERIOD_LABEL.match(h.strip())) for h in header if h.strip()) >= 2


def _is_action_table(block: Block) -> bool:
    return block.table is not None and is_action_header(block.table.header_texts())


# --- body ------------------------------------------------------------------------------------


def _title_lines(doc: Document) -> list[tuple[Block, str]]:
    """The front lines that may name the paper: headings, short lines and the meeting line; not
    list items, numbered paragraphs, sentences of discussion, or lines naming people or officers."""
    out = []
    for b in _front(doc):
        if b.kind == "table" and b.table and len(b.table.rows) <= 4:
            lines = [" ".join(c.text for c in row.cells if c.text) for row in b.table.rows]
        elif b.kind in ("heading", "paragraph") and not b.marker:
            lines = [b.text]
        else:
            continue
        for line in lines:
            line = " ".join(line.split())
            if b.kind != "table" and _attendance_label(line):
                return out  # "Present:" ends the title lines: the names below are people's
            if not line or _names_people(line):
                continue
            # A sentence is not a title ("Norfolk County Council No representative present ... sent.").
            if (b.kind == "heading" or len(line.split()) <= 20 and not line.endswith(".")) or _MEETING_LINE.search(
                line
            ):
                out.append((b, line))
    return out


def _attendance_label(line: str) -> bool:
    """A line that opens a list of people: 'Present:', 'Councillors present: ...', '**Present:**'."""
    head = line.split(":", 1)[0].strip(" *_").lower() if ":" in line[:60] else ""
    return bool(head) and any(rx.match(head) or rx.match(head.split()[-1]) for _, rx in ATTENDANCE_LABELS)


def _names_people(line: str) -> bool:
    """A line labelled as a list of people ("Present:") or an officer ("From:", "Report of:")."""
    return bool(_PERSON_LABEL.match(line)) or _attendance_label(line)


def _bodies_in(text: str) -> list[str]:
    """Bodies named in a line: 'Draft Minutes of the West Dereham Parish Council Meeting ...' ->
    ['West Dereham Parish Council']; 'Minutes of Cabinet' -> ['Cabinet']; 'CABINET' -> ['Cabinet']."""
    out = []
    if re.fullmatch(r"[A-Z][A-Z'’&\-]+", text.strip()):
        text = text.strip().capitalize()  # one word in capitals: title_case leaves a lone word alone
    for m in _BODY_RE.finditer(title_case(text)):
        body = _KIND_LEAD.sub("", m.group("body").strip(" ,")).strip(" ,")
        words = body.split()
        if (len(words) >= 2 and words[0].lower() not in _SMALL) or body in STANDALONE_BODIES:
            out.append(body)
    return out


def _field_body(value: str) -> str | None:
    """The body a field names: the whole value when it ends in a body noun ('Full Governing Body',
    'Cabinet'), else the first body named inside it."""
    value = title_case(" ".join(value.split())).strip(" .:;")
    bodies = _bodies_in(value)
    if re.search(rf"(?:{BODY_NOUNS_RE}){BODY_OF_RE}?$", value) and len(value.split()) <= 10 and value[:1].isupper():
        whole = _KIND_LEAD.sub("", value)
        if whole in STANDALONE_BODIES or len(whole.split()) >= 2:
            return whole
    return bodies[0] if bodies else None


def find_body(doc: Document) -> tuple[str | None, str]:
    fields = _fields(doc)
    # A field that names the body: "COMMITTEE: Full Governing Body", "Report to: Cabinet".
    for f in fields:
        if BODY_LABEL.match(f.label):
            body = _field_body(f.value)
            if body:
                return body, f"{f.label}: {f.value}"
    # Title lines: the first body named (the partnership heading its group's notes; "CABINET"), a
    # council's letterhead last: the council publishes the paper of its committee ("KIRKDALE
    # BOROUGH COUNCIL" over "Minutes of the Communities Scrutiny Committee"). A parish or town
    # council's minutes are its own.
    ranked: list[tuple[int, int, str, str]] = []
    for k, (_block, line) in enumerate(_title_lines(doc)):
        if _SUBJECT_LABEL.match(line):
            continue  # "Title: Safer Ashdown Partnership Strategy": what the paper is about, not whose
        for body in _bodies_in(line):
            rank = (
                1
                if body.endswith("Council") and not LOCAL_COUNCIL.search(body) and body not in STANDALONE_BODIES
                else 0
            )
            ranked.append((rank, k, body, line))
    if ranked:
        _, _, body, line = min(ranked)
        return body, line
    # The organisation a field names, when no committee is: "School name | Decoy Primary School".
    for f in fields:
        if ORGANISATION_LABEL.match(f.label) and 1 <= len(f.value.split()) <= 8:
            return title_case(f.value).strip(" ."), f"{f.label}: {f.value}"
    # A letterhead acronym heading the first page on its own ("BSWN").
    first = next((b for b in doc.blocks if b.kind in ("heading", "paragraph")), None)
    if (
        first is not None
        and first.page == 1
        and re.fullmatch(r"[A-Z][A-Z&]{1,7}", first.text.strip())
        and first.text.strip() not in _NOT_ACRONYM_BODY
        and first.kind == "heading"
    ):
        return first.text.strip(), first.text
    # A parish, town or community council's minutes call it "the Parish Council" and nothing else.
    mentions = Counter(m.group(0) for m in LOCAL_COUNCIL.finditer(doc.text()))
    if mentions:
        name, n = mentions.most_common(1)[0]
        if n >= 2:
            return name, f"the paper calls itself the {name} ({n} times)"
    return None, ""


# Words that open a sentence or a title before a body's name, not words of its name.
_NOT_BODY_NAME = {
    "The",
    "A",
    "An",
    "This",
    "Our",
    "Of",
    "To",
    "All",
    "Members",
    "Member",
    "Meeting",
    "Minutes",
    "Notes",
}


def _fuller_body_name(body: str, text: str) -> str | None:
    """The one fuller name a paper gives a body it heads with its kind alone, no area in it: a summons
    to "the Community Safety Partnership Board" that calls it "the Westerleigh Community Safety
    Partnership Board" in its text; "Police and Crime Panel" and "Eastvale Police and Crime Panel"."""
    words = body.split()
    if not words or words[0] not in BODY_PURPOSE_WORDS or body in STANDALONE_BODIES:
        return None
    named = set()
    # On one line: a letterhead over the body's heading ("DUNMORE BOROUGH COUNCIL" / "Communities
    # Scrutiny Panel") is another body, not the first words of this one's name.
    for m in re.finditer(rf"\b((?:[A-Z][\w'’&-]*[ \t]+){{1,3}}){re.escape(body)}\b", text):
        front = m.group(1).split()
        while front and front[0] in _NOT_BODY_NAME:
            front = front[1:]
        if front and not any(w in _NOT_BODY_NAME or w.title() in BODY_NOUNS for w in front):
            named.add(" ".join(front + words))
    return named.pop() if len(named) == 1 else None


# --- place -----------------------------------------------------------------------------------

# Words that may stand before a place's name without making it a person's surname.
_PLACE_PREFIXES = {
    "Safer",
    "Greater",
    "North",
    "South",
    "East",
    "West",
    "Central",
    "City",
    "Inner",
    "Royal",
    "Borough",
    "Council",
    "Stronger",
    "Community",
    "Partnership",
    "Of",
    "The",
    "In",
    "At",
}


def _place_mentions(text: str) -> Counter:
    """Known places named in the text, leaving out surnames ("Richard Stirling", "Jo May"), words
    that only look like places ("KS2 Reading"), and counties named inside the names of wider
    bodies ("Norfolk Constabulary", "Norfolk County Council" in a parish's minutes)."""
    counts = places_in(text)
    for place in list(counts):
        for m in re.finditer(rf"\b{re.escape(place)}\b", text):
            before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 80]
            word = re.search(r"\b([A-Z][a-z]+)\s+$", before)
            if word and word.group(1) not in _PLACE_PREFIXES:
                counts[place] -= 1
            elif WIDER_BODY_AFTER.match(after):
                counts[place] -= 1
            elif place in COMMON_WORD_PLACES and not (
                PLACE_CONTEXT_BEFORE.search(before) or PLACE_CONTEXT_AFTER.match(after)
            ):
                counts[place] -= 1
    return +counts


def _council_place(lines: list[str]) -> str | None:
    """The place of the first council the front lines name ("KIRKDALE BOROUGH COUNCIL")."""
    for line in lines:
        if _VENUE_LABEL.match(line):
            continue  # "Place: Warspite Room, Council House, Plymouth" is where, not whose
        for name, _kind in council_names(title_case(line)):
            return name
    return None


def find_place(doc: Document, body: str | None) -> tuple[str | None, str]:
    # A parish, town or community council is its own place; one the paper does not name has none
    # (the county that its minutes mention is another body's area).
    if body and LOCAL_COUNCIL.search(body):
        place = local_council_place(title_case(body))
        return (place, body) if place else (None, "")
    lines = [line for _, line in _title_lines(doc)] + [
        f"{f.label}: {f.value}" for f in _fields(doc) if not _names_people(f"{f.label}: {f.value}")
    ]
    # The council whose paper it is, named on the front page in any case: "KIRKDALE BOROUGH COUNCIL".
    council = _council_place(lines)
    if council:
        return council, "the council named on the front page"
    if body and first_place(body):
        return first_place(body), body
    text = _all_text(doc)
    named = {name for name, _ in council_names(title_case(text))}
    # The body is named after a council the paper names ("Tamebridge Community Safety Partnership",
    # "Tamebridge Council"), though the place is not in the gazetteer.
    if body:
        for name in sorted(named, key=len, reverse=True):
            if title_case(body).startswith(name + " "):
                return name, f"{body} / {name} Council"
    # The council's web or email address: "www.devon.gov.uk".
    known = {re.sub(r"[^a-z]", "", p.lower()): p for p in list(places_in(text)) + sorted(named)}
    for m in GOV_DOMAIN.finditer(text):
        key = re.sub(r"[^a-z]", "", m.group("name").lower())
        from_list = first_place(m.group("name").title())
        place = known.get(key) or (from_list if from_list and from_list.lower() == m.group("name").lower() else None)
        if place:
            return place, m.group(0)
    front = " ".join(_front_text(_front(doc)))
    counts = _place_mentions(front)
    if counts:
        place, n = counts.most_common(1)[0]
        return place, f"named on the front page ({front[:120]})"
    # The one council the paper names, more than in passing: twice, or as its local authority ("Devon LA").
    councils = {name: n for name, n in authority_names(title_case(text)).items() if first_place(name) == name}
    if len(councils) == 1 and max(councils.values()) >= 2:
        place = next(iter(councils))
        return place, f"the one council named ({place})"
    # Elsewhere in the paper a place must recur: a passing mention ("the Mayor of London") is not its area.
    counts = _place_mentions(text)
    if counts and counts.most_common(1)[0][1] >= 3:
        place, n = counts.most_common(1)[0]
        return place, f"named {n} times"
    # An area no gazetteer knows, that the body is named after and the paper names again on its
    # own ("Northshire Police and Crime Panel" ... "the Commissioner for Northshire").
    area = area_of_body(body, text) if body else None
    if area:
        return area, f"{body} / {area} named again"
    # A police and crime panel's area is its commissioner's: "Police and Crime Commissioner for Eastvale".
    commissioner = COMMISSIONER_AREA.search(text) if body and POLICE_AND_CRIME_PANEL.search(body) else None
    if commissioner:
        return commissioner.group("area"), commissioner.group(0)
    return None, ""


# --- date ------------------------------------------------------------------------------------


def _date_lines(doc: Document) -> list[str]:
    """Front lines that may date the paper, dated fields first ("Publish date: 20 January 2020");
    a next meeting or a next review is not the paper's date."""
    fields = [f for f in _fields(doc) if dates.DATE_LABEL.match(f.label)]
    front = [b for b in _front(doc) if b.kind != "table"] + [b for b in _front(doc) if b.kind == "table"]
    lines = [f"{f.label}: {f.value}" for f in fields] + _front_text(front)
    return [line for line in lines if not dates.NEXT_DATE_LABEL.search(line)]


def find_date(doc: Document, doc_type: str | None) -> tuple[str | None, str]:
    refs = _minute_ref_month(doc)
    lines = _date_lines(doc)
    if refs:  # "14/11/10" is minute 10 of November 2014, not 14 November 2010
        yy, mm = refs[0][2:4], refs[0][5:7]
        lines = [re.sub(rf"(?<![\d/]){yy}/{mm}/\d{{1,2}}(?:\.\d{{1,2}})?(?![\d/])", " ", line) for line in lines]
    for line in lines:
        iso = dates.parse_date(line)
        if iso:
            return iso, line
        labelled = _LABELLED_MONTH.match(line)
        if labelled and dates.month_number(labelled.group(1)):
            # "Updated June 2023" over a log's rows: the paper's own date, not a row's meeting below it.
            return dates.iso_date(int(labelled.group(2)), dates.month_number(labelled.group(1))), line
        m = re.search(
            rf"\b(?:held on|date:?)\s+(?:\w+day\s+)?(\d{{1,2}})\w*\s+({dates.MONTH_RE})\b(?!\s+\d)", line, re.I
        )
        if m:  # "held on 2 March at ..." with the year elsewhere on the front page
            year = _front_year(doc)
            if year:
                return dates.iso_date(int(year), dates.month_number(m.group(2)), int(m.group(1))), line
    month = _month_year(lines)
    if month:
        return month
    # A web page's front matter dates the meeting by its start ("start: 2021-02-08T15:00"); its
    # "date:" is the day the page was posted, never the paper's.
    start = dates.parse_date(doc.properties.get("start"))
    if start:
        return start, f"front matter start: {doc.properties['start']}"
    if refs:
        return refs
    text_year = None
    for line in _front_text(_front(doc, 4)):
        standalone = [
            y
            for y in dates.YEAR.findall(line)
            if not re.search(rf"{y}\s*[-–/]\s*\d", line) and not re.search(rf"\d\s*[-–/]\s*{y}", line)
        ]
        if standalone:
            text_year = (standalone[0], line)
            break
    if text_year is None:
        years = Counter(dates.YEAR.findall(_all_text(doc)))
        if years:
            year, n = years.most_common(1)[0]
            text_year = (year, f"the year named most ({n} times)")
    # Last resort, and said so: the PDF's own title ("... 1 year report Mar 23") when it dates the
    # paper within the year the text gives; its creation date only when the text gives no year.
    pdf = _pdf_date(doc, text_year[0] if text_year else None)
    if pdf:
        return pdf
    return text_year if text_year else (None, "")


# A plan or report with no day on its cover: "March 2019", "Published June 2020", "Refreshed for
# 2018/19 - May 2018" (CSP plans and task-and-finish reports). A line that is only a month and a
# year (perhaps labelled) counts anywhere on the front page; a short line in the first four.
# Words that label a paper's own date: "Published June 2020", "Updated June 2023", "As at May 2024".
_DATE_LINE_LABEL = r"published|date(?:\s+published)?|issued|updated|refreshed|approved|as at"
_MONTH_LINE = re.compile(
    rf"^\W*(?:(?:{_DATE_LINE_LABEL})\b[^\d]*?)?({dates.MONTH_RE})\.?\s+((?:19|20)\d\d)\W*$",
    re.I,
)
# The same with its label: the paper's own date even above a log's rows of meeting dates.
_LABELLED_MONTH = re.compile(
    rf"^\W*(?:{_DATE_LINE_LABEL})\b[^\d]*?({dates.MONTH_RE})\.?\s+((?:19|20)\d\d)\W*$",
    re.I,
)


def _month_year(lines: list[str]) -> tuple[str, str] | None:
    for k, line in enumerate(lines):
        m = _MONTH_LINE.match(line)
        if not m:
            label, _, value = line.partition(":")
            if value and dates.DATE_LABEL.match(label.strip()):  # "DATE OF ADOPTION: November 2019"
                m = dates.MONTH_YEAR.search(value)
        if not m and k < 4 and len(line.split()) <= 8:
            m = dates.MONTH_YEAR.search(line)
        month = m and dates.month_number(m.group(1))
        if month:
            return dates.iso_date(int(dates.full_year(m.group(2))), month), line
    return None


# Minutes numbered by year and month ("14/11/3", "Resolved 14/11/5.01"): parish councils'
# convention. Three or more alike, in a year the paper names, give the meeting's month.
_MINUTE_REF = re.compile(r"(?<![\d/])(\d\d)/(\d\d)/\d{1,2}(?:\.\d{1,2})?(?![\d/])")


def _minute_ref_month(doc: Document) -> tuple[str, str] | None:
    text = _all_text(doc)
    refs = Counter((y, m) for y, m in _MINUTE_REF.findall(text) if 1 <= int(m) <= 12)
    if not refs:
        return None
    (yy, mm), n = refs.most_common(1)[0]
    year = 2000 + int(yy)
    if n >= 3 and n >= 0.8 * sum(refs.values()) and str(year) in dates.YEAR.findall(text):
        return dates.iso_date(year, int(mm)), f"minutes numbered {yy}/{mm}/... ({n} times)"
    return None


def _pdf_date(doc: Document, text_year: str | None) -> tuple[str, str] | None:
    title = doc.properties.get("pdf:Title", "")
    found = dates.parse_date(title)
    if not found:
        m = dates.MONTH_YEAR.search(title)
        if m and dates.month_number(m.group("m")):
            found = dates.iso_date(dates.full_year(m.group("y")), dates.month_number(m.group("m")))
    if found and (text_year is None or found.startswith(text_year)):
        return found, f"pdf:Title (the PDF's document information, a last resort): {title}"
    created = dates.parse_date(doc.properties.get("pdf:CreationDate"))
    if created and text_year is None:
        return (
            created,
            f"pdf:CreationDate (the PDF's document information, a last resort): {doc.properties['pdf:CreationDate']}",
        )
    return None


def _front_year(doc: Document) -> str | None:
    for line in _front_text(_front(doc)):
        m = re.search(r"\b\d{1,2}[./]\d{1,2}[./](\d{2,4})\b", line) or dates.YEAR.search(line)
        if m:
            return str(dates.full_year(m.group(1)))
    return None


def find_title(doc: Document) -> str | None:
    # A box's labelled values (field blocks after its table) do not push the title out of the front.
    front = [
        b
        for b in [x for x in doc.blocks if x.kind not in ("footnote", "margin", "field")][:4]
        if b.kind in ("heading", "paragraph")
    ]
    if not front:
        return None
    title = front[0].text
    if len(front) > 1 and front[1].kind == "heading" and len(front[1].text.split()) <= 6 and front[0].kind == "heading":
        title = f"{title}: {front[1].text}"
    return title_case(title)[:300]


# --- meeting ---------------------------------------------------------------------------------

# "Venue: ...", and bilingual "Lleoliad / Venue: Guildhall, Wrexham" (Welsh first or second).
_VENUE_LABEL = re.compile(
    r"^\s*(?:[^:/]{1,30}\s*/\s*)?(?:place|venue|location|where)(?:\s*/\s*[^:/]{1,30})?\s*:\s*(?P<v>.+)$", re.I
)
_TIME = r"\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d"
# "Meeting commenced: 10:00", "The meeting commenced at 1831": the time follows (dates.parse_clock).
_COMMENCED = re.compile(r"\b(?:commenced|started|began|opened|start time)\s*(?:at\b|:)?\s*", re.I)
_HELD_IN = re.compile(r"\b(?:held|meeting)\b.*?\b(?:in|at)\s+(?:the\s+)?(?P<v>(?:[A-Z0-9][\w'’.&-]*[\s,]*)+)", re.S)
# "The meeting closed at 9.05pm", "Meeting closed 9.05pm", "The meeting closed 1930", "final
# closure of the meeting was at 8.37 pm", "The Chair closed the meeting at 3.45pm".
_CONCLUDED = re.compile(
    r"\b(?:(?:meeting|it)\s+(?:was\s+)?(?:concluded|closed|ended|finished|terminated)|"
    r"closed the meeting|close of (?:the )?meeting|closure of the meeting(?:\s+was)?|meeting close)"
    r"\s*(?:at\b|:)?\s*",
    re.I,
)


def _lines_with_cells(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Every block's text, and each table cell as a line of its own (grid minutes say
    "The meeting commenced at 1831" in a cell)."""
    out = []
    for b in blocks:
        if b.kind == "table" and b.table:
            out.extend((b, c.text) for row in b.table.rows for c in row.cells if c.text.strip())
        elif b.text:
            out.append((b, b.text))
    return out


def _time_after(rx: re.Pattern, text: str) -> str | None:
    for m in rx.finditer(text):
        found = dates.parse_clock(text[m.end() :])
        if found:
            return found
    return None


def find_meeting(doc: Document, meta: DocumentMeta) -> Meeting | None:
    if meta.doc_type not in ("minutes", "agenda_pack"):
        return None
    front = _front(doc)
    start = end = venue = None
    evidence: list[Block] = []
    for b in front:
        text = b.text if b.kind != "table" else ""
        if b.kind == "field" and b.label:
            text = f"{b.label}: {b.text}"
        if not text:
            continue
        m = _VENUE_LABEL.match(text)
        if m and not venue:
            venue = m.group("v").strip(" .")
            evidence.append(b)
            continue
        timed = dates.DATE_NUMERIC.sub(" ", text)  # '02.03.11' is a date, not 02:03
        commenced = _time_after(_COMMENCED, timed)
        if commenced and not start:
            start = commenced
            evidence.append(b)
            continue
        if (
            re.match(r"^\s*time\s*:", timed, re.I)
            or (dates.parse_date(text) and dates.parse_time(timed))
            or re.search(r"\d[.:]\d\d\s*[-–]\s*\d", timed)
        ):
            s, e = dates.parse_time_range(timed)
            if s and not start:
                start, end = s, e or end
                evidence.append(b)
        if not venue and re.search(r"\bheld\b", text, re.I):
            venue = _venue_after_held(text)
            if venue:
                evidence.append(b)
    lines = _lines_with_cells(doc.blocks)
    if not start:  # "The meeting commenced at 1831", past the front page (in a grid's first row)
        for b, text in lines:
            found = _time_after(_COMMENCED, dates.DATE_NUMERIC.sub(" ", text))
            if found and re.search(r"\bmeeting\b|^\W*(?:commenced|started|began|opened)\b", text, re.I):
                start = found
                evidence.append(b)
                break
    if not venue:  # "This was a virtual meeting using Zoom": the platform is the place of meeting
        for b, text in lines:
            m = VIRTUAL_MEETING.search(text) if not re.search(r"\bnext meeting\b", text, re.I) else None
            if m:
                venue = m.group("platform")
                evidence.append(b)
                break
    if not venue:
        venue = _address_line(front)
    for b, text in reversed(lines):
        found = _time_after(_CONCLUDED, text)
        if found:
            end = found
            evidence.append(b)
            break
    evidence = [b for i, b in enumerate(evidence) if all(b is not e for e in evidence[:i])]  # a block once
    first = evidence[0] if evidence else (front[0] if front else None)
    if first is None:
        return None
    # The meeting's date as the paper gives it: a day, or a month where it gives no day
    # ("2014-11"); not a year alone, nor a date the PDF's information gives.
    from_paper = not meta.evidence.get("date", "").startswith("pdf:")
    date = meta.date if meta.date and len(meta.date) >= 7 and from_paper else None
    return Meeting(
        body=meta.body,
        date=date,
        start_time=start,
        end_time=end,
        venue=venue,
        provenance=Provenance(
            document_id=doc.id,
            page=first.page,
            text=" / ".join(b.text for b in evidence)[:1000] or first.text,
            box=first.box,
            lines=first.lines,
            parser=PARSER,
            parser_version=VERSION,
        ),
    )


def _venue_after_held(text: str) -> str | None:
    """'... held on Thursday 3 December 2009 at 9.00am in Conference Room B, Civic Offices, Portsmouth.'
    A title line in capitals ('... MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.00 pm ON
    THURSDAY 1 JUNE 2017') is read in title case."""
    text = title_case(text)
    tail = re.split(r"\bheld\b", text, maxsplit=1, flags=re.I)[1]
    tail = re.sub(
        r"\bon\s+(?:\w+day,?\s+)?\d{1,2}\w*\s+\w+(?:\s+\d{4})?", " ", tail, flags=re.I
    )  # "on Wednesday, 12th June 2019"
    tail = re.sub(r"\bat\s+\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?", " ", tail, flags=re.I)
    m = re.search(r"\b(?:in|at)\s+(?:the\s+)?(?P<v>[A-Z0-9][^:;]*?)(?:\.\s*$|\.\s+[A-Z]|[:;]|$)", tail)
    if not m:
        return None
    venue = m.group("v").strip(" .,")
    return venue if 2 <= len(venue) <= 150 else None


def _address_line(front: list[Block]) -> str | None:
    """A line on the front page that reads as an address: rooms, buildings, postcodes."""
    for b in front[:8]:
        t = b.text
        if re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", t) or re.search(
            r"\b(?:Room|House|Hall|Offices|Centre|Building|Chamber)\b", t
        ):
            if len(t) < 160 and not re.search(r"\b(?:held|minutes)\b", t, re.I):
                # "Wednesday 6 March 2019 at 10.00am, Civic Offices, Euclid Street, Swindon": the address follows the time.
                lead = re.match(rf"^.*?(?:{_TIME})\s*(?:[-–]\s*(?:{_TIME})\s*)?[,;–-]\s*(?=[A-Z])", t, re.I)
                if lead and dates.parse_date(t):
                    t = t[lead.end() :]
                return t.strip(" .")
    return None


def parse_metadata(doc: Document) -> DocumentMeta:
    doc_type, type_ev = classify(doc)
    body, body_ev = find_body(doc)
    fuller = _fuller_body_name(body, _all_text(doc)) if body else None
    if fuller:  # "Community Safety Partnership Board" on the front, "the Westerleigh ..." in the text
        body, body_ev = fuller, f"{body_ev} / named in full: {fuller}"
    place, place_ev = find_place(doc, body)
    date, date_ev = find_date(doc, doc_type)
    evidence = {
        k: v[:300] for k, v in {"doc_type": type_ev, "body": body_ev, "place": place_ev, "date": date_ev}.items() if v
    }
    return DocumentMeta(
        doc_id=doc.id,
        source=doc.name,
        source_kind=doc.source_kind,
        page_count=doc.page_count,
        doc_type=doc_type,
        title=find_title(doc),
        body=body,
        place=place,
        date=date,
        evidence=evidence,
    )
