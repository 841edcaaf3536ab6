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

from .bodies import GENERIC_BODY
from .dates import MONTH_TITLE_RE

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
_AGREED_THAT = re.compile(
    rf"^(?:(?i:to)\s+)?(?i:agrees?|approves?|requests?|asks?|recommends?)\s+that\s+(?P<s>{_NAME})\s+"
    r"(?:(?i:should|will|to)\s+)?(?P<t>(?i:lead|leads|take|takes|report|reports|develop|develops|review|reviews|"
    r"produce|produces|deliver|delivers|prepare|prepares|bring|brings|present|presents|undertake|undertakes|"
    r"co-ordinate|coordinate|co-ordinates|coordinates|carry|carries|draft|drafts|update|updates)\b.*)$"
)
_DUE = re.compile(
    r"\b(?:by|before|within|in|no later than)\s+(?P<d>(?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}\s+)?"
    rf"(?:{MONTH_TITLE_RE}|Spring|Summer|Autumn|Winter|Q[1-4])\b(?:\s+\d{{4}}(?:/\d{{2}})?)?|(?:one|two|three|four|six|nine|twelve|\d+)\s+months?|"
    r"the\s+next\s+meeting|\d{4}/\d{2})"
    r"|\b(?:to|at|for)\s+(?P<m>the\s+(?:next|[A-Z][a-z]+)\s+meeting)",
    re.I,
)
_GENERIC = GENERIC_BODY


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
            subject, task = groups.get("s") or groups.get("s2"), (groups.get("t") or groups.get("t2")).strip(" ;.")
            due = _DUE.search(task)
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
