"""Council dates, times and periods: the rules a date library lacks."""
import pytest

from boardpapers.extract.language import dates


@pytest.mark.parametrize("text, iso", [
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
])
def test_parse_date(text, iso):
    assert dates.parse_date(text) == iso


@pytest.mark.parametrize("text, iso, approximate", [
    ("14 December 2009", "2009-12-14", False),
    ("November 2016", "2016-11-30", False),
    ("Summer 2016", "2016-08-31", True),
    ("Winter 2016", "2017-02-28", True),
    ("Q1 2017/18", "2017-06-30", True),
    ("by end of 2016/17", "2017-03-31", True),
    ("next meeting", None, False),
    ("Ongoing", None, False),
])
def test_parse_due(text, iso, approximate):
    due = dates.parse_due(text)
    assert (due.date, due.approximate) == (iso, approximate)


@pytest.mark.parametrize("text, fy", [("Target 16/17", "2016/17"), ("2016-17", "2016/17"), ("2016/2017", "2016/17"),
                                      ("1652 / 1684", None), ("2013-18", None)])
def test_financial_year(text, fy):
    assert dates.financial_year(text) == fy


@pytest.mark.parametrize("text, period", [("Apr-16", "2016-04"), ("March 2017", "2017-03"), ("Sept 16", "2016-09"), ("Total", None)])
def test_month_period(text, period):
    assert dates.month_period(text) == period


@pytest.mark.parametrize("text, period", [("Q1", "Q1"), ("Q3 2017/18", "2017/18 Q3"), ("Quarter 2", "Q2"), ("Q5", None)])
def test_quarter_period(text, period):
    assert dates.quarter_period(text) == period


@pytest.mark.parametrize("text, hhmm", [("at 9.00am in", "09:00"), ("concluded at 12.20pm", "12:20"), ("10 am", "10:00"),
                                        ("14:30", "14:30"), ("12 noon", None)])
def test_parse_time(text, hhmm):
    assert dates.parse_time(text) == hhmm


@pytest.mark.parametrize("text, pair", [("Time: 10 am – 1 pm", ("10:00", "13:00")), ("10:00-11:30, 14 February 2014", ("10:00", "11:30")),
                                        ("2.00pm to 4.30pm", ("14:00", "16:30"))])
def test_parse_time_range(text, pair):
    assert dates.parse_time_range(text) == pair


@pytest.mark.parametrize("text, time", [
    ("1831", "18:31"), ("1930 hrs", "19:30"), ("2029, and the Chair", "20:29"), ("1930.", "19:30"),
    ("9.05pm", "21:05"), ("21:05", "21:05"), ("8.37 pm.", "20:37"),
    ("2400", None), ("18/31", None), ("the Chair", None),
])
def test_parse_clock_reads_four_digit_times_after_a_word_that_announces_one(text, time):
    assert dates.parse_clock(text) == time
