"""Which PDF reader reads: pdfium (the fast path, :mod:`.pdf_pdfium`) or pdfplumber
(pdfminer; also the fallback for pages pdfium cannot read).

``BOARDPAPERS_READER`` sets the default, so worker processes and machines get the choice with
the environment; ``--reader`` sets it on the command line.
"""

from __future__ import annotations

import os

READERS = ("pdfium", "pdfplumber")
READER_ENV = "BOARDPAPERS_READER"


def default_reader() -> str:
    chosen = os.environ.get(READER_ENV, "").strip().lower()
    return chosen if chosen in READERS else READERS[0]
