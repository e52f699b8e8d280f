"""Triggers in a clause (whether the clause states them as having happened: factuality.py).

A verb trigger is a form of a lexicon lemma used as a verb (lower case; a split form needs its
particle later in the clause). A noun trigger is a capitalised word that is, or ends in, a
lexicon noun ("Bombenanschlag"); it names a happening only when its clause also has a support
verb or another trigger verb ("es kam zu Protesten") or a time word ("die Kundgebung am
Montag").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from flows.stages.conjugation import (
    FINITE,
    PARTICIPLE,
    SPLIT,
    VerbForm,
)
from flows.stages.events.clauses import Clause, Token, clause_it_continues, finite_verbs
from flows.stages.events.lexicon import Sense, grammar, lexicon, meets


@dataclass(frozen=True)
class Trigger:
    sense: Sense
    token: Token
    words: str  # as written, with a split particle ("nahm fest")
    verb: VerbForm | None  # None for a noun
    noun: str | None = None  # the lexicon noun it is or ends in


def clause_triggers(clause: Clause, has_time_word: Callable[[Clause], bool],
                    relative: Clause | None = None) -> list[Trigger]:
    """Triggers of a clause, one per type (the first), verbs before nouns. `relative`: a
    relative clause right after it, which can make a noun a happening; `has_time_word`
    tells whether a clause has a time word, which also can ("die Anschläge, bei
    denen 130 Menschen getötet wurden")."""
    verbs = [t for t in _verb_triggers(clause) if _senses_allow(t.sense, clause)]
    nouns = [t for t in _noun_triggers(clause) if _senses_allow(t.sense, clause)]
    if nouns and not (verbs or has_support_verb(clause) or (
            relative is not None and (has_support_verb(relative) or
                                      any(True for _ in _verb_triggers(relative))))
            or has_time_word(clause)):
        nouns = [t for t in nouns if _owned_speech_act(clause, t)]
    found, types = [], set()
    for trigger in sorted(verbs, key=lambda t: t.token.start) + \
            sorted(nouns, key=lambda t: t.token.start):
        if trigger.sense.type not in types:
            types.add(trigger.sense.type)
            found.append(trigger)
    return found


def _owned_speech_act(clause: Clause, trigger: Trigger) -> bool:
    """A demand, an accusation or a threat with its owner was made ("Auf den Vorwurf der
    CDU, ... entgegnete ...", "die Forderung der Gewerkschaft nach mehr Lohn")."""
    g = grammar()
    if trigger.sense.type not in g["speech_act_types"]:
        return False
    at = clause.tokens.index(trigger.token)
    after = clause.tokens[at + 1:at + 4]
    return bool(after) and after[0].lower in g["genitive_articles"] and \
        any(t.text[:1].isupper() for t in after[1:])


def _verb_triggers(clause: Clause):
    lex = lexicon()
    words = clause.words
    g = grammar()
    for position, token in enumerate(clause.tokens):
        fronted = _fronted_participle(clause, position)
        if token.text != token.lower and not fronted:  # verbs are written in lower case
            continue
        before = clause.tokens[position - 1] if position else None
        if before is not None and token.start - before.end <= 1 and (
                before.lower in g["articles"] or before.lower in g["all_prepositions"]) \
                and not (position == 1 and (before.lower in g["standalone_determiners"] or
                                            before.lower in g["object_demonstratives"])):
            continue  # "von einigen": a determiner, not a verb
        if _attributive(clause.tokens, position) or _determiner(clause.tokens, position):
            continue
        for form, sense in lex.verbs.get(token.lower, ()):
            if not all(word.lower() in words for word in form.needs) or \
                    (fronted and form.kind != PARTICIPLE):
                continue
            if form.kind == SPLIT:
                if not (_particle_after(clause.tokens, position, form.particle)
                        or _particle_closing_later(clause, token, form.particle)):
                    continue
                yield Trigger(sense, token, f"{token.text} … {form.particle}", form)
            elif not (form.kind == FINITE and _another_verbs_particle(clause.tokens, position)):
                yield Trigger(sense, token, token.text, form)



def _fronted_participle(clause: Clause, position: int) -> bool:
    """"Festgenommen wurden drei Männer": a passive's participle opening the sentence before
    its auxiliary, capitalised as the first word (not a state: "Angeklagt sind ...")."""
    tokens = clause.tokens
    g = grammar()
    return position == 0 and tokens[0] is clause.sentence[0] and len(tokens) > 1 and \
        tokens[0].text[1:] == tokens[0].lower[1:] and tokens[1].lower in g["passive_auxiliaries"]


def _another_verbs_particle(tokens: tuple[Token, ...], position: int) -> bool:
    """"Der Papst traf am Sonntag in Quito ein": a particle closing the clause makes the verb
    another one ("eintreffen", not "treffen")."""
    g = grammar()
    for token in tokens[position + 1:]:
        if token.lower in g["coordinators"]:
            return False  # "besuchte die Stätte und regte an": the particle of another verb
        if token.segment_end:
            return token.lower in g["separable_particles"]
    return False


def _determiner(tokens: tuple[Token, ...], position: int) -> bool:
    """"lassen sich einige Details schließen": a determiner before its noun, not "einigen"."""
    g = grammar()
    if tokens[position].lower not in g["determiner_forms"] or position + 1 >= len(tokens):
        return False
    following = tokens[position + 1]
    return following.text[:1].isalpha() and following.lower not in g["reflexive_pronouns"]


_ATTRIBUTE_REACH = 3  # "die international anerkannte Regierung"
_PHRASE_ATTRIBUTE_REACH = 6  # "die vom Iran unterstützten Rebellen"


def _attributive(tokens: tuple[Token, ...], position: int) -> bool:
    """An inflected participle between an article or a count and its noun, with only
    lower-case words between ("die international anerkannte Regierung", "sechs inhaftierte
    Oppositionsführer") or a phrase that a preposition opens ("die vom Iran unterstützten
    Rebellen"): an adjective, not a verb."""
    if position + 1 >= len(tokens) or not tokens[position + 1].text[:1].isupper() or \
            not tokens[position].lower.endswith(("e", "en", "er", "es", "em")):
        return False
    g = grammar()
    if position == 1 and tokens[0].lower in g["object_demonstratives"] and \
            tokens[1].lower in finite_verbs():
        return False  # "Das lehnte Abhisit ab": a pronoun, then the verb
    lower_case_only = True
    for back in range(position - 1, max(-1, position - _PHRASE_ATTRIBUTE_REACH - 1), -1):
        word = tokens[back]
        if word.lower in finite_verbs():
            return False
        if word.lower in g["articles"] or _count(word):
            if lower_case_only and position - back <= _ATTRIBUTE_REACH + 1:
                return True
            if tokens[back + 1].lower in g["all_prepositions"]:
                return True
        if word.text != word.lower:
            lower_case_only = False
    return False


def _count(word: Token) -> bool:
    """"sechs", "130"; not a year ("2013 vereinbarten Bund und Länder")."""
    return word.lower in grammar()["numbers"] or (word.text.isdigit() and len(word.text) < 4)


def _particle_closing_later(clause: Clause, verb: Token, particle: str) -> bool:
    """"Er trat dem Vorwurf, das Gericht sei nicht legitim, mit den Worten entgegen": the
    particle closes a later stretch of the sentence, after a clause that came between (not
    one that opens with a subject and its verb: "erkennt: Sie knüpft ... an")."""
    return any(t.lower == particle and t.segment_end and t.start > verb.start
               and not _opens_with_subject_and_verb(clause.sentence, t.clause)
               for t in clause.sentence)


def _opens_with_subject_and_verb(sentence: tuple[Token, ...], number: int) -> bool:
    """A clause that opens with a capitalised word and a lower-case one ("Sie knüpft")."""
    words = [t for t in sentence if t.clause == number][:2]
    if len(words) < 2 or not words[0].text[:1].isupper():
        return False
    g = grammar()
    second = words[1]
    return second.text.isalpha() and second.text.islower() and \
        second.lower not in g["articles"] and second.lower not in g["all_prepositions"] and \
        second.lower not in g["coordinators"]


def _particle_after(tokens: tuple[Token, ...], position: int, particle: str) -> bool:
    """The particle later in the clause, standing as a particle: at the end of its stretch
    or before a verb or conjunction, not before an article or a noun ("warfen ... vor dem
    Gebäude", "gab es zu Hause")."""
    return any(t.lower == particle and _stands_alone(tokens, i)
               for i, t in enumerate(tokens[position + 1:], position + 1))


def _stands_alone(tokens: tuple[Token, ...], at: int) -> bool:
    if tokens[at].segment_end or at + 1 >= len(tokens):
        return True
    following = tokens[at + 1]
    g = grammar()
    if tokens[at].lower == "zu" and following.text == following.lower:
        # "gibt es zu berichten", "gab zu verstehen", "kaum zu kontrollierende": an
        # infinitive's "zu"; "gab zu und trat zurück": the particle
        return following.lower in g["coordinators"]
    return following.text == following.lower and following.lower not in g["articles"] \
        and following.lower not in g["all_prepositions"]


def _noun_triggers(clause: Clause):
    tokens = clause.tokens
    for at, token in enumerate(tokens):
        if token.text[:1].isupper() and not _in_a_name(tokens, at):
            for noun, sense in noun_senses(token.lower):
                if not (sense.not_after and _after_one_of(tokens, at, sense.not_after)):
                    yield Trigger(sense, token, token.text, None, noun)


def _after_one_of(tokens: tuple[Token, ...], at: int, words: frozenset[str]) -> bool:
    """One of `words` before the noun's article and adjectives ("ohne die ausdrückliche
    Zustimmung")."""
    articles = grammar()["articles"]
    for token in reversed(tokens[:at]):
        if token.lower in words:
            return True
        if not (token.lower in articles or (token.text.islower() and
                                            token.lower.endswith(("e", "en", "er", "es")))):
            return False
    return False


def _in_a_name(tokens: tuple[Token, ...], at: int) -> bool:
    """"die Organisation für das Verbot chemischer Waffen", "die Agentur für
    Katastrophenhilfe": a noun after "für" and its article names what a body is for."""
    back = at - 1
    while back >= 0 and tokens[back].lower in grammar()["articles"]:
        back -= 1
    return back > 0 and tokens[back].lower == "für" and \
        tokens[back - 1].lower.endswith(_bodies())


@cache
def _bodies() -> tuple[str, ...]:
    """Nouns of bodies: kinds of organisation and of public bodies ("Amt", "Kommission")."""
    from flows.stages.entities import lexicon as names  # (entities reads the events lexicon)

    return (*names().org_kinds, *grammar()["public_bodies"])


_VERB_PREFIXES = ("ver", "zer", "be", "ent", "heraus")


@lru_cache(maxsize=1 << 16)  # words recur across articles; the lexicon never changes
def noun_senses(lower: str) -> tuple[tuple[str, Sense], ...]:
    """The lexicon noun a word is or ends in (the longest), with its senses; () if none."""
    lex = lexicon()
    if len(lower) < 3:
        return ()
    for length in lex.noun_lengths:
        if length > len(lower):
            continue
        ending = lower[-length:]
        entries = lex.nouns.get(ending)
        if not entries:
            continue
        if length == len(lower) and ending in lex.compound_only:
            return ()
        if length < len(lower) and (len(lower) - length < 3 or
                                    lower[:-length].endswith(_VERB_PREFIXES)):
            continue  # "(Richter)vereinigung" is no compound of "Einigung"
        return tuple(entries)
    return ()


def _senses_allow(sense: Sense, clause: Clause) -> bool:
    """No `unless` word in the clause, and a word of each `requires` group where the sense
    has them; a word matches the start of a token ("Truppe" finds "Truppen"), a phrase the
    text."""
    text = clause.lowered_text + " "  # ("Tor " also as the clause's last word)
    if any(word in text for word in sense.unless):
        return False
    if sense.governs == "zu-infinitive" and not _zu_infinitive_follows(clause):
        return False
    if sense.requires:  # ("Das EU-Parlament kritisierte ... und beschloss deshalb, ...")
        text += " ".join(t.lower for t in clause_it_continues(clause)) + " "
    return meets(sense.requires, text)


def _zu_infinitive_follows(clause: Clause) -> bool:
    """"drohte, die Lieferungen einzustellen": the next clause ends in a zu-infinitive."""
    words = [t.lower for t in clause.sentence
             if t.clause == clause.number + 1 and t.text[:1].isalnum()]
    if len(words) < 2:
        return False
    last = words[-1]
    return words[-2] == "zu" or any(
        last.startswith(particle + "zu") and len(last) > len(particle) + 4
        for particle in grammar()["separable_particles"])


def has_support_verb(clause: Clause) -> bool:
    """A verb that makes a trigger noun a happening its subject does ("verübte einen
    Anschlag", "es kam zu Protesten")."""
    support = lexicon().support
    for position, token in enumerate(clause.tokens):
        form = support.get(token.lower) if token.text == token.lower else None
        if form and (form.kind != SPLIT or _particle_after(clause.tokens, position,
                                                           form.particle)):
            return True
    return False


# --- factuality ------------------------------------------------------------------------------
