"""Events: dated real-world happenings, typed with PLOVER, with actors, place and casualties.

Precision first: a sentence yields an event only when it has a trigger word from the lexicon
(flows/data/events.toml) and a temporal expression that says when it happened.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from flows.stages.dates import EventClue, recognisable, same_identity
from flows.stages.entities import TOKEN, EntityIndex, country_of, lexicon
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import MONTHS, WEEKDAYS, TemporalExpression, find_expressions
from flows.stages.text import paragraphs, sentences_with_quotes

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_CASUALTIES = re.compile(
    r"(?:(?:alle|mindestens|rund|etwa|fast|mehr als|über)\s+)?(?P<count>\d{1,3}(?:\.\d{3})*|\d+)"
    r"\s+(?:Menschen|Personen|Tote|Todesopfer|Zivilisten|Soldaten|Opfer|Insassen)"
    r"(?P<rest>[^;]{0,80})")  # within the sentence; "am 13. November" has a period
_DEATH_WORDS = re.compile(r"getötet|töteten|tötete|ums Leben|starben|gestorben|tot\b|Tote|"
                          r"Todesopfer")
_FUTURE = re.compile(r"\b(?:wird|werden|werde|will|wollen|wolle|soll|sollen|plant|planen|"
                     r"geplant|kommenden|nächsten)\b")
# Undated reports become events only for these types, and only between two named people
# (meetings, calls, agreements): a passing mention of an attack is not a new event.
_UNDATED_TYPES = {"CONSULT", "AGREE", "ASSAULT"}
# "das von Schiiten bewohnt wird": a passive present, not the future
_PASSIVE = re.compile(r"\b[a-zäöüß]\w*(?:t|en)\s+(?:wird|werden)\b")


def speaks_of_future(sentence: str) -> bool:
    return bool(_FUTURE.search(_PASSIVE.sub(" ", sentence)))


_PLACE_PREPOSITIONS = {"in", "im", "nach", "aus", "über", "bei", "von", "vor"}
_LOCATION = re.compile(
    r"\b(?:in|im|nach|über|bei|aus)\s+(?:der\s+|dem\s+|den\s+)?"
    r"(?P<place>[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+)?)")


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ("",)  # per word: text each of its matches contains

    def search(self, sentence: str) -> re.Match[str] | None:
        match = self.pattern.search(sentence)
        if match is None or (self.unless and self.unless.search(sentence)):
            return None
        if self.requires and not self.requires.search(sentence):
            return None
        return match


@dataclass(frozen=True)
class Event:
    plover_type: str
    mode: str | None
    description: str
    event_date: date | None
    date_precision: str | None
    date_text: str
    actors: tuple[str, ...]
    location: str | None
    casualties: int | None
    evidence: str
    char_start: int
    char_end: int

    @property
    def event_key(self) -> str:
        """Same type, day and place (or actors) -> the same real-world event across articles."""
        when = self.event_date.isoformat() if self.event_date else self.date_text.lower()
        where = self.location or ",".join(sorted(self.actors)[:2])
        basis = f"{self.plover_type}|{self.mode or ''}|{when}|{where}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@cache
def triggers() -> tuple[Trigger, ...]:
    with (DATA_DIR / "events.toml").open("rb") as handle:
        data = tomllib.load(handle)
    result = []
    for entry in data["trigger"]:
        if entry["type"] not in PLOVER_TYPES:
            raise ValueError(f"events.toml: {entry['type']} is not a PLOVER type")
        pattern = re.compile(r"\b(?:" + "|".join(entry["words"]) + r")(?![\w-])")
        result.append(Trigger(entry["type"], entry.get("mode"), pattern,
                              _prefixes(entry.get("unless")), _prefixes(entry.get("requires")),
                              tuple(map(required_text, entry["words"]))))
    return tuple(result)


@cache
def _all_needs() -> tuple[str, ...]:
    return tuple(sorted({part for trigger in triggers() for part in trigger.needs}))


# In a trigger word: escapes, classes, groups, counted repeats, optional characters, other
# regex syntax. What is left between them is text any match contains.
_REGEX_SYNTAX = re.compile(r"\\.|\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)[?*+]?|.?\{[^}]*\}|.[?*]"
                           r"|[?*+|^$.]")


def required_text(word: str) -> str:
    """The longest stretch of plain text that every match of a trigger word contains
    ("Luftschl[äa]g\\w*" -> "Luftschl"); "" when there is none."""
    if "|" in re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", word):
        return ""  # alternatives outside a group: nothing is common to all
    return max(_REGEX_SYNTAX.sub("\0", word).split("\0"), key=len)


@cache
def _any_trigger() -> re.Pattern[str]:
    """Matches where some trigger does: one search rules out the many sentences without one."""
    return re.compile("|".join(f"(?:{trigger.pattern.pattern})" for trigger in triggers()))


def _prefixes(words: list[str] | None) -> re.Pattern[str] | None:
    """Words that may go on ("Truppe" finds "Truppen")."""
    return re.compile(r"\b(?:" + "|".join(words) + r")") if words else None


@dataclass(frozen=True)
class Happening:
    """A sentence that names a happening: its triggers, found once for events and clues."""
    start: int  # offset in the body
    text: str
    masked: str  # quotations blanked: quoted words are not reported happenings
    triggers: tuple[tuple[Trigger, re.Match[str]], ...]
    future: bool


def read_happenings(body: str) -> list[Happening]:
    """Every sentence of the body with at least one trigger outside quotations."""
    needed = [part for part in _all_needs() if part in body]
    if not needed:  # a body without any text a trigger needs has no trigger
        return []
    result = []
    for start, text, masked in _sentences(body):
        if not any(part in masked for part in needed):
            continue
        found = _first_trigger_per_type(masked)
        if found:
            result.append(Happening(start, text, masked, tuple(found), speaks_of_future(masked)))
    return result


def extract_events(body: str, reference: date | None, index: EntityIndex | None = None,
                   happenings: list[Happening] | None = None) -> list[Event]:
    index = index or EntityIndex.build(body)
    happenings = read_happenings(body) if happenings is None else happenings
    return [event for happening in happenings
            for event in _sentence_events(happening, reference, index)]


def _sentences(body: str):
    """(offset in body, sentence, sentence with its quotations blanked) of every sentence."""
    for offset, paragraph in paragraphs(body):
        for sentence, inner in sentences_with_quotes(paragraph):
            text = paragraph[sentence.start:sentence.end]
            yield offset + sentence.start, text, _mask_quotes(text, inner, sentence.start)


def _mask_quotes(text: str, spans: list, shift: int) -> str:
    """Quoted words are not reported happenings: blank them out, keeping offsets."""
    for span in spans:
        start, end = span.start - shift, span.end - shift
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _sentence_events(happening: Happening, reference: date | None, index: EntityIndex
                     ) -> list[Event]:
    text, masked, start = happening.text, happening.masked, happening.start
    expressions = _when_it_happened(
        masked, find_expressions(masked, reference, future=happening.future))
    events = []
    for trigger, match in happening.triggers:
        if expressions:
            when = min(expressions, key=lambda e: abs(e.start - match.start()))
            events.append(_event(trigger, match, when, text, start, index))
        elif reference and not happening.future and trigger.type in _UNDATED_TYPES:
            event = _event(trigger, match, None, text, start, index, reference)
            if len(people(event.actors)) >= 2:
                events.append(event)
    return events


_NOT_WHEN = re.compile(r"\b(?:bis|für|ab|spätestens|zwischen|Frist)\b", re.IGNORECASE)
# ("seit" stays: "fliegt seit Ende September Luftangriffe" dates the start of the strikes)


def _when_it_happened(sentence: str, expressions: list[TemporalExpression]
                      ) -> list[TemporalExpression]:
    """Drop deadlines and ranges ("bis Ende des Jahres", "für Ende 2026", "zwischen Oktober
    2023 und Juni 2024"): they say when something is due, not when the event happened."""
    return [e for e in expressions
            if not _NOT_WHEN.search(" ".join([*_words_before(sentence, e.start, 4),
                                              e.text.split()[0]]))]


def _words_before(text: str, end: int, count: int) -> list[str]:
    """The last `count` words before `end`; looks back a bounded stretch (linear overall)."""
    return text[max(0, end - 30 * count):end].split()[-count:]


def _first_trigger_per_type(masked: str) -> list[tuple[Trigger, re.Match[str]]]:
    if not _any_trigger().search(masked):
        return []
    found, seen_types = [], set()
    for trigger in triggers():  # file order: the first trigger of a type wins
        if trigger.type in seen_types:
            continue
        match = trigger.search(masked)
        if match:
            seen_types.add(trigger.type)
            found.append((trigger, match))
    return found


def _event(trigger: Trigger, match: re.Match[str], when: TemporalExpression | None, text: str,
           start: int, index: EntityIndex, published: date | None = None) -> Event:
    """An event row; without a temporal expression (`when` None) it is dated to the week
    before publication (news reports what happened in the last days): its middle day, with
    week precision and an empty date_text."""
    location = _location(text)
    description = match.group(0) + (f" in {location}" if location else "")
    if when is None:  # the week before publication, by its middle day
        day, precision, date_text = published - timedelta(days=3), "week", ""
    else:
        value = when.value
        day = value.best if value else None
        precision = value.precision if value else None
        date_text = when.text
    return Event(
        plover_type=trigger.type, mode=trigger.mode, description=description,
        event_date=day, date_precision=precision,
        date_text=date_text, actors=tuple(_actors(text, index)), location=location,
        casualties=_casualties(text), evidence=text, char_start=start,
        char_end=start + len(text),
    )


def _location(text: str) -> str | None:
    lex = lexicon()
    for match in _LOCATION.finditer(text):
        place = match.group("place")
        for candidate in (place, place.split()[0]):
            if candidate in lex.cities or candidate in lex.countries:
                return candidate
    for word in TOKEN.findall(text):
        if word in lex.city_adjectives:
            return lex.city_adjectives[word]
    return None


def _actors(text: str, index: EntityIndex) -> list[str]:
    """Groups, people known from the article, and states (by name, adjective, or capital)."""
    actors: list[str] = [name for pattern, name in _groups() if pattern.search(text)]
    tokens = TOKEN.findall(text)
    for position, word in enumerate(tokens):
        previous = tokens[position - 1] if position else ""
        actor = _person(word, index) or _state(word, previous)
        if actor and actor not in actors:
            actors.append(actor)
    return actors


@cache
def _groups() -> tuple[tuple[re.Pattern[str], str], ...]:
    with (DATA_DIR / "actors.toml").open("rb") as handle:
        groups = tomllib.load(handle)["groups"]
    return tuple((re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w])"), name)
                 for name, names in groups.items())


def _person(word: str, index: EntityIndex) -> str | None:
    person = index.by_last_word.get(word)
    return person.name if person else None


def _state(word: str, previous: str) -> str | None:
    """"Frankreich", "russische", "US-Präsident"; "Paris" only when it acts, not "in Paris"."""
    if word.islower() and len(word) <= 5:
        return None
    if word in lexicon().place_to_country and previous in _PLACE_PREPOSITIONS:
        return None
    return country_of(word)


def _casualties(text: str) -> int | None:
    for match in _CASUALTIES.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if _DEATH_WORDS.search(match.group(0)) or _DEATH_WORDS.search(before):
            return int(match.group("count").replace(".", ""))
    return None


def event_clues(body: str, index: EntityIndex, happenings: list[Happening] | None = None
                ) -> list[EventClue]:
    """What the article says about each happening, read without its publication date."""
    happenings = read_happenings(body) if happenings is None else happenings
    clues = []
    for happening in happenings:
        expressions = _when_it_happened(happening.masked,
                                        find_expressions(happening.masked, None))
        for trigger, match in happening.triggers:
            when = min(expressions, key=lambda e: abs(e.start - match.start()), default=None)
            if when is not None and when.value is not None:
                continue  # an absolute date: says nothing about the publication date
            clues.append(EventClue(
                trigger.type, trigger.mode, people(_actors(happening.text, index)),
                _location(happening.text), _month_day(when), _weekday(when), happening.future,
                match.group(0)))
    return clues


def _month_day(when: TemporalExpression | None) -> tuple[int, int] | None:
    match = _YEARLESS_DAY.search(when.text) if when else None
    if not match:
        return None
    return MONTHS[match.group("month").rstrip(".").lower()], int(match.group("day"))


def _weekday(when: TemporalExpression | None) -> int | None:
    match = _PLAIN_WEEKDAY.fullmatch(when.text) if when else None  # "am Dienstag", "Am ..."
    return WEEKDAYS[match.group(1).lower()] if match else None


_YEARLESS_DAY = re.compile(r"(?P<day>[0-3]?\d)\.\s*(?P<month>[A-ZÄÖÜ][a-zäöü]+\.?)$")
_PLAIN_WEEKDAY = re.compile(r"[Aa]m\s+(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
                            r"Sonnabend|Sonntag)")
_HALF_WIDTH = {"day": 0, "week": 3, "month": 15, "year": 182}


@dataclass(frozen=True, slots=True)
class EventSketch:
    """What keying events across articles needs of an event row (the corpus step keeps
    these, not the rows)."""
    event_id: str
    article_id: str
    plover_type: str
    mode: str | None
    event_date: date
    date_precision: str | None
    location: str | None
    people: frozenset[str]


def sketch_event(row: dict) -> EventSketch | None:
    """None for a row that can never be the same event as another: no date, or neither a
    city nor two people to recognise it by."""
    if row["event_date"] is None:
        return None
    persons = people(row["actors"])
    if not recognisable(row["location"], persons):
        return None
    return EventSketch(row["event_id"], row["article_id"], row["plover_type"], row["mode"],
                       row["event_date"], row["date_precision"], row["location"], persons)


def assign_event_keys(rows: list[dict]) -> None:
    """One `event_key` per real-world event across the corpus (in place)."""
    keys = cluster_event_keys([sketch for row in rows if (sketch := sketch_event(row))])
    for row in rows:
        row["event_key"] = keys.get(row["event_id"], row["event_key"])


def cluster_event_keys(sketches: list[EventSketch]) -> dict[str, str]:
    """event_id -> the key shared by the rows that report one real-world event (rows that
    stand alone keep their own key and are left out).

    Two rows are the same event when their type agrees (and their mode, where both have one),
    their dates can be the same day, and they share the city or at least two people (states
    are shared by every report of a story, so they do not identify an event)."""
    parent = list(range(len(sketches)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = {}
    for i, sketch in enumerate(sketches):
        by_type.setdefault(sketch.plover_type, []).append(i)
    for members in by_type.values():
        members.sort(key=lambda i: _interval(sketches[i])[0])
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if _interval(sketches[j])[0] > _interval(sketches[i])[1]:
                    break  # sorted by start: no later row can overlap
                if _same_happening(sketches[i], sketches[j]):
                    parent[root(j)] = root(i)
    clusters: dict[int, list[EventSketch]] = {}
    for i, sketch in enumerate(sketches):
        clusters.setdefault(root(i), []).append(sketch)
    return {sketch.event_id: key for members in clusters.values() if len(members) > 1
            for key in [_cluster_key(members)] for sketch in members}


def _interval(sketch: EventSketch) -> tuple[date, date]:
    width = timedelta(days=_HALF_WIDTH.get(sketch.date_precision, 0))
    return sketch.event_date - width, sketch.event_date + width


def _same_happening(a: EventSketch, b: EventSketch) -> bool:
    if a.article_id == b.article_id or (a.mode and b.mode and a.mode != b.mode):
        return False
    return same_identity(a.location, a.people, b.location, b.people)


def people(actors) -> frozenset[str]:
    """The persons among actors: neither a state nor a group of the lexicons."""
    groups = {name for _, name in _groups()}
    return frozenset(name_key(a) for a in actors
                     if a not in lexicon().countries and a not in groups)


def name_key(name: str) -> str:
    """A name for comparing across articles: "François Hollande" = "Francois Hollande"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cluster_key(members: list[EventSketch]) -> str:
    first = min(members, key=lambda m: (m.date_precision != "day", m.event_date))
    places = sorted({m.location for m in members if m.location})
    basis = f"{first.plover_type}|{first.event_date}|{','.join(places)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
