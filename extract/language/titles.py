"""Titles, ranks and post-nominal letters written with people's names: THE one table.

Every rule that reads a name (attendance lists, owners, the spaCy person patterns, the
cross-paper linking) takes its titles from here, so a title one list knew and another did
not cannot split a person in two. Add a title here and every parser knows it.
"""

from __future__ import annotations

import re

# Courtesy and honorific titles, as written before a name ("Dr", "The Rt Hon", "Revd").
HONORIFICS = [
    "The Rt Hon",
    "Rt Hon",
    "Baroness",
    "Professor",
    "Prof",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Revd",
    "Rev",
    "Mrs",
    "Mr",
    "Ms",
    "Miss",
    "Mx",
]
# Elected members: the singular titles and the plural forms written over several names
# ("Councillors B Jones and C Patel", "Cllrs Smith, Jones and Brown").
COUNCILLOR_TITLES = ["Councillor", "Cllr"]
COUNCILLOR_PLURALS = ["Councillors", "Cllrs"]
# Police ranks in full and as attendance lists abbreviate them ("Supt D Evans", "Ch Insp ...").
POLICE_RANKS = [
    "Police and Crime Commissioner",
    "Detective Chief Inspector",
    "Detective Inspector",
    "Chief Superintendent",
    "Chief Inspector",
    "Chief Constable",
    "Superintendent",
    "Inspector",
    "Sergeant",
    "Ch Supt",
    "Chief Supt",
    "Det Supt",
    "Supt",
    "Ch Insp",
    "Chief Insp",
    "Det Insp",
    "Insp",
    "DCI",
    "DCS",
    "ACC",
    "DS",
    "DI",
    "Sgt",
    "PC",
    "PCSO",
    "CC",
]
# Single words that open a rank ("Acting Chief Inspector Sarah Beattie").
RANK_WORDS = {"inspector", "chief", "detective", "sergeant", "superintendent", "constable", "acting", "commander"}
# Letters after a name that are honours, offices or degrees, not part of the name.
POST_NOMINALS = {
    "OBE",
    "MBE",
    "CBE",
    "KBE",
    "DBE",
    "BEM",
    "QPM",
    "KPM",
    "QFSM",
    "JP",
    "DL",
    "KC",
    "QC",
    "MP",
    "MSP",
    "MS",
    "AM",
    "MEP",
    "PhD",
    "FRCP",
    "FRCS",
    "FRCR",
}

# Abbreviations may carry a full stop ("Cllr.", "Supt.", "Dr.").
_ABBREVIATED = {"Cllr", "Prof", "Dr", "Rev", "Supt", "Insp"}


def _with_stops(titles: list[str]) -> list[str]:
    out = []
    for t in titles:
        if t in _ABBREVIATED:
            out.append(t + ".")
        out.append(t)
    return out


# Every title phrase, longest first so "Chief Inspector" is tried before "Inspector".
TITLES: list[str] = sorted(set(_with_stops(POLICE_RANKS + COUNCILLOR_TITLES + HONORIFICS)), key=lambda t: (-len(t), t))
# The same titles as bare lower-case words, for rules that compare one word at a time.
TITLE_WORDS: set[str] = {t.lower().rstrip(".") for t in TITLES if " " not in t}
TITLE_PATTERN = re.compile(r"^(?P<t>" + "|".join(re.escape(t) for t in TITLES) + r")(?=\s|$)\s*", re.I)
PLURAL_TITLE_PATTERN = re.compile(r"^(?P<t>" + "|".join(COUNCILLOR_PLURALS) + r")\.?\s+", re.I)
# Titles used to build a person's variant spellings ("Dr Smith" for "Jane Smith").
SURNAME_TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Councillor", "Professor"]
# Police ranks as minutes write them before a surname alone ("PC Harris agreed to ...", "Sgt Okafor to ...",
# "Insp Lee will ..."): ward panels and community safety meetings name their officers so.
SURNAME_TITLES += ["PC", "PCSO", "Sgt", "Sergeant", "Insp", "Inspector", "Chief Inspector", "Supt", "Superintendent"]
SURNAME_TITLES += ["DC", "DS", "DI", "DCI"]


def is_post_nominal(word: str) -> bool:
    return word.strip(",.") in POST_NOMINALS


# The titles the yardstick (``../shared/eval/score.py``) drops before it compares names: kept
# here, word for word, so ``boardpapers eval`` scores as the yardstick does.
SCORER_TITLE_WORDS = {
    "cllr",
    "cllrs",
    "councillor",
    "councillors",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "sir",
    "lord",
    "lady",
    "dame",
    "rev",
    "revd",
    "sgt",
    "sergeant",
    "pc",
    "pcso",
    "insp",
    "inspector",
    "supt",
}
