"""A run's intermediate results: one folder of Parquet files per batch of inputs (a "part").

Workers write the rows of their batch to a part, next to them what the corpus step needs of
each article (a sketch) and what the manifest needs of each input, and send back only a
`PartSummary` (the folder). After the corpus step, `finish_chunk` applies its decisions to a
few parts at a time, appends them to the staged tables and validates what it wrote.
"""

from __future__ import annotations

import ctypes
import gc
import pickle
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.corpus import ArticleSketch
from flows.process import ProcessedArticle, duplicate_rejection, redated_events
from flows.publish import readable_files, write_chunk
from flows.stages.dates import PublicationDate
from flows.stages.events import sketch_event
from flows.stages.intake import Rejection, input_name
from flows.tables import TABLES, table_spec, to_arrow
from flows.validate import ValidationReport, read_files, table_dataset, validate_frames

Result = ProcessedArticle | Rejection


@dataclass(frozen=True, slots=True)
class InputEntry:
    """One input record as the manifest and the duplicate check see it."""
    source_file: str
    input_name: str
    sha256: str | None
    article_id: str | None = None
    rejected: str | None = None


@dataclass(frozen=True)
class PartSummary:
    """What the run keeps of a part until it is published: its folder and article count.
    The part's sketches and input entries are written next to its rows (pickled, compressed)
    and read by the steps that need them, so the run's memory does not grow with them."""
    folder: str
    articles: int

    @classmethod
    def of(cls, folder: str, sketches: list[ArticleSketch], inputs: list[InputEntry]
           ) -> PartSummary:
        summary = cls(folder, len(sketches))
        summary._dump("inputs", inputs)
        summary._dump("sketches", sketches)
        return summary

    @property
    def sketches(self) -> list[ArticleSketch]:
        return self._load("sketches")

    @property
    def inputs(self) -> list[InputEntry]:
        return self._load("inputs")

    def with_sketches(self, sketches: list[ArticleSketch]) -> None:
        """Replace the part's sketches (rewritten on disk)."""
        self._dump("sketches", sketches)

    def _dump(self, name: str, value: list) -> None:
        (Path(self.folder) / f"{name}.pickle.zlib").write_bytes(
            zlib.compress(pickle.dumps(value), 1))

    def _load(self, name: str) -> list:
        return pickle.loads(zlib.decompress((Path(self.folder) / f"{name}.pickle.zlib")
                                            .read_bytes()))


@dataclass
class ChunkResult:
    counts: dict[str, int]
    report: ValidationReport
    rejects_by_reason: Counter


def result_rows(results: list[Result], run_id: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, ProcessedArticle):
            rows["articles"].append(result.article)
            rows["quotes"].extend(result.quotes)
            rows["events"].extend(result.events)
        else:
            rows["rejects"].append({**asdict(result), "run_id": result.run_id or run_id})
    return rows


def write_part(folder: Path, results: list[Result], run_id: str) -> PartSummary:
    _write_rows(folder, result_rows(results, run_id))
    return _summary(folder, results)


def _summary(folder: Path, results: list[Result]) -> PartSummary:
    sketches, inputs = [], []
    for result in results:
        if isinstance(result, ProcessedArticle):
            article = result.article
            sketches.append(result.sketch())
            inputs.append(InputEntry(article["source_file"], result.input_name,
                                     article["source_sha256"], article["article_id"]))
        else:
            inputs.append(InputEntry(
                result.source_file, input_name(result.source_file, result.source_record),
                result.source_sha256, rejected=result.reason))
    return PartSummary.of(str(folder), sketches, inputs)


def _write_rows(folder: Path, rows: dict[str, list[dict]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table_rows in rows.items():
        pq.write_table(to_arrow(name, table_rows), folder / f"{name}.parquet")


def read_part(folder: Path, tables: tuple[str, ...] = TABLES) -> dict[str, list[dict]]:
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in tables}


def results_of(rows: dict[str, list[dict]]) -> list[Result]:
    """Rows of a part (or of a published version) as results again."""
    quotes, events = _by_article(rows["quotes"]), _by_article(rows["events"])
    results: list[Result] = [
        ProcessedArticle(a, quotes.get(a["article_id"], []), events.get(a["article_id"], []))
        for a in rows["articles"]]
    results += [Rejection(r["source_file"], r["source_sha256"], r["stage"], r["reason"],
                          r["detail"], r["run_id"], r.get("source_record"))
                for r in rows["rejects"]]
    return results


def _by_article(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["article_id"], []).append(row)
    return grouped


def summarize_part(folder: str) -> PartSummary:
    """The summary of a part written from published rows (their date clues are read again)."""
    return _summary(Path(folder), results_of(read_part(Path(folder))))


def redate_part(folder: str, changed: dict[str, PublicationDate]) -> None:
    """Give articles of a part their new dates and re-read their events: rewrites those two
    tables of the part and the events in its sketches."""
    rows = read_part(Path(folder), ("articles", "events"))  # quotes and rejects stay as they are
    events = _by_article(rows["events"])
    sketched = {}
    for article in rows["articles"]:
        published = changed.get(article["article_id"])
        if published:
            events[article["article_id"]] = new = redated_events(article, published)
            sketched[article["article_id"]] = tuple(s for r in new if (s := sketch_event(r)))
    rows["events"] = [row for article_rows in events.values() for row in article_rows]
    _write_rows(Path(folder), rows)
    part = PartSummary(folder, len(rows["articles"]))
    part.with_sketches([replace(s, events=sketched[s.article_id])
                        if s.article_id in sketched else s for s in part.sketches])


def redate_parts(changes: list[tuple[str, dict[str, PublicationDate]]]) -> int:
    """redate_part for a few parts at once: (folder, changed) of each; -> how many."""
    for folder, changed in changes:
        redate_part(folder, changed)
    return len(changes)


def finish_chunk(folders: list[str], duplicates: dict[str, str], event_keys: dict[str, str],
                 staging: str, basename: str, run_id: str) -> ChunkResult:
    """Apply the corpus step's decisions to some parts, add them to the staged tables and
    validate the files just written (cross-table checks hold within a chunk: an article's
    quotes and events are always in its part). The rows stay in Arrow: as Python rows a
    chunk took ~100 MB more."""
    tables = {name: pa.concat_tables([pq.read_table(Path(folder) / f"{name}.parquet")
                                      for folder in folders]) for name in TABLES}
    if duplicates:  # rare: copies of an earlier input
        rows = {name: table.to_pylist() for name, table in tables.items()}
        _drop_duplicates(rows, duplicates, run_id)
        tables = {name: to_arrow(name, table_rows) for name, table_rows in rows.items()}
    tables["events"] = _with_event_keys(tables["events"], event_keys)
    written = write_chunk(Path(staging), tables, basename)
    frames = {name: read_files(Path(staging) / name, files) for name, files in written.items()}
    result = ChunkResult({name: table.num_rows for name, table in tables.items()},
                         validate_frames(frames),
                         Counter(tables["rejects"].column("reason").to_pylist()))
    del tables, frames
    give_back_memory()
    return result


def _with_event_keys(events: pa.Table, event_keys: dict[str, str]) -> pa.Table:
    """Events with the keys the corpus step shared between reports of one happening."""
    if not event_keys:
        return events
    keys = [event_keys.get(event_id, key) for event_id, key in
            zip(events.column("event_id").to_pylist(), events.column("event_key").to_pylist(),
                strict=True)]
    position = events.schema.get_field_index("event_key")
    return events.set_column(position, events.schema.field(position),
                             pa.array(keys, pa.string()))


def give_back_memory() -> None:
    """Return freed heap to the system (glibc keeps it otherwise: ~100 MB after a chunk,
    measured), so that a worker's size does not ratchet up with each chunk it finishes."""
    gc.collect()
    trim = glibc("malloc_trim")
    if trim is not None:
        trim(0)


@cache
def glibc(name: str):
    """A function of glibc's malloc from the running process (looked up once, when first
    needed); None where malloc is not glibc's."""
    return getattr(ctypes.CDLL(None), name, None)


def _drop_duplicates(rows: dict[str, list[dict]], duplicates: dict[str, str], run_id: str
                     ) -> None:
    """Copies become rejects. A byte-identical copy has its original's article_id, so their
    quotes and events cannot be told apart: one set stays if the original is in this chunk."""
    if not duplicates:
        return
    articles, copied_ids = [], set()
    for article in rows["articles"]:
        original = duplicates.get(input_name(article["source_file"], article["source_record"]))
        if original:
            copied_ids.add(article["article_id"])
            rejection = duplicate_rejection(article, original)
            rows["rejects"].append({**asdict(rejection), "run_id": run_id})
        else:
            articles.append(article)
    rows["articles"] = articles
    remaining = {article["article_id"] for article in articles}
    for name, key in (("quotes", "quote_id"), ("events", "event_id")):
        seen: set[str] = set()
        rows[name] = [row for row in rows[name] if row["article_id"] not in copied_ids
                      or (row["article_id"] in remaining and _first(row[key], seen))]


def _first(key: str, seen: set[str]) -> bool:
    if key in seen:
        return False
    seen.add(key)
    return True


def carry_published(published: Path, keep: set[str], parts: Path, size: int
                    ) -> list[str]:
    """Copy the published rows of the inputs this run keeps into parts of `size` articles,
    streaming (an article's quotes and events go to its part)."""
    keep_files = pa.array(sorted(keep), pa.string())
    part_of: dict[str, int] = {}
    writers = _PartWriters(parts)
    for article in _published_rows(published, "articles", pc.field("source_file").isin(
            keep_files)):
        number = len(part_of) // max(1, size)
        part_of[article["article_id"]] = number
        writers.add(number, "articles", article)
    for reject in _published_rows(published, "rejects",
                                  pc.field("source_file").isin(keep_files)):
        writers.add(len(part_of) // max(1, size), "rejects", reject)
    for name in ("quotes", "events"):
        for row in _published_rows(published, name, None):
            if row["article_id"] in part_of:
                writers.add(part_of[row["article_id"]], name, row)
    return writers.close()


def _published_rows(published: Path, name: str, condition) -> Iterator[dict]:
    """The rows of the published table's readable files (a damaged file's inputs are
    reprocessed or reported by the run: `published_damage`)."""
    folder = published / name
    for batch in table_dataset(folder, readable_files(folder)).to_batches(filter=condition):
        yield from batch.to_pylist()


class _PartWriters:
    """Rows appended to many parts at once; one Parquet writer per part and table."""

    def __init__(self, parts: Path) -> None:
        self.parts = parts
        self.pending: dict[tuple[int, str], list[dict]] = {}
        self.writers: dict[tuple[int, str], pq.ParquetWriter] = {}
        self.numbers: set[int] = set()

    def add(self, number: int, name: str, row: dict) -> None:
        self.numbers.add(number)
        pending = self.pending.setdefault((number, name), [])
        pending.append(row)
        if len(pending) >= 1000:
            self._flush(number, name)

    def _flush(self, number: int, name: str) -> None:
        rows = self.pending.pop((number, name), [])
        writer = self.writers.get((number, name))
        if writer is None:
            folder = self.folder(number)
            folder.mkdir(parents=True, exist_ok=True)
            writer = pq.ParquetWriter(folder / f"{name}.parquet", table_spec(name).schema)
            self.writers[(number, name)] = writer
        writer.write_table(to_arrow(name, rows))

    def folder(self, number: int) -> Path:
        return self.parts / f"kept-{number:06d}"

    def close(self) -> list[str]:
        for number in self.numbers:
            for name in TABLES:
                self._flush(number, name)
        for writer in self.writers.values():
            writer.close()
        return [str(self.folder(number)) for number in sorted(self.numbers)]
