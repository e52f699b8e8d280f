"""`newsetl eval language`: is every German article of a corpus told German?

An article judged foreign is rejected (`not_german`) and lost to the tables, so the figure
that matters is the share of German texts identified as German; the lowest probability shows
how close the nearest miss came. Corpora in three shapes are read: Wikinews
(`documents.jsonl`), fundus pages (`page_text/`) and 10kGNAD (`test.csv`, `label;text`).
Telling the other languages apart is tested on hand-made news paragraphs
(`tests/test_metadata.py`).
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flows.stages.metadata import detect_language


@dataclass
class LanguageScores:
    texts: int = 0
    german: int = 0
    lowest: float = 1.0
    misjudged: list[str] = field(default_factory=list)  # "name: language"
    seconds: float = 0.0

    @property
    def german_rate(self) -> float:
        return self.german / self.texts if self.texts else 0.0

    def row(self, corpus: str) -> str:
        per_text = 1000 * self.seconds / self.texts if self.texts else 0.0
        return (f"| {corpus} | {self.texts} | {self.german_rate:.3f} ({self.german}) "
                f"| {self.lowest:.3f} | {per_text:.1f} |")


TABLE_HEAD = ("| corpus | German texts | told German | lowest probability | ms/text |\n"
              "|---|---|---|---|---|")


def german_texts(corpus: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every article the corpus holds, in whichever shape it comes."""
    if (corpus / "documents.jsonl").is_file():
        with (corpus / "documents.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                document = json.loads(line)
                yield document["documentName"], document["originalText"]
    for path in sorted((corpus / "page_text").glob("*")) if (corpus / "page_text").is_dir() \
            else ():
        yield path.name, path.read_text(encoding="utf-8", errors="replace")
    if (corpus / "test.csv").is_file():
        with (corpus / "test.csv").open(encoding="utf-8", newline="") as handle:
            for number, (_label, text) in enumerate(csv.reader(handle, delimiter=";",
                                                               quotechar="'"), 1):
                yield f"test.csv:{number}", text


def evaluate_language(corpus: Path) -> LanguageScores:
    scores = LanguageScores()
    for name, text in german_texts(corpus):
        started = time.perf_counter()
        language, probability = detect_language(text)
        scores.seconds += time.perf_counter() - started
        scores.texts += 1
        if language == "de":
            scores.german += 1
            scores.lowest = min(scores.lowest, probability or 0.0)
        else:
            scores.misjudged.append(f"{name}: {language}")
    return scores
