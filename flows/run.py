"""A pipeline run as plain steps: read and scan batches, process batches, then finish the run.

The Prefect flow (pipeline.py) schedules these same steps as tasks; `run_plain` runs them in a
loop without Prefect, for tests and for measuring orchestration overhead.
"""

from __future__ import annotations

import fnmatch
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows import __version__
from flows.process import (
    ProcessedArticle,
    Scan,
    drop_duplicates,
    process_document,
    recurring_lines,
    scan,
)
from flows.publish import (
    check_layout,
    new_staging,
    output_lock,
    publish,
    write_manifest,
    write_tables,
)
from flows.stages.intake import DEFAULT_MAX_BYTES, Document, Rejection, discover, read_document
from flows.tables import table_spec
from flows.validate import validate_folder

Result = ProcessedArticle | Rejection


@dataclass(frozen=True)
class RunConfig:
    raw_dir: Path
    output_dir: Path
    batch_size: int = 500
    max_bytes: int = DEFAULT_MAX_BYTES
    only: str | None = None
    lock_wait_seconds: float = 0.0


@dataclass
class RunSummary:
    run_id: str
    published: bool
    version: str | None
    inputs: int
    counts: dict[str, int] = field(default_factory=dict)
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    validation: str = ""
    duration_seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        state = f"published version {self.version}" if self.published else "NOT published"
        counts = ", ".join(f"{name} {count}" for name, count in self.counts.items())
        rejects = ", ".join(f"{r} {n}" for r, n in sorted(self.rejects_by_reason.items()))
        return [f"run {self.run_id}: {state} in {self.duration_seconds:.1f} s",
                f"inputs {self.inputs}; {counts}" + (f" (rejects: {rejects})" if rejects else ""),
                self.validation]


def batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), max(1, size))]


def find_inputs(config: RunConfig) -> list[str]:
    raw = config.raw_dir.resolve()
    paths = [p.relative_to(raw).as_posix() for p in discover(raw)]
    if config.only:
        paths = [p for p in paths if fnmatch.fnmatch(p, config.only)]
    return paths


def read_batch(paths: list[str], raw_dir: str, max_bytes: int
               ) -> tuple[list[Document | Rejection], list[Scan]]:
    root = Path(raw_dir)
    loaded = [read_document(root / path, root, max_bytes) for path in paths]
    return loaded, [scan(d) for d in loaded if isinstance(d, Document)]


def process_batch(loaded: list[Document | Rejection], recurring: dict[str, set[str]],
                  processed_at: datetime) -> list[Result]:
    return [process_document(item, recurring, processed_at) if isinstance(item, Document)
            else item for item in loaded]


def finish(results: list[Result], config: RunConfig, run_id: str, started: datetime,
           inputs: int) -> RunSummary:
    """Corpus-level steps, then write, validate and (only if valid) publish."""
    results = drop_duplicates(results)
    rows = _rows(results, run_id)
    staging = new_staging(config.output_dir, run_id)
    counts = write_tables(staging, rows)
    report = validate_folder(staging)
    summary = RunSummary(run_id, False, None, inputs, counts,
                         dict(Counter(r["reason"] for r in rows["rejects"])), report.summary())
    write_manifest(staging, _manifest(summary, rows, started))
    if report.success:
        summary.version = f"{started:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}"
        publish(config.output_dir, staging, summary.version)
        summary.published = True
    summary.duration_seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


def _rows(results: list[Result], run_id: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {"articles": [], "quotes": [], "events": [], "rejects": []}
    for result in results:
        if isinstance(result, ProcessedArticle):
            rows["articles"].append(result.article)
            rows["quotes"].extend(result.quotes)
            rows["events"].extend(result.events)
        else:
            rows["rejects"].append({**asdict(result), "run_id": run_id})
    return rows


def _manifest(summary: RunSummary, rows: dict[str, list[dict]], started: datetime) -> dict:
    inputs = {a["source_file"]: {"sha256": a["source_sha256"], "article_id": a["article_id"]}
              for a in rows["articles"]}
    inputs.update({r["source_file"]: {"sha256": r["source_sha256"], "rejected": r["reason"]}
                   for r in rows["rejects"]})
    return {
        "run_id": summary.run_id, "started": started.isoformat(),
        "pipeline_version": __version__,
        "schema_versions": {name: table_spec(name).version for name in rows},
        "counts": summary.counts, "rejects_by_reason": summary.rejects_by_reason,
        "validation": summary.validation, "inputs": dict(sorted(inputs.items())),
    }


MapStep = Callable[[Callable, list[tuple]], list]


def execute(config: RunConfig, map_step: MapStep) -> RunSummary:
    """The whole run; `map_step(function, argument_tuples)` runs a step over all batches."""
    started = datetime.now(UTC)
    run_id = uuid.uuid4().hex
    with output_lock(config.output_dir, config.lock_wait_seconds):
        check_layout(config.output_dir)
        paths = find_inputs(config)
        raw = str(config.raw_dir.resolve())
        read = map_step(read_batch, [(b, raw, config.max_bytes)
                                     for b in batches(paths, config.batch_size)])
        recurring = recurring_lines(s for _, scans in read for s in scans)
        processed = map_step(process_batch, [(loaded, recurring, started)
                                             for loaded, _ in read])
        results = [r for batch in processed for r in batch]
        return finish(results, config, run_id, started, len(paths))


def run_plain(config: RunConfig) -> RunSummary:
    """The pipeline without Prefect: the same steps in a plain loop."""
    return execute(config, lambda step, calls: [step(*args) for args in calls])
