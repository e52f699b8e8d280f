"""Triggers in a clause, and whether the clause states them as having happened.

A verb trigger is a form of a lexicon lemma used as a verb (lower case; a split form needs its
particle later in the clause). A noun trigger is a capitalised word that is, or ends in, a
lexicon noun ("Bombenanschlag"); it names a happening only when its clause also has a support
verb or another trigger verb ("es kam zu Protesten") or a time word ("die Kundgebung am
Montag").

Factuality is read from the clause that holds the trigger, never from the whole sentence:
negation, modal verbs, the future, plans, conditions, purposes, questions and the object
clauses of wishes and demands ("forderte, dass ...") are not events; hearsay of a past act
("soll ... erschossen haben") is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from flows.stages.conjugation import (
    FINITE,
    INFINITIVE,
    PARTICIPLE,
    SPLIT,
    ZU_INFINITIVE,
    VerbForm,
    verb_forms,
)
from flows.stages.events.clauses import Clause, Token, finite_verbs, preposition_before
from flows.stages.events.lexicon import Sense, forms_of, grammar, lexicon


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
        if token.text != token.lower:  # verbs are written in lower case
            continue
        before = clause.tokens[position - 1] if position else None
        if before is not None and token.start - before.end <= 1 and (
                before.lower in g["articles"] or before.lower in g["all_prepositions"]):
            continue  # "von einigen": a determiner, not a verb
        if _attributive(clause.tokens, position) or _determiner(clause.tokens, position):
            continue
        for form, sense in lex.verbs.get(token.lower, ()):
            if not all(word.lower() in words for word in form.needs):
                continue
            if form.kind == SPLIT:
                if not (_particle_after(clause.tokens, position, form.particle)
                        or _particle_closing_later(clause, token, form.particle)):
                    continue
                yield Trigger(sense, token, f"{token.text} … {form.particle}", form)
            elif not (form.kind == FINITE and _another_verbs_particle(clause.tokens, position)):
                yield Trigger(sense, token, token.text, form)



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
    particle closes a later stretch of the sentence, after a clause that came between."""
    return any(t.lower == particle and t.segment_end and t.start > verb.start
               for t in clause.sentence)


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
                yield Trigger(sense, token, token.text, None, noun)


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
    """No `unless` word in the clause, and a `requires` word where the sense has them; a
    word matches the start of a token ("Truppe" finds "Truppen"), a phrase the text."""
    text = clause.lowered_text
    if any(word in text for word in sense.unless):
        return False
    return not sense.requires or any(word in text for word in sense.requires)


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

def is_factual(trigger: Trigger, clause: Clause, governing: Clause | None,
               question: bool) -> bool:
    """Whether the clause states the trigger's happening as having happened (or happening)."""
    g = grammar()
    tokens = clause.tokens
    at = tokens.index(trigger.token)
    lowered = [t.lower for t in tokens]
    kind = trigger.verb.kind if trigger.verb else None
    if question or clause.opener in g["irrealis_subordinators"]:
        return False
    if any(_sport(part) for t in tokens for part in t.text.split("-")):
        return False  # a game: "Mattersburg empfängt St. Pölten", "Bundesliga-Spitzenreiter"
    if clause.sentence[0].lower in g["conditional_openers"]:
        return False  # "Sollte sie zurückkommen, wird sie verhaftet": a condition
    if any(phrase in clause.lowered_text for phrase in g["habitual_phrases"]):
        return False  # "Kritiker werfen ihm immer wieder vor": a habit, no dated act
    if any(t.text in g["no_agents"] for t in tokens):
        return False  # a storm, a quake, an accident: nobody acts on anybody
    if any(t.text in g["anniversary_words"] for t in tokens):
        return False  # "Am Mittwoch jährte sich der Anschlag": not that day's happening
    to_come = kind == ZU_INFINITIVE or (
        trigger.verb is not None and at and lowered[at - 1] == "zu") or (
        trigger.verb is None and (_support_verb_to_come(lowered, at) or
                                  _purpose_of_a_journey(lowered, at)))
    # ("zu" before a noun is a preposition: "kam es zu Protesten" happened)
    if to_come and not _achieved(clause, trigger.sense.mode):
        return False
    if _negated(lowered):
        return False
    if _planned(tokens, at) or any(w in g["speaker_pronouns"] for w in lowered):
        return False  # a plan, or someone speaking ("Dann schieße ich"): not a report
    if any(w in g["modals"] for w in lowered) and not _hearsay_perfect(
            lowered, at, kind or _support_participle(lowered)):
        return False
    if any(w in g["future_auxiliaries"] for w in lowered) and not _passive_present(
            lowered, at, trigger.verb):
        return False
    if _state_not_act(lowered, at, trigger.verb, tokens) or _about_a_kind(clause, trigger):
        return False
    if trigger.verb is None and preposition_before(tokens, at) not in g["place_prepositions"] \
            and _irrealis_verb_in(clause, trigger.sense):
        return False  # "forderte den Rückzug": the withdrawal has not happened
    # "forderte, dass die Truppen abgezogen werden", "forderte die Verbündeten auf,
    # Luftangriffe zu fliegen": what is demanded has not happened
    demanded = clause.opener in ("dass", "daß") or (trigger.verb is None and
                                                    _has_zu_infinitive(lowered))
    return not (governing is not None and demanded
                and _irrealis_verb_in(governing, trigger.sense))


def _about_a_kind(clause: Clause, trigger: Trigger) -> bool:
    """"kein Platz für Gruppen, die zu Hass aufrufen": a relative clause with a plural verb in
    the present, about a plural with no article, says what such people do, not what
    happened."""
    verb = trigger.verb
    if clause.opener not in grammar()["relative_pronouns"] or verb is None or \
            not (verb.present or verb.kind == INFINITIVE) or \
            not trigger.token.lower.endswith("en"):  # ("aufrufen": a plural at the end)
        return False
    before = [t for t in clause.sentence if t.start < clause.tokens[0].start]
    if not before or not before[-1].text[:1].isupper():
        return False
    g = grammar()
    back = len(before) - 2
    while back >= 0 and before[back].text == before[back].lower and \
            before[back].lower.endswith(("e", "en", "er", "es")) and \
            before[back].lower not in g["articles"] and before[back].lower not in finite_verbs():
        back -= 1  # "für radikale Gruppen"
    determiner = back >= 0 and (before[back].lower in g["articles"] or
                                before[back].lower in g["quantifiers"] or
                                before[back].lower in g["numbers"] or
                                before[back].text[:1].isdigit())
    return not determiner


def _planned(tokens: tuple[Token, ...], at: int) -> bool:
    """A plan word in the clause, unless it is the attribute of a noun other than the trigger
    ("Bei der geplanten Ausreise wurde er festgenommen": the journey was planned, the arrest
    happened; "die geplante Kundgebung" is a plan)."""
    plan_words = grammar()["plan_words"]
    for i, token in enumerate(tokens):
        if token.lower not in plan_words:
            continue
        noun = i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() and \
            token.lower.endswith(("e", "en", "er", "es"))
        if not noun or i + 1 == at:
            return True
    return False


_SUPPORT_REACH = 8  # words from a noun to its support verb: "Anschlag in den USA zu verüben"


def _support_verb_to_come(lowered: list[str], at: int) -> bool:
    """A support verb as a zu-infinitive after the noun ("einen Anschlag zu verüben", "eine
    Kundgebung abzuhalten"): the clause names an act to come, not one done."""
    support = lexicon().support
    return any((form := support.get(w)) is not None and (
        form.kind == ZU_INFINITIVE or (form.kind == INFINITIVE and lowered[i - 1] == "zu"))
        for i, w in enumerate(lowered[at + 1:at + 1 + _SUPPORT_REACH], at + 1))


def _purpose_of_a_journey(lowered: list[str], at: int) -> bool:
    """"Zu Beratungen kommt Kerry am Sonntag nach Berlin", "reiste zu Gesprächen nach Paris":
    what a journey is for has not happened by being named (but "kam es zu Protesten")."""
    if not at or lowered[at - 1] not in ("zu", "zum", "zur"):
        return False
    journeys = forms_of("journey_verbs")
    return any(w in journeys for w in lowered) and "es" not in lowered


def _sport(word: str) -> bool:
    g = grammar()
    return word in g["sport_words"] or \
        (word[:1].isupper() and word.lower().endswith(tuple(g["sport_endings"])))


def _achieved(clause: Clause, mode: str | None) -> bool:
    """"Es gelang der Polizei, den Täter festzunehmen": a verb before the clause says the act
    was done; so does announcing an act that the announcement makes ("kündigte an,
    zurückzutreten")."""
    g = grammar()
    before = [t.lower for t in clause.sentence if t.start < clause.tokens[0].start]
    return any(w in g["implicative_verbs"] for w in before) or (
        mode in g["announced_modes"] and any(w in forms_of("announcing_verbs") for w in before))


def _support_participle(lowered: list[str]) -> str | None:
    """PARTICIPLE when a noun's support verb stands as a participle ("hätten den Angriff
    gestartet": reported as done, like "hätten angegriffen")."""
    support = lexicon().support
    return PARTICIPLE if any((form := support.get(w)) is not None and form.kind == PARTICIPLE
                             for w in lowered) else None


def _has_zu_infinitive(lowered: list[str]) -> bool:
    return any(w == "zu" and i + 1 < len(lowered) and lowered[i + 1].endswith("en")
               for i, w in enumerate(lowered))


def _negated(lowered: list[str]) -> bool:
    g = grammar()
    return any(w in g["negations"] and not (i + 1 < len(lowered) and
                                            lowered[i + 1] in g["negation_exceptions"])
               for i, w in enumerate(lowered))


def _hearsay_perfect(lowered: list[str], at: int, kind: str | None) -> bool:
    """"soll ... erschossen haben", "sollen ... festgenommen worden sein" (not "könnten ...
    entführt worden sein": a guess); reported speech in the pluperfect subjunctive, "die
    Rebellen hätten die Stadt angegriffen" (not "hätten ... angreifen können", "wenn sie ...
    angegriffen hätten", "beinahe ... getötet": what did not happen)."""
    g = grammar()
    if kind != PARTICIPLE:
        return False
    words = set(lowered)
    if not words.isdisjoint(g["hearsay_modals"]):  # (also "... ermordet und ... verübt haben")
        return any(w in g["perfect_auxiliaries"] for w in lowered[at + 1:])
    return not words.isdisjoint(g["reported_pluperfect"]) and \
        words.isdisjoint(g["counterfactual_words"]) and \
        words.isdisjoint(g["modal_infinitives"])


def _state_not_act(lowered: list[str], at: int, verb: VerbForm | None,
                   tokens: tuple[Token, ...]) -> bool:
    """"ist verboten", "sind gesperrt", "war im Einsatz gestanden": a participle closing its
    clause (auxiliaries aside) whose clause has a form of "sein" and neither "haben" nor a
    passive auxiliary, or a form of "bleiben" or "scheinen" ("bleibt verboten"). (Not "...,
    kritisiert Manahl": the present tense, spelt alike.)"""
    g = grammar()
    if verb is None or verb.kind != PARTICIPLE or verb.lemma in g["sein_perfect"] or \
            verb.lemma.split()[-1] in g["sein_perfect"]:
        return False
    auxiliaries = {*g["sein_forms"], *g["copula_forms"], *g["haben_forms"],
                   *g["passive_auxiliaries"]}
    if any(w[:1].isalnum() and w not in auxiliaries for w in _rest_of_stretch(tokens, at)):
        return False
    words = set(lowered)
    if not words.isdisjoint(g["copula_forms"]):
        return True
    return not words.isdisjoint(g["sein_forms"]) and words.isdisjoint(g["haben_forms"]) \
        and words.isdisjoint(g["passive_auxiliaries"])


def _rest_of_stretch(tokens: tuple[Token, ...], at: int) -> list[str]:
    """The words after `at` up to the next comma: "scheint nun ausgeschlossen, dass ...,
    etwa aus dem Abgeordnetenhaus, ..." ends at "ausgeschlossen"."""
    if tokens[at].segment_end:
        return []
    rest = []
    for token in tokens[at + 1:]:
        rest.append(token.lower)
        if token.segment_end:
            break
    return rest


def _passive_present(lowered: list[str], at: int, verb: VerbForm | None) -> bool:
    """"wird festgenommen" happens now; "wird ... festgenommen werden" is to come, and so is
    "werden ... beraten", whose participle is also the infinitive."""
    if verb is None or verb.kind != PARTICIPLE:
        return False
    if lowered[at] == verb.lemma.replace("|", "").removeprefix("sich "):
        return False
    return not any(w in grammar()["future_auxiliaries"] for w in lowered[at + 1:at + 3])


@cache
def _irrealis_forms() -> dict[str, tuple[str, str]]:
    """Forms of the verbs of wishing, demanding and planning -> (lemma, the particle a split
    form needs later in its clause: "lehnt ... ab", or "")."""
    forms: dict[str, tuple[str, str]] = {}
    for lemma in sorted(grammar()["irrealis_verbs"]):  # a frozenset: in a fixed order
        for form, verb in verb_forms(lemma).items():
            particle = verb.particle if verb.kind == SPLIT else ""
            if form not in forms or not particle:  # "drohte": of "drohen", not "an|drohen"
                forms[form] = (lemma, particle)
    return forms


def _irrealis_verb_in(clause: Clause, sense: Sense) -> bool:
    own_type = sense.type
    forms = _irrealis_forms()
    lex = lexicon()
    g = grammar()
    for i, token in enumerate(clause.tokens):
        if token.text == token.lower and token.lower in forms:
            lemma, particle = forms[token.lower]
            if particle and not any(t.lower == particle for t in clause.tokens[i + 1:]):
                continue
            if lemma in g["presupposing_verbs"] and own_type in g["speech_act_types"]:
                continue  # "lehnte die Forderung ab": the demand was made
            if lemma in g["announcing_verbs"] and sense.mode in g["announced_modes"]:
                continue  # "kündigte seinen Rücktritt an": announcing it is resigning
            senses = [verb_sense.type for _, verb_sense in lex.verbs.get(token.lower, ())]
            if own_type not in senses:
                return True
    return False
