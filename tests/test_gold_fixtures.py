"""Every fixture paper with hand-written gold beside it, extracted and scored per record kind
against its floors (tests/floors.py).

The sets are the folders of ``floors.SETS`` (``tests/fixtures/cross_variants``,
``minutes_variants``, ``plan_variants``, ``performance_variants``): each paper there
(``.txt``, ``.md`` or ``.pdf``) has its gold as ``NAME.json`` in the shape of
``../shared/gold``. Some papers are also drawn as PDFs (``PDF_FORMS``): a PDF form is scored
against the same gold and must give the same owners, dues and decision texts as its text form.
The rules these papers brought are tested one by one in the sets' own modules
(test_minutes_variants.py, test_plan_variants.py, test_performance_variants.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import wordgrids
from attendance_pdfs import ruled_pdf
from floors import EXCEPTIONS, KINDS, SETS, assert_floors, floors_of
from grid_pdfs import grid_pdf
from minutes_pdfs import boxed_log_pdf, initials_column_pdf, plain_pdf
from pdfgen import make_pdf

from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_path

FIXTURES = Path(__file__).parent / "fixtures"
PAPER_SUFFIXES = (".txt", ".md", ".pdf")
sys.path.insert(0, str(FIXTURES / "plan_variants"))

from make_pdfs import pdf_of  # noqa: E402

# PDF forms drawn in the test run: "SET/STEM.pdf" -> (its text form, how to draw it from that).
PDF_FORMS = {
    "minutes_variants/stockport-resolved-numbered.pdf": (
        "stockport-resolved-numbered.txt",
        lambda source: plain_pdf(source.read_text()),
    ),
    "minutes_variants/swindon-initials-column.pdf":  # the grid's initials in a right-hand column
    ("swindon-initials-column.txt", lambda source: initials_column_pdf(source.read_text())),
    "minutes_variants/willowbrook-governors-grid.pdf":  # a landscape Word grid over two pages, no header
    ("willowbrook-governors-grid.txt", lambda source: grid_pdf(source.read_text(), landscape=True)),
    "minutes_variants/pennine-lung-pathway-notes.pdf":  # a Minute | Discussion | Action grid
    ("pennine-lung-pathway-notes.txt", lambda source: grid_pdf(source.read_text())),
    "minutes_variants/elmstead-trust-board-action-log.pdf":  # ruled boxes with no header under each lead
    ("elmstead-trust-board-action-log.txt", lambda source: boxed_log_pdf(source.read_text())),
    "plan_variants/wakefield-annual-action-plan-2018-19.pdf": (
        "wakefield-annual-action-plan-2018-19.txt",
        lambda source: pdf_of(source.stem),
    ),
    "plan_variants/calderdale-scrutiny-knife-crime-2019.pdf": (
        "calderdale-scrutiny-knife-crime-2019.txt",
        lambda source: pdf_of(source.stem),
    ),
    # One landscape grid: title bands over a repeated label row, a row cut by the page break,
    # a logo under the grid, the footer at 89% of the height (tests/wordgrids.py).
    "plan_variants/torbay-csb-delivery-plan-2024-25.pdf": (
        "torbay-csb-delivery-plan-2024-25.md",
        lambda source: _wordgrid_pdf("banded_plan"),
    ),
    # A roll-call table and a register of codes ruled; attendance lists wrapped over several lines.
    "attendance_variants/ashby-marsh-town-council-roll-call.pdf": (
        "ashby-marsh-town-council-roll-call.txt",
        lambda source: ruled_pdf(source.read_text()),
    ),
    "attendance_variants/riverside-academy-trust-register.pdf": (
        "riverside-academy-trust-register.md",
        lambda source: ruled_pdf(source.read_text(), landscape=True),
    ),
    "attendance_variants/fenwick-cabinet-councillors-present.pdf": (
        "fenwick-cabinet-councillors-present.txt",
        lambda source: ruled_pdf(source.read_text()),
    ),
    "attendance_variants/north-coast-stroke-network-crg.pdf": (
        "north-coast-stroke-network-crg.txt",
        lambda source: ruled_pdf(source.read_text()),
    ),
    "plan_variants/thornbury-csp-delivery-plan-2022-23.pdf":  # group headings as merged cells
    ("thornbury-csp-delivery-plan-2022-23.txt", lambda source: pdf_of(source.stem)),
    "performance_variants/kestrel-targets-actuals-2023.pdf":  # targets against actuals, comment breakdowns
    ("kestrel-targets-actuals-2023.txt", lambda source: pdf_of(source.stem, source.parent)),
    # A ten-column scorecard, its theme rows merged cells across the grid, the header wrapped.
    "performance_variants/hertsmere-partnership-performance-q3-2023-24.pdf": (
        "hertsmere-partnership-performance-q3-2023-24.txt",
        lambda source: pdf_of(source.stem, source.parent),
    ),
}


def _wordgrid_pdf(layout: str) -> bytes:
    pages, options = getattr(wordgrids, layout)()
    return make_pdf(pages, **options)


def papers() -> list[str]:
    """Every paper of every set as "SET/FILE": the files with a paper's suffix."""
    return sorted(
        f"{name}/{p.name}" for name in SETS for p in (FIXTURES / name).iterdir() if p.suffix in PAPER_SUFFIXES
    )


PAPERS = papers()
CASES = PAPERS + sorted(PDF_FORMS)


def gold_of(case: str) -> dict:
    path = FIXTURES / case
    return json.loads(path.with_suffix(".json").read_text())


@pytest.fixture(scope="session")
def text_exports():
    """The JSON export of a fixture paper, made once a session."""
    cache: dict[str, dict] = {}

    def get(case: str) -> dict:
        if case not in cache:
            cache[case] = json.loads(to_json(extract_path(FIXTURES / case)))
        return cache[case]

    return get


@pytest.mark.parametrize("case", CASES)
def test_paper_reaches_its_floors(case, text_exports, tmp_path):
    if case in PDF_FORMS:
        text_name, draw = PDF_FORMS[case]
        source = FIXTURES / case.split("/")[0] / text_name
        path = tmp_path / Path(case).name
        path.write_bytes(draw(source))
        pred = json.loads(to_json(extract_path(path)))
    else:
        pred = text_exports(case)
    assert_floors(case, gold_of(case), pred, floors_of(case))
    if case in PDF_FORMS:
        text = text_exports(f"{case.split('/')[0]}/{text_name}")
        for key, field in (("actions", "owner"), ("actions", "due"), ("decisions", "text")):
            assert [r[field] for r in pred[key]] == [r[field] for r in text[key]], (case, key, field)


# --- the table itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, at_least",
    [
        ("cross_variants", 4),
        ("minutes_variants", 5),
        ("plan_variants", 6),
        ("performance_variants", 4),
        ("attendance_variants", 6),
    ],
)
def test_each_set_has_its_papers_each_with_gold(name, at_least):
    folder = FIXTURES / name
    found = [case for case in PAPERS if case.startswith(f"{name}/")]
    assert len(found) >= at_least, found
    assert all((FIXTURES / case).with_suffix(".json").exists() for case in found), found
    golds = {p.stem for p in folder.glob("*.json")}
    assert golds == {Path(case).stem for case in found}, "a gold file without its paper"


def test_every_exception_names_a_paper_and_a_kind_and_keeps_a_floor():
    for case, floors in EXCEPTIONS.items():
        assert case in PAPERS or case in PDF_FORMS, f"{case}: no such paper or PDF form"
        assert set(floors) <= set(KINDS), f"{case}: {set(floors) - set(KINDS)} are not kinds the scorer reports"
        # A floor of 0 checks nothing: a kind the parsers cannot do yet is None, with a comment.
        assert all(floor is None or 0 < floor <= 1 for floor in floors.values()), (case, floors)
    for case in PDF_FORMS:
        assert (FIXTURES / case.split("/")[0] / PDF_FORMS[case][0]).exists(), case
