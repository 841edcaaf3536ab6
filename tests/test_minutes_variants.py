"""Minutes in layouts the corpus does not have, against hand-written gold beside them.

Each ``tests/fixtures/minutes_variants/NAME.txt`` is an invented paper in a style English
and Welsh councils and partnerships use (numbered RESOLVED minutes with plural titles; a
committee's "Members present / Officers in attendance" with a time line; partnership notes
with an action table; bilingual labels with "AP1 – SR to ... – 31/10/18"; a minutes grid
with owners' initials in an Action column). ``NAME.json`` is its gold in the shape of
``/work/shared/gold``. Two are also set as PDFs (``minutes_pdfs``), one with the
initials in a right-hand column, and must give the same records.

The papers and their PDF forms are scored against their floors in test_gold_fixtures.py
(floors in floors.py); here are the rules they brought, one small case each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.extract.parsers.actions import find_due
from boardpapers.extract.parsers.attendance import _entries_inline, label_status
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers.text import read_text

VARIANTS = Path(__file__).parent / "fixtures" / "minutes_variants"


# --- the rules the variants brought, one line each -----------------------------------------------


def test_plural_title_carries_to_initials_only_names():
    entries = _entries_inline("Councillor A Smith (in the Chair), Councillors B Jones and C Patel; Supt D Evans (GMP)")
    assert [(e.name, e.title) for e in entries] == [
        ("A Smith", "Councillor"),
        ("B Jones", "Councillor"),
        ("C Patel", "Councillor"),
        ("D Evans", "Supt"),
    ]
    assert entries[0].role == "in the Chair"


@pytest.mark.parametrize(
    "line, status",
    [
        ("Present / Yn bresennol: Cllr Hugh Jones", "present"),
        ("Apologies / Ymddiheuriadau: Mared Huws", "apologies"),
        ("Minute taker: Lucy Hemmings", "in_attendance"),
        ("Chair: Cllr Jane Bloggs", "present"),
        ("Chair", None),  # the signature line
    ],
)
def test_attendance_labels(line, status):
    assert label_status(line)[0] == status


def test_apologies_sentence_under_a_list_is_not_part_of_it():
    text = (
        "# SAFER TOWN PARTNERSHIP BOARD\n\nMinutes of the meeting held on 1 May 2015\n\nOfficers in attendance:\n\n"
        "Rob Pascoe – Community Safety Manager\n\n"
        "Apologies were received from Cllr Derek Polglase, Tony Yelland (Fire) and Martin Carne.\n\n1 Welcome\n\nNone.\n"
    )
    status = {a.name: a.status for a in extract_document(read_text("t.txt", text.encode())).attendees}
    assert status == {
        "Rob Pascoe": "in_attendance",
        "Derek Polglase": "apologies",
        "Tony Yelland": "apologies",
        "Martin Carne": "apologies",
    }


def test_month_meeting_is_a_due():
    assert find_due("Produce a joint briefing on cuckooing for the May meeting.") == "May meeting"


def test_three_digit_minute_numbers_are_items():
    x = extract_document(read_text(VARIANTS / "stockport-resolved-numbered.txt"))
    assert [d.item for d in x.decisions] == ["122", "123", "123", "124", "125"]
    # 123: the Steering Group asked to report back (in the RESOLVED), then two labelled actions
    assert [a.item for a in x.actions] == ["123", "123", "123", "124"]
