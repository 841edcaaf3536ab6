"""The nouns that name a body: THE body-noun vocabulary.

A partnership, board, panel, committee or council is named by a run of capitalised words
ending in one of these nouns ("Safer Portsmouth Partnership", "Crime and Justice
Transparency Sector Panel"). The metadata rule reads the paper's body with them; the
decision rules read who decided ("The Board agreed ..."); the task rules resolve a bare
"the Partnership" to the one body of that kind the paper names.
"""
from __future__ import annotations

import re

# Nouns that end a body's name, as a paper capitalises them.
BODY_NOUNS = ["Partnership", "Board", "Panel", "Committee", "Forum", "Commission", "Executive", "Cabinet", "Group"]
BODY_NOUNS_RE = "(?:" + "|".join(BODY_NOUNS) + ")"

# Who decides, as the subject of a decision sentence ("The Board agreed", "Members resolved").
DECIDING_SUBJECTS = BODY_NOUNS[:] + ["Members", "Partners", "meeting", "group"]
# Councils and governing bodies decide as their members: "Councillors agreed", "The Council resolved",
# "Governors approved", "The Trustees agreed", "The Sub-Committee resolved" (parish, town and district
# councils, school and academy governors, charities).
DECIDING_SUBJECTS += ["Council", "Councillors", "councillors", "members", "Governors", "governors", "Governing Body",
                      "Trustees", "Directors", "Sub-Committee", "Sub-Group", "committee", "board", "panel"]
DECIDING_SUBJECTS_RE = "(?:" + "|".join(dict.fromkeys(DECIDING_SUBJECTS)) + ")"

# A body named by its kind alone ("the Partnership", "the Sub-Group"): resolved to the one
# body of that kind the paper names.
GENERIC_BODY = re.compile(r"^(?:partnership|board|committee|panel|group|sub-group|executive|forum|team)$", re.I)
