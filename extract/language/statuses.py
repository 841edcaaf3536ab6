"""The words papers use for where an action stands, and the status each means: one table.

Statuses are ``open``, ``planned``, ``in progress``, ``done``, ``dropped`` (and ``overdue``,
which the link step infers from dates, never from words). A paper's own words come first: a
status column ("Complete", "On track", "Plan in place", "Carried forward", "Deferred") and the
update beside a matters-arising item ("Partially completed"). :func:`classify_status` reads
them; the link step (``extract/linking/followups.py``) decides which texts may be read.

Two conventions make the order of :data:`STATUS_RULES` matter:

- the negative or partial form before the word it contains: "not complete" and "partially
  completed" are in progress, not done; "no longer required" is dropped;
- a plan of work is not the work: "Plan in place" is in progress (a log's middle column
  between "On track" and "Complete"), while "procedures now in place" is done.

A word that says what is still to be done is no status: "to complete the review", "will be
completed by March" (:data:`FUTURE_BEFORE`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from boardpapers.schemas.records import OPEN_STATUSES

OPEN, PLANNED, IN_PROGRESS, DONE, DROPPED, OVERDUE = "open", "planned", "in progress", "done", "dropped", "overdue"
# Statuses that still want work ("planned" is a plan's activity nobody has reported on yet): the
# schema's list, which the database's queries read too.
STILL_OPEN = OPEN_STATUSES

STATUS_RULES: list[tuple[str, re.Pattern]] = [
    (
        OPEN,
        re.compile(r"\bnot\s+(?:yet\s+)?(?:started|begun|progressed|actioned)\b|\boutstanding\b|\bno progress\b", re.I),
    ),
    (
        IN_PROGRESS,
        re.compile(
            r"\bnot\s+(?:yet\s+)?(?:complete|completed|finished|done)\b|\bpartially(?:\s+(?:completed?|achieved|done|met))?\b|\bpart(?:ly)?[- ]complete(?:d)?\b|"
            r"\bplans?\s+(?:is\s+|are\s+|now\s+)?in\s+place\b|\bcarried\s+(?:forward|over)\b|\bc/f\b|"
            r"\brolled\s+(?:forward|over)\b|\bdeferred\b",
            re.I,
        ),
    ),
    (
        DROPPED,
        re.compile(
            r"\b(?:dropped|abandoned|withdrawn|cancelled|canceled|discontinued|superseded|"
            r"no longer (?:required|needed|possible|being pursued|pursued)|not (?:to )?be (?:pursued|progressed))\b",
            re.I,
        ),
    ),
    (
        DONE,
        re.compile(
            r"\b(?:complete|completed|done|closed|achieved|delivered|finished|discharged|released|"
            r"presented|signed off|resolved|actioned|(?:now|is|are|was|were|been put|been)\s+in place)\b",
            re.I,
        ),
    ),
    (
        IN_PROGRESS,
        re.compile(
            r"\b(?:ongoing|on-going|in progress|on track|underway|under way|progressing|continuing|"
            r"being (?:worked on|[a-z]+ed)|delayed|started|in hand)\b",
            re.I,
        ),
    ),
    (OPEN, re.compile(r"\b(?:open|pending)\b", re.I)),
]

# Words before a status word that make it a task still to do: "to complete", "will be completed".
FUTURE_BEFORE = re.compile(
    r"\b(?:to|will|shall|should|must|would|could|can|may|needs? to|expected to|due to)\s+(?:be\s+|have\s+been\s+)?$",
    re.I,
)

# Headings of the part of minutes that reports on earlier actions: each line under one is an
# update on an action of an earlier meeting ("Joint patrol plan (minute 3): ... Partially completed.").
PROGRESS_HEADING = re.compile(
    r"\b(?:matters? arising|actions? (?:arising )?from (?:the )?(?:last|previous|earlier) meetings?|"
    r"review of (?:the )?(?:previous |outstanding )?actions?|actions? (?:log|tracker|update)s?|"
    r"progress (?:on|against) actions?|outstanding actions?|action points? (?:from|update))\b",
    re.I,
)
# The earlier minute, item or page an update names: "(minute 3)", "(page 6)", "Min 45/22".
PROGRESS_REFERENCE = re.compile(
    r"\(?\b(?P<kind>minutes?|min\.?|item|page|action)\s+(?:no\.?\s*)?(?P<ref>\d{1,4}(?:[./]\d{1,4})*[a-z]?)\)?", re.I
)

# What a status cell says in one or two words, for reading a slip of the pen ("Compete",
# "Place in place") as the phrase it nearly is. Only short cells are compared.
CELL_PHRASES = {
    "complete": DONE,
    "completed": DONE,
    "closed": DONE,
    "done": DONE,
    "on track": IN_PROGRESS,
    "ongoing": IN_PROGRESS,
    "in progress": IN_PROGRESS,
    "plan in place": IN_PROGRESS,
    "carried forward": IN_PROGRESS,
    "deferred": IN_PROGRESS,
    "partially completed": IN_PROGRESS,
    "not started": OPEN,
    "outstanding": OPEN,
    # RAG and log words that only mean a status when they are the whole cell.
    "new": OPEN,
    "red": OPEN,
    "amber": IN_PROGRESS,
}
CELL_SIMILARITY = 85  # rapidfuzz ratio: 'Compete'/'complete' 93, 'Place in place'/'plan in place' 89


def _match(text: str) -> tuple[str, str] | None:
    for status, rx in STATUS_RULES:
        for m in rx.finditer(text):
            if FUTURE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            return status, m.group(0)
    return None


def classify_status(*texts: str | None, cell: bool = False) -> tuple[str | None, str | None]:
    """('Complete',) -> ('done', 'Complete'). The first text with a status word decides (a
    status column before the progress text); within a text the rules run in order, so
    'not complete' is in progress and 'no longer required' dropped. ``cell``: the texts are
    status cells, so a short one that is nearly a status phrase ('Compete') is read as it.
    Returns (None, None) when nothing says."""
    for text in texts:
        if not text:
            continue
        found = _match(text)
        if found:
            return found
        if cell and len(text.split()) <= 4:
            exact = CELL_PHRASES.get(" ".join(text.lower().split()).strip(" ."))
            if exact:
                return exact, text.strip()
            best = process.extractOne(" ".join(text.lower().split()), CELL_PHRASES.keys(), scorer=fuzz.ratio)
            if best and best[1] >= CELL_SIMILARITY:
                return CELL_PHRASES[best[0]], text.strip()
    return None, None
