"""Registered spaCy components for minutes: people and posts as entities, and the tasks given to them.

``people_pipeline(people)`` builds a per-document pipeline on the thread's copy of
:func:`nlp.new_pipeline` (its tokenizer and components, which hold nothing of a paper): its own
EntityRuler seeded with the paper's attendees, the spellings the text uses for them
("Cllr. G. Gillett", "A. Jenkinson" for "Adrian Jenkinson"), first names and surnames that
point to one person, and initials; posts ("the Clerk", "Parish Clerk", "Head of Policy and
Strategy") and groups ("Members", "all members", "Democratic Services") from the lexicon in
:mod:`.owners`; then the ``boardpapers_tasks`` component, a Matcher that marks the task forms
listed on :class:`TaskMatcher`. A blank pipeline has no part-of-speech tags, so a verb is a
word from the lexicon of :mod:`.verbs`, or any lower-case word after "to" that is not a
determiner or pronoun. Titles and initials keep their full stop ("Cllr.", "G."): it ends no
sentence.
"""

from __future__ import annotations

import threading
from itertools import groupby

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .nlp import new_pipeline, shared_pipeline
from .owners import GROUP_OWNERS, POSTS
from .people import People, initials_of
from .titles import COUNCILLOR_PLURALS, COUNCILLOR_TITLES, HONORIFICS, SURNAME_TITLES
from .verbs import (
    ACTION_VERBS,
    ASKED_VERBS,
    COMMIT_VERBS,
    INSTRUCTING_VERBS,
    NOT_TASK_AFTER_MODAL,
    NOT_VERBS,
    TASK_MODALS,
    TASK_THAT_VERBS,
)

# Titles written with a full stop ("Cllr.", "Mr.", "Supt."), and capitals as initials ("G."): one token each.
DOTTED_WORDS = sorted(
    {t for t in HONORIFICS + COUNCILLOR_TITLES + COUNCILLOR_PLURALS if " " not in t}
    | {"Supt", "Insp", "Sgt", "Det", "St", "Nos"}
    | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
)

__all__ = [
    "ACTION_VERBS",
    "NOT_VERBS",
    "COMMIT_VERBS",
    "ASKED_VERBS",
    "MATCHER_LABELS",
    "TaskMatcher",
    "people_pipeline",
    "build_pipelines",
    "owner_of",
    "owners_of",
    "person_patterns",
    "post_patterns",
]

MATCHER_LABELS = ("TO_VERB", "COMMITS", "ASKED", "WILL", "MODAL", "THAT", "PROMISED", "OFFER")
# Words after "and that X" that are not a task's verb: "and that the Clerk had ...".
NOT_AFTER_THAT_SUBJECT = {
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "did",
    "does",
    "could",
    "can",
    "may",
    "might",
    "felt",
    "said",
    "thought",
    "believed",
    "noted",
    "reported",
    "confirmed",
}
# Who may be given a task: a person, a post ("the Clerk", "Parish Clerk") or a group ("Members").
OWNER_LABELS = ("PERSON", "POST", "GROUP")
# Words a subject's clause may run over before "and offered to ..." ("X reported that ... and offered to").
_CLAUSE_LIMIT = 40


@Language.factory("boardpapers_tasks")
def make_task_matcher(nlp: Language, name: str) -> TaskMatcher:
    return TaskMatcher(nlp)


class TaskMatcher:
    """Marks task phrases as ``doc.spans["tasks"]``, each labelled with the rule that found it.

    TO_VERB "X to <verb>"; COMMITS "X undertook / offered / agreed to <verb>", also in a second
    clause ("X reported that ... and offered to"); ASKED "X was asked / advised to <verb>"; WILL
    "X will <verb>"; MODAL "X is to / should / would <verb>"; THAT "agreed / suggested that X
    <verb>" (the subjunctive: "that the Clerk write"); PROMISED "X advised she would <verb>";
    OFFER "accept X's offer to <verb>". A group ("Members") takes tasks only as "Members to
    <verb>" or "Members were asked to <verb>": "Members agreed to ..." is the meeting deciding.
    """

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)

        # Owners are matched entity by entity, each anchored at its first token (B) and running over
        # at most seven more (I). As {"ENT_TYPE": ..., "OP": "+"} (or "{1,8}"), a run of n names (a
        # line of initials, "A A A ...") kept partial matches alive from every token in every split
        # of the run: quadratic, then exponential in the bound (issue 14).
        def entity(labels: list[str]) -> list[dict]:
            return [
                {"ENT_TYPE": {"IN": labels}, "ENT_IOB": "B"},
                {"ENT_TYPE": {"IN": labels}, "ENT_IOB": "I", "OP": "{0,7}"},
            ]

        one = entity(["PERSON", "POST"])
        both = {"LOWER": {"IN": ["and", "&"]}, "OP": "?"}
        anyone = entity(list(OWNER_LABELS))
        # One person or post, or two ("Cllr. Crisp and Cllr. Collins would empty ..."): each rule's
        # pattern is added once per form.
        # "Mia Clarke (Treasurer) to circulate ...", "Tom Dell (TD) will ...": the owner's post or
        # initials in brackets.
        bracket = [{"ORTH": "("}, {"IS_PUNCT": False, "OP": "{1,3}"}, {"ORTH": ")"}]
        persons = [one, [*one, both, *one], [*one, *bracket]]
        lexicon_verb = {"LOWER": {"IN": sorted(ACTION_VERBS)}}
        any_verb = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": sorted(NOT_VERBS)}}
        modal_verb = {
            "IS_LOWER": True,
            "IS_ALPHA": True,
            "LOWER": {"NOT_IN": sorted(NOT_VERBS | NOT_TASK_AFTER_MODAL | {"to"})},
        }
        adverb = {"LOWER": {"IN": ["also", "then", "now", "still", "further"]}, "OP": "?"}
        for verb in (lexicon_verb, any_verb):
            self.matcher.add("TO_VERB", [[*anyone, {"LOWER": "to"}, verb], [*anyone, *bracket, {"LOWER": "to"}, verb]])
            self.matcher.add(
                "COMMITS",
                [
                    q
                    for person in persons
                    for q in (
                        [*person, {"LOWER": {"IN": COMMIT_VERBS}}, {"LOWER": "to"}, verb],
                        [
                            *person,
                            {"LOWER": "reiterated"},
                            {"LOWER": {"IN": ["his", "her", "their"]}},
                            {"LOWER": "offer"},
                            {"LOWER": "to"},
                            verb,
                        ],
                    )
                ],
            )
            self.matcher.add(
                "ASKED",
                [
                    [
                        *anyone,
                        {"LOWER": {"IN": ["was", "were", "is", "are", "has", "had", "have"]}},
                        {"LOWER": "been", "OP": "?"},
                        {"LOWER": "also", "OP": "?"},
                        {"LOWER": {"IN": ASKED_VERBS}},
                        {"LOWER": "to"},
                        verb,
                    ]
                ],
            )
            self.matcher.add(
                "MODAL",
                [[*person, {"LOWER": {"IN": ["is", "are"]}}, adverb, {"LOWER": "to"}, verb] for person in persons],
            )
        will_verb = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": sorted(NOT_VERBS | NOT_TASK_AFTER_MODAL)}}
        self.matcher.add(
            "WILL",
            [
                *([*person, {"LOWER": "will"}, adverb, will_verb] for person in persons),
                [*anyone, {"LOWER": "will"}, adverb, will_verb],
            ],
        )  # "Democratic Services will write ..."
        self.matcher.add(
            "MODAL",
            [
                [*person, {"LOWER": {"IN": [m for m in TASK_MODALS if m != "will"]}}, adverb, modal_verb]
                for person in persons
            ],
        )
        # "It was agreed that the Clerk write to ...", "CC requested that the Parish Clerk writes ...".
        that_verb = {
            "IS_LOWER": True,
            "IS_ALPHA": True,
            "LOWER": {"NOT_IN": sorted(NOT_VERBS | NOT_TASK_AFTER_MODAL | NOT_AFTER_THAT_SUBJECT)},
        }
        self.matcher.add(
            "THAT",
            [
                q
                for person in persons
                for q in (
                    [
                        {"LOWER": {"IN": TASK_THAT_VERBS}},
                        {"LOWER": "that"},
                        {"LOWER": "the", "OP": "?"},
                        *person,
                        adverb,
                        modal_verb,
                    ],
                    # "It was agreed that this was not viable and that the Clerk write to ..."
                    [{"LOWER": "and"}, {"LOWER": "that"}, {"LOWER": "the", "OP": "?"}, *person, adverb, that_verb],
                )
            ],
        )
        # "the Clerk advised she would follow up on this", "X confirmed that he will ...".
        self.matcher.add(
            "PROMISED",
            [
                [
                    *person,
                    {"LOWER": {"IN": ["advised", "said", "confirmed", "stated", "agreed", "indicated", "undertook"]}},
                    {"LOWER": "that", "OP": "?"},
                    {"LOWER": {"IN": ["she", "he", "they"]}},
                    {"LOWER": {"IN": ["would", "will"]}},
                    adverb,
                    modal_verb,
                ]
                for person in persons
            ],
        )
        # "It was agreed to accept Cllr. Jenkinson's offer to supply ...": the offer's maker does it.
        self.matcher.add(
            "OFFER",
            [
                [
                    {"LOWER": {"IN": ["accept", "accepted", "welcomed", "take"]}},
                    {"LOWER": "up", "OP": "?"},
                    *one,
                    {"LOWER": {"IN": ["'s", "’s"]}},
                    {"LOWER": {"IN": ["offer", "kind"]}},
                    {"LOWER": "offer", "OP": "?"},
                    {"LOWER": "to"},
                    any_verb,
                ]
            ],
        )
        self._instructing = set(INSTRUCTING_VERBS) | {v + "ed" for v in INSTRUCTING_VERBS} | {"asked", "told"}

    def __call__(self, doc: Doc) -> Doc:
        if not any(ent.label_ in OWNER_LABELS for ent in doc.ents):
            # Every task below, the second-clause offers too, opens with or holds an owner entity:
            # a paragraph naming no person, post or group has none (most paragraphs; no matching).
            doc.spans["tasks"] = []
            return doc
        spans = []
        for key, start, end in self.matcher(doc):
            label = self.matcher.vocab.strings[key]
            first = next((t.i for t in doc[start:end] if t.ent_type_ in OWNER_LABELS), None)
            if first is None:
                continue
            if label in ("THAT", "OFFER"):
                start = _ent_start(doc, first)
            if label != "OFFER" and label != "THAT" and _instructed_by_a_task(doc, start, self._instructing):
                continue  # "the Clerk should instruct David George to proceed": the Clerk's task, not George's
            if label == "TO_VERB" and doc[first].ent_type_ != "PERSON" and not _opens_a_task(doc, start):
                continue  # "messages for X, Community Partnership Manager to ask if ...": a post mid-sentence
            if (
                label == "ASKED"
                and doc[first].ent_type_ == "GROUP"
                and any(t.lower_ == "invited" for t in doc[start:end])
            ):
                continue  # "Governors were invited to declare interests": the chair running the meeting
            if label == "TO_VERB" and _object_of_a_preposition(doc, start):
                continue  # "in partnership with the PCSO and Head Teacher to encourage ...": not a subject
            if (
                label == "MODAL"
                and any(t.lower_ == "would" for t in doc[start:end])
                and not any(t.lower_ == "that" for t in doc[doc[start].sent.start : start])
            ):
                continue  # "EH would welcome comments": a wish; "agreed that X would ..." sets a task
            spans.append(Span(doc, start, end, label=label))
        spans.extend(_second_clause_offers(doc))
        doc.spans["tasks"] = filter_spans(spans)
        return doc


_PREPOSITIONS = {
    "to",
    "with",
    "from",
    "for",
    "of",
    "by",
    "at",
    "on",
    "in",
    "into",
    "between",
    "about",
    "via",
    "towards",
}


def _opens_a_task(doc: Doc, start: int) -> bool:
    """A post or group before 'to <verb>' is the task's owner where it opens the sentence or a label
    ('Action: Clerk to ...', '- Members to send ...') or is the one asked ('asked the Clerk to ...')."""
    k = start - 1
    if k >= 0 and doc[k].lower_ in ("the", "all"):
        k -= 1
    return (
        k < doc[start].sent.start
        or doc[k].text in (":", "-", "–", "—", "•", "*")
        or doc[k].lower_ in set(ASKED_VERBS) | {"ask", "asks", "asking", "request", "requests", "invite", "invites"}
    )


def _object_of_a_preposition(doc: Doc, start: int) -> bool:
    """Is the owner before 'to <verb>' the object of a preposition in its clause ('writes to the Borough
    Council and Freebridge Housing to ask ...')? A clause starts at the sentence or a , ; : or dash."""
    k = start - 1
    while k >= doc[start].sent.start and doc[k].text not in (",", ";", ":", "-", "–", "—", "("):
        if doc[k].lower_ in _PREPOSITIONS:
            return True
        k -= 1
    return False


def _ent_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _instructed_by_a_task(doc: Doc, start: int, instructing: set[str]) -> bool:
    """'... should instruct D to proceed', 'to ask the SNT to attend': an instruction that is itself a task."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in instructing:
        return False
    before = doc[k - 1].lower_
    return before in ("to", "should", "would", "will", "shall", "must") or doc[k].lower_ in INSTRUCTING_VERBS


def _second_clause_offers(doc: Doc) -> list[Span]:
    """'X reported that ... and offered to ...': the sentence's subject made the offer."""
    out = []
    for t in doc:
        if t.lower_ not in COMMIT_VERBS or t.i < 2 or doc[t.i - 1].lower_ != "and" or t.i + 2 >= len(doc):
            continue
        if doc[t.i + 1].lower_ != "to" or not doc[t.i + 2].is_lower:
            continue
        sent = t.sent
        first = doc[sent.start]
        if first.ent_type_ not in ("PERSON", "POST") or t.i - sent.start > _CLAUSE_LIMIT:
            continue
        k = sent.start
        while (
            k < len(doc)
            and doc[k].ent_iob_ in ("B", "I")
            and doc[k].ent_type_ == first.ent_type_
            and (k == sent.start or doc[k].ent_iob_ == "I")
        ):
            k += 1
        # Another person's task in between ("X said that Y will ...") belongs to Y.
        if any(doc[j].ent_type_ in ("PERSON", "POST") for j in range(k, t.i)):
            continue
        out.append(Span(doc, sent.start, t.i + 3, label="COMMITS"))
    return out


def post_patterns() -> list[dict]:
    """EntityRuler patterns for posts ('the Clerk', 'Parish Clerk', 'Community Safety Manager') and
    groups ('Members', 'all members', 'Democratic Services'), capitalised as papers write them."""
    heads = sorted({p for p in POSTS} | {p.upper() for p in POSTS if p.isupper()})
    qualifier = {
        "IS_TITLE": True,
        "LOWER": {
            "NOT_IN": [
                "the",
                "a",
                "an",
                "this",
                "that",
                "and",
                "of",
                "cllr",
                "mr",
                "mrs",
                "ms",
                "dr",
                "i",
                "it",
                "we",
                "they",
            ]
        },
        "OP": "{0,3}",
    }
    groups = GROUP_OWNERS
    return [
        {"label": "POST", "pattern": [qualifier, {"ORTH": {"IN": heads}}]},
        {
            "label": "POST",
            "pattern": [qualifier, {"ORTH": {"IN": heads}}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "{1,3}"}],
        },
        {"label": "GROUP", "pattern": [{"ORTH": {"IN": [g for g in groups if g != "Services"]}}]},
        {
            "label": "GROUP",
            "pattern": [{"LOWER": "all"}, {"LOWER": {"IN": [g.lower() for g in groups if g != "Services"]}}],
        },
        {"label": "GROUP", "pattern": [{"IS_TITLE": True, "OP": "{1,2}"}, {"ORTH": "Services"}]},
        {"label": "GROUP", "pattern": [{"IS_TITLE": True, "OP": "{1,3}"}, {"ORTH": {"IN": ["Team", "Members"]}}]},
    ]


def _fuller(name: str, names: list[str]) -> str:
    """'A. Jenkinson' -> 'Adrian Jenkinson' where that is the one fuller spelling of the name the paper has."""
    words = name.split()
    if len(words) != 2 or not (len(words[0].rstrip(".")) == 1 and words[0][:1].isupper()):
        return name
    full = {
        n
        for n in names
        if len(n.split()) == 2
        and n.split()[1] == words[1]
        and len(n.split()[0].rstrip(".")) > 1
        and n.split()[0].startswith(words[0][0])
    }
    return full.pop() if len(full) == 1 else name


def person_patterns(people: People) -> list[dict]:
    """EntityRuler patterns: every way the paper writes each person, with the person's name as id."""
    patterns: list[dict] = []
    names = [people.canonical(n) for n in people.known()]
    firsts: dict[str, set[str]] = {}
    lasts: dict[str, set[str]] = {}
    for listed in people.listed:
        canon = people.canonical(listed)
        for variant in {listed, canon}:
            patterns.append({"label": "PERSON", "pattern": variant, "id": canon})
    for m in people.mentions:
        target = people.match_written(m.name) or people.canonical(m.name)
        patterns.append({"label": "PERSON", "pattern": m.name, "id": target})
    names = [_fuller(n, names) for n in names]  # "A. Jenkinson" listed, "Adrian Jenkinson" written: one person
    for canon in set(names):
        words = canon.split()
        if len(words) >= 2:
            firsts.setdefault(words[0], set()).add(canon)
            lasts.setdefault(words[-1], set()).add(canon)
    posts = {p.lower() for p in POSTS + GROUP_OWNERS}
    for first, who in firsts.items():
        # "Clerk" alone is the post, even where a list gave someone a name that starts with it.
        if len(who) == 1 and first not in lasts and first.lower() not in posts:
            patterns.append({"label": "PERSON", "pattern": first, "id": next(iter(who))})
    for last, who in lasts.items():
        if len(who) == 1:
            for title in SURNAME_TITLES:
                patterns.append({"label": "PERSON", "pattern": f"{title} {last}", "id": next(iter(who))})
                patterns.append({"label": "PERSON", "pattern": f"{title}. {last}", "id": next(iter(who))})
    # "Cllr. G. Gillett", "G Gillett": an initial and a surname, where they point to one person.
    by_initial: dict[tuple[str, str], set[str]] = {}
    for canon in set(names):
        words = canon.split()
        if len(words) >= 2 and words[0][:1].isupper():
            by_initial.setdefault((words[0][0], words[-1]), set()).add(canon)
    for (initial, last), who in by_initial.items():
        if len(who) == 1:
            target = next(iter(who))
            for form in (f"{initial}. {last}", f"{initial} {last}"):
                patterns.append({"label": "PERSON", "pattern": form, "id": target})
                for title in SURNAME_TITLES:
                    for t in (title, f"{title}."):
                        patterns.append({"label": "PERSON", "pattern": f"{t} {form}", "id": target})
    for canon in set(names):
        for ini in initials_of(canon):
            if people.resolve_initials(ini) == canon:
                patterns.append({"label": "PERSON", "pattern": ini, "id": canon})
    for short, _long_form in people.defined.items():
        resolved = people.resolve_initials(short)
        if resolved:
            patterns.append({"label": "PERSON", "pattern": short, "id": resolved})
    return patterns


_PER_THREAD = threading.local()


def _minutes_base() -> Language:
    """The part of every paper's pipeline that no paper changes, built once per thread: the
    tokenizer with the dotted words, the sentencizer (or trained components) and the task matcher.
    Building it took 0.1 s a paper, mostly spaCy's English tokenizer exceptions. One per thread
    because spaCy components are not made to be called from two threads at once (Dask workers)."""
    base = getattr(_PER_THREAD, "minutes_base", None)
    if base is None:
        base = new_pipeline()
        # "Cllr. G. Gillett will ...": a title's or an initial's full stop ends no sentence.
        for word in DOTTED_WORDS:
            for form in (f"{word}.", f"{word.upper()}."):
                base.tokenizer.add_special_case(form, [{"ORTH": form}])
        base.add_pipe("boardpapers_tasks")
        _PER_THREAD.minutes_base = base
    return base


def build_pipelines() -> None:
    """Build the process's spaCy pipelines before its first paper: the shared one and this
    thread's minutes base (spaCy's one-off start-up, 0.2-0.4 s). Workers forked after it
    inherit both instead of building them again, each for its first paper."""
    shared_pipeline()
    _minutes_base()


def _phrase_orths(text: str, tokenizer, chunks: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The ORTH keys of the tokens the tokenizer makes of ``text``, from its space-separated words.

    spaCy's tokenizer cuts a text at whitespace and tokenizes each piece on its own (its special
    cases hold no space), so a text whose only whitespace is single spaces between words gives its
    words' tokens one after another; any other text is tokenized whole."""
    words = text.split()
    if " ".join(words) != text:
        return tuple(t.orth for t in tokenizer(text))
    for word in words:
        if word not in chunks:
            chunks[word] = tuple(t.orth for t in tokenizer(word))
    return tuple(orth for word in words for orth in chunks[word])


def _add_phrases(ruler, patterns: list[dict], tokenizer) -> None:
    """What ``EntityRuler.add_patterns`` does with phrase patterns, in its order, without a Doc a phrase.

    add_patterns makes a Doc of every phrase (~3,000 a paper, two thirds of the pipeline's cost)
    only to hand its tokens' ORTH keys to the PhraseMatcher; the matcher also takes the keys
    themselves (its own unpickling adds them so), and the ~300 distinct words of a paper's
    phrases are tokenized once each. The ruler's keys, ids and matcher trie are the same (an empty
    phrase is skipped by the matcher either way), so are its matches; only ``ruler.patterns`` and
    ``ruler.labels``, which nothing reads, lack these phrases."""
    chunks: dict[str, tuple[int, ...]] = {}
    for (label, ent_id), run in groupby(patterns, key=lambda entry: (entry["label"], entry.get("id"))):
        if ent_id:  # add_patterns too keeps an id only where it is not empty
            ent_label = label
            label = ruler._create_label(label, ent_id)
            ruler._ent_ids[ruler.matcher._normalize_key(label)] = (ent_label, ent_id)
        # A run of phrases with one key (a person's titled forms) in one call: the same additions in
        # the same order as one call a phrase.
        ruler.phrase_matcher.add(label, [_phrase_orths(entry["pattern"], tokenizer, chunks) for entry in run])


def people_pipeline(people: People) -> Language:
    """A fresh pipeline for one paper: its people as PERSON entities, then the task matcher.

    The paper's own Language holds the thread's base tokenizer and components (they keep nothing of
    a document: the tokenizer's cache maps a string to its tokens under fixed rules) and a new
    EntityRuler of its own, so no paper's names reach the next paper's pipeline."""
    base = _minutes_base()
    nlp = type(base)(vocab=base.vocab, max_length=base.max_length, create_tokenizer=lambda _: base.tokenizer)
    config = {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
    ruler = nlp.add_pipe("entity_ruler", config=config)
    # The ruler's patterns are added while it is the pipeline's only component: a phrase matched on
    # ORTH needs only the tokenizer's tokens (the posts' token patterns go through add_patterns, the
    # people's ~3,000 phrases through _add_phrases). Then the base's components go around it: the
    # ruler before "ner" (or the task matcher), as they always stood.
    ruler.add_patterns(post_patterns())  # type: ignore[attr-defined]
    if all(hasattr(ruler, name) for name in ("_create_label", "_ent_ids", "phrase_matcher", "matcher")):
        _add_phrases(ruler, person_patterns(people), base.tokenizer)
    else:  # a spaCy whose EntityRuler keeps its keys otherwise: its own (slower) way, the same matches
        ruler.add_patterns(person_patterns(people))  # type: ignore[attr-defined]
    names = base.pipe_names
    after = names.index("ner") if "ner" in names else names.index("boardpapers_tasks")
    for name in names[:after]:
        nlp.add_pipe(name, source=base, before="entity_ruler")
    for name in names[after:]:
        nlp.add_pipe(name, source=base)
    return nlp


def owner_of(span: Span) -> tuple[str, str] | None:
    """The person, post or group a task span opens with: (name the paper means, as written)."""
    found = owners_of(span)
    return found[0] if found else None


def owners_of(span: Span) -> list[tuple[str, str]]:
    """Every owner a task span opens with: 'Cllr. Crisp and Cllr. Collins would empty ...' gives two."""
    out: list[tuple[str, str]] = []
    ents = [e for e in span.ents if e.label_ in OWNER_LABELS]
    k = span.start
    for ent in ents:
        if ent.start != k:
            break
        text = ent.text
        if ent.label_ != "PERSON":
            text = text[4:] if text.lower().startswith("the ") else text
        out.append(((ent.ent_id_ or text) if ent.label_ == "PERSON" else text, text))
        k = ent.end
        if k < span.end and span.doc[k].lower_ in ("and", "&", ","):
            k += 1
    return out


def owner_label(span: Span) -> str | None:
    """PERSON, POST or GROUP: what kind of owner the span opens with."""
    for ent in span.ents:
        if ent.start == span.start and ent.label_ in OWNER_LABELS:
            return ent.label_
    return None
