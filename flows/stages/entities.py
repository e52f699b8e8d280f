"""Who and where: people named in an article, their roles, organisations and places.

`EntityIndex.build(text)` collects every "role + name" mention of an article ("der französische
Verteidigungsminister, Jean-Yves Le Drian", "Kremlchef Wladimir Putin"), so that later mentions
("Le Drian", "der französische Minister", "der Kremlchef") resolve to one canonical name.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, compress

from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import WEEKDAYS

TOKEN = re.compile(r"[^\W\d_][\w\-’']*|\d+-[Jj]ährige[mnrs]?\b|\d+")  # "61-Jährige": one word
_TOKEN_PIECES = re.compile(f"({TOKEN.pattern})")  # split() keeps the tokens
ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
            "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren"}
PRONOUNS = {"er": "male", "sie": "female"}
# capital and small letters for character classes: Latin-1 and Latin Extended-A too ("Ángel
# Gurría", "Maroš Šefčovič")
_LATIN = [chr(code) for code in range(0xC0, 0x180)]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-zß" + "".join(c for c in _LATIN if c.islower() and c != "ß")
NAME_PARTICLES = re.compile(r"^(?:al|el|de|da|di|du|von|van|der|bin|ibn|ben|zu|la|le)(?:-\S+)?$")
_GENITIVE_COUNTRY = re.compile(rf"^(?P<stem>[{UPPER}]\w+?)s$")


@dataclass(frozen=True)
class Lexicon:
    role_suffixes: tuple[str, ...]
    role_aliases: dict[str, tuple[str, str]]
    generic_roles: frozenset[str]
    org_suffixes: tuple[str, ...]
    org_names: frozenset[str]
    countries: dict[str, dict]
    adjective_to_country: dict[str, str]
    place_to_country: dict[str, str]
    cities: frozenset[str]
    city_adjectives: dict[str, str]
    first_names: dict[str, str]  # first name -> "female" / "male"
    not_in_office: tuple[str, ...]  # "ehemalig", "verstorben": the office is not held now
    not_names: frozenset[str]  # pronouns: "Wir" after a role is no name
    not_name_endings: tuple[str, ...]  # "Einseitigkeit", "Forderungen": common nouns
    phrase_nouns: frozenset[str]  # "zu Beginn", "zu Hause": no name after the particle
    org_kinds: tuple[str, ...]  # "organisation", "konzern": a name may follow
    compound_names: tuple[str, ...]  # "ministerium": "Bildungsministerium" is one body
    kinds_within: dict[str, tuple[str, ...]]  # "unternehmen": "konzern", "firma", ...
    not_kind_names: frozenset[str]


@cache
def lexicon() -> Lexicon:
    with (DATA_DIR / "roles.toml").open("rb") as handle:
        roles = tomllib.load(handle)
    with (DATA_DIR / "places.toml").open("rb") as handle:
        places = tomllib.load(handle)
    countries = places["countries"]
    adjectives, place_country = {}, {}
    for name, info in countries.items():
        for stem in info["adjective"].split("|"):
            adjectives[stem] = name
        for alias in [name, info.get("capital", ""), *info.get("aliases", []),
                      *info.get("metonyms", [])]:
            if alias:
                place_country[alias] = name
    aliases = {word: tuple(value.split(" ", 1)) for word, value in roles["aliases"].items()}
    with (DATA_DIR / "first_names.toml").open("rb") as handle:
        names = tomllib.load(handle)
    generated = names.get("generated", {})  # flows/first_names.py; the curated names win
    first_names = FirstNames({name: gender for gender in ("female", "male")
                              for name in generated.get(gender, ())})
    first_names.update({name: gender for gender in ("female", "male") for name in names[gender]})
    return Lexicon(
        role_suffixes=tuple(roles["role_suffixes"]),
        not_in_office=tuple(roles["not_in_office"]),
        role_aliases=aliases,
        generic_roles=frozenset(roles["generic_roles"]),
        org_suffixes=tuple(roles["organizations"]["suffixes"]),
        org_names=frozenset(roles["organizations"]["names"]),
        countries=countries,
        adjective_to_country=adjectives,
        place_to_country=place_country,
        cities=frozenset(places["cities"]["names"]),
        city_adjectives=places["cities"]["adjectives"],
        first_names=first_names,
        not_names=frozenset(roles["not_names"]),
        not_name_endings=tuple(roles["not_name_endings"]),
        phrase_nouns=frozenset(roles["phrase_nouns"]),
        org_kinds=tuple(roles["organizations"]["kinds"]),
        kinds_within={kind: tuple(within) for kind, within in
                      roles["organizations"]["kinds_within"].items()},
        not_kind_names=frozenset(roles["organizations"]["not_kind_names"]),
        compound_names=tuple(roles["organizations"]["compound_names"]),
    )


ACRONYM = re.compile(r"[A-ZÄÖÜ](?:[A-ZÄÖÜ]|[a-z](?=[A-Z])){1,5}s?")  # "SPD", "AfD"


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


_CASE_ENDINGS = ("es", "s", "en", "n")  # "des Touristikchefs", "dem Präsidenten"


@lru_cache(maxsize=1 << 16)  # called for every word; the lexicon never changes
def is_role(token: str) -> bool:
    """A word that names a person by office or function, in any case: the role lexicon holds
    the nominative singular (and the feminine)."""
    if not is_capitalised(token):
        return False
    *first, word = token.lower().split("-")
    suffixes = lexicon().role_suffixes
    if first and word in _PARTY_PEOPLE:
        return True  # "IHS-Mann Hofer", "SPÖ-Frau": someone of a party or a body
    return word.endswith(suffixes) or token.lower() in lexicon().role_aliases or any(
        word.endswith(ending) and word[:-len(ending)].endswith(suffixes)
        for ending in _CASE_ENDINGS)


_PARTY_PEOPLE = frozenset({"mann", "frau", "männer", "frauen"})


def role_nominative(token: str) -> str:
    """A role word as a row names it: "des Künstlers" -> "Künstler", "den Vertretern" ->
    "Vertreter"; a plural or a weak noun ("Journalisten", "Experten") stays as written."""
    word = token.lower().split("-")[-1]
    suffixes = lexicon().role_suffixes
    if word.endswith(suffixes):
        return token
    for ending in ("es", "s", "n"):
        stem = word[:-len(ending)]
        if word.endswith(ending) and stem.endswith(suffixes) and \
                (ending != "n" or stem.endswith(("er", "el", "ieder"))):
            return token[:-len(ending)]
    return token


def is_organization(words: list[str]) -> bool:
    """"das Pentagon", "das russische Verteidigungsministerium", "Auswärtige Amt"."""
    if not words:
        return False
    lex = lexicon()
    phrase = " ".join(w for w in words if w.lower() not in ARTICLES)
    head = words[-1]
    return phrase in lex.org_names or (is_capitalised(head) and
                                       head.lower().endswith(lex.org_suffixes))


@lru_cache(maxsize=1 << 16)
def country_of(token: str) -> str | None:
    """The country a word points to: "französischen", "Frankreichs", "US-Präsident", "Paris"."""
    lex = lexicon()
    if token in lex.place_to_country:
        return lex.place_to_country[token]
    lower = token.lower()
    for stem, country in lex.adjective_to_country.items():
        if lower.startswith(stem) and len(lower) - len(stem) <= 3:
            return country
    if "-" in token:
        prefix = token.split("-")[0]
        for name, info in lex.countries.items():
            if prefix in (info.get("prefix"), name):
                return name
    genitive = _GENITIVE_COUNTRY.match(token)
    if genitive and genitive.group("stem") in lex.countries:
        return genitive.group("stem")
    alias = lex.role_aliases.get(lower)
    if alias and alias[0] != "*":
        return alias[0]
    return None


@lru_cache(maxsize=1 << 16)
def role_stem(token: str) -> str:
    word = token.lower().split("-")[-1]
    alias = lexicon().role_aliases.get(token.lower())
    if alias:
        return alias[1]
    for ending in ("innen", "in", "en", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stripped = word[: -len(ending)]
            if stripped.endswith(lexicon().role_suffixes) or ending == "in":
                return stripped
    return word


def role_gender(token: str) -> str | None:
    """Of a role word: "Ministerin" female, "Minister" male; "Abgeordnete", "Präsidenten"
    could be either."""
    word = token.lower().split("-")[-1]
    if word.endswith(("innen", "e", "en", "s")):
        return None
    if word.endswith("frau"):  # "Obfrau", "Geschäftsfrau"
        return "female"
    return "female" if word.endswith("in") and role_stem(token) != word else "male"


_TITLES = {"Frau": "female", "Herr": "male", "Herrn": "male"}


@dataclass
class Person:
    name: str
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    last_position: int = 0
    first_position: int = 0
    genders: set[str] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)  # roles stated as held, not "eine Kanzlerin"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def gender(self) -> str | None:
        """Known only when every clue agrees."""
        return next(iter(self.genders)) if len(self.genders) == 1 else None


@dataclass(frozen=True)
class Resolved:
    speaker: str | None
    speaker_type: str  # person, organization, unknown


_PARTICLE = r"(?:(?:al|el|de|da|di|du|von|van|der|den|bin|ibn|ben|zu)[ \-]){0,2}"
_INITIAL = r"(?:[A-Z]\.[ ]+)?"  # "George W. Bush", "John F. Kennedy"
_NAME_WORDS = (_PARTICLE + rf"[{UPPER}][\w\-]+(?:[ ]+" + _INITIAL + _PARTICLE
               + rf"[{UPPER}][\w\-]+){{0,3}}")
_NAME_AFTER_ROLE = re.compile(r"[ ]*,?[ ]+" + rf"(?:und[ ]+[{UPPER}][\w\-]+[ ]+(?=[{UPPER}]))?"
                              r"(?P<name>(?!(?:der|den)[ ])" + _NAME_WORDS + ")")
# ("OeNB-Gouverneur und EZB-Rat Ewald Nowotny": both titles are his)
# (a name may open with "van der", not with "der": "Vertreter der EU")
# "der UN-Hochkommissar für Menschenrechte, Zeid Raad al-Hussein, sagte": the name set off by
# commas after the role's phrase, perhaps after a description ("Der Vertreter der EU im
# Menschenrechtsrat, der dänische Diplomat Peter Sörensen, bedauerte")
_NAME_AFTER_ROLE_PHRASE = re.compile(
    r"[ ]+(?:für|des|der|von|im)[ ]+(?:[\w\-]+[ ]+){0,2}?[\w\-]+(?:[ ]+\([\w\-]{1,12}\))?,[ ]+"
    + rf"(?:(?:der|die)[ ]+(?:[{LOWER}][\w\-]*[ ]+){{0,2}}[{UPPER}][\w\-]*[ ]+)?"
    + r"(?P<name>" + _NAME_WORDS + r")(?=,)")
# "Bazoum Mohammed, Sprecher der Gruppierung CFDR": a name set off before its role
_NAME_BEFORE_ROLE = re.compile(
    rf"(?<![\w\-])(?P<name>[{UPPER}][\w\-]+(?:[ ]+[{UPPER}][\w\-]+){{1,2}}),[ ]+"
    rf"(?P<article>(?:der|die|ein|eine)[ ]+)?(?:[{LOWER}][\w\-]*[ ]+){{0,2}}$")
# "der Sprecher der CDU/CSU-Bundestagsfraktion Friedbert Pflüger": two capitalised words
# after the role's genitive of one noun
_NAME_AFTER_GENITIVE = re.compile(
    rf"[ ]+(?:des|der)[ ]+(?:[{LOWER}][\w\-]*[ ]+){{0,2}}[{UPPER}][\w\-/]*[ ]+"
    rf"(?P<name>[{UPPER}][{LOWER}][\w\-]*[ ]+[{UPPER}][{LOWER}][\w\-]*)"
    rf"(?![\w\-/]| [{UPPER}])")
# "Anna Weber", "Jean-Claude Juncker", "Alexander Van der Bellen": a known first name and a
# surname (with its particles)
_FULL_NAME = re.compile(
    rf"\b(?P<first>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)[ ]+" + _INITIAL
    + r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]i|[Dd]a|[Ll]e|al|el|bin|ibn)[ ]+(?:(?:der|den|la)[ ]+)?)?"
    + rf"[{UPPER}][\w\-]+")
_CONTEXT_WORDS = 3
INDEFINITE = frozenset({"ein", "eine", "einer", "einen", "einem", "eines"})


@cache
def _kind_endings() -> tuple[str, ...]:
    """Lower-case endings of a noun of a kind of organisation, singular only ("die
    Gewerkschaften Recht geben" names no union)."""
    return tuple(kind + ending for kind in lexicon().org_kinds for ending in ("", "s", "es"))


_BEFORE_A_NAME = re.compile(rf"\b[{UPPER}][\w-]*(?= [{UPPER}])")  # a capitalised word, then one
_NAME_WORD = rf"[{UPPER}][\w&'-]*"
_NAME_AFTER_KIND = re.compile(rf" (?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})\b")
_NAME_GOES_ON = (" ohne ", " für ", " und ", " der ", " des ")


def _kind_of(noun: str) -> tuple[str, str] | None:
    """The kind of organisation a noun names and the noun without its case ending:
    "Energiekonzerns" -> ("konzern", "energiekonzern")."""
    lower = noun.lower()
    for kind in lexicon().org_kinds:
        for ending in ("", "s", "es"):
            if lower.endswith(kind + ending):
                return kind, lower[:len(lower) - len(ending)]
    return None


# a capitalised word after a word or a comma: a noun or a name, unlike a sentence's first word
_INNER_CAPITALISED = re.compile(rf"(?<=[\w,] )[{UPPER}][\w-]*")


def tokens_with_ends(text: str) -> tuple[list[str], list[int]]:
    """The TOKENs of a text and where each ends. split() gives text between tokens, token,
    text, token ...: the ends are running sums of the pieces' lengths (C loops only)."""
    pieces = _TOKEN_PIECES.split(text)
    return pieces[1::2], list(accumulate(map(len, pieces)))[1::2]


def _plural_role(words: list[str], position: int) -> bool:
    """"die Forscher", "die Minister": a masculine role after "die" is a plural, which names
    no one person."""
    return position > 0 and words[position - 1].lower() == "die" and \
        role_gender(words[position]) == "male"


def _not_in_office(word: str) -> bool:
    """"die frühere Kanzlerin", "Ex-Präsident", "des zurückgetretenen Ministers"."""
    return word.lower().startswith(lexicon().not_in_office)


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _same_phrase(before: list[str]) -> list[str]:
    """The words before a role that belong to its noun phrase ("der frühere französische",
    "Bayerns Ministerpräsident und"): not those of another clause ("Der CSU-Chef sei vor
    Bundeskanzlerin Angela Merkel": Merkel is no CSU-Chef)."""
    start = len(before)
    while start and (before[start - 1][:1].isupper() or before[start - 1] == "und"
                     or before[start - 1].lower() in ARTICLES
                     or before[start - 1].endswith(_ADJECTIVE_ENDINGS)):
        start -= 1
    return before[start:]


@lru_cache(maxsize=1 << 14)
def folded(name: str) -> str:
    """A name without its diacritics: news spells "Nikolić" and "Nikolic" alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))


def _opens_a_name(names: list[str], at: int) -> bool:
    """"des Autoherstellers General Motors": a role word opening a name after a kind noun,
    not one before a person's first name ("des Konzerns Chef Joe Kaeser")."""
    return at == 0 and len(names) > 1 and names[1] not in lexicon().first_names


def _full_names(text: str):
    """(name, offset) of each known first name with its surname ("Alexander Van der Bellen");
    a capitalised word before the first name ("den Grünen Alexander Van der Bellen") does not
    hide it. Two first names go with a surname after them that the text names again ("Hans
    Peter Doskozil ... Doskozil"); a name in the genitive is named without its -s when the
    text has it so ("Christian Kerns")."""
    first_names = lexicon().first_names
    at, after_a_word = 0, False
    while (name := _FULL_NAME.search(text, at)) is not None:
        if name.group("first") not in first_names:
            at, after_a_word = name.end("first"), True
            continue
        end = name.end()
        goes_on = _NAME_CONTINUES.match(text, end)
        surname = _NAME_WORD_END.match(text, goes_on.end()).group(0) if goes_on else ""
        if surname and text[name.start():end].split()[-1] in first_names:
            end = goes_on.end() + len(surname)  # "Hans Peter Doskozil", "Doskozil" again
            if len(re.findall(rf"\b{re.escape(surname)}\b", text)) < 2 or \
                    _NAME_CONTINUES.match(text, end):
                at, after_a_word = end, False
                continue  # not "José Eduardo Dos" of "José Eduardo Dos Santos"
        elif after_a_word and goes_on:
            at, after_a_word = end, False
            continue  # "Staatspräsident Recep Tayyip Erdogan" is no "Recep Tayyip"
        yield _nominative_name(text[name.start():end], text), name.start()
        at, after_a_word = end, False


def _nominative_name(name: str, text: str) -> str:
    surname = name.split()[-1]
    if surname.endswith("s") and re.search(rf"\b{re.escape(surname[:-1])}\b", text):
        return name[:-1]
    return name


_NAME_CONTINUES = re.compile(rf"[ ]+(?=[{UPPER}])")
_NAME_WORD_END = re.compile(r"[\w\-]+")


class FirstNames(dict[str, str]):
    """First name -> "female" / "male"; a name with diacritics is found without them ("Ángel"
    as "Angel", "Zoë" as "Zoe"), a double name by its parts ("Karl-Heinz": male, as "Karl")."""

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        found = super().get(name) or super().get(folded(name))
        if found is None and "-" in name:
            parts = [self.get(part) for part in name.split("-")]
            found = parts[0] if all(parts) else None
        return found if found is not None else default

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __missing__(self, name: str) -> str:
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return found


class EntityIndex:
    """People of one article, by canonical name, with their roles and countries."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.by_last_word: dict[str, Person] = {}
        self.by_role: dict[str, list[Person]] = {}
        self.nouns: frozenset[str] = frozenset()  # capitalised inside a sentence: not "Zudem"
        self.organizations: dict[str, set[str]] = {}  # kind ("konzern") -> names of that kind
        self.compound_bodies: dict[str, set[str]] = {}  # "ministerium" -> "Bildungsministerium"
        self.text = ""  # what the index was built on
        self._before_surnames: dict[str, set[tuple[str, ...]]] | None = None
        self._lowered: frozenset[str] | None = None  # the text's words in lower case

    @classmethod
    def build(cls, text: str) -> EntityIndex:
        """Every "role + name" of the text: "Kremlchef Wladimir Putin", "Minister, Le Drian"."""
        index = cls()
        index.text = text
        words, ends = tokens_with_ends(text)
        for position in compress(range(len(words)), map(is_role, words)):  # most are not
            name = _NAME_AFTER_ROLE.match(text, ends[position]) or \
                _NAME_AFTER_ROLE_PHRASE.match(text, ends[position])
            if name and _plural_role(words, position) and \
                    not text.startswith(" und ", name.end("name")):
                name = None  # "haben die Forscher Quanten-Ferrofluide erzeugt", unlike "die
                # Minister Lawrow und Kerry"
            if name:
                context = _same_phrase(words[max(0, position - _CONTEXT_WORDS):position])
                role = [words[position]]
                if any(map(_not_in_office, [*context, *role])):
                    context, role = [], []  # "die frühere Kanzlerin": not in office now
                held = not (INDEFINITE & {w.lower() for w in context})  # "eine Kanzlerin X"
                index.add(name.group("name"), [*context, *role], name.start("name"), held)
            index._add_set_off_names(text, words[position], ends[position])
        for name, start in _full_names(text):
            index.add(name, [], start)
        index.nouns = frozenset(part for word in _INNER_CAPITALISED.findall(text)
                                for part in word.split("-"))  # "Greenpeace-Experte"
        index._add_organizations(text)
        return index

    def _add_organizations(self, text: str) -> None:
        """"die Umweltschutzorganisation WWF", "des Energiekonzerns Verbund": names after a
        noun of their kind."""
        lex = lexicon()
        endings = _kind_endings()
        for noun in _BEFORE_A_NAME.finditer(text):
            if not noun[0].lower().endswith(endings):
                continue
            found = _NAME_AFTER_KIND.match(text, noun.end())
            if found is None or text.startswith(_NAME_GOES_ON, found.end()):
                continue  # "Ärzte ohne Grenzen", "Recht und Gerechtigkeit": not read here
            names = found.group("name").split()
            names = names[:next((i for i, w in enumerate(names) if w in lex.not_kind_names
                                 or (is_role(w) and not _opens_a_name(names, i))
                                 or country_of(w)), len(names))]
            kind = _kind_of(noun[0])
            if names and kind and not names[0].lower().endswith(lex.not_name_endings):
                name = " ".join(names)
                self.organizations.setdefault(kind[0], set()).add(name)
                self.organizations.setdefault(kind[1], set()).add(name)
        for kind in lex.compound_names:
            for compound in re.findall(rf"\b[{UPPER}]\w+{kind}(?=s?\b)", text):
                self.compound_bodies.setdefault(kind, set()).add(compound)

    def organization_of_kind(self, noun: str) -> str | None:
        """The one organisation the article named after this noun ("die Ratingagentur" after
        "die Ratingagentur Moody's"), or after any noun of its kind when the noun is the kind
        alone ("die Organisation" after "die Umweltschutzorganisation WWF")."""
        kind = _kind_of(noun)
        if kind is None:
            return None
        names = self.organizations.get(kind[0] if kind[0] == kind[1] else kind[1], ())
        if not names and kind[0] == kind[1]:  # "das Unternehmen" after "der Konzern Sky"
            names = set().union(*(self.organizations.get(within, ()) for within in
                                  lexicon().kinds_within.get(kind[0], ())))
        return next(iter(names)) if len(names) == 1 else None

    def body_of_kind(self, noun: str) -> str | None:
        """The one body a kind noun alone stands for: named after a noun of its kind, else
        named by a compound of it."""
        return self.organization_of_kind(noun) or self.compound_body(noun)

    def compound_body(self, noun: str) -> str | None:
        """"das Ministerium" after "das Bildungsministerium": the one body the article named
        by a compound of this kind."""
        bodies = self.compound_bodies.get(noun.lower(), ())
        return next(iter(bodies)) if len(bodies) == 1 else None

    def _add_set_off_names(self, text: str, role: str, role_end: int) -> None:
        """Names the role patterns above miss: before the role, set off by a comma, or after
        the role's genitive. Only two or three words that name nothing else."""
        role_start = role_end - len(role)
        before = _NAME_BEFORE_ROLE.search(text, max(0, role_start - 80), role_start)
        words = before.group("name").split() if before else []
        if len(words) == 3 and words[0] not in lexicon().first_names:
            words = words[1:]  # "Dem Berater Prem Tinsulanonda, einem ehemaligen ..."
        if words and _looks_like_a_name(words):
            held = (before.group("article") or "").strip() not in INDEFINITE
            self.add(" ".join(words), [role], before.start("name"), held)
        after = _NAME_AFTER_GENITIVE.match(text, role_end)
        if after and _looks_like_a_name(after.group("name").split()):
            self.add(after.group("name"), [role], after.start("name"))

    def copy(self) -> EntityIndex:
        """An independent copy, for a stage that adds to the index what it learns: the index
        every stage reads stays as the article built it."""
        everyone = [*self.people.values(), *self.by_last_word.values(),
                    *(p for people in self.by_role.values() for p in people)]
        twins = {id(p): replace(p, roles=set(p.roles), countries=set(p.countries),
                                genders=set(p.genders), offices=set(p.offices))
                 for p in everyone}
        result = EntityIndex()
        result.people = {name: twins[id(p)] for name, p in self.people.items()}
        result.by_last_word = {word: twins[id(p)] for word, p in self.by_last_word.items()}
        result.by_role = {role: [twins[id(p)] for p in people]
                          for role, people in self.by_role.items()}
        result.nouns = self.nouns
        result.organizations = self.organizations
        result.compound_bodies = self.compound_bodies
        result.text = self.text
        result._before_surnames = self._before_surnames
        result._lowered = self._lowered
        return result

    def add(self, name: str, context: list[str], position: int, held: bool = True
            ) -> Person | None:
        words = _trim_name(name.split())
        if not words or all(w.lower() in ARTICLES for w in words):
            return None
        if not words[0][:1].isupper() or words[0].lower() in lexicon().not_names:
            return None  # "von den Grünen", "Wir": no one's name
        if len(words) == 1 and (country_of(words[0]) or
                                words[0].lower().endswith(lexicon().not_name_endings)):
            return None  # "Kollegen Einseitigkeit vorgeworfen": a noun after the role
        person = self.find_by_name(words) or self._new(" ".join(words), position)
        person.last_position = max(person.last_position, position)
        if len(words) > 1 and words[0] in lexicon().first_names:
            person.genders.add(lexicon().first_names[words[0]])
        for word in context:
            role = is_role(word)
            gender = role_gender(word) if role else _TITLES.get(word)
            if gender:
                person.genders.add(gender)
            if role:
                self._add_role(person, role_stem(word))
                if held:
                    person.offices.add(role_stem(word))
            country = country_of(word)
            if country:
                person.countries.add(country)
        return person

    def _new(self, name: str, position: int) -> Person:
        person = Person(name, first_position=position)
        self.people[name] = person
        self.by_last_word.setdefault(person.surname, person)
        self.by_last_word.setdefault(folded(person.surname), person)
        return person

    def _add_role(self, person: Person, role: str) -> None:
        if role not in person.roles:
            person.roles.add(role)
            self.by_role.setdefault(role, []).append(person)

    def find_by_name(self, words: list[str]) -> Person | None:
        """A known person whose full name ends with (or equals) these words."""
        person = self.by_last_word.get(words[-1]) or self.by_last_word.get(folded(words[-1]))
        if person is None and _genitive_s(words[-1]):  # "nach Ansicht Rabmer-Kollers"
            person = self.find_by_name([*words[:-1], words[-1][:-1]])
            if person is not None:
                return person
        if person is None:
            return self._family_name_first(words[0]) if len(words) == 1 else None
        phrase = " ".join(words)
        if person.name == phrase or person.name.endswith(" " + phrase) or \
                folded(person.name).endswith(" " + folded(phrase)):  # "Nikolic": Nikolić
            return person
        if len(words) > 1 and phrase.endswith(" " + person.name):
            # A later full mention ("Jean-Yves Le Drian") upgrades an earlier surname.
            self.people.pop(person.name)
            person.name = phrase
            self.people[phrase] = person
            return person
        return None

    def full_name_of(self, surname: str) -> str | None:
        """"Kiesbauer" after "Arabella Kiesbauer", "Svindal" after "Aksel Lund Svindal": the
        one fuller form the text gives a surname, with first names that no list knows and the
        text never writes in lower case, inside a sentence or after a dateline (not "Vor
        Svindal"); also in the genitive ("Arabella Kiesbauers neues Format")."""
        if self._before_surnames is None:  # (one pass over the text, on the first question)
            self._before_surnames = _words_before_surnames(self.text)
        candidates = self._before_surnames.get(surname)
        if not candidates:
            return None
        if self._lowered is None:
            self._lowered = _lower_case_words(self.text)
        forms = {" ".join([*given, surname]) for given in candidates
                 if all(_unknown_first_name(word, self._lowered) for word in given)}
        return next(iter(forms)) if len(forms) == 1 else None

    def _family_name_first(self, word: str) -> Person | None:
        """"Ban" after "Ban Ki Moon", "Kim" after "Kim Jong-un": a family name written first,
        before a given name of two parts that are no first names of ours."""
        if _kind_of(word):  # "der Gruppe Erste Küstendivision": no one's name
            return None
        found = [p for p in self.people.values()
                 if p.name.startswith(word + " ") and _given_name_after_family_name(p.name)]
        return found[0] if len(found) == 1 else None

    def find_by_role(self, words: list[str]) -> Person | None:
        """The most recent person whose role (and country, if the words name one) fits."""
        roles = {role_stem(w) for w in words if is_role(w)}
        countries = {c for w in words if (c := country_of(w))}
        if roles and roles <= lexicon().generic_roles and countries:
            candidates = self.people.values()
        else:
            candidates = [p for known, people in self.by_role.items()
                          if any(_role_compatible(r, {known}) for r in roles) for p in people]
        matches = [p for p in candidates if not countries or countries & p.countries]
        return max(matches, key=lambda p: p.last_position) if matches else None


def _genitive_s(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "'s"))


_GIVEN_NAME_PART = re.compile(r"(?:(?:al|el|bin|ibn)-)?[A-Z][a-z]+")


_BEFORE_SURNAME = re.compile(rf"(?<=[\w,–] )((?:[{UPPER}][{LOWER}]+[ ]){{1,2}})([{UPPER}][\w\-]+)")


def _words_before_surnames(text: str) -> dict[str, set[tuple[str, ...]]]:
    """Capitalised words (one or two) before each capitalised word inside a sentence, by that
    word and by it without a genitive "s"."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for match in _BEFORE_SURNAME.finditer(text):
        words = [*match[1].split(), match[2]]
        for end in range(2, len(words) + 1):  # ("Heinz Spindler Obmann": Spindler too)
            given, word = tuple(words[:end - 1]), words[end - 1]
            for surname in {word, word.removesuffix("s")}:
                found.setdefault(surname, set()).add(given)
    return found


_LOWER_CASE_WORD = re.compile(rf"\b[{LOWER}][\w\-]*")
_AFTER_ARTICLE = re.compile(
    r"\b(?:" + "|".join(f"[{a[0].upper()}{a[0]}]{a[1:]}" for a in sorted(ARTICLES)) +
    rf") ([{UPPER}][\w\-]*)")


def _lower_case_words(text: str) -> frozenset[str]:
    """The text's words in lower case, and the lower-cased words it writes after an article
    (nouns: "die Seite", "der Übersetzer")."""
    return frozenset([*_LOWER_CASE_WORD.findall(text),
                      *(word.lower() for word in _AFTER_ARTICLE.findall(text))])


def _unknown_first_name(word: str, lowered: frozenset[str]) -> bool:
    """A short capitalised word that the text never writes in lower case nor after an
    article, that ends like no noun of a doer or adjective and is no role, place or known
    word: a first name no list knows ("Arabella", "Aksel")."""
    lower = word.lower()
    return len(word) <= _FIRST_NAME_LETTERS and lower not in lowered and \
        lower not in ARTICLES and lower not in lexicon().not_names and \
        not lower.endswith(_NOT_FIRST_NAME_ENDINGS) and not is_role(word) and \
        not country_of(word) and _kind_of(word) is None and word not in lexicon().org_names


_FIRST_NAME_LETTERS = 9
_NOT_FIRST_NAME_ENDINGS = ("er", "or", "ent", "ist", "ant", "eur", "in", "e", "en", "es",
                           "ung", "heit", "keit", "schaft", "nd", "ht", "mm", "ft")


def _given_name_after_family_name(name: str) -> bool:
    """"Ban Ki Moon", "Moon Jae-in": two words or two hyphened parts (the second in lower
    case) after the family name, the first no first name ("Hans Peter Doskozil" is not)."""
    given = name.split()[1:]
    if len(given) == 2:  # ("Zeid Raad al-Hussein"; not "Thomas D. Trummer")
        return given[0] not in lexicon().first_names and \
            all(_GIVEN_NAME_PART.fullmatch(part) for part in given)
    return len(given) == 1 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", given[0]) is not None


def _looks_like_a_name(words: list[str]) -> bool:
    """Capitalised words that are no roles, articles, places or organisations."""
    from flows.stages.places import is_place  # places reads this module's lexicon

    lex = lexicon()
    return not any(is_role(w) or w.lower() in ARTICLES or w.lower() in lex.not_names
                   or country_of(w) or is_place(w) or w.isupper()
                   or (w in _country_words() and w not in lex.first_names) for w in words) \
        and not is_place(" ".join(words)) and not is_organization(words) \
        and not is_organization(words[:1])


@cache
def _country_words() -> frozenset[str]:
    """"Republik", "Kongo": words of countries' names ("Demokratische Republik Kongo")."""
    from flows.stages.places import countries  # places reads this module's lexicon

    return frozenset(word for name in countries() for word in re.split(r"[ \-]", name))


def _role_compatible(role: str, known: set[str]) -> bool:
    return any(k == role or k.endswith(role) or role.endswith(k) for k in known)


def _trim_name(words: list[str]) -> list[str]:
    """Drop a trailing genitive or common-noun tail that the pattern may have swallowed."""
    kept = []
    for word in words:
        after_particle = bool(kept) and NAME_PARTICLES.match(kept[-1].lower())  # "von der"
        if after_particle and word in lexicon().phrase_nouns:
            kept.pop()  # "Peer Steinbrück zu Beginn"
            break
        if is_role(word) or (word.lower() in ARTICLES and not after_particle) or \
                word in lexicon().org_names or word.lower().startswith(tuple(WEEKDAYS)):
            break  # (also "sagte Reinhold Mitterlehner Montagmittag")
        kept.append(word)
    return without_workplace(kept)


OF_WHERE = frozenset({"von", "vom"})  # "Richard Cassidy von Alert Logic"


def without_workplace(name: list[str]) -> list[str]:
    """"Richard Cassidy von Alert Logic", "Herbert Harammer von der Staatsanwaltschaft Wien":
    a full name and where the person works; not "Ursula von der Leyen", "Richard von
    Weizsäcker"."""
    at = next((i for i, word in enumerate(name) if word in OF_WHERE and i >= 2
               and (name[i - 2] in lexicon().first_names or _workplace_after(name, i))), None)
    return name if at is None else name[:at]


def _workplace_after(name: list[str], at: int) -> bool:
    """"Arjen Hoekstra von der Universität Twente": a body after "von der", not a name's
    particles."""
    rest = [w for w in name[at + 1:] if w.lower() not in ARTICLES]
    return bool(rest) and is_organization(rest[:1])
