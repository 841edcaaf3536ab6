"""Reading plan-like tables by what their header says each column holds.

Delivery plans, action plans, progress tables and recommendation tables come in many
layouts: "Main indicator | Lead Officer | Target 16/17", "Action | Lead | Timescale |
Measure | Status", "Outcome | Indicator | Baseline | Target 2017/18 | Lead", "No. |
Recommendation | Responsible officer | Timescale". Each column is given a *role* from
its header words (:func:`column_roles`), the table a *kind* from its roles
(:func:`table_kind`), and the body rows are walked by :func:`walk_rows`, which knows three
kinds of special row:

* a **sub-heading** row: one cell filled, bold or a known label ("Secondary indicators",
  "Priority activities") -- it switches the level or the kind of the records below;
* a **restated header**: a bold row whose cells are header words ("Priority activity
  2016/17 | Lead Officer and organisation | By when") -- the columns get new roles;
* a **continuation** row: the main column empty, other cells filled -- it adds to the
  record above (several targets joined with "; ").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from boardpapers.schemas.document import Block, Row, Table
from boardpapers.schemas.records import Action

from ..language.columns import MAIN_ROLES, cell_role
from ..language.dates import financial_year, parse_due
from ..language.owners import ORG_WORDS, is_post, person_name
from ..language.people import People
from ..readers.blocks import is_initials
from .actions import _task_from_subject
from .common import Context

_SUBHEADING = re.compile(
    r"^(?:(?P<level>main|secondary|key|supporting|other|additional)\s+(?:indicators?|measures?|kpis?)"
    r"|(?:priority\s+|key\s+)?(?P<activity>activit(?:y|ies)|actions?)(?:\s+(?:for\s+)?\d{2,4}(?:\s*[/-]\s*\d{2,4})?)?)\s*:?$",
    re.I,
)


# A lone cell that labels the rows below it, bold or not ("Priority 1: Protecting vulnerable
# people", "Strategic Priority 2 - Tackling ASB", "Theme 3"): tab renderings lose the bold that
# marks such rows, and a plain label must not be read as a continuation of the row above.
_LABEL_ROW = re.compile(
    r"^(?:strategic\s+|key\s+|local\s+)?(?:priority|priorities|theme|objective|outcome|aim|strand|workstream|"
    r"area\s+of\s+focus)\s*(?:\d{1,2}[a-z]?|[A-Z]|[IVX]{1,4})\b\s*(?:[:.–—-]\s*\S.*)?$",
    re.I,
)


@dataclass
class Columns:
    roles: dict[str, int]  # role -> column index (the first column with that role)
    header: list[str]

    def get(self, row: Row, role: str) -> str:
        i = self.roles.get(role)
        if i is None or i >= len(row.cells):
            return ""
        return row.cells[i].text.strip()

    def role_of(self, index: int) -> str | None:
        return next((role for role, i in self.roles.items() if i == index), None)

    @property
    def main(self) -> str | None:
        for role in MAIN_ROLES:
            if role in self.roles:
                return role
        return None

    @property
    def period(self) -> str | None:
        """The year a target (or the activities) are for: 'Target 16/17' -> '2016/17'."""
        for role in ("target", "activity", "indicator", "due"):
            if role in self.roles:
                fy = financial_year(self.header[self.roles[role]])
                if fy:
                    return fy
        return None


def column_roles(header: list[str]) -> Columns:
    roles: dict[str, int] = {}
    for i, text in enumerate(header):
        role = cell_role(text)
        if role and role not in roles:
            roles[role] = i
    if "owner" not in roles and "organisation" in roles:
        roles["owner"] = roles.pop("organisation")  # "Action | Lead agency | Timescale": the agency leads
    # With two candidate text columns ("Outcome | Indicator", "Action | Measure") the record's
    # text is the one MAIN_ROLES ranks first; the other is kept as theme or measure.
    return Columns(roles=roles, header=[" ".join(h.split()) for h in header])


# What makes a column of measures a table of indicators: who owns them, what they aim at, when,
# or how they are going ("Indicator | Timescale", "Measure | Progress").
_INDICATOR_COMPANIONS = ("owner", "target", "baseline", "due", "progress", "status")


def table_kind(columns: Columns) -> str | None:
    """'witnesses', 'recommendations', 'activities', 'indicators', 'progress' or None.

    An aim or objective with a target column is a measure ("Aim | Target | Target date"): its
    rows are indicators, named by the aim."""
    r = columns.roles
    if "witnesses" in r:
        return "witnesses"
    if "recommendation" in r and ("owner" in r or "due" in r or "budget" in r):
        return "recommendations"
    if "activity" in r and ("owner" in r or "due" in r):
        return "activities"
    if "indicator" in r and any(role in r for role in _INDICATOR_COMPANIONS):
        return "indicators"
    if "aim" in r and "target" in r:
        return "indicators"
    if "aim" in r and len(columns.header) >= 2:
        return "progress"
    return None


def main_role(kind: str | None, columns: Columns) -> str | None:
    """The column whose text a record of ``kind`` is: an indicators table without an indicator
    column is named by its aims."""
    if kind == "indicators":
        return "indicator" if "indicator" in columns.roles else "aim"
    return {"activities": "activity", "recommendations": "recommendation", "progress": "aim"}.get(
        kind or "", columns.main
    )


def tables_of_kind(blocks, kind: str):
    """(table block, its column roles) for each table whose columns make it ``kind``."""
    for block in blocks:
        if block.kind == "table" and block.table is not None:
            columns = column_roles(block.table.header_texts())
            if table_kind(columns) == kind:
                yield block, columns


def is_restated_header(row: Row) -> Columns | None:
    """A body row that restates a header with other columns ('Priority activity | Lead | By when')."""
    texts = [c.text.strip() for c in row.cells]
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return None
    roles = [cell_role(t) for t in filled]
    # Most cells name a role ("Objectives | Current good practice | Actions to be taken | Lead |
    # ..." restated mid-table: "Current good practice" names none); every cell is label-short.
    if 3 * sum(map(bool, roles)) < 2 * len(roles) or not any(r in MAIN_ROLES for r in roles):
        return None
    if any(len(t.split()) > 8 for t in filled):
        return None
    bold = all(c.bold for c in row.cells if c.text.strip())
    # Without bold type, ask for three header-word cells: a body row of short words is rare.
    if not bold and len(filled) < 3:
        return None
    return column_roles(texts)


# Roles of the columns that group rows rather than hold a record of their own.
_CONTEXT_ROLES = ("outcome", "aim", "organisation", "number")


def spans_table(row: Row) -> bool:
    """One cell drawn across the row (a merged cell): the PDF gives it a box and none to the
    cells it covers."""
    filled = [c for c in row.cells if c.text.strip()]
    return (
        len(filled) == 1
        and filled[0].box is not None
        and len(row.cells) > 1
        and all(c.box is None for c in row.cells if c is not filled[0])
    )


def subheading(row: Row, columns: Columns, main: str | None = None) -> str | None:
    """The text of a row that is context for the rows below it, or None: a sub-heading
    ('Secondary indicators', 'Priority 2: Tackling ASB'), a bold group heading of any length,
    an introduction or a list of the services involved drawn across the table."""
    texts = [c.text.strip() for c in row.cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if len({t for _, t in filled}) == 1 and len(filled) > 1 and len(filled) == len(texts):
        filled = filled[:1]  # a merged cell a reader repeated in every column
    if len(filled) != 1:
        return _group_row(filled, columns, main)
    i, text = filled[0]
    main_col = columns.roles.get(main or columns.main or "", 0)
    if i not in (0, main_col):
        return None
    one_line = " ".join(text.split())
    if _SUBHEADING.match(one_line) or _LABEL_ROW.match(one_line):
        return text
    if row.cells[i].bold or spans_table(row):
        return text  # "Theme 2: Reducing harm", however long the bold heading is
    if one_line.endswith(":") and len(columns.header) > 2:
        return text  # an introduction ending in a colon over the rows it introduces
    if ":" in one_line and cell_role(one_line.split(":", 1)[0]) == "organisation":
        return text  # "Services involved: Police, Youth Service, ...": who delivers the rows below
    if i != main_col and columns.role_of(i) in _CONTEXT_ROLES:
        return text  # an outcome cell alone: the rows below deliver it
    return None


def _group_row(filled: list[tuple[int, str]], columns: Columns, main: str | None) -> str | None:
    """'Outcome 2 | Funded organisations deliver ... | | |': cells filled only left of the main
    column, in columns that group rows (outcome, theme, number) or name nothing: the outcome
    the rows below deliver, not a record and not more of the row above."""
    main_col = columns.roles.get(main or "")
    if main_col is None or not filled or any(i >= main_col for i, _ in filled):
        return None
    if not any(columns.role_of(i) in _CONTEXT_ROLES for i, _ in filled):
        return None
    return ": ".join(" ".join(t.split()) for _, t in filled)


@dataclass
class TableRecordDraft:
    """One record being read from a plan table; continuation rows add to it."""

    kind: str  # indicators, activities, recommendations, progress
    rows: list[Row]
    values: dict[str, list[str]] = field(default_factory=dict)
    level: str | None = None
    theme: str | None = None
    period: str | None = None

    def first(self, role: str) -> str:
        vals = self.values.get(role) or []
        return vals[0] if vals else ""

    def joined(self, role: str, sep: str = "; ") -> str:
        return sep.join(v for v in self.values.get(role, []) if v)

    @property
    def page(self) -> int:
        return self.rows[0].page

    @property
    def source(self) -> str:
        return "\n".join(" | ".join(c.text for c in r.cells) for r in self.rows)


def walk_rows(table: Table, columns: Columns, *, theme: str | None = None) -> Iterator[TableRecordDraft]:
    """The records a plan-like table holds, sub-headings and continuations applied."""
    kind = table_kind(columns)
    level = _level_from(columns)
    period = columns.period
    draft: TableRecordDraft | None = None
    for row in table.body_rows:
        if not any(c.text.strip() for c in row.cells):
            continue
        restated = is_restated_header(row)
        if restated is not None and table_kind(restated):
            if draft:
                yield draft
                draft = None
            columns, kind = restated, table_kind(restated)
            level, period = _level_from(columns), columns.period or period
            continue
        main = main_role(kind, columns)
        label = subheading(row, columns, main)
        if label is not None:
            if draft:
                yield draft
                draft = None
            m = _SUBHEADING.match(" ".join(label.split()))
            if m and m.group("level"):
                level = "main" if m.group("level").lower() in ("main", "key") else "secondary"
                if kind != "indicators" and "indicator" in columns.roles:
                    kind = "indicators"
            elif m and m.group("activity"):
                kind, level = "activities", None
                period = financial_year(label) or period
            else:
                theme = label
            continue
        main_text = columns.get(row, main) if main else ""
        if not main_text and draft is not None:
            draft.rows.append(row)  # a continuation: more targets, a second owner line
            for role in columns.roles:
                value = columns.get(row, role)
                if value:
                    draft.values.setdefault(role, []).append(value)
            continue
        if not main_text:
            continue
        if draft:
            yield draft
        if "outcome" in columns.roles and columns.roles.get("outcome") != columns.roles.get(main):
            theme = columns.get(row, "outcome") or theme  # carried down a merged outcome cell
        draft = TableRecordDraft(kind=kind or "", rows=[row], level=level, theme=theme, period=period)
        for role in columns.roles:
            value = columns.get(row, role)
            if value:
                draft.values.setdefault(role, []).append(value)
    if draft:
        yield draft


def _level_from(columns: Columns) -> str | None:
    i = columns.roles.get("indicator")
    if i is None:
        return None
    text = columns.header[i].lower()
    if re.search(r"\b(secondary|supporting|other)\b", text):
        return "secondary"
    if re.search(r"\b(main|key|primary|headline)\b", text):
        return "main"
    return None


_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➢►\-–*]|\(?[a-z0-9]{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)])[.;]\s+(?=[A-Z])")


def cell_lines(text: str, sentences: bool = False) -> list[str]:
    """The items a cell holds: its lines (a stacked list; a tagged PDF's paragraphs), each
    without its bullet; with ``sentences``, a line of several sentences is one item each
    ("Repeat victims down 10%. Referrals up to 500.")."""
    out = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        parts = _SENTENCE_END.split(line) if sentences else [line]
        out.extend(p.strip() for p in parts if p.strip())
    return out


# --- owners named in the activity text ----------------------------------------------------------


def owned_lines(
    table: Table, columns: Columns, block: Block, ctx: Context, item: str | None, *, parser: str, version: str
) -> Iterator[Action]:
    """Lines that give themselves an owner in the action and next-step columns of a table that
    names no owner column ("Actions to achieve | ... | Sustainability and suggested next steps")."""
    if "owner" in columns.roles:
        return
    action_cols = [i for i, h in enumerate(columns.header) if cell_role(h) == "activity"]
    for row in table.body_rows:
        cells = [row.cells[i].text for i in action_cols if i < len(row.cells) and row.cells[i].text.strip()]
        if cells:
            draft = TableRecordDraft(
                kind="activities",
                rows=[row],
                values={"due": [columns.get(row, "due")]} if columns.get(row, "due") else {},
            )
            yield from subject_actions(cells, draft, block, ctx, item=item, parser=parser, version=version)


def subject_actions(
    cells: list[str],
    draft: TableRecordDraft,
    block: Block,
    ctx: Context,
    item: str | None,
    *,
    parser: str,
    version: str,
) -> Iterator[Action]:
    people = ctx.shared.setdefault("plan_people", People())
    due_text = " ".join(draft.joined("due", " ").split()) or None
    due = parse_due(due_text)
    for cell in cells:
        for line in cell_lines(cell):
            task = _task_from_subject(line, people, 0, None, "plan", require_owner=True)
            if task is None or not task.owners or not all(map(_names_an_owner, task.owners)):
                continue
            yield Action(
                item=item,
                text=" ".join(task.text.split()).rstrip(" ."),
                owner="; ".join(task.owners),
                owners=task.owners,
                owner_as_written=task.owner_as_written,
                due=due_text,
                due_date=due.date,
                due_approximate=due.approximate,
                kind="plan_activity",
                date=ctx.meta.date,
                flags=task.flags,
                provenance=ctx.provenance(
                    block,
                    parser,
                    version,
                    text=line,
                    page=draft.page,
                    box=draft.rows[0].cells[0].box if draft.rows[0].cells else None,
                ),
            )


def _names_an_owner(text: str) -> bool:
    """A subject that can be given a task in a plan's cell: a person, initials, a post ("Subject
    leader"), or a named organisation or team in title case ("Youth Service"); not the noun
    phrase that opens an activity ("Release time for teachers to ...", "Bring support services
    to ...")."""
    words = text.split()
    if person_name(text) is not None or is_initials(text) or is_post(text):
        return True
    return (
        len(words) <= 4
        and words[-1].lower() in ORG_WORDS
        and all(w[:1].isupper() or w in ("of", "and", "&") for w in words)
    )
