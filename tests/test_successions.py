"""Follow-ups across successive meetings of one body, in two house styles, as text and as PDF.

Hartsdale (text minutes): "ACTION: X to ..." lines, the next minutes' "Matters arising" naming
each earlier minute with its status in words ("Partially completed", "Carried forward"), then an
action log with a "Meeting" column. Eastmoor (markdown notes): an action table per meeting, the
next meeting's "Actions from the last meeting" table with a status column, then an action log
"as at" a date with "Date raised", "RAG" and "Update" columns. ``expected.json`` holds the latest
status of every action as read by hand; the test checks each, that every follow-up runs forward
in time, and the precision of "done" over everything checked here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from succession_pdfs import rendering_pdf

from boardpapers.db.load import open_db
from boardpapers.extract.cli import main

SETS = Path(__file__).parent / "fixtures" / "successions"
EXPECTED = json.loads((SETS / "expected.json").read_text())


def _build(folder: Path, db_path: Path) -> dict:
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = open_db(db_path)
    rows = db.execute(
        "select d.date as paper, s.text, s.status, s.evidence_date, s.evidence, f.earliest as paper_from "
        "from action_status s join documents d on d.id = s.document_id join paper_dates f on f.document_id = d.id"
    ).fetchall()
    follow = db.execute(
        "select s.set_on, l.earliest from action_followups f join action_status s on s.action_id = f.action_id "
        "join paper_dates l on l.document_id = f.later_document_id"
    ).fetchall()
    return {"statuses": rows, "followups": follow}


@pytest.fixture(scope="module", params=["text", "pdf"])
def built(request, tmp_path_factory):
    out = {}
    for name in ("hartsdale", "eastmoor"):
        folder = SETS / name
        if request.param == "pdf":
            folder = tmp_path_factory.mktemp(f"{name}-pdf")
            for f in sorted((SETS / name).iterdir()):
                (folder / f"{f.stem}.pdf").write_bytes(rendering_pdf(f.read_text(encoding="utf-8")))
        out[name] = _build(folder, tmp_path_factory.mktemp(name) / "b.db")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hartsdale", "eastmoor"])
def test_every_action_has_its_hand_checked_latest_status(built, name):
    got = built[name]["statuses"]
    for paper, start, status, evidence_date in EXPECTED[name]:
        hits = [r for r in got if r[0] == paper and r[1].startswith(start)]
        assert len(hits) == 1, (paper, start, [r[:2] for r in got])
        assert (hits[0][2], hits[0][3]) == (status, evidence_date), (paper, start, hits[0])
    assert len(got) == len(EXPECTED[name])  # no action left unchecked


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hartsdale", "eastmoor"])
def test_follow_ups_run_forward_in_time(built, name):
    follow = built[name]["followups"]
    assert follow
    for set_on, later_from in follow:
        assert later_from >= set_on


@pytest.mark.slow
def test_overdue_names_the_paper_that_should_have_reported_it(built):
    overdue = [r for r in built["eastmoor"]["statuses"] if r[2] == "overdue"]
    assert overdue and all("should have reported it" in r[4] for r in overdue)


@pytest.mark.slow
def test_precision_of_done_over_every_hand_checked_action(built):
    said_done = right = 0
    for name, rows in built.items():
        for paper, start, status, _ in EXPECTED[name]:
            got = next(r[2] for r in rows["statuses"] if r[0] == paper and r[1].startswith(start))
            if got == "done":
                said_done += 1
                right += status == "done"
    assert said_done >= 10 and right / said_done >= 0.95


REALPDF = Path(__file__).parent.parent.parent / "shared" / "realpdf"


@pytest.mark.slow
def test_real_board_minutes_are_followed_forward_into_the_later_action_log(tmp_path):
    """The Transparency Board's minutes of 2 March 2011 and its action log headed only "2011": the
    log is dated from the meetings its rows report (the latest, 19 May 2011), so every link runs
    from the minutes to the log, and each action takes the log's status with its words."""
    papers = [
        REALPDF / "transparency-board-minutes-2011-03-02.pdf",
        REALPDF / "transparency-board-action-log-tb7-2011.pdf",
    ]
    if not all(p.exists() for p in papers):
        pytest.skip("../shared/realpdf is not beside the project")
    db_path = tmp_path / "b.db"
    result = CliRunner().invoke(main, ["build", *map(str, papers), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = open_db(db_path)
    log_from = db.execute("select earliest from paper_dates where date = '2011'").fetchone()[0]
    assert log_from == "2011-05-19"
    minutes = db.execute(
        "select s.status, s.stated, s.evidence, s.evidence_date, a.progress from action_status s "
        "join actions a on a.id = s.action_id where s.date = '2011-03-02'"
    ).fetchall()
    assert len(minutes) == 8
    for status, stated, evidence, evidence_date, _ in minutes:
        assert evidence_date == "2011", evidence  # every one reported by the later log
        expected = "done" if stated.lower().startswith("complet") else "in progress"
        assert stated in ("Complete", "On track", "Plan in place") and status == expected, (status, stated)
        assert stated in evidence
    backwards = db.execute(
        "select count(*) from action_followups f join action_status s on s.action_id = f.action_id "
        "join paper_dates l on l.document_id = f.later_document_id where l.earliest <= s.set_on"
    ).fetchone()[0]
    assert backwards == 0
    # The log's own rows keep their own words: "Complete" done, "On track" and "Plan in place" in progress.
    log = db.execute("select status, stated from action_status where date = '2011'").fetchall()
    assert log and all((s == "done") == (w.lower().startswith("comp")) for s, w in log), log
