"""Publication date: parse the date the raw text gives and say how far it can be trusted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flows.stages.temporal import DateValue, parse_date_value

STATUSES = ("confirmed", "corrected", "inferred", "missing")


@dataclass(frozen=True)
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
