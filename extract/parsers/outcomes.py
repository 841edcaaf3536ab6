"""Outcomes of a performance report: the prose figures that report on its indicators.

The step after the table readers of :mod:`.performance`: a figure found in prose
(:func:`.figures.find_figures`) that restates a table row's value is linked to that row; a %
change between two values of one row becomes that row's "% increase/decrease" value; figures
under a stated outcome ("Outcome 1 - Increase ...") become that outcome's indicator, with the
baseline and latest periods the paragraph names; outside outcomes, figures of one measure make
one indicator. Every prose figure is also kept as a :class:`Figure`.

The table indicators it is given are not changed: a row that gains a value from prose is
returned as a new record with its values completed.
"""

from __future__ import annotations

import re

from boardpapers.schemas.records import Indicator, IndicatorValue

from ..language import dates
from .figures import VERSION, Found, figure_record, find_figures

_OUTCOME_SPLIT = re.compile(r"\b(?:Outcome|Objective)\s*\d*\s*[-–:]\s*", re.I)
_EXCLUDED_PLACE = re.compile(
    r"\b(?:overall approach|key activities|commentary|case stud(?:y|ies)|background|origin|purpose|consultation|"
    r"implications|appendi(?:x|ces)|recommendation|timescales|alternative options)\b",
    re.I,
)
_CASE_STUDY = re.compile(r"^\s*case stud(?:y|ies)\b", re.I)
_COMPARISON = re.compile(
    r"\b(?:compar\w*|increas\w*|decreas\w*|reduc\w*|previous|last year|same as|average|rate|fewer|more than|"
    r"higher|lower|up from|down from|change[ds]?)\b",
    re.I,
)
_STOP = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "to",
    "in",
    "for",
    "on",
    "by",
    "with",
    "from",
    "at",
    "or",
    "number",
    "increase",
    "reduce",
    "reduction",
    "reducing",
    "improve",
    "increased",
    "who",
    "are",
    "be",
    "into",
}
_LATEST = re.compile(
    r"\blatest (?:data|figures?|period|quart\w*)[^.]*?\b(?:is |are )?(?:from|for|to|at)?\s*(?P<p>Q[1-4]\s+(?:19|20)?\d\d\s*/\s*\d\d|(?:19|20)\d\d\s*/\s*\d\d)",
    re.I,
)
_BASELINE = re.compile(
    r"\bbaseline(?: period)?(?: of| is| was|:)?\s+(?P<p>(?:the\s+)?\d{1,2}\w*\s+(?:of\s+)?\w+\s+(?:19|20)\d\d\s+to\s+(?:the\s+)?\d{1,2}\w*\s+(?:of\s+)?\w+\s+(?:19|20)\d\d|(?:19|20)\d\d\s*/\s*\d\d)",
    re.I,
)


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def outcome_names(heading: str) -> list[str]:
    """'Outcome 1 - Increase ... reported Outcome 2 - Increase the proportion ...' -> both aims."""
    parts = [p.strip(" .-–") for p in _OUTCOME_SPLIT.split(heading) if p.strip(" .-–")]
    return parts if _OUTCOME_SPLIT.search(heading) else []


def _period_label(text: str) -> tuple[str | None, str]:
    text = " ".join(text.split())
    q = re.match(r"(Q[1-4])\b", text)
    if q:
        return q.group(1), text
    return (dates.range_period(text.replace(" of ", " ").replace("the ", "")) or dates.financial_year(text)), text


def _change_value(found: Found, table_indicators: list, paragraph_numbers: set[float]):
    """A stated % change that is the change between two values of one table row."""
    if found.unit != "%" or not found.direction:
        return None
    digits = len(found.raw.split(".")[1].rstrip("% ")) if "." in found.raw else 0
    hits = []
    for ind in table_indicators:
        vals = [v.value for v in ind.values if v.unit == "count"]
        if len(vals) < 2 or not vals[0]:
            continue
        change = abs(vals[1] - vals[0]) / abs(vals[0]) * 100
        if abs(round(change, digits) - found.value) <= (0.5 if digits == 0 else 0.05**1 / 1):
            if round(change, digits) == found.value or digits == 0:
                hits.append(ind)
    if len(hits) > 1:
        hits = [h for h in hits if {v.value for v in h.values} & paragraph_numbers] or hits
    return hits[0] if len(hits) == 1 else None


def outcome_records(section, ctx, places, table_indicators, skip: frozenset[int] = frozenset()):
    """Indicators from table rows and outcomes, and a Figure for every figure in prose, in
    document order. Blocks in ``skip`` (KPI card lines, counts of ratings) were read already."""
    blocks = section.blocks
    report_date = ctx.meta.date
    by_block: dict[int, list] = {}
    for ind in table_indicators:
        idx = next((k for k, b in enumerate(blocks) if b.kind == "table" and _within(ind.provenance, b)), 0)
        by_block.setdefault(idx, []).append(ind)
    tables_in_place: dict[int, list] = {}
    for idx, inds in by_block.items():
        tables_in_place.setdefault(id(places[idx]) if idx < len(places) else 0, []).extend(inds)

    made: list[tuple[int, object]] = []  # (block index, record)
    extra: dict[int, list[IndicatorValue]] = {}  # id(table indicator) -> values found in prose
    outcome_inds: dict[tuple[int, str], dict] = {}
    measure_inds: list[dict] = []
    figures_out = []
    carry, last_place, in_case_study = None, None, False
    latest = baseline = None
    current_measure = None
    for i, b in enumerate(blocks):
        place = places[i] if i < len(places) else None
        if place is not last_place:
            carry, last_place, in_case_study, current_measure = None, place, False, None
            latest = baseline = None
        if b.kind == "heading":
            in_case_study = bool(_CASE_STUDY.match(b.text)) or (in_case_study and not b.marker)
            continue
        if b.kind not in ("paragraph", "list_item") or i in skip:
            continue
        if _CASE_STUDY.match(b.text):
            in_case_study = True
            continue
        found, carry = find_figures(b.text, report_date, carry)
        m = _LATEST.search(b.text)
        if m:
            latest = m.group("p")
        m = _BASELINE.search(b.text)
        if m:
            baseline = m.group("p")
        if not found:
            continue
        heading = place.heading if place else None
        names = outcome_names(heading or "")
        excluded = (
            in_case_study
            or bool(heading and _EXCLUDED_PLACE.search(heading))
            or not place
            or not (place.priority or names)
        )
        rows = tables_in_place.get(id(place), [])
        para_numbers = {f.value for f in found}
        compares = bool(_COMPARISON.search(b.text))  # once a paragraph, not once a figure (issue 14)
        partner = {}
        for a, c in zip(found, found[1:]):
            if a.role == "from" and c.role == "to":
                partner[id(a)], partner[id(c)] = c, a
        for f in found:
            linked = None
            if not excluded:
                row = _change_value(f, rows, para_numbers)
                restates = [
                    r for r in rows if _has(r, f, extra) and (id(f) not in partner or _has(r, partner[id(f)], extra))
                ]
                if row is not None:
                    word = "decrease" if f.direction == "reduction" else "increase"
                    extra.setdefault(id(row), []).append(
                        IndicatorValue(series=f"% {word}", period=None, value=f.value, raw=f.raw, unit="%", page=b.page)
                    )
                    linked = row.name
                elif restates:
                    linked = restates[0].name
                elif names:
                    linked = _to_outcome(f, names, b, i, place, outcome_inds, latest, baseline)
                elif compares:
                    current_measure, linked = _to_measure(f, b, i, place, measure_inds, current_measure)
            else:
                for r in table_indicators:
                    if f.sentence and r.commentary and f.sentence in r.commentary:
                        linked = r.name
                        break
            figures_out.append((i, figure_record(f, b, ctx, indicator=linked)))
    for idx, inds in by_block.items():
        made.extend((idx, ind) for ind in inds)
    for spec in list(outcome_inds.values()) + measure_inds:
        if not spec["values"]:
            continue
        made.append(
            (
                spec["index"],
                Indicator(
                    name=spec["name"],
                    owner=spec["owner"],
                    owners=[spec["owner"]] if spec["owner"] else [],
                    theme=spec["theme"],
                    values=spec["values"],
                    unit=_unit(spec["values"]),
                    provenance=ctx.provenance(blocks[spec["index"]], "performance", VERSION, text=spec["source"]),
                ),
            )
        )
    made.sort(key=lambda x: x[0])
    for _, rec in made:
        yield _with_values(rec, extra.get(id(rec), []))
    for _, fig in figures_out:
        yield fig


def _within(provenance, block) -> bool:
    """The record was read from this table: its lines (a row's own line) fall in the table's, or
    its box in the table's box on the table's pages."""
    if provenance.lines and block.lines:
        return block.lines[0] <= provenance.lines[0] <= block.lines[1]
    pages = block.table.pages if block.table and block.table.pages else [block.page]
    if provenance.page not in pages:
        return False
    if provenance.box and block.box and provenance.page == block.page:
        return block.box.top - 1 <= provenance.box.top <= block.box.bottom + 1
    return provenance.lines == block.lines


def _has(indicator, f: Found, extra: dict[int, list[IndicatorValue]]) -> bool:
    values = indicator.values + extra.get(id(indicator), [])
    return any(v.value == f.value and v.unit == f.unit for v in values)


def _unit(values) -> str | None:
    units = [v.unit for v in values if v.unit]
    return max(set(units), key=units.count) if units else None


def _with_values(ind: Indicator, values: list[IndicatorValue]) -> Indicator:
    """A table indicator with the values prose added to it, as a new record (its content id
    covers the values); the indicator itself as it was when prose added nothing."""
    if not values:
        return ind
    data = ind.model_dump(exclude={"id"})
    data["values"] = data["values"] + [v.model_dump() for v in values]
    return Indicator.model_validate(data)


def _value(f: Found, series: str, page: int, period=None, as_written=None):
    if f.period_text and f.period is None and f.period_text not in series:
        series = f"{series} ({f.period_text})"
    return IndicatorValue(
        series=series,
        period=period if period is not None else f.period,
        period_as_written=as_written or f.period_text,
        value=f.value,
        raw=f.raw,
        unit=f.unit,
        page=page,
    )


def _to_outcome(f: Found, names: list[str], b, i: int, place, outcome_inds: dict, latest, baseline) -> str:
    name = names[0]
    if len(names) > 1:
        para = _stems(b.text)
        name = max(names, key=lambda n: len(_stems(n) & para))
    if f.subject:  # "The number of opiate only clients has increased from 837 to 851"
        subject = f.subject[0].upper() + f.subject[1:]
        spec = outcome_inds.setdefault((id(place), subject), _spec(subject, i, place, b))
        series, period, written = f.series, None, None
        if f.role == "from" and baseline:
            period, written = _period_label(baseline)
            series = f"Baseline ({written})"
        elif f.role == "to" and latest:
            period, written = _period_label(latest)
            series = f"Latest data ({written})"
        elif f.role is None and f.unit == "%":
            period = None
        spec["values"].append(
            _value(f, series, b.page, period if period is not None else (None if f.role is None else f.period), written)
        )
        if period is None and f.role is None:
            spec["values"][-1] = spec["values"][-1].model_copy(update={"period": None})
        return subject
    spec = outcome_inds.setdefault((id(place), name), _spec(name, i, place, b))
    spec["values"].append(_value(f, f.series, b.page))
    return name


def _spec(name: str, i: int, place, b) -> dict:
    return {"name": name, "index": i, "owner": place.lead, "theme": place.priority, "values": [], "source": b.text}


def _to_measure(f: Found, b, i: int, place, measure_inds: list, current):
    """Outside stated outcomes, figures of one measure make one indicator: a figure whose
    measure shares no word with the current one starts another ('1633 fly tipping reports
    ... 58 Duty of Care investigations')."""
    if (
        current is not None
        and current["block"] == i
        and (not f.noun or f.words & current["words"] or f.words & current["last"])
    ):
        current["values"].append(_value(f, f.series, b.page))
        current["last"] = f.words
        return current, current["name"]
    if current is not None and not f.noun and current["place"] is place:
        current["values"].append(_value(f, f.series, b.page))
        return current, current["name"]
    if not f.noun:
        return current, None
    name = f.measure
    spec = _spec(name, i, place, b)
    spec.update(block=i, words=f.words, last=f.words, place=place)
    spec["values"].append(_value(f, f.series, b.page))
    measure_inds.append(spec)
    return spec, name
