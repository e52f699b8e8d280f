"""A pipeline run as plain steps, incremental by content hash.

1. hash every input file and compare with the published manifest;
2. scan the documents for lines that recur across a source (boilerplate);
3. process the new, changed and explicitly selected files, each batch into a part on disk
   (parts.py), and carry the published rows of every other file over into parts;
4. the corpus step on the parts' compact summaries (corpus.py);
5. finish the parts chunk by chunk (decisions applied, written, validated), then publish.

Memory stays flat: batches stream through worker processes (workers.py) and only summaries
come back. The Prefect flow (pipeline.py) schedules every step as tasks over batches;
`run_plain` runs the same steps in a plain loop, for tests and for measuring orchestration
overhead.
"""

from __future__ import annotations

import fnmatch
import hashlib
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from flows import __version__
from flows.corpus import Decisions, find_duplicates, key_events, redate
from flows.parts import (
    ChunkResult,
    InputEntry,
    PartSummary,
    Result,
    carry_published,
    finish_chunk,
    redate_parts,
    summarize_part,
    write_part,
)
from flows.process import process_document, recurring_lines, scan
from flows.progress import Progress, step_units
from flows.publish import (
    Damage,
    check_layout,
    clean_leftovers,
    new_staging,
    output_lock,
    publish,
    published_damage,
    published_folder,
    published_manifest,
    write_empty_tables,
    write_manifest,
)
from flows.reads import keeping_reads, kept_reads
from flows.stages.dates import PublicationDate
from flows.stages.intake import (
    DEFAULT_MAX_BYTES,
    Document,
    InputError,
    Rejection,
    discover,
    display_name,
    read_bounded,
    read_input,
    read_inputs,
)
from flows.tables import TABLES, table_spec
from flows.validate import Failure, ValidationReport, table_dataset
from flows.workers import Workers, in_own_process

PARTS = ".parts"
HASH_BATCHES = 10  # hashing is cheap: ten batches' worth of files per task
READ_BATCHES = 4  # so is scanning: four batches' worth per task (fewer tasks to orchestrate)
READS = "reads"  # in the parts folder: what the scan read, for the processing step
CHUNK_PARTS = 4  # parts finished (and validated) together: ~2,000 articles per chunk
APART_ARTICLES = 20_000  # from this corpus size on, the corpus step runs in its own process


@dataclass(frozen=True)
class RunConfig:
    raw_dir: Path
    output_dir: Path
    batch_size: int = 500
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False
    only: str | None = None
    since: date | None = None
    until: date | None = None
    lock_wait_seconds: float = 0.0
    progress: bool = False
    processes: int = 1
    flow_run: str | None = None  # the Prefect flow run, named in the lock file


@dataclass
class RunSummary:
    run_id: str
    published: bool
    version: str | None
    inputs: int
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    processed: int = 0
    kept_missing: int = 0
    recovered: int = 0
    lost: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    validation: str = ""
    duration_seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        if self.published and not self.processed and not self.counts:
            state = f"nothing new; version {self.version} stays published"
        else:
            state = f"published version {self.version}" if self.published else "NOT published"
        counts = ", ".join(f"{name} {count}" for name, count in self.counts.items())
        rejects = ", ".join(f"{r} {n}" for r, n in sorted(self.rejects_by_reason.items()))
        return [f"run {self.run_id}: {state} in {self.duration_seconds:.1f} s",
                f"inputs {self.inputs}: new {self.new}, changed {self.changed}, unchanged "
                f"{self.unchanged}, processed {self.processed}"
                + (f", kept {self.kept_missing} no longer in raw" if self.kept_missing else "")
                + (f", {self.recovered} again whose published rows were damaged"
                   if self.recovered else "")
                + (f", {self.lost} lost (damaged rows, not in raw: see rejects)"
                   if self.lost else ""),
                (f"tables: {counts}" + (f" (rejects: {rejects})" if rejects else ""))
                if counts else "tables: unchanged",
                self.validation]


@dataclass
class Plan:
    """Which inputs this run processes, and whose published rows it keeps."""
    process: list[str]
    keep: set[str]
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    kept_missing: int = 0
    recovered: int = 0  # processed again: their published rows were missing or unreadable


def recover_damage(plan: Plan, damage: Damage | None, hashes: dict[str, str | None],
                   manifest: dict) -> tuple[Plan, list[Rejection]]:
    """Kept inputs whose published rows are gone (a deleted or damaged Parquet file) are
    processed again from raw; those no longer in raw become `lost` rejects. Where quotes or
    events went missing, whose they were is unknown: every kept input still in raw goes
    again."""
    if damage is None:
        return plan, []
    rows_gone = not {"articles", "rejects"}.isdisjoint(damage.tables)
    missing = plan.keep - damage.accounted if rows_gone else set(plan.keep)
    again = {name for name in missing if name in hashes}
    lost = sorted(name for name in missing - again if name not in damage.accounted)
    plan = replace(plan, process=sorted({*plan.process, *again}),
                   keep=plan.keep - again - set(lost), recovered=len(again))
    detail = ("its published rows are missing or unreadable (damaged "
              f"{', '.join(damage.tables)}) and it is no longer in the raw folder")
    return plan, [Rejection(name, manifest["inputs"].get(name, {}).get("sha256"), "publish",
                            "lost", detail) for name in lost]


MapStep = Callable[[Callable, list[tuple], str], Iterator]


def batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), max(1, size))]


def find_inputs(raw_dir: Path) -> list[str]:
    """Input files as paths relative to the raw folder (the names rows and the manifest use)."""
    raw = raw_dir.resolve()
    return [display_name(p.relative_to(raw).as_posix()) for p in discover(raw)]


def hash_batch(paths: list[str], raw_dir: str, max_bytes: int = DEFAULT_MAX_BYTES
               ) -> list[tuple[str, str | None]]:
    """(file, sha256 of its bytes); None when it is not read (it is processed, and rejected):
    reading is bounded like intake's, so a huge file or an endless stream is never hashed."""
    result = []
    for path in paths:
        try:
            data = read_bounded(Path(raw_dir) / path, max_bytes)
            result.append((path, hashlib.sha256(data).hexdigest()))
        except InputError:
            result.append((path, None))
    return result


def scan_batch(paths: list[str], raw_dir: str, max_bytes: int, keep: list[str],
               reads: str) -> list:
    """The scans of some input files; what was read of those in `keep` (the files this run
    processes) goes to the file `reads`, for the processing step."""
    root, keep_set, scans = Path(raw_dir), set(keep), []
    with keeping_reads(Path(reads)) as kept:
        for path in paths:
            loaded = read_inputs(root / path, root, max_bytes)
            scans += [scan(d) for d in loaded if isinstance(d, Document)]
            if path in keep_set:
                kept.add(path, loaded)
    return scans


def hash_and_scan_batch(paths: list[str], raw_dir: str, max_bytes: int,
                        reads: str | None = None) -> tuple[list, list]:
    """Both from one read of each file, when every input is processed anyway (a first or a
    forced run); what was read goes to the file `reads`, for the processing step."""
    root = Path(raw_dir)
    hashes, scans = [], []
    with keeping_reads(Path(reads)) if reads else nullcontext() as kept:
        for path in paths:
            sha, loaded = read_input(root / path, root, max_bytes)
            hashes.append((path, sha))
            scans += [scan(d) for d in loaded if isinstance(d, Document)]
            if kept:
                kept.add(path, loaded)
    return hashes, scans


def process_batch(paths: list[str], raw_dir: str, max_bytes: int,
                  recurring: dict[str, set[str]], processed_at: datetime, part: str,
                  run_id: str, reads: str | None = None) -> PartSummary:
    """Process some input files into a part on disk; -> the part's summary. The files are
    taken as the scan read them (`reads`); one it did not keep is read here."""
    root = Path(raw_dir)
    read_before = kept_reads(Path(reads), set(paths)) if reads else {}
    results: list[Result] = []
    for path in paths:
        loaded_list = read_before.get(path)
        if loaded_list is None:
            loaded_list = read_inputs(root / path, root, max_bytes)
        for loaded in loaded_list:
            results.append(process_document(loaded, recurring, processed_at)
                           if isinstance(loaded, Document) else loaded)
    return write_part(Path(part), results, run_id)


# Rejects that say nothing of a file's content (it vanished or could not be read while the
# run read it): the next run reads the file again, whatever its hash.
READ_AGAIN_REJECTS = frozenset({"unreadable"})


def plan_run(config: RunConfig, hashes: dict[str, str | None], previous: dict | None,
             dates: dict[str, date | None]) -> Plan:
    """New or changed files, plus the ones a rerun selects; all others keep their rows."""
    before = {name: entry.get("sha256") for name, entry in (previous or {}).items()}
    if config.force or previous is None:
        return Plan(sorted(hashes), set(), new=len(hashes))
    retried = {name for name, entry in previous.items()
               if entry.get("rejected") in READ_AGAIN_REJECTS}
    selected = {name for name in hashes
                if name not in before or hashes[name] != before[name] or name in retried
                or (config.only and fnmatch.fnmatch(name, config.only))
                or _in_range(dates.get(name), config.since, config.until)}
    missing = set(before) - set(hashes)
    return Plan(
        process=sorted(selected), keep=set(before) - selected,
        new=sum(1 for name in hashes if name not in before),
        changed=sum(1 for name in hashes if name in before and hashes[name] != before[name]),
        unchanged=sum(1 for name in hashes if name in before and hashes[name] == before[name]),
        kept_missing=len(missing),
    )


def _in_range(day: date | None, since: date | None, until: date | None) -> bool:
    if day is None or (since is None and until is None):
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def execute(config: RunConfig, map_step: MapStep,
            after_previous: Callable[[dict | None], None] | None = None) -> RunSummary:
    """The whole run; `map_step(function, argument_tuples, label)` runs a step over batches
    and yields the results in order; `after_previous` gets what the lock file said of the
    run that held the output before this one (once this one holds it)."""
    started = datetime.now(UTC)
    run_id = uuid.uuid4().hex
    with output_lock(config.output_dir, config.lock_wait_seconds, config.flow_run) as previous:
        if after_previous:
            after_previous(previous)
        check_layout(config.output_dir)
        clean_leftovers(config.output_dir)
        raw = str(config.raw_dir.resolve())
        paths = find_inputs(config.raw_dir)
        manifest = published_manifest(config.output_dir)
        read_all = manifest is None or config.force  # everything is processed: one pass
        if read_all:
            staging = new_staging(config.output_dir, run_id)
            hashes, recurring = _hash_and_scan(paths, raw, config, map_step,
                                               staging / PARTS / READS)
        else:
            hashes = _hash(paths, raw, config, map_step)
        # Published rows are read only when needed: an unchanged corpus costs one hash per
        # file, nothing per article.
        by_date = manifest and (config.since or config.until) and not config.force
        dates = _published_dates(config.output_dir) if by_date else {}
        plan = plan_run(config, hashes, manifest["inputs"] if manifest else None, dates)
        lost: list[Rejection] = []
        if manifest and plan.keep:
            plan, lost = recover_damage(plan, published_damage(config.output_dir, manifest),
                                        hashes, manifest)
        summary = RunSummary(run_id, False, None, len(paths), plan.new, plan.changed,
                             plan.unchanged, len(plan.process), plan.kept_missing,
                             recovered=plan.recovered, lost=len(lost))
        if manifest and not plan.process and not lost and not manifest.get("rebuilt"):
            return _nothing_to_do(summary, manifest, started)
        if not read_all:
            staging = new_staging(config.output_dir, run_id)
            recurring = _scan(paths, raw, config, map_step, plan.process,
                              staging / PARTS / READS)
        parts = staging / PARTS
        summaries = list(map_step(process_batch, [
            (b, raw, config.max_bytes, recurring, started, str(parts / f"batch-{n:06d}"), run_id,
             reads) for n, (b, reads) in enumerate(
                _process_batches(paths, plan.process, config, parts / READS))], "processing"))
        if lost:
            summaries.append(write_part(parts / "lost", lost, run_id))
        if plan.keep:
            kept = carry_published(published_folder(config.output_dir), plan.keep, parts,
                                   config.batch_size)
            summaries += map_step(summarize_part, [(f,) for f in kept], "carrying over")
        return finish_parts(summaries, staging, config, summary, started, hashes, map_step)


def _hash(paths: list[str], raw: str, config: RunConfig, map_step: MapStep
          ) -> dict[str, str | None]:
    hashes: dict[str, str | None] = {}
    for hashed in map_step(hash_batch, [(b, raw, config.max_bytes) for b in batches(
            paths, config.batch_size * HASH_BATCHES)], "hashing"):
        hashes.update(hashed)
    return hashes


def _read_batches(paths: list[str], config: RunConfig) -> list[list[str]]:
    return batches(paths, config.batch_size * READ_BATCHES)


def _reads_file(reads: Path, number: int) -> str:
    return str(reads / f"read-{number:06d}.pickle")


def _scan(paths: list[str], raw: str, config: RunConfig, map_step: MapStep,
          process: list[str], reads: Path) -> dict[str, set[str]]:
    wanted = set(process)
    return recurring_lines(scanned for batch in map_step(scan_batch, [
        (b, raw, config.max_bytes, [p for p in b if p in wanted], _reads_file(reads, n))
        for n, b in enumerate(_read_batches(paths, config))], "scanning")
        for scanned in batch)


def _hash_and_scan(paths: list[str], raw: str, config: RunConfig, map_step: MapStep,
                   reads: Path) -> tuple[dict[str, str | None], dict[str, set[str]]]:
    hashes: dict[str, str | None] = {}

    def scanned():
        for hashed, batch in map_step(hash_and_scan_batch, [
                (b, raw, config.max_bytes, _reads_file(reads, n))
                for n, b in enumerate(_read_batches(paths, config))], "reading"):
            hashes.update(hashed)
            yield from batch

    return hashes, recurring_lines(scanned())


def _process_batches(paths: list[str], process: list[str], config: RunConfig, reads: Path
                     ) -> Iterator[tuple[list[str], str]]:
    """The files to process in batches, each with the file of what the scan read of them:
    the scan's batches, cut to the processing batch size."""
    wanted = set(process)
    for number, read_batch in enumerate(_read_batches(paths, config)):
        for batch in batches([p for p in read_batch if p in wanted], config.batch_size):
            yield batch, _reads_file(reads, number)


def _nothing_to_do(summary: RunSummary, manifest: dict, started: datetime) -> RunSummary:
    summary.published, summary.version = True, manifest.get("version")
    summary.validation = "validation: unchanged since the published run"
    summary.duration_seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


def _published_dates(output: Path) -> dict[str, date | None]:
    """source_file -> publication date of the published articles (two columns only)."""
    folder = published_folder(output)
    if folder is None:
        return {}
    table = table_dataset(folder / "articles").to_table(
        columns=["source_file", "published_date"])
    return dict(zip(table["source_file"].to_pylist(), table["published_date"].to_pylist(),
                    strict=True))


def finish(results: list[Result], config: RunConfig, summary: RunSummary, started: datetime,
           hashes: dict[str, str | None]) -> RunSummary:
    """Finish a run from results in memory (one part)."""
    staging = new_staging(config.output_dir, summary.run_id)
    part = write_part(staging / PARTS / "batch-000000", results, summary.run_id)
    return finish_parts([part], staging, config, summary, started, hashes,
                        plain_map(False, Workers(1)))


def finish_parts(summaries: list[PartSummary], staging: Path, config: RunConfig,
                 summary: RunSummary, started: datetime, hashes: dict[str, str | None],
                 map_step: MapStep) -> RunSummary:
    """The corpus step on the summaries, then the parts finished chunk by chunk; publish
    only if every chunk (and the checks across chunks) passed validation."""
    decisions = _corpus_step(summaries, map_step)
    chunks = [summaries[i:i + CHUNK_PARTS] for i in range(0, len(summaries), CHUNK_PARTS)]
    results = list(map_step(finish_chunk, [
        (*_chunk_decisions(chunk, decisions), str(staging), f"chunk-{n:06d}", summary.run_id)
        for n, chunk in enumerate(chunks)], "writing"))
    summary.counts = {name: sum(r.counts[name] for r in results) for name in TABLES}
    write_empty_tables(staging, [name for name, count in summary.counts.items() if not count])
    articles, rejects = _articles_and_rejects(summaries, decisions)
    report = _merged_report(results, articles, rejects)
    summary.rejects_by_reason = dict(sum((r.rejects_by_reason for r in results), Counter()))
    summary.validation = report.summary()
    version = f"{started:%Y%m%dT%H%M%S%fZ}-{summary.run_id[:8]}"
    write_manifest(staging, _manifest(summary, articles, rejects, decisions, started, version,
                                      hashes))
    shutil.rmtree(staging / PARTS, ignore_errors=True)  # parts and summaries: all read
    if report.success:
        publish(config.output_dir, staging, version)
        summary.published, summary.version = True, version
    summary.duration_seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


def _corpus_step(summaries: list[PartSummary], map_step: MapStep) -> Decisions:
    """Duplicates, new dates (their parts rewritten in workers), shared event keys.

    The two computations that need every sketch at once run, in a large corpus, in a process
    of their own: the heap they fill (~1.8 kB per article) would otherwise stay with this one
    while the chunks are finished (the freed sketches leave it fragmented)."""
    apart = sum(part.articles for part in summaries) >= APART_ARTICLES
    call = in_own_process if apart else _call
    duplicates, redated, changes = call(date_decisions, summaries)
    list(map_step(redate_parts, [(group,) for group in batches(changes, CHUNK_PARTS)],
                  "redating"))  # the workers rewrite the parts; nothing comes back
    return Decisions(duplicates, redated, call(shared_event_keys, summaries, duplicates))


def _call(function: Callable, *args):
    return function(*args)


def date_decisions(summaries: list[PartSummary]) -> tuple[
        dict[str, str], dict[str, PublicationDate], list[tuple[str, dict[str, PublicationDate]]]]:
    """(copies -> originals, article_id -> new publication date, and those dates by part
    folder) from all sketches."""
    by_part = [(part.folder, part.sketches) for part in summaries]
    sketches = [s for _, part_sketches in by_part for s in part_sketches]
    duplicates = find_duplicates(sketches)
    redated = redate([s for s in sketches if s.input_name not in duplicates])
    changes = [(folder, changed) for folder, part_sketches in by_part
               if (changed := {s.article_id: redated[s.article_id] for s in part_sketches
                               if s.article_id in redated})] if redated else []
    return duplicates, redated, changes


def shared_event_keys(summaries: list[PartSummary], duplicates: dict[str, str]
                      ) -> dict[str, str]:
    return key_events(s for part in summaries for s in part.sketches
                      if s.input_name not in duplicates)


def _chunk_decisions(chunk: list[PartSummary], decisions: Decisions) -> tuple:
    """(part folders, duplicates, event keys) of one chunk: only what concerns its parts."""
    names = {entry.input_name for part in chunk for entry in part.inputs}
    events = {e.event_id for part in chunk for s in part.sketches for e in s.events}
    return ([part.folder for part in chunk],
            {n: decisions.duplicates[n] for n in names if n in decisions.duplicates},
            {e: decisions.event_keys[e] for e in events if e in decisions.event_keys})


def _merged_report(results: list[ChunkResult], articles: list[InputEntry],
                   rejects: list[InputEntry]) -> ValidationReport:
    """The chunks' reports as one, plus the uniqueness checks that span chunks."""
    report = ValidationReport()
    seen = set()
    for result in results:
        for table, checked in result.report.checked.items():
            report.checked[table] = max(report.checked.get(table, 0), checked)
        for failure in result.report.failures:
            if (failure.table, failure.expectation, failure.column) not in seen:
                seen.add((failure.table, failure.expectation, failure.column))
                report.failures.append(failure)
    for table, values, column in (("articles", [e.article_id for e in articles], "article_id"),
                                  ("articles", [e.input_name for e in articles], "check_input"),
                                  ("rejects", [e.input_name for e in rejects], "check_input")):
        repeated = [v for v, n in Counter(values).items() if n > 1]
        if repeated and (table, "expect_column_values_to_be_unique", column) not in seen:
            report.failures.append(Failure(table, "expect_column_values_to_be_unique "
                                           "(across chunks)", column, repeated[:3]))
    return report


def _articles_and_rejects(summaries: list[PartSummary], decisions: Decisions
                          ) -> tuple[list[InputEntry], list[InputEntry]]:
    """The inputs that end as articles, and those that end as rejects (copies included)."""
    entries = [e for part in summaries for e in part.inputs]
    copies = decisions.duplicates
    return ([e for e in entries if e.article_id and e.input_name not in copies],
            [e for e in entries if not e.article_id or e.input_name in copies])


def _manifest(summary: RunSummary, articles: list[InputEntry], rejects: list[InputEntry],
              decisions: Decisions, started: datetime, version: str,
              hashes: dict[str, str | None]) -> dict:
    inputs = {e.source_file: {"sha256": e.sha256, "article_id": e.article_id} for e in articles}
    for entry in rejects:
        rejected = "duplicate" if entry.input_name in decisions.duplicates else entry.rejected
        # The hash of the bytes as last seen, so an unchanged bad file is not redone.
        sha = entry.sha256 or hashes.get(entry.source_file)
        inputs[entry.source_file] = {"sha256": sha, "rejected": rejected}
    return {
        "run_id": summary.run_id, "version": version, "started": started.isoformat(),
        "pipeline_version": __version__,
        "schema_versions": {name: table_spec(name).version for name in TABLES},
        "counts": summary.counts, "rejects_by_reason": summary.rejects_by_reason,
        "validation": summary.validation, "inputs": dict(sorted(inputs.items())),
    }


def plain_map(progress: bool, workers: Workers) -> MapStep:
    def run_steps(step: Callable, calls: list[tuple], label: str) -> Iterator:
        weights, unit = step_units(label, calls)
        bar = Progress(label, sum(weights), unit=unit) if progress and calls else None
        for weight, result in zip(weights, workers.map(step, calls), strict=True):
            if bar:
                bar.advance(weight)
            yield result
    return run_steps


def run_plain(config: RunConfig) -> RunSummary:
    """The pipeline without Prefect: the same steps in a plain loop (over worker processes
    when `config.processes` > 1)."""
    with Workers(config.processes) as workers:
        return execute(config, plain_map(config.progress, workers))
