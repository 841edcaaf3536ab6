"""What a command checks before it writes to a database, and SQLite's errors in one line each.

- :func:`check_target`: ``--db`` must be a boardpapers database, or a file we may create. A
  file that is not SQLite, another application's SQLite database, a read-only file or
  folder, a missing folder: each is refused before anything is written (issue 14: another
  application's database used to get 45 tables and WAL mode before the build failed).
- :func:`describe`: a SQLite error as the one line the user reads ("the disk is full ...").
- Building while ``serve`` runs: ``serve`` opens the database immutable (no locks, no change
  checks, pages memory-mapped), so a build writing under it made every page fail with
  "database disk image is malformed". We chose to refuse the build rather than to build into
  a copy and swap it in: a copy would double the disk and time of every warm re-build, and a
  killed build would lose all its papers instead of keeping each one it finished (the
  crash-safety contract). So ``serve`` holds a shared lock on ``<db>.serving`` for as long as it
  runs, and every writing command (``build``, ``load``, ``link``) refuses while that lock is
  held; ``serve`` in turn refuses a database a build is writing (its ``-wal`` file is there).
  Each takes its own mark before it looks for the other's, so of two starting together at
  least one sees the other.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .load import LoadError

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = {"documents", "_schema"}  # a database that has both was made by boardpapers


class DatabaseFailure(LoadError):
    """An error of the database itself (full disk, read-only, damaged): every paper would fail
    the same way, so the batch stops with one line."""


def check_target(path: str | Path) -> None:
    """Raise :class:`LoadError` (one line) unless ``path`` is ours to write."""
    path = Path(path)
    folder = path.absolute().parent
    if not folder.exists():
        raise LoadError(f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise LoadError(f"{folder} is not a folder")
    if not path.exists():
        if not os.access(folder, os.W_OK | os.X_OK):
            raise LoadError(f"cannot create it: the folder {folder} is read-only")
        return
    if not path.is_file():
        raise LoadError("not a regular file")
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise LoadError(f"cannot read it ({e.strerror})") from None
    if head and not head.startswith(SQLITE_HEADER):
        raise LoadError(
            f"not a SQLite database (it starts {head[:16]!r}); boardpapers will not write over it: choose another --db"
        )
    if head:
        tables = _tables(path)
        if tables and not OUR_TABLES <= tables:
            shown = ", ".join(sorted(tables)[:6]) + (", ..." if len(tables) > 6 else "")
            raise LoadError(
                f"a SQLite database of another application (tables: {shown}); boardpapers writes "
                "only to its own databases: choose another --db"
            )
    if not os.access(path, os.W_OK):
        raise LoadError("the database file is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LoadError(f"the folder {folder} is read-only (SQLite writes its journal beside the database)")


def _tables(path: Path) -> set[str]:
    """Table names, read without writing (immutable: no journal, no lock, no WAL recovery)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as e:
        raise LoadError(f"a damaged SQLite database ({e}); remove it to build afresh") from None
    finally:
        conn.close()


def describe(error: sqlite3.Error) -> str:
    """One line for a SQLite error, saying what to do."""
    text = str(error)
    low = text.lower()
    if "disk is full" in low or getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
        return (
            "the disk is full: free some space and run it again (papers already loaded are kept; "
            "the paper being written was rolled back)"
        )
    if "readonly" in low or "read-only" in low:
        return "the database is read-only (the file, its folder or the disk): cannot write to it"
    if "unable to open" in low:
        return "cannot open the database file (is its folder there, and writable?)"
    if "not a database" in low:
        return "not a SQLite database: choose another --db"
    if "malformed" in low or "corrupt" in low:
        return "the database file is damaged: delete it and build again from the papers"
    if "disk i/o" in low:
        return "a disk I/O error while writing the database"
    if "locked" in low or "busy" in low:
        return f"the database is locked by another program ({text})"
    return f"database error: {text}"


# --- build while serve -------------------------------------------------------------------


def serving_mark(db_path: str | Path) -> Path:
    return Path(f"{db_path}.serving")


@contextlib.contextmanager
def serving(db_path: str | Path) -> Iterator[None]:
    """Held by ``serve`` while it runs: builds refuse meanwhile. A folder we cannot write to
    cannot be built into either, so there no mark is needed."""
    import fcntl

    try:
        fd = os.open(serving_mark(db_path), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock; the mark stays, and unlocked it means nothing


def refuse_if_served(db_path: str | Path) -> None:
    """Raise :class:`LoadError` while a ``serve`` of this database runs."""
    import fcntl

    try:
        fd = os.open(serving_mark(db_path), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return  # never served, or served from a read-only folder
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LoadError(
            "it is being served (boardpapers serve opens it read-only and immutable; writing under "
            "it would break every page): stop serve, then build, then serve again; or build into "
            "another file"
        ) from None
    finally:
        os.close(fd)


def refuse_if_building(db_path: str | Path) -> None:
    """Raise :class:`LoadError` when a build is writing this database, or was stopped mid-way
    (its write-ahead log holds pages not yet in the database; an empty one is harmless)."""
    wal = Path(f"{db_path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise LoadError(
            "a build is writing it (or one was stopped mid-way): wait for it to finish, or run the "
            "same build again, then serve"
        )
