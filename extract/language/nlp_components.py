"""Registered spaCy components for minutes: people as entities, and the tasks given to them.

``people_pipeline(people)`` builds a per-document pipeline from :func:`nlp.new_pipeline`:
an EntityRuler seeded with the paper's attendees, the spellings the text uses for them,
first names and surnames that point to one person, and initials; then the
``boardpapers_tasks`` component, a Matcher that marks "PERSON to <verb>", "PERSON
undertook / offered / agreed to <verb>", "PERSON was asked to <verb>" and "PERSON will
<verb>". A blank pipeline has no part-of-speech tags, so a verb is a word from a lexicon
of action verbs, or any lower-case word after "to" that is not a determiner or pronoun.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .nlp import new_pipeline
from .people import People, initials_of
from .titles import SURNAME_TITLES

ACTION_VERBS = frozenset("""
action arrange ask attend bring check circulate clarify confirm consider contact co convene
coordinate create deliver develop discuss draft email ensure establish explore feed find follow
forward identify investigate invite lead liaise look meet monitor organise present prepare produce
progress provide raise re recirculate report request respond review revise seek send set share speak
submit update work write chase agree canvas canvass look obtain pursue seek take talk arrange
""".split())
# Lower-case words after "to" that are not verbs: "to the meeting", "to date", "to all".
NOT_VERBS = frozenset("""
the a an this that these those his her their its our my your all each every any some date be been
which whom what whether and or but as at by for from in of on with within without about over under
""".split())
COMMIT_VERBS = ["undertook", "offered", "agreed", "volunteered", "promised", "undertakes", "agrees", "offers"]
ASKED_VERBS = ["asked", "requested", "tasked", "invited", "required"]
MATCHER_LABELS = ("TO_VERB", "COMMITS", "ASKED", "WILL")


@Language.factory("boardpapers_tasks")
def make_task_matcher(nlp: Language, name: str) -> TaskMatcher:
    return TaskMatcher(nlp)


class TaskMatcher:
    """Marks task phrases as ``doc.spans["tasks"]``, each labelled with the rule that found it."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        # One PERSON entity, from its first token (B) through at most seven more (I). As
        # {"ENT_TYPE": "PERSON", "OP": "+"}, a run of n names (a line of initials, "A A A ...")
        # kept a partial match alive from every one of them: quadratic (issue 14).
        person = [{"ENT_TYPE": "PERSON", "ENT_IOB": "B"}, {"ENT_TYPE": "PERSON", "ENT_IOB": "I", "OP": "{0,7}"}]
        lexicon_verb = {"LOWER": {"IN": sorted(ACTION_VERBS)}}
        any_verb = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": sorted(NOT_VERBS)}}
        for verb in (lexicon_verb, any_verb):
            self.matcher.add("TO_VERB", [[*person, {"LOWER": "to"}, verb]])
            self.matcher.add("COMMITS", [[*person, {"LOWER": {"IN": COMMIT_VERBS}}, {"LOWER": "to"}, verb],
                                         [*person, {"LOWER": "reiterated"}, {"LOWER": {"IN": ["his", "her", "their"]}},
                                          {"LOWER": "offer"}, {"LOWER": "to"}, verb]])
            self.matcher.add("ASKED", [[*person, {"LOWER": {"IN": ["was", "were", "is", "has", "had"]}},
                                        {"LOWER": "been", "OP": "?"}, {"LOWER": {"IN": ASKED_VERBS}},
                                        {"LOWER": "to"}, verb]])
        will_verb = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": sorted(NOT_VERBS | {"have", "not", "need", "also"})}}
        self.matcher.add("WILL", [[*person, {"LOWER": "will"}, will_verb]])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=self.matcher.vocab.strings[key])
                 for key, start, end in self.matcher(doc)]
        doc.spans["tasks"] = filter_spans(spans)
        return doc


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
    for canon in set(names):
        words = canon.split()
        if len(words) >= 2:
            firsts.setdefault(words[0], set()).add(canon)
            lasts.setdefault(words[-1], set()).add(canon)
    for first, who in firsts.items():
        if len(who) == 1 and first not in lasts:
            patterns.append({"label": "PERSON", "pattern": first, "id": next(iter(who))})
    for last, who in lasts.items():
        if len(who) == 1:
            for title in SURNAME_TITLES:
                patterns.append({"label": "PERSON", "pattern": f"{title} {last}", "id": next(iter(who))})
    for canon in set(names):
        for ini in initials_of(canon):
            if people.resolve_initials(ini) == canon:
                patterns.append({"label": "PERSON", "pattern": ini, "id": canon})
    for short, _long_form in people.defined.items():
        resolved = people.resolve_initials(short)
        if resolved:
            patterns.append({"label": "PERSON", "pattern": short, "id": resolved})
    return patterns


def people_pipeline(people: People) -> Language:
    """A fresh pipeline for one paper: its people as PERSON entities, then the task matcher."""
    nlp = new_pipeline()
    patterns = person_patterns(people)
    if patterns:  # a paper that names nobody (an action log) needs no ruler
        config = {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
        ruler = nlp.add_pipe("entity_ruler", config=config, before="ner" if "ner" in nlp.pipe_names else None)
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.add_pipe("boardpapers_tasks")
    return nlp


def owner_of(span: Span) -> tuple[str, str] | None:
    """The PERSON a task span opens with: (name the paper means, as written)."""
    for ent in span.ents:
        if ent.label_ == "PERSON" and ent.start == span.start:
            return (ent.ent_id_ or ent.text), ent.text
    return None
