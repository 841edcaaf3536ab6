"""The link step on the corpus text papers plus two invented later SPP minutes
(tests/fixtures/followups/), through ``boardpapers build`` and Datasette's test client:
a person across papers, open actions of a body after following them up, a theme side by side."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette_client import get

from boardpapers.db.load import open_db
from boardpapers.db.serve import make_datasette
from boardpapers.extract.cli import main

ROOT = Path(__file__).parent.parent
FOLLOWUPS = Path(__file__).parent / "fixtures" / "followups"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("linked") / "boardpapers.db"
    papers = [str(p) for p in sorted((ROOT / "corpus").glob("*.txt"))] + [str(FOLLOWUPS)]
    result = CliRunner().invoke(main, ["build", *papers, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "linked:" in result.output
    return db_path


@pytest.fixture(scope="module")
def site(built):
    ds = make_datasette(built)
    asyncio.run(ds.invoke_startup())
    return ds


def rows(ds, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    return get(ds, f"{path}{sep}_shape=array&_size=max").json()


def test_everything_assigned_to_lisa_wills_across_papers(site):
    assigned = rows(site, "/boardpapers/assigned_to_person.json?name=Lisa+Wills")
    years = {r["date"][:4] for r in assigned if r["role"] == "action owner"}
    assert {"2009", "2016"} <= years
    kinds = {(r["date"][:4], r["body"]) for r in assigned}
    assert ("2009", "Safer Portsmouth Partnership") in kinds and ("2016", "Safer Portsmouth Partnership") in kinds
    # Initials in the 2009 minutes, a post in the 2016 scrutiny review: both resolved to her, with the evidence.
    assert any(r["as_written"] == "LW" and "initials" in r["resolved_by"] for r in assigned)
    post = [r for r in assigned if r["as_written"] and r["as_written"].startswith("Strategy and Partnership")]
    assert post and all("is the role of Lisa Wills" in r["resolved_by"] for r in post)
    # The latest status of her 2009 communication-strategy action comes from the January 2010 minutes.
    comms = [r for r in assigned if r["text"].startswith("SPP Communication Strategy") and r["date"] == "2009-12-03"]
    assert comms and comms[0]["status"] == "done"


def test_lisa_wills_person_page_and_mentions(site):
    person = rows(site, "/boardpapers/people.json?name=Lisa+Wills")
    assert len(person) == 1 and person[0]["papers"] >= 4
    mentions = rows(site, "/boardpapers/person.json?name=Lisa+Wills")
    roles = {(m["role"], m["doc_type"], m["date"][:4]) for m in mentions}
    assert ("attendee", "minutes", "2009") in roles
    assert ("action owner", "plan", "2016") in roles
    assert ("witness", "scrutiny_report", "2016") in roles
    page = get(site, f"/boardpapers/people/{person[0]['person_id']}").text
    assert "Lisa Wills" in page and "person_mentions" in page


def test_name_variants_are_merged_with_evidence(site):
    merges = rows(site, "/boardpapers/person_merges.json")
    by_pair = {frozenset((m["name_a"], m["name_b"])): m for m in merges}
    assert by_pair[frozenset(("Jo Cookes", "Jo Crookes"))]["decision"] == "merged"
    assert by_pair[frozenset(("Rob Newman", "Robert Newman"))]["rule"] == "nickname"
    assert by_pair[frozenset(("Dave Peacock", "David Peacock"))]["decision"] == "merged"
    assert by_pair[frozenset(("Dave Smith", "Matt Smith"))]["decision"] == "kept apart"
    jo = rows(site, "/boardpapers/people.json?name=Jo+Crookes")
    assert set(json.loads(jo[0]["variants"])) == {"Jo Cookes", "Jo Crookes", "Jo Crooks"}
    assert not rows(site, "/boardpapers/people.json?name=Jo+Crooks")  # one person, not two


def test_actions_followed_into_later_minutes(site):
    history = {(r["text"][:30], r["later_date"]): r for r in rows(site, "/boardpapers/action_history.json?words=")}
    assert history[("SPP Communication Strategy (pa", "2010-01-14")]["status"] == "done"
    assert history[("Southsea ASB Problem Profile", "2010-03-11")]["status"] == "done"
    assert history[("A&E & Ambulance Data collectio", "2010-03-11")]["status"] == "overdue"  # Ongoing after January
    assert history[('Adult offender analysis - "Wha', "2010-03-11")]["status"] == "dropped"
    assert history[("Total Place to be on the agend", "2010-01-14")]["rule"] == "agenda item"
    for r in history.values():
        assert r["later_date"] > r["date"]


def test_open_actions_of_the_safer_portsmouth_partnership(site):
    open_ = rows(site, "/boardpapers/open_actions_of.json?body=Safer+Portsmouth")
    texts = [r["text"] for r in open_]
    assert all(r["status"] in ("open", "planned", "in progress", "overdue") for r in open_)
    # A plan's activity nobody has reported on is planned, not open, and never done by its measure.
    assert {r["status"] for r in open_ if r["kind"] == "plan_activity"} == {"planned"}
    assert all("Safer Portsmouth Partnership" == r["body"] for r in open_)
    assert any(t.startswith("A&E & Ambulance Data collection") for t in texts)
    assert any(t.startswith("To complete DA strategic review") for t in texts)  # the 2016 plan
    for done in (
        "SPP Communication Strategy",
        "Southsea ASB Problem Profile",
        "Adult offender analysis",
        "SPP Pot – COVAID",
    ):
        assert not any(t.startswith(done) for t in texts), done
    # A later log row that reports on an earlier action is not listed again.
    assert sum(t.startswith("A&E & Ambulance Data collection") for t in texts) == 1
    overdue = [r for r in open_ if r["status"] == "overdue"]
    assert overdue and all(r["due_date"] for r in overdue)


def test_domestic_abuse_side_by_side(site):
    places = {r["place"]: r for r in rows(site, "/boardpapers/compare_theme.json?theme=domestic+abuse")}
    assert {"Portsmouth", "Plymouth", "Peterborough"} <= set(places)
    assert places["Portsmouth"]["priorities"] == "Domestic abuse"
    assert "Domestic Abuse and Sexual Violence" in places["Peterborough"]["priorities"]
    assert "Bruce Marr" in places["Portsmouth"]["leads"]
    assert "Julia Cullum" in places["Peterborough"]["leads"]
    assert places["Peterborough"]["indicators"] >= 3 and places["Peterborough"]["latest_figures"]
    # Each latest figure with its full period: a quarter with its year, never last year's row.
    assert "Increase referrals to Domestic Abuse Services = 1044 (2016/17 Q2)" in places["Plymouth"]["latest_figures"]
    assert "IDVA - Repeat Rate = 26% (2018/19 Q2)" in places["Peterborough"]["latest_figures"]
    assert places["Portsmouth"]["targets"]
    by_place = rows(site, "/boardpapers/theme_by_place.json?theme=Domestic+abuse+and+sexual+violence")
    assert {"Portsmouth", "Plymouth", "Peterborough"} <= {r["place"] for r in by_place}
    evidence = rows(site, "/boardpapers/theme_records.json?theme=domestic_abuse")
    assert all(r["matched"] for r in evidence)


def test_link_is_repeatable_and_keeps_a_reviewed_decision(built, tmp_path):
    db = open_db(built)
    before = db.execute("select count(*) from person_mentions").fetchone()[0]
    db.execute(
        "update person_merges set decision = 'kept apart', reviewed = 1 "
        "where name_a in ('Rob Newman', 'Robert Newman') and name_b in ('Rob Newman', 'Robert Newman')"
    )
    db.conn.commit()
    result = CliRunner().invoke(main, ["link", "--db", str(built)])
    assert result.exit_code == 0, result.output
    assert db.execute("select count(*) from person_mentions").fetchone()[0] == before
    assert db.execute("select count(*) from people where name in ('Rob Newman', 'Robert Newman')").fetchone()[0] == 2
    row = db.execute(
        "select decision, reviewed from person_merges where name_a in ('Rob Newman', 'Robert Newman')"
    ).fetchone()
    assert row == ("kept apart", 1)
