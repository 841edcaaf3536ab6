"""Kinds of paper and the words that name them: THE paper-kind vocabulary.

Two readers of it: the doc-type rule (:mod:`..parsers.metadata`), which reads a paper's
front lines, then the density of each kind's words in the text; and the section splitter
(:mod:`..parsers.sections`), which reads an agenda pack's item titles and the headings of the
papers it bundles.
"""

from __future__ import annotations

import re

# (doc type, pattern, within how many front lines it must appear), first match wins. The "report"
# entry has no pattern: there a cover report's front sheet is looked for (REPORT_ADDRESSED and
# REPORT_ASKS below), before the words of its subject ("... Strategy 2021-24") can name a kind.
# A report of what a programme or a partnership did ("Sports Grant report 2017 - 2018", "1 year
# report on ...", "Annual Report 2019/20") is a performance report: its content is outcomes and figures.
TITLE_KINDS: list[tuple[str, re.Pattern | None, int]] = [
    (
        "agenda_pack",
        re.compile(
            r"^\W*agenda\b(?!\s+item\b)|\bagenda (?:pack|supplement)|supplement(?:ary)? pack|\bsummons\b|"
            # ("Agenda Item 6" stamped over one report is that report's place in the pack, not a pack);
            # a front sheet that gives notice of a meeting to come: "Notice of meeting", "Notice of the meeting of ..."
            r"^\W*notice of (?:the )?meeting\b",
            re.I,
        ),
        4,
    ),
    ("minutes", re.compile(r"\bminutes\b|\bnotes of (?:a|the) meeting\b|\baction log\b|\bmeeting notes\b", re.I), 6),
    # A pack stamped with its item number ("AGENDA ITEM 7") over the meeting's details, then the
    # AGENDA heading of the front sheet a few lines down.
    # ("Agenda:" over the items a governors' minutes discussed is a label of the minutes.)
    ("agenda_pack", re.compile(r"^[#*\s]*agenda[*\s]*$", re.I), 10),
    (
        "performance_report",
        re.compile(
            r"\bperformance (?:report|update|monitoring|summary|scorecard|dashboard)\b|"
            r"\bquarterly report\b|\bmonitoring report\b",
            re.I,
        ),
        14,
    ),
    (
        "scrutiny_report",
        re.compile(
            r"\b(?:review|inquiry) (?:into|of)\b|\bscrutiny (?:review|report)\b|"
            r"\btask and finish\b",
            re.I,
        ),
        10,
    ),
    ("report", None, 14),
    (
        "performance_report",
        re.compile(
            r"\b(?:annual|progress|impact|outcomes?|evaluation|end[- ]of[- ]year|year[- ]end|mid[- ]year|half[- ]year(?:ly)?|"
            r"(?:\d+|one|two|three|first|second|third|final)[- ]years?|grant|premium|funding|spending|delivery) report\b|"
            r"\breport (?:on|of) (?:progress|outcomes|performance|delivery|spending)\b",
            re.I,
        ),
        4,
    ),
    ("plan", re.compile(r"\b(?:plan|strategy|strategic assessment)\b", re.I), 4),
]

# A paper to a board or committee that asks it to decide or note something. Its front sheet says
# whom it is for ("Report to: Cabinet", "Purpose of report") and what it asks ("Recommendations",
# "The Board is asked to", "For decision"): a report needs both, or two different asks.
REPORT_ADDRESSED = re.compile(
    r"^\W*(?:report to|report of|report from|report by|report author|report title|title of report|"
    r"purpose of (?:the )?report|cover report|decision report)\b",
    re.I,
)
REPORT_ASKS = re.compile(
    r"^\W*(?:\d+\.?\s*)?(?:recommendations?|decisions? (?:required|sought|requested)|key decision|"
    r"for (?:decision|noting|information|approval|discussion)|action required)\b|"
    r"\b(?:is|are) (?:asked|recommended|requested|invited) to\b|\bit is recommended that\b",
    re.I,
)
# A report about performance stays a performance report ("Subject: Partnership performance 2019/20").
REPORT_ON_PERFORMANCE = re.compile(r"\bperformance\b|\bscorecard\b|\bdashboard\b|\bmonitoring\b", re.I)

# "## Agenda" over a list and then "## Minutes" on the same page: one web page of a meeting's
# notes, agenda first. Minutes, not an agenda pack.
MINUTES_HEADING = re.compile(
    r"^\W*(?:meeting |draft |confirmed )?(?:minutes|notes)(?: (?:of (?:the )?meeting|and actions))?\W*$", re.I
)

# Words whose density in the text (table cells included: some minutes are all grid) says the
# kind when no title does. Governance words of minutes: "Chaired by", "Clerked by", "Matters
# arising", "ACTIONS TO BE TAKEN".
KIND_WORDS: dict[str, re.Pattern] = {
    "minutes": re.compile(
        r"\b(?:present|apologies|resolved|agreed|actions?|attendance|chaired by|clerked by|"
        r"minuted by|matters arising|declarations? of interests?)\b",
        re.I,
    ),
    "plan": re.compile(r"\b(?:priority|priorities|delivery plan|lead officer|by when)\b", re.I),
    "performance_report": re.compile(r"\b(?:performance|target|quarter|cumulative)\b", re.I),
    "scrutiny_report": re.compile(r"\b(?:the panel|scrutiny|witness)", re.I),
}

# Kinds of paper inside an agenda pack, by the words of an agenda item or a paper's title.
# Order matters: the first that matches wins ("Minutes of the performance group" are minutes).
SECTION_KINDS: list[tuple[str, re.Pattern]] = [
    (
        "minutes",
        re.compile(r"\bminutes\b|\bnotes of (?:the |a )?(?:last |previous )?meeting\b|\baction (?:log|notes)\b", re.I),
    ),
    ("terms_of_reference", re.compile(r"\bterms of reference\b", re.I)),
    ("commissioning", re.compile(r"\bcommissioning\b|\bfunding (?:proposals?|recommendations?)\b|\bgrants?\b", re.I)),
    ("performance_report", re.compile(r"\bperformance\b|\bscorecard\b|\bdashboard\b|\bmonitoring report\b", re.I)),
    ("plan", re.compile(r"\b(?:delivery|action|partnership) plan\b|\bstrategy\b", re.I)),
    ("scrutiny_report", re.compile(r"\bscrutiny\b|\breview of\b", re.I)),
    # Any other paper tabled for the board to decide or note: a cover or decision report.
    ("report", re.compile(r"\breport\b", re.I)),
]


def section_kind(text: str) -> str | None:
    """The kind of paper an agenda item's title or a heading names, or None."""
    for kind, rx in SECTION_KINDS:
        if rx.search(text):
            return kind
    return None
