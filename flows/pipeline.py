"""Prefect orchestration: the `news-etl` flow, one task per batch of articles."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402

from flows import run  # noqa: E402
from flows.progress import Progress  # noqa: E402
from flows.stages.intake import DEFAULT_MAX_BYTES  # noqa: E402

FLOW_NAME = "news-etl"
_TASKS = {
    run.hash_batch: task(run.hash_batch, name="hash-batch"),
    run.scan_batch: task(run.scan_batch, name="scan-batch"),
    run.process_batch: task(run.process_batch, name="process-batch"),
}


def _prefect_map(progress: bool) -> run.MapStep:
    def submit_all(step, calls: list[tuple], label: str) -> list:
        """One task per batch, all submitted at once; results in batch order."""
        futures = [_TASKS[step].submit(*args) for args in calls]
        bar = Progress(label, len(futures)) if progress and futures else None
        results = []
        for future in futures:
            results.append(future.result())
            if bar:
                bar.advance()
        return results
    return submit_all


@flow(name=FLOW_NAME, log_prints=False)
def news_etl(raw_dir: str = "raw", output_dir: str = "output", batch_size: int = 500,
             force: bool = False, only: str | None = None, since: date | None = None,
             until: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
             lock_wait_seconds: float = 0.0, progress: bool = False) -> dict:
    """Raw German news dumps -> validated Parquet tables of articles, quotes and events.

    Incremental: only new or changed files are processed, unless `force`, `only` (a glob of
    input paths) or `since`/`until` (publication dates) select files for a rerun.
    """
    config = run.RunConfig(Path(raw_dir), Path(output_dir), batch_size=batch_size,
                           max_bytes=max_bytes, force=force, only=only, since=since,
                           until=until, lock_wait_seconds=lock_wait_seconds, progress=progress)
    summary = run.execute(config, _prefect_map(progress))
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)
    create_markdown_artifact(key="news-etl-summary", markdown=_markdown(summary),
                             description="newsetl run summary")
    return summary.as_dict()


def _markdown(summary: run.RunSummary) -> str:
    tables = "\n".join(f"| {name} | {count} |" for name, count in summary.counts.items())
    rejects = "\n".join(f"| {reason} | {count} |"
                        for reason, count in sorted(summary.rejects_by_reason.items()))
    return "\n".join([
        f"# newsetl run {summary.run_id}", "",
        summary.lines()[0], "",
        "| inputs | new | changed | unchanged | processed |", "|---|---|---|---|---|",
        f"| {summary.inputs} | {summary.new} | {summary.changed} | {summary.unchanged} "
        f"| {summary.processed} |", "",
        "| table | rows written |", "|---|---|", tables or "| (none: nothing new) | |", "",
        "| reject reason | files |", "|---|---|", rejects or "| - | 0 |", "",
        f"Validation: {summary.validation}", "",
        f"Duration: {summary.duration_seconds:.1f} s",
    ])


if __name__ == "__main__":
    news_etl()
