"""Dates, times and council periods, as pure functions.

A date library alone is not enough for council papers: "Summer 2016", "Q1 2017/18",
"16/17" and "Apr-16" need rules of their own. Everything here returns ISO strings
(``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), 24-hour ``HH:MM`` times, or ``None``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# Month names and their abbreviations, as written in council papers: THE month vocabulary.
# MONTH_RE is lower case (compile it with re.I); MONTH_TITLE_RE is the capitalised form for
# rules that are case-sensitive elsewhere in their pattern ("by March", not "by march").
MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
MONTH_TITLE_RE = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_ORD = r"(?:st|nd|rd|th)?"
_DAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

DATE_DMY = re.compile(
    rf"\b{_DAY_NAME}(?P<d>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
DATE_MDY = re.compile(rf"\b{_DAY_NAME}(?P<m>{MONTH_RE})\.?\s+(?P<d>[0-3]?\d){_ORD},?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
DATE_NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)\b")
# ISO 8601, as web pages and front matter write dates: "2021-02-08", "2021-02-08T15:00".
DATE_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d/.-])")
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})\.?[\s\-']+(?P<y>(?:19|20)\d\d|\d\d)\b", re.I)
SEASON_YEAR = re.compile(r"\b(?P<s>spring|summer|autumn|winter)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
# A school term with its year ("End of summer term 2025", "Autumn Term 2024"): the term's last month.
TERM_YEAR = re.compile(r"\b(?P<s>spring|summer|autumn)\s+term\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_TERM_END = {"autumn": 12, "spring": 4, "summer": 7}
YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
FIN_YEAR = re.compile(r"\b(?P<a>(?:19|20)?\d\d)\s*[/\-–]\s*(?P<b>(?:19|20)?\d\d)\b")
QUARTER = re.compile(r"\bQ(?:uarter\s*)?(?P<q>[1-4])\b(?:\s*(?P<fy>(?:19|20)?\d\d\s*[/\-–]\s*(?:19|20)?\d\d))?", re.I)

# Labels of a field that dates a paper or its meeting: "Date", "Date of meeting", "Publish date",
# "DATE OF ADOPTION", "Date Updated", "Issued".
DATE_LABEL = re.compile(
    r"^(?:(?:meeting |publish(?:ed)? |publication |issue |review |report |version )?date(?: of (?:the )?(?:meeting|adoption|"
    r"publication|issue|approval|review|report|decision))?|date (?:published|updated|issued|adopted|approved|agreed|reviewed)|"
    r"published(?: on)?|issued(?: on)?|(?:last )?updated(?: on)?|adopted(?: on)?|approved on|meeting held on|held on|when)$",
    re.I,
)
# A date that is not the paper's: the next or the last meeting, the next review, a deadline.
# A deadline of the next meeting ("by the next meeting", "next Board meeting"), and the minutes'
# heading that gives its date ("5. Date of next meeting", "Date and time of the next meeting").
NEXT_MEETING = re.compile(r"\bnext\s+(?:\w+\s+){0,2}meeting\b", re.I)
NEXT_MEETING_HEADING = re.compile(r"\b(?:date|time|dates)\b[^.]{0,20}\bof (?:the )?next meeting\b", re.I)
NEXT_DATE_LABEL = re.compile(
    r"\b(?:next|last|previous) (?:meeting|review)\b|\b(?:to be )?reviewed by\b|\breview due\b|"
    r"\bdeadline\b|\bexpir",
    re.I,
)

# Seasons end on the last day of their last month: Summer = June-August, and so on.
# A deadline written on its own in an action log's due column, without a date in it.
BARE_DUE = re.compile(
    r"^(?:asap|a\.s\.a\.p\.?|as soon as possible|tbc|tba|tbd|ongoing|immediate(?:ly)?|urgent|"
    r"(?:by |at |for )?(?:the )?next meeting|end of (?:the )?(?:month|term|year|quarter))\.?$",
    re.I,
)
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}


def full_year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def month_number(text: str) -> int | None:
    return MONTHS.get(text.lower().rstrip("."))


def parse_date(text: str | None) -> str | None:
    """The first full date in the text, ISO: '3 December 2009' -> '2009-12-03'."""
    if not text:
        return None
    found = []
    for rx in (DATE_DMY, DATE_MDY):
        m = rx.search(text)
        if m and month_number(m.group("m")):
            found.append((m.start(), iso_date(int(m.group("y")), month_number(m.group("m")), int(m.group("d")))))
    m = DATE_NUMERIC.search(text)
    if m and 1 <= int(m.group("m")) <= 12:
        found.append((m.start(), iso_date(full_year(m.group("y")), int(m.group("m")), int(m.group("d")))))
    m = DATE_ISO.search(text)
    if m:
        found.append((m.start(), iso_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))))
    found = [f for f in found if f[1]]
    return min(found)[1] if found else None


def iso_date(y: int, m: int | None, d: int | None = None) -> str | None:
    if not m or not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass(frozen=True)
class Due:
    """A deadline normalised: ISO date (end of the period), and whether it is approximate."""

    date: str | None
    approximate: bool = False


def parse_due(text: str | None, reference: str | None = None) -> Due:
    """'14 December 2009' -> 2009-12-14; 'November 2016' -> 2016-11-30 (end of month);
    'Summer 2016' -> 2016-08-31, approximate; 'next meeting' -> no date."""
    if not text:
        return Due(None)
    span = _FROM_TO_END.match(text)
    if span:
        return parse_due(span.group("end"), reference)  # "from April 2024 to March 2025": due at its end
    if _STARTS_ONLY.search(text):
        return Due(None)  # "April 2024 onwards", "From June 2024": when the work starts, no deadline
    full = parse_date(text)
    if full:
        return Due(full)
    m = TERM_YEAR.search(text)
    if m:
        y, month = int(m.group("y")), _TERM_END[m.group("s").lower()]
        return Due(iso_date(y, month, calendar.monthrange(y, month)[1]), approximate=True)
    m = SEASON_YEAR.search(text)
    if m:
        y, month = int(m.group("y")), _SEASON_END[m.group("s").lower()]
        if month == 2:
            y += 1
        return Due(iso_date(y, month, calendar.monthrange(y, month)[1]), approximate=True)
    m = MONTH_YEAR.search(text)
    if m and month_number(m.group("m")):
        y, month = full_year(m.group("y")), month_number(m.group("m"))
        return Due(iso_date(y, month, calendar.monthrange(y, month)[1]))
    m = QUARTER.search(text)
    if m and m.group("fy"):
        start = financial_year_start(m.group("fy"))
        if start:
            q = int(m.group("q"))
            month, y = 3 + 3 * q, start
            if month > 12:
                month, y = month - 12, y + 1
            return Due(iso_date(y, month, calendar.monthrange(y, month)[1]), approximate=True)
    fy = financial_year(text)
    # "By end of 2024/25", or the year alone in a "By when" cell ("2024/25", "2024-25"): its last month.
    if fy and (re.search(r"\b(?:by|end of|during|in)\b", text, re.I) or _ONLY_FINANCIAL_YEAR.fullmatch(text)):
        start = int(fy[:4])
        return Due(f"{start + 1:04d}-03-31", approximate=True)
    return Due(None)


# A date that says when work starts, not when it is due: "April 2024 onwards", "from June 2024",
# "starting in May 2024", "commencing 1 April 2024" ("from X to Y" and "from X until Y" end on Y).
_STARTS_ONLY = re.compile(
    r"\bonwards?\b|^\s*(?:from|starting(?:\s+in)?|commencing|beginning)\s+(?!.*\b(?:to|until|till|by)\b)", re.I
)
_FROM_TO_END = re.compile(r"^\s*from\s+\S.{0,60}?\s+(?:to|until|till)\s+(?P<end>\S.*)$", re.I)
_ONLY_FINANCIAL_YEAR = re.compile(r"\s*(?:FY\s*)?(?:19|20)\d\d\s*[/\-–]\s*\d\d\s*\.?\s*", re.I)


def financial_year_start(text: str) -> int | None:
    m = FIN_YEAR.search(text)
    if not m:
        return None
    a, b = full_year(m.group("a")), full_year(m.group("b"))
    return a if b % 100 == (a + 1) % 100 else None


def financial_year(text: str | None) -> str | None:
    """'16/17', '2016/17', '2016-17', '2016/2017' -> '2016/17' (April to March)."""
    if not text:
        return None
    for m in FIN_YEAR.finditer(text):
        a, b = full_year(m.group("a")), full_year(m.group("b"))
        if b % 100 == (a + 1) % 100 and 1990 <= a <= 2099:
            return f"{a}/{b % 100:02d}"
    return None


def month_period(text: str) -> str | None:
    """A column label for a month: 'Apr-16', 'April 2016', 'Apr 16' -> '2016-04'."""
    m = re.fullmatch(rf"\s*(?P<m>{MONTH_RE})\.?[\s\-'/]*(?P<y>(?:19|20)?\d\d)\s*", text, re.I)
    if not m or not month_number(m.group("m")):
        return None
    return iso_date(full_year(m.group("y")), month_number(m.group("m")))


def quarter_period(text: str) -> str | None:
    """'Q1' -> 'Q1'; 'Q1 2017/18' -> '2017/18 Q1'."""
    m = re.fullmatch(
        r"\s*Q(?:uarter\s*)?([1-4])\s*(?:\(?((?:19|20)?\d\d\s*[/\-–]\s*(?:19|20)?\d\d)\)?)?\s*", text, re.I
    )
    if not m:
        return None
    fy = financial_year(m.group(2)) if m.group(2) else None
    return f"{fy} Q{m.group(1)}" if fy else f"Q{m.group(1)}"


def parse_time(text: str) -> str | None:
    """'9.00am' -> '09:00'; '12.20pm' -> '12:20'; '10 am' -> '10:00'; '14:30' -> '14:30'."""
    m = re.search(r"\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])", text, re.I)
    if m:
        h = int(m.group("h")) % 12
        if m.group("ap").lower().startswith("p"):
            h += 12
        return f"{h:02d}:{int(m.group('m') or 0):02d}"
    m = re.search(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?!\s*(?:%|per))", text)
    if m:
        return f"{int(m.group('h')):02d}:{m.group('m')}"
    return None


# A 24-hour time written as four digits, as governors' and parish minutes do: "commenced at
# 1831", "closed 1930", "1830 hrs". Only after words that announce a time: "2019" is a year.
FOUR_DIGIT_TIME = re.compile(
    r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*(?:hrs|hours|hr|h)\b)?(?!\d|[.:/]\d|\s*%)", re.I
)


def parse_clock(text: str) -> str | None:
    """The time a text starts with, in any way minutes write one: '9.05pm', '21:05', '1831',
    '1930 hrs' -> 24-hour 'HH:MM'. Four bare digits are a time only here, where a caller has
    found a word that announces one ("commenced at", "closed")."""
    text = text.lstrip()
    m = FOUR_DIGIT_TIME.match(text)
    if m:
        return f"{m.group('h')}:{m.group('m')}"
    m = re.match(r"(?:\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d)", text, re.I)
    return parse_time(m.group(0)) if m else None


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """'10 am – 1 pm' -> ('10:00', '13:00'); '10:00-11:30' -> ('10:00', '11:30')."""
    m = re.search(
        r"(\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|to|until)\s*(\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?)",
        text,
        re.I,
    )
    if not m:
        return parse_time(text), None
    a, b = m.group(1), m.group(2)
    end = parse_time(b)
    start = parse_time(a)
    if start is None and re.fullmatch(r"\s*\d{1,2}\s*", a) and b.strip()[-2:].lower() in ("am", "pm"):
        start = parse_time(a.strip() + b.strip()[-2:])
    return start, end


def range_period(text: str) -> str | None:
    """A date range as a period: exactly a financial year -> '2016/17'; twelve months that end
    on a quarter end -> that quarter of the financial year ('Q1' for 1 Jul 2016 - 30 Jun 2017)."""
    found = [d for d in (parse_date(p) for p in re.split(r"\s+(?:to|until|-|–)\s+", text)) if d]
    if len(found) < 2:
        return None
    start, end = found[0], found[-1]
    if start[5:] == "04-01" and end[5:] == "03-31" and int(end[:4]) == int(start[:4]) + 1:
        return f"{start[:4]}/{end[2:4]}"
    month = int(end[5:7])
    if end[8:] in ("30", "31") and month in (3, 6, 9, 12):
        return f"Q{((month - 4) % 12) // 3 + 1}"
    return None


# --- the periods figures are reported for -------------------------------------------------------
#
# Conventions (UK public bodies): the financial year runs April to March ("2023/24"; Q1 = Apr-Jun,
# ..., Q4 = Jan-Mar, so "Jan – Mar 24" is 2023/24 Q4); the academic year runs September to August
# ("2019/20" for a paper of 20 January 2020). A period a paper leaves relative ("last academic
# year", a bare "Q2") is resolved against the paper's own date.

_ACADEMIC = re.compile(
    r"\b(?P<rel>last|previous|this|current|next)\s+(?:(?P<kind>academic|school|financial|fiscal)\s+)?year\b"
    r"(?!\s+(?:on|to|in)\s+year)",
    re.I,
)
# "count to End Feb 2023", "as at 31 March 2023", "up to July 2018", "to the end of February 2023",
# "data to 30/09/2019": the month the figures run to.
_AS_AT = re.compile(
    rf"\b(?:as\s+(?:at|of)|up\s+to|count(?:ed)?\s+to|to(?:\s+the)?(?:\s+end\s+(?:of\s+)?)?|until|end(?:\s+of)?|ending)\s+"
    rf"(?:the\s+)?(?:end\s+(?:of\s+)?)?(?P<d>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH_RE}\.?,?\s+(?:19|20)\d\d|"
    r"\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d)\b",
    re.I,
)
# "Academic Year: 2017/18", "Financial year 2019-20", "Reporting period: Q2 2019/20", "Year: 2018/19".
_LABELLED_YEAR = re.compile(
    r"\b(?P<label>academic\s+year|school\s+year|financial\s+year|reporting\s+(?:period|year)|period|year)\s*[:\-–]?\s*"
    r"(?P<p>(?:Q[1-4]\s+)?(?:19|20)\d\d\s*[/\-–]\s*(?:19|20)?\d\d)\b",
    re.I,
)


def academic_year(date: str | None, offset: int = 0) -> str | None:
    """The academic year (September to August) a date falls in: '2020-01-20' -> '2019/20'."""
    if not date or len(date) < 7:
        return None
    y, m = int(date[:4]), int(date[5:7])
    start = (y if m >= 9 else y - 1) + offset
    return f"{start}/{(start + 1) % 100:02d}"


def financial_year_of(date: str | None, offset: int = 0) -> str | None:
    """The financial year (April to March) a date falls in: '2014-02-14' -> '2013/14'."""
    if not date or len(date) < 7:
        return None
    y, m = int(date[:4]), int(date[5:7])
    start = (y if m >= 4 else y - 1) + offset
    return f"{start}/{(start + 1) % 100:02d}"


def relative_year(text: str | None, date: str | None, convention: str | None = None) -> str | None:
    """'last academic year' in a paper of 2020-01-20 -> '2019/20' less one: '2018/19';
    'this academic year' -> '2019/20'; 'last financial year' -> the financial year before the
    paper's; a bare 'last year's' takes the paper's ``convention`` ('academic' or 'financial',
    see :func:`year_convention`). None without a paper date or such a phrase."""
    m = _ACADEMIC.search(text or "")
    if not m:
        return None
    kind = (m.group("kind") or convention or "").lower()
    offset = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[m.group("rel").lower()]
    if kind in ("academic", "school"):
        return academic_year(date, offset)
    if kind in ("financial", "fiscal"):
        return financial_year_of(date, offset)
    return None


def year_convention(text: str) -> str | None:
    """The year a paper counts in: 'academic' when it speaks of academic or school years (a
    school's papers), 'financial' when of financial years; None when it says neither."""
    academic = len(re.findall(r"\b(?:academic|school)\s+years?\b", text, re.I))
    financial = len(re.findall(r"\b(?:financial|fiscal)\s+years?\b", text, re.I))
    if academic > financial:
        return "academic"
    return "financial" if financial else None


def as_at_period(text: str | None) -> str | None:
    """The month figures run to: 'count to End Feb 2023' -> '2023-02'; 'as at 31 March 2023' ->
    '2023-03'; 'up to July 2018' -> '2018-07'."""
    m = _AS_AT.search(text or "")
    if not m:
        return None
    d = parse_date(m.group("d"))
    if d:
        return d[:7]
    mm = MONTH_YEAR.search(m.group("d"))
    if mm and month_number(mm.group("m")):
        return iso_date(full_year(mm.group("y")), month_number(mm.group("m")))
    return None


def labelled_year(text: str | None) -> str | None:
    """The year a labelled field states: 'Academic Year: 2017/18' -> '2017/18'; 'Reporting period:
    Q2 2019/20' -> '2019/20'."""
    m = _LABELLED_YEAR.search(text or "")
    return financial_year(m.group("p")) if m else None


def stated_period(text: str | None, date: str | None = None, convention: str | None = None) -> str | None:
    """The period a caption, heading or column header states, in the export's forms: a month
    ('(count to End Feb 2023)' -> '2023-02'), a year ('for last academic year' -> '2018/19' in a
    paper of January 2020; '2017/18'), or None."""
    if not text:
        return None
    return as_at_period(text) or relative_year(text, date, convention) or labelled_year(text) or financial_year(text)


_PERIOD_PHRASE = re.compile(
    rf"\s*(?:\(\s*)?\b(?:for|in|during|over)\s+(?:the\s+)?(?:{_ACADEMIC.pattern}|(?:19|20)\d\d\s*[/\-–]\s*\d\d(?:\d\d)?)(?:\s*\))?"
    rf"|\s*\(\s*(?:{_AS_AT.pattern})\s*\)",
    re.I,
)


def without_period(text: str) -> str:
    """A caption without the period it states: 'Disadvantaged pupil progress scores for last
    academic year (KS1 – KS2)' -> 'Disadvantaged pupil progress scores (KS1 – KS2)'."""
    return " ".join(_PERIOD_PHRASE.sub("", text).split()).strip(" -–:")


def quarter_year(quarter: int, date: str | None) -> str | None:
    """The financial year of a bare quarter in a paper of ``date``: the latest such quarter that
    ended by the paper's date (Q4 in a paper of May 2014 is 2013/14 Q4; Q2 in November 2013 is
    2013/14 Q2)."""
    if not date or len(date) < 7:
        return None
    y, m = int(date[:4]), int(date[5:7])
    end_month = 3 + 3 * quarter  # Q1 ends June, ..., Q4 ends March of the next calendar year
    for start in (y, y - 1, y - 2):
        ey, em = (start, end_month) if end_month <= 12 else (start + 1, end_month - 12)
        if (ey, em) <= (y, m):
            return f"{start}/{(start + 1) % 100:02d}"
    return None


def period_end(period: str | None, year: str | None = None, academic: bool = False) -> str | None:
    """The last day of a period as an ISO date, to order periods: '2023-02' -> '2023-02-28';
    'Q2' of '2013/14' -> '2013-09-30'; '2019/20' -> '2020-03-31' ('2020-08-31' for an academic
    year); '2017' -> '2017-12-31'."""
    if not period:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return iso_date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"Q([1-4])", period)
    if m and year and (start := financial_year_start(year)) is not None:
        q = int(m.group(1))
        y, mo = (start, 3 + 3 * q) if q < 4 else (start + 1, 3)
        return iso_date(y, mo, calendar.monthrange(y, mo)[1])
    if re.fullmatch(r"\d{4}/\d{2}", period):
        start = int(period[:4])
        return f"{start + 1}-08-31" if academic else f"{start + 1}-03-31"
    if re.fullmatch(r"\d{4}", period):
        return f"{period}-12-31"
    return None


# A month named without its year ("June", "late January", "23-Mar", "March Board"): an action
# log's deadline, meant as the first such month after the meeting that set the action.
_BARE_MONTH = re.compile(rf"(?:\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s\-/]*)?\b(?P<m>{MONTH_RE})\b\.?", re.I)


def parse_due_after(text: str | None, raised: str | None) -> Due:
    """A deadline read against the date the action was set: :func:`parse_due` first, then a
    month without its year as the first such month on or after ``raised`` (ISO):
    ('June', '2011-05-19') -> 2011-06-30; ('late January', '2010-11-19') -> 2011-01-31."""
    due = parse_due(text, raised)
    if due.date or not text or not raised or len(raised) != 10 or _STARTS_ONLY.search(text):
        return due
    # The last month named is when the whole is due ("Mid Feb for engagement. March Board for
    # presentation"); "may" in lower case is the verb ("it may be reviewed"), not the month.
    months = [m for m in _BARE_MONTH.finditer(text) if month_number(m.group("m")) and m.group("m") != "may"]
    if not months:
        return due
    m = months[-1]
    y, ry, rm = int(raised[:4]), int(raised[:4]), int(raised[5:7])
    month = month_number(m.group("m"))
    if month < rm:
        y = ry + 1
    last = calendar.monthrange(y, month)[1]
    day = int(m.group("d")) if m.group("d") and 1 <= int(m.group("d")) <= last else last
    if month == rm and y == ry and day < int(raised[8:10]):
        y += 1
        last = calendar.monthrange(y, month)[1]
        day = min(day, last)
    return Due(iso_date(y, month, day), approximate=not m.group("d"))
