"""`newsetl eval language`: is every German article of a corpus told German?

An article judged foreign is rejected (`not_german`) and lost to the tables, so the figure
that matters is the share of German texts that the real stages keep as German (the language is
judged on the cleaned teaser and body, as in a run); the lowest probability shows how close the
nearest miss came. Corpora in three shapes are read: Wikinews
(`documents.jsonl`), fundus pages (`page_text/`) and 10kGNAD (`test.csv`, `label;text`).
Telling the other languages apart is tested on hand-made news paragraphs
(`tests/test_metadata.py`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows.evaluate import wikinews_text
from flows.process import ProcessedArticle, process_document
from flows.stages.intake import document_from_bytes


@dataclass
class LanguageScores:
    texts: int = 0
    german: int = 0
    lowest: float = 1.0
    misjudged: list[str] = field(default_factory=list)  # "name: language"
    other_rejects: int = 0  # no body left, say: no language judged

    @property
    def german_rate(self) -> float:
        judged = self.texts - self.other_rejects
        return self.german / judged if judged else 0.0

    def row(self, corpus: str) -> str:
        return (f"| {corpus} | {self.texts} | {self.german_rate:.3f} ({self.german}) "
                f"| {self.lowest:.3f} | {self.other_rejects} |")


TABLE_HEAD = ("| corpus | German texts | told German | lowest probability | rejected for "
              "another reason |\n|---|---|---|---|---|")


def german_texts(corpus: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every article the corpus holds, in whichever shape it comes."""
    if (corpus / "documents.jsonl").is_file():
        with (corpus / "documents.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                document = json.loads(line)
                yield document["documentName"], (wikinews_text(document)
                                                 or document["originalText"])
    for path in sorted((corpus / "page_text").glob("*")) if (corpus / "page_text").is_dir() \
            else ():
        yield path.name, path.read_text(encoding="utf-8", errors="replace")
    if (corpus / "test.csv").is_file():
        with (corpus / "test.csv").open(encoding="utf-8", newline="") as handle:
            for number, (_label, text) in enumerate(csv.reader(handle, delimiter=";",
                                                               quotechar="'"), 1):
                yield f"test.csv:{number}", text


def evaluate_language(corpus: Path) -> LanguageScores:
    scores, started = LanguageScores(), datetime.now(UTC)
    for name, text in german_texts(corpus):
        result = process_document(document_from_bytes(f"{scores.texts}.txt",
                                                       text.encode("utf-8")), {}, started)
        scores.texts += 1
        if isinstance(result, ProcessedArticle):
            scores.german += 1
            scores.lowest = min(scores.lowest, result.article["language_score"] or 0.0)
        elif result.reason == "not_german":
            scores.misjudged.append(f"{name}: {result.detail}")
        else:
            scores.other_rejects += 1
    return scores
