"""Whom a pronoun, a demonstrative, a possessive, an age or a description refers to: the
person or group the article named or heard last ("er", "Dieser", "seiner Meinung nach",
"der 55-Jährige", "sagt der Ökonom", "die Organisation")."""

from __future__ import annotations

import re

from flows.stages.entities import (
    PRONOUNS,
    Person,
    Resolved,
    is_capitalised,
    is_role,
    lexicon,
    role_gender,
)
from flows.stages.places import is_place
from flows.stages.quotes.grammar import grammar_table, grammar_words
from flows.stages.quotes.mentions import main_subject
from flows.stages.quotes.sentence import Sentence, State, Token


def last_organization(kind: str, state: State) -> Resolved | None:
    """"Die Organisation warnte" after "die IOM hatte berichtet": a kind of organisation
    alone, no name of that kind in the article, is the organisation that spoke last."""
    last = state.last.resolved if state.last else None
    if kind.lower() not in lexicon().org_kinds or last is None or \
            last.speaker_type != "organization" or \
            (last.speaker or "").lower() in lexicon().org_kinds:
        return None
    return last


def a_group(resolved: Resolved, state: State) -> bool:
    """An organisation, or people named by a role and no name ("so die Forscher"): who "sie"
    with a plural verb can be."""
    return resolved.speaker_type == "organization" or (
        resolved.speaker_type in ("person", "unknown") and bool(resolved.speaker)
        and resolved.speaker not in state.index.people)


def possessor(possessive: str, state: State, position: int) -> Resolved:
    """Whose "seine"/"ihre" source is: the last speaker who can be meant (an organisation is
    "sein" or "ihr" by its noun's gender), else the person the pronoun refers to."""
    gender = "male" if possessive.startswith("sein") else "female"
    last = state.last.resolved if state.last else None
    if last and (last.speaker_type == "organization" or state.gender_of(last) in (None, gender)):
        return last
    return pronoun_referent("er" if gender == "male" else "sie", state, position)


def last_mentioned(state: State, position: int, gender: str) -> Resolved | None:
    """For a pronoun before anyone of its gender has spoken: the person named last before it."""
    before = [p for p in state.index.people.values()
              if p.first_position < position and p.gender in (None, gender)]
    if not before:
        return None
    return Resolved(max(before, key=lambda p: p.first_position).name, "person")


def introduced_since_last_speaker(state: State, position: int, gender: str
                                   ) -> Resolved | None:
    """"McConnell sagte ... Der Vorsitzende, John Boehner, gab sich kämpferisch. ..., erklärte
    er": a person of the pronoun's gender named first after the last speaker is its focus,
    unless named in what was just reported ("Das Management mit Konzernchef Frank Appel fahre
    ...": the speaker goes on)."""
    if state.last is None or state.speech_just_before:
        return None
    new = [p for p in state.index.people.values()
           if state.last_at < p.first_position < position and p.gender in (None, gender)
           and p.name != state.last.resolved.speaker]
    return Resolved(new[-1].name, "person") if len(new) == 1 else None


def _topic_just_before(state: State, gender: str, position: int) -> Resolved | None:
    """"Stumpf war bei der Demo dabei. Solche Heime sollen ..., sagt er": the person the
    sentence just before (no speech) is about, unless someone of the pronoun's gender is
    named first after it ("Bundespräsident Heinz Fischer findet ..., er mahnt")."""
    if state.narrative is None:
        return None
    before, offset = state.narrative
    if any(offset + before.span.end <= p.first_position < position
           and p.gender in (None, gender) for p in state.index.people.values()):
        return None
    subject = main_subject(before.paragraph, before.tokens)  # ("Hier sieht auch Bönte ...")
    person = person_in(subject, state) or _only_newcomer(state, before, offset, gender)
    if person is None or person.gender not in (None, gender) or " " not in person.name:
        return None
    return Resolved(person.name, "person")


def person_in(words: list[Token] | None, state: State) -> Person | None:
    """The person of the article that a capitalised word of a noun phrase names ("Bönte
    Vorteile": Bernd Bönte)."""
    return next((person for word in words or () if is_capitalised(word.text)
                 for person in [state.index.find_by_name([word.text])] if person), None)


def _only_newcomer(state: State, before: Sentence, offset: int, gender: str) -> Person | None:
    """"Verschnupft reagierte auch Arbeiterkammer-Präsident Rudolf Kaske.": the one person of
    the gender the sentence names for the first time, wherever it stands."""
    new = [p for p in state.index.people.values() if p.gender in (None, gender)
           and offset + before.span.start <= p.first_position < offset + before.span.end]
    return new[0] if len(new) == 1 else None


def pronoun_referent(pronoun: str, state: State, position: int) -> Resolved:
    """"er"/"sie": the last person who spoke and can be meant (not a man for "sie"), else the
    last such person named."""
    gender = PRONOUNS[pronoun]
    newcomer = _topic_just_before(state, gender, position) or \
        introduced_since_last_speaker(state, position, gender)
    if newcomer:
        return newcomer
    spoken = next((r for r in reversed(state.people_spoken)
                   if state.gender_of(r) in (None, gender)), None)
    return spoken or last_mentioned(state, position, gender) or Resolved(None, "unknown")


_AGE = re.compile(r"^\d+-[Jj]ährige$")


def aged(words: list[str]) -> str | None:
    """"der 61-Jährige" (male), "die 35-Jährige" (female): one person described by age."""
    if len(words) == 2 and _AGE.match(words[1]):
        return {"der": "male", "die": "female"}.get(words[0].lower())
    return None


_PERSON_NOUNS = grammar_table("person_nouns")


def described(words: list[str]) -> str | None:
    """"der Bub" (male), "die Frau" (female), "der Grüne": one person described by a noun,
    not a role."""
    if len(words) != 2 or words[0].lower() not in ("der", "die"):
        return None
    article = {"der": "male", "die": "female"}[words[0].lower()]
    noun = words[1].lower()
    if noun in _PARTY_MEMBERS:
        return article
    return article if _PERSON_NOUNS.get(noun) == article else None


_PARTY_MEMBERS = frozenset(grammar_words("party_members"))


def last_speaker_of(state: State, gender: str, position: int) -> Resolved | None:
    """The last speaker of a gender whom the article names in full before `position`."""
    for resolved in reversed(state.people_spoken):
        person = state.index.people.get(resolved.speaker or "")
        if person is not None and 0 < person.first_position < position and \
                " " in person.name and person.gender in (None, gender):
            return Resolved(person.name, "person")
    return None


def described_person(words: list[str], content: list[str], state: State, position: int
                      ) -> Person | None:
    """"..., sagt der Ökonom" after James Butterfill spoke: a definite role that no one in the
    article holds describes the last speaker the article names in full without a role
    (not one that the quotes only resolved to: position 0); a woman's role, the one woman
    who spoke."""
    if len(content) != 1:
        return None
    gender = role_gender(content[0]) if is_role(content[0]) else \
        _person_noun_gender(content[0], words[0].lower())
    if gender is None or words[0].lower() != _SINGULAR_ARTICLE[gender]:
        return None  # "die Forscher", "der Abgeordneten": a group, or unclear
    spoken = [p for r in reversed(state.people_spoken)
              if (p := state.index.people.get(r.speaker or "")) is not None
              and 0 < p.first_position < position and " " in p.name]
    unroled = next((p for p in spoken if not p.roles and p.gender in (None, gender)), None)
    if unroled or gender != "female":
        return unroled  # (the one man who spoke is often not the office-holder described:
        # "der Staatspräsident" after the Kurdish leader; 2 of 7 in 10kGNAD)
    # "die Sozialversicherungs-Chefin" after Ulrike Rabmer-Koller, the one woman who spoke
    return _only_one(p for p in spoken if p.gender == gender)


def _person_noun_gender(noun: str, article: str) -> str | None:
    """Who a noun that is no role of ours describes, by its ending and article: "der
    Verhandler", "die Psychotherapeutin", "der/die Angeklagte". None for a kind of body ("der
    Sender") or a short word."""
    lower = noun.lower()
    if len(noun) < 6 or not noun[:1].isupper() or lower.endswith(_BODY_KINDS) or \
            _demonym(noun):
        return None
    if lower.endswith(_FEMININE_AGENT):
        return "female"
    if lower.endswith(_MASCULINE_AGENT):
        return "male"
    return {"der": "male", "die": "female"}.get(article) if lower.endswith("te") else None


def _demonym(noun: str) -> bool:
    """"der Norweger", "der Salzburger": someone from a place, often not the last speaker (a
    rival, a team-mate)."""
    return noun.endswith("er") and any(
        is_place(stem) for stem in (noun[:-2], noun[:-2] + "en", noun[:-3]))


_AGENT_NOUN_ENDINGS = tuple(grammar_words("agent_noun_endings", ordered=True))
_FEMININE_AGENT = tuple(e for e in _AGENT_NOUN_ENDINGS if e.endswith("in"))
_MASCULINE_AGENT = tuple(e for e in _AGENT_NOUN_ENDINGS if not e.endswith("in"))
_BODY_KINDS = tuple(lexicon().org_kinds)


def _only_one(people) -> Person | None:
    found = {p.name: p for p in people}
    return next(iter(found.values())) if len(found) == 1 else None


_SINGULAR_ARTICLE = {"male": "der", "female": "die"}  # "der Forscher", not "die Forscher"
