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

from flows.stages.conjugation import INSEPARABLE, PARTICIPLE, strong_verbs
from flows.stages.events.clauses import clauses
from flows.stages.events.lexicon import grammar, lexicon
from flows.stages.places import is_place
from flows.stages.temporal import (
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    DateValue,
    find_expressions,
)
from flows.stages.text import paragraphs, sentences_with_quotes

# A clause reports the past when it has a past auxiliary or a perfect ("hat ... beschlossen");
# the future, plans and deadlines do not, nor a date after "für", "zum", "bis" ... The words
# are in flows/data/grammar_de.toml ([dates]).
_PARTICIPLE = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|frei|mit|nach|vor|weg|zu|zurück|"
                         r"zusammen)?ge\w{2,}(?:t|en)$")
# "verweigert", "protestiert": participles only where they close the clause ("haben ...
# verweigert"), for they are spelt like the present ("begeistert") and adjectives ("bekannt")
_PREFIXED_PARTICIPLE = re.compile(r"^(?:(?:be|emp|ent|er|miss|ver|zer)\w{3,}t|\w{3,}iert)$")
_TARGET = re.compile(r"\b(?:für|zum|zur|bis|ab|auf|seit|zwischen|vor|nach|Anfang|Ende|Mitte|"
                     r"spätestens|frühestens|bereits|ab dem|ab|fällig(?: am)?|gültig(?: bis)?|"
                     r"Laufzeit bis)\s+(?:den\s+|dem\s+|Ende\s+)?$", re.IGNORECASE)
_RANGE_END = re.compile(r"\bzwischen\s[^.]{1,40}\sund\s+$")  # "zwischen Oktober 2023 und Juni
# 2024": a span, whose end may be to come
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SLACK = timedelta(days=2)  # a late date line, a time zone
_NEWS_REACH = timedelta(days=31)  # news reports what happened in the last weeks
_NAMED_REACH = timedelta(days=2 * 365)  # a date named in the present tense: not years ahead
_PLAN_SLACK = timedelta(days=366)  # a plan can be reported after its time has passed
_TOLD_AGAIN = timedelta(days=366)  # what happened is told again for a year or so
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
    recent: bool = False  # named with its weekday ("am Samstag, den 09.04.2005")

    @property
    def not_before(self) -> date:
        """The earliest publication this date allows."""
        if self.planned:
            return self.value.earliest - _PLAN_REACH
        return self.value.earliest - _NAMED_REACH if self.named else self.value.earliest

    @property
    def not_after(self) -> date:
        """The latest publication that would still tell of it so."""
        if self.recent:  # a weekday is named for the days a report tells, or anniversaries
            return self.value.latest + _NAMED_REACH
        return self.value.latest + (_PLAN_SLACK if self.planned else _TOLD_AGAIN)


def past_dates(text: str) -> list[PastDate]:
    found = []
    for _, paragraph in paragraphs(text):
        if not _YEAR.search(paragraph):
            continue  # most paragraphs name no year: nothing to read
        for sentence, _quotes in sentences_with_quotes(paragraph):
            words = paragraph[sentence.start:sentence.end]
            if not _YEAR.search(words):
                continue
            expressions = [e for e in find_expressions(words, None) if e.value is not None]
            found += [PastDate(e.value, e.text) for e in expressions if _since(words, e)]
            found += [PastDate(e.value, e.text, named=True, recent=True) for e in expressions
                      if _with_its_weekday(words, e)]
            expressions = [e for e in expressions if _names_a_time(words, e)
                           and not _target(words, e)
                           and not _RANGE_END.search(words[max(0, e.start - 50):e.start])]
            if expressions:
                found += _in_past_clauses(words, expressions)
    return found


_WEEKDAY_BEFORE = re.compile(WEEKDAY_PATTERN + r",?\s+(?:den\s+|dem\s+)?\(?$")


def _with_its_weekday(sentence: str, expression) -> bool:
    """"am Samstag, den 09.04.2005": a day with its year and its (right) weekday. News names
    the weekdays of the days it reports, not of those years back."""
    if expression.value.precision != "day" or not _YEAR.search(expression.text):
        return False
    weekday = re.search(WEEKDAY_PATTERN, expression.text) or _WEEKDAY_BEFORE.search(
        sentence[max(0, expression.start - 20):expression.start])
    return bool(weekday) and \
        WEEKDAYS[weekday.group("weekday").lower()] == expression.value.earliest.weekday()


_SINCE = re.compile(r"\b[Ss]eit\s+(?:dem\s+|Anfang\s+|Mitte\s+|Ende\s+)?$")


_NIGHT_SPAN = re.compile(r"\bvom\s+\d{1,2}\.\s+auf\s+den\s+$")


def _target(sentence: str, expression) -> bool:
    """A date that something is for or due by ("für 2007", "bis zum 30.06.", "auf 2016
    verschoben"); but "in der Nacht vom 10. auf den 11. Mai" says when."""
    before = sentence[max(0, expression.start - 20):expression.start]
    return bool(_TARGET.search(before)) and not _NIGHT_SPAN.search(before)


def _since(sentence: str, expression) -> bool:
    """"seit 2003", "seit dem 3. Mai 2006": whatever the tense, that time has begun."""
    return bool(_SINCE.search(sentence[max(0, expression.start - 20):expression.start]))


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
        if before and before[-1].lower() in _words("count_words"):
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
    if len(before) > 1 and before[-1] in ("den", "dem") and (
            before[-2].rstrip(",").lower() in WEEKDAYS or before[-2] == "auf"):
        return True  # "am Samstag, den 09.04.2005", "in der Nacht vom 10. auf den 11. Mai"
    if before and before[-1].lower() in _words("definite_articles"):
        return False
    if before and before[-1].lower() in _words("date_prepositions"):
        before = before[:-1]
    elif expression.text.split()[0].lower() in _words("date_prepositions") and before and \
            is_place(before[-1]):
        return True  # "in Fahrtrichtung München am Freitag, den 27. Juli 2007 gesperrt"
    return not _after_a_noun(before)




def _after_a_noun(before: list[str]) -> bool:
    return len(before) > 1 and before[-1][:1].isupper() and before[-1].isalpha()


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(grammar()["dates"][kind])


def _is_verb_like(word: str) -> bool:
    lower = word.lower()
    return lower in _words("past_auxiliaries") or lower in _words("perfect_auxiliaries")


def _in_past_clauses(sentence: str, expressions: list) -> list[PastDate]:
    _, clause_list = clauses(sentence)
    result = []
    for expression in expressions:
        clause = next((c for c in clause_list if any(
            t.start <= expression.start < t.end for t in c.tokens)), None)
        if clause is None:
            continue
        words = [t.lower for t in clause.tokens]
        tokens = clause.tokens
        if clause.opener in ("den", "dem") and not any(
                t.text == t.lower and t.text.isalpha() for t in tokens[1:]):
            # an apposition of a day ("am Samstag, den 9.4.2005, ..."): the main clause's
            tokens = tuple(t for c in clause_list if not c.opener for t in c.tokens)
        if _reports_past(tokens) and _adverbial(sentence, expression):
            result.append(PastDate(expression.value, expression.text))
        elif _plans_for(words) and not _after_a_past_marker(sentence, expression):
            result.append(PastDate(expression.value, expression.text, planned=True))
        elif expression.value.precision in ("day", "month") and _words("not_past").isdisjoint(
                words) and _adverbial(sentence, expression):
            result.append(PastDate(expression.value, expression.text, named=True))
    return result


def _after_a_past_marker(sentence: str, expression) -> bool:
    """"Maße wie zuletzt 1997": a past year inside a plan."""
    before = sentence[max(0, expression.start - 30):expression.start].split()
    return bool(before) and before[-1].lower() in _words("past_markers")


def _plans_for(words: list[str]) -> bool:
    """A plan ("ist für 2007 geplant", "soll 2007 eröffnet werden"), not hearsay of the past
    ("soll 2008 ... gegründet haben") nor a wish ("sollen wieder Maße wie zuletzt 1997
    erreichen"): "soll" counts only with a future "werden"."""
    if not _words("hearsay_perfect").isdisjoint(words):
        return False
    if not _words("plan_words").isdisjoint(words):
        return True
    return not _words("plan_modals").isdisjoint(words) and "werden" in words


def _reports_past(tokens) -> bool:
    """A past auxiliary, a perfect ("haben ... verweigert") or a strong verb in the simple
    past ("hielt sich ... auf"), and no future, modal or plan."""
    words = [t.lower for t in tokens]
    if _hearsay_of_the_past(words):
        return True  # "soll ... bestätigt haben"
    if _words("not_past").intersection(words):
        return False
    if _words("past_auxiliaries").intersection(words):
        return True
    verbs = [t.lower for t in tokens if t.text == t.lower]  # verbs are written in lower case
    if _words("perfect_auxiliaries").intersection(words) and (any(
            _PARTICIPLE.match(w) or w in _lexicon_participles() for w in verbs)
            or _closing_participle(tokens)):
        return True
    return any(w in _strong_past_forms() for w in verbs)


def _closing_participle(tokens) -> bool:
    words = [t for t in tokens if t.text.isalpha()]
    auxiliaries = _words("perfect_auxiliaries") | _words("past_auxiliaries")
    while words and words[-1].lower in auxiliaries:
        words.pop()
    return bool(words) and words[-1].text == words[-1].lower and \
        bool(_PREFIXED_PARTICIPLE.match(words[-1].lower))


def _hearsay_of_the_past(words: list[str]) -> bool:
    """"soll ... bestätigt haben", "sollen ... festgenommen worden sein" (not "2010 sollen es
    350.000 sein": a plan)."""
    if _words("plan_modals").isdisjoint(words):
        return False
    return any(w in ("haben", "sein") and i and _PARTICIPLE.match(words[i - 1])
               for i, w in enumerate(words))


@cache
def _strong_past_forms() -> frozenset[str]:
    """"hielt", "kamen", "erhielt", "verließen", "ankam": the past of the strong verbs, with
    inseparable prefixes and joined particles."""
    prefixes = ("", *INSEPARABLE, *_words("joined_particles"))
    pasts = {past for _, past, _ in strong_verbs().values()}
    plurals = {p + ("n" if p.endswith("e") else "en") for p in pasts}
    return frozenset(prefix + form for prefix in prefixes for form in pasts | plurals)


@cache
def _lexicon_participles() -> frozenset[str]:
    """Participles of the event lexicon's verbs, also those without "ge" ("beschlossen")."""
    lex = lexicon()
    forms = {form for form, entries in lex.verbs.items()
             if any(verb.kind == PARTICIPLE for verb, _ in entries)}
    return frozenset(forms | {f for f, verb in lex.support.items() if verb.kind == PARTICIPLE})


@dataclass(frozen=True, slots=True)
class WeekdayDate:
    """A day and month with its weekday and no year ("am Dienstag, dem 3. Mai"): only some
    years have that weekday on that day."""
    weekday: int
    month: int
    day: int
    text: str

    def in_year(self, year: int) -> date | None:
        try:
            day = date(year, self.month, self.day)
        except ValueError:
            return None
        return day if day.weekday() == self.weekday else None

    def window(self, day: date) -> tuple[date, date]:
        """When an article that names this day can have been published."""
        return day - _YEARLESS_AHEAD, day + _YEARLESS_BACK

    def near(self, raw: DateValue) -> bool:
        """The raw date could be from the year before this day or the weeks after it."""
        return any(raw.earliest - _YEARLESS_BACK <= day <= raw.latest + _YEARLESS_AHEAD
                   for year in range(raw.earliest.year - 1, raw.latest.year + 2)
                   if (day := self.in_year(year)))


_WEEKDAY_DATE = re.compile(
    WEEKDAY_PATTERN + r",?\s+(?:den\s+|dem\s+)?\(?(?P<day>[0-3]?\d)\.\s*" + MONTH_PATTERN
    + r"(?![\s\d]*(?:19|20)\d\d)")
_YEARLESS_AHEAD = timedelta(days=62)  # "am Dienstag, dem 3. Mai" announced weeks ahead
_YEARLESS_BACK = timedelta(days=366)  # ... or told again months later ("vor sieben Monaten")
_WEEKDAY_YEARS = 8  # how far from the raw year a repair looks for the weekday's year


def weekday_dates(text: str) -> list[WeekdayDate]:
    return [WeekdayDate(WEEKDAYS[m.group("weekday").lower()],
                        MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")),
                        m.group(0))
            for m in _WEEKDAY_DATE.finditer(text) if 1 <= int(m.group("day")) <= 31]


@dataclass(frozen=True, slots=True)
class TextVerdict:
    """What the text's own dates say about a raw date: None where they say nothing."""
    earliest: date  # the publication is not before this
    latest: date
    reason: str


def judge(raw: DateValue, dates: list[PastDate], weekdays: list[WeekdayDate] = ()
          ) -> TextVerdict | None:
    """A contradiction when the raw date lies before something the text reports as past,
    after what it plans, or in a year where its weekday dates fall on other weekdays.

    (A raw date years after the latest such date is not taken as contradicted: on the dated
    Wikinews articles that rule misfired on 16 of 357 right dates, background history.)"""
    return _by_dates(raw, dates) or _by_weekday(raw, weekdays)


def _by_weekday(raw: DateValue, weekdays: list[WeekdayDate]) -> TextVerdict | None:
    wrong = next((w for w in weekdays if not w.near(raw)), None)
    if wrong is None:
        return None
    years = range(raw.earliest.year - _WEEKDAY_YEARS, raw.latest.year + _WEEKDAY_YEARS + 1)
    days = [day for year in years if (day := wrong.in_year(year))]
    if not days:
        return None  # no year has it: a slip of the text, not evidence
    reason = (f"names '{wrong.text}', a weekday that day has not in the year of the raw date; "
              f"it has in {', '.join(str(day.year) for day in days)}")
    return TextVerdict(wrong.window(days[0])[0], wrong.window(days[-1])[1], reason)


def _by_dates(raw: DateValue, dates: list[PastDate]) -> TextVerdict | None:
    reported = [d for d in dates if not d.planned]
    if reported:
        latest = max(reported, key=lambda d: d.not_before)
        if latest.not_before > raw.latest + _SLACK:
            how = "names" if latest.named else "reports"
            reason = (f"{how} '{latest.text}'{'' if latest.named else ' as past'}; the raw "
                      f"date is {_distance(latest.value.earliest - raw.latest)} earlier")
            return TextVerdict(*text_bounds(dates), reason)
    recent = [d for d in dates if d.recent]
    if recent:
        last = max(recent, key=lambda d: d.not_after)
        if raw.earliest > last.not_after:
            reason = (f"names '{last.text}' with its weekday (news names the weekdays of the "
                      f"days it reports); the raw date is "
                      f"{_distance(raw.earliest - last.value.latest)} later")
            return TextVerdict(*text_bounds(dates), reason)
    planned = [d for d in dates if d.planned]
    if planned:
        soonest = min(planned, key=lambda d: d.value.latest)
        if soonest.value.latest + _PLAN_SLACK < raw.earliest:
            reason = (f"plans for '{soonest.text}'; the raw date is "
                      f"{_distance(raw.earliest - soonest.value.latest)} later")
            return TextVerdict(*text_bounds(dates), reason)
    return None


def text_bounds(dates: list[PastDate]) -> tuple[date, date]:
    """When the publication can be, by every date of the text together: after the latest
    lower bound, by the soonest plan, else within a year of the latest date (what happened
    long before is background and bounds nothing)."""
    earliest = max(d.not_before for d in dates)
    latest = min([max(d.not_after for d in dates), *(d.not_after for d in dates if d.planned)])
    return (earliest, latest) if earliest <= latest else (earliest, earliest + _TOLD_AGAIN)


def narrow(bounds: tuple[date, date], dates: list[PastDate], weekdays: list[WeekdayDate]
           ) -> tuple[date, date, date]:
    """(earliest, best estimate, latest) of a publication known to lie within `bounds`: the
    text's own dates narrow it where they agree with it; the best estimate is the latest day
    the text names in it (news is written in the days after what it tells)."""
    if dates:
        bounds = _overlap(bounds, text_bounds(dates)) or bounds
    windows = [(day, weekday.window(day)) for weekday in weekdays
               for year in range(bounds[0].year - 1, bounds[1].year + 2)
               if (day := weekday.in_year(year)) and _overlap(bounds, weekday.window(day))]
    days = [d.value.earliest for d in dates if d.value.precision == "day" and not d.planned]
    if len({window for _, window in windows}) == 1:  # one year has the weekday: that one
        bounds = _overlap(bounds, windows[0][1]) or bounds
        days.append(windows[0][0])
    inside = [day for day in days if bounds[0] <= day <= bounds[1]]
    return bounds[0], max(inside, default=bounds[0]), bounds[1]


def _overlap(first: tuple[date, date], second: tuple[date, date]) -> tuple[date, date] | None:
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if start <= end else None


def _distance(delta: timedelta) -> str:
    years = delta.days // 365
    return f"{years} year{'s' if years > 1 else ''}" if years else f"{delta.days} days"
