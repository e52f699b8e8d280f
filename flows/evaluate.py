"""Evaluation against gold data kept outside the repository (../shared/corpora/...).

`evaluate_pages`: the fundus news pages (page-text dumps of 101 real pages from 64 German-language
publishers, with gold title, date, authors and body) through the real stages and the corpus step;
scored as bag-of-words precision/recall/F1 of the body, exact title, same-day date, and "a gold
surname found among the authors".
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from flows.process import ProcessedArticle, finish_corpus, process_document
from flows.stages.intake import Rejection, read_document

_WORDS = re.compile(r"\w+")


@dataclass
class PageScores:
    pages: int = 0
    rejected: int = 0
    body_precision: list[float] = field(default_factory=list)
    body_recall: list[float] = field(default_factory=list)
    title_exact: int = 0
    date_same_day: int = 0
    authors_found: int = 0
    date_status: Counter = field(default_factory=Counter)

    def table(self) -> str:
        precision = _mean(self.body_precision)
        recall = _mean(self.body_recall)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

        def share(count: int) -> float:
            return count / self.pages if self.pages else 0.0

        return "\n".join([
            "| extractor | input | body P | body R | body F1 | title | date | authors |",
            "|---|---|---|---|---|---|---|---|",
            f"| newsetl | page text | {precision:.3f} | {recall:.3f} | {f1:.3f} "
            f"| {share(self.title_exact):.3f} | {share(self.date_same_day):.3f} "
            f"| {share(self.authors_found):.3f} |",
            "",
            f"pages {self.pages}, rejected {self.rejected}; date status: "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.date_status.items())),
        ])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def bag_of_words_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of the predicted words against the gold words (multisets)."""
    ours = Counter(w.lower() for w in _WORDS.findall(predicted))
    theirs = Counter(w.lower() for w in _WORDS.findall(gold))
    overlap = sum((ours & theirs).values())
    precision = overlap / sum(ours.values()) if ours else 0.0
    recall = overlap / sum(theirs.values()) if theirs else 0.0
    return precision, recall


def evaluate_pages(corpus: Path) -> tuple[PageScores, list[ProcessedArticle]]:
    gold_rows = [json.loads(line) for line in
                 (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    started = datetime.now(UTC)
    results = []
    for row in gold_rows:
        loaded = read_document(corpus / row["page_text_file"], corpus)
        results.append(loaded if isinstance(loaded, Rejection)
                       else process_document(loaded, {}, started))
    finish_corpus(results)
    scores = PageScores(pages=len(gold_rows))
    articles = []
    for row, result in zip(gold_rows, results, strict=True):
        if not isinstance(result, ProcessedArticle):
            scores.rejected += 1
            scores.body_precision.append(0.0)
            scores.body_recall.append(0.0)
            continue
        articles.append(result)
        _score(scores, result.article, row)
    return scores, articles


def _score(scores: PageScores, article: dict, gold: dict) -> None:
    text = "\n".join(filter(None, [article["teaser"], article["body"]]))
    precision, recall = bag_of_words_scores(text, gold["body_text"])
    scores.body_precision.append(precision)
    scores.body_recall.append(recall)
    scores.title_exact += _normal(article["title"]) == _normal(gold["title"])
    gold_day = date.fromisoformat(gold["publishing_date"][:10])
    scores.date_same_day += article["published_date"] == gold_day
    scores.date_status[article["date_status"]] += 1
    surnames = {a.split()[-1].lower() for a in gold["authors"] if a.strip()}
    found = {w.lower() for a in article["authors"] for w in a.split()}
    scores.authors_found += bool(surnames & found)


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())
