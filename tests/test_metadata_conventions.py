"""Metadata conventions of real papers from other bodies, one case per convention: a variant in
another body's house style (written here), and the real paper of ../shared that brought it.

Body: a labelled field ("COMMITTEE: ...") before the heading; "Board of Governors" whole; never an
officer's post or a list item; "Cabinet" alone; a letterhead acronym; a parish council's
"the Parish Council". Place: a parish is its own place; a council's name in any case, its local
authority or its web address; not a county inside a wider body's name, not "KS2 Reading". Date: a
full date beats a month, a month a year; dated fields of front tables of any size; front matter's
start, never its posting date; minutes numbered by year and month; the PDF's information last.
Meeting: four-digit times, "closed" without "at", a virtual platform, an all-caps meeting line.
Doc type: table cells count; an agenda then a Minutes heading is minutes; reports.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

from boardpapers.extract.parsers.metadata import find_meeting, parse_metadata
from boardpapers.extract.readers import read
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.document import Block, Document

REALDEV = SHARED / "realdev"


def meta_of(tmp_path: Path, text: str, name: str = "paper.txt"):
    path = tmp_path / name
    path.write_text(text)
    doc = read_text(path)
    meta = parse_metadata(doc)
    return meta, find_meeting(doc, meta)


def doc_of(blocks: list[tuple[str, str] | tuple[str, str, str]], properties: dict | None = None) -> Document:
    """A Document made by hand: (kind, text) or ("field", label, text) per block."""
    out = []
    for spec in blocks:
        if spec[0] == "field":
            out.append(Block(kind="field", label=spec[1], text=spec[2], page=1, source=f"{spec[1]}: {spec[2]}"))
        else:
            out.append(Block(kind=spec[0], text=spec[1], page=1, source=spec[1]))
    return Document(
        id="0" * 16, source_path="made.pdf", source_kind="pdf", page_count=1, blocks=out, properties=properties or {}
    )


def real(name: str) -> Document:
    """A real paper of ../shared/realdev as the readers give it; a web page's front matter is
    lifted into its properties here where the text reader does not do so yet."""
    path = REALDEV / name
    if not path.exists():
        pytest.skip("../shared/realdev is not beside the repository")
    doc = read(path)
    if path.suffix == ".md" and not doc.properties:
        lines = path.read_text().splitlines()
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
        props = {
            m.group(1): m.group(2).strip().strip('"')
            for m in (re.match(r"^(\w+):\s*(\S.*)$", line) for line in lines[1 : end - 1])
            if m
        }
        blocks = [b for b in doc.blocks if not (b.lines and b.lines[0] <= end)]
        shift = min(b.page for b in blocks) - 1
        doc = doc.model_copy(
            update={"blocks": [b.model_copy(update={"page": b.page - shift}) for b in blocks], "properties": props}
        )
    return doc


def real_meta(name: str):
    doc = real(name)
    meta = parse_metadata(doc)
    return meta, find_meeting(doc, meta)


# --- body ------------------------------------------------------------------------------------


def test_a_committee_field_names_the_body_before_the_trust_heading(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "HOLLYBANK ACADEMY TRUST BOARD OF TRUSTEES\n\n"
        "COMMITTEE: Finance and Resources Committee DATE: 3 March 2021\n\n"
        "Present: Ann Lee, Raj Patel\n\nThe minutes were agreed.\n",
    )
    assert (meta.body, meta.date) == ("Finance and Resources Committee", "2021-03-03")
    # The same box as the reader's field blocks, and set in capitals without colons.
    doc = doc_of(
        [
            ("heading", "HOLLYBANK ACADEMY TRUST BOARD OF TRUSTEES"),
            ("field", "COMMITTEE", "Standards Committee"),
            ("field", "DATE", "3 March 2021"),
        ]
    )
    assert parse_metadata(doc).body == "Standards Committee"
    doc = doc_of(
        [
            ("heading", "HOLLYBANK ACADEMY TRUST BOARD OF TRUSTEES"),
            ("heading", "COMMITTEE Full Governing Body DATE 3 March 2021"),
        ]
    )
    assert (parse_metadata(doc).body, parse_metadata(doc).date) == ("Full Governing Body", "2021-03-03")


def test_board_of_governors_is_not_cut_to_board(tmp_path):
    meta, _ = meta_of(
        tmp_path, "ST ANNE'S PRIMARY SCHOOL BOARD OF GOVERNORS\n\nMinutes of the meeting held on 4 May 2021\n"
    )
    assert meta.body == "St Anne's Primary School Board of Governors"


def test_an_officers_post_is_not_the_body(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "From: Head of the Safer Communities Partnership\n\nReport to: Cabinet\n\n"
        "Date: 9 June 2021\n\nRecommendations\n\nCabinet is asked to approve the strategy.\n",
    )
    assert meta.body == "Cabinet"


def test_a_one_word_heading_is_the_body_under_its_councils_letterhead(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "NORTHSHIRE COUNTY COUNCIL\n\nCABINET\n\nMinutes of the meeting held on 12 May 2020\n\n"
        "Present: Cllr Ann Lee (Leader), Cllr Tom Hart\n",
    )
    assert (meta.body, meta.place) == ("Cabinet", "Northshire")


def test_list_items_and_action_text_do_not_name_the_body(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "## Minutes\n\n### Attendance\n\nAnn Lee, Raj Patel\n\n### Actions\n\n"
        "- Raise the item at the Transformation Board [new for Ann Lee]\n",
        name="notes.md",
    )
    assert meta.body is None
    meta, _ = real_meta("yorkshire-imaging-collaborative-vascular-ir-group-minutes-2021-02-08.md")
    assert meta.body is None  # its title is only in the front matter, which the gold does not use


def test_a_parish_council_that_calls_itself_so_is_the_parish_council(tmp_path):
    body = (
        "The Parish Council agreed to buy a bench. The Clerk will ask whether the Parish Council can reclaim VAT.\n\n"
    )
    meta, _ = meta_of(
        tmp_path,
        "Councillors present: Cllr A Lee (Chair), Cllr B Shaw\n\n"
        + body
        + "Kent County Council sent no report. Kent Police: no report. Kent Association of Local Councils.\n",
    )
    assert (meta.body, meta.place) == ("Parish Council", None)
    meta, _ = real_meta("northwold-parish-council-minutes-2014-11.md")
    assert (meta.body, meta.place) == ("Parish Council", None)


@pytest.mark.slow
def test_real_governors_papers_take_the_committee_box():
    for name, body in [
        ("decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf", "Business Management Committee"),
        ("decoy-primary-governors-fgb-minutes-2022-05-23.pdf", "Full Governing Body"),
    ]:
        meta, _ = real_meta(name)
        assert (meta.doc_type, meta.body) == ("minutes", body)


@pytest.mark.slow
def test_a_letterhead_acronym_is_the_body_when_nothing_else_names_one():
    meta, _ = real_meta("bswn-connecting-people-in-communities-1-year-report-2023-03.pdf")
    assert (meta.doc_type, meta.body) == ("performance_report", "BSWN")
    doc = doc_of(
        [
            ("heading", "KCSP"),
            ("heading", "Annual progress report on the Safer Streets Fund"),
            ("paragraph", "The fund paid for 40 new lights."),
        ]
    )
    assert (parse_metadata(doc).doc_type, parse_metadata(doc).body) == ("performance_report", "KCSP")


# --- place -----------------------------------------------------------------------------------


def test_a_parish_is_its_own_place_named_whole(tmp_path):
    meta, meeting = meta_of(
        tmp_path,
        (
            "MINUTES OF THE NEWPORT PAGNELL TOWN COUNCIL MEETING HELD IN THE MEMORIAL HALL ON TUESDAY 2 MARCH 2021 AT 7.30 PM\n\n"
            "Present: Cllr A Lee (Chair), Cllr B Shaw\n\nBuckinghamshire Council: no report.\n\n"
            "The meeting closed at 9.12 pm.\n"
        ),
    )
    assert (meta.body, meta.place, meta.date) == ("Newport Pagnell Town Council", "Newport Pagnell", "2021-03-02")
    assert (meeting.start_time, meeting.end_time, meeting.venue) == ("19:30", "21:12", "Memorial Hall")
    meta, meeting = real_meta("west-dereham-parish-council-draft-minutes-2017-06-01.md")
    assert (meta.body, meta.place, meta.date) == ("West Dereham Parish Council", "West Dereham", "2017-06-01")
    assert (meeting.start_time, meeting.end_time, meeting.venue) == ("19:00", "20:37", "West Dereham Village Hall")


def test_the_councils_name_in_capitals_and_its_web_address_give_the_place(tmp_path):
    meta, _ = meta_of(tmp_path, "KIRKBY MOORSIDE DISTRICT COUNCIL\n\nCommunity Safety Plan 2021-24\n\nMarch 2021\n")
    assert (meta.doc_type, meta.place, meta.date) == ("plan", "Kirkby Moorside", "2021-03")
    meta, _ = meta_of(
        tmp_path,
        "Safer Streets Board\n\nAnnual Report 2020/21\n\nMore at www.cornwall.gov.uk/safer. We met in Truro twice.\n",
    )
    assert meta.place == "Cornwall"


def test_a_county_inside_wider_bodies_names_and_a_subject_word_are_no_place(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "Pupil Premium Strategy 2020-23\n\nMeasure\tScore\nMeeting expected standard at KS2 Reading\t60%\n"
        "Achieving high standard at KS2 Reading\t10%\n\n"
        "Norfolk Constabulary visited. Norfolk Fire and Rescue Service visited. Norfolk Constabulary again.\n",
    )
    assert meta.place is None


@pytest.mark.slow
def test_a_school_names_its_authority_as_the_la():
    meta, _ = real_meta("decoy-primary-pupil-premium-strategy-2019-2022.pdf")
    assert (meta.body, meta.place, meta.date) == ("Decoy Primary School", "Devon", "2020-01-20")


def test_the_one_council_a_paper_names_as_its_la_is_its_place(tmp_path):
    meta, _ = meta_of(tmp_path, "Sports Premium Report 2019-20\n\nWe joined the Suffolk LA cycling scheme.\n")
    assert (meta.doc_type, meta.place) == ("performance_report", "Suffolk")


# --- date ------------------------------------------------------------------------------------


def test_front_matter_start_dates_the_meeting_never_its_posting_date():
    doc = doc_of(
        [
            ("heading", "Agenda"),
            ("list_item", "Imaging pathways"),
            ("heading", "Minutes"),
            ("heading", "Attendance"),
            ("paragraph", "Ann Lee, Raj Patel"),
        ],
        properties={"title": "Spring Network Meeting", "date": "2021-06-30", "start": "2021-04-12T14:00"},
    )
    meta = parse_metadata(doc)
    assert (meta.doc_type, meta.date, meta.body) == ("minutes", "2021-04-12", None)
    assert find_meeting(doc, meta).date == "2021-04-12"
    meta, meeting = real_meta("yorkshire-imaging-collaborative-paediatric-group-minutes-2021-10-12.md")
    assert (meta.doc_type, meta.date, meeting.date) == ("minutes", "2021-10-12", "2021-10-12")


def test_dated_fields_of_a_front_table_of_any_size(tmp_path):
    rows = "\n".join(f"| Row {i} | {i} |" for i in range(8))
    meta, _ = meta_of(
        tmp_path,
        "# Pupil Premium Strategy Statement\n\n| Detail | Data |\n|---|---|\n| School name | Elm Tree School |\n"
        f"{rows}\n| Publish date | 14 December 2020 |\n| Next review date | July 2021 |\n",
        name="pp.md",
    )
    assert (meta.body, meta.date) == ("Elm Tree School", "2020-12-14")
    meta, _ = meta_of(
        tmp_path,
        "| Elm Tree Equality Plan 2021 | |\n|---|---|\n| DATE OF ADOPTION: March 2021 | |\n"
        "| DATE OF NEXT REVIEW: March 2024 | |\n| TO BE REVIEWED BY: Pupils and Standards Committee | |\n"
        + "".join(f"| filler {i} | |\n" for i in range(3)),
        name="plan.md",
    )
    assert (meta.doc_type, meta.body, meta.date) == ("plan", "Pupils and Standards Committee", "2021-03")


@pytest.mark.slow
def test_real_school_covers_give_their_month():
    for name, date in [
        ("decoy-primary-accessibility-plan-2019-2022.pdf", "2019-11"),
        ("decoy-primary-pe-sport-premium-report-2017-18.pdf", "2018-04"),
    ]:
        meta, _ = real_meta(name)
        assert meta.date == date


def test_minutes_numbered_by_year_and_month_date_the_meeting(tmp_path):
    items = "".join(
        f"21/03/{i} Item {i}: it was agreed to note the report. RESOLVED 21/03/{i}.01 to pay the invoice.\n\n"
        for i in range(1, 12)
    )
    meta, meeting = meta_of(
        tmp_path,
        "Councillors present: Cllr A Lee, Cllr B Shaw. Apologies: Cllr C Dunn\n\n"
        + items
        + "The last meeting was held on 9 February 2021.\n",
    )
    assert (meta.date, meeting.date) == ("2021-03", "2021-03")
    meta, meeting = real_meta("northwold-parish-council-minutes-2014-11.md")
    assert (meta.date, meeting.date) == ("2014-11", "2014-11")


def test_the_pdfs_information_dates_a_paper_last_and_says_so():
    body = [
        ("heading", "ESCP"),
        ("heading", "Six month report on the Youth Diversion Fund"),
        ("paragraph", "In 2022 we reached 300 young people."),
    ]
    meta = parse_metadata(
        doc_of(body, {"pdf:Title": "ESCP youth diversion six month report Sep 22", "pdf:CreationDate": "2022-10-03"})
    )
    assert meta.date == "2022-09" and meta.evidence["date"].startswith("pdf:Title")
    # A title dated in another year than the text's is not used; a creation date only without any year.
    meta = parse_metadata(doc_of(body, {"pdf:Title": "report Sep 19", "pdf:CreationDate": "2022-10-03"}))
    assert meta.date == "2022"
    meta = parse_metadata(doc_of(body[:2], {"pdf:CreationDate": "2022-10-03"}))
    assert meta.date == "2022-10-03" and meta.evidence["date"].startswith("pdf:CreationDate")
    # A full date in the text beats the PDF's.
    meta = parse_metadata(doc_of(body + [("paragraph", "Date: 1 August 2022")], {"pdf:Title": "report Sep 22"}))
    assert meta.date == "2022-08-01"


# --- meeting ---------------------------------------------------------------------------------


def test_four_digit_times_and_a_virtual_venue_in_a_grid(tmp_path):
    meta, meeting = meta_of(
        tmp_path,
        (
            "ASHCOMBE ACADEMY BOARD OF TRUSTEES\n\nCOMMITTEE: Audit and Risk Committee DATE: 8 February 2021\n\n"
            "| Item | Notes | Action |\n|---|---|---|\n"
            "| AR 1/21 | Welcome. The meeting commenced at 1902. This was a virtual meeting held via Microsoft Teams. "
            "Apologies: none. In attendance: the Clerk. | |\n"
            "| AR 2/21 | The minutes were agreed. Matters arising: none. | Clerk |\n"
            "| AR 3/21 | The meeting closed 2045. | |\n"
        ),
        name="grid.md",
    )
    assert (meta.doc_type, meta.body) == ("minutes", "Audit and Risk Committee")
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.venue) == (
        "2021-02-08",
        "19:02",
        "20:45",
        "Microsoft Teams",
    )


@pytest.mark.slow
def test_real_governors_times_and_zoom():
    _, meeting = real_meta("decoy-primary-governors-fgb-minutes-2022-05-23.pdf")
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.venue) == (
        "2022-05-23",
        "18:31",
        "20:29",
        "Zoom",
    )
    _, meeting = real_meta("decoy-primary-governors-bm-committee-minutes-2022-05-16.pdf")
    assert (meeting.start_time, meeting.end_time, meeting.venue) == ("18:38", "19:30", None)


def test_meeting_closed_without_at(tmp_path):
    _, meeting = meta_of(
        tmp_path,
        "Safer Fenby Partnership\n\nMinutes of the meeting held on 3 June 2021\n\n"
        "Present: Ann Lee, Raj Patel\n\nMeeting closed 9.05pm\n",
    )
    assert meeting.end_time == "21:05"


# --- doc type --------------------------------------------------------------------------------


def test_a_cover_report_asking_a_board_to_decide_is_a_report(tmp_path):
    meta, meeting = meta_of(
        tmp_path,
        "Report to: Cabinet\n\nDate: 9 June 2021\n\nSubject: Community Safety Strategy 2021-24\n\n"
        "Recommendations\n\nCabinet is asked to approve the strategy.\n",
    )
    assert (meta.doc_type, meeting) == ("report", None)
    # Addressed to a board but asking nothing: its tables decide ("Report to" over a table of quarters).
    meta, _ = meta_of(
        tmp_path,
        "Knife Crime Update\n\nReport to: Safer Fenby Partnership\n\n"
        "Ward\tApr-Jun 2019\tJul-Sep 2019\nAbbey\t21\t24\nCastle\t16\t15\n",
    )
    assert meta.doc_type == "performance_report"


def test_reports_of_what_a_programme_did_are_performance_reports(tmp_path):
    for title in [
        "Sports Grant report 2019 - 2020",
        "2 year report on the Safer Streets programme",
        "Annual Report 2020/21",
    ]:
        meta, _ = meta_of(tmp_path, f"{title}\n\nWe ran 12 sessions for 300 pupils.\n")
        assert meta.doc_type == "performance_report", title


def test_minutes_set_all_in_a_grid_are_minutes(tmp_path):
    rows = "".join(
        f"| HB {i}/21 | Apologies were received. It was agreed to proceed. Matters arising: none. | Clerk |\n"
        for i in range(1, 5)
    )
    meta, _ = meta_of(
        tmp_path,
        "HOLLYBANK ACADEMY BOARD OF TRUSTEES\n\nChaired by: Ann Lee\n\n"
        f"| Item | Notes | Action |\n|---|---|---|\n{rows}",
        name="grid.md",
    )
    assert meta.doc_type == "minutes"


# --- cover reports and agenda packs in house styles the real papers do not show ----------------

CROSS = Path(__file__).parent / "fixtures" / "cross_variants"


@pytest.mark.parametrize(
    "text",
    [
        # The variant's front sheet, and another council's wording of it in capitals.
        (CROSS / "safer-anyborough-agenda-front-sheet.txt").read_text(),
        "NOTICE OF THE MEETING OF THE\n\nKelbourne Community Safety Board\n\nDate: 3 May 2023\n\n"
        "1. Apologies\n\n2. Anti-social behaviour update (Pages 3 - 8)\n",
    ],
)
def test_a_notice_of_meeting_is_an_agenda_pack(tmp_path, text):
    meta, _ = meta_of(tmp_path, text)
    assert meta.doc_type == "agenda_pack"


def test_the_area_a_body_is_named_after_is_its_place_where_named_again(tmp_path):
    # The variant: "Northshire Police and Crime Panel" ... "Commissioner for Northshire".
    meta, _ = meta_of(tmp_path, (CROSS / "northshire-police-crime-panel-report.txt").read_text())
    assert (meta.body, meta.place) == ("Northshire Police and Crime Panel", "Northshire")
    # Another layout: a "Safer X" partnership's notes held at X's town hall.
    meta, _ = meta_of(
        tmp_path,
        "Safer Kelbourne Partnership\n\nNotes of the meeting held on 4 May 2022 at Kelbourne Town Hall\n\n"
        "Present: Ann Cole (Chair), Raj Patel\n",
    )
    assert (meta.body, meta.place) == ("Safer Kelbourne Partnership", "Kelbourne")


def test_a_committees_subject_named_again_is_no_place(tmp_path):
    meta, _ = meta_of(
        tmp_path,
        "Finance and Resources Committee\n\nMinutes of the meeting held on 4 May 2022\n\n"
        "Present: Ann Cole (Chair), Raj Patel\n\n1. Finance update\n\nThe Finance Manager presented the accounts.\n",
    )
    assert meta.place is None


def test_a_body_headed_by_its_kind_alone_takes_its_one_fuller_name(tmp_path):
    # The variant: a summons "To all Members of the Community Safety Partnership Board" that calls
    # it "the Westerleigh Community Safety Partnership Board"; its place is then Westerleigh's.
    meta, meeting = meta_of(tmp_path, (CROSS / "westerleigh-csp-board-summons.txt").read_text())
    assert (meta.body, meta.place, meta.doc_type) == (
        "Westerleigh Community Safety Partnership Board",
        "Westerleigh",
        "agenda_pack",
    )
    assert (meeting.start_time, meeting.venue) == ("14:30", "Council Chamber, Westerleigh Civic Centre")
    # Another wording: a panel's notes headed "Police and Crime Panel", named in full in the text.
    meta, _ = meta_of(
        tmp_path,
        "Police and Crime Panel\n\nNotes of the meeting held on 2 June 2023\n\n"
        "The Chair welcomed members to the first meeting of the Dunmore Police and Crime Panel.\n",
    )
    assert meta.body == "Dunmore Police and Crime Panel"
    # Two fuller names: none is taken.
    meta, _ = meta_of(
        tmp_path,
        "Community Safety Partnership\n\nNotes of the meeting held on 2 June 2023\n\n"
        "Members of the Dunmore Community Safety Partnership met the Eastvale Community Safety Partnership.\n",
    )
    assert meta.body == "Community Safety Partnership"


@pytest.mark.parametrize(
    "text, area",
    [
        ((CROSS / "eastvale-pcp-annual-assurance.txt").read_text(), "Eastvale"),
        (
            "POLICE AND CRIME PANEL\n\nDate: 3 October 2023\n\nReport of the Police and Crime Commissioner for "
            "North Dunmore\n\nRecommendation\n\nThe Panel is asked to note the report.\n",
            "North Dunmore",
        ),
    ],
)
def test_a_police_and_crime_panels_area_is_its_commissioners(tmp_path, text, area):
    meta, _ = meta_of(tmp_path, text)
    assert meta.place == area


def test_agenda_item_stamped_over_one_report_is_that_report(tmp_path):
    # The variant: "Agenda Item 6" over a cabinet-style report is a report, not a pack.
    meta, meeting = meta_of(tmp_path, (CROSS / "kelbourne-executive-strategy-report.txt").read_text())
    assert (meta.doc_type, meta.body, meta.date, meeting) == ("report", "Executive", "2024-02-07", None)
    # Another layout: the stamp over a pack's meeting details and its AGENDA heading is a pack.
    meta, _ = meta_of(
        tmp_path, (Path(__file__).parent / "fixtures/performance_variants/agenda-pack-caption.txt").read_text()
    )
    assert meta.doc_type == "agenda_pack"


def test_a_report_front_sheet_set_as_a_table_of_fields(tmp_path):
    # The variant: a markdown key/value table ("| **Report to** | ... |").
    meta, _ = meta_of(tmp_path, (CROSS / "renfold-licensing-committee-report.md").read_text(), "paper.md")
    assert (meta.doc_type, meta.body) == ("report", "Licensing and Community Safety Committee")
    # Another layout: plain labels, a subject with a colon, one ask and no recommendations heading
    # (a box of five rows is too long to be read as front lines: its fields are read).
    meta, _ = meta_of(
        tmp_path,
        "Dunmore Borough Council\n\n| | |\n|---|---|\n| Report to | Communities Committee |\n"
        "| Meeting date | 4 July 2024 |\n| Report of | Head of Housing |\n"
        "| Subject | Selective licensing: scheme review |\n| Ward(s) | Central; Riverside |\n\n"
        "The Committee is asked to agree the terms of reference of the review.\n",
        "paper.md",
    )
    assert (meta.doc_type, meta.body, meta.date) == ("report", "Communities Committee", "2024-07-04")
