"""Labels that head a list or a field in minutes: THE attendance-label vocabulary.

"Present:", "Apologies:", "In attendance:", "Officers:" ... each says the status of the
names after it. The attendance rules read lists, tables and sentences with it; the reader's
key/value boxes and the metadata rules know a label line by it.
"""
from __future__ import annotations

import re

# (status, label pattern matched on the whole label, without its colon), first match wins.
ATTENDANCE_LABELS: list[tuple[str, re.Pattern]] = [
    ("apologies", re.compile(r"^(?:apologies(?: for absence| received| were received(?: from)?)?|apologies from)$", re.I)),
    ("absent", re.compile(r"^(?:absent|not present|absent without apologies)$", re.I)),
    ("in_attendance", re.compile(
        r"^(?:also (?:present|in attendance|attending)|in attendance|officers?(?: present| in attendance)?|"
        r"support officers?|observers?|guests?|secretariat|officials?|advisers?|advisors?|"
        r"(?:council )?officers? attending|clerk|minute[- ]?taker|minutes(?: taken by)?|note[- ]?taker|notes taken by)$", re.I)),
    ("present", re.compile(
        r"^(?:(?:partners|members|board members|panel members|committee members|councillors|voting members)"
        r"(?: present)?|present|attendees|attending|attendance|members in attendance|"
        # "Chair: Cllr Jane Bloggs" over a partnership's notes; the signature line "Chair" has no name after it.
        r"chair(?:man|person)?|in the chair)$", re.I)),
]

# Labels that open a record of their own in minutes, one line each: "Action: JB to ...",
# "Decision: ...", "Resolved: ...", "Invited: ..." (a line under the attendance lists).
RECORD_LABELS = re.compile(r"^(?:actions?(?: point)?|action by|decisions?|resolved|agreed|invited|recommendations?)$", re.I)

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
    r"author|version|academic year|financial year|reporting period|period|signed)$", re.I)


def is_field_label(text: str) -> bool:
    """A key of a key/value box: a details label ('DATE', 'Chaired by') or an attendance label ('Present')."""
    label = " ".join(text.split()).rstrip(" :").strip()
    return bool(label) and (FIELD_LABEL.match(label) is not None
                            or any(rx.match(label) for _, rx in ATTENDANCE_LABELS))
