"""Numbers as councils write them: counts, %, money, fractions, ranges, arrows."""
import pytest

from boardpapers.extract.language.numbers import direction, is_arrow, is_status, parse_money, parse_number


@pytest.mark.parametrize("text, value, kind, unit", [
    ("1,652", 1652, "number", "count"),
    ("-317", -317, "number", "count"),
    ("+570", 570, "number", "count"),
    ("73%", 73, "percent", "%"),
    ("1.7 %", 1.7, "percent", "%"),
    ("39.49%*", 39.49, "percent", "%"),
    ("£110,000", 110000, "money", "£"),
    ("£2m", 2_000_000, "money", "£"),
])
def test_single_numbers(text, value, kind, unit):
    n = parse_number(text)
    assert (n.value, n.kind, n.unit, n.raw) == (value, kind, unit, text)


def test_fraction_keeps_numerator_and_denominator():
    n = parse_number("48 / 851")
    assert n.kind == "fraction" and n.parts == (48, 851)


@pytest.mark.parametrize("text, parts, unit", [("8.27% - 12.99%", (8.27, 12.99), "%"), ("74 to 114", (74, 114), "count"),
                                               ("10,000 – 13,000", (10000, 13000), "count")])
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
