"""The PDF reader's geometry tolerances live in one ``ReaderSettings`` object: ``read_pdf``
uses ``DEFAULT`` unless given another, and the values given are the ones the rules use."""

from __future__ import annotations

import dataclasses
import inspect
import re

import layoutgen
import pytest
from pdfgen import make_pdf, text

from boardpapers.extract.readers import read
from boardpapers.extract.readers.pdf import read_pdf
from boardpapers.extract.readers.settings import DEFAULT, ReaderSettings

# Three full-width sentences, 18 pt apart in 10 pt type: 8 pt of white space between lines.
SENTENCES = [
    "The partnership reviewed the latest community safety figures for the year to March.",
    "Reports of anti-social behaviour had fallen in most wards across the city this year.",
    "Members asked for more detail on repeat locations and on work with licensed premises.",
]


def _spaced_lines() -> bytes:
    return make_pdf([[text(72, 100 + 18 * k, s) for k, s in enumerate(SENTENCES)]])


def _paragraphs(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_the_paragraph_gap_factor_decides_how_lines_group():
    data = _spaced_lines()
    # 8 pt is over the default 0.6 em (6 pt): each line is a paragraph of its own.
    assert _paragraphs(read_pdf("spaced.pdf", data=data)) == SENTENCES
    # Allow a whole em (10 pt) between the lines of a paragraph: one paragraph.
    loose = dataclasses.replace(DEFAULT, paragraph_gap_em=1.0)
    assert _paragraphs(read_pdf("spaced.pdf", data=data, settings=loose)) == [" ".join(SENTENCES)]


def test_settings_reach_the_table_rules():
    data = layoutgen.build("borderless_table")
    assert len(read_pdf("table.pdf", data=data).tables()) == 1
    # The borderless table has 6 rows: wanting 50 rows of evidence leaves it as lines.
    strict = dataclasses.replace(DEFAULT, aligned_min_rows=50)
    assert read_pdf("table.pdf", data=data, settings=strict).tables() == []


def test_read_pdf_uses_the_default_instance(tmp_path):
    assert inspect.signature(read_pdf).parameters["settings"].default is DEFAULT
    assert DEFAULT == ReaderSettings()
    path = tmp_path / "two_columns.pdf"
    path.write_bytes(layoutgen.build("two_columns"))
    # readers.read (the CLI's entry) gives the same Document as an explicit default.
    assert read(path) == read_pdf(path, data=path.read_bytes(), settings=ReaderSettings())


def test_settings_are_frozen_and_every_field_names_its_unit():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.paragraph_gap_em = 1.0  # type: ignore[misc]
    units = re.compile(r".*_(pt|em|ratio|of_page_width|of_page_height|share|rows|count)$")
    assert [f.name for f in dataclasses.fields(ReaderSettings) if not units.fullmatch(f.name)] == []
