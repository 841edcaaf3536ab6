"""The record models: strict, deterministic ids, readable validation errors."""

import pytest
from pydantic import ValidationError

from boardpapers.schemas import Action, Provenance, format_validation_error
from boardpapers.schemas.document import Cell, Row, Table


def prov(**kw):
    base = dict(document_id="abc", page=2, text="Lisa Wills to confirm.", parser="minutes", parser_version="1")
    return Provenance(**{**base, **kw})


def test_id_is_a_hash_of_content_and_provenance():
    a = Action(text="Confirm attendance", owner="Lisa Wills", kind="minutes_action", provenance=prov())
    b = Action(text="Confirm attendance", owner="Lisa Wills", kind="minutes_action", provenance=prov())
    c = Action(text="Confirm attendance", owner="Lisa Wills", kind="minutes_action", provenance=prov(page=3))
    assert a.id == b.id != c.id and len(a.id) == 16


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError):
        Action(text="x", kind="minutes_action", provenance=prov(), colour="red")


def test_validation_error_reads_as_field_path_lines():
    with pytest.raises(ValidationError) as err:
        Action(text="x", kind="chore", due_date="31/12/2016", provenance={**prov().model_dump(), "page": 0})
    lines = format_validation_error(err.value)
    assert any(line.startswith("kind: ") for line in lines)
    assert any(line.startswith("due_date: ") for line in lines)
    assert any(line.startswith("provenance.page: ") for line in lines)


def test_two_row_header_joins_per_column_with_spanning_cells():
    rows = [
        Row(cells=[Cell(text=t) for t in ["", "Baseline period", "", "D.O.T", ""]], header=True, page=1),
        Row(cells=[Cell(text=t) for t in ["", "(%)", "(n)", "B", "LQ"]], header=True, page=1),
        Row(cells=[Cell(text=t) for t in ["Opiate", "5.6%", "48 / 851", "▲", "▲"]], page=1),
    ]
    table = Table(rows=rows, n_cols=5)
    assert table.header_texts() == ["", "Baseline period (%)", "Baseline period (n)", "D.O.T B", "D.O.T LQ"]
    assert len(table.body_rows) == 1
