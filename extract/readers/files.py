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

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from boardpapers.schemas.errors import ReadError

INPUT_SUFFIXES = {".pdf", ".txt", ".md"}
# A folder's own notes, not papers (named on the command line, they are read).
NOT_PAPERS = {"README", "LICENSE", "LICENCE", "CHANGELOG"}
# Larger than any paper we have seen (a 1,000-page agenda pack PDF is about 10 MB), small
# enough that reading one into memory is safe. Override with BOARDPAPERS_MAX_MB.
MAX_BYTES = int(float(os.environ.get("BOARDPAPERS_MAX_MB", "256")) * 1024 * 1024)


_UNDECODED = re.compile("[\udc80-\udcff]")  # how Python keeps a name's bytes that are not UTF-8


def shown(path: str | os.PathLike) -> str:
    """A path as text that can be printed, stored in SQLite and written to JSON: bytes of a
    name that are not UTF-8 become ``%XX`` (not ``\\xXX``: a backslash reads as a Windows
    folder separator to everything that takes a file's name from its path)."""
    return _UNDECODED.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", os.fsdecode(os.fspath(path)))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_bytes(path: str | os.PathLike, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a :class:`ReadError` saying why not.

    Opened without blocking, so a named pipe is refused instead of waiting for a writer;
    the type and size are those of the file opened, not of a name checked earlier.
    """
    limit = MAX_BYTES if limit is None else limit
    name = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError("no such file", document=name) from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file", document=name) from None
    except OSError as e:
        raise ReadError(f"cannot read the file ({e.strerror})", document=name) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a folder, not a file", document=name)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"{_kind(st.st_mode)}, not a regular file: only files are read", document=name)
        if st.st_size > limit:
            raise ReadError(f"too large ({st.st_size / 1048576:.0f} MB; the limit is {limit / 1048576:.0f} MB)",
                            document=name, hint="set BOARDPAPERS_MAX_MB to read it")
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limit:  # grew while we read it
                raise ReadError(f"too large (over {limit / 1048576:.0f} MB)", document=name)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise ReadError(f"cannot read the file ({e.strerror})", document=name) from None
    finally:
        os.close(fd)


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
        for f in entries:
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
        return f"{_kind(st.st_mode)}, not a regular file"
    if f.suffix.lower() not in INPUT_SUFFIXES:
        return f"not a paper: only {', '.join(sorted(INPUT_SUFFIXES))} files are read"
    if f.stem.upper() in NOT_PAPERS:
        return f"the folder's {f.stem}, not a paper (name it on the command line to read it)"
    return None
