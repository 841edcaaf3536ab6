"""Paper types from other councils that the corpus does not have (tests/fixtures/cross_variants/).

Invented but realistic: a council scrutiny committee's minutes with community safety as one
item ("RESOLVED that (a) ... (b) ..."), a cover report to a CSP board ("The Board is asked to:
(a) ... (b) ..." over a small performance table), an agenda pack bundling the previous
meeting's minutes, and a CSP annual report / strategic assessment summary. Gold written by
hand beside each. FLOOR is 1.00; BELOW holds what the parsers honestly reach today:

* the cover report's year columns give values whose series is the indicator name, and its
  "Change" column is read as a value;
* prose figures of the annual report are not indicators; it is classified as a plan;
* invented places are not in the gazetteer; the agenda pack's end time is the bundled
  minutes' one.
"""
import json
from pathlib import Path

import pytest
from floors import assert_floors

from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_path

VARIANTS = Path(__file__).parent / "fixtures" / "cross_variants"
PAPERS = sorted(VARIANTS.glob("*.txt"))
KINDS = ["decisions", "actions+owner", "action_due", "indicators+owner+target", "indicator_values",
         "attendees+status", "tables+rows", "metadata"]
FLOOR = 1.0
BELOW: dict[tuple[str, str], float] = {
    ("kirkdale-scrutiny-committee-minutes", "metadata"): 0.87,
    ("safer-hallam-board-cover-report", "indicator_values"): 0.0,
    ("safer-hallam-board-cover-report", "metadata"): 0.75,
    ("tamebridge-agenda-pack-minutes", "metadata"): 0.75,
    ("wrexford-csp-annual-report", "indicators+owner+target"): 0.0,
    ("wrexford-csp-annual-report", "indicator_values"): 0.0,
    ("wrexford-csp-annual-report", "metadata"): 0.5,
}


@pytest.fixture(scope="module")
def exports():
    return {p.stem: json.loads(to_json(extract_path(p))) for p in PAPERS}


def test_there_are_variants():
    assert len(PAPERS) >= 4 and all((VARIANTS / f"{p.stem}.json").exists() for p in PAPERS)


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_variant_reaches_its_floors(path, exports):
    gold = json.loads((VARIANTS / f"{path.stem}.json").read_text())
    assert_floors(path.stem, gold, exports[path.stem], {kind: BELOW.get((path.stem, kind), FLOOR) for kind in KINDS})
