"""``boardpapers build | load | serve`` through click's CliRunner."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.extract.cli import choose_renderings, main

CORPUS = Path(__file__).parent.parent / "corpus"
MINUTES = "portsmouth-spp-minutes-2009-12"
PLAN = "portsmouth-spp-plan-2016-update"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_db_command_has_help():
    for command in ("build", "load", "serve"):
        result = run(command, "--help")
        assert result.exit_code == 0 and len(result.output.splitlines()[2].strip()) > 20


def test_one_rendering_per_paper():
    files = [Path("c/a.pdf"), Path("c/a.txt"), Path("c/b.pdf"), Path("c/d.txt")]
    assert choose_renderings(files) == [
        (Path("c/a.txt"), Path("c/a.pdf")),
        (Path("c/b.pdf"), None),
        (Path("c/d.txt"), None),
    ]
    assert choose_renderings(files, "pdf")[0] == (Path("c/a.pdf"), Path("c/a.txt"))


def test_build_goes_on_past_a_bad_file_and_fails_at_the_end(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for stem in (MINUTES, PLAN):
        shutil.copy(CORPUS / f"{stem}.txt", papers)
    (papers / "broken.pdf").write_bytes(b"not a pdf at all")
    (papers / "README.md").write_text("# Notes about this folder, not a paper\n")
    db_path = tmp_path / "b.db"
    result = run("build", str(papers), "--db", str(db_path))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    db = Database(db_path)
    assert {r["source"] for r in db["documents"].rows} == {f"{MINUTES}.txt", f"{PLAN}.txt"}
    assert [r["source"] for r in db.query("select source from problems where code = 'build_failed'")] == ["broken.pdf"]
    assert db["document_pages"].count > 2
    run_row = next(db.query("select * from runs"))
    assert (run_row["loaded"], run_row["failed"]) == (2, 1)

    # Again: nothing changes but a new row in runs.
    before = {t: db[t].count for t in db.table_names() if t != "runs"}
    result = run("build", str(papers), "--db", str(db_path))
    assert "2 unchanged, skipped" in result.output  # skipped before reading: content hash + parser version
    assert before == {t: db[t].count for t in db.table_names() if t != "runs"}
    assert db["runs"].count == 2


def test_build_loads_the_text_twin_and_links_to_it(tmp_path):
    for suffix in (".txt", ".pdf"):
        shutil.copy(CORPUS / f"{MINUTES}{suffix}", tmp_path)
    db_path = tmp_path / "b.db"
    result = run("build", str(tmp_path), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    db = Database(db_path)
    (doc,) = list(db["documents"].rows)
    assert doc["source"] == f"{MINUTES}.txt" and doc["source_url"] == f"/papers/{doc['id']}/{MINUTES}.txt"


def test_load_exported_json(tmp_path):
    out = tmp_path / "json"
    assert run("extract", str(CORPUS / f"{MINUTES}.txt"), "--out", str(out)).exit_code == 0
    db_path = tmp_path / "b.db"
    (tmp_path / "json" / "bad.json").write_text("{}")
    result = run("load", str(out), "--db", str(db_path))
    assert result.exit_code == 1 and "bad.json" in result.output
    assert Database(db_path)["documents"].count == 1
    assert "[unchanged]" in run("load", str(out / f"{MINUTES}.json"), "--db", str(db_path)).output


def test_a_warm_rebuild_keeps_its_links_and_a_change_relinks(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / "portsmouth-spp-minutes-2009-12.txt", papers)
    db = tmp_path / "x.db"
    first = CliRunner().invoke(main, ["build", str(papers), "--db", str(db)])
    assert first.exit_code == 0 and "linked:" in first.output
    warm = CliRunner().invoke(main, ["build", str(papers), "--db", str(db)])
    assert warm.exit_code == 0 and "1 unchanged, skipped" in warm.output and "linked:" not in warm.output
    shutil.copy(CORPUS / "portsmouth-spp-plan-2016-update.txt", papers)
    changed = CliRunner().invoke(main, ["build", str(papers), "--db", str(db)])
    assert "linked:" in changed.output
    assert Database(db)["person_mentions"].count > 0


def test_serve_refuses_a_database_an_interrupted_build_left_unindexed(tmp_path):
    from boardpapers.db.load import open_db

    open_db(tmp_path / "half.db", bulk=True).conn.close()  # what a build killed mid-way leaves
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "half.db")])
    assert result.exit_code != 0 and "run the same build again" in result.output
