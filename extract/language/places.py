"""A gazetteer of UK council areas and cities, for a paper's ``place``.

Community safety partnerships follow council boundaries, so the council areas of England,
Wales, Scotland and Northern Ireland (cities, unitary authorities, counties and the larger
districts) cover the papers' places. Names are as councils write them.
"""

from __future__ import annotations

import re
from collections import Counter

from .bodies import BODY_NOUNS
from .titles import COUNCILLOR_TITLES, SURNAME_TITLES

PLACES = """
Aberdeen Aberdeenshire Adur Allerdale Amber Valley Angus Antrim Argyll Arun Ashfield Ashford Aylesbury
Barking Barnet Barnsley Barrow Basildon Basingstoke Bassetlaw Bath Bedford Belfast Bexley Birmingham
Blaby Blackburn Blackpool Bolsover Bolton Boston Bournemouth Bracknell Bradford Braintree Breckland
Brent Brentwood Bridgend Brighton Bristol Broadland Bromley Bromsgrove Broxbourne Broxtowe Buckinghamshire
Burnley Bury Caerphilly Calderdale Cambridge Cambridgeshire Camden Cannock Canterbury Cardiff Carlisle
Carmarthenshire Castle Point Ceredigion Charnwood Chelmsford Cheltenham Cherwell Cheshire Chesterfield Chichester
Chorley Colchester Conwy Copeland Cornwall Coventry Crawley Croydon Cumbria Darlington Dartford Denbighshire
Derby Derbyshire Devon Doncaster Dorset Dover Dudley Dundee Durham Ealing Eastbourne Eastleigh Edinburgh
Enfield Epping Forest Essex Exeter Falkirk Fareham Fenland Fife Flintshire Folkestone Gateshead Gedling Glasgow
Gloucester Gloucestershire Gosport Gravesham Great Yarmouth Greenwich Guildford Gwynedd Hackney Halton
Hammersmith Hampshire Haringey Harlow Harrogate Harrow Hartlepool Hastings Havant Havering Hereford Herefordshire
Hertfordshire Hertsmere Highland Hillingdon Hinckley Hounslow Huntingdonshire Hyndburn Inverclyde Ipswich
Isle of Wight Islington Kensington Kent Kettering Kingston Kirklees Knowsley Lambeth Lancashire Lancaster Leeds
Leicester Leicestershire Lewes Lewisham Lichfield Lincoln Lincolnshire Liverpool London Luton Maidstone Manchester
Mansfield Medway Merton Middlesbrough Midlothian Milton Keynes Monmouthshire Newark Newcastle Newham Newport
Norfolk Northampton Northamptonshire Northumberland North Tyneside Norwich Nottingham Nottinghamshire Oldham
Oxford Oxfordshire Pembrokeshire Pendle Perth Peterborough Plymouth Poole Portsmouth Powys Preston Reading
Redbridge Redcar Reigate Renfrewshire Rhondda Richmond Rochdale Rochford Rotherham Rugby Runnymede Rushmoor
Rutland Salford Sandwell Scarborough Sefton Sheffield Shropshire Slough Solihull Somerset Southampton
Southend Southwark St Albans St Helens Stafford Staffordshire Stevenage Stirling Stockport Stockton Stoke
Stratford Suffolk Sunderland Surrey Sutton Swale Swansea Swindon Tameside Tamworth Telford Tendring
Thanet Thurrock Torbay Torfaen Tower Hamlets Trafford Tunbridge Wells Wakefield Walsall Waltham Forest
Wandsworth Warrington Warwick Warwickshire Watford Waverley Wealden Westminster Wigan Wiltshire Winchester
Windsor Wirral Woking Wokingham Wolverhampton Worcester Worcestershire Worthing Wrexham Wychavon Wyre York
"""
_MULTI = [
    "Amber Valley",
    "Castle Point",
    "Epping Forest",
    "Great Yarmouth",
    "Isle of Wight",
    "Milton Keynes",
    "North Tyneside",
    "St Albans",
    "St Helens",
    "Tower Hamlets",
    "Tunbridge Wells",
    "Waltham Forest",
]


def _names() -> list[str]:
    words = PLACES.split()
    multi_words = {w for name in _MULTI for w in name.split()}
    singles = [w for w in words if w not in multi_words]
    return sorted(set(_MULTI) | set(singles), key=len, reverse=True)


# Every name starts with a capital: the look-ahead turns most positions away before the ~280
# alternatives are tried one by one (a quarter of the time; the same matches).
_PLACE_RE = re.compile(r"\b(?=[A-Z])(" + "|".join(re.escape(n) for n in _names()) + r")\b")


def places_in(text: str) -> Counter:
    """How often each known place is named (case-sensitive: 'Reading' the town, not 'reading')."""
    return Counter(m.group(1) for m in _PLACE_RE.finditer(text))


def first_place(text: str) -> str | None:
    m = _PLACE_RE.search(text)
    return m.group(1) if m else None


# --- councils, parishes, web addresses, virtual venues ------------------------------------------

# The kinds of council a name can carry before "Council": "Kirkdale Borough Council",
# "Devon County Council", "West Dereham Parish Council", "Hebden Royd Town Council".
COUNCIL_KINDS = (
    "County",
    "Borough",
    "City",
    "District",
    "Metropolitan",
    "Parish",
    "Town",
    "Community",
    "Village",
    "Unitary",
    "Royal",
)
# Local councils whose area is their own parish or town: the place is the council's name.
LOCAL_COUNCIL_KINDS = ("Parish", "Town", "Community", "Village")
# Words that may join a place's name: "Stratford upon Avon", "Newcastle under Lyme", "Weston super Mare".
_NAME_JOINS = {"upon", "on", "under", "in", "le", "by", "super", "next", "the", "&", "and"}
# Words that end a walk back from "Council": they begin a title or a post, not a place's name.
_NOT_NAME = {
    "The",
    "Minutes",
    "Draft",
    "Agenda",
    "Meeting",
    "Notes",
    "Report",
    "Clerk",
    "Of",
    "To",
    "For",
    "And",
    "Full",
    "Extraordinary",
    "Annual",
    "Special",
    "Joint",
    "Held",
    "At",
    "In",
    "On",
    *SURNAME_TITLES,
    *COUNCILLOR_TITLES,
}
_WORD = re.compile(r"[A-Z][\w'’.-]*|&|[a-z]+")
_COUNCIL_OF = re.compile(
    r"\b(?:(?:Royal\s+)?Borough|City|County|District)\s+(?:Council\s+)?of\s+(?:the\s+)?"
    r"(?P<name>(?!Council\b)[A-Z][\w'’-]*(?:\s+(?:&|and|upon|on|under|le)?\s*(?!Council\b)[A-Z][\w'’-]*){0,3})"
    r"(?:\s+Council)?\b"
)


def council_names(text: str) -> list[tuple[str, str]]:
    """The places councils named in the text are named after, with the kind of council:
    'West Dereham Parish Council' -> ('West Dereham', 'Parish'); 'City of York Council' -> ('York', 'City').
    The text is in title case (a caller turns 'KIRKDALE BOROUGH COUNCIL' into 'Kirkdale Borough Council')."""
    out: list[tuple[str, str]] = []
    for m in re.finditer(
        r"\bCouncil\b(?!\s+(?:House|Chambers?|Offices?|Tax|Rooms?|Buildings?|Estates?|Housing|"
        r"Officers?|Members?|Leader|Staff|Depot|Centre)\b)",
        text,
    ):
        words = text[: m.start()].split()
        kind = ""
        while words and words[-1] in COUNCIL_KINDS:  # "Wrexham County Borough Council": the last kind says it
            popped = words.pop()
            kind = kind or popped
        name: list[str] = []
        while words and len(name) < 4:
            raw = words[-1]
            w = raw.strip("\"'“‘(")
            if raw[-1:] in ",;:)–-" or w in _NOT_NAME or not w:
                break  # "Officer, Kent County Council": the comma ends the name
            if w[0].isupper() or w == "&":
                name.insert(0, w)
            elif w in _NAME_JOINS and name and len(words) > 1 and words[-2][:1].isupper():
                name.insert(0, w)
            else:
                break
            words.pop()
            if w != raw:
                break  # "(Wrexham County Borough Council)": the bracket opens the name
        while name and (name[0] in _NAME_JOINS or name[0] == "&"):
            name.pop(0)
        if name:
            out.append((" ".join(name), kind))
    for m in _COUNCIL_OF.finditer(text):
        if all(m.group("name") != name for name, _ in out):
            out.append((m.group("name"), "Borough"))
    return out


# A council named as the local authority: "Devon LA Vocabulary Project", "Kent Local Authority".
_AUTHORITY = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:LA|Local Authority|Local Education Authority|LEA)\b"
)


def authority_names(text: str) -> Counter:
    """The places of the councils a text names, as councils or as local authorities ('Devon LA'),
    with how often. A school names its own authority so ('Devon LA'): that counts twice."""
    counts = Counter(name for name, _ in council_names(text))
    counts.update({m.group("name"): 2 for m in _AUTHORITY.finditer(text)})
    return counts


def local_council_place(body: str | None) -> str | None:
    """The place of a parish, town or community council is its own name: 'West Dereham Parish
    Council' -> 'West Dereham'. A parish is a place of its own, gazetteer or not."""
    if not body:
        return None
    for name, kind in council_names(body):
        if kind in LOCAL_COUNCIL_KINDS:
            return name
    return None


# A council's web or email address: "www.devon.gov.uk", "democratic.services@kirkdale.gov.uk".
GOV_DOMAIN = re.compile(r"(?:\bwww\.|@|//)(?:[a-z0-9-]+\.)*?(?P<name>[a-z0-9-]+)\.gov\.uk\b", re.I)

# Place names that are also ordinary words or school subjects: "KS2 Reading", "Bath time".
# They name a place only in a place's context: after in/of/at/from/..., before Council/Borough,
# or after a word that stands before places ("Safer Reading").
COMMON_WORD_PLACES = {"Reading", "Bath", "Bury", "Rugby", "Wells", "Sutton", "Boston", "Perth", "Derby", "Highland"}
PLACE_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|of|at|from|to|for|across|around|within|near|covering|Safer|Greater|Royal|"
    r"Central|North|South|East|West)\s+$"
)
PLACE_CONTEXT_AFTER = re.compile(
    r"^\s+(?:(?:City|Borough|County|District|Metropolitan|Town)\s+)?(?:Council|Borough|City|"
    r"Community Safety|Partnership)\b"
)

# Bodies whose area is wider than a council's own, named after a county: "Norfolk Constabulary",
# "Devon and Cornwall Police", "Kent Fire and Rescue Service", "Norfolk County Council" in a
# parish's or a district's paper. Their county is not the paper's place by itself.
WIDER_BODY_AFTER = re.compile(
    r"^(?:\s+(?:and|&)\s+[A-Z]\w+)?\s+(?:Constabulary|Police|Fire|Probation|County Council|"
    r"Clinical Commissioning|CCG|ICB|Integrated Care|Health(?:care)? (?:NHS )?(?:Foundation )?Trust|"
    r"NHS|Association of (?:Local )?Councils)\b"
)

# Platforms of a meeting held online: its venue ("a virtual meeting using Zoom" -> "Zoom").
_PLATFORMS = (
    r"Microsoft Teams|MS Teams|Teams|Zoom|Skype(?: for Business)?|Google Meet|Webex|GoToMeeting|Lifesize|"
    r"BlueJeans|Jitsi"
)
VIRTUAL_PLATFORM = re.compile(rf"\b(?:{_PLATFORMS})\b")
VIRTUAL_MEETING = re.compile(
    rf"\b(?:virtual(?:ly)?|online|remote(?:ly)?|video ?conference|video call|held)\b[^.;]{{0,40}}?"
    rf"\b(?:using|via|on|over|through|by)\s+(?:the\s+)?(?P<platform>(?-i:{_PLATFORMS}))\b",
    re.I,
)


# --- the area a body is named after ------------------------------------------------------------

# Words before a body's area in its name: "Safer Anyborough Partnership", "Stronger Hallam Board".
AREA_PREFIXES = {"Safer", "Stronger", "Safe", "Healthier", "Healthy"}
# Words of a body's name that say what it does, not where: they end the area at the front of the
# name ("Northshire Police and Crime Panel", "Kirkdale Community Safety Partnership").
BODY_PURPOSE_WORDS = {
    "Police",
    "Crime",
    "Community",
    "Communities",
    "Safety",
    "Safeguarding",
    "Health",
    "Wellbeing",
    "Children",
    "Children's",
    "Adults",
    "Domestic",
    "Youth",
    "Justice",
    "Strategic",
    "Joint",
    "Local",
    "Overview",
    "Scrutiny",
    "Fire",
    "Rescue",
    "Combined",
    "Housing",
    "Neighbourhood",
    "Violence",
    "Reducing",
    "Reduction",
    "Drug",
    "Drugs",
    "Alcohol",
    "Substance",
    "Misuse",
    "The",
} | {w for noun in BODY_NOUNS for w in noun.split()}  # the body nouns themselves: bodies.py


def area_of_body(body: str, text: str) -> str | None:
    """The area a body is named after, though no gazetteer knows it, where the paper names the
    area again on its own: 'Northshire Police and Crime Panel' and 'the Commissioner for
    Northshire'; 'Safer Anyborough Partnership Board' and 'Anyborough Town Hall'. The front words
    of the name up to the first word of what the body does; a name once is no proof of a place."""
    words = body.split()
    while words and words[0] in AREA_PREFIXES:
        words = words[1:]
    area: list[str] = []
    for w in words:
        if w in BODY_PURPOSE_WORDS or not w[:1].isupper() or len(area) == 2:
            break
        area.append(w)
    if not area or len(area) == len(words):
        return None
    name = " ".join(area)
    # Named again as a place: after in/of/for ... ('the Commissioner for Northshire') or before a
    # place's own nouns ('Anyborough Town Hall', 'Brackenfield town centre'); a committee's subject
    # ('Finance and Resources Committee' ... 'Finance') is no place.
    for m in re.finditer(rf"\b{re.escape(name)}\b(?!\s+{re.escape(' '.join(words[len(area) :]))})", text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
        if PLACE_CONTEXT_BEFORE.search(before) or _PLACE_NOUN_AFTER.match(after):
            return name
    return None


_PLACE_NOUN_AFTER = re.compile(
    r"^\s+(?:Town Hall|Civic (?:Centre|Offices)|Guildhall|Council House|town centre|city centre|"
    r"(?:(?:City|Borough|County|District|Metropolitan|Town)\s+)?Council|Borough|residents)\b",
    re.I,
)


# A police and crime panel scrutinises the commissioner of one police area, who is named for it:
# "the Police and Crime Commissioner for Eastvale", "Police, Fire and Crime Commissioner for Northshire".
COMMISSIONER_AREA = re.compile(
    r"\b(?:Police|Police,? Fire|Police and Fire|Fire)(?: and| &) Crime Commissioner for (?:the\s+)?"
    r"(?P<area>[A-Z][\w'’-]+(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]+){0,2})"
)
POLICE_AND_CRIME_PANEL = re.compile(r"\bPolice,? (?:(?:and|&) )?(?:Fire )?(?:and|&) Crime Panel\b")
