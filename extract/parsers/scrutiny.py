"""Scrutiny reports: recommendations, conclusions, witnesses, and the review's objectives.

* **Recommendations** are usually written twice: a numbered list in the summary, and a
  table ("Recommendation | Action By | Budget & Policy Framework | Resource Implications",
  or "No. | Recommendation | Responsible officer | Timescale") beside who is to act.
  Each recommendation gives one :class:`Decision` (kind ``recommendation``, the list's text
  where there is a list) and one :class:`Action` (kind ``recommendation``, the table's
  text beside its owners). The two places are paired by number, else by order when
  both hold as many, else by text.
* **Conclusions**: the numbered points after "The panel recognised that:", "was concerned
  that:", "noted that:" ... become :class:`Conclusion` records.
* **Witnesses**: the table of meetings held ("DATE | WITNESSES | DOCUMENTS RECEIVED") gives
  a :class:`Witness` per person named, with role, date and the documents received.
* **Objectives** of the review ("agreed the scoping document with the following
  objectives: 1. Identify ...") become :class:`Priority` records of category
  ``objective``, led by the panel's chair where the report names one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from boardpapers.schemas.document import Block
from boardpapers.schemas.records import Action, Conclusion, Decision, Priority, Record, Witness

from ..language.dates import parse_date, parse_due
from ..language.owners import split_owners, split_people
from ..language.similarity import similarity
from ..language.titles import COUNCILLOR_PLURALS, COUNCILLOR_TITLES
from .common import Context, Section
from .plan_tables import TableRecordDraft, column_roles, tables_of_kind, walk_rows
from .plans import plan_action

PARSER = "scrutiny"
VERSION = "1"

_RECS_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?recommendations?\.?$", re.I)
_RECS_LEAD = re.compile(r"\b(?:recommends?|recommendations?|recommended)\b[^.]*:\s*$", re.I)
_BODY = r"(?:the\s+)?(?:panel|committee|board|review|group|members?|working\s+group|task\s+(?:and\s+finish\s+)?group)"
_CONCLUSION_LEAD = re.compile(
    rf"^{_BODY}\b[^.:]*\b(?:recognised|recognized|was concerned|were concerned|is concerned|are concerned|noted|"
    r"found|concluded|believes?|felt|considers?|considered|welcomed|acknowledged|agreed)\b[^.:]*:\s*$",
    re.I,
)
_OBJECTIVES_LEAD = re.compile(r"\b(?:objectives?|terms of reference|aims?)\b[^.]*:\s*$", re.I)
_CHAIR = re.compile(
    r"\b(?:"
    + "|".join(COUNCILLOR_TITLES + COUNCILLOR_PLURALS)
    + r")\.?:?\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*"
    r"(?:\((?:the\s+)?Chair(?:man|person)?\)|,?\s+Chair(?:man|person)?\b)"
)
# "Recommendation 3: Publish ...", "Rec 3 - ...", "R3 – That the Cabinet ..." (task and finish
# group reports label their recommendations R1, R2 ...).
_RECS_LABEL = re.compile(r"^(?:Recommendation\s+|Rec\.?\s*|R)(?P<n>\d{1,2})\s*[:.–—-]\s*(?P<text>.+)$", re.S)
# Who is to act, written in the recommendation itself: "... (Lead: Head of Community Safety;
# Timescale: April 2020)", "... Lead officer: Town Centre Manager." A numbered list with no table
# of owners names them so.
_PROSE_LEAD = re.compile(
    r"\s*[(\[]?\s*\b(?:lead(?:\s+(?:officer|member|agency))?|action\s+by|responsib(?:le|ility)(?:\s+officer)?|owner)\s*:\s*"
    r"(?P<owner>[^;()\[\]]+?)\s*(?:;\s*(?:timescale|by\s+when|due|deadline|target\s+date|when)\s*:\s*(?P<due>[^;()\[\]]+?)\s*)?"
    r"[)\]]?\s*\.?\s*$",
    re.I,
)
_ITEM_MARKER = re.compile(r"^\(?(\d{1,2})[.)]?$")


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    blocks = section.blocks
    yield from parse_recommendations(blocks, ctx)
    yield from parse_conclusions(blocks, ctx)
    yield from parse_witnesses(blocks, ctx)
    yield from parse_objectives(blocks, ctx)


# --- numbered lists after a lead-in ---------------------------------------------------------------


def _numbered_items(blocks: list[Block], start: int) -> list[tuple[str | None, Block]]:
    """The list that follows blocks[start]: list items and numbered paragraphs, footnotes and
    empty bullets (a PDF's bullet glyph left alone by a page break) skipped, up to the first
    block of another kind, a section number ('2.2'), or a number that restarts the count
    ('1. Purpose' after '10.': the next section's heading, not an eleventh item)."""
    items: list[tuple[str | None, Block]] = []
    last = 0
    for block in blocks[start + 1 :]:
        if block.kind in ("footnote", "margin"):
            continue
        if block.kind in ("list_item", "paragraph") and not block.text.strip():
            continue
        marker = (block.marker or "").strip()
        numbered = _ITEM_MARKER.match(marker)
        if numbered and int(numbered.group(1)) <= last:
            break
        if block.kind == "list_item" and (
            numbered or marker in ("-", "*", "•", "") or re.fullmatch(r"\(?[a-z]\)|[a-z]\.", marker)
        ):
            items.append((numbered.group(1) if numbered else None, block))
        elif block.kind == "paragraph" and numbered:
            items.append((numbered.group(1), block))
        else:
            break
        last = int(numbered.group(1)) if numbered else last + 1
    return items


def _number_items(items: list[tuple[str | None, Block]]) -> list[tuple[str, Block]]:
    """Items numbered as written, an unnumbered one numbered after the one before it
    ('- Identify ...' then '2. Map ...': the bullet is recommendation 1)."""
    out, last = [], 0
    for number, block in items:
        last = int(number) if number else last + 1
        out.append((number or str(last), block))
    return out


# --- recommendations ---------------------------------------------------------------------------------


@dataclass
class _Rec:
    number: str
    text: str
    block: Block | None = None  # from the list
    draft: TableRecordDraft | None = None  # from the table
    table_block: Block | None = None

    @property
    def has_owner_column(self) -> bool:
        table = self.table_block.table if self.table_block is not None else None
        return table is not None and "owner" in column_roles(table.header_texts()).roles


def recommendation_list(blocks: list[Block]) -> list[tuple[str, Block]]:
    for i, block in enumerate(blocks):
        heading = block.kind == "heading" and _RECS_HEADING.match(block.text.strip())
        lead = block.kind == "paragraph" and _RECS_LEAD.search(block.text)
        if heading or lead:
            items = _numbered_items(blocks, i)
            if items:
                return _number_items(items)
    # "Recommendation 3: Publish ..." paragraphs, each labelled, wherever they stand.
    labelled = []
    for block in blocks:
        m = _RECS_LABEL.match(block.text) if block.kind in ("paragraph", "list_item", "heading") else None
        if m and m.group("text").strip():
            labelled.append((m.group("n"), block))
    return labelled


def recommendation_rows(blocks: list[Block]) -> list[tuple[TableRecordDraft, Block]]:
    rows = []
    for block, columns in tables_of_kind(blocks, "recommendations"):
        for draft in walk_rows(block.table, columns):
            if draft.kind == "recommendations":
                rows.append((draft, block))
    return rows


def _pair(listed: list[tuple[str, Block]], rows: list[tuple[TableRecordDraft, Block]]) -> list[_Rec]:
    recs = [_Rec(number=n, text=_unlabelled(b.text), block=b) for n, b in listed]
    numbered = all(_label_number(d) for d, _ in rows) and rows
    if numbered and recs:
        by_number = {r.number: r for r in recs}
        for draft, block in rows:
            number = _ITEM_MARKER.match(_label_number(draft).strip().rstrip("."))
            key = number.group(1) if number else _label_number(draft)
            rec = by_number.get(key)
            if rec is None:
                rec = _Rec(number=key, text=_text(draft))
                recs.append(rec)
            rec.draft, rec.table_block = draft, block
        return recs
    if len(recs) == len(rows) and recs:
        for rec, (draft, block) in zip(recs, rows):
            rec.draft, rec.table_block = draft, block
        return recs
    # Different counts: pair each row with the listed recommendation its text is closest to.
    free = list(recs)
    for _k, (draft, block) in enumerate(rows):
        text = _text(draft)
        best = max(free, key=lambda r: similarity(r.text, text), default=None)
        if best is not None and similarity(best.text, text) >= 0.6:
            free.remove(best)
            best.draft, best.table_block = draft, block
        else:
            number = draft.first("number") or str(len(recs) + 1)
            recs.append(_Rec(number=number.rstrip("."), text=text, draft=draft, table_block=block))
    return recs


def _unlabelled(text: str) -> str:
    m = _RECS_LABEL.match(text)
    return m.group("text").strip() if m else text


def _text(draft: TableRecordDraft) -> str:
    return _unlabelled(" ".join(draft.joined("recommendation", " ").split()))


def _label_number(draft: TableRecordDraft) -> str:
    """The row's number: its number column, else the label its text opens with ('R1 – ...')."""
    if draft.first("number"):
        return draft.first("number")
    m = _RECS_LABEL.match(" ".join(draft.joined("recommendation", " ").split()))
    return m.group("n") if m else ""


def parse_recommendations(blocks: list[Block], ctx: Context) -> Iterator[Record]:
    for rec in _pair(recommendation_list(blocks), recommendation_rows(blocks)):
        if rec.block is not None:
            prov = ctx.provenance(rec.block, PARSER, VERSION)
        else:
            assert rec.draft is not None
            prov = ctx.provenance(rec.table_block, PARSER, VERSION, text=rec.draft.source, page=rec.draft.page)
        yield Decision(
            item=rec.number,
            text=rec.text,
            kind="recommendation",
            date=ctx.meta.date,
            body=ctx.meta.body,
            provenance=prov,
        )
        # An Action is a task with an owner: a table without a column of owners gives none.
        if rec.draft is not None and rec.has_owner_column:
            action = plan_action(
                rec.draft,
                rec.table_block,
                ctx,
                kind="recommendation",
                text_role="recommendation",
                item=rec.number,
                parser=PARSER,
                version=VERSION,
            )
            text = _unlabelled(action.text)  # "R1 – Fund a youth outreach team": the label is the item
            yield (
                action
                if text == action.text
                else Action.model_validate({**action.model_dump(exclude={"id"}), "text": text})
            )
        elif rec.draft is None and rec.block is not None:
            action = _prose_action(rec, ctx)
            if action is not None:
                yield action


def _prose_action(rec: _Rec, ctx: Context) -> Action | None:
    """A listed recommendation that names its lead in the text: '... (Lead: CSP Board)'."""
    m = _PROSE_LEAD.search(rec.text)
    if not m:
        return None
    owners = split_owners(m.group("owner"))
    if not owners.owners:
        return None
    due_text = " ".join(m.group("due").split()) if m.group("due") else None
    due = parse_due(due_text)
    flags = ["due_not_a_date"] if due_text and due.date is None else []
    return Action(
        item=rec.number,
        text=rec.text[: m.start()].rstrip(" ,;.") or rec.text,
        owner=owners.owner,
        owners=owners.owners,
        owner_as_written=owners.as_written or None,
        organisations=owners.organisations,
        due=due_text,
        due_date=due.date,
        due_approximate=due.approximate,
        kind="recommendation",
        date=ctx.meta.date,
        flags=flags,
        provenance=ctx.provenance(rec.block, PARSER, VERSION),
    )


# --- conclusions ---------------------------------------------------------------------------------------


def parse_conclusions(blocks: list[Block], ctx: Context) -> Iterator[Conclusion]:
    for i, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading") or not _CONCLUSION_LEAD.match(block.text.strip()):
            continue
        for _, item in _numbered_items(blocks, i):
            yield Conclusion(
                text=item.text,
                body=ctx.meta.body,
                provenance=ctx.provenance(item, PARSER, VERSION, text=f"{block.text}\n{item.source}"),
            )


# --- witnesses -----------------------------------------------------------------------------------------


def parse_witnesses(blocks: list[Block], ctx: Context) -> Iterator[Witness]:
    for block, columns in tables_of_kind(blocks, "witnesses"):
        date_text = ""
        for row in block.table.body_rows:
            # A row without a date continues the meeting above (a page break, a wrapped cell).
            date_text = columns.get(row, "due") or date_text
            documents = " ".join(columns.get(row, "documents").split()) or None
            for name, role in split_people(columns.get(row, "witnesses")):
                yield Witness(
                    name=name,
                    role=role,
                    date=parse_date(date_text),
                    documents=documents,
                    provenance=ctx.provenance(
                        block, PARSER, VERSION, page=row.page, text=" | ".join(c.text for c in row.cells)
                    ),
                )


# --- objectives and chair ------------------------------------------------------------------------------


def find_chair(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind == "table":
            continue
        m = _CHAIR.search(block.text)
        if m:
            return m.group("name")
    return None


def parse_objectives(blocks: list[Block], ctx: Context) -> Iterator[Priority]:
    chair = find_chair(blocks)
    for i, block in enumerate(blocks):
        if block.kind not in ("paragraph", "list_item", "heading") or not _OBJECTIVES_LEAD.search(block.text):
            continue
        start = i
        # One short lead-in may stand between ("In relation to complex cases of anti-social behaviour:").
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            nxt is not None
            and nxt.kind == "paragraph"
            and nxt.text.rstrip().endswith(":")
            and len(nxt.text.split()) <= 20
        ):
            start = i + 1
        items = [(n, b) for n, b in _numbered_items(blocks, start) if n is not None]
        for _, item in items:
            yield Priority(
                name=item.text,
                category="objective",
                lead=chair,
                description=blocks[start].text if start != i else None,
                provenance=ctx.provenance(item, PARSER, VERSION),
            )
        if items:
            return
