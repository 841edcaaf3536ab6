"""The command line, through click's CliRunner."""

import json

from click.testing import CliRunner
from conftest import CORPUS, GOLD

from boardpapers.extract.cli import main


def test_every_command_has_help_text():
    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name


def test_extract_writes_one_json_per_paper_and_a_summary(tmp_path):
    paper = CORPUS / "portsmouth-spp-minutes-2009-12.txt"
    result = CliRunner().invoke(main, ["extract", str(paper), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    export = json.loads((tmp_path / f"{paper.stem}.json").read_text())
    assert export["doc_type"] == "minutes" and export["source"] == paper.name
    assert f"{paper.name}: minutes," in result.output


def test_a_bad_file_is_named_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a pdf at all")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = CORPUS / "portsmouth-spp-plan-2016-update.txt"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(bad), str(empty), str(good), "--out", str(out)])
    assert result.exit_code == 1
    assert "broken.pdf: not a PDF" in result.output and "empty.txt: the file is empty" in result.output
    assert "Traceback" not in result.output
    assert (out / f"{good.stem}.json").exists() and not (out / "broken.json").exists()
    assert "1 of 3 documents extracted" in result.output


def test_extract_accepts_a_folder(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a.txt").write_text("SAFER TESTTOWN PARTNERSHIP\n\nMinutes of the meeting held on 1 May 2018.\n")
    result = CliRunner().invoke(main, ["extract", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "a.json").exists()


def test_eval_prints_a_table_per_kind(tmp_path):
    paper = CORPUS / "portsmouth-spp-plan-2016-update.txt"
    result = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), str(paper)])
    assert result.exit_code == 0, result.output
    assert "tables+rows" in result.output and "overall F1" in result.output


def test_schema_prints_json_schema():
    result = CliRunner().invoke(main, ["schema", "--record", "Action"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False and "owner" in schema["properties"]
    assert CliRunner().invoke(main, ["schema", "--record", "Nope"]).exit_code != 0
