"""One check for every fixture set with hand-written gold: each record kind reaches its F1 floor."""
from __future__ import annotations

import json
from collections.abc import Mapping

from boardpapers.extract.evaluate import f1_by_kind


def assert_floors(name: str, gold: dict, pred: dict, floors: Mapping[str, float]) -> None:
    """Fail naming the paper, every kind below its floor, and all its scores."""
    scores = f1_by_kind(gold, pred)
    low = {kind: round(scores[kind], 3) for kind, floor in floors.items() if scores[kind] < floor - 1e-9}
    assert not low, f"{name}: below its floors {low}\n{json.dumps(scores, indent=1)}"
