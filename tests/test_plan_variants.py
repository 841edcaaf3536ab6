"""Plans and scrutiny reports in layouts the corpus does not have (tests/fixtures/plan_variants/).

Each variant is an invented but realistic paper (a CSP plan with a delivery-plan table, an
annual action plan, a plan with performance measures, a task-and-finish report with an
executive response, a report whose recommendations name their lead in the text, a Welsh
plan with a table per strategic priority) with gold records written by hand beside it, in
the shape of ../shared/gold. They reach 1.00 on every kind (the Welsh plan's measures table,
with "New measure" under "Baseline 2018/19", gets its header from the text reader's column
words); two variants are also drawn as PDFs (make_pdfs.py) and must give the same records.
The papers and PDF forms are scored against their floors in test_gold_fixtures.py (floors in
floors.py).
"""

import pytest

# --- the rules the variants brought, one inline case each ------------------------------------


@pytest.mark.parametrize(
    "cell, owners, organisations",
    [
        ("Police – Supt Jones", ["Supt Jones"], ["Police"]),  # organisation before a dash
        ("Probation – Claire Hughes", ["Claire Hughes"], ["Probation"]),
        ("Claire Hughes – Probation", ["Claire Hughes"], ["Probation"]),
        ("Cllr Smith / Director of Public Health", ["Cllr Smith", "Director of Public Health"], []),
        ("Cllr Smith / Director of\nPublic Health", ["Cllr Smith", "Director of Public Health"], []),  # wrapped cell
        ("Head of Community Safety (CSP Manager)", ["Head of Community Safety (CSP Manager)"], []),
        ("Lisa Wills\nBarry Dickinson", ["Lisa Wills", "Barry Dickinson"], []),
        ("Director of Children's Services - Education", ["Director of Children's Services - Education"], []),
    ],
)
def test_owner_cells(cell, owners, organisations):
    from boardpapers.extract.language.owners import split_owners

    got = split_owners(cell)
    assert (got.owners, got.organisations) == (owners, organisations)


def test_lead_agency_is_the_officers_organisation():
    from boardpapers.extract.parsers.plan_tables import column_roles

    roles = column_roles(["Objective", "Action", "Lead Agency", "Lead Officer", "Timescale", "RAG"]).roles
    assert roles["owner"] == 3 and roles["organisation"] == 2
    assert column_roles(["Action", "Lead agency", "Timescale"]).roles["owner"] == 1
    assert column_roles(["Priority activity", "Lead Officer and organisation", "By when"]).roles["owner"] == 1


@pytest.mark.parametrize(
    "front, date",
    [
        ("Safer Town Partnership\n\nCommunity Safety Plan 2020-23\n\nPublished June 2020\n", "2020-06"),
        ("Calderdale Council\n\nPlace Scrutiny Board\n\nKnife crime\n\nReport of the group\n\nMarch 2019\n", "2019-03"),
        ("Safer Portsmouth Partnership Plan 2013-18\n\n2016 Update\n", "2016"),
    ],
)
def test_month_and_year_on_the_cover(front, date):
    from boardpapers.extract.parsers.metadata import find_date
    from boardpapers.extract.readers.text import read_text

    assert find_date(read_text("x.txt", data=front.encode()), "plan")[0] == date
