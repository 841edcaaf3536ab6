"""The nouns that name a body: THE body-noun vocabulary.

A partnership, board, panel, committee or council is named by a run of capitalised words
ending in one of these nouns ("Safer Portsmouth Partnership", "Crime and Justice
Transparency Sector Panel"). The metadata rule reads the paper's body with them; the
decision rules read who decided ("The Board agreed ..."); the task rules resolve a bare
"the Partnership" to the one body of that kind the paper names.
"""

from __future__ import annotations

import re

# Nouns that end a body's name, as a paper capitalises them. "Governing Body" is a school's
# board ("Full Governing Body"); "Council" a local council ("West Dereham Parish Council").
BODY_NOUNS = [
    "Partnership",
    "Board",
    "Panel",
    "Committee",
    "Forum",
    "Commission",
    "Executive",
    "Cabinet",
    "Group",
    "Council",
    "Governing Body",
]
BODY_NOUNS_RE = "(?:" + "|".join(BODY_NOUNS) + ")"
# What may follow the noun and still be the body's name: "Board of Governors", "Board of Trustees".
BODY_OF_RE = r"(?:\s+of\s+(?:the\s+)?(?:Governors|Trustees|Directors|Management))"
# Bodies a paper may name with the noun alone, as a heading or a field ("Cabinet", "Minutes of Council").
STANDALONE_BODIES = {"Cabinet", "Council", "Executive"}
# A local council that is its own place: its minutes call it "the Parish Council" and name no other body.
LOCAL_COUNCIL = re.compile(r"\b(?:Parish|Town|Community|Village) Council\b")

# Labels of a field that names the paper's body: "COMMITTEE: Full Governing Body", "Meeting: Safer
# Tamebridge Board", "Report to: Cabinet" (a report's body is its addressee), "TO BE REVIEWED BY: X".
BODY_LABEL = re.compile(
    r"^(?:(?:name of (?:the )?)?(?:committee|meeting|body|board|panel|forum|group|sub-committee)(?: name)?|"
    r"meeting of(?: the)?|report to|to|decision[- ](?:maker|taker)|(?:to be )?(?:reviewed|approved|adopted|ratified) by)$",
    re.I,
)
# Labels of a field that names the organisation whose paper it is, the body when no committee is named.
ORGANISATION_LABEL = re.compile(
    r"^(?:(?:school|academy|trust|organi[sz]ation|council|authority|partnership)(?: name)?|"
    r"name of (?:the )?(?:school|academy|trust|organi[sz]ation|council|authority|partnership))$",
    re.I,
)

# Who decides, as the subject of a decision sentence ("The Board agreed", "Members resolved").
DECIDING_SUBJECTS = BODY_NOUNS[:] + ["Members", "Partners", "meeting", "group"]
# Councils and governing bodies decide as their members: "Councillors agreed", "The Council resolved",
# "Governors approved", "The Trustees agreed", "The Sub-Committee resolved" (parish, town and district
# councils, school and academy governors, charities).
DECIDING_SUBJECTS += [
    "Council",
    "Councillors",
    "councillors",
    "members",
    "Governors",
    "governors",
    "Governing Body",
    "Trustees",
    "Directors",
    "Sub-Committee",
    "Sub-Group",
    "committee",
    "board",
    "panel",
]
DECIDING_SUBJECTS_RE = "(?:" + "|".join(dict.fromkeys(DECIDING_SUBJECTS)) + ")"

# A body named by its kind alone ("the Partnership", "the Sub-Group"): resolved to the one
# body of that kind the paper names.
GENERIC_BODY = re.compile(r"^(?:partnership|board|committee|panel|group|sub-group|executive|forum|team)$", re.I)
