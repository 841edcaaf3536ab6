"""The pipeline: which rules read which paper, and what happens when one fails."""

from boardpapers.extract.pipeline import extract_path


def test_a_paper_of_no_known_type_still_has_its_tables_read(tmp_path):
    path = tmp_path / "update.txt"
    path.write_text(
        "Community Safety Update\n\nAction\tLead\tBy when\nRefresh the ASB policy\tJo Bloggs\tMarch 2020\n"
        "Launch the hate crime campaign\tAli Khan\tSummer 2020\n"
    )
    e = extract_path(path)
    assert e.doc_type is None
    assert [(a.owner, a.due_date, a.due_approximate) for a in e.actions] == [
        ("Jo Bloggs", "2020-03-31", False),
        ("Ali Khan", "2020-08-31", True),
    ]


def test_prose_of_no_known_type_yields_no_actions_or_indicators(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleague,\n\nThank you for your letter about the park. We will reply soon.\n")
    e = extract_path(path)
    assert (e.actions, e.indicators, e.decisions) == ([], [], [])


# --- routing: the doc type chooses priorities, not permission ---------------------------------


def extract_text(tmp_path, text, name="paper.txt"):
    path = tmp_path / name
    path.write_text(text)
    return extract_path(path)


def test_recommendations_put_to_a_board_are_read_in_a_plan(tmp_path):
    e = extract_text(
        tmp_path,
        "Fenby Community Safety Plan 2021-24\n\n1. Recommendations\n\n"
        "The Partnership Board is asked to:\n\n(a) approve the plan;\n(b) note the priorities for 2021/22.\n\n"
        "2. Our priorities\n\nSerious violence and domestic abuse.\n",
    )
    assert e.doc_type == "plan"
    assert [d.text for d in e.decisions] == ["approve the plan", "note the priorities for 2021/22"]
    # The same in a cover report: addressed to a board, asking it to decide.
    e = extract_text(
        tmp_path,
        "Report to: Fenby Partnership Board\n\nDate: 3 March 2021\n\n1. Recommendations\n\n"
        "The Board is asked to:\n\n(a) approve the funding bid;\n(b) note the risks.\n",
    )
    assert (e.doc_type, e.body) == ("report", "Fenby Partnership Board")
    assert [d.text for d in e.decisions] == ["approve the funding bid", "note the risks"]


def test_an_action_log_is_read_in_a_performance_report(tmp_path):
    e = extract_text(
        tmp_path,
        "Fenby Partnership Quarterly Performance Report\n\nQ2 2021/22\n\n"
        "| Indicator | Q1 | Q2 |\n|---|---|---|\n| Burglary | 41 | 37 |\n\n"
        "Actions from the last meeting\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Review the burglary hotspots | Ann Lee | December 2021 |\n",
        name="perf.md",
    )
    assert e.doc_type == "performance_report"
    assert [(a.text, a.owner, a.due) for a in e.actions] == [
        ("Review the burglary hotspots", "Ann Lee", "December 2021")
    ]
    assert e.indicators


def test_a_numeric_table_is_read_in_a_plan(tmp_path):
    e = extract_text(
        tmp_path,
        "# Elm Tree School Improvement Plan 2021-22\n\n## Attainment last year\n\n"
        "| Measure | Score |\n|---|---|\n| Reading | 72% |\n| Maths | 68% |\n",
        name="plan.md",
    )
    assert e.doc_type == "plan"
    assert sorted(i.name for i in e.indicators) == [
        "Attainment last year - Maths",
        "Attainment last year - Reading",
    ] or sorted(i.name for i in e.indicators) == ["Maths", "Reading"]


def test_a_table_two_rule_sets_read_gives_its_records_once(tmp_path):
    """A table of indicators with targets and quarters is the performance rules' and the plan
    rules' both: it is read once, by the performance table readers, which read figures by period
    (in a plan too: the plan rules leave a table of figures by period to them)."""
    table = (
        "| Indicator | Target 2020/21 | Q1 | Q2 | Q3 | RAG |\n|---|---|---|---|---|---|\n"
        "| Burglary | 150 | 41 | 37 | 30 | Green |\n| Robbery | 40 | 11 | 9 | 12 | Amber |\n"
    )
    e = extract_text(tmp_path, "Fenby Performance Scorecard Q3 2020/21\n\n" + table, name="score.md")
    assert {i.provenance.parser.split(".")[0] for i in e.indicators} == {"performance"}
    assert len(e.indicators) == len({i.name for i in e.indicators}) >= 1
    e = extract_text(tmp_path, "Fenby Community Safety Plan 2020-23\n\n" + table, name="plan.md")
    assert e.doc_type == "plan"
    assert {i.provenance.parser.split(".")[0] for i in e.indicators} == {"performance"}
    assert sorted(i.name for i in e.indicators) == ["Burglary", "Robbery"]


def test_a_cover_report_bundled_in_an_agenda_pack_is_read_as_a_report(tmp_path):
    e = extract_text(
        tmp_path,
        "AGENDA\n\nFenby Partnership Board\n\nDate: 3 March 2021\n\n"
        "1. Apologies\n2. Serious violence duty: report of the Community Safety Manager (Pages 1 - 2)\n\n"
        "Report to: Fenby Partnership Board\n\nSerious violence duty\n\n"
        "The Board is asked to:\n\n(a) agree the partners' shares of the duty;\n(b) note the timetable.\n",
    )
    assert e.doc_type == "agenda_pack"
    assert [s.kind for s in e.sections] == ["agenda", "report"]
    assert [d.text for d in e.decisions] == ["agree the partners' shares of the duty", "note the timetable"]


def test_an_action_log_in_an_agenda_pack_without_minutes_is_read(tmp_path):
    e = extract_text(
        tmp_path,
        "AGENDA\n\nFenby Partnership Board\n\nDate: 3 March 2021\n\n1. Apologies\n2. Action log\n\n"
        "| Action | Owner | Due | Status |\n|---|---|---|---|\n"
        "| Map the night-time economy hotspots | Ann Lee | April 2021 | Open |\n",
        name="pack.md",
    )
    assert e.doc_type == "agenda_pack"
    assert [(a.text, a.owner) for a in e.actions] == [("Map the night-time economy hotspots", "Ann Lee")]
