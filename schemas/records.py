"""The records boardpapers extracts, as strict Pydantic models.

Every record carries :class:`Provenance` (document id, page, the source text, box where the
PDF gives one, the parser and its version) and a deterministic ``id``: a hash of the
record's content, so a re-run gives byte-identical output and loads are upserts.
Field descriptions double as the Datasette column descriptions.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .document import Box

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"

# "report": a paper to a board or committee asking it to decide or note something (a cover or decision report).
DocType = Literal["plan", "minutes", "scrutiny_report", "agenda_pack", "performance_report", "report"]
AttendeeStatus = Literal["present", "apologies", "in_attendance", "absent"]
ActionKind = Literal["minutes_action", "plan_activity", "recommendation"]
# Latest statuses of an action (the link step's action_status) that still want work: read by the
# link step (extract/language/statuses.py) and by every query and page that lists open actions.
OPEN_STATUSES = ("open", "planned", "in progress", "overdue")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Strict):
    document_id: str = Field(description="Content hash of the source file")
    page: int = Field(ge=1, description="1-based page the record came from")
    text: str = Field(description="The source text the record was read from")
    box: Box | None = Field(default=None, description="Box on the PDF page, where the PDF gives one")
    lines: tuple[int, int] | None = Field(default=None, description="Text renderings: source line span")
    parser: str = Field(description="Name of the parser that made the record")
    parser_version: str = Field(description="Version of that parser")
    # Left out of the export (and so of the record's id) unless set: papers read before these
    # existed give the same JSON, byte for byte.
    origin_url: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="The paper's address on the web, for a paper fetched by `boardpapers fetch` (its manifest)",
    )
    ocr: bool = Field(
        default=False,
        exclude_if=lambda v: not v,
        description="The record was read from text that OCR made of a scanned page (`--ocr`), not typed text",
    )


class Record(_Strict):
    """Base of every extracted record: an id that is a hash of the content, and provenance."""

    id: str = Field(default="", description="Deterministic id: hash of the record's content and provenance")
    provenance: Provenance

    def model_post_init(self, __context: Any) -> None:
        if not self.id:
            payload = json.dumps(self.model_dump(mode="json", exclude={"id"}), sort_keys=True, ensure_ascii=False)
            digest = hashlib.sha256(f"{type(self).__name__}:{payload}".encode()).hexdigest()[:16]
            object.__setattr__(self, "id", digest)


class DocumentMeta(_Strict):
    doc_id: str = Field(description="Content hash of the source file")
    source: str = Field(description="File name of the source")
    source_kind: Literal["pdf", "text", "docx"]
    page_count: int = Field(ge=0)
    doc_type: DocType | None = Field(
        default=None, description="plan, minutes, scrutiny_report, agenda_pack, performance_report or report"
    )
    title: str | None = Field(default=None, description="Title as the paper gives it")
    body: str | None = Field(default=None, description="Partnership, board, panel or committee whose paper it is")
    place: str | None = Field(default=None, description="City or council area")
    date: str | None = Field(
        default=None, pattern=ISO_DATE, description="Meeting or publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    evidence: dict[str, str] = Field(
        default_factory=dict, description="For each field, the source text it was read from"
    )


class Meeting(Record):
    body: str | None = None
    date: str | None = Field(default=None, pattern=ISO_DATE)
    start_time: str | None = Field(default=None, pattern=HHMM, description="24-hour start time")
    end_time: str | None = Field(default=None, pattern=HHMM, description="24-hour end time")
    venue: str | None = None


class Attendee(Record):
    name: str = Field(description="Person's name, titles (Cllr, Dr) removed")
    role: str | None = Field(default=None, description="Role, post or organisation as written")
    title: str | None = Field(default=None, description="Councillor, Dr, Chief Inspector ... as written")
    status: AttendeeStatus
    part: bool = Field(default=False, description="Attended part of the meeting")
    as_written: str = Field(description="The attendance entry as written")


class Item(Record):
    number: str = Field(description="Agenda or minute item number as normalised, e.g. '4(ii)'")
    title: str
    pages: str | None = Field(default=None, description="Agenda packs: the pages of the item's papers")
    purpose: str | None = Field(default=None, description="For decision, discussion, information ...")


class Amount(_Strict):
    """A sum of money written beside a decision ('OPCC contribution: £110,000')."""

    label: str | None = Field(default=None, description="What the sum is, e.g. the column header 'Total budget'")
    raw: str = Field(description="The cell as written: '£2m', 'Tbc', 'Awaiting confirmation'")
    value: float | None = Field(default=None, description="Pounds, where the cell gives a sum")
    status: str | None = Field(default=None, description="What is written instead of a sum ('Tbc')")


class Decision(Record):
    item: str | None = Field(default=None, description="Agenda item the decision belongs to")
    text: str = Field(description="The decision as written (bullets and markup removed)")
    kind: str = Field(default="decision", description="decision, resolution, approval, recommendation")
    date: str | None = Field(default=None, pattern=ISO_DATE, description="Date of the meeting or paper")
    body: str | None = Field(default=None, description="Board or panel that decided")
    report_by: str | None = Field(default=None, description="Whose report the decision was taken on, where stated")
    amounts: list[Amount] = Field(default_factory=list, description="Sums of money the decision commits, where stated")


class Action(Record):
    item: str | None = None
    text: str = Field(description="What the owner was asked to do")
    owner: str | None = Field(default=None, description="Owners joined with '; ' (full names, posts or groups)")
    owners: list[str] = Field(default_factory=list, description="Each owner separately")
    owner_as_written: str | None = Field(default=None, description="The owner text as written (initials, cell)")
    organisations: list[str] = Field(default_factory=list, description="Organisations written beside the owners")
    due: str | None = Field(default=None, description="Deadline as written")
    due_date: str | None = Field(
        default=None, pattern=ISO_DATE, description="Deadline normalised to an ISO date where one is meant"
    )
    due_approximate: bool = Field(default=False, description="The deadline is a season or other approximate period")
    kind: ActionKind
    status: str | None = Field(default=None, description="Status as written (On track, Complete ...)")
    progress: str | None = Field(default=None, description="Progress or update text as written")
    date: str | None = Field(
        default=None, pattern=ISO_DATE, description="Date of the meeting or paper that set the action"
    )
    flags: list[str] = Field(default_factory=list, description="Soft problems, e.g. 'unresolved_initials'")


class IndicatorValue(_Strict):
    series: str = Field(description="Series label as written (row label, e.g. 'Monthly 2016-17')")
    period: str | None = Field(default=None, description="YYYY-MM, Qn, YYYY/YY financial year, or YYYY")
    period_as_written: str | None = None
    value: float
    raw: str = Field(description="The cell or phrase as written")
    unit: str | None = Field(default=None, description="count, %, rate, £ ...")
    page: int | None = None
    box: Box | None = None
    period_year: str | None = Field(
        default=None,
        description="The financial or academic year a quarter or month belongs "
        "to ('2013/14' for Q2 of 2013/14), where the paper gives it",
    )
    period_end: str | None = Field(
        default=None, pattern=ISO_DATE, description="Last day of the period, ISO: orders the periods of a series"
    )
    role: str | None = Field(
        default=None,
        description="'comparator' for a figure to compare with (last year's, a "
        "previous value, a national or similar-group average), 'floor' "
        "for a level below which it is red; empty for the series itself",
    )


class Indicator(Record):
    name: str
    owner: str | None = None
    owners: list[str] = Field(default_factory=list)
    target: str | None = Field(default=None, description="Target as written")
    period: str | None = Field(default=None, description="Period the indicator or target is for, e.g. 2016/17")
    level: str | None = Field(default=None, description="main or secondary (delivery plans)")
    unit: str | None = None
    status_note: str | None = Field(
        default=None, description="Status words kept from the paper ('ABANDONED', 'TBC', 'To be identified')"
    )
    monitoring_only: bool = False
    commentary: str | None = Field(default=None, description="The paper's comments on the indicator")
    theme: str | None = Field(default=None, description="Priority or outcome it sits under")
    values: list[IndicatorValue] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)


class TableRecord(Record):
    title: str | None = Field(default=None, description="Heading or caption nearest above the table")
    header: list[str] = Field(description="Header row as written, wrapped cells joined; [] when the table has none")
    n_rows: int = Field(ge=0, description="Body rows, sub-heading rows included")
    n_cols: int = Field(ge=0)
    pages: list[int]
    rows: list[list[str]] = Field(description="Body rows, cell texts")


class Figure(Record):
    """A figure stated in prose: '1,149 serious acquisitive crimes recorded, a reduction of 74'."""

    value: float
    unit: str | None = Field(default=None, description="count, %, rate per 1,000, rate per 100,000, £")
    raw: str = Field(description="The number and unit as written")
    measure: str | None = Field(default=None, description="What is measured")
    period: str | None = None
    comparator: str | None = Field(default=None, description="What it is compared with, as written")
    direction: str | None = Field(default=None, description="increase, reduction ...")
    indicator: str | None = Field(default=None, description="Indicator or outcome the figure describes")
    sentence: str


class Priority(Record):
    name: str
    description: str | None = None
    category: str | None = Field(default=None, description="local, national, monitor ...")
    lead: str | None = None


class Progress(Record):
    """A row of a progress table: an aim and what the paper says of it; or, in minutes, an update
    under "Matters arising" on an action of an earlier meeting."""

    aim: str
    progress: str
    status: str | None = Field(default=None, description="achieved, partially achieved, on target ... where stated")
    theme: str | None = None
    refers_to: str | None = Field(
        default=None, description="Matters arising: the earlier minute, item or page the update names, as written"
    )
    item: str | None = Field(default=None, description="Matters arising: the item of these minutes it sits under")


class Conclusion(Record):
    text: str
    body: str | None = None


class Witness(Record):
    name: str
    role: str | None = None
    date: str | None = Field(default=None, pattern=ISO_DATE)
    documents: str | None = None


class Section(Record):
    """A labelled part of a document (agenda packs bundle several papers)."""

    title: str
    kind: str = Field(description="commissioning paper, terms of reference, performance report, minutes ...")
    first_page: int
    last_page: int


class Problem(Record):
    severity: Literal["warning", "error"] = "warning"
    code: str = Field(description="Short machine-readable code, e.g. 'unresolved_initials'")
    message: str


class Extraction(_Strict):
    """One document's export: the shape of ``../shared/gold/README.md`` plus provenance."""

    source: str
    doc_id: str
    source_kind: Literal["pdf", "text", "docx"]
    page_count: int
    doc_type: DocType | None = None
    title: str | None = None
    body: str | None = None
    place: str | None = None
    date: str | None = None
    meeting: Meeting | None = None
    metadata_evidence: dict[str, str] = Field(default_factory=dict)
    origin_url: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="The paper's address on the web, where it was fetched from (left out when not fetched)",
    )
    sections: list[Section] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    tables: list[TableRecord] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    progress: list[Progress] = Field(default_factory=list)
    conclusions: list[Conclusion] = Field(default_factory=list)
    witnesses: list[Witness] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    parser_version: str


RECORD_LISTS: dict[type[Record], str] = {
    Section: "sections",
    Item: "items",
    Attendee: "attendees",
    Decision: "decisions",
    Action: "actions",
    Indicator: "indicators",
    TableRecord: "tables",
    Figure: "figures",
    Priority: "priorities",
    Progress: "progress",
    Conclusion: "conclusions",
    Witness: "witnesses",
    Problem: "problems",
}
