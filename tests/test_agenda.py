"""Agenda front sheets, pack splitting and recommendation decisions."""

from pathlib import Path

import pytest

from boardpapers.extract.parsers.agenda import split_item
from boardpapers.extract.pipeline import extract_path

FIXTURES = Path(__file__).parent / "fixtures" / "performance"


def test_split_item_pages_and_purpose():
    item = split_item("5", "Commissioning Intentions 2017-18 (Pages 1 - 4)* To discuss the document.")
    assert (item.title, item.pages, item.purpose) == (
        "Commissioning Intentions 2017-18",
        "Pages 1 - 4",
        "To discuss the document.",
    )
    item = split_item("3", "Grant funding proposals (Pages 7 - 10) For decision")
    assert item.purpose == "For decision"


def test_other_council_front_sheet_and_pack():
    ex = extract_path(FIXTURES / "agenda-front-sheet.txt")
    assert [(i.number, i.title) for i in ex.items][:3] == [
        ("1", "Apologies for absence"),
        ("2", "Minutes of the last meeting"),
        ("3", "Grant funding proposals"),
    ]
    assert [s.kind for s in ex.sections] == ["agenda", "minutes", "commissioning", "performance_report"]
    decisions = [d for d in ex.decisions if d.kind == "recommendation"]
    assert [d.text for d in decisions] == ["Fund an outreach worker for 12 months", "Extend the summer programme"]
    assert decisions[0].item == "3" and [a.value for a in decisions[0].amounts] == [30000, 45000]
    assert decisions[1].amounts[0].status == "Tbc"
    ind = next(i for i in ex.indicators if i.name == "Anti-social behaviour")
    assert [v.period for v in ind.values] == ["2018-10", "2018-11", "2018-12"]


def test_plymouth_pack_sections_items_decisions(corpus_extraction):
    ex = corpus_extraction("plymouth-safer-plymouth-agenda-2017-01")
    assert [s.kind for s in ex.sections] == ["agenda", "commissioning", "terms_of_reference", "performance_report"]
    assert [(i.number, i.pages) for i in ex.items] == [
        ("5", "Pages 1 - 4"),
        ("6", "Pages 5 - 8"),
        ("8", "Pages 9 - 12"),
    ]
    assert len(ex.decisions) == 8 and {d.item for d in ex.decisions} == {"5"}
    assert ex.decisions[2].amounts[1].value == 2_000_000


def test_recommendations_box_drops_the_lead_in(corpus_extraction):
    ex = corpus_extraction("peterborough-scrutiny-performance-2018-11")
    assert [d.text for d in ex.decisions] == [
        "Consider and scrutinise this performance report and endorse the approach being taken by the Safer Peterborough Partnership"
    ]


CROSS = Path(__file__).parent / "fixtures" / "cross_variants"


def test_that_the_body_does_recommendations_and_their_tasks(tmp_path):
    # The variant: a cabinet report's "2.1 That Cabinet approves ...", a delegation to a post.
    ex = extract_path(CROSS / "brackenfield-cabinet-key-decision-report.txt")
    assert [(d.item, d.text[:27]) for d in ex.decisions] == [
        ("2.1", "That Cabinet approves the m"),
        ("2.2", "That Cabinet delegates auth"),
    ]
    assert [(a.owner, a.text[:20]) for a in ex.actions] == [("Director of Communities", "Make minor amendment")]
    # Another layout: a markdown paper, its recommendations a bulleted list under a heading; a
    # "That ..." paragraph outside the heading (reasons) is no recommendation.
    path = tmp_path / "paper.md"
    path.write_text(
        "# Report to the Kelbourne Community Safety Board\n\n## Recommendations\n\n"
        "- That the Board notes the draft needs assessment.\n"
        "- That the Board asks the Youth Justice Manager to report on knife crime by June 2024.\n\n"
        "## Reasons\n\nThat the Board notes the report is a statutory duty.\n"
    )
    ex = extract_path(path)
    assert [d.text for d in ex.decisions] == [
        "That the Board notes the draft needs assessment.",
        "That the Board asks the Youth Justice Manager to report on knife crime by June 2024.",
    ]
    assert [(a.owner, a.due) for a in ex.actions] == [("Youth Justice Manager", "June 2024")]


def test_one_sentence_ask_under_the_recommendations_heading(tmp_path):
    # A panel's cover report: "1.1 The Panel is asked to note the performance ..."; the panel sets
    # itself no task.
    ex = extract_path(CROSS / "northmoor-panel-cover-report-q2.txt")
    assert [(d.item, d.text[:32]) for d in ex.decisions] == [("1.1", "The Panel is asked to note the p")]
    assert ex.actions == []
    # Another layout: an unnumbered heading and paragraph; the lead-in of a lettered list is not one.
    path = tmp_path / "paper.txt"
    path.write_text(
        "Report to: Kelbourne Health and Wellbeing Board\n\nDate: 2 May 2023\n\nRECOMMENDATION\n\n"
        "Members of the Board are asked to endorse the refreshed joint strategy.\n\n"
        "BACKGROUND\n\nThe strategy was last refreshed in 2019.\n"
    )
    ex = extract_path(path)
    assert [d.text for d in ex.decisions] == ["Members of the Board are asked to endorse the refreshed joint strategy."]


def test_a_front_sheets_members_are_not_attendees(tmp_path):
    # The variant: a summons with its "Members:" list and no bundled papers.
    ex = extract_path(CROSS / "westerleigh-csp-board-summons.txt")
    assert ex.attendees == [] and ex.sections[0].kind == "agenda"
    # Another layout: a notice of meeting whose "Membership" list is set one per line, then a cover
    # report: no attendees, and the report's recommendation is still read.
    path = tmp_path / "notice.txt"
    path.write_text(
        "Notice of meeting\n\nDunmore Safeguarding Board\n\nDate: 5 June 2024\nTime: 2.00 pm\n\n"
        "Membership:\nJane Cole (Chair)\nRaj Patel\nDr Anne Hill\n\nAGENDA\n\n1. Apologies\n\n"
        "2. Annual report (Pages 3 - 9)\n\nAgenda Item 2\n\nAnnual report\n\nRecommendation\n\n"
        "1. That the Board approves the annual report for publication.\n"
    )
    ex = extract_path(path)
    assert ex.attendees == []
    assert [d.text for d in ex.decisions] == ["That the Board approves the annual report for publication."]


def test_the_joining_word_of_a_lettered_list_is_left_out(tmp_path):
    ex = extract_path(CROSS / "eastvale-pcp-annual-assurance.txt")
    assert [d.text for d in ex.decisions][0] == "note the report"
    path = tmp_path / "paper.txt"
    path.write_text(
        "Report to: Dunmore Safeguarding Board\n\nDate: 5 June 2024\n\nThe Board is asked to:\n\n"
        "(i) approve the annual report, and\n(ii) agree the priorities for 2024/25; or\n(iii) defer them.\n"
    )
    assert [d.text for d in extract_path(path).decisions] == [
        "approve the annual report",
        "agree the priorities for 2024/25",
        "defer them",
    ]


@pytest.mark.parametrize(
    "ask",
    [
        "2. Members are asked to note the update and comment on the draft strategy.",
        "Members of the Panel are recommended to endorse the draft strategy.",
    ],
)
def test_members_asked_in_one_sentence(tmp_path, ask):
    path = tmp_path / "paper.txt"
    path.write_text(
        "DUNMORE METROPOLITAN BOROUGH COUNCIL\n\nCommunities Scrutiny Panel\n\n12th March 2024\n\n"
        f"Report of the Strategic Director (Place)\n\nRecommendations\n\n{ask}\n"
    )
    ex = extract_path(path)
    assert [d.text for d in ex.decisions] == [ask.removeprefix("2. ")]
    # The letterhead over the panel's heading is no part of the panel's name.
    assert (ex.body, ex.place) == ("Communities Scrutiny Panel", "Dunmore")


def test_asked_to_over_a_numbered_list(tmp_path):
    # The variant: "The Committee is asked to:" over a markdown numbered list.
    ex = extract_path(CROSS / "renfold-licensing-committee-report.md")
    assert [d.text[:24] for d in ex.decisions] == ["note the results of the ", "recommend to Council tha"]
    # Another layout: a text rendering, the numbers as the reader's list markers.
    path = tmp_path / "paper.txt"
    path.write_text(
        "Eastbrook Borough Council – Cabinet – 4 June 2024\n\nRecommendations\n\nCabinet is recommended to:\n"
        "1. note the annual report of the Community Safety Partnership; and\n"
        "2. endorse the partnership's priorities for 2024/25.\n"
    )
    assert [d.text for d in extract_path(path).decisions] == [
        "note the annual report of the Community Safety Partnership",
        "endorse the partnership's priorities for 2024/25",
    ]
