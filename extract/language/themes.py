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
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans


@dataclass(frozen=True)
class Theme:
    label: str
    phrases: tuple[str, ...]
    acronyms: tuple[str, ...] = ()


def _t(label: str, phrases: str, acronyms: str = "") -> Theme:
    """Phrases separated by '|' (so a phrase may hold commas), acronyms by spaces."""
    return Theme(label, tuple(p.strip() for p in phrases.split("|") if p.strip()), tuple(acronyms.split()))


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
