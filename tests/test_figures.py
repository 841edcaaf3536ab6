"""Figures stated in prose: value, unit, what is measured, period, direction."""

from boardpapers.extract.parsers.figures import find_figures
from boardpapers.extract.parsers.outcomes import outcome_names


def one(text, value, **kw):
    found, _ = find_figures(text, kw.pop("report_date", "2018-11-13"))
    hits = [f for f in found if f.value == value]
    assert hits, [(f.value, f.series) for f in found]
    return hits[0]


def test_rate_per_100000_with_measure_before():
    f = one("There were 44 entrants - resulting in a significantly reduced FTE rate of 235 per 100,000.", 235)
    assert f.unit == "rate per 100,000" and "FTE rate" in f.series and f.direction == "reduction"


def test_comparator_rate_with_population():
    f = one("a rate of 8.2 crimes per 1000 Population compared to the Group Average of 7.8 per 1000 Population.", 7.8)
    assert f.series == "Group Average per 1000 Population"


def test_count_and_change_and_percent():
    text = "Between April and the end of November there have been 1,149 serious acquisitive crimes recorded, a reduction of 74 on the same period last year. This equates to a 6% reduction."
    found, _ = find_figures(text)
    assert [f.value for f in found] == [1149, 74, 6]
    assert found[0].series == "serious acquisitive crimes recorded"
    assert found[2].unit == "%" and found[2].series == "% reduction"


def test_dates_years_durations_and_labels_are_not_figures():
    found, _ = find_figures("Outcome 1 was set in 2017 and the 12 month average of 56 held until 30 September 2018.")
    assert [f.value for f in found] == [56]


def test_period_from_time_phrase_and_carry():
    found, carry = find_figures("Data up to July 2018 show a 10% increase. There were 1633 crimes.")
    assert [f.period for f in found] == ["2018-07", "2018-07"]
    found, _ = find_figures("Since 1st April 2018 there have been 71 referrals.")
    assert found[0].period == "2018/19"
    found, _ = find_figures("In September, a count identified 33 persons.", "2018-11-13")
    assert found[0].period == "2018-09"


def test_from_to_pairs_share_the_measure():
    found, _ = find_figures("The number of opiate only clients has increased from 837 to 851 (up 1.7 %)")
    assert [(f.value, f.role) for f in found][:2] == [(837, "from"), (851, "to")]
    assert found[0].subject.startswith("number of opiate")
    assert found[2].series == "% increase"


def test_position_out_of():
    f = one("This now places Peterborough tenth out of 15.", 10)
    assert f.series == "Position out of 15"


def test_two_outcomes_in_one_heading():
    assert outcome_names("Outcome 1 - Increase reporting Outcome 2 - Increase detections") == [
        "Increase reporting",
        "Increase detections",
    ]


def test_ranges_of_sections_and_ages_are_not_figures():
    from boardpapers.extract.parsers.figures import find_figures

    found, _ = find_figures(
        "Partnerships were set up under Sections 5-7 of the Act. 13 to 15 year olds may be at "
        "the highest risk, with 39% of victims in this age group."
    )
    assert [f.raw for f in found] == ["39%"]


def test_paragraph_without_digits_keeps_the_period_it_was_given():
    """No digit and no "in March"/"to May": no figure, the carried period passes on; with an
    undated time phrase the sentences are read and the phrase is carried."""
    carry = ("2023-03", None)
    assert find_figures("The Board noted the report. Members asked questions.", "2023-05-01", carry) == ([], carry)
    assert find_figures("Crime fell in March. Members were pleased.", "2023-05-01", ("2022-12", None)) == (
        [],
        ("2023-03", None),
    )
    assert find_figures("Work ran from May to June.", None, carry) == ([], (None, "from May to June"))
