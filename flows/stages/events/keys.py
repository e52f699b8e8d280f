"""One `event_key` per real-world event across the corpus."""

from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from flows.stages.dates import recognisable, same_identity
from flows.stages.entities import lexicon
from flows.stages.events.records import APPROX
from flows.stages.profiles import DATA_DIR

_HALF_WIDTH = {"day": 0, "week": 3, "month": 15, "year": 182}
_NEWS_DAYS = 7


@cache
def group_names() -> tuple[str, ...]:
    with (DATA_DIR / "actors.toml").open("rb") as handle:
        return tuple(tomllib.load(handle)["groups"])




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
    persons = people([*row["actors"], *row.get("targets", ())])
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
    """The days the event can have been on. An "approx" date is the publication day of a
    report: the event happened in the days before it."""
    if sketch.date_precision == APPROX:
        return sketch.event_date - timedelta(days=_NEWS_DAYS), sketch.event_date
    width = timedelta(days=_HALF_WIDTH.get(sketch.date_precision, 0))
    return sketch.event_date - width, sketch.event_date + width


def _same_happening(a: EventSketch, b: EventSketch) -> bool:
    if a.article_id == b.article_id or (a.mode and b.mode and a.mode != b.mode):
        return False
    return same_identity(a.location, a.people, b.location, b.people)


def people(actors) -> frozenset[str]:
    """The persons among actors: neither a state nor a group of the lexicons."""
    groups = set(group_names())
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
