"""Performance reports and agenda packs in layouts the corpus does not have, each with a
hand-written gold file beside it (tests/fixtures/performance_variants/NAME.json), scored
with the project's evaluation rules against their floors in test_gold_fixtures.py (floors
in floors.py): a drop is a regression; raise them as rules improve. Here are the rules the
variants forced, one small case each.

ward-quarters.txt is titled "Anti-social Behaviour Update": no title says what it is, so the
classifier reads it as a performance report from its tables with period columns.
"""

from __future__ import annotations

# --- the rules the variants forced, one small case each -------------------------------------


def test_bare_month_takes_the_year_of_a_named_financial_year():
    from boardpapers.extract.parsers.performance import column_period, year_hint

    hint = year_hint(["Most popular datasets during Q2 2013/14"])
    assert column_period("July", hint).iso == "2013-07"
    assert column_period("January", hint).iso == "2014-01"
    assert column_period("July") is None  # no year named: not a period
    assert column_period("Total for Q2 2013/14").iso == "Q2"
    assert column_period("Apr-Jun 2019").iso == "Q1"


def test_caption_row_is_lifted_over_the_labels():
    from boardpapers.extract.readers.captions import lift_caption
    from boardpapers.schemas.document import Cell, Row, Table

    def row(*texts, header=False):
        return Row(cells=[Cell(text=t) for t in texts], header=header, page=1)

    t = Table(
        rows=[
            row("Calls in Q3 2019/20", "", "", header=True),
            row("Call type", "October", "November"),
            row("Emergency", "1,204", "1,187"),
        ],
        n_cols=3,
    )
    lifted = lift_caption(t)
    assert lifted.caption == "Calls in Q3 2019/20"
    assert lifted.header_texts() == ["Call type", "October", "November"]
    plan = Table(
        rows=[
            row("Priority 1", "", "", header=True),
            row("Reduce harm", "J Smith", "March 2017"),
            row("Support victims", "A Jones", "June 2017"),
        ],
        n_cols=3,
    )
    assert lift_caption(plan).caption is None  # a sub-heading over text rows stays


def test_status_words_are_not_numbers():
    from boardpapers.extract.language.numbers import is_status, parse_number

    assert is_status("Not Met") and is_status("✓") and is_status("Amber")
    assert parse_number("Met") is None
