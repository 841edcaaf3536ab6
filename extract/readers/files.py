"""Which files are papers, and reading one safely.

- A folder gives its ``.pdf``, ``.txt`` and ``.md`` files. Everything else in it is skipped
  with a reason the build prints, one line each (issue 14: files used to vanish without a
  word): other formats, sub-folders, hidden files, a folder's README, links that lead out
  of the folder (a link to ``/etc/passwd`` among the papers is not a paper), anything that
  is not a regular file (a named pipe would block the build for ever), and a second name
  for a file already in the batch.
- A file named on the command line is read whatever its name: the user chose it. It must
  still be a regular file no larger than :data:`MAX_BYTES` (``/dev/zero`` would fill the
  memory).
- File names are shown and stored through :func:`shown`: a name that is not valid UTF-8
  keeps its odd bytes as ``%FF`` escapes instead of failing the batch on them.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from boardpapers.schemas.files import MAX_BYTES, file_kind, read_bytes, shown  # noqa: F401 - part of this module's API

from ..fetch.manifest import papers_in

INPUT_SUFFIXES = {".pdf", ".txt", ".md", ".docx"}
# A folder's own notes, not papers (named on the command line, they are read).
NOT_PAPERS = {"README", "LICENSE", "LICENCE", "CHANGELOG"}


@dataclass
class Skipped:
    path: Path
    reason: str

    def line(self) -> str:
        return f"skipped: {shown(self.path)}: {self.reason}"


def find_papers(paths: tuple[str, ...] | list[str]) -> tuple[list[Path], list[Skipped]]:
    """The files to read, in order, and every file met but not read, with the reason."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: dict[Path, Path] = {}

    def add(f: Path) -> None:
        try:
            real = f.resolve()
        except (OSError, RuntimeError):  # a link loop
            skipped.append(Skipped(f, "a link that leads nowhere (a loop)"))
            return
        if real in seen:
            skipped.append(Skipped(f, f"the same file as {shown(seen[real])}, already in this batch"))
            return
        seen[real] = f
        files.append(f)

    for p in map(Path, paths):
        if not p.is_dir():
            add(p)  # named on the command line: the reader says if it cannot be read
            continue
        try:
            entries = sorted(p.iterdir())
        except OSError as e:
            skipped.append(Skipped(p, f"cannot list the folder ({e.strerror})"))
            continue
        # A folder ``boardpapers fetch`` filled: the papers its manifest lists, in its sub-folders
        # by committee and meeting, are read; the manifest and the fetch's own state are not papers.
        fetched = papers_in(p)
        fetched_own: set[str] = set()
        if fetched is not None:
            for f in fetched[0]:
                add(f)
            fetched_own = fetched[1]
        for f in entries:
            if f.name in fetched_own:
                continue
            reason = _not_a_paper(f, p)
            if reason:
                skipped.append(Skipped(f, reason))
            else:
                add(f)
    return files, skipped


def _not_a_paper(f: Path, folder: Path) -> str | None:
    """Why a file found in a folder is not read, or None to read it."""
    if f.name.startswith("."):
        return "a hidden file"
    try:
        st = f.lstat()
    except OSError as e:
        return f"cannot read it ({e.strerror})"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = f.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link that leads nowhere"
        if not target.is_relative_to(folder.resolve()):
            return f"a link to {shown(target)}, outside {shown(folder)} (name it on the command line to read it)"
        st = target.stat()
    if stat.S_ISDIR(st.st_mode):
        return "a folder: folders inside a folder are not read (name it to read its papers)"
    if not stat.S_ISREG(st.st_mode):
        return f"{file_kind(st.st_mode)}, not a regular file"
    if f.suffix.lower() not in INPUT_SUFFIXES:
        return f"not a paper: only {', '.join(sorted(INPUT_SUFFIXES))} files are read"
    if f.stem.upper() in NOT_PAPERS:
        return f"the folder's {f.stem}, not a paper (name it on the command line to read it)"
    return None
