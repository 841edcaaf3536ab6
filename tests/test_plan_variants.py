"""Plans and scrutiny reports in layouts the corpus does not have (tests/fixtures/plan_variants/).

Each variant is an invented but realistic paper (a CSP plan with a delivery-plan table, an
annual action plan, a plan with performance measures, a task-and-finish report with an
executive response, a report whose recommendations name their lead in the text, a Welsh
plan with a table per strategic priority) with gold records written by hand beside it, in
the shape of ../shared/gold. FLOORS are what the parsers reach on them (all 1.00, but for the
Welsh plan's measures table, whose tab header the text reader does not see, see below);
two variants are also drawn as PDFs and must give the same records.
"""
import json
import sys
from pathlib import Path

import pytest
from floors import assert_floors

from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_document, extract_path
from boardpapers.extract.readers import read

VARIANTS = Path(__file__).parent / "fixtures" / "plan_variants"
sys.path.insert(0, str(VARIANTS))

from make_pdfs import WIDTHS, pdf_of  # noqa: E402

PAPERS = sorted(p for p in VARIANTS.iterdir() if p.suffix in (".md", ".txt"))
KINDS = ["decisions", "actions+owner", "action_due", "indicators+owner+target", "tables+rows", "metadata"]
FLOOR = 1.0
# Measured on the variants: everything 1.00 (the Welsh plan's measures table, with "New
# measure" under "Baseline 2018/19", gets its header from the text reader's column words).
BELOW: dict[tuple[str, str], float] = {}


@pytest.fixture(scope="module")
def exports():
    return {p.stem: json.loads(to_json(extract_path(p))) for p in PAPERS}


def test_there_are_variants():
    assert len(PAPERS) >= 5 and all((VARIANTS / f"{p.stem}.json").exists() for p in PAPERS)


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_variant_reaches_its_floors(path, exports):
    gold = json.loads((VARIANTS / f"{path.stem}.json").read_text())
    assert_floors(path.stem, gold, exports[path.stem], {kind: BELOW.get((path.stem, kind), FLOOR) for kind in KINDS})


@pytest.mark.parametrize("stem", sorted(WIDTHS))
def test_pdf_form_gives_the_same_records(stem, tmp_path, exports):
    pdf = tmp_path / f"{stem}.pdf"
    pdf.write_bytes(pdf_of(stem))
    got = json.loads(to_json(extract_document(read(pdf))))
    gold = json.loads((VARIANTS / f"{stem}.json").read_text())
    assert_floors(f"{stem}.pdf", gold, got, dict.fromkeys(KINDS, FLOOR))
    text = exports[stem]
    for key, field in (("actions", "owner"), ("actions", "due"), ("decisions", "text")):
        assert [r[field] for r in got[key]] == [r[field] for r in text[key]], (stem, key, field)


# --- the rules the variants brought, one inline case each ------------------------------------

@pytest.mark.parametrize("cell, owners, organisations", [
    ("Police – Supt Jones", ["Supt Jones"], ["Police"]),  # organisation before a dash
    ("Probation – Claire Hughes", ["Claire Hughes"], ["Probation"]),
    ("Claire Hughes – Probation", ["Claire Hughes"], ["Probation"]),
    ("Cllr Smith / Director of Public Health", ["Cllr Smith", "Director of Public Health"], []),
    ("Cllr Smith / Director of\nPublic Health", ["Cllr Smith", "Director of Public Health"], []),  # wrapped cell
    ("Head of Community Safety (CSP Manager)", ["Head of Community Safety (CSP Manager)"], []),
    ("Lisa Wills\nBarry Dickinson", ["Lisa Wills", "Barry Dickinson"], []),
    ("Director of Children's Services - Education", ["Director of Children's Services - Education"], []),
])
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


@pytest.mark.parametrize("front, date", [
    ("Safer Town Partnership\n\nCommunity Safety Plan 2020-23\n\nPublished June 2020\n", "2020-06"),
    ("Calderdale Council\n\nPlace Scrutiny Board\n\nKnife crime\n\nReport of the group\n\nMarch 2019\n", "2019-03"),
    ("Safer Portsmouth Partnership Plan 2013-18\n\n2016 Update\n", "2016"),
])
def test_month_and_year_on_the_cover(front, date):
    from boardpapers.extract.parsers.metadata import find_date
    from boardpapers.extract.readers.text import read_text
    assert find_date(read_text("x.txt", data=front.encode()), "plan")[0] == date
