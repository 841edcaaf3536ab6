"""Plans: priorities, delivery-plan indicators and activities, and progress on aims.

* **Priorities** are the bulleted items that open with a bold name ("**Substance misuse** -
  drug and alcohol misuse remains ...") under a heading about priorities; the heading says
  whether they are local, national or areas to monitor.
* **Delivery-plan tables** (see :mod:`.plan_tables`) give :class:`Indicator` records (main and
  secondary, with lead officer, target and the target's year) and :class:`Action` records
  of kind ``plan_activity`` (with lead officer, organisation and deadline).
* **Progress tables** ("Five year aims | Summary of progress") give :class:`Progress`
  records, with the status words the paper uses ("achieved", "on target").
* **Measures beside activities** ("Action | Led by | Timescale | Measure of success") that
  state a figure are indicators of the row's lead, their target and baseline read from the
  figures ("from 41% in 2019/20 to at least 50% by 2024"); an aim with a target column is a
  measure; lines that name their own owner ("Youth Service to run ...") in a table with no
  owner column are actions of that owner.
* Tables of figures (periods across, actuals beside targets) are left to :mod:`.performance`.

Narrative ("this year's plan recommends ...") is not read as decisions: a plan records
the partnership's intentions, not what a meeting decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from boardpapers.schemas.document import Block
from boardpapers.schemas.records import Action, Indicator, IndicatorValue, Priority, Progress, Record

from ..language import dates
from ..language.columns import cell_role
from ..language.dates import parse_due
from ..language.numbers import parse_number
from ..language.owners import split_owners
from .common import Context, Section
from .figures import measure_figures
from .performance import has_value_columns, report_period, row_provenance
from .plan_tables import TableRecordDraft, cell_lines, column_roles, owned_lines, subject_actions, table_kind, walk_rows
from .tables import table_title

PARSER = "plans"
VERSION = "1"

_PRIORITY_HEADING = re.compile(r"\bpriorit(?:y|ies)\b|\bareas? to monitor\b", re.I)
_APPENDIX = re.compile(r"^(?:appendix|annex|schedule)\s+[A-Z0-9]{1,3}\s*[-–:.]?\s*", re.I)
_DASH = re.compile(r"^\s*[-–—:]\s*")

# Status words kept from indicator rows, with the flag each raises.
STATUS_WORDS: list[tuple[str, re.Pattern]] = [
    (flag, re.compile(rx, re.I))
    for flag, rx in [
        ("abandoned", r"\b(?:abandoned|withdrawn|discontinued|no longer (?:possible|measured|used))\b"),
        ("to_be_confirmed", r"\bTBC\b|\bto be confirmed\b|\bTBA\b|\bto be agreed\b"),
        ("to_be_identified", r"\bto be (?:identified|set|determined|decided|developed|defined)\b|\bTBD\b"),
        ("not_available", r"^\s*(?:n/?a|not available|no data)\s*$"),
    ]
]
# Progress statuses, longest first so "partially achieved" wins over "achieved".
PROGRESS_STATUS = re.compile(
    r"\b(not achieved|partially achieved|largely achieved|achieved|not on target|on target|on track|"
    r"off track|behind schedule|completed?|not met|met|ongoing|on-going|in progress|delayed)\b",
    re.I,
)


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    priorities = list(parse_priorities(section, ctx))
    yield from priorities
    names = [p.name for p in priorities]
    blocks = section.blocks
    for i, block in enumerate(blocks):
        if block.kind != "table" or block.table is None:
            continue
        table = block.table
        columns = column_roles(table.header_texts())
        if not table.header_rows and table.rows:
            # A tab rendering can leave the header unmarked ("Measure | Baseline 2018/19 | ..." over
            # a baseline column holding "New measure"): a first row of header words is the header.
            first = column_roles([c.text for c in table.rows[0].cells])
            if table_kind(first) and len(first.roles) == len([c for c in table.rows[0].cells if c.text.strip()]):
                columns = first
                table = table.model_copy(
                    update={"rows": [r.model_copy(update={"header": i == 0}) for i, r in enumerate(table.rows)]}
                )
        if has_value_columns(table):
            continue  # figures by period or actuals beside targets: the performance rules read it
        kind = table_kind(columns)
        title = table.caption or table_title(blocks, i)
        theme = _theme(blocks, i, title, names)
        if kind not in ("indicators", "activities", "progress"):
            # "Actions to achieve | Funding allocated | Next steps" with no owner column: the
            # lines that give themselves an owner ("Subject leader to ...") are actions.
            yield from owned_lines(
                table, columns, block, ctx, item=table.caption or title, parser=PARSER, version=VERSION
            )
            continue
        for draft in walk_rows(table, columns, theme=theme):
            if draft.kind == "indicators":
                yield _indicator(draft, block, ctx)
            elif draft.kind == "activities":
                if "owner" in columns.roles or "owner" in draft.values:
                    yield plan_action(draft, block, ctx)
                else:
                    yield from _owned_activity_lines(draft, block, ctx)
                yield from measure_indicators(draft, block, ctx)
            elif draft.kind == "progress":
                record = _progress(draft, block, ctx, columns.header)
                if record is not None:
                    yield record
    yield from stated_indicators(section, ctx)


# --- indicators stated in prose ------------------------------------------------------------

# A line that states one indicator and its figure: "Key indicator: repeat victims referred to
# MARAC - 28% (target 25%)", "KPI 4: Households in temporary accommodation – 212; target 180".
_AMOUNT = r"£?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?"
_INDICATOR_BODY = (
    rf"(?P<name>[A-Za-z(].*?)\s*[-–—:=]\s*(?P<value>{_AMOUNT})"
    r"\s*(?:[(\[,;]\s*(?:against\s+(?:a\s+)?)?(?:target|aim)\s*(?:of|:|=)?\s*"
    rf"(?P<target>{_AMOUNT}(?:\s+by\s+[^)\];]+?)?)\s*[)\]]?)?\s*\.?\s*$"
)
_STATED_INDICATOR = re.compile(
    r"^\s*(?:key\s+|headline\s+|performance\s+|main\s+)?(?:indicator|measure|kpi|pi|metric)\s*\d{0,2}[a-z]?\s*[:–—-]\s*"
    + _INDICATOR_BODY,
    re.I,
)
# The same line without its label, as an item of a box or list headed as indicators ("Key
# performance indicators", "Our measures", "How we will measure success").
_BOX_LINE = re.compile(r"^\s*" + _INDICATOR_BODY, re.I)
_INDICATOR_BOX = re.compile(
    r"^\W*(?:our\s+)?(?:key\s+|headline\s+|main\s+)?(?:performance\s+)?(?:indicators|measures|kpis|metrics)"
    r"(?:\s+of\s+success)?\W*$|^\W*how\s+we\s+(?:will\s+)?measure\s+(?:success|progress)\W*$",
    re.I,
)
# A commitment with a baseline and a target: "We will reduce first-time entrants to the youth
# justice system from 120 in 2022 to 100 by 2025", "Our aim is to increase ... from 64% to 75%".
_COMMITMENT = re.compile(
    r"^\s*(?:we\s+will|we\s+aim\s+to|we\s+want\s+to|our\s+(?:aim|target|ambition)\s+is\s+to|"
    r"the\s+partnership\s+will|aim\s*:)\s+(?:reduce|increase|cut|raise|lower|improve|halve|bring\s+down|grow)\s+"
    r"(?:the\s+(?:number|proportion|percentage|share)\s+of\s+)?(?P<name>.+?)\s+from\s+(?=£?\d)",
    re.I,
)


def stated_indicators(section: Section, ctx: Context) -> Iterator[Indicator]:
    """Indicators a strategy or annual report states in its prose, outside any table: a line
    naming a key indicator with its figure and target (the figure is of the report's period), or
    such a line without its label in a list headed as indicators; a commitment to move a measure from a baseline to a target by a date."""
    period = None
    in_box = False  # under a heading or lead-in naming the lines below as indicators
    for block in section.blocks:
        text = " ".join(block.text.split())
        if block.kind == "heading" or (block.kind == "paragraph" and len(text.split()) <= 6):
            in_box = bool(_INDICATOR_BOX.match(text))
            if block.kind == "heading" or in_box:
                continue
        if block.kind not in ("paragraph", "list_item"):
            continue
        if (m := _STATED_INDICATOR.match(text)) or (
            in_box and block.kind == "list_item" and (m := _BOX_LINE.match(text))
        ):
            if period is None:
                period = report_period(ctx)
            name = _capital(m.group("name").strip(" -–—"))
            raw = m.group("value").strip()
            number = parse_number(raw)
            if number is None:
                continue
            yield Indicator(
                name=name,
                target=m.group("target").strip() if m.group("target") else None,
                period=period,
                unit=number.unit,
                values=[
                    IndicatorValue(
                        series=name, period=period, value=number.value, raw=raw, unit=number.unit, page=block.page
                    )
                ],
                flags=["no_owner"],
                provenance=ctx.provenance(block, PARSER, VERSION, text=block.text),
            )
        elif (m := _COMMITMENT.match(text)) and (figures := measure_figures(text, ctx.meta.date)) is not None:
            if figures.baseline is None or not figures.target:
                continue
            yield Indicator(
                name=_capital(m.group("name")),
                target=figures.target.rstrip(" ."),
                period=dates.stated_period(figures.target, ctx.meta.date),
                unit=figures.baseline.unit,
                values=_baseline_values(figures, block.page),
                flags=["no_owner"],
                provenance=ctx.provenance(block, PARSER, VERSION, text=block.text),
            )
        else:
            if period is None:
                period = report_period(ctx)
            yield from _level_changes(text, block, ctx, period)


# A measure's level stated as a change: "Total recorded crime fell to 15,212 offences in 2019/20",
# "... fell to 3,940 in 2023/24, from 4,310 in 2022/23", ", while domestic abuse incidents rose to
# 3,275". The subject opens the sentence or a clause after "while", "whilst", "and" or "but".
_PERIOD = r"(?:19|20)\d\d(?:\s*[/\-–]\s*\d\d)?"
_LEVEL_CHANGE = re.compile(
    r"(?:^|(?<=[.;])\s+|,\s*(?:while|whilst|and|but)\s+|\s(?:while|whilst)\s+)"
    r"(?P<name>[A-Za-z][A-Za-z'’()/\- ]{3,80}?)\s+(?:has\s+|have\s+)?"
    r"(?:fell|rose|fallen|risen|increased|decreased|reduced|dropped|grew|went\s+(?:up|down))\s+to\s+"
    rf"(?P<value>{_AMOUNT})(?:\s+(?!in\b|from\b|during\b|for\b|by\b|on\b)[a-z]+)?"
    rf"(?:\s+(?:in|during|for)\s+(?P<period>{_PERIOD}))?"
    rf"(?:,?\s+(?:up\s+|down\s+)?from\s+(?P<base>{_AMOUNT})(?:\s+(?:in|during|for)\s+(?P<base_period>{_PERIOD})))?"
    r"(?=[\s,.;]|$)",
)
# Subjects that point back to a measure named before ("This fell to ...", "It rose to ..."),
# not a measure's name.
_NO_SUBJECT = re.compile(r"^(?:this|it|that|these|those|which|there|they|the\s+(?:figure|number|rate|total))\b", re.I)


def _level_changes(text: str, block: Block, ctx: Context, period: str | None) -> Iterator[Indicator]:
    for m in _LEVEL_CHANGE.finditer(text):
        name = " ".join(m.group("name").split())
        if len(name.split()) < 2 or _NO_SUBJECT.match(name):
            continue
        name = _capital(name)
        values = []
        for key, when in (("value", m.group("period")), ("base", m.group("base_period"))):
            number = parse_number(m.group(key)) if m.group(key) else None
            year = (dates.financial_year(when) or when) if when else (period if key == "value" else None)
            if number is None or (key == "base" and not year):
                continue
            values.append(
                IndicatorValue(
                    series=name, period=year, value=number.value, raw=m.group(key), unit=number.unit, page=block.page
                )
            )
        if values:
            yield Indicator(
                name=name,
                period=values[0].period,
                unit=values[0].unit,
                values=values,
                flags=["no_owner"],
                provenance=ctx.provenance(block, PARSER, VERSION, text=block.text),
            )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- priorities ------------------------------------------------------------------------------


def parse_priorities(section: Section, ctx: Context) -> Iterator[Priority]:
    category: str | None = None
    level = 0
    for block in section.blocks:
        if block.kind == "heading":
            if _PRIORITY_HEADING.search(block.text):
                category, level = _category(block.text), block.level or 3
            elif category and (block.level or 3) <= level:
                category = None
            continue
        if category is None or block.kind != "list_item" or not block.bold_spans:
            continue
        lead = block.bold_spans[0]
        if not block.text.startswith(lead) or len(lead.split()) > 10:
            continue
        description = _DASH.sub("", block.text[len(lead) :]).strip() or None
        yield Priority(
            name=lead.strip(" -–:"),
            description=description,
            category=category,
            provenance=ctx.provenance(block, PARSER, VERSION),
        )


def _category(heading: str) -> str:
    text = heading.lower()
    if "national" in text:
        return "national"
    if "monitor" in text:
        return "monitor"
    if "local" in text or "strategic" in text:
        return "local"
    return "priority"


# --- tables ------------------------------------------------------------------------------------


def _theme(blocks: list[Block], index: int, title: str | None, priorities: list[str]) -> str | None:
    """The priority a table sits under: the priority its title names ('Appendix C - Anti-social
    behaviour (complex cases)'); for a title that names none ('Update on progress'), the nearest
    heading above that names one; else the title with its appendix label off."""
    bare = _APPENDIX.sub("", title).strip() if title else None
    if bare:
        named = _match_priority(bare, priorities)
        if named:
            return named
        if _APPENDIX.match(title or ""):
            return bare  # an appendix names its own topic
    for k in range(index - 1, -1, -1):
        b = blocks[k]
        if b.kind == "heading":
            named = _match_priority(b.text, priorities)
            if named and len(_words(b.text)) <= len(_words(named)) + 2:
                return named
    return bare


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _match_priority(text: str, priorities: list[str]) -> str | None:
    """The priority whose name and the text share nearly all words, the shorter in the longer."""
    words = _words(text)
    best, score = None, 0.0
    for name in priorities:
        pw = _words(name)
        if not pw or not words:
            continue
        s = len(pw & words) / min(len(pw), len(words))
        if s > score:
            best, score = name, s
    return best if score >= 0.8 else None


def status_note(*texts: str) -> tuple[str | None, list[str]]:
    """Status words in an indicator's cells: the phrase as written, and the flags raised."""
    notes, flags = [], []
    for text in texts:
        for part in re.split(r";\s*|\n", text or ""):
            for flag, rx in STATUS_WORDS:
                m = rx.search(part)
                if not m:
                    continue
                phrase = part.strip()
                if ":" in phrase[: m.start()]:
                    phrase = phrase[phrase.rindex(":", 0, m.start()) + 1 :].strip()
                if len(phrase.split()) > 16:
                    phrase = m.group(0)
                elif m.start() == 0 and m.group(0).isupper() and len(m.group(0)) <= 3 and phrase != m.group(0):
                    phrase = m.group(0)  # "TBC Increase referrals ...": the prefix is the note
                if phrase not in notes:
                    notes.append(phrase)
                if flag not in flags:
                    flags.append(flag)
    return ("; ".join(notes) or None), flags


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _indicator(draft: TableRecordDraft, block: Block, ctx: Context) -> Indicator:
    name = _one_line(draft.joined("indicator" if "indicator" in draft.values else "aim", " "))
    owners = split_owners("\n".join(draft.values.get("owner", [])))
    target = "; ".join(_one_line(t) for t in draft.values.get("target", []))
    values = []
    if "target" not in draft.values and (figures := measure_figures(name, ctx.meta.date)) is not None:
        # No target column: the measure states its own ("up from 54% in 2021 to 60% by 2023").
        target = figures.target or ""
        values = _baseline_values(figures, draft.page)
    note, flags = status_note(name, target)
    if not owners.owners:
        flags.append("no_owner")
    commentary = "; ".join(_one_line(t) for t in draft.values.get("progress", [])) or None
    baseline = "; ".join(_one_line(t) for t in draft.values.get("baseline", []))
    if baseline:
        commentary = f"Baseline: {baseline}" + (f"; {commentary}" if commentary else "")
    status = draft.joined("status")
    if status:
        note = f"{note}; {status}" if note else status
    period = draft.period or _one_line(draft.joined("due", " ")) or None  # "Aim | Target | Target date"
    return Indicator(
        name=name,
        owner=owners.owner,
        owners=owners.owners,
        target=target or None,
        period=period,
        level=draft.level,
        status_note=note,
        monitoring_only=bool(re.fullmatch(r"\s*monitor(?:ing)?(?: only)?\.?\s*", target, re.I)),
        commentary=commentary,
        theme=draft.theme,
        flags=flags,
        values=values,
        provenance=draft_provenance(draft, block, ctx, PARSER, VERSION),
    )


def plan_action(
    draft: TableRecordDraft,
    block: Block,
    ctx: Context,
    *,
    kind: str = "plan_activity",
    text_role: str = "activity",
    item: str | None = None,
    parser: str = PARSER,
    version: str = VERSION,
) -> Action:
    """An Action from a table row: activities in plans, recommendations in scrutiny reports."""
    text = _one_line(draft.joined(text_role, " "))
    owners = split_owners("\n".join(draft.values.get("owner", [])))
    organisations = owners.organisations + [
        o
        for o in (_one_line(t) for t in draft.values.get("organisation", []))
        if o not in owners.organisations and o not in owners.owners
    ]
    flags = []
    if not owners.owners and organisations:
        # "Lead agency | Lead officer" with the officer left blank: the agency named leads it.
        owners = split_owners("\n".join(organisations))
        flags.append("owner_is_organisation")
    due_text = _one_line(draft.joined("due", " ")) or None
    due = parse_due(due_text)
    if not owners.owners:
        flags.append("no_owner")
    if due_text and due.date is None:
        flags.append("due_not_a_date")
    progress = "; ".join(_one_line(t) for t in draft.values.get("progress", [])) or None
    measure = "; ".join(_one_line(t) for t in draft.values.get("indicator", []))
    if measure and kind == "plan_activity":
        progress = f"Measure: {measure}" + (f"; {progress}" if progress else "")
    return Action(
        item=item or draft.first("number") or None,
        text=text,
        owner=owners.owner,
        owners=owners.owners,
        owner_as_written=owners.as_written or None,
        organisations=organisations,
        due=due_text,
        due_date=due.date,
        due_approximate=due.approximate,
        kind=kind,
        status=_one_line(draft.joined("status")) or None,
        progress=progress,
        date=ctx.meta.date,
        flags=flags,
        provenance=draft_provenance(draft, block, ctx, parser, version),
    )


def draft_provenance(draft: TableRecordDraft, block: Block, ctx: Context, parser: str, version: str):
    """A record's provenance: the rows it was read from (their lines, their cells' boxes), so that
    two rows written alike are two records; the table's where the rows are not its own."""
    table = block.table
    at = next((k for k, r in enumerate(table.body_rows) if r is draft.rows[0]), None) if table else None
    if at is None:
        return ctx.provenance(
            block,
            parser,
            version,
            text=draft.source,
            page=draft.page,
            box=draft.rows[0].cells[0].box if draft.rows[0].cells else None,
        )
    return row_provenance(ctx, block, table, at, draft.source, parser, version, rows=len(draft.rows))


def _progress(draft: TableRecordDraft, block: Block, ctx: Context, header: list[str]) -> Progress | None:
    aim = _one_line(draft.joined("aim", " "))
    text = _one_line(draft.joined("progress", " "))
    if not text:
        # A progress column with a blank header: the text column after the aims.
        text = _progress_fallback(draft, header)
    if not aim or not text:
        return None
    m = PROGRESS_STATUS.search(text)
    return Progress(
        aim=aim,
        progress=text,
        status=m.group(1).lower() if m else None,
        theme=draft.theme,
        provenance=ctx.provenance(block, PARSER, VERSION, text=draft.source, page=draft.page),
    )


def _progress_fallback(draft: TableRecordDraft, header: list[str]) -> str:
    aim_col = next((i for i, h in enumerate(header) if cell_role(h) == "aim"), None)
    if aim_col is None:
        return ""
    parts = []
    for row in draft.rows:
        for cell in row.cells[aim_col + 1 :]:
            if cell.text.strip():
                parts.append(cell.text.strip())
                break
    return _one_line(" ".join(parts))


# --- measures beside activities, and owners named in the activity text --------------------------


def measure_indicators(draft: TableRecordDraft, block: Block, ctx: Context) -> Iterator[Indicator]:
    """A measure column beside the activities ("Action | Led by | Timescale | Measure of
    success"): each measure that states a figure is an indicator, with the row's owner and
    timescale; a cell holds several measures as lines, bullets or sentences. Figures in the text
    give the target ("at least 50% by 2024") and the baseline with its period ("from 41% in
    2019/20"). A measure without a figure ("Scheme running") stays on the action only."""
    owners = split_owners("\n".join(draft.values.get("owner", [])))
    due = _one_line(draft.joined("due", " ")) or None
    for cell in draft.values.get("indicator", []):
        for measure in cell_lines(cell, sentences=True):
            figures = measure_figures(measure, ctx.meta.date)
            if figures is None:
                continue
            values = _baseline_values(figures, draft.page)
            yield Indicator(
                name=measure,
                owner=owners.owner,
                owners=owners.owners,
                target=figures.target,
                period=draft.period or due,
                theme=draft.theme,
                values=values,
                unit=figures.figures[-1].unit,
                flags=[] if owners.owners else ["no_owner"],
                provenance=draft_provenance(draft, block, ctx, PARSER, VERSION),
            )


def _owned_activity_lines(draft: TableRecordDraft, block: Block, ctx: Context) -> Iterator[Action]:
    """An activities table with no owner column: the lines of the activity cell that name their
    owner ("Youth Service to run detached sessions") are actions of that owner; a row with no
    such line is one action without an owner, as before."""
    owned = list(
        subject_actions(
            draft.values.get("activity", []), draft, block, ctx, item=draft.theme, parser=PARSER, version=VERSION
        )
    )
    yield from owned or [plan_action(draft, block, ctx)]


def _baseline_values(figures, page: int) -> list[IndicatorValue]:
    """The baseline a measure states with its period ("from 41% in 2019/20"), as a comparator value."""
    b = figures.baseline
    if b is None or not b.period:
        return []
    return [
        IndicatorValue(
            series="Baseline",
            period=b.period,
            period_as_written=b.period_text,
            value=b.value,
            raw=b.raw,
            unit=b.unit,
            page=page,
            role="comparator",
        )
    ]
