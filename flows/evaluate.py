"""Evaluation against gold data kept outside the repository (../shared/corpora/...).

`evaluate_cleaning`: the fundus news pages (101 real pages from 64 German-language publishers,
each as crawled HTML and as a page-text dump, with gold title, date, authors and body) through
the real stages and the corpus step; scored as bag-of-words precision/recall/F1 of the body,
exact title, same-day date, and "a gold surname found among the authors". trafilatura runs on
the same HTML side by side when it is installed.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from flows.process import ProcessedArticle, finish_corpus, process_document
from flows.stages.intake import Loaded, Rejection, document_from_bytes, read_document

_WORDS = re.compile(r"\w+")
INPUTS = {"html": "html_file", "page text": "page_text_file"}


@dataclass
class PageScores:
    extractor: str = "newsetl"
    input: str = "page text"
    pages: int = 0
    rejected: int = 0
    body_precision: list[float] = field(default_factory=list)
    body_recall: list[float] = field(default_factory=list)
    title_exact: int = 0
    date_same_day: int = 0
    authors_found: int = 0
    date_status: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def row(self) -> str:
        precision = _mean(self.body_precision)
        recall = _mean(self.body_recall)
        f1 = f1_score(precision, recall)
        per_page = 1000 * share(self.seconds, self.pages)
        return (f"| {self.extractor} | {self.input} | {precision:.3f} | {recall:.3f} | {f1:.3f} "
                f"| {self._share(self.title_exact):.3f} | {self._share(self.date_same_day):.3f} "
                f"| {self._share(self.authors_found):.3f} | {per_page:.0f} |")

    def _share(self, count: int) -> float:
        return share(count, self.pages)

    def table(self) -> str:
        return cleaning_table([self])


def cleaning_table(rows: list[PageScores]) -> str:
    lines = ["| extractor | input | body P | body R | body F1 | title | date | authors "
             "| ms/page |", "|---|---|---|---|---|---|---|---|---|"]
    lines += [row.row() for row in rows]
    lines.append("")
    lines += [f"{row.extractor} on {row.input}: pages {row.pages}, rejected {row.rejected}; "
              "date status: " + ", ".join(f"{k} {v}" for k, v in sorted(row.date_status.items()))
              for row in rows if row.date_status]
    return "\n".join(lines)


def _mean(values: list[float]) -> float:
    return share(sum(values), len(values))


def share(part: float, whole: float) -> float:
    """part / whole, or 0.0 when there is no whole (a score of nothing is 0)."""
    return part / whole if whole else 0.0


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bag_of_words_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of the predicted words against the gold words (multisets)."""
    ours = Counter(w.lower() for w in _WORDS.findall(predicted))
    theirs = Counter(w.lower() for w in _WORDS.findall(gold))
    overlap = sum((ours & theirs).values())
    precision = share(overlap, sum(ours.values()))
    recall = share(overlap, sum(theirs.values()))
    return precision, recall


def _gold_rows(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in
            (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]


def evaluate_cleaning(corpus: Path) -> list[PageScores]:
    """newsetl on the HTML pages and on the page-text dumps, and trafilatura on the HTML."""
    gold_rows = _gold_rows(corpus)
    rows = [evaluate_pages(corpus, source)[0] for source in INPUTS
            if all(row.get(INPUTS[source]) for row in gold_rows)]
    reference = evaluate_trafilatura(corpus)
    return rows + ([reference] if reference else [])


def evaluate_pages(corpus: Path, source: str = "page text"
                   ) -> tuple[PageScores, list[ProcessedArticle]]:
    gold_rows = _gold_rows(corpus)
    started = datetime.now(UTC)
    clock = time.perf_counter()
    results = []
    for row in gold_rows:
        loaded = read_document(corpus / row[INPUTS[source]], corpus)
        results.append(loaded if isinstance(loaded, Rejection)
                       else process_document(loaded, {}, started))
    finish_corpus(results)
    scores = PageScores(input=source, pages=len(gold_rows),
                        seconds=time.perf_counter() - clock)
    articles = []
    for row, result in zip(gold_rows, results, strict=True):
        if not isinstance(result, ProcessedArticle):
            scores.rejected += 1
            scores.body_precision.append(0.0)
            scores.body_recall.append(0.0)
            continue
        articles.append(result)
        article = result.article
        _score(scores, row, "\n".join(filter(None, [article["teaser"], article["body"]])),
               article["title"], article["published_date"], article["authors"])
        scores.date_status[article["date_status"]] += 1
    return scores, articles


def evaluate_trafilatura(corpus: Path) -> PageScores | None:
    """The reference extractor on the same HTML, scored the same way; None if not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    from flows.stages.intake import unpack_and_decode

    gold_rows = _gold_rows(corpus)
    scores = PageScores(extractor=f"trafilatura {trafilatura.__version__}", input="html",
                        pages=len(gold_rows))
    for row in gold_rows:
        markup, _ = unpack_and_decode(row["html_file"], (corpus / row["html_file"]).read_bytes())
        clock = time.perf_counter()
        page = trafilatura.bare_extraction(markup, url=row.get("url"), with_metadata=True,
                                           include_comments=False)
        scores.seconds += time.perf_counter() - clock
        day = _iso_day(page.date if page else None)
        authors = (page.author or "").split(";") if page else []
        _score(scores, row, (page.text or "") if page else "", page.title if page else None,
               day, authors)
    return scores


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _score(scores: PageScores, gold: dict, body: str, title: str | None,
           published: date | None, authors: list[str]) -> None:
    precision, recall = bag_of_words_scores(body, gold["body_text"])
    scores.body_precision.append(precision)
    scores.body_recall.append(recall)
    scores.title_exact += _normal(title) == _normal(gold["title"])
    scores.date_same_day += published == date.fromisoformat(gold["publishing_date"][:10])
    surnames = {a.split()[-1].lower() for a in gold["authors"] if a.strip()}
    found = {w.lower() for a in authors for w in a.split()}
    scores.authors_found += bool(surnames & found)


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


# --- quotes: German Wikinews with gold speech annotations ----------------------------------

_MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                "September", "Oktober", "November", "Dezember")
_DOCUMENT_NAME = re.compile(r"^(\d+) - (.*) \((\d{4})-(\d{2})-(\d{2})\)$")


@dataclass
class QuoteScores:
    """SpkAtt-style token-overlap scores, summed over articles."""
    overlap: int = 0
    predicted_tokens: int = 0
    gold_tokens: int = 0
    paired: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return share(self.overlap, self.predicted_tokens)

    @property
    def recall(self) -> float:
        return share(self.overlap, self.gold_tokens)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return share(self.speaker_right, self.paired)

    def row(self, name: str) -> str:
        return (f"| {name} | {self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f} "
                f"| {self.speaker_accuracy:.3f} ({self.paired} with a gold speaker) |")


def _dated_title(document: dict) -> tuple[str, date] | None:
    """Title and day from a Wikinews document name ("833 - Title (2004-12-04)"); None for
    the undated ones (year 0001)."""
    match = _DOCUMENT_NAME.match(document["documentName"])
    if not match or match.group(3) == "0001":
        return None
    return match.group(2), date(*map(int, match.group(3, 4, 5)))


def wikinews_text(document: dict) -> str | None:
    """The article as a text dump would give it: title, date line, body (for benchmarks)."""
    dated = _dated_title(document)
    if dated is None:
        return None
    title, day = dated
    line = f"{day.day}. {_MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{title}\n\n{line}\n\n{document['originalText']}"


def wikinews_document(document: dict) -> Loaded | None:
    """The article as a news-please record: the corpus gives its text as the article's body
    (the gold offsets index it), so the body goes in as `maintext` rather than through a text
    dump, where the cleaner would take a short first paragraph under the date for a teaser."""
    dated = _dated_title(document)
    if dated is None:
        return None
    title, day = dated
    record = {"title": title, "maintext": document["originalText"],
              "date_publish": day.isoformat()}
    return document_from_bytes(f"{document['documentName']}.json",
                               json.dumps(record, ensure_ascii=False).encode("utf-8"))


def evaluate_quotes(corpus: Path, limit: int | None = None) -> dict[str, QuoteScores]:
    """Direct quotes (gold Direct vs predicted direct+partial) and all speech events."""
    scores = {"direct": QuoteScores(), "all": QuoteScores()}
    started = datetime.now(UTC)
    lines = (corpus / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:limit]:
        document = json.loads(line)
        loaded = wikinews_document(document)
        if loaded is None:
            continue
        result = process_document(loaded, {}, started)
        predicted = result.quotes if isinstance(result, ProcessedArticle) else []
        gold = [a for a in document["annotations"] if a["quote"]["text"].strip()]
        _score_quotes(scores["direct"], [g for g in gold if g["type"] == "Direct"],
                      [q for q in predicted if q["kind"] in ("direct", "partial")])
        _score_quotes(scores["all"], gold, predicted)
    return scores


def _tokens(text: str | None) -> Counter:
    return Counter(w.lower() for w in _WORDS.findall(text or ""))


def _score_quotes(scores: QuoteScores, gold: list[dict], predicted: list[dict]) -> None:
    gold_tokens = [_tokens(g["quote"]["text"]) for g in gold]
    predicted_tokens = [_tokens(p["text"]) for p in predicted]
    scores.gold_tokens += sum(sum(t.values()) for t in gold_tokens)
    scores.predicted_tokens += sum(sum(t.values()) for t in predicted_tokens)
    candidates = sorted(((sum((g & p).values()), i, j)
                         for i, g in enumerate(gold_tokens)
                         for j, p in enumerate(predicted_tokens)), reverse=True)
    used_gold, used_predicted = set(), set()
    for overlap, i, j in candidates:  # greedy: the largest overlaps pair first
        if overlap == 0 or i in used_gold or j in used_predicted:
            continue
        used_gold.add(i)
        used_predicted.add(j)
        scores.overlap += overlap
        gold_speaker = gold[i]["speaker"]["text"]
        if gold_speaker.strip():  # speaker accuracy only where the gold names a speaker
            scores.paired += 1
            scores.speaker_right += same_speaker(gold_speaker, predicted[j])


def same_speaker(gold_speaker: str, predicted: dict) -> bool:
    """The gold speaker span is our mention as written, or shares a name word with our
    speaker (canonical or as written): "Die Sprecherin ..., Heike van Laak" ~ "Heike van Laak"."""
    if (predicted["speaker_mention"] or "").casefold() == gold_speaker.strip().casefold():
        return True
    gold_words = {w for w in _tokens(gold_speaker) if len(w) > 2}
    ours = _tokens(predicted["speaker"]) + _tokens(predicted["speaker_mention"])
    return bool(gold_words & {w for w in ours if len(w) > 2})
