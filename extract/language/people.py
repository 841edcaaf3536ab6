"""Person names in council papers: titles, attendance entries, mentions, initials.

Pure functions and one small index (:class:`People`) built per document from the
attendance lists and the names the text itself uses. It answers three questions the
minutes parser asks: is this a person's name, which spelling of a listed name does the
paper mean, and whose initials are "PE-J" or "AL/ SH".
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .owners import OCCUPATION_WORDS
from .titles import TITLE_PATTERN, TITLES, is_post_nominal  # noqa: F401 - TITLES is part of this module's API

_TITLE_RE = TITLE_PATTERN

# One word of a name: "Paula", "O’Hara", "McNally", "Edmondson-Jones", "Heather-Fiona".
NAME_WORD = r"(?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:[’'][a-z]+)?(?:-[A-Z][a-z]+)*"
_PARTICLE = r"(?:van|von|de|da|di|du|le|la|der|den|bin|ibn|ap|ab)"  # ap/ab: Welsh "Dafydd ap Rhys"
NAME_RE = re.compile(
    rf"(?:[A-Z]\.?\s+)+(?:{NAME_WORD}\s+)?{NAME_WORD}|{NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{NAME_WORD}){{1,2}}"
)

# Words that make a capitalised phrase an organisation, a document, a topic or a place, not a person,
# by class. Endings that no name has ("-tion", "-ment", "-ship") are a class of their own: see
# not_name_word.
# Bodies and the parts of them.
ORGANISATION_NOUNS = {
    "office",
    "team",
    "board",
    "service",
    "services",
    "council",
    "fund",
    "funding",
    "project",
    "projects",
    "programme",
    "plan",
    "plans",
    "strategy",
    "group",
    "groups",
    "unit",
    "authority",
    "constabulary",
    "trust",
    "agency",
    "university",
    "ministry",
    "department",
    "committee",
    "panel",
    "police",
    "hospital",
    "network",
    "forum",
    "centre",
    "center",
    "executive",
    "cabinet",
    "inspectorate",
    "parliament",
    "institute",
    "society",
    "corporation",
    "registry",
    "court",
    "courts",
    "school",
    "college",
    "sector",
    "probation",
    "fire",
    "rescue",
}
# Posts and the people of a meeting.
ROLE_NOUNS = {
    "officer",
    "officers",
    "manager",
    "chair",
    "member",
    "members",
    "partner",
    "partners",
    "director",
    "head",
    "lead",
    "researcher",
    "coordinator",
    "co-ordinator",
    "champion",
    "champions",
    "commissioner",
    "constable",
    "observer",
    "observers",
    "guests",
    "secretariat",
    "apologies",
    "present",
    "attendance",
    "attendees",
    "governor",
    "governors",
    "trustee",
    "trustees",
    "headteacher",
    "vacancy",
    "vacant",
}
# What papers are about.
TOPIC_WORDS = {
    "crime",
    "justice",
    "safety",
    "health",
    "care",
    "community",
    "communities",
    "public",
    "safer",
    "alcohol",
    "drugs",
    "drug",
    "violence",
    "violent",
    "abuse",
    "offender",
    "offenders",
    "women",
    "girls",
    "victims",
    "victim",
    "young",
    "people",
    "children",
    "adult",
    "adults",
    "homes",
    "home",
    "standards",
    "trading",
    "prevent",
    "law",
    "freedom",
    "transparency",
    "open",
    "data",
    "performance",
    "research",
    "analysis",
    "statistics",
    "outcomes",
    "target",
    "targets",
    "finance",
    "commissioning",
    "planning",
}
# The parts and furniture of a paper.
DOCUMENT_WORDS = {
    "report",
    "meeting",
    "agenda",
    "item",
    "items",
    "minutes",
    "minute",
    "notes",
    "note",
    "act",
    "bill",
    "paper",
    "review",
    "policy",
    "framework",
    "support",
    "update",
    "updates",
    "action",
    "actions",
    "decision",
    "decisions",
    "page",
    "pages",
    "theme",
    "themes",
    "series",
    "aob",
    "welcome",
    "forward",
    "scrutiny",
    "legislative",
    "post",
    "select",
    "grant",
    "bid",
    "gazette",
}
# Places, buildings and directions.
PLACE_WORDS = {
    "area",
    "city",
    "county",
    "street",
    "road",
    "house",
    "hall",
    "room",
    "east",
    "west",
    "north",
    "south",
    "midlands",
    "kingdom",
    "england",
    "wales",
    "scotland",
    "britain",
    "national",
    "local",
}
# Times.
CALENDAR_WORDS = {
    "christmas",
    "easter",
    "new",
    "year",
    "quarter",
    "day",
    "week",
    "month",
}
# Articles and conjunctions.
FUNCTION_WORDS = {
    "the",
    "and",
    "of",
}
# Words of the names schemes and funds are given ("Total Place", "Leading Lights", "Small Retailer Capital Grant", "Bike Check", "SPP Pot").
SCHEME_WORDS = {
    "total",
    "place",
    "pot",
    "vigilance",
    "lights",
    "retailer",
    "capital",
    "bike",
    "check",
    "challenge",
}
NOT_NAME_WORDS = (
    ORGANISATION_NOUNS
    | ROLE_NOUNS
    | OCCUPATION_WORDS
    | TOPIC_WORDS
    | DOCUMENT_WORDS
    | PLACE_WORDS
    | CALENDAR_WORDS
    | FUNCTION_WORDS
    | SCHEME_WORDS
)
# Endings of abstract and collective nouns that no name has: "Information", "Management",
# "Partnerships", "Criminology"; "-ing" only before the last word ("Leading Lights", "Planning
# Policy"), for surnames end in it (Harding, Manning).
_NOT_NAME_ENDING = re.compile(r"\w{3,}(?:tion|sion)s?|\w{4,}ments?|\w{3,}ships?|\w{3,}isms?|\w{2,}ology", re.I)
_NOT_NAME_BEFORE_LAST = re.compile(r"\w{4,}ing", re.I)


def not_name_word(word: str, *, last: bool = True) -> bool:
    """A word that makes a capitalised phrase an organisation, a document or a topic, not a person."""
    w = word.lower()
    return (
        w in NOT_NAME_WORDS
        or bool(_NOT_NAME_ENDING.fullmatch(w))
        or (not last and bool(_NOT_NAME_BEFORE_LAST.fullmatch(w)))
    )


NOT_FIRST_WORDS = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "a",
    "an",
    "in",
    "on",
    "for",
    "with",
    "page",
    "item",
    "following",
    "during",
    "subject",
    "partners",
    "other",
    "update",
    "there",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "our",
    "all",
    "any",
    "each",
    "some",
    "no",
    "not",
    "also",
    "after",
    "before",
    "when",
    "where",
    "while",
    "although",
    "however",
    "further",
    "both",
    "as",
    "at",
    "by",
    "from",
    "to",
    "if",
    "once",
    "since",
    "until",
    "upon",
    "using",
    "having",
    "dear",
    "thanks",
    "mr",
    "mrs",
    "ms",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "spring",
    "summer",
    "autumn",
    "winter",
    "councillor",
    "cllr",
    "dr",
    "professor",
    "sir",
    "lord",
    "chief",
    "action",
    "actions",
    "due",
    "owner",
    "deadline",
    "progress",
    "status",
    "resolved",
    "agreed",
    "decision",
    "decisions",
    "noted",
    "present",
    "apologies",
    "officers",
    "guests",
    "observer",
    "members",
}
# Words before a name that give it away as a person ("SPP Researcher Sam Hogan").
ROLE_WORDS = {
    "researcher",
    "officer",
    "manager",
    "chair",
    "chairman",
    "councillor",
    "cllr",
    "director",
    "inspector",
    "sergeant",
    "constable",
    # the ranks abbreviated: "Sgt Sara Lee", "Insp Lee" are a person after a rank, not a person "Sgt Sara"
    "sgt",
    "insp",
    "supt",
    "coordinator",
    "co-ordinator",
    "analyst",
    "lead",
    "member",
    "champion",
    "secretary",
    "commissioner",
    "dr",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
}

PART_RE = re.compile(
    r"\((?:part|for part|part of (?:the )?meeting|left (?:early|at [^)]*)|arrived (?:late|at [^)]*)|from (?:item|minute) [^)]*|for (?:item|minute)s? [^)]*|until [^)]*)\)",
    re.I,
)


def split_title(text: str) -> tuple[str | None, str]:
    """'Councillor Paula Riches' -> ('Councillor', 'Paula Riches'); 'Dr Kieron O’Hara' -> ('Dr', ...).

    Titles stack ("Professor Sir ..."). A title before a lone surname stays in the name:
    'Lord McNally' is the name the paper gives, and a bare 'McNally' would not be.
    """
    titles, rest = [], text.strip()
    while True:
        m = _TITLE_RE.match(rest)
        if not m or not rest[m.end() :].strip():
            break
        titles.append(m.group("t"))
        rest = rest[m.end() :]
    if titles and len(rest.split()) == 1:
        return " ".join(titles), f"{titles[-1]} {rest}"
    return (" ".join(titles) or None), rest


# Months and seasons that are also given names: a name only where a title vouches for a person.
_MONTHS_THAT_ARE_NAMES = {"april", "may", "june", "august", "summer", "autumn"}


def is_person_name(text: str, *, titled: bool = False) -> bool:
    """Two to four capitalised words, none of them an organisation word: 'Jo Crookes', 'Kieron O’Hara'.

    ``titled``: the text stood after a title ("Councillor Rob New"), which vouches for a person,
    so the surname may be a word that is elsewhere an organisation's (New, Hall, Young, West).
    """
    text = text.strip()
    title, rest = split_title(text)
    titled = titled or title is not None
    if title and re.fullmatch(rf"{re.escape(title.split()[-1])}\s+{NAME_WORD}", rest):
        return True  # Lord McNally
    if not NAME_RE.fullmatch(rest):
        return False
    words = rest.split()
    # "Councillor A Smith": after a title a lone capital is an initial, not the article.
    initial = titled and len(words) >= 2 and re.fullmatch(r"[A-Z]\.?", words[0])
    # "Cllr June Webb", "PC May Lister": after a title a month that is also a given name is the name.
    given = titled and len(words) >= 2 and words[0].lower() in _MONTHS_THAT_ARE_NAMES
    if words[0].lower() in NOT_FIRST_WORDS and not initial and not given:
        return False
    checked = words[:-1] if titled and len(words) >= 2 else words
    return not any(not_name_word(w, last=k == len(words) - 1) for k, w in enumerate(checked))


@dataclass(frozen=True)
class Entry:
    """One line of an attendance list, read."""

    name: str
    title: str | None
    role: str | None
    part: bool
    as_written: str


def parse_entry(text: str) -> Entry | None:
    """'Councillor Paula Riches, Police Authority (part)' -> name, title, role, part.

    Accepts 'Name, Role', 'Name (Role)', 'Name – Role', and 'Name Role' with no separator
    (two-column lists flattened by the PDF: 'Jo May HMCTS'), where the name is taken as the
    first two or three name words. Returns None where the text does not start with a name.
    """
    raw = " ".join(text.split()).strip(" .;")
    if not raw or len(raw) > 160:
        return None
    part = bool(PART_RE.search(raw))
    body = PART_RE.sub("", raw).strip(" ,")
    m = re.match(r"^(?P<name>[^,(–—:]+?)\s*(?:,\s*|\s+[–—-]\s+|\s*\((?=[^)]*\)\s*$))(?P<role>.*)$", body)
    name_part, role = (m.group("name"), m.group("role")) if m else (body, "")
    role = role.strip().rstrip(")") if role.strip().endswith(")") and "(" not in role else role.strip()
    name_part, honours = _strip_post_nominals(name_part.strip())
    if honours:
        role = f"{honours}, {role}" if role else honours
    title, name = split_title(name_part.strip())
    if not is_person_name(
        name if not title else f"{title} {name}" if len(name.split()) == 1 else name, titled=title is not None
    ):
        # "Jo May HMCTS", "Kieron O’Hara Southampton University": the name is the first words.
        words = name.split()
        for n in (2,):
            if len(words) > n and _SENTENCE_GOES_ON.fullmatch(words[n]):
                return None  # "Sue Leet declared an interest in item 11": a sentence, not a list entry
            if len(words) > n and is_person_name(" ".join(words[:n])):
                name, role = " ".join(words[:n]), " ".join(words[n:] + ([role] if role else []))
                break
        else:
            return None
    # Role keeps the chair and similar markers: "PCC Chief Executive (Chair)".
    chair = re.search(r"\((?:(?:in the )?chair|vice[- ]chair|chairman|secretariat|clerk)\)", raw, re.I)
    if chair and chair.group(0).strip("()").lower() not in role.lower():
        role = f"{role} {chair.group(0)}".strip()
    if part:
        role = f"{role} (part)".strip()
    return Entry(name=name, title=title, role=role or None, part=part, as_written=raw)


# A lower-case word after a name that makes the line a sentence: a verb or a linking word
# ("Sue Leet declared ...", "Jo May was ...", "Tom Foy who ..."), not a role ("practising barrister").
_SENTENCE_GOES_ON = re.compile(
    r"[a-z]+ed|[a-z]+[^s]s|is|was|were|has|had|have|will|would|can|could|should|may|might|must|shall|said|gave|"
    r"took|made|led|left|sent|spoke|went|came|thought|felt|did|does|to|and|who|also|then|as|in|on|at|for|of"
)


def _strip_post_nominals(name_part: str) -> tuple[str, str]:
    """'Dr Jane Smith OBE QPM' -> ('Dr Jane Smith', 'OBE QPM'): honours after a name are not part of it."""
    words = name_part.split()
    honours: list[str] = []
    while len(words) > 2 and is_post_nominal(words[-1]):
        honours.insert(0, words.pop().strip(","))
    return " ".join(words), " ".join(honours)


def name_case(text: str) -> str:
    """'ANDREW MCKENZIE' -> 'Andrew McKenzie'; "MARY O'NEILL" -> "Mary O'Neill": a name printed in capitals."""

    def word(w: str) -> str:
        w = w.capitalize()
        w = re.sub(r"(?<=[-’'])([a-z])", lambda m: m.group(1).upper(), w)
        return re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), w)

    return " ".join(word(w) if len(w) > 1 and w.isalpha() or re.search(r"[-’']", w) else w for w in text.split())


# --- initials --------------------------------------------------------------------------------


def _name_parts(name: str) -> list[str]:
    _, rest = split_title(name)
    return [w for w in re.split(r"\s+", rest) if w and not re.fullmatch(_PARTICLE, w)]


@functools.lru_cache(maxsize=4096)
def initials_of(name: str) -> frozenset[str]:
    """Every way minutes abbreviate a name: 'Paul Edmondson-Jones' -> {'PEJ', 'PE'};
    'Kieron O’Hara' -> {'KO', 'KOH'}; 'Heather-Fiona Craig' -> {'HFC', 'HC'}.

    Remembered per name (a pure function of the name, frozen so no caller can change it):
    resolving one paper's initials asks it for every listed and named person, again and again."""
    words = _name_parts(name)
    if len(words) < 2:
        return frozenset()

    def letters(word: str, split: bool) -> str:
        out = ""
        for piece in word.split("-") if split else [word]:
            if not piece[:1].isupper():
                continue
            out += piece[0]
            if split and re.match(r"O[’'][A-Z]", piece):
                out += piece[2]  # O’Hara -> OH (written KOH as well as KO)
        return out

    full = "".join(letters(w, True) for w in words)
    short = "".join(letters(w, False) for w in words)
    firstlast = letters(words[0], False) + letters(words[-1], False)
    return frozenset(x for x in (full, short, firstlast) if len(x) >= 2)


def split_initials(text: str) -> list[str]:
    """'AL/ SH' -> ['AL', 'SH']; 'RD & JF' -> ['RD', 'JF']; 'PE-J' -> ['PE-J']."""
    # No "\s*" around the separators: each part is stripped anyway, and a leading "\s*"
    # made a long run of tabs quadratic (17 s for 20,000; issue 8).
    return [p.strip() for p in re.split(r"/|&|,|\band\b", text) if p.strip()]


def _initials_key(token: str) -> str:
    return re.sub(r"[^A-Za-z]", "", token).upper()


# --- names in the text -------------------------------------------------------------------------

_MENTION = re.compile(rf"(?<![\w’'-])({NAME_WORD}(?:\s+{NAME_WORD})*)")


@dataclass(frozen=True)
class Mention:
    name: str
    count: int
    evidence: int  # how often it stands where a person stands (before a verb, after a role)


def find_mentions(text: str) -> list[Mention]:
    """Person-like names the text uses, with how often and how person-like.

    A capitalised run ('SPP Researcher Sam Hogan') loses leading role words; runs with an
    organisation word ('Safer Homes Bid', 'Home Office') are not names.
    """
    counts: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    for m in _MENTION.finditer(text):
        words = m.group(1).split()
        before = text[max(0, m.start() - 40) : m.start()].split()
        after = text[m.end() : m.end() + 20].split()
        role_before = bool(before) and before[-1].lower().strip(",") in ROLE_WORDS
        k = 0  # leading role words dropped by index: slicing each off was quadratic on "Mr Mr Mr ..." (issue 14)
        while k < len(words) and (words[k].lower() in ROLE_WORDS or words[k].lower() in NOT_FIRST_WORDS):
            role_before = role_before or words[k].lower() in ROLE_WORDS
            k += 1
        words = words[k:]
        if not 2 <= len(words) <= 3:
            continue
        name = " ".join(words)
        if not is_person_name(name):
            continue
        if before and before[-1].lower() in ("the", "of", "a", "an"):
            continue
        counts[name] += 1
        if role_before or (after and after[0][:1].islower() and after[0].isalpha()) or (after and after[0] in ("(",)):
            evidence[name] += 1
        elif after and re.match(r"\([A-Z][A-Za-z-]{1,4}\)", after[0]):
            evidence[name] += 1
    return [Mention(n, c, evidence[n]) for n, c in counts.items()]


# "Will Minnett (WM)": up to five capitalised words, then the abbreviation in brackets. Each word
# starts where a run of word characters starts and is taken whole (possessive): otherwise a
# long run of capitals was re-read from every letter in it, quadratic (issue 14).
_DEFINED = re.compile(
    r"((?:(?<![\w’'&-])[A-Z][\w’'&-]*+\s+(?:of\s+|and\s+|for\s+|the\s+)?){1,5})"
    r"\(([A-Z][A-Za-z]{0,5}(?:-[A-Z])?)\)"
)


@dataclass
class People:
    """The people one paper names: its attendance lists first, then the names its text uses."""

    listed: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    defined: dict[str, str] = field(default_factory=dict)  # "ShEx" -> "Shareholder Executive", "KO" -> ...
    phrases: list[str] = field(default_factory=list)  # capitalised phrases of the text, for groups and orgs

    @classmethod
    def build(cls, listed: list[str], text: str) -> People:
        people = cls(listed=list(dict.fromkeys(listed)), mentions=find_mentions(text))
        # "Will Minnett (WM)", "Shareholder Executive (ShEx)": the paper defines its abbreviations.
        for m in _DEFINED.finditer(text):
            long_form, short = " ".join(m.group(1).split()), m.group(2)
            words = long_form.split()
            for n in range(len(words), 0, -1):
                cand = " ".join(words[-n:])
                if _initials_key(short) in {_initials_key(x) for x in initials_of(cand)} or _shortens(short, cand):
                    people.defined.setdefault(short, cand)
                    break
        people.phrases = list(
            dict.fromkeys(
                re.sub(r"^(?:The|A|An|This|That) ", "", " ".join(m.group(0).split()))
                for m in re.finditer(
                    r"\b[A-Z][a-z]+(?:[ \t]+(?:of[ \t]+|for[ \t]+|and[ \t]+)?[A-Z][a-z]+){1,4}\b", text
                )
            )
        )
        return people

    def trusted(self) -> set[str]:
        """Names a task may be given to in prose: the listed people, and names the text repeats."""
        out = {self.canonical(n) for n in self.listed}
        out |= {self.canonical(m.name) for m in self.mentions if m.count >= 2}
        return out

    # A listed name is a person; a mention counts when it looks like one.
    def known(self) -> list[str]:
        return self.listed + [m.name for m in self.mentions if m.name not in self.listed]

    def canonical(self, name: str) -> str:
        """The spelling the paper means for a listed or written name.

        A listed name becomes the text's spelling only when the text uses that spelling at
        least twice and the listed one not more often, with the same first name and a near-
        identical surname (the Portsmouth observer 'Jo Cookes', written 'Jo Crookes' seven
        times). A one-off variant ('Will Minnett' once beside listed 'William Minnett') is
        as likely the slip, so the list wins.
        """
        words = name.split()
        if len(words) < 2:
            return name
        counts = {m.name: m.count for m in self.mentions}
        best, best_n = name, counts.get(name, 0)
        for m in self.mentions:
            other = m.name.split()
            if m.name == name or len(other) != len(words) or other[0] != words[0]:
                continue
            if fuzz.ratio(other[-1].lower(), words[-1].lower()) >= 80 and m.count >= 2 and m.count > best_n:
                best, best_n = m.name, m.count
        return best

    def match_written(self, written: str) -> str | None:
        """A name as written in the text ('Jo Crooks', 'Sally', 'Mr Turner') -> the listed person."""
        title, rest = split_title(written)
        rest = rest.strip()
        if not rest:
            return None
        if title and rest.split()[0] == title.split()[-1] and len(rest.split()) == 2:
            rest = rest.split()[1]  # "Supt Evans": split_title keeps a title before a lone surname
        names = [self.canonical(n) for n in self.listed]
        if rest in names:
            return rest
        words = rest.split()
        if len(words) == 1:
            if title and title.split()[-1] == rest.split()[0]:
                return None
            firsts = [n for n in names if n.split()[0] == rest]
            lasts = [n for n in names if n.split()[-1] == rest]
            pool = lasts if title else firsts
            if len(pool) == 1:
                return pool[0]
            return None
        for n in names:
            nw = n.split()
            if len(nw) == len(words) and nw[0] == words[0] and fuzz.ratio(nw[-1].lower(), words[-1].lower()) >= 80:
                return n
        # 'Will Minnett' for listed 'William Minnett', 'Megan Mirza' for 'Meagan Mirza': same surname,
        # a first name that shortens or nearly spells the listed one.
        same = [
            n
            for n in names
            if len(n.split()) == len(words)
            and n.split()[-1] == words[-1]
            and (
                n.split()[0].startswith(words[0])
                or words[0].startswith(n.split()[0])
                or fuzz.ratio(n.split()[0].lower(), words[0].lower()) >= 80
            )
        ]
        return same[0] if len(same) == 1 else None

    def resolve_initials(self, token: str, context: str = "") -> str | None:
        """'PE-J' -> 'Paul Edmondson-Jones'; 'SH' -> a name the text uses ('Sam Hogan').

        Listed people first; then defined abbreviations; then people the text names (the
        one most like a person when two fit); then organisations the text spells out
        ('MoJ' -> 'Ministry of Justice', the lower-case 'o' standing for 'of').
        """
        key = _initials_key(token)
        if len(key) < 2:
            return None
        if token in self.defined:
            long_form = self.defined[token]
            return self.match_written(long_form) or self.canonical(long_form)
        hits = [n for n in self.listed if key in initials_of(n)]
        hits = list(dict.fromkeys(self.canonical(n) for n in hits))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            # Two people share the initials ('JF'): the one the item's text names decides.
            near = [
                n
                for n in hits
                if context and (n in context or any(self.canonical(x) == n and x in context for x in self.listed))
            ]
            return near[0] if len(near) == 1 else None
        cands = [m for m in self.mentions if key in initials_of(m.name) and m.name not in self.listed]
        if cands:
            cands.sort(key=lambda m: (m.evidence, m.count), reverse=True)
            if len(cands) == 1 or (cands[0].evidence, cands[0].count) > (cands[1].evidence, cands[1].count):
                return self.canonical(cands[0].name)
            return None
        for phrase in self.phrases:
            if _acronym(phrase) == token and not is_person_name(phrase):
                return phrase
        return None

    def resolve_group(self, label: str) -> str | None:
        """A margin label that abbreviates a phrase of the text: 'Theme Champs' -> 'Theme Champions'."""
        words = label.split()
        if len(words) < 2:
            return None
        best = None
        for phrase in self.phrases:
            pw = phrase.split()
            if len(pw) == len(words) and all(_abbreviates(w, p) for p, w in zip(pw, words)):
                if phrase != label and (best is None or len(phrase) < len(best)):
                    best = phrase
        return best


def _shortens(short: str, phrase: str) -> bool:
    """'ShEx' shortens 'Shareholder Executive', 'MoJ' 'Ministry of Justice': each word gives a prefix
    (small words may give nothing), in order, and together they spell the short form."""
    words = phrase.split()
    small = {"of", "and", "for", "the", "&"}

    def fit(s: str, k: int) -> bool:
        if k == len(words):
            return not s
        w = words[k]
        if w.lower() in small and fit(s, k + 1):
            return True
        for n in range(1, min(len(w), len(s)) + 1):
            if s[:n].lower() == w[:n].lower() and fit(s[n:], k + 1):
                return True
        return False

    return len(words) >= 2 and short[:1].isupper() and fit(short, 0)


def _abbreviates(short: str, word: str) -> bool:
    """'Champs' abbreviates 'Champions' (same first letter, letters in order); 'Theme' itself."""
    short, word = short.lower().rstrip("."), word.lower()
    if not short or short[0] != word[0] or len(short) > len(word):
        return False
    it = iter(word)
    return all(c in it for c in short)


def _acronym(phrase: str) -> str:
    """'Ministry of Justice' -> 'MoJ'; 'Home Office' -> 'HO'."""
    out = ""
    for w in phrase.split():
        if w in ("of", "for", "and", "the"):
            out += w[0]
        elif w[:1].isupper():
            out += w[0]
    return out
