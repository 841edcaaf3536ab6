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
from datetime import date

from rapidfuzz import fuzz

from ..language.dates import NEXT_MEETING, parse_due_after
from ..language.statuses import (
    DONE,
    IN_PROGRESS,
    OPEN,
    OVERDUE,
    PLANNED,
    PROGRESS_REFERENCE,
    STILL_OPEN,
    classify_status,
)
from .chronology import PaperDate, date_range, order, row_meeting_date

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

# A log row of the meeting that set the action ('02/03/2011' beside the minutes of 2 March 2011)
# reports on it: the row restates the task in the log's words, so a lower bar than two minutes.
FOLLOWUP_LOG_ROW = 55

# An update that names the minute or page of the action ("Joint patrol plan (minute 3): ...")
# needs only to share a word and be somewhat alike: the reference does the rest.
FOLLOWUP_CITED = 45


def cites(reference: str | None, action: Candidate) -> bool:
    """Does an update's reference ('minute 3', 'page 6') name the action's minute or page?"""
    m = PROGRESS_REFERENCE.search(reference or "")
    if not m:
        return False
    ref = m.group("ref").rstrip(".").lower()
    if m.group("kind").lower() == "page":
        return action.page is not None and ref == str(action.page)
    item = (action.item or "").lower()
    return bool(item) and (item == ref or re.split(r"[.(]", item)[0] == ref)


# Papers that report on the actions of earlier meetings: an action missing from one that met
# after its deadline was not reported done there.
REPORTING_KINDS = ("minutes", "agenda_pack")

# How long after a deadline the body's next meeting may be and still be the one that should
# have reported the action: about a year of a quarterly board's meetings.
OVERDUE_WINDOW_DAYS = 400


def _days_between(a: str, b: str | None) -> int:
    if not b:
        return 10**6
    return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days


def is_overdue(status: str | None, due_date: str | None, as_of: str | None) -> bool:
    """Still open and the deadline passed before ``as_of``: a partial ``as_of`` ('2016')
    counts from its first day, so a 2016 plan does not make June 2016 late."""
    if status not in STILL_OPEN or status == OVERDUE or not due_date or not as_of:
        return False
    return date_range(as_of)[0] > due_date


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
    kind: str | None = None  # minutes_action, plan_activity, recommendation (actions only)
    item: str | None = None  # the row's reference: an action log's meeting date
    due: str | None = None  # the deadline as written
    paper: PaperDate | None = None  # the paper's date range; from ``date`` when not given
    doc_type: str | None = None

    @property
    def paper_date(self) -> PaperDate:
        if self.paper is not None:
            return self.paper
        lo, hi = date_range(self.date)
        return PaperDate(lo, hi, f"dated {self.date}" if self.date else "no date")

    @property
    def set_on(self) -> tuple[str | None, str | None]:
        """When the action was set: the meeting its log row names, else its meeting, else its paper's range."""
        row = row_meeting_date(self.item)
        if row:
            return row, row
        if self.date and len(self.date) == 10:
            return self.date, self.date
        p = self.paper_date
        return p.earliest, p.latest


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


def later_status(c: Candidate) -> tuple[str | None, str | None]:
    """What a later record says of the work: its status cell, then its progress text, then (for
    minutes and decisions, never a plan's activity or measure) its own words."""
    if c.kind == "plan_activity":
        # A plan's measure or target ('All classrooms ... in place') says what success looks like, not where the work is.
        return classify_status(c.status, cell=True)
    found = classify_status(c.status, cell=True)
    if found[0]:
        return found
    return classify_status(c.progress, c.text) if c.kind != "recommendation" else classify_status(c.progress)


def match_followups(
    actions: list[Candidate], later: list[Candidate], unknown: dict[str, list[Candidate]] | None = None
) -> list[Followup]:
    """For each action, its best match in each later paper of the same body. Papers whose order
    against the action is unknown (overlapping date ranges) are not matched; when ``unknown`` is
    given, the candidates they would have offered are listed there by action id."""
    by_body: dict[str, list[Candidate]] = {}
    for c in later:
        by_body.setdefault(_body_key(c.body), []).append(c)
    out = []
    for a in actions:
        set_on = a.set_on
        if not set_on[0] or not a.body:
            continue
        a_row_meeting = set_on[0] if set_on[0] == set_on[1] else None
        best: dict[str, tuple[float, Candidate, str]] = {}
        for c in by_body.get(_body_key(a.body), []):
            if c.id == a.id or c.document_id == a.document_id:
                continue
            after = order(c.paper_date, set_on)
            if after is False:
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
            elif (
                c.table == "actions"
                and a_row_meeting
                and row_meeting_date(c.item) == a_row_meeting
                and len(shared) >= MIN_SHARED_WORDS
                and score >= FOLLOWUP_LOG_ROW
            ):
                rule = f"log row of the meeting of {a_row_meeting}"
            elif c.table == "progress" and cites(c.item, a) and shared and score >= FOLLOWUP_CITED:
                rule = f"matters arising on {c.item}"
            elif len(shared) < MIN_SHARED_WORDS or score < (FOLLOWUP_WITH_OWNER if owner else FOLLOWUP_SCORE):
                continue
            if after is None:
                if unknown is not None:
                    unknown.setdefault(a.id, []).append(c)
                continue
            if owner:
                score = min(100.0, score + 10)
            if c.document_id not in best or score > best[c.document_id][0]:
                best[c.document_id] = (score, c, rule)
        for score, c, rule in best.values():
            if rule == "agenda item":
                status, stated = DONE, f"on the agenda of {c.date}"
            else:
                status, stated = later_status(c)
            # A later row's own deadline first: a log re-sets deadlines.
            due = resolve_due(c, []) if c.table == "actions" and (c.due or c.due_date) else resolve_due(a, [c])
            overdue = is_overdue(status, due, c.paper_date.earliest)
            evidence = " — ".join(x for x in (c.status, c.progress if c.progress != c.status else None) if x) or c.text
            out.append(
                Followup(
                    a.id,
                    c,
                    score,
                    OVERDUE if overdue else status or "mentioned",
                    stated,
                    " ".join(evidence.split())[:500],
                    overdue,
                    rule,
                )
            )
    return out


def resolve_due(action: Candidate, later_papers: list[Candidate]) -> str | None:
    """The action's deadline as a date: its own where the parser found one; a month without a
    year after the meeting that set it ('June' in a log row of 19/05/2011); 'next meeting' as the
    date of the body's next paper of a meeting (``later_papers``, any records of later papers)."""
    if action.due_date:
        return action.due_date
    set_on = action.set_on
    if not action.due or not set_on[0] or set_on[0] != set_on[1]:
        return None
    if NEXT_MEETING.search(action.due):
        meetings = sorted(
            c.paper_date.earliest
            for c in later_papers
            if c.doc_type in REPORTING_KINDS and c.paper_date.exact and order(c.paper_date, set_on)
        )
        return meetings[0] if meetings else None
    return parse_due_after(action.due, set_on[0]).date


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


def own_status(action: Candidate) -> tuple[str, str | None, str]:
    """What the action's own paper says: its status cell, then (not for a plan) its progress
    text; a plan's activity nobody has reported on is planned, anything else open."""
    if action.kind == "plan_activity":
        found = classify_status(action.status, cell=True)
        evidence = action.status or ""
    else:
        found = classify_status(action.status, cell=True)
        if not found[0]:
            found = classify_status(action.progress)
        evidence = " — ".join(
            x for x in (action.status, action.progress if action.progress != action.status else None) if x
        )
    default = PLANNED if action.kind == "plan_activity" else OPEN
    return found[0] or default, found[1], evidence


def action_status(
    action: Candidate,
    followups: list[Followup],
    reporting: list[Candidate] | None = None,
    order_unknown: list[Candidate] | None = None,
) -> ActionStatus:
    """The latest word on an action: its newest follow-up with a status, else its newest
    mention, else what its own paper says. Then overdue, only with the reason: the deadline
    had passed before a later paper of the body that reports on actions (``reporting``: one
    record per later minutes or agenda of the body) and that paper does not say it is done."""
    reporting = reporting or []
    later_meetings = sorted(
        (c for c in reporting if order(c.paper_date, action.set_on)), key=lambda c: c.paper_date.earliest or ""
    )
    stated_ones = [f for f in followups if f.status not in ("mentioned",)]
    pick = max(stated_ones or followups, key=lambda f: (f.later.paper_date.earliest or "", f.score), default=None)
    own = own_status(action)
    if pick is not None and own[1] and (action.paper_date.earliest or "") >= (pick.later.paper_date.earliest or ""):
        # A log row's own status is newer than the minutes between the meeting that set it and the log.
        pick = None
    # The deadline: a later log row's own where it states one (a log re-sets deadlines: 'Ongoing'
    # beside an action the minutes wanted by April), else the action's.
    due = resolve_due(action, reporting)
    if pick is not None and pick.later.table == "actions" and (pick.later.due or pick.later.due_date):
        due = resolve_due(pick.later, reporting)
    if pick is not None:
        status = pick.status if pick.status != "mentioned" else own_status(action)[0]
        if status == OVERDUE:
            status = IN_PROGRESS if pick.stated else OPEN
        stated, evidence = pick.stated, pick.evidence
        ev = (pick.later.table, pick.later.id, pick.later.document_id, pick.later.date)
        as_of = pick.later.paper_date.earliest
    else:
        status, stated, evidence = own
        ev = (None, None, None, None)
        as_of = action.set_on[1]
        if not evidence:
            if later_meetings:
                evidence = f"Not reported in the body's later papers ({later_meetings[0].date} on)"
            elif order_unknown:
                evidence = (
                    f"A paper of the body dated {order_unknown[0].date} mentions it, but which came first is "
                    "unknown: not linked"
                )
            else:
                evidence = "No later paper of the body yet"
    if status in STILL_OPEN and due:
        # The body's first meeting after the deadline should have reported it done. Only a
        # meeting within OVERDUE_WINDOW_DAYS of the deadline counts: a paper years on with the
        # meetings between missing from the database is no evidence either way.
        late = [c for c in later_meetings if (c.paper_date.earliest or "") >= due]  # a meeting on the day counts
        if late and _days_between(due, late[0].paper_date.earliest) <= OVERDUE_WINDOW_DAYS:
            said = (
                f"on {pick.later.date} it was still '{evidence[:200]}'"
                if pick is not None and pick.status != "mentioned" and (pick.later.paper_date.earliest or "") >= due
                else "it does not report it done"
            )
            status = OVERDUE
            evidence = f"Due {due}; the {late[0].doc_type or 'paper'} of {late[0].date} should have reported it: {said}"
            as_of = max(as_of or "", late[0].paper_date.earliest or "")
    return ActionStatus(action.id, status, stated, evidence[:500], *ev, as_of, due, len(followups))
