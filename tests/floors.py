"""The floors of the gold fixtures, in one table, and the one check of them.

Each fixture set below is a folder of ``tests/fixtures/`` whose papers have hand-written gold
beside them (``NAME.json``). Every paper of a set, and every PDF form of one, must reach the
set's floor on every record kind the scorer (``boardpapers.extract.evaluate``) reports, but
where ``EXCEPTIONS`` says otherwise: a lower floor (what the parsers reach today, rounded down
to 0.05; raise it as the rules improve), or ``None`` for a kind the parsers cannot do yet on
that paper (the comment names what is missing; give it a floor when they can).

A floor of 1.00 on a kind a paper has no gold records of asks for no records of it: a
performance report yields no attendees, a plan no indicator values it does not show.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from boardpapers.extract.evaluate import f1_by_kind

KINDS = list(f1_by_kind({}, {}))  # every kind the scorer reports

# The floor of every kind of every paper in the set.
SETS: dict[str, float] = {
    # Other councils' paper types (a scrutiny committee's minutes, a cover report to a board,
    # an agenda pack bundling minutes, an annual report).
    "cross_variants": 1.0,
    # Minutes layouts: what every variant reached when the rules were written (1.00), less a little.
    "minutes_variants": 0.95,
    # Plans and scrutiny reports with delivery-plan tables, measures, executive responses.
    "plan_variants": 1.0,
    # Performance reports and agenda packs: caption rows, bare months, status grids, months down.
    "performance_variants": 1.0,
}

# Per paper ("SET/FILE", a PDF form as "SET/STEM.pdf"): kind -> floor, or None for no floor yet.
EXCEPTIONS: dict[str, dict[str, float | None]] = {
    "cross_variants/kirkdale-scrutiny-committee-minutes.txt": {
        "metadata": 0.87,  # 0.875: Kirkdale is not in the gazetteer (place is read as Lancashire)
    },
    "cross_variants/safer-hallam-board-cover-report.txt": {
        "metadata": 0.75,  # Hallam is not in the gazetteer
    },
    "cross_variants/northmoor-panel-cover-report-q2.txt": {
        # 0.00 today: "The Panel is asked to note ..." is not read as a recommendation put to a body.
        "decisions": None,
        "metadata": 0.5,  # no 'report' doc type yet (read as a performance report); Northmoor is not in the gazetteer
    },
    "cross_variants/tamebridge-agenda-pack-minutes.txt": {
        "metadata": 0.75,  # Tamebridge is not in the gazetteer; the end time is the bundled minutes' one
    },
    "cross_variants/wrexford-csp-annual-report.txt": {
        # 0.00 today: missing, indicators read from prose figures ("Total recorded crime in Wrexford
        # fell to 15,212 offences in 2019/20"); the paper has no table of them, so none are found.
        "indicators": None,
        "indicators+owner+target": None,
        "indicator_values": None,
        "metadata": 0.5,  # classified as a plan, not a performance report; Wrexford is not in the gazetteer
    },
    "plan_variants/thornbury-csp-delivery-plan-2022-23.txt": {
        "metadata": 0.75,  # Thornbury is not in the gazetteer
    },
    "plan_variants/thornbury-csp-delivery-plan-2022-23.pdf": {
        "metadata": 0.75,  # Thornbury is not in the gazetteer
    },
    "performance_variants/halbury-kpi-cards-q3-2023-24.txt": {
        "metadata": 0.75,  # Halbury is not in the gazetteer
    },
    "performance_variants/kestrel-targets-actuals-2023.txt": {
        "metadata": 0.5,  # a "monitoring return" is not read as a performance report, nor the fund as its body
    },
    "performance_variants/kestrel-targets-actuals-2023.pdf": {
        "metadata": 0.5,  # as its text form
    },
    "performance_variants/ashcombe-youth-fund-impact-2022-23.md": {
        "metadata": 0.75,  # Ashcombe is not in the gazetteer
    },
    "minutes_variants/swindon-initials-column.pdf": {
        # Not a gap of the parsers: this PDF form sets the text form's Item/Notes/Action grid as
        # numbered minutes with the initials in a margin, so the gold's table is not in it.
        "tables": None,
        "tables+rows": None,
    },
}


def floors_of(case: str) -> dict[str, float]:
    """The floors of one paper, ``SET/FILE``: its set's floor on every kind, with its exceptions."""
    floor = SETS[case.split("/", 1)[0]]
    own = EXCEPTIONS.get(case, {})
    floors = {kind: own.get(kind, floor) for kind in KINDS}
    return {kind: value for kind, value in floors.items() if value is not None}


def assert_floors(name: str, gold: dict, pred: dict, floors: Mapping[str, float]) -> None:
    """Fail naming the paper, every kind below its floor, and all its scores."""
    scores = f1_by_kind(gold, pred)
    low = {kind: round(scores[kind], 3) for kind, floor in floors.items() if scores[kind] < floor - 1e-9}
    assert not low, f"{name}: below its floors {low}\n{json.dumps(scores, indent=1)}"
