"""The corpus step on compact summaries, so that it needs no whole documents in memory.

Each article is reduced to an `ArticleSketch` (its body hash, its date clues, the events that
could be reported elsewhere too). From all sketches the step decides which articles are
duplicates, which get a new publication date, and which events share a key; the decisions are
then applied to the rows, batch by batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from flows.stages.dates import DateClues, PublicationDate, for_corpus, repair_dates
from flows.stages.events import EventSketch, cluster_event_keys, sketch_event

DATE_COLUMNS = ("published_date", "published_earliest", "published_latest", "date_precision",
                "date_raw", "date_status", "date_evidence", "year", "month")


@dataclass(frozen=True, slots=True)
class ArticleSketch:
    article_id: str
    input_name: str  # 'file' or 'file#record'
    body_hash: bytes
    processed_at: datetime
    dates: tuple  # the article's DATE_COLUMNS as written
    clues: DateClues
    events: tuple[EventSketch, ...]


@dataclass
class Decisions:
    duplicates: dict[str, str] = field(default_factory=dict)  # input name -> the one it copies
    redated: dict[str, PublicationDate] = field(default_factory=dict)  # article_id -> date
    event_keys: dict[str, str] = field(default_factory=dict)  # event_id -> shared key


def date_columns(published: PublicationDate) -> dict:
    day = published.published_date
    return {
        "published_date": day, "published_earliest": published.published_earliest,
        "published_latest": published.published_latest,
        "date_precision": published.date_precision, "date_raw": published.date_raw,
        "date_status": published.date_status, "date_evidence": published.date_evidence,
        # undated articles go to year=0/month=0: a null partition (__HIVE_DEFAULT_PARTITION__)
        # makes pandas and pyarrow fail to read the whole table
        "year": day.year if day else 0, "month": day.month if day else 0,
    }


def sketch_article(article: dict, events: Iterable[dict], clues: DateClues, input_name: str,
                   body_hash: bytes) -> ArticleSketch:
    return ArticleSketch(article["article_id"], input_name, body_hash, article["processed_at"],
                         tuple(article[c] for c in DATE_COLUMNS), for_corpus(clues),
                         tuple(s for row in events if (s := sketch_event(row))))


def find_duplicates(sketches: Iterable[ArticleSketch]) -> dict[str, str]:
    """Articles with the same body are one: the one published first stays (a new copy never
    displaces it); among new ones, the first by input name. -> {copy: original}."""
    first_by_body: dict[bytes, str] = {}
    copies = {}
    for sketch in sorted(sketches, key=lambda s: (s.processed_at, s.input_name)):
        original = first_by_body.setdefault(sketch.body_hash, sketch.input_name)
        if original != sketch.input_name:
            copies[sketch.input_name] = original
    return copies


def redate(sketches: list[ArticleSketch]) -> dict[str, PublicationDate]:
    """Articles whose publication date changes once other articles are known: repaired from
    shared events, or (for an article published earlier) back to what its text says."""
    by_input = sorted(sketches, key=lambda s: s.input_name)  # evidence in a stable order
    repaired = repair_dates([s.clues for s in by_input])
    changed = {}
    for sketch in sketches:
        published = repaired.get(sketch.article_id, sketch.clues.assessed)
        columns = date_columns(published)
        if tuple(columns[c] for c in DATE_COLUMNS) != sketch.dates:
            changed[sketch.article_id] = published
    return changed


def key_events(sketches: Iterable[ArticleSketch]) -> dict[str, str]:
    return cluster_event_keys([event for sketch in sketches for event in sketch.events])
