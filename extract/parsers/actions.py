"""Tasks given to someone in minutes, and who they were given to.

Rules, strongest first; a block one rule has read is not read again by a weaker one:

1. action-log tables (Action | Owner | Deadline | Progress; with no owner column the owner
   is the action's subject: "Cabinet Office Transparency Team to work with ...");
2. labelled actions ("Action: WM to circulate ...", "Action 3: ...", then "Due: ...");
3. owners written beside the text: margin initials or groups ("DP", "RD/ JF", "Theme /
   Champs", "ALL"), initials or a name opening a line ("LW It was reported ...",
   "Paul Moorman **Violent Crime (page 2)**" over a matters-arising update);
4. decisions that name their owner ("... - Lisa Wills to co-ordinate", "(David Williams)");
5. prose found by the spaCy task matcher ("David Peacock to look at ...", "Jo Crooks
   undertook to ...", "Sally was asked to ...", "the Clerk is to ...", "It was agreed that the
   Clerk write ...": people, posts and groups as owners), and first-person tasks in an
   officer's report ("I will report back in December" under "Clerk's Report").

Action logs include logs with no header under an Actions caption or a "<Topic> – Lead AB/CD"
heading, read by what their columns hold. Owners are kept as written for posts and groups
(linking names who holds a post).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language

from boardpapers.schemas.document import Block

from ..language.columns import action_log_columns
from ..language.dates import MONTH_TITLE_RE
from ..language.nlp_components import owner_label, owner_of, owners_of
from ..language.owners import is_post, without_preamble
from ..language.people import People, is_person_name
from ..language.tasks import delegated_task, resolve_body
from ..readers.blocks import is_initials
from .decisions import Found, View, decision_label, is_heading, split_sentences

_MONTH = MONTH_TITLE_RE
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH}(?=\s*[.;,)]|\s*$))"
_MEETING = (
    r"(?:next|following)\s+(?:[A-Z][\w’']*\s+){0,3}meeting(?:\s+of\s+the\s+(?:[A-Z][\w&’'-]*\s?){1,6})?"
    rf"(?:\s+in\s+{_MONTH})?(?:\s*\([^)]*\d[^)]*\))?"
)
_DUES = [
    re.compile(r"^\s*due(?:\s+date)?\s*[:\-–]\s*(?P<d>.+?)\s*\.?\s*$", re.I),
    re.compile(rf"\bdeadline\s+(?:of|is|:)\s*(?P<d>{_DATE})", re.I),
    re.compile(
        rf"\b(?:by|before|no later than|not later than)\s+(?:the\s+)?(?P<d>{_DATE}|end of (?:the )?(?:month|week|year|quarter|{_MONTH}(?:\s+\d{{4}})?))"
    ),
    re.compile(rf"\b(?:to|at|for|before|by|until)\s+the\s+(?P<d>{_MEETING})"),
    re.compile(rf"\bat\s+the\s+(?P<d>meeting\s+(?:in|on)\s+(?:{_DATE}|{_MONTH}))"),
    # "a joint briefing on cuckooing for the May meeting"
    re.compile(rf"\b(?:to|at|for|before|by)\s+the\s+(?P<d>{_MONTH}\s+(?:[A-Z][\w’']*\s+){{0,2}}meeting)\b"),
    re.compile(r"\b(?P<d>asap|as soon as possible)\b", re.I),
    # "an article in the December issue of the village magazine", "report back in December"
    re.compile(rf"\bin\s+the\s+(?P<d>{_MONTH}\s+(?:issue|edition|newsletter|magazine|meeting))\b"),
    re.compile(
        rf"^(?:(?!\b(?:until|when|once|after|since|during|last|held|from)\b)[^,;])*?\bin\s+(?P<d>{_MONTH}(?:\s+\d{{4}})?)\b(?!\s+(?:issue|edition|\d{{1,2}}\b))"
    ),
]
# "Action 3:", "ACTION:", and numbered action points "AP1 – SR to share ..." (Welsh partnership notes).
_LABELLED = re.compile(
    r"^(?:action(?:\s*(?:point|no\.?)?\s*\d+[a-z]?)?(?:\s+(?:by|owner))?|actions?|AP\s*\d+[a-z]?)\s*[:\-–—]\s*(?P<rest>\S.*)$",
    re.I,
)
# An owner set before or after the task with a dash: "JB – circulate the plan", "Circulate the plan – JB".
_DASHED_OWNER = re.compile(
    r"^(?P<o>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+[–—-]\s+(?P<t>\S.*)$|^(?P<t2>\S.*?)\s+[–—-]\s+(?P<o2>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s*\.?$"
)
# An owner named before a colon or a dash, the task after it in lower case: "PCSO Dunn: arrange ...",
# "Cllr Aziz – raise ...", "Town Clerk - write to ...".
_OWNER_FIRST = re.compile(r"^(?P<o>[A-Z][^:;,–—]{1,48}?)\s*(?::|\s[–—-])\s+(?P<t>[a-z]\S*\s+\S.*)$")
# A deadline set after a dash at the end: "... with partners – 31/10/18", "... – end of October".
_TRAILING_DUE = re.compile(
    rf"\s+[-–—]\s+(?P<d>{_DATE}|end of (?:the )?(?:month|week|year|quarter|{_MONTH}(?:\s+\d{{4}})?)|"
    rf"(?:the\s+)?(?:next|following)\s+meeting|asap|ongoing|immediate(?:ly)?)\s*\.?\s*$",
    re.I,
)
_ACTIONS_HEADING = re.compile(
    r"^(?:agreed\s+|new\s+)?actions?(?:\s+agreed|\s+arising|\s+to\s+be\s+taken|\s+required|\s+points?|"
    r"\s+from\s+(?:this|the)\s+meeting)?\s*:?\s*$",
    re.I,
)
# A tag after an action in a list or log: "[new for Gary Cooper]", "[closed]", "(open)", "[complete - JS]".
_STATUS_WORDS = (
    r"new|open|ongoing|closed|complete|completed|done|carried forward|in progress|on track|overdue|superseded"
)
_TAG = re.compile(
    rf"\s*[\[(](?:(?P<status>{_STATUS_WORDS})\b\s*[-–:,]?\s*)?(?:(?:for|owner:?|lead:?|with)\s+(?P<owner>[^\])]+?))?\s*[\])]\s*\.?\s*$",
    re.I,
)
_CLOSED = re.compile(r"^(?:closed|complete|completed|done|superseded)$", re.I)
# "(Action: JS)" after the sentence it belongs to; "Action: JS" alone under the text it closes.
_INLINE_ACTION = re.compile(r"\(\s*actions?\s*[:\-–]\s*(?P<o>[^)]{1,60}?)\s*\)\s*\.?", re.I)
_OWNER_ONLY = re.compile(
    r"^(?P<o>(?:[A-Z]{2,4}(?:-[A-Z])?|ALL|All|all(?:\s+members)?|(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
    r"(?:\s*(?:/|,|&|and)\s*(?:[A-Z]{2,4}(?:-[A-Z])?|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}))*)\s*\.?$"
)
_GROUP_NOUNS = re.compile(
    r"\b(?:team|members|champions|officers|officials|group|board|panel|partners|office|department|"
    r"council|service|services|unit|executive|secretariat|partnership|committee|house|all)$",
    re.I,
)
# "X to <verb>" at the start of a clause; X is a name, initials or a short noun phrase.
_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:])\s+|,\s+|\s+(?:and|then)\s+|\s+[-–—]\s+)"
    r"(?P<s>(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:\s*/\s*[A-Z][\w’'&.-]*|\s+(?:and\s+|of\s+|for\s+|from\s+|with\s+|the\s+|&\s+)?[A-Za-z][\w’'&.-]*){0,7}?"
    # "Ian Patchett (SSO) to train ...": the owner's initials or post in brackets after the name.
    r"(?:\s+\([A-Z][\w’'&.-]{0,20}(?:\s[\w’'&.-]{1,20}){0,3}\))?)"
    r"\s+(?P<v>to|will)\s+(?=(?!be\b|the\b|a\b|an\b|this\b|that\b|date\b)[a-z]|be\s+\w+ly\b)"
)
_ASKED_FOR = re.compile(
    r"\b(?:asked|requested)\s+(?:for\s+)?(?P<s>(?:those|all|each|every|partners|members|officers|colleagues)[\w ]{0,30}?)\s+to\s+(?!be\b)[a-z]"
)
_GROUP_TO = re.compile(
    r"\b(?P<s>partners|members|all partners|everyone|all agencies|agencies|officers)\s+to\s+(?!be\b)(?P<v>[a-z]+)", re.I
)
_TRAILING_OWNER = re.compile(r"\((?P<s>(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+|[A-Z]{2,4}(?:-[A-Z])?)\)\s*\.?\s*$")
_TRAILING_POST = re.compile(r"\((?:the\s+)?(?P<s>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|of|and)){0,4})\)\s*\.?\s*$")
_STATEMENT = re.compile(
    r"^(?:[A-Z][\w’'-]+\s+){1,3}(?:reported|said|stated|added|explained|believed|noted|confirmed|outlined|presented|"
    r"suggested|expressed|highlighted|commented|asked|informed|reiterated|introduced|updated)\b"
)


@dataclass
class Task:
    text: str
    owners: list[str]
    owner_as_written: str | None
    block: int
    item: str | None
    due: str | None = None
    progress: str | None = None
    status: str | None = None
    flags: list[str] = field(default_factory=list)
    rule: str = ""
    covers: list[int] = field(default_factory=list)  # further blocks the task was read from


def find_due(text: str) -> str | None:
    """The deadline as written: 'by 28 February 2014', 'at the next meeting (14 January 2010)'."""
    best = None
    for rx in _DUES:
        for m in rx.finditer(text):
            if best is None or m.start("d") < best[0]:
                best = (m.start("d"), m.group("d"))
            break
    return " ".join(best[1].split()).rstrip(" .") if best else None


_STOP = frozenset(
    """the and for with that this from have been were was will would could should which what their
there they them than then into onto also about after before other some such each more most very only just further""".split()
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _restates(a: str, b: str) -> bool:
    """Do two task texts say the same: most content words of the shorter are in the longer?"""
    wa, wb = _words(a), _words(b)
    short, other = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short) >= 2 and len(short & other) >= 0.6 * len(short)


def _due_from_item(view: View, task: Task, decisions: list[Found], taken: set[str]) -> str | None:
    """A deadline the item's discussion gives the task: 'asap' in the sentence agreeing it.

    Taken from a sentence before the task, in the same item, that shares content words
    with it: three where the sentence is an agreed decision ('It was agreed that ... the
    proposal and any opinion on licensing asap' -> 'circulate further information on the
    proposal and the licensing ...'), four in plain discussion (with three, the CJ panel's
    'information by the end of the month', Sean Palmer's own deadline, reached the note
    Kieron O'Hara co-ordinates). Another task's bullet, or a deadline another
    task of the item already states, is not a source.
    """
    mine = _words(task.text)
    tasks_blocks = {k for d in decisions if d.labelled for k in d.blocks}
    agreed = {d.text for d in decisions if not d.labelled}
    for k in range(task.block - 1, -1, -1):
        b = view.blocks[k]
        if view.item[k] != task.item or is_heading(b):
            break
        if (
            b.kind not in ("paragraph", "list_item")
            or k in view.margin_blocks
            or _LABELLED.match(b.text)
            or k in tasks_blocks
        ):
            continue
        for sentence in reversed(re.split(r"(?<=[.!?])\s+", b.text)):
            due = find_due(sentence)
            need = 3 if any(sentence in a or a in sentence for a in agreed) else 4
            if due and due not in taken and len(mine & _words(sentence)) >= need:
                return due
    return None


# --- owners ---------------------------------------------------------------------------------------


def split_owner_text(written: str) -> list[str]:
    """'Panel members/ KO' -> ['Panel members', 'KO']; 'Transparency Board and MCO' -> two;
    'Police and Crime Commissioner' stays one (an 'and' splits only beside initials or names)."""
    written = re.sub(r"\s+with\s+.*$", "", written.strip())  # "Team with Board input": the team acts
    parts = [p.strip() for p in re.split(r"\s*(?:;|/|&|\n|,)\s*", written) if p.strip()]
    out: list[str] = []
    for p in parts:
        halves = re.split(r"\s+and\s+", p)
        if (
            len(halves) > 1
            and all(_initials_like(h) or is_person_name(h) or _GROUP_NOUNS.search(h) for h in halves)
            and any(_initials_like(h) or is_person_name(h) for h in halves)
        ):
            out.extend(halves)
        else:
            out.append(p)
    return out


def looks_like_initials(text: str) -> bool:
    return _initials_like(text)


def _initials_like(text: str) -> bool:
    t = text.strip()
    return (
        bool(re.fullmatch(r"[A-Z][A-Za-z]{0,4}(?:-[A-Z])?", t)) and sum(c.isupper() for c in t) >= 2 or is_initials(t)
    )


def resolve_owner(written: str, people: People, context: str = "") -> tuple[list[str], list[str]]:
    """Owner text as written -> names the paper means, and flags for what could not be resolved."""
    owners, flags = [], []
    for part in split_owner_text(written):
        part = without_preamble(re.sub(r"^the\s+", "", part, flags=re.I).strip(" ."))
        bracketed = re.fullmatch(r"(?P<name>[^()]+?)\s*\([^()]{1,30}\)", part)
        if bracketed and is_person_name(bracketed.group("name")):
            part = bracketed.group("name")  # "Ian Patchett (SSO)": the bracket gives their initials or post
        if not part:
            continue
        if part.upper() == "ALL":
            owners.append("ALL")
        elif _initials_like(part):
            name = people.resolve_initials(part, context)
            if name:
                owners.append(name)
            else:
                owners.append(part)
                flags.append("unresolved_initials")
        elif is_person_name(part):
            owners.append(people.match_written(part) or people.canonical(part))
        else:
            owners.append(people.match_written(part) or people.resolve_group(part) or part)
    return list(dict.fromkeys(owners)), sorted(set(flags))


def _drop_owner(text: str, owner_texts: list[str]) -> str:
    """'David Peacock to look at the BCU fund ...' -> 'Look at the BCU fund ...' (the gold's form)."""
    for o in owner_texts:
        # "Mia Clarke (Treasurer) to ...": a bracket after the owner is theirs.
        m = re.match(rf"^(?:the\s+)?{re.escape(o)}(?:\s*\([^()]{{1,40}}\))?\s+to\s+(?P<rest>\S.*)$", text.strip(), re.I)
        if m:
            rest = m.group("rest").rstrip(" .")
            return rest[:1].upper() + rest[1:]
    return text.strip()


_NOT_IN_SUBJECT = re.compile(
    r"\b(?:that|agreed|said|noted|asked|was|were|is|are|has|have|had|would|could|should|"
    r"reported|suggested|explained|confirmed|it|which|who)\b",
    re.I,
)


def subjects(text: str) -> list[tuple[str, int]]:
    """Who a task is given to: the subject before 'to <verb>' / 'will <verb>', as [(subject, start)].

    The first is the one opening the text, or opening the clause after a lead-in
    ('Upon receipt of note from Panel, SP to provide ...'). Further subjects start a new
    sentence or an 'and' clause and are names or initials ('SP to contact ODI ... and HMCTS
    to come back'); 'meet the Transparency Board, DfT and ATOC to build on ...' has one owner.
    """
    out: list[tuple[str, int]] = []
    for m in _SUBJECT.finditer(text):
        s, start = m.group("s").strip(), m.start("s")
        # "Subject to approval, ...": a preposition; "Subject leader to ..." is a post.
        if (
            s.split()[0].lower() in ("it", "this", "there", "he", "she", "they", "we", "page", "item")
            or s.lower() == "subject"
            or _NOT_IN_SUBJECT.search(s)
        ):
            continue
        lead = text[:start]
        if not out:
            if start == 0 or (lead.rstrip().endswith(",") and not re.search(r"\bto\s+[a-z]", lead)):
                out.append((s, start))
            continue
        if (lead.rstrip().endswith(".") or re.search(r"\sand\s*$", lead)) and (
            _initials_like(s) or is_person_name(s) or lead.rstrip().endswith(".")
        ):
            out.append((s, start))
    return out


# --- the rules --------------------------------------------------------------------------------------


def find(view: View, decisions: list[Found], people: People, nlp: Language, skip: set[int]) -> list[Task]:
    blocks = view.blocks
    claimed: dict[int, int] = {}  # block -> strength of the rule that read it
    tasks: list[Task] = []

    def add(task: Task, strength: int) -> None:
        if claimed.get(task.block, 99) < strength:
            return
        claimed[task.block] = strength
        for c in task.covers:
            claimed[c] = min(claimed.get(c, 99), strength)
        tasks.append(task)

    for i, b in enumerate(blocks):
        if b.kind == "table" and b.table is not None and i not in skip:
            for t in _from_table(view, i, people):
                add(t, 1)
    for t in _labelled(view, people):
        add(t, 2)
    for t in _beside(view, decisions, people, nlp):
        add(t, 3)
    for t in _from_decisions(view, decisions, people):
        if t.rule == "decision:sentence":
            tasks.append(t)  # a decision read in a paragraph leaves the paragraph's other tasks to the prose rule
        else:
            add(t, 4)
    for i, b in enumerate(blocks):
        if i in skip or i in claimed or i in view.margin_blocks or b.kind not in ("paragraph", "list_item"):
            continue
        for t in _prose(view, i, nlp, people, whole=False):
            add(t, 5)
    for t in _first_person(view, skip):
        if claimed.get(t.block, 99) >= 5:
            tasks.append(t)
    for t in tasks:
        if t.due is None and (
            t.rule in ("labelled", "decision")
            or (t.rule == "margin" and t.block in {k for d in decisions for k in d.blocks})
        ):
            t.due = _due_from_item(view, t, decisions, {x.due for x in tasks if x.item == t.item and x.due})
    # A decision's task that the prose rule read too, from the same sentence: the prose reading.
    prose = [t for t in tasks if t.rule.startswith("prose:")]
    tasks = [
        t
        for t in tasks
        if t.rule != "decision:sentence"
        or not any(
            p.block == t.block and (p.text in t.text or t.text in p.text or set(p.owners) & set(t.owners))
            for p in prose
        )
    ]
    # An action log that restates the minutes' actions: a task read in the prose that a log row of the
    # same owners says again is that row ("Clerk to advise Babcock of the resignation." beside the log's
    # "Advise Babcock and GIAS of the resignation of Oliver Laity").
    logged = [t for t in tasks if t.rule == "table" and t.owners]
    tasks = [
        t
        for t in tasks
        if not (
            t.rule.startswith("prose:")
            and any(set(t.owners) == set(row.owners) and _restates(row.text, t.text) for row in logged)
        )
    ]
    for t in tasks:  # "... [new for members]" after a task any rule read: the tag is its status, not its text
        tag = _TAG.search(t.text)
        square = tag is not None and t.text[tag.start() :].lstrip().startswith("[")
        if tag and (tag.group("status") or (square and tag.group("owner"))) and tag.start() > 0:
            t.text = t.text[: tag.start()].rstrip()
            t.status = t.status or tag.group("status")
    # Same block, same owners: one task (a margin repeated after a list, a decision read twice).
    seen, out = set(), []
    for t in sorted(tasks, key=lambda t: t.block):
        key = (
            t.block,
            tuple(sorted(t.owners)),
            t.text if t.rule in ("table", "labelled", "first_person") or t.rule.startswith("prose:") else "",
        )
        if key not in seen and (claimed.get(t.block) is not None or t.rule in ("decision:sentence", "first_person")):
            seen.add(key)
            out.append(t)
    return out


def _task_from_subject(
    text: str, people: People, block: int, item: str | None, rule: str, require_owner: bool = False
) -> Task | None:
    subs = subjects(text)
    if not subs:
        return None if require_owner else Task(text.strip(), [], None, block, item, find_due(text), rule=rule)
    owners, flags, written = [], [], []
    for s, _ in subs:
        o, f = resolve_owner(s, people)
        owners += o
        flags += f
        written.append(s)
    owners = list(dict.fromkeys(owners))
    single = len(subs) == 1 and subs[0][1] == 0 and not re.search(r"\s+with\s+", subs[0][0])
    body = _drop_owner(text, [subs[0][0]]) if single else text.strip()
    as_written = " ... ".join(written) if len(written) > 1 else written[0]
    return Task(
        body,
        owners,
        as_written if as_written not in owners or len(owners) > 1 else None,
        block,
        item,
        find_due(text),
        flags=sorted(set(flags)),
        rule=rule,
    )


def _from_table(view: View, i: int, people: People) -> list[Task]:
    table = view.blocks[i].table
    assert table is not None
    header = table.header_texts() if table.header_rows else []
    if not header and table.rows:
        header = [c.text for c in table.rows[0].cells]
        body = table.rows[1:]
        if any(len(h.split()) > 8 for h in header):
            header, body = [], table.rows  # a first row of prose is data, not a header
    else:
        body = table.body_rows

    columns = action_log_columns(header)
    lead = None
    if columns is None:
        caption = _log_caption(view, i)
        if caption is None:
            return []
        lead, default_due = caption
        # A log set as boxes with no header (or its header lost): the columns read by what they hold.
        body = table.rows
        columns = _columns_by_content([[c.text.strip() for c in r.cells] for r in body], people)
        if columns is None:
            return []
    else:
        default_due = _deadline_line(view, i)
    c_action, c_owner, c_due, c_progress, c_item = (
        columns.action,
        columns.owner,
        columns.due,
        columns.progress,
        columns.item,
    )
    out = []
    for row in body:
        cells = [c.text.strip() for c in row.cells]
        text = " ".join(cells[c_action].split()) if c_action < len(cells) else ""
        if not text or sum(bool(c) for c in cells) < 2:
            continue
        if c_owner is not None and c_owner < len(cells) and cells[c_owner]:
            written = " ".join(cells[c_owner].split())
            owners, flags = resolve_owner(written, people)
            task = Task(_drop_owner(text, [written]), owners, written, i, None, flags=flags, rule="table")
        elif lead:  # "<Topic> – Lead AB/CD" over the boxes: the lead owns every row
            owners, flags = resolve_owner(lead, people)
            task = Task(text, owners, lead, i, None, flags=flags, rule="table")
        else:
            task = _task_from_subject(text, people, i, None, "table") or Task(text, [], None, i, None)
            task.rule = "table"
        task.due = " ".join(cells[c_due].split()) if c_due is not None and c_due < len(cells) and cells[c_due] else None
        if c_due is None:
            task.due = find_due(text) or default_due
        if c_progress is not None and c_progress < len(cells) and cells[c_progress]:
            task.progress = " ".join(cells[c_progress].split())
            task.status = task.progress if len(task.progress.split()) <= 4 else None
        if columns.status is not None and columns.status < len(cells) and cells[columns.status]:
            task.status = " ".join(cells[columns.status].split())
        task.item = (
            " ".join(cells[c_item].split())
            if c_item is not None and c_item < len(cells) and cells[c_item]
            else view.item[i]
        )
        out.append(task)
    return out


# "Community Cohesion – Lead AB/CD", "Housing (Lead: Jane Smith)": a heading naming who leads the log rows below.
_LEAD_HEADING = re.compile(
    r"[-–—:(]\s*(?:leads?|owners?|led by|responsible)\s*[:\-–]?\s*(?P<o>[^()]{2,60}?)\s*\)?\s*$", re.I
)
# "All actions to be completed by 31 March 2025 unless stated otherwise": one deadline for every row.
_DEADLINE_LINE = re.compile(
    r"\b(?:all\s+)?(?:actions?|tasks?|items?)\b.{0,40}?\b(?:by|before|deadline(?:\s+(?:of|is))?:?)\s+"
    r"(?P<d>.+?)(?:\s*[,(]?\s*unless\b.*)?\s*\.?\s*$",
    re.I,
)
_STATUS_CELL = re.compile(rf"^(?:{_STATUS_WORDS}|not started|started|red|amber|green|rag)\.?$", re.I)


def _log_caption(view: View, i: int) -> tuple[str | None, str | None] | None:
    """What sits above a table with no log header that makes it an action log: an Actions caption
    ('ACTIONS TO BE TAKEN') or a heading naming its lead ('<Topic> – Lead AB/CD'); with the lead and
    the log's one deadline line, where there are."""
    lead, k = None, i - 1
    while k >= 0 and (k in view.margin_blocks or view.blocks[k].kind in ("margin", "footnote")):
        k -= 1
    if k < 0 or view.blocks[k].kind not in ("heading", "paragraph"):
        return None
    above = view.blocks[k].text.strip()
    m = _LEAD_HEADING.search(above) if view.blocks[k].kind in ("heading", "paragraph") and len(above) < 120 else None
    if m and _owner_only(m.group("o"), People()):
        lead = m.group("o").strip(" .")
    elif not (_ACTIONS_HEADING.match(above) or re.match(r"^(?:item\s+)?by whom\b|^action log\b", above, re.I)):
        return None
    return lead, _deadline_line(view, i)


def _deadline_line(view: View, i: int) -> str | None:
    """The deadline a line above the log sets for every row, looking back to the paper's first table."""
    for k in [k for k in range(i - 1, -1, -1) if k >= i - 3 or k < 10]:
        b = view.blocks[k]
        if b.kind in ("paragraph", "heading") and len(b.text) < 200:
            m = _DEADLINE_LINE.search(b.text)
            if m and find_due("by " + m.group("d")):
                return " ".join(m.group("d").split()).rstrip(" .")
    return None


def _columns_by_content(rows: list[list[str]], people: People):
    """A headerless log's columns: the task is the longest prose, the owner the column of names, initials
    or posts, the due the column of dates, the status the column of status words."""
    from ..language.columns import LogColumns

    rows = [r for r in rows if sum(bool(c) for c in r) >= 2]
    if not rows:
        return None
    width = max(len(r) for r in rows)

    def share(k: int, test) -> float:
        cells = [r[k] for r in rows if k < len(r) and r[k]]
        return sum(bool(test(c)) for c in cells) / len(cells) if cells else 0.0

    words = [sum(len(r[k].split()) for r in rows if k < len(r)) / len(rows) for k in range(width)]
    action = max(range(width), key=lambda k: words[k])
    if words[action] < 3:
        return None
    rest = [k for k in range(width) if k != action]
    owner = next(
        (
            k
            for k in rest
            if share(k, lambda c: _owner_only(c, people)) >= 0.6 and share(k, lambda c: _STATUS_CELL.match(c)) < 0.5
        ),
        None,
    )
    dues = [(share(k, lambda c: find_due("by " + c)), k) for k in rest if k != owner]
    due = max(dues)[1] if dues and max(dues)[0] >= 0.6 else None
    status = next((k for k in rest if k not in (owner, due) and share(k, lambda c: _STATUS_CELL.match(c)) >= 0.6), None)
    item = next(
        (
            k
            for k in rest
            if k not in (owner, due, status) and share(k, lambda c: re.match(r"^[\w/.()-]{1,14}$", c)) >= 0.8
        ),
        None,
    )
    return LogColumns(action, owner, due, status, item)


def _labelled(view: View, people: People) -> list[Task]:
    out, blocks, under = [], view.blocks, False
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if is_heading(b):
            under = bool(_ACTIONS_HEADING.match(text))
            continue
        # A label line opens an Actions list; an agenda bullet called "Actions" does not.
        if _ACTIONS_HEADING.match(text) and b.kind != "list_item":
            under = True
            continue
        m = _LABELLED.match(text)
        body = m.group("rest") if m else (text if under and b.kind == "list_item" else None)
        if body is None:
            if under and b.kind != "list_item":
                under = False
            inline = _INLINE_ACTION.search(text)
            if inline and b.kind in ("paragraph", "list_item"):
                out.extend(_inline_action(view, i, inline, people))
            continue
        if m and _OWNER_ONLY.match(body) and _owner_only(body, people) and i > 0:
            prior = _prior_task_text(view, i)
            if prior:  # "Action: JS" under the text it closes
                owners, flags = resolve_owner(body.strip(" ."), people, view.item_text(i))
                out.append(
                    Task(
                        prior[1],
                        owners,
                        body.strip(" ."),
                        i,
                        view.item[i],
                        find_due(prior[1]),
                        flags=flags,
                        rule="labelled",
                        covers=[prior[0]],
                    )
                )
                continue
        tag = _TAG.search(body)
        status = tag_owner = None
        if tag and (tag.group("status") or tag.group("owner")):
            status, tag_owner = tag.group("status"), tag.group("owner")
            body = body[: tag.start()].rstrip()
        trailing = _TRAILING_DUE.search(body)
        if trailing:
            body = f"{body[: trailing.start()]} due: {trailing.group('d')}"
        inline_due = re.split(r"\s+due(?:\s+date)?\s*:\s*", body, maxsplit=1, flags=re.I)
        body = inline_due[0]
        named = _TRAILING_OWNER.search(body)  # "Action: circulate the plan (Jane Smith)"
        task = _task_from_subject(body, people, i, view.item[i], "labelled")
        assert task is not None
        named = named or _TRAILING_POST.search(body)  # "Action: book the hall (Clerk)"
        if (
            not task.owners
            and named
            and (
                is_person_name(named.group("s"))
                or people.resolve_initials(named.group("s"))
                or is_post(named.group("s"))
            )
        ):
            task.owners, task.flags = resolve_owner(named.group("s"), people, view.item_text(i))
            task.owner_as_written = named.group("s")
            task.text = body[: named.start()].rstrip(" ,;.")
            task.text = task.text[:1].upper() + task.text[1:]
        dashed = _DASHED_OWNER.match(body) if not task.owners else None
        if dashed:
            written = dashed.group("o") or dashed.group("o2")
            task.owners, task.flags = resolve_owner(written, people, view.item_text(i))
            task.owner_as_written = written
            task.text = (dashed.group("t") or dashed.group("t2")).strip().rstrip(".")
            task.text = task.text[:1].upper() + task.text[1:]
        first = _OWNER_FIRST.match(body) if not task.owners else None
        if first and (is_person_name(first.group("o")) or is_post(first.group("o"))):
            # "PCSO Dunn: arrange a parking day", "Cllr Aziz – raise the lighting": the owner, then the task
            written = first.group("o").strip()
            task.owners, task.flags = resolve_owner(written, people, view.item_text(i))
            task.owner_as_written = written
            task.text = first.group("t").strip().rstrip(".")
            task.text = task.text[:1].upper() + task.text[1:]
        if tag_owner and not task.owners:
            task.owners, task.flags = resolve_owner(tag_owner, people, view.item_text(i))
            task.owner_as_written = tag_owner
        if status:
            task.status = status
            if _CLOSED.match(status) and not task.owners:
                continue  # a closed item with no owner records past work, not a task
        if len(inline_due) > 1:
            task.due = " ".join(inline_due[1].split()).rstrip(" .")
        if task.due is None or (m and len(inline_due) == 1):
            nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
            due = re.match(r"^\s*due(?:\s+date)?\s*[:\-–]\s*(?P<d>.+?)\s*\.?\s*$", nxt, re.I)
            if due:
                task.due = " ".join(due.group("d").split())
        out.append(task)
    return out


# "Clerk's Report", "Chairman’s Report and Updates": whose report the next paragraphs are. Another
# "... Report" ("Councillors Reports", "Highways Report") ends it.
_REPORT_OF = re.compile(
    r"\b(?P<post>(?:(?:Parish|Town|Deputy|Assistant)\s+)?(?:Clerk|Chair(?:man|person)?|Treasurer|Secretary|"
    r"Head(?:\s*teacher)?|Principal|Officer|Manager|Director|Mayor|Leader|RFO|Responsible Financial Officer))"
    r"[’']s\s+(?:Report|Update)s?\b"
)
_ANY_REPORT = re.compile(r"\b[A-Z][\w’']*\s+Reports?\b")
# A first-person task in an officer's report: "I will report back on this in December".
_FIRST_PERSON_TASK = re.compile(
    r"(?:^|[;,]\s+|\band\s+)I\s+(?:will|shall|intend\s+to|hope\s+to|plan\s+to|am\s+going\s+to)\s+[a-z]"
)


def _first_person(view: View, skip: set[int]) -> list[Task]:
    """In a Clerk's (or other officer's) report, 'I will ...' is a task of that post."""
    out, reporter = [], None
    for i, b in enumerate(view.blocks):
        if is_heading(b):
            m = _REPORT_OF.search(b.text)
            reporter = m.group("post") if m else None
            continue
        if i in skip or b.kind not in ("paragraph", "list_item"):
            continue
        for sentence in split_sentences(b.text):
            m = _REPORT_OF.search(sentence)
            if m:
                reporter = m.group("post")
            elif _ANY_REPORT.search(sentence) and reporter:
                reporter = None
            task = _FIRST_PERSON_TASK.search(sentence) if reporter else None
            if task:
                out.append(
                    Task(
                        sentence.strip(),
                        [reporter],
                        None,
                        i,
                        view.item[i],
                        find_due(sentence[task.start() :]),
                        rule="first_person",
                    )
                )
    return out


def _owner_only(body: str, people: People) -> bool:
    """'JS', 'AB/CD', 'Jane Smith', 'Clerk', 'ALL': a label's text that is only who, not what."""
    parts = split_owner_text(body.strip(" ."))
    return bool(parts) and all(
        _initials_like(p)
        or is_person_name(p)
        or is_post(p)
        or p.upper() == "ALL"
        or re.fullmatch(r"(?i:all\s+members|members|everyone)", p)
        for p in parts
    )


def _prior_task_text(view: View, i: int) -> tuple[int, str] | None:
    """The paragraph an owner-only 'Action:' line closes: the last sentence of the block before it."""
    k = i - 1
    while k >= 0 and (k in view.margin_blocks or view.blocks[k].kind not in ("paragraph", "list_item")):
        if is_heading(view.blocks[k]):
            return None
        k -= 1
    if k < 0 or _LABELLED.match(view.blocks[k].text.strip()):
        return None
    sentences = split_sentences(view.blocks[k].text)
    return (k, sentences[-1]) if sentences else None


def _inline_action(view: View, i: int, m: re.Match, people: People) -> list[Task]:
    """'Members asked for ward figures (Action: JS).': the sentence before the tag is JS's task."""
    text = view.blocks[i].text
    written = m.group("o").strip()
    if not _owner_only(written, people):
        return []
    sentences = split_sentences(text[: m.start()].rstrip())
    if not sentences:
        return []
    task_text = sentences[-1].rstrip(" .")
    owners, flags = resolve_owner(written, people, view.item_text(i))
    return [Task(task_text, owners, written, i, view.item[i], find_due(task_text), flags=flags, rule="labelled")]


_PREFIX = re.compile(r"^(?P<p>[A-Z]{1,3}(?:-[A-Z]{1,2})?(?:\s*/\s*[A-Z]{1,3}(?:-[A-Z]{1,2})?)*|ALL)\s+(?=[A-Z])")


def _prefix_owner(b: Block, people: People) -> tuple[str, str] | None:
    """'LW It was reported ...' or 'Paul Moorman Violent Crime (page 2)' (a name before a bold title)."""
    start = b.text.find(b.bold_spans[0]) if b.bold_spans else -1
    if start > 0:
        prefix, title = b.text[:start].strip(), b.text[start:].strip()
        covered = sum(len(x.replace(" ", "")) for x in b.bold_spans)
        # The rest of the line is a bold title (its dashes may sit outside the bold runs).
        if covered >= 0.7 * len(title.replace(" ", "")) and (is_initials(prefix) or is_person_name(prefix)):
            return prefix, title
    m = _PREFIX.match(b.text)
    # Initials opening a line name a person ("LW It was reported ..."); an acronym opening a header line
    # ("CSP Plan Refresh") names a topic, even where the paper spells the acronym out.
    if m and all(is_person_name(people.resolve_initials(p) or "") for p in re.split(r"\s*/\s*", m.group("p"))):
        return m.group("p"), ""
    return None


def _beside(view: View, decisions: list[Found], people: People, nlp: Language) -> list[Task]:
    """Owners written beside the text: margins, and initials or names opening a line."""
    blocks, out = view.blocks, []
    decided = {k: d for d in decisions for k in d.blocks}
    # Initials or a name opening the line.
    for i, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item") or i in view.margin_blocks or is_heading(b):
            continue
        got = _prefix_owner(b, people)
        if not got:
            continue
        written, title = got
        owners, flags = resolve_owner(written, people, view.item_text(i))
        if title:  # matters arising: a title, then its update in the next paragraph
            has_update = i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph"
            update = blocks[i + 1].text if has_update else ""
            out.append(
                Task(
                    f"{title}: {update}".strip(" :"),
                    owners,
                    written,
                    i,
                    view.item[i],
                    find_due(update),
                    progress=update or None,
                    flags=flags,
                    rule="matters_arising",
                    covers=[i + 1] if has_update else [],
                )
            )
        else:
            body = b.text[len(written) :].strip()
            out.append(Task(body, owners, written, i, view.item[i], find_due(body), flags=flags, rule="margin"))
    # Margin labels: stacked labels share the text that follows them.
    starts = sorted(view.margins)
    k = 0
    while k < len(starts):
        stack = [starts[k]]
        while k + 1 < len(starts) and all(j in view.margin_blocks for j in range(stack[-1], starts[k + 1])):
            k += 1
            stack.append(starts[k])
        end = max(
            j
            for j in view.margin_blocks
            if j >= stack[-1] and all(x in view.margin_blocks for x in range(stack[-1], j + 1))
        )
        region = []
        j = end + 1
        while j < len(blocks) and j not in view.margin_blocks and not is_heading(blocks[j]):
            region.append(j)
            j += 1
        backward = False
        if not any(blocks[r].kind in ("paragraph", "list_item") and not decision_label(blocks[r]) for r in region):
            back = _backward(view, stack[0], decided, nlp)
            if back:
                region, backward = back, True
        labels = [view.margins[s] for s in stack]
        out.extend(_assign(view, labels, stack, region, decided, people, nlp, backward))
        k += 1
    return out


def _backward(view: View, start: int, decided: dict[int, Found], nlp: Language) -> list[int]:
    """A label after its text (the PE-J after a decision, a second ALL after a list)."""
    j = start - 1
    while j >= 0 and not is_heading(view.blocks[j]) and j not in view.margin_blocks:
        if _is_task(view, j, decided, nlp):
            found = [j]
            if view.blocks[j].kind == "list_item":
                m = j - 1
                while m >= 0 and view.blocks[m].kind == "list_item":
                    if _is_task(view, m, decided, nlp):
                        found.append(m)
                    m -= 1
            return sorted(found)
        j -= 1
    return []


def _is_task(view: View, i: int, decided: dict[int, Found], nlp: Language) -> bool:
    b = view.blocks[i]
    if b.kind not in ("paragraph", "list_item"):
        return False
    if i in decided:
        return True
    if _ASKED_FOR.search(b.text) or _GROUP_TO.search(b.text):
        return True
    return bool(_task_spans(nlp, b.text))


def _task_spans(nlp: Language, text: str):
    if len(text) > nlp.max_length:
        return []  # too long for spaCy (E088): see _prose
    doc = nlp(text)
    return [s for s in doc.spans.get("tasks", []) if owner_of(s)]


def _assign(
    view: View,
    labels: list[str],
    stack: list[int],
    region: list[int],
    decided: dict[int, Found],
    people: People,
    nlp: Language,
    backward: bool,
) -> list[Task]:
    blocks, out = view.blocks, []
    context = view.item_text(stack[0])
    resolved = [(label, *resolve_owner(label, people, context)) for label in labels]
    tasks = [r for r in region if _is_task(view, r, decided, nlp)]
    unmatched = []
    for label, owners, flags in resolved:
        mine = []
        for r in tasks:
            subjects_here = {owner_of(s)[0] for s in _task_spans(nlp, blocks[r].text)}
            if subjects_here & set(owners):
                mine.append(r)
        if not mine:
            unmatched.append((label, owners, flags))
        for r in mine:
            out.append(_margin_task(view, r, label, owners, flags, decided, nlp))
    if len(resolved) == 1 and unmatched:
        label, owners, flags = unmatched[0]
        others = set(people.known())
        free = [
            r
            for r in tasks
            if not ({owner_of(s)[0] for s in _task_spans(nlp, blocks[r].text)} & others) or r in decided
        ]
        if not free and not tasks:
            # No task words at all: a list under the label is a list of its tasks ("AL/ SH" over projects);
            # otherwise the label owns the paragraph beside it.
            items = [r for r in region if blocks[r].kind == "list_item" and not _STATEMENT.match(blocks[r].text)]
            free = items or [r for r in region[:1] if not _STATEMENT.match(blocks[r].text)]
            # A lead-in that introduces the list ('... presented at the meeting in January:') dates it.
            lead = (
                blocks[stack[0] - 1].text if stack[0] > 0 and blocks[stack[0] - 1].text.rstrip().endswith(":") else ""
            )
            for r in free:
                t = _margin_task(view, r, label, owners, flags, decided)
                t.due = t.due or find_due(lead)
                out.append(t)
            return out
        # The label sits beside the first task, or the first list of tasks, not the whole item.
        run = free[:1]
        for r in free[1:]:
            if blocks[run[0]].kind == "list_item" and all(blocks[x].kind == "list_item" for x in range(run[-1], r + 1)):
                run.append(r)
        for r in run:
            out.append(_margin_task(view, r, label, owners, flags, decided))
    return out


def _margin_task(
    view: View,
    r: int,
    label: str,
    owners: list[str],
    flags: list[str],
    decided: dict[int, Found],
    nlp: Language | None = None,
) -> Task:
    b = view.blocks[r]
    text = decided[r].text if r in decided else b.text
    written = [label] + [o for o in owners]
    own = _owned_sentence(nlp, b.text, owners) if nlp is not None else None
    if own is not None:
        sentence, as_written = own
        return Task(
            _drop_owner(sentence, [as_written] + written),
            owners,
            label,
            r,
            view.item[r],
            find_due(sentence),
            flags=flags,
            rule="margin",
        )
    body = _drop_owner(text, written)
    due = find_due(text)
    # A resolution of several clauses: the owner's part is the clause with a deadline in it.
    clauses = [c for c in re.split(r",\s*(?:and\s+)?that\s+|;\s*(?:and\s+)?that\s+", text) if c.strip()]
    if r in decided and len(clauses) > 1:
        dated = [c for c in clauses if find_due(c)]
        if len(dated) == 1:
            body = dated[0].strip().rstrip(".")
            body = body[:1].upper() + body[1:]
    return Task(body, owners, label, r, view.item[r], due, flags=flags, rule="margin")


def _owned_sentence(nlp: Language, text: str, owners: list[str]) -> tuple[str, str] | None:
    """The one sentence of a paragraph that gives the margin's owner a task, with the owner as written.

    A notes cell beside 'AF' reads 'AF reported that ... Angela Foster to circulate the
    evaluation by 22 March 2019.': the action is the second sentence, not the report.
    Only where the paragraph has several sentences and exactly one opens with the owner.
    """
    if len(text) > nlp.max_length:
        return None
    doc = nlp(text)
    sents = list(doc.sents)
    if len(sents) < 2:
        return None
    hits = []
    for span in doc.spans.get("tasks", []):
        who = owner_of(span)
        if who and who[0] in owners and span.label_ == "TO_VERB" and span.start == span.sent.start:
            hits.append((span.sent.text.strip(), who[1]))
    return hits[0] if len(hits) == 1 else None


def _from_decisions(view: View, decisions: list[Found], people: People) -> list[Task]:
    out = []
    for d in decisions:
        i = d.blocks[0]
        m = _TRAILING_OWNER.search(d.text)
        # "... signed by the Chairman (RC)": who signed, not who is to act.
        agent = m and re.search(r"\bby\s+(?:the\s+)?(?:\S+\s+){0,3}$", d.text[: m.start()])
        if m and not agent and (is_person_name(m.group("s")) or people.resolve_initials(m.group("s"))):
            owners, flags = resolve_owner(m.group("s"), people)
            out.append(Task(d.text, owners, m.group("s"), i, d.item, find_due(d.text), flags=flags, rule="decision"))
            continue
        delegated = delegated_task(d.text)  # "(b) the Partnership be asked to report back ..."
        if delegated:
            owner = resolve_body(delegated.owner_as_written, "\n".join(b.text for b in view.blocks))
            owners, flags = (
                resolve_owner(owner, people) if is_person_name(owner) or _initials_like(owner) else ([owner], [])
            )
            out.append(
                Task(
                    delegated.text,
                    owners,
                    delegated.owner_as_written,
                    i,
                    d.item,
                    delegated.due,
                    flags=flags,
                    rule="decision:delegated",
                )
            )
            continue
        task = _task_from_subject(
            d.text, people, i, d.item, "decision" if d.labelled else "decision:sentence", require_owner=True
        )
        if task and task.owners and all(is_person_name(o) or o == "ALL" or _GROUP_NOUNS.search(o) for o in task.owners):
            out.append(task)
    return out


# "this", "it", "them" as the object: the task points back to the sentence before it ("The Clerk is
# to look into this."). A noun after "this" ("this year") points nowhere.
_POINTS_BACK = re.compile(
    r"\b(?:this|it|them|these|those)\b(?=\s*(?:[.,;:!?]|$|\s+(?:up|back|on|with|to|in|at|for|further|"
    r"forward|out|through|over|and|before|by|once|when|if|as)\b))",
    re.I,
)
# The new rules keep the task's sentence whole (the gold's "a task sentence is kept as written"); the
# rules the corpus was read with keep the text from the owner on.
_RUN_IN_LABEL = re.compile(
    r"^(?:RESOLVED|Resolved)\s+(?:Minute\s+)?\(?\d{1,4}(?:[/.]\d{1,4}){1,3}[a-z]?\)?\s*[:.\-–]?\s+"
)
_WHOLE_SENTENCE = {"MODAL", "THAT", "PROMISED", "OFFER", "WILL"}


def _prose(view: View, i: int, nlp: Language, people: People, whole: bool) -> list[Task]:
    b = view.blocks[i]
    if len(b.text) > nlp.max_length:
        return []  # spaCy refuses it (E088) and the whole section's actions were lost (issue 8: 10 MB paragraph)
    doc = nlp(b.text)
    spans = [s for s in doc.spans.get("tasks", []) if owners_of(s)]
    if not spans:
        return []  # most paragraphs give nobody a task: the trusted names are not worked out for them
    trusted = people.trusted()
    trusted |= {_fuller_name(n, people) for n in trusted}
    out = []
    for span in spans:
        who = owners_of(span)
        label = owner_label(span)
        if label == "PERSON" and any(name not in trusted for name, _ in who):
            continue  # 'Post Legislative Scrutiny will ...': a capitalised phrase, not a person
        sent = span.sent
        # Several owners in one sentence ("X would empty the bin on A, Y will empty the bin on B"): each
        # owner's task is their clause, up to the next owner.
        same = [s for s in spans if s.sent.start == sent.start]
        later = [s for s in same if s.start > span.start]
        clause_end = later[0].start if later else sent.end
        rest = doc[span.start : clause_end].text.strip().rstrip(",;").strip()
        if later:
            rest = re.sub(r"(?:,\s*)?\s*\b(?:and|but|while)\s*$", "", rest).rstrip(" ,;")
        after_to = len(doc[span.end : sent.end])
        sentence = sent.text.strip()
        if len(same) > 1:
            text = rest
        elif whole or (after_to <= 3 and span.label_ not in _WHOLE_SENTENCE and len(spans) == 1):
            text = b.text
        elif span.start == sent.start and span.label_ == "TO_VERB":
            text = _drop_owner(rest, [who[0][1]])
        elif span.label_ in _WHOLE_SENTENCE or span.label_ == "ASKED" and label != "PERSON":
            text = sentence
        else:
            text = rest
        if _POINTS_BACK.search(doc[span.end : clause_end].text) and len(same) == 1:
            before = [
                s
                for s in spans
                if s.sent.end <= sent.start and s.sent.end >= sent.start - 1 or (s.sent.end == sent.start)
            ]
            if span.start == sent.start and any({x for x, _ in owners_of(s)} & {x for x, _ in who} for s in before):
                continue  # "(X to canvas ODI ...) was noted. X will push this forward.": the same task again
            text = _with_antecedent(b, doc, sent, span, text)
        text = _RUN_IN_LABEL.sub(
            "", text
        )  # "Resolved 14/11/7.01 It was agreed that the Clerk ...": the label is the decision's
        owners, flags, written = [], [], []
        for name, as_written in who:
            if label == "PERSON" and (name != as_written or not is_person_name(name)):
                o, f = resolve_owner(name, people)
            elif label == "PERSON":
                o, f = [name], []
            else:
                o, f = [as_written], []
            owners += o
            flags += f
            written.append(as_written)
        owners = [_fuller_name(o, people) for o in dict.fromkeys(owners)]
        as_written = " and ".join(written)
        out.append(
            Task(
                text,
                owners,
                as_written if as_written not in owners or len(owners) > 1 else None,
                i,
                view.item[i],
                find_due(doc[span.start : clause_end].text),
                flags=sorted(set(flags)),
                rule=f"prose:{span.label_}",
            )
        )
    return out


def _with_antecedent(b: Block, doc, sent, span, text: str) -> str:
    """A task pointing back takes what it points to: the whole bullet of a list item, else the
    sentence before it where the task opens its sentence ('... dumped on Foulden Road. The Clerk
    is to report this to BCKLWN.')."""
    if b.kind == "list_item":
        return b.text.strip()
    opening = doc[sent.start : span.start].text.strip()
    if opening and not re.fullmatch(
        r"(?:It was (?:\w+ )?(?:agreed|suggested|requested|resolved|decided) that(?: the)?|The|the)", opening
    ):
        return text
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
    if k == 0:
        return text
    # "24/52 Highways and footpaths: Cllr. Lowther reported ...": the run-in heading is the item's, not the task's.
    before = re.sub(
        r"^(?:\d{1,4}(?:/\d{1,4}){1,2}[a-z]?\s+)?[A-Z][\w’'&/ -]{0,60}:\s+(?=[A-Z])", "", sents[k - 1].text.strip()
    )
    return f"{before} {sent.text.strip()}"


def _fuller_name(name: str, people: People) -> str:
    """'A. Jenkinson' (listed with an initial) -> 'Adrian Jenkinson', where the paper spells it out once."""
    words = name.split()
    if len(words) != 2 or not re.fullmatch(r"[A-Z]\.?", words[0]):
        return name
    full = [
        m.name
        for m in people.mentions
        if len(m.name.split()) == 2
        and m.name.split()[1] == words[1]
        and m.name.split()[0].startswith(words[0][0])
        and len(m.name.split()[0]) > 1
    ]
    return full[0] if len(set(full)) == 1 else name
