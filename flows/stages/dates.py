"""Publication date: parse the date the raw text gives and say how far it can be trusted.

Three steps: parse the raw date (`assess_publication_date`); check it against office holders
named in the text (`assess_with_text`); then, for articles whose date is missing or
contradicted, derive an interval from dated articles that report the same events
(`repair_dates`, a corpus-level step).
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from flows.stages.entities import EntityIndex, lexicon
from flows.stages.profiles import DATA_DIR
from flows.stages.temporal import DateValue, parse_date_value

if TYPE_CHECKING:
    from flows.stages.text_dates import PastDate, WeekdayDate

STATUSES = ("confirmed", "corrected", "inferred", "missing")


@dataclass(frozen=True, slots=True)
class PublicationDate:
    date_raw: str | None
    published_date: date | None
    published_earliest: date | None
    published_latest: date | None
    date_precision: str | None
    date_status: str
    date_evidence: str

    @classmethod
    def from_value(cls, raw: str | None, value: DateValue, status: str, evidence: str
                   ) -> PublicationDate:
        return cls(raw, value.best, value.earliest, value.latest, value.precision, status,
                   evidence)


def assess_publication_date(date_raw: str | None) -> PublicationDate:
    """The raw date as given, parsed; `confirmed` when it parses, `missing` otherwise."""
    if not date_raw:
        return PublicationDate(None, None, None, None, None, "missing",
                               "the text gives no publication date")
    value = parse_date_value(date_raw)
    if value is None:
        return PublicationDate(date_raw, None, None, None, None, "missing",
                               f"raw date {date_raw!r} could not be parsed")
    return PublicationDate.from_value(date_raw, value, "confirmed",
                                      f"raw date {date_raw!r} parsed ({value.precision})")


def assess_from_update(updated_raw: str | None) -> PublicationDate | None:
    """With no publication date, a page's last update ("Aktualisiert am 28. April 2023"):
    published on that day or in the weeks before."""
    value = parse_date_value(updated_raw) if updated_raw else None
    if value is None:
        return None
    earliest = value.earliest - _UPDATED_AFTER
    return PublicationDate(None, value.latest, earliest, value.latest,
                           _precision(earliest, value.latest), "inferred",
                           f"no publication date; updated {updated_raw!r}: published then or "
                           f"in the {_UPDATED_AFTER.days} days before")


_UPDATED_AFTER = timedelta(days=31)  # news pages are updated in the days after they appear


# --- checks against the text: office holders -----------------------------------------------

@dataclass(frozen=True, slots=True)
class Holder:
    """Someone the text names by an office they held only from `start` to `end`."""
    name: str
    role: str
    country: str
    start: date
    end: date | None

    def describe(self) -> str:
        term = f"{self.start} to {self.end}" if self.end else f"since {self.start}"
        office = f"{self.role} of {self.country}" if self.country else self.role
        return f"{self.name} is named {office} (in office {term})"


@cache
def _office_table() -> dict:
    with (DATA_DIR / "office_holders.toml").open("rb") as handle:
        return tomllib.load(handle)


def _office_holders() -> list[dict]:
    return _office_table()["holder"]


def _holds_role(office: str, role: str) -> bool:
    """"bundesaußenminister" holds "außenminister"; "vizepräsident" does not hold "präsident"."""
    return office == role or any(office == prefix + role
                                 for prefix in _office_table()["role_prefixes"])


def office_holders(index: EntityIndex) -> list[Holder]:
    """Office holders the article names with their office (a role word before the name)."""
    found = []
    for person in index.people.values():
        for entry in _office_holders():
            if not (person.name == entry["name"] or person.name.endswith(" " + entry["name"])):
                continue
            if not any(_holds_role(office, entry["role"]) for office in person.offices):
                continue
            if entry["country"] and person.countries and entry["country"] not in person.countries:
                continue
            found.append(Holder(person.name, entry["role"], entry["country"], entry["start"],
                                entry.get("end") or None))
    return found


def holders_interval(holders: list[Holder]) -> tuple[date, date] | None:
    """The time in which every named office holder was in office (all terms of one person
    and office taken together). A term still running ends today: nothing is published later."""
    if not holders:
        return None
    today = date.today()
    spans = [(min(h.start for h in terms), max((h.end or today) for h in terms))
             for terms in _by_office(holders).values()]
    start, end = max(s for s, _ in spans), min(e for _, e in spans)
    return (start, end) if start <= end else None


def contradictions(value: DateValue, holders: list[Holder]) -> list[Holder]:
    """Office holders none of whose terms in that office overlaps the raw date."""
    return [terms[0] for terms in _by_office(holders).values()
            if not any(h.start <= value.latest and (h.end is None or value.earliest <= h.end)
                       for h in terms)]


def _by_office(holders: list[Holder]) -> dict[tuple, list[Holder]]:
    grouped: dict[tuple, list[Holder]] = {}
    for holder in holders:
        grouped.setdefault((holder.name, holder.role, holder.country), []).append(holder)
    return grouped


def assess_with_text(date_raw: str | None, holders: list[Holder],
                     past: list[PastDate] = (), weekdays: list[WeekdayDate] = ()
                     ) -> PublicationDate:
    """The raw date, `confirmed` only if neither an office holder named in the text nor a
    date the text reports as past contradicts it.

    A contradicted date gets status `corrected` with the bounds the evidence gives; the corpus
    step (`repair_dates`) narrows that down when other articles report the same events."""
    assessed = assess_publication_date(date_raw)
    value = parse_date_value(date_raw) if date_raw else None
    if value is None:
        return assessed
    from flows.stages.text_dates import judge  # text_dates reads clauses: events imports us

    verdict = judge(value, list(past), list(weekdays)) if past or weekdays else None
    if verdict is not None:
        reason, bounds = verdict.reason, (verdict.earliest, verdict.latest)
        office = holders_interval(holders)
        if office:
            bounds = _intersect([bounds, office]) or bounds
    else:
        against = contradictions(value, holders)
        if not against:
            checked = "; consistent with " + ", ".join(h.describe() for h in holders) \
                if holders else ""
            return replace(assessed, date_evidence=assessed.date_evidence + checked)
        reason = "; ".join(h.describe() for h in against)
        bounds = holders_interval(holders)
        if bounds is None:
            return PublicationDate(date_raw, None, None, None, None, "missing",
                                   f"raw date {date_raw!r} contradicts the text: {reason}")
    return _corrected(date_raw, reason, bounds, past, weekdays)


def _corrected(date_raw: str, reason: str, bounds: tuple[date, date], past: list[PastDate],
               weekdays: list[WeekdayDate]) -> PublicationDate:
    from flows.stages.text_dates import narrow

    earliest, estimate, latest = narrow(bounds, list(past), list(weekdays))
    return PublicationDate(date_raw, estimate, earliest, latest, _precision(earliest, latest),
                           "corrected", f"raw date {date_raw!r} contradicts the text: "
                           f"{reason}; published {_span(earliest, latest)}, likely {estimate}")


def _precision(earliest: date, latest: date) -> str:
    span = (latest - earliest).days
    return "day" if span == 0 else "month" if span <= 31 else "year"


# --- checks against the corpus: events shared with dated articles ---------------------------

@dataclass(frozen=True, slots=True)
class EventClue:
    """What an article says about one happening, without knowing its own date."""
    type: str
    mode: str | None
    people: frozenset[str]  # persons among the actors (not states or groups)
    location: str | None
    month_day: tuple[int, int] | None  # "am 13. November" (no year)
    weekday: int | None  # "am Dienstag" (no date)
    future: bool
    text: str  # the trigger words, for the evidence


@dataclass(frozen=True, slots=True)
class DateClues:
    article_id: str
    source_file: str
    assessed: PublicationDate
    holders: tuple[Holder, ...]
    events: tuple[EventClue, ...]


_NEWS_DAYS = 7  # a report without a date is about the last days before publication
_YEARLESS_DAYS = 90  # "am 13. November" without a year: written within a quarter of that day


def repair_dates(articles: list[DateClues]) -> dict[str, PublicationDate]:
    """New dates for articles whose raw date is missing or contradicted by their text."""
    anchors = [(clues, event, interval) for clues in articles
               if clues.assessed.date_status == "confirmed"
               for event in clues.events
               if (interval := _anchor_interval(clues.assessed, event))]
    by_name = _anchors_by_name(anchors)
    repaired = {}
    for clues in articles:
        if clues.assessed.date_status in ("missing", "corrected"):
            result = _from_corpus(clues, anchors, by_name)
            if result:
                repaired[clues.article_id] = result
    return repaired


def _anchor_interval(published: PublicationDate, event: EventClue) -> tuple[date, date] | None:
    """When the event happened, given a trustworthy publication date."""
    if event.future or published.published_earliest is None:
        return None
    reference = published.published_latest
    if event.month_day:
        day = _nearest_day(event.month_day, reference)
        return (day, day) if day else None
    if event.weekday is not None:
        day = reference - timedelta(days=(reference.weekday() - event.weekday) % 7)
        return day, day
    return published.published_earliest - timedelta(days=1), reference


def _nearest_day(month_day: tuple[int, int], reference: date) -> date | None:
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, *month_day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days), default=None)


def for_corpus(clues: DateClues) -> DateClues:
    """What the corpus step needs to keep of an article: everything of one whose date is
    missing or contradicted; of any other, only the events another report could share."""
    if clues.assessed.date_status in ("missing", "corrected"):
        return clues
    return replace(clues, holders=(), events=tuple(e for e in clues.events if _can_match(e)))


def _can_match(event: EventClue) -> bool:
    return not event.future and recognisable(event.location, event.people)


def recognisable(location: str | None, people: frozenset[str]) -> bool:
    """Whether an event can be told from others of its type: by a city or two people (states
    are shared by every report of a story, so they do not identify an event)."""
    return location in lexicon().cities or len(people) >= 2


def same_identity(a_location: str | None, a_people: frozenset[str], b_location: str | None,
                  b_people: frozenset[str]) -> bool:
    """Two reports name the same city, or share two people."""
    same_city = a_location is not None and a_location == b_location and \
        a_location in lexicon().cities
    return same_city or len(a_people & b_people) >= 2


def _same_event(event: EventClue, anchor: EventClue, interval: tuple[date, date]) -> bool:
    if event.type != anchor.type or (event.mode and anchor.mode and event.mode != anchor.mode):
        return False
    if event.month_day and (interval[0] != interval[1] or
                            (interval[0].month, interval[0].day) != event.month_day):
        return False
    return same_identity(event.location, event.people, anchor.location, anchor.people)


def _anchors_by_name(anchors: list) -> dict[tuple[str, str], list[int]]:
    """Positions of the anchors per (event type, city or person): the only anchors an event
    can share (looking up, not scanning all, keeps the corpus step linear)."""
    index: dict[tuple[str, str], list[int]] = {}
    for position, (_, anchor, _) in enumerate(anchors):
        for name in {anchor.location, *anchor.people} - {None}:
            index.setdefault((anchor.type, name), []).append(position)
    return index


def _from_corpus(clues: DateClues, anchors: list, by_name: dict[tuple[str, str], list[int]]
                 ) -> PublicationDate | None:
    windows, reasons = [], []
    for event in clues.events:
        if event.future:
            continue
        names = {event.location, *event.people} - {None}
        positions = sorted({p for name in names for p in by_name.get((event.type, name), ())})
        for other, anchor, interval in (anchors[p] for p in positions):
            if other.article_id == clues.article_id or not _same_event(event, anchor, interval):
                continue
            reach = _YEARLESS_DAYS if event.month_day else _NEWS_DAYS
            windows.append((interval[0], interval[1] + timedelta(days=reach)))
            reasons.append(f"reports the {event.type} '{event.text}' that {other.source_file} "
                           f"dates to {_span(*interval)}")
    bounds = _best_supported(windows)
    if bounds is None:
        return None
    office = holders_interval(list(clues.holders))
    if office:
        bounds = _intersect([bounds, office]) or bounds
    bounds, weekday_reason = _by_weekdays(bounds, clues.events)
    status = "inferred" if clues.assessed.date_raw is None else "corrected"
    prefix = "no date in the text" if status == "inferred" else clues.assessed.date_evidence
    evidence = "; ".join([prefix, *reasons[:3], *filter(None, [weekday_reason])])
    return PublicationDate(clues.assessed.date_raw, bounds[0], bounds[0], bounds[1],
                           _precision(*bounds), status,
                           evidence + f"; published {_span(*bounds)}")


def _intersect(windows: list[tuple[date, date]]) -> tuple[date, date] | None:
    start, end = max(w[0] for w in windows), min(w[1] for w in windows)
    return (start, end) if start <= end else None


def _best_supported(windows: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The days most reports agree on; where different stretches tie, their hull.

    Reports can disagree (the same people agree twice in a month): then the honest answer is
    the span of the best-supported readings, which the weekday references may narrow."""
    if not windows:
        return None
    starts, ends = sorted(w[0] for w in windows), sorted(w[1] for w in windows)
    edges = sorted(set(starts) | set(ends))
    # windows covering a day: those that start by then, less those that ended before it
    coverage = [bisect_right(starts, day) - bisect_left(ends, day) for day in edges]
    best = max(coverage)
    best_days = [day for day, count in zip(edges, coverage, strict=True) if count == best]
    supported = [w for w in windows if _covers_one_of(w, best_days)]
    return min(w[0] for w in supported), max(w[1] for w in supported)


def _covers_one_of(window: tuple[date, date], days: list[date]) -> bool:
    """Whether the window holds one of the (sorted) days."""
    at = bisect_left(days, window[0])
    return at < len(days) and days[at] <= window[1]


def _by_weekdays(bounds: tuple[date, date], events: tuple[EventClue, ...]
                 ) -> tuple[tuple[date, date], str | None]:
    """News names weekdays only for the last days: "am Dienstag" is the first such day of the
    story (from one day before its earliest bound), and the article is from that week."""
    days = []
    for weekday in {e.weekday for e in events if e.weekday is not None and not e.future}:
        first = bounds[0] - timedelta(days=1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        if day <= bounds[1]:
            days.append(day)
    if not days:
        return bounds, None
    latest = max(days)
    narrowed = (max(bounds[0], latest), min(bounds[1], latest + timedelta(days=6)))
    if narrowed[0] > narrowed[1]:
        return bounds, None
    return narrowed, f"its weekday references then fall on {latest} ({latest:%A})"


def _span(start: date, end: date) -> str:
    return str(start) if start == end else f"{start} .. {end}"
