"""Numbers as councils write them, as pure functions over strings.

Counts ("1,149"), signed changes ("-317", "+570"), percentages ("73%", "1.7 %"),
money ("£110,000", "£2m", "£1.5 million"), fractions ("48 / 851": completions over all in
treatment), ranges ("8.27% - 12.99%", "74 to 114"), and direction arrows ("▲", "↓").
Each parse keeps the text as written (``raw``); a cell that is not a number ("n/a", "-",
"Tbc", "Awaiting confirmation") parses to ``None`` or, for money, to a status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import MONTH_RE

# "Publish date: 20 January 2020": the day of a date, not a figure.
_DAY_OF_A_DATE = re.compile(rf"\s*(?:st|nd|rd|th)?\s+{MONTH_RE}\b", re.I)

# A plain number: thousands separators, a sign, decimals. "1,149", "-317", "+5", "7.0".
NUMBER = r"[+\-−–]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"^(?P<n>{NUMBER})$")
_PERCENT_RE = re.compile(rf"^(?P<n>{NUMBER})\s*%\s*\**$")
_MONEY_RE = re.compile(
    rf"^(?P<cur>£|GBP\s?)\s?(?P<n>{NUMBER})\s*(?P<mult>k|m|bn|million|billion|thousand)?\b\.?$", re.I
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_FRACTION_RE = re.compile(rf"^(?P<a>{NUMBER})\s*/\s*(?P<b>{NUMBER})$")
# "8.27% - 12.99%", "74 to 114", "10,000 – 13,000". The separator needs spaces or "to" so
# that a negative number ("-5") or a date ("2016-17") is not read as a range.
_RANGE_RE = re.compile(
    rf"^(?P<a>{NUMBER})\s*(?P<ua>%?)\s*(?:\s[-–—]\s|\sto\s)\s*(?P<b>{NUMBER})\s*(?P<ub>%?)\s*\**$", re.I
)
_BLANK = re.compile(r"^\s*(?:|-|–|—|n/?a|na|n\.a\.|tbc|tbd|\.|\*|x|nil|none|no data|not available)\s*$", re.I)

UP = "▲△↑⇧⬆⇡"
DOWN = "▼▽↓⇩⬇⇣"
LEVEL = "►▶→⇨↔◄◀←=⬌"


@dataclass(frozen=True)
class Number:
    """One number read from a cell or phrase.

    ``kind`` is number, percent, money, fraction or range; fractions and ranges carry their
    two parts in ``parts`` (numerator and denominator, lower and upper) and ``value`` is the
    first part.
    """

    value: float
    raw: str
    kind: str = "number"
    unit: str | None = "count"
    parts: tuple[float, ...] = field(default_factory=tuple)
    approximate: bool = False


def to_float(text: str) -> float:
    """'1,149' -> 1149.0; '−317' -> -317.0; '+5' -> 5.0."""
    t = text.replace(",", "").replace(" ", "").replace("−", "-").replace("–", "-")
    return float(t)


def _unit(percent: str | None) -> str:
    return "%" if percent else "count"


def parse_number(text: str | None) -> Number | None:
    """A table cell or a short phrase as one :class:`Number`, or None when it holds none.

    >>> parse_number("1,652").value
    1652.0
    >>> parse_number("48 / 851").parts
    (48.0, 851.0)
    >>> parse_number("8.27% - 12.99%").parts
    (8.27, 12.99)
    >>> parse_number("n/a") is None
    True
    """
    if text is None:
        return None
    raw = text.strip()
    t = " ".join(raw.split())
    if _BLANK.match(t):
        return None
    m = _NUMBER_RE.match(t)
    if m:
        return Number(to_float(m.group("n")), raw)
    m = _PERCENT_RE.match(t)
    if m:
        return Number(to_float(m.group("n")), raw, kind="percent", unit="%")
    money = parse_money(t)
    if money and money.value is not None:
        return Number(money.value, raw, kind="money", unit="£")
    m = _FRACTION_RE.match(t)
    if m:
        a, b = to_float(m.group("a")), to_float(m.group("b"))
        return Number(a, raw, kind="fraction", unit="count", parts=(a, b))
    m = _RANGE_RE.match(t)
    if m:
        a, b = to_float(m.group("a")), to_float(m.group("b"))
        return Number(a, raw, kind="range", unit=_unit(m.group("ua") or m.group("ub")), parts=(a, b))
    return None


@dataclass(frozen=True)
class Money:
    """An amount in pounds, or the status written instead of one ('Tbc', 'Awaiting confirmation')."""

    value: float | None
    raw: str
    status: str | None = None


def parse_money(text: str | None) -> Money | None:
    """'£110,000' -> 110000; '£2m' -> 2000000; 'Tbc' -> status 'Tbc'; '' -> None."""
    if text is None or not text.strip():
        return None
    raw = text.strip()
    t = " ".join(raw.split())
    m = _MONEY_RE.match(t)
    if m:
        value = to_float(m.group("n")) * _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
        return Money(round(value, 2), raw)
    if re.fullmatch(rf"{NUMBER}", t):
        return Money(to_float(t), raw)
    return Money(None, raw, status=t)


def direction(text: str | None) -> str | None:
    """An arrow or word as a direction of travel: 'up', 'down' or 'same'; None otherwise."""
    if not text:
        return None
    t = text.strip()
    if not t:
        return None
    if all(c in UP or c.isspace() for c in t):
        return "up"
    if all(c in DOWN or c.isspace() for c in t):
        return "down"
    if all(c in LEVEL or c.isspace() for c in t):
        return "same"
    low = t.lower()
    if low in ("up", "increase", "increased", "improving", "improved", "higher"):
        return "up"
    if low in ("down", "decrease", "decreased", "reduced", "reduction", "lower", "worsening"):
        return "down"
    if low in ("same", "no change", "stable", "unchanged", "static"):
        return "same"
    return None


def is_arrow(text: str | None) -> bool:
    return bool(text and text.strip()) and all(c in UP + DOWN + LEVEL or c.isspace() for c in text.strip())


# RAG words and ratings, compliance words ("Met" / "Not met": the departmental grid of
# open-data-qwms-q2-2013-14), and ticks and crosses.
_RAG = re.compile(
    r"^\s*(red|amber|green|r|a|g|rag|blue|grey|on track|off track|at risk|achieved|not achieved|partially achieved"
    r"|met|not met|partially met|compliant|non[- ]compliant|complete|completed|[✓✔✗✘☑☒])\s*$",
    re.I,
)


def is_status(text: str | None) -> bool:
    """A RAG or status word ('Green', 'Amber', 'On track', 'Not met', '✓'): kept as a
    status, not a value."""
    return bool(text and _RAG.match(text))


# --- numbers that are not figures ---------------------------------------------------------------

_PHONE = re.compile(r"^\s*(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\s*$")
_YEARISH = re.compile(r"^\s*(?:19|20)\d\d\s*(?:[/\-–]\s*(?:19|20)?\d\d)?\s*$")


def is_phone_number(text: str | None) -> bool:
    """'01234 567890', '(01733) 452345', '+44 20 7946 0958': a telephone number, never a figure."""
    return bool(text and _PHONE.match(text) and sum(c.isdigit() for c in text) >= 10)


def is_year_like(text: str | None) -> bool:
    """'2019', '2019 - 2022', '2019/20': a year or a span of years, not a count."""
    return bool(text and _YEARISH.match(text))


def figure(text: str | None) -> Number | None:
    """A cell as a reported figure: a number, percentage or amount that is not a year, a span of
    years, a telephone number or a range."""
    if not text or is_phone_number(text) or is_year_like(text) or re.match(r"^\s*0\d", text):
        return None  # "01234": a code or the start of a telephone number
    n = parse_number(text)
    return n if n is not None and n.kind in ("number", "percent", "money") else None


# --- figures with their labels ------------------------------------------------------------------

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMOUNT = rf"(?:£\s?{_DIGITS}(?:\s?(?:k|m|bn|million))?|[+\-−–]?{_DIGITS}\s?%|[+\-−–]?{_DIGITS})"
# "Latest: 72%", "Target: 75%", "Floor: 60%", "Previous (Q2): 70%"
_PAIR = re.compile(rf"(?P<label>[A-Za-z][A-Za-z0-9 ’'&/()\-.]{{0,40}}?)\s*:\s*(?P<value>{_AMOUNT})(?![\w/]|\s?\d)")
# One label and its figure, the label as long as it is written.
_ONE_PAIR = re.compile(rf"\s*(?P<label>[A-Za-z][^:\n]{{0,150}}):\s*(?P<value>{_AMOUNT})\s*\.?\s*")
# "May - £4058", "November £11387", "TOTAL £15445": a line of a labelled box.
_LINE = re.compile(rf"^\s*(?P<label>[A-Za-z][\w ’'&/().]{{0,40}}?)\s*[-–:]?\s*(?P<value>{_AMOUNT})\s*\.?\s*$")


def _label_start(label: str) -> str:
    """A label run on from the text before it ("... across the school Percentage of total
    allocation") starts at its capitalised word after lower-case words."""
    words = label.split()
    for k in range(len(words) - 1, 0, -1):
        if re.match(r"^[A-Z][a-z]", words[k]) and re.match(r"^[a-z]", words[k - 1]):
            return " ".join(words[k:])
    return " ".join(words)


def labelled_figures(text: str | None) -> list[tuple[str, Number]]:
    """Figures written with their labels: 'Latest: 72% Target: 75%, Floor: 60%' -> [('Latest',
    72), ('Target', 75), ('Floor', 60)]; a box 'Total fund allocated:\\nMay - £4058\\nTOTAL
    £15445' -> [('May', 4058), ('TOTAL', 15445)]; 'Percentage of total allocation: 31%' ->
    [('Percentage of total allocation', 31)]. Years, dates and telephone numbers are not figures."""
    if not text or ":" not in text:
        # Each form below has its colon (the box's after its heading): without one, none is
        # tried (two texts in three; _PAIR's lazy label was tried at every letter of them).
        return []
    whole = _ONE_PAIR.fullmatch(text)
    if whole:  # "Pupil premium allocation this academic year: £64140": the label is all before the colon
        n = figure(whole.group("value"))
        return [(_label_start(whole.group("label")), n)] if n is not None else []
    out = []
    for m in _PAIR.finditer(text):
        n = figure(m.group("value"))
        if n is not None and not _DAY_OF_A_DATE.match(text, m.end("value")):
            out.append((_label_start(m.group("label")), n))
    if out:
        return out
    head, _, rest = text.partition(":")
    lines = [line for line in rest.split("\n") if line.strip()] if "\n" in rest else []
    for line in lines:
        m = _LINE.match(line)
        n = figure(m.group("value")) if m else None
        if n is None:
            return []  # a box of figures is figures line by line; prose is not one
        out.append((" ".join(m.group("label").split()), n))
    return out


_YEAR_LABEL = re.compile(r"\b(?P<label>(?:YRS?|Yrs?|Years?)\.?\s*\d(?:\s*(?:and|&|-|–|to)\s*\d)?)\b")
_COUNT = re.compile(r"(?<![\w.])(?P<n>\d[\d,]*(?:\.\d+)?\s?%?)(?![\w.]*\s*(?:months?|weeks?|years?|days?)\b)")


def target_levels(text: str | None) -> str | None:
    """The level a target sets, as written: '150 community building conversations in total -
    every 6 months' -> '150'; 'YR 1 1 new activity ... YR 2 2 new activities' -> 'YR 1: 1; YR 2:
    2' (a target with a level for each year); '2 x Action learning' -> '2'. None without one."""
    if not text:
        return None
    text = " ".join(text.split())
    labels = list(_YEAR_LABEL.finditer(text))
    if len(labels) >= 2:
        parts = []
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            n = _COUNT.search(text, m.end(), end)
            if n:
                parts.append(f"{' '.join(m.group('label').split())}: {n.group('n').strip()}")
        return "; ".join(parts) or None
    n = _COUNT.search(text, labels[0].end() if labels else 0)
    return n.group("n").strip() if n else None


# "BSRC - 183 engaged in total", "PWO - 520", "Police: 41 referrals"
_BREAKDOWN = re.compile(
    rf"(?P<who>[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&]*){{0,3}})\s*[-–:]\s*(?P<n>{_AMOUNT})"
    r"(?P<what>(?:\s+(?![A-Z][A-Za-z&]*\s*[-–:]\s*\d)[a-z][\w’'-]*)*)"
)


# "1 story each provided from BSRC and PWO", "2 sessions each delivered by North Trust and East Hub"
_EACH = re.compile(
    r"(?<![\w.])(?P<n>\d[\d,]*)\s+(?P<what>[a-z][a-z ]*?)\s+each\s+(?:(?P<verb>[a-z]+)\s+)?(?:from|by)\s+"
    r"(?P<a>[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)\s+(?:and|&)\s+(?P<b>[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)"
)


def breakdowns(text: str | None) -> list[tuple[str, Number]]:
    """The parts of a total a comments cell gives: 'BSRC - 183 engaged in total. PWO - 834 engaged
    in total' -> [('BSRC - engaged in total', 183), ('PWO - engaged in total', 834)]; 'PWO - 520'
    -> [('PWO', 520)]; '1 story each provided from BSRC and PWO' -> [('BSRC - story provided', 1),
    ('PWO - story provided', 1)]."""
    m = _EACH.search(text or "")
    if m and (n := figure(m.group("n"))) is not None:
        what = " ".join(filter(None, (m.group("what"), m.group("verb"))))
        return [(f"{m.group('a')} - {what}", n), (f"{m.group('b')} - {what}", n)]
    out = []
    for m in _BREAKDOWN.finditer(text or ""):
        n = figure(m.group("n"))
        if n is None:
            continue
        what = " ".join(m.group("what").split())
        out.append((f"{m.group('who')} - {what}" if what else m.group("who"), n))
    return out


# --- counts of ratings and of directions ----------------------------------------------------------

RAG_COLOURS = ("red", "amber", "green", "blue", "grey", "purple", "black")
_COLOUR = "|".join(RAG_COLOURS)
_NUM = r"\d[\d,]*"
# "21 Green", "21 are green", "21 (64%) rated Green", "Green: 21", "Green - 21 measures"
_COUNT_COLOUR = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s*(?:\(\s*\d[\d.]*\s*%\s*\)\s*)?(?:(?:measures?|indicators?|kpis?|targets?|actions?|"
    rf"projects?|risks?)\s+)?(?:(?:are|were|is|was|rated|as|at|now)\s+)*(?P<c>{_COLOUR})\b"
    rf"|\b(?P<c2>{_COLOUR})\s*(?:rated\s*)?[:\-–=]\s*(?P<n2>{_NUM})\b",
    re.I,
)
# "6 measures improved", "3 stayed the same", "2 have deteriorated", "4 showed no change"
_TRENDS = {
    "improved": r"improved|improving|got better|are better|moved up|increased performance",
    "no change": r"stayed the same|remained (?:the same|stable|static)|(?:showed |shown )?no change|unchanged|static|stable",
    "declined": r"declined|deteriorated|worsened|got worse|are worse|dropped|fell back",
}
_COUNT_TREND = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s+(?:of\s+(?:the|these|our)\s+)?(?:(?P<noun>measures?|indicators?|kpis?|areas?|targets?)\s+)?"
    rf"(?:have\s+|has\s+|had\s+|were\s+|are\s+)?(?P<t>" + "|".join(f"(?:{rx})" for rx in _TRENDS.values()) + r")\b",
    re.I,
)


def rag_counts(text: str | None) -> list[tuple[str, int]]:
    """How many measures a paper rates each colour: '21 Green, 8 Amber, 4 Red' -> [('Green',
    21), ('Amber', 8), ('Red', 4)]; 'Of the 33 measures, 21 are green, 8 amber and 4 red';
    'Green: 21'. Two colours at least: one count and a colour is a sentence about one measure."""
    out, seen = [], set()
    for m in _COUNT_COLOUR.finditer(text or ""):
        colour = (m.group("c") or m.group("c2")).capitalize()
        n = int((m.group("n") or m.group("n2")).replace(",", ""))
        if colour not in seen:
            seen.add(colour)
            out.append((colour, n))
    return out if len(out) >= 2 else []


def trend_counts(text: str | None) -> list[tuple[str, int]]:
    """How many measures moved each way: '6 measures improved on the last quarter, 3 stayed the
    same and 2 declined' -> [('Improved', 6), ('No change', 3), ('Declined', 2)]."""
    out, seen = [], set()
    for m in _COUNT_TREND.finditer(text or ""):
        word = m.group("t").lower()
        trend = next(k for k, rx in _TRENDS.items() if re.fullmatch(rx, word, re.I))
        if trend not in seen:
            seen.add(trend)
            out.append((trend.capitalize(), int(m.group("n").replace(",", ""))))
    return out
