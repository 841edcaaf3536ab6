"""Document metadata on papers written in other councils' styles, and on the corpus."""

import json

import pytest
from conftest import CORPUS, GOLD

from boardpapers.extract.parsers.metadata import find_meeting, parse_metadata, title_case
from boardpapers.extract.readers.text import read_text


def meta_of(tmp_path, text):
    path = tmp_path / "paper.txt"
    path.write_text(text)
    doc = read_text(path)
    meta = parse_metadata(doc)
    return meta, find_meeting(doc, meta)


def test_minutes_in_another_style(tmp_path):
    meta, meeting = meta_of(
        tmp_path,
        (
            "LEEDS COMMUNITY SAFETY PARTNERSHIP BOARD\n\nMinutes of the meeting held on Tuesday 14th March 2017 at 2.00pm "
            "in Committee Room 6, Civic Hall, Leeds\n\nPresent: Cllr A Smith (Chair), B Jones, C Patel\n\n"
            "1. Apologies\n\nApologies were received from D Evans.\n\nThe meeting closed at 3.45pm.\n"
        ),
    )
    assert (meta.doc_type, meta.body, meta.place, meta.date) == (
        "minutes",
        "Leeds Community Safety Partnership Board",
        "Leeds",
        "2017-03-14",
    )
    assert (meeting.start_time, meeting.end_time, meeting.venue) == (
        "14:00",
        "15:45",
        "Committee Room 6, Civic Hall, Leeds",
    )


def test_agenda_front_sheet_with_labels(tmp_path):
    meta, meeting = meta_of(
        tmp_path,
        (
            "AGENDA - SAFER SHEFFIELD PARTNERSHIP BOARD\n\nDate: 5 June 2019\n\nTime: 9.30 am – 11.30 am\n\n"
            "Venue: Town Hall, Sheffield\n\nItem\tSubject\n1\tWelcome\n2\tPerformance\n"
        ),
    )
    assert (meta.doc_type, meta.body, meta.place, meta.date) == (
        "agenda_pack",
        "Safer Sheffield Partnership Board",
        "Sheffield",
        "2019-06-05",
    )
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.venue) == (
        "2019-06-05",
        "09:30",
        "11:30",
        "Town Hall, Sheffield",
    )


def test_plan_takes_the_standalone_year(tmp_path):
    meta, meeting = meta_of(
        tmp_path, "# Safer Bristol Partnership Plan 2017-20\n\n## 2018 Refresh\n\nThe plan sets out our priorities.\n"
    )
    assert (meta.doc_type, meta.body, meta.place, meta.date, meeting) == (
        "plan",
        "Safer Bristol Partnership",
        "Bristol",
        "2018",
        None,
    )


def test_scrutiny_review(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "Communities Scrutiny Panel\n\nREVIEW INTO ANTI-SOCIAL BEHAVIOUR IN NORWICH\n\n"
        "Date published: 3 March 2015\n\nThe panel heard evidence.\n",
    )
    assert (meta.doc_type, meta.body, meta.date) == ("scrutiny_report", "Communities Scrutiny Panel", "2015-03-03")


def test_performance_report_to_a_committee(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "HEALTH SCRUTINY COMMITTEE\tAGENDA ITEM No. 7\n2 MAY 2019\tPUBLIC REPORT\n\n"
        "SAFER DERBY PARTNERSHIP - QUARTERLY PERFORMANCE REPORT\n\nThe report covers Derby.\n",
    )
    assert (meta.doc_type, meta.body, meta.date) == ("performance_report", "Health Scrutiny Committee", "2019-05-02")


def test_title_case_only_touches_capitals():
    assert (
        title_case("AGENDA - SAFER PLYMOUTH PARTNERSHIP Supplement pack")
        == "AGENDA - Safer Plymouth Partnership Supplement pack"
    )
    assert title_case("ADULTS AND COMMUNITIES SCRUTINY COMMITTEE") == "Adults and Communities Scrutiny Committee"
    assert title_case("The SPP board") == "The SPP board"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_metadata_matches_gold(path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text())
    doc = read_text(path)
    meta = parse_metadata(doc)
    meeting = find_meeting(doc, meta)
    assert (meta.doc_type, meta.body, meta.place, meta.date) == (
        gold["doc_type"],
        gold["body"],
        gold["place"],
        gold["date"],
    )
    if gold["meeting"]:
        got = meeting.model_dump(include={"date", "start_time", "end_time", "venue"})
        assert got == gold["meeting"]
    else:
        assert meeting is None


def test_a_surname_is_not_a_place_and_a_passing_mention_is_not_the_area(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "TRANSPARENCY BOARD\n\nMinutes of the meeting held on 2 March 2011 at the Cabinet Office\n\n"
        "Present: Richard Stirling, Jane Doe\n\n"
        + "".join(f"Item {i} was discussed at some length by members.\n\n" for i in range(15))
        + "The Board heard about open data in London.\n",
    )
    assert meta.place is None


def test_an_action_log_takes_the_year_its_rows_name(tmp_path):
    rows = "\n".join(f"1{i}/01/2011\tTeam to do thing {i}\tJune\tOn track" for i in range(6))
    meta, meeting = meta_of(tmp_path, f"Board Action Log\n\nMeeting date\tAction\tDeadline\tProgress\n{rows}\n")
    assert (meta.doc_type, meta.date) == ("minutes", "2011")
    assert meeting.date is None


def test_an_untitled_update_with_period_tables_is_a_performance_report(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "Anti-social Behaviour Update\n\nReport to: Safer Testtown Partnership\n\n"
        "Ward\tApr-Jun 2019\tJul-Sep 2019\tChange (%)\nAbbey\t212\t248\t17.0%\nCastle\t167\t151\t-9.6%\n",
    )
    assert meta.doc_type == "performance_report"


def test_an_untitled_paper_of_action_tables_is_not_a_performance_report(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "Action tracker\n\nAction\tOwner\tDue\tQ1\tQ2\nCut crime\tJo Bloggs\tMay 2019\tx\ty\n"
        "Fund the scheme\tAli Khan\tJune 2019\tx\ty\n",
    )
    assert meta.doc_type != "performance_report"


def test_a_long_paper_that_only_mentions_meeting_words_is_no_minutes(tmp_path):
    filler = "".join(
        f"The function number {i} returns a value to the caller and frees the structure.\n\n" for i in range(200)
    )
    meta, _ = meta_of(
        tmp_path, "Library Reference Manual\n\n" + filler + "This action is agreed. Present values resolved.\n"
    )
    assert meta.doc_type is None
