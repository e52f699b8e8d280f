"""news-please JSON: one article per .json file (or a list of them), one per line in .jsonl.

Its fields map onto the same pipeline as a text dump: `maintext` is the text, the rest is
metadata (`date_publish` is a raw date that the date stage still checks).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flows.stages.page import PageMeta, iso_date, paragraph_per_line, split_authors, tidy


@dataclass(frozen=True)
class Record:
    line: int | None  # line in a .jsonl file, position in a .json list; None for one article
    text: str = ""
    meta: PageMeta | None = None
    error: str | None = None  # reason of the rejection
    detail: str = ""


def records_from_json(text: str) -> list[Record]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return [Record(None, error="invalid_json", detail=f"not valid JSON: {error}")]
    if isinstance(data, list):
        return [_record(item, number) for number, item in enumerate(data, 1)] or \
            [Record(None, error="missing_field", detail="an empty JSON list: no article")]
    return [_record(data, None)]


def records_from_jsonl(text: str) -> list[Record]:
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(_record(json.loads(line), number))
        except (ValueError, RecursionError) as error:
            records.append(Record(number, error="invalid_json",
                                  detail=f"line {number} is not valid JSON: {error}"))
    return records or [Record(None, error="empty", detail="no JSON records in the file")]


def _record(data: object, number: int | None) -> Record:
    if not isinstance(data, dict):
        return Record(number, error="invalid_json",
                      detail=f"expected a JSON object, found {type(data).__name__}")
    text = data.get("maintext")
    if not isinstance(text, str) or not text.strip():
        return Record(number, error="missing_field",
                      detail="news-please record without text in 'maintext'")
    return Record(number, paragraph_per_line(text), PageMeta(
        title=tidy(data.get("title")) or tidy(data.get("title_page")),
        date_raw=iso_date(tidy(data.get("date_publish"))),
        authors=tuple(_authors(data.get("authors"))),
        url=tidy(data.get("url")),
        publisher=tidy(data.get("source_domain")),
    ))


def _authors(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [name for item in values if isinstance(item, str) for name in split_authors(item)]
    return list(dict.fromkeys(names))
