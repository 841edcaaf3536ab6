"""Cross-document matching: one person across papers, and an action followed to later papers.

Pure functions over plain values; :mod:`boardpapers.db.link` reads the records from the
database, calls these, and writes ``people``, ``person_mentions``, ``person_merges``,
``action_followups`` and ``action_status``.

**People.** A name is compared with another only after its titles are dropped
("Councillor Rob New" -> "Rob New"). Two names are one person when, in the same place,

- they are the same name (rule ``same name``);
- the surnames are equal and the first names are the same person's by a nickname rule
  (``nickname``: Rob/Robert/Bob, Dave/David, Jo/Joanne ... see :data:`NICKNAMES`);
- the first names agree (or are nicknames) and the surnames are spelt nearly alike
  (``spelling``: rapidfuzz ratio >= :data:`SURNAME_SIMILARITY`; the 2009 Portsmouth
  minutes list "Jo Cookes" and write "Jo Crookes" seven times);
- one first name is an initial of the other and only one person fits (``initial``).

Different surnames with the same first name are never merged ("David Williams",
"David Peacock"), nor different first names with one surname ("Matt Smith", "Dave
Smith"), nor the same name in two places (two councils' "Matt Smith"s). Every near miss
and every merge is returned as a :class:`NameMatch` for the ``person_merges`` table, so a
user can review it; a reviewed decision there overrides the rules on the next run.

**Follow-ups.** A later record (an action, an action-log row, a decision, an agenda item)
follows an action when it comes from the same body, is dated after it, and its text is
like the action's: :func:`similarity` blends rapidfuzz's token-set ratio on the headings
with the share of content words in common; a shared owner lowers the bar. The status is
read from the later record's status, progress and text by :func:`classify_status`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from boardpapers.extract.owners import TITLES as OWNER_TITLES
from boardpapers.extract.owners import is_post, person_name
from boardpapers.extract.people import NOT_NAME_WORDS, initials_of, is_person_name, split_title

# --- names -----------------------------------------------------------------------------------

# Groups of first names one person is written by. A name may sit in two groups (Chris).
NICKNAME_GROUPS = [
    "robert rob bob bobby robbie", "david dave davie", "joanne jo joanna jo-anne", "josephine jo",
    "samuel sam sammy", "samantha sam", "william will bill billy liam", "richard rich rick dick",
    "michael mike mick", "james jim jimmy jamie", "christopher chris", "christine chris", "christina chris",
    "nicholas nick nic nicky", "nicola nicky nic nikki", "stephen steven steve", "andrew andy drew",
    "anthony tony", "peter pete", "thomas tom tommy", "joseph joe", "daniel dan danny", "matthew matt",
    "elizabeth liz beth lizzie betty", "katherine kate kathy katie kath", "catherine kate cathy katie cath",
    "margaret maggie peggy meg", "edward ed ted eddie", "charles charlie chas", "alexander alex",
    "alexandra alex", "susan sue", "deborah debbie deb", "jennifer jenny jen", "patricia pat trish",
    "patrick pat", "timothy tim", "benjamin ben", "philip phil", "gregory greg", "kenneth ken",
    "ronald ron", "donald don", "jonathan jon", "john jon jack johnny", "rachael rachel",
    "clare claire clair", "frederick fred", "geoffrey geoff", "jeffrey jeff", "raymond ray",
    "gerald gerry", "terence terry", "lawrence laurence larry", "vincent vince", "leonard len",
    "rebecca becky", "victoria vicky", "abigail abby", "gillian gill jill", "pamela pam", "judith judy",
    "stuart stewart stu", "graham graeme", "alan allan allen", "mark marc", "philippa pippa",
]
NICKNAMES: dict[str, set[int]] = {}
for _i, _group in enumerate(NICKNAME_GROUPS):
    for _n in _group.split():
        NICKNAMES.setdefault(_n, set()).add(_i)

# Surnames at least this alike (rapidfuzz ratio, 0-100) are one spelling of one name when the
# first names agree: Crookes/Cookes 92, Crookes/Crooks 92; Peacock/Pocock 77 stays apart.
SURNAME_SIMILARITY = 85
# Below the bar but this alike: recorded as "kept apart" for review (a likely slip the rule missed).
SURNAME_REVIEW = 70

# Words people.py reads as not-a-name that are also English surnames.
SURNAME_WORDS = {"new", "young", "hall", "house", "street", "page", "day", "bill", "law", "head", "white", "black",
                 "green", "brown", "hill", "wood", "park", "west", "north", "south", "east", "may", "church",
                 "marsh", "read", "bishop", "court", "fields", "lord", "king", "parsons", "mann", "year"}
_EXTRA_TITLES = re.compile(r"^(?:(?:" + "|".join(sorted(OWNER_TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.I)


def clean_name(text: str | None) -> str | None:
    """A person's name with titles and ranks dropped, or None when the text is no person.

    'Councillor Rob New' -> 'Rob New'; 'Cllr. Lee Hunt' -> 'Lee Hunt'; 'Barry Dickinson ICS'
    -> 'Barry Dickinson'; 'Wellbeing Service Manager', 'Police & PCC', 'ALL' -> None.
    """
    if not text:
        return None
    flat = " ".join(text.split()).strip(" ,.;")
    _, rest = split_title(flat)
    rest = _EXTRA_TITLES.sub("", rest).strip()
    found = person_name(rest)
    if found:
        rest = found[0]
    if len(rest.split()) < 2:
        return None
    if not is_person_name(rest):
        # 'Rob New', 'Chris White', 'Jo May': surnames that are also words papers use
        # ('New Year', 'White Paper'), so the sentence-level check refuses them.
        first, *more = rest.split()
        if not (found and first.lower() not in NOT_NAME_WORDS
                and all(w.lower() not in NOT_NAME_WORDS or w.lower() in SURNAME_WORDS for w in more)):
            return None
    return rest


def _parts(name: str) -> tuple[str, str]:
    words = name.split()
    return words[0], " ".join(words[1:])


def _fold(s: str) -> str:
    return s.lower().replace("’", "'").replace(".", "")


def nicknames_agree(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    return a == b or bool(NICKNAMES.get(a, set()) & NICKNAMES.get(b, set()))


@dataclass(frozen=True)
class NameMatch:
    a: str
    b: str
    score: float  # 0-100
    rule: str
    evidence: str
    merge: bool


def compare_names(a: str, b: str) -> NameMatch | None:
    """Are two cleaned names one person? None when they are plainly different people."""
    fa, sa = _parts(a)
    fb, sb = _parts(b)
    surname_score = fuzz.ratio(_fold(sa), _fold(sb))
    whole = round(fuzz.ratio(_fold(a), _fold(b)), 1)
    if _fold(a) == _fold(b):
        return NameMatch(a, b, 100.0, "same name", f"'{a}' = '{b}'", True)
    same_first = _fold(fa) == _fold(fb)
    nick = not same_first and nicknames_agree(fa, fb)
    initial = len(fa.rstrip(".")) == 1 or len(fb.rstrip(".")) == 1
    if _fold(sa) == _fold(sb):
        if nick:
            return NameMatch(a, b, whole, "nickname", f"same surname '{sa}'; '{fa}' and '{fb}' are one first name", True)
        if initial and _fold(fa)[0] == _fold(fb)[0]:
            return NameMatch(a, b, whole, "initial", f"same surname '{sa}'; '{fa}' is the initial of '{fb}'"
                             if len(fa.rstrip(".")) == 1 else f"same surname '{sa}'; '{fb}' is the initial of '{fa}'", True)
        return NameMatch(a, b, whole, "different first names", f"same surname '{sa}' but '{fa}' is not '{fb}'", False)
    if same_first or nick:
        if surname_score >= SURNAME_SIMILARITY:
            how = "same first name" if same_first else f"'{fa}'/'{fb}' one first name"
            return NameMatch(a, b, round(surname_score, 1), "spelling",
                             f"{how}; surnames '{sa}' and '{sb}' {surname_score:.0f}% alike (>= {SURNAME_SIMILARITY})", True)
        if surname_score >= SURNAME_REVIEW:
            return NameMatch(a, b, round(surname_score, 1), "different surnames",
                             f"surnames '{sa}' and '{sb}' only {surname_score:.0f}% alike (< {SURNAME_SIMILARITY})", False)
    return None


@dataclass(frozen=True)
class NameNode:
    """A cleaned name as written in one place ('Jo Crookes', 'Portsmouth'), with how often."""

    name: str
    place: str | None
    count: int = 1


@dataclass
class Clusters:
    person_of: dict[tuple[str, str | None], str]  # (name, place) -> canonical name of the person
    matches: list[tuple[NameNode, NameNode, NameMatch]]


def cluster_names(nodes: Iterable[NameNode], overrides: dict[frozenset, str] | None = None) -> Clusters:
    """Group names into people. ``overrides``: frozenset({name_a, name_b}) -> 'merged' or 'kept apart'
    (a user's reviewed decision) wins over the rules.

    Names are only compared within a place (blocked by the surname's first letter, which a
    misspelling rarely changes); the same name in two places is recorded and kept apart.
    """
    overrides = overrides or {}
    nodes = sorted({(n.name, n.place): n for n in nodes}.values(), key=lambda n: (n.place or "", n.name))
    parent = {(n.name, n.place): (n.name, n.place) for n in nodes}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    matches: list[tuple[NameNode, NameNode, NameMatch]] = []
    blocks: dict[tuple, list[NameNode]] = {}
    for n in nodes:
        blocks.setdefault((n.place, _fold(_parts(n.name)[1])[:1]), []).append(n)
    initial_pairs: list[tuple[NameNode, NameNode, NameMatch]] = []
    for block in blocks.values():
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                m = compare_names(x.name, y.name)
                if m is None:
                    continue
                if m.rule == "initial":
                    initial_pairs.append((x, y, m))
                    continue
                matches.append((x, y, m))
    # An initial fits only when it fits one person: 'J Smith' beside 'John' and 'Jane Smith' stays apart.
    for x, y, m in initial_pairs:
        short = x if len(_parts(x.name)[0].rstrip(".")) == 1 else y
        others = {(q if p == short else p).name for p, q, _ in initial_pairs if short in (p, q)}
        if len({_fold(o) for o in others}) > 1:
            m = NameMatch(m.a, m.b, m.score, "initial (ambiguous)", m.evidence + f"; also fits {sorted(others)}", False)
        matches.append((x, y, m))
    by_name: dict[str, list[NameNode]] = {}
    for n in nodes:
        by_name.setdefault(_fold(n.name), []).append(n)
    for same in by_name.values():
        for i, x in enumerate(same):
            for y in same[i + 1:]:
                if x.place != y.place:
                    matches.append((x, y, NameMatch(x.name, y.name, 100.0, "same name, different places",
                                                    f"'{x.name}' in {x.place} and in {y.place}: two councils' papers", False)))
    final = []
    for x, y, m in matches:
        decision = overrides.get(frozenset((x.name, y.name)))
        if decision is not None and (decision == "merged") != m.merge:
            m = NameMatch(m.a, m.b, m.score, m.rule, m.evidence + f"; reviewed: {decision}", decision == "merged")
        if m.merge:
            parent[find((x.name, x.place))] = find((y.name, y.place))
        final.append((x, y, m))
    # A pair kept apart that other merges joined ('Jo Cookes' ~ 'Jo Crookes' ~ 'Jo Crooks') is one
    # person in the end: say so, and through whom, rather than show a decision the data contradicts.
    for k, (x, y, m) in enumerate(final):
        if not m.merge and find((x.name, x.place)) == find((y.name, y.place)):
            via = sorted({n.name for n in nodes if find((n.name, n.place)) == find((x.name, x.place))} - {x.name, y.name})
            final[k] = (x, y, NameMatch(m.a, m.b, m.score, m.rule, m.evidence + f"; merged through {', '.join(via)}", True))
    members: dict[tuple, list[NameNode]] = {}
    for n in nodes:
        members.setdefault(find((n.name, n.place)), []).append(n)
    person_of = {}
    for group in members.values():
        # The spelling written most often; then the fuller first name ('Robert' over 'Rob').
        best = max(group, key=lambda n: (n.count, len(n.name), n.name))
        for n in group:
            person_of[(n.name, n.place)] = best.name
    return Clusters(person_of, final)


def post_holder(post: str, people_roles: Iterable[tuple[str, str | None]]) -> tuple[str, str] | None:
    """The one person of a paper whose stated role is the post: ('Strategy and Partnerships Manager',
    [('Lisa Wills', 'Strategy and Partnership Manager, Regulatory Services ...')]) -> ('Lisa Wills', evidence).

    The role's first comma-separated part must spell the post (ratio >= 90: the scrutiny
    review writes both 'Partnership' and 'Partnerships'); two holders is no answer.
    """
    if not is_post(post):
        return None
    hits = {}
    for name, role in people_roles:
        if not role:
            continue
        head = role.split(",")[0].split("(")[0].strip()
        score = fuzz.ratio(_fold(post), _fold(head))
        if score >= 90:
            hits[name] = f"post '{post}' is the role of {name} ('{head}', {score:.0f}% alike) in the same paper"
    return next(iter(hits.items())) if len(hits) == 1 else None


def initials_holder(token: str, names: Iterable[str]) -> str | None:
    """'LW' -> 'Lisa Wills' when exactly one of the names abbreviates so."""
    key = re.sub(r"[^A-Za-z]", "", token).upper()
    if not 2 <= len(key) <= 4 or not token.replace("-", "").replace(".", "").isupper():
        return None
    hits = {n for n in names if key in initials_of(n)}
    return hits.pop() if len(hits) == 1 else None


# --- follow-ups -------------------------------------------------------------------------------

STOPWORDS = set("""a an the and or of to for in on at by with from as is was were be been being that this these those it its
their there which who will would should could can may might has have had not no into than then so such any all each
other also per via up out over under about after before during re item page pages meeting meetings report reported
minutes agreed noted action actions spp partnership board update updates next previous including""".split())


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


def _similarity(a: str, b: str) -> tuple[float, set[str]]:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0, set()
    shared = wa & wb
    overlap = len(shared) / min(len(wa), len(wb))
    ratio = fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb)))
    return round(0.5 * ratio + 50 * overlap, 1), shared


def similarity(a: str, b: str) -> tuple[float, set[str]]:
    """0-100: half rapidfuzz token-set ratio, half the share of the shorter text's content
    words that the other has; the better of headings against headings ('SPP Pot – ISVA
    (page 5): ...' and 'SPP Pot – ISVA: look at ...') and the whole texts against each
    other ('Look at the BCU fund ...' and 'SPP Pot – ISVA: look at the BCU fund ...').
    Returns the score and the shared words."""
    return max(_similarity(heading_of(a), heading_of(b)), _similarity(a, b), key=lambda r: (r[0], len(r[1])))


# A follow-up needs this score, or FOLLOWUP_WITH_OWNER when an owner is shared; and two
# content words in common either way (one shared word, 'Place', matched the unrelated
# 'Total Place' and 'Place-based budgets').
FOLLOWUP_SCORE = 85
FOLLOWUP_WITH_OWNER = 65
MIN_SHARED_WORDS = 2

STATUS_RULES: list[tuple[str, re.Pattern]] = [
    ("open", re.compile(r"\bnot\s+(?:yet\s+)?(?:started|begun|progressed)\b|\boutstanding\b|\bno progress\b", re.I)),
    ("in progress", re.compile(r"\bnot\s+(?:yet\s+)?(?:complete|completed|finished|done)\b|\bpartially\b", re.I)),
    ("dropped", re.compile(r"\b(?:dropped|abandoned|withdrawn|cancelled|canceled|discontinued|superseded|"
                           r"no longer (?:required|needed|possible|being pursued|pursued)|not (?:to )?be (?:pursued|progressed))\b", re.I)),
    ("done", re.compile(r"\b(?:complete|completed|done|closed|achieved|delivered|finished|discharged|released|"
                        r"presented|signed off|in place|resolved)\b", re.I)),
    ("in progress", re.compile(r"\b(?:ongoing|on-going|in progress|on track|underway|under way|progressing|continuing|"
                               r"being (?:worked on|developed|progressed|drafted)|deferred|delayed|started|in hand|amber)\b", re.I)),
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
            score, shared = similarity(a.text, c.text)
            owner = bool(a.owners & c.owners)
            rule = "text + owner" if owner else "text"
            if c.table == "items":
                # An item title alone is too short to follow any action ('Total Place' is in many),
                # except one the action asked for: 'Total Place to be on the agenda for the next meeting'.
                if not _ON_AGENDA.search(a.text):
                    continue
                score, shared = _similarity(heading_of(c.text), re.split(r"\s+to be on the agenda", a.text)[0])
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
            out.append(Followup(a.id, c, score, "overdue" if overdue else status or "mentioned", stated,
                                " ".join(evidence.split())[:500], overdue, rule))
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
        return ActionStatus(action.id, status, f.stated, f.evidence, f.later.table, f.later.id, f.later.document_id,
                            f.later.date, later_than, due, len(followups))
    own, stated = classify_status(action.status, action.progress)
    status = own or "open"
    evidence = " — ".join(x for x in (action.status, action.progress if action.progress != action.status else None) if x)
    if not evidence:
        evidence = "No later paper of the body mentions it" if as_of and as_of > (action.date or "") else "No later paper of the body yet"
    if is_overdue(status, action.due_date, as_of if as_of and as_of > (action.date or "") else None):
        status = "overdue"
    return ActionStatus(action.id, status, stated, evidence[:500], None, None, None, None, as_of, action.due_date, 0)
