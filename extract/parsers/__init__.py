"""Parsers: ``parse_x(doc, ctx) -> Iterator[Record]``. They open no files.

Each module reads one kind of paper or record; ``boardpapers.extract.pipeline`` decides
which run on which document (or agenda-pack section) and gathers what they yield.
"""
