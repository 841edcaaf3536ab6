"""One small case per rule in extract/readers/blocks.py and extract/readers/tables.py."""

import pytest

from boardpapers.extract.readers.blocks import (
    bold_spans,
    clean_inline,
    heading_level,
    is_initials,
    looks_like_heading,
    normalise_unicode,
    split_marker,
)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("<b>Main indicator</b>", "Main indicator"),
        ("Lisa Wills<br>Barry Dickinson", "Lisa Wills Barry Dickinson"),
        ("recovery <sup>7</sup> . Brokers", "recovery. Brokers"),
        ("visit: [www.example.org](http://www.example.org)", "visit: www.example.org"),
        ("**Total Place** to be on the agenda", "Total Place to be on the agenda"),
        ("*Cllr Robert New*", "Cllr Robert New"),
        ("[&]quot;Any person&quot;", '"Any person"'),
        ("cases of vulnerability\u00b9\u00b9.", "cases of vulnerability."),
        ('<p>It is recommended</p> <ol style="x"> 1. Consider', "It is recommended 1. Consider"),
    ],
)
def test_clean_inline(raw, clean):
    assert clean_inline(raw) == clean


def test_clean_inline_keeps_cell_line_breaks():
    assert clean_inline("Lisa Wills<br>Barry Dickinson", keep_breaks=True) == "Lisa Wills\nBarry Dickinson"


def test_odd_unicode_is_normalised():
    assert normalise_unicode("e\ufb03cient\u00a0use\u200bof") == "efficient useof"


def test_bold_spans():
    assert bold_spans("BD **DIP Long term funding (page 2)**") == ["DIP Long term funding (page 2)"]


@pytest.mark.parametrize(
    "text, marker, rest",
    [
        ("4.5.1 Outcome 1 - Reducing", "4.5.1", "Outcome 1 - Reducing"),
        ("ii) Joint Commissioning Unit", "ii)", "Joint Commissioning Unit"),
        ("1. ORIGIN OF REPORT", "1.", "ORIGIN OF REPORT"),
        ("(b) the report", None, "(b) the report"),  # a lower-case start is prose, not a marker
        ("30% of the annual salary", None, "30% of the annual salary"),
        ("2016 Update", None, "2016 Update"),
    ],
)
def test_split_marker(text, marker, rest):
    assert split_marker(text) == (marker, rest)


@pytest.mark.parametrize("text", ["LW", "RD/ JF", "PE-J", "AL/ SH", "ALL", "DW"])
def test_initials(text):
    assert is_initials(text)


@pytest.mark.parametrize("text", ["Lisa Wills", "DECISION:", "Theme Champions"])
def test_not_initials(text):
    assert not is_initials(text)


@pytest.mark.parametrize(
    "text, bold, expected",
    [
        ("Conclusions", False, True),
        ("Table of Contents.", False, True),
        ("Reduce Serious Acquisitive Crime", False, True),
        ("DECISION:", False, False),
        ("Date: 24 January 2017", False, False),
        ("No other apologies were received.", False, False),
        ("the meeting closed", False, False),
        ("Outcome 1 - Reducing the number of people who become victims of crime", True, True),
    ],
)
def test_looks_like_heading(text, bold, expected):
    assert looks_like_heading(text, bold=bold) is expected


def test_heading_level_follows_numbering_depth():
    assert (heading_level("7."), heading_level("4.5"), heading_level("4.5.1"), heading_level(None)) == (2, 3, 4, 3)


def test_three_digit_minute_numbers_and_one_word_answers():
    assert split_marker("121. DECLARATIONS OF INTEREST") == ("121.", "DECLARATIONS OF INTEREST")
    assert split_marker("150. people attended") == (None, "150. people attended")
    assert not looks_like_heading("None.")
