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
_NAMED_REACH = timedelta(days=2 * 365)  # a date named in the present tense: not years ahead
_PLAN_SLACK = timedelta(days=366)  # a plan can be reported after its time has passed
_PLAN_REACH = timedelta(days=3 * 365)  # plans look a few years ahead


@dataclass(frozen=True, slots=True)
class PastDate:
    """An explicit date with a year in a sentence that reports the past, or (`planned`) one
    that a plan is for ("soll 2007 eröffnet werden"): the publication is not before the first
    and not after the second."""
    value: DateValue
    text: str  # the expression as written
    planned: bool = False
    named: bool = False  # neither reported as past nor planned: news names days near it

    @property
    def not_before(self) -> date:
        """The earliest publication this date allows."""
        return self.value.earliest - _NAMED_REACH if self.named else self.value.earliest


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
                           if e.value is not None and _names_a_time(words, e)
                           and not _TARGET.search(words[max(0, e.start - 20):e.start])]
            if expressions:
                found += _in_past_clauses(words, expressions)
    return found


def _names_a_time(sentence: str, expression) -> bool:
    """A day or month with its year, or a year that says when something was done: not a
    count ("2000 Menschen", "rund 2005"), an object ("das Jahr 2020") or a noun's date ("die
    Mondlandung im Jahr 1969", "die Einführung in 2007")."""
    if expression.value.precision in ("day", "month"):
        return True
    if expression.value.precision != "year":
        return False
    before = sentence[max(0, expression.start - 40):expression.start].split()
    if expression.text[:1].isdigit():
        after = sentence[expression.end:expression.end + 30].split()
        if after and after[0][:1].isupper() and not _is_verb_like(after[0]):
            return False
        if before and before[-1].lower() in _COUNT_WORDS:
            return False
        if before and before[-1] == "in":
            before = before[:-1]
    elif not expression.text.lower().startswith("im "):
        return False
    return not _after_a_noun(before)


def _adverbial(sentence: str, expression) -> bool:
    """A date that says when the clause's act was done ("wurde am 3. Mai 2006 ..."), not a
    noun's ("die anstehende Wahl am 27.03.2011") or an object ("wurde der 22. Oktober als
    Termin genannt"): only those are past because the clause is."""
    before = sentence[max(0, expression.start - 40):expression.start].split()
    if before and before[-1].lower() in _ARTICLES:
        return False
    if before and before[-1].lower() in _DATE_PREPOSITIONS:
        before = before[:-1]
    return not _after_a_noun(before)


_ARTICLES = frozenset({"der", "die", "das", "den", "des"})
_DATE_PREPOSITIONS = frozenset({"am", "vom", "im", "in", "zum"})


def _after_a_noun(before: list[str]) -> bool:
    return len(before) > 1 and before[-1][:1].isupper() and before[-1].isalpha()


def _is_verb_like(word: str) -> bool:
    return word.lower() in _PAST_AUXILIARIES or word.lower() in _PERFECT_AUXILIARIES


_COUNT_WORDS = frozenset({"rund", "etwa", "ca", "ca.", "über", "mehr", "als", "knapp", "fast",
                          "insgesamt", "nur", "weitere", "weiteren", "je", "bis", "zu",
                          "von", "circa", "nummer", "nr.", "artikel"})


def _in_past_clauses(sentence: str, expressions: list) -> list[PastDate]:
    _, clause_list = clauses(sentence)
    result = []
    for expression in expressions:
        clause = next((c for c in clause_list if any(
            t.start <= expression.start < t.end for t in c.tokens)), None)
        if clause is None:
            continue
        words = [t.lower for t in clause.tokens]
        if _reports_past(words) and _adverbial(sentence, expression):
            result.append(PastDate(expression.value, expression.text))
        elif _plans_for(words):
            result.append(PastDate(expression.value, expression.text, planned=True))
        elif expression.value.precision in ("day", "month"):
            result.append(PastDate(expression.value, expression.text, named=True))
    return result


_PLAN_WORDS = frozenset({"soll", "sollen", "plant", "planen", "geplant", "voraussichtlich"})
_HEARSAY_PERFECT = frozenset({"haben", "sein", "worden", "hatte", "hatten", "wurde", "wurden",
                              "war", "waren"})


def _plans_for(words: list[str]) -> bool:
    """A plan ("soll 2007 eröffnet werden"), not hearsay of the past ("soll 2003 ...
    erschossen haben")."""
    return bool(_PLAN_WORDS.intersection(words)) and not _HEARSAY_PERFECT.intersection(words)


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
    reported = [d for d in dates if not d.planned]
    if reported:
        latest = max(reported, key=lambda d: d.not_before)
        if latest.not_before > raw.latest + _SLACK:
            how = "names" if latest.named else "reports"
            reason = (f"{how} '{latest.text}'{'' if latest.named else ' as past'}; the raw "
                      f"date is {_distance(latest.value.earliest - raw.latest)} earlier")
            return TextVerdict(latest.not_before, latest.value.latest + _NEWS_REACH, reason)
    planned = [d for d in dates if d.planned]
    if planned:
        soonest = min(planned, key=lambda d: d.value.latest)
        if soonest.value.latest + _PLAN_SLACK < raw.earliest:
            reason = (f"plans for '{soonest.text}'; the raw date is "
                      f"{_distance(raw.earliest - soonest.value.latest)} later")
            start = max([d.value.earliest for d in reported] or [soonest.value.earliest
                                                                 - _PLAN_REACH])
            return TextVerdict(min(start, soonest.value.latest), soonest.value.latest, reason)
    return None


def _distance(delta: timedelta) -> str:
    years = delta.days // 365
    return f"{years} year{'s' if years > 1 else ''}" if years else f"{delta.days} days"
