"""What an article says about each happening without its publication date: the clues the
date stage matches against other articles' events (flows/stages/dates.py)."""

from __future__ import annotations

import re

from flows.stages.dates import EventClue
from flows.stages.events.dating import date_mentions
from flows.stages.events.keys import people
from flows.stages.events.records import Mention
from flows.stages.temporal import MONTHS, WEEKDAYS

_YEARLESS_DAY = re.compile(r"(?P<day>[0-3]?\d)\.\s*(?P<month>[A-ZÄÖÜ][a-zäöü]+\.?)$")
_PLAIN_WEEKDAY = re.compile(r"[Aa]m\s+(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
                            r"Sonnabend|Sonntag)")


def event_clues(mentions: list[Mention]) -> list[EventClue]:
    """Events read without a publication date; those with an absolute date say nothing about
    the publication date and are left out."""
    clues = []
    for event in date_mentions(mentions, None):
        if event.event_date is not None:
            continue
        clues.append(EventClue(event.plover_type, event.mode, people(event.actors + event.targets),
                               event.location, _month_day(event.date_text),
                               _weekday(event.date_text), False,
                               event.description.split(" in ")[0]))
    return clues


def _month_day(text: str) -> tuple[int, int] | None:
    match = _YEARLESS_DAY.search(text)
    if not match or match.group("month").rstrip(".").lower() not in MONTHS:
        return None
    return MONTHS[match.group("month").rstrip(".").lower()], int(match.group("day"))


def _weekday(text: str) -> int | None:
    match = _PLAIN_WEEKDAY.fullmatch(text)
    return WEEKDAYS[match.group(1).lower()] if match else None
