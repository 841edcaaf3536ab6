"""Community-safety themes: a documented taxonomy, matched with spaCy's PhraseMatcher.

The taxonomy is :data:`THEMES`, a dict ``theme key -> Theme``. Each :class:`Theme` has

- ``label``: the name shown to users ("Domestic abuse and sexual violence");
- ``phrases``: words and phrases matched case-insensitively, token by token
  (PhraseMatcher ``attr="LOWER"``): "domestic abuse" finds "Domestic Abuse" and
  "DOMESTIC ABUSE"; "anti-social behaviour" is tokenised like the text, so the hyphen
  must be written where the papers write it (both spellings are listed);
- ``acronyms``: matched case-sensitively (``attr="ORTH"``), because in lower case they
  are ordinary words or parts of names ("DA", "ASB", "NTE", "Prevent" the programme
  against "prevent" the verb is why "Prevent" is *not* an acronym here: see below).

A text may have several themes ("drug and alcohol treatment" is substance misuse and
alcohol). Where two phrases overlap the longer wins ("sexual assault" is not "assault";
"violent extremism" is Prevent, not violent crime). The matched words are kept as the
evidence of every theme given.

"Prevent" the programme is found through its own phrases ("violent extremism",
"radicalisation", "Channel panel", "Prevent Champion"): the bare word opens too many
sentences ("Prevent the ...") to be trusted, even capitalised.

To add a theme or a phrase, add it to :data:`THEMES`; the README lists the themes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans


@dataclass(frozen=True)
class Theme:
    label: str
    phrases: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    # Phrases that mean the theme only beside words of it: "licensing" is alcohol with premises or
    # drink, not "data licensing"; "probation" is reoffending with offenders, not in a list of services.
    contextual: tuple[tuple[str, str], ...] = ()


def _t(label: str, phrases: str, acronyms: str = "", contextual: dict[str, str] | None = None) -> Theme:
    """Phrases separated by '|' (so a phrase may hold commas), acronyms by spaces; ``contextual``:
    phrase -> a regular expression the rest of the text must match for the phrase to count."""
    return Theme(
        label,
        tuple(p.strip() for p in phrases.split("|") if p.strip()),
        tuple(acronyms.split()),
        tuple((contextual or {}).items()),
    )


THEMES: dict[str, Theme] = {
    "domestic_abuse": _t(
        "Domestic abuse and sexual violence",
        "domestic abuse | domestic violence | domestic homicide | sexual violence | sexual assault | sexual abuse |"
        " rape | violence against women and girls | coercive control | stalking | honour based violence |"
        " honour-based violence | forced marriage | female genital mutilation | refuge | healthy relationship |"
        " healthy relationships | health relationship | perpetrator programme | independent domestic violence advisor",
        "DA DV IDVA IDVAs MARAC ISVA SARC VAWG DASV FGM DHR MACSE",
    ),
    "anti_social_behaviour": _t(
        "Anti-social behaviour",
        "anti-social behaviour | antisocial behaviour | anti social behaviour | anti-social | nuisance behaviour |"
        " neighbour nuisance | community trigger",
        "ASB",
    ),
    "substance_misuse": _t(
        "Substance misuse",
        "substance misuse | drug misuse | drugs | drug | drug treatment | opiate | opiates | non-opiate | non-opiates |"
        " psychoactive substances | legal highs | detox | dependent drug users",
        "DIP NPS",
    ),
    "alcohol": _t(
        "Alcohol",
        "alcohol | alcohol related | alcohol-related | dependent drinker | dependent drinkers | drinkers | drunk |"
        " drink | binge drinking | off licences | off licenses | off-licences | reducing the strength |"
        " community alcohol partnership | underage sales | licensing",
        contextual={
            "licensing": r"premises|alcohol|drink|pubs?\b|bars?\b|off[- ]licen|night|late hours|cumulative impact|representations?"
        },
    ),
    "hate_crime": _t(
        "Hate crime",
        "hate crime | hate crimes | hate incident | hate incidents | racial harassment | racist | homophobic |"
        " transphobic | disability hate",
    ),
    "reoffending": _t(
        "Reoffending",
        "reoffending | re-offending | adult re-offending | offender management | integrated offender management |"
        " proven offences | proven reoffending | restorative | restorative justice | community rehabilitation company |"
        " community rehabilitation companies | probation | adult offender | prolific offenders | offending behaviour",
        "IOM CRC CRCs PPO",
        contextual={"probation": r"offend|offences|sentenc|rehabilitat|supervis|prison|custody|release"},
    ),
    "youth_offending": _t(
        "Youth offending and first-time entrants",
        "youth offending | young offenders | first time entrants | first-time entrants | youth justice |"
        " young people at risk | preventing youth offending",
        "FTE FTEs YOT YOS",
    ),
    "prevent": _t(
        "Prevent and violent extremism",
        "violent extremism | extremism | radicalisation | radicalization | channel panel | prevent duty |"
        " prevent strategy | prevent champion | prevent programme | counter terrorism | counter-terrorism | terrorism",
    ),
    "modern_slavery": _t(
        "Modern slavery", "modern slavery | human trafficking | trafficking | forced labour | slavery"
    ),
    "child_sexual_exploitation": _t(
        "Child sexual exploitation",
        "child sexual exploitation | sexual exploitation | missing children | child exploitation | grooming",
        "CSE",
    ),
    "cyber_fraud": _t(
        "Cyber crime and fraud",
        "cyber crime | cybercrime | cyber-crime | online crime | fraud | scams | scam | rogue traders | doorstep crime",
    ),
    "mental_health": _t(
        "Mental health",
        "mental health | mental illness | emotional wellbeing | emotional coping | self-harm | self harm | suicide",
    ),
    "homelessness": _t(
        "Homelessness",
        "homelessness | homeless | rough sleeping | rough sleepers | rough sleeper | supported housing |"
        " living on our streets | street homeless",
    ),
    "complex_needs": _t(
        "Complex needs",
        "complex needs | complex cases | complex individual cases | multiple needs | troubled families |"
        " complex individuals",
    ),
    "serious_acquisitive_crime": _t(
        "Serious acquisitive crime",
        "serious acquisitive crime | acquisitive crime | burglary | burglaries | vehicle crime | robbery |"
        " theft | shoplifting | business crime",
        "SAC",
    ),
    "violent_crime": _t(
        "Violent crime",
        "violent crime | violent crimes | violence with injury | serious violence | knife crime | weapons |"
        " gangs | county lines | assault | assaults | night-time violence",
    ),
    "deliberate_fires": _t(
        "Deliberate fires",
        "deliberate fires | deliberate fire | arson | secondary fires | fire setting | fire-setting | fires",
    ),
    "environmental_crime": _t(
        "Environmental crime",
        "fly tipping | fly-tipping | flytipping | graffiti | litter | abandoned vehicles | rubbish accumulations |"
        " duty of care | environmental crime | dog fouling",
    ),
    "road_safety": _t(
        "Road safety",
        "road safety | killed or seriously injured | road casualties | speeding | drink driving | drink-driving",
        "KSI KSIs",
    ),
    "night_time_economy": _t(
        "Night-time economy",
        "night-time economy | night time economy | nighttime economy | cumulative impact area | licensed premises |"
        " street pastors",
        "NTE",
    ),
    "victims": _t(
        "Victims of crime",
        "victims of crime | victim based crime | victim-based crime | victim support | repeat victims |"
        " victims and witnesses",
    ),
}


# Words before a phrase that take it out of the text's subject: "Violence with injury - excluding
# domestic abuse", "crime other than burglary", "non-domestic violence".
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:excluding|excludes?|excl\.?|other than|except(?:\s+for)?|apart from|not including|without)"
    r"\s+(?:(?:the|all|any|of)\s+)?(?:[\w'-]+\s+){0,2}|\bnon-?\s?)$",
    re.I,
)


def _negated(text: str, start: int) -> bool:
    before = re.sub(r"\bexcl\.", "excl", text[max(0, start - 60) : start], flags=re.I)
    # Only within the clause: a full stop, semicolon or a new line ends what "excluding" reaches.
    before = re.split(r"[.;:\n()]", before)[-1]
    return bool(NEGATION_BEFORE.search(before))


def _out_of_context(theme: Theme, phrase: str, text: str, start: int, end: int) -> bool:
    for word, context in theme.contextual:
        if phrase.lower() == word:
            rest = text[:start] + " " + text[end:]
            return not re.search(context, rest, re.I)
    return False


@dataclass(frozen=True)
class ThemeMatch:
    theme: str
    label: str
    text: str  # the words matched, as written
    start: int  # character offsets in the text
    end: int


@functools.lru_cache(maxsize=1)
def _matchers() -> tuple[Language, PhraseMatcher, PhraseMatcher]:
    import spacy

    from ..long_tokens import guard_tokenizer

    nlp = guard_tokenizer(spacy.blank("en"))  # only the tokenizer is needed: matching is on tokens
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, theme in THEMES.items():
        lower.add(key, [nlp.make_doc(p.lower()) for p in theme.phrases])
        if theme.acronyms:
            orth.add(key, [nlp.make_doc(a) for a in theme.acronyms])
    return nlp, lower, orth


def find_themes(text: str | None) -> list[ThemeMatch]:
    """Every theme phrase in the text, longest first where two overlap, in reading order."""
    if not text or not text.strip():
        return []
    nlp, lower, orth = _matchers()
    doc = nlp.make_doc(text)
    spans = [doc[s:e] for _, s, e in lower(doc)] + [doc[s:e] for _, s, e in orth(doc)]
    labels = {(s, e): nlp.vocab.strings[m] for matcher in (lower, orth) for m, s, e in matcher(doc)}
    out = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        key = labels[(span.start, span.end)]
        if _negated(text, span.start_char) or _out_of_context(
            THEMES[key], span.text, text, span.start_char, span.end_char
        ):
            continue
        out.append(ThemeMatch(key, THEMES[key].label, span.text, span.start_char, span.end_char))
    return out


def themes_of(text: str | None) -> dict[str, list[str]]:
    """Theme key -> the distinct words that matched it: 'Drug and alcohol treatment' ->
    {'substance_misuse': ['Drug and alcohol']} (the longer phrase wins over 'alcohol')."""
    out: dict[str, list[str]] = {}
    for m in find_themes(text):
        words = out.setdefault(m.theme, [])
        if m.text not in words:
            words.append(m.text)
    return out


def theme_aliases() -> list[tuple[str, str]]:
    """(alias in lower case, theme key): the key, the label, every phrase and acronym, so a query for
    'ASB', 'DA' or 'VAWG' finds its theme."""
    out: dict[str, str] = {}
    for key, theme in THEMES.items():
        for alias in (key, key.replace("_", " "), theme.label, *theme.phrases, *theme.acronyms):
            out.setdefault(" ".join(alias.lower().split()), key)
    return sorted(out.items())


def theme_key(text: str) -> str | None:
    """A user's words for a theme -> its key: 'domestic abuse', 'Domestic_Abuse', 'ASB', 'alcohol'."""
    t = " ".join(text.replace("_", " ").split()).lower()
    for key, theme in THEMES.items():
        if t in (key.replace("_", " "), theme.label.lower()):
            return key
    for key, theme in THEMES.items():
        if t in theme.phrases or text.strip() in theme.acronyms or theme.label.lower().startswith(t):
            return key
    return None
