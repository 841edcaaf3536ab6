"""Names, titles, attendance entries and initials (extract/people.py)."""

from __future__ import annotations

import pytest

from boardpapers.extract.language.people import People, initials_of, is_person_name, parse_entry, split_title


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Councillor Paula Riches", "Councillor", "Paula Riches"),
        ("Cllr J Smith", "Cllr", "J Smith"),
        ("Chief Inspector Mark Grantly", "Chief Inspector", "Mark Grantly"),
        ("Professor Sir Nigel Shadbolt", "Professor Sir", "Nigel Shadbolt"),
        ("Lord McNally", "Lord", "Lord McNally"),  # a title before a lone surname stays in the name
        ("Jo Crookes", None, "Jo Crookes"),
    ],
)
def test_split_title(text, title, name):
    assert split_title(text) == (title, name)


@pytest.mark.parametrize(
    "raw, name, title, role, part",
    [
        ("David Williams, PCC Chief Executive (Chair)", "David Williams", None, "PCC Chief Executive (Chair)", False),
        (
            "Councillor Jason Fazackarley, Cabinet Member (part)",
            "Jason Fazackarley",
            "Councillor",
            "Cabinet Member (part)",
            True,
        ),
        ("Jo May HMCTS", "Jo May", None, "HMCTS", False),  # two columns flattened, no separator
        ("Dr Kieron O’Hara (Southampton University)", "Kieron O’Hara", "Dr", "Southampton University", False),
        ("Emma Ward, (ShEx)", "Emma Ward", None, "(ShEx)", False),
    ],
)
def test_parse_entry(raw, name, title, role, part):
    e = parse_entry(raw)
    assert e is not None
    assert (e.name, e.title, e.role, e.part) == (name, title, role, part)


@pytest.mark.parametrize("raw", ["Update circulated by email", "Forward Planning", "DECISION:"])
def test_parse_entry_rejects_text(raw):
    assert parse_entry(raw) is None


def test_person_names_and_organisations():
    assert is_person_name("Sam Hogan")
    assert is_person_name("Paul Edmondson-Jones")
    assert not is_person_name("Safer Homes")
    assert not is_person_name("Home Office")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Paul Edmondson-Jones", {"PEJ", "PE"}),
        ("Kieron O’Hara", {"KO", "KOH"}),
        ("David Williams", {"DW"}),
    ],
)
def test_initials_of(name, expected):
    assert initials_of(name) == expected


TEXT = """Jo Crookes stated that the project was in East Sussex. Jo Crookes offered to help.
Jo Crooks undertook to follow up. SPP Researcher Sam Hogan had undertaken analysis.
The Safer Homes Bid was noted. James Fulton and Kevin Evenett endorsed these views.
Theme Champions to meet before Christmas. The Ministry of Justice and the Home Office agreed.
Shareholder Executive (ShEx) CEO provided an update. Will Minnett (WM) suggested a document."""


@pytest.fixture
def people() -> People:
    listed = ["Jo Cookes", "Paul Edmondson-Jones", "James Fulton", "Jason Fazackarley", "William Minnett"]
    return People.build(listed, TEXT)


def test_listed_name_takes_the_spelling_the_text_repeats(people):
    assert people.canonical("Jo Cookes") == "Jo Crookes"
    assert people.match_written("Jo Crooks") == "Jo Crookes"


def test_one_off_variant_does_not_override_the_list(people):
    assert people.canonical("William Minnett") == "William Minnett"
    assert people.resolve_initials("WM") == "William Minnett"


def test_initials_resolution(people):
    assert people.resolve_initials("PE-J") == "Paul Edmondson-Jones"
    assert people.resolve_initials("JC") == "Jo Crookes"
    assert people.resolve_initials("SH") == "Sam Hogan"  # named only in the text, not 'Safer Homes'
    assert people.resolve_initials("MoJ") == "Ministry of Justice"
    assert people.resolve_initials("ShEx") == "Shareholder Executive"
    assert people.resolve_initials("XQ") is None


def test_shared_initials_resolved_by_the_item_text(people):
    assert people.resolve_initials("JF") is None
    assert people.resolve_initials("JF", "James Fulton and Kevin Evenett endorsed these views") == "James Fulton"


def test_group_labels(people):
    assert people.resolve_group("Theme Champs") == "Theme Champions"


def test_a_title_vouches_for_a_surname_that_is_also_a_common_word():
    from boardpapers.extract.language.people import parse_entry

    entry = parse_entry("Councillor Rob New, Cabinet Member (Chair)")
    assert (entry.name, entry.title) == ("Rob New", "Councillor")
    assert parse_entry("Leading Lights programme") is None


def test_people_pipeline_ruler_is_the_one_add_patterns_builds(people):
    """The person phrases go to the ruler's PhraseMatcher as token keys (no Doc a phrase): the
    same keys, ids and entities as EntityRuler.add_patterns, phrases with odd spacing included."""
    from boardpapers.extract.language import nlp_components as nc

    nlp = nc.people_pipeline(people)
    patterns = nc.person_patterns(people) + [
        {"label": "PERSON", "pattern": "Cllr.  Jo\tCrookes", "id": "Jo Crookes"},
        {"label": "PERSON", "pattern": " Dr. Fulton ", "id": "James Fulton"},
    ]
    nc._add_phrases(nlp.get_pipe("entity_ruler"), patterns[-2:], nlp.tokenizer)
    base = nc._minutes_base()
    plain = type(base)(vocab=base.vocab, create_tokenizer=lambda _: base.tokenizer)
    ruler = plain.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(nc.post_patterns() + patterns)
    built = nlp.get_pipe("entity_ruler")
    assert built.phrase_matcher.__reduce__()[1][1] == ruler.phrase_matcher.__reduce__()[1][1]
    assert dict(built._ent_ids) == dict(ruler._ent_ids)
    text = "Cllr. Crookes and Dr. Fulton agreed; Cllr.  Jo\tCrookes and JF will write. The Clerk will report."
    ents = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents if e.label_ in nc.OWNER_LABELS]
    assert ents == [(e.text, e.label_, e.ent_id_) for e in ruler(plain.make_doc(text)).ents]
    assert ("Dr. Fulton", "PERSON", "James Fulton") in ents
