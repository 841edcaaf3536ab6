"""Performance reports (issue 17): KPI cards, counts of ratings, targets against actuals, bands
naming an indicator with their money columns, figures in text tables and boxes, periods with their
year, comparators.

Each rule has a small inline case here; the variant papers are scored against their gold in
test_gold_fixtures.py (performance_variants: halbury-kpi-cards-q3-2023-24, kestrel-targets-actuals-2023
as text and PDF, ashcombe-youth-fund-impact-2022-23; cross_variants/northmoor-panel-cover-report-q2),
and the real reports of ../shared in test_realdev_plans_reports.py.
"""

import pytest

from boardpapers.extract.parsers import performance
from boardpapers.extract.parsers.common import Context, Section
from boardpapers.extract.parsers.figures import find_figures
from boardpapers.extract.parsers.performance import column_period
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.records import DocumentMeta, Indicator


def indicators(text: str, date: str | None = "2024-02-15", title: str | None = None, kind: str = "performance_report"):
    doc = read_text("report.md", data=text.encode())
    meta = DocumentMeta(
        doc_id=doc.id, source=doc.name, source_kind="text", page_count=doc.page_count, date=date, title=title
    )
    return [
        r
        for r in performance.parse(Section(kind=kind, title="t", blocks=doc.blocks), Context(doc=doc, meta=meta))
        if isinstance(r, Indicator)
    ]


def values(ind):
    return [(v.series, v.period, v.value) for v in ind.values]


# --- KPI cards and counts of ratings ------------------------------------------------------------


def test_a_kpi_line_gives_latest_target_floor_previous_and_rag():
    (kpi,) = indicators(
        "# Performance Report – Quarter 3 2023/24\n\n## Repeat referrals to MARAC\n\n"
        "Latest: 72% Target: 75%, Floor: 60% Previous: 70% (Amber)\n\nDirection of travel: improving\n"
    )
    assert kpi.name == "Repeat referrals to MARAC" and kpi.target == "75%" and kpi.status_note == "Amber"
    assert values(kpi) == [("Latest", "Q3", 72), ("Floor", None, 60), ("Previous", "Q2", 70)]
    assert [v.role for v in kpi.values] == [None, "floor", "comparator"]
    assert kpi.values[0].period_year == "2023/24" and kpi.flags == ["direction up"]


def test_a_kpi_card_as_a_list_named_by_its_opening_words():
    # Another layout: the KPI's name opens the line, the period is stated in the label.
    (kpi,) = indicators(
        "Quarterly report\n\n- Hate crimes reported – Latest (Q2 2019/20): 212, Target: 200, Last year: 188 (Green)\n",
        date="2019-11-05",
    )
    assert kpi.name == "Hate crimes reported" and kpi.target == "200" and kpi.status_note == "Green"
    assert values(kpi) == [("Latest (Q2 2019/20)", "2019/20", 212), ("Last year", None, 188)]


@pytest.mark.parametrize(
    "text, counts",
    [
        ("Of the 33 measures, 21 are green, 8 amber and 4 red.", [("Green", 21), ("Amber", 8), ("Red", 4)]),
        (
            "The scorecard has 20 measures:\n\n- 12 measures are Green\n- 5 are Amber\n- 3 are Red\n",
            [("Green", 12), ("Amber", 5), ("Red", 3)],
        ),
    ],
)
def test_counts_of_rag_ratings_in_prose_or_a_list(text, counts):
    (ind,) = indicators("# Performance Report – Quarter 1 2022/23\n\n" + text, date="2022-08-01")
    assert ind.name == "Measures by RAG rating"
    assert [(v.series, v.value) for v in ind.values] == counts
    assert {(v.period, v.period_year) for v in ind.values} == {("Q1", "2022/23")}


def test_counts_of_directions_of_travel():
    (ind,) = indicators(
        "# Quarter 2 2021/22\n\n6 measures improved on the last quarter, 3 stayed the same and 2 declined.\n",
        date="2021-11-01",
    )
    assert ind.name == "Measures by direction of travel"
    assert [(v.series, v.value) for v in ind.values] == [("Improved", 6), ("No change", 3), ("Declined", 2)]
    assert ind.commentary == "on the last quarter"


# --- tables ------------------------------------------------------------------------------------

TARGETS = """\
| Outcome 1 | Fewer people feel isolated | Six Monthly TARGETS | YR1 Enter your 6 month Total - (count to End Feb 2023) | Any comments |
|---|---|---|---|---|
| | | YRS 1 and 2 150 conversations in total - every 6 months | 1,017 | NorthCo - 183 engaged in total.<br>EastCo - 834 engaged in total |
| **Outcome 2** | More people join local groups | | | |
| | | YR 1<br>1 new group every 6 months<br>YR 2<br>2 new groups every 6 months | 4 | NorthCo - 2 new groups EastCo - 2 |
"""


def test_targets_against_actuals():
    first, second = indicators(TARGETS, date="2023-03")
    assert (first.name, first.target) == ("YRS 1 and 2 150 conversations in total - every 6 months", "150")
    assert values(first) == [
        ("YR1 Enter your 6 month Total - (count to End Feb 2023)", "2023-02", 1017),
        ("NorthCo - engaged in total", "2023-02", 183),
        ("EastCo - engaged in total", "2023-02", 834),
    ]
    assert second.target == "YR 1: 1; YR 2: 2" and second.theme == "Outcome 2: More people join local groups"
    assert values(second)[1:] == [("NorthCo - new groups", "2023-02", 2), ("EastCo", "2023-02", 2)]


BAND = """\
| | | |
|---|---|---|
| Academic Year: 2017/18 | Total fund allocated:<br>May - £4,000<br>November £11,000<br>TOTAL £15,000 | Date Updated: April 2018 |

**Key indicator 1: The engagement of all pupils in regular physical activity**

Percentage of total allocation: 31%

| School focus | Actions to achieve: | Funding allocated: | Evidence and impact: |
|---|---|---|---|
| Active travel | Bikeability for Year 5<br>Scooter training | £360<br>£ 4500 | 40% of KS2 pupils attend a sports club<br>New clubs in Yr 2 and Yr 3 |
"""


def test_a_band_naming_an_indicator_with_its_labelled_figure_and_money_column():
    inds = {i.name: i for i in indicators(BAND, date="2018-04")}
    band = inds["Key indicator 1: The engagement of all pupils in regular physical activity"]
    assert values(band) == [
        ("Percentage of total allocation", "2017/18", 31),
        ("Funding allocated", "2017/18", 360),
        ("Funding allocated", "2017/18", 4500),
    ]
    # The fund box's labelled amounts; the evidence column's figure; year groups are not figures.
    assert values(inds["Total fund allocated"]) == [
        ("May", "2017/18", 4000),
        ("November", "2017/18", 11000),
        ("TOTAL", "2017/18", 15000),
    ]
    assert values(inds["40% of KS2 pupils attend a sports club"]) == [
        ("% of KS2 pupils attend a sports club", "2017/18", 40)
    ]
    assert len(inds) == 3


KEY_VALUE = """\
## School overview

| Metric | Data |
|---|---|
| School name | Ravensby Primary |
| Pupils on roll | 210 |
| Proportion of pupils eligible | 18.5% |
| Grant this academic year | £32,400 |
| Years covered | 2019 - 2022 |
| Publish date | 12 December 2019 |

## Progress scores for last academic year

| Measure | Score |
|---|---|
| Reading | +0.8 |
| Achieving the higher standard | 10% |
| Achieving the higher standard | 10% |

## Targeted support for current academic year

| Measure | Activity |
|---|---|
| Priority 1 | Phonics catch-up groups |
| Projected spending | £12,000 |
"""


def test_figure_rows_in_key_value_and_text_tables_with_their_periods():
    inds = indicators(KEY_VALUE, date="2019-12-12", kind="plan")
    got = [(i.name, values(i)) for i in inds]
    assert got == [
        # a box of figures: the row's label is its series; "this academic year" in one row dates them all
        ("School overview - Pupils on roll", [("Pupils on roll", "2019/20", 210)]),
        ("Proportion of pupils eligible", [("Proportion of pupils eligible", "2019/20", 18.5)]),
        ("Grant this academic year", [("Grant this academic year", "2019/20", 32400)]),
        # one- to three-word labels keep the table's name, without its period
        ("Progress scores - Reading", [("Score", "2018/19", 0.8)]),
        # a row written twice is two records
        ("Achieving the higher standard", [("Score", "2018/19", 10)]),
        ("Achieving the higher standard", [("Score", "2018/19", 10)]),
        ("Targeted support - Projected spending", [("Projected spending", "2019/20", 12000)]),
    ]
    assert inds[4].id != inds[5].id


def test_a_front_sheet_of_references_has_no_figures():
    text = "| | |\n|---|---|\n| Agenda item | 7 |\n| Telephone | 01632 960123 |\n| Report number | 42 |\n"
    assert indicators(text) == []


# --- periods ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso, fy",
    [
        ("Jan – Mar 24", "Q4", "2023/24"),  # a quarter of the financial year written as its months
        ("Apr – Jun 23", "Q1", "2023/24"),
        ("Oct-Dec 2019", "Q3", "2019/20"),
    ],
)
def test_month_spans_are_quarters_of_the_financial_year(text, iso, fy):
    p = column_period(text)
    assert (p.iso, p.financial_year) == (iso, fy)


def test_a_bare_quarter_takes_the_papers_year_and_comparators_are_marked():
    text = (
        "## Burglary\n\n| Measure | Q1 | Q2 | Same period last year |\n|---|---|---|---|\n"
        "| Burglary of homes | 61 | 58 | 75 |\n| Attempted burglary | 14 | 12 | 16 |\n"
    )
    (ind,) = indicators(text, date="2024-02-15")
    assert [(v.period, v.period_year, v.role) for v in ind.values[:3]] == [
        ("Q1", "2023/24", None),
        ("Q2", "2023/24", None),
        (None, None, "comparator"),
    ]
    assert ind.values[1].period_end == "2023-09-30"


def test_a_series_of_an_earlier_year_is_a_comparator():
    text = (
        "## Referrals\n\n| | Apr-16 | May-16 |\n|---|---|---|\n| Cumulative (2016/17) | 158 | 338 |\n"
        "| Monthly 2016/17 | 158 | 180 |\n| Monthly 2015/16 | 196 | 192 |\n"
    )
    (ind,) = indicators(text, date="2017-01")
    assert {v.series: v.role for v in ind.values} == {
        "Cumulative (2016/17)": None,
        "Monthly 2016/17": None,
        "Monthly 2015/16": "comparator",
    }


def test_year_columns_of_different_measures_are_their_series():
    text = (
        "## Performance\n\n| Indicator | 2018/19 | 2019/20 | Change |\n|---|---|---|---|\n"
        "| Total recorded crime | 21,456 | 20,874 | -2.7% |\n| Domestic abuse incidents | 4,102 | 4,388 | +7.0% |\n"
    )
    inds = indicators(text, date="2020-06-18")
    assert [values(i) for i in inds] == [
        [("2018/19", "2018/19", 21456), ("2019/20", "2019/20", 20874)],
        [("2018/19", "2018/19", 4102), ("2019/20", "2019/20", 4388)],
    ]
    assert [v.role for v in inds[0].values] == ["comparator", None]


# --- never figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Contact the team on 01632 960123.",
        "The duty under section 17 of the Crime and Disorder Act 1998 applies.",
        "See column 6 of the table and schedule 10 of the Equality Act 2010.",
        "KPI 3: Repeat victims",
        "Performance at the end of Quarter 2",
        "New clubs for Yr 2 and Yrs. 5 and 6",
    ],
)
def test_references_are_not_figures(sentence):
    assert find_figures(sentence)[0] == []


def test_rag_letters_and_section_headings_are_no_names():
    text = (
        "## Actions by RAG rating\n\n| Priority | R | A | G |\n|---|---|---|---|\n"
        "| Domestic abuse | 1 | 3 | 8 |\n| Serious violence | 0 | 2 | 5 |\n\n"
        "## 2. Key performance indicators\n\nLatest: 72% Target: 75%\n"
    )
    inds = indicators(text)
    assert [(i.name, [v.series for v in i.values]) for i in inds] == [
        ("Actions by RAG rating - Domestic abuse", ["Red", "Amber", "Green"]),
        ("Actions by RAG rating - Serious violence", ["Red", "Amber", "Green"]),
    ]


def test_key_value_fields_give_the_papers_year_and_labelled_amounts():
    # The same box as BAND, as the reader gives a key/value box: fields with their labels.
    from boardpapers.schemas.document import Block, Document

    fields = [
        ("Academic Year", "2017/18"),
        ("Total fund allocated", "May - £4,000\nNovember £11,000\nTOTAL £15,000"),
        ("Date Updated", "April 2018"),
    ]
    blocks = [Block(kind="field", label=label, text=text, page=1, source=f"{label}: {text}") for label, text in fields]
    doc = Document(id="0" * 16, source_path="box.pdf", source_kind="pdf", page_count=1, blocks=blocks)
    meta = DocumentMeta(doc_id=doc.id, source=doc.name, source_kind="pdf", page_count=1, date="2018-04")
    (ind,) = [
        r
        for r in performance.parse(
            Section(kind="performance_report", title="t", blocks=blocks), Context(doc=doc, meta=meta)
        )
        if isinstance(r, Indicator)
    ]
    assert ind.name == "Total fund allocated"
    assert values(ind) == [("May", "2017/18", 4000), ("November", "2017/18", 11000), ("TOTAL", "2017/18", 15000)]


def test_a_scorecard_row_keeps_its_lead():
    text = (
        "## Scorecard\n\n| Indicator | Lead | Target | Q1 | Q2 |\n|---|---|---|---|---|\n"
        "| Repeat victims of domestic abuse | Domestic Abuse Coordinator | 28% | 30% | 29% |\n"
    )
    (ind,) = indicators(text, date="2019-11-01")
    assert (ind.owner, ind.target) == ("Domestic Abuse Coordinator", "28%")
    assert values(ind) == [("Target", None, 28), ("Q1", "Q1", 30), ("Q2", "Q2", 29)]


def test_a_band_lifted_as_the_tables_caption_names_its_indicator():
    # The band as a PDF reader gives it: the table's caption, the labelled figure run on after it.
    text = (
        "| | |\n|---|---|\n| Academic Year: 2019/20 | Date Updated: May 2020 |\n\n"
        "| **Key indicator 2: The profile of PE raised across the school Percentage of total allocation: 32 %** | | | |\n"
        "|---|---|---|---|\n| School focus | Actions to achieve: | Funding allocated: | Evidence and impact: |\n"
        "| Develop the curriculum | Purchase SSP membership | £4055 | Children attend festivals |\n"
    )
    (ind,) = indicators(text, date="2020-05")
    assert ind.name == "Key indicator 2: The profile of PE raised across the school"
    assert values(ind) == [("Percentage of total allocation", "2019/20", 32), ("Funding allocated", "2019/20", 4055)]


def test_a_money_table_of_allocation_spend_and_share():
    text = (
        "## Community safety fund 2022/23\n\n| Project | Allocation | Spend | % of allocation |\n|---|---|---|---|\n"
        "| Street Pastors | £12,000 | £11,400 | 95% |\n"
    )
    (ind,) = indicators(text, date="2023-05-10")
    assert values(ind) == [
        ("Allocation", "2022/23", 12000),
        ("Spend", "2022/23", 11400),
        ("% of allocation", "2022/23", 95),
    ]


def test_a_box_of_labelled_values_takes_the_period_one_label_states_and_no_date_is_a_figure():
    # A strategy's overview box (a two-column grid the reader unfolds into fields) and the same
    # labels as a list of "Label: value" lines.
    grid = (
        "## School overview\n\n| Metric | Data |\n|---|---|\n| School name | Fenby Primary |\n"
        "| Pupils on roll | 310 |\n| Grant allocation for this academic year | £48200 |\n"
        "| Publish date | 14 January 2021 |\n"
    )
    got = {i.name: (i.values[0].value, i.values[0].period) for i in indicators(grid, date="2021-01-14")}
    assert got == {"Pupils on roll": (310, "2020/21"), "Grant allocation for this academic year": (48200, "2020/21")}


def test_rows_under_an_indicator_column_are_indicators_of_their_own():
    table = (
        "## Quarterly scorecard\n\n| Indicator | Target 2020/21 | Q1 | Q2 | Q3 |\n|---|---|---|---|---|\n"
        "| Burglary | 150 | 41 | 37 | 30 |\n| Robbery | 40 | 11 | 9 | 12 |\n"
    )
    assert sorted(i.name for i in indicators(table)) == ["Burglary", "Robbery"]
    # Bare labels of one measure under a heading stay one series table, named by the heading.
    series = "## Dwelling burglary\n\n| Area | Q1 | Q2 | Q3 |\n|---|---|---|---|\n| North | 4 | 5 | 6 |\n| South | 7 | 8 | 9 |\n"
    assert [i.name for i in indicators(series)] == ["Dwelling burglary"]


def test_a_year_then_and_starts_a_new_figure():
    found, _ = find_figures("Fear of crime has fallen since 2014 and 82% of residents were not victims of crime.")
    assert [f.raw for f in found] == ["82%"]
    found, _ = find_figures("See sections 5 and 7 of the report; 40 officers attended.")
    assert [f.raw for f in found] == ["40"]
