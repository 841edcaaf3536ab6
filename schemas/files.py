"""Files as bytes, shared by the readers (``extract``) and the paper server (``db``).

Neither side owns these: reading a regular file within a size bound, naming a path so it
prints and stores, telling a PDF by its first bytes, and decoding a text rendering. Both
``extract/readers`` and ``db/papers.py`` (which serves the loaded papers) use them, and
neither imports the other.
"""

from __future__ import annotations

import os
import re
import stat

from .errors import ReadError

# Larger than any paper we have seen (a 1,000-page agenda pack PDF is about 10 MB), small
# enough that reading one into memory is safe. Override with BOARDPAPERS_MAX_MB.
MAX_BYTES = int(float(os.environ.get("BOARDPAPERS_MAX_MB", "256")) * 1024 * 1024)


_UNDECODED = re.compile("[\udc80-\udcff]")  # how Python keeps a name's bytes that are not UTF-8


def shown(path: str | os.PathLike) -> str:
    """A path as text that can be printed, stored in SQLite and written to JSON: bytes of a
    name that are not UTF-8 become ``%XX`` (not ``\\xXX``: a backslash reads as a Windows
    folder separator to everything that takes a file's name from its path)."""
    return _UNDECODED.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", os.fsdecode(os.fspath(path)))


def file_kind(mode: int) -> str:
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
            raise ReadError(f"{file_kind(st.st_mode)}, not a regular file: only files are read", document=name)
        if st.st_size > limit:
            raise ReadError(
                f"too large ({st.st_size / 1048576:.0f} MB; the limit is {limit / 1048576:.0f} MB)",
                document=name,
                hint="set BOARDPAPERS_MAX_MB to read it",
            )
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


_PDF_HEADER = re.compile(rb"\s*%PDF-\d")


def is_pdf(data: bytes) -> bool:
    """PDF by its first bytes: the header with its version ("%PDF-1.7"). Readers accept the
    header anywhere in the first kilobyte (after a mail or MacBinary header), so there it
    counts only in a file that also ends as a PDF does: a text paper that mentions "%PDF-"
    in its first lines is text (issue 14)."""
    if _PDF_HEADER.match(data):
        return True
    return b"%PDF-" in data[:1024] and b"%%EOF" in data[-1024:]


def decode(data: bytes, path: str) -> str:
    """UTF-8 first; papers saved from Word on Windows are often cp1252 ('£' as 0xA3)."""
    if not data.strip():
        raise ReadError("the file is empty", document=path)
    if re.match(rb"%PDF-\d", data):
        raise ReadError("this is a PDF, not a text rendering", document=path, hint="rename it to .pdf")
    wide = utf16_text(data)
    if wide is not None:  # Notepad's "Unicode" (issue 14): its zero bytes are not binary data
        return wide
    if b"\x00" in data[:4096]:
        raise ReadError("binary data, not text", document=path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def utf16_text(data: bytes) -> str | None:
    """The text of a UTF-16 (or UTF-32) file, or None if it is not one: by its byte-order mark,
    or without one when every other byte of its start is zero (ASCII text in UTF-16)."""
    encoding = None
    for bom, enc in _WIDE_BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], enc
            break
    else:
        head = data[:4096]
        if len(head) < 4 or len(head) % 2:
            return None
        even, odd = head[0::2], head[1::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
            encoding = "utf-16-le"
        elif even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
            encoding = "utf-16-be"
        else:
            return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
