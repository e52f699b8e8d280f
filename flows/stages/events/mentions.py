"""Who a clause names: people of the article's entity index, states (by name, adjective or
capital), groups of actors.toml, acronyms ("SPD", "WWF") and actor nouns ("Polizei",
"Demonstranten"), each with the preposition it stands after; and the place the clause names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.stages.entities import (
    ACRONYM,
    EntityIndex,
    country_of,
    is_organization,
    is_role,
    lexicon,
    role_nominative,
)
from flows.stages.events.clauses import Clause, Token, preposition_before
from flows.stages.events.lexicon import grammar
from flows.stages.places import countries, is_place
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import MONTHS, WEEKDAYS

_ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class ActorMention:
    name: str
    position: int  # index of its first token in the clause
    preposition: str  # the preposition it stands after, or ""
    kind: str  # person, role (a person named by a role), state, group


def clause_mentions(clause: Clause, index: EntityIndex, trigger_at: int = -1
                    ) -> tuple[list[ActorMention], str | None]:
    """The clause's mentions in order, and its place. `trigger_at`: where a trigger noun
    stands, whose genitive ("Angriffe der Rebellen") keeps no preposition of its own."""
    tokens = clause.tokens
    mentions: list[ActorMention] = []
    location = None
    skip_until = -1
    carried = ""
    for position, token in enumerate(tokens):
        if not token.text[:1].isupper():
            carried = ""
        if position <= skip_until or not token.text[:1].isupper():
            continue
        preposition = preposition_before(tokens, position)
        if not preposition and _after_place_kind(tokens, position):
            preposition = preposition_before(tokens, position - 1)  # "in der Stadt Aleppo"
        head = genitive_head(tokens, position)
        if head not in (None, trigger_at) and not preposition:
            preposition = preposition_before(tokens, head)  # "für die Freilassung der
            # Gefangenen"; but "bei Angriffen der Rebellen": the trigger's genitive acts
        group, length = _group_at(tokens, position)
        if group:
            mentions.append(ActorMention(group, position, preposition, "group"))
            skip_until = position + length - 1
            continue
        place = _place_at(tokens, position)
        if place and preposition in grammar()["place_prepositions"]:
            location = location or place
            skip_until = position + len(place.split()) - 1
            continue
        named = _name_after_genitive(tokens, position, index)
        if named is not None:  # "vom Sprecher der CDU-Fraktion Friedbert Pflüger": he acts
            mentions.append(ActorMention(named[1], named[0], preposition, "person"))
            skip_until = named[0] + 1
            continue
        mention = mention_at(tokens, position, index, preposition or carried)
        if mention is None and (is_role(token.text) or _first_name_after(tokens, position)):
            carried = preposition  # until the name: "von Außenminister Frank Probe", "mit
            # seinem Ghostwriter Heribert Schwan"
        elif mention is not None:  # a surname after the first name keeps the phrase's
            carried = mention.preposition if mention.kind == "person" else ""  # preposition
        if mention:  # "bei SPÖ-Bundesgeschäftsführer Gerhard Schmid": the role's preposition
            mentions.append(mention)  # is the name's
            skip_until = position + len(mention.name.split()) - 1 \
                if mention.kind not in ("person", "role") else position
            if mention.kind == "role":
                skip_until = _genitive_end(tokens, position)  # "der Vorsitzende der Partei"
    return mentions, location or _city_adjective(tokens)


_GENITIVE_REACH = 4  # "der Chef der rechtsradikalen tschechischen Bewegung"


def genitive_head(tokens: tuple[Token, ...], position: int) -> int | None:
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


def reports_it(tokens: tuple[Token, ...], position: int) -> bool:
    """The mention at `position` tells of the act, takes no part in it: "nach Angaben der
    Justiz", "nach Angaben von Aktivisten", "Angaben der Polizei zufolge", "der Armee
    zufolge" (not the speaker of "forderte Marko Bärschneider einer Mitteilung zufolge")."""
    g = grammar()
    head = genitive_head(tokens, position)
    if head is None and position >= 2 and tokens[position - 1].lower == "von":
        head = position - 2  # "nach Angaben von Oppositionspolitikern"
    if head is not None and tokens[head].lower.endswith(tuple(g["report_nouns"])):
        return preposition_before(tokens, head) in g["report_prepositions"] or \
            _postposition_after(tokens, position)
    return _postposition_after(tokens, position)


def _postposition_after(tokens: tuple[Token, ...], position: int) -> bool:
    """"zufolge" right after the name that starts at `position`."""
    after = position + 1
    while after < len(tokens) and tokens[after].text[:1].isupper():
        after += 1
    return after < len(tokens) and tokens[after].lower in grammar()["report_postpositions"]


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


def mention_at(tokens: tuple[Token, ...], position: int, index: EntityIndex,
                preposition: str) -> ActorMention | None:
    text = tokens[position].text
    following = tokens[position + 1].text if position + 1 < len(tokens) else ""
    if text in lexicon().first_names and following[:1].isupper():
        known = _known_surname_after(tokens, position, index)  # "Recep Tayyip Erdogan"
        return ActorMention(known.name if known else f"{text} {following}", position, preposition,
                        "person")
    person = index.by_last_word.get(text)
    if person:
        return ActorMention(person.name, position, preposition, "person")
    if _name_follows(tokens, position, index) and not _body_before_name(text):
        return None  # "US-Präsident Barack Obama", "Vizekanzler und Parteichef Reinhold
        # Mitterlehner": the name follows and acts (but "warf die Staatsanwaltschaft Ertel
        # vor": a body names no person, the name is another mention)
    holder = index.find_by_role([text]) if _one_known_role(tokens, position) else None
    if holder is not None:  # "der Minister": the minister the article has named
        return ActorMention(holder.name, position, preposition, "role")
    if is_role(text) and _genitive_end(tokens, position) == position:
        # "Steirischer Caritas-Direktor kritisiert ...": no name, the role acts (but in "ein
        # Sprecher der Regierung" the government does)
        return ActorMention(role_nominative(text), position, preposition, "role")
    if _after_place_kind(tokens, position) and is_place(text):
        return ActorMention(text, position, preposition, "group")  # "das Land Berlin", "die
        # Stadt Wien": the place's own government, not its country
    state = state_of(text)
    if state and _adjective_of_actor(tokens, position, state):
        return None  # "Syrische Regierungstruppen", "der Österreichische Naturschutzbund":
        # the noun that follows acts
    if state:
        return ActorMention(state, position, preposition, "state")
    if ACRONYM.fullmatch(text) and not _ROMAN.fullmatch(text):
        return ActorMention(text, position, preposition, "group")
    if _is_actor_noun(text):
        if ACRONYM.fullmatch(following):  # "die Umweltschutzorganisation WWF"
            return ActorMention(following, position, preposition, "group")
        # "die Organisation": the one of that kind the article named
        return ActorMention(index.body_of_kind(text) or text, position, preposition,
                            "group")
    return None


def _known_surname_after(tokens: tuple[Token, ...], position: int, index: EntityIndex):
    """The person whose name the capitalised words after a first name end ("Recep Tayyip
    Erdogan", "Ban Ki Moon"; not "Lech Kaczyński Wałęsa": Wałęsa's name has no Kaczyński)."""
    between: list[str] = []
    for word in (t.text for t in tokens[position + 1:position + 3]):
        if not word[:1].isupper():
            return None
        known = index.by_last_word.get(word)
        if known and all(part in known.name.split() for part in between):
            return known
        between.append(word)
    return None


def _adjective_of_actor(tokens: tuple[Token, ...], position: int, state: str) -> bool:
    """A country's adjective before an actor noun ("Syrische Regierungstruppen") or inside a
    name, written capitalised after an article ("der Deutschen Post")."""
    text = tokens[position].text
    if text in (state, state + "s", state + "es") or position + 1 >= len(tokens):
        return False  # the country, or its genitive: "Syriens Führung"
    following = tokens[position + 1].text
    after_article = position > 0 and tokens[position - 1].lower in grammar()["articles"] \
        and text.lower().endswith(_ADJECTIVE_ENDINGS)  # (not "die US-Regierung")
    return following[:1].isupper() and (after_article or _is_actor_noun(following))


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _after_place_kind(tokens: tuple[Token, ...], position: int) -> bool:
    return position > 0 and tokens[position - 1].text in grammar()["place_kinds"]


def _body_before_name(word: str) -> bool:
    """A body that names no person after it ("warf die Staatsanwaltschaft Ertel vor"), unlike
    a role ("Landesrat Rudi Anschober") or a body led by one ("die Regierung Renzi")."""
    return is_organization([word]) and not is_role(word) and \
        word.split("-")[-1] not in grammar()["led_by_name"]


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


def state_of(word: str) -> str | None:
    if word in countries():
        return word
    country = country_of(word)
    return country if country and word[:1].isupper() else None


def _first_name_after(tokens: tuple[Token, ...], position: int) -> bool:
    """A noun after its article or adjective, then a first name: "mit seinem Ghostwriter
    Heribert Schwan" (not a place: "in Serravalle Cristian Brolli")."""
    return 0 < position < len(tokens) - 1 and \
        tokens[position + 1].text in lexicon().first_names and \
        tokens[position - 1].text == tokens[position - 1].lower and \
        tokens[position - 1].lower not in grammar()["all_prepositions"]


@cache
def _actor_noun_endings() -> tuple[str, ...]:
    """The actor nouns and their plurals ("Regierungen", "Parteien", "Konzerne"), not their
    genitives ("des Parlaments": whose, not who); short ones only as written ("Rat", not
    "Raten")."""
    nouns = sorted(noun.lower() for noun in grammar()["actor_nouns"])
    plurals = [noun + ending for noun in nouns if len(noun) > 4
               for ending in (("n",) if noun.endswith("e") else ("en", "e"))]
    # ("Parteien", "Polizeien": "-ei" takes "-en")
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


def is_adjective(token: Token) -> bool:
    return token.text == token.lower and token.lower.endswith(("e", "en", "er", "es"))
