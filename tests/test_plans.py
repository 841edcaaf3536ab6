"""Plans: delivery-plan tables, priorities and progress tables (extract/parsers/plans.py).

Small inline cases for each rule; the fixture files in tests/fixtures/plans/ are table
layouts other than the corpus's, each with its expected records beside it
(``pytest --update-golden`` rewrites them: review the diff).
"""

import json

import pytest
from plan_helpers import FIXTURES, of, project, records

DELIVERY = """\
## Appendix B - Domestic Abuse

| Main indicator | Lead Officer | Target 16/17 |
|---|---|---|
| TBC Increase referrals to MARAC | Bruce Marr | 75% |
| <b>Secondary indicators</b> | | |
| Residents understand healthy relationships | Bruce Marr | 1000 pupils trained |
| | | 8000 visits to the website |
| To be identified during 2016/17 | | |
| <b>Priority activity 2016/17</b> | <b>Lead Officer and organisation</b> | <b>By when</b> |
| To complete the strategic review | Bruce Marr | Summer 2016 |
| Review refuge contract | Lisa Wills<br>Barry Dickinson | November 2016 |
"""


def test_sub_heading_rows_switch_the_record_kind_and_level():
    recs = records(DELIVERY)
    indicators, actions = of("Indicator", recs), of("Action", recs)
    assert [(i.name, i.level) for i in indicators] == [
        ("TBC Increase referrals to MARAC", "main"),
        ("Residents understand healthy relationships", "secondary"),
        ("To be identified during 2016/17", "secondary"),
    ]
    assert [a.text for a in actions] == ["To complete the strategic review", "Review refuge contract"]
    assert all(a.kind == "plan_activity" for a in actions)


def test_continuation_rows_add_targets():
    second = of("Indicator", records(DELIVERY))[1]
    assert second.target == "1000 pupils trained; 8000 visits to the website"
    assert second.owner == "Bruce Marr"


def test_period_comes_from_the_target_header():
    assert {i.period for i in of("Indicator", records(DELIVERY))} == {"2016/17"}


def test_status_words_are_kept_and_flagged():
    tbc, _, placeholder = of("Indicator", records(DELIVERY))
    assert tbc.status_note == "TBC" and tbc.flags == ["to_be_confirmed"]
    assert tbc.name.startswith("TBC")  # the name stays as written
    assert placeholder.status_note == "To be identified during 2016/17"
    assert placeholder.flags == ["to_be_identified", "no_owner"]
    assert placeholder.owner is None


def test_abandoned_target_is_kept_as_written():
    text = (
        "| Main indicator | Lead Officer | Target 16/17 |\n|---|---|---|\n"
        "| To treat 15% of dependent drinkers | Alan Knobel | THIS INDICATOR HAS BEEN ABANDONED AS IT IS NO LONGER POSSIBLE |\n"
    )
    (ind,) = of("Indicator", records(text))
    assert ind.target.startswith("THIS INDICATOR HAS BEEN ABANDONED")
    assert ind.status_note == ind.target
    assert "abandoned" in ind.flags


def test_due_is_kept_as_written_and_normalised():
    review, refuge = of("Action", records(DELIVERY))
    assert (review.due, review.due_date, review.due_approximate) == ("Summer 2016", "2016-08-31", True)
    assert (refuge.due, refuge.due_date, refuge.due_approximate) == ("November 2016", "2016-11-30", False)


def test_activity_owners_split_on_line_breaks():
    refuge = of("Action", records(DELIVERY))[1]
    assert refuge.owners == ["Lisa Wills", "Barry Dickinson"]
    assert refuge.owner == "Lisa Wills; Barry Dickinson"
    assert refuge.owner_as_written == "Lisa Wills\nBarry Dickinson"


def test_activity_owner_organisation_kept_apart():
    text = (
        "| Priority activity 2016/17 | Lead Officer and organisation | By when |\n|---|---|---|\n"
        "| Re-model the treatment service | Barry Dickinson ICS | March 2017 |\n"
    )
    (action,) = of("Action", records(text))
    assert action.owner == "Barry Dickinson" and action.organisations == ["ICS"]
    assert action.owner_as_written == "Barry Dickinson ICS"


def test_theme_is_the_appendix_topic():
    assert {i.theme for i in of("Indicator", records(DELIVERY))} == {"Domestic Abuse"}


PRIORITIES = """\
## Our local strategic priorities

Based on the assessment the priorities are:

- **Substance misuse** - drug and alcohol misuse remains the driver of crime.
- Checking the partnership's current priorities
- **Domestic abuse** - remains the biggest driver of violent crime.

## National Priorities

- **Preventing violent extremism**

## Areas to monitor

- **Young people at risk** - managed by the Children's Trust.

## Substance misuse

- **Not a priority** - a bold bullet under another heading.
"""


def test_priorities_with_category_and_description():
    got = [(p.name, p.category, p.description) for p in of("Priority", records(PRIORITIES))]
    assert got == [
        ("Substance misuse", "local", "drug and alcohol misuse remains the driver of crime."),
        ("Domestic abuse", "local", "remains the biggest driver of violent crime."),
        ("Preventing violent extremism", "national", None),
        ("Young people at risk", "monitor", "managed by the Children's Trust."),
    ]


PROGRESS = """\
## Update on progress of the 2013-18 plan

|   | Five year aims | Summary of progress |
|---|---|---|
| 1 | A community treatment model | On target with many milestones achieved. |
| 2 | More people completing treatment | Partially achieved; funding needed. |
| 3 | Fewer complaints about noise | A 10% reduction in cases. |

|   | Five year aims |  |
|---|---|---|
| 1 | A reduction of 3% each year in ASB | Based on police data, this aim has been achieved. |
"""


def test_progress_tables_give_aims_with_status():
    got = [(p.aim, p.status) for p in of("Progress", records(PROGRESS))]
    assert got == [
        ("A community treatment model", "on target"),
        ("More people completing treatment", "partially achieved"),
        ("Fewer complaints about noise", None),
        ("A reduction of 3% each year in ASB", "achieved"),
    ]


def test_plan_narrative_gives_no_decisions():
    text = PRIORITIES + "\nThis year's plan also recommends refocusing the priorities from six to three.\n"
    assert of("Decision", records(text)) == []


@pytest.mark.parametrize(
    "path", sorted(p for p in FIXTURES.glob("*.*") if not p.name.endswith(".expected.json")), ids=lambda p: p.stem
)
def test_fixture_layouts(path, update_golden):
    expected_path = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")
    expected = json.loads(expected_path.read_text())
    got = [project(r) for r in records(path.read_text(), expected["parser"], name=path.name)]
    if update_golden:
        expected_path.write_text(json.dumps({**expected, "records": got}, indent=2, ensure_ascii=False) + "\n")
    assert got == expected["records"]


def test_rag_layout_reads_status_and_measure():
    path = FIXTURES / "action-lead-timescale-measure-rag.md"
    actions = of("Action", records(path.read_text(), name=path.name))
    assert [a.status for a in actions] == ["Green", "Amber", "Red", "Amber"]
    assert actions[2].progress == "Measure: Review reported to the board; Lighting improved where needed"
    assert actions[3].flags == ["due_not_a_date"]  # "TBC"


def test_outcome_layout_carries_the_outcome_down():
    path = FIXTURES / "outcome-indicator-baseline-target-lead.md"
    indicators = of("Indicator", records(path.read_text(), name=path.name))
    assert indicators[1].theme == "Fewer young people enter the justice system"
    assert indicators[1].period == "2017/18"
    assert [i.level for i in indicators] == [None, None, "main", "secondary", "secondary"]
    assert indicators[-1].monitoring_only
