"""The manifest ``boardpapers fetch`` writes beside the papers, and ``build`` reads as metadata of record.

``<out>/manifest.json``::

    {"format": "boardpapers-manifest/1", "site": "https://democracy.example.gov.uk",
     "documents": [{"path": "community-safety-partnership/2024-01-15/minutes.pdf",
                    "url": "https://democracy.example.gov.uk/documents/s1234/Minutes.pdf",
                    "committee": "Community Safety Partnership", "committee_id": "123",
                    "meeting_date": "2024-01-15", "meeting_id": "456", "title": "Minutes",
                    "fetched_at": "2026-12-04T13:00:00+00:00", "sha256": "...", "bytes": 84211}]}

What the site says of a paper is what the council published it as: its committee is the paper's
body and its meeting date the paper's date, whatever the paper's own front page gives (its
evidence says "manifest"); its URL goes into every record's provenance (``origin_url``).
This module reads and writes that file only: no network (the client is :mod:`.moderngov`).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = "boardpapers-manifest/1"
MANIFEST = "manifest.json"
STATE = ".boardpapers-fetch"  # the HTTP cache and partial downloads, beside the manifest
# Document properties (Document.properties) a manifest entry gives the paper read from its file.
PROPERTY = {"committee": "manifest:committee", "meeting_date": "manifest:meeting_date", "url": "manifest:url"}
PROPERTY_TITLE = "manifest:title"


@dataclass
class Entry:
    path: str  # relative to the manifest's folder, with "/"
    url: str
    committee: str
    meeting_date: str  # ISO
    title: str
    committee_id: str | None = None
    meeting_id: str | None = None
    fetched_at: str | None = None
    sha256: str | None = None
    bytes: int | None = None


@dataclass
class Manifest:
    folder: Path
    site: str | None = None
    documents: list[Entry] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST

    def by_url(self) -> dict[str, Entry]:
        return {e.url: e for e in self.documents}

    def add(self, entry: Entry) -> None:
        """Add or replace the entry for its URL (a re-fetched paper keeps one entry)."""
        self.documents = [e for e in self.documents if e.url != entry.url and e.path != entry.path] + [entry]

    def save(self) -> None:
        """Written whole through a temporary file: a kill leaves the old manifest or the new one."""
        data = {"format": FORMAT, "site": self.site, "documents": [_compact(asdict(e)) for e in self.documents]}
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def load(folder: str | Path) -> Manifest | None:
    """The manifest in ``folder``, or None when it holds none (or a file of that name that is not ours)."""
    folder = Path(folder)
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    known = set(Entry.__dataclass_fields__)
    entries = []
    for d in data.get("documents") or []:
        if isinstance(d, dict) and {"path", "url", "committee", "meeting_date", "title"} <= d.keys():
            entries.append(Entry(**{k: v for k, v in d.items() if k in known}))
    return Manifest(folder=folder, site=data.get("site"), documents=entries)


def papers_in(folder: Path) -> tuple[list[Path], set[str]] | None:
    """For ``build``: the papers a folder's manifest lists that are there, in its order, and the
    names in the folder the fetch itself made (its sub-folders, the manifest, its state), which
    are not reported as skipped; None when the folder holds no manifest."""
    manifest = load(folder)
    if manifest is None:
        return None
    root = folder.resolve()
    files, own = [], {MANIFEST, STATE}
    for e in manifest.documents:
        f = folder / e.path
        try:
            inside = f.resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            continue
        if inside and f.is_file():
            files.append(f)
            own.add(Path(e.path).parts[0])
    return files, own


_CACHE: dict[Path, tuple[float, Manifest | None]] = {}


def entry_for(path: str | Path) -> Entry | None:
    """The manifest entry of a paper's file: the manifest is in its folder or up to two above
    (``<out>/<committee>/<date>/<file>``)."""
    f = Path(path)
    try:
        real = f.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in list(real.parents)[:3]:
        m = folder / MANIFEST
        try:
            mtime = m.stat().st_mtime
        except OSError:
            continue
        cached = _CACHE.get(m)
        if cached is None or cached[0] != mtime:
            cached = _CACHE[m] = (mtime, load(folder))
        manifest = cached[1]
        if manifest is None:
            continue
        for e in manifest.documents:
            if (folder / e.path).resolve() == real:
                return e
    return None


def properties(entry: Entry) -> dict[str, str]:
    """What the manifest says of a paper, as Document properties."""
    out = {key: getattr(entry, name) for name, key in PROPERTY.items() if getattr(entry, name)}
    if entry.title:
        out[PROPERTY_TITLE] = entry.title
    return out


def of_record(meta, doc):
    """The paper's metadata with the manifest's committee as its body and meeting date as its date.

    The council published the paper under that committee and meeting: that is its metadata of
    record, over what the rules read from its front page (which the evidence still shows)."""
    committee = doc.properties.get(PROPERTY["committee"])
    date = doc.properties.get(PROPERTY["meeting_date"])
    if not committee and not date:
        return meta
    update, evidence = {}, dict(meta.evidence)
    if committee:
        update["body"] = committee
        read = f"; the paper reads {meta.body!r}" if meta.body and meta.body != committee else ""
        evidence["body"] = f"manifest: the committee the paper was published under: {committee}{read}"
    if date:
        update["date"] = date
        read = f"; the paper reads {meta.date}" if meta.date and meta.date != date else ""
        evidence["date"] = f"manifest: the date of the meeting the paper was published for: {date}{read}"
    update["evidence"] = evidence
    return meta.model_copy(update=update)
