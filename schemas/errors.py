"""Named errors. Each carries the evidence: document, page and a snippet of the input.

Soft problems (a table that could not be parsed, an owner that could not be resolved) are
not exceptions: they become :class:`boardpapers.schemas.records.Problem` records.
"""

from __future__ import annotations

from pydantic import ValidationError


class BoardpapersError(Exception):
    """Base class: a problem with one document that stops its extraction."""

    def __init__(
        self,
        message: str,
        *,
        document: str | None = None,
        page: int | None = None,
        snippet: str | None = None,
        hint: str | None = None,
    ):
        self.message = message
        self.document = document
        self.page = page
        self.snippet = snippet
        self.hint = hint
        super().__init__(str(self))

    def __reduce__(self):
        # Pickle with the evidence, so an error raised in a ``--jobs`` worker process
        # reads the same in the parent (the default would rebuild it from str(self) alone).
        return (_rebuild, (type(self), self.message, self.document, self.page, self.snippet, self.hint))

    def __str__(self) -> str:
        where = self.document or "<input>"
        if self.page:
            where += f" (page {self.page})"
        out = f"{where}: {self.message}"
        if self.snippet:
            out += f" [{self.snippet[:80]!r}]"
        if self.hint:
            out += f"; {self.hint}"
        return out


def _rebuild(cls, message, document, page, snippet, hint):
    return cls(message, document=document, page=page, snippet=snippet, hint=hint)


class ReadError(BoardpapersError):
    """The file cannot be read as a paper: empty, not a PDF, encrypted, no text layer ..."""


class ParseError(BoardpapersError):
    """A parser met input it cannot make sense of, or produced a record that failed validation."""


def format_validation_error(error: ValidationError) -> list[str]:
    """One ``field.path: message`` line per problem (pydantic's own text is multi-line)."""
    lines = []
    for e in error.errors():
        path = ".".join(str(p) for p in e["loc"]) or "<root>"
        lines.append(f"{path}: {e['msg']}")
    return lines
