"""Prefect orchestration: the `news-etl` flow, one task per batch of articles."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from pathlib import Path  # noqa: E402

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402

from flows import run  # noqa: E402
from flows.stages.intake import DEFAULT_MAX_BYTES  # noqa: E402

read_batch_task = task(run.read_batch, name="read-batch")
process_batch_task = task(run.process_batch, name="process-batch")


def _prefect_map(step, calls: list[tuple]) -> list:
    """Submit one task per batch and wait for all of them, in order."""
    step_task = {run.read_batch: read_batch_task, run.process_batch: process_batch_task}[step]
    futures = [step_task.submit(*args) for args in calls]
    return [future.result() for future in futures]


@flow(name="news-etl", log_prints=False)
def news_etl(raw_dir: str = "raw", output_dir: str = "output", batch_size: int = 500,
             only: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Raw German news dumps -> validated Parquet tables of articles, quotes and events."""
    config = run.RunConfig(Path(raw_dir), Path(output_dir), batch_size=batch_size, only=only,
                           max_bytes=max_bytes)
    summary = run.execute(config, _prefect_map)
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)
    create_markdown_artifact(key="news-etl-summary", markdown=_markdown(summary),
                             description="newsetl run summary")
    return summary.as_dict()


def _markdown(summary: run.RunSummary) -> str:
    rows = "\n".join(f"| {name} | {count} |" for name, count in summary.counts.items())
    rejects = "\n".join(f"| {reason} | {count} |"
                        for reason, count in sorted(summary.rejects_by_reason.items()))
    return (f"# newsetl run {summary.run_id}\n\n"
            f"{'Published version ' + summary.version if summary.published else 'Not published'}"
            f", {summary.inputs} inputs, {summary.duration_seconds:.1f} s\n\n"
            f"| table | rows |\n|---|---|\n{rows}\n\n"
            f"| reject reason | files |\n|---|---|\n{rejects or '| - | 0 |'}\n\n"
            f"```\n{summary.validation}\n```\n")


if __name__ == "__main__":
    news_etl()
