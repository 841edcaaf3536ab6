"""Tasks that a decision hands to someone: pure functions over a decision's text.

Minutes and cover reports often set the task inside the decision itself:
"(b) the Partnership be asked to report back to the Committee on knife crime in six
months"; "(c) agree that the Domestic Abuse Sub-Group lead the refresh of the strategy by
March 2021". The owner is the subject the decision names; a bare "the Partnership" or "the
Board" is the one body of that kind the paper names, where it names exactly one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bodies import DECIDING_SUBJECTS_RE, GENERIC_BODY
from .dates import MONTH_TITLE_RE
from .owners import GROUP_OWNERS
from .verbs import SUBJUNCTIVE_TASK_VERBS

_GROUPS = "|".join(g.lower() for g in GROUP_OWNERS)
_SUBJUNCTIVE = "|".join(SUBJUNCTIVE_TASK_VERBS)
_NAME = r"(?:the\s+)?[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|of|and|for|&))*"
_DELEGATED = re.compile(
    rf"^(?:(?i:that)\s+)?(?P<s>{_NAME})\s+(?:be|is|are)\s+(?i:asked|requested|invited|instructed|tasked)\s+to\s+(?P<t>\S.*)$"
)
# "(c) asks the Head of Policy and Strategy to report back ...": a part of a resolution that sets a task.
_ASKS = re.compile(
    rf"^(?:(?i:that)\s+)?(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+)?(?i:asks?|requests?|instructs?|invites?|directs?)\s+"
    # a post named with its service after a comma: "asks the Assistant Director, Communities to ..."
    rf"(?P<s>{_NAME}(?:,\s+[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|and|&))*)?)\s+to\s+(?P<t>\S.*)$"
    # "(2) delegates authority to the Director of Place to agree the final terms"
    rf"|^(?:(?i:that)\s+)?(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+)?(?i:delegates?|grants?)\s+(?i:delegated\s+)?(?i:authority)\s+to\s+"
    # "... to the Director of Communities, in consultation with the Portfolio Holder, to make ..."
    rf"(?P<s2>{_NAME})(?:,\s+in consultation with\s+[^,]+,)?\s+to\s+(?P<t2>\S.*)$"
)
# "(c) agree that the Sub-Group lead ...", "(2) That the Director of Communities report on ...", "Members
# requested that officers provide ...": a subject and a verb of doing in the subjunctive; the subject owns it.
_AGREED_THAT = re.compile(
    rf"^(?P<lead>(?:(?i:to)\s+)?(?i:agrees?|approves?|requests?|asks?|recommends?)\s+"
    r"|(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|(?i:members|councillors|governors))\s+"
    r"(?:(?i:also|further|then)\s+)?(?i:agreed|requested|asked|recommended|resolved)\s+)?"
    rf"(?i:that)\s+(?P<s>{_NAME}|(?i:(?:all\s+)?(?:{_GROUPS})))\s+"
    rf"(?:(?i:should|will|to)\s+)?(?P<t>(?i:{_SUBJUNCTIVE})\b.*)$"
)
_DUE = re.compile(
    r"\b(?:by|before|within|in|no later than)\s+(?P<d>(?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}\s+)?"
    rf"(?:{MONTH_TITLE_RE}|Spring|Summer|Autumn|Winter|Q[1-4])\b(?:\s+\d{{4}}(?:/\d{{2}})?)?|(?:one|two|three|four|six|nine|twelve|\d+)\s+months?|"
    r"the\s+next\s+meeting|\d{4}/\d{2})"
    r"|\b(?:to|at|for)\s+(?P<m>the\s+(?:next|[A-Z][a-z]+)\s+meeting)",
    re.I,
)
_GENERIC = GENERIC_BODY
# The deciding body named by its kind alone: "the Council", "the Cabinet", "Members".
_DECIDING_BODY = re.compile(rf"^(?:the\s+)?{DECIDING_SUBJECTS_RE}$", re.I)


@dataclass(frozen=True)
class Delegated:
    owner_as_written: str
    text: str
    due: str | None


def delegated_task(decision: str) -> Delegated | None:
    """The subject a decision gives a task to, the task, and its deadline as written."""
    text = " ".join(decision.split()).strip(" ;.")
    for rx in (_DELEGATED, _AGREED_THAT, _ASKS):
        m = rx.match(text)
        if m:
            groups = m.groupdict()
            if rx is _AGREED_THAT and not groups.get("lead") and _DECIDING_BODY.match(groups["s"]):
                continue  # "That the Council takes over the toilets": the body deciding its own act, no task
            subject, task = groups.get("s") or groups.get("s2"), (groups.get("t") or groups.get("t2")).strip(" ;.")
            due = _DUE.search(task)
            # "that officers provide ...": a group named in lower case is the group as the vocabulary names it
            subject = subject[:1].upper() + subject[1:] if subject.lower() in _GROUPS.split("|") else subject
            return Delegated(subject, task[:1].upper() + task[1:], (due.group("d") or due.group("m")) if due else None)
    return None


def resolve_body(subject: str, paper_text: str) -> str:
    """'the Partnership' -> the one 'X ... Partnership' the paper names; else the subject as written."""
    bare = re.sub(r"^the\s+", "", subject.strip(), flags=re.I)
    if not _GENERIC.match(bare):
        return bare
    named = set()
    for m in re.finditer(rf"\b(?:[A-Z][\w'’&\-]*\s+){{1,5}}{re.escape(bare)}\b", paper_text):
        words = m.group(0).split()
        while words and words[0].lower() in ("the", "this", "a", "our", "each"):
            words = words[1:]
        if len(words) >= 2:
            named.add(" ".join(words))
    # "Community Safety Partnership" in a title is the same body as "Kirkdale Community Safety
    # Partnership" in the text: a name that ends another is the shorter form of it.
    named = {n for n in named if not any(o != n and o.endswith(" " + n) for o in named)}
    return named.pop() if len(named) == 1 else bare
