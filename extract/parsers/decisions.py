"""What the meeting decided: DECISION(S) blocks, RESOLVED minutes, "It was agreed that ...".

Also home of :class:`View`, the minutes as the decision and action rules see them: the
blocks after the attendance list, the agenda item each block sits under, and the margin
labels (initials or a group written beside the text, one label per block run).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from boardpapers.schemas.document import Block

from ..language.bodies import DECIDING_SUBJECTS_RE
from ..readers.blocks import is_initials

# A block that is only a label: "DECISION:", "DECISIONS", "RESOLVED:", "Agreed:".
# "RESOLVED that" alone on its line, its (a), (b) ... below, is a label too (committee minutes).
LABEL = re.compile(r"^(?:decisions?(?: made)?|resolved(?: that)?|resolutions?|agreed(?: decisions?)?|decisions? taken)\s*[:.\-–]?\s*$", re.I)
# A label with its decision on the same line: "RESOLVED that ...", "Decision: ...".
INLINE = re.compile(r"^(?P<label>resolved|decisions?|agreed|resolution)\b\s*(?:[:\-–]\s*|(?=that\b|\(\d))(?P<rest>\S.*)$", re.I)
_NUMBERED_PARTS = re.compile(r"\s*\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+")
_FOLLOWING = re.compile(r"\bthe following (?:actions?|decisions?|recommendations?|resolutions?) (?:was|were) (?:agreed|made|taken|resolved)\s*[.:]?\s*$", re.I)

_LABEL_PREFIX = re.compile(r"^action\s*\d*[a-z]?\s*:\s*|\s+due(?:\s+date)?\s*:.*$", re.I)
_SENTENCE_RULES: list[tuple[str, re.Pattern]] = [
    ("approval", re.compile(r"\b(?:minutes|notes?|record) of the (?:previous|last) meeting\b[^.]*?\b(?:were|was) (?:agreed|approved|confirmed|accepted|signed)", re.I)),
    # "The notes of the meeting on 17 July 2018 were agreed as an accurate record": partnerships keep notes.
    ("approval", re.compile(r"\b(?:minutes|notes)\b[^.]*?\b(?:approved|agreed|confirmed|signed) as an? (?:correct|true|accurate|fair) record", re.I)),
    ("decision", re.compile(r"^It was (?:agreed|resolved|decided|unanimously agreed)\b(?!\s+(?:this|with))", re.I)),
    ("decision", re.compile(
        r"^(?:The\s+)?(?:[A-Z][\w.&’'-]*\s+){0,4}" + DECIDING_SUBJECTS_RE + r"\s+(?:(?:also|unanimously)\s+)?"
        # The verb in any case: "The Board AGREED to fund ..." (committee minutes set it in capitals).
        r"(?i:agreed(?!\s+(?:this|with|on the need))|resolved|decided|approved|endorsed|offered(?: their)? (?:to )?support|"
        r"supported|asked for|requested|commissioned|ratified|adopted)\b")),
]
# "agreed that data.gov.uk had been very successful": a view of the past, not a decision.
_VIEW = re.compile(r"\bagreed that\b.*?\bhad been\b", re.I)


TOP_MARKER = re.compile(r"^\d{1,3}[.)]?$")  # "123. DECLARATIONS OF INTEREST"
SUB_MARKER = re.compile(r"^\(?(?:i{1,3}|iv|vi{0,3}|ix|x{1,2}|xi{1,3}|[a-h])[.)]$")


def is_heading(b: Block) -> bool:
    """A heading, or a numbered title the PDF left as a paragraph ('4.' 'Strategic Discussion ...')."""
    if b.kind == "heading":
        return True
    marker = (b.marker or "").strip()
    if b.kind == "paragraph" and (TOP_MARKER.match(marker) or SUB_MARKER.match(marker)):
        words = b.text.split()
        return 0 < len(words) <= 12 and not b.text.rstrip().endswith((".", ",", ";")) and b.text[:1].isupper()
    return False


def decision_label(b: Block) -> bool:
    """'DECISION:', 'RESOLVED', 'the following action was agreed.': a label over decisions."""
    return bool(LABEL.match(b.text.strip()) or _FOLLOWING.search(b.text))


@dataclass
class View:
    """The blocks a minutes parser reads, with each block's agenda item and the margin labels."""

    blocks: list[Block]
    item: list[str | None]
    margins: dict[int, str] = field(default_factory=dict)  # first block index of a label -> the label
    margin_blocks: set[int] = field(default_factory=set)

    def item_text(self, i: int) -> str:
        """The text of the agenda item block i sits under (where two people share initials)."""
        return " ".join(b.text for k, b in enumerate(self.blocks) if self.item[k] == self.item[i] and b.kind != "table")

    @classmethod
    def build(cls, blocks: list[Block], item: list[str | None]) -> View:
        view = cls(blocks=blocks, item=item)
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.kind == "margin" and is_initials(b.text):
                view.margins[i] = b.text
                view.margin_blocks.add(i)
                i += 1
                continue
            run = _label_run(blocks, i)
            if run:
                view.margins[i] = " ".join(blocks[k].text for k in range(i, i + run))
                view.margin_blocks.update(range(i, i + run))
                i += run
                continue
            i += 1
        return view


def _one_word(b: Block) -> bool:
    return (b.kind in ("paragraph", "margin") and not b.marker and not b.bold and len(b.text.split()) == 1
            and re.fullmatch(r"[A-Z][a-z]+\.?", b.text) is not None)


def _label_run(blocks: list[Block], i: int) -> int:
    """'Theme' / 'Champs' on two lines of their own: a group written in the margin.

    Two to three one-word lines on consecutive source lines; a one-word paragraph alone is
    text, not a label.
    """
    n = 0
    while i + n < len(blocks) and _one_word(blocks[i + n]) and n < 3:
        if n and blocks[i + n].lines and blocks[i + n - 1].lines and blocks[i + n].lines[0] != blocks[i + n - 1].lines[1] + 1:
            break
        n += 1
    return n if n >= 2 else 0


@dataclass
class Found:
    text: str
    kind: str
    item: str | None
    blocks: list[int]
    labelled: bool  # under a DECISION(S) / RESOLVED label


def find(view: View, skip: set[int]) -> list[Found]:
    """Every decision in the minutes, in document order; `skip` holds blocks read as attendance."""
    blocks, out, used = view.blocks, [], set(skip)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if i in used or i in view.margin_blocks or b.kind in ("table", "footnote") or is_heading(b):
            i += 1
            continue
        text = b.text.strip()
        if LABEL.match(text) or _FOLLOWING.search(text):
            kind = "resolution" if text.lower().startswith("resolv") else "decision"
            found, i = _under_label(view, i, kind, used)
            out.extend(found)
            continue
        m = INLINE.match(text)
        if m and not is_heading(b):
            kind = "resolution" if m.group("label").lower().startswith("resol") else "decision"
            for part in _split_numbered(m.group("rest")):
                out.append(Found(_cap(part), kind, view.item[i], [i], True))
            used.add(i)
            i += 1
            continue
        if b.kind in ("paragraph", "list_item"):
            out.extend(_in_sentences(view, i))
        i += 1
    return out


def _under_label(view: View, i: int, kind: str, used: set[int]) -> tuple[list[Found], int]:
    blocks, found = view.blocks, []
    j = i + 1
    while j < len(blocks):
        b = blocks[j]
        if j in view.margin_blocks:
            j += 1
            continue
        if is_heading(b) or b.kind == "table" or LABEL.match(b.text.strip()):
            break
        cont = found and (found[-1].text.rstrip().endswith(":") or b.text.lstrip()[:1] in "‘'\"“")
        if cont and b.kind == "paragraph":
            found[-1].text = f"{found[-1].text} {b.text}"
            found[-1].blocks.append(j)
        elif b.kind == "list_item" or (b.marker and b.kind == "paragraph") or (b.kind == "paragraph" and _NUMBERED_PARTS.match(b.text)):
            # "(a) the report be noted;" on its own line: a lettered part, its letter left out.
            for part in _split_numbered(_NUMBERED_PARTS.sub("", b.text, count=1) if _NUMBERED_PARTS.match(b.text) else b.text):
                found.append(Found(_cap(part), kind, view.item[j], [j], True))
        elif b.kind == "paragraph" and not found:
            for part in _split_numbered(_LABEL_PREFIX.sub("", b.text)):
                found.append(Found(part, kind, view.item[j], [j], True))
        else:
            break
        used.add(j)
        j += 1
    return found, j


def _split_numbered(text: str) -> list[str]:
    """'(1) that the report be noted; (2) that ...' -> two decisions."""
    parts = [p.strip(" ;") for p in _NUMBERED_PARTS.split(" " + text) if p.strip(" ;")]
    return parts if len(parts) > 1 else [text.strip()]


def _cap(text: str) -> str:
    text = re.sub(r"^(?:that)\s+", "That ", text.strip()) if text.strip().lower().startswith("that ") else text.strip()
    return text[:1].upper() + text[1:]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z‘'\"“(])", text) if s.strip()]


def _in_sentences(view: View, i: int) -> list[Found]:
    b = view.blocks[i]
    sentences = _sentences(b.text)
    out: list[Found] = []
    k = 0
    while k < len(sentences):
        s = sentences[k]
        for kind, rx in _SENTENCE_RULES:
            if rx.search(s) and not _VIEW.search(s):
                text = s
                # "They also supported ...": the body's next sentence belongs to the same decision.
                while k + 1 < len(sentences) and re.match(r"^(?:They|It)\s+(?:also|further)\b|^They\s+expressed\b", sentences[k + 1]):
                    k += 1
                    text = f"{text} {sentences[k]}"
                out.append(Found(text, kind, view.item[i], [i], False))
                break
        k += 1
    return out
