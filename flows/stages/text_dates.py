"""Dates the text itself gives for what already happened: evidence about the publication date.

An article cannot report as past what happened after it was published: an explicit date with a
year in a past-tense sentence ("am 3. Mai 2006 wurde ...") bounds the publication from below.
A contradicted raw date is bounded by that date and the weeks after it (news reports the last
days and weeks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from flows.stages.events.clauses import clauses
from flows.stages.events.lexicon import PARTICIPLE, lexicon
from flows.stages.temporal import DateValue, find_expressions
from flows.stages.text import paragraphs, sentences_with_quotes

# A clause reports the past when it has a past auxiliary or a perfect ("hat ... beschlossen");
# the future, plans and deadlines do not, nor a date after "für", "zum", "bis" ...
_PAST_AUXILIARIES = frozenset({"wurde", "wurden", "war", "waren", "hatte", "hatten", "starb",
                               "starben"})
_PERFECT_AUXILIARIES = frozenset({"hat", "haben", "ist", "sind", "habe", "sei", "seien"})
_PARTICIPLE = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|frei|mit|nach|vor|weg|zu|zurück|"
                         r"zusammen)?ge\w{2,}(?:t|en)$")
_NOT_PAST = frozenset({"wird", "werden", "soll", "sollen", "will", "wollen", "plant", "planen",
                       "geplant", "künftig", "voraussichtlich", "würde", "würden", "könnte",
                       "könnten", "muss", "müssen", "kann", "können"})
_TARGET = re.compile(r"\b(?:für|zum|zur|bis|ab|seit|zwischen|vor|nach|Anfang|Ende|Mitte|"
                     r"spätestens|frühestens|bereits|ab dem|ab)\s+(?:den\s+|dem\s+|Ende\s+)?$",
                     re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SLACK = timedelta(days=2)  # a late date line, a time zone
_NEWS_REACH = timedelta(days=31)  # news reports what happened in the last weeks


@dataclass(frozen=True, slots=True)
class PastDate:
    """An explicit date with a year in a sentence that reports the past."""
    value: DateValue
    text: str  # the expression as written


def past_dates(text: str) -> list[PastDate]:
    found = []
    for _, paragraph in paragraphs(text):
        if not _YEAR.search(paragraph):
            continue  # most paragraphs name no year: nothing to read
        for sentence, _quotes in sentences_with_quotes(paragraph):
            words = paragraph[sentence.start:sentence.end]
            if not _YEAR.search(words):
                continue
            expressions = [e for e in find_expressions(words, None)
                           if e.value is not None and e.value.precision in ("day", "month")
                           and not _TARGET.search(words[max(0, e.start - 20):e.start])]
            if expressions:
                found += _in_past_clauses(words, expressions)
    return found


def _in_past_clauses(sentence: str, expressions: list) -> list[PastDate]:
    _, clause_list = clauses(sentence)
    result = []
    for expression in expressions:
        clause = next((c for c in clause_list if any(
            t.start <= expression.start < t.end for t in c.tokens)), None)
        if clause is not None and _reports_past([t.lower for t in clause.tokens]):
            result.append(PastDate(expression.value, expression.text))
    return result


def _reports_past(words: list[str]) -> bool:
    if _NOT_PAST.intersection(words):
        return False
    if _PAST_AUXILIARIES.intersection(words):
        return True
    participles = _lexicon_participles()
    return bool(_PERFECT_AUXILIARIES.intersection(words)) and any(
        _PARTICIPLE.match(w) or w in participles for w in words)


@cache
def _lexicon_participles() -> frozenset[str]:
    """Participles of the event lexicon's verbs, also those without "ge" ("beschlossen")."""
    lex = lexicon()
    forms = {form for form, entries in lex.verbs.items()
             if any(verb.kind == PARTICIPLE for verb, _ in entries)}
    return frozenset(forms | {f for f, verb in lex.support.items() if verb.kind == PARTICIPLE})


@dataclass(frozen=True, slots=True)
class TextVerdict:
    """What the text's own dates say about a raw date: None where they say nothing."""
    earliest: date  # the publication is not before this
    latest: date
    reason: str


def judge(raw: DateValue, dates: list[PastDate]) -> TextVerdict | None:
    """A contradiction when the raw date lies before something the text reports as past.

    (A raw date years after the latest such date is not taken as contradicted: on the dated
    Wikinews articles that rule misfired on 16 of 357 right dates, background history.)"""
    if not dates:
        return None
    latest = max(dates, key=lambda d: d.value.earliest)
    if latest.value.earliest <= raw.latest + _SLACK:
        return None
    reason = (f"reports '{latest.text}' as past; the raw date is "
              f"{_distance(latest.value.earliest - raw.latest)} earlier")
    return TextVerdict(latest.value.earliest, latest.value.latest + _NEWS_REACH, reason)


def _distance(delta: timedelta) -> str:
    years = delta.days // 365
    return f"{years} year{'s' if years > 1 else ''}" if years else f"{delta.days} days"
