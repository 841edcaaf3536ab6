"""The spaCy pipeline, built once per process.

A trained English pipeline is used when one is installed (``pip install
'boardpapers[model]'`` gives ``en_core_web_sm``); otherwise a blank English pipeline with a
sentencizer. Nothing is downloaded at run time. Parsers add their own registered
components (an EntityRuler seeded with attendees, Matcher patterns) to a copy via
:func:`new_pipeline`, so one paper's names never leak into the next.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

TRAINED = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")


@functools.lru_cache(maxsize=1)
def trained_model_name() -> str | None:
    import importlib.util

    for name in TRAINED:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def new_pipeline(trained: bool | None = None) -> Language:
    """A fresh pipeline: the trained model if asked for (or, by default, if installed), else blank."""
    name = trained_model_name() if trained is not False else None
    if name:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    else:
        nlp = spacy.blank("en")
    if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    from ..long_tokens import guard_tokenizer

    return guard_tokenizer(nlp)  # linear on long runs of punctuation (issue 14)


@functools.lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """One pipeline per process for components that hold no per-document state."""
    return new_pipeline()


def has_trained_model(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names or "tagger" in nlp.pipe_names
