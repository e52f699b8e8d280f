"""Who did it and to or with whom: read from the trigger's clause and its mentions.

In an active clause the first mention outside a prepositional phrase (and those joined to it by
"und") acts; the other mentions are targets. In a passive clause the agent ("von der Polizei
festgenommen") acts and the subject is the target. A place after a place preposition is the
location (flows/stages/events/mentions.py finds mentions and places). Subjects no list knows
are read in subjects.py, the owners of trigger nouns and unlisted agents in owners.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows.stages.conjugation import PARTICIPLE, ZU_INFINITIVE
from flows.stages.entities import EntityIndex
from flows.stages.events.casualties import VICTIM, suffering
from flows.stages.events.clauses import (
    Clause,
    Token,
    clause_it_continues,
    finite_verbs,
    preposition_before,
)
from flows.stages.events.lexicon import forms_of, grammar
from flows.stages.events.mentions import (
    ActorMention,
    clause_mentions,
    genitive_head,
    is_adjective,
    mention_at,
    reports_it,
)
from flows.stages.events.owners import (
    attacker,
    deciding_body,
    noun_owner,
    prefix_owner,
    unlisted_agent,
)
from flows.stages.events.subjects import (
    bare_name_first,
    bare_word_after_verb,
    noun_after_verb,
    noun_before_verb,
)
from flows.stages.events.triggers import Trigger, has_support_verb, noun_senses
from flows.stages.places import is_place


@dataclass(frozen=True)
class Participants:
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None


def subject(clause: Clause, index: EntityIndex) -> str | None:
    """The first mention outside a prepositional phrase: the clause's likely subject; else a
    noun before the verb ("Die Bauern protestierten")."""
    mentions, _ = clause_mentions(clause, index)
    return next((m.name for m in mentions if not m.preposition), None) or \
        noun_before_verb(clause, mentions, index)


def participants(clause: Clause, trigger: Trigger, index: EntityIndex,
                 antecedent: Callable[[str, bool], str | None] = lambda *_: None,
                 apposed: str | None = None,
                 shared_subject: Callable[[], str | None] = lambda: None) -> Participants:
    """`antecedent`: who "er"/"sie" opening the clause refers to; `apposed`: the person an
    apposition in the clause names ("Der Vizevorsitzende der Linksfraktion, Jan Korte,
    forderte": Jan Korte acts, not the party); `shared_subject`: who acts in a clause that
    continues an earlier one ("... und weigerte sich")."""
    found = _participants(clause, trigger, index, antecedent, shared_subject)
    found = Participants(tuple(dict.fromkeys(  # "Eine Bombe explodierte": no one acting
        a for a in found.actors if not a.lower().endswith(_WEAPONS))), tuple(dict.fromkeys(
        found.targets)), found.location)  # a name the clause gives twice counts once
    phrase = trigger.verb.needs if trigger.verb else ()
    if any(name in phrase for name in found.targets):  # "zollte ihm Respekt": no one
        found = Participants(found.actors, tuple(n for n in found.targets if n not in phrase),
                             found.location)
    if apposed and not found.actors and not is_passive(clause, trigger):
        return Participants((apposed,), tuple(n for n in found.targets if n != apposed),
                            found.location)  # "Der frühere Hohe Repräsentant, Wolfgang
        # Petritsch, begrüßte": a role no list knows, and the name set off after it
    if apposed and found.actors and apposed not in found.actors and \
            not is_passive(clause, trigger) and \
            _pronoun_subject_at(clause) is None and not any(
            _named_in(clause, name) for name in found.actors if name in index.people):
        return Participants((apposed,), found.targets, found.location)
    return found


_WEAPONS = tuple(grammar()["weapon_endings"])


def _named_in(clause: Clause, name: str) -> bool:
    """The person's surname stands in the clause (not only a role that resolved to them)."""
    surname = name.split()[-1]
    return any(t.text == surname for t in clause.tokens)


def apposed_person(clause: Clause, index: EntityIndex) -> str | None:
    mentions, _ = clause_mentions(clause, index)
    return next((m.name for m in mentions if m.kind == "person"), None)


def _participants(clause: Clause, trigger: Trigger, index: EntityIndex,
                  antecedent: Callable[[str, bool], str | None],
                  shared_subject: Callable[[], str | None]) -> Participants:
    g = grammar()
    mentions, location = clause_mentions(clause, index, clause.tokens.index(trigger.token))
    mentions = [m for m in mentions if m.preposition not in g["source_prepositions"]
                and not reports_it(clause.tokens, m.position)]
    passive = is_passive(clause, trigger)
    if trigger.verb is None and not clause.words.isdisjoint(forms_of("receiving_verbs")):
        # "Der Vorschlag stieß bei der SPD auf Ablehnung", "erntete Zustimmung von den
        # Grünen": the subject receives it; who gives it stands after "bei", "von", "aus"
        givers = [m for m in mentions if m.preposition in g["giver_prepositions"]]
        return Participants(_names(givers), tuple(
            n for n in _names(mentions) if n not in _names(givers)), location)
    actors, targets = [], []
    pronoun = _pronoun_subject_at(clause)
    if pronoun is None or any(m.position < pronoun and not m.preposition for m in mentions) \
            or noun_before_verb(clause, mentions, index) is not None:
        pronoun = _pronoun_after_verb(clause)  # "Die Bürger forderte er auf, ..."; "die
        # Republikaner lehnten sie ab": the noun before the verb acts, "sie" is the object
    if pronoun is not None and not passive:
        word = clause.tokens[pronoun].lower
        who = antecedent(g["demonstrative_subjects"].get(word, word),
                         _with_plural_verb(clause, pronoun))
        # (whom the pronoun refers to unknown: "forderte sie Strache auf" is still not Strache's)
        return Participants((who,) if who else (), tuple(dict.fromkeys(
            m.name for m in mentions if m.name != who)), location)
    trigger_at = clause.tokens.index(trigger.token)
    owner = noun_owner(clause, trigger, mentions, trigger_at, index) or prefix_owner(trigger)
    if owner is not None:  # "die Forderung des Finanzministers Söder": Söder demands
        return Participants((owner.name,), tuple(dict.fromkeys(
            m.name for m in mentions if m.name != owner.name)), location)
    if not passive and _is_zu_infinitive(clause, trigger, trigger_at):
        # "Deiss hat angekündigt, von seinem Amt zurückzutreten", "Es gelang der Polizei, den
        # Täter festzunehmen": the governing clause's subject acts, the clause's phrases are
        # objects
        shared = shared_subject()
        return Participants((shared,) if shared else (), tuple(
            name for name in _names(mentions) if name != shared), location)
    if trigger.verb is None and not has_support_verb(clause) and preposition_before(
            clause.tokens, trigger_at) not in g["taking_part_prepositions"]:
        return _in_another_act(mentions, trigger_at, location)
    shared = shared_subject() if not passive and clause_it_continues(clause) else None
    if shared:  # "lobte die Polizei und kritisierte die Demonstranten": they are criticised
        return Participants((shared,), tuple(n for n in _names(mentions) if n != shared),
                            location)
    before_verb = None if passive else noun_before_verb(
        clause, mentions, index, trigger.verb.needs if trigger.verb else ())
    if before_verb is not None:  # "Die Tierschützer riefen den Bürgermeister auf"
        return Participants((before_verb,), _names(mentions), location)
    bare = None if passive else bare_word_after_verb(
        clause, trigger_at, trigger.sense, mentions, index)
    if bare is not None:  # "Am Montag kritisierte Ali die Regierung"
        return Participants((bare,), tuple(n for n in _names(mentions) if n != bare), location)
    victims_suffer = trigger.verb is None and suffering(clause)
    for mention in mentions:
        if mention.preposition in g["agent_prepositions"]:
            (actors if passive or trigger.verb is None else targets).append(mention)
        elif victims_suffer and VICTIM.fullmatch(mention.name):
            targets.append(mention)  # "27 Soldaten sterben bei dem Anschlag": who suffers
        elif _acts(clause, mention, actors, passive, trigger_at):
            actors.append(mention)
        else:
            targets.append(mention)
    actor_names = _names(actors)
    if not actor_names and passive:
        agent = unlisted_agent(clause, trigger_at, index) or \
            deciding_body(trigger, mentions) or attacker(clause, mentions, index)
        actor_names = (agent,) if agent else ()
    if not actor_names and not passive and clause_it_continues(clause):
        shared = shared_subject()  # "Hussein erkannte ... nicht an und weigerte sich ..."
        actor_names = (shared,) if shared else ()
    if not actor_names and not passive:
        relative = _relative_antecedent(clause, index)
        actor_names = (relative.name,) if relative else \
            bare_name_first(clause, index) or noun_after_verb(clause, trigger_at, index)
    target_names = tuple(n for n in _names(targets) if n not in actor_names)
    if passive and not target_names:  # "Badawi war im Juni 2012 festgenommen worden"
        target_names = bare_name_first(clause, index)
    return Participants(actor_names, target_names, location)


def _in_another_act(mentions: list[ActorMention], trigger_at: int, location: str | None
                    ) -> Participants:
    """A trigger noun in a clause about another act ("Maas hat den Anschlag verurteilt", "Nach
    den Anschlägen dachte die Ministerin ... nach"): the clause's subject did not do it
    (unlike "bei einem Treffen mit Erdogan sagte Xi"); who did stands after "von", what it
    was aimed at after the noun."""
    g = grammar()
    agents = [m for m in mentions if m.position > trigger_at
              and m.preposition in g["agent_prepositions"]]
    return Participants(_names(agents), tuple(
        m.name for m in mentions if m.position > trigger_at and m not in agents
        and m.preposition in g["target_prepositions"]), location)


_NOMINATIVE_RELATIVES = ("der", "die", "welcher", "welche")


def _relative_antecedent(clause: Clause, index: EntityIndex) -> ActorMention | None:
    """Who a relative clause without a subject of its own is about: the noun before it ("der
    Attentäter, der am Sonntag eine Frau erstochen hatte")."""
    if clause.opener not in _NOMINATIVE_RELATIVES:
        return None
    before = tuple(t for t in clause.sentence if t.start < clause.tokens[0].start)
    g = grammar()
    if len(before) > 1 and before[-1].lower in g["separable_particles"]:
        before = before[:-1]  # "setzte Tränengas gegen Demonstranten ein, die ..."
    if len(before) > 2 and before[-2].lower in g["place_prepositions"] and \
            is_place(before[-1].text):
        before = before[:-2]  # "gegen Demonstranten in Teheran vor, die ..."
    if not before or not before[-1].text[:1].isupper():
        return None
    last = len(before) - 1
    preposition = preposition_before(before, last)
    return mention_at(before, last, index, preposition) or (
        ActorMention(before[-1].text, last, preposition, "group")
        if _unlisted_antecedent(clause, before[-1], index) else None)


def _unlisted_antecedent(clause: Clause, noun: Token, index: EntityIndex) -> bool:
    """"der Firma Euryza, die den Vorwurf bestätigte": a name or noun no list knows, when the
    relative pronoun opens its clause ("zu der die Caritas aufruft" does not) and no pronoun
    after it is the subject ("der sie eine Blockade vorwirft", "in der sich ... drängen")."""
    tokens = clause.tokens
    g = grammar()
    return noun.text in index.nouns and not noun_senses(noun.lower) and \
        tokens[0].text == clause.opener and len(tokens) > 1 and \
        tokens[1].lower not in g["personal_pronouns"] and \
        tokens[1].lower not in g["impersonal_pronouns"] and \
        tokens[1].lower not in g["reflexive_pronouns"]


def _is_zu_infinitive(clause: Clause, trigger: Trigger, trigger_at: int) -> bool:
    """"zurückzutreten", "zu verüben": a clause whose subject is its governing clause's."""
    return clause.number > 0 and trigger.verb is not None and (
        trigger.verb.kind == ZU_INFINITIVE or
        (trigger_at > 0 and clause.tokens[trigger_at - 1].lower == "zu"))


def _names(mentions: list[ActorMention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in mentions))


def _acts(clause: Clause, mention: ActorMention, actors: list[ActorMention], passive: bool,
          trigger_at: int) -> bool:
    """The first phrase outside a prepositional phrase acts in an active clause, with the
    phrases joined to it by "und"."""
    if mention.preposition or passive or _object_after_verb(clause, trigger_at, mention) or \
            _oblique(clause.tokens, mention.position):
        return False
    head = genitive_head(clause.tokens, mention.position)
    if head not in (None, trigger_at) and _oblique(clause.tokens, head):
        return False  # "verurteilten den Einsatz der Polizei": an object's genitive
    return not actors or _joined(clause, actors[-1], mention)


def _object_after_verb(clause: Clause, trigger_at: int, mention: ActorMention) -> bool:
    """A phrase after the verb with an indefinite article is its object ("schließen eine
    Koalition aus")."""
    if mention.position < trigger_at:
        return False
    before = clause.tokens[mention.position - 1].lower if mention.position else ""
    return before in ("ein", "eine", "einen", "einem")


def _oblique(tokens: tuple[Token, ...], position: int) -> bool:
    """A phrase opened by "den", "dem", "einen" or "einem" is an object, never the subject
    ("Am Montag kritisierte die Zeitung den Minister")."""
    back = position - 1
    while back >= 0 and is_adjective(tokens[back]) and \
            tokens[back].lower not in grammar()["articles"]:
        back -= 1
    return back >= 0 and tokens[back].lower in grammar()["oblique_articles"]


def is_passive(clause: Clause, trigger: Trigger) -> bool:
    """A werden-passive: of the trigger verb, or around a noun trigger ("Bei den Angriffen
    wurden 691 Menschen verletzt"); a headline's participle without any auxiliary ("198
    Zivilisten binnen fünf Monaten getötet")."""
    if trigger.verb is not None and trigger.verb.kind != PARTICIPLE:
        return False
    g = grammar()
    if any(t.lower in g["passive_auxiliaries"] for t in clause.tokens):
        return True
    if not _unmistakable_participle(trigger) or any(
            t.lower in g["finite_auxiliaries"] or t.lower in g["modals"] for t in clause.tokens):
        return False
    before = [t.lower for t in clause.sentence if t.start < clause.tokens[0].start]
    if any(w in g["passive_auxiliaries"] for w in before):
        return True  # "wurden 14 Aufständische, sieben Zivilisten und ein Soldat getötet"
    headline = not any(w in g["finite_auxiliaries"] or w in g["modals"] for w in before)
    return headline and not any(t.lower in g["coordinators"] for t in clause.tokens)


def _unmistakable_participle(trigger: Trigger) -> bool:
    """"getötet", "festgenommen"; not "verteidigt" or "kritisiert", which are present forms
    too."""
    verb = trigger.verb
    if verb is None or verb.kind != PARTICIPLE:
        return False
    particle = verb.lemma.split()[-1].rpartition("|")[0]
    return trigger.token.lower.startswith(particle + "ge")


def _joined(clause: Clause, first: ActorMention, mention: ActorMention) -> bool:
    """"Müntefering und Platzeck", "Hollande und sein russischer Amtskollege Putin": both
    act. Between them only a coordinator and the words of a noun phrase."""
    g = grammar()
    between = clause.tokens[first.position + 1:mention.position]
    return any(t.lower in g["coordinators"] for t in between) and all(
        t.lower in g["coordinators"] or t.lower in g["articles"] or t.text[:1].isupper()
        or t.lower.endswith(("e", "en", "er", "es", "em")) for t in between)


def _pronoun_subject_at(clause: Clause) -> int | None:
    """Where "er"/"sie" stands as a subject near the clause's start ("Er warf ...",
    "Am Montag kritisierte sie ..."), or a demonstrative opens it ("Dieser lehnt ..."), or
    None."""
    tokens = clause.tokens
    if len(tokens) > 1 and tokens[0].lower in grammar()["demonstrative_subjects"] and \
            tokens[1].text.islower():
        return 0  # "Dieser lehnt ... ab"
    for i, t in enumerate(tokens[:5]):
        if t.lower in grammar()["personal_pronouns"] and not preposition_before(tokens, i):
            return i
    return None


def _with_plural_verb(clause: Clause, pronoun: int) -> bool:
    """"Sie demonstrierten", "drängen sie": a finite verb in the plural next to "sie" (not
    the polite "Sie" inside a sentence: "Trotzdem sprechen Sie sich ... aus")."""
    tokens = clause.tokens
    if tokens[pronoun].lower != "sie" or (pronoun and tokens[pronoun].text == "Sie"):
        return False
    verbs = finite_verbs()
    return any(tokens[i].lower in verbs and tokens[i].lower.endswith("en")
               for i in (pronoun - 1, pronoun + 1) if 0 <= i < len(tokens))


def _pronoun_after_verb(clause: Clause) -> int | None:
    """Where "er" stands right after the clause's finite verb: the subject, whatever phrase
    opens the clause ("Die Bürgerinnen und Bürger forderte er auf")."""
    g = grammar()
    tokens = clause.tokens
    for i in range(1, len(tokens)):
        if tokens[i].lower == "er" and (tokens[i - 1].lower in finite_verbs()
                                        or tokens[i - 1].lower in g["finite_auxiliaries"]):
            return i
    return None
