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

from boardpapers.schemas.document import Row, Table

from ..language.columns import MAIN_ROLES, cell_role
from ..language.dates import financial_year

_SUBHEADING = re.compile(
    r"^(?:(?P<level>main|secondary|key|supporting|other|additional)\s+(?:indicators?|measures?|kpis?)"
    r"|(?:priority\s+|key\s+)?(?P<activity>activit(?:y|ies)|actions?)(?:\s+(?:for\s+)?\d{2,4}(?:\s*[/-]\s*\d{2,4})?)?)\s*:?$",
    re.I)


# A lone cell that labels the rows below it, bold or not ("Priority 1: Protecting vulnerable
# people", "Strategic Priority 2 - Tackling ASB", "Theme 3"): tab renderings lose the bold that
# marks such rows, and a plain label must not be read as a continuation of the row above.
_LABEL_ROW = re.compile(
    r"^(?:strategic\s+|key\s+|local\s+)?(?:priority|priorities|theme|objective|outcome|aim|strand|workstream|"
    r"area\s+of\s+focus)\s*(?:\d{1,2}[a-z]?|[A-Z]|[IVX]{1,4})\b\s*(?:[:.–—-]\s*\S.*)?$", re.I)


@dataclass
class Columns:
    roles: dict[str, int]  # role -> column index (the first column with that role)
    header: list[str]

    def get(self, row: Row, role: str) -> str:
        i = self.roles.get(role)
        if i is None or i >= len(row.cells):
            return ""
        return row.cells[i].text.strip()

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


def table_kind(columns: Columns) -> str | None:
    """'witnesses', 'recommendations', 'activities', 'indicators', 'progress' or None."""
    r = columns.roles
    if "witnesses" in r:
        return "witnesses"
    if "recommendation" in r and ("owner" in r or "due" in r or "budget" in r):
        return "recommendations"
    if "activity" in r and ("owner" in r or "due" in r):
        return "activities"
    if "indicator" in r and ("owner" in r or "target" in r or "baseline" in r):
        return "indicators"
    if "aim" in r and len(columns.header) >= 2:
        return "progress"
    return None


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
    if not all(roles) or not any(r in MAIN_ROLES for r in roles):
        return None
    bold = all(c.bold for c in row.cells if c.text.strip())
    # Without bold type, ask for three header-word cells: a body row of short words is rare.
    if not bold and len(filled) < 3:
        return None
    return column_roles(texts)


def subheading(row: Row, columns: Columns) -> str | None:
    """The text of a sub-heading row ('Secondary indicators'), or None."""
    texts = [c.text.strip() for c in row.cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if len(filled) != 1:
        return None
    i, text = filled[0]
    main = columns.roles.get(columns.main or "", 0)
    if i not in (0, main):
        return None
    if _SUBHEADING.match(" ".join(text.split())) or _LABEL_ROW.match(" ".join(text.split())):
        return text
    # A bold lone cell, short and unpunctuated, is a heading ("Theme 2: Reducing harm").
    if row.cells[i].bold and len(text.split()) <= 10 and not text.endswith("."):
        return text
    return None


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
        label = subheading(row, columns)
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
        main_role = {"indicators": "indicator", "activities": "activity",
                     "recommendations": "recommendation", "progress": "aim"}.get(kind or "", columns.main)
        main_text = columns.get(row, main_role) if main_role else ""
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
        if "outcome" in columns.roles and columns.roles.get("outcome") != columns.roles.get(main_role):
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
