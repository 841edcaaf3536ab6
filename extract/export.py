"""Per-document JSON export in the shape of the gold README, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from boardpapers.schemas.records import Extraction


def to_json(extraction: Extraction) -> str:
    """Deterministic: the same paper and parser version give byte-identical output."""
    return json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def write_json(extraction: Extraction, out_dir: str | Path, stem: str) -> Path:
    """Write ``out_dir/<stem>.json`` through a temporary file, so a crash leaves no half file."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{stem}.json"
    fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".json.tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(to_json(extraction))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read_json(path: str | Path) -> Extraction:
    return Extraction.model_validate_json(Path(path).read_text(encoding="utf-8"))
