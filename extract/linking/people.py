"""One person across papers: names compared after their titles are dropped.

A name is compared with another only after its titles are dropped ("Councillor Rob New" ->
"Rob New"). Two names are one person when, in the same place,

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..language.owners import TITLES as OWNER_TITLES
from ..language.owners import is_not_a_person, is_post, person_name
from ..language.people import NOT_NAME_WORDS, initials_of, is_person_name, split_title

# Owners that mean everyone present, never one person's initials.
EVERYONE = {"ALL", "ALLMEMBERS", "ALLPARTNERS"}

# --- names--------------------------------------------------------------------------------

# Groups of first names one person is written by. A name may sit in two groups (Chris).
NICKNAME_GROUPS = [
    "robert rob bob bobby robbie",
    "david dave davie",
    "joanne jo joanna jo-anne",
    "josephine jo",
    "samuel sam sammy",
    "samantha sam",
    "william will bill billy liam",
    "richard rich rick dick",
    "michael mike mick",
    "james jim jimmy jamie",
    "christopher chris",
    "christine chris",
    "christina chris",
    "nicholas nick nic nicky",
    "nicola nicky nic nikki",
    "stephen steven steve",
    "andrew andy drew",
    "anthony tony",
    "peter pete",
    "thomas tom tommy",
    "joseph joe",
    "daniel dan danny",
    "matthew matt",
    "elizabeth liz beth lizzie betty",
    "katherine kate kathy katie kath",
    "catherine kate cathy katie cath",
    "margaret maggie peggy meg",
    "edward ed ted eddie",
    "charles charlie chas",
    "alexander alex",
    "alexandra alex",
    "susan sue",
    "deborah debbie deb",
    "jennifer jenny jen",
    "patricia pat trish",
    "patrick pat",
    "timothy tim",
    "benjamin ben",
    "philip phil",
    "gregory greg",
    "kenneth ken",
    "ronald ron",
    "donald don",
    "jonathan jon",
    "john jon jack johnny",
    "rachael rachel",
    "clare claire clair",
    "frederick fred",
    "geoffrey geoff",
    "jeffrey jeff",
    "raymond ray",
    "gerald gerry",
    "terence terry",
    "lawrence laurence larry",
    "vincent vince",
    "leonard len",
    "rebecca becky",
    "victoria vicky",
    "abigail abby",
    "gillian gill jill",
    "pamela pam",
    "judith judy",
    "stuart stewart stu",
    "graham graeme",
    "alan allan allen",
    "mark marc",
    "philippa pippa",
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
SURNAME_WORDS = {
    "new",
    "young",
    "hall",
    "house",
    "street",
    "page",
    "day",
    "bill",
    "law",
    "head",
    "white",
    "black",
    "green",
    "brown",
    "hill",
    "wood",
    "park",
    "west",
    "north",
    "south",
    "east",
    "may",
    "church",
    "marsh",
    "read",
    "bishop",
    "court",
    "fields",
    "lord",
    "king",
    "parsons",
    "mann",
    "year",
}
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
    if len(rest.split()) < 2 or is_not_a_person(rest):
        return None  # 'Companies House', 'Deer Park Road', 'Parish Clerk': an organisation, a place, a post
    if not is_person_name(rest):
        # 'Rob New', 'Chris White', 'Jo May': surnames that are also words papers use
        # ('New Year', 'White Paper'), so the sentence-level check refuses them.
        first, *more = rest.split()
        if not (
            found
            and first.lower() not in NOT_NAME_WORDS
            and all(w.lower() not in NOT_NAME_WORDS or w.lower() in SURNAME_WORDS for w in more)
        ):
            return None
    return rest


_LIST_SEPARATORS = re.compile(r"\s*[,;/]\s*|\s+(?:and|&)\s+")


def clean_names(text: str | None) -> list[str]:
    """Every person a text names, one each: 'Cllr Ann Lee, Cllr Bob Hart and Cllr Cy Moss' ->
    three names; 'Lisa Wills' -> one; a text naming no person -> []. A list is split only when
    at least two of its parts are names (so 'Smith and Jones Ltd' is not two people)."""
    parts = [clean_name(p) for p in _LIST_SEPARATORS.split(text or "") if p.strip()]
    names = [p for p in parts if p]
    if len(names) >= 2:
        return list(dict.fromkeys(names))
    one = clean_name(text)
    return [one] if one else names


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


def _given_and_surname(name: str) -> tuple[list[str], str]:
    """'J R Smith' -> (['J', 'R'], 'Smith'); 'John Smith' -> (['John'], 'Smith')."""
    words = name.split()
    return words[:-1], words[-1]


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def initials_fit(short: list[str], full: list[str]) -> bool:
    """Given names written as initials fit given names in full: 'J R' fits 'John Robert' and
    'John' (a middle name the other omits); 'J R' does not fit 'John Paul'."""
    if not short or not full or not any(_initial(w) for w in short):
        return False
    for k, w in enumerate(short):
        if k >= len(full):
            return True  # a middle initial the fuller name leaves out
        if _fold(w)[0] != _fold(full[k])[0] or (
            not _initial(w) and not _initial(full[k]) and not nicknames_agree(w, full[k])
        ):
            return False
    return True


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
    ga, la = _given_and_surname(a)
    gb, lb = _given_and_surname(b)
    if (len(ga) > 1 or len(gb) > 1) and _fold(la) == _fold(lb) and (initials_fit(ga, gb) or initials_fit(gb, ga)):
        # 'J R Smith' and 'John Smith', 'J. R. Smith' and 'John Robert Smith': initials of any length.
        short, full = (a, b) if any(_initial(w) for w in ga) else (b, a)
        return NameMatch(a, b, whole, "initial", f"same surname '{la}'; the initials of '{short}' fit '{full}'", True)
    initial = len(fa.rstrip(".")) == 1 or len(fb.rstrip(".")) == 1
    if _fold(sa) == _fold(sb):
        if nick:
            return NameMatch(
                a, b, whole, "nickname", f"same surname '{sa}'; '{fa}' and '{fb}' are one first name", True
            )
        if initial and _fold(fa)[0] == _fold(fb)[0]:
            return NameMatch(
                a,
                b,
                whole,
                "initial",
                f"same surname '{sa}'; '{fa}' is the initial of '{fb}'"
                if len(fa.rstrip(".")) == 1
                else f"same surname '{sa}'; '{fb}' is the initial of '{fa}'",
                True,
            )
        return NameMatch(a, b, whole, "different first names", f"same surname '{sa}' but '{fa}' is not '{fb}'", False)
    if same_first or nick:
        if surname_score >= SURNAME_SIMILARITY:
            how = "same first name" if same_first else f"'{fa}'/'{fb}' one first name"
            return NameMatch(
                a,
                b,
                round(surname_score, 1),
                "spelling",
                f"{how}; surnames '{sa}' and '{sb}' {surname_score:.0f}% alike (>= {SURNAME_SIMILARITY})",
                True,
            )
        if surname_score >= SURNAME_REVIEW:
            return NameMatch(
                a,
                b,
                round(surname_score, 1),
                "different surnames",
                f"surnames '{sa}' and '{sb}' only {surname_score:.0f}% alike (< {SURNAME_SIMILARITY})",
                False,
            )
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
    place_of: dict[tuple[str, str | None], str | None] = field(default_factory=dict)  # -> the person's place


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
        # Blocked by the last word's first letter: 'J R Smith' and 'John Smith' meet in one block.
        blocks.setdefault((n.place, _fold(n.name.split()[-1])[:1]), []).append(n)
    initial_pairs: list[tuple[NameNode, NameNode, NameMatch]] = []
    for block in blocks.values():
        for i, x in enumerate(block):
            for y in block[i + 1 :]:
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
        placed = {n.place for n in same if n.place}
        for i, x in enumerate(same):
            for y in same[i + 1 :]:
                if x.place != y.place and (x.place is None or y.place is None) and len(placed) == 1:
                    # A paper that names no place is no other council: the same name in the one place
                    # that has it is the same person (a national panel's member, a school's governor).
                    matches.append(
                        (
                            x,
                            y,
                            NameMatch(
                                x.name,
                                y.name,
                                100.0,
                                "same name, paper without a place",
                                f"'{x.name}' in {x.place or y.place} and in a paper that names no place",
                                True,
                            ),
                        )
                    )
                elif x.place != y.place:
                    matches.append(
                        (
                            x,
                            y,
                            NameMatch(
                                x.name,
                                y.name,
                                100.0,
                                "same name, different places",
                                f"'{x.name}' in {x.place} and in {y.place}: two councils' papers",
                                False,
                            ),
                        )
                    )
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
            via = sorted(
                {n.name for n in nodes if find((n.name, n.place)) == find((x.name, x.place))} - {x.name, y.name}
            )
            final[k] = (
                x,
                y,
                NameMatch(m.a, m.b, m.score, m.rule, m.evidence + f"; merged through {', '.join(via)}", True),
            )
    members: dict[tuple, list[NameNode]] = {}
    for n in nodes:
        members.setdefault(find((n.name, n.place)), []).append(n)
    person_of, place_of = {}, {}
    for group in members.values():
        # The spelling written most often; then the fuller first name ('Robert' over 'Rob').
        best = max(group, key=lambda n: (n.count, len(n.name), n.name))
        place = next((n.place for n in group if n.place), None)
        for n in group:
            person_of[(n.name, n.place)] = best.name
            place_of[(n.name, n.place)] = place
    return Clusters(person_of, final, place_of)


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
    if not hits and len(post.split()) == 1:
        # Minutes name a post by its last word: "the Clerk is to ..." where the list has "Parish Clerk".
        for name, role in people_roles:
            head = (role or "").split(",")[0].split("(")[0].strip()
            if head and _fold(head).split()[-1:] == _fold(post).split():
                hits[name] = f"post '{post}' ends the role of {name} ('{head}') in the same paper"
    return next(iter(hits.items())) if len(hits) == 1 else None


def initials_holder(token: str, names: Iterable[str]) -> str | None:
    """'LW' -> 'Lisa Wills' when exactly one of the names abbreviates so."""
    key = re.sub(r"[^A-Za-z]", "", token).upper()
    if key in EVERYONE:
        return None  # "ALL", "ALL MEMBERS": the whole body, not one person's initials
    if not 2 <= len(key) <= 4 or not token.replace("-", "").replace(".", "").isupper():
        return None
    hits = {n for n in names if key in initials_of(n)}
    return hits.pop() if len(hits) == 1 else None
