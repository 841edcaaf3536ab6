"""Figures stated in prose: '1,149 serious acquisitive crimes recorded, a reduction of 74',
'a significantly reduced FTE rate of 235 per 100,000', 'compared to the Most Similar Group
Average of 7.8 per 1000 Population'.

spaCy Matcher patterns find the numbers and their units (%, £, "per 100,000"); the words
around a number give what it measures (the phrase after it, or the noun phrase before
"of" / "stood at"), the period (the nearest time phrase in the sentence, else the one the
paragraph set: "up to July 2018", "between April 2017 and March 2018", "since 1st April
2018"), the direction (increase, reduction) and the comparator. Dates, years, durations
("12 month average"), list labels ("Outcome 1", "year 6") and the "1,000" of "per 1,000"
are not figures.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from boardpapers.schemas.records import Figure

from ..language import dates
from ..language.nlp import shared_pipeline
from ..language.numbers import to_float

_DIGITS = {"TEXT": {"REGEX": r"^[+\-]?\d[\d,]*(?:\.\d+)?$"}}
_MONTH = dates.MONTH_RE
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
}
_DURATION = {
    "month",
    "months",
    "year",
    "years",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minutes",
    "quarter",
    "quarters",
    "mth",
    "mths",
    "yr",
    "yrs",
}
_LABEL_BEFORE = {
    "outcome",
    "priority",
    "section",
    "sections",
    "part",
    "paragraph",
    "no",
    "no.",
    "level",
    "year",
    "phase",
    "tier",
    "stage",
    "item",
    "appendix",
    "page",
    "pages",
    "table",
    "figure",
    "chapter",
    "recommendation",
    "option",
    "step",
    "x",
    "ni",
    "lpi",
    "ks",
    "key",
    # year groups ("Yr 2", "Yrs. 5 and 6"), table references ("column 6"), statute
    # references ("schedule 10 of the Equality Act", "s.17", "article 8", "clause 4")
    "yr",
    "yrs",
    "years",
    "column",
    "columns",
    "col",
    "row",
    "rows",
    "schedule",
    "s",
    "article",
    "clause",
    "regulation",
    "regulations",
    "rule",
    "act",
    "tel",
    "telephone",
    "phone",
    "ext",
    "kpi",
    "kpis",
    "pi",
    "indicator",
    "quarter",
    "round",
    "wave",
    "cohort",
}
_APPROX = {
    "over",
    "almost",
    "around",
    "approximately",
    "approx",
    "approx.",
    "about",
    "nearly",
    "circa",
    "c.",
    "some",
    "roughly",
    "under",
    "below",
    "above",
    "more",
    "less",
    "fewer",
    "up",
}
_UP = re.compile(
    r"^(?:increase[sd]?|increasing|rise|rising|rose|risen|up|higher|more|grew|growth|improve(?:d|ment)?)$", re.I
)
_DOWN = re.compile(
    r"^(?:decrease[sd]?|decreasing|reduction|reduc(?:e|ed|ing)|fall|fell|fallen|down|lower|fewer|drop(?:ped)?|decline[sd]?)$",
    re.I,
)
_AFTER_STOP = {
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "–",
    "—",
    "?",
    "!",
    "which",
    "whilst",
    "while",
    "but",
    "whereas",
    "however",
}
_BACK_STOP = {
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "shows",
    "showed",
    "show",
    "below",
    "above",
    "than",
    "to",
    "at",
    "in",
    "with",
    "occupies",
    "places",
    "when",
    "where",
    "that",
    "and",
    "compared",
    "from",
    "by",
    "sit",
    "sits",
    "stood",
    "stands",
    "stand",
    "reached",
    "remain",
    "remains",
    "there",
    "compares",
    "compare",
    "delivered",
    "identified",
    "this",
    "it",
    "on",
    "into",
    "saw",
    "see",
    "seen",
    "shown",
}
_DETERMINERS = {"a", "an", "the", "our", "its", "their", "this", "that", "these", "those", "his", "her"}
_CONNECT_BACK = [
    ("stood", "at"),
    ("stands", "at"),
    ("sit", "at"),
    ("sits", "at"),
    ("was",),
    ("is",),
    ("were",),
    ("of",),
    ("at",),
    ("reduced", "to"),
    ("increased", "to"),
    ("fell", "to"),
    ("rose", "to"),
    ("to",),
]
_TRIM = {"and", "or", "with", "to", "of", "from", "for", "in", "on", "at", "by", "the", "a", "an", "have", "has"}


@functools.lru_cache(maxsize=1)
def _matcher() -> Matcher:
    nlp = shared_pipeline()
    m = Matcher(nlp.vocab)
    m.add(
        "MONEY",
        [[{"ORTH": "£"}, _DIGITS, {"LOWER": {"IN": ["m", "k", "million", "bn", "billion", "thousand"]}, "OP": "?"}]],
    )
    m.add("PERCENT", [[_DIGITS, {"ORTH": "%"}], [_DIGITS, {"LOWER": {"IN": ["percent", "per"]}}, {"LOWER": "cent"}]])
    m.add(
        "RATE",
        [
            [
                _DIGITS,
                {"LOWER": "per"},
                _DIGITS,
                {
                    "LOWER": {"IN": ["population", "people", "residents", "households", "pop", "children", "adults"]},
                    "OP": "?",
                },
            ]
        ],
    )
    m.add(
        "POSITION",
        [
            [{"LOWER": {"IN": list(_ORDINALS)}}, {"LOWER": "out"}, {"LOWER": "of"}, _DIGITS],
            [{"TEXT": {"REGEX": r"^\d+(?:st|nd|rd|th)$"}}, {"LOWER": "out"}, {"LOWER": "of"}, _DIGITS],
        ],
    )
    m.add("NUMBER", [[_DIGITS]])
    return m


@dataclass
class Found:
    """One figure in a sentence, before it is linked to an indicator."""

    value: float
    unit: str
    raw: str
    series: str
    measure: str | None
    sentence: str
    period: str | None = None
    period_text: str | None = None
    direction: str | None = None
    comparator: str | None = None
    noun: bool = False  # the measure is the phrase after the number
    role: str | None = None  # 'from' / 'to' of "increased from 837 to 851"
    subject: str | None = None  # "The number of opiate only clients" of the sentence
    words: set[str] = field(default_factory=set)
    at: int = 0  # where the figure starts in the sentence


# --- periods ---------------------------------------------------------------------------------

_TIME_PATTERNS = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+(?P<a>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}(?:\s+(?:19|20)\d\d)?)\s+(?:and|to|until)\s+(?:the\s+)?(?P<b>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}(?:\s+(?:19|20)\d\d)?)",
            re.I,
        ),
    ),
    (
        "since",
        re.compile(
            rf"\bsince\s+(?:the\s+)?(?P<a>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}\s+(?:19|20)\d\d)", re.I
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:up to|to|in|at|during|for|end of|as at|as of)\s+(?:the\s+end\s+of\s+)?(?P<a>{_MONTH}\s+(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "month_only",
        re.compile(rf"\b[Ii]n\s+(?P<a>{_MONTH})\b(?!\s+(?:19|20)?\d\d|\s*(?:and|to|-|–|,)\s*{_MONTH})", re.I),
    ),
    ("quarter", re.compile(r"\b(?P<a>Q[1-4])\s+(?P<fy>(?:19|20)?\d\d\s*/\s*\d\d)\b")),
    ("fy", re.compile(r"\b(?:in|during|for)\s+(?P<a>(?:19|20)\d\d\s*[/\-]\s*\d\d)\b", re.I)),
    ("year", re.compile(r"(?:^|,\s*|\bin\s+|\bduring\s+)(?P<a>(?:19|20)\d\d)\b(?!\s*[/\-]\s*\d)")),
]

# Without a digit, a sentence's time phrase can only be a "month_only" ("in March") or a "range"
# ("from March to May"): every other pattern needs a year, a day or a quarter's number. Both hold
# this run of words ("in March", "to May"), with no look-around, so a paragraph whose text holds
# none has no time phrase in any of its sentences, however spaCy cuts them.
_UNDATED_TIME_HINT = re.compile(rf"(?:in|and|to|until)\s+(?:the\s+)?{_MONTH}", re.I)


def _month_iso(text: str, report_date: str | None) -> str | None:
    iso = dates.month_period(text) or (dates.parse_due(text).date or "")[:7] or None
    return iso


def time_phrases(sentence: str, report_date: str | None) -> list[tuple[int, str, str | None]]:
    """(position, phrase as written, period or None) for each time phrase in a sentence."""
    out = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _TIME_PATTERNS:
        for m in rx.finditer(sentence):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            period = None
            if kind == "range":
                a, b = dates.parse_due(m.group("a")).date, dates.parse_due(m.group("b")).date
                if a and b and re.search(r"(19|20)\d\d", m.group("a")) and re.search(r"(19|20)\d\d", m.group("b")):
                    sa = dates.parse_date(m.group("a")) or f"{a[:7]}-01"
                    if sa[5:7] == "04" and b[5:7] == "03" and int(b[:4]) == int(sa[:4]) + 1:
                        period = f"{sa[:4]}/{b[2:4]}"
            elif kind == "since":
                d = dates.parse_date(m.group("a")) or (dates.parse_due(m.group("a")).date or "")
                if d[5:10] in ("04-01", "04"):
                    period = f"{d[:4]}/{(int(d[:4]) + 1) % 100:02d}"
                elif d:
                    period = d[:7]
            elif kind == "month":
                period = _month_iso(m.group("a"), report_date)
            elif kind == "month_only" and report_date:
                month = dates.MONTHS.get(m.group("a").lower())
                y, rm = int(report_date[:4]), int(report_date[5:7]) if len(report_date) >= 7 else 12
                period = f"{y if month <= rm else y - 1}-{month:02d}" if month else None
            elif kind == "quarter":
                period = m.group("a").upper()
            elif kind == "fy":
                period = dates.financial_year(m.group("a"))
            elif kind == "year":
                period = m.group("a")
            out.append((m.start(), m.group(0).strip(), period))
    return sorted(out)


# --- phrases around a number -----------------------------------------------------------------


def _is_masked(doc: Doc, i: int) -> bool:
    """A number that is a date, a year, a duration, a label or the base of a rate, or the far
    end of a range whose near end is one ("Sections 5-7", "Sections 5 and 7").

    The far end used to ask about the near end by recursion: a line of "1 to 1 to 1 ..." went
    1,000 calls deep (RecursionError, the paper lost) and asked again for every number on it
    (quadratic; issue 14). Now the chain is walked once and every number on it remembered.
    """
    memo = doc.user_data.setdefault("boardpapers_masked", {})
    chain, k = [], i
    while True:
        if k in memo:
            masked = memo[k]
            break
        chain.append(k)
        if _masked_itself(doc, k):
            masked = True
            break
        prev = doc[k - 1].lower_ if k else ""
        # "Sections 5-7", "Sections 5 and 7"; but "since 2014 and 82% of residents": after a
        # year, "and" starts a new figure.
        if not (
            (prev in ("-", "–", "to") or prev in ("and", "&") and not re.fullmatch(r"(?:19|20)\d\d", doc[k - 2].text))
            and k >= 2
            and doc[k - 2].like_num
        ):
            masked = False
            break
        k -= 2
    for k in chain:
        memo[k] = masked
    return masked


def _masked_itself(doc: Doc, i: int) -> bool:
    """:func:`_is_masked` but for the far end of a range."""
    t = doc[i]
    prev = doc[i - 1].lower_ if i else ""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    text = t.text.replace(",", "")
    if re.fullmatch(r"(?:19|20)\d\d", text) and "," not in t.text:
        return True
    if re.fullmatch(r"0\d{3,}", text) or (i and re.fullmatch(r"0\d{3,}", doc[i - 1].text)):
        return True  # a telephone number ("01632 960123"), never a figure
    if prev == "." and i >= 2 and doc[i - 2].lower_ in _LABEL_BEFORE:
        return True
    if (
        prev == "per"
        or prev in _LABEL_BEFORE
        or (prev and doc[i - 1].text[:1].isupper() and doc[i - 1].text.lower() in _LABEL_BEFORE)
    ):
        return True
    if nxt in _DURATION or (nxt == "-" and i + 2 < len(doc) and doc[i + 2].lower_ in _DURATION):
        return True
    if re.fullmatch(_MONTH, nxt or "-", re.I) or re.fullmatch(_MONTH, prev or "-", re.I):
        return True
    if nxt in ("/", "-") and i + 2 < len(doc) and re.fullmatch(r"\d\d", doc[i + 2].text):
        return True  # 2017-18 as a year
    # Ages ("13 to 15 year olds"); the far end of a masked range is _is_masked's.
    if (
        nxt in ("-", "–", "to")
        and i + 3 < len(doc)
        and doc[i + 2].like_num
        and doc[i + 3].lower_ in _DURATION | {"olds", "old"}
    ):
        return True
    if prev in ("/", "-") and i >= 2 and re.fullmatch(r"(?:19|20)\d\d", doc[i - 2].text):
        return True
    return False


def _after(doc: Doc, j: int, limit: int, stops: _Ahead, percent: bool = False) -> list:
    """Words after a figure up to a clause break, the next figure or a time phrase."""
    out = []
    k = j
    while k < len(doc) and len(out) < limit:
        t = doc[k]
        if t.text in _AFTER_STOP or k in stops:
            # keep an acronym in brackets: "First Time Entrants (FTE)"
            if t.text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")" and doc[k + 1].text.isupper() and out:
                out.extend([doc[k], doc[k + 1], doc[k + 2]])
                k += 3
                continue
            break
        if t.lower_ in ("and", "with", "or") and _figure_before_break(doc, k + 1, stops):
            break
        if t.lower_ in ("in", "between", "since", "during") or (t.lower_ == "up" and _time_follows(doc, k + 1)):
            break
        if not percent and t.lower_ in ("compared", "compares", "than"):
            break
        out.append(t)
        k += 1
    while out and out[-1].lower_ in _TRIM:
        out.pop()
    return out


def _figure_before_break(doc: Doc, k: int, stops: _Ahead) -> bool:
    return stops.figure_first[k]


class _Ahead:
    """Where the figures of a doc start, and for every token whether a figure comes before the
    next clause break. One pass over the doc: walking ahead from every "and" to the next
    comma was quadratic on a long clause ("1 and 1 and 1 ..."; issue 14)."""

    def __init__(self, doc: Doc, starts: set[int]):
        self.starts = starts
        self.figure_first = [False] * (len(doc) + 1)
        seen = False
        for k in range(len(doc) - 1, -1, -1):
            if doc[k].text in (",", ".", ";", ":"):
                seen = False
            elif k in starts:
                seen = True
            self.figure_first[k] = seen

    def __contains__(self, k: int) -> bool:
        return k in self.starts


def _time_follows(doc: Doc, k: int) -> bool:
    text = " ".join(t.text for t in doc[k : k + 4])
    return bool(re.match(rf"(?:to\s+)?(?:the\s+)?(?:\d{{1,2}}\w*\s+)?(?:{_MONTH}|(?:19|20)\d\d)\b", text, re.I))


def _before(doc: Doc, i: int, limit: int = 8) -> tuple[list, str | None]:
    """The noun phrase before a figure ('FTE rate' of 'FTE rate of 235'), skipping the link."""
    k = i - 1
    link = None
    last = doc[k].lower_ if k >= 0 else None
    for pattern in _CONNECT_BACK:
        n = len(pattern)
        if pattern[-1] != last:  # cheap test first: this runs once for every figure of a paper
            continue
        if k - n + 1 >= 0 and tuple(t.lower_ for t in doc[k - n + 1 : k + 1]) == pattern:
            link = " ".join(pattern)
            k -= n
            break
    while k >= 0 and doc[k].lower_ in _APPROX:
        k -= 1
    if doc[k].text == "(" if k >= 0 else False:
        k -= 1
    out = []
    while k >= 0 and len(out) < limit:
        t = doc[k]
        if t.lower_ in _BACK_STOP or t.is_punct and t.text not in ("%", "-", "/", "&"):
            break
        out.append(t)
        k -= 1
    out = out[::-1]
    while out and out[0].lower_ in _DETERMINERS:
        out = out[1:]
    return out, link


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _direction(doc: Doc, i: int, j: int) -> str | None:
    window = list(doc[max(0, i - 4) : i]) + list(doc[j : j + 3])
    for t in sorted(window, key=lambda t: abs(t.i - i)):
        if _UP.match(t.text):
            return "increase"
        if _DOWN.match(t.text):
            return "reduction"
    return None


_CHANGE_VERB = r"(?:increased|decreased|risen|fallen|reduced|grown|dropped|declined|rose|fell|gone (?:up|down))"
_SUBJECT = re.compile(
    rf"^\s*(?:the\s+)?(?P<s>(?:number|proportion|percentage|rate|count|total)\s+of\s+.+?)\s+(?:(?:has|have|had)\s+(?:been\s+)?)?{_CHANGE_VERB}\b",
    re.I,
)
_COMPARE = re.compile(r"\b(?:compared (?:to|with)|compares to|than|below|above|same as)\b", re.I)


def find_figures(
    text: str, report_date: str | None = None, carry: tuple[str | None, str | None] | None = None
) -> tuple[list[Found], tuple[str | None, str | None] | None]:
    """The figures of a paragraph, and the period it leaves for the next paragraph's
    "same period" (the last resolved time phrase)."""
    nlp = shared_pipeline()
    if len(text) > nlp.max_length:
        return [], carry  # spaCy refuses it (E088); issue 8's 10 MB paragraph
    if not re.search(r"\d", text) and not _UNDATED_TIME_HINT.search(text):
        # Every figure pattern needs a token with a digit, and no sentence has a time phrase to
        # carry: the answer is known without a Doc (three paragraphs in five; 0.1 s a run).
        return [], carry
    doc = nlp(text)
    matches = _matcher()(doc)
    spans = filter_spans([Span(doc, s, e, label=nlp.vocab.strings[mid]) for mid, s, e in matches])
    spans = [s for s in spans if s.label_ != "NUMBER" or not _is_masked(doc, s.start)]
    spans = [
        s
        for s in spans
        if not (s.label_ in ("PERCENT", "RATE") and _is_masked(doc, s.start) and doc[s.start - 1].lower_ != "per")
    ]
    ahead = _Ahead(doc, {s.start for s in spans})
    out: list[Found] = []
    period = carry
    for sent in doc.sents:
        stext = sent.text.strip()
        lead = len(sent.text) - len(sent.text.lstrip())
        phrases = time_phrases(sent.text, report_date)
        sub = _SUBJECT.match(stext)
        compare = _COMPARE.search(stext)  # once a sentence, not once a figure (quadratic; issue 14)
        in_sent = [s for s in spans if sent.start <= s.start < sent.end]
        for s in in_sent:
            found = _found(doc, s, ahead, stext, compare, s.start_char - sent.start_char - lead)
            rel = s.start_char - sent.start_char
            before = [p for p in phrases if p[0] <= rel] or phrases
            if before:
                pos, as_written, iso = before[-1]
                found.period = iso
                if iso is None:
                    found.period_text = as_written
            elif period:
                found.period, found.period_text = period
            if sub:
                found.subject = sub.group("s")
            out.append(found)
        if phrases:
            period = (phrases[-1][2], None if phrases[-1][2] else phrases[-1][1])
    _pair_from_to(doc, out)
    return out, period


def _found(doc: Doc, span: Span, ahead: _Ahead, sentence: str, compare: re.Match | None = None, at: int = 0) -> Found:
    label = span.label_
    i, j = span.start, span.end
    digits = [t for t in span if re.match(r"^[+\-]?\d", t.text)]
    value = to_float(digits[0].text)
    approx = (
        doc[i - 1].lower_
        if i and doc[i - 1].lower_ in _APPROX and doc[i - 1].lower_ not in ("up", "above", "below")
        else None
    )
    if label == "POSITION":
        ordinal = span[0].lower_
        value = float(_ORDINALS.get(ordinal) or int(re.match(r"\d+", ordinal).group()))
        return Found(value, "position", span.text, f"Position out of {digits[-1].text}", "position", sentence, at=at)
    unit = {"MONEY": "£", "PERCENT": "%"}.get(label, "count")
    if label == "MONEY":
        mult = {"m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3, "bn": 1e9, "billion": 1e9}.get(span[-1].lower_, 1)
        value *= mult
    if label == "RATE":
        unit = f"rate per {digits[-1].text}"
    after = _after(doc, j, 12 if label == "PERCENT" else 10, ahead, percent=label == "PERCENT")
    if unit == "count":
        rate = re.match(r"^(?:\S+\s+){0,4}per\s+([\d,]{3,})", _text(after))
        if rate:
            unit = f"rate per {rate.group(1)}"
    before, link = _before(doc, i)
    after_text, before_text = _text(after), _text(before)
    noun = bool(after) and (after[0].is_alpha and after[0].lower_ not in _TRIM | {"for", "in", "on", "this"})
    rate_tail = " ".join(t.text for t in span[1:]) if label == "RATE" else ""
    direction = _direction(doc, i, j)
    if (
        label == "PERCENT"
        and not after
        and i
        and doc[i - 1].lower_ in ("up", "down", "rise", "fall", "increase", "decrease", "reduction")
    ):
        word = doc[i - 1].lower_
        series = "% " + {"up": "increase", "rise": "increase", "down": "decrease", "fall": "decrease"}.get(word, word)
        measure = None
    elif label == "PERCENT":
        if after and after[0].lower_ not in ("in", "for", "on", "this", "is"):
            series = f"% {after_text}"
        elif before_text:
            series = f"{before_text} (%)"
        else:
            series = "%"
        measure = after_text or before_text or None
    elif noun:
        measure = after_text
        qualifier = before_text if link == "of" and before_text else (approx or None)
        series = f"{after_text} ({qualifier})" if qualifier else after_text
    elif before_text:
        measure = before_text
        series = (
            f"{before_text} {rate_tail}".strip()
            if rate_tail
            else (f"{before_text} {after_text}".strip() if after_text.lower().startswith("per ") else before_text)
        )
    else:
        measure = None
        series = after_text or rate_tail or span.text
    if rate_tail and noun:
        series = f"{series} {rate_tail}"
    comparator = None
    m = compare
    if m and m.start() > at:  # a comparison after the figure ("... than last year")
        comparator = sentence[m.start() : m.start() + 400].split(",")[0].strip(" .")[:200]
    words = {t.lower_ for t in after if t.is_alpha and t.lower_ not in _TRIM and len(t.text) > 2}
    return Found(
        value,
        unit,
        span.text if not approx else f"{doc[i - 1].text} {span.text}",
        " ".join(series.split()),
        measure,
        sentence,
        direction=direction,
        comparator=comparator,
        noun=noun,
        words=words,
        at=at,
    )


def _pair_from_to(doc: Doc, found: list[Found]) -> None:
    """'increased from 837 to 851' / 'decreasing from 3.94 average offences to 1.19 average
    offences per offender': the two figures of one change share the measure of the second."""
    for a, b in zip(found, found[1:]):
        if a.sentence is not b.sentence and a.sentence != b.sentence:
            continue
        # Searched between the two figures only (the verb and "from" just before the first): over
        # the whole sentence for every pair, a long sentence of figures was quadratic (issue 14).
        window = a.sentence[max(0, a.at - 80) : b.at + len(b.raw) + 1]
        m = re.search(rf"(?P<verb>\w+)\s+from\s+{re.escape(a.raw)}\b(?P<mid>.*?)\bto\s+{re.escape(b.raw)}", window)
        if not m:
            continue
        verb = m.group("verb")
        measure = b.measure if b.noun else (a.measure if a.noun else None)
        if measure is None and a.subject:
            measure = a.subject[0].upper() + a.subject[1:]
        base = measure or "value"
        a.role, b.role = "from", "to"
        a.series, b.series = f"{base} ({verb} from)", f"{base} ({verb} to)"
        a.measure = b.measure = measure


# --- from figures to indicators ----------------------------------------------------------------

VERSION = "1"


def sentence_near(f: Found, width: int = 2000) -> str:
    """The figure's sentence, or in a longer one the stretch of ``width`` characters around it:
    each figure of a 100 KB "sentence" carried all of it, an export quadratic in its length
    (issue 14)."""
    if len(f.sentence) <= width:
        return f.sentence
    start = max(0, min(f.at - width // 2, len(f.sentence) - width))
    return f.sentence[start : start + width]


def parse(section, ctx):
    """Every figure stated in a section's prose as a Figure record (papers that track no
    indicators: a commissioning paper's context statistics)."""

    carry = None
    for b in section.blocks:
        if b.kind == "heading":
            carry = None
        if b.kind not in ("paragraph", "list_item"):
            continue
        found, carry = find_figures(b.text, ctx.meta.date, carry)
        for f in found:
            yield figure_record(f, b, ctx)


def figure_record(f: Found, block, ctx, indicator: str | None = None) -> Figure:
    """A figure read from a block's prose as its record, with the stretch of sentence around it."""
    return Figure(
        value=f.value,
        unit=f.unit,
        raw=f.raw,
        measure=f.measure,
        period=f.period,
        comparator=f.comparator,
        direction=f.direction,
        indicator=indicator,
        sentence=sentence_near(f),
        provenance=ctx.provenance(block, "figures", VERSION, text=sentence_near(f)),
    )


# --- figures inside a measure ------------------------------------------------------------------

_LEVEL = r"(?:(?:at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|more\s+than|fewer\s+than|less\s+than|over|under|below|above)\s+)?"
_FIGURE = r"£?\d[\d,]*(?:\.\d+)?(?:\s*%)?"
_PERIOD_WORDS = (
    r"(?:(?:19|20)\d\d(?:\s*[/\-–]\s*\d\d)?|Q[1-4]\s+(?:19|20)?\d\d\s*/\s*\d\d|" + dates.MONTH_RE + r"\s+(?:19|20)\d\d)"
)
# "from 41% in 2019/20 to at least 50% by 2024", "from 120 (2018) to 150 by March 2021"
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<base>{_FIGURE})\s*(?:\(?\s*(?:in|during|at|for|as\s+at)?\s*(?P<bp>{_PERIOD_WORDS})\s*\)?\s*)?"
    rf"to\s+(?P<target>{_LEVEL}{_FIGURE}(?:\s+(?:by|in|during|for)\s+(?:the\s+end\s+of\s+)?{_PERIOD_WORDS})?)",
    re.I,
)


_SHARE = re.compile(r"\b\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,]*\b")


@dataclass
class MeasureFigures:
    """What the figures inside a measure's text say: the baseline (a value with its period), the
    target as written, and every figure read."""

    figures: list[Found]
    target: str | None = None
    baseline: Found | None = None


def measure_figures(text: str, report_date: str | None = None) -> MeasureFigures | None:
    """The figures of a measure ('Repeat referrals to MARAC down from 41% in 2019/20 to at most
    35% by 2024' -> baseline 41 (2019/20), target 'at most 35% by 2024'), or None when it states
    none. A measure that states a level without a baseline ('200 door staff trained') is its
    own target: the figures as written ('200')."""
    found, _ = find_figures(text, report_date)
    found = [f for f in found if f.unit != "position"]
    if not found:
        return None
    m = _FROM_TO.search(text)
    if m:
        base_raw = " ".join(m.group("base").split()).rstrip()
        baseline = next((f for f in found if f.raw.replace(" ", "") == base_raw.replace(" ", "")), None)
        if baseline is not None:
            period = m.group("bp")
            baseline.period = (
                (
                    dates.financial_year(period)
                    or dates.month_period(period)
                    or (period if period and re.fullmatch(r"(?:19|20)\d\d", period) else None)
                )
                if period
                else None
            )
            baseline.period_text = period
            baseline.series = "Baseline"
        return MeasureFigures(found, " ".join(m.group("target").split()), baseline)
    share = _SHARE.search(text)
    if share:  # "in 9 of 9 secondary schools": one level, a share of a whole
        return MeasureFigures(found, share.group(0))
    return MeasureFigures(found, "; ".join(f.raw for f in found))
