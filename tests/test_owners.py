"""Owner cells split into people, posts, groups and organisations (extract/owners.py)."""

import pytest

from boardpapers.extract.language.owners import person_name, split_owners, split_people

# (cell as written, owners, organisations written beside them)
CASES = [
    ("Lisa Wills\nBarry Dickinson", ["Lisa Wills", "Barry Dickinson"], []),
    ("Alan Knobel / Barry Dickinson", ["Alan Knobel", "Barry Dickinson"], []),
    ("Barry Dickinson and Lisa Wills", ["Barry Dickinson", "Lisa Wills"], []),
    (
        "Karen Monteith, Public Health; Tracey Greaves, Trading Standards",
        ["Karen Monteith", "Tracey Greaves"],
        ["Public Health", "Trading Standards"],
    ),
    ("Barry Dickinson ICS", ["Barry Dickinson"], ["ICS"]),
    ("Sam Okafor (CRC)", ["Sam Okafor"], ["CRC"]),
    ("Police & PCC", ["Police & PCC"], []),
    ("Wellbeing Service Manager", ["Wellbeing Service Manager"], []),
    ("Rob Anderson-Weaver", ["Rob Anderson-Weaver"], []),
    ("Cllr Lee Hunt", ["Lee Hunt"], []),
    ("Inspector Jane Hollis, Hampshire Constabulary", ["Jane Hollis"], ["Hampshire Constabulary"]),
    (
        "Strategy and Partnerships Manager and partners agencies/services.",
        ["Strategy and Partnerships Manager", "partners agencies/services"],
        [],
    ),
    (
        "Strategy and Partnership Manager, ICU Commissioning leads and Hampshire Constabulary",
        ["Strategy and Partnership Manager", "ICU Commissioning leads", "Hampshire Constabulary"],
        [],
    ),
    (
        "Director of Regulatory Services and Community Safety & Director of Public Health",
        ["Director of Regulatory Services and Community Safety", "Director of Public Health"],
        [],
    ),
    (
        "Director of Regulatory Services and Community Safety and Assistant Director of Children's Services - Education",
        [
            "Director of Regulatory Services and Community Safety",
            "Assistant Director of Children's Services - Education",
        ],
        [],
    ),
    ("Head of Youth Services and Performance Manager", ["Head of Youth Services", "Performance Manager"], []),
    ("Licensing Team / Police", ["Licensing Team", "Police"], []),
    ("", [], []),
]


@pytest.mark.parametrize("cell, owners, organisations", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_split_owners(cell, owners, organisations):
    got = split_owners(cell)
    assert got.owners == owners
    assert got.organisations == organisations
    assert got.as_written == cell.strip()
    assert got.owner == ("; ".join(owners) or None)


def test_owner_kinds_are_kept_apart():
    got = split_owners("Barry Dickinson ICS; Wellbeing Service Manager; Police & PCC")
    assert got.people == ["Barry Dickinson"]
    assert got.posts == ["Wellbeing Service Manager"]
    assert got.groups == ["Police & PCC"]
    assert got.organisations == ["ICS"]


@pytest.mark.parametrize(
    "text", ["Unit Head", "Purple Futures", "Regulatory Services", "Strategy and Partnerships Manager"]
)
def test_post_and_organisation_words_are_not_names(text):
    assert person_name(text) is None


def test_split_people_with_roles_run_together():
    """A witness cell whose line breaks were lost: each name opens at 'First Last,'."""
    cell = (
        "Collette Hill, Clean & Green Service Manager Matt Smith, Public Health Consultant "
        "Barry Dickinson, Commissioning Programme Manager."
    )
    assert split_people(cell) == [
        ("Collette Hill", "Clean & Green Service Manager"),
        ("Matt Smith", "Public Health Consultant"),
        ("Barry Dickinson", "Commissioning Programme Manager"),
    ]


def test_split_people_role_words_are_not_names():
    cell = (
        "Chris White, Partnerships Inspector Sarah Beattie, Local Delivery Unit Head, National Probation Service. "
        "Dave Smith, Hampshire Fire & Rescue Pete Kavanagh, Hampshire Fire & Rescue"
    )
    assert [name for name, _ in split_people(cell)] == ["Chris White", "Sarah Beattie", "Dave Smith", "Pete Kavanagh"]


def test_split_people_titles_belong_to_the_next_person():
    assert split_people("Cllr Lee Hunt, Cabinet Member\nDr Jane Smith, Director of Public Health") == [
        ("Lee Hunt", "Cabinet Member"),
        ("Jane Smith", "Director of Public Health"),
    ]


def test_split_people_without_names():
    assert split_people("The report was signed off by the panel.") == []
