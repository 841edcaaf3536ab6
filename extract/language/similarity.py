"""How alike two texts are, after folding case, punctuation and white space.

The measure the gold README describes (token-set Dice, containment of a short text in a
long one, or character ratio, whichever is highest). Parsers use it to pair the same
record written in two places (a recommendation in a list and in a table); the evaluation
uses it to pair extracted records with gold ones.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher


def norm(text) -> str:
    return " ".join(re.sub(r"[^0-9a-z£%]+", " ", str(text or "").lower()).split())


def similarity(a, b) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 1.0 if a == b else 0.0
    ta, tb = set(a.split()), set(b.split())
    common = len(ta & tb)
    dice = 2 * common / (len(ta) + len(tb))
    short, long_ = sorted((len(ta), len(tb)))
    contained = common / short if short >= 3 and short >= 0.5 * long_ else 0.0
    return max(dice, contained, SequenceMatcher(None, a, b).ratio())
