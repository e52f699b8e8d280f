"""Who did it, to or with whom, where, and how many died: read from the trigger's clause.

Mentions are people of the article's entity index, states (by name, adjective or capital),
groups of actors.toml, acronyms ("SPD", "WWF") and actor nouns ("Polizei", "Demonstranten").
In an active clause the first mention outside a prepositional phrase (and those joined to it by
"und") acts; the other mentions are targets. In a passive clause the agent ("von der Polizei
festgenommen") acts and the subject is the target. A place after a place preposition is the
location.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from flows.stages.entities import EntityIndex, country_of, is_role, lexicon
from flows.stages.events.clauses import Clause, Token, finite_verbs, preposition_before
from flows.stages.events.lexicon import PARTICIPLE, ZU_INFINITIVE, grammar
from flows.stages.events.triggers import Trigger, noun_senses
from flows.stages.places import countries, is_place
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import MONTHS, WEEKDAYS

_ACRONYM = re.compile(r"[A-ZÄÖÜ](?:[A-ZÄÖÜ]|[a-z](?=[A-Z])){1,5}s?")  # "SPD", "AfD"
_ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Participants:
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None


@dataclass(frozen=True)
class _Mention:
    name: str
    position: int  # index of its first token in the clause
    preposition: str  # the preposition it stands after, or ""
    kind: str  # person, role (a person named by a role), state, group


def subject(clause: Clause, index: EntityIndex) -> str | None:
    """The first mention outside a prepositional phrase: the clause's likely subject; else a
    noun before the verb ("Datenschützer äußerten Bedenken")."""
    mentions, _ = _mentions(clause, index)
    return next((m.name for m in mentions if not m.preposition), None) or \
        _noun_before_verb(clause, mentions)


def participants(clause: Clause, trigger: Trigger, index: EntityIndex,
                 antecedent: Callable[[str], str | None] = lambda _pronoun: None,
                 apposed: str | None = None,
                 shared_subject: Callable[[], str | None] = lambda: None) -> Participants:
    """`antecedent`: who "er"/"sie" opening the clause refers to; `apposed`: the person an
    apposition in the clause names ("Der Vizevorsitzende der Linksfraktion, Jan Korte,
    forderte": Jan Korte acts, not the party); `shared_subject`: who acts in a clause that
    continues an earlier one ("... und weigerte sich")."""
    found = _participants(clause, trigger, index, antecedent, shared_subject)
    if apposed and found.actors and apposed not in found.actors and \
            _pronoun_subject_at(clause) is None and not any(
            _named_in(clause, name) for name in found.actors if name in index.people):
        return Participants((apposed,), found.targets, found.location)
    return found


def _named_in(clause: Clause, name: str) -> bool:
    """The person's surname stands in the clause (not only a role that resolved to them)."""
    surname = name.split()[-1]
    return any(t.text == surname for t in clause.tokens)


def apposed_person(clause: Clause, index: EntityIndex) -> str | None:
    mentions, _ = _mentions(clause, index)
    return next((m.name for m in mentions if m.kind == "person"), None)


def _participants(clause: Clause, trigger: Trigger, index: EntityIndex,
                  antecedent: Callable[[str], str | None],
                  shared_subject: Callable[[], str | None]) -> Participants:
    g = grammar()
    mentions, location = _mentions(clause, index, clause.tokens.index(trigger.token))
    mentions = [m for m in mentions if m.preposition not in g["source_prepositions"]]
    passive = _is_passive(clause, trigger)
    actors, targets = [], []
    pronoun = _pronoun_subject_at(clause)
    if pronoun is None or any(m.position < pronoun and not m.preposition for m in mentions):
        pronoun = _pronoun_after_verb(clause)  # "Die Bürger forderte er auf, ..."
    if pronoun is not None and not passive:
        who = antecedent(clause.tokens[pronoun].lower)
        if who:
            return Participants((who,), tuple(dict.fromkeys(
                m.name for m in mentions if m.name != who)), location)
    trigger_at = clause.tokens.index(trigger.token)
    owner = _noun_owner(clause, trigger, mentions, trigger_at) or _prefix_owner(trigger)
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
    before_verb = None if passive else _noun_before_verb(
        clause, mentions, trigger.verb.needs if trigger.verb else ())
    if before_verb is not None:  # "Datenschützer warfen der Regierung Wortbruch vor"
        return Participants((before_verb,), _names(mentions), location)
    victims_suffer = trigger.verb is None and _suffering(clause)
    for mention in mentions:
        if mention.preposition in g["agent_prepositions"]:
            (actors if passive or trigger.verb is None else targets).append(mention)
        elif victims_suffer and _VICTIM.fullmatch(mention.name):
            targets.append(mention)  # "27 Soldaten sterben bei dem Anschlag": who suffers
        elif _acts(clause, mention, actors, passive, trigger_at):
            actors.append(mention)
        else:
            targets.append(mention)
    actor_names = _names(actors)
    if not actor_names and not passive and _opens_with_its_verb(clause):
        shared = shared_subject()  # "Hussein erkannte ... nicht an und weigerte sich ..."
        actor_names = (shared,) if shared else ()
    if not actor_names and not passive:
        relative = _relative_antecedent(clause, index)
        actor_names = (relative.name,) if relative else ()
    return Participants(actor_names, tuple(n for n in _names(targets) if n not in actor_names),
                        location)


_OWNER_WORDS = 4  # "die Forderung des bayerischen Finanzministers Söder"


_NOMINATIVE_RELATIVES = ("der", "die", "welcher", "welche")


def _relative_antecedent(clause: Clause, index: EntityIndex) -> _Mention | None:
    """Who a relative clause without a subject of its own is about: the noun before it ("der
    Attentäter, der am Sonntag eine Frau erstochen hatte")."""
    if clause.opener not in _NOMINATIVE_RELATIVES:
        return None
    before = tuple(t for t in clause.sentence if t.start < clause.tokens[0].start)
    if not before or not before[-1].text[:1].isupper():
        return None
    return _mention_at(before, len(before) - 1, index, preposition_before(before,
                                                                          len(before) - 1))


def _prefix_owner(trigger: Trigger) -> _Mention | None:
    """A state or an acronym before the hyphen of a trigger noun does it ("US-Luftangriff",
    "PKK-Anschlag", "EU-Sanktionen")."""
    if trigger.verb is not None or "-" not in trigger.token.text:
        return None
    prefix = trigger.token.text.split("-")[0]
    state = _state(prefix)
    if state:
        return _Mention(state, -1, "", "state")
    return _Mention(prefix, -1, "", "group") if _ACRONYM.fullmatch(prefix) else None


def _noun_owner(clause: Clause, trigger: Trigger, mentions: list[_Mention],
                trigger_at: int) -> _Mention | None:
    """Who a trigger noun belongs to: the genitive or "von"-phrase right after a noun of a
    type whose owner acts ("die Forderung der Opposition", "die Kritik von Amnesty"), unlike
    one whose owner suffers ("die Festnahme des Verdächtigen")."""
    g = grammar()
    tokens = clause.tokens
    if trigger.verb is not None or trigger.sense.type not in g["noun_owner_acts"] or \
            trigger_at + 1 >= len(tokens):
        return None
    after = tokens[trigger_at + 1].lower
    if after not in g["genitive_articles"] and after != "von":
        return None
    return next((m for m in mentions if trigger_at < m.position <= trigger_at + _OWNER_WORDS
                 and m.preposition in ("", "von")), None)


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


_FIELD_BEFORE_VERB = 4  # "Die meisten deutschen Datenschützer kritisierten ..."


def _noun_before_verb(clause: Clause, mentions: list[_Mention], phrase: tuple[str, ...] = ()
                      ) -> str | None:
    """The noun that alone fills a main clause's place before its finite verb: its subject,
    though no list names it ("Datenschützer warfen der Regierung vor", "Die Bauern
    protestierten"); not an object ("Den Vorschlag lehnte ..."), a pronoun or a time."""
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
    return head.text if all(w.lower in g["articles"] or _is_adjective(w) for w in words[1:]) \
        else None


def _is_adjective(token: Token) -> bool:
    return token.text == token.lower and token.lower.endswith(("e", "en", "er", "es"))


def _names(mentions: list[_Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in mentions))


def _acts(clause: Clause, mention: _Mention, actors: list[_Mention], passive: bool,
          trigger_at: int) -> bool:
    """The first phrase outside a prepositional phrase acts in an active clause, with the
    phrases joined to it by "und"."""
    if mention.preposition or passive or _object_after_verb(clause, trigger_at, mention) or \
            _oblique(clause.tokens, mention.position):
        return False
    return not actors or _joined(clause, actors[-1], mention)


def _object_after_verb(clause: Clause, trigger_at: int, mention: _Mention) -> bool:
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
    while back >= 0 and _is_adjective(tokens[back]) and \
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


def _joined(clause: Clause, first: _Mention, mention: _Mention) -> bool:
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


def _mentions(clause: Clause, index: EntityIndex, trigger_at: int = -1
              ) -> tuple[list[_Mention], str | None]:
    tokens = clause.tokens
    mentions: list[_Mention] = []
    location = None
    skip_until = -1
    for position, token in enumerate(tokens):
        if position <= skip_until or not token.text[:1].isupper():
            continue
        preposition = preposition_before(tokens, position)
        head = _genitive_head(tokens, position)
        if head not in (None, trigger_at) and not preposition:
            preposition = preposition_before(tokens, head)  # "für die Freilassung der
            # Gefangenen"; but "bei Angriffen der Rebellen": the trigger's genitive acts
        group, length = _group_at(tokens, position)
        if group:
            mentions.append(_Mention(group, position, preposition, "group"))
            skip_until = position + length - 1
            continue
        place = _place_at(tokens, position)
        if place and preposition in grammar()["place_prepositions"]:
            location = location or place
            skip_until = position + len(place.split()) - 1
            continue
        named = _name_after_genitive(tokens, position, index)
        if named is not None:  # "vom Sprecher der CDU-Fraktion Friedbert Pflüger": he acts
            mentions.append(_Mention(named[1], named[0], preposition, "person"))
            skip_until = named[0] + 1
            continue
        mention = _mention_at(tokens, position, index, preposition)
        if mention:
            mentions.append(mention)
            skip_until = position + len(mention.name.split()) - 1 \
                if mention.kind not in ("person", "role") else position
            if mention.kind == "role":
                skip_until = _genitive_end(tokens, position)  # "der Vorsitzende der Partei"
    return mentions, location or _city_adjective(tokens)


_GENITIVE_REACH = 4  # "der Chef der rechtsradikalen tschechischen Bewegung"


def _genitive_head(tokens: tuple[Token, ...], position: int) -> int | None:
    """The noun a genitive phrase belongs to ("die Freilassung der Gefangenen": Freilassung),
    or None. Not a time word ("kritisierte am Montag der Minister")."""
    g = grammar()
    back = position - 1
    while back > 0 and tokens[back].text == tokens[back].lower and \
            tokens[back].lower.endswith(("e", "en", "er", "es")) and \
            tokens[back].lower not in g["genitive_articles"]:
        back -= 1  # adjectives
    if back < 1 or tokens[back].lower not in g["genitive_articles"]:
        return None
    head = tokens[back - 1]
    if not head.text[:1].isupper() or head.text in g["time_nouns"] or \
            head.lower in WEEKDAYS or head.lower in MONTHS:
        return None
    return back - 1


_SINGULAR_ARTICLES = ("der", "dem", "den", "des")


def _one_known_role(tokens: tuple[Token, ...], position: int) -> bool:
    """A role word that names one person the article may have named: "der (türkische)
    Premier", "die Kanzlerin", "Kanzler fordert ..."; not "die Minister", "mehrere
    Abgeordnete", "ein Sprecher", nor a role of a party ("CSU-Chef": the party is unknown)."""
    text = tokens[position].text
    if not is_role(text) or "-" in text:
        return False
    back = position - 1
    while back >= 0 and back >= position - 2 and tokens[back].text == tokens[back].lower \
            and tokens[back].lower.endswith(("e", "en", "er")) \
            and tokens[back].lower not in grammar()["articles"]:
        back -= 1  # adjectives: "der türkische Premier"
    if back < 0:
        return position == 0  # a headline's bare role: "Kanzler fordert ..."
    article = tokens[back].lower
    return article in _SINGULAR_ARTICLES or (article == "die" and text.endswith("in"))


def _genitive_end(tokens: tuple[Token, ...], position: int) -> int:
    """The last word of a genitive phrase right after `position`, or `position`."""
    if position + 1 >= len(tokens) or tokens[position + 1].lower not in \
            grammar()["genitive_articles"]:
        return position
    for at in range(position + 2, min(len(tokens), position + 2 + _GENITIVE_REACH)):
        if tokens[at].text[:1].isupper():
            return at
    return position


def _mention_at(tokens: tuple[Token, ...], position: int, index: EntityIndex,
                preposition: str) -> _Mention | None:
    text = tokens[position].text
    following = tokens[position + 1].text if position + 1 < len(tokens) else ""
    if text in lexicon().first_names and following[:1].isupper():
        known = index.by_last_word.get(following)
        return _Mention(known.name if known else f"{text} {following}", position, preposition,
                        "person")
    person = index.by_last_word.get(text)
    if person:
        return _Mention(person.name, position, preposition, "person")
    if _name_follows(tokens, position, index):
        return None  # "US-Präsident Barack Obama", "Vizekanzler und Parteichef Reinhold
        # Mitterlehner": the name follows and acts
    holder = index.find_by_role([text]) if _one_known_role(tokens, position) else None
    if holder is not None:  # "der Minister": the minister the article has named
        return _Mention(holder.name, position, preposition, "role")
    state = _state(text)
    if state and _adjective_of_actor(tokens, position, state):
        return None  # "Syrische Regierungstruppen", "der Österreichische Naturschutzbund":
        # the noun that follows acts
    if state:
        return _Mention(state, position, preposition, "state")
    if _ACRONYM.fullmatch(text) and not _ROMAN.fullmatch(text):
        return _Mention(text, position, preposition, "group")
    if _is_actor_noun(text):
        if _ACRONYM.fullmatch(following):  # "die Umweltschutzorganisation WWF"
            return _Mention(following, position, preposition, "group")
        return _Mention(text, position, preposition, "group")
    return None


def _adjective_of_actor(tokens: tuple[Token, ...], position: int, state: str) -> bool:
    """A country's adjective before an actor noun ("Syrische Regierungstruppen") or inside a
    name, written capitalised after an article ("der Deutschen Post")."""
    text = tokens[position].text
    if text in (state, state + "s", state + "es") or position + 1 >= len(tokens):
        return False  # the country, or its genitive: "Syriens Führung"
    following = tokens[position + 1].text
    after_article = position > 0 and tokens[position - 1].lower in grammar()["articles"]
    return following[:1].isupper() and (after_article or _is_actor_noun(following))


def _name_follows(tokens: tuple[Token, ...], position: int, index: EntityIndex) -> bool:
    """A person's name right after this word, or after more roles joined by "und"."""
    first_words = {name.split()[0] for name in index.people}
    for token in tokens[position + 1:position + 4]:
        if token.text in index.by_last_word or token.text in first_words or \
                token.text in lexicon().first_names:
            return True
        if not (token.lower in grammar()["coordinators"] or is_role(token.text)):
            return False
    return False


def _name_after_genitive(tokens: tuple[Token, ...], position: int, index: EntityIndex
                         ) -> tuple[int, str] | None:
    """Where a known person's two-word name starts after a role and its genitive ("der Chef
    der Deutschen Bank Josef Ackermann"), and the name; or None."""
    if not is_role(tokens[position].text) or position + 1 >= len(tokens) or \
            tokens[position + 1].lower not in grammar()["genitive_articles"]:
        return None
    for at in range(position + 2, min(len(tokens) - 1, position + 2 + _GENITIVE_REACH)):
        name = f"{tokens[at].text} {tokens[at + 1].text}"
        if name in index.people:
            return at, name
    return None


def _state(word: str) -> str | None:
    if word in countries():
        return word
    country = country_of(word)
    return country if country and word[:1].isupper() else None


@cache
def _actor_noun_endings() -> tuple[str, ...]:
    """The actor nouns and their plurals ("Regierungen", "Parteien", "Konzerne"), not their
    genitives ("des Parlaments": whose, not who); short ones only as written ("Rat", not
    "Raten")."""
    nouns = sorted(noun.lower() for noun in grammar()["actor_nouns"])
    plurals = [noun + ending for noun in nouns if len(noun) > 4
               for ending in (("n",) if noun.endswith(("e", "ei")) else ("en", "e"))]
    return tuple(nouns + plurals)


def _is_actor_noun(word: str) -> bool:
    return word.lower().endswith(_actor_noun_endings())


@cache
def _groups() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (every word of a spelling, the group's name), longest first."""
    import tomllib

    with (DATA_DIR / "actors.toml").open("rb") as handle:
        groups = tomllib.load(handle)["groups"]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, spellings in groups.items():
        for spelling in spellings:
            words = tuple(spelling.split())
            by_first.setdefault(words[0], []).append((words, name))
    return {first: sorted(entries, key=lambda e: -len(e[0]))
            for first, entries in by_first.items()}


def _group_at(tokens: tuple[Token, ...], position: int) -> tuple[str | None, int]:
    for words, name in _groups().get(tokens[position].text, ()):
        if tuple(t.text for t in tokens[position:position + len(words)]) == words:
            return name, len(words)
    return None, 0


def _place_at(tokens: tuple[Token, ...], position: int) -> str | None:
    two = " ".join(t.text for t in tokens[position:position + 2])
    if len(tokens) > position + 1 and is_place(two):
        return two
    word = tokens[position].text
    return word if is_place(word) else None


def _city_adjective(tokens: tuple[Token, ...]) -> str | None:
    adjectives = lexicon().city_adjectives
    return next((adjectives[t.text] for t in tokens if t.text in adjectives), None)


# --- casualties -----------------------------------------------------------------------------

_VICTIMS = (r"(?:Menschen|Personen|Tote|Toten|Todesopfer|Zivilisten|Soldaten|Soldat|Opfer|"
            r"Insassen|Polizisten|Polizist|Kinder|Frauen|Männer|Bewohner|Demonstranten|"
            r"Zivilist|Mann|Frau|Kind|Kämpfer)")
_DEATH = re.compile(r"getötet|tötete|ums Leben|starben|\bstarb\b|\bsterben\b|\bstirbt\b|"
                    r"gestorben|\btot\b|\bTote\b|\bToten\b|Todesopfer|umgebracht|ermordet|erschossen|hingerichtet|massakriert")


@cache
def _casualty_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(grammar()["numbers"], key=len, reverse=True))
    return re.compile(
        r"(?<![\w.])(?:(?:alle|mindestens|rund|etwa|fast|mehr als|über|insgesamt|"
        r"weitere|zunächst)\s+)?(?P<count>\d{1,3}(?:\.\d{3})+|\d+|(?i:" + words + r"))"
        r"\s+(?:[\w-]+\s+){0,2}?(?:[\w-]*-)?" + _VICTIMS + r"\b")


_VICTIM = re.compile(_VICTIMS)


def _suffering(clause: Clause) -> bool:
    """The clause tells of dying or being hurt ("starben", "kamen ums Leben", "verletzt")."""
    g = grammar()
    return not clause.words.isdisjoint(g["suffering_words"]) or \
        any(phrase in clause.lowered_text for phrase in g["suffering_phrases"])


def casualties(text: str) -> int | None:
    """The dead a clause reports: "mindestens 30 Tote", "zwölf Todesopfer", "ein US-Soldat
    getötet"; None without a death word."""
    if not _DEATH.search(text):
        return None
    for match in _casualty_pattern().finditer(text):
        count = match.group("count")
        if count.isdigit() or "." in count:
            return int(count.replace(".", ""))
        return grammar()["numbers"][count.lower()]
    return None

