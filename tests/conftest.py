"""Shared fixtures: the bundled corpus, the optional ../shared folder, the golden switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
EXPECTED = CORPUS / "expected"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite corpus/expected/*.json from the current extraction (review the diff!).",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def corpus_papers(suffix: str) -> list[Path]:
    return sorted(CORPUS.glob(f"*{suffix}"))


@pytest.fixture(scope="session")
def corpus_loads():
    """The corpus text papers through the real pipeline, once a session: (extraction, page
    texts, path) each. Read them; do not change them (corpus_extraction gives a copy)."""
    from boardpapers.extract.pipeline import extract_document
    from boardpapers.extract.readers import read

    out = []
    for path in corpus_papers(".txt"):
        doc = read(path)
        out.append((extract_document(doc), doc.page_texts(), path))
    return out


@pytest.fixture(scope="session")
def corpus_json(corpus_loads) -> dict[str, str]:
    """The JSON export (text) of each corpus text paper by stem, made once a session."""
    from boardpapers.extract.export import to_json

    return {path.stem: to_json(extraction) for extraction, _, path in corpus_loads}


@pytest.fixture(scope="session")
def corpus_export(corpus_json):
    """``corpus_export(stem)``: the JSON export of a corpus text paper, extracted once a session
    (a fresh dict each call)."""
    return lambda stem: json.loads(corpus_json[stem])


@pytest.fixture(scope="session")
def corpus_extraction(corpus_loads):
    """``corpus_extraction(stem)``: the extraction of a corpus text paper, extracted once a
    session (a deep copy each call)."""
    by_stem = {path.stem: extraction for extraction, _, path in corpus_loads}
    return lambda stem: by_stem[stem].model_copy(deep=True)
