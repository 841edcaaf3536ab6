"""Shared fixtures: the bundled corpus, the optional ../shared folder, the golden switch."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
EXPECTED = CORPUS / "expected"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite corpus/expected/*.json from the current extraction (review the diff!).")


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
    """The corpus text papers through the real pipeline: (extraction, page texts, path) each."""
    from boardpapers.extract.pipeline import extract_document
    from boardpapers.extract.readers import read

    out = []
    for path in corpus_papers(".txt"):
        doc = read(path)
        out.append((extract_document(doc), doc.page_texts(), path))
    return out
