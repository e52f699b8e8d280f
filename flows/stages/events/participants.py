"""Who did it and to or with whom: read from the trigger's clause and its mentions.

In an active clause the first mention outside a prepositional phrase (and those joined to it by
"und") acts; the other mentions are targets. In a passive clause the agent ("von der Polizei
festgenommen") acts and the subject is the target. A place after a place preposition is the
location (flows/stages/events/mentions.py finds mentions and places).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows.stages.conjugation import PARTICIPLE, ZU_INFINITIVE
from flows.stages.entities import EntityIndex, is_role
from flows.stages.events.casualties import VICTIM, suffering
from flows.stages.events.clauses import Clause, Token, finite_verbs, preposition_before
from flows.stages.events.lexicon import Sense, forms_of, grammar
from flows.stages.events.mentions import (
    ACRONYM,
    ActorMention,
    clause_mentions,
    genitive_head,
    is_adjective,
    mention_at,
    state_of,
)
from flows.stages.events.triggers import Trigger, has_support_verb, noun_senses
from flows.stages.places import is_place
from flows.stages.temporal import may_have_time


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
        _noun_before_verb(clause, mentions, index)


def participants(clause: Clause, trigger: Trigger, index: EntityIndex,
                 antecedent: Callable[[str, bool], str | None] = lambda *_: None,
                 apposed: str | None = None,
                 shared_subject: Callable[[], str | None] = lambda: None) -> Participants:
    """`antecedent`: who "er"/"sie" opening the clause refers to; `apposed`: the person an
    apposition in the clause names ("Der Vizevorsitzende der Linksfraktion, Jan Korte,
    forderte": Jan Korte acts, not the party); `shared_subject`: who acts in a clause that
    continues an earlier one ("... und weigerte sich")."""
    found = _participants(clause, trigger, index, antecedent, shared_subject)
    if apposed and not found.actors and not _is_passive(clause, trigger):
        return Participants((apposed,), tuple(n for n in found.targets if n != apposed),
                            found.location)  # "Der frühere Hohe Repräsentant, Wolfgang
        # Petritsch, begrüßte": a role no list knows, and the name set off after it
    if apposed and found.actors and apposed not in found.actors and \
            not _is_passive(clause, trigger) and \
            _pronoun_subject_at(clause) is None and not any(
            _named_in(clause, name) for name in found.actors if name in index.people):
        return Participants((apposed,), found.targets, found.location)
    return found


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
    mentions = [m for m in mentions if m.preposition not in g["source_prepositions"]]
    passive = _is_passive(clause, trigger)
    if trigger.verb is None and not clause.words.isdisjoint(forms_of("receiving_verbs")):
        # "Der Vorschlag stieß bei der SPD auf Ablehnung", "erntete Zustimmung von den
        # Grünen": the subject receives it; who gives it stands after "bei", "von", "aus"
        givers = [m for m in mentions if m.preposition in g["giver_prepositions"]]
        return Participants(_names(givers), tuple(
            n for n in _names(mentions) if n not in _names(givers)), location)
    actors, targets = [], []
    pronoun = _pronoun_subject_at(clause)
    if pronoun is None or any(m.position < pronoun and not m.preposition for m in mentions):
        pronoun = _pronoun_after_verb(clause)  # "Die Bürger forderte er auf, ..."
    if pronoun is not None and not passive:
        who = antecedent(clause.tokens[pronoun].lower, _with_plural_verb(clause, pronoun))
        # (whom the pronoun refers to unknown: "forderte sie Strache auf" is still not Strache's)
        return Participants((who,) if who else (), tuple(dict.fromkeys(
            m.name for m in mentions if m.name != who)), location)
    trigger_at = clause.tokens.index(trigger.token)
    owner = _noun_owner(clause, trigger, mentions, trigger_at, index) or _prefix_owner(trigger)
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
    before_verb = None if passive else _noun_before_verb(
        clause, mentions, index, trigger.verb.needs if trigger.verb else ())
    if before_verb is not None:  # "Die Tierschützer riefen den Bürgermeister auf"
        return Participants((before_verb,), _names(mentions), location)
    bare = None if passive else _bare_word_after_verb(
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
        agent = _unlisted_agent(clause, trigger_at, index) or \
            _deciding_body(trigger, mentions) or _attacker(clause, mentions, index)
        actor_names = (agent,) if agent else ()
    if not actor_names and not passive and _opens_with_its_verb(clause):
        shared = shared_subject()  # "Hussein erkannte ... nicht an und weigerte sich ..."
        actor_names = (shared,) if shared else ()
    if not actor_names and not passive:
        relative = _relative_antecedent(clause, index)
        actor_names = (relative.name,) if relative else \
            _bare_name_first(clause, index) or _noun_after_verb(clause, trigger_at, index)
    return Participants(actor_names, tuple(n for n in _names(targets) if n not in actor_names),
                        location)


def _attacker(clause: Clause, mentions: list[ActorMention], index: EntityIndex) -> str | None:
    """"Bei den Luftangriffen der Russen wurden zehn Menschen getötet": the owner of an attack
    named in a passive clause did it."""
    for at, token in enumerate(clause.tokens):
        for noun, sense in noun_senses(token.lower) if token.text[:1].isupper() else ():
            if noun.lower() in grammar()["attacks_by_owner"]:
                owner = _noun_owner(clause, Trigger(sense, token, token.text, None, noun),
                                    mentions, at, index)
                if owner is not None:
                    return owner.name
    return None


def _deciding_body(trigger: Trigger, mentions: list[ActorMention]) -> str | None:
    """"Die Novelle wurde im Budapester Parlament beschlossen": a decision taken in a body
    that decides is the body's."""
    g = grammar()
    if trigger.sense.type not in g["decision_types"]:
        return None
    return next((m.name for m in mentions if m.preposition in ("in", "im")
                 and m.name.split()[-1].lower().endswith(tuple(g["deciding_bodies"]))), None)


def _unlisted_agent(clause: Clause, trigger_at: int, index: EntityIndex) -> str | None:
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


_OWNER_WORDS = 4  # "die Forderung des bayerischen Finanzministers Söder"


_NOMINATIVE_RELATIVES = ("der", "die", "welcher", "welche")


def _relative_antecedent(clause: Clause, index: EntityIndex) -> ActorMention | None:
    """Who a relative clause without a subject of its own is about: the noun before it ("der
    Attentäter, der am Sonntag eine Frau erstochen hatte")."""
    if clause.opener not in _NOMINATIVE_RELATIVES:
        return None
    before = tuple(t for t in clause.sentence if t.start < clause.tokens[0].start)
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


def _prefix_owner(trigger: Trigger) -> ActorMention | None:
    """A state or an acronym before the hyphen of a trigger noun does it ("US-Luftangriff",
    "PKK-Anschlag", "EU-Sanktionen")."""
    if trigger.verb is not None or "-" not in trigger.token.text:
        return None
    prefix = trigger.token.text.split("-")[0]
    state = state_of(prefix)
    if state:
        return ActorMention(state, -1, "", "state")
    return ActorMention(prefix, -1, "", "group") if ACRONYM.fullmatch(prefix) else None


def _noun_owner(clause: Clause, trigger: Trigger, mentions: list[ActorMention],
                trigger_at: int, index: EntityIndex) -> ActorMention | None:
    """Who a trigger noun belongs to: the genitive or "von"-phrase right after a noun of a
    type whose owner acts ("die Forderung der Opposition", "die Kritik von Amnesty"), unlike
    one whose owner suffers ("die Festnahme des Verdächtigen")."""
    g = grammar()
    tokens = clause.tokens
    if trigger.verb is not None or trigger_at + 1 >= len(tokens) or (
            trigger.sense.type not in g["noun_owner_acts"] and
            (trigger.noun or "").lower() not in g["attacks_by_owner"]):
        return None
    after = tokens[trigger_at + 1].lower
    if after not in g["genitive_articles"] and after != "von":
        return None
    return next((m for m in mentions if trigger_at < m.position <= trigger_at + _OWNER_WORDS
                 and m.preposition in ("", "von")), None) or \
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


def _opens_with_its_verb(clause: Clause) -> bool:
    """A clause joined by "und" that starts with its finite verb continues the one before it,
    with its subject ("erkannte die Autorität nicht an und weigerte sich ..."); after a comma
    the subject may follow the verb ("..., kritisierte der Initiator")."""
    first = clause.tokens[0]
    if clause.number == 0 or clause.opener or first.text != first.lower or \
            first.lower not in finite_verbs():
        return False
    at = clause.sentence.index(first)
    return at > 0 and clause.sentence[at - 1].lower in grammar()["coordinators"]


def _is_zu_infinitive(clause: Clause, trigger: Trigger, trigger_at: int) -> bool:
    """"zurückzutreten", "zu verüben": a clause whose subject is its governing clause's."""
    return clause.number > 0 and trigger.verb is not None and (
        trigger.verb.kind == ZU_INFINITIVE or
        (trigger_at > 0 and clause.tokens[trigger_at - 1].lower == "zu"))


_FIELD_BEFORE_VERB = 4  # "Die meisten deutschen Tierschützer kritisierten ..."
_PHRASE_BEFORE_VERB = 9  # "Bei einer Protestaktion östlich von Chan Junis erschoss ..."


def _verb_after_field(clause: Clause) -> int | None:
    """Where the finite verb stands after what fills the place before it: a few words, or a
    longer phrase that a preposition opens."""
    tokens = clause.tokens
    reach = _PHRASE_BEFORE_VERB if tokens[0].lower in grammar()["all_prepositions"] \
        else _FIELD_BEFORE_VERB + 1
    return next((i for i, t in enumerate(tokens[:reach + 1])
                 if t.text == t.lower and t.lower in finite_verbs()), None)


def _noun_before_verb(clause: Clause, mentions: list[ActorMention], index: EntityIndex,
                      phrase: tuple[str, ...] = ()) -> str | None:
    """The noun that alone fills a main clause's place before its finite verb after an
    article: its subject, though no list names it ("Die Tierschützer riefen ... auf", "Die
    Bauern protestierten"); not an object ("Den Vorschlag lehnte ..."), a pronoun or a time.
    A kind of organisation is the one of that kind the article named ("Die Organisation")."""
    if clause.opener:
        return None
    g = grammar()
    tokens = clause.tokens
    verb_at = next((i for i, t in enumerate(tokens[:_FIELD_BEFORE_VERB + 1])
                    if t.text == t.lower and t.lower in finite_verbs()), 0)
    if verb_at == 0 or any(m.position < verb_at for m in mentions):
        return None
    *words, head = tokens[:verb_at]
    if not words or words[0].lower not in g["subject_articles"]:
        return None  # "Den Vorschlag", "In Berlin", "Am Montag"; and "Zuletzt", "Inzwischen":
        # a capitalised first word alone may be no noun
    if not head.text[:1].isupper() or head.lower in g["articles"] or \
            head.text in g["time_nouns"] or noun_senses(head.lower) or \
            head.lower in (word.lower() for word in phrase):
        return None  # "Der Gipfel hat ... ausgelöst": a happening; "Die Schuld gab er ...":
        # a word of the trigger's phrase
    before_verb = [*words, head]
    name = [before_verb[i] for i in range(1, len(words))
            if _of_a_name(before_verb[i], before_verb[i + 1])]  # "Die Freien Demokraten"
    if not all(w.lower in g["articles"] or is_adjective(w) or w in name for w in words[1:]):
        return None
    return " ".join([*(w.text for w in name), head.text]) if name else \
        index.organization_of_kind(head.text) or head.text


def _of_a_name(token: Token, after: Token) -> bool:
    """A capitalised adjective before another capitalised word: part of a name ("Die Freien
    Demokraten", "Der Kärntner Landtag"; not "Eine Interviewanfrage des ...")."""
    return token.text[:1].isupper() and after.text[:1].isupper() and \
        is_adjective(token._replace(text=token.lower))


def _bare_name_first(clause: Clause, index: EntityIndex) -> tuple[str, ...]:
    """A sentence that opens with one capitalised word and its finite verb, the word written
    capitalised inside sentences of the article too (a name or a noun, not "Zudem"): its
    subject ("Greenpeace fordert", "Lee gab auf")."""
    tokens = clause.tokens
    if clause.opener or len(tokens) < 2 or clause.sentence[0] != tokens[0]:
        return ()
    g = grammar()
    name = list(tokens[:2]) if len(tokens) > 2 and _two_name_words(tokens, g) else [tokens[0]]
    last, verb = name[-1], tokens[len(name)]
    if last.text not in index.nouns or _pronoun(last) or last.text in g["time_nouns"] or \
            noun_senses(last.lower) or \
            verb.text != verb.lower or verb.lower not in finite_verbs():
        return ()
    return (" ".join(t.text for t in name),)


def _two_name_words(tokens: tuple[Token, ...], g: dict) -> bool:
    """"Nikos Filis hat sich ... gestellt": two capitalised words, not an article, an adverb or
    an adjective first ("Die Polizei", "Auch Merkel", "Vorsätzliche Brandstiftung hatten die
    Ermittler ausgeschlossen")."""
    first, second = tokens[0], tokens[1]
    return first.text.isalpha() and second.text[:1].isupper() and first.text[:1].isupper() \
        and first.lower not in g["articles"] and first.text not in g["quotes"]["openers"] \
        and not _pronoun(first) and not is_adjective(first._replace(text=first.lower))


_NOMINATIVE_ARTICLES = ("der", "die", "das")


def _noun_after_verb(clause: Clause, trigger_at: int, index: EntityIndex) -> tuple[str, ...]:
    """"Im Sommer stimmten die Gläubiger für ...", "..., gestand der Norweger": when a phrase
    opened by a preposition or an adverb stands before the finite verb (or nothing does), the
    first noun phrase after the verb is the subject."""
    tokens = clause.tokens
    verb_at = _verb_after_field(clause)
    if verb_at is None or verb_at > trigger_at or clause.opener or \
            not _no_subject_before(clause, verb_at, index):
        return ()
    at = verb_at + 1
    g = grammar()
    while at < len(tokens) and tokens[at].text.isalpha() and \
            tokens[at].text == tokens[at].lower and tokens[at].lower not in g["articles"] \
            and tokens[at].lower not in g["all_prepositions"] and not _pronoun(tokens[at]):
        at += 1  # "stimmten ... dann", adverbs
    if at >= len(tokens) or tokens[at].lower not in _NOMINATIVE_ARTICLES:
        return ()  # "wirft sie der Ärztekammer ... vor": the pronoun is the subject
    article = tokens[at].lower
    at += 1
    while at < len(tokens) and is_adjective(tokens[at]):
        at += 1
    if at >= len(tokens) or not tokens[at].text[:1].isupper() or (
            at + 1 < len(tokens) and tokens[at + 1].text[:1].isupper()):
        return ()  # no noun, or a name of several words that no list knows
    head = tokens[at]
    if head.text in g["time_nouns"] or noun_senses(head.lower) or (
            article == "der" and head.lower.endswith(tuple(g["feminine_endings"]))):
        return ()  # "widerspricht der Botschaft": a feminine noun after "der" is no subject
    return (index.organization_of_kind(head.text) or head.text,)


def _bare_word_after_verb(clause: Clause, trigger_at: int, sense: Sense,
                          mentions: list[ActorMention], index: EntityIndex) -> str | None:
    """A capitalised word without an article right after the finite verb (or its reflexive
    pronoun), before an article, a preposition or a lower-case word, when no subject stands
    before the verb: a name no list knows, the subject ("Am Montag kritisierte Ali die
    Regierung", "beklagt sich Ali über"). A clause that opens with its verb continues
    another ("..., frieren Bilder ein") unless it reports a demand or an accusation ("...,
    mahnte Thiele"); one word before the verb is an adverb ("Zuletzt hatte Sauber"), not a
    headline's subject ("Parteivorstand beschloss Verbleib")."""
    tokens = clause.tokens
    g = grammar()
    verb_at = _verb_after_field(clause)
    if verb_at is None or verb_at > trigger_at or clause.opener or \
            not _no_subject_before(clause, verb_at, index) or \
            (verb_at == 0 and sense.type not in g["speech_act_types"]) or \
            (verb_at == 1 and tokens[0].text not in g["quotes"]["openers"]):
        return None
    at = verb_at + 1
    if at < len(tokens) and tokens[at].lower in g["reflexive_pronouns"]:
        at += 1
    while at < len(tokens) and is_adjective(tokens[at]) and tokens[at].lower not in \
            g["articles"] and tokens[at].lower not in g["reflexive_pronouns"] and \
            tokens[at].lower not in g["all_prepositions"]:
        at += 1  # "ermordeten rechte Paramilitärs 3.000 Menschen" (not "gegen")
    if at + 1 >= len(tokens) or any(m.position == at for m in mentions):
        return None
    word, after = tokens[at], tokens[at + 1]
    if not word.text[:1].isupper() or not word.text.isalpha() or _pronoun(word) or \
            is_role(word.text) or word.text in g["time_nouns"] or may_have_time(word.text) or \
            noun_senses(word.lower) or after.text[:1].isupper() or \
            not (after.text.isalpha() or after.text[:1].isdigit()):
        return None
    return word.text


def _no_subject_before(clause: Clause, verb_at: int, index: EntityIndex) -> bool:
    """Nothing before the finite verb, or a phrase a preposition opens, or one adverb: no
    subject stands there (unlike "Sie lehnen ...", "Days Familie appellierte ...")."""
    g = grammar()
    if verb_at == 0:
        at = clause.sentence.index(clause.tokens[0])
        return not (at and (clause.sentence[at - 1].lower in g["coordinators"] or
                            clause.sentence[at - 1].lower == "sondern"))
    first = clause.tokens[0]
    if first.lower in g["all_prepositions"]:
        return True
    return verb_at == 1 and first.text not in index.nouns and not _pronoun(first)


def _pronoun(token: Token) -> bool:
    g = grammar()
    return token.lower in g["personal_pronouns"] or token.lower in g["speaker_pronouns"] or \
        token.lower in g["impersonal_pronouns"]


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


def _is_passive(clause: Clause, trigger: Trigger) -> bool:
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
    "Am Montag kritisierte sie ..."), or None."""
    tokens = clause.tokens
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
