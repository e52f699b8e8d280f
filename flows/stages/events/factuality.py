"""Whether a clause states its trigger as having happened (or happening).

Factuality is read from the clause that holds the trigger, never from the whole sentence:
negation, modal verbs, the future, plans, conditions, purposes, questions and the object
clauses of wishes and demands ("forderte, dass ...") are not events; hearsay of a past act
("soll ... erschossen haben") is.
"""

from __future__ import annotations

import re
from functools import cache

from flows.stages.conjugation import (
    INFINITIVE,
    PARTICIPLE,
    SPLIT,
    ZU_INFINITIVE,
    VerbForm,
    verb_forms,
)
from flows.stages.events.clauses import Clause, Token, finite_verbs, preposition_before
from flows.stages.events.lexicon import Sense, forms_of, grammar, lexicon
from flows.stages.events.triggers import Trigger


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
    if _habitual(clause.lowered_text):
        return False  # "Kritiker werfen ihm immer wieder vor": a habit, no dated act
    if any(t.text in g["no_agents"] and not _time_of(tokens, i) for i, t in enumerate(tokens)):
        return False  # a storm, a quake, an accident: nobody acts on anybody (but "in der
        # Woche vor dem Absturz festgenommen": the accident only dates it)
    if trigger.sense.type == "ASSAULT" and any(t.text in g["animals"] for t in tokens):
        return False  # "Buntbarsche attackieren alle anderen Fische"
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
    if trigger.verb is None and _year_of_its_own(tokens, at):
        return True  # "Auch die Invasion in Kuwait im Jahre 1990 wird Gegenstand eines
        # Prozesses sein": a past happening named with its year, whatever the clause says of
        # it (a year still to come makes it a plan when it is dated)
    if any(w in g["modals"] for w in lowered) and not _hearsay_perfect(
            lowered, at, kind or _support_participle(lowered)):
        return False
    if any(w in g["future_auxiliaries"] for w in lowered) and not _passive_present(
            lowered, at, trigger.verb) and not _done_under_a_past_modal(lowered, at, trigger.verb):
        return False
    if _state_not_act(lowered, at, trigger.verb, tokens) or _about_a_kind(clause, trigger):
        return False
    if trigger.verb is None and preposition_before(tokens, at) not in g["place_prepositions"] \
            and preposition_before(tokens, at) not in g["cause_prepositions"] \
            and _irrealis_verb_in(clause, trigger.sense):
        return False  # "forderte den Rückzug": the withdrawal has not happened
    # "forderte, dass die Truppen abgezogen werden", "forderte die Verbündeten auf,
    # Luftangriffe zu fliegen": what is demanded has not happened
    # "Ein Bericht, wonach er festgenommen worden sein soll, wurde dementiert": denied
    demanded = clause.opener in g["content_openers"] or (trigger.verb is None and
                                                         _has_zu_infinitive(lowered))
    return not (governing is not None and demanded
                and _irrealis_verb_in(governing, trigger.sense))


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_REACH = 5  # words: "die Invasion in Kuwait im Jahre 1990"


def _year_of_its_own(tokens: tuple[Token, ...], at: int) -> bool:
    """A year in the noun's own phrase, before any verb of the clause."""
    for token in tokens[at + 1:at + 1 + _YEAR_REACH]:
        if _YEAR.fullmatch(token.text):
            return True
        if token.lower in finite_verbs() or (token.text.islower() and token.text.isalpha()
                                            and token.lower not in grammar()["articles"]
                                            and token.lower not in grammar()["year_phrase"]):
            return False
    return False


def _time_of(tokens: tuple[Token, ...], at: int) -> bool:
    """A noun after "vor", "nach", "seit" and its article: a time, not what happened."""
    back = at - 1
    if back >= 0 and tokens[back].lower in grammar()["articles"]:
        back -= 1
    return back >= 0 and tokens[back].lower in grammar()["temporal_prepositions"]


def _habitual(text: str) -> bool:
    """A habit or a state that has gone on ("immer wieder", "seit Jahren"); not a superlative's
    comparison ("die größte Demonstration seit Jahren")."""
    for phrase in grammar()["habitual_phrases"]:
        at = text.find(phrase)
        if at >= 0 and not (phrase.startswith(" seit ") and any(
                word.endswith(_SUPERLATIVE) for word in text[:at].split()[-2:])):
            return True
    return False


_SUPERLATIVE = ("ste", "sten", "ster", "stes", "ßte", "ßten", "ßter", "ßtes")


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
        not _counterfactual(lowered) and words.isdisjoint(g["modal_infinitives"])


def _counterfactual(lowered: list[str]) -> bool:
    """"wenn sie ... angegriffen hätten", "ohne dass ..."; not "ohne Vorwarnung" (a manner)."""
    g = grammar()
    return any(w in g["counterfactual_words"] and not (
        w == "ohne" and lowered[i + 1:i + 2] not in (["dass"], ["daß"]))
        for i, w in enumerate(lowered))


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
    if at == 0:  # "Kritisiert wird die Stiftung": the participle first, then its auxiliary
        return "werden" not in lowered[at + 1:]
    return not any(w in grammar()["future_auxiliaries"] for w in lowered[at + 1:at + 3])


def _done_under_a_past_modal(lowered: list[str], at: int, verb: VerbForm | None) -> bool:
    """"konnte von der Polizei festgenommen werden", "mussten evakuiert werden": a past modal
    with a passive infinitive reports what was done (not "wird ... festgenommen werden")."""
    return verb is not None and verb.kind == PARTICIPLE and at + 1 < len(lowered) and \
        lowered[at + 1] == "werden" and any(w in grammar()["past_modals"] for w in lowered[:at])


@cache
def _irrealis_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """Forms of the verbs of wishing, demanding, planning and denying -> the (lemma, the
    particle a split form needs later in its clause: "lehnt ... ab", or "") it may be of,
    those needing a particle first ("sagte ... ab", "sagte ... zu")."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for lemma in sorted(grammar()["irrealis_verbs"]):  # a frozenset: in a fixed order
        for form, verb in verb_forms(lemma).items():
            forms.setdefault(form, []).append(
                (lemma, verb.particle if verb.kind == SPLIT else ""))
    return {form: tuple(sorted(lemmas, key=lambda entry: not entry[1]))
            for form, lemmas in forms.items()}


def _irrealis_lemma(tokens: tuple[Token, ...], i: int) -> str | None:
    """The verb of wishing, demanding, planning or denying the token at `i` is, if any."""
    token = tokens[i]
    if token.text != token.lower:
        return None
    for lemma, particle in _irrealis_forms().get(token.lower, ()):
        if not particle or any(t.lower == particle for t in tokens[i + 1:]):
            return lemma
    return None


def _irrealis_verb_in(clause: Clause, sense: Sense) -> bool:
    own_type = sense.type
    lex = lexicon()
    g = grammar()
    for i, token in enumerate(clause.tokens):
        lemma = _irrealis_lemma(clause.tokens, i)
        if lemma is None:
            continue
        if lemma in g["presupposing_verbs"] and own_type in g["speech_act_types"]:
            continue  # "lehnte die Forderung ab": the demand was made
        if lemma in g["announcing_verbs"] and sense.mode in g["announced_modes"]:
            continue  # "kündigte seinen Rücktritt an": announcing it is resigning
        if lemma in g["deciding_verbs"] and (own_type in g["decided_types"] or
                                             sense.mode in g["decided_modes"]):
            continue  # "beschloss Sanktionen": deciding them is imposing them
        senses = [verb_sense.type for _, verb_sense in lex.verbs.get(token.lower, ())]
        if own_type not in senses:
            return True
    return False
