"""`newsetl eval events`: the events table against gold annotated by EVENTS_GUIDE.md.

Each gold article is a German Wikinews document (its text in the Wikinews quotation corpus);
it goes through the real stages as a new user's text dump would (title, date line, text), so
the teaser and the body are both read. A predicted row matches a gold row when its evidence
overlaps the gold sentence in the article's text and its type is one of the gold's `types`
(one to one, greedy). Scores are counted over whole articles; the gold is split into a tuning
half (the first lines) and a checking half (the rest), reported apart.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flows.evaluate import f1_score, share, wikinews_text
from flows.process import ProcessedArticle, process_document
from flows.stages.intake import document_from_bytes


@dataclass
class EventScores:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    date_right: int = 0
    actors_right: int = 0
    gold_by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return share(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def dates_right(self) -> float:
        """The share of matched rows with the gold's date."""
        return share(self.date_right, self.matched)

    @property
    def actors_share(self) -> float:
        """The share of matched rows with the gold's actors."""
        return share(self.actors_right, self.matched)

    def row(self, name: str) -> str:
        return (f"| {name} | {self.predicted} | {self.gold} | {self.precision:.3f} "
                f"| {self.recall:.3f} | {self.f1:.3f} | {self.dates_right:.3f} "
                f"| {self.actors_share:.3f} |")

    def by_type(self) -> str:
        return ", ".join(f"{kind} {self.found_by_type[kind]}/{count}"
                         for kind, count in self.gold_by_type.most_common())


TABLE_HEAD = ("| events | rows | gold | P | R | F1 | date right | actors right |\n"
              "|---|---|---|---|---|---|---|---|")


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_documents(corpus: Path, ids: set[str]) -> dict[str, dict]:
    """Wikinews documents by id (the number before " - " in documentName)."""
    found = {}
    with (corpus / "documents.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            doc_id = document["documentName"].split(" - ", 1)[0]
            if doc_id in ids:
                found[doc_id] = document
    return found


def evaluate_events(gold_path: Path, corpus: Path) -> dict[str, EventScores]:
    """Scores of the tuning half (first half of the gold's lines), the checking half, all."""
    gold = load_gold(gold_path)
    documents = load_documents(corpus, {row["doc"] for row in gold})
    half = (len(gold) + 1) // 2
    scores = {"tune": EventScores(), "check": EventScores(), "all": EventScores()}
    started = datetime.now(UTC)
    for position, row in enumerate(gold):
        document = documents.get(row["doc"])
        if document is None:
            raise ValueError(f"gold document {row['doc']} is not in {corpus}")
        predicted = predict_events(document, started)
        for name in ("tune" if position < half else "check", "all"):
            score_article(scores[name], document["originalText"], row["events"], predicted)
    return scores


def predict_events(document: dict, started: datetime) -> list[dict]:
    text = wikinews_text(document)
    if text is None:
        return []
    loaded = document_from_bytes(document["documentName"][:60] + ".txt", text.encode("utf-8"))
    result = process_document(loaded, {}, started)
    return result.events if isinstance(result, ProcessedArticle) else []


def score_article(scores: EventScores, text: str, gold: list[dict],
                  predicted: list[dict]) -> None:
    scores.gold += len(gold)
    scores.predicted += len(predicted)
    gold_spans = [_span(text, g["sentence"]) for g in gold]
    predicted_spans = [_span(text, p["evidence"]) for p in predicted]
    pairs = sorted(((_overlap(gold_spans[i], predicted_spans[j]), i, j)
                    for i, g in enumerate(gold) for j, p in enumerate(predicted)
                    if p["plover_type"] in g["types"]), reverse=True)
    used_gold, used_predicted = set(), set()
    for overlap, i, j in pairs:
        if overlap <= 0 or i in used_gold or j in used_predicted:
            continue
        used_gold.add(i)
        used_predicted.add(j)
        scores.matched += 1
        scores.found_by_type[gold[i]["types"][0]] += 1
        scores.date_right += date_right(gold[i], predicted[j])
        scores.actors_right += actors_right(gold[i]["actors"], predicted[j]["actors"])
    for g in gold:
        scores.gold_by_type[g["types"][0]] += 1


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.find(sentence)
    if start < 0:  # whitespace normalised by cleaning: find by the first words
        start = text.find(sentence[:40])
    return (start, start + len(sentence)) if start >= 0 else (-1, -1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[0] < 0 or b[0] < 0:
        return 0
    return min(a[1], b[1]) - max(a[0], b[0])


def date_right(gold: dict, predicted: dict) -> bool:
    """The gold date at its precision: a gold "approx" date allows the day before, a "week"
    date any day of its week."""
    ours: date | None = predicted["event_date"]
    if gold["date"] is None or ours is None:
        return gold["date"] is None and ours is None
    if gold["precision"] in ("day", "approx", "week") and len(gold["date"]) == 10:
        theirs = date.fromisoformat(gold["date"])
        if gold["precision"] == "week":  # any day of that week
            return theirs.isocalendar()[:2] == ours.isocalendar()[:2]
        slack = timedelta(days=1 if gold["precision"] == "approx" else 0)
        return theirs - slack <= ours <= theirs
    return ours.isoformat().startswith(gold["date"])  # "2005" or "2005-09"


def actors_right(gold: list[str], predicted: list[str]) -> bool:
    """Both empty, or a gold actor shares a name word with one of ours."""
    if not gold:
        return not predicted
    words = {w.casefold() for name in predicted for w in name.split() if len(w) > 2}
    return any(w.casefold() in words for name in gold for w in name.split() if len(w) > 2)


def events_report(scores: dict[str, EventScores]) -> str:
    lines = [TABLE_HEAD]
    lines += [scores[name].row(label) for name, label in
              (("tune", "tuning half"), ("check", "checking half"), ("all", "all"))]
    lines.append("")
    lines.append("recall by type (all): " + scores["all"].by_type())
    return "\n".join(lines)
