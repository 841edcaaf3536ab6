"""Parser for minutes sections (being written: see the issue tracker)."""
from __future__ import annotations

from collections.abc import Iterator

from boardpapers.extract.parsers.common import Context, Section
from boardpapers.schemas.records import Record

PARSER = "minutes"
VERSION = "0"


def parse(section: Section, ctx: Context) -> Iterator[Record]:
    return iter(())
