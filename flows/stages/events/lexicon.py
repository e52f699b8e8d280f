"""The trigger lexicon: PLOVER senses by lemma (flows/data/event_lexicon.toml), with every
inflected form generated, and the grammar words of flows/data/grammar_de.toml.

A verb lemma gives its finite forms, participle and infinitives (flows/stages/conjugation.py:
"fest|nehmen" finds "nahm ... fest", "festnahm", "festgenommen", "festzunehmen").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property

from flows.stages.conjugation import VerbForm, verb_forms
from flows.stages.profiles import DATA_DIR

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None
    unless: tuple[str, ...] = ()
    requires: tuple[tuple[str, ...], ...] = ()  # a word of each group
    target: str | None = None  # "person": only with a named person among the targets
    governs: str | None = None  # "zu-infinitive": only with such a clause after its own
    not_after: frozenset[str] = frozenset()  # its nouns name no happening after these words


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
    def required_words(self) -> dict[str, tuple[tuple[tuple[str, ...], ...], ...]]:
        """Trigger verb form -> the `requires` groups of each of its senses (a sense with none
        gives no group): a sentence with no word of a group cannot hold that sense."""
        return {form: tuple(sense.requires for _, sense in entries)
                for form, entries in self.verbs.items()}

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
                      _word_groups(entry.get("requires")), entry.get("target"),
                      entry.get("governs"), frozenset(entry.get("not_after", ())))
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
    """Words as they are looked for in a clause's lower-case text: after a space; "Tor "
    only as a whole word; "-spiel" anywhere in a word ("Länderspiele")."""
    return tuple(word[1:].lower() if word.startswith("-") else " " + word.lower()
                 for word in words or ())


def meets(requires: tuple[tuple[str, ...], ...], text: str) -> bool:
    """A word of each `requires` group in the text (lower case, each word after a space)."""
    return all(any(word in text for word in group) for group in requires)


def _word_groups(words: list | None) -> tuple[tuple[str, ...], ...]:
    """`requires`: a list of words (one of them is needed) or a list of such lists (a word of
    each is needed: "bezeichnete die Vorwürfe als haltlos")."""
    if not words:
        return ()
    groups = words if isinstance(words[0], list) else [words]
    return tuple(_at_token_start(group) for group in groups)


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
