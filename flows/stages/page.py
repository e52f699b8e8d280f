"""What a structured input (an HTML page, a news-please record) says about its article.

Text dumps carry their metadata inside the text; pages and records carry it in fields. Either
way the clean and metadata stages decide; these values are strong hints, and a date given here
is still a raw date that the date stage checks against the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    date_raw: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    publisher: str | None = None


def tidy(value: object) -> str | None:
    """One line of text with single spaces, or None when nothing is left."""
    if not isinstance(value, str):
        return None
    text = " ".join(without_surrogates(value).replace("\u00ad", "").split())
    return text or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates ("\\ud800" in JSON) cannot be written as UTF-8: U+FFFD instead."""
    return _SURROGATE.sub("\ufffd", text)


def choose_title(candidates: list[str]) -> str | None:
    """The title most of the page's title sources agree on (headline, og:title, h1, <title>).

    Sources add a site name or a kicker around the headline ("X | Börsen-Zeitung",
    "Vierschanzentournee | X"); a candidate that the others contain whole, between separators,
    gets their support. Ties go to the earlier (more specific) source.
    """
    cleaned = [c for c in (tidy(c) for c in candidates) if c]
    if not cleaned:
        return None
    support = [sum(contains_as_part(other, c) for other in cleaned) for c in cleaned]
    best = max(range(len(cleaned)), key=lambda i: (support[i], -i))
    return cleaned[best]


def contains_as_part(whole: str, part: str) -> bool:
    if whole == part:
        return True
    for separator in _SEPARATORS:
        if whole.startswith(part + separator) or whole.endswith(separator + part):
            return True
    return False


def split_authors(value: str) -> list[str]:
    """'Anna Muster, Ben Beispiel und Cem Probe' -> three names; a leading 'Von', 'Autor' and
    a trailing '(obe)' or '(www.dw.com)' are dropped."""
    parts = re.split(r"\s*(?:,|;|\bund\b|\band\b|&|/|\|)\s*", value.strip())
    return [p for p in (tidy(_AUTHOR_NOISE.sub("", part)) for part in parts) if p]


_AUTHOR_NOISE = re.compile(r"^(?:[Vv]on|[Bb]y|[Aa]utor(?:in)?|[Tt]ext)(?::\s*|\s+)|\s*\([^)]*\)$")


def paragraph_per_line(text: str) -> str:
    """Text whose lines are paragraphs (trafilatura's blocks, news-please's maintext), with a
    blank line between them, as the clean stage reads paragraphs; not wrapped lines."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def author_names(names: list[str]) -> list[str]:
    """Author names as the page gives them, without e-mail addresses and profile links."""
    return [name for name in names if "@" not in name and "://" not in name]


_CTIME = re.compile(r"^[A-Z][a-z]{2} (?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2}) "
                    r"(?P<time>\d{2}:\d{2}:\d{2}) (?:[A-Z]{2,5} )?(?P<year>\d{4})$")


def iso_date(value: str | None) -> str | None:
    """A page's date as ISO 8601 when it is in a machine format the date stage does not read
    ('Fri, 28 Apr 2023 19:20:36 +0200', 'Fri Apr 28 19:20:36 CEST 2023'); else as given."""
    if not value or re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value
    match = _CTIME.match(value)
    if match:
        value = f"{match['day']} {match['month']} {match['year']} {match['time']}"
        try:
            return datetime.strptime(value, "%d %b %Y %H:%M:%S").isoformat()
        except ValueError:  # "Fri Feb 31 ...": no such day; the date stage judges the text
            return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value
