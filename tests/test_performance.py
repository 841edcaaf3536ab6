"""Performance tables in several layouts, and the two corpus papers against their gold."""

import json
from pathlib import Path

import pytest
from conftest import GOLD

from boardpapers.extract import evaluate
from boardpapers.extract.language.dates import range_period
from boardpapers.extract.parsers.performance import column_period, person_name
from boardpapers.extract.pipeline import extract_path

FIXTURES = Path(__file__).parent / "fixtures" / "performance"


@pytest.mark.parametrize(
    "text, iso, fy",
    [
        ("Apr-16", "2016-04", "2016/17"),
        ("Mar-17", "2017-03", "2016/17"),
        ("Q1", "Q1", None),
        ("Q3 2017/18", "Q3", "2017/18"),
        ("2016/17", "2016/17", "2016/17"),
    ],
)
def test_column_periods(text, iso, fy):
    p = column_period(text)
    assert (p.iso, p.financial_year) == (iso, fy)


def test_non_period_headers():
    assert column_period("Previous Year") is None and column_period("Baseline") is None


def test_range_periods():
    assert range_period("01/04/2016 to 31/03/2017") == "2016/17"
    assert range_period("01/07/2016 to 30/06/2017") == "Q1"


def test_person_name_drops_title_and_role():
    assert person_name("Chief Inspector Nicholas Church") == "Nicholas Church"
    assert person_name("Julia Cullum Domestic Abuse and Sexual Violence Manager") == "Julia Cullum"
    assert person_name("Joseph Keegan Public Health") == "Joseph Keegan"


@pytest.fixture(scope="module")
def quarterly():
    return extract_path(FIXTURES / "quarterly-rag.txt")


def test_quarter_columns_with_financial_year(quarterly):
    ind = next(i for i in quarterly.indicators if i.name == "Reduce repeat victims of domestic abuse")
    assert ind.period == "2017/18" and ind.target == "25%" and ind.unit == "%"
    assert [(v.series, v.period, v.value) for v in ind.values][:2] == [
        ("Repeat rate", "Q1", 24),
        ("Repeat rate", "Q2", 22),
    ]
    assert ind.commentary == "Repeat victimisation fell again in the second quarter."


def test_baseline_target_actual_status_rows(quarterly):
    ind = next(i for i in quarterly.indicators if i.name.endswith("Burglary rate per 1,000 households"))
    assert ind.target == "7.5" and ind.status_note == "Green"
    assert {v.series: v.value for v in ind.values} == {"Baseline": 8.1, "Target": 7.5, "Actual": 7.2}
    asb = next(i for i in quarterly.indicators if i.name.endswith("ASB incidents"))
    assert asb.status_note == "Red" and {v.series: v.value for v in asb.values}["Baseline"] == 1204


@pytest.mark.parametrize(
    "stem", ["plymouth-safer-plymouth-agenda-2017-01", "peterborough-scrutiny-performance-2018-11"]
)
def test_corpus_paper_meets_floors(stem, corpus_export):
    pred = corpus_export(stem)
    scores = evaluate.score_document(json.loads((GOLD / f"{stem}.json").read_text()), pred)
    floors = {"indicator_values": 0.9, "indicators": 0.85, "tables+rows": 0.9, "decisions": 0.9}
    for kind, floor in floors.items():
        assert evaluate.prf(scores[kind])[2] >= floor, (kind, scores[kind])


def test_plymouth_monitoring_only_and_targets(corpus_extraction):
    ex = corpus_extraction("plymouth-safer-plymouth-agenda-2017-01")
    by = {i.name: i for i in ex.indicators}
    assert by["Reduce Serious Acquisitive Crime"].monitoring_only
    assert not by["Overall Crime"].monitoring_only
    assert by['Increase Reporting of Level Two Indicator - "ist" incidents'].target == "640"
    assert by['Level Two Indicator - "ist" incidents satisfaction rates'].target == "90%"
    assert all(i.period == "2016/17" for i in ex.indicators)


def test_peterborough_fractions_ranges_and_arrows(corpus_extraction):
    ex = corpus_extraction("peterborough-scrutiny-performance-2018-11")
    opiate = next(i for i in ex.indicators if i.name.endswith(" - Opiate"))
    vals = {v.series: (v.value, v.period) for v in opiate.values}
    assert vals["Baseline period (n) all in treatment"] == (851, "2016/17")
    assert vals["Top Quartile range for Comparator LAs (upper)"] == (12.99, None)
    assert opiate.owner == "Joseph Keegan" and "direction D.O.T B: up" in opiate.flags
    total = next(i for i in ex.indicators if i.name.endswith("District Total"))
    assert {v.series: v.value for v in total.values}["% decrease"] == 27.8
