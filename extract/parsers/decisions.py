"""What the meeting decided: DECISION(S) blocks, RESOLVED minutes, "It was agreed that ...".

Block conventions: a label over its decisions ("DECISION:", "RESOLVED:"); a lead-in over its
lettered, numbered or roman parts ("RESOLVED that the Committee:", "The Cabinet resolved to:"),
each part a decision read with its lead-in; a label with its decision ("RESOLVED – That ...",
"RECOMMENDED to Council that ..."); a proposer/seconder or "RESULT: APPROVED" line under a motion.
Sentence conventions (:data:`_SENTENCE_RULES`, verbs from :mod:`..language.verbs`, deciding
subjects from :mod:`..language.bodies`): "It was (then) agreed", "..., and it was agreed that",
"<Body> agreed / resolved / approved ...", passive approvals of minutes and of things ("The dates
were agreed"), appointments, motions, "<Body> is asked to ..."; a run-in "Resolved 14/11/5.01
<sentence>" anywhere in a paragraph. Sentences are split with titles and initials in mind.

Also home of :class:`View`, the minutes as the decision and action rules see them: the
blocks after the attendance list, the agenda item each block sits under, and the margin
labels (initials or a group written beside the text, one label per block run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from boardpapers.schemas.document import Block

from ..language.bodies import DECIDING_SUBJECTS_RE
from ..language.titles import COUNCILLOR_PLURALS, COUNCILLOR_TITLES, HONORIFICS
from ..language.verbs import (
    APPOINTING_VERBS,
    DECIDING_VERBS,
    MINUTES_APPROVAL_VERBS,
    NOTED_OBJECTS,
    PASSIVE_DECIDING_VERBS,
    PROCEDURE_PHRASES,
    RECOMMENDED_VERBS,
    VERDICTS,
)
from ..readers.blocks import is_initials

# A block that is only a label: "DECISION:", "DECISIONS", "RESOLVED:", "Agreed:".
# "RESOLVED that" alone on its line, its (a), (b) ... below, is a label too (committee minutes).
LABEL = re.compile(
    r"^(?:decisions?(?: made)?|resolved(?: that)?|resolutions?|agreed(?: decisions?)?|decisions? taken)\s*[:.\-–]?\s*$",
    re.I,
)
# A label with its decision on the same line: "RESOLVED that ...", "Decision: ...", "RESOLVED to note ...".
INLINE = re.compile(
    r"^(?P<label>resolved|decisions?|agreed|resolution)\b\s*(?:[:\-–]\s*|(?=that\b|to\s+[a-z]|\(\d))(?P<rest>\S.*)$",
    re.I,
)
# A committee's recommendation to the body above it, set as a label in capitals: "RECOMMENDED to Council
# that ...", "RECOMMENDED: That Cabinet approves ...". ("It was recommended that:" over a report's points is not one.)
_RECOMMENDED = re.compile(
    r"^(?P<label>RECOMMENDED)\b\s*(?:[:\-–]\s*|(?=(?:to\s+(?:the\s+)?[A-Z]\w+\s+)?that\b))(?P<rest>\S.*)$"
)
# A lead-in over its parts: "RESOLVED that the Committee:", "The Cabinet resolved to:", "It was RESOLVED
# that:" with (a), (b), (i) ... below or after it. Each part is a decision, read with its lead-in.
LEAD_IN = re.compile(
    r"^(?:(?P<label>resolved|it was resolved|agreed|it was agreed)\b[\s:\-–]*(?P<that>that\b.*?|to)?|"
    r"(?P<subject>(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){0,4}" + DECIDING_SUBJECTS_RE + r")\s+"
    r"(?i:(?:unanimously\s+)?(?:resolved|resolves|agreed|agrees|decided|decides)(?:\s+(?:that|to))?))\s*[:\-–]\s*$",
    re.I,
)
_NUMBERED_PARTS = re.compile(r"\s*\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+")
# Parts set as "(a)", "a)", "a.", "1.", "i)" at the start of a line of their own.
_PART_MARKER = re.compile(r"^\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]$", re.I)
_FOLLOWING = re.compile(
    r"\bthe following (?:actions?|decisions?|recommendations?|resolutions?) (?:was|were) (?:agreed|made|taken|resolved)\s*[.:]?\s*$",
    re.I,
)
# "The following policies were approved: A; B; C": one decision, the list with it. So is a lead-in that
# names what was agreed, with or without "were", over its list: "Panel priorities agreed for next quarter:",
# "Dates approved for 2025:" (not an action list, "Actions agreed:", nor items for the next agenda).
_FOLLOWING_APPROVED = re.compile(
    r"^the following\s+(?:[\w/-]+\s+){0,3}(?:was|were)\s+(?:(?:duly|unanimously)\s+)?(?:"
    + "|".join(PASSIVE_DECIDING_VERBS)
    + r")\b"
    r"|^(?:the\s+)?(?!(?:the\s+)?(?:\w+\s+)?actions?\b)(?:[\w/’'-]+\s+){1,4}(?:(?:was|were)\s+)?(?:(?:duly|unanimously)\s+)?(?:"
    + "|".join(PASSIVE_DECIDING_VERBS)
    + r")\b(?:\s+(?!(?:[^:]*\b)?agenda\b)[^.:;]{1,40})?\s*:\s*$",
    re.I,
)

_LABEL_PREFIX = re.compile(r"^action\s*\d*[a-z]?\s*:\s*|\s+due(?:\s+date)?\s*:.*$", re.I)
_PASSIVE = "|".join(PASSIVE_DECIDING_VERBS)
_SUBJECT = r"(?:The\s+|All\s+(?:the\s+)?)?(?:[A-Z][\w.&’'-]*\s+){0,4}" + DECIDING_SUBJECTS_RE + r"(?:\s+present)?"
_SENTENCE_RULES: list[tuple[str, re.Pattern]] = [
    (
        "approval",
        re.compile(
            r"\b(?:minutes|notes?|record) of the (?:previous|last) meeting\b[^.]*?\b(?:were|was) (?:agreed|approved|confirmed|accepted|signed|adopted)",
            re.I,
        ),
    ),
    # "The notes of the meeting on 17 July 2018 were agreed as an accurate record": partnerships keep notes.
    (
        "approval",
        re.compile(
            r"\b(?:minutes|notes)\b[^.]*?(?<!to be )\b(?:approved|agreed|confirmed|signed|adopted) as an? (?:correct|true|accurate|fair) (?:record|statement)",
            re.I,
        ),
    ),
    # "The minutes of the meetings held on 28 March 2022 were agreed and signed", "The minutes were approved".
    (
        "approval",
        re.compile(
            r"^(?:The\s+)?(?:draft\s+)?(?:minutes|notes)\b.{0,160}?\b(?:were|was)\s+(?:duly\s+|then\s+|unanimously\s+)?(?:"
            + "|".join(MINUTES_APPROVAL_VERBS)
            + r")\b",
            re.I,
        ),
    ),
    # "Agreed as a correct record." under the item on the last meeting's notes: the item says whose record.
    (
        "approval",
        re.compile(
            r"^(?:Agreed|Approved|Accepted|Confirmed)(?:\s+and\s+signed)?\s+as\s+an?\s+(?:correct|true|accurate|fair)\s+(?:record|statement)",
            re.I,
        ),
    ),
    # "The following policies were approved: Charging; Complaints": one decision with its list.
    ("approval", _FOLLOWING_APPROVED),
    # "It was agreed that ...", "It was then agreed ...", and the same after a clause: "..., and it was agreed that".
    (
        "decision",
        re.compile(
            r"(?:^|[,;]\s+and\s+|\band\s+)[Ii]t was (?:(?:then|also|further|subsequently|therefore|duly|unanimously|formally)\s+){0,2}"
            r"(?:agreed|resolved|decided|RESOLVED|AGREED)\b(?!\s+(?:this|with|between|by\s+(?!all\b)))"
        ),
    ),
    # "Agreed to be circulated ...", "Agreed that ...": a decision with no subject.
    ("decision", re.compile(r"^(?:Agreed|AGREED|Resolved|RESOLVED|Approved|APPROVED)\s+(?:to|that)\b")),
    (
        "decision",
        re.compile(
            r"^"
            + _SUBJECT
            + r"\s+(?:(?:had|have)\s+[a-z]+ed\b[^.;]{0,80}?\band\s+)?(?:(?:also|unanimously|then|further|formally|duly)\s+)?"
            # The verb in any case: "The Board AGREED to fund ..." (committee minutes set it in capitals).
            r"(?i:agreed(?!\s+(?:this|with|on the need|between))|agrees(?!\s+with)|"
            + "|".join(v for v in DECIDING_VERBS if not v.startswith("agree"))
            + r"|offered(?: their)? (?:to )?support)\b(?:\s+unanimously)?"
        ),
    ),
    # "The Board noted the report": noting a paper is a decision; "Members noted that ..." is a remark.
    (
        "decision",
        re.compile(
            r"^"
            + _SUBJECT
            + r"\s+(?:(?:also|formally|duly)\s+)?(?i:noted)\s+(?:the|this|that)\s+(?:\w+\s+){0,3}?(?:"
            + "|".join(NOTED_OBJECTS)
            + r")s?\b(?!\s+(?:had|has|was|were|is|are|would)\b)"
        ),
    ),
    # "The dates were agreed.", "The revised policy was approved": the meeting's act in the passive.
    (
        "decision",
        re.compile(
            r"^(?:The|This|These|Both|All|Each)\s+(?!minutes\b|notes\b|item\b|meeting\b|following\b|apolog)[\w’'/&,()-]+(?:\s+[\w’'/&,()-]+){0,7}?\s+"
            r"(?:was|were)\s+(?:(?:duly|unanimously|formally|then|also)\s+)?(?:"
            + _PASSIVE
            + r")\b(?!\s+(?:that|to|by\s+(?!all\b)|with|between))"
            # "The budget was approved last year": a past act reported, not this meeting's
            r"(?!.*\b(?:last\s+(?:year|month|meeting)|previously|earlier|in\s+(?:19|20)\d\d|at\s+the\s+(?:last|previous))\b)"
        ),
    ),
    # "Andrew McKenzie was appointed as Finance Lead", "Cllr Smith was elected Chair".
    (
        "decision",
        re.compile(
            r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}(?:was|were)\s+(?:(?:duly|unanimously)\s+)?(?:"
            + "|".join(APPOINTING_VERBS)
            + r")\b(?!\s+(?:by\s+the\s+(?:Government|Secretary)))"
            # "Sally Herbert was appointed as headteacher in 2020": news of an earlier appointment
            r"(?!.*\b(?:in\s+(?:19|20)\d\d|last\s+(?:year|month|term)|previously|earlier\s+this)\b)"
        ),
    ),
    # "She was appointed as a Parent Governor": the sentence before names her (see _POINTS_BACK).
    (
        "decision",
        re.compile(
            r"^(?:She|He|They)\s+(?:was|were)\s+(?:(?:duly|unanimously)\s+)?(?:" + "|".join(APPOINTING_VERBS) + r")\b"
        ),
    ),
    # Motions: "CC proposed and LH seconded that ...", "It was proposed by X and seconded by Y that ...".
    # "Proposed Cllr Ash, seconded Cllr Bell, that ...": the seconder without "by", a comma before "that".
    ("decision", re.compile(r"\bproposed\b.{0,60}?\bseconded\b(?:\s+(?:by\s+)?[^,.;]{1,40}?)?,?\s+that\b", re.I)),
    # "The Board is asked to note the report": a recommendation in one sentence.
    (
        "recommendation",
        re.compile(
            r"^"
            + _SUBJECT
            + r"\s+(?:is|are)\s+(?:therefore\s+)?(?:asked|recommended|invited|requested)\s+to\s+(?:"
            + "|".join(RECOMMENDED_VERBS)
            + r")\b"
        ),
    ),
]
# "agreed that data.gov.uk had been very successful": a view of the past, not a decision. Only where
# "had been" belongs to the agreed clause itself, not to a later "when the works had been carried out".
_VIEW = re.compile(r"\bagreed that\s+(?:(?!\b(?:when|until|once|after|if|before)\b)[^,;])*?\bhad been\b", re.I)
# Procedure and agenda wording: "put the motion to the vote", "to be approved as a correct record".
_NOT_DECISION = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in PROCEDURE_PHRASES)
    + r")\b|^to (?:be )?(?:approve|agree|receive|note|consider)d?\b"
    # "The following matters were agreed for the next agenda:", "... as shown: None": no decision
    r"|^the following\b.*\bfor (?:the )?(?:next )?agenda\b|^the following\b.*:\s*(?:none|n/a|nil)\.?$",
    re.I,
)
# A decision that does not say what it is about: "Agreed to be circulated ...", "The dates were agreed."
_ELLIPTICAL = re.compile(
    r"^(?:Agreed|AGREED|Approved|APPROVED)\b|^(?:The|These|This|Both)\s+\w+\s+(?:was|were)\s+(?:agreed|approved)\s*\.?$"
)
# A sub-item's title standing as a sentence of its own: short, with no verb.
_TITLE_SENTENCE = re.compile(r"^(?:\(?[a-z]\)|[a-z]\.)?\s*[A-Z][^.]{2,120}\.?$")
_VERB_WORD = re.compile(
    r"\b(?:is|are|was|were|be|been|had|has|have|will|would|should|did|does|agreed|noted|said|reported)\b", re.I
)
# A sentence that opens by pointing back ("She was appointed ...") takes the sentence before it.
_POINTS_BACK = re.compile(r"^(?:She|He|They|This|These|It)\b")
# A verdict on the motion before it: "All in favour.", "Carried unanimously.", "RESULT: APPROVED".
_VERDICT = re.compile(
    r"^(?:(?:result|outcome|vote|decision)\s*[:\-–]\s*)?(?:"
    + "|".join(VERDICTS)
    + r")(?:\s+unanimously)?\s*[.!]?$|^(?:all|councillors|members|governors)(?:\s+present)?\s+(?:were\s+)?"
    r"(?:in favour|were content|content|agreed)\b.{0,60}$",
    re.I,
)
# A verdict printed under a motion, with its label: "RESULT: APPROVED", "Outcome – carried".
_LABELLED_VERDICT = re.compile(r"^(?:result|outcome|vote|voting)\s*[:\-–]\s*(?:" + "|".join(VERDICTS) + r")\b", re.I)
# A motion line: "Proposed Cllr Smith, seconded Cllr Jones", "Proposer: AB  2nd: CD".
_MOTION = re.compile(
    r"^(?:proposed|proposer|moved)\b[\s:]*(?:by\s+)?[^.;]{1,60}?[,;]?\s*(?:and\s+)?(?:seconded|seconder|2nd)\b", re.I
)
_MOTION_CARRIED = re.compile(r"\bseconded\b[^.;]{0,80}?\b(?:that|to\s+[a-z]+)\b", re.I)
# A decision run into a paragraph after its minute reference: "... (2): Resolved 14/11/5.01 The minutes ...".
_RUN_IN = re.compile(
    r"(?:(?<=\s)|^)(?:RESOLVED|Resolved|resolved)\s+(?:Minute\s+)?(?P<ref>\(?\d{1,4}(?:[/.]\d{1,4}){1,3}[a-z]?\)?)\s*[:.\-–]?\s+(?=[A-Z‘'\"“])"
)
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
    return (
        b.kind in ("paragraph", "margin")
        and not b.marker
        and not b.bold
        and len(b.text.split()) == 1
        and re.fullmatch(r"[A-Z][a-z]+\.?", b.text) is not None
    )


def _label_run(blocks: list[Block], i: int) -> int:
    """'Theme' / 'Champs' on two lines of their own: a group written in the margin.

    Two to three one-word lines on consecutive source lines; a one-word paragraph alone is
    text, not a label.
    """
    n = 0
    while i + n < len(blocks) and _one_word(blocks[i + n]) and n < 3:
        if (
            n
            and blocks[i + n].lines
            and blocks[i + n - 1].lines
            and blocks[i + n].lines[0] != blocks[i + n - 1].lines[1] + 1
        ):
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
        if i in used or i in view.margin_blocks or b.kind in ("table", "footnote", "field") or is_heading(b):
            i += 1
            continue
        text = b.text.strip()
        # A motion line that states what it carried ("Proposed by A, seconded by B and RESOLVED that ...") is
        # the decision itself, read by the sentence rules below; a bare one points to the block above.
        motion = _MOTION.match(text) and not _MOTION_CARRIED.search(text)
        if (motion or _LABELLED_VERDICT.match(text)) and b.kind in ("paragraph", "list_item"):
            # "Proposer: Cllr A  2nd: Cllr B", "RESULT: APPROVED" under a motion: the motion was carried.
            prev = _previous_text_block(view, i, used)
            if prev is not None and not any(prev in f.blocks for f in out):
                out.append(Found(_cap(blocks[prev].text.strip()), "decision", view.item[prev], [prev, i], False))
            used.add(i)
            i += 1
            continue
        if LABEL.match(text) or _FOLLOWING.search(text):
            kind = "resolution" if text.lower().startswith("resolv") else "decision"
            found, i = _under_label(view, i, kind, used)
            out.extend(found)
            continue
        lead = _lead_in(text)
        if lead is not None:
            found, j = _parts_after(view, i, lead, used)
            out.extend(found)  # a lead-in without its parts is no decision
            i = max(j, i + 1)
            continue
        m = INLINE.match(text) or _RECOMMENDED.match(text)
        if m and not is_heading(b) and not _RUN_IN.match(text):
            label = m.group("label").lower()
            kind = (
                "resolution"
                if label.startswith("resol")
                else "recommendation"
                if label.startswith("recommend")
                else "decision"
            )
            rest = (
                m.group("rest") if kind != "recommendation" else text
            )  # "RECOMMENDED to Council that ..." reads whole
            split = _split_lead_in(rest)
            parts = [f"{split[0]} {p}" for p in split[1]] if split else _split_numbered(rest)
            for part in parts:
                out.append(Found(_cap(part), kind, view.item[i], [i], True))
            used.add(i)
            i += 1
            continue
        if b.kind in ("paragraph", "list_item"):
            nxt = _cut_at_page_break(view, i, used)
            if nxt is not None:  # "... that the Board" | new page | "approve the plan.": one sentence, not a cut one
                joined = b.model_copy(update={"text": f"{b.text.rstrip()} {blocks[nxt].text.lstrip()}"})
                view.blocks[i] = joined
                used.add(nxt)
            found = _in_sentences(view, i)
            if nxt is not None:
                view.blocks[i] = b
            if found and _FOLLOWING_APPROVED.match(found[-1].text) and found[-1].text.rstrip().endswith(":"):
                # "The following policies were approved:" over a list (or one short line): the list is the decision's.
                j = i + 1
                while j < len(blocks) and blocks[j].kind == "list_item":
                    used.add(j)
                    j += 1
                first = (
                    split_sentences(blocks[j].text)[:1]
                    if j == i + 1 and j < len(blocks) and blocks[j].kind == "paragraph"
                    else []
                )
                if first and len(first[0].split()) <= 12:
                    found[-1].text = f"{found[-1].text} {first[0]}"  # the one item, the paragraph's first sentence
                    found[-1].blocks.append(j)
                elif j > i + 1:
                    found[-1].text = f"{found[-1].text} " + "; ".join(
                        blocks[k].text.strip(" ;.") for k in range(i + 1, j)
                    )
                    found[-1].blocks.extend(range(i + 1, j))
                    out.extend(found)
                    i = j
                    continue
                out.extend(found)
                i += 1
                continue
            out.extend(found)
        i += 1
    return _dedupe(out)


def _cut_at_page_break(view: View, i: int, used: set[int]) -> int | None:
    """The paragraph a page break cut this one's last sentence from: it ends with no full stop, and
    the next text block, on a later page, opens in lower case."""
    b = view.blocks[i]
    if not b.text.strip() or b.text.rstrip()[-1] in '.!?:;)"”':
        return None
    k = i + 1
    while k < len(view.blocks) and (k in view.margin_blocks or view.blocks[k].kind in ("margin", "footnote")):
        k += 1
    if k >= len(view.blocks) or k in used or view.blocks[k].kind != "paragraph":
        return None
    nxt = view.blocks[k]
    if nxt.page is None or b.page is None or nxt.page <= b.page or not nxt.text.lstrip()[:1].islower():
        return None
    return k


def _previous_text_block(view: View, i: int, used: set[int]) -> int | None:
    k = i - 1
    while k >= 0 and (k in view.margin_blocks or view.blocks[k].kind in ("margin", "footnote")):
        k -= 1
    if k < 0 or view.blocks[k].kind not in ("paragraph", "list_item") or is_heading(view.blocks[k]) or k in used:
        return None
    return k


def _dedupe(found: list[Found]) -> list[Found]:
    """One decision per text and block: a sentence two rules read is one decision."""
    seen, out = set(), []
    for f in found:
        key = (f.blocks[0], " ".join(f.text.split()).lower())
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _lead_in(text: str) -> str | None:
    """'RESOLVED that the Committee:' -> 'That the Committee'; 'The Cabinet resolved to:' -> itself."""
    m = LEAD_IN.match(text)
    if not m:
        return None
    if m.group("subject"):
        return text.rstrip(" :-–")
    that = (m.group("that") or "").strip()
    return that.rstrip(" :-–") if that else ""


def _split_lead_in(text: str) -> tuple[str, list[str]] | None:
    """'that the Committee: (a) notes the report; (b) agrees ...' -> ('That the Committee', [parts])."""
    m = re.match(r"^(?P<lead>.{3,160}?)\s*[:\-–]\s*(?P<parts>\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\).*)$", text, re.I)
    # "That the Board (a) notes the plan; (b) asks ...": a short lead-in runs into its first part unmarked.
    m = m or re.match(
        r"^(?P<lead>(?i:that)\s+[^.;:()]{2,60}?)\s+(?P<parts>\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s.*)$", text
    )
    if not m:
        return None
    parts = _split_numbered(m.group("parts").lstrip())
    if len(parts) < 2 and not _NUMBERED_PARTS.match(" " + m.group("parts")):
        return None
    parts = [_NUMBERED_PARTS.sub("", " " + p, count=1).strip() if _NUMBERED_PARTS.match(" " + p) else p for p in parts]
    # "(1) approves the budget; and (2) ...": the "and" that joins the parts is no part's.
    parts = [re.sub(r"[;,]?\s+and$", "", p.rstrip(" ;,")).rstrip(" ;,") for p in parts if p.strip(" ;,")]
    if any(p.lower() in ("", "and", "or", "to", "&") for p in parts):
        return None  # "That recommendations (a) and (b) be approved": letters named in a sentence, not parts
    return _cap(m.group("lead")), parts


def _with_lead(lead: str, part: str) -> str:
    part = part.strip().rstrip(";,").rstrip()
    if part.lower().startswith("and "):
        part = part[4:]
    if part.endswith(" and"):
        part = part[:-4].rstrip(" ;,")
    return _cap(f"{lead} {part}" if lead else part)


def _parts_after(view: View, i: int, lead: str, used: set[int]) -> tuple[list[Found], int]:
    """The lettered, numbered or roman parts set below a lead-in, each a decision with the lead-in."""
    blocks, found = view.blocks, []
    kind = (
        "resolution"
        if re.match(r"^(?:it was )?resolv", blocks[i].text.strip(), re.I) or "resolv" in lead.lower()
        else "decision"
    )
    j = i + 1
    while j < len(blocks):
        b = blocks[j]
        if j in view.margin_blocks:
            j += 1
            continue
        marker = (b.marker or "").strip()
        numbered = _NUMBERED_PARTS.match(" " + b.text)
        # A short part may come out of the reader as a heading ("(b) endorses the priorities; and").
        if (
            b.kind == "list_item"
            or (b.kind == "paragraph" and (_PART_MARKER.match(marker) or numbered))
            or (b.kind == "heading" and numbered)
        ):
            text = _NUMBERED_PARTS.sub("", " " + b.text, count=1).strip() if numbered else b.text
            found.append(Found(_with_lead(lead, text), kind, view.item[i], [i, j], True))
            used.add(j)
            j += 1
            continue
        break
    if found:
        used.add(i)
    return found, j


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
        elif (
            b.kind == "list_item"
            or (b.marker and b.kind == "paragraph")
            or (b.kind == "paragraph" and _NUMBERED_PARTS.match(b.text))
        ):
            # "(a) the report be noted;" on its own line: a lettered part, its letter left out.
            for part in _split_numbered(
                _NUMBERED_PARTS.sub("", b.text, count=1) if _NUMBERED_PARTS.match(b.text) else b.text
            ):
                found.append(Found(_cap(part), kind, view.item[j], [j], True))
        elif b.kind == "paragraph" and not found:
            lead = _lead_in(b.text.strip())
            if lead is not None:  # "DECISION:" over "RESOLVED that the Committee:" over its parts
                parts, k = _parts_after(view, j, lead, used)
                found.extend(parts)
                j = k
                break
            split = _split_lead_in(_LABEL_PREFIX.sub("", b.text))
            parts = [f"{split[0]} {p}" for p in split[1]] if split else _split_numbered(_LABEL_PREFIX.sub("", b.text))
            for part in parts:
                found.append(Found(_cap(part), kind, view.item[j], [j], True))
        else:
            break
        used.add(j)
        j += 1
    return found, j


def _split_numbered(text: str) -> list[str]:
    """'(1) that the report be noted; (2) that ...' -> two decisions."""
    parts = [p.strip(" ;") for p in _NUMBERED_PARTS.split(" " + text) if p.strip(" ;")]
    if any(p.lower() in ("and", "or", "to", "&") for p in parts):
        return [text.strip()]  # "recommendations (a) and (b) be approved": letters named in one resolution
    return parts if len(parts) > 1 else [text.strip()]


def _cap(text: str) -> str:
    text = re.sub(r"^(?:that)\s+", "That ", text.strip()) if text.strip().lower().startswith("that ") else text.strip()
    return text[:1].upper() + text[1:]


# Words written with a full stop that does not end a sentence: titles ("Cllr.", "Mr."), and a few
# abbreviations minutes use ("No.", "approx.", "e.g."). A single capital ("G.") is an initial.
_ABBREVIATIONS = {t.rstrip(".").lower() for t in HONORIFICS + COUNCILLOR_TITLES + COUNCILLOR_PLURALS} | {
    "st",
    "no",
    "nos",
    "approx",
    "e.g",
    "i.e",
    "eg",
    "ie",
    "cf",
    "vs",
    "fig",
    "ref",
    "insp",
    "supt",
    "sgt",
    "det",
    "ch",
    "cllrs",
    "rev",
    "revd",
    "prof",
    "hon",
    "rt",
    "mt",
    "ft",
    "jnr",
    "snr",
    "inc",
    "dept",
    "min",
    "para",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z0-9‘'\"“(•])|\s+•\s+|(?<=[a-z]\.)(?=\([A-Z])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a full stop after a title ('Cllr. G. Gillett') or an initial ends none."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()].rstrip("\"”’'")
        last = before.split()[-1] if before.split() else ""
        word = last.rstrip(".").lstrip("(‘'\"“")
        if m.group(0).strip() != "•" and (word.lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word)):
            continue
        piece = text[start : m.start() if m.group(0).strip() == "•" else m.start()].strip()
        if m.group(0).strip() != "•":
            piece = text[start : m.start()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s.lstrip("• ").strip() for s in out if s.lstrip("• ").strip()]


def _sentences(text: str) -> list[str]:
    return split_sentences(text)


def _run_in(text: str) -> list[tuple[str, str, str]]:
    """The paragraph cut at each run-in 'Resolved <ref>': [(text before, ref, text after)] in order."""
    marks = list(_RUN_IN.finditer(text))
    if not marks:
        return []
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((m.group("ref").strip("()"), text[m.end() : end]))
    return [(text[: marks[0].start()], *out[0])] + [("", *o) for o in out[1:]]


def _minute_of(ref: str) -> str:
    """'14/11/5.01' -> '14/11/5': the minute a resolution sits under, not its paragraph number."""
    return re.sub(r"\.\d{1,2}$", "", ref) if "/" in ref else ref


def _in_sentences(view: View, i: int) -> list[Found]:
    b = view.blocks[i]
    out: list[Found] = []
    chunks = _run_in(b.text)
    if chunks:
        for before, ref, after in chunks:
            if before.strip():
                out.extend(_sentence_rules(view, i, split_sentences(before)))
            sentences = split_sentences(after)
            if sentences:
                first = sentences[0]
                out.append(Found(_cap(first), "resolution", _minute_of(ref), [i], True))
                out.extend(_sentence_rules(view, i, sentences[1:]))
        return out
    return _sentence_rules(view, i, split_sentences(b.text))


_ACTION_TAG = re.compile(r"\s*\(\s*actions?\s*[:\-–]\s*[^)]{1,60}\)", re.I)
# A heading run into its paragraph: "24/56 Village Fete: Councillors agreed ...", "Minute 64/17c: ...".
_RUN_IN_HEADING = re.compile(
    r"^(?:(?:Minute\s+)?\d{1,4}(?:[/.]\d{1,4}){0,3}[a-z]?\)?\s+)?(?:[A-Z][\w’'&/-]*)(?:\s+[\w’'&/-]+){0,7}?\s*:\s+(?=[A-Z])"
)


def _rule_of(sentence: str) -> str | None:
    kind = _sentence_rule(sentence)
    heading = _RUN_IN_HEADING.match(sentence)
    if kind is None and heading and not INLINE.match(sentence):
        return _sentence_rule(sentence[heading.end() :])
    return kind


def _sentence_rule(sentence: str) -> str | None:
    if _NOT_DECISION.search(sentence):
        return None
    inline = INLINE.match(sentence)
    if inline and re.match(r"^(?:resolved|agreed)\b", sentence, re.I):
        return "resolution" if sentence.lower().startswith("resol") else "decision"
    for kind, rx in _SENTENCE_RULES:
        if rx.search(sentence) and not _VIEW.search(sentence):
            return kind
    return None


def _sentence_rules(view: View, i: int, sentences: list[str]) -> list[Found]:
    out: list[Found] = []
    k = 0
    while k < len(sentences):
        s = sentences[k]
        kind = _rule_of(s)
        if kind is None and _MOTION.match(s) and k > 0 and _rule_of(sentences[k - 1]) is None:
            # "Proposed Cllr Smith, seconded Cllr Jones, all in favour": the motion is the sentence before.
            out.append(Found(_cap(sentences[k - 1]), "decision", view.item[i], [i], False))
            k += 1
            continue
        if kind is not None:
            text = s
            if (
                _POINTS_BACK.match(s)
                and k > 0
                and kind == "decision"
                and re.search(r"\b(?:" + "|".join(APPOINTING_VERBS) + r")\b", s)
            ):
                text = f"{sentences[k - 1]} {s}"
            elif (
                k > 0
                and _ELLIPTICAL.match(s)
                and _TITLE_SENTENCE.match(sentences[k - 1])
                and not _VERB_WORD.search(sentences[k - 1])
            ):
                # "a. Dates for FGB meetings for 2022/2023. Agreed to be circulated.": the sub-item's title says what
                text = f"{sentences[k - 1]} {s}"
            if _FOLLOWING_APPROVED.match(text) and text.rstrip().endswith(":") and k + 1 < len(sentences):
                k += 1  # "The following policy was approved:" and the list after it
                text = f"{text} {sentences[k]}"
            # "They also supported ...": the body's next sentence belongs to the same decision.
            while k + 1 < len(sentences) and (
                re.match(r"^(?:They|It)\s+(?:also|further)\b|^They\s+expressed\b", sentences[k + 1])
                or (_VERDICT.match(sentences[k + 1]) and "proposed" in s.lower())
            ):
                k += 1
                text = f"{text} {sentences[k]}"
            item = view.item[i]
            text = _ACTION_TAG.sub("", text)  # "... before August (Action: OT)." : the owner tag is the action's
            if item and text.startswith(f"{item} "):
                text = text[len(item) + 1 :]  # "24/56 Village Fete: Councillors agreed ...": the number is the item
            out.append(Found(text, kind, item, [i], False))
        k += 1
    return out


# Whose report a decision was taken on: "The Committee considered a report of the Head of Policy and
# Strategy on ...", "Supt Evans presented a report setting out ...", "(Report of the Director of Public Health)".
_REPORT_OF = re.compile(
    r"\b(?:considered|received|noted|discussed)\s+(?:a|the)\s+(?:joint\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<a>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|and|for|&))*)"
    r"|\(\s*report\s+(?:of|by|from)\s+(?:the\s+)?(?P<b>[A-Z][^)]{2,80})\)"
    r"|(?:^|[.;]\s+)(?P<c>(?:(?:Supt|Insp|Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})\s+"
    r"(?:presented|introduced)\s+(?:a|the|this|his|her|their)\s+(?:\w+\s+){0,2}?report\b"
    r"|\breport\s+(?:presented|introduced|submitted)\s+by\s+(?:the\s+)?(?P<d>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and|for|&))*)"
)


def report_by(view: View, item: str | None) -> str | None:
    """The author the item's minute names for the report it decided on, as written."""
    if item is None:
        return None
    for k, b in enumerate(view.blocks):
        if view.item[k] != item or b.kind not in ("paragraph", "list_item", "heading"):
            continue
        m = _REPORT_OF.search(b.text)
        if m:
            who = (m.group("a") or m.group("b") or m.group("c") or m.group("d")).strip()
            return re.sub(r"\s+(?:and|of|for|&)$", "", who)
    return None
