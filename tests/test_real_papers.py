"""Real papers from bodies the rules were not written from: ``../shared/realdev`` and
``../shared/realpdf``, each scored against its gold by the yardstick itself
(``../shared/eval/score.py``), per document.

The floors are what the rules reach today, rounded down to 0.05 (``REAL_FLOORS``): a change
that drops any paper below its floor fails here, however much it lifts another. Raise a
floor when a paper improves. The papers are read from ``../shared``, never copied in.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SETS = [("realdev", "gold-realdev"), ("realpdf", "gold-realpdf")]

# Overall F1 per paper (the yardstick's macro over its kinds), floor = today rounded down to 0.05.
REAL_FLOORS: dict[str, float] = {
    "bswn-connecting-people-in-communities-1-year-report-2023-03": 1.0,
    "decoy-primary-accessibility-plan-2019-2022": 0.9,
    "decoy-primary-governors-bm-committee-minutes-2022-05-16": 0.95,
    "decoy-primary-governors-fgb-minutes-2022-05-23": 0.9,
    "decoy-primary-pe-sport-premium-report-2017-18": 0.9,
    "decoy-primary-pupil-premium-strategy-2019-2022": 0.95,
    "northwold-parish-council-minutes-2014-11": 0.95,
    "west-dereham-parish-council-draft-minutes-2017-06-01": 0.95,
    "yorkshire-imaging-collaborative-paediatric-group-minutes-2021-10-12": 1.0,
    "yorkshire-imaging-collaborative-vascular-ir-group-minutes-2021-02-08": 1.0,
    "cj-transparency-panel-minutes-2014-02-14": 1.0,
    "transparency-board-action-log-tb7-2011": 1.0,
    "transparency-board-minutes-2011-03-02": 1.0,
}


def _papers() -> list[tuple[Path, Path]]:
    out = []
    for papers, gold in SETS:
        for g in sorted((SHARED / gold).glob("*.json")):
            found = sorted((SHARED / papers).glob(g.stem + ".*"))
            if found:
                out.append((found[0], g))
    return out


def _yardstick():
    spec = importlib.util.spec_from_file_location("yardstick", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAPERS = _papers()


@pytest.mark.slow
@pytest.mark.skipif(not PAPERS, reason="../shared/realdev is not beside the project")
@pytest.mark.parametrize("paper, gold", PAPERS, ids=[p.stem for p, _ in PAPERS])
def test_real_paper_keeps_its_floor(paper: Path, gold: Path):
    yardstick = _yardstick()
    pred = json.loads(to_json(extract_path(paper)))
    result = yardstick.score_doc(json.loads(gold.read_text()), pred)
    f1 = yardstick.overall(result)
    assert f1 >= REAL_FLOORS[paper.stem] - 1e-9, f"{paper.name}: overall F1 {f1:.3f} < floor {REAL_FLOORS[paper.stem]}"


def test_every_real_paper_has_a_floor():
    assert {p.stem for p, _ in PAPERS} <= set(REAL_FLOORS), "a new real paper needs its floor"
    assert all(f > 0 for f in REAL_FLOORS.values()), "a floor of 0 asserts nothing"
