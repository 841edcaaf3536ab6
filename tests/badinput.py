"""Bad and awkward inputs, generated at test time (no stored binaries).

Each function writes one file into the folder it is given and returns its path. The PDFs
come from :mod:`pdfgen` (dependency-free) or, for encryption, from pypdf.
"""

from __future__ import annotations

import random
from pathlib import Path

from pdfgen import image, make_pdf, ruled_table, text

GOOD_PAPER = """# Safer Testham Partnership

Minutes of the meeting held on 12 March 2019

## 1. Apologies

Apologies were received from Jane Smith.

## 2. Decisions

RESOLVED: that the partnership approves the domestic abuse strategy.

ACTION: Lisa Wills to circulate the plan by 30 April 2019.
"""


def good_paper(folder: Path, name: str = "good-minutes.txt", *, title: str = "Safer Testham Partnership") -> Path:
    path = folder / name
    path.write_text(GOOD_PAPER.replace("Safer Testham Partnership", title), encoding="utf-8")
    return path


def text_pdf_bytes(lines: list[str] | None = None, pages: int = 1) -> bytes:
    lines = lines or ["Safer Testham Partnership", "The partnership agreed to fund the project."]
    return make_pdf([[text(72, 100 + 16 * i, s, 10) for i, s in enumerate(lines)] for _ in range(pages)])


def empty_file(folder: Path, name: str = "empty.txt") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def zero_byte_pdf(folder: Path) -> Path:
    return empty_file(folder, "zero.pdf")


def truncated_pdf(folder: Path) -> Path:
    data = text_pdf_bytes([f"Line {i} of a paper about community safety." for i in range(30)], pages=3)
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def broken_xref_pdf(folder: Path) -> Path:
    """A PDF whose cross-reference table points at the wrong offsets (a badly saved file)."""
    data = text_pdf_bytes(["Broken xref paper", "The partnership agreed the plan."])
    head, _, tail = data.rpartition(b"\nxref\n")
    table, _, trailer = tail.partition(b"trailer")
    rows = table.split(b"\n")
    bad = [rows[0], rows[1]] + [b"%010d 00000 n " % (17 * i + 3) for i in range(len(rows) - 3)] + [b""]
    path = folder / "broken-xref.pdf"
    path.write_bytes(head + b"\nxref\n" + b"\n".join(bad) + b"trailer" + trailer)
    return path


def encrypted_pdf(folder: Path, password: str = "secret") -> Path:
    import io

    import pypdf

    writer = pypdf.PdfWriter(
        clone_from=pypdf.PdfReader(
            io.BytesIO(
                text_pdf_bytes(
                    ["Locked paper of the partnership", "The partnership agreed to fund the locked project."]
                )
            )
        )
    )
    writer.encrypt(password)
    path = folder / "locked.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    return path


def scanned_pdf(folder: Path) -> Path:
    path = folder / "scanned.pdf"
    path.write_bytes(make_pdf([[image(50, 50, 500, 700)], [image(50, 50, 500, 700)]]))
    return path


def random_bytes_pdf(folder: Path, seed: int = 8) -> Path:
    path = folder / "random.pdf"
    path.write_bytes(random.Random(seed).randbytes(4096))
    return path


def pdf_named_txt(folder: Path) -> Path:
    path = folder / "really-a-pdf.txt"
    path.write_bytes(text_pdf_bytes(["Renamed paper", "The partnership agreed the renamed plan."]))
    return path


def text_named_pdf(folder: Path) -> Path:
    path = folder / "really-text.pdf"
    path.write_text(GOOD_PAPER, encoding="utf-8")
    return path


def cp1252_text(folder: Path) -> Path:
    path = folder / "windows.txt"
    path.write_bytes(
        "# Budget\n\nThe partnership agreed to spend £25,000 on the café “Safe Space” scheme.\n".encode("cp1252")
    )
    return path


def long_text(folder: Path, pages: int = 1000) -> Path:
    body = "\n\n---\n\n".join(
        f"## {n}. Item {n}\n\nThe partnership discussed item {n} at length and agreed it." for n in range(1, pages + 1)
    )
    path = folder / "long.txt"
    path.write_text("# A very long agenda pack\n\n" + body + "\n", encoding="utf-8")
    return path


def long_pdf(folder: Path, pages: int = 1000) -> Path:
    path = folder / "long.pdf"
    path.write_bytes(
        make_pdf(
            [
                [
                    text(72, 90, f"Item {n}", 14, bold=True),
                    text(72, 120, f"The partnership discussed item {n} at length and agreed it.", 10),
                ]
                for n in range(1, pages + 1)
            ]
        )
    )
    return path


def wide_table_text(folder: Path, cols: int = 200) -> Path:
    header = "| " + " | ".join(f"Col {c}" for c in range(cols)) + " |"
    sep = "|" + "---|" * cols
    rows = ["| " + " | ".join(str(r * cols + c) for c in range(cols)) + " |" for r in range(5)]
    path = folder / "wide.txt"
    path.write_text("# Wide table\n\n" + "\n".join([header, sep, *rows]) + "\n", encoding="utf-8")
    return path


def wide_table_pdf(folder: Path, cols: int = 200) -> Path:
    """A ruled table of 200 columns on one very wide page (a spreadsheet printed to PDF)."""
    rows = [[f"Col {c}" for c in range(cols)]] + [[str(r * cols + c) for c in range(cols)] for r in range(4)]
    ops = [text(10, 20, "Wide table", 12, bold=True)] + ruled_table(10, 60, [40] * cols, rows, size=8)
    path = folder / "wide.pdf"
    path.write_bytes(make_pdf([ops], width=40 * cols + 20))
    return path


def huge_paragraph(folder: Path, megabytes: int = 10) -> Path:
    """One 10 MB paragraph with no line break: markup-like fragments that tempt regexes."""
    unit = (
        "The partnership **agreed** to fund *the* project at £1,234.56 (see 4.5.1) on 12 March 2019; "
        "owners: LW/ RD, Lisa Wills & Co. <b>bold <i>nested</i> [link](http://x) "
    )
    body = unit * (megabytes * 1024 * 1024 // len(unit) + 1)
    path = folder / "huge.txt"
    path.write_text("# Huge\n\n" + body + "\n", encoding="utf-8")
    return path


EVIL = '<script>alert("owned")</script><b>bold</b> & <img src=x onerror=alert(1)>'


def html_paper(folder: Path) -> Path:
    path = folder / "html-paper.txt"
    path.write_text(
        GOOD_PAPER.replace("Safer Testham", "Safer Evilham")
        + f"\nRESOLVED: that the partnership funds the rainbow project {EVIL}.\n",
        encoding="utf-8",
    )
    return path


ODD = (
    "The partnership con\ufb01rmed the \ufb02oor plan,\u00a0spent\u00a0£5\u202f000 on the "
    "\u201cSafe\u200b Space\u201d scheme \u2014 it\u2019s e\u200dffective\u2060."
)


def odd_unicode(folder: Path) -> Path:
    path = folder / "odd-unicode.txt"
    path.write_text(f"\ufeff# Odd\u00a0Unicode\n\n{ODD}\n\n- \u2018Quoted\u2019 item\u200b one\n", encoding="utf-8")
    return path


def nested_lists(folder: Path, depth: int = 200) -> Path:
    lines = [" " * (2 * d) + f"- level {d} item" for d in range(depth)]
    lines += [" " * (2 * d) + f"{d % 9 + 1}. numbered level {d}" for d in range(depth)]
    path = folder / "nested.txt"
    path.write_text("# Nested\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path
