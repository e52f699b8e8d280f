"""Who did it when no subject says: the owner of a trigger noun ("die Forderung der
Opposition", "die Luftangriffe der Russen"), a compound's prefix ("US-Luftangriff"), a
passive's agent though no list knows it ("von jugendlichen Angreifern attackiert"), the body a
decision was taken in ("im Parlament beschlossen")."""

from __future__ import annotations

from flows.stages.entities import EntityIndex
from flows.stages.events.clauses import Clause, Token
from flows.stages.events.lexicon import grammar
from flows.stages.events.mentions import ACRONYM, ActorMention, is_adjective, state_of
from flows.stages.events.triggers import Trigger, noun_senses
from flows.stages.places import is_place
from flows.stages.temporal import may_have_time


def attacker(clause: Clause, mentions: list[ActorMention], index: EntityIndex) -> str | None:
    """"Bei den Luftangriffen der Russen wurden zehn Menschen getötet": the owner of an attack
    named in a passive clause did it."""
    for at, token in enumerate(clause.tokens):
        for noun, sense in noun_senses(token.lower) if token.text[:1].isupper() else ():
            if noun.lower() in grammar()["attacks_by_owner"]:
                owner = noun_owner(clause, Trigger(sense, token, token.text, None, noun),
                                   mentions, at, index)
                if owner is not None:
                    return owner.name
    return None


def deciding_body(trigger: Trigger, mentions: list[ActorMention]) -> str | None:
    """"Die Novelle wurde im Budapester Parlament beschlossen": a decision taken in a body
    that decides is the body's."""
    g = grammar()
    if trigger.sense.type not in g["decision_types"]:
        return None
    return next((m.name for m in mentions if m.preposition in ("in", "im")
                 and m.name.split()[-1].lower().endswith(tuple(g["deciding_bodies"]))), None)


def unlisted_agent(clause: Clause, trigger_at: int, index: EntityIndex) -> str | None:
    """The noun of a "von"-phrase before a passive participle, though no list knows it: who
    did it ("von jugendlichen Angreifern attackiert", "vom Konsumentenschutz kritisiert");
    not a time ("von Montag an"), a place, what a noun is of ("die Verbreitung von
    Hasspostings") or the agent of an attribute ("ein von Badawi mitgegründetes Forum")."""
    g = grammar()
    tokens = clause.tokens
    for at in range(1, trigger_at):
        before = tokens[at - 1].text
        if tokens[at].lower not in ("von", "vom") or (before[:1].isupper()
                                                    and not may_have_time(before)):
            continue
        head = at + 1
        while head < trigger_at and (tokens[head].lower in g["articles"] or
                                     tokens[head].lower in g["quantifiers"] or
                                     tokens[head].text.isdigit() or is_adjective(tokens[head])):
            head += 1
        noun = tokens[head].text if head < trigger_at else ""
        if noun in index.nouns and not noun_senses(noun.lower()) and \
                not may_have_time(noun) and not is_place(noun) and \
                not _attribute_follows(tokens, head):
            name = [t.text for t in tokens[head + 1:trigger_at]]
            name = name[:next((i for i, w in enumerate(name) if not w[:1].isupper()), len(name))]
            return " ".join([_plural_nominative(noun), *name])  # "der Islamistengruppe
            # Ansar Dine"
    return None


def _plural_nominative(noun: str) -> str:
    """"von jugendlichen Angreifern": the plural's dative -n dropped (not "Bauern")."""
    return noun[:-1] if noun.endswith(("ern", "eln")) and not noun.endswith("uern") else noun


def _attribute_follows(tokens: tuple[Token, ...], at: int) -> bool:
    """An inflected word and a noun after the word at `at`: "(von allen Parteien)
    getragenen Antrag"."""
    return at + 2 < len(tokens) and is_adjective(tokens[at + 1]) and \
        tokens[at + 2].text[:1].isupper()


_OWNER_WORDS = 4  # "die Forderung des bayerischen Finanzministers Söder"


def prefix_owner(trigger: Trigger) -> ActorMention | None:
    """A state or an acronym before the hyphen of a trigger noun does it ("US-Luftangriff",
    "PKK-Anschlag", "EU-Sanktionen")."""
    if trigger.verb is not None or "-" not in trigger.token.text:
        return None
    prefix = trigger.token.text.split("-")[0]
    state = state_of(prefix)
    if state:
        return ActorMention(state, -1, "", "state")
    return ActorMention(prefix, -1, "", "group") if ACRONYM.fullmatch(prefix) else None


def noun_owner(clause: Clause, trigger: Trigger, mentions: list[ActorMention],
                trigger_at: int, index: EntityIndex) -> ActorMention | None:
    """Who a trigger noun belongs to: the genitive or "von"-phrase right after a noun of a
    type whose owner acts ("die Forderung der Opposition", "die Kritik von Amnesty", also
    "Kritik aus der SPD"), unlike one whose owner suffers ("die Festnahme des
    Verdächtigen")."""
    g = grammar()
    tokens = clause.tokens
    if trigger.verb is not None or trigger_at + 1 >= len(tokens) or (
            trigger.sense.type not in g["noun_owner_acts"] and
            (trigger.noun or "").lower() not in g["attacks_by_owner"]):
        return None
    after = tokens[trigger_at + 1].lower
    voiced = after == "aus" and trigger.sense.type in g["voiced_types"]
    if after not in g["genitive_articles"] and after != "von" and not voiced:
        return None
    owned_by = ("", "von", "aus") if voiced else ("", "von")
    return next((m for m in mentions if trigger_at < m.position <= trigger_at + _OWNER_WORDS
                 and m.preposition in owned_by), None) or \
        _unlisted_owner(tokens, trigger_at + 1, trigger, index)


def _unlisted_owner(tokens: tuple[Token, ...], at: int, trigger: Trigger, index: EntityIndex
                    ) -> ActorMention | None:
    """"die Kritik der Grünen", "Drohungen von Rechtsextremen", "die Luftangriffe der Russen":
    the owner of a demand, a threat, a protest, criticism or an attack, though no list knows
    the noun; not a thing ("Vorwürfe der Cyberkriminalität", "die Drohung von Kürzungen")."""
    g = grammar()
    sense = trigger.sense
    if sense.type not in g["unlisted_owner_acts"] and sense.mode not in g["unlisted_owner_acts"] \
            and (trigger.noun or "").lower() not in g["attacks_by_owner"]:
        return None
    head = at + 1
    while head < len(tokens) and is_adjective(tokens[head]):
        head += 1
    noun = tokens[head].text if head < len(tokens) else ""
    if noun in index.nouns and not noun_senses(noun.lower()) and not may_have_time(noun) \
            and not is_place(noun) and not noun.lower().endswith(tuple(g["abstract_endings"])):
        return ActorMention(_plural_nominative(noun), head, "", "group")
    return None
