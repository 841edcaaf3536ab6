"""Property-based tests: the text rules and the text reader never crash, whatever the input,
and what they give has the shape they promise."""

import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpapers.extract.language import dates
from boardpapers.extract.readers.blocks import clean_inline, is_initials, looks_like_heading, split_marker
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.errors import ReadError

council_text = st.text(alphabet=string.printable + "£–—‘’“”•▲↓\u00a0\ufb01\u200b¹²", max_size=300)
line_pieces = st.sampled_from(
    [
        "| a | b |",
        "|---|---|",
        "\t",
        "Q1\tQ2",
        "- item",
        " - nested",
        "# Head",
        "---",
        "<sup>1</sup> note",
        "<b>bold</b>",
        "1. Item",
        "ii) sub",
        "This page is intentionally left blank",
        "",
        "LW",
        "Text that goes on",
        "and continues",
        "**DECISION:**",
    ]
)


dateish = st.lists(
    st.sampled_from(
        [
            "3",
            "14",
            "31",
            "December",
            "Dec",
            "2009",
            "16/17",
            "2016-17",
            "Q1",
            "9.00am",
            "12.20pm",
            "–",
            "to",
            "by",
            "Summer",
            "Apr-16",
            "10 am",
            " ",
            "-",
            "/",
        ]
    ),
    max_size=8,
).map(" ".join)
TIME = r"([01]\d|2[0-3]):[0-5]\d"


def _shaped(value, pattern: str) -> bool:
    return value is None or re.fullmatch(pattern, value) is not None


@given(st.one_of(council_text, dateish))
def test_date_rules_never_crash_and_give_iso_shapes(text):
    assert _shaped(dates.parse_date(text), r"\d{4}-\d\d-\d\d")
    assert _shaped(dates.parse_due(text).date, r"\d{4}-\d\d-\d\d")
    assert _shaped(dates.parse_time(text), TIME)
    assert all(_shaped(t, TIME) for t in dates.parse_time_range(text))
    assert _shaped(dates.financial_year(text), r"\d{4}/\d\d")
    assert _shaped(dates.month_period(text), r"\d{4}-\d\d")
    assert _shaped(dates.quarter_period(text), r"(\d{4}/\d\d )?Q[1-4]")


@given(council_text)
def test_structure_rules_never_crash(text):
    clean_inline(text)
    clean_inline(text, keep_breaks=True)
    marker, rest = split_marker(text)
    assert marker is None or text.startswith(marker)
    is_initials(text)
    looks_like_heading(text)


@pytest.mark.slow  # 150 examples, each a file read
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(line_pieces, council_text), max_size=40))
def test_text_reader_never_crashes(tmp_path, lines):
    path = tmp_path / "fuzz.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        doc = read_text(path)
    except ReadError:
        return
    assert all(b.page >= 1 for b in doc.blocks)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=string.printable + "¹²\u00a0", max_size=200), st.booleans())
def test_clean_inline_plain_text_path_gives_the_markup_path_answer(text, keep_breaks):
    """clean_inline skips its markup steps for plain ASCII with no markup character: the
    answer is the one every step would have given."""
    from boardpapers.extract.readers.blocks import _clean_markup

    assert clean_inline(text, keep_breaks) == _clean_markup(text, keep_breaks)


def test_clean_inline_plain_text_path_on_every_line_of_the_papers(shared):
    from boardpapers.extract.readers.blocks import _clean_markup

    lines = [
        line
        for folder in ("corpus", "realdev")
        for path in sorted((shared / folder).glob("*.[tm][xd]*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 1000
    for line in lines:
        for keep in (False, True):
            assert clean_inline(line, keep) == _clean_markup(line, keep), line
