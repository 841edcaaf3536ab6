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
