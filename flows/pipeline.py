"""Prefect orchestration: the `news-etl` flow, one task per batch of articles."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Prefect waits 20 s for its embedded server to start; on a busy machine that is too short
# (CI saw "Timed out while attempting to connect to ephemeral Prefect API server").
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

from collections import deque  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, get_client, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import get_run_context  # noqa: E402
from prefect.states import Crashed  # noqa: E402

from flows import run  # noqa: E402
from flows.parts import finish_chunk, redate_parts, summarize_part  # noqa: E402
from flows.progress import Progress, step_units  # noqa: E402
from flows.stages.intake import DEFAULT_MAX_BYTES  # noqa: E402
from flows.workers import Workers, default_processes  # noqa: E402

FLOW_NAME = "news-etl"
_STEPS = (run.hash_batch, run.scan_batch, run.hash_and_scan_batch, run.process_batch,
          summarize_part, redate_parts, finish_chunk)


def _task_name(step) -> str:
    return step.__name__.replace("_", "-")


# Steps as tasks that run where the task runner puts them (Dask workers).
_TASKS = {step: task(step, name=_task_name(step), cache_policy=NO_CACHE) for step in _STEPS}


def _pool_task(step, workers: Workers):
    """A task that hands its batch to the run's worker processes (with the default thread
    runner, so that the tasks use every core)."""
    def in_worker_process(*args):
        return workers.submit(step, *args).result()
    return task(in_worker_process, name=_task_name(step), cache_policy=NO_CACHE)


def _prefect_map(progress: bool, workers: Workers | None) -> run.MapStep:
    def submit_all(step, calls: list[tuple], label: str):
        """One task per batch, a few in flight per process; results in batch order."""
        in_pool = workers is not None and workers.parallel(calls)
        work = _pool_task(step, workers) if in_pool else _TASKS[step]
        window = 2 * workers.processes if in_pool else max(1, len(calls))
        weights, unit = step_units(label, calls)
        bar = Progress(label, sum(weights), unit=unit) if progress and calls else None
        pending = deque()
        for weight, args in zip(weights, calls, strict=True):
            pending.append((weight, work.submit(*args)))
            if len(pending) >= window:
                yield _result(*pending.popleft(), bar)
        while pending:
            yield _result(*pending.popleft(), bar)
    return submit_all


def _result(weight: int, future, bar: Progress | None):
    result = future.result()
    if bar:
        bar.advance(weight)
    return result


@flow(name=FLOW_NAME, log_prints=False)
def news_etl(raw_dir: str = "raw", output_dir: str = "output", batch_size: int = 500,
             force: bool = False, only: str | None = None, since: date | None = None,
             until: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
             lock_wait_seconds: float = 0.0, progress: bool = False,
             processes: int | None = None) -> dict:
    """Raw German news dumps -> validated Parquet tables of articles, quotes and events.

    Incremental: only new or changed files are processed, unless `force`, `only` (a glob of
    input paths) or `since`/`until` (publication dates) select files for a rerun.
    `processes`: worker processes for the batches (default: every core); 0 runs the tasks
    where the task runner puts them (a Dask cluster).
    """
    config = run.RunConfig(Path(raw_dir), Path(output_dir), batch_size=batch_size,
                           max_bytes=max_bytes, force=force, only=only, since=since,
                           until=until, lock_wait_seconds=lock_wait_seconds, progress=progress,
                           flow_run=str(get_run_context().flow_run.id))
    count = default_processes() if processes is None else processes
    if count:
        with Workers(count) as workers:
            summary = run.execute(config, _prefect_map(progress, workers), _end_if_it_died)
    else:
        summary = run.execute(config, _prefect_map(progress, None), _end_if_it_died)
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)
    create_markdown_artifact(key="news-etl-summary", markdown=_markdown(summary),
                             description="newsetl run summary")
    return summary.as_dict()


def _end_if_it_died(previous: dict | None) -> None:
    """The flow run that held the output before this one has let go of it. If Prefect still
    has it running, its process was killed (SIGKILL, a lost container): it tells no one, so
    this run marks it Crashed. Best effort: another Prefect database, or none, is no error."""
    if not previous or not previous.get("flow_run"):
        return
    try:
        with get_client(sync_client=True) as client:
            flow_run = client.read_flow_run(previous["flow_run"])
            if flow_run.state and flow_run.state.is_running():
                client.set_flow_run_state(flow_run.id, Crashed(message=(
                    f"its process (pid {previous.get('pid')}) ended without a word; found by "
                    "the next run on the same output")), force=True)
                get_run_logger().warning("flow run %s had been killed: marked Crashed",
                                         flow_run.name)
    except Exception as error:  # noqa: BLE001 - the run goes on whatever Prefect says
        get_run_logger().info("could not check the previous flow run: %s", error)


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
