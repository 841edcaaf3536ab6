"""What a table column holds, from the words of its header: THE column-role vocabulary.

Every reader and parser that reads a table by its header asks this module: the plan-table
reader (activities, indicators, recommendations), the action-log reader, the minutes grid
(item | notes | action), the doc-type check (a paper of action tables is not a performance
report) and the readers' header-row check. A header word one of them knew and another did
not was the commonest miss on unseen papers; here each role's words are written once.

A role is tried in the order of :data:`ROLE_PATTERNS`: "Action by" is an owner, not an
action; "Priority activity" is an activity, not an outcome; "Meeting date" is when an action
was raised, not its deadline.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# (role, pattern) in order of precedence.
ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    (role, re.compile(rx, re.I))
    for role, rx in [
        ("number", r"^\s*(?:no\.?|ref\.?|#|number|item|rec(?:ommendation)?\s+no\.?)\s*$"),
        ("witnesses", r"\bwitness"),
        # "Lead Agency | Lead Officer" (CSP delivery plans, 2020-23): the agency is the officer's
        # organisation, not a second owner. A header that names a person too ("Lead Officer and
        # organisation") stays an owner column.
        (
            "organisation",
            r"^(?!.*\b(?:officers?|owners?|persons?|names?|who|responsib\w*)\b)"
            r".*\b(?:agency|agencies|organi[sz]ations?|partners?|department|directorate|services?\s+involved)\b",
        ),
        ("documents", r"\bdocuments?\b"),
        # "Lead", "Led by", "Delivered by", "Owned by", "Responsible", "Responsibility", "Who", "By whom",
        # "Action by", "Lead officer / agency".
        (
            "owner",
            r"\b(?:lead|leads|led\s+by|delivered\s+by|owned\s+by|officer|owner|owners|responsib\w*|action\s+by|"
            r"by\s+whom|who|accountable)\b",
        ),
        # "Timescale", "Time", "Timeframe", "Timing", "Timeline", "When", "By when", "Deadline", "Target date".
        (
            "due",
            r"\b(?:by\s+when|when|time|timescales?|time\s*frames?|timings?|timelines?|deadlines?|due|completion|"
            r"target\s+dates?|(?<!\bto\s)date)\b",
        ),  # not "Key achievements to date"
        # "Response (Accepted/Partially accepted)": an executive response to a recommendation.
        ("status", r"\b(?:status|rag|response)\b"),
        ("target", r"\btargets?\b"),
        # The level below which a measure is red: "Floor", "Tolerance", "Threshold", "Intervention level".
        ("floor", r"\b(?:floors?|tolerances?|thresholds?|intervention\s+levels?)\b"),
        ("baseline", r"\bbaseline\b"),
        ("progress", r"\b(?:progress|update|comments?|commentary)\b"),
        ("budget", r"\b(?:budget|policy\s+framework|financial)\b"),
        ("resources", r"\bresources?\b"),
        # Money columns of spending reports: "Funding allocated", "Allocation", "Spend", "Cost".
        ("money", r"\b(?:funding|allocat\w*|spend|spent|expenditure|costs?|amount)\b|£"),
        # The value column of a key/value box ("Metric | Data"): names nothing, so each row's label is its series.
        ("data", r"^\s*(?:data|value|values|figures?|details?|information)\s*:?\s*$"),
        # A figure to compare with, not the series itself: "Previous Year", "Last year", "Same period last
        # year", "England average", "Most similar group average", "Statistical neighbours", "Benchmark".
        (
            "comparator",
            r"\b(?:previous\s+(?:years?|quarters?|months?|periods?|\w+\s+months|figures?|values?)|previous$|"
            r"last\s+year|same\s+(?:period|quarter|month)\s+last|prior\s+year|"
            r"(?:national|england|regional|county|force|group|msg|family|peer)\s+(?:average|rate|figure)s?|"
            r"most\s+similar|statistical\s+neighbours?|benchmarks?|comparators?)\b",
        ),
        # The achieved figure beside a target: "Actual", "Outturn", "Achieved", "Total", "Latest", "YTD", "Score".
        (
            "actual",
            r"\b(?:actuals?|achieved|outturns?|totals?|latest|ytd|year\s+to\s+date|scores?|"
            r"current(?!\s+(?:good|practice|position|situation|provision|arrangements?))|this\s+(?:quarter|month))\b",
        ),
        # What a report says came of the work: "Evidence and impact", "Impact", "Achievements".
        ("evidence", r"\b(?:evidence|impact|achievements?)\b"),
        ("recommendation", r"\brecommendations?\b"),
        ("activity", r"\b(?:activity|activities|actions?|tasks?|milestones?|what|next\s+steps?)\b"),
        # "Measure(s)", "Measure of success", "Success criteria", "KPI", "Indicator", "Outcome measure",
        # "Objectively verifiable indicators", "Metric": a column naming what is measured.
        (
            "indicator",
            r"\b(?:indicators?|measures?|success\s+criteri(?:a|on)|kpis?|metrics?|performance\s+measures?)\b",
        ),
        ("aim", r"\b(?:aims?|objectives?)\b"),
        ("outcome", r"\b(?:outcomes?|priority|priorities|themes?|areas?)\b"),
    ]
]
# The roles whose column holds a record's own text, best first.
MAIN_ROLES = ("recommendation", "activity", "indicator", "aim")

# Columns of a minutes grid, matched on the whole header cell: the item number, the minute
# itself, and the column of owners' initials beside it.
GRID_ITEM = re.compile(r"^(?:item|no\.?|ref|minute(?: no\.?)?|agenda item)$", re.I)
GRID_NOTES = re.compile(
    r"^(?:notes?|discussion|minutes?|summary|notes? of discussion|item(?: and| /) discussion|"
    r"matters? discussed)$",
    re.I,
)
GRID_OWNER = re.compile(r"^(?:actions?(?: by)?|by whom|who|lead|owner)$", re.I)

# Columns of an action log (lower-cased header cells): the action, its owner, deadline,
# progress and reference.
LOG_ACTION = re.compile(r"^actions?\b|\baction(?:s)?(?: agreed| required| completed)?$|^agreed actions?")
LOG_OWNER = re.compile(r"owner|lead|responsib|^who|by whom|^officer|^person")
LOG_DUE = re.compile(r"deadline|due|by when|timescale|target date|^date$|^by$")
LOG_PROGRESS = re.compile(r"progress|update|comment|status")
# A status column of its own beside the update ("RAG", "Status" next to "Update"): the status cell.
LOG_STATUS = re.compile(r"^(?:rag(?: status| rating)?|status|rag/status)$")
LOG_ITEM = re.compile(
    r"meeting date|^meeting$|^meeting (?:held|of)|date (?:raised|set|of meeting)|^raised|action (?:no|number)|^ref|^no\.?$|^item|^minute"
)
# A header naming an owner or a deadline makes a table an action table (a plan or a log).
ACTION_HEADER = re.compile(r"\b(?:owner|lead|by when|deadline|due|action by|responsible)\b")
LOG_NEEDS = re.compile(r"owner|lead|responsib|who|by whom|deadline|due|by when|timescale|progress|status")

# Words that name columns in council tables: a first row made mostly of them is a header
# even when it carries digits ("Target 2019/20", "Current 12 months").
COLUMN_WORDS = re.compile(
    r"\b(?:baseline|target|actual|measure|indicator|lead|owner|action|due|deadline|timescale|status|"
    r"progress|ref|outcome|objective|priority|rag|trend|previous|current|change|total|year|quarter|"
    r"q[1-4]|ytd|date|by when|responsible|budget|cost|recommendation)s?\b",
    re.I,
)


@functools.lru_cache(maxsize=4096)  # a pure function of the text; a paper's header cells recur (560 of 3,049 distinct)
def cell_role(text: str) -> str | None:
    """The role a header cell names ('Lead Officer' -> 'owner'), or None."""
    text = " ".join(text.split())
    # A header is a few words; a long cell is text, not a label. Words in brackets qualify the
    # label ("YR1 Enter your 1st 6 month Total - (count to End Feb 2023)") and are not counted.
    if not text or len(re.sub(r"\([^)]*\)", " ", text).split()) > 8:
        return None
    for role, rx in ROLE_PATTERNS:
        if rx.search(text):
            return role
    return None


@dataclass(frozen=True)
class LogColumns:
    """Column indexes of an action log; ``action`` is always found, the others may be None."""

    action: int
    owner: int | None
    due: int | None
    progress: int | None
    item: int | None
    status: int | None = None


def action_log_columns(header: list[str]) -> LogColumns | None:
    """The columns of an action log, or None when the header is not one ('Action | Owner | Due')."""
    roles = [cell_role(h) for h in header]
    header = [h.lower() for h in header]

    def col(rx: re.Pattern, role: str | None = None) -> int | None:
        # The log's own words first ("Meeting date" is not the deadline beside "Deadline"), then the
        # column roles every table reader shares ("Led by", "Timeframe").
        found = next((k for k, h in enumerate(header) if rx.search(h)), None)
        if found is None and role:
            found = next((k for k, r in enumerate(roles) if r == role), None)
        return found

    action = col(LOG_ACTION)
    owner, due = col(LOG_OWNER, "owner"), col(LOG_DUE, "due")
    if action is None and owner is not None and due is not None:
        # "ITEM | | BY WHOM | BY WHEN" (school governors' logs): the task column is the one left unheaded.
        blank = [k for k, h in enumerate(header) if not h.strip()]
        action = blank[0] if len(blank) == 1 else None
    if action is None or not any(LOG_NEEDS.search(h) or r in ("owner", "due") for h, r in zip(header, roles)):
        return None
    progress = col(LOG_PROGRESS, "progress")
    status = next((k for k, h in enumerate(header) if LOG_STATUS.search(h.strip()) and k != progress), None)
    return LogColumns(action, owner, due, progress, col(LOG_ITEM), status)


def is_action_header(header: list[str]) -> bool:
    """A header naming an owner or a deadline: a table of actions (a plan or an action log)."""
    return bool(ACTION_HEADER.search(" ".join(header).lower()))
