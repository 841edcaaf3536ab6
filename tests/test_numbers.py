"""Numbers as councils write them: counts, %, money, fractions, ranges, arrows."""

import pytest

from boardpapers.extract.language.numbers import direction, is_arrow, is_status, parse_money, parse_number


@pytest.mark.parametrize(
    "text, value, kind, unit",
    [
        ("1,652", 1652, "number", "count"),
        ("-317", -317, "number", "count"),
        ("+570", 570, "number", "count"),
        ("73%", 73, "percent", "%"),
        ("1.7 %", 1.7, "percent", "%"),
        ("39.49%*", 39.49, "percent", "%"),
        ("£110,000", 110000, "money", "£"),
        ("£2m", 2_000_000, "money", "£"),
    ],
)
def test_single_numbers(text, value, kind, unit):
    n = parse_number(text)
    assert (n.value, n.kind, n.unit, n.raw) == (value, kind, unit, text)


def test_fraction_keeps_numerator_and_denominator():
    n = parse_number("48 / 851")
    assert n.kind == "fraction" and n.parts == (48, 851)


@pytest.mark.parametrize(
    "text, parts, unit",
    [
        ("8.27% - 12.99%", (8.27, 12.99), "%"),
        ("74 to 114", (74, 114), "count"),
        ("10,000 – 13,000", (10000, 13000), "count"),
    ],
)
def test_ranges(text, parts, unit):
    n = parse_number(text)
    assert n.kind == "range" and n.parts == parts and n.unit == unit


@pytest.mark.parametrize("text", ["n/a", "", "-", "Tbc", "▲", "2016-17 plan"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_money_status_kept():
    assert parse_money("Awaiting confirmation").status == "Awaiting confirmation"
    assert parse_money("Tbc").value is None
    assert parse_money("£1.5 million").value == 1_500_000


def test_arrows_are_directions_not_values():
    assert direction("▲") == "up" and direction("↓") == "down" and direction("►") == "same"
    assert is_arrow("↓") and not is_arrow("12")
    assert is_status("Amber") and not is_status("12")


# --- figures with their labels, and numbers that are not figures (issue 17) ----------------------

from boardpapers.extract.language.numbers import (  # noqa: E402
    breakdowns,
    figure,
    is_phone_number,
    labelled_figures,
    rag_counts,
    target_levels,
    trend_counts,
)


def test_labelled_figures_on_a_kpi_line_and_in_a_box():
    assert [(label, n.value) for label, n in labelled_figures("Latest: 72% Target: 75%, Floor: 60% Previous: 70%")] == [
        ("Latest", 72),
        ("Target", 75),
        ("Floor", 60),
        ("Previous", 70),
    ]
    assert [(label, n.value) for label, n in labelled_figures("Target: 1,350, Floor: 1,500")] == [
        ("Target", 1350),
        ("Floor", 1500),
    ]
    box = "Total fund allocated:\nMay - £4058\nNovember £11387\nTOTAL £15445"
    assert [(label, n.value) for label, n in labelled_figures(box)] == [
        ("May", 4058),
        ("November", 11387),
        ("TOTAL", 15445),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Academic Year: 2017/18",
        "Date Updated: April 2018",
        "Tel: 01632 960123",
        "Contact:\nCommunity Safety Team\n01632 960123",
    ],
)
def test_labelled_years_dates_and_telephone_numbers_are_not_figures(text):
    assert labelled_figures(text) == []


def test_figure_refuses_years_codes_and_telephone_numbers():
    assert figure("2019 - 2022") is None and figure("2019") is None and figure("01632") is None
    assert is_phone_number("(01733) 452345") and is_phone_number("+44 20 7946 0958")
    assert figure("392").value == 392 and figure("12.5%").unit == "%" and figure("£64,140").value == 64140


@pytest.mark.parametrize(
    "text, target",
    [
        ("YRS 1 and 2 150 community building conversations in total - every 6 months", "150"),
        ("YR 1\n1 new group every 6 months\nYR 2\n2 new groups every 6 months", "YR 1: 1; YR 2: 2"),
        ("Year 1: 2 new schemes Year 2: 4 new schemes", "Year 1: 2; Year 2: 4"),
        ("2 x Action learning evidenced - every 6 months.", "2"),
        ("No level stated", None),
    ],
)
def test_target_levels(text, target):
    assert target_levels(text) == target


def test_breakdowns_of_a_total_in_a_comments_cell():
    assert [
        (s, n.value) for s, n in breakdowns("North Trust - 183 engaged in total.\nEast Hub - 834 engaged in total")
    ] == [("North Trust - engaged in total", 183), ("East Hub - engaged in total", 834)]
    assert [(s, n.value) for s, n in breakdowns("NTC - 55 engaged in total EHB - 520")] == [
        ("NTC - engaged in total", 55),
        ("EHB", 520),
    ]
    assert breakdowns("1 story each provided from both partners") == []
    assert [(s, n.value) for s, n in breakdowns("2 sessions each delivered by North Trust and East Hub")] == [
        ("North Trust - sessions delivered", 2),
        ("East Hub - sessions delivered", 2),
    ]


def test_counts_of_ratings_and_directions():
    assert rag_counts("21 Green, 8 Amber, 4 Red") == [("Green", 21), ("Amber", 8), ("Red", 4)]
    assert rag_counts("Green: 11, Amber: 4") == [("Green", 11), ("Amber", 4)]
    assert rag_counts("The 3 red measures are explained below.") == []  # one colour is not a count of ratings
    assert trend_counts("5 indicators have improved and 4 have deteriorated") == [("Improved", 5), ("Declined", 4)]
