"""Characters -> words for upright text: pdfplumber's word rule, written for the one way the
reader asks for it.

The reader used ``page.extract_words(x_tolerance=3, y_tolerance=3, use_text_flow=False,
extra_attrs=["fontname", "size"])`` and turned the dicts into :class:`~.pdf_layout.Word`. That
was a fifth of the fast reader's time: pdfplumber's word extractor is general (four directions,
tolerance ratios, punctuation splits, text flow), builds a dict per word and a bbox through
generic helpers. :func:`upright_words` does the same steps for upright text only, keeping a
word's box as it grows, and hands the words to ``to_words`` as before, so the words are the
same, in the same order:

1. consecutive characters of one font name and size (and uprightness) form a run;
2. a run's characters are clustered into lines by their top (tops within ``y_tolerance`` of
   the previous top chain into one line: pdfplumber's ``cluster_objects``), lines in order of
   their tops, characters of a line in order of x0 (stable: ties keep the stream order);
3. a line splits into words at a blank character, at a character with no text, and where a
   character starts left of the previous one's x0, more than ``x_tolerance`` right of its
   x1, or more than ``y_tolerance`` above or below its top;
4. a word's box is its characters' union; its font and size are its first character's; its
   text is its characters' (pdfplumber expands seven ligatures, "ﬁ" to "fi", which
   ``to_words`` does for every word's text anyway).

Characters not upright (written top to bottom, or mirrored) are left to pdfplumber:
:func:`upright_words` returns None for them. ``tests/test_pdf_words.py`` compares both on every
page of the real PDFs of ../shared and on made-up edge cases.
"""

from __future__ import annotations

from .pdf_layout import Word, to_words

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0


def upright_words(chars: list[dict], *, with_mcid: bool = False) -> list[Word] | None:
    """The page's words (see the module docstring), or None when a character is not upright.

    ``with_mcid``: each word keeps the marked-content ids of its first and last characters
    (a tagged PDF's paragraph marks), as ``to_words`` does for words with their characters."""
    if not all(c["upright"] for c in chars):
        return None
    raw: list[dict] = []
    start = 0
    n = len(chars)
    while start < n:
        first = chars[start]
        font, size = first["fontname"], first["size"]
        end = start + 1
        while end < n and chars[end]["fontname"] == font and chars[end]["size"] == size:
            end += 1
        for line in _lines(chars[start:end]):
            _split(line, raw, with_mcid)
        start = end
    return to_words(raw)


def _lines(run: list[dict]) -> list[list[dict]]:
    """A run's characters in lines: pdfplumber's ``cluster_objects`` on the top, then by x0."""
    tops = sorted({c["top"] for c in run})
    cluster: dict[float, int] = {}
    k, last = 0, tops[0]
    for t in tops:
        if t > last + Y_TOLERANCE:
            k += 1
        cluster[t] = k
        last = t
    lines: list[list[dict]] = [[] for _ in range(k + 1)]
    for c in run:
        lines[cluster[c["top"]]].append(c)
    for line in lines:
        line.sort(key=_x0)
    return lines


def _x0(c: dict) -> float:
    return c["x0"]


def _split(line: list[dict], out: list[dict], with_mcid: bool) -> None:
    """pdfplumber's ``iter_chars_to_words`` and ``merge_chars`` for left-to-right text, with the
    word's box kept as it grows (its x0 is its first character's: the line is in order of x0)."""
    word: list[dict] = []
    x1 = top = bottom = 0.0
    for c in line:
        text = c["text"]
        if not text or text.isspace():
            # A blank ends the word; a character with no text is a word of its own (pdfplumber's
            # punctuation split with an empty list matches ""), which has no text: dropped.
            if word:
                out.append(_word(word, x1, top, bottom, with_mcid))
                word = []
            continue
        if word:
            prev = word[-1]
            cx0, ctop = c["x0"], c["top"]
            if cx0 < prev["x0"] or cx0 > prev["x1"] + X_TOLERANCE or abs(ctop - prev["top"]) > Y_TOLERANCE:
                out.append(_word(word, x1, top, bottom, with_mcid))
                word = [c]
                x1, top, bottom = c["x1"], ctop, c["bottom"]
            else:
                word.append(c)
                # (comparisons, not min and max: this runs once per character of the paper)
                if c["x1"] > x1:
                    x1 = c["x1"]
                if ctop < top:
                    top = ctop
                if c["bottom"] > bottom:
                    bottom = c["bottom"]
        else:
            word = [c]
            x1, top, bottom = c["x1"], c["top"], c["bottom"]
    if word:
        out.append(_word(word, x1, top, bottom, with_mcid))


def _word(word: list[dict], x1: float, top: float, bottom: float, with_mcid: bool) -> dict:
    first = word[0]
    # pdfplumber expands ligatures here; to_words expands the same seven in the whole text.
    text = first["text"] if len(word) == 1 else "".join([c["text"] for c in word])
    out = {
        "text": text,
        "x0": first["x0"],
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "size": first["size"],
        "fontname": first["fontname"],
    }
    if with_mcid:
        out["chars"] = (first, word[-1])
    return out
