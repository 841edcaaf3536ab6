"""Labels that head a list or a field in minutes: THE attendance-label vocabulary.

"Present:", "Apologies:", "In attendance:", "Officers:" ... each says the status of the
names after it. The attendance rules read lists, tables and sentences with it; the reader's
key/value boxes and the metadata rules know a label line by it. The codes of an attendance
register ("P – Present, S – Sanctioned, A – Absent") are read with the meanings below.
"""

from __future__ import annotations

import re

from .bodies import BODY_NOUNS

# What a body calls its members when it lists them ("Governors:", "Trustees present:").
MEMBER_NOUNS = [
    "members",
    "councillors",
    "governors",
    "trustees",
    "directors",
    "partners",
    "representatives",
    "participants",
    "attendees",
    "delegates",
]
# Words before a member noun that say which members ("Voting members", "Board members", "Core partners").
_MEMBER_KINDS = r"(?:(?:voting|core|full|statutory|elected|co-opted|independent|lay|non-executive|executive)\s+)?"
_BODY_WORDS = "|".join(n.lower() for n in BODY_NOUNS) + r"|governing body|council|trust"
_MEMBERS = rf"{_MEMBER_KINDS}(?:(?:{_BODY_WORDS})\s+)?(?:{'|'.join(MEMBER_NOUNS)})"
_ATTENDING = r"(?:\s+(?:present|attending|in attendance|at the meeting))?"

# Posts that serve a meeting rather than sit on it: a clerk, a minute-taker. Listed apart from
# the members ("Present: Vicky Bright – Clerk", "Parish Clerk: Peter King") they are in attendance.
SUPPORT_POST = (
    r"(?:(?:parish|town|committee|governance|assistant|deputy|acting)\s+)?clerk(?:\s+to\s+(?:the\s+)?\w+)?|"
    r"minute[- ]?taker|note[- ]?taker"
)
SUPPORT_ROLE = re.compile(rf"^(?:the\s+)?(?:{SUPPORT_POST})\b", re.I)

# (status, label, kind): the label is matched on the whole label head, without its colon.
# kind "list": heads a list and may stand without a colon ("Apologies", "Members present");
# "post": names one post or the person in a role ("Clerk:", "Chaired by"): a colon, or a key
# position (a key/value box, a row's key cell), makes it a label, for a bare "Clerk" is as
# often an action's owner; "body": the body's own name over its members ("Board:", "Panel:"),
# read only at the start of a block and with its colon.
_LABEL_TABLE: list[tuple[str, str, str]] = [
    (
        "apologies",
        r"(?:(?:accepted|received|noted)\s+)?apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received|accepted|noted|given))?"
        r"(?:\s+from)?|apologies\s+from|sent\s+apologies",
        "list",
    ),
    ("absent", r"absent(?:\s+without\s+apologies)?|absentees|not\s+present|non-attendance|did\s+not\s+attend", "list"),
    (
        "in_attendance",
        r"also\s+(?:present|in\s+attendance|attending)|in\s+attendance|"
        # members of other bodies at this one's meeting: "Other Councillors present"
        rf"others?(?:\s+(?:{'|'.join(MEMBER_NOUNS)}))?(?:\s+(?:present|attending|in\s+attendance))|other\s+(?:{'|'.join(MEMBER_NOUNS)})"
        r"|invited(?:\s+guests)?|invitees|by\s+invitation|guests?(?:\s+present)?|visitors?|"
        r"observers?|presenters?|(?:council\s+|support\s+|partnership\s+|supporting\s+)?officers?"
        + _ATTENDING
        + r"|secretariat|officials?|advisers?|advisors?",
        "list",
    ),
    (
        "in_attendance",
        rf"{SUPPORT_POST}|clerked\s+by|minuted\s+by|minutes(?:\s+taken\s+by)?|notes\s+taken\s+by",
        "post",
    ),
    (
        "present",
        rf"present|those\s+present|attendees|attending|attendance|members\s+in\s+attendance|{_MEMBERS}{_ATTENDING}"
        # members sitting for others: "Substitute Members: Cllr A for Cllr B", "Substitutes:"
        r"|substitutes?(?:\s+members?)?(?:\s+present)?|named\s+substitutes?",
        "list",
    ),
    # "Chair: Cllr Jane Bloggs" over a partnership's notes; the signature line "Chair" has no name after it.
    ("present", r"(?:vice[- ])?chair(?:man|person)?|in\s+the\s+chair|chaired\s+by", "post"),
    ("present", rf"(?:the\s+)?(?:{_BODY_WORDS})(?:\s+members)?(?:\s+present)?", "body"),
]

# (status, label pattern matched on the whole label, without its colon), first match wins.
ATTENDANCE_LABELS: list[tuple[str, re.Pattern]] = [(s, re.compile(rf"^(?:{rx})$", re.I)) for s, rx, _ in _LABEL_TABLE]
# The same, with the kind of each label ("list", "post", "body").
LABEL_KINDS: list[tuple[str, str, re.Pattern]] = [(s, k, re.compile(rf"^(?:{rx})$", re.I)) for s, rx, k in _LABEL_TABLE]

# What a label head may carry after its words: a count or a mode in brackets ("PRESENT (six
# Councillors)", "Present (virtual)"), or a legal citation after a dash ("Apologies for absence -
# LGA 1972, Section 85(1) & (2)").
# Written so that each text has one way to match (no nested choices): it runs on every paragraph.
LABEL_QUALIFIER = r"(?:\s*\((?:[^()]|\([^()]*\))*\))*(?:\s+[-–—]\s+[^:\d]{0,60}\d[^:]{0,60})?"
# A minute number before the label ("1 Apologies for absence", "70/17 Apologies", "2.1 Present").
LABEL_NUMBER = re.compile(r"^\(?(?:\d{1,3}(?:[./]\d{1,3})*[a-z]?|[ivx]{1,4})[.)]?\s+(?=[A-Za-z])")

# Labels inside a paragraph ("... (SG) & Present: Vicky Bright – Clerk.", "... Peter King In
# attendance: four members of the public"): every list and post label followed by its colon.
LABEL_IN_TEXT = re.compile(
    r"(?<![\w’'-])(?P<head>(?:"
    + "|".join(rx for _, rx, k in _LABEL_TABLE if k != "body")
    + r"))"
    + rf"(?P<qualifier>{LABEL_QUALIFIER})\s*:",
    re.I,
)

# The meanings an attendance register's key gives its codes ("P – Present", "S – Sanctioned",
# "✓ = attended", "x = apologies sent"), and the code words a register may use with no key.
# First match wins: "absent without apologies" is absent, "absent with apologies" apologies.
CODE_MEANINGS: list[tuple[str | None, re.Pattern]] = [
    (s, re.compile(rx, re.I))
    for s, rx in [
        (
            None,
            r"^(?:not (?:a (?:member|governor)|in post|applicable|required|appointed)|n/?a|vacan|resigned|left|"
            r"no meeting|cancelled|meeting cancelled|not yet|term ended)",
        ),
        (
            "absent",
            r"^(?:absent|did not attend|no apologies|non[- ]attendance|not present|unauthori[sz]ed)"
            r"(?!.*\bwith (?:apologies|consent)\b)",
        ),
        (
            "apologies",
            r"^(?:apolog|apols?\b|sanction|excused|authori[sz]ed|absent with|leave of absence|sent apologies|"
            r"apologies (?:sent|received|given))",
        ),
        (
            "present",
            r"^(?:present|attended|attending|late|arrived late|in attendance|left early|part|yes\b|"
            r"virtual|remote|online|in person|by (?:video|phone|telephone|teams|zoom)|via )",
        ),
    ]
]
# Cell values an attendance register uses that are their own meaning, with no key printed.
CODE_WORDS = {
    "present": "present",
    "attended": "present",
    "late": "present",
    "apologies": "apologies",
    "apols": "apologies",
    "apol": "apologies",
    "absent": "absent",
    "✓": "present",
    "✔": "present",
    "yes": "present",
}
# One "code – meaning" pair of a key line: "P – Present", "✓ = attended", "Apols: apologies sent".
CODE_KEY = re.compile(
    r"(?<![\w])(?P<code>[A-Z]{1,2}|Apols?|[✓✔✗✘×xX?*•]|Y|N|-|–)\s*(?:[–—=:-]|\bis\b)\s*"
    r"(?P<meaning>[A-Za-z][A-Za-z/' ]*?[A-Za-z])"
    r"(?=\s*(?:[,;.]|\||$|(?:[A-Z]{1,2}|Apols?|[✓✔✗✘×xX?*•]|-|–)\s*(?:[–—=:-]|\bis\b)\s))"
)


def code_status(meaning: str) -> tuple[bool, str | None]:
    """'Present' -> (True, 'present'); 'Not a governor' -> (True, None); 'Ofsted' -> (False, None)."""
    text = " ".join(meaning.split()).strip(" .")
    for status, rx in CODE_MEANINGS:
        if rx.search(text):
            return True, status
    return False, None


# People a list counts but does not name ("four members of the public", "2 residents", "the press"):
# not attendees, and not part of the role of the name before them.
UNNAMED_ATTENDERS = re.compile(
    r"^(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|no|many|"
    r"a number of|a few|the)\s+)?(?:\w+\s+)?(?:members?\s+of\s+(?:the\s+)?(?:public|press)|(?:members?|people|"
    r"residents|visitors|observers|representatives|press|public)\b)",
    re.I,
)
# Labels that open a record of their own in minutes, one line each: "Action: JB to ...",
# "Decision: ...", "Resolved: ...", "Invited: ..." (a line under the attendance lists).
RECORD_LABELS = re.compile(
    r"^(?:actions?(?: point)?|action by|decisions?|resolved|agreed|invited|recommendations?)$", re.I
)

_LINE_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,38}?)\s*:")


def line_label(text: str) -> str | None:
    """The label a line opens with ("Present", "Apologies", "Action"), or None: the words
    before its first colon, when they are an attendance label or a record label."""
    m = _LINE_LABEL.match(text)
    if not m:
        return None
    label = " ".join(m.group(1).split())
    if RECORD_LABELS.match(label) or any(p.match(label) for _, p in ATTENDANCE_LABELS):
        return label
    return None


# The labels of a paper's or a meeting's details, set as a key beside its value: "COMMITTEE |
# Full Governing Body", "Chaired by | Simon Barnes", "DATE OF ADOPTION: November 2019",
# "School name | ...". Matched on the whole label, without its colon. The readers make each
# pair a field block (label and value), which the metadata and attendance rules read.
FIELD_LABEL = re.compile(
    r"^(?:committee|meeting|body|board|group|panel|forum|title|subject|school(?: name)?|organi[sz]ation|"
    r"date(?: of (?:the )?(?:meeting|adoption|review|approval|issue|next review|publication|next meeting))?|"
    r"(?:next )?review date|date (?:updated|approved|adopted|agreed|reviewed|issued)|"
    r"time|(?:start|starting|finish|end) time|venue|location|place|meeting place|"
    r"(?:chaired|clerked|minuted|approved|agreed|adopted|ratified|prepared|written|reviewed|presented) by|"
    r"chair(?:man|person)?|vice[- ]chair(?:man|person)?|clerk|secretary|minute[- ]?taker|"
    r"author|version|academic year|financial year|reporting period|period|signed)$",
    re.I,
)


def is_field_label(text: str) -> bool:
    """A key of a key/value box: a details label ('DATE', 'Chaired by') or an attendance label ('Present')."""
    label = " ".join(text.split()).rstrip(" :").strip()
    return bool(label) and (FIELD_LABEL.match(label) is not None or any(rx.match(label) for _, rx in ATTENDANCE_LABELS))
