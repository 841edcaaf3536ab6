"""Themes: the taxonomy matched with spaCy's PhraseMatcher, the matched words kept as evidence."""

import pytest

from boardpapers.extract.language.themes import THEMES, find_themes, theme_aliases, theme_key, themes_of


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Deliver a coordinated community response to victims of domestic abuse",
            {"domestic_abuse": ["domestic abuse"]},
        ),
        ("Priority 2: Domestic Abuse and Sexual Violence", {"domestic_abuse": ["Domestic Abuse", "Sexual Violence"]}),
        ("IDVA - Engagement Rate", {"domestic_abuse": ["IDVA"]}),
        ("reported cases of ASB", {"anti_social_behaviour": ["ASB"]}),
        (
            "Anti-social behaviour (complex individual cases)",
            {"anti_social_behaviour": ["Anti-social behaviour"], "complex_needs": ["complex individual cases"]},
        ),
        # One text, two themes: drug treatment is substance misuse, alcohol treatment is alcohol.
        (
            "Re-modelling and procurement of drug and alcohol treatment services",
            {"substance_misuse": ["drug"], "alcohol": ["alcohol"]},
        ),
        # The longer phrase wins: extremism is Prevent, not violent crime; a sexual assault is not 'assault'.
        ("Preventing violent extremism", {"prevent": ["violent extremism"]}),
        (
            "sexual assault and violent crime",
            {"domestic_abuse": ["sexual assault"], "violent_crime": ["violent crime"]},
        ),
        ("Deliberate Fires - Paston", {"deliberate_fires": ["Deliberate Fires"]}),
        (
            "Reduce the number of first time entrants into the criminal justice system",
            {"youth_offending": ["first time entrants"]},
        ),
    ],
)
def test_themes_of(text, expected):
    assert themes_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prevent the spread of the report before the meeting",  # the verb, not the programme
        "Da Silva attended",  # an acronym is matched case-sensitively: 'DA' only
        "The minutes were approved as a correct record.",
        "",
        None,
    ],
)
def test_no_theme(text):
    assert themes_of(text) == {}


def test_matches_keep_their_place_in_the_text():
    text = "Reduce ASB and fly-tipping in the city centre"
    matches = find_themes(text)
    assert [(m.theme, m.text) for m in matches] == [
        ("anti_social_behaviour", "ASB"),
        ("environmental_crime", "fly-tipping"),
    ]
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_every_theme_has_a_label_and_phrases():
    for key, theme in THEMES.items():
        assert key == key.lower() and theme.label and theme.phrases, key
        assert all(p == p.strip() and p for p in theme.phrases), key


@pytest.mark.parametrize(
    "words, key",
    [
        ("domestic abuse", "domestic_abuse"),
        ("Domestic_Abuse", "domestic_abuse"),
        ("ASB", "anti_social_behaviour"),
        ("Alcohol", "alcohol"),
        ("nothing", None),
    ],
)
def test_theme_key(words, key):
    assert theme_key(words) == key


@pytest.mark.parametrize(
    "text, absent, present",
    [
        ("Reduce violence with injury - excluding domestic abuse", "domestic_abuse", "violent_crime"),
        ("All recorded crime other than burglary", "serious_acquisitive_crime", None),
        ("Sexual offences, not including rape, reported to police", "domestic_abuse", None),
        ("Assaults on staff (excl. domestic violence)", "domestic_abuse", "violent_crime"),
    ],
)
def test_a_negated_phrase_gives_no_theme(text, absent, present):
    found = themes_of(text)
    assert absent not in found
    assert present is None or present in found


def test_negation_reaches_only_its_own_clause():
    assert "anti_social_behaviour" in themes_of("Excluding the summer, ASB fell")
    assert "domestic_abuse" in themes_of("Burglary excluded. Domestic abuse referrals rose")


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("Open data licensing for the public sector", "alcohol", False),
        ("Licensing reviews of premises selling alcohol late at night", "alcohol", True),
        ("Council, police, probation and health services attended", "reoffending", False),
        ("Probation supervision of adult offenders", "reoffending", True),
    ],
)
def test_words_that_need_their_context(text, key, expected):
    assert (key in themes_of(text)) is expected


def test_aliases_name_their_theme():
    aliases = dict(theme_aliases())
    assert aliases["asb"] == "anti_social_behaviour"
    assert aliases["vawg"] == aliases["da"] == aliases["domestic abuse"] == "domestic_abuse"
    assert aliases["anti-social behaviour"] == "anti_social_behaviour"


def test_an_indicator_takes_its_headings_themes_only_when_its_name_has_none():
    from boardpapers.extract.linking.derive import link_themes

    rows = {
        "documents": [{"id": "d", "place": "Testham", "body": "Safer Testham", "year": 2020}],
        "priorities": [],
        "decisions": [],
        "actions": [],
        "indicators": [
            {
                "id": "i1",
                "document_id": "d",
                "name": "Drug treatment completions",
                "theme": "Domestic abuse, drugs and alcohol",
            },
            {"id": "i2", "document_id": "d", "name": "Number of referrals", "theme": "Domestic abuse and VAWG"},
        ],
    }
    got = {(r["record_id"], r["theme"]): r["field"] for r in link_themes(rows)}
    assert got == {("i1", "substance_misuse"): "name; theme", ("i2", "domestic_abuse"): "theme"}
