"""`newsetl eval dates`: are right publication dates kept and wrong ones noticed and repaired?

From any corpus with known dates (the Wikinews quotation corpus: its document names carry the
date) the test builds text dumps as crawlers write them: the title, a date line in one of four
shapes ("17. November 2015", "18.09.2015, 22:08 Uhr", "date 2015-11", "Datum: 2015-11-17") and
one of three positions (first line, under the title, at the foot), then the text. Half of the
articles get their true date, half a date 3 to 6 years off (chosen by the document's id, so the
test is the same every time). All go through the stages and the corpus step, as in a run.

Scores: right dates confirmed (at their precision), wrong dates flagged (not `confirmed`),
wrong dates repaired (best estimate within 7 days of the truth, or an interval of at most 62
days that holds it). The tuning half is the documents with an even id, the checking half the
odd ones.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flows.evaluate import _dated_title, share
from flows.process import ProcessedArticle, finish_corpus, process_document
from flows.stages.intake import document_from_bytes

_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember")
_REPAIR_DAYS = 7
_REPAIR_INTERVAL_DAYS = 62


@dataclass
class DateScores:
    right: int = 0
    right_confirmed: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    wrong_repaired: int = 0

    def row(self, name: str) -> str:
        def cell(count: int, total: int) -> str:
            return f"{count / total:.3f} ({count}/{total})" if total else "-"

        return (f"| {name} | {cell(self.right_confirmed, self.right)} "
                f"| {cell(self.wrong_flagged, self.wrong)} "
                f"| {cell(self.wrong_repaired, self.wrong)} |")

    @property
    def confirmed_rate(self) -> float:
        return share(self.right_confirmed, self.right)

    @property
    def flagged_rate(self) -> float:
        return share(self.wrong_flagged, self.wrong)

    @property
    def repaired_rate(self) -> float:
        return share(self.wrong_repaired, self.wrong)


TABLE_HEAD = ("| dates | right dates confirmed | wrong dates flagged | wrong dates repaired |\n"
              "|---|---|---|---|")


@dataclass(frozen=True)
class DatedDump:
    name: str
    text: str
    truth: date
    given: date
    precision: str  # of the date line: day or month
    tuning: bool


def build_dumps(corpus: Path) -> list[DatedDump]:
    dumps = []
    with (corpus / "documents.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            dated = _dated_title(document)
            if dated is not None:
                dumps.append(_dump(document, *dated))
    return dumps


def _dump(document: dict, title: str, truth: date) -> DatedDump:
    doc_id = document["documentName"].split(" - ", 1)[0]
    choice = int(hashlib.sha256(doc_id.encode()).hexdigest(), 16)
    wrong = choice % 2 == 1
    years = (3 + (choice >> 1) % 4) * (1 if (choice >> 3) % 2 else -1)
    given = _shift_years(truth, years) if wrong else truth
    shape = (choice >> 4) % 4
    line = _date_line(given, shape)
    text = document["originalText"]
    position = (choice >> 6) % 3
    parts = {0: [line, title, text], 1: [title, line, text], 2: [title, text, line]}[position]
    return DatedDump(f"{doc_id}.txt", "\n\n".join(parts), truth, given,
                     "month" if shape == 2 else "day", int(doc_id) % 2 == 0)


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _date_line(day: date, shape: int) -> str:
    return [f"{day.day}. {_MONTHS[day.month - 1]} {day.year}",
            f"{day:%d.%m.%Y}, 10:{day.day:02d} Uhr",
            f"date {day:%Y-%m}",
            f"Datum: {day.isoformat()}"][shape]


def evaluate_dates(corpus: Path) -> dict[str, DateScores]:
    dumps = build_dumps(corpus)
    started = datetime.now(UTC)
    results = [process_document(document_from_bytes(d.name, d.text.encode("utf-8")), {},
                                started) for d in dumps]
    finish_corpus(results)
    scores = {"tune": DateScores(), "check": DateScores(), "all": DateScores()}
    for dump, result in zip(dumps, results, strict=True):
        # a document the stages reject is scored as neither confirmed nor flagged
        article = result.article if isinstance(result, ProcessedArticle) else _NOTHING
        for name in ("tune" if dump.tuning else "check", "all"):
            score_article(scores[name], dump, article)
    return scores


_NOTHING = {"date_status": "confirmed", "published_date": None, "published_earliest": None,
            "published_latest": None}


def score_article(scores: DateScores, dump: DatedDump, article: dict) -> None:
    if dump.given == dump.truth:
        scores.right += 1
        scores.right_confirmed += article["date_status"] == "confirmed" and _holds(
            article, dump.truth)
        return
    scores.wrong += 1
    scores.wrong_flagged += article["date_status"] != "confirmed"
    scores.wrong_repaired += repaired(article, dump.truth)


def _holds(article: dict, truth: date) -> bool:
    earliest, latest = article["published_earliest"], article["published_latest"]
    return earliest is not None and earliest <= truth <= latest


def repaired(article: dict, truth: date) -> bool:
    """The best estimate within 7 days of the truth, or a short interval that holds it."""
    if article["date_status"] == "confirmed" or article["published_date"] is None:
        return False
    if abs((article["published_date"] - truth).days) <= _REPAIR_DAYS:
        return True
    span = article["published_latest"] - article["published_earliest"]
    return span <= timedelta(days=_REPAIR_INTERVAL_DAYS) and _holds(article, truth)


def dates_report(scores: dict[str, DateScores]) -> str:
    return "\n".join([TABLE_HEAD, scores["tune"].row("tuning half (even ids)"),
                      scores["check"].row("checking half (odd ids)"), scores["all"].row("all")])
