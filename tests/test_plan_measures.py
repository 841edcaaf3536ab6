"""Plan tables by their columns (issue 17): the column-role vocabulary, aims with targets, measures
beside activities, rows that span the table, owners named in the activity text.

Each rule has a small inline case here; the variant papers that bring them are scored against
their gold in test_gold_fixtures.py (plan_variants/thornbury-csp-delivery-plan-2022-23, as text and
as a PDF with merged group-heading cells; performance_variants/ashcombe-youth-fund-impact-2022-23),
and the real plans of ../shared in test_realdev_plans_reports.py.
"""

import pytest
from plan_helpers import of, records

from boardpapers.extract.language.columns import cell_role
from boardpapers.extract.parsers.figures import measure_figures
from boardpapers.extract.parsers.plan_tables import cell_lines, column_roles, table_kind


@pytest.mark.parametrize(
    "header, role",
    [
        # owners
        ("Lead", "owner"),
        ("Led by", "owner"),
        ("Delivered by", "owner"),
        ("Owned by", "owner"),
        ("Responsible", "owner"),
        ("Responsibility", "owner"),
        ("Who", "owner"),
        ("By whom", "owner"),
        ("Action by", "owner"),
        ("Lead officer / agency", "owner"),
        # deadlines
        ("Timescale", "due"),
        ("Time", "due"),
        ("Timeframe", "due"),
        ("Timing", "due"),
        ("Timeline", "due"),
        ("When", "due"),
        ("By when", "due"),
        ("Deadline", "due"),
        ("Target date", "due"),
        # measures
        ("Measure", "indicator"),
        ("Measures", "indicator"),
        ("Measure of success", "indicator"),
        ("Success criteria", "indicator"),
        ("KPI", "indicator"),
        ("Indicator", "indicator"),
        ("Outcome measure", "indicator"),
        ("Objectively verifiable indicators", "indicator"),
        ("Metric", "indicator"),
        # figures beside them
        ("Six Monthly TARGETS", "target"),
        ("Funding allocated:", "money"),
        ("Cost", "money"),
        ("YR1 Enter your 1st 6 month Total - (count to End Feb 2023)", "actual"),  # bracketed words not counted
        ("Achieved to 30 September 2023", "actual"),
        ("Same period last year", "comparator"),
        ("Floor", "floor"),
        ("Evidence and impact:", "evidence"),
        ("Sustainability and suggested next steps:", "activity"),
        # and what is not a role
        ("Key achievements to date:", "evidence"),
        ("Current good practice", None),
    ],
)
def test_column_roles(header, role):
    assert cell_role(header) == role


def test_an_aim_with_a_target_column_is_a_measure():
    # The DfE strategy template ("Aim | Target | Target date") and a youth fund's report.
    assert table_kind(column_roles(["Aim", "Target", "Target date"])) == "indicators"
    assert table_kind(column_roles(["Objective", "Target"])) == "indicators"
    assert table_kind(column_roles(["Aim", "Summary of progress"])) == "progress"
    inds = of(
        "Indicator",
        records(
            "| Aim | Target | Target date |\n|---|---|---|\n"
            "| Reach more young women | At least 40% of new members are young women | March 2024 |\n"
        ),
    )
    assert [(i.name, i.target, i.period) for i in inds] == [
        ("Reach more young women", "At least 40% of new members are young women", "March 2024")
    ]


def test_measures_with_only_a_timescale_or_progress_column_are_indicators():
    text = (
        "| Performance measure | Timescale |\n|---|---|\n"
        "| Residents who feel safe after dark up from 54% in 2021 to 60% by 2023 | March 2023 |\n"
        "| First time entrants to the youth justice system | Quarterly |\n\n"
        "| KPI | Progress |\n|---|---|\n| Hate crimes reported | Reporting rose in Q2 |\n"
    )
    inds = of("Indicator", records(text))
    assert [i.name for i in inds] == [
        "Residents who feel safe after dark up from 54% in 2021 to 60% by 2023",
        "First time entrants to the youth justice system",
        "Hate crimes reported",
    ]
    # The measure states its own target, and its baseline with the baseline's period.
    assert inds[0].target == "60% by 2023"
    assert [(v.series, v.period, v.value, v.role) for v in inds[0].values] == [("Baseline", "2021", 54, "comparator")]


ACTIVITIES = """\
| Activity | Led by | Timescale | Measure of success |
|---|---|---|---|
| The activities below are delivered with the partners of the Safer Ravensby Board: | | | |
| **Priority 1: Reducing serious violence and knife crime in the town centre and on the bus network** | | | |
| Set up a problem-solving group | Inspector Dev Patel | June 2021 | Group meets monthly<br>Knife crime offences down from 120 in 2020/21 to 100 by March 2022 |
| Services involved: Police, Youth Service, Public Health | | | |
| Train door staff in bystander skills | Licensing Manager | Autumn 2021 | 150 door staff trained |
"""


def test_rows_spanning_the_table_are_context_not_activities():
    actions = of("Action", records(ACTIVITIES))
    assert [(a.text, a.owner, a.due) for a in actions] == [
        ("Set up a problem-solving group", "Dev Patel", "June 2021"),
        ("Train door staff in bystander skills", "Licensing Manager", "Autumn 2021"),
    ]


def test_a_measure_beside_an_activity_with_a_figure_is_an_indicator_of_the_rows_lead():
    inds = of("Indicator", records(ACTIVITIES))
    # "Group meets monthly" states no figure: it stays on the action as its measure.
    assert [(i.name, i.owner, i.target, i.period) for i in inds] == [
        (
            "Knife crime offences down from 120 in 2020/21 to 100 by March 2022",
            "Dev Patel",
            "100 by March 2022",
            "June 2021",
        ),
        ("150 door staff trained", "Licensing Manager", "150", "Autumn 2021"),
    ]
    assert [(v.series, v.period, v.value) for v in inds[0].values] == [("Baseline", "2020/21", 120)]
    assert of("Action", records(ACTIVITIES))[0].progress.startswith("Measure: Group meets monthly")


def test_accessibility_plan_columns_give_lead_and_time():
    # The school accessibility-plan layout: the band over the label row, stacked posts, a Time column;
    # qualitative success criteria are no indicators.
    text = (
        "**AIM 2: Improving access to the physical environment**\n\n"
        "| Objectives | Current good practice | Actions to be taken | Lead | Resources | Time | Success criteria |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Improve signage | Signs in place | New signs to the car park<br>Access plan at reception | SBM<br>Headteacher |"
        " Repairs budget | Summer 2022 | Visitors aware of access routes |\n"
    )
    recs = records(text)
    assert [(a.text, a.owners, a.due) for a in of("Action", recs)] == [
        ("New signs to the car park Access plan at reception", ["SBM", "Headteacher"], "Summer 2022")
    ]
    assert of("Indicator", recs) == []


def test_x_to_lines_in_an_action_column_with_no_owner_column_are_actions_of_x():
    # A sport premium report's "Actions to achieve | Funding allocated | Next steps" and a plan's
    # "Action | Timescale": lines naming their owner; the others name none and are not actions.
    text = (
        "| School focus | Actions to achieve: | Funding allocated: | Sustainability and suggested next steps: |\n"
        "|---|---|---|---|\n"
        "| Active lunchtimes | Purchase play equipment<br>PE Coordinator to train Year 6 play leaders | £400 |"
        " Breakfast club leader to add a morning activity |\n\n"
        "| Action | Timescale |\n|---|---|\n"
        "| Youth Service to run detached sessions in the park<br>Release time for teachers to plan | Summer 2021 |\n"
    )
    actions = of("Action", records(text))
    assert [(a.text, a.owner, a.due) for a in actions] == [
        ("Train Year 6 play leaders", "PE Coordinator", None),
        ("Add a morning activity", "Breakfast club leader", None),
        ("Run detached sessions in the park", "Youth Service", "Summer 2021"),
    ]


@pytest.mark.parametrize(
    "text, target, baseline",
    [
        (
            "Repeat referrals to MARAC down from 41% in 2019/20 to at most 35% by 2024",
            "at most 35% by 2024",
            (41, "2019/20"),
        ),
        ("Increase reporting from 120 (2018) to 150 by March 2021", "150 by March 2021", (120, "2018")),
        ("200 door staff trained", "200", None),
        ("Workshops in 9 of 9 secondary schools", "9 of 9", None),
    ],
)
def test_figures_inside_a_measure(text, target, baseline):
    m = measure_figures(text)
    assert m.target == target
    assert (None if m.baseline is None else (m.baseline.value, m.baseline.period)) == baseline


def test_measures_without_figures_state_none():
    assert measure_figures("Scheme running") is None
    assert measure_figures("Group meets in Year 2 classrooms") is None


def test_cell_lines_split_stacked_items_and_sentences():
    assert cell_lines("• Fewer repeat victims\n• Referrals up 10%") == ["Fewer repeat victims", "Referrals up 10%"]
    assert cell_lines("New contract in place. Referrals up to 500.", sentences=True) == [
        "New contract in place",
        "Referrals up to 500.",
    ]


def test_action_logs_use_the_shared_column_roles():
    from boardpapers.extract.language.columns import action_log_columns

    cols = action_log_columns(["Action", "Led by", "Timeframe", "Update"])
    assert (cols.owner, cols.due, cols.progress) == (1, 2, 3)
    # The log's own words come first: the raising meeting's date is not the deadline.
    assert action_log_columns(["Meeting date", "Action", "Owner", "Deadline"]).due == 3


def test_a_merged_cell_drawn_across_the_table_is_context():
    # The PDF reader gives a merged cell its box and the cells it covers none (thornbury-...pdf draws
    # its group headings so); a plain, unbolded line drawn across the table is context too.
    from boardpapers.extract.parsers.plan_tables import spans_table, subheading
    from boardpapers.schemas.document import Box, Cell, Row

    box = Box(x0=40, top=100, x1=555, bottom=112)
    across = Row(
        cells=[Cell(text="Delivered with the Youth Offending Team", box=box), Cell(text=""), Cell(text="")], page=1
    )
    columns = column_roles(["Activity", "Lead", "Timescale"])
    assert spans_table(across) and subheading(across, columns, "activity") == "Delivered with the Youth Offending Team"
    inside = Row(
        cells=[Cell(text="Run a knife amnesty", box=box), Cell(text="", box=box), Cell(text="", box=box)], page=1
    )
    assert not spans_table(inside) and subheading(inside, columns, "activity") is None


# --- owners: the lead agency stands in for a blank lead officer (plan_variants/tendring-csp-strategy-2024-27)


@pytest.mark.parametrize(
    "text, owners",
    [
        # "Lead agency | Lead officer" with one officer cell left blank (a markdown CSP action plan).
        (
            "| Objective | What we will do | Lead agency | Lead officer | By when |\n|---|---|---|---|---|\n"
            "| Help victims | Commission a service for older victims | Community Safety Partnership | | March 2025 |\n"
            "| | Train housing staff | Council (Housing) | Domestic Abuse Coordinator | Q3 2024/25 |\n",
            ["Community Safety Partnership", "Domestic Abuse Coordinator"],
        ),
        # A tab-set plan whose columns read "Action | Partner organisation | Officer | Timescale".
        (
            "Action\tPartner organisation\tOfficer\tTimescale\n"
            "Run a knife amnesty\tPolice\tInspector Road Safety\tJune 2025\n"
            "Audit street lighting\tHighways Service\t\tAutumn 2025\n",
            ["Inspector Road Safety", "Highways Service"],
        ),
    ],
)
def test_a_blank_lead_officer_is_filled_by_the_lead_agency(text, owners):
    actions = of("Action", records(text, date="2024-05"))
    assert [a.owner for a in actions] == owners
    # Said, not hidden: the owner is the organisation, and a named officer keeps his agency apart.
    assert [("owner_is_organisation" in a.flags) for a in actions] == [
        o == a.organisations[0] for a, o in zip(actions, owners)
    ]


# --- indicators stated in prose (performance_variants/harrogate-csp-annual-report-2023-24)


@pytest.mark.parametrize(
    "line, name, value, target",
    [
        (
            "Key indicator: repeat victims of domestic abuse referred to MARAC - 28% (target 25%)",
            "Repeat victims of domestic abuse referred to MARAC",
            28,
            "25%",
        ),
        (
            "KPI 4: Households in temporary accommodation – 212; target 180",
            "Households in temporary accommodation",
            212,
            "180",
        ),
        (
            "Performance measure: Residents satisfied with the response to ASB: 71%",
            "Residents satisfied with the response to ASB",
            71,
            None,
        ),
    ],
)
def test_a_line_naming_a_key_indicator_is_an_indicator_of_the_reports_year(line, name, value, target):
    text = f"# Annual Report 2023/24\n\n## Housing\n\n{line}\n"
    inds = of("Indicator", records(text, date="2024-06"))
    assert [(i.name, i.target) for i in inds] == [(name, target)]
    assert [(v.series, v.period, v.value) for v in inds[0].values] == [(name, "2023/24", value)]


@pytest.mark.parametrize(
    "text, name, baseline, target",
    [
        # A bullet of a strategy's commitments.
        (
            "- We will reduce first-time entrants to the youth justice system from 120 in 2022 to 100 by 2025.",
            "First-time entrants to the youth justice system",
            ("2022", 120),
            "100 by 2025",
        ),
        # A paragraph that words it as an aim, with a financial year and percentages.
        (
            "Our aim is to increase the proportion of victims who report again from 41% in 2021/22 to 50% by 2024/25.",
            "Victims who report again",
            ("2021/22", 41),
            "50% by 2024/25",
        ),
    ],
)
def test_a_commitment_from_a_baseline_to_a_target_is_an_indicator(text, name, baseline, target):
    inds = of("Indicator", records(f"# Strategy 2023-2026\n\n{text}\n", date="2023-04"))
    assert [(i.name, i.target) for i in inds] == [(name, target)]
    assert [(v.series, v.period, v.value) for v in inds[0].values] == [("Baseline", *baseline)]


def test_prose_without_a_baseline_or_an_indicator_label_gives_no_indicator():
    text = (
        "# Annual Report 2023/24\n\nWe will reduce the harm caused by drugs across the district.\n\n"
        "The indicator we chose - repeat calls - fell.\n\nKey indicator: under review.\n"
    )
    assert of("Indicator", records(text, date="2024-06")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # An annual report's paragraph: the level with its year, then last year's as a second value.
        (
            "# Annual Report 2023/24\n\nReports of anti-social behaviour to the police fell to 3,940 in 2023/24, "
            "from 4,310 in 2022/23. The ASB case review was used 6 times.\n",
            [("Reports of anti-social behaviour to the police", [("2023/24", 3940), ("2022/23", 4310)])],
        ),
        # A foreword that names two measures in one sentence, the second after "while", with no year
        # of its own: the year is the report's, from its title.
        (
            "# Annual Report and Strategic Assessment Summary 2019/20\n\n"
            "- Anti-social behaviour incidents fell to 6,140 offences, while domestic abuse incidents rose to 3,275.\n",
            [
                ("Anti-social behaviour incidents", [("2019/20", 6140)]),
                ("Domestic abuse incidents", [("2019/20", 3275)]),
            ],
        ),
    ],
)
def test_a_level_stated_as_a_change_is_an_indicator(text, expected):
    inds = of("Indicator", records(text, date="2024-06"))
    assert [(i.name, [(v.period, v.value) for v in i.values]) for i in inds] == expected


def test_a_change_whose_subject_points_back_is_not_an_indicator():
    text = "# Annual Report 2023/24\n\nThis fell to 3,940 in 2023/24. It rose to 12 in the summer.\n"
    assert of("Indicator", records(text, date="2024-06")) == []


@pytest.mark.parametrize(
    "text",
    [
        # A plain-text annual report: a lead-in line naming the box, then bullets "Name: figure (target)".
        "# Annual Report 2023/24\n\nKey performance indicators\n\n"
        "- Hospital admissions for assault with a sharp object: 14 (target 12)\n"
        "- Knife crime offences per 1,000 population: 0.6\n",
        # A markdown strategy: a heading "How we will measure success" over starred items with dashes.
        "# Annual Report 2023/24\n\n### How we will measure success\n\n"
        "* Hospital admissions for assault with a sharp object – 14; target 12\n"
        "* Knife crime offences per 1,000 population – 0.6\n",
    ],
)
def test_the_lines_of_a_box_headed_as_indicators_are_indicators(text):
    inds = of("Indicator", records(text, date="2024-06"))
    assert [(i.name, i.target, [(v.period, v.value) for v in i.values]) for i in inds] == [
        ("Hospital admissions for assault with a sharp object", "12", [("2023/24", 14)]),
        ("Knife crime offences per 1,000 population", None, [("2023/24", 0.6)]),
    ]


def test_figure_lines_under_another_heading_are_not_indicators():
    text = "# Annual Report 2023/24\n\n### Funding\n\n- Police and Crime Commissioner: 45,000\n- Council: 12,000\n"
    assert of("Indicator", records(text, date="2024-06")) == []
