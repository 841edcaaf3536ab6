"""Keep spaCy's tokenizer linear on long runs of characters with no space between them.

spaCy splits a token's suffixes one at a time, searching the whole remaining token for each
(``Tokenizer.find_suffix``): a run of N punctuation marks (",,,,", "####", "((((") costs
N searches of up to N characters. 4,000 commas took 3 s, so one 100 KB line in a paper
would take over half an hour (issue 14). No word, number or link in a paper is that long,
so runs longer than :data:`MAX_RUN` characters are cut into pieces of that length before
the tokenizer sees them; the text of the Doc, and so every character offset, is unchanged.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 100  # characters with no whitespace: longer than any word, number or link we read
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")  # greedy and unanchored: O(MAX_RUN) per start, linear


class GuardedTokenizer:
    """spaCy's own tokenizer for ordinary text; over-long runs become tokens of MAX_RUN characters."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        docs, start = [], 0
        for m in runs:
            if m.start() > start:
                docs.append(self.tokenizer(text[start : m.start()]))
            run = m.group()
            pieces = [run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN)]
            docs.append(Doc(self.vocab, words=pieces, spaces=[False] * len(pieces)))
            start = m.end()
        if start < len(text):
            docs.append(self.tokenizer(text[start:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    # spaCy calls these on a pipeline's tokenizer (nlp.pipe, serialisation): hand them on.
    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def guard_tokenizer(nlp: Language) -> Language:
    """Give ``nlp`` the guarded tokenizer (once); returns ``nlp``."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    return nlp
