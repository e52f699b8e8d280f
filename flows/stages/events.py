"""Events: dated real-world happenings, typed with PLOVER, with actors, place and casualties.

Precision first: a sentence yields an event only when it has a trigger word from the lexicon
(flows/data/events.toml) and a temporal expression that says when it happened.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from flows.stages.entities import TOKEN, EntityIndex, country_of, lexicon
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import TemporalExpression, find_expressions
from flows.stages.text import paragraphs, quote_spans, sentence_spans, spans_within

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_CASUALTIES = re.compile(
    r"(?:(?:alle|mindestens|rund|etwa|fast|mehr als|über)\s+)?(?P<count>\d{1,3}(?:\.\d{3})*|\d+)"
    r"\s+(?:Menschen|Personen|Tote|Todesopfer|Zivilisten|Soldaten|Opfer|Insassen)"
    r"(?P<rest>[^.;]{0,80})")
_DEATH_WORDS = re.compile(r"getötet|ums Leben|starben|gestorben|tot\b|Tote|Todesopfer")
_FUTURE = re.compile(r"\b(?:wird|werden|werde|will|wollen|wolle|soll|sollen|plant|planen|"
                     r"geplant|kommenden|nächsten)\b")
_PLACE_PREPOSITIONS = {"in", "im", "nach", "aus", "über", "bei", "von", "vor"}
_LOCATION = re.compile(
    r"\b(?:in|im|nach|über|bei|aus)\s+(?:der\s+|dem\s+|den\s+)?"
    r"(?P<place>[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+)?)")


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    pattern: re.Pattern[str]


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
        pattern = re.compile(r"\b(?:" + "|".join(entry["words"]) + r")\b")
        result.append(Trigger(entry["type"], entry.get("mode"), pattern))
    return tuple(result)


def extract_events(body: str, reference: date | None, index: EntityIndex | None = None
                   ) -> list[Event]:
    index = index or EntityIndex.build(body)
    events = []
    for offset, paragraph in paragraphs(body):
        quotes = quote_spans(paragraph)
        sentences = sentence_spans(paragraph, quotes)
        for sentence, inner in zip(sentences, spans_within(sentences, quotes), strict=True):
            text = paragraph[sentence.start:sentence.end]
            masked = _mask_quotes(text, inner, sentence.start)
            events.extend(_sentence_events(text, masked, offset + sentence.start, reference,
                                           index))
    return events


def _mask_quotes(text: str, spans: list, shift: int) -> str:
    """Quoted words are not reported happenings: blank them out, keeping offsets."""
    chars = list(text)
    for span in spans:
        for i in range(span.start - shift, span.end - shift):
            chars[i] = " "
    return "".join(chars)


def _sentence_events(text: str, masked: str, start: int, reference: date | None,
                     index: EntityIndex) -> list[Event]:
    expressions = find_expressions(masked, reference, future=bool(_FUTURE.search(masked)))
    if not expressions:
        return []
    events, seen_types = [], set()
    for trigger in triggers():  # file order: the first trigger of a type wins
        match = trigger.pattern.search(masked)
        if not match or trigger.type in seen_types:
            continue
        seen_types.add(trigger.type)
        when = min(expressions, key=lambda e: abs(e.start - match.start()))
        events.append(_event(trigger, match, when, text, start, index))
    return events


def _event(trigger: Trigger, match: re.Match[str], when: TemporalExpression, text: str,
           start: int, index: EntityIndex) -> Event:
    location = _location(text)
    value = when.value
    description = match.group(0) + (f" in {location}" if location else "")
    return Event(
        plover_type=trigger.type, mode=trigger.mode, description=description,
        event_date=value.best if value else None,
        date_precision=value.precision if value else None,
        date_text=when.text, actors=tuple(_actors(text, index)), location=location,
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
