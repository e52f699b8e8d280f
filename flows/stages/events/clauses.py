"""A sentence as tokens with offsets, cut into clauses.

Commas, semicolons, colons, dashes and brackets cut a sentence into segments. A segment that
opens with a subordinator ("dass", "nachdem", "wenn") or a relative pronoun not followed by a
noun ("die von der Polizei ...") is a subordinate clause of its own; the other segments belong
to the main clause, even when a subordinate clause interrupts it ("Die Polizei hat, wie ein
Sprecher sagte, 30 Menschen festgenommen": "hat" and "festgenommen" are one clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from flows.stages.conjugation import FINITE, INFINITIVE, PARTICIPLE, SPLIT
from flows.stages.events.lexicon import grammar, lexicon

# a decimal comma stays in its number ("um 4,0 Prozent"): it cuts no clause
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+|(?<=\d),\d+)*|[^\w\s]")
_CUTS = frozenset(",;:()–—[]")


class Token(NamedTuple):  # a tuple: made by the thousand, cheaply
    text: str
    lower: str
    start: int  # offset in the sentence
    end: int
    clause: int  # 0 is the main clause
    segment_end: bool = False  # a comma, bracket or the sentence's end follows


@dataclass(frozen=True)
class Clause:
    number: int
    opener: str  # the subordinator or relative word that opens it; "" for the main clause
    tokens: tuple[Token, ...]
    sentence: tuple[Token, ...] = ()  # every token of the sentence

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(token.lower for token in self.tokens)

    @cached_property
    def lowered_text(self) -> str:
        """" " + the clause's tokens in lower case, each after a space."""
        return " " + " ".join(token.lower for token in self.tokens)


def tokenize(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def clauses(sentence: str) -> tuple[list[Token], list[Clause]]:
    """The sentence's tokens (each with its clause number) and its clauses in order."""
    words = tokenize(sentence)
    openers: list[str] = []
    members: list[list[Token]] = []
    tokens: list[Token] = []
    interrupted: int | None = None  # a clause that a subordinate one broke off
    current = -1
    last = len(words) - 1
    for segment, cut in _segments(words):
        opener = "(" if cut == "(" else _opener(words, segment[0])
        if not opener and cut == "," and current >= 0 and _nominal(words, segment):
            opener = ","  # an apposition ("Der Vizevorsitzende der Linksfraktion, Jan Korte,")
        if opener:
            if current >= 0 and not openers[current] and cut in ",(":
                interrupted = current
            openers.append(opener)
            members.append([])
            current = len(openers) - 1
        elif interrupted is not None and openers[current] and cut in ",)":
            current, interrupted = interrupted, None
        else:
            openers.append("")
            members.append([])
            current, interrupted = len(openers) - 1, None
        first, final = segment[0], segment[-1]
        for position in segment:
            text, start, end = words[position]
            if position != first and words[position - 1][0] in _COORDINATORS and \
                    _starts_coordinate_clause(words, position):
                openers.append("")
                members.append([])
                current, interrupted = len(openers) - 1, None
            closes = position == final or (position < last and words[position + 1][0] in ".!?")
            token = Token(text, text.lower(), start, end, current, closes)
            tokens.append(token)
            members[current].append(token)
    everything = tuple(tokens)
    grouped = [Clause(number, opener, tuple(members[number]), everything)
               for number, opener in enumerate(openers)]
    return tokens, grouped


def _nominal(words: list[tuple[str, int, int]], segment: list[int]) -> bool:
    """A segment of names and noun phrases only: no verb could be in it."""
    g = grammar()
    lowered = [words[p][0] for p in segment if not words[p][0][:1].isupper()]
    return all(w in g["articles"] or w in g["all_prepositions"] or w in g["coordinators"]
               or (w.endswith(("e", "en", "er", "es", "em")) and w not in finite_verbs())
               for w in lowered) and len(segment) <= 8


def _segments(words: list[tuple[str, int, int]]):
    """(positions of the words of a segment, the cut before it) between cutting marks."""
    segment: list[int] = []
    cut = ""
    for position, (text, _, _) in enumerate(words):
        if text in _CUTS:
            if segment:
                yield segment, cut
            segment, cut = [], text
        else:
            segment.append(position)
    if segment:
        yield segment, cut


def _starts_coordinate_clause(words: list[tuple[str, int, int]], position: int) -> bool:
    """"und weigerte sich": a coordinator before a verb form starts a new clause with the
    same subject ("und historisch begrüßt", "und langjährige Sekretärin" do not)."""
    if words[position - 1][0].lower() not in ("und", "aber", "sondern", "doch", "oder"):
        return False
    word = words[position][0]
    return (word.islower() and (word in finite_verbs() or _plural_verb_second(words, position))) \
        or _own_subject_and_verb(words, position)


def _plural_verb_second(words: list[tuple[str, int, int]], position: int) -> bool:
    """"Sie fordern Verbesserungen und beklagen nicht ausgezahlte Prämien": a plural present
    (spelt as the infinitive) with words after it; at the end of its stretch it is an
    infinitive or a verb closing a subordinate clause ("wenn sie fordern und beklagen")."""
    following = words[position + 1][0] if position + 1 < len(words) else "."
    return words[position][0] in _infinitives() and following not in _CUTS and \
        following not in ".!?"


@cache
def _infinitives() -> frozenset[str]:
    lex = lexicon()
    return frozenset(form for form, entries in lex.verbs.items()
                     if any(verb.kind == INFINITIVE for verb, _ in entries))


def _own_subject_and_verb(words: list[tuple[str, int, int]], position: int) -> bool:
    """"... heraufbeschworen und Polen fordert einen Schutz": after a clause with its verb, a
    name and a finite verb start a clause of their own (not "Merkel und Hollande
    kritisierten", nor "mit Merkel und Hollande verhandelt": a participle may end it)."""
    if not words[position][0][:1].isupper() or position + 2 >= len(words):
        return False
    verb, after = words[position + 1][0], words[position + 2][0]
    if not (verb.islower() and verb in finite_verbs()) or verb in _participles() or \
            after in _CUTS or after in ".!?":
        return False
    for back in range(position - 2, -1, -1):
        text = words[back][0]
        if text in _CUTS:
            return False
        if text.islower() and text in finite_verbs():
            return True
    return False


@cache
def _participles() -> frozenset[str]:
    return frozenset(form for form, entries in lexicon().verbs.items()
                     if any(verb.kind == PARTICIPLE for verb, _ in entries))


def clause_it_continues(clause: Clause) -> tuple[Token, ...]:
    """A clause joined by "und" that opens with its finite verb continues the one before it,
    with its subject ("erkannte die Autorität nicht an und weigerte sich ..."): the tokens of
    that clause; () for any other (after a comma the subject may follow the verb: "...,
    kritisierte der Initiator")."""
    first = clause.tokens[0] if clause.tokens else None
    if first is None or clause.number == 0 or clause.opener or first.text != first.lower or \
            first.lower not in finite_verbs():
        return ()
    at = clause.sentence.index(first)
    if at < 2 or clause.sentence[at - 1].lower not in grammar()["coordinators"]:
        return ()
    before = clause.sentence[at - 2].clause
    return tuple(t for t in clause.sentence if t.clause == before)


@cache
def finite_verbs() -> frozenset[str]:
    """Verb forms that can open a coordinated clause: the lexicon's, and auxiliaries."""
    lex = lexicon()
    forms = {form for form, entries in lex.verbs.items()
             if any(verb.kind in (FINITE, SPLIT) for verb, _ in entries)}
    forms |= {form for form, verb in lex.support.items() if verb.kind in (FINITE, SPLIT)}
    g = grammar()
    return frozenset(forms | g["modals"] | g["future_auxiliaries"] | g["passive_auxiliaries"]
                     | g["finite_auxiliaries"])


_COORDINATORS = frozenset({"und", "aber", "sondern", "doch", "oder", "Und", "Aber", "Doch",
                           "Oder"})
_GENITIVE_RELATIVES = frozenset({"deren", "dessen"})


def _opener(words: list[tuple[str, int, int]], position: int) -> str:
    """The word that opens a subordinate clause at this position, or ""."""
    g = grammar()
    word = words[position][0].lower()
    following = words[position + 1][0] if position + 1 < len(words) else ""
    if word in g["subordinators"] and not (word == "wie" and following[:1].isupper()):
        return word
    if position and word in g["relative_pronouns"] and (
            word in _GENITIVE_RELATIVES or not following[:1].isupper()):
        return word
    if position and word in g["all_prepositions"] and following.lower() in g["relative_pronouns"]:
        after = words[position + 2][0] if position + 2 < len(words) else ""
        if following.lower() in _GENITIVE_RELATIVES or not after[:1].isupper():
            return following.lower()  # (not "In den 80er Jahren" opening the sentence)
    return ""


@lru_cache(maxsize=4096)
def _of_a_city(word: str) -> bool:
    """"Budapester", "Wiener", "Kölner": a place's adjective, capitalised."""
    from flows.stages.entities import lexicon as names  # (the lexicon of names and places)
    from flows.stages.places import is_place

    return word in names().city_adjectives or \
        (word.endswith("er") and len(word) > 5 and is_place(word[:-2]))


def preposition_before(tokens: tuple[Token, ...], position: int) -> str:
    """The preposition before a noun phrase: "gegen die Regierung", "von der Polizei"."""
    g = grammar()
    prepositions = g["all_prepositions"]
    for back in range(position - 1, max(-1, position - 5), -1):
        word = tokens[back]
        if _count(word) or (word.lower in g["quantifiers"] and back + 1 < position and (
                _count(tokens[back + 1]) or tokens[back + 1].lower in g["quantifiers"])):
            continue  # "von rund 10.000 Menschen", "von mehr als 30", "gegen drei Verdächtige"
        if word.lower in prepositions:
            return word.lower
        if word.lower in g["articles"] or (word.text == word.lower and word.text.isalpha()
                                           and word.lower.endswith(("e", "en", "er", "es"))
                                           and word.lower not in finite_verbs()) or \
                _of_a_city(word.text):
            continue  # an article or an adjective ("im Budapester Parlament"): the phrase
            # goes on
        return ""
    return ""


def _count(token: Token) -> bool:
    return token.text[:1].isdigit() or token.lower in grammar()["numbers"]
