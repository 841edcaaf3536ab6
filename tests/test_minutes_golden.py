"""The Portsmouth SPP minutes against their hand-written gold: the issue's floors."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, GOLD

from boardpapers.extract.evaluate import prf, score_document
from boardpapers.extract.export import to_json
from boardpapers.extract.pipeline import extract_path

FLOORS = {"decisions": 0.9, "actions+owner": 0.85, "attendees+status": 0.95, "metadata": 0.95}


@pytest.mark.parametrize("suffix", [".txt", pytest.param(".pdf", marks=pytest.mark.slow)])
def test_portsmouth_minutes_meet_the_floors(suffix, corpus_export):
    path = CORPUS / f"portsmouth-spp-minutes-2009-12{suffix}"
    if not path.exists():
        pytest.skip(f"{path.name} not in the corpus")
    gold = json.loads((GOLD / "portsmouth-spp-minutes-2009-12.json").read_text())
    pred = corpus_export(path.stem) if suffix == ".txt" else json.loads(to_json(extract_path(path)))
    scores = score_document(gold, pred)
    for kind, floor in FLOORS.items():
        assert prf(scores[kind])[2] >= floor, (kind, scores[kind])


def test_plymouth_agenda_pack_has_no_minutes(corpus_export):
    pred = corpus_export("plymouth-safer-plymouth-agenda-2017-01")
    assert not pred["attendees"] and not pred["actions"]
    assert all(not d["provenance"]["parser"].startswith("minutes") for d in pred["decisions"])
