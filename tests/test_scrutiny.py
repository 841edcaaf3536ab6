"""Scrutiny reports: recommendations, conclusions, witnesses, objectives (extract/parsers/scrutiny.py)."""

from plan_helpers import of, records

REPORT = """\
Traffic Scrutiny Panel

Councillor Ann Reed Chair, Traffic Scrutiny Panel

Conclusions

The panel recognised that:

- 1. Joint working matters (section 3.5).
- 2. Communication is essential.

The panel was concerned that:

- 3. Support comes late.

Recommendations

- Identify a cohort of complex cases
- 2. Map the journey of selected cases
- 3. Contribute to the Homelessness Working Group

1. Purpose

The purpose of this report is to present the recommendations.

7. Recommendations and Budget and Policy Implications

Recommendation\tAction By\tBudget & Policy Framework\tResource Implications
Identify a cohort of complex cases, and work with services\tStrategy and Partnerships Manager and partners agencies/services.\tWithin existing priorities\tWithin budget
Map the journey of selected cases.\tStrategy and Partnerships Manager\tWithin existing priorities\tWithin budget
Contribute to the Homelessness Working Group\tDirector of Housing & Director of Public Health\tWithin existing priorities\tWithin budget

Formal Meetings Held by the Panel

DATE\tWITNESSES\tDOCUMENTS RECEIVED
10 December 2015\tLisa Wills, Strategy Manager Matt Smith, Public Health Consultant.\tPresentation
28 September 2016\tThe report was signed off by the panel.\tFurther evidence
"""


def test_one_decision_and_one_action_per_recommendation():
    recs = records(REPORT, "scrutiny", date="2016-09-28")
    decisions, actions = of("Decision", recs), of("Action", recs)
    assert [(d.item, d.text) for d in decisions] == [
        ("1", "Identify a cohort of complex cases"),  # the unnumbered first bullet is number 1
        ("2", "Map the journey of selected cases"),
        ("3", "Contribute to the Homelessness Working Group"),
    ]
    assert all(d.kind == "recommendation" for d in decisions)
    # The action's text is the table's, beside its "Action By".
    assert [a.text for a in actions][0] == "Identify a cohort of complex cases, and work with services"
    assert [a.item for a in actions] == ["1", "2", "3"]
    assert all(a.kind == "recommendation" for a in actions)


def test_recommendation_owners_split_at_joins_between_posts():
    actions = of("Action", records(REPORT, "scrutiny"))
    assert actions[0].owners == ["Strategy and Partnerships Manager", "partners agencies/services"]
    assert actions[1].owners == ["Strategy and Partnerships Manager"]
    assert actions[2].owners == ["Director of Housing", "Director of Public Health"]


def test_a_restarted_count_ends_the_list():
    """'1. Purpose' after the recommendations is the next section, not a fourth recommendation."""
    assert len(of("Decision", records(REPORT, "scrutiny"))) == 3


def test_conclusions_follow_their_lead_ins():
    assert [c.text for c in of("Conclusion", records(REPORT, "scrutiny"))] == [
        "Joint working matters (section 3.5).",
        "Communication is essential.",
        "Support comes late.",
    ]


def test_witnesses_split_with_roles_and_dates():
    got = [(w.name, w.role, w.date) for w in of("Witness", records(REPORT, "scrutiny"))]
    assert got == [
        ("Lisa Wills", "Strategy Manager", "2015-12-10"),
        ("Matt Smith", "Public Health Consultant", "2015-12-10"),
    ]


def test_table_only_recommendations_in_another_layout():
    text = (
        "Recommendations and responsibilities\n\n"
        "No.\tRecommendation\tResponsible officer\tTimescale\n"
        "1\tFund the diversion scheme\tDirector of Children's Services\tApril 2019\n"
        "2\tPublish a quarterly report\tMaria Lopez, Education Inclusion Team\tSummer 2019\n"
    )
    recs = records(text, "scrutiny")
    assert [(d.item, d.text) for d in of("Decision", recs)] == [
        ("1", "Fund the diversion scheme"),
        ("2", "Publish a quarterly report"),
    ]
    first, second = of("Action", recs)
    assert (first.owner, first.due, first.due_date) == ("Director of Children's Services", "April 2019", "2019-04-30")
    assert (second.owner, second.organisations, second.due_approximate) == (
        "Maria Lopez",
        ["Education Inclusion Team"],
        True,
    )


def test_objectives_led_by_the_chair():
    text = (
        "Councillors: Ann Reed (Chair)\n\n"
        "2.1 The panel agreed the scoping document with the following objectives:\n\n"
        "In relation to complex cases of anti-social behaviour:\n\n"
        "- 1. Identify ways that services could work together.\n"
        "- 2. Identify how residents can self-help.\n"
        "- 2.2 The panel comprised:\n"
    )
    got = [(p.name, p.category, p.lead) for p in of("Priority", records(text, "scrutiny"))]
    assert got == [
        ("Identify ways that services could work together.", "objective", "Ann Reed"),
        ("Identify how residents can self-help.", "objective", "Ann Reed"),
    ]


def test_no_owner_column_no_actions():
    """A recommendations table without an 'Action By' column gives decisions, not owner-less actions."""
    text = "Recommendations\n\nRecommendation\tTimescale\nContinue to commission the domestic abuse contract\t2017/18\n"
    recs = records(text, "scrutiny")
    assert [d.text for d in of("Decision", recs)] == ["Continue to commission the domestic abuse contract"]
    assert of("Action", recs) == []


def test_labelled_recommendation_paragraphs():
    text = (
        "The panel heard from witnesses.\n\n"
        "Recommendation 1: That the council funds two outreach workers.\n\n"
        "Some discussion followed.\n\n"
        "Recommendation 2 - That partners share data monthly.\n"
    )
    assert [(d.item, d.text) for d in of("Decision", records(text, "scrutiny"))] == [
        ("1", "That the council funds two outreach workers."),
        ("2", "That partners share data monthly."),
    ]
