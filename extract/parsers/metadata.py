"""Document metadata: doc type, body, place, date, title, and the meeting's date, times, venue.

Everything is read from the front of the paper (its first blocks), where councils put the
body's name, the meeting line or the publication date; only the place and a last-resort
year look at the whole text.
"""
from __future__ import annotations

import re
from collections import Counter

from boardpapers.schemas.document import Block, Document
from boardpapers.schemas.records import DocumentMeta, Meeting, Provenance

from ..language import dates
from ..language.bodies import BODY_NOUNS_RE
from ..language.columns import is_action_header
from ..language.kinds import KIND_WORDS, TITLE_KINDS
from ..language.places import first_place, places_in

PARSER = "metadata"
VERSION = "1"
FRONT = 14  # blocks that make up a front page: title, body, date and meeting lines

_SMALL = {"and", "of", "for", "the", "in", "on", "to", "a", "an", "at", "by", "with"}
_BODY_NOUNS = BODY_NOUNS_RE
# Words of at most 40 letters, at most 12 of them before the noun: unbounded, a line of
# capitals ("AAAA...") or of capitalised words was re-read from every word in it, quadratic
# (issue 14: 20,000 characters took 49 s). No body's name comes near either bound. "&" is a
# word only, not also a joiner: read both ways, a line of "& & & ..." had exponentially many
# readings (the same names match).
_BODY_RE = re.compile(
    rf"(?P<body>(?:(?:[A-Z][\w'’\-]{{0,40}}|&)(?:,)?\s+(?:(?:and|of|for|the)\s+)?){{1,12}}?{_BODY_NOUNS}(?:\s+{_BODY_NOUNS})*)\b"
)


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


def _front_text(blocks: list[Block]) -> list[str]:
    """The front page's lines. Only small tables are front-sheet blocks ("Report of: ..."); a
    longer table at the top (an action log, an attendance grid) speaks of its rows, not the paper."""
    out = []
    for b in blocks:
        if b.kind == "table" and b.table:
            if len(b.table.rows) > 4:
                continue
            out.extend(" ".join(c.text for c in row.cells if c.text) for row in b.table.rows)
        else:
            out.append(((b.marker + " ") if b.marker else "") + b.text)
    return out


# --- doc type ------------------------------------------------------------------------------



def classify(doc: Document) -> tuple[str | None, str]:
    lines = _front_text(_front(doc, 20))
    for doc_type, rx, within in TITLE_KINDS:
        for line in lines[:within]:
            if rx.search(line):
                return doc_type, line
    # No title says what the paper is: tables whose columns are months, quarters or years
    # ("Ward | Apr-Jun 2019 | Jul-Sep 2019") make it a performance report, unless the paper
    # has more tables of actions with owners (a plan or an action log).
    period_tables = sum(_is_period_table(b) for b in doc.blocks if b.kind == "table")
    action_tables = sum(_is_action_table(b) for b in doc.blocks if b.kind == "table")
    if period_tables and period_tables > action_tables:
        return "performance_report", f"{period_tables} tables with period columns"
    text = doc.text()
    scores = Counter({kind: len(rx.findall(text)) for kind, rx in KIND_WORDS.items()})
    best, score = scores.most_common(1)[0]
    # The words must be dense, not merely present: a 100-page manual says "action" a few
    # times without being minutes. Two mentions per thousand words at least.
    per_thousand = 1000 * score / max(len(text.split()), 1)
    if score >= 3 and per_thousand >= 2:
        return best, f"{score} mentions of {best} words ({per_thousand:.1f} per 1,000)"
    return None, ""


_PERIOD_LABEL = re.compile(
    rf"^(?:{dates.MONTH_RE}\b.*|q[1-4]\b.*|(?:19|20)\d\d(?:\s*[/\-–]\s*\d{{2,4}})?|\w+\s*[-–]\s*\w+\s+(?:19|20)\d\d)$", re.I)


def _is_period_table(block: Block) -> bool:
    """Two or more header cells are periods: 'Apr-16', 'Q2', '2017/18', 'Apr-Jun 2019'."""
    header = block.table.header_texts() if block.table else []
    return sum(bool(_PERIOD_LABEL.match(h.strip())) for h in header if h.strip()) >= 2


def _is_action_table(block: Block) -> bool:
    return block.table is not None and is_action_header(block.table.header_texts())


# --- body, place, date, title ----------------------------------------------------------------

def find_body(doc: Document) -> tuple[str | None, str]:
    for line in _front_text(_front(doc)):
        candidate = title_case(" ".join(line.split()))
        for m in _BODY_RE.finditer(candidate):
            body = m.group("body").strip(" ,")
            words = body.split()
            if len(words) >= 2 and words[0].lower() not in _SMALL:
                return body, line
    return None, ""


# Words that may stand before a place's name without making it a person's surname.
_PLACE_PREFIXES = {"Safer", "Greater", "North", "South", "East", "West", "Central", "City", "Inner", "Royal",
                   "Borough", "Council", "Stronger", "Community", "Partnership", "Of", "The", "In", "At"}


def _place_mentions(text: str) -> Counter:
    """Known places named in the text, leaving out surnames ("Richard Stirling", "Jo May")."""
    counts = places_in(text)
    for place in list(counts):
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(place)}\b", text):
            if m.group(1) not in _PLACE_PREFIXES:
                counts[place] -= 1
    return +counts


def find_place(doc: Document, body: str | None) -> tuple[str | None, str]:
    if body and first_place(body):
        return first_place(body), body
    front = " ".join(_front_text(_front(doc)))
    counts = _place_mentions(front)
    if counts:
        place, n = counts.most_common(1)[0]
        return place, f"named on the front page ({front[:120]})"
    # Elsewhere in the paper a place must recur: a passing mention ("the Mayor of London") is not its area.
    counts = _place_mentions(doc.text())
    if counts and counts.most_common(1)[0][1] >= 3:
        place, n = counts.most_common(1)[0]
        return place, f"named {n} times"
    return None, ""


def find_date(doc: Document, doc_type: str | None) -> tuple[str | None, str]:
    front = [b for b in _front(doc) if b.kind != "table"] + [b for b in _front(doc) if b.kind == "table"]
    for line in _front_text(front):
        iso = dates.parse_date(line)
        if iso:
            return iso, line
        m = re.search(rf"\b(?:held on|date:?)\s+(?:\w+day\s+)?(\d{{1,2}})\w*\s+({dates.MONTH_RE})\b(?!\s+\d)", line, re.I)
        if m:  # "held on 2 March at ..." with the year elsewhere on the front page
            year = _front_year(doc)
            if year:
                return dates.iso_date(int(year), dates.month_number(m.group(2)), int(m.group(1))), line
    month = _month_year(doc)
    if month:
        return month
    for line in _front_text(_front(doc, 4)):
        standalone = [y for y in dates.YEAR.findall(line) if not re.search(rf"{y}\s*[-–/]\s*\d", line) and not re.search(rf"\d\s*[-–/]\s*{y}", line)]
        if standalone:
            return standalone[0], line
    everything = doc.text() + "\n" + "\n".join(b.text for b in doc.blocks if b.kind == "table")
    years = Counter(dates.YEAR.findall(everything))
    if years:
        year, n = years.most_common(1)[0]
        return year, f"the year named most ({n} times)"
    return None, ""


# A plan or report with no day on its cover: "March 2019", "Published June 2020", "Refreshed for
# 2018/19 - May 2018" (CSP plans and task-and-finish reports). A line that is only a month and a
# year (perhaps labelled) counts anywhere on the front page; a short line in the first four.
_MONTH_LINE = re.compile(rf"^\W*(?:(?:published|date(?:\s+published)?|issued|updated|refreshed|approved)\b[^\d]*?)?"
                         rf"({dates.MONTH_RE})\.?\s+((?:19|20)\d\d)\W*$", re.I)


def _month_year(doc: Document) -> tuple[str, str] | None:
    front = [b for b in _front(doc) if b.kind != "table"]
    lines = _front_text(front)
    for k, line in enumerate(lines):
        m = _MONTH_LINE.match(line)
        if not m and k < 4 and len(line.split()) <= 8:
            m = dates.MONTH_YEAR.search(line)
        month = m and dates.month_number(m.group(1))
        if month:
            return dates.iso_date(int(dates.full_year(m.group(2))), month), line
    return None


def _front_year(doc: Document) -> str | None:
    for line in _front_text(_front(doc)):
        m = re.search(r"\b\d{1,2}[./]\d{1,2}[./](\d{2,4})\b", line) or dates.YEAR.search(line)
        if m:
            return str(dates.full_year(m.group(1)))
    return None


def find_title(doc: Document) -> str | None:
    # A box's labelled values (field blocks after its table) do not push the title out of the front.
    front = [b for b in [x for x in doc.blocks if x.kind not in ("footnote", "margin", "field")][:4]
             if b.kind in ("heading", "paragraph")]
    if not front:
        return None
    title = front[0].text
    if len(front) > 1 and front[1].kind == "heading" and len(front[1].text.split()) <= 6 and front[0].kind == "heading":
        title = f"{title}: {front[1].text}"
    return title_case(title)[:300]


# --- meeting ---------------------------------------------------------------------------------

# "Venue: ...", and bilingual "Lleoliad / Venue: Guildhall, Wrexham" (Welsh first or second).
_VENUE_LABEL = re.compile(r"^\s*(?:[^:/]{1,30}\s*/\s*)?(?:place|venue|location|where)(?:\s*/\s*[^:/]{1,30})?\s*:\s*(?P<v>.+)$", re.I)
_TIME = r"\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d"
# "Meeting commenced: 10:00" / "Meeting closed: 11:45" (committee minutes' time lines).
_COMMENCED = re.compile(rf"\b(?:commenced|started|began|opened|start time)\s*(?:at|:)\s*(?P<t>{_TIME})", re.I)
_HELD_IN = re.compile(r"\b(?:held|meeting)\b.*?\b(?:in|at)\s+(?:the\s+)?(?P<v>(?:[A-Z0-9][\w'’.&-]*[\s,]*)+)", re.S)
_CONCLUDED = re.compile(r"\b(?:meeting|it)\s+(?:concluded|closed|ended|finished)\s*(?:at|:)\s*(?P<t>[\d.:]+\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d)", re.I)


def find_meeting(doc: Document, meta: DocumentMeta) -> Meeting | None:
    if meta.doc_type not in ("minutes", "agenda_pack"):
        return None
    front = _front(doc)
    start = end = venue = None
    evidence: list[Block] = []
    for b in front:
        text = b.text if b.kind != "table" else ""
        if not text:
            continue
        m = _VENUE_LABEL.match(text)
        if m and not venue:
            venue = m.group("v").strip(" .")
            evidence.append(b)
            continue
        timed = dates.DATE_NUMERIC.sub(" ", text)  # '02.03.11' is a date, not 02:03
        commenced = _COMMENCED.search(timed)
        if commenced and not start:
            start = dates.parse_time(commenced.group("t"))
            evidence.append(b)
            continue
        if re.match(r"^\s*time\s*:", timed, re.I) or (dates.parse_date(text) and dates.parse_time(timed)) or re.search(r"\d[.:]\d\d\s*[-–]\s*\d", timed):
            s, e = dates.parse_time_range(timed)
            if s and not start:
                start, end = s, e or end
                evidence.append(b)
        if not venue and re.search(r"\bheld\b", text, re.I):
            venue = _venue_after_held(text)
            if venue:
                evidence.append(b)
    if not venue:
        venue = _address_line(front)
    for b in reversed(doc.blocks):
        m = _CONCLUDED.search(b.text)
        if m:
            end = dates.parse_time(m.group("t"))
            evidence.append(b)
            break
    evidence = [b for i, b in enumerate(evidence) if all(b is not e for e in evidence[:i])]  # a block once
    first = evidence[0] if evidence else (front[0] if front else None)
    if first is None:
        return None
    return Meeting(body=meta.body, date=meta.date if meta.date and len(meta.date) == 10 else None,
                   start_time=start, end_time=end, venue=venue,
                   provenance=Provenance(document_id=doc.id, page=first.page, text=" / ".join(b.text for b in evidence)[:1000] or first.text,
                                         box=first.box, lines=first.lines, parser=PARSER, parser_version=VERSION))


def _venue_after_held(text: str) -> str | None:
    """'... held on Thursday 3 December 2009 at 9.00am in Conference Room B, Civic Offices, Portsmouth.'"""
    tail = re.split(r"\bheld\b", text, maxsplit=1, flags=re.I)[1]
    tail = re.sub(r"\bon\s+(?:\w+day,?\s+)?\d{1,2}\w*\s+\w+(?:\s+\d{4})?", " ", tail)  # "on Wednesday, 12th June 2019"
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
        if re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", t) or re.search(r"\b(?:Room|House|Hall|Offices|Centre|Building|Chamber)\b", t):
            if len(t) < 160 and not re.search(r"\b(?:held|minutes)\b", t, re.I):
                # "Wednesday 6 March 2019 at 10.00am, Civic Offices, Euclid Street, Swindon": the address follows the time.
                lead = re.match(rf"^.*?(?:{_TIME})\s*(?:[-–]\s*(?:{_TIME})\s*)?[,;–-]\s*(?=[A-Z])", t, re.I)
                if lead and dates.parse_date(t):
                    t = t[lead.end():]
                return t.strip(" .")
    return None


def parse_metadata(doc: Document) -> DocumentMeta:
    doc_type, type_ev = classify(doc)
    body, body_ev = find_body(doc)
    place, place_ev = find_place(doc, body)
    date, date_ev = find_date(doc, doc_type)
    evidence = {k: v[:300] for k, v in {"doc_type": type_ev, "body": body_ev, "place": place_ev, "date": date_ev}.items() if v}
    return DocumentMeta(doc_id=doc.id, source=doc.name, source_kind=doc.source_kind, page_count=doc.page_count,
                        doc_type=doc_type, title=find_title(doc), body=body, place=place, date=date, evidence=evidence)
