"""The `newsetl` command.

Exit codes: 0 done (rejected inputs are data, not failure); 1 output failed validation and was
not published; 2 the run could not be done (bad arguments, unreadable folders, errors);
3 another run holds the output folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from flows.stages.intake import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_INVALID, EXIT_ERROR, EXIT_LOCKED = 0, 1, 2, 3

_DESCRIPTION = """\
newsetl turns raw German news dumps into validated Parquet tables:
articles, quotes, events and rejects (one row for every input that could not be used).

examples:
  newsetl run --raw raw --output output          run the Prefect flow (no server needed)
  newsetl run --raw raw --output out --only '2015/*.txt'
  newsetl validate --output output               check published tables, exit 1 if invalid
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsetl", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the pipeline on a raw folder and publish",
                              description="Run the pipeline and publish the tables atomically. "
                              "Nothing is published when validation fails.")
    run.add_argument("--raw", type=Path, default=Path("raw"),
                     help="folder of input files, searched recursively (default: raw)")
    run.add_argument("--output", type=Path, default=Path("output"),
                     help="folder the tables are published to (default: output)")
    run.add_argument("--batch-size", type=int, default=500,
                     help="articles per task (default: 500)")
    run.add_argument("--only", metavar="GLOB",
                     help="process only input files whose path (relative to --raw) matches")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                     help="inputs larger than this are rejected as too_large, never truncated "
                     f"(default: {DEFAULT_MAX_BYTES:,})")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run on the same output (default: 0)")
    run.add_argument("--no-prefect", action="store_true",
                     help="run the same steps in a plain loop, without Prefect")
    run.add_argument("--verbose", action="store_true", help="show Prefect's INFO logs")

    validate = commands.add_parser("validate", help="validate published tables",
                                   description="Run the Great Expectations suites on the "
                                   "published tables; exit 1 if any expectation fails.")
    validate.add_argument("--output", type=Path, default=Path("output"),
                          help="output folder to check (default: output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"run": _run, "validate": _validate}[args.command](args)
    except KeyboardInterrupt:
        print("newsetl: interrupted; the published output is unchanged", file=sys.stderr)
        return EXIT_ERROR


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"newsetl: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    from flows.publish import OutputLayoutError, OutputLocked
    from flows.run import RunConfig, RunSummary, run_plain

    if not args.raw.is_dir():
        return _fail(f"raw folder {args.raw} does not exist or is not a folder")
    if args.batch_size < 1:
        return _fail("--batch-size must be at least 1")
    config = RunConfig(args.raw, args.output, batch_size=args.batch_size, only=args.only,
                       max_bytes=args.max_bytes, lock_wait_seconds=args.wait)
    try:
        if args.no_prefect:
            summary = run_plain(config)
        else:
            summary = RunSummary(**_run_flow(config, args.verbose))
    except OutputLocked as error:
        return _fail(str(error), EXIT_LOCKED)
    except (OutputLayoutError, OSError) as error:
        return _fail(str(error))
    except Exception as error:  # noqa: BLE001 - one line for the user, not a traceback
        return _fail(f"run failed: {type(error).__name__}: {error}")
    print("\n".join(summary.lines()))
    return EXIT_OK if summary.published else EXIT_INVALID


def _run_flow(config, verbose: bool) -> dict:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.pipeline import news_etl

    return news_etl(raw_dir=str(config.raw_dir), output_dir=str(config.output_dir),
                    batch_size=config.batch_size, only=config.only, max_bytes=config.max_bytes)


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
