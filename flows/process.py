"""One document through every stage, and the steps that need the whole corpus.

Plain functions, no Prefect: the flow in pipeline.py only batches and schedules them.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from flows import __version__
from flows.budget import EXTRACTION_SECONDS, DocumentTimeout, time_budget
from flows.corpus import ArticleSketch, date_columns, redate, sketch_article
from flows.stages.clean import clean, line_keys
from flows.stages.dates import (
    DateClues,
    PublicationDate,
    assess_from_update,
    assess_with_text,
    office_holders,
)
from flows.stages.entities import EntityIndex
from flows.stages.events import (
    Mention,
    assign_event_keys,
    date_mentions,
    event_clues,
    read_article,
)
from flows.stages.intake import Document, Rejection, input_name
from flows.stages.metadata import extract_metadata, language_profiles
from flows.stages.page import PageMeta
from flows.stages.profiles import detect_profile, generic_profile
from flows.stages.quotes import extract_quotes
from flows.stages.text_dates import past_dates, weekday_dates

GERMAN = "de"


@dataclass
class ProcessedArticle:
    article: dict
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    clues: DateClues | None = None  # for the corpus step; rebuilt from the row when None

    @property
    def body_hash(self) -> bytes:
        """128 bits of the body's SHA-256: as bytes, half the size of hex in a sketch."""
        return hashlib.sha256(self.article["body"].encode("utf-8")).digest()[:16]

    @property
    def input_name(self) -> str:
        return input_name(self.article["source_file"], self.article.get("source_record"))

    @property
    def processed_at(self) -> datetime:
        return self.article["processed_at"]

    def sketch(self) -> ArticleSketch:
        """What the corpus step needs of this article."""
        clues = self.clues or _clues_from_row(self.article)
        return sketch_article(self.article, self.events, clues, self.input_name, self.body_hash)


@dataclass
class Scan:
    """What pass one learns of a document: its publisher profile and its short lines."""
    source_file: str
    profile_id: str
    line_keys: set[str]


def scan(document: Document) -> Scan:
    profile = detect_profile(document.text, document.page.url if document.page else None)
    return Scan(document.source_file, profile.id,
                line_keys(document.text, profile.recurring.max_chars))


def recurring_lines(scans: Iterable[Scan]) -> dict[str, set[str]]:
    """Per publisher profile, the short lines found in many of its documents: boilerplate."""
    counter = LineCounter()
    for item in scans:
        counter.add(item)
    return counter.recurring()


class LineCounter:
    """Short lines per profile, counted in one pass in bounded memory by lossy counting
    (Manku and Motwani, 2002): every `1/ERROR` documents, lines that cannot reach a share of
    ERROR are forgotten. Exact below that many documents; beyond, a line's count is short by
    at most ERROR x documents, so no line above the recurring share is missed."""

    ERROR = 0.01

    def __init__(self) -> None:
        self.width = round(1 / self.ERROR)
        self.documents: Counter = Counter()
        self.counts: dict[str, dict[str, list[int]]] = defaultdict(dict)  # [count, error]

    def add(self, item: Scan) -> None:
        seen = self.documents[item.profile_id] = self.documents[item.profile_id] + 1
        bucket = -(-seen // self.width)
        table = self.counts[item.profile_id]
        for key in item.line_keys:
            entry = table.get(key)
            if entry is None:
                table[key] = [1, bucket - 1]
            else:
                entry[0] += 1
        if seen % self.width == 0:
            self.counts[item.profile_id] = {key: entry for key, entry in table.items()
                                            if sum(entry) > bucket}

    def recurring(self) -> dict[str, set[str]]:
        rule = generic_profile().recurring
        result = {}
        for profile_id, table in self.counts.items():
            needed = max(rule.min_docs, rule.min_share * self.documents[profile_id])
            result[profile_id] = {key for key, entry in table.items() if sum(entry) >= needed}
        return result


class StageClock:
    """Seconds spent per stage, summed over documents (for `newsetl bench`)."""

    def __init__(self) -> None:
        self.seconds: Counter = Counter()
        self._stage: str | None = None
        self._since = 0.0

    def start(self, stage: str) -> None:
        now = time.perf_counter()
        if self._stage:
            self.seconds[self._stage] += now - self._since
        self._stage, self._since = stage, now

    def stop(self) -> None:
        self.start("")
        self._stage = None

    @property
    def stage(self) -> str | None:
        """The stage running now."""
        return self._stage


def process_document(document: Document, recurring: dict[str, set[str]],
                     processed_at: datetime, clock: StageClock | None = None
                     ) -> ProcessedArticle | Rejection:
    """Clean, describe, date and mine one document; any failure becomes a rejection, and so
    does a document over its time budget (`timeout`)."""
    clock = clock or StageClock()
    language_profiles()  # loaded once, outside any document's budget (a cut load is an error)
    clock.start("clean")
    try:
        with time_budget():
            return _process(document, recurring, processed_at, clock)
    except DocumentTimeout as error:
        return _reject(document, clock.stage or "clean", "timeout", str(error))
    finally:
        clock.stop()


def _process(document: Document, recurring: dict[str, set[str]], processed_at: datetime,
             clock: StageClock) -> ProcessedArticle | Rejection:
    stage = "clean"
    page = document.page or PageMeta()
    try:
        profile = detect_profile(document.text, page.url)
        cleaned = clean(document.text, profile, recurring.get(profile.id, ()), page.title)
        if not cleaned.body.strip():
            return _reject(document, stage, "no_body", "nothing left after removing site chrome")
        stage = "metadata"
        clock.start(stage)
        meta = extract_metadata(cleaned, profile, page)
        if meta.language and meta.language != GERMAN:
            return _reject(document, stage, "not_german",
                           f"language detected as {meta.language!r} (p={meta.language_score})")
        context = _context(cleaned.title, cleaned.teaser, cleaned.captions)
        stage = "quotes"
        clock.start(stage)
        with time_budget(EXTRACTION_SECONDS, "in the quote and event stages"):
            index = EntityIndex.build(context + "\n" + cleaned.body)
            quotes = _article_quotes(cleaned.teaser, cleaned.body, context, index)
            stage = "events"  # what the text says happened: read now, dated once known
            clock.start(stage)
            mentions = read_article(cleaned.teaser, cleaned.body, index)
        stage = "dates"
        clock.start(stage)
        clues = _date_clues(document.article_id, document.source_file,
                            page.date_raw or cleaned.date_text, index, mentions,
                            _joined(cleaned.teaser, cleaned.body), cleaned.updated_text)
        published = clues.assessed
        stage = "events"
        clock.start(stage)
        events = date_mentions(mentions, _reference(published))
    except DocumentTimeout:
        raise
    except Exception as error:  # one bad document must never stop the run
        return _reject(document, stage, "processing_error", f"{type(error).__name__}: {error}")
    article_id = document.article_id
    article = {
        "article_id": article_id, "source_file": document.source_file,
        "source_sha256": document.source_sha256, "source_format": document.source_format,
        "source_record": document.source_record,
        "publisher": meta.publisher, "url": meta.url, "title": cleaned.title,
        "teaser": cleaned.teaser, "body": cleaned.body, "language": meta.language,
        "language_score": meta.language_score,
        "agencies": meta.agencies, "authors": meta.authors, "dateline": meta.dateline,
        "captions": cleaned.captions, "word_count": meta.word_count,
        "processed_at": processed_at, "pipeline_version": __version__,
        **date_columns(published),
    }
    return ProcessedArticle(article, _quote_rows(article_id, quotes),
                            _event_rows(article_id, events), clues)


def _context(title: str | None, teaser: str | None, captions: list[str]) -> str:
    """Text around the body that names people: title, teaser, captions."""
    return "\n".join([title or "", teaser or "", *captions])


_REFERENCE_SPAN_DAYS = 180  # wider than this, "am 13. November" could be the wrong year


def _reference(published: PublicationDate):
    """The day relative dates are resolved against, if the publication date is close enough."""
    if published.published_date is None:
        return None
    span = (published.published_latest - published.published_earliest).days
    return published.published_date if span <= _REFERENCE_SPAN_DAYS else None


def finish_corpus(results: list[ProcessedArticle | Rejection]) -> None:
    """Corpus-level steps on results in memory, in place: repair dates from other articles,
    re-read the events of redated articles, then give every real-world event one key."""
    articles = [r for r in results if isinstance(r, ProcessedArticle)]
    changed = redate([article.sketch() for article in articles])
    for article in articles:
        published = changed.get(article.article["article_id"])
        if published:
            article.events = redated_events(article.article, published)
    assign_event_keys([row for article in articles for row in article.events])


def redated_events(article: dict, published: PublicationDate) -> list[dict]:
    """Give the article row its new date (in place); its events read again against it."""
    article.update(date_columns(published))
    mentions = read_article(article["teaser"], article["body"], _row_index(article))
    return _event_rows(article["article_id"], date_mentions(mentions, _reference(published)))


def _article_quotes(teaser: str | None, body: str, context: str, index: EntityIndex
                    ) -> list[tuple[str, object]]:
    """(field, quote) of the teaser and the body. The quote stage adds the speakers it
    learns to its index: it gets a copy, so the index every other stage reads stays as built."""
    learning = index.copy()
    found = [("teaser", q) for q in extract_quotes(teaser, context, learning)] if teaser else []
    return found + [("body", q) for q in extract_quotes(body, context, learning)]


def _row_index(row: dict) -> EntityIndex:
    context = _context(row["title"], row["teaser"], row["captions"])
    return EntityIndex.build(context + "\n" + row["body"])


def _clues_from_row(row: dict) -> DateClues:
    """The corpus step's view of an article published by an earlier run."""
    index = _row_index(row)
    return _date_clues(row["article_id"], row["source_file"], row["date_raw"], index,
                       read_article(row["teaser"], row["body"], index),
                       _joined(row["teaser"], row["body"]))


def _joined(teaser: str | None, body: str) -> str:
    return f"{teaser}\n\n{body}" if teaser else body


def _date_clues(article_id: str, source_file: str, date_raw: str | None,
                index: EntityIndex, mentions: list[Mention], text: str,
                updated_raw: str | None = None) -> DateClues:
    """The raw date checked against the office holders the text names and the dates it
    reports as past, and the article's events as read without a publication date: all the
    corpus step needs of an article."""
    holders = office_holders(index)
    assessed = assess_with_text(date_raw, holders, past_dates(text), weekday_dates(text))
    if assessed.date_status == "missing" and not date_raw:
        assessed = assess_from_update(updated_raw) or assessed
    return DateClues(article_id, source_file, assessed, tuple(holders),
                     tuple(event_clues(mentions)))


def _reject(document: Document, stage: str, reason: str, detail: str) -> Rejection:
    return Rejection(document.source_file, document.source_sha256, stage, reason, detail,
                     source_record=document.source_record)


def _row_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _quote_rows(article_id: str, quotes: list[tuple[str, object]]) -> list[dict]:
    return [{
        "quote_id": _row_id(article_id, field, q.char_start, q.char_end, q.kind),
        "article_id": article_id, "ordinal": ordinal, "text": q.text, "kind": q.kind,
        "speaker": q.speaker, "speaker_mention": q.speaker_mention,
        "speaker_type": q.speaker_type, "cue": q.cue,
        "field": field, "char_start": q.char_start, "char_end": q.char_end,
    } for ordinal, (field, q) in enumerate(quotes)]


def _event_rows(article_id: str, events: list) -> list[dict]:
    return [{
        "event_id": _row_id(article_id, e.field, e.char_start, e.plover_type, e.mode),
        "article_id": article_id, "event_key": e.event_key, "plover_type": e.plover_type,
        "mode": e.mode, "description": e.description, "event_date": e.event_date,
        "date_precision": e.date_precision, "date_text": e.date_text, "actors": list(e.actors),
        "targets": list(e.targets), "location": e.location, "casualties": e.casualties,
        "evidence": e.evidence, "field": e.field, "char_start": e.char_start,
        "char_end": e.char_end,
    } for e in events]


def duplicate_rejection(article: dict, original: str) -> Rejection:
    return Rejection(article["source_file"], article["source_sha256"], "intake", "duplicate",
                     f"same body as {original}", source_record=article.get("source_record"))
