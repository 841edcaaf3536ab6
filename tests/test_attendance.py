"""Attendance rules (extract/parsers/attendance.py, language/labels.py), one small case per
convention. Each convention is also in a variant paper of tests/fixtures/attendance_variants
(scored by test_gold_fixtures.py) and, where the test says so, in a real paper of ../shared.
"""

from __future__ import annotations

import pytest

from boardpapers.extract.language.people import is_person_name, name_case, parse_entry
from boardpapers.extract.parsers.attendance import _entries_inline, apologies_in, label_status, read_lists
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers import read
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.document import Block, Cell, Row, Table


def statuses(text: str) -> dict[str, str]:
    """Name -> status of the attendees of a minutes text."""
    doc = read_text("t.txt", text.encode())
    return {a.name: a.status for a in extract_document(doc).attendees}


def block(text: str, kind: str = "paragraph", **more) -> Block:
    return Block(kind=kind, text=text, page=1, source=text, **more)


def table_block(rows: list[list[str]], header: int = 0) -> Block:
    n = max(len(r) for r in rows)
    return Block(
        kind="table",
        text="",
        page=1,
        source="",
        table=Table(
            rows=[Row(cells=[Cell(text=c) for c in r], header=k < header, page=1) for k, r in enumerate(rows)], n_cols=n
        ),
    )


def listed(blocks: list[Block], meeting_date: str | None = None) -> dict[str, str]:
    found, _ = read_lists(blocks, meeting_date=meeting_date)
    out: dict[str, str] = {}
    for x in found:
        out.setdefault(x.entry.name, x.status)
    return out


HEAD = "# SAFER EXAMPLE BOARD\n\nMinutes of the meeting held on 4 March 2021\n\n"


# --- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, status",
    [
        ("PRESENT (six Councillors): - Ann Fox (AF)", "present"),  # a count in brackets (West Dereham)
        (
            "Apologies for absence - LGA 1972, Section 85(1) & (2): Cllr. Alan Brook",
            "apologies",
        ),  # a citation (Northwold)
        ("Accepted Apologies for absence: Jo Hart", "apologies"),
        ("1 Apologies for absence", "apologies"),  # under a minute number
        ("Governors:", "present"),
        ("Trustees present:", "present"),
        ("Board:", "present"),
        ("Panel:", "present"),
        ("Councillors present:", "present"),
        ("Other Councillors present:", "in_attendance"),
        ("Others present:", "in_attendance"),
        ("Other attendees:", "in_attendance"),
        ("Invited:", "in_attendance"),
        ("Guests:", "in_attendance"),
        ("Officers:", "in_attendance"),
        ("Clerk to Governors: Fiona Hart", "in_attendance"),
        ("Parish Clerk: Peter Lord", "in_attendance"),
        ("Minute taker: Ann Lee", "in_attendance"),
        ("Absent:", "absent"),
        ("Attendance", "present"),
        ("Clerk", None),  # a bare "Clerk" is an owner in an action column as often as a label
        ("Chair", None),  # the signature line
        ("Apologies and declarations of interest", None),
    ],
)
def test_label_heads(line, status):
    assert label_status(line)[0] == status


def test_a_post_is_a_label_in_a_key_position_without_its_colon():
    assert label_status("Clerked by", key=True)[0] == "in_attendance"
    assert label_status("Chaired by", key=True)[0] == "present"
    assert label_status("Clerked by")[0] is None


# --- lists on a line ---------------------------------------------------------------------------


def names(text: str) -> list[str]:
    return [e.name for e in _entries_inline(text)]


def test_ampersand_and_a_missing_comma_after_a_bracket_separate_names():
    assert names("Cllr. R. Hale – Chair (RH), Cllr. F. Egan (FE) & Cllr. Ruth Moss (RM)") == [
        "R. Hale",
        "F. Egan",
        "Ruth Moss",
    ]
    assert names("Ann Fox (AF), Lee Hunt (LH) Pat Wall (PW), and Cleo Wren (CW)") == [
        "Ann Fox",
        "Lee Hunt",
        "Pat Wall",
        "Cleo Wren",
    ]


def test_plural_title_carries_to_lone_surnames():
    entries = _entries_inline("Cllrs Patel (Leader, in the Chair), Hughes, O'Brien and Walsh")
    assert [e.name for e in entries] == ["Cllr Patel", "Cllr Hughes", "Cllr O'Brien", "Cllr Walsh"]
    assert entries[0].role == "Leader, in the Chair"


def test_post_nominals_are_not_part_of_the_name():
    assert names("Dr Amira Shah FRCP (Chair), Prof. Martin Lowe OBE, Mrs Jean Carter MBE, and Ms Priya Das") == [
        "Amira Shah",
        "Martin Lowe",
        "Jean Carter",
        "Priya Das",
    ]
    assert parse_entry("Sara Thornton QPM, Chief Constable").name == "Sara Thornton"


def test_status_words_and_counted_people_are_neither_names_nor_roles():
    entries = _entries_inline("Oliver Lake and Andrew Marr and sanctioned")
    assert [(e.name, e.role) for e in entries] == [("Oliver Lake", None), ("Andrew Marr", None)]
    entries = _entries_inline("Jo King (Police) and two members of the public")
    assert [(e.name, e.role) for e in entries] == [("Jo King", "Police")]


def test_a_sentence_after_a_name_is_not_an_entry():
    assert parse_entry("Sue Leet declared an interest in Item 11 (iii).") is None
    assert parse_entry("Francis Dane practising barrister").role == "practising barrister"  # two columns flattened


# --- paragraphs --------------------------------------------------------------------------------


def test_several_labels_in_one_paragraph():
    # The Northwold and West Dereham layouts in other words: labels run together, a list ended by prose.
    got = listed(
        [
            block(
                "Councillors present: Cllr. B. Dale – Chair (BD), Cllr. Tom Rix (TR) & Cllr. Amy Orr (AO) "
                "& Present: Kay Holt – Clerk. Item 3/1 Cllr. Dale welcomed all to the meeting."
            )
        ]
    )
    assert got == {"B. Dale": "present", "Tom Rix": "present", "Amy Orr": "present", "Kay Holt": "in_attendance"}
    got = listed(
        [
            block(
                "PRESENT (five Councillors): - Ann Fox (AF), Lee Hunt (LH) Pat Wall (PW), and Cleo Wren (CW). "
                "Parish Clerk: Peter Lord In attendance: four members of the public."
            )
        ]
    )
    assert got == {
        "Ann Fox": "present",
        "Lee Hunt": "present",
        "Pat Wall": "present",
        "Cleo Wren": "present",
        "Peter Lord": "in_attendance",
    }


def test_a_paragraph_of_attendance_and_prose_stays_readable_by_the_other_rules():
    blocks = [
        block(
            "Present: Ann Fox, Lee Hunt. The Chair opened the meeting and it was agreed that the item "
            "on the bus shelter would be taken first because the contractor had to leave early."
        )
    ]
    found, used = read_lists(blocks)
    assert [x.entry.name for x in found] == ["Ann Fox", "Lee Hunt"] and not used


def test_a_comma_list_under_a_bare_label_is_a_list_not_a_name_and_role():
    # The NHS network notes' layout (YIC): "Attendance" over one line of names.
    got = listed([block("Attendance", "heading"), block("Jane Lomas, Mark Nixon, Anne Wills, Rachel Kay")])
    assert got == {n: "present" for n in ("Jane Lomas", "Mark Nixon", "Anne Wills", "Rachel Kay")}
    # ... while a name with its role stays one entry.
    got = listed([block("Members present", "heading"), block("David Wiles, PCC Chief Executive (Chair)")])
    assert got == {"David Wiles": "present"}


def test_apologies_under_a_numbered_heading():
    text = (
        HEAD
        + "Present: Ann Fox, Lee Hunt\n\n1 Apologies for absence\n\nCouncillor Fry and Jo Marsh\n\n2 Minutes\n\nNone.\n"
    )
    assert statuses(text) == {
        "Ann Fox": "present",
        "Lee Hunt": "present",
        "Councillor Fry": "apologies",
        "Jo Marsh": "apologies",
    }


def test_declarations_of_interest_are_not_apologies():
    text = (
        HEAD + "Present: Ann Fox, Lee Hunt\n\n1 Apologies for absence\n\n"
        "Cllr Sue Leet declared an interest in item 4 as a member of the allotments association.\n"
    )
    assert statuses(text) == {"Ann Fox": "present", "Lee Hunt": "present"}


def test_apologies_sentence_without_the_reason_after_the_name():
    assert [
        e.name for e in apologies_in("Apologies had been received from Tom Fay (TF) who was detained at work.")
    ] == ["Tom Fay"]
    assert [
        e.name for e in apologies_in("Apologies were received from Gareth Owen who was travelling, and from Mary Kean.")
    ] == ["Gareth Owen", "Mary Kean"]


def test_a_clerk_listed_with_the_members_is_in_attendance():
    got = listed([block("Present: Cllr Ann Fox (Chair), Cllr Lee Hunt, Jo Marsh (Clerk)")])
    assert got == {"Ann Fox": "present", "Lee Hunt": "present", "Jo Marsh": "in_attendance"}


def test_a_field_block_is_read_by_its_label():
    got = listed([block("Simon Baines", "field", label="Chaired by"), block("Pete Ogden", "field", label="Clerked by")])
    assert got == {"Simon Baines": "present", "Pete Ogden": "in_attendance"}


# --- tables ------------------------------------------------------------------------------------


def test_key_value_row():
    got = listed([table_block([["Chaired by", "Simon Baines", "Clerked by", "Pete Ogden"]])])
    assert got == {"Simon Baines": "present", "Pete Ogden": "in_attendance"}


def test_an_action_log_with_clerk_cells_is_not_attendance():
    log = table_block(
        [
            ["Item", "Action", "By whom", "By when"],
            ["72", "Signed minutes to file", "Clerk", "asap"],
            ["75", "Review pay scales", "Kay Dent", "asap"],
        ],
        header=1,
    )
    assert listed([log]) == {}
    headless = table_block(
        [["72", "Signed minutes to file", "Clerk", "asap"], ["75", "Review pay scales", "Kay Dent", "asap"]]
    )
    found, used = read_lists([headless])
    assert not found and not used


def test_a_notes_cell_with_labels_is_read_but_the_grid_is_left_to_the_other_rules():
    grid = table_block(
        [
            ["Item", "Notes", "Action"],
            ["1", "Apologies: Oliver Lake and Andrew Marr and sanctioned\nIn attendance: None", ""],
            ["2", "The minutes of the last meeting were agreed and signed by the Chair.", "Clerk"],
        ],
        header=1,
    )
    found, used = read_lists([grid])
    assert {x.entry.name: x.status for x in found} == {"Oliver Lake": "apologies", "Andrew Marr": "apologies"}
    assert not used


REGISTER = [
    ["GOVERNOR ATTENDANCE", "", "", "", "", ""],
    ["", "Type", "11/10/2021", "13/12/2021", "23/05/2022", "Date Resigned"],
    ["HEATHER PALMER", "Headteacher", "P", "P", "P", ""],
    ["OLIVER LAKE", "Co-opted", "P", "S", "L", ""],
    ["SANDRA CROFT", "Co-opted", "P", "P", "S", ""],
    ["ANDREW MCKAY", "Parent", "A", "P", "A", ""],
    ["VACANT", "Parent", "", "", "", ""],
    ["KEITH MOSS", "Parent", "P", "", "", "31/08/2021"],
]
KEY = [block("P – Present S – Sanctioned"), block("A – Absent L – Late arrival")]


def test_register_takes_this_meetings_column_with_the_printed_key():
    got = listed([block("GOVERNOR ATTENDANCE", "heading"), table_block(REGISTER, header=1), *KEY], "2022-05-23")
    assert got == {
        "Heather Palmer": "present",
        "Oliver Lake": "present",
        "Sandra Croft": "apologies",
        "Andrew McKay": "absent",
    }
    # The meeting of 13 December reads its own column.
    got = listed([table_block(REGISTER, header=1), *KEY], "2021-12-13")
    assert got["Oliver Lake"] == "apologies" and got["Andrew McKay"] == "present"


def test_register_without_a_readable_date_takes_the_last_column_with_codes():
    rows = [r[:] for r in REGISTER]
    rows[1][2:5] = ["1 2 0 2 / 0 1 / 1 1", "1 2 0 2 / 2 1 / 3 1", "2 2 0 2 / 5 0 / 3 2"]  # rotated, read backwards
    rows = [r[:5] + [""] + r[5:] for r in rows]  # and a column for the next meeting, not yet filled
    got = listed([table_block(rows, header=1), *KEY], "2022-05-23")
    assert got["Sandra Croft"] == "apologies" and got["Oliver Lake"] == "present"


def test_the_key_decides_what_a_code_means():
    # A trust's key where A is apologies, not absent; ticks and crosses with a key of their own.
    rows = [["Trustee", "12/12/2023", "12/03/2024"], ["Peter Lind", "Y", "A"], ["Colin Ash", "N", "N"]]
    got = listed([table_block(rows, header=1), block("Y = attended, A = apologies received, N = did not attend")])
    assert got == {"Peter Lind": "apologies", "Colin Ash": "absent"}
    rows = [["Governor", "25/01/24"], ["Anita Dean", "✓"], ["John Bride", "x"], ["Tom Nash", "–"]]
    key = block("Key: ✓ = attended, x = apologies accepted, – = not a governor at the time")
    assert listed([table_block(rows, header=1), key]) == {"Anita Dean": "present", "John Bride": "apologies"}


def test_a_table_of_codes_without_a_key_or_people_is_not_a_register():
    rows = [["Indicator", "Q1", "Q2"], ["Burglary", "A", "P"], ["Robbery", "P", "P"]]
    assert listed([table_block(rows, header=1)]) == {}


def test_roll_call_table_marks_one_status_per_row():
    rows = [
        ["Councillor", "Ward", "Present", "Apologies", "Absent"],
        ["Cllr Helen Marr (Mayor)", "Abbey", "Y", "", ""],
        ["Cllr Priya Rao", "Castle", "", "Y", ""],
        ["Cllr Owen Pryce", "Market", "", "", "Y"],
        ["Vacancy", "Riverside", "", "", ""],
    ]
    assert listed([table_block(rows, header=1)]) == {
        "Helen Marr": "present",
        "Priya Rao": "apologies",
        "Owen Pryce": "absent",
    }


def test_names_in_capitals():
    assert name_case("ANDREW MCKENZIE") == "Andrew McKenzie"
    assert name_case("CLAIRE O'DOWD") == "Claire O'Dowd"


def test_noun_endings_no_name_has():
    assert not is_person_name("Information Management")
    assert not is_person_name("Leading Lights")
    assert is_person_name("Susan Harding") and is_person_name("Clement Attlee")


# --- the real papers (../shared) ---------------------------------------------------------------

GOVERNORS = {
    "decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf": (
        8,
        {"Andrew McKenzie": "apologies", "Simon Barnes": "present", "Pete Osborne": "in_attendance"},
    ),
    "decoy-primary-governors-fgb-minutes-2022-05-23.pdf": (
        15,
        {"Sandra Cartwright": "apologies", "Helen Murdoch": "present", "Pete Osborne": "in_attendance"},
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GOVERNORS))
def test_governors_registers_and_clerk_boxes(shared, name):
    n, some = GOVERNORS[name]
    doc = read(shared / "realdev" / name)
    got = listed(doc.blocks, "2022-05-23" if "fgb" in name else "2022-05-16")
    assert len(got) == n, got
    assert {k: got.get(k) for k in some} == some


@pytest.mark.parametrize(
    "name, n, some",
    [
        (
            "northwold-parish-council-minutes-2014-11.md",
            10,
            {"Alison Muir": "present", "Vicky Bright": "in_attendance", "Mick Peake": "apologies"},
        ),
        (
            "west-dereham-parish-council-draft-minutes-2017-06-01.md",
            8,
            {"Pam Walker": "present", "Peter King": "in_attendance", "Tom Foy": "apologies"},
        ),
    ],
)
def test_parish_run_in_attendance(shared, name, n, some):
    got = {a.name: a.status for a in extract_document(read(shared / "realdev" / name)).attendees}
    assert len(got) == n, got
    assert {k: got.get(k) for k in some} == some


def test_codes_without_a_key_need_a_paper_that_speaks_of_attendance():
    rows = [["Member", "Interest declared"], ["Jo Marsh", "Yes"], ["Tom Rix", "Yes"]]
    assert listed([block("Declarations", "heading"), table_block(rows, header=1)]) == {}
    rows = [["Member", "Attended"], ["Jo Marsh", "Yes"], ["Tom Rix", "Apologies"]]
    assert listed([table_block(rows, header=1)]) == {"Jo Marsh": "present", "Tom Rix": "apologies"}


def test_name_and_role_lists_with_dashes():
    entries = _entries_inline(
        "Joanne Kerr – Chief Executive, Sam Reed - Director of Place, Anne Coe – Democratic Services"
    )
    assert [(e.name, e.role) for e in entries] == [
        ("Joanne Kerr", "Chief Executive"),
        ("Sam Reed", "Director of Place"),
        ("Anne Coe", "Democratic Services"),
    ]


def test_label_search_stays_linear_on_long_paragraphs():
    import time

    texts = [
        "Apologies" + " - 1" * 400 + " x",
        "Present (a) " * 500,
        "Present Present - 1 " * 500,
        "Apologies - " + "a" * 5000 + "1" + "b" * 5000,
    ]
    start = time.perf_counter()
    for text in texts:
        read_lists([block(text)])
        label_status(text)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "present, names",
    [
        # A modern.gov cabinet's list, wrapped where the line ran out (the Dunmere cabinet variant).
        (
            "Present: Councillors Rebecca Thorne (Chair), Gareth Lloyd (Vice-Chair),\nPriya Mistry, Owen Hargreaves and\n"
            "Deborah Quinn",
            ["Rebecca Thorne", "Gareth Lloyd", "Priya Mistry", "Owen Hargreaves", "Deborah Quinn"],
        ),
        # A board's list wrapped on an ampersand and on a comma.
        (
            "Members present: Amy Hart (Chair), Ben Cole &\nCarys Lewis,\nDev Patel",
            ["Amy Hart", "Ben Cole", "Carys Lewis", "Dev Patel"],
        ),
    ],
)
def test_a_list_wrapped_on_a_comma_or_and_is_one_list(present, names):
    got = statuses("MINUTES of the meeting held on 4 March 2024\n\n" + present + "\n\n1. Minutes\n\nNoted.\n")
    assert got == {n: "present" for n in names}


def test_a_line_wrapped_on_a_comma_stops_at_a_numbered_list():
    doc = read_text("t.txt", b"Priorities agreed for next quarter:\n1. Speeding,\n2. Litter\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "list_item", "list_item"]


@pytest.mark.parametrize(
    "sentence, names",
    [
        # A town council committee (the Bramley variant): the names first, then "sent apologies".
        ("Cllr Eve Kemp and Cllr Greg Mills sent apologies.", ["Eve Kemp", "Greg Mills"]),
        # A ward panel's notes, after another sentence, "had sent their apologies".
        (
            "The Chair welcomed everyone. Sgt Tom Cole and Amy Price (Housing) had sent their apologies.",
            ["Tom Cole", "Amy Price"],
        ),
    ],
)
def test_names_that_sent_apologies(sentence, names):
    assert [e.name for e in apologies_in(sentence)] == names


def test_sending_apologies_to_someone_names_no_absentee():
    assert apologies_in("The Chairman sent apologies to the Mayor for the delay.") == []


@pytest.mark.parametrize(
    "line, name, role",
    [
        # A partnership board (the Keston variant): a label of its own, "X for Y".
        ("Substitute Members: Councillor Lee Moss for Councillor Ian Birch", "Lee Moss", "for Councillor Ian Birch"),
        # A committee's "Substitutes:" with "substituting for".
        ("Substitutes: Jo Lea substituting for Cllr Amy Fox", "Jo Lea", "substituting for Cllr Amy Fox"),
    ],
)
def test_a_substitute_is_present_and_sits_for_another(line, name, role):
    doc = read_text(
        "t.txt", f"MINUTES of the meeting held on 4 March 2024\n\n{line}\n\n1. Minutes\n\nNoted.\n".encode()
    )
    got = {a.name: (a.status, a.role) for a in extract_document(doc).attendees}
    assert got == {name: ("present", role)}


def test_for_a_body_is_no_substitution():
    assert [e.name for e in _entries_inline("Mark Odell for the Probation Service, Jo Pike")] == ["Jo Pike"]


@pytest.mark.parametrize(
    "line, names",
    [
        # A neighbourhood panel (the Northgate variant): a councillor named June.
        ("Apologies received from: PC Gary Nolan and Cllr June Webb", ["Gary Nolan", "June Webb"]),
        # A parish council's list, a councillor named May.
        ("Apologies: Cllr May Lister, Cllr Tom Ash", ["May Lister", "Tom Ash"]),
    ],
)
def test_a_month_that_is_a_given_name_after_a_title(line, names):
    assert [e.name for e in _entries_inline(line.split(": ", 1)[1])] == names
    assert not is_person_name("June Meeting") and not is_person_name("May Webb")
