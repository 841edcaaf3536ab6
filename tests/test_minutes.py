"""Minutes rules on small invented papers: attendance, RESOLVED, owners, margins, logs, dues."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.extract.parsers.actions import find_due, split_owner_text, subjects
from boardpapers.extract.pipeline import extract_document
from boardpapers.extract.readers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "minutes"


def extract(text: str, name: str = "minutes-test.txt"):
    return extract_document(read_text(name, text.encode()))


def extract_fixture(name: str):
    return extract_document(read_text(FIXTURES / name))


@pytest.fixture(scope="module")
def barsetshire():
    return extract_fixture("resolved-numbered.txt")


@pytest.fixture(scope="module")
def riverton():
    return extract_fixture("margin-initials.txt")


# --- attendance --------------------------------------------------------------------------------


def test_present_comma_list_with_titles(barsetshire):
    present = {a.name: a for a in barsetshire.attendees if a.status == "present"}
    assert list(present) == ["Margaret Proudie", "Tom Towers", "Ann Thorne", "Mark Grantly", "Susan Harding"]
    assert present["Margaret Proudie"].title == "Cllr"
    assert present["Mark Grantly"].title == "Chief Inspector"
    assert present["Susan Harding"].role == "Probation"


def test_also_present_and_apologies_list(barsetshire):
    status = {a.name: a.status for a in barsetshire.attendees}
    assert status["Eleanor Bold"] == status["Frank Gresham"] == "in_attendance"
    assert status["Obadiah Slope"] == status["Mary Bold"] == "apologies"


def test_apologies_sentence_and_part(riverton):
    by_name = {a.name: a for a in riverton.attendees}
    assert by_name["Ruth Bannon"].status == "apologies"
    assert by_name["Ruth Bannon"].title == "Councillor"
    assert by_name["Joanna Pike-Evans"].part
    assert by_name["Peter Quill"].status == "in_attendance"


def test_attendance_table_columns():
    text = (
        "# TRANSPORT DATA BOARD\n\nMinutes of the meeting held on 2 March 2011\n\n"
        "| Present: | Officials: |\n| --- | --- |\n| Jane Doe (Chair) | Ann Lee (Cabinet Office) |\n"
        "| Guests: | Bob Roe |\n| Sam Poe | |\n| Apologies: | Apologies: |\n| Tim Moe | Kim Noe |\n"
    )
    status = {a.name: a.status for a in extract(text).attendees}
    assert status == {
        "Jane Doe": "present",
        "Sam Poe": "in_attendance",
        "Tim Moe": "apologies",
        "Ann Lee": "in_attendance",
        "Bob Roe": "in_attendance",
        "Kim Noe": "apologies",
    }


# --- decisions ---------------------------------------------------------------------------------


def test_resolved_minutes_one_per_part(barsetshire):
    texts = [(d.item, d.kind, d.text) for d in barsetshire.decisions]
    assert texts == [
        (
            "1",
            "resolution",
            "That the minutes of the meeting held on 12 December 2016 be approved as a correct record.",
        ),
        ("2", "resolution", "That the draft strategy be approved for consultation"),
        ("2", "resolution", "That the Chair write to the Police and Crime Commissioner about funding."),
    ]
    assert all(
        d.date == "2017-03-14" and d.body == "Barsetshire Community Safety Partnership" for d in barsetshire.decisions
    )


def test_decisions_block_and_agreed_sentence():
    text = (
        "# SAFER TOWN PARTNERSHIP\n\nMinutes of the meeting held on 1 May 2015\n\nPresent:\n\nAnn Smith (Chair)\n\n"
        "1 Budget\n\nThe budget was discussed. This was agreed.\n\nDECISIONS:\n\n- **To approve the budget**\n"
        "- **To defer the review**\n\n2 Any other business\n\nIt was agreed that the next meeting would be in June.\n"
    )
    x = extract(text)
    assert [(d.item, d.text) for d in x.decisions] == [
        ("1", "To approve the budget"),
        ("1", "To defer the review"),
        ("2", "It was agreed that the next meeting would be in June."),
    ]


def test_agenda_without_minutes_yields_nothing():
    text = (
        "# AGENDA - SAFER TOWN PARTNERSHIP\n\n1 Apologies\n\nTo receive apologies for absence.\n\n"
        "2 Minutes\n\nTo confirm the minutes. Officers to report on progress.\n\n"
        "Partners to agree the plan. David Jones to present the report.\n"
    )
    x = extract(text, "agenda-test.txt")
    assert x.doc_type == "agenda_pack"
    assert not x.attendees and not x.actions and not x.decisions


# --- actions -----------------------------------------------------------------------------------


def test_owner_to_verb_drops_the_owner(riverton):
    jpe = next(a for a in riverton.actions if a.owner == "Joanna Pike-Evans")
    assert jpe.text == "Review the fire safety checks in hostels by 30 September 2018"
    assert jpe.owner_as_written == "JPE"
    assert (jpe.due, jpe.due_date) == ("30 September 2018", "2018-09-30")


def test_offered_to_beside_margin_initials(riverton):
    of = next(a for a in riverton.actions if a.owner == "Omar Farouk")
    assert "offered to share the dispersal order figures" in of.text
    assert of.due == "next meeting" and of.due_date is None


def test_unresolved_initials_are_flagged_and_reported(riverton):
    zq = next(a for a in riverton.actions if a.owner_as_written == "ZQ")
    assert zq.owner == "ZQ" and zq.flags == ["unresolved_initials"] and zq.due is None
    assert any(p.code == "unresolved_initials" and "ZQ" in p.message for p in riverton.problems)


def test_group_label_on_two_margin_lines(riverton):
    group = [a for a in riverton.actions if a.owner_as_written == "Board Mems"]
    assert [(a.owner, a.text) for a in group] == [("Board Members", "Promote the survey through their own networks")]


def test_undertook_to_in_prose(barsetshire):
    mg = next(a for a in barsetshire.actions if a.item == "2")
    assert mg.owner == "Mark Grantly" and mg.due == "31 March 2017"
    assert mg.text.startswith("Mark Grantly undertook to circulate")


def test_action_log_table(barsetshire):
    log = [
        (a.text, a.owner, a.owner_as_written, a.due, a.due_date, a.due_approximate, a.flags)
        for a in barsetshire.actions
        if a.item == "3"
    ]
    assert log == [
        ("Circulate the revised terms of reference", "Eleanor Bold", "EB", "April 2017", "2017-04-30", False, []),
        (
            "Report on night-time economy patrols",
            "Mark Grantly; ST",
            "MG/ ST",
            "next meeting",
            None,
            False,
            ["unresolved_initials"],
        ),
        ("Update the website", "Communications Team", "Communications Team", "Summer 2017", "2017-08-31", True, []),
    ]


def test_log_without_owner_column_takes_the_subject():
    text = (
        "# TRANSPARENCY BOARD ACTION LOG\n\n| Meeting date | Action | Deadline | Progress |\n| --- | --- | --- | --- |\n"
        "| 08/02/2011 | Cabinet Office Transparency Team to work with the Department for Transport to meet the Board, DfT and ATOC to build on it. | Ongoing | Plan in place |\n"
        "| 02/03/2011 | Board members to be kept informed of progress. | June | Complete |\n"
    )
    x = extract(text, "action-log-test.txt")
    assert [(a.item, a.owner, a.due, a.status) for a in x.actions] == [
        ("08/02/2011", "Cabinet Office Transparency Team", "Ongoing", "Plan in place"),
        ("02/03/2011", None, "June", "Complete"),
    ]
    assert x.actions[0].text.startswith("Work with the Department for Transport")


def test_labelled_actions_with_due_line():
    text = (
        "# DATA PANEL\n\nMinutes of the meeting held on 14 February 2014\n\nAttendees:\n\n"
        "William Minnett Ministry of Justice\nSean Palmer HMCTS\n\n2. Data sets\n\n"
        "2.1 Will Minnett (WM) said a document existed.\n\nAction: WM to circulate document describing data sets.\n\n"
        "Action 2: Upon receipt of note from Panel, SP to provide the schema and HMCTS to come back to a future meeting.\n\n"
        "Due: end of March\n"
    )
    acts = extract(text).actions
    assert [(a.owner, a.text) for a in acts][0] == ("William Minnett", "Circulate document describing data sets")
    assert acts[1].owners == ["Sean Palmer", "HMCTS"] and acts[1].due == "end of March"


@pytest.mark.parametrize(
    "text, due",
    [
        ("the team was working to a deadline of 14 December 2009", "14 December 2009"),
        ("deferred to the next meeting (14 January 2010).", "next meeting (14 January 2010)"),
        (
            "be presented to the next meeting of the Integrated Commissioning Board.",
            "next meeting of the Integrated Commissioning Board",
        ),
        ("provide a joint report at the next meeting in January.", "next meeting in January"),
        ("produce lists of databases by 28 February 2014.", "28 February 2014"),
        ("provide information by the end of the month, or explain why", "end of the month"),
        ("likely dates were the 18 or 21 December 2009", None),
    ],
)
def test_find_due(text, due):
    assert find_due(text) == due


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Panel members/ KO", ["Panel members", "KO"]),
        ("Transparency Board and MCO", ["Transparency Board", "MCO"]),
        ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
        ("Cabinet Office Transparency Team with Transparency Board input", ["Cabinet Office Transparency Team"]),
    ],
)
def test_split_owner_text(text, expected):
    assert split_owner_text(text) == expected


def test_subjects_one_owner_for_a_list_of_objects():
    assert [s for s, _ in subjects("Team A to meet the Board, DfT and ATOC to build on it")] == ["Team A"]
    assert [s for s, _ in subjects("SP to contact ODI and HMCTS to come back")] == ["SP", "HMCTS"]
    assert [s for s, _ in subjects("Upon receipt of the note, SP to provide it")] == ["SP"]


@pytest.mark.parametrize(
    "tail",
    [
        "5. Date of next meeting\n\nThursday 13 April 2023 at 10.00am.",  # a numbered item over the date
        "Date of next meeting: 13 April 2023, Committee Room 2",  # a labelled line
        "## 5. Date of next meeting\n\n13 April 2023",  # markdown: the date alone on its line is no item '13'
    ],
)
def test_a_deadline_of_the_next_meeting_takes_the_date_the_minutes_give_it(tail):
    text = (
        "TESTHAM COMMUNITY SAFETY PARTNERSHIP\n\nMinutes of the meeting held on 12 January 2023\n\n"
        "Present: Cllr Ann Lee (Chair), Tom Hart (Fire), Sara Moss (Police)\n\n"
        "1. Town centre\n\nACTION: Tom Hart to report on deliberate fires in the car parks to the next meeting.\n\n"
        + tail
    )
    ext = extract(text, "testham-minutes.md" if tail.startswith("##") else "testham-minutes.txt")
    assert [(a.due, a.due_date) for a in ext.actions] == [("next meeting", "2023-04-13")]
