"""Agenda front sheets and the recommendations papers put to a board.

* :func:`parse`: the items of an agenda front sheet (a table "Item | Subject", or numbered
  lines), each with its number, title, the pages of its papers ("Pages 1 - 4") and its
  purpose ("To discuss ...", "For decision").
* :func:`parse_recommendations`: recommendation tables (Area/Need | Recommendation | OPCC
  contribution | Total budget) and a front-sheet RECOMMENDATIONS box ("It is recommended
  that the ... Committee 1. Consider and scrutinise ...") as Decision records of kind
  "recommendation".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from boardpapers.schemas.document import Block
from boardpapers.schemas.records import Action, Amount, Decision, Item, Record

from ..language import dates
from ..language.bodies import BODY_NOUNS_RE
from ..language.numbers import parse_money
from ..language.tasks import delegated_task, resolve_body
from .common import Context, Section

PARSER = "agenda"
VERSION = "1"

_PAGES = re.compile(r"\(?\s*Pages?\s+(?P<a>\d+)(?:\s*[-–—]\s*(?P<b>\d+))?\s*\)?\s*\*?", re.I)
_PURPOSE = re.compile(
    r"(?P<p>\b(?:to (?:discuss|receive|note|approve|agree|consider|endorse|review|scrutinise|comment|decide)\b.*"
    r"|for (?:decision|information|discussion|noting|approval|assurance|agreement)\b.*))$",
    re.I,
)
_ITEM_NUMBER = re.compile(r"^\s*(?:item\s*)?(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?|\(?[ivx]{1,5}\)|[A-Z])\.?\)?\s*$", re.I)
_ITEM_LINE = re.compile(r"^\s*(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?)[.)]?\s+(?P<rest>.+)$")


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str
    pages: str | None
    purpose: str | None
    source: str
    first_page: int | None = None
    last_page: int | None = None


def split_item(number: str, text: str) -> AgendaItem:
    """'Commissioning Intentions 2017-18 (Pages 1 - 4)* To discuss the ... document.' ->
    title, pages 'Pages 1 - 4', purpose 'To discuss the ... document.'"""
    t = " ".join(text.split())
    pages = first = last = None
    m = _PAGES.search(t)
    title, rest = t, ""
    if m:
        pages = f"Pages {m.group('a')}" + (f" - {m.group('b')}" if m.group("b") else "")
        first, last = int(m.group("a")), int(m.group("b") or m.group("a"))
        title, rest = t[: m.start()].strip(), t[m.end() :].strip()
    purpose = None
    pm = _PURPOSE.search(rest or title)
    if pm:
        purpose = pm.group("p").strip()
        if not rest:
            title = title[: pm.start()].strip(" -–:")
    elif rest:
        purpose = rest
    return AgendaItem(number.strip().rstrip(".)").lstrip("("), title.strip(" *-–:"), pages, purpose, text, first, last)


def agenda_items(blocks: list[Block]) -> list[tuple[Block, AgendaItem]]:
    """The items of a front sheet: rows of an 'Item | Subject' table, or numbered lines."""
    out = []
    for b in blocks:
        if b.kind == "table" and b.table:
            header = [h.lower() for h in b.table.header_texts()]
            for row in b.table.body_rows:
                texts = [t for t in row.texts]
                if len(texts) >= 2 and _ITEM_NUMBER.match(texts[0]) and texts[1].strip():
                    if header and not any(w in " ".join(header) for w in ("item", "agenda", "subject", "no")):
                        continue
                    rest = " ".join(t for t in texts[1:] if t.strip())
                    out.append((b, split_item(_ITEM_NUMBER.match(texts[0]).group("n"), rest)))
    if out:
        return out
    for b in blocks:
        if b.kind in ("paragraph", "list_item", "heading"):
            m = _ITEM_LINE.match(((b.marker + " ") if b.marker else "") + b.text)
            if m and (_PAGES.search(b.text) or _PURPOSE.search(b.text)):
                out.append((b, split_item(m.group("n"), m.group("rest"))))
    return out


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    for block, item in agenda_items(section.blocks):
        yield Item(
            number=item.number,
            title=item.title,
            pages=item.pages,
            purpose=item.purpose,
            provenance=ctx.provenance(block, PARSER, VERSION, text=item.source),
        )


# --- recommendations -------------------------------------------------------------------------

_RECOMMENDATION_COL = re.compile(r"^\s*(?:recommendations?|proposals?|proposed action)\s*$", re.I)
_MONEY_COL = re.compile(r"\b(?:contribution|budget|cost|funding|amount|allocation|grant|award)\b|£", re.I)
_LEAD_IN = re.compile(
    r"^\s*(?:it is )?recommended that(?: the)?[^.:]*?\b(?:committee|board|panel|partnership|cabinet|council|group|members?)\b\s*:?\s*",
    re.I,
)
_NUMBERED = re.compile(r"(?:^|\s)(?P<n>\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+(?=[A-Z])")


def section_item(section: Section, ctx: Context) -> str | None:
    """The agenda item a section's paper was tabled under, where the front sheet or the
    paper says so ('AGENDA ITEM No. 5')."""
    m = re.match(r"^Item (\S+):", section.title)
    if m:
        return m.group(1)
    for b in section.blocks[:8]:
        texts = [b.text] if b.kind != "table" or not b.table else [c for r in b.table.rows for c in r.texts]
        for t in texts:
            m = re.search(r"\bagenda item(?: no\.?| number)?\s*:?\s*(\d{1,2}[a-z]?)\b", t, re.I)
            if m:
                return m.group(1)
    return None


def _heading_number(blocks: list[Block], index: int) -> str | None:
    for b in reversed(blocks[:index]):
        if b.kind == "heading" and b.marker and b.marker[0].isdigit():
            return b.marker.rstrip(".").split(".")[0]
    return None


# A cover report's lead-in over its lettered recommendations: "The Board is asked to:".
_ASKED_TO = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&'-]*\s+){0,4}(?:Board|Panel|Partnership|Committee|Group|Executive|Cabinet|Members)"
    r"\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\s*:?\s*$"
)
_LIST_MARKER = re.compile(r"^\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})[.)]?$", re.I)
_LETTERED = re.compile(r"^\s*\((?P<n>[a-h]|[ivx]{1,4}|\d{1,2})\)\s+(?P<t>\S.*)$", re.I | re.S)


def parse_recommendations(section: Section, ctx: Context) -> Iterator[Record]:
    blocks = section.blocks
    item = section_item(section, ctx)
    yield from _asked_to_decisions(blocks, item, ctx)
    yield from _that_decisions(blocks, ctx)
    for i, b in enumerate(blocks):
        if b.kind != "table" or not b.table:
            continue
        header = b.table.header_texts()
        rec_cols = [c for c, h in enumerate(header) if _RECOMMENDATION_COL.match(h)]
        if rec_cols and sum(1 for h in header if h.strip()) >= 2 and len(b.table.body_rows) >= 1 and len(header) >= 2:
            yield from _table_decisions(b, header, rec_cols[0], item or _heading_number(blocks, i), ctx)
            continue
        yield from _box_decisions(b, item, ctx)


def _asked_to_decisions(blocks: list[Block], item: str | None, ctx: Context) -> Iterator[Decision]:
    """'The Board is asked to: (a) note ...; (b) approve ...': each lettered part is a
    recommendation put to the board, numbered under the heading above ("1(a)")."""
    for i, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item") or not _ASKED_TO.match(b.text.strip()):
            continue
        number = item or _heading_number(blocks, i)
        for nb in blocks[i + 1 :]:
            m = _LETTERED.match(nb.text)
            if not m and nb.kind == "list_item" and nb.marker and _LIST_MARKER.match(nb.marker):
                # a numbered or lettered list the reader has read as one: "1. note the report"
                m = _LETTERED.match(f"({nb.marker.strip('().')}) {nb.text}")
            if nb.kind not in ("paragraph", "list_item") or not m:
                break
            # "(a) note the report; and": the joining word belongs to the list, not to the part
            text = re.sub(r"[;,]\s*(?:and|or)$", "", " ".join(m.group("t").split())).rstrip(" ;.")
            label = f"{number}({m.group('n')})" if number else m.group("n")
            yield _recommendation(ctx, label, text, nb, nb.text)
            # "(c) agree that the Sub-Group lead the refresh by March 2021"
            yield from _delegated_action(text, label, nb, blocks, ctx)


def _recommendation(ctx: Context, item: str | None, text: str, block: Block, source: str, amounts=()) -> Decision:
    """A recommendation put to the meeting, dated and bodied as the paper, read from ``source``."""
    return Decision(
        item=item,
        text=text,
        kind="recommendation",
        date=ctx.meta.date,
        body=ctx.meta.body,
        amounts=list(amounts),
        provenance=ctx.provenance(block, PARSER, VERSION, text=source),
    )


# A report's recommendations heading: "2. Recommendations", "Recommendation(s)", "RECOMMENDATION".
_RECOMMENDATIONS_HEADING = re.compile(r"^\W*recommendations?(?:\s*\(s\))?\s*:?\s*$", re.I)
# Each recommendation a sentence of its own in the council style: "2.1 That Cabinet approves ...",
# "1. That the Board endorses ...": the body it is put to, then what it does.
_THAT_BODY_DOES = re.compile(
    rf"^That\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){{0,5}}?{BODY_NOUNS_RE}\s+(?:[a-z]+s|be|is|are|should|will|notes?)\b"
    # or one sentence that puts the whole ask: "1.1 The Panel is asked to note the performance ..."
    # (a lead-in ending with a colon is read with its lettered parts, by _asked_to_decisions)
    rf"|^(?:(?:Members\s+of\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){{0,5}}?{BODY_NOUNS_RE}|Members)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)"
    r"\s+to\s+[a-z]+\b[^:]*$"
)


def _that_decisions(blocks: list[Block], ctx: Context) -> Iterator[Record]:
    """The numbered paragraphs under a report's recommendations heading that each open with
    "That <the body> <does> ...": each a recommendation put to that body, numbered as written
    ("2.1"); a task it hands to a post ("delegates authority to the Director ... to ...", "asks
    the Community Safety Manager to ...") is an action of that post."""
    under = False
    for b in blocks:
        if b.kind == "heading":
            under = bool(_RECOMMENDATIONS_HEADING.match(b.text.strip()))
            continue
        if not under or b.kind not in ("paragraph", "list_item") or not _THAT_BODY_DOES.match(b.text.strip()):
            continue
        text = " ".join(b.text.split())
        label = (b.marker or "").rstrip(".)") or None
        yield _recommendation(ctx, label, text, b, b.text)
        # "The Panel is asked to note ...": the body a report is put to sets itself no task.
        if text.startswith("That"):
            yield from _delegated_action(text, label, b, blocks, ctx)


def _delegated_action(
    text: str, label: str | None, block: Block, blocks: list[Block], ctx: Context
) -> Iterator[Action]:
    """The task a recommendation hands to a post or group ("agree that the Sub-Group lead ...",
    "delegates authority to the Director ... to ..."), as that owner's action."""
    task = delegated_task(text)
    if not task:
        return
    owner = resolve_body(task.owner_as_written, "\n".join(x.text for x in blocks))
    due = dates.parse_due(task.due) if task.due else dates.Due(None)
    yield Action(
        item=label,
        text=task.text,
        owner=owner,
        owners=[owner],
        owner_as_written=task.owner_as_written,
        due=task.due,
        due_date=due.date,
        due_approximate=due.approximate,
        kind="recommendation",
        date=ctx.meta.date,
        provenance=ctx.provenance(block, PARSER, VERSION, text=block.text),
    )


def _table_decisions(block: Block, header: list[str], col: int, item: str | None, ctx: Context) -> Iterator[Decision]:
    rows = block.table.body_rows
    money_cols = [
        c
        for c, h in enumerate(header)
        if c != col
        and (_MONEY_COL.search(h) or any((r.texts + [""] * len(header))[c].strip().startswith("£") for r in rows))
    ]
    for row in block.table.body_rows:
        texts = row.texts + [""] * (len(header) - len(row.cells))
        text = " ".join(texts[col].split())
        if not text:
            continue
        amounts = []
        for c in money_cols:
            money = parse_money(texts[c])
            if money is not None:
                amounts.append(Amount(label=header[c] or None, raw=money.raw, value=money.value, status=money.status))
        source = " | ".join(f"{h}: {t}" for h, t in zip(header, texts) if t.strip())
        yield _recommendation(ctx, item, text, block, source, amounts)


def _box_decisions(block: Block, item: str | None, ctx: Context) -> Iterator[Decision]:
    """A RECOMMENDATIONS box: the lead-in ('It is recommended that the ... Committee') is
    left out; each numbered recommendation is a decision."""
    rows = block.table.rows
    if not rows or not re.match(r"^\s*recommendations?\s*$", rows[0].texts[0] or "", re.I):
        return
    for row in rows[1:]:
        for cell in row.texts:
            m = _LEAD_IN.search(cell)
            if not m:
                continue
            body = cell[m.end() :].strip()
            parts = [p for p in _NUMBERED.split(body)]
            # _NUMBERED.split keeps the numbers: [pre, n1, text1, n2, text2 ...]
            if len(parts) >= 3:
                pairs = list(zip(parts[1::2], parts[2::2]))
            else:
                pairs = [(None, body)]
            for number, text in pairs:
                text = " ".join(text.split()).strip()
                if text:
                    yield _recommendation(ctx, item or number, text, block, cell)
