"""Performance sections: tables of indicators over months or quarters, tables of measures
by row (wards, substances, departments), and outcomes whose figures are stated in prose.

Three table shapes are read:

* **series tables**: the header is periods (Apr-16 ... Mar-17, Q1 ... Q4, 2016/17): one
  :class:`Indicator` per table, named by the heading above it, one value series per row
  ("Cumulative (2016/17)", "Target (Cum)"). Where the rows measure different things
  (a count row beside a percentage row, as in an IDVA table of referrals, engagement and
  repeat rates) each row is an indicator of its own.
* **row tables**: the header is measures (Ward | Previous Year | Current 12 months |
  Change; Baseline | Target | Actual | Status): each row is an indicator named
  "<table context> - <row label>", each column a series; arrows are directions of travel
  and RAG words are statuses, not values.
* **outcomes in prose** (Peterborough style): "Outcome 1 - ..." headings under priorities
  with a "Theme lead - ..." line become indicators owned by the theme lead, with the
  figures stated under them (:mod:`figures`) as their values.

And the figures of reports that are not tables of numbers (issue 17):

* **targets against actuals** ("Six Monthly TARGETS | ... Total - (count to End Feb 2023) |
  Any comments"): the target text is the measure, the figure beside it its value, a comments
  cell's breakdown one value per part;
* **bands naming an indicator** ("Key indicator 1: ..." over a table with a money column) and
  **labelled boxes** ("Total fund allocated: May - £4058 / TOTAL £15445");
* **figure rows in tables of text** ("Projected spending | £50000", a "Metric | Data" box) and
  **figures in an evidence or outcome column**, one indicator per line that states them;
* **KPI cards** ("Latest: 72% Target: 75%, Floor: 60% Previous: 70% (Amber)") and **counts
  of ratings** ("21 Green, 8 Amber, 4 Red"; "6 measures improved") in prose or lists.

Every value's period carries its year (a bare "Q2" takes the paper's), the day it ends, and
whether it is a comparator (last year's row, an average): :func:`complete_periods`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile

from boardpapers.schemas.document import Block, Table
from boardpapers.schemas.records import Indicator, IndicatorValue, Record

from ..language import dates
from ..language.columns import cell_role
from ..language.numbers import (
    Number,
    breakdowns,
    direction,
    figure,
    is_arrow,
    is_status,
    is_year_like,
    labelled_figures,
    parse_number,
    rag_counts,
    target_levels,
    trend_counts,
)
from ..language.owners import split_owners
from ..language.people import split_title
from .common import Context, Section
from .figures import find_figures
from .outcomes import outcome_records
from .plan_tables import cell_lines, column_roles, owned_lines, table_kind
from .tables import table_title

PARSER = "performance"
VERSION = "1"

_MONITORING = re.compile(r"^\W*for monitoring (?:purposes )?only\W*$", re.I)
_COMMENTS = re.compile(r"^\s*(?:comments?|commentary|narrative|analysis)\s*:?\s*(?P<rest>.*)$", re.I | re.S)
_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*$")
_FRACTION_LEGEND = re.compile(r"\((?P<sym>[a-z])\)\s*=\s*(?:number of\s+)?(?P<a>[^/]+?)\s*/\s*(?P<b>.+?)\s*\.?$", re.I)
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{2,})\)")
_OUTCOME_WORDS = re.compile(r"^\s*(?:outcome|priority|objective|aim)\b", re.I)


# --- columns and periods -----------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    iso: str | None
    as_written: str | None
    financial_year: str | None = None


_BARE_MONTH = re.compile(rf"^{dates.MONTH_RE}\.?$", re.I)
_MONTH_SPAN = re.compile(
    rf"^(?P<a>{dates.MONTH_RE})\.?\s*[-–—/]\s*(?P<b>{dates.MONTH_RE})\.?\s*(?P<y>(?:19|20)?\d\d)$", re.I
)
# "Total for Q2 2013/14", "YTD 2018/19", "Baseline 2017/18": a measure of a stated period.
_OF_PERIOD = re.compile(
    r"^(?:(?!Q[1-4]\b)[A-Za-z][\w.]*\s+){1,3}(?:for\s+|to\s+)?(?P<p>Q[1-4](?:\s+\S+)?|(?:19|20)?\d\d\s*[/\-–]\s*(?:19|20)?\d\d)$",
    re.I,
)


def year_hint(texts: list[str | None]) -> tuple[str, int] | None:
    """The year bare month columns belong to, from a caption, heading or header naming one:
    ('fy', 2013) for "Q2 2013/14", ('year', 2019) for "Calls for service 2019"."""
    for t in texts:
        if t and (start := dates.financial_year_start(t)) is not None and dates.financial_year(t):
            return "fy", start
    for t in texts:
        if t and (m := dates.YEAR.search(t)):
            return "year", int(m.group("y"))
    return None


def _fy_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def column_period(text: str, hint: tuple[str, int] | None = None) -> Period | None:
    """A header cell as a period: 'Apr-16' -> 2016-04; 'Q1 2017/18' -> Q1 (of 2017/18);
    '2016/17' -> 2016/17; '2017' -> 2017; 'Apr-Jun 2019' -> Q1 (of 2019/20); 'Total for
    Q2 2013/14' -> Q2. A bare month ('July') takes its year from ``hint`` (see
    :func:`year_hint`): July of 2013/14 is 2013-07, January of it 2014-01. None for a header
    that is not a period."""
    t = " ".join(text.split())
    if not t:
        return None
    iso = dates.month_period(t)
    if iso is None and hint and _BARE_MONTH.match(t) and (month := dates.month_number(t)):
        kind, year = hint
        iso = f"{year + (1 if kind == 'fy' and month < 4 else 0):04d}-{month:02d}"
    if iso:
        y, m = int(iso[:4]), int(iso[5:])
        start = y if m >= 4 else y - 1
        return Period(iso, t, _fy_label(start))
    m = re.fullmatch(r"Q(?:uarter\s*)?([1-4])(?:\s*\(?(.+?)\)?)?", t, re.I)
    if m and (not m.group(2) or dates.financial_year(m.group(2))):
        return Period(f"Q{m.group(1)}", t, dates.financial_year(m.group(2)) if m.group(2) else None)
    if re.fullmatch(r"(?:19|20)?\d\d\s*[/\-–]\s*(?:19|20)?\d\d", t) and dates.financial_year(t):
        fy = dates.financial_year(t)
        return Period(fy, t, fy)
    if re.fullmatch(r"(?:19|20)\d\d", t):
        return Period(t, t)
    m = _MONTH_SPAN.match(t)
    if m:  # a quarter of the financial year written as its months: Apr-Jun, Jul-Sep ...
        a, b, y = dates.month_number(m.group("a")), dates.month_number(m.group("b")), dates.full_year(m.group("y"))
        if a and b and (b - a) % 12 == 2 and a in (4, 7, 10, 1):
            start = y if a >= 4 else y - 1
            return Period(f"Q{(a - 4) % 12 // 3 + 1}", t, _fy_label(start))
    m = _OF_PERIOD.match(t)
    if m:
        inner = column_period(m.group("p"))
        if inner:
            return Period(inner.iso, t, inner.financial_year)
    return None


def _fy_of_labels(labels: list[str]) -> str | None:
    years = sorted({fy for fy in (dates.financial_year(x) for x in labels) if fy})
    return years[-1] if years else None


# --- the outline: headings, priorities, theme leads ---------------------------------------


@dataclass
class Place:
    """Where a block sits: its numbered heading, the priority and theme lead above it."""

    heading: str | None = None  # title of the nearest numbered heading
    heading_marker: str | None = None
    priority: str | None = None
    lead: str | None = None


_PRIORITY = re.compile(r"^\s*(?:priority\s*\d*|cross[- ]cutting (?:theme|priority))\b", re.I)
_LEAD = re.compile(r"^\s*theme\s+lead\s*[-–:]\s*(?P<who>.+)$", re.I)
_ROLE_WORDS = {
    "head",
    "manager",
    "director",
    "officer",
    "lead",
    "leader",
    "chair",
    "chief",
    "assistant",
    "deputy",
    "public",
    "service",
    "services",
    "team",
    "domestic",
    "community",
    "coordinator",
    "co-ordinator",
    "commissioner",
    "consultant",
    "inspector",
    "superintendent",
    "analyst",
    "senior",
    "principal",
}


def person_name(text: str) -> str | None:
    """'Chief Inspector Nicholas Church' -> 'Nicholas Church';
    'Julia Cullum Domestic Abuse and Sexual Violence Manager' -> 'Julia Cullum'."""
    t = re.split(r"\s*[,(]\s*|\s+[-–]\s+", text.strip())[0]
    words = split_title(t)[1].split()  # the titles and ranks the attendance rules know
    name = []
    for w in words:
        if not w[:1].isupper() or w.lower() in _ROLE_WORDS or len(name) == 3:
            break
        name.append(w)
    if len(name) == 3 and len(words) > 3:  # a role follows: "Joseph Keegan Public Health"
        name = name[:2]
    return " ".join(name) if len(name) >= 2 else None


def outline(blocks: list[Block]) -> list[Place]:
    """The :class:`Place` of every block, walking the headings once.

    A numbered heading opens a place; it stays inside the current priority while its
    number extends the priority's ("4.5.3" under "4.5 Priority 1"). A bare number on a
    line of its own ("4.8.6") numbers the heading that follows it.
    """
    places, cur = [], Place()
    pending, priority_marker = None, None
    previous = None
    for b in blocks:
        text = b.text.strip()
        if b.kind in ("heading", "paragraph") and _SECTION_NUMBER.match(text):
            pending = text.rstrip(".")
            if (
                previous is not None
                and previous.kind == "heading"
                and not previous.marker
                and places
                and places[-1].heading != previous.text
            ):
                # "Key Activities / Commentary" then "4.9.2": the number belongs to the title above
                cur = Place(
                    heading=previous.text.strip(),
                    heading_marker=pending,
                    priority=cur.priority if priority_marker and pending.startswith(priority_marker + ".") else None,
                    lead=cur.lead if priority_marker and pending.startswith(priority_marker + ".") else None,
                )
                pending = None
            places.append(cur)
            previous = b
            continue
        previous = b
        marker = b.marker if b.marker and b.marker[0].isdigit() else pending
        numbered = marker and (
            b.kind == "heading"
            or (
                b.kind == "paragraph"
                and (_OUTCOME_WORDS.match(text) or _PRIORITY.match(text))
                and len(text.split()) <= 60
            )
        )
        if b.kind != "table":
            pending = None
        if numbered and priority_marker and _top(marker) < _top(priority_marker):
            numbered = False  # "1.2 Successful completions" inside 4.9: an inserted chart's own numbering
        if numbered:
            marker = marker.rstrip(".")
            if _PRIORITY.match(text):
                priority_marker = marker
                cur = Place(heading=text, heading_marker=marker, priority=text)
            elif priority_marker and marker.startswith(priority_marker + "."):
                cur = Place(heading=text, heading_marker=marker, priority=cur.priority, lead=cur.lead)
            else:
                priority_marker = None
                cur = Place(heading=text, heading_marker=marker)
        elif b.kind in ("heading", "paragraph") and (m := _LEAD.match(text)):
            cur = Place(cur.heading, cur.heading_marker, cur.priority, person_name(m.group("who")))
        places.append(cur)
    return places


def _top(marker: str) -> int:
    m = re.match(r"\d+", marker)
    return int(m.group()) if m else 0


# --- table shapes ---------------------------------------------------------------------------


def _numeric_cells(table: Table) -> tuple[int, int]:
    n_num = n_all = 0
    for row in table.body_rows:
        for cell in row.texts[1:]:
            if not cell.strip():
                continue
            n_all += 1
            if (
                (parse_number(cell) is not None and not is_year_like(cell))
                or is_arrow(cell)
                or cell.strip().lower() in ("n/a", "-", "na")
            ):
                n_num += 1
    return n_num, n_all


def _is_status_grid(table: Table) -> bool:
    """Cells that are all status words ('Met' / 'Not met', RAG, ticks): a compliance grid.
    Two rows and two status columns at least, so a one-line "Is this a key decision? | No"
    box is not one."""
    cells = [c.strip() for row in table.body_rows for c in row.texts[1:] if c.strip()]
    cols = {i for row in table.body_rows for i, c in enumerate(row.texts[1:]) if is_status(c)}
    return len(table.body_rows) >= 2 and len(cols) >= 2 and sum(map(is_status, cells)) >= 0.8 * len(cells)


def table_shape(table: Table, hint: tuple[str, int] | None = None) -> str | None:
    """'series' (periods across), 'rows' (measures across, one indicator per row),
    'status' (a grid of status words, no numbers) or None."""
    header = table.header_texts()
    if not header or len(header) < 2 or not table.body_rows:
        return None
    n_num, n_all = _numeric_cells(table)
    if n_all and n_num < 0.6 * n_all and _is_status_grid(table):
        return "status"
    if not n_all or n_num < 0.6 * n_all:  # text tables (recommendations, action logs) are not measures
        return None
    # A measure of a period ("Baseline 2017/18", "Target 2018/19") does not make the
    # columns periods: the scorecard "Indicator | Baseline 2017/18 | Target 2018/19 | Q1 ...
    # | YTD | RAG" is still one indicator per row.
    periods = [None if _OF_PERIOD.match(" ".join(h.split())) else column_period(h, hint) for h in header[1:]]
    if sum(p is not None for p in periods) >= max(2, 0.6 * len(periods)):
        return "series"
    return "rows"


def value_columns(table: Table, hint: tuple[str, int] | None = None) -> list[int]:
    """The columns that hold reported figures: headed by a period ("Q1", "Apr-16", "2019/20") or
    by an actual ("Actual", "Outturn", "Total to date", "Score"), not by a baseline or a target,
    with numbers in most of their filled cells."""
    header = table.header_texts()
    out = []
    for c, h in enumerate(header[1:], start=1):
        text = " ".join(h.split())
        role = cell_role(text)
        if role in ("target", "baseline", "owner", "due", "number"):
            continue
        if role != "actual" and (_OF_PERIOD.match(text) or column_period(text, hint) is None):
            continue
        cells = [r.texts[c].strip() for r in table.body_rows if c < len(r.cells) and r.texts[c].strip()]
        if cells and sum(parse_number(x) is not None or is_arrow(x) for x in cells) >= 0.6 * len(cells):
            out.append(c)
    return out


def has_value_columns(table: Table) -> bool:
    return bool(value_columns(table))


def _caption(blocks: list[Block], index: int) -> tuple[str | None, bool]:
    """The heading naming the table (nearest above), and whether 'FOR MONITORING ONLY' is set."""
    monitoring = False
    own = blocks[index].table.caption if blocks[index].table else None
    for k in range(index - 1, max(index - 6, -1), -1):
        b = blocks[k]
        text = b.text.strip()
        if b.kind == "table":
            break
        if _MONITORING.match(text):
            monitoring = True
            continue
        if own:  # the table's own caption row names it better than a heading above
            return own, monitoring
        if b.kind == "heading" and not _SECTION_NUMBER.match(text):
            return text, monitoring
        if b.kind == "paragraph" and len(text.split()) <= 12 and not text.endswith(":") and ":" not in text:
            return text, monitoring
        if b.kind == "paragraph":
            break
    return own, monitoring


def _commentary(blocks: list[Block], index: int) -> str | None:
    """The 'Comments:' paragraph(s) that follow a table."""
    out, open_ = [], False
    for b in blocks[index + 1 : index + 8]:
        if b.kind == "table" or (b.kind == "heading" and not _COMMENTS.match(b.text)):
            break
        m = _COMMENTS.match(b.text)
        if m and not open_:
            open_ = True
            if m.group("rest").strip():
                out.append(m.group("rest").strip())
            continue
        if open_ and b.kind in ("paragraph", "list_item"):
            out.append(b.text.strip())
        elif not open_:
            break
    return "\n".join(out) or None


def _lead_in(blocks: list[Block], index: int) -> list[Block]:
    """Paragraphs between the table and the heading above it: legends, period lines."""
    out = []
    for k in range(index - 1, max(index - 10, -1), -1):
        b = blocks[k]
        if b.kind == "table":
            break
        out.append(b)
        if b.kind == "heading" and (b.marker or _SECTION_NUMBER.match(b.text)):
            break
    return out[::-1]


def table_hint(blocks: list[Block], index: int) -> tuple[str, int] | None:
    """The year a table's bare month columns belong to: its caption row, the heading and
    lead-in above it, then its header ("Most popular datasets during Q2 2013/14" over
    "July | August | September")."""
    table = blocks[index].table
    caption, _ = _caption(blocks, index)
    texts = [table.caption if table else None, caption] + [b.text for b in reversed(_lead_in(blocks, index))]
    return year_hint(texts + (table.header_texts() if table else []))


def _context(blocks: list[Block], index: int, place: Place, caption: str | None) -> str | None:
    """What a row table measures, to prefix its row labels: the numbered heading it sits
    under ("Deliberate Fires"), unless that heading states an outcome; then the service
    the lead-in names by its acronym ("... Advisory Service (IDVA) report that"); then
    the caption."""
    heading = None
    for b in reversed(_lead_in(blocks, index)):
        if b.kind == "heading" and b.marker and b.marker[0].isdigit():
            heading = b.text.strip()
            break
    heading = heading or place.heading
    if heading and not _OUTCOME_WORDS.match(heading) and not _PRIORITY.match(heading):
        return heading
    if index and blocks[index - 1].kind == "paragraph":
        acronyms = _ACRONYM.findall(blocks[index - 1].text)
        if acronyms:
            return acronyms[-1]
    if not caption and not heading:
        # An unnumbered heading over a numbered paragraph and the table ("Publication of
        # inventories of unpublished datasets" / "41. As part of ..." / Department | ...):
        # without it the rows would be bare department names.
        above = [b.text.strip() for b in _lead_in(blocks, index) if b.kind == "heading"]
        return above[-1] if above else None
    return caption or heading


def _target(rows: list[tuple[str, list[tuple[Period | None, Number, str]]]]) -> str | None:
    """The year-end target: the constant value of a Target row ('90%'), else its last value."""
    for label, cells in rows:
        if cell_role(label) == "target" and cells:
            values = {n.value for _, n, _ in cells}
            return cells[0][2] if len(values) == 1 else cells[-1][2]
    return None


def _value(series: str, period: Period | None, number: Number, raw: str, page: int, value=None) -> IndicatorValue:
    year = period.financial_year if period and period.financial_year != period.iso else None
    return IndicatorValue(
        series=series,
        period=period.iso if period else None,
        period_as_written=period.as_written if period else None,
        value=number.value if value is None else value,
        raw=raw,
        unit=number.unit,
        page=page,
        period_year=year,
    )


_QUARTER = re.compile(r"^Q([1-4])$")


def complete_periods(record: Record, ctx: Context) -> Record:
    """An indicator with each value's period made whole and its role marked: a bare quarter takes
    the indicator's year, else the paper's (the latest such quarter ended by the paper's date);
    each period gets its last day, to order a series; a comparator (a "Previous year" or "Most
    similar group average" series, or a series of an earlier year beside the current year's)
    is marked so, and is never the latest figure of the series."""
    if not isinstance(record, Indicator) or not record.values:
        return record
    academic = ctx.shared.get("year_convention") == "academic"
    own_year = record.period if record.period and re.fullmatch(r"\d{4}/\d{2}", record.period) else None
    # Series named by their year ("2017/18 | 2018/19" across months; "Monthly 2016-17" over
    # "Monthly 2015/16"): the latest year's is the series, the earlier ones its comparators.
    year_series = {v.series: fy for v in record.values if (fy := dates.financial_year(v.series))}
    latest_year = max(year_series.values()) if len(set(year_series.values())) > 1 else None
    values = []
    for v in record.values:
        year = v.period_year
        if year is None and v.period and (q := _QUARTER.match(v.period)):
            stated = next(
                (
                    m.group("fy")
                    for text in (v.period_as_written, v.series)
                    if text
                    for m in dates.QUARTER.finditer(text)
                    if m.group("q") == q.group(1) and m.group("fy")
                ),
                None,
            )
            year = (
                dates.financial_year(stated)
                if stated
                else own_year or dates.quarter_year(int(q.group(1)), ctx.meta.date)
            )
        role = v.role
        if role is None and (
            cell_role(v.series) == "comparator"
            or cell_role(v.period_as_written or "") == "comparator"
            or (latest_year and v.series in year_series and year_series[v.series] != latest_year)
        ):
            role = "comparator"
        values.append(
            v.model_copy(
                update={
                    "period_year": year,
                    "role": role,
                    "period_end": v.period_end or dates.period_end(v.period, year, academic),
                }
            )
        )
    if values == record.values:
        return record
    data = record.model_dump(exclude={"id"})
    data["values"] = [v.model_dump() for v in values]
    return Indicator.model_validate(data)


def _dominant_unit(values: list[IndicatorValue]) -> str | None:
    units = [v.unit for v in values if v.unit]
    return max(set(units), key=units.count) if units else None


def series_indicators(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    block = blocks[index]
    table = block.table
    header = table.header_texts()
    hint = table_hint(blocks, index)
    # A column to compare with ("Same period last year") keeps its header as the values' period
    # as written, which marks them comparators.
    periods = [column_period(h, hint) or (Period(None, h) if cell_role(h) == "comparator" else None) for h in header]
    caption, monitoring = _caption(blocks, index)
    if _months_down(table, hint):
        yield from transposed_indicators(blocks, index, place, ctx, hint)
        return
    rows = []
    for row in table.body_rows:
        texts = row.texts + [""] * (len(header) - len(row.cells))
        label = " ".join(texts[0].split())
        cells = [
            (periods[c], n, texts[c].strip())
            for c in range(1, len(header))
            if (n := parse_number(texts[c])) is not None
        ]
        if label and cells:
            rows.append((label, cells))
    if not rows:
        return
    fys = [p.financial_year for p in periods if p and p.financial_year]
    periods = [p if p is None or p.iso or p.as_written else None for p in periods]
    period = (fys[0] if len(set(fys)) == 1 else None) if fys else None
    period = period or _fy_of_labels([r[0] for r in rows])
    commentary = _commentary(blocks, index)
    units = {n.unit for _, cells in rows for _, n, _ in cells}
    common = dict(
        owner=place.lead,
        owners=[place.lead] if place.lead else [],
        period=period,
        monitoring_only=monitoring,
        commentary=commentary,
        theme=place.priority,
    )
    # Rows are measures of their own where their units differ or each row has its own target or
    # rating ("Indicator | Target | Q1 | Q2 | RAG"); otherwise they are the series of one measure
    # ("Measure | Q1 | Q2" under "Burglary": homes, attempts).
    own_rows = len(units) > 1 or any(cell_role(h) in ("target", "status") for h in header[1:])
    if own_rows and len(rows) > 1 and not any(cell_role(label) == "target" for label, _ in rows):
        # Rows measuring different things: one indicator each. Where the columns are whole years
        # ("2018/19 | 2019/20 | Change") each year is a series of the row, as in a row table, and
        # a column that is no year beside them ("Change") is derived from them and left out;
        # within a year (Q1, Q2; months) the row is the series.
        # Rows under a column headed "Indicator" are named in full; bare labels ("Dwelling") take
        # what the table measures as their prefix.
        context = None if cell_role(header[0]) == "indicator" else _context(blocks, index, place, caption)
        years = [p for p in periods[1:] if p is not None]
        by_year = bool(years) and all(re.fullmatch(r"\d{4}(?:/\d\d)?", p.iso or "") for p in years)
        for label, cells in rows:
            values = [
                _value(p.as_written if by_year else label, p, n, raw, block.page)
                for p, n, raw in cells
                if p is not None or not by_year
            ]
            yield Indicator(
                name=f"{context} - {label}" if context else label,
                unit=_dominant_unit(values),
                values=values,
                provenance=ctx.provenance(block, PARSER, VERSION),
                **common,
            )
        return
    values = [_value(label, p, n, raw, block.page) for label, cells in rows for p, n, raw in cells]
    name = caption or _context(blocks, index, place, None) or "Untitled table"
    yield Indicator(
        name=name,
        target=_target(rows),
        unit=_dominant_unit(values),
        values=values,
        flags=[] if caption else ["no_caption"],
        provenance=ctx.provenance(block, PARSER, VERSION),
        **common,
    )


def _row_months(table: Table, hint) -> list[Period | None]:
    return [column_period(" ".join((r.texts or [""])[0].split()), hint) for r in table.body_rows]


def _months_down(table: Table, hint) -> bool:
    """Months down the first column ("Month | 2017/18 | 2018/19 | % change", "Month |
    Incidents | Of which alcohol related"): the table is a series table turned on its side."""
    months = _row_months(table, hint)
    return len(months) >= 2 and all(p is not None and p.iso and len(p.iso) == 7 for p in months)


def transposed_indicators(blocks: list[Block], index: int, place: Place, ctx: Context, hint) -> Iterator[Indicator]:
    """One indicator for a table with months down and series across. Where the columns are
    years ("2017/18 | 2018/19") each month is read in the column's year (April of 2018/19 is
    2018-04); a column that is no year beside them ("% change") is derived from the others
    and left out. Otherwise each column is a series and the month is the row's."""
    block = blocks[index]
    table = block.table
    header = table.header_texts()
    caption, monitoring = _caption(blocks, index)
    col_periods = [column_period(h) for h in header]
    year_cols = [
        c
        for c in range(1, len(header))
        if col_periods[c]
        and "/" in (col_periods[c].iso or "")
        or (col_periods[c] and re.fullmatch(r"\d{4}", col_periods[c].iso or ""))
    ]
    values = []
    for row, month in zip(table.body_rows, _row_months(table, hint)):
        texts = row.texts + [""] * (len(header) - len(row.cells))
        m = int(month.iso[5:])
        for c in year_cols or range(1, len(header)):
            n = parse_number(texts[c])
            if n is None:
                continue
            period = month
            if year_cols:
                cp = col_periods[c]
                year = int(cp.iso[:4]) + (1 if "/" in cp.iso and m < 4 else 0)
                period = Period(f"{year:04d}-{m:02d}", f"{texts[0].strip()} {header[c]}")
            values.append(_value(header[c] or f"column {c + 1}", period, n, texts[c].strip(), block.page))
    if not values:
        return
    fys = sorted(
        {
            f"{int(v.period[:4]) - (int(v.period[5:]) < 4)}/{(int(v.period[:4]) - (int(v.period[5:]) < 4) + 1) % 100:02d}"
            for v in values
            if v.period and len(v.period) == 7
        }
    )
    yield Indicator(
        name=caption or _context(blocks, index, place, None) or "Untitled table",
        owner=place.lead,
        owners=[place.lead] if place.lead else [],
        period=fys[0] if len(fys) == 1 else None,
        unit=_dominant_unit(values),
        values=values,
        monitoring_only=monitoring,
        commentary=_commentary(blocks, index),
        theme=place.priority,
        flags=[] if caption else ["no_caption"],
        provenance=ctx.provenance(block, PARSER, VERSION),
    )


def _fraction_parts(lead: list[Block]) -> tuple[str, str] | None:
    for b in lead:
        m = _FRACTION_LEGEND.search(b.text)
        if m:
            return m.group("a").strip(), m.group("b").strip()
    return None


def _legend_periods(lead: list[Block]) -> dict[str, Period]:
    """'Baseline period: Completion period: 01/04/2016 to 31/03/2017' -> {'baseline period': 2016/17}."""
    out = {}
    for b in lead:
        m = re.match(r"^\s*(?P<label>[A-Z][\w ]{2,40}?)\s*:\s*(?P<rest>.+)$", b.text)
        if m:
            iso = dates.range_period(m.group("rest"))
            if iso:
                out[m.group("label").strip().lower()] = Period(iso, m.group("rest").split(":")[-1].strip())
    return out


# A RAG letter is no name for a series: columns headed "R | A | G" count measures of each colour.
_RAG_LETTERS = {"R": "Red", "A": "Amber", "G": "Green"}


def _stated(text: str, ctx: Context) -> Period | None:
    """A header or caption that states its period in words: '(count to End Feb 2023)', 'for
    last academic year' (resolved against the paper's date)."""
    convention = ctx.once(
        "year_convention",
        lambda: dates.year_convention(
            "\n".join([ctx.doc.text()] + [b.text for b in ctx.doc.blocks if b.kind == "table"])
        ),
    )
    iso = dates.stated_period(text, ctx.meta.date, convention)
    if not iso:
        return None
    return Period(iso, " ".join(text.split()), iso if "/" in iso else None)


def _table_period(blocks: list[Block], index: int, caption: str | None, ctx: Context) -> Period | None:
    """The period a table's caption or the heading above it states, for columns that state none."""
    for text in [caption] + [b.text for b in reversed(_lead_in(blocks, index)) if b.kind == "heading"][:1]:
        if text and (p := _stated(text, ctx)):
            return p
    return None


def row_provenance(
    ctx: Context,
    block: Block,
    table: Table,
    row_index: int,
    text: str,
    parser: str = PARSER,
    version: str = VERSION,
    rows: int = 1,
):
    """A body row's provenance: its own line of a text rendering, or its cells' box in a PDF (the
    ``rows`` from it, for a record read from several), so that two rows written alike (a source
    slip repeating a row) are two records."""
    row = table.body_rows[row_index]
    boxes = [c.box for r in table.body_rows[row_index : row_index + rows] for c in r.cells if c.box is not None]
    box = None
    for b in boxes:
        box = b.union(box)
    lines = None
    if block.lines and box is None:
        # The row's own source line: a text table is a row a line (the |---| line under a
        # markdown header is none); found by its first cell, else taken by its position.
        source = block.source.split("\n")
        k = (
            len(table.header_rows)
            + row_index
            + (1 if block.source.lstrip().startswith("|") and table.header_rows else 0)
        )
        first_cell = next((" ".join(c.text.split()) for c in row.cells if c.text.strip()), "")
        at = next(
            (j for j in range(k, len(source)) if first_cell and first_cell[:30] in " ".join(source[j].split())), k
        )
        lines = (block.lines[0] + at, block.lines[0] + at + rows - 1)
    return ctx.provenance(block, parser, version, text=text, box=box, page=row.page, lines=lines)


def row_indicators(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    block = blocks[index]
    table = block.table
    header = table.header_texts()
    top = table.header_rows[0].texts if table.header_rows else header
    caption, monitoring = _caption(blocks, index)
    hint = table_hint(blocks, index)
    if _months_down(table, hint):
        yield from transposed_indicators(blocks, index, place, ctx, hint)
        return
    context = _context(blocks, index, place, caption)
    context = dates.without_period(context) if context else None
    # "Indicator | Baseline | Target | Q1 ...": the first column names each indicator in full; a
    # heading prefix ("Priority indicators - Domestic burglary") only blurs it. A label of one to
    # three words ("Reading" under "Disadvantaged pupil progress scores") needs its table's name.
    names_column = cell_role(header[0] or "") == "indicator"
    owner_cols = {c for c, h in enumerate(header) if c and cell_role(h) == "owner"}  # "Indicator | Lead | Q1 ..."
    table_period = _table_period(blocks, index, caption, ctx)
    lead = _lead_in(blocks, index)
    parts = _fraction_parts(lead)
    legend = _legend_periods(lead)
    group = ""
    groups = []
    for c in range(len(header)):
        if c < len(top) and top[c].strip():
            group = " ".join(top[c].split())
        groups.append(group)
    col_periods = []
    for c, h in enumerate(header):
        p = column_period(h, hint) or _stated(h, ctx)
        if p is None:
            p = legend.get(groups[c].lower()) or legend.get(h.lower())
        col_periods.append(p or table_period)
    for row_index, row in enumerate(table.body_rows):
        texts = row.texts + [""] * (len(header) - len(row.cells))
        label = " ".join(texts[0].split())
        if not label:
            continue
        values, directions, statuses, target = [], [], [], None
        owners = split_owners(" / ".join(texts[c] for c in owner_cols if texts[c].strip()) or None)
        for c in range(1, len(header)):
            if c in owner_cols:
                continue
            # A column with no header of its own takes its group's ("Baseline period" over "(%)");
            # with neither, its figures have no series to name them ("column 6" is not one).
            series = header[c] or (groups[c] if c and groups[c] != groups[0] else "")
            if cell_role(series) == "data":
                series = label  # "Metric | Data": the row's label names its figure
            series = _RAG_LETTERS.get(series.strip().upper(), series)  # "R | A | G" columns count ratings
            if not series:
                continue
            cell, period = texts[c].strip(), col_periods[c]
            if is_arrow(cell):
                directions.append(f"{series}: {direction(cell)}")
                continue
            if is_status(cell):
                statuses.append(cell)
                continue
            n = parse_number(cell)
            if n is None:
                continue
            if cell_role(series) == "target":
                target = cell
            if n.kind == "fraction":
                a, b = parts or ("numerator", "denominator")
                values.append(_value(f"{series} {a}", period, n, cell, block.page, n.parts[0]))
                values.append(_value(f"{series} {b}", period, n, cell, block.page, n.parts[1]))
            elif n.kind == "range":
                values.append(
                    _value(f"{series} (lower)", None if period is None else period, n, cell, block.page, n.parts[0])
                )
                values.append(
                    _value(f"{series} (upper)", None if period is None else period, n, cell, block.page, n.parts[1])
                )
            else:
                values.append(_value(series, period, n, cell, block.page))
        if not values:
            continue
        flags = [f"direction {d}" for d in directions]
        # ... but not a heading that only says the rows are indicators ("Priority indicators").
        prefix = (
            context
            if context and (not names_column or len(label.split()) <= 3 and cell_role(context) != "indicator")
            else None
        )
        owner = owners.owner or place.lead  # the row's Lead column, else the theme lead above
        yield Indicator(
            name=f"{prefix} - {label}" if prefix else label,
            owner=owner,
            owners=owners.owners or ([place.lead] if place.lead else []),
            target=target,
            unit=_dominant_unit(values),
            status_note="; ".join(statuses) or None,
            monitoring_only=monitoring,
            theme=place.priority,
            commentary=_commentary(blocks, index),
            values=values,
            flags=flags,
            provenance=row_provenance(ctx, block, table, row_index, " | ".join(texts)),
        )


def status_indicators(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    """A grid of status words (departments across, commitments down, 'Met' / 'Not met'):
    one indicator per row, its statuses kept as written in ``status_note``
    ("BIS: Not Met; CO: Met; ...") and no values: a status is not a number, and
    ``IndicatorValue.value`` is one, so none is made up. Flagged ``status_grid``."""
    block = blocks[index]
    table = block.table
    header = table.header_texts()
    caption, monitoring = _caption(blocks, index)
    context = _context(blocks, index, place, caption)
    for row in table.body_rows:
        texts = row.texts + [""] * (len(header) - len(row.cells))
        label = " ".join(texts[0].split())
        statuses = [
            f"{header[c] or f'column {c + 1}'}: {' '.join(texts[c].split())}"
            for c in range(1, len(header))
            if texts[c].strip()
        ]
        if not label or not statuses:
            continue
        yield Indicator(
            name=f"{context} - {label}" if context else label,
            owner=place.lead,
            owners=[place.lead] if place.lead else [],
            status_note="; ".join(statuses),
            monitoring_only=monitoring,
            theme=place.priority,
            commentary=_commentary(blocks, index),
            flags=["status_grid"],
            provenance=ctx.provenance(block, PARSER, VERSION, text=" | ".join(texts)),
        )


# --- the parser -----------------------------------------------------------------------------


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    """Tables of figures, then the outcomes and figures stated in prose."""
    places = outline(section.blocks)
    read: set[int] = set()  # blocks a table band, a KPI card or a count of ratings has read
    table_indicators = list(table_records(section, ctx, places, read))
    yield from (r for r in table_indicators if not isinstance(r, Indicator))
    table_indicators = [r for r in table_indicators if isinstance(r, Indicator)]
    prose = list(kpi_cards(section, ctx, places, read)) + list(rating_counts(section, ctx, places, read))
    for record in outcome_records(section, ctx, places, table_indicators, frozenset(read)):
        yield complete_periods(record, ctx)
    for record in prose:
        yield complete_periods(record, ctx)


def parse_tables(section: Section, ctx: Context) -> Iterator[Record]:
    """The tables of figures only: a plan's progress scores and spending rows; its prose is read
    as a plan, not as a report of outcomes."""
    for record in table_records(section, ctx, outline(section.blocks)):
        yield complete_periods(record, ctx)


def table_records(
    section: Section, ctx: Context, places: list[Place], used: set[int] | None = None
) -> Iterator[Record]:
    blocks = section.blocks
    ctx.once("paper_period", lambda: _stated_once(ctx))
    used = set() if used is None else used  # lead-in blocks a band indicator has read
    for i, b in enumerate(blocks):
        if b.kind != "table" or b.table is None or b.table.unfolded:
            continue  # an unfolded table (labelled values laid out in a grid) is read through its fields below
        columns = column_roles(b.table.header_texts())
        if table_kind(columns) is None:
            # A report's "Actions to achieve | ... | Next steps" columns: lines naming their owner.
            yield from owned_lines(
                b.table, columns, b, ctx, item=b.table.caption or table_title(blocks, i), parser="plans", version="1"
            )
        shape = table_shape(b.table, table_hint(blocks, i))
        if shape == "status":
            yield from status_indicators(blocks, i, places[i], ctx)
        elif shape == "series":
            yield from series_indicators(blocks, i, places[i], ctx)
        elif shape == "rows":
            yield from row_indicators(blocks, i, places[i], ctx)
        elif (band := band_indicator(blocks, i, places[i], ctx, used)) is not None:
            yield band
        elif "target" in columns.roles and value_columns(b.table):
            yield from target_indicators(blocks, i, places[i], ctx)
        elif table_kind(columns) is None:
            yield from figure_rows(blocks, i, places[i], ctx)
        if shape is None and table_kind(columns) in (None, "progress"):
            yield from cell_figures(blocks, i, places[i], ctx)
    box_period: Period | None = None  # a run of fields is one box: a period one label states is the box's
    for i, b in enumerate(blocks):
        if b.kind != "field":
            box_period = None
            continue
        if box_period is None:
            run = (
                list(takewhile(lambda f: f.kind == "field", blocks[i:]))
                if i == 0 or blocks[i - 1].kind != "field"
                else []
            )
            stated = next((p for f in run if (p := dates.stated_period(f.label, ctx.meta.date))), None)
            box_period = Period(stated, stated, stated) if stated else None
        if i not in used:
            yield from _labelled_indicators(
                f"{b.label}: {b.text}" if b.label else b.text, b, places[i], ctx, period=box_period
            )


# --- figures in text tables, boxes and bands ---------------------------------------------------------

# A band or caption that names itself an indicator: "Key indicator 2: ...", "KPI 3 - ...", "Measure 4:".
_BAND = re.compile(r"^\s*(?:key\s+|performance\s+)?(?:indicator|kpi|pi|measure)\s*\d{1,2}[a-z]?\s*[:.–—-]\s*\S", re.I)


def paper_period(blocks: list[Block]) -> str | None:
    """The year a paper states once for all its figures, in a labelled field or box ("Academic
    Year: 2017/18", "Financial year: 2019/20", "Reporting period: Q2 2019/20"); None when it
    states none, or several."""
    found = set()
    for b in blocks:
        texts = (
            [c.text for r in b.table.rows for c in r.cells]
            if b.table
            else [f"{b.label}: {b.text}" if b.label else b.text]
        )
        for text in texts:
            for line in text.split("\n"):
                if (fy := dates.labelled_year(line)) and re.match(
                    r"^\W*(?:academic|school|financial|reporting|period|year)", line, re.I
                ):
                    found.add(fy)
    return found.pop() if len(found) == 1 else None


def _default_period(ctx: Context) -> Period | None:
    fy = ctx.shared.get("paper_period")
    return Period(fy, fy, fy) if fy else None


def _band_text(blocks: list[Block], index: int, used: set[int]) -> tuple[str | None, list[int]]:
    """The band naming the table's indicator (its caption, or a heading or paragraph just above),
    and the lead-in blocks it spans (the band and its labelled figures)."""
    table = blocks[index].table
    if table.caption and _BAND.match(table.caption):
        return table.caption, []
    lead: list[int] = []
    for k in range(index - 1, max(index - 5, -1), -1):
        b = blocks[k]
        if b.kind == "table" or k in used:
            break
        lead.append(k)
        if _BAND.match(b.text):
            return b.text, lead
    return None, []


def band_indicator(blocks: list[Block], index: int, place: Place, ctx: Context, used: set[int]) -> Indicator | None:
    """A table under a band that names an indicator ("Key indicator 1: The engagement of all
    pupils ... | Percentage of total allocation: 31%" over "School focus | Actions to achieve |
    Funding allocated | Evidence and impact"): one indicator, named by the band; its values are
    the band's labelled figures and the amounts in the table's money columns."""
    band, lead = _band_text(blocks, index, used)
    if band is None:
        return None
    block, table = blocks[index], blocks[index].table
    period = table_period = _table_period(blocks, index, None, ctx) or _default_period(ctx)
    values = []
    texts = [band] + [
        blocks[k].text if not blocks[k].label else f"{blocks[k].label}: {blocks[k].text}"
        for k in reversed(lead)
        if blocks[k].text != band
    ]
    name = band
    for text in texts:
        for label, n in labelled_figures(text):
            values.append(_value(label, period, n, n.raw, block.page))
            cut = name.find(label + ":") if label + ":" in name else -1
            if cut > 0:
                name = name[:cut]
    header = table.header_texts()
    for c, h in enumerate(header):
        if cell_role(h) != "money":
            continue
        series = h.strip().rstrip(":").strip()
        for row in table.body_rows:
            for line in (row.texts[c] if c < len(row.cells) else "").split("\n"):
                n = figure(line.strip())
                if n is not None:
                    values.append(_value(series, table_period, n, line.strip(), row.page))
    used.update(lead)
    return Indicator(
        name=" ".join(name.split()).strip(" |-–:"),
        owner=place.lead,
        owners=[place.lead] if place.lead else [],
        period=period.iso if period else None,
        unit=_dominant_unit(values),
        theme=place.priority,
        values=values,
        provenance=ctx.provenance(block, PARSER, VERSION, text=band),
    )


def target_indicators(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    """Targets against actuals ("Six Monthly TARGETS | YR1 ... Total - (count to End Feb 2023) |
    Any comments"): with a targets column and no measure column, the target text is the
    measure; the figures it sets are its target ("150"; "YR 1: 1; YR 2: 2"), the figure beside it
    is the achieved value (series: the column header as written, period: the one it states) and
    a comments cell's breakdown of that figure ("BSRC - 183 engaged in total") gives one value per
    part. Outcome rows above the targets are their theme."""
    block, table = blocks[index], blocks[index].table
    header = table.header_texts()
    columns = column_roles(header)
    t_col = columns.roles["target"]
    hint = table_hint(blocks, index)
    cols = [c for c in value_columns(table, hint) if c != t_col]
    table_period = _table_period(blocks, index, None, ctx) or _default_period(ctx)
    periods = {c: column_period(header[c], hint) or _stated(header[c], ctx) or table_period for c in cols}
    comments = columns.roles.get("progress")
    theme = None
    for row_index, row in enumerate(table.body_rows):
        texts = row.texts + [""] * (len(header) - len(row.cells))
        target_text = texts[t_col].strip()
        if not target_text:
            filled = [" ".join(t.split()) for k, t in enumerate(texts) if t.strip() and k < t_col]
            if filled:
                theme = ": ".join(filled)  # "Outcome 2: Funded organisations are delivering ..."
            continue
        values = []
        for c in cols:
            n = figure(texts[c].strip())
            if n is not None:
                values.append(_value(" ".join(header[c].split()), periods[c], n, texts[c].strip(), row.page))
        if comments is not None and values:
            period = periods[cols[0]] if cols else table_period
            values += [_value(series, period, n, n.raw, row.page) for series, n in breakdowns(texts[comments])]
        yield Indicator(
            name=" ".join(target_text.split()),
            target=target_levels(target_text),
            owner=place.lead,
            owners=[place.lead] if place.lead else [],
            theme=theme or place.priority,
            period=(periods[cols[0]].iso if cols and periods[cols[0]] else None),
            unit=_dominant_unit(values),
            commentary=" ".join(texts[comments].split()) or None if comments is not None else None,
            values=values,
            provenance=row_provenance(ctx, block, table, row_index, " | ".join(texts)),
        )


def figure_rows(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    """Figures in a table of text ("Metric | Data" boxes, "Measure | Activity" with a closing
    "Projected spending | £50000" row): a row whose label is text and whose only other filled
    cell is a figure is an indicator, named by the label (with the table's name before a label of
    one to three words) and with the label as its series. A box of "Label: figure" cells gives
    one indicator per labelled figure. Only a table that reports an amount or a percentage
    somewhere counts: "Item | 7" on a front sheet is a reference, not a figure."""
    block, table = blocks[index], blocks[index].table
    rows = []
    for row_index, row in enumerate(table.body_rows if table.header_rows else table.rows):
        texts = [t.strip() for t in row.texts]
        filled = [(k, t) for k, t in enumerate(texts) if t]
        if len(filled) != 2 or filled[0][0] != 0 or len(filled[0][1].split()) > 12:
            continue
        label, cell = " ".join(filled[0][1].split()), filled[1][1]
        n = figure(cell)
        if n is None or cell_role(label) in ("number", "due", "owner"):
            continue
        rows.append((row_index, row, label, n, cell))
    cells = [(row, c) for row in table.rows for c in row.cells if ":" in c.text and labelled_figures(c.text)]
    if not any(n.unit in ("%", "£") for *_, n, _ in rows) and not cells:
        return
    caption, _ = _caption(blocks, index)
    context = _context(blocks, index, place, caption)
    context = dates.without_period(context) if context else None
    table_period = _table_period(blocks, index, caption, ctx)
    stated = {p.iso for *_, label, _, _ in rows if (p := _stated(label, ctx))}
    if table_period is None and len(stated) == 1:
        # A box describing "this academic year" in one row describes it in all.
        iso = stated.pop()
        table_period = Period(iso, iso, iso if "/" in iso else None)
    table_period = table_period or _default_period(ctx)
    for row_index, row, label, n, cell in rows:
        name = f"{context} - {label}" if context and len(label.split()) <= 3 else label
        value = _value(label, _stated(label, ctx) or table_period, n, cell, row.page)
        yield Indicator(
            name=name,
            owner=place.lead,
            owners=[place.lead] if place.lead else [],
            unit=n.unit,
            period=value.period,
            theme=place.priority,
            values=[value],
            provenance=row_provenance(ctx, block, table, row_index, " | ".join(row.texts))
            if table.header_rows
            else ctx.provenance(block, PARSER, VERSION, text=" | ".join(row.texts)),
        )
    for row, cell in cells:
        yield from _labelled_indicators(cell.text, block, place, ctx, page=row.page, period=table_period)


def _labelled_indicators(
    text: str, block: Block, place: Place, ctx: Context, page: int | None = None, period: Period | None = None
) -> Iterator[Indicator]:
    """A labelled box of figures ("Total fund allocated: May - £4058 / November £11387 / TOTAL
    £15445"): one indicator named by the label, a value for each labelled line; a single
    "Label: figure" is an indicator of that label."""
    head = " ".join(text.split(":", 1)[0].split())
    figures = labelled_figures(text)
    if not figures or _BAND.match(text):
        return
    period = period or _default_period(ctx)
    single = len(figures) == 1 and figures[0][0] == head
    if single or (len(figures) > 1 and all(label != head for label, _ in figures) and "\n" in text):
        values = [_value(label, period, n, n.raw, page or block.page) for label, n in figures]
        yield Indicator(
            name=head,
            owner=place.lead,
            owners=[place.lead] if place.lead else [],
            unit=_dominant_unit(values),
            period=period.iso if period else None,
            theme=place.priority,
            values=values,
            provenance=ctx.provenance(block, PARSER, VERSION, text=text, page=page),
        )


def cell_figures(blocks: list[Block], index: int, place: Place, ctx: Context) -> Iterator[Indicator]:
    """Figures a report states in the text of its evidence, impact or outcome column ("40% of KS2
    pupils attend at least one Sports club", "49% PP pupils regularly attended 1 club, 21%
    attended 2 clubs"): each line that states figures is an indicator named by the line as
    written, a value for each figure (where a line gives percentages, the counts inside their
    phrases describe them: "attended 1 club"). A comments or progress column is commentary on
    the work, not its measured result, and is not read."""
    block, table = blocks[index], blocks[index].table
    header = table.header_texts()
    cols = [c for c, h in enumerate(header) if c > 0 and cell_role(h) in ("evidence", "outcome")]
    if not cols:
        return
    caption, _ = _caption(blocks, index)
    period = _table_period(blocks, index, caption, ctx) or _default_period(ctx)
    for row_index, row in enumerate(table.body_rows):
        for c in cols:
            for line in cell_lines(row.texts[c] if c < len(row.cells) else ""):
                found = [f for f in find_figures(line, ctx.meta.date)[0] if f.unit in ("%", "£", "count")]
                if any(f.unit == "%" for f in found):
                    found = [f for f in found if f.unit != "count"]
                if not found:
                    continue
                values = [
                    IndicatorValue(
                        series=f.series,
                        period=f.period or (period.iso if period else None),
                        period_as_written=f.period_text or (period.as_written if period else None),
                        value=f.value,
                        raw=f.raw,
                        unit=f.unit,
                        page=row.page,
                    )
                    for f in found
                ]
                yield Indicator(
                    name=line,
                    owner=place.lead,
                    owners=[place.lead] if place.lead else [],
                    period=period.iso if period else None,
                    unit=_dominant_unit(values),
                    theme=place.priority,
                    values=values,
                    provenance=row_provenance(ctx, block, table, row_index, line),
                )


# --- KPI cards and counts of ratings in prose ---------------------------------------------------------

_CARD_ROLES = ("actual", "target", "floor", "comparator", "baseline", "status")
_RAG_NOTE = re.compile(r"(?:\(\s*|\b(?:rag|status|rating)\s*[:\-–]\s*)(?P<rag>red|amber|green)\b", re.I)
_DIRECTION = re.compile(
    r"\bdirection(?:\s+of\s+travel)?\s*[:\-–]\s*(?P<d>[\w ]+?|[" + "▲△↑⇧⬆⇡▼▽↓⇩⬇⇣►▶→⇨↔◄◀←=⬌" + r"])\s*(?:[.;,)]|$)", re.I
)


def _title_period(ctx: Context) -> Period | None:
    """The period a report's title states ("Community Safety Performance Report – Quarter 3
    2023/24"): a quarter with its year, or a year; read from the title and the title lines of
    its first page. Read once per document (a plan asks on every line): it reads only the
    paper's title, first blocks and date, and its year convention, worked out once too."""
    return ctx.once("title_period", lambda: _read_title_period(ctx))


def _read_title_period(ctx: Context) -> Period | None:
    lines = [ctx.meta.title or ""] + [
        b.text for b in ctx.doc.blocks[:10] if b.kind in ("heading", "paragraph") and len(b.text.split()) <= 15
    ]
    for line in lines:
        m = dates.QUARTER.search(line)
        fy = dates.financial_year(m.group("fy") or "") or dates.financial_year(line) if m else None
        if m and fy:
            return Period(f"Q{m.group('q')}", m.group(0), fy)
    for line in lines:
        if (p := _stated(line, ctx)) is not None:
            return p
    return None


def kpi_cards(section: Section, ctx: Context, places: list[Place], read: set[int]) -> Iterator[Indicator]:
    """A KPI card or line ("Latest: 72% Target: 75%, Floor: 60% Previous: 70% (Amber)") under
    the KPI it reports (the heading or line above it, or the label opening the line): the
    latest figure is the value (its period the one its label states, else the report's), the
    previous figure a comparator, the floor a floor, the target the indicator's target; the
    RAG rating is its status and a stated direction of travel ("Direction of travel:
    improving", an arrow) a flag."""
    blocks = section.blocks
    period = _title_period(ctx) or _default_period(ctx)
    for i, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item", "field") or i in read:
            continue
        text = f"{b.label}: {b.text}" if b.kind == "field" and b.label else b.text
        pairs = [(label, n, cell_role(label)) for label, n in labelled_figures(text)]
        if (
            len(pairs) < 2
            or not all(role in _CARD_ROLES for *_, role in pairs)
            or not any(role == "actual" for *_, role in pairs)
        ):
            continue
        name = _card_name(blocks, i, text, pairs[0][0])
        if not name:
            continue
        notes = text
        if (
            i + 1 < len(blocks)
            and blocks[i + 1].kind in ("paragraph", "list_item")
            and not labelled_figures(blocks[i + 1].text)
            and (_RAG_NOTE.search(blocks[i + 1].text) or _DIRECTION.search(blocks[i + 1].text))
        ):
            notes += "\n" + blocks[i + 1].text
            read.add(i + 1)
        values, target = [], None
        for label, n, role in pairs:
            if role == "target":
                target = n.raw
                continue
            if role in ("comparator", "baseline"):
                value = _value(label, _stated(label, ctx) or _before(period, label), n, n.raw, b.page)
                value = value.model_copy(update={"role": "comparator"})
            elif role == "floor":  # a level, not a figure of a period
                value = _value(label, None, n, n.raw, b.page).model_copy(update={"role": "floor"})
            else:
                value = _value(label, _stated(label, ctx) or period, n, n.raw, b.page)
            values.append(value)
        rag = _RAG_NOTE.search(notes)
        d = _DIRECTION.search(notes)
        way = direction(d.group("d").strip()) if d else None
        read.add(i)
        place = places[i] if i < len(places) else Place()
        yield Indicator(
            name=name,
            target=target,
            owner=place.lead,
            owners=[place.lead] if place.lead else [],
            status_note=rag.group("rag").capitalize() if rag else None,
            theme=place.priority,
            period=period.financial_year or period.iso if period else None,
            unit=_dominant_unit(values),
            values=values,
            flags=[f"direction {way}"] if way else [],
            provenance=ctx.provenance(b, PARSER, VERSION, text=notes),
        )


def report_period(ctx: Context) -> str | None:
    """The period a report's figures are of, as its title or a labelled field states it: the
    financial year where one is given ('Annual Report 2023/24' -> '2023/24'), else the period."""
    period = _title_period(ctx) or _default_period(ctx) or _stated_in_fields(ctx)
    return (period.financial_year or period.iso) if period else None


def _stated_in_fields(ctx: Context) -> Period | None:
    fy = _stated_once(ctx)
    return Period(fy, fy, fy) if fy else None


def _stated_once(ctx: Context) -> str | None:
    """:func:`paper_period` of the whole paper, read once per document: the paper does not change,
    and a plan asks for its period on every line while it has none. Kept apart from
    ``shared["paper_period"]``, which is set only once the tables have been read."""
    return ctx.once("period_in_fields", lambda: paper_period(ctx.doc.blocks))


def _before(period: Period | None, label: str) -> Period | None:
    """The period a comparator label means in a report of ``period``: "Previous" or "Last quarter"
    in a quarter's report is the quarter before; "Last year" or "Same period last year" is the
    same quarter of the year before; otherwise not said."""
    if period is None or not period.iso or not _QUARTER.match(period.iso) or not period.financial_year:
        return None
    q, start = int(period.iso[1]), int(period.financial_year[:4])
    text = label.lower()
    if re.search(r"\blast\s+year\b|same\s+(?:period|quarter)", text):
        start -= 1
    elif re.fullmatch(r"\s*(?:previous(?:\s+quarter)?|last\s+quarter)\s*", text):
        q, start = (q - 1, start) if q > 1 else (4, start - 1)
    else:
        return None
    return Period(f"Q{q}", label, _fy_label(start))


def _card_name(blocks: list[Block], index: int, text: str, first_label: str) -> str | None:
    """What a KPI line reports on: the words before its first label ("Repeat victims of domestic
    abuse – Latest: 29% ..."), else the heading or short line just above it."""
    lead = text[: text.find(first_label)].strip(" :-–—|") if first_label in text else ""
    if lead and len(lead.split()) <= 20:
        return lead
    for k in range(index - 1, max(index - 3, -1), -1):
        b = blocks[k]
        if b.kind == "table" or labelled_figures(b.text):
            return None
        if b.kind == "heading" or (
            b.kind in ("paragraph", "list_item") and len(b.text.split()) <= 20 and not b.text.rstrip().endswith(".")
        ):
            name = _SECTION_PREFIX.sub("", b.text).strip()
            # A section heading ("2. Key performance indicators") names the cards, not this one.
            return None if cell_role(name) == "indicator" else name
    return None


_SECTION_PREFIX = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|KPI\s*\d+\s*[:.–-])\s+")
_COUNTED = re.compile(r"\b(?:measures?|indicators?|kpis?|targets?|actions?|projects?|risks?|commitments?)\b", re.I)


def rating_counts(section: Section, ctx: Context, places: list[Place], read: set[int]) -> Iterator[Indicator]:
    """Counts of RAG ratings and of directions of travel that a cover report states in prose or
    in a list ("21 Green, 8 Amber, 4 Red"; "- Green: 21" / "- Amber: 8"; "6 measures improved on
    the last quarter, 3 stayed the same"): an indicator "<Measures> by RAG rating" (or "by
    direction of travel") with a value per colour or direction, for the report's period (its
    title's quarter), the comparison as written in its commentary."""
    blocks = section.blocks
    period = _title_period(ctx) or _default_period(ctx)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind not in ("paragraph", "list_item") or i in read:
            i += 1
            continue
        run = [i]
        if b.kind == "list_item":  # a list of counts, one colour an item
            while run[-1] + 1 < len(blocks) and blocks[run[-1] + 1].kind == "list_item":
                run.append(run[-1] + 1)
        text = "\n".join(blocks[k].text for k in run)
        lead = blocks[i - 1].text if i and blocks[i - 1].kind in ("paragraph", "heading") else ""
        place = places[i] if i < len(places) else Place()
        for what, counts in (("RAG rating", rag_counts(text)), ("direction of travel", trend_counts(text))):
            if not counts:
                continue
            noun = _COUNTED.search(text) or _COUNTED.search(lead)
            name = f"{(noun.group(0) if noun else 'measures').capitalize()} by {what}"
            if noun and not noun.group(0).lower().endswith("s"):
                name = f"{noun.group(0).capitalize()}s by {what}"
            values = [
                IndicatorValue(
                    series=label,
                    period=period.iso if period else None,
                    period_as_written=period.as_written if period else None,
                    value=float(n),
                    raw=str(n),
                    unit="count",
                    page=blocks[run[0]].page,
                    period_year=period.financial_year if period and period.financial_year != period.iso else None,
                )
                for label, n in counts
            ]
            comparison = re.search(
                r"\b(?:on|since|compared\s+(?:to|with)|against|from)\s+(?:the\s+)?"
                r"(?:last|previous|Q[1-4]|quarter)[^.,;:]*",
                f"{text}\n{lead}",
                re.I,
            )
            read.update(run)
            yield Indicator(
                name=name,
                unit="count",
                theme=place.priority or place.heading,
                period=period.financial_year or period.iso if period else None,
                values=values,
                commentary=comparison.group(0) if comparison else None,
                provenance=ctx.provenance(blocks[run[0]], PARSER, VERSION, text=text),
            )
        i = run[-1] + 1
