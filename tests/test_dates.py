"""Council dates, times and periods: the rules a date library lacks."""

import pytest

from boardpapers.extract.language import dates


@pytest.mark.parametrize(
    "text, iso",
    [
        ("held on Thursday 3 December 2009 at 9.00am", "2009-12-03"),
        ("13 NOVEMBER 2018", "2018-11-13"),
        ("Date published: 28 September 2016", "2016-09-28"),
        ("02.03.11", "2011-03-02"),
        ("on the 1st of April 2018", "2018-04-01"),
        ("March 4, 2015", "2015-03-04"),
        ("31 February 2016", None),
        ("no date here", None),
        ("start: 2021-02-08T15:00", "2021-02-08"),  # ISO, as web pages' front matter writes it
        ("2019-13-01", None),
    ],
)
def test_parse_date(text, iso):
    assert dates.parse_date(text) == iso


@pytest.mark.parametrize(
    "text, iso, approximate",
    [
        ("14 December 2009", "2009-12-14", False),
        ("November 2016", "2016-11-30", False),
        ("Summer 2016", "2016-08-31", True),
        ("Winter 2016", "2017-02-28", True),
        ("Q1 2017/18", "2017-06-30", True),
        ("by end of 2016/17", "2017-03-31", True),
        # A "By when" cell holding the year alone (a CSP action plan, a tab-set delivery plan).
        ("2024/25", "2025-03-31", True),
        ("2024-25", "2025-03-31", True),
        ("2020-2023", None, False),  # a span of years is no deadline
        # School terms (a CSP strategy's schools action; a governors' plan's "Autumn Term 2024").
        ("End of summer term 2025", "2025-07-31", True),
        ("Autumn Term 2024", "2024-12-31", True),
        ("next meeting", None, False),
        ("Ongoing", None, False),
    ],
)
def test_parse_due(text, iso, approximate):
    due = dates.parse_due(text)
    assert (due.date, due.approximate) == (iso, approximate)


@pytest.mark.parametrize(
    "text, fy",
    [
        ("Target 16/17", "2016/17"),
        ("2016-17", "2016/17"),
        ("2016/2017", "2016/17"),
        ("1652 / 1684", None),
        ("2013-18", None),
    ],
)
def test_financial_year(text, fy):
    assert dates.financial_year(text) == fy


@pytest.mark.parametrize(
    "text, period", [("Apr-16", "2016-04"), ("March 2017", "2017-03"), ("Sept 16", "2016-09"), ("Total", None)]
)
def test_month_period(text, period):
    assert dates.month_period(text) == period


@pytest.mark.parametrize(
    "text, period", [("Q1", "Q1"), ("Q3 2017/18", "2017/18 Q3"), ("Quarter 2", "Q2"), ("Q5", None)]
)
def test_quarter_period(text, period):
    assert dates.quarter_period(text) == period


@pytest.mark.parametrize(
    "text, hhmm",
    [
        ("at 9.00am in", "09:00"),
        ("concluded at 12.20pm", "12:20"),
        ("10 am", "10:00"),
        ("14:30", "14:30"),
        ("12 noon", None),
    ],
)
def test_parse_time(text, hhmm):
    assert dates.parse_time(text) == hhmm


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Time: 10 am – 1 pm", ("10:00", "13:00")),
        ("10:00-11:30, 14 February 2014", ("10:00", "11:30")),
        ("2.00pm to 4.30pm", ("14:00", "16:30")),
    ],
)
def test_parse_time_range(text, pair):
    assert dates.parse_time_range(text) == pair


@pytest.mark.parametrize(
    "text, time",
    [
        ("1831", "18:31"),
        ("1930 hrs", "19:30"),
        ("2029, and the Chair", "20:29"),
        ("1930.", "19:30"),
        ("9.05pm", "21:05"),
        ("21:05", "21:05"),
        ("8.37 pm.", "20:37"),
        ("2400", None),
        ("18/31", None),
        ("the Chair", None),
    ],
)
def test_parse_clock_reads_four_digit_times_after_a_word_that_announces_one(text, time):
    assert dates.parse_clock(text) == time


# --- the periods figures are reported for (issue 17) ---------------------------------------------


@pytest.mark.parametrize(
    "text, date, period",
    [
        ("YR1 Enter your 1st 6 month Total - (count to End Feb 2023)", None, "2023-02"),
        ("Rates per 1,000 population, 12 months to December 2018", None, "2018-12"),
        ("Position as at 31 March 2023", None, "2023-03"),
        ("data up to July 2018", None, "2018-07"),
        ("Academic Year: 2017/18", None, "2017/18"),
        ("Reporting period: Q2 2019/20", None, "2019/20"),
        ("Disadvantaged pupil progress scores for last academic year (KS1 – KS2)", "2020-01-20", "2018/19"),
        ("Pupil premium allocation this academic year", "2020-01-20", "2019/20"),
        ("Results for last financial year", "2023-05-12", "2022/23"),
        ("Spending plan for this financial year", "2023-05-12", "2023/24"),
        ("for last academic year", "2020", None),  # a year alone does not say which academic year
        ("no period here", "2020-01-20", None),
    ],
)
def test_stated_period(text, date, period):
    assert dates.stated_period(text, date) == period


def test_last_year_takes_the_papers_convention():
    assert dates.relative_year("Review: last year's aims", "2020-01-20", "academic") == "2018/19"
    assert dates.relative_year("Review: last year's aims", "2020-01-20", "financial") == "2018/19"
    assert dates.relative_year("Review: last year's aims", "2020-05-20", "financial") == "2019/20"
    assert dates.relative_year("Review: last year's aims", "2020-05-20") is None
    assert dates.year_convention("the pupil premium for this academic year") == "academic"
    assert dates.year_convention("spend in the financial year") == "financial"


def test_without_period():
    assert dates.without_period("Targeted academic support for current academic year") == "Targeted academic support"
    assert dates.without_period("Progress scores for last academic year (KS1 – KS2)") == "Progress scores (KS1 – KS2)"


@pytest.mark.parametrize(
    "quarter, date, fy",
    [
        (4, "2014-05-01", "2013/14"),  # a Q4 report published in May is last year's Q4
        (2, "2013-11-14", "2013/14"),
        (3, "2024-02-15", "2023/24"),
        (3, "2023-11-01", "2022/23"),  # Q3 of 2023/24 had not ended
        (1, None, None),
    ],
)
def test_a_bare_quarter_takes_the_papers_year(quarter, date, fy):
    assert dates.quarter_year(quarter, date) == fy


@pytest.mark.parametrize(
    "period, year, academic, end",
    [
        ("2023-02", None, False, "2023-02-28"),
        ("Q4", "2023/24", False, "2024-03-31"),
        ("Q1", "2023/24", False, "2023-06-30"),
        ("2019/20", None, False, "2020-03-31"),
        ("2019/20", None, True, "2020-08-31"),
        ("2017", None, False, "2017-12-31"),
        ("Q2", None, False, None),
    ],
)
def test_period_end(period, year, academic, end):
    assert dates.period_end(period, year, academic) == end


def test_academic_and_financial_years_of_a_date():
    assert dates.academic_year("2020-01-20") == "2019/20" and dates.academic_year("2019-09-01") == "2019/20"
    assert dates.financial_year_of("2014-02-14") == "2013/14" and dates.financial_year_of("2014-04-01") == "2014/15"


@pytest.mark.parametrize(
    "text, date",
    [
        # A plan's "By when" cell and an action log's "Deadline" cell: a start is no deadline.
        ("April 2024 onwards", None),
        ("From June 2024", None),
        ("commencing 1 April 2024", None),
        ("Ongoing from 2024", None),
        # A span is due at its end.
        ("from April 2024 to March 2025", "2025-03-31"),
        ("From 1 May 2024 until 30 September 2024", "2024-09-30"),
        ("By 1 April 2024", "2024-04-01"),
    ],
)
def test_a_start_is_no_deadline_and_a_span_is_due_at_its_end(text, date):
    assert dates.parse_due(text).date == date
