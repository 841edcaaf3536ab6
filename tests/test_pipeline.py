"""The pipeline: which rules read which paper, and what happens when one fails."""
from boardpapers.extract.pipeline import extract_path


def test_a_paper_of_no_known_type_still_has_its_tables_read(tmp_path):
    path = tmp_path / "update.txt"
    path.write_text("Community Safety Update\n\nAction\tLead\tBy when\nRefresh the ASB policy\tJo Bloggs\tMarch 2020\n"
                    "Launch the hate crime campaign\tAli Khan\tSummer 2020\n")
    e = extract_path(path)
    assert e.doc_type is None
    assert [(a.owner, a.due_date, a.due_approximate) for a in e.actions] == [
        ("Jo Bloggs", "2020-03-31", False), ("Ali Khan", "2020-08-31", True)]


def test_prose_of_no_known_type_yields_no_actions_or_indicators(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleague,\n\nThank you for your letter about the park. We will reply soon.\n")
    e = extract_path(path)
    assert (e.actions, e.indicators, e.decisions) == ([], [], [])
