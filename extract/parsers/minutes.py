"""Minutes: attendance, agenda items, decisions and actions with their owners.

The parser reads a minutes section in four passes: attendance (lists, tables, apologies
sentences); agenda items (so every decision and action knows its item); decisions
(:mod:`.decisions`); actions (:mod:`.actions`). Names are resolved per paper through
:class:`~boardpapers.extract.language.people.People` and a spaCy pipeline seeded with the paper's
attendees (:mod:`boardpapers.extract.language.nlp_components`).

An agenda pack is routed here too: without an attendance list it holds no minutes, and
the parser yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from boardpapers.schemas.document import Block
from boardpapers.schemas.records import Action, Attendee, Decision, Item, Problem, Progress, Record

from ..language import dates
from ..language.nlp_components import people_pipeline
from ..language.people import People
from ..language.statuses import PROGRESS_HEADING, PROGRESS_REFERENCE, classify_status
from . import actions as action_rules
from . import attendance
from . import decisions as decision_rules
from .common import Context, Section

PARSER = "minutes"
VERSION = "1"

_TOP = re.compile(r"^\d{1,3}[.)]?$")  # council minute numbers run to three digits ("123.")
_SUB = re.compile(r"^\(?(?:i{1,3}|iv|vi{0,3}|ix|x{1,2}|xi{1,3}|[a-h])[.)]$")
_PARA = re.compile(r"^(\d{1,2}\.\d{1,2})\.?$")
_CODE = re.compile(r"^(?P<code>[A-Z]{1,4}\s*\(\d+\)\s*\d+(?:\.[\divx]+)*)\s+")
# A minute reference opening a paragraph, its title run in: "24/52 Highways and footpaths: Cllr. ...",
# "70/17 Apologies for absence ...", "FGB 98/2122 Attendance" (parish and school minutes).
_MINUTE_REF = re.compile(r"^(?:Minute\s+)?(?:[A-Z]{2,4}\s+)?(?P<ref>\d{1,4}/\d{2,4}(?:/\d{1,4})?[a-z]?)\.?\s+(?=[A-Z])")


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    blocks = [_minute_number(b) for b in section.blocks]
    listed, used = attendance.read_lists(blocks, meeting_date=ctx.meta.date)
    if section.kind == "agenda_pack" and not listed:
        return  # an agenda, not minutes: no attendance, so no decisions or actions either
    text = "\n".join(b.text for b in blocks if b.kind != "table")
    people = People.build([x.entry.name for x in listed], text)
    yield from _attendees(listed, blocks, used, people, ctx)

    numbers, items = _items(blocks, used)
    for i, number, title in items:
        yield Item(number=number, title=title[:300], provenance=ctx.provenance(blocks[i], PARSER, VERSION))
    view = decision_rules.View.build(blocks, numbers)
    found = decision_rules.find(view, used)
    meeting_date = ctx.meta.date if ctx.meta.date and len(ctx.meta.date) == 10 else None
    for d in found:
        first = blocks[d.blocks[0]]
        yield Decision(
            item=d.item,
            text=d.text,
            kind=d.kind,
            date=meeting_date,
            body=ctx.meta.body,
            report_by=decision_rules.report_by(view, d.item),
            provenance=ctx.provenance(first, PARSER, VERSION, text=_source(blocks, d.blocks)),
        )

    nlp = people_pipeline(people)
    tasks = list(action_rules.find(view, found, people, nlp, used))
    taken = {i for t in tasks for i in (t.block, *t.covers)} | {i for d in found for i in d.blocks}
    yield from _updates(blocks, items, used | taken, ctx)
    next_meeting = _next_meeting_date(blocks, meeting_date)
    for t in tasks:
        block = blocks[t.block]
        due = dates.parse_due(t.due, meeting_date) if t.due else dates.Due(None)
        if due.date is None and next_meeting and t.due and dates.NEXT_MEETING.search(t.due):
            due = dates.Due(next_meeting)  # "by the next meeting", and the minutes give its date
        yield Action(
            item=t.item,
            text=t.text,
            owner="; ".join(t.owners) or None,
            owners=t.owners,
            owner_as_written=t.owner_as_written,
            due=t.due,
            due_date=due.date,
            due_approximate=due.approximate,
            kind="minutes_action",
            status=t.status,
            progress=t.progress,
            date=meeting_date,
            flags=t.flags,
            provenance=ctx.provenance(
                block, f"{PARSER}.{t.rule}", VERSION, text=t.text if block.kind == "table" else None
            ),
        )
        if "unresolved_initials" in t.flags:
            yield Problem(
                code="unresolved_initials",
                message=f"initials {', '.join(o for o in t.owners if action_rules.looks_like_initials(o))} "
                f"in owner {t.owner_as_written!r} could not be resolved to a name",
                provenance=ctx.provenance(block, PARSER, VERSION),
            )


def _next_meeting_date(blocks: list[Block], meeting_date: str | None) -> str | None:
    """The date the minutes give for the next meeting ('5. Date of next meeting' over 'Thursday 13
    April 2023', or 'Date of next meeting: 14 January 2010'), when it is after this meeting."""
    for i, b in enumerate(blocks):
        if b.kind == "table" or not dates.NEXT_MEETING_HEADING.search(b.text):
            continue
        for text in (b.text, *(x.text for x in blocks[i + 1 : i + 3] if x.kind != "table")):
            found = dates.parse_date(text)
            if found and (meeting_date is None or found > meeting_date):
                return found
    return None


def _updates(
    blocks: list[Block], items: list[tuple[int, str, str]], taken: set[int], ctx: Context
) -> Iterator[Progress]:
    """Each paragraph under a "Matters arising" item (or "Actions from the last meeting") that is
    not itself an action or a decision: an update on an earlier meeting's action, with the
    earlier minute it names and the status in its own words ('Partially completed')."""
    bounds = [i for i, _, _ in items] + [len(blocks)]
    for k, (start, number, title) in enumerate(items):
        if not PROGRESS_HEADING.search(title):
            continue
        for i in range(start + 1, bounds[k + 1]):
            b = blocks[i]
            if i in taken or b.kind not in ("paragraph", "list_item") or len(b.text.split()) < 3:
                continue
            head, sep, rest = b.text.partition(":")
            if not sep or len(head.split()) > 14:
                head, rest = b.text, b.text
            ref = PROGRESS_REFERENCE.search(head)
            aim = (head[: ref.start()] + head[ref.end() :]).strip(" -–,") if ref else head.strip()
            _, stated = classify_status(rest)
            if not (stated or ref or sep):
                continue  # a paragraph of the discussion ('The Chair proposed taking items out of order'), not an update
            yield Progress(
                aim=aim[:300],
                progress=rest.strip()[:1000],
                status=stated,
                refers_to=ref.group(0).strip("()") if ref else None,
                item=number,
                provenance=ctx.provenance(b, PARSER, VERSION),
            )


# "121. DECLARATIONS OF INTEREST": a three-digit minute number the reader left in the text.
_NUMBERED_TITLE = re.compile(r"^(?P<n>\d{3})[.)]\s+(?P<t>[A-Z][^.;:]*)$")


def _minute_number(b: Block) -> Block:
    m = _NUMBERED_TITLE.match(b.text) if b.kind == "paragraph" and not b.marker else None
    if m is None or len(m.group("t").split()) > 12:
        return b
    return b.model_copy(update={"marker": f"{m.group('n')}.", "text": m.group("t")})


def _source(blocks: list[Block], idx: list[int]) -> str:
    return "\n".join(blocks[i].source for i in idx)


def _attendees(
    listed: list[attendance.Listed], blocks: list[Block], used: set[int], people: People, ctx: Context
) -> Iterator[Attendee]:
    seen: set[str] = set()
    for x in listed:
        name = people.canonical(x.entry.name)
        if name in seen:
            continue
        seen.add(name)
        role = x.entry.role
        if name != x.entry.name:
            role = f"{role + ' ' if role else ''}(listed as '{x.entry.name}')"
        yield Attendee(
            name=name,
            role=role,
            title=x.entry.title,
            status=x.status,
            part=x.entry.part,
            as_written=x.entry.as_written,
            provenance=ctx.provenance(x.block, PARSER, VERSION),
        )
    # Apologies in a sentence; a person listed as present who apologised for leaving early stays present.
    for i, b in enumerate(blocks):
        if i in used or b.kind not in ("paragraph", "list_item"):
            continue
        for entry in attendance.apologies_in(b.text):
            name = people.match_written(entry.name) or people.canonical(entry.name)
            if name in seen:
                continue
            seen.add(name)
            yield Attendee(
                name=name,
                role=entry.title,
                title=entry.title,
                status="apologies",
                part=False,
                as_written=entry.as_written,
                provenance=ctx.provenance(b, PARSER, VERSION),
            )


def _items(blocks: list[Block], used: set[int]) -> tuple[list[str | None], list[tuple[int, str, str]]]:
    """The agenda item each block sits under: '4', '4(ii)', '2.1', or 'TB(5)2' / a heading where unnumbered."""
    numbered = any(decision_rules.is_heading(b) and b.marker and _TOP.match(b.marker) for b in blocks)
    top = sub = None
    para = None
    out: list[str | None] = []
    items: list[tuple[int, str, str]] = []
    for i, b in enumerate(blocks):
        if i in used:
            out.append(None)
            continue
        marker = (b.marker or "").strip()
        heading = decision_rules.is_heading(b)
        if heading and _TOP.match(marker):
            top, sub, para = marker.rstrip(".)"), None, None
            items.append((i, top, b.text))
        elif (heading or (b.kind == "list_item" and b.bold)) and _SUB.match(marker) and top:
            sub, para = marker.strip("().").lower(), None
            items.append((i, f"{top}({sub})", b.text))
        elif b.kind == "paragraph" and _PARA.match(marker):
            para = _PARA.match(marker).group(1)
            if top is None or not para.startswith(f"{top}."):
                top = para.split(".")[0]
        elif b.kind in ("paragraph", "heading") and not marker and _MINUTE_REF.match(b.text):
            m = _MINUTE_REF.match(b.text)
            top, sub, para = m.group("ref"), None, None
            rest = b.text[m.end() :]
            title = rest.split(":", 1)[0] if ":" in rest[:80] else " ".join(rest.split()[:8])
            items.append((i, top, title))
        elif b.kind == "heading" and not numbered and not marker and i > 0:
            m = _CODE.match(b.text)
            top, sub, para = (m.group("code").replace(" ", "") if m else b.text[:80]), None, None
            items.append((i, top, b.text[m.end() :] if m else b.text))
        out.append(para or (f"{top}({sub})" if sub else top))
    return out, items
