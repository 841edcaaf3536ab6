"""Owner cells split into people, posts, groups and the organisations written beside them.

Delivery plans and recommendation tables name who is responsible in one cell, in many
ways: "Lisa Wills\\nBarry Dickinson", "Alan Knobel / Barry Dickinson", "Barry Dickinson and
Lisa Wills", "Karen Monteith, Public Health; Tracey Greaves, Trading Standards", "Barry
Dickinson ICS", "Police & PCC", "Wellbeing Service Manager", "Strategy and Partnerships
Manager and partners agencies/services". :func:`split_owners` turns such a cell into an
:class:`Owners`: each owner kept apart (a person's name, a post, or a group or organisation
that is itself the owner), and the organisations written after a person's name kept aside.

The rules, in order:

1. hard separators split: line breaks, ";", and a "/" with a space on either side
   ("agencies/services" is one owner);
2. "and", "&" and "," split where what follows starts a new owner: a person's name, a post
   ("Director of ...", "Assistant Director ..."), or where what precedes is a complete post
   or name ("... Manager and partners"). "Strategy and Partnerships Manager" and "Police &
   PCC" stay whole;
3. after a person's name, what is not itself a name or a post is that person's organisation:
   "Barry Dickinson ICS", "Karen Monteith, Public Health";
4. an organisation written before a dash names whose the owner after it is: "Police – Supt
   Jones", "Probation – Claire Hughes" give the owner "Supt Jones", "Claire Hughes" and the
   organisation; the reverse ("Claire Hughes – Probation") is rule 3;
5. a title or rank before a surname alone ("Supt Jones", "Cllr Smith", "Inspector Davies") is a
   person, kept with the title: the surname alone would name nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .titles import COUNCILLOR_TITLES, HONORIFICS, RANK_WORDS, TITLE_WORDS

# Words that head or end a post: "Wellbeing Service Manager", "Director of Public Health".
POST_WORDS = {
    "manager",
    "managers",
    "director",
    "directors",
    "officer",
    "officers",
    "head",
    "lead",
    "leads",
    "inspector",
    "consultant",
    "commissioner",
    "chair",
    "chairman",
    "chairperson",
    "coordinator",
    "co-ordinator",
    "executive",
    "superintendent",
    "adviser",
    "advisor",
    "analyst",
    "researcher",
    "worker",
    "workers",
    "nurse",
    "commander",
    "secretary",
    "clerk",
    "member",
    "members",
    "leader",
    "specialist",
    "administrator",
    "controller",
    "supervisor",
    "sergeant",
    "constable",
    "chief",
    "deputy",
    "assistant",
    "councillor",
    "cabinet",
    "portfolio",
    "holder",
    "practitioner",
    "caseworker",
    # Schools and parishes: "SENDCo", "Headteacher", "SBM", "Subject leader", "Treasurer".
    "teacher",
    "teachers",
    "headteacher",
    "headmaster",
    "headmistress",
    "principal",
    "bursar",
    "treasurer",
    "sendco",
    "senco",
    "sbm",
    "dsl",
    "mayor",
    "vice-chair",
    "vice-chairman",
    "governor",
    "governors",
    "chairwoman",
    "champion",
    "tas",
    "ta",
    "trustee",
    "trustees",
    "handyman",
    "warden",
    "ranger",
}
# Occupations a post is named by ("Thoracic Surgeon", "Consultant Radiologist", "Lung Cancer Nurse
# Specialist"): words of a post, never of a name. people.py reads the same set.
OCCUPATION_WORDS = {
    "surgeon",
    "surgeons",
    "physician",
    "physicians",
    "radiologist",
    "radiographer",
    "doctor",
    "doctors",
    "gp",
    "gps",
    "pharmacist",
    "therapist",
    "physiotherapist",
    "psychologist",
    "psychiatrist",
    "paediatrician",
    "oncologist",
    "cardiologist",
    "anaesthetist",
    "midwife",
    "midwives",
    "paramedic",
    "dietitian",
    "dietician",
    "registrar",
    "matron",
    "clinician",
    "clinicians",
    "sonographer",
    "solicitor",
    "accountant",
    "auditor",
    "engineer",
    "surveyor",
    "architect",
    "planner",
    "lawyer",
    "barrister",
    "librarian",
    "caretaker",
    "receptionist",
    "volunteer",
    "volunteers",
    "apprentice",
}
POST_WORDS |= OCCUPATION_WORDS
# Posts that name one holder on their own, capitalised as the paper writes them ("the Clerk is to ...",
# "SENDCo; Headteacher"): the lexicon the task matcher reads owners from, and the owner splitter splits by.
POSTS = [
    "Clerk",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Vice-Chair",
    "Vice-Chairman",
    "Treasurer",
    "Secretary",
    "Headteacher",
    "Headmaster",
    "Headmistress",
    "Principal",
    "Bursar",
    "Mayor",
    "Leader",
    "Deputy",
    "SENDCo",
    "SENCo",
    "SENCO",
    "SENDCO",
    "SBM",
    "DSL",
    "Manager",
    "Officer",
    "Director",
    "Coordinator",
    "Co-ordinator",
    "Teacher",
    "Lead",
    "Administrator",
    "Secretariat",
    "Commissioner",
    "Controller",
    "Adviser",
    "Advisor",
    "Inspector",
    "Executive",
    "Warden",
    "Handyman",
]
# Groups a task may be given to as a whole ("Members to send ...", "all members", "Democratic Services
# will ..."): kept as written.
GROUP_OWNERS = [
    "Members",
    "Councillors",
    "Governors",
    "Officers",
    "Partners",
    "Trustees",
    "Directors",
    "Officials",
    "Everyone",
    "Services",
]
# Words that open a post: "Director of ...", "Assistant Director ...", "Head of ...".
POST_OPENERS = {
    "director",
    "assistant",
    "deputy",
    "head",
    "chief",
    "acting",
    "interim",
    "senior",
    "principal",
    "cabinet",
    "portfolio",
    "lead",
    "service",
    "strategic",
    "programme",
    "project",
}
# Words found in the names of organisations and groups, never in a person's name.
ORG_WORDS = {
    "police",
    "council",
    "service",
    "services",
    "trust",
    "constabulary",
    "health",
    "standards",
    "partnership",
    "partnerships",
    "group",
    "groups",
    "board",
    "unit",
    "team",
    "teams",
    "department",
    "agency",
    "agencies",
    "university",
    "college",
    "school",
    "schools",
    "fire",
    "rescue",
    "probation",
    "nhs",
    "commissioning",
    "company",
    "futures",
    "care",
    "housing",
    "safety",
    "community",
    "panel",
    "committee",
    "network",
    "forum",
    "office",
    "authority",
    "centre",
    "center",
    "hospital",
    "practice",
    "partners",
    "organisation",
    "organisations",
    "children's",
    "adult",
    "social",
    "public",
    "regulatory",
    "trading",
    "justice",
    "crime",
    "strategy",
    "wellbeing",
    "education",
    "government",
    "ministry",
    "foundation",
    "charity",
    "limited",
    "ltd",
    "plc",
    "county",
    "city",
    "borough",
    "district",
    "all",
    "companies",
    "commission",
    "directorate",
    "inspectorate",
}
# Words of a place's name (a street, a building, a site): never in a person's name ("Deer Park
# Road", "Eastmoor Library"). "Street", "Hall", "House" and "Church" are surnames too: see
# :func:`is_not_a_person`.
PLACE_WORDS = {
    "road",
    "lane",
    "avenue",
    "crescent",
    "terrace",
    "gardens",
    "library",
    "surgery",
    "station",
    "estate",
    "academy",
    "museum",
    "stadium",
    "village",
    "building",
    "buildings",
    "offices",
    "chambers",
    "rooms",
    "room",
}
# Words that are place or building names after another word, and surnames after a given name:
# "Companies House", "Town Hall", "High Street" but "Richard Hall", "Claire Church".
PLACE_OR_SURNAME = {"house", "hall", "street", "church", "park", "court", "green", "square", "place"}
# First words of a building's or street's name before PLACE_OR_SURNAME ("Town Hall", "High Street").
PLACE_OPENERS = {"town", "city", "high", "county", "guild", "market", "village", "parish", "mansion", "old", "new"}
# The categories of a governing body's members, written beside a name ("Andrew McKenzie, Parent"):
# what kind of member, not an organisation.
MEMBER_CATEGORIES = {
    "co-opted",
    "coopted",
    "parent",
    "staff",
    "ex-officio",
    "ex officio",
    "la",
    "local authority",
    "foundation",
    "associate",
    "partnership",
    "community",
    "trustee",
    "member",
    "observer",
    "clerk",
}
# Ranks and titles written before a name ("Inspector Jane Hollis", "Cllr Smith"): see .titles.
RANKS = RANK_WORDS
TITLES = TITLE_WORDS

# "Police – Supt Jones", "South Wales Police - Inspector Owen Price": an organisation, a dash
# with spaces round it, then the owner (annual action plans with one Owner column, 2018-20).
_ORG_DASH = re.compile(r"^(?P<org>[^–—-]{2,60}?)\s+[–—-]\s+(?P<owner>\S.*)$")
_HARD_SPLIT = re.compile(r"\n|;|\s/\s?|\s?/\s|\s\+\s")
# "Heather Poustie/Kay Dicken", "AB/CD", "SENDCo/Headteacher": a "/" with no spaces splits names,
# initials and posts; "agencies/services" stays one owner.
_TIGHT_SLASH = re.compile(r"(?<=\S)/(?=\S)")
# "Newly appointed BASC leader": how the holder came to the post is not part of it.
_POST_PREAMBLE = re.compile(
    r"^(?:newly|recently)\s+(?:appointed|elected|recruited)\s+|^(?:new|interim|acting)\s+(?=[A-Z])", re.I
)
_SOFT_JOIN = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
# O’Hara with the curly apostrophe PDFs and Word use, as well as O'Hara (issue 8, property tests).
_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$|^[A-Z]\.?$|^(?:Mc|Mac|O['’])[A-Z][a-z]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
# Each soft split re-reads the text on both sides, so the cost grows with the cube of the
# length: 2,000 characters of "Mr ," took 0.7 s and 20,000 took 390 s (issue 8, the 10 MB
# paragraph). The longest owner list in the corpus (text and PDF) is 110 characters; longer text
# between hard separators is prose that leaked into an owner column, kept whole.
_LONGEST_OWNER_LIST = 500


@dataclass(frozen=True)
class Owners:
    as_written: str
    owners: list[str] = field(default_factory=list)  # people, posts and groups, in the order written
    people: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # an organisation or group that is itself an owner
    organisations: list[str] = field(default_factory=list)  # written beside a person ("ICS")

    @property
    def owner(self) -> str | None:
        return "; ".join(self.owners) or None


def _words(text: str) -> list[str]:
    return text.split()


def _bare(word: str) -> str:
    return word.strip(".,()").lower()


def person_name(text: str) -> tuple[str, str] | None:
    """'Barry Dickinson ICS' -> ('Barry Dickinson', 'ICS'); 'Cllr Lee Hunt' -> ('Lee Hunt', '');
    None when the text does not open with a person's name."""
    words = _words(text.strip().rstrip("."))
    while words and _bare(words[0]) in TITLES:
        words = words[1:]
    ranked = words
    while ranked and _bare(ranked[0]) in RANKS:
        ranked = ranked[1:]
    if (
        ranked is not words
        and len(ranked) >= 2
        and all(_NAME_WORD.match(w.rstrip(",")) for w in ranked[:2])
        and not any(_bare(w) in ORG_WORDS | POST_WORDS for w in ranked[:2])
    ):
        words = ranked
    n = 0
    for w in words:
        if n >= 3 or not _NAME_WORD.match(w.rstrip(",")) or _bare(w) in ORG_WORDS | POST_WORDS:
            break
        n += 1
    # Two words at least ("Bruce Marr"); an initial alone ("B. Marr") still needs a surname.
    if n < 2 or len(words[n - 1].rstrip(".")) < 2:
        return None
    rest = " ".join(words[n:]).strip(" ,")
    if rest and not _is_org_tail(rest):
        return None
    return " ".join(words[:n]), rest.strip(" -–—")


def _is_org_tail(text: str) -> bool:
    """What may follow a name as its organisation: acronyms ('ICS', 'PCC'), bracketed text, or
    words after a dash ('Claire Hughes – Probation')."""
    if text.startswith("(") and text.endswith(")"):
        return True
    if text[:1] in "–—-" and len(text.split()) <= 8:
        return True
    return all(_ACRONYM.match(w) or w in "&-–" for w in _words(text))


def titled_surname(text: str) -> str | None:
    """'Supt Jones', 'Cllr Smith', 'Chief Inspector Davies': a title or rank and one surname, as
    written; None for anything else (a full name is :func:`person_name`'s)."""
    words = _words(text.strip().rstrip("."))
    k = 0
    while k < len(words) and _bare(words[k]) in TITLES | RANKS:
        k += 1
    if k == 0 or len(words) != k + 1:
        return None
    last = words[-1]
    if not _NAME_WORD.match(last) or len(last) < 2 or _bare(last) in ORG_WORDS | POST_WORDS:
        return None
    return " ".join(words)


def _org_then_owner(text: str) -> tuple[str, str] | None:
    """'Police – Supt Jones' -> ('Police', 'Supt Jones'): an organisation (no post or name in it)
    before a spaced dash, a person or a post after it."""
    m = _ORG_DASH.match(text)
    if not m:
        return None
    org, owner = m.group("org").strip(), m.group("owner").strip()
    org_words = [_bare(w) for w in _words(org)]
    if not all(
        w in ORG_WORDS or _ACRONYM.match(o) or w in _CONNECTORS or _NAME_WORD.match(o)
        for w, o in zip(org_words, _words(org))
    ):
        return None
    if not any(w in ORG_WORDS or _ACRONYM.match(o) for w, o in zip(org_words, _words(org))) or is_post(org):
        return None
    if person_name(owner) is None and titled_surname(owner) is None and not is_post(owner):
        return None
    return org, owner


_CONNECTORS = {"and", "&", "of", "the", "for"}


_POST_SET = {p.lower() for p in POSTS}


def is_post(text: str) -> bool:
    words = [_bare(w) for w in _words(text)]
    if len(words) == 1 and words[0] in _POST_SET:
        return True
    if not words:
        return False
    # A post's head comes before what it is for: "Lead Member for Children" is a member; "Release
    # time for teachers" is time, whoever it is for.
    head = next((k for k, w in enumerate(words) if w in ("for", "with", "to", "from", "in", "on")), len(words))
    if 0 < head < len(words):
        words = words[:head]
    return (
        words[-1] in POST_WORDS
        or words[0] in POST_WORDS
        or (words[0] in POST_OPENERS and any(w in POST_WORDS for w in words))
    )


def is_not_a_person(text: str) -> bool:
    """A name-like text that names an organisation, a place or a post: 'Companies House', 'Deer
    Park Road', 'Parish Clerk', 'Dyslexia Specialist Teacher'; 'Richard Hall' is a person."""
    words = [_bare(w) for w in _words(text)]
    if not words:
        return False
    if any(w in ORG_WORDS or w in PLACE_WORDS for w in words) or is_post(text):
        return True
    if words[-1] in OCCUPATION_WORDS:
        return True
    # "Companies House", "Town Hall": the word before is no given name (a plural, a common noun).
    if words[-1] in PLACE_OR_SURNAME and len(words) >= 2:
        first = words[0]
        return first.endswith("ies") or first in PLACE_OPENERS
    return False


def _starts_owner(text: str) -> bool:
    """Does this text open a new owner (a person's name or a post)?"""
    words = _words(text)
    if not words:
        return False
    if person_name(text) is not None:
        return True
    first = _bare(words[0])
    return (
        first in POST_OPENERS - {"service", "strategic", "programme", "project", "lead"}
        and is_post(text)
        or first in {"director", "head", "chief", "assistant", "deputy"}
    )


def _ends_owner(text: str) -> bool:
    """Does this text end with a complete owner (a post or a person's name)?"""
    words = _words(text)
    if not words:
        return False
    if _bare(words[-1]) in POST_WORDS:
        return True
    name = person_name(text)
    return name is not None and not name[1]


def _split_soft(part: str) -> list[str]:
    """Split at ',', 'and', '&' where one side is a complete owner and the other opens one."""
    if len(part) > _LONGEST_OWNER_LIST:
        return [part]
    pieces: list[str] = []
    current = ""
    last = 0
    for m in _SOFT_JOIN.finditer(part):
        left = (current + part[last : m.start()]).strip()
        right = part[m.end() :].strip()
        comma = "," in m.group(0)
        # The owner to the right reaches the next joiner only: "Head of Policy and Strategy and Clerk".
        right_first = _SOFT_JOIN.split(right, maxsplit=1)[0].strip()
        if (
            left
            and right
            and (
                _starts_owner(right)
                or _ends_owner(left)
                or (comma and person_name(left) is not None)
                or (is_post(left) and is_post(right_first))
            )
        ):
            pieces.append(left)
            current = ""
        else:
            current = left + m.group(0)
        last = m.end()
    pieces.append((current + part[last:]).strip())
    return [p for p in pieces if p]


def _clean(text: str) -> str:
    return without_preamble(" ".join(text.split()).strip(" ,.-–"))


def without_preamble(text: str) -> str:
    """'Newly appointed BASC leader' -> 'BASC leader': how the post came to be filled is not its name."""
    return _POST_PREAMBLE.sub("", text)


def _is_owner_word(text: str) -> bool:
    """A name, initials or a post on its own: what a tight '/' may split ('AB/CD', 'Kay Dicken/Clark')."""
    t = text.strip(" .")
    return (
        bool(re.fullmatch(r"[A-Z]{2,4}", t))
        or person_name(t) is not None
        or is_post(t)
        or bool(re.fullmatch(r"[A-Z][a-z]+", t))
    )


def _split_tight_slashes(text: str) -> list[str]:
    parts = _TIGHT_SLASH.split(text)
    if (
        len(parts) > 1
        and all(_is_owner_word(p) for p in parts)
        and any(person_name(p.strip()) or re.fullmatch(r"[A-Z]{2,4}", p.strip(" .")) or is_post(p) for p in parts)
    ):
        return parts
    return [text]


# A PDF cell wraps its text onto new lines: "Director of\nPublic Health" is one post. A line that
# ends on a joining word, or a line that starts in lower case, continues the line before.
_WRAPPED_AFTER = re.compile(r"(?:^|(?<=\s))(of|and|for|the|to|in|&)[ \t]*\n\s*", re.I)
_WRAPPED_BEFORE = re.compile(r"[ \t]*\n\s*(?=[a-z(])")


def split_owners(text: str | None) -> Owners:
    """Split an owner cell; see the module docstring for the rules."""
    as_written = (text or "").strip()
    text = _WRAPPED_BEFORE.sub(" ", _WRAPPED_AFTER.sub(r"\1 ", as_written))
    owners: list[str] = []
    people: list[str] = []
    posts: list[str] = []
    groups: list[str] = []
    orgs: list[str] = []
    last_person = False
    for hard in [t for h in _HARD_SPLIT.split(text) for t in _split_tight_slashes(h)]:
        last_person = False
        for piece in _split_soft(hard):
            piece = _clean(piece)
            if not piece:
                continue
            dashed = _org_then_owner(piece)
            if dashed is not None:
                orgs.append(dashed[0])
                piece = dashed[1]
            titled = titled_surname(piece)
            if titled is not None:
                owners.append(titled)
                people.append(titled)
                last_person = True
                continue
            name = person_name(piece)
            if name is not None:
                owners.append(name[0])
                people.append(name[0])
                if name[1]:
                    orgs.append(name[1].strip("()"))
                last_person = True
            elif is_post(piece):
                owners.append(piece)
                posts.append(piece)
                last_person = False
            elif last_person:
                orgs.append(piece)  # "Karen Monteith, Public Health": her department
            else:
                owners.append(piece)
                groups.append(piece)
    return Owners(
        as_written=as_written,
        owners=_unique(owners),
        people=_unique(people),
        posts=_unique(posts),
        groups=_unique(groups),
        organisations=_unique(orgs),
    )


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


# --- people listed with their roles -------------------------------------------------------------

_TITLE_RX = r"(?:(?:" + "|".join(re.escape(t.rstrip(".")) for t in HONORIFICS + COUNCILLOR_TITLES) + r")\.?\s+)?"
_NAME_WORD_RX = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# "Name Surname," -- a name is followed by its role, after a comma.
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w-])(?P<title>{_TITLE_RX})(?P<name>{_NAME_WORD_RX}(?:\s+[A-Z]\.?)?(?:\s+{_NAME_WORD_RX}){{1,2}})\s*,"
)


def split_people(text: str | None) -> list[tuple[str, str | None]]:
    """People listed one after another with their roles, each as (name, role).

    'Collette Hill, Clean & Green Service Manager Matt Smith, Public Health Consultant' ->
    [('Collette Hill', 'Clean & Green Service Manager'), ('Matt Smith', 'Public Health Consultant')].
    A witness list in a scrutiny report's appendix is written so, often with the line breaks
    lost. A name is two or three capitalised words, none of them a word of posts or
    organisations ('Unit Head', 'Purple Futures'), followed by a comma.
    """
    flat = " ".join((text or "").split())
    starts = []
    for m in _NAME_THEN_ROLE.finditer(flat):
        words = m.group("name").split()
        # "Rescue Pete Kavanagh": the match may open on the last word of the role before it.
        while len(words) > 2 and (_bare(words[0]) in ORG_WORDS | POST_WORDS | POST_OPENERS):
            words = words[1:]
        if any(_bare(w) in ORG_WORDS | POST_WORDS for w in words):
            continue
        name = " ".join(words)
        trimmed = len(words) < len(m.group("name").split())
        starts.append((m.end("name") - len(name) if trimmed else m.start(), m.end(), name))
    if not starts:
        whole = person_name(flat)
        return [(whole[0], whole[1] or None)] if whole else []
    people = []
    for k, (_start, role_start, name) in enumerate(starts):
        role_end = starts[k + 1][0] if k + 1 < len(starts) else len(flat)
        role = flat[role_start:role_end].strip(" ,;.")
        people.append((name, role or None))
    return people
