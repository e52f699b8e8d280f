"""A pipeline run as plain steps, incremental by content hash.

1. hash every input file and compare with the published manifest;
2. scan the documents for lines that recur across a source (boilerplate);
3. process the new, changed and explicitly selected files;
4. carry the published rows of every other file over, then write, validate and publish.

The Prefect flow (pipeline.py) schedules steps 1-3 as tasks over batches; `run_plain` runs the
same steps in a loop without Prefect, for tests and for measuring orchestration overhead.
"""

from __future__ import annotations

import fnmatch
import hashlib
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from flows import __version__
from flows.process import (
    ProcessedArticle,
    Scan,
    drop_duplicates,
    finish_corpus,
    process_document,
    recurring_lines,
    scan,
)
from flows.progress import Progress
from flows.publish import (
    check_layout,
    clean_leftovers,
    new_staging,
    output_lock,
    publish,
    published_folder,
    published_manifest,
    write_manifest,
    write_tables,
)
from flows.stages.intake import DEFAULT_MAX_BYTES, Document, Rejection, discover, read_inputs
from flows.tables import TABLES, table_spec
from flows.validate import read_rows, validate_folder

Result = ProcessedArticle | Rejection


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
                + (f", kept {self.kept_missing} no longer in raw" if self.kept_missing else ""),
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


MapStep = Callable[[Callable, list[tuple], str], list]


def batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), max(1, size))]


def find_inputs(raw_dir: Path) -> list[str]:
    """Input files as paths relative to the raw folder (the names rows and the manifest use)."""
    raw = raw_dir.resolve()
    return [p.relative_to(raw).as_posix() for p in discover(raw)]


def hash_batch(paths: list[str], raw_dir: str) -> list[tuple[str, str | None]]:
    """(file, sha256 of its bytes); None when it cannot be read (it is processed, and rejected)."""
    result = []
    for path in paths:
        try:
            result.append((path, hashlib.sha256((Path(raw_dir) / path).read_bytes()).hexdigest()))
        except OSError:
            result.append((path, None))
    return result


def scan_batch(paths: list[str], raw_dir: str, max_bytes: int) -> list[Scan]:
    root = Path(raw_dir)
    loaded = (d for path in paths for d in read_inputs(root / path, root, max_bytes))
    return [scan(d) for d in loaded if isinstance(d, Document)]


def process_batch(paths: list[str], raw_dir: str, max_bytes: int,
                  recurring: dict[str, set[str]], processed_at: datetime) -> list[Result]:
    root = Path(raw_dir)
    results = []
    for path in paths:
        for loaded in read_inputs(root / path, root, max_bytes):
            results.append(process_document(loaded, recurring, processed_at)
                           if isinstance(loaded, Document) else loaded)
    return results


def plan_run(config: RunConfig, hashes: dict[str, str | None], previous: dict | None,
             dates: dict[str, date | None]) -> Plan:
    """New or changed files, plus the ones a rerun selects; all others keep their rows."""
    before = {name: entry.get("sha256") for name, entry in (previous or {}).items()}
    if config.force or previous is None:
        return Plan(sorted(hashes), set(), new=len(hashes))
    selected = {name for name in hashes
                if name not in before or hashes[name] != before[name]
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


def execute(config: RunConfig, map_step: MapStep) -> RunSummary:
    """The whole run; `map_step(function, argument_tuples, label)` runs a step over batches."""
    started = datetime.now(UTC)
    run_id = uuid.uuid4().hex
    with output_lock(config.output_dir, config.lock_wait_seconds):
        check_layout(config.output_dir)
        clean_leftovers(config.output_dir)
        raw = str(config.raw_dir.resolve())
        paths = find_inputs(config.raw_dir)
        hashed = map_step(hash_batch, [(b, raw) for b in batches(paths, config.batch_size)],
                          "hashing")
        hashes = dict(pair for batch in hashed for pair in batch)
        manifest = published_manifest(config.output_dir)
        # The published rows are read only when needed: an unchanged corpus costs one hash
        # per file, nothing per article.
        by_date = manifest and (config.since or config.until) and not config.force
        published = _published_rows(config.output_dir) if by_date else None
        dates = {a["source_file"]: a["published_date"]
                 for a in (published or {}).get("articles", [])}
        plan = plan_run(config, hashes, manifest["inputs"] if manifest else None, dates)
        summary = RunSummary(run_id, False, None, len(paths), plan.new, plan.changed,
                             plan.unchanged, len(plan.process), plan.kept_missing)
        if manifest and not plan.process:
            return _nothing_to_do(summary, manifest, started)
        if plan.keep and published is None:
            published = _published_rows(config.output_dir)
        scans = map_step(scan_batch, [(b, raw, config.max_bytes)
                                      for b in batches(paths, config.batch_size)], "scanning")
        recurring = recurring_lines(s for batch in scans for s in batch)
        processed = map_step(process_batch, [
            (b, raw, config.max_bytes, recurring, started)
            for b in batches(plan.process, config.batch_size)], "processing")
        results = _kept_results(published, plan.keep) + [r for b in processed for r in b]
        return finish(results, config, summary, started, hashes)


def _nothing_to_do(summary: RunSummary, manifest: dict, started: datetime) -> RunSummary:
    summary.published, summary.version = True, manifest.get("version")
    summary.validation = "validation: unchanged since the published run"
    summary.duration_seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


def _published_rows(output: Path) -> dict[str, list[dict]] | None:
    folder = published_folder(output)
    return {name: read_rows(folder / name) for name in TABLES} if folder else None


def _kept_results(published: dict[str, list[dict]] | None, keep: set[str]) -> list[Result]:
    """Published rows of the inputs this run does not reprocess, as results again."""
    if not published or not keep:
        return []
    articles = [a for a in published["articles"] if a["source_file"] in keep]
    ids = {a["article_id"] for a in articles}
    quotes, events = defaultdict(list), defaultdict(list)
    for row in published["quotes"]:
        if row["article_id"] in ids:
            quotes[row["article_id"]].append(row)
    for row in published["events"]:
        if row["article_id"] in ids:
            events[row["article_id"]].append(row)
    kept: list[Result] = [ProcessedArticle(a, quotes[a["article_id"]], events[a["article_id"]])
                          for a in articles]
    kept += [Rejection(r["source_file"], r["source_sha256"], r["stage"], r["reason"],
                       r["detail"], r["run_id"], r.get("source_record"))
             for r in published["rejects"] if r["source_file"] in keep]
    return kept


def finish(results: list[Result], config: RunConfig, summary: RunSummary, started: datetime,
           hashes: dict[str, str | None]) -> RunSummary:
    """Corpus-level steps, then write, validate and (only if valid) publish."""
    results = drop_duplicates(results)
    finish_corpus(results)
    rows = _rows(results, summary.run_id)
    staging = new_staging(config.output_dir, summary.run_id)
    summary.counts = write_tables(staging, rows)
    report = validate_folder(staging)
    summary.rejects_by_reason = dict(Counter(r["reason"] for r in rows["rejects"]))
    summary.validation = report.summary()
    version = f"{started:%Y%m%dT%H%M%S%fZ}-{summary.run_id[:8]}"
    write_manifest(staging, _manifest(summary, rows, started, version, hashes))
    if report.success:
        publish(config.output_dir, staging, version)
        summary.published, summary.version = True, version
    summary.duration_seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


def _rows(results: list[Result], run_id: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, ProcessedArticle):
            rows["articles"].append(result.article)
            rows["quotes"].extend(result.quotes)
            rows["events"].extend(result.events)
        else:
            rows["rejects"].append({**asdict(result), "run_id": result.run_id or run_id})
    return rows


def _manifest(summary: RunSummary, rows: dict[str, list[dict]], started: datetime,
              version: str, hashes: dict[str, str | None]) -> dict:
    inputs = {a["source_file"]: {"sha256": a["source_sha256"], "article_id": a["article_id"]}
              for a in rows["articles"]}
    for reject in rows["rejects"]:
        # The hash of the bytes as last seen, so an unchanged bad file is not redone.
        sha = reject["source_sha256"] or hashes.get(reject["source_file"])
        inputs[reject["source_file"]] = {"sha256": sha, "rejected": reject["reason"]}
    return {
        "run_id": summary.run_id, "version": version, "started": started.isoformat(),
        "pipeline_version": __version__,
        "schema_versions": {name: table_spec(name).version for name in TABLES},
        "counts": summary.counts, "rejects_by_reason": summary.rejects_by_reason,
        "validation": summary.validation, "inputs": dict(sorted(inputs.items())),
    }


def plain_map(progress: bool) -> MapStep:
    def run_steps(step: Callable, calls: list[tuple], label: str) -> list:
        bar = Progress(label, len(calls)) if progress and calls else None
        results = []
        for args in calls:
            results.append(step(*args))
            if bar:
                bar.advance()
        return results
    return run_steps


def run_plain(config: RunConfig) -> RunSummary:
    """The pipeline without Prefect: the same steps in a plain loop."""
    return execute(config, plain_map(config.progress))
