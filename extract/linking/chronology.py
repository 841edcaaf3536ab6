"""When each paper was written, as a range, and which of two papers came first.

A paper's date is often partial: an action log headed "2011", a plan dated "2016". A partial
date is a range (1 January to 31 December), never its first day: ordering "2011" as 1 January
put an action log before the March minutes whose actions it reports. A paper whose rows carry
the meeting that set each action (an action log's "Meeting date" column) was written at or
after the latest of those meetings, so its range starts there.

:func:`paper_dates` gives every paper its :class:`PaperDate`; :func:`order` compares a later
candidate with the date an action was set and answers True, False or None (the papers' ranges
overlap: the order is unknown, and the link step says so rather than guess).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..language.dates import parse_date


@dataclass(frozen=True)
class PaperDate:
    """The earliest and latest day a paper may be from (ISO), and why."""

    earliest: str | None
    latest: str | None
    basis: str
    from_rows: bool = False  # the range starts at the latest meeting its rows report

    @property
    def exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest


def date_range(date: str | None) -> tuple[str | None, str | None]:
    """'2011' -> ('2011-01-01', '2011-12-31'); '2010-03' -> ('2010-03-01', '2010-03-31')."""
    if not date:
        return None, None
    if len(date) == 4 and date.isdigit():
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    return date, date


# A row reference that is a date: the meeting that set the action ("19/05/2011", "2 March 2011").
_ROW_DATE = re.compile(r"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|^\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}\b")


def row_meeting_date(item: str | None) -> str | None:
    """The meeting an action-log row names in its reference column, ISO, or None."""
    if not item or not _ROW_DATE.search(item):
        return None
    return parse_date(item)


def latest_meeting(row_dates: list[str]) -> tuple[str, str | None]:
    """The latest meeting a log's rows report, and a row date passed over as a slip of the year.

    A row dated exactly a year after another row's meeting, and months after every other row
    (19/11/2011 among 19/11/2010 ... 19/05/2011), is last year's meeting with the year mistyped:
    taking it would date the log half a year late and make its deadlines look passed."""
    ordered = sorted(set(row_dates))
    last = ordered[-1]
    year_before = f"{int(last[:4]) - 1:04d}{last[4:]}"
    if len(ordered) >= 3 and year_before in ordered:
        previous = ordered[-2]
        if (date.fromisoformat(last) - date.fromisoformat(previous)).days > 90:
            return previous, last
    return last, None


def paper_dates(documents: Iterable[dict], actions: Iterable[dict]) -> dict[str, PaperDate]:
    """Every paper's date range: its stated date as a range, narrowed by the meetings its rows report."""
    row_dates: dict[str, list[str]] = {}
    for a in actions:
        d = row_meeting_date(a.get("item"))
        if d:
            row_dates.setdefault(a["document_id"], []).append(d)
    out = {}
    for doc in documents:
        earliest, latest = date_range(doc.get("date"))
        stated = doc.get("date")
        basis = (
            "no date"
            if not stated
            else f"dated {stated}"
            if earliest == latest
            else f"dated only {stated}: any day from {earliest} to {latest}"
        )
        rows = row_dates.get(doc["id"], [])
        from_rows = False
        # Two rows at least: one date in a reference column may be anything; a log's column is a pattern.
        if len(rows) >= 2:
            last, slip = latest_meeting(rows)
            if slip:
                basis += f"; row date {slip} read as a slip of the year (a year after another row's meeting)"
            if (earliest is None or last >= earliest) and (latest is None or last <= latest):
                earliest, from_rows = last, True
                basis += f"; its rows report meetings up to {last}, so it was written then or later"
        out[doc["id"]] = PaperDate(earliest, latest, basis, from_rows)
    return out


def order(later: PaperDate, set_on: tuple[str | None, str | None]) -> bool | None:
    """Is ``later`` after an action set on ``set_on`` (a range)? None when the ranges overlap.

    A paper whose range starts at the meeting its rows report follows that meeting's minutes
    even on the same day (the log records what the meeting set)."""
    lo, hi = set_on
    if later.earliest is None or lo is None:
        return None
    if later.earliest > (hi or lo):
        return True
    if later.latest is not None and later.latest < lo:
        return False
    if later.from_rows and later.earliest == hi:
        return True
    if later.exact and lo == hi and later.earliest == lo:
        return False  # the same day: the same meeting, not a later one
    return None
