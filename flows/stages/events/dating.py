"""Dating what a text says happened: a time word in the trigger's own clause gives the date;
with none, the paragraph's time goes on, else a report is dated to the publication day at
precision "approx". A time word after the publication marks a plan, not an event.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from flows.stages.events.lexicon import grammar
from flows.stages.events.records import APPROX, Event, Mention
from flows.stages.events.triggers import noun_senses
from flows.stages.places import is_place
from flows.stages.temporal import TemporalExpression, find_expressions

_FUTURE_SLACK = timedelta(days=1)


def date_mentions(mentions: list[Mention], reference: date | None) -> list[Event]:
    found: dict[str, list[TemporalExpression]] = {}
    narrative: dict[tuple[str, int], Event] = {}  # the last dated event of a paragraph
    last_of_kind: dict[tuple[str, str | None], int] = {}  # where in `events`
    events: list[Event] = []
    for mention in mentions:
        if mention.masked not in found:
            found[mention.masked] = when_it_happened(
                mention.masked, find_expressions(mention.masked, reference))
        event = _dated(mention, found[mention.masked], reference)
        if event is None:
            continue
        where = (mention.field, mention.paragraph)
        if event.date_text:
            if event.event_date is not None and not _looks_back(mention.masked, event.date_text) \
                    and (not mention.repeated or event.date_precision == "day"):
                narrative[where] = event
        elif where in narrative and not mention.present_tense:
            # no time word: the paragraph's past time goes on
            before = narrative[where]
            event = replace(event, event_date=before.event_date,
                            date_precision=before.date_precision)
        if mention.no_party:
            continue
        kind = (mention.plover_type, mention.mode)
        if mention.repeated:
            told = last_of_kind.get(kind)
            if told is not None and not events[told].date_text and event.date_text and \
                    event.date_precision == "day":  # "Die Demonstration am Samstag ..."
                events[told] = replace(events[told], event_date=event.event_date,
                                       date_precision=event.date_precision,
                                       date_text=event.date_text)
            continue
        last_of_kind[kind] = len(events)
        events.append(event)
    return events


def _looks_back(sentence: str, date_text: str) -> bool:
    """"vor einer Woche", "seit 2013": a look back or what has lasted since, not the time of
    the story that the paragraph goes on to tell."""
    if date_text.lower().startswith("vor "):
        return True
    before = sentence[:max(0, sentence.find(date_text))].split()
    return bool(before) and before[-1].lower() in grammar()["since_words"]


def _dated(mention: Mention, expressions: list[TemporalExpression],
           reference: date | None) -> Event | None:
    low, high = mention.clause_span
    own = [e for e in expressions if e.start < high and low < e.end] or \
        [e for e in expressions if any(a <= e.start < b for a, b in mention.shared_time)]
    if mention.past_tense and reference:  # a time to come is what the act was for
        own = [e for e in own if not _after(e, reference)]
    own = [e for e in own if not _dates_a_report(mention.masked, e)] or own
    when = min(own, key=lambda e: abs(e.start - mention.trigger_at), default=None)
    if when is None:
        day, precision, text = reference, (APPROX if reference else None), ""
    else:
        value = when.value
        day = value.best if value else None
        precision = value.precision if value else None
        text = when.text
        if day and reference and _after(when, reference):
            return None  # a time still to come: a plan, not an event
    description = mention.trigger + (f" in {mention.location}" if mention.location else "")
    return Event(mention.plover_type, mention.mode, description, day, precision, text,
                 mention.actors, mention.targets, mention.location, mention.casualties,
                 mention.evidence, mention.field, mention.char_start,
                 mention.char_start + len(mention.evidence))


def _after(expression: TemporalExpression, reference: date) -> bool:
    value = expression.value
    return bool(value and value.best and value.earliest > reference + _FUTURE_SLACK)


_NOT_WHEN = re.compile(r"\b(?:bis|für|ab|spätestens|zwischen|Frist)\b", re.IGNORECASE)


def when_it_happened(sentence: str, expressions: list[TemporalExpression]
                      ) -> list[TemporalExpression]:
    """Drop deadlines and ranges ("bis Ende des Jahres", "für Ende 2026"): they say when
    something is due, not when it happened."""
    return [e for e in expressions
            if not _NOT_WHEN.search(" ".join([*sentence[max(0, e.start - 120):e.start]
                                              .split()[-4:], e.text.split()[0]]))
            and not _names_a_thing(sentence, e)]


_OF_DATE = re.compile(r"(?<=[\w,] )(?P<noun>[A-ZÄÖÜ][\w\-]*) "
                      r"(?:(?:des|der) (?:[a-zäöüß][\w\-]* ){0,2}[A-ZÄÖÜ][\w\-]* )?(?:von|vom) $")


def _dated_noun(sentence: str, expression: TemporalExpression) -> str | None:
    """The noun a date belongs to ("das Gesetz von 1961", "ein Bericht des Ministeriums vom
    November"), or None for a date of the clause, a time span or a means ("Mit Gesetz vom 1.
    September wurden ...")."""
    first = expression.text.split()[0]
    words = sentence[max(0, expression.start - 120):expression.start].split()[-6:]
    if first.lower() in ("von", "vom"):
        words.append(first)
    found = _OF_DATE.search(" ".join(words) + " ")
    after = sentence[expression.start + len(expression.text):].lstrip()
    if not found or after.startswith("bis "):
        return None
    means = " ".join(words)[:found.start("noun")].split()[-1:]
    return None if [w.lower() for w in means] in (["mit"], ["per"], ["durch"]) \
        else found.group("noun")


def _names_a_thing(sentence: str, expression: TemporalExpression) -> bool:
    """"das Reichsvermögensgesetz von 1961", "der Präsidentenwahl vom 12. Juni": the date says
    which law or election, not when the clause's act happened; but "die Razzien vom Freitag",
    "in der Nacht vom Samstag", "in einem Schreiben vom 20. Oktober" say when."""
    noun = _dated_noun(sentence, expression)
    g = grammar()
    return noun is not None and noun not in g["time_nouns"] and \
        noun not in g["occasion_nouns"] and not _is_report(noun) and \
        not noun_senses(noun.lower()) and not is_place(noun)


def _dates_a_report(sentence: str, expression: TemporalExpression) -> bool:
    """"nach Polizeiangaben vom Sonntag": when it was reported, a bound for what happened."""
    noun = _dated_noun(sentence, expression)
    return noun is not None and _is_report(noun)


def _is_report(noun: str) -> bool:
    return noun.lower().endswith(tuple(grammar()["report_nouns"]))
