"""An action followed to later papers of the same body, and its latest status.

A later record (an action, an action-log row, a decision, an agenda item) follows an action
when it comes from the same body, is dated after it, and its text is like the action's:
:func:`followup_score` (0-100, rapidfuzz's scale) blends rapidfuzz's token-set ratio on the headings with the share of
content words in common; a shared owner lowers the bar. The status is read from the later
record's status, progress and text by :func:`classify_status`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# --- follow-ups----------------------------------------------------------------------------

STOPWORDS = set(
    """a an the and or of to for in on at by with from as is was were be been being that this these those it its
their there which who will would should could can may might has have had not no into than then so such any all each
other also per via up out over under about after before during re item page pages meeting meetings report reported
minutes agreed noted action actions spp partnership board update updates next previous including""".split()
)


def content_words(text: str | None) -> set[str]:
    words = re.findall(r"[a-z0-9&]+", (text or "").lower().replace("’", "'"))
    return {w.rstrip("s") if len(w) > 4 else w for w in words if w not in STOPWORDS and len(w) > 1}


_PAGE_REF = re.compile(r"\s*\(page \d+\)\s*", re.I)


def heading_of(text: str) -> str:
    """The heading of a matters-arising action ('SPP Communication Strategy (page 6): Lisa Wills
    reported ...' -> 'SPP Communication Strategy'), else the text up to its first ':' when short,
    else the whole text."""
    head, sep, _ = text.partition(":")
    if _PAGE_REF.search(head):
        return _PAGE_REF.sub(" ", head).strip()
    if sep and len(head.split()) <= 8:
        return head.strip()
    return text.strip()


def _word_score(a: str, b: str) -> tuple[float, set[str]]:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0, set()
    shared = wa & wb
    overlap = len(shared) / min(len(wa), len(wb))
    ratio = fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb)))
    return round(0.5 * ratio + 50 * overlap, 1), shared


def followup_score(a: str, b: str) -> tuple[float, set[str]]:
    """0-100 (not the 0-1 of :func:`..language.similarity.similarity`, which pairs the same
    record written twice): half rapidfuzz token-set ratio, half the share of the shorter text's content
    words that the other has; the better of headings against headings ('SPP Pot – ISVA
    (page 5): ...' and 'SPP Pot – ISVA: look at ...') and the whole texts against each
    other ('Look at the BCU fund ...' and 'SPP Pot – ISVA: look at the BCU fund ...').
    Returns the score and the shared words."""
    return max(_word_score(heading_of(a), heading_of(b)), _word_score(a, b), key=lambda r: (r[0], len(r[1])))


# A follow-up needs this score, or FOLLOWUP_WITH_OWNER when an owner is shared; and two
# content words in common either way (one shared word, 'Place', matched the unrelated
# 'Total Place' and 'Place-based budgets').
FOLLOWUP_SCORE = 85
FOLLOWUP_WITH_OWNER = 65
MIN_SHARED_WORDS = 2

STATUS_RULES: list[tuple[str, re.Pattern]] = [
    ("open", re.compile(r"\bnot\s+(?:yet\s+)?(?:started|begun|progressed)\b|\boutstanding\b|\bno progress\b", re.I)),
    ("in progress", re.compile(r"\bnot\s+(?:yet\s+)?(?:complete|completed|finished|done)\b|\bpartially\b", re.I)),
    (
        "dropped",
        re.compile(
            r"\b(?:dropped|abandoned|withdrawn|cancelled|canceled|discontinued|superseded|"
            r"no longer (?:required|needed|possible|being pursued|pursued)|not (?:to )?be (?:pursued|progressed))\b",
            re.I,
        ),
    ),
    (
        "done",
        re.compile(
            r"\b(?:complete|completed|done|closed|achieved|delivered|finished|discharged|released|"
            r"presented|signed off|in place|resolved)\b",
            re.I,
        ),
    ),
    (
        "in progress",
        re.compile(
            r"\b(?:ongoing|on-going|in progress|on track|underway|under way|progressing|continuing|"
            r"being (?:worked on|developed|progressed|drafted)|deferred|delayed|started|in hand|amber)\b",
            re.I,
        ),
    ),
    ("open", re.compile(r"\b(?:open|pending|red)\b", re.I)),
]


def classify_status(*texts: str | None) -> tuple[str | None, str | None]:
    """('Complete',) -> ('done', 'Complete'). The first text with a status word decides (a
    status column before the progress text); within a text the rules run in order, so
    'not complete' is in progress and 'no longer required' dropped. Returns (None, None)
    when nothing says."""
    for text in texts:
        if not text:
            continue
        for status, rx in STATUS_RULES:
            m = rx.search(text)
            if m:
                return status, m.group(0)
    return None, None


def _start_of(date: str | None) -> str | None:
    """'2016' -> '2016-01-01', '2010-03' -> '2010-03-01': the earliest day a partial date may mean."""
    if not date:
        return None
    return date + ("-01-01" if len(date) == 4 else "-01" if len(date) == 7 else "")


def is_overdue(status: str | None, due_date: str | None, as_of: str | None) -> bool:
    """Not done or dropped, and the deadline passed before the paper that reports on it.
    A partial paper date counts from its first day: a 2016 plan does not make June 2016 late."""
    if status in ("done", "dropped") or not due_date or not as_of:
        return False
    return _start_of(as_of) > due_date


@dataclass
class Candidate:
    """A record that may follow an action (or the action itself, as the earlier side)."""

    table: str
    id: str
    document_id: str
    date: str | None
    body: str | None
    text: str
    owners: set[str] = field(default_factory=set)  # person ids (or owner texts where no person)
    status: str | None = None
    progress: str | None = None
    due_date: str | None = None
    page: int | None = None
    source_text: str | None = None


@dataclass(frozen=True)
class Followup:
    action_id: str
    later: Candidate
    score: float
    status: str | None
    stated: str | None
    evidence: str
    overdue: bool
    rule: str


def _body_key(body: str | None) -> str:
    return re.sub(r"\W+", " ", (body or "").lower()).strip()


_ON_AGENDA = re.compile(r"\bagenda\b", re.I)


def match_followups(actions: list[Candidate], later: list[Candidate]) -> list[Followup]:
    """For each action, its best match in each later paper of the same body."""
    by_body: dict[str, list[Candidate]] = {}
    for c in later:
        by_body.setdefault(_body_key(c.body), []).append(c)
    out = []
    for a in actions:
        if not a.date or not a.body:
            continue
        best: dict[str, tuple[float, Candidate, str]] = {}
        for c in by_body.get(_body_key(a.body), []):
            if c.id == a.id or not c.date or _start_of(c.date) <= (a.date if len(a.date) == 10 else _start_of(a.date)):
                continue
            if c.document_id == a.document_id:
                continue
            score, shared = followup_score(a.text, c.text)
            owner = bool(a.owners & c.owners)
            rule = "text + owner" if owner else "text"
            if c.table == "items":
                # An item title alone is too short to follow any action ('Total Place' is in many),
                # except one the action asked for: 'Total Place to be on the agenda for the next meeting'.
                if not _ON_AGENDA.search(a.text):
                    continue
                score, shared = _word_score(heading_of(c.text), re.split(r"\s+to be on the agenda", a.text)[0])
                rule = "agenda item"
                if score < FOLLOWUP_SCORE:
                    continue
            elif len(shared) < MIN_SHARED_WORDS or score < (FOLLOWUP_WITH_OWNER if owner else FOLLOWUP_SCORE):
                continue
            if owner:
                score = min(100.0, score + 10)
            if c.document_id not in best or score > best[c.document_id][0]:
                best[c.document_id] = (score, c, rule)
        for score, c, rule in best.values():
            if rule == "agenda item":
                status, stated = "done", f"on the agenda of {c.date}"
            else:
                status, stated = classify_status(c.status, c.progress, c.text)
            due = a.due_date or c.due_date
            overdue = is_overdue(status, due, c.date)
            evidence = " — ".join(x for x in (c.status, c.progress if c.progress != c.status else None) if x) or c.text
            out.append(
                Followup(
                    a.id,
                    c,
                    score,
                    "overdue" if overdue else status or "mentioned",
                    stated,
                    " ".join(evidence.split())[:500],
                    overdue,
                    rule,
                )
            )
    return out


@dataclass(frozen=True)
class ActionStatus:
    action_id: str
    status: str
    stated: str | None
    evidence: str
    evidence_table: str | None
    evidence_id: str | None
    evidence_document_id: str | None
    evidence_date: str | None
    as_of: str | None
    due_date: str | None
    followups: int


def action_status(action: Candidate, followups: list[Followup], as_of: str | None) -> ActionStatus:
    """The latest word on an action: its newest follow-up, else what its own paper says; then
    overdue when not done by its deadline and a later paper of the body exists (``as_of``)."""
    if followups:
        f = max(followups, key=lambda f: (f.later.date or "", f.score))
        due = action.due_date or f.later.due_date
        status = f.status if f.status != "mentioned" else "open"
        later_than = as_of if as_of and as_of > (f.later.date or "") else f.later.date
        if status in ("open", "in progress") and is_overdue(status, due, later_than):
            status = "overdue"
        return ActionStatus(
            action.id,
            status,
            f.stated,
            f.evidence,
            f.later.table,
            f.later.id,
            f.later.document_id,
            f.later.date,
            later_than,
            due,
            len(followups),
        )
    own, stated = classify_status(action.status, action.progress)
    status = own or "open"
    evidence = " — ".join(
        x for x in (action.status, action.progress if action.progress != action.status else None) if x
    )
    if not evidence:
        evidence = (
            "No later paper of the body mentions it"
            if as_of and as_of > (action.date or "")
            else "No later paper of the body yet"
        )
    if is_overdue(status, action.due_date, as_of if as_of and as_of > (action.date or "") else None):
        status = "overdue"
    return ActionStatus(action.id, status, stated, evidence[:500], None, None, None, None, as_of, action.due_date, 0)
