"""Pure functions over lines and blocks, shared by both readers.

They decide what a line is (heading, list item, margin initials, footnote), clean inline
markup, and repair what page breaks did to paragraphs and tables. Both readers call them,
so a paper's PDF and its text rendering give the same blocks.
"""

from __future__ import annotations

import html
import re

from boardpapers.schemas.document import Block

from ..language.dates import MONTH_RE
from ..language.owners import POST_WORDS

# --- inline text -------------------------------------------------------------------------

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"


def normalise_unicode(text: str) -> str:
    """Ligatures to letters, odd spaces to spaces, zero-width characters and soft hyphens out."""
    if text.isascii():
        return text
    # str.replace per character, not str.translate: translate with a dict took 0.5 s per
    # pass over a 2 MB paragraph, replace takes milliseconds (issue 8, the 10 MB paragraph).
    for lig, plain in _LIGATURES.items():
        if lig in text:
            text = text.replace(lig, plain)
    for table in (_SPACES, _ZERO_WIDTH):
        for code, plain in table.items():
            if chr(code) in text:
                text = text.replace(chr(code), plain or "")
    return text


_TAG = re.compile(r"</?(?:b|strong|i|em|u|p|span|ol|ul|li|div|font|small|big)\b[^>]*>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_SUP = re.compile(r"<sup>\s*[^<]{0,6}\s*</sup>", re.I)
# Link text holds no "[" and a URL no white space: with "[^\]]+" a run of "[" was quadratic
# (2.4 s for 20,000 characters; issue 8, the 10 MB paragraph).
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|www\.|mailto:)[^)\s]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BRACKET_ENTITY = re.compile(r"\[&\](\w+;)")  # a rendering artefact: "[&]quot;" for "&quot;"
# Bold openers and their closers. Spans are found by a scan, not one regex with ``(.+?)``:
# that regex searched to the end of the text again for every opener left unclosed, so a
# 10 MB paragraph with stray ``<b>`` tags took hours (issue 8, tests/test_bad_input.py).
_BOLD_OPEN = re.compile(r"\*\*|__|<(?:b|strong)>", re.I)
_BOLD_CLOSE = {"*": re.compile(r"\*\*"), "_": re.compile(r"__"), "<": re.compile(r"</(?:b|strong)>", re.I)}
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?![*\w])")
# "_James Lenton, ..., Gary Cooper_": markdown's other italic. Not inside a word ("file_name_v2"),
# and not a run of underscores (a signature line "Signed ______").
_UNDERSCORE_ITALIC = re.compile(r"(?<![\w_])_(?![\s_])([^_\n]+?)(?<![\s_])_(?![\w_])")


def bold_spans(text: str) -> list[str]:
    """The texts written in bold (``**x**`` or ``<b>x</b>``), markup removed."""
    spans, pos, unclosed = [], 0, set()
    while (opener := _BOLD_OPEN.search(text, pos)) is not None:
        kind = opener.group()[0]
        closer = None if kind in unclosed else _BOLD_CLOSE[kind].search(text, opener.end() + 1)
        if closer is None:
            unclosed.add(kind)  # no closer after this opener means none after any later one
            pos = opener.start() + 1
            continue
        spans.append(clean_inline(text[opener.end() : closer.start()]))
        pos = closer.end()
    return spans


def clean_inline(text: str, keep_breaks: bool = False) -> str:
    """Markdown and HTML markup out, entities decoded, footnote references dropped."""
    if text.isascii() and not _MARKUP_CHARS.intersection(text):
        # Plain ASCII with none of the characters every markup step below starts from (most
        # lines of a PDF): only the white space is tidied. Same answer, a tenth of the time.
        return _tidy_spaces(text, keep_breaks)
    return _clean_markup(text, keep_breaks)


def _clean_markup(text: str, keep_breaks: bool) -> str:
    text = normalise_unicode(text)
    text = _BRACKET_ENTITY.sub(r"&\1", text)
    text = _SUP.sub("", text)
    text = _BR.sub("\n" if keep_breaks else " ", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = text.replace("**", "").replace("__", "")
    text = _ITALIC.sub(r"\1", text)
    text = _UNDERSCORE_ITALIC.sub(r"\1", text)
    text = html.unescape(text)
    # Superscript digits glued to a word are footnote references ("vulnerability¹").
    text = re.sub(rf"(?<=[A-Za-z.,;)])[{_SUPERSCRIPT_DIGITS}]+", "", text)
    return _tidy_spaces(text, keep_breaks)


# Every markup step of clean_inline needs one of these (or a character outside ASCII).
_MARKUP_CHARS = frozenset("[<*_&")
_SPACE_BEFORE_STOP = re.compile(r"\s+([,.;:])(?=\s|$)")


def _tidy_spaces(text: str, keep_breaks: bool) -> str:
    if keep_breaks:
        lines = [" ".join(part.split()) for part in text.split("\n")]
        return "\n".join(line for line in lines if line)
    return _SPACE_BEFORE_STOP.sub(r"\1", " ".join(text.split()))


def is_whole_bold(raw: str) -> bool:
    """The line's text is all inside bold markup (after any list marker)."""
    stripped = re.sub(r"^\s*(?:[-*•]\s+)?", "", raw).strip()
    if not stripped:
        return False
    spans = "".join(bold_spans(stripped))
    return bool(spans) and len(spans.replace(" ", "")) >= 0.9 * len(clean_inline(stripped).replace(" ", ""))


# --- markers, headings, initials -----------------------------------------------------------

_ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|x{1,2}|xi{1,3})"
_MARKER = re.compile(
    rf"""^(?P<marker>
        \d{{1,2}}(?=\s+[\*<"'‘“A-Z£])(?!\s+(?i:{MONTH_RE})\b\.?\s*(?:\d|$))  # 1 Apologies; "28 November 2024" is a date
                                                # (a bare number needs a capital after it:
                                                # "39 (rate of ..." is a wrapped line, not item 39)
      | \d{{1,3}}\.(?=\s+[\*<"'‘“A-Z])            # 121. TITLE (councils number minutes through the year)
      | \d{{1,2}}(?:\.\d{{1,2}}){{0,3}}[.)]         # 1.  4.5.1.  2)
      | \d{{1,2}}(?:\.\d{{1,2}}){{1,3}}             # 4.5.1
      | \(\d{{1,2}}\)                              # (3)
      | \(?{_ROMAN}\)                             # i)  (iv)
      | {_ROMAN}\.                                # iv.
      | \(?[a-h]\)                                # a)  (b)
    )\s+(?=[\*<"'‘“A-Z(£0-9])""",
    re.X,
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[-*•●▪◦o·‣–])\s+(?P<rest>.*)$")


def split_marker(text: str) -> tuple[str | None, str]:
    """'4.5.1 Outcome 1' -> ('4.5.1', 'Outcome 1'); 'ii) Joint ...' -> ('ii)', 'Joint ...')."""
    m = _MARKER.match(text)
    if not m:
        return None, text
    return m.group("marker"), text[m.end() :]


_INITIALS = re.compile(r"^(?:[A-Z]{1,3}(?:-[A-Z]{1,2})?|ALL)(?:\s*[/&,]\s*(?:[A-Z]{1,3}(?:-[A-Z]{1,2})?|ALL))*$")


def is_initials(text: str) -> bool:
    """'LW', 'RD/ JF', 'PE-J', 'AL/ SH', 'ALL': owners written as initials in a margin."""
    return bool(_INITIALS.match(text.strip())) and len(text.strip()) <= 16


def is_owner_tokens(text: str, *, at_least: int = 1) -> bool:
    """'Clerk Clerk', 'RC/AC GG AJ Clerk': a line made only of owners, initials or posts.

    An action column flattened into the text leaves such lines behind its minutes.
    """
    tokens = text.split()
    if len(tokens) < at_least:
        return False
    return all(is_initials(t) or (t[:1].isupper() and t.strip(".,;").lower() in POST_WORDS) for t in tokens)


_AMOUNT = re.compile(r"(?<![\w/])[£$€]?\d[\d,]*\.\d\d\b|[£$€]\d[\d,]*\b")
_CODE_TOKEN = re.compile(rf"^(?:\d{{1,3}}(?:[./]\d{{1,4}})+[a-z]?|\(?{_ROMAN}\)|\(?[a-h]\))$")


def looks_like_heading(text: str, *, bold: bool = False, marker: str | None = None) -> bool:
    """A short title-like line: the text renderings and plain-font PDFs carry no heading markup."""
    text = text.strip()
    words = text.split()
    if not words or is_initials(text):
        return False
    # A flattened table row ("Total 1898.81 97.50 1996.31", "Cemetery £110.00 Allotments £24.00")
    # or a flattened column of minute numbers ("14/11/5 14/11/6 14/11/7 ii)") is text, not a title.
    if len(_AMOUNT.findall(text)) >= 2 or (len(words) >= 2 and all(_CODE_TOKEN.match(w) for w in words)):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'‘“("):
        return False
    if text.endswith((":", ",", ";")) or text.endswith(" -"):
        return False
    if bold:
        return len(words) <= 25 and not text.endswith(".")
    if len(words) > 14:
        return False
    if re.search(r"\w: \S", text):  # "Date: 24 January 2017" is a key and a value
        return False
    if text.endswith((".", "?", "!")):
        if len(words) < 2:
            return False  # "None." or "Noted." under a minute is an answer, not a title
        capitals = sum(w[0].isupper() for w in words if w[0].isalpha())
        titled = capitals * 2 >= len(words)  # "List of Abbreviations Used." not "No other apologies."
        return titled and (len(words) <= 4 or (marker is not None and len(words) <= 6))
    if re.search(r"\d{3,}", text) and not re.search(r"(19|20)\d\d", text):
        return False
    return True


def heading_level(marker: str | None) -> int:
    """Numbered sections: '7.' -> 2, '4.5' -> 3, '4.5.1' -> 4; unnumbered headings are 3."""
    if marker and marker[0].isdigit():
        return min(2 + marker.rstrip(".)").count("."), 6)
    return 3


# --- repairs across page breaks ------------------------------------------------------------

TERMINAL = (".", "!", "?", ":", ";", "”", '"', "’", ")")


def join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Re-join a paragraph that a page break (and its footnotes) cut in two.

    The test: the first part ends without terminal punctuation and the next paragraph,
    after any footnotes, starts in lower case ("... for 2016 onwards," / "though budgets").
    """
    out: list[Block] = []
    for block in blocks:
        starts_lower = block.source.lstrip(" -•*")[:1].islower()
        if block.kind in ("paragraph", "list_item") and starts_lower and block.marker in (None, "-"):
            k = len(out) - 1
            while k >= 0 and out[k].kind == "footnote":
                k -= 1
            prev = out[k] if k >= 0 else None
            # Eight words at least: a short label line ("Place: Council House") is not a cut sentence.
            if (
                prev is not None
                and prev.kind in ("paragraph", "list_item")
                and len(prev.text.split()) >= 8
                and not prev.text.rstrip().endswith(TERMINAL)
            ):
                out[k] = prev.model_copy(
                    update={
                        "text": f"{prev.text} {block.text}",
                        "source": f"{prev.source}\n{block.source}",
                        "lines": (prev.lines[0], block.lines[1]) if prev.lines and block.lines else prev.lines,
                        "box": prev.box if block.page != prev.page or prev.box is None else prev.box.union(block.box),
                        "bold_spans": prev.bold_spans + block.bold_spans,
                    }
                )
                continue
        out.append(block)
    return out
