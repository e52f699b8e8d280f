"""German temporal expressions: find them in text and resolve them against a reference date.

`parse_date_value` reads a date as a page or crawler gives it ("17. November 2015",
"18.09.2015, 22:08 Uhr", "2018-06"). `find_expressions` finds dates in running text
("am 13. November", "am Freitag", "kommenden Dienstag (24. November)", "Ende September") and
resolves each to an interval with a precision, given the article's publication date.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from flows.stages.profiles import DATA_DIR

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "mär": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}
with (DATA_DIR / "grammar_de.toml").open("rb") as _handle:
    _NUMBERS: dict[str, int] = tomllib.load(_handle)["numbers"]  # "drei" -> 3
_NUMBER_WORDS = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_MONTH = r"(?P<month>Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|" \
         r"Oktober|November|Dezember|Jan\.|Feb\.|Mär\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Okt\.|" \
         r"Nov\.|Dez\.)"
_WEEKDAY = r"(?P<weekday>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAY_PATTERN, MONTH_PATTERN = _WEEKDAY, _MONTH

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso_day", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
    # Page dumps glue words and dates together ("Publiziert17.12.2024", "30.01.202430. Januar"):
    # no \b before a day, and a year may run into the next date's day.
    ("numeric_day", re.compile(
        r"(?<!\d)(?P<day>[0-3]?\d)\. ?(?P<mon>[01]?\d)\. ?"
        r"(?P<year>(?:19|20)\d\d(?=\d{1,2}\.)|(?:19|20)\d\d(?!\d)|\d\d(?!\d))")),
    # "am heutigen Samstag", "am gestrigen Tag": the adjective says which day
    ("relative_day", re.compile(r"\b(?:[Aa]m\s+|[Vv]om\s+)?(?P<rel>heutigen|gestrigen|"
                                r"vorgestrigen|morgigen)\s+(?:Tag|" + _WEEKDAY + r")\b")),
    ("weekday", re.compile(
        r"\b(?:(?P<mod>[Kk]ommenden|[Nn]ächsten|[Vv]ergangenen|[Ll]etzten|[Vv]origen|[Dd]iesen|"
        r"[Aa]m|[Vv]om|[Ss]eit|[Bb]is|Nacht\s+zu[m]?|Nacht\s+auf(?:\s+den)?|"
        r"Nacht\s+von\s+\w+\s+auf(?:\s+den)?)\s+)?(?:(?:frühen|späten)\s+)?"
        + _WEEKDAY +
        r"(?:\s+(?P<week>kommender|nächster|vergangener|letzter|dieser)\s+Woche)?"
        r"(?:,?\s*(?:den\s+)?\(?(?P<day>[0-3]?\d)\.\s*" + _MONTH + r"(?:\s+" + _YEAR + r")?\)?)?"
    )),
    ("part_of_month", re.compile(
        r"\b(?P<part>Anfang|Mitte|Ende)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?")),
    ("day_month", re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.\s*" + _MONTH
                             + r"(?:\s+" + _YEAR + r")?")),
    ("month_year", re.compile(r"\b(?:im\s+)?" + _MONTH + r"\s+" + _YEAR + r"\b")),
    ("iso_month", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)\b(?!-\d)")),
    ("part_of_this_month", re.compile(
        r"\b(?P<part>Anfang|Mitte|Ende)\s+(?P<rel>des|dieses|vergangenen|letzten)\s+Monats\b")),
    # "im Frühjahr 2005", "Herbst 2009": a season of a year
    ("season", re.compile(r"\b(?:[Ii]m\s+)?(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)\s+"
                          + _YEAR + r"\b")),
    ("part_of_year", re.compile(
        r"\b(?P<part>Anfang|Mitte|Ende)\s+(?:(?P<rel>dieses|des|vergangenen|letzten|nächsten|"
        r"kommenden)\s+Jahres|" + _YEAR + r")")),
    ("relative_week", re.compile(
        r"\b(?:[Ii]n\s+der\s+|[Aa]m\s+|(?:[Aa]nfang|[Mm]itte|[Ee]nde)\s+)?(?P<rel>"
        r"[Vv]ergangenen|[Ll]etzten|[Kk]ommenden|[Nn]ächsten|[Dd]ieser|[Vv]ergangene|[Ll]etzte|"
        r"[Kk]ommende|[Nn]ächste|[Dd]iese|[Vv]orige|[Vv]origen|[Vv]ergangener|[Ll]etzter|"
        r"[Kk]ommender|[Nn]ächster)\s+(?P<unit>Woche|Wochenende)\b")),
    # "Anfang der Woche", "Mitte der Woche": this week
    ("part_of_this_week", re.compile(r"\b(?:[Aa]nfang|[Mm]itte|[Ee]nde)\s+(?P<rel>der)\s+"
                                     r"(?P<unit>Woche)\b")),
    ("weekend", re.compile(r"\b[Aa]m\s+Wochenende\b")),
    # "vor drei Jahren", "vor zwei Wochen", "vor einem Monat" (a number word or figure)
    ("ago", re.compile(r"\b[Vv]or\s+(?P<count>\d{1,3}|" + _NUMBER_WORDS + r")\s+(?P<unit>Tag|Tagen|"
                       r"Woche|Wochen|Monat|Monaten|Jahr|Jahren)\b")),
    # "Gestern", "Heute" open sentences; "Morgen" is "the morning" ("am Morgen")
    ("relative_day", re.compile(r"\b(?P<rel>[Vv]orgestern|[Gg]estern|[Hh]eute|morgen|"
                                r"[Üü]bermorgen)\b")),
    # "im vergangenen Jahr", "Letztes Jahr" (opening a sentence), "dieses Jahr"
    ("relative_year", re.compile(
        r"\b(?:[Ii]m\s+)?(?P<rel>[Vv]ergangenen|[Ll]etzten|[Vv]origen|[Dd]iesem|[Ll]aufenden|"
        r"[Kk]ommenden|[Nn]ächsten|[Vv]ergangenes|[Ll]etztes|[Vv]origes|[Dd]ieses|[Kk]ommendes|"
        r"[Nn]ächstes)\s+Jahr\b")),
    ("this_year", re.compile(r"\b[Hh]euer\b")),  # (Austrian) this year
    ("last_year", re.compile(r"\b[Ii]m\s+Vorjahr\b")),
    ("relative_month", re.compile(r"\b(?:[Ii]m\s+)?(?P<rel>vergangenen|letzten|vorigen)\s+"
                                  r"Monat\b")),
    ("month_only", re.compile(r"\b(?:[Ii]m|[Aa]nfang|[Mm]itte|[Ee]nde)\s+" + _MONTH + r"\b")),
    # not a number's part ("2012/34/EU", "2015/16")
    ("year_only", re.compile(r"\b(?:(?:[Ii]m\s+)?(?:Jahr(?:e)?\s+))?" + _YEAR
                             + r"\b(?![.\d]|/\d)")),
]


_YEARLESS_SLACK_DAYS = 3


@dataclass(frozen=True)
class DateValue:
    earliest: date
    latest: date
    precision: str  # day, week, month, year

    @property
    def best(self) -> date:
        return self.earliest if self.precision == "day" else \
            self.earliest + (self.latest - self.earliest) / 2


@dataclass(frozen=True)
class TemporalExpression:
    start: int
    end: int
    text: str
    value: DateValue | None  # None when it cannot be resolved without a reference date


# Metadata lines of German sites written in English ("Frankfurt, October 23, 2024"): dates
# only, never running text, where "May" or "March" would be other words.
_ENGLISH_MONTHS = {name: number for number, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), 1)}
_ENGLISH_DAY = re.compile(r"\b(?P<month>" + "|".join(_ENGLISH_MONTHS) + r")\s+(?P<day>[0-3]?\d)"
                          r",?\s+(?P<year>(?:19|20)\d\d)\b")


def parse_date_value(raw: str) -> DateValue | None:
    """The first absolute date in a metadata string; None if it has none."""
    for kind, pattern in [*_PATTERNS, ("english_day", _ENGLISH_DAY)]:
        if kind not in ("iso_day", "numeric_day", "day_month", "month_year", "iso_month",
                        "english_day"):
            continue
        match = pattern.search(raw)
        if match and match.groupdict().get("year"):
            value = _resolve(kind, match, reference=None, future=False)
            if value:
                return value
    return None


def find_expressions(text: str, reference: date | None, future: bool = False
                     ) -> list[TemporalExpression]:
    """Temporal expressions in text, earliest first, without overlaps.

    Patterns are tried in order of specificity; a match that overlaps an earlier pattern's
    match is dropped. `future`: the text speaks of what is to come, so a bare weekday is the
    next one.
    """
    return [TemporalExpression(start, end, match.group(0),
                               _resolve(kind, match, reference, future))
            for start, end, kind, match in _matches(text)]


# Every pattern needs a digit or one of these words: a text with none has no expression.
_DAY_PARTS = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "früh")
_TIME_WORDS = frozenset(
    word for name in [*MONTHS, *WEEKDAYS, "woche", "wochenende", "vorgestern", "gestern",
                      "heute", "heuer", "vorjahr", "morgen", "übermorgen", "heutigen", "gestrigen",
                      "vorgestrigen", "morgigen", "jahr", "jahre", "jahres", "monats",
                      "tagen", "wochen", "monat", "monaten", "jahren",
                      *(day + part for day in WEEKDAYS for part in _DAY_PARTS)]  # "Freitagabend"
    for word in (name, name.capitalize()))
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"\w+")


def may_have_time(text: str) -> bool:
    """False when the text surely has no temporal expression (a cheap look)."""
    return _DIGIT.search(text) is not None or not _TIME_WORDS.isdisjoint(_WORDS.findall(text))


@lru_cache(maxsize=1024)  # a sentence is read for its dates more than once (clues, dating)
def _matches(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    if not may_have_time(text):
        return ()
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        fresh = [(m.start(), m.end(), kind, m) for m in pattern.finditer(text)
                 if kind != "weekday" or m.group("mod") or m.group("day")]
        taken = _merge_without_overlaps(taken, fresh)
    return tuple(taken)


def _merge_without_overlaps(taken: list, fresh: list) -> list:
    """Both lists sorted by start; keep all of `taken`, and of `fresh` what overlaps nothing."""
    merged, i = [], 0
    for item in fresh:
        while i < len(taken) and taken[i][1] <= item[0]:
            merged.append(taken[i])
            i += 1
        if i < len(taken) and taken[i][0] < item[1]:
            continue
        merged.append(item)
    merged.extend(taken[i:])
    return merged


def _resolve(kind: str, match: re.Match[str], reference: date | None, future: bool
             ) -> DateValue | None:
    groups = match.groupdict()
    groups["future"] = future
    try:
        return _RESOLVERS[kind](groups, reference)
    except (ValueError, OverflowError):
        return None


def _year(groups: dict, reference: date | None, month: int, day: int = 1) -> int | None:
    if groups.get("year"):
        year = int(groups["year"])
        return year + 2000 if year < 100 else year
    if reference is None:
        return None
    # A date without a year is the last such day up to the reference (news looks back), or
    # the next one when the text speaks of the future; a few days' slack for late reports.
    slack = timedelta(days=_YEARLESS_SLACK_DAYS)
    years = [reference.year - 1, reference.year, reference.year + 1]
    if groups.get("future"):
        return min(y for y in years if _safe_date(y, month, day) >= reference - slack)
    return max(y for y in years if _safe_date(y, month, day) <= reference + slack)


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_number(groups: dict) -> int:
    if groups.get("mon"):
        return int(groups["mon"])
    name = groups["month"].rstrip(".")
    return _ENGLISH_MONTHS.get(name) or MONTHS[name.lower()]


def _day_value(groups: dict, reference: date | None) -> DateValue | None:
    month, day = _month_number(groups), int(groups["day"])
    year = _year(groups, reference, month, day)
    if year is None:
        return None
    day_date = date(year, month, day)
    return DateValue(day_date, day_date, "day")


def _month_value(groups: dict, reference: date | None) -> DateValue | None:
    month = _month_number(groups)
    year = _year(groups, reference, month)
    if year is None:
        return None
    last = calendar.monthrange(year, month)[1]
    return DateValue(date(year, month, 1), date(year, month, last), "month")


def _part_of_month(groups: dict, reference: date | None) -> DateValue | None:
    whole = _month_value(groups, reference)
    if whole is None:
        return None
    first, last = {"Anfang": (1, 10), "Mitte": (11, 20), "Ende": (21, 31)}[groups["part"]]
    start = whole.earliest.replace(day=first)
    return DateValue(start, _safe_date(start.year, start.month, last), "month")


def _part_of_year(groups: dict, reference: date | None) -> DateValue | None:
    if groups.get("year"):
        year = int(groups["year"])
    elif reference is None:
        return None
    else:
        shift = {"vergangenen": -1, "letzten": -1, "nächsten": 1, "kommenden": 1}
        year = reference.year + shift.get(groups.get("rel") or "", 0)
    months = {"Anfang": (1, 4), "Mitte": (5, 8), "Ende": (9, 12)}[groups["part"]]
    return DateValue(date(year, months[0], 1), _safe_date(year, months[1], 31), "year")


_SEASONS = {"Frühjahr": (3, 5), "Frühling": (3, 5), "Sommer": (6, 8), "Herbst": (9, 11),
            "Winter": (12, 14)}  # winter runs into the next year


def _season(groups: dict, _reference: date | None) -> DateValue | None:
    year = int(groups["year"])
    first, last = _SEASONS[groups["season"]]
    end = _safe_date(year + (last - 1) // 12, (last - 1) % 12 + 1, 31)
    return DateValue(date(year, first, 1), end, "year")


def _weekday_value(groups: dict, reference: date | None) -> DateValue | None:
    mod = (groups.get("mod") or "").lower()  # ("Letzten Freitag"; "in der Nacht zum Sonntag":
    # that day, looking back like "am Sonntag")
    if groups.get("day"):  # "kommenden Dienstag (24. November)": the date, forward if told
        ahead = mod in ("kommenden", "nächsten") or \
            groups.get("week") in ("kommender", "nächster")
        return _day_value({**groups, "future": groups["future"] or ahead}, reference)
    if reference is None:
        return None
    weekday = WEEKDAYS[groups["weekday"].lower()]
    week_shift = {"kommender": 1, "nächster": 1, "vergangener": -1, "letzter": -1}
    if groups.get("week") in week_shift:
        monday = reference - timedelta(days=reference.weekday())
        day = monday + timedelta(weeks=week_shift[groups["week"]], days=weekday)
    elif mod in ("kommenden", "nächsten") or groups["future"]:
        day = reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    elif mod in ("vergangenen", "letzten", "vorigen"):
        day = reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    else:
        # News reports mostly look back: "am Freitag" is the latest Friday up to today.
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return DateValue(day, day, "day")


def _relative_week(groups: dict, reference: date | None) -> DateValue | None:
    if reference is None:
        return None
    rel = re.sub(r"(?:en|er|e)$", "", groups["rel"].lower())  # "vergangener", "vorige"
    shift = {"vergangen": -1, "letzt": -1, "vorig": -1, "kommend": 1, "nächst": 1}.get(rel, 0)
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
    if groups["unit"] == "Wochenende":
        return DateValue(monday + timedelta(days=5), monday + timedelta(days=6), "week")
    return DateValue(monday, monday + timedelta(days=6), "week")


def _weekend(_groups: dict, reference: date | None) -> DateValue | None:
    if reference is None:
        return None
    saturday = reference - timedelta(days=(reference.weekday() - 5) % 7)
    return DateValue(saturday, saturday + timedelta(days=1), "week")


def _relative_day(groups: dict, reference: date | None) -> DateValue | None:
    if reference is None:
        return None
    shift = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2,
             "vorgestrigen": -2, "gestrigen": -1, "heutigen": 0, "morgigen": 1}
    day = reference + timedelta(days=shift[groups["rel"].lower()])
    return DateValue(day, day, "day")


def _year_value(groups: dict, _reference: date | None) -> DateValue | None:
    year = int(groups["year"])
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year")


def _relative_year(groups: dict, reference: date | None) -> DateValue | None:
    if reference is None:
        return None
    shift = {"vergangen": -1, "letzt": -1, "vorig": -1, "kommend": 1, "nächst": 1}
    stem = groups["rel"].lower().rstrip("nms").removesuffix("e")  # without its case ending
    return _year_value({"year": reference.year + shift.get(stem, 0)}, reference)


def _this_year(_groups: dict, reference: date | None) -> DateValue | None:
    return None if reference is None else _year_value({"year": reference.year}, reference)


def _last_year(_groups: dict, reference: date | None) -> DateValue | None:
    return None if reference is None else _year_value({"year": reference.year - 1}, reference)


def _relative_month(_groups: dict, reference: date | None) -> DateValue | None:
    """"im vergangenen Monat": the month before the reference's."""
    if reference is None:
        return None
    first = (reference.replace(day=1) - timedelta(days=1)).replace(day=1)
    return DateValue(first, _safe_date(first.year, first.month, 31), "month")


def _part_of_this_month(groups: dict, reference: date | None) -> DateValue | None:
    if reference is None:
        return None
    month = reference.replace(day=1)
    if groups["rel"] in ("vergangenen", "letzten"):
        month = (month - timedelta(days=1)).replace(day=1)
    first, last = {"Anfang": (1, 10), "Mitte": (11, 20), "Ende": (21, 31)}[groups["part"]]
    return DateValue(month.replace(day=first), _safe_date(month.year, month.month, last),
                     "month")


def _ago(groups: dict, reference: date | None) -> DateValue | None:
    """"vor drei Jahren": the year three years back; "vor zwei Wochen": that week; "vor
    zwei Tagen": that day; "vor einem Monat": that month."""
    count = groups["count"]
    number = int(count) if count.isdigit() else _NUMBERS.get(count)
    if reference is None or number is None:
        return None
    unit = groups["unit"]
    if unit.startswith("Tag"):
        day = reference - timedelta(days=number)
        return DateValue(day, day, "day")
    if unit.startswith("Woche"):
        middle = reference - timedelta(weeks=number)
        return DateValue(middle - timedelta(days=3), middle + timedelta(days=3), "week")
    if unit.startswith("Monat"):
        months = reference.year * 12 + reference.month - 1 - number
        first = date(months // 12, months % 12 + 1, 1)
        return DateValue(first, _safe_date(first.year, first.month, 31), "month")
    return _year_value({"year": reference.year - number}, reference)


_RESOLVERS = {
    "ago": _ago,
    "part_of_this_month": _part_of_this_month,
    "relative_year": _relative_year,
    "this_year": _this_year,
    "part_of_this_week": _relative_week,
    "last_year": _last_year,
    "relative_month": _relative_month,
    "month_only": _month_value,
    "year_only": _year_value,
    "iso_day": _day_value,
    "numeric_day": _day_value,
    "day_month": _day_value,
    "english_day": _day_value,
    "weekday": _weekday_value,
    "part_of_month": _part_of_month,
    "month_year": _month_value,
    "iso_month": _month_value,
    "part_of_year": _part_of_year,
    "season": _season,
    "relative_week": _relative_week,
    "weekend": _weekend,
    "relative_day": _relative_day,
}
