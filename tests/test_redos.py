"""No rule over paper text is super-linear (issue 14): a long adversarial line in a paper
reads and extracts in time proportional to its length.

A 3 KB text paper holding "#" and a long run of spaces took 63-116 s (the heading rule
backtracked cubically); a run of commas went through spaCy's tokenizer in quadratic time, a
line of initials through its Matcher, a row of 20,000 words through the PDF reader's line
grouping. Each entry point (the text reader, the PDF reader, every parser through the
pipeline) is run here on 100 KB lines of the characters such rules share: spaces, "#",
dots, digits, letters, capitals, punctuation, brackets and tabs, after the line starts the
rules look for, in papers of each kind.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfgen import make_pdf, text

from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers.pdf import read_pdf
from boardpapers.extract.readers.text import read_text

LINE = 100_000
# Measured on a 2-core machine: most 100 KB lines take under 5 s; the slowest, a performance
# report's line of 50,000 numbers (each one a Figure record), 25 s, linear. A super-linear
# rule takes tens of minutes to hours on such a line, so the bound is generous and still
# tells them apart; the growth test below checks the shape as well as the size.
BOUND_S = 60.0

HEADS = {
    "minutes": "# Safer Testham Partnership\n\nMinutes of the meeting held on 12 March 2019\n\n"
    "Present: Cllr A Smith (Chair), Jo Bloggs\n\n",
    "plan": "# Testham Community Safety Plan 2016-17\n\n## Priority 1: Reduce crime\n\n"
    "| Action | Lead officer | By when |\n|---|---|---|\n| Do x | Lisa Wills | March 2017 |\n\n",
    "performance": "# Testham Community Safety Partnership Performance Report Q1 2017/18\n\n"
    "| Indicator | Apr-17 | May-17 | Target |\n|---|---|---|---|\n| All crime | 10 | 12 | 5% |\n\n",
    "scrutiny": "# Scrutiny review: domestic abuse\n\nReport of the Task and Finish Group of the Overview and "
    "Scrutiny Committee\n\n## Recommendations\n\n",
    "agenda": "# Agenda pack\n\nSafer Testham Partnership Board, Agenda for the meeting on 3 May 2018\n\n"
    "1. Apologies (Pages 1 - 2)\n\n",
}
STARTS = [
    "",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "(a) ",
    "RESOLVED: ",
    "ACTION: ",
    "Present: ",
    "Apologies: ",
    "Lead officer: ",
    "| a | ",
    "a\t",
    "<b>",
    "**",
]
UNITS = [
    " ",
    "#",
    "# ",
    ".",
    "1",
    "a",
    "A",
    "a1. #",
    "-",
    "|",
    "*",
    ",",
    ", ",
    "1 ",
    "A ",
    "Abc ",
    ". ",
    ":",
    "(",
    ")",
    "1%",
    "£1,",
    "1/",
    "12 March ",
    "<",
    "_",
    "& ",
    "and ",
    "A.B. ",
    "'",
    "Mr ",
    "A, ",
    "1.",
    "A-",
    "**",
    "<b>",
    "[",
    "Lead: ",
    "from 1 to ",
    "to 1 ",
    "1-",
    "Q1 ",
    "Apr-16 ",
    "A (B) ",
    "Cllr A ",
    "–",
    "\u00a0",
    "a\t",
    "\t",
    "#\t",
    "| ",
]
unit = st.one_of(st.sampled_from(UNITS), st.text(alphabet=" #.,:;()[]|*-_/&'%£<>\tAaZz019", min_size=1, max_size=5))


def adversarial(head: str, start: str, piece: str, length: int = LINE) -> bytes:
    line = start + (piece * (length // len(piece) + 1))[:length] + " x"
    return (HEADS[head] + line + "\n\nThe partnership agreed the plan.\n").encode()


def seconds(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def test_the_hostile_heading_line_loads_in_under_2_seconds():
    """The line from the issue: '#', spaces, '#', spaces, then text (cubic before: 63-116 s for 3 KB)."""
    for length in (3_000, 10_000, LINE):
        run = " " * (length // 2)
        data = f"# Safer Testham Partnership\n\n#{run}#{run}x\n\nThe partnership agreed the plan.\n".encode()
        took = seconds(lambda data=data: extract_document(read_text("hostile.txt", data=data)))
        assert took < 2.0, (length, took)
    # What the single pattern read, the rule in code reads the same way.
    for line, block in [
        (b"## Title with closing marks ##   ", ("heading", "Title with closing marks", 2)),
        (b"# C# and F#", ("heading", "C# and F", 1)),
        (b"# # #", ("heading", "#", 1)),
        (b"####### seven", ("paragraph", "####### seven", None)),
    ]:
        (got,) = read_text("closing.txt", data=line + b"\n").blocks
        assert (got.kind, got.text, got.level) == block, line


@pytest.mark.slow
@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(head=st.sampled_from(sorted(HEADS)), start=st.sampled_from(STARTS), piece=unit)
def test_a_100kb_adversarial_line_reads_and_extracts_in_bounded_time(head, start, piece):
    data = adversarial(head, start, piece)
    took = seconds(lambda: extract_document(read_text("adversarial.txt", data=data)))
    assert took < BOUND_S, (head, start, piece, took)


# The line that found each fix: the spaCy Matcher (a line of initials), spaCy's tokenizer (a
# run of commas), the attendance split, the body pattern (capitals; "& "), names after role
# words, title-casing ("A-A-A"), the figures of a long sentence, a chain of ranges ("1 to 1 to
# ...", which also went 1,000 calls deep).
WORST = [
    ("minutes", "", "A "),
    ("minutes", "", ","),
    ("minutes", "Present: ", ","),
    ("plan", "", "A"),
    ("plan", "", "& "),
    ("minutes", "Lead officer: ", "Mr "),
    ("minutes", "", "A-"),
    ("performance", "", " 1"),
    ("performance", "", "1 and "),
    ("performance", "", "to 1 "),
]


@pytest.mark.slow
@pytest.mark.parametrize("head, start, piece", WORST, ids=[f"{h}-{s.strip() or 'line'}-{p!r}" for h, s, p in WORST])
def test_the_lines_that_were_super_linear_stay_linear(head, start, piece):
    """The lines that found each fix: four times as long takes at most about four times as long."""
    short = seconds(lambda: extract_document(read_text("a.txt", data=adversarial(head, start, piece, LINE // 4))))
    long = seconds(lambda: extract_document(read_text("a.txt", data=adversarial(head, start, piece))))
    assert long < BOUND_S and long < 8 * short + 1.0, (short, long)


@pytest.mark.slow
@pytest.mark.parametrize("piece", ["A ", ", ", " 1"])
def test_the_pdf_reader_is_linear_on_a_long_line(piece):
    """A line of 20,000 characters set in 1-point type on a wide page (grouping its words
    into a line was quadratic: 21 s)."""

    def pdf(n: int) -> bytes:
        s = (piece * n)[:n] + "x"
        return make_pdf(
            [[text(72, 90, "Safer Testham Partnership", 14, bold=True), text(10, 200, s, 1)]], width=max(595, n * 0.6)
        )

    short = seconds(lambda: extract_document(read_pdf("a.pdf", data=pdf(5_000))))
    long = seconds(lambda: extract_document(read_pdf("a.pdf", data=pdf(20_000))))
    assert long < BOUND_S and long < 8 * short + 1.0, (short, long)
