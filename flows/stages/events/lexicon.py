"""The trigger lexicon: PLOVER senses by lemma (flows/data/event_lexicon.toml), with every
inflected form generated, and the grammar words of flows/data/grammar_de.toml.

A verb lemma gives its finite forms (present, past, Konjunktiv I; singular and plural), its
participle and its infinitives. A separable verb ("fest|nehmen") splits in a main clause
("nahm ... fest": the finite form needs its particle later in the clause) and joins in a
subordinate one ("festnahm", "festgenommen", "festzunehmen").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property

from flows.stages.profiles import DATA_DIR

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
INSEPARABLE = ("miss", "wider", "hinter", "über", "unter", "emp", "ent", "zer", "ver", "be",
               "ge", "er")
# How a form is used: FINITE in a main clause, SPLIT finite needing its particle after it,
# PARTICIPLE, INFINITIVE (also the finite plural), ZU_INFINITIVE ("festzunehmen").
FINITE, SPLIT, PARTICIPLE, INFINITIVE, ZU_INFINITIVE = "finite", "split", "participle", \
    "infinitive", "zu"


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None
    unless: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    target: str | None = None  # "person": only with a named person among the targets


@dataclass(frozen=True)
class VerbForm:
    """One spelling of a lemma and how it is used."""
    lemma: str
    kind: str
    particle: str = ""  # a SPLIT form needs it later in the clause
    needs: tuple[str, ...] = ()  # words the lemma comes with ("sich", "Gewahrsam")
    present: bool = False  # a present-tense form: "wirft ... vor", "protestieren"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[tuple[VerbForm, Sense]]]  # form (lower case) -> its senses
    nouns: dict[str, list[tuple[str, Sense]]]  # noun ending (lower case) -> (noun, sense)
    compound_only: frozenset[str]  # endings that count only inside a compound
    noun_lengths: tuple[int, ...]  # the lengths of the endings, longest first
    support: dict[str, VerbForm]  # forms of the support verbs

    @cached_property
    def needed_words(self) -> dict[str, tuple[frozenset[str], ...]]:
        """Trigger verb form -> the sets of words (lower case) one of which must all be in its
        sentence: its particle if split, the words its lemma comes with ("nahm ... fest",
        "als Geiseln genommen"); an empty set: none needed."""
        result: dict[str, tuple[frozenset[str], ...]] = {}
        for form, entries in self.verbs.items():
            result[form] = tuple({frozenset(
                ({verb.particle} if verb.particle else set()) | {w.lower() for w in verb.needs})
                for verb, _ in entries})
        return result

    @cached_property
    def support_forms(self) -> frozenset[str]:
        return frozenset(self.support)


@cache
def grammar() -> dict:
    with (DATA_DIR / "grammar_de.toml").open("rb") as handle:
        data = tomllib.load(handle)
    result = {key: (frozenset(value) if isinstance(value, list) else value)
              for key, value in data.items()}
    result["all_prepositions"] = result["place_prepositions"] | result["target_prepositions"] \
        | result["agent_prepositions"] | result["other_prepositions"] \
        | result["source_prepositions"]
    return result


@cache
def forms_of(verbs: str) -> frozenset[str]:
    """Every form of the verbs a list of grammar_de.toml names ("journey_verbs")."""
    return frozenset(form for lemma in grammar()[verbs] for form in verb_forms(lemma))


@cache
def strong_verbs() -> dict[str, tuple[str, str, str]]:
    return {verb: tuple(parts.split()) for verb, parts in _data()["strong"].items()}


@cache
def _data() -> dict:
    with (DATA_DIR / "event_lexicon.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, list[tuple[VerbForm, Sense]]] = {}
    nouns: dict[str, list[tuple[str, Sense]]] = {}
    compound_only = set()
    for entry in _data()["sense"]:
        if entry["type"] not in PLOVER_TYPES:
            raise ValueError(f"event_lexicon.toml: {entry['type']} is not a PLOVER type")
        sense = Sense(entry["type"], entry.get("mode"), _at_token_start(entry.get("unless")),
                      _at_token_start(entry.get("requires")), entry.get("target"))
        for lemma in entry.get("verbs", ()):
            for form, verb_form in verb_forms(lemma).items():
                verbs.setdefault(form, []).append((verb_form, sense))
        for noun in entry.get("nouns", ()):
            if noun.startswith("-"):
                noun = noun[1:].capitalize()
                compound_only.update(noun_forms(noun))
            for form in noun_forms(noun):
                nouns.setdefault(form, []).append((noun.split("/")[0], sense))
    support = {form: verb_form for lemma in _data()["support"]["verbs"]
               for form, verb_form in verb_forms(lemma).items()}
    lengths = tuple(sorted({len(form) for form in nouns}, reverse=True))
    return Lexicon(verbs, nouns, frozenset(compound_only), lengths, support)


def _at_token_start(words: list[str] | None) -> tuple[str, ...]:
    """Words as they are looked for in a clause's lower-case text: after a space."""
    return tuple(" " + word.strip().lower() for word in words or ())


# --- generating forms -----------------------------------------------------------------------

def verb_forms(lemma: str) -> dict[str, VerbForm]:
    """Every spelling of a verb lemma (lower case) with how it is used.

    >>> sorted(verb_forms("fest|nehmen"))[:4]
    ['festgenommen', 'festnahm', 'festnahmen', 'festnehme']
    """
    *needs, verb = lemma.split()
    particle, _, base = verb.rpartition("|")
    present, past, participle = principal_parts(base)
    stem = _stem(base)
    past_plural = past + ("n" if past.endswith("e") else "en")
    present_forms = {present, stem + "e", base}
    finite = {present, past, past_plural, stem + "e"}
    forms: dict[str, VerbForm] = {}

    def put(form: str, kind: str, needed_particle: str = "", tense_of: str = "") -> None:
        forms.setdefault(form.lower(), VerbForm(lemma, kind, needed_particle, tuple(needs),
                                                tense_of in present_forms))

    put(particle + participle, PARTICIPLE)
    if particle:
        put(particle + "zu" + base, ZU_INFINITIVE)
        put(particle + base, INFINITIVE)
        for form in finite:
            put(particle + form, FINITE, tense_of=form)  # joined: a subordinate clause
            put(form, SPLIT, particle, tense_of=form)
        put(base, SPLIT, particle, tense_of=base)
    else:
        for form in finite:
            put(form, FINITE, tense_of=form)
        put(base, INFINITIVE, tense_of=base)
    return forms


def principal_parts(base: str) -> tuple[str, str, str]:
    """(present 3rd sg., past 3rd sg., participle) of a verb without separable particle."""
    strong = strong_verbs()
    if base in strong:
        return strong[base]
    for prefix in INSEPARABLE:
        rest = base[len(prefix):]
        if base.startswith(prefix) and rest in strong:
            present, past, participle = strong[rest]
            return prefix + present, prefix + past, prefix + participle.removeprefix("ge")
    stem = _stem(base)
    e = "e" if _needs_e(stem) else ""
    ge = "" if base.endswith("ieren") or base.startswith(INSEPARABLE) else "ge"
    return stem + e + "t", stem + e + "te", ge + stem + e + "t"


def _stem(base: str) -> str:
    return base[:-2] if base.endswith("en") else base[:-1]


_E_BEFORE_T = re.compile(r"(?:[dt]|[^aeiouäöülrhmn][mn]|chn)$")


def _needs_e(stem: str) -> bool:
    """"arbeit-e-t", "zeichn-e-t", "öffn-e-t"; not "fordert", "wohnt"."""
    return bool(_E_BEFORE_T.search(stem))


def noun_forms(noun: str) -> set[str]:
    """Singular, an irregular plural ("Anschlag/Anschläge"), and their case endings; lower."""
    singular, _, plural = noun.partition("/")
    forms = {singular, singular + "s", singular + "es", singular + "e", singular + "en",
             singular + "n"}
    if singular.endswith("e"):
        forms |= {singular + "n"}
    if singular.endswith(("ung", "ion", "ei", "heit", "keit", "schaft")):
        forms |= {singular + "en"}
    if plural:
        forms |= {plural, plural + "n"}
    return {form.lower() for form in forms}
