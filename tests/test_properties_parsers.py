"""Property-based tests for every text rule and both readers (issue 8): whatever the input,
no crash, and the properties each rule promises. Example counts stay modest: the suite
must stay fast.
"""

from __future__ import annotations

import datetime
import io
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pdfgen import make_pdf, ruled_table, text

from boardpapers.extract.language import dates, numbers, owners, people
from boardpapers.extract.language.kinds import section_kind
from boardpapers.extract.readers import read
from boardpapers.extract.readers.blocks import bold_spans, clean_inline, heading_level, normalise_unicode, split_marker
from boardpapers.extract.readers.pdf import read_pdf
from boardpapers.schemas.errors import ReadError

FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
odd = "£–—‘’“”•▲↓►\u00a0\u202f\ufb01\ufb02\u200b\u00ad¹²%/&()*_<>|#\t"
council_text = st.text(alphabet=string.printable + odd, max_size=200)
words = st.sampled_from(
    [
        "Lisa",
        "Wills",
        "Barry",
        "Dickinson",
        "Director",
        "of",
        "Public",
        "Health",
        "Police",
        "and",
        "&",
        ",",
        "/",
        ";",
        "Manager",
        "Cllr",
        "Dr",
        "ICS",
        "(Chair)",
        "PCC",
        "team",
        "O’Hara",
        "Mc",
        "Jones-Smith",
        "LW",
        "RD",
        "Inspector",
        "partners",
        "\n",
    ]
)
owner_cell = st.lists(words, max_size=12).map(" ".join)


# --- dates ------------------------------------------------------------------------------------


@FEW
@given(
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2099, 12, 31)),
    st.sampled_from(["{d} {B} {Y}", "{A} {d} {B} {Y}", "{d}/{m}/{Y}", "{B} {d}, {Y}", "{d}{th} {b} {Y}"]),
)
def test_a_written_date_parses_back_to_itself(day, form):
    import calendar

    written = form.format(
        d=day.day,
        m=f"{day.month:02d}",
        Y=day.year,
        B=calendar.month_name[day.month],
        b=calendar.month_abbr[day.month],
        A=calendar.day_name[day.weekday()],
        th="th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th"),
    )
    assert dates.parse_date(f"Meeting held on {written} at the Guildhall") == day.isoformat()


@FEW
@given(council_text)
def test_dates_are_iso_or_none(text):
    for value in (dates.parse_date(text), dates.financial_year(text)):
        assert value is None or (isinstance(value, str) and value[:4].isdigit())
    start, end = dates.parse_time_range(text)
    for t in (dates.parse_time(text), start, end):
        assert t is None or (len(t) == 5 and t[2] == ":" and 0 <= int(t[:2]) <= 23 and 0 <= int(t[3:]) <= 59)


# --- numbers and money ------------------------------------------------------------------------


@FEW
@given(st.integers(min_value=0, max_value=10**9))
def test_counts_with_thousands_commas_parse_back(n):
    assert numbers.parse_number(f"{n:,}").value == n
    assert numbers.parse_number(f"{n}").value == n


@FEW
@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["", "k", "m", " million", "bn"]))
def test_money_parses_to_pounds(n, mult):
    scale = {"": 1, "k": 1e3, "m": 1e6, " million": 1e6, "bn": 1e9}[mult]
    money = numbers.parse_money(f"£{n:,}{mult}")
    assert money is not None and money.value == n * scale


@FEW
@given(st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: round(f, 2)))
def test_percentages(p):
    number = numbers.parse_number(f"{p}%")
    assert number.kind == "percent" and number.unit == "%" and number.value == p


@FEW
@given(council_text)
def test_number_rules_never_crash_and_keep_the_raw_text(text):
    number = numbers.parse_number(text)
    assert number is None or number.raw == text.strip()
    money = numbers.parse_money(text)
    assert money is None or money.value is None or money.value >= 0 or "-" in text or "−" in text or "–" in text
    assert numbers.direction(text) in (None, "up", "down", "same")
    numbers.is_arrow(text)
    numbers.is_status(text)


# --- owners and people ------------------------------------------------------------------------


@FEW
@given(st.one_of(owner_cell, council_text))
def test_split_owners_keeps_owners_from_the_text(cell):
    found = owners.split_owners(cell)
    assert found.as_written == cell.strip()
    squashed = "".join(cell.split())
    for owner in found.owners + found.organisations:
        assert owner and "".join(owner.split()) in squashed, owner
    assert set(found.people) <= set(found.owners) and set(found.posts) <= set(found.owners)
    assert len({o.lower() for o in found.owners}) == len(found.owners)


@FEW
@given(
    st.lists(
        st.sampled_from(["Lisa Wills", "Barry Dickinson", "Jo Crookes", "Kieron O’Hara"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    st.sampled_from([" and ", ", ", " / ", "; ", "\n", " & "]),
)
def test_named_people_come_apart(names, sep):
    assert owners.split_owners(sep.join(names)).people == names


@FEW
@given(st.one_of(owner_cell, council_text))
def test_people_rules_never_crash(text):
    title, rest = people.split_title(text)
    assert title is None or title.split()[0].lower().rstrip(".") in text.lower()
    people.is_person_name(text)
    entry = people.parse_entry(text)
    assert entry is None or entry.name
    for mention in people.find_mentions(text):
        assert mention.count >= 1 and mention.name.split()[0] in text
    assert all(p and p == p.strip() for p in people.split_initials(text))
    owners.split_people(text)


# --- headings and structure -------------------------------------------------------------------


@FEW
@given(
    st.lists(st.integers(min_value=1, max_value=99), min_size=1, max_size=4),
    st.sampled_from([".", ")", ""]),
    st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=40),
)
def test_numbered_markers_split_and_set_the_level(parts, end, title):
    assume(title.strip() and title[0].isupper())
    marker = ".".join(map(str, parts)) + (end if len(parts) == 1 or end != ")" else "")
    got_marker, rest = split_marker(f"{marker} {title}")
    if got_marker is not None:
        assert f"{got_marker}{' '}{rest}" == f"{marker} {title}"
        assert 2 <= heading_level(got_marker) <= 6


@FEW
@given(council_text)
def test_inline_cleaning_is_stable(text):
    once = clean_inline(text)
    assert "\n" not in once and once == once.strip()
    assert normalise_unicode(once) == once
    section_kind(text)
    for span in bold_spans(text):
        assert "**" not in span


# --- readers ----------------------------------------------------------------------------------

markdownish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "# Title",
                "## 2. Section",
                "| a | b |",
                "|---|---|",
                "| 1 | £2 |",
                "- item",
                "  - nested",
                "1. First",
                "(a) sub",
                "---",
                "\f",
                "<b>bold</b> text",
                "**RESOLVED:** that",
                "LW",
                "<sup>1</sup> A footnote",
                "Q1\tQ2\tQ3",
                "--\t--",
                "This page is intentionally left blank",
                "<script>x</script>",
                "&amp; &lt;",
                "\u200b",
                "",
            ]
        ),
        council_text,
    ),
    max_size=30,
)


@FEW
@given(markdownish)
def test_text_reader_on_markdownish_input(tmp_path, lines):
    path = tmp_path / "fuzz.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        doc = read(path)
    except ReadError as e:
        assert str(path) in str(e)
        return
    assert doc.page_count >= 1 and all(1 <= b.page <= doc.page_count for b in doc.blocks)


def _valid_pdf() -> bytes:
    ops = [text(72, 80, "Safer Testham Partnership", 14, bold=True), text(72, 110, "The partnership agreed it.", 10)]
    ops += ruled_table(72, 150, [120, 120], [["Owner", "Due"], ["Lisa Wills", "March 2019"]])
    return make_pdf([ops, [text(72, 80, "Second page.", 10)]])


VALID_PDF = _valid_pdf()


def _read_pdf_bytes(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(data)
    try:
        read(path)
    except ReadError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)


@pytest.mark.slow  # 40 PDFs through the reader
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_pdf_reader_on_random_bytes(tmp_path, data):
    _read_pdf_bytes(tmp_path, b"%PDF-1.4\n" + data)


@pytest.mark.slow  # 80 PDFs through the reader
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(VALID_PDF) - 1), st.integers(min_value=0, max_value=255)),
        min_size=1,
        max_size=8,
    ),
    st.one_of(st.none(), st.integers(min_value=10, max_value=len(VALID_PDF))),
)
def test_pdf_reader_on_mutated_pdfs(tmp_path, flips, cut):
    data = bytearray(VALID_PDF)
    for at, value in flips:
        data[at] = value
    _read_pdf_bytes(tmp_path, bytes(data[:cut]))


def test_the_unmutated_pdf_reads():
    doc = read_pdf(io.BytesIO(VALID_PDF) and "valid.pdf", data=VALID_PDF)
    assert "agreed it" in doc.text() and doc.tables()
