"""The `newsetl` command.

Exit codes: 0 done (rejected inputs are data, not failure); 1 output failed validation and was
not published; 2 the run could not be done (bad arguments, unreadable folders, errors);
3 another run holds the output folder.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from flows import __version__
from flows.progress import print_progress_line
from flows.stages.intake import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_INVALID, EXIT_ERROR, EXIT_LOCKED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
_INTERRUPTED = "newsetl: interrupted; nothing was published, the published output is unchanged"

_DESCRIPTION = """\
newsetl turns raw German news dumps into validated Parquet tables:
articles, quotes, events and rejects (one row for every input that could not be used).

Runs are incremental: only new or changed input files are processed, and the other files keep
their published rows. Reruns after a rule was fixed choose files with --force, --only,
--since/--until.

examples:
  newsetl run --raw raw --output output          run the Prefect flow (no server needed)
  newsetl run --raw raw --output out --only '2015/*.txt'
  newsetl run --raw raw --output out --since 2015-11-01 --until 2015-11-30
  newsetl run --raw raw --output out --workers 2          on a local Dask cluster
  newsetl validate --output output               check published tables, exit 1 if invalid
  newsetl serve --raw raw --output output --cron "0 3 * * *"
"""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw", type=Path, default=Path("raw"),
                        help="folder of input files, searched recursively (default: raw)")
    parser.add_argument("--output", type=Path, default=Path("output"),
                        help="folder the tables are published to (default: output)")
    parser.add_argument("--batch-size", type=_positive, default=500,
                        help="articles per task (default: 500)")
    parser.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES,
                        help="inputs larger than this are rejected as too_large, never "
                        f"truncated (default: {DEFAULT_MAX_BYTES:,})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsetl", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newsetl {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the pipeline on a raw folder and publish",
                              description="Run the pipeline and publish the tables atomically. "
                              "Nothing is published when validation fails.")
    _add_run_options(run)
    run.add_argument("--force", action="store_true",
                     help="reprocess every input and rebuild the tables from raw/ alone")
    run.add_argument("--only", metavar="GLOB",
                     help="also reprocess input files whose path (relative to --raw) matches")
    run.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                     help="also reprocess articles published on or after this day")
    run.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                     help="also reprocess articles published on or before this day")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run on the same output (default: 0)")
    run.add_argument("--processes", type=_positive, metavar="N",
                     help="worker processes for the batches (default: one per core)")
    scale = run.add_mutually_exclusive_group()
    scale.add_argument("--workers", type=_positive, metavar="N",
                       help="run the tasks on a local Dask cluster of N worker processes")
    scale.add_argument("--dask-address", metavar="tcp://HOST:PORT",
                       help="run the tasks on an existing Dask cluster")
    scale.add_argument("--no-prefect", action="store_true",
                       help="run the same steps in a plain loop, without Prefect")
    run.add_argument("--verbose", action="store_true", help="show Prefect's INFO logs")

    validate = commands.add_parser("validate", help="validate published tables",
                                   description="Run the Great Expectations suites on the "
                                   "published tables; exit 1 if any expectation fails.")
    validate.add_argument("--output", type=Path, default=Path("output"),
                          help="output folder to check (default: output)")

    report = commands.add_parser(
        "report", help="build Great Expectations Data Docs (HTML) for the published tables",
        description="Validate the published tables and render the results as Great "
        "Expectations Data Docs; prints where to open them.")
    report.add_argument("--output", type=Path, default=Path("output"),
                        help="output folder to report on (default: output)")
    report.add_argument("--docs", type=Path,
                        help="folder for the HTML (default: OUTPUT/data_docs)")

    evaluate = commands.add_parser(
        "eval", help="score the pipeline against gold data (quality gates)",
        description="Run the real stages (and the corpus step) on a gold corpus and print "
        "the scores. With --min-* floors, exit 1 when a score falls below its floor.")
    evaluate.add_argument("what", choices=["cleaning", "pages", "quotes", "events", "dates",
                                           "language"],
                          help="cleaning: fundus pages as HTML and as page text (body, "
                          "title, date, authors; trafilatura side by side when installed); "
                          "pages: the page-text dumps only; "
                          "quotes: German Wikinews with gold quotations and speakers; "
                          "events: Wikinews articles with gold events (--gold); "
                          "dates: Wikinews articles as dumps with right and wrong date lines; "
                          "language: the German texts of any of the corpora told German")
    evaluate.add_argument("--corpus", type=Path, required=True,
                          help="../shared/corpora/fundus_news_pages_de, "
                          "../shared/corpora/wikinews_quotation_attribution_de (language: "
                          "also ../shared/corpora/10kgnad)")
    evaluate.add_argument("--gold", type=Path,
                          help="events: gold JSONL annotated by EVENTS_GUIDE.md")
    for floor in ("precision", "recall", "f1"):
        evaluate.add_argument(f"--min-{floor}", type=float, metavar="X",
                              help=f"events: exit 1 when the {floor} of all gold articles "
                              "is below X")
    for floor in ("event-dates", "actors"):
        evaluate.add_argument(f"--min-{floor}", type=float, metavar="X",
                              help=f"events: exit 1 when the share of matched rows with "
                              f"their {floor.removeprefix('event-')} right is below X")
    for floor, what in (("confirmed", "right dates confirmed"),
                        ("flagged", "wrong dates flagged"), ("repaired", "wrong dates repaired")):
        evaluate.add_argument(f"--min-{floor}", type=float, metavar="X",
                              help=f"dates: exit 1 when the share of {what} is below X")

    for floor, what in (("direct-f1", "direct-quote F1"),
                        ("speaker", "direct-quote speaker accuracy"),
                        ("all-f1", "F1 of all speech events")):
        evaluate.add_argument(f"--min-{floor}", type=float, metavar="X",
                              help=f"quotes: exit 1 when the {what} is below X")

    evaluate.add_argument("--min-german", type=float, metavar="X",
                          help="language: exit 1 when the share of texts told German is "
                          "below X")

    bench = commands.add_parser(
        "bench", help="measure the real pipeline on real and synthetic corpora",
        description="Time `newsetl run` (plain loop, unchanged rerun, Prefect flow, optionally "
        "Dask with 1 and 2 workers) on the real articles in the shared corpora and on "
        "synthetic corpora of real paragraphs; print a table and write JSON.")
    bench.add_argument("--shared", type=Path, default=Path("../shared/corpora"),
                       help="folder of the corpora (default: ../shared/corpora)")
    bench.add_argument("--sizes", default="real,10000",
                       help="comma-separated: 'real' and/or document counts, e.g. "
                       "real,10000,100000,1000000 (default: real,10000)")
    bench.add_argument("--dask", action="store_true", help="also run Dask with 1 and 2 workers")
    bench.add_argument("--plain-only", action="store_true",
                       help="only the plain run and the unchanged rerun (for 1M documents)")
    bench.add_argument("--work", type=Path, default=Path("bench-work"),
                       help="scratch folder for the generated corpora (default: bench-work)")
    bench.add_argument("--json", type=Path, default=Path("bench.json"),
                       help="where to write the results (default: bench.json)")

    serve = commands.add_parser(
        "serve", help="serve the scheduled Prefect deployment (runs until stopped)",
        description="Serve the `news-etl` flow as a Prefect deployment with a schedule, from "
        "this process. Uses Prefect's embedded mode, or the Prefect server named by "
        "PREFECT_API_URL. Stop with Ctrl-C (the schedule is paused until served again).")
    _add_run_options(serve)
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "0 3 * * *"')
    when.add_argument("--interval", type=_positive, metavar="SECONDS",
                      help="run every SECONDS seconds")
    serve.add_argument("--timezone", default="Europe/Berlin",
                       help="time zone of the schedule (default: Europe/Berlin)")
    serve.add_argument("--name", default="nightly", help="deployment name (default: nightly)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {"run": _run, "validate": _validate, "report": _report, "serve": _serve,
                    "eval": _evaluate, "bench": _bench}
        return commands[args.command](args)
    except KeyboardInterrupt:
        print(_INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"newsetl: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    from flows.prefect_server import ServerError
    from flows.publish import OutputLayoutError, OutputLocked
    from flows.run import RunConfig, run_plain
    from flows.workers import default_processes

    problem = _preflight(args)
    if problem:
        return _fail(*problem)
    config = RunConfig(args.raw, args.output, batch_size=args.batch_size,
                       max_bytes=args.max_bytes, force=args.force, only=args.only,
                       since=args.since, until=args.until, lock_wait_seconds=args.wait,
                       progress=True, processes=args.processes or default_processes())
    try:
        summary = run_plain(config) if args.no_prefect else _run_flow(config, args)
    except OutputLocked as error:
        return _fail(str(error), EXIT_LOCKED)
    except ServerError as error:
        return _fail(f"cannot start Prefect: {error}")
    except (OutputLayoutError, OSError) as error:
        return _fail(str(error))
    except Exception as error:  # noqa: BLE001 - one line for the user, not a traceback
        return _fail(f"run failed: {type(error).__name__}: {error}")
    print("\n".join(summary.lines()))
    return EXIT_OK if summary.published else EXIT_INVALID


def _preflight(args: argparse.Namespace) -> tuple[str, int] | None:
    """What a person can get wrong, checked before Prefect starts (seconds of start-up and a
    traceback later otherwise): (one-line message, exit code), or None."""
    from flows.publish import lock_holder

    if not args.raw.is_dir():
        return f"raw folder {args.raw} does not exist or is not a folder", EXIT_ERROR
    output = args.output
    if output.resolve().is_relative_to(args.raw.resolve()):
        return (f"output folder {output} is inside the raw folder {args.raw}: a run would "
                "read its own output as input"), EXIT_ERROR
    if output.exists() and not output.is_dir():
        return f"output {output} exists and is not a folder", EXIT_ERROR
    existing = next(p for p in [output, *output.resolve().parents] if p.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"output folder {existing} is not writable", EXIT_ERROR
    holder = lock_holder(output) if not getattr(args, "wait", 0) else None
    if holder:
        return (f"another newsetl run is writing to {output} ({holder}); try again when it "
                "has finished, or give --wait SECONDS"), EXIT_LOCKED
    address = getattr(args, "dask_address", None)
    if address and not _reachable(address):
        return f"no Dask scheduler answers at {address}", EXIT_ERROR
    return None


def _reachable(address: str) -> bool:
    import socket
    from urllib.parse import urlparse

    parsed = urlparse(address if "://" in address else f"tcp://{address}")
    try:
        with socket.create_connection((parsed.hostname or "", parsed.port or 8786), timeout=3):
            return True
    except (OSError, ValueError):
        return False


def _quiet_prefect(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    if not verbose:
        logging.getLogger("distributed").setLevel(logging.WARNING)


def _run_flow(config, args: argparse.Namespace):
    _quiet_prefect(args.verbose)
    _stop_at_once_on_ctrl_c()
    print_progress_line("starting Prefect (its API server takes a few seconds)")
    from flows.prefect_server import prefect_api

    with prefect_api(scheduler=False):
        from flows.pipeline import news_etl
        from flows.run import RunSummary

        flow = news_etl
        runner = _dask_runner(args)
        if runner is not None:
            flow = news_etl.with_options(task_runner=runner)
        return RunSummary(**flow(
            raw_dir=str(config.raw_dir), output_dir=str(config.output_dir),
            batch_size=config.batch_size, force=config.force, only=config.only,
            since=config.since, until=config.until, max_bytes=config.max_bytes,
            lock_wait_seconds=config.lock_wait_seconds, progress=config.progress,
            processes=0 if runner else config.processes))


def _stop_at_once_on_ctrl_c() -> None:
    """Ctrl-C during a Prefect run: one line and exit 130 at once. Prefect's own handling
    reports a crash to its embedded server, which the same Ctrl-C has already stopped (dozens
    of lines of connection errors). Nothing is published (the swap is the run's last step),
    the lock dies with the process, the next run clears the staging folder; the run's child
    processes (workers, the server) end with it."""
    import signal

    def stop(_signum, _frame):
        os.write(2, (_INTERRUPTED + "\n").encode())
        for child in _descendants(os.getpid()):
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)
        os._exit(EXIT_INTERRUPTED)

    signal.signal(signal.SIGINT, stop)


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux /proc), children first."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = (entry / "stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _dask_runner(args: argparse.Namespace):
    if not (args.workers or args.dask_address):
        return None
    from prefect_dask import DaskTaskRunner

    if args.dask_address:
        return DaskTaskRunner(address=args.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": args.workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def _report(args: argparse.Namespace) -> int:
    from flows.publish import published_folder
    from flows.validate import build_data_docs

    folder = published_folder(args.output)
    if folder is None:
        return _fail(f"{args.output} has no published output (run `newsetl run` first)")
    docs = (args.docs or args.output / "data_docs").resolve()
    try:
        written = build_data_docs(folder, docs)
    except Exception as error:  # noqa: BLE001
        return _fail(f"cannot build Data Docs: {type(error).__name__}: {error}")
    print(f"validation results written; open {written.page.as_uri()} (one page, reads "
          f"offline)\nGreat Expectations Data Docs: {written.gx_index} (styled from the "
          "internet)")
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from flows.evaluate import cleaning_table, evaluate_cleaning, evaluate_pages, evaluate_quotes

    if args.what == "language":  # any of three corpus shapes: it says when it finds none
        return _evaluate_language(args)
    needed = {"cleaning": "articles.jsonl", "pages": "articles.jsonl",
              "quotes": "documents.jsonl", "events": "documents.jsonl",
              "dates": "documents.jsonl"}[args.what]
    if not (args.corpus / needed).is_file():
        return _fail(f"{args.corpus} has no {needed}: not the corpus for `eval {args.what}`")
    if args.what == "events":
        return _evaluate_events(args)
    if args.what == "dates":
        return _evaluate_dates(args)
    if args.what in ("cleaning", "pages"):
        rows = evaluate_cleaning(args.corpus) if args.what == "cleaning" \
            else [evaluate_pages(args.corpus)[0]]
        print(cleaning_table(rows))
        return EXIT_OK
    results = evaluate_quotes(args.corpus)
    print("| quotes | P | R | F1 | speaker accuracy |\n|---|---|---|---|---|")
    print(results["direct"].row("direct (gold Direct vs direct+partial)"))
    print(results["all"].row("all speech events"))
    direct = results["direct"]
    return _quality_gate([("direct F1", direct.f1, args.min_direct_f1),
                          ("speaker accuracy", direct.speaker_accuracy, args.min_speaker),
                          ("all F1", results["all"].f1, args.min_all_f1)])


def _evaluate_events(args: argparse.Namespace) -> int:
    from flows.evaluate_events import evaluate_events, events_report

    if args.gold is None or not args.gold.is_file():
        return _fail("eval events needs --gold FILE (JSONL annotated by EVENTS_GUIDE.md)")
    try:
        scores = evaluate_events(args.gold, args.corpus)
    except ValueError as error:
        return _fail(str(error))
    print(events_report(scores))
    overall = scores["all"]
    return _quality_gate([("precision", overall.precision, args.min_precision),
                          ("recall", overall.recall, args.min_recall),
                          ("f1", overall.f1, args.min_f1),
                          ("event dates right", overall.dates_right, args.min_event_dates),
                          ("actors right", overall.actors_share, args.min_actors)])


def _evaluate_dates(args: argparse.Namespace) -> int:
    from flows.evaluate_dates import dates_report, evaluate_dates

    scores = evaluate_dates(args.corpus)
    print(dates_report(scores))
    overall = scores["all"]
    return _quality_gate([("confirmed", overall.confirmed_rate, args.min_confirmed),
                          ("flagged", overall.flagged_rate, args.min_flagged),
                          ("repaired", overall.repaired_rate, args.min_repaired)])


def _evaluate_language(args: argparse.Namespace) -> int:
    from flows.evaluate_language import TABLE_HEAD, evaluate_language

    scores = evaluate_language(args.corpus)
    if not scores.texts:
        return _fail(f"{args.corpus} holds no texts `eval language` can read")
    print(TABLE_HEAD)
    print(scores.row(args.corpus.name))
    for misjudged in scores.misjudged[:10]:
        print(f"told not German: {misjudged}")
    return _quality_gate([("told German", scores.german_rate, args.min_german)])


def _quality_gate(figures: list[tuple[str, float, float | None]]) -> int:
    """Exit 1 when a figure is below its floor (the CI quality gates)."""
    below = [f"{name} {value:.3f} < {floor}" for name, value, floor in figures
             if floor is not None and value < floor]
    if below:
        print("quality gate failed: " + "; ".join(below), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from flows.bench import run_bench, save, table

    if not args.shared.is_dir():
        return _fail(f"{args.shared} is not a folder of corpora")
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    if any(s != "real" and not s.isdigit() for s in sizes):
        return _fail(f"--sizes takes 'real' and numbers, not {args.sizes!r}")
    results = run_bench(args.shared, Path("raw"), sizes, args.work.resolve(), args.dask,
                        args.plain_only)
    save(results, args.json)
    print(table(results))
    print(f"\nwritten to {args.json}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        return _fail(f"raw folder {args.raw} does not exist or is not a folder")
    if args.cron and not _valid_cron(args.cron):
        return _fail(f"not a cron expression: {args.cron!r} (five fields, e.g. '0 3 * * *')")
    _quiet_prefect(verbose=True)
    from flows.prefect_server import ServerError, prefect_api

    print_progress_line("starting a Prefect server for the schedule (PREFECT_API_URL unset)"
                        if not os.environ.get("PREFECT_API_URL") else "connecting to Prefect")
    try:
        with prefect_api(scheduler=True) as api_url:
            return _serve_deployment(args, api_url)
    except ServerError as error:
        return _fail(f"cannot serve: {error}")


def _serve_deployment(args: argparse.Namespace, api_url: str) -> int:
    """Serve the flow from this process; Prefect's scheduler (at `api_url`) starts the runs."""
    from prefect import serve
    from prefect.schedules import Cron, Interval

    from flows.pipeline import FLOW_NAME, news_etl

    schedule = Cron(args.cron, timezone=args.timezone) if args.cron else \
        Interval(timedelta(seconds=args.interval), timezone=args.timezone)
    parameters = {"raw_dir": str(args.raw.resolve()), "output_dir": str(args.output.resolve()),
                  "batch_size": args.batch_size, "max_bytes": args.max_bytes,
                  "lock_wait_seconds": 3600.0}
    try:
        deployment = news_etl.to_deployment(name=args.name, schedule=schedule,
                                            parameters=parameters)
        print(f"serving deployment '{FLOW_NAME}/{args.name}' (Prefect API {api_url}); trigger "
              f"a run with: PREFECT_API_URL={api_url} prefect deployment run "
              f"'{FLOW_NAME}/{args.name}'", flush=True)
        serve(deployment, print_starting_message=False)
    except Exception as error:  # noqa: BLE001
        return _fail(f"cannot serve: {type(error).__name__}: {error}")
    return EXIT_OK


def _valid_cron(expression: str) -> bool:
    from datetime import datetime

    from cronsim import CronSim, CronSimError  # what Prefect's Cron schedule parses with

    try:
        CronSim(expression, datetime.now())
    except CronSimError:
        return False
    return True


def _validate(args: argparse.Namespace) -> int:
    from flows.publish import published_folder
    from flows.validate import validate_folder

    folder = published_folder(args.output)
    if folder is None:
        return _fail(f"{args.output} has no published output (run `newsetl run` first)")
    try:
        report = validate_folder(folder)
    except Exception as error:  # noqa: BLE001
        return _fail(f"cannot read tables in {folder}: {type(error).__name__}: {error}")
    print(report.summary())
    return EXIT_OK if report.success else EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
