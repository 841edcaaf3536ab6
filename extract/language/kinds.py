"""Kinds of paper and the words that name them: THE paper-kind vocabulary.

Two readers of it: the doc-type rule (:mod:`..parsers.metadata`), which reads a paper's
front lines, then the density of each kind's words in the text; and the section splitter
(:mod:`..parsers.sections`), which reads an agenda pack's item titles and the headings of the
papers it bundles.
"""
from __future__ import annotations

import re

# (doc type, pattern, within how many front lines it must appear), first match wins.
TITLE_KINDS: list[tuple[str, re.Pattern, int]] = [
    ("agenda_pack", re.compile(r"^\W*agenda\b|\bagenda (?:pack|supplement)|supplement(?:ary)? pack|\bsummons\b", re.I), 4),
    ("minutes", re.compile(r"\bminutes\b|\bnotes of (?:a|the) meeting\b|\baction log\b|\bmeeting notes\b", re.I), 6),
    ("performance_report", re.compile(r"\bperformance (?:report|update|monitoring|summary|scorecard|dashboard)\b|"
                                      r"\bquarterly report\b|\bmonitoring report\b", re.I), 14),
    ("scrutiny_report", re.compile(r"\b(?:review|inquiry) (?:into|of)\b|\bscrutiny (?:review|report)\b|"
                                   r"\btask and finish\b", re.I), 10),
    ("plan", re.compile(r"\b(?:plan|strategy|strategic assessment)\b", re.I), 4),
]

# Words whose density in the text says the kind when no title does.
KIND_WORDS: dict[str, re.Pattern] = {
    "minutes": re.compile(r"\b(?:present|apologies|resolved|agreed|action)\b", re.I),
    "plan": re.compile(r"\b(?:priority|priorities|delivery plan|lead officer|by when)\b", re.I),
    "performance_report": re.compile(r"\b(?:performance|target|quarter|cumulative)\b", re.I),
    "scrutiny_report": re.compile(r"\b(?:the panel|scrutiny|witness)", re.I),
}

# Kinds of paper inside an agenda pack, by the words of an agenda item or a paper's title.
# Order matters: the first that matches wins ("Minutes of the performance group" are minutes).
SECTION_KINDS: list[tuple[str, re.Pattern]] = [
    ("minutes", re.compile(r"\bminutes\b|\bnotes of (?:the |a )?(?:last |previous )?meeting\b|\baction (?:log|notes)\b", re.I)),
    ("terms_of_reference", re.compile(r"\bterms of reference\b", re.I)),
    ("commissioning", re.compile(r"\bcommissioning\b|\bfunding (?:proposals?|recommendations?)\b|\bgrants?\b", re.I)),
    ("performance_report", re.compile(r"\bperformance\b|\bscorecard\b|\bdashboard\b|\bmonitoring report\b", re.I)),
    ("plan", re.compile(r"\b(?:delivery|action|partnership) plan\b|\bstrategy\b", re.I)),
    ("scrutiny_report", re.compile(r"\bscrutiny\b|\breview of\b", re.I)),
]


def section_kind(text: str) -> str | None:
    """The kind of paper an agenda item's title or a heading names, or None."""
    for kind, rx in SECTION_KINDS:
        if rx.search(text):
            return kind
    return None
