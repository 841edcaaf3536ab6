"""The link step on a database of the corpus, ../shared/realdev and ../shared/realpdf: what a
scrutiny officer would check first. No organisation, facility or post is a person; each record
counts once per theme; a theme is found by its everyday names (ASB, VAWG); every follow-up runs
forward in time; every "done" says which words of which paper made it so."""

from __future__ import annotations

import asyncio

import pytest
from click.testing import CliRunner
from datasette_client import get

from boardpapers.db.load import open_db
from boardpapers.db.serve import make_datasette
from boardpapers.extract.cli import main
from boardpapers.extract.language.owners import ORG_WORDS, PLACE_WORDS, is_not_a_person
from boardpapers.extract.language.statuses import DONE, classify_status

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db_path(shared, tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "boardpapers.db"
    folders = [shared / "corpus", shared / "realdev", shared / "realpdf"]
    result = CliRunner().invoke(main, ["build", *map(str, folders), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_no_organisation_facility_or_post_is_a_person(db_path):
    names = [r[0] for r in open_db(db_path).execute("select name from people")]
    assert len(names) > 100
    bad = [n for n in names if is_not_a_person(n) or any(w.lower() in ORG_WORDS | PLACE_WORDS for w in n.split())]
    assert bad == []


def test_one_person_per_name_across_a_paper_without_a_place(db_path):
    db = open_db(db_path)
    twice = db.execute("select name, count(*) from people group by name having count(*) > 1").fetchall()
    assert twice == []  # the governors and the national panel's chair are one person each


def test_theme_by_place_counts_each_record_once_per_theme(db_path):
    db = open_db(db_path)
    rows = db.execute(
        "select theme_key, place, priorities + indicators + decisions + actions from theme_by_place"
    ).fetchall()
    assert rows
    for key, place, counted in rows:
        distinct = db.execute(
            "select count(distinct record_table || record_id) from record_themes where theme = ? and place is ?",
            (key, place),
        ).fetchone()[0]
        assert counted == distinct, (key, place)


def test_a_theme_is_found_by_its_everyday_names(db_path):
    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    for words in ("ASB", "anti-social behaviour", "VAWG", "DA"):
        found = get(ds, f"/boardpapers/theme_records.json?theme={words}&_shape=array").json()
        assert found, words


def test_every_follow_up_runs_forward_in_time(db_path):
    db = open_db(db_path)
    rows = db.execute(
        "select s.set_on, l.earliest from action_followups f join action_status s on s.action_id = f.action_id "
        "join paper_dates l on l.document_id = f.later_document_id"
    ).fetchall()
    assert rows
    assert all(later >= set_on for set_on, later in rows)


def test_every_done_gives_the_words_and_paper_it_came_from(db_path):
    db = open_db(db_path)
    done = db.execute(
        "select stated, evidence, evidence_document_id, document_id from action_status where status = 'done'"
    ).fetchall()
    assert len(done) >= 15
    for stated, evidence, _, _ in done:
        assert stated and stated in evidence
        assert classify_status(stated, cell=True)[0] == DONE or stated.startswith("on the agenda")
