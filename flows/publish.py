"""Write the tables to a staging folder and publish them atomically.

Layout of an output folder:

    OUTPUT/.versions/<version>/{articles,quotes,events,rejects}/...  one folder per published run
    OUTPUT/current -> .versions/<version>                             swapped in one rename
    OUTPUT/<table> -> current/<table>                                 what readers open
    OUTPUT/manifest.json -> current/manifest.json

Readers of OUTPUT/articles/**/*.parquet see either the old or the new version, never a mix:
the new version is complete on disk before the `current` link is replaced with os.replace.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.tables import TABLES, table_spec, to_arrow

VERSIONS = ".versions"
CURRENT = "current"
MANIFEST = "manifest.json"
LOCK = ".lock"
STAGING_PREFIX = ".staging-"
_SORT_KEYS = {
    "articles": ["article_id"],
    "quotes": ["article_id", "ordinal"],
    "events": ["article_id", "char_start", "plover_type"],
    "rejects": ["source_file"],
}


class OutputLocked(RuntimeError):
    """Another live run holds the output folder."""


class OutputLayoutError(RuntimeError):
    """The output folder holds something newsetl did not write."""


@contextmanager
def output_lock(output: Path, wait_seconds: float = 0.0, flow_run: str | None = None):
    """Only one run writes to an output folder. The lock is the kernel's (flock on
    `output/.lock`): it ends with the process that holds it, however that process ends, so no
    file left behind can shut out a later run. The file names the holder (for messages, and
    its Prefect `flow_run`); the block gets what it said of the previous holder."""
    output.mkdir(parents=True, exist_ok=True)
    handle = os.open(output / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_seconds
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise OutputLocked(f"another newsetl run is writing to {output} "
                                   f"({_describe(_lock_holder(output / LOCK))}); try again "
                                   "when it has finished")
            time.sleep(0.5)
        previous = _lock_holder(output / LOCK)
        _name_holder(handle, flow_run)
        yield previous
    finally:
        os.close(handle)  # releases the lock


def lock_holder(output: Path) -> str | None:
    """Who holds the output folder's lock right now (a description), or None when it is free;
    the lock is not kept."""
    path = output / LOCK
    if not path.is_file():
        return None
    handle = os.open(path, os.O_RDWR)
    try:
        if _try_lock(handle):
            return None
        return _describe(_lock_holder(path))
    finally:
        os.close(handle)


def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _name_holder(handle: int, flow_run: str | None) -> None:
    """Who holds the lock, for the message another run prints (best effort: a full disk
    must not stop the run that holds the lock)."""
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "started": datetime.now(UTC).isoformat()}
    holder = json.dumps({**holder, "flow_run": flow_run} if flow_run else holder).encode()
    with suppress(OSError):
        os.ftruncate(handle, 0)
        os.pwrite(handle, holder, 0)


def _lock_holder(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None  # being written right now, or empty


def _describe(holder: dict | None) -> str:
    if not holder:
        return "holder unknown"
    return f"pid {holder.get('pid')} on {holder.get('host')}, started {holder.get('started')}"


def check_layout(output: Path) -> None:
    for name in (*TABLES, CURRENT):
        path = output / name
        if path.exists() and not path.is_symlink():
            raise OutputLayoutError(f"{path} exists and was not written by newsetl; "
                                    "choose an empty output folder")


def clean_leftovers(output: Path) -> None:
    """Remove what killed runs left: staging folders and links made just before a swap.

    Call it only while holding the output lock."""
    for leftover in (output / VERSIONS).glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.glob(f".{CURRENT}.*"):
        leftover.unlink(missing_ok=True)


def new_staging(output: Path, run_id: str) -> Path:
    """An empty staging folder for this run's tables."""
    versions = output / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    clean_leftovers(output)
    staging = versions / f"{STAGING_PREFIX}{run_id}"
    staging.mkdir()
    return staging


def write_tables(staging: Path, rows: dict[str, list[dict]]) -> dict[str, int]:
    """All rows of a run at once (tests, small runs); `write_chunk` appends one chunk."""
    tables = {name: to_arrow(name, rows.get(name, [])) for name in TABLES}
    written = write_chunk(staging, tables, "part")
    write_empty_tables(staging, [name for name, files in written.items() if not files])
    return {name: len(rows.get(name, [])) for name in TABLES}


def write_chunk(staging: Path, tables: dict[str, pa.Table], basename: str
                ) -> dict[str, list[Path]]:
    """Add tables (of the tables' schemas) to the staged tables as new files named
    `basename-*.parquet`; -> the files written per table (none for a table without rows)."""
    written = {}
    for name, table in tables.items():
        table = table.sort_by([(key, "ascending") for key in _SORT_KEYS[name]])
        written[name] = write_table(staging / name, name, table, basename) \
            if table.num_rows else []
    return written


def write_empty_tables(staging: Path, names: list[str]) -> None:
    """A table without rows is one empty file, so that readers still find its schema."""
    for name in names:
        folder = staging / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "part-0.parquet"
        pq.write_table(to_arrow(name, []), path, compression="zstd")
        _fsync(path)
        _fsync(folder)


def write_table(folder: Path, name: str, table: pa.Table, basename: str = "part") -> list[Path]:
    """Rows of one table as Parquet (zstd), Hive-partitioned where its schema says so; other
    writers may add files to the same folder at the same time. -> the files written."""
    spec = table_spec(name)
    folder.mkdir(parents=True, exist_ok=True)
    if spec.partitioning:
        written: list[Path] = []
        partitioning = ds.partitioning(
            pa.schema([spec.schema.field(c) for c in spec.partitioning]), flavor="hive")
        ds.write_dataset(table, folder, format="parquet", partitioning=partitioning,
                         basename_template=f"{basename}-{{i}}.parquet",
                         file_options=ds.ParquetFileFormat().make_write_options(
                             compression="zstd"),
                         existing_data_behavior="overwrite_or_ignore",
                         file_visitor=lambda file: written.append(Path(file.path)))
    else:
        written = [folder / f"{basename}-0.parquet"]
        pq.write_table(table, written[0], compression="zstd")
    for path in written:
        _fsync(path)
    for directory in {path.parent for path in written} | {folder}:
        _fsync(directory)
    return written


def _fsync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_manifest(staging: Path, manifest: dict) -> None:
    path = staging / MANIFEST
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n",
                    encoding="utf-8")
    _fsync(path)


def publish(output: Path, staging: Path, version: str) -> Path:
    """Make the staged tables the published ones in one atomic rename of `current`."""
    previous = published_folder(output)
    final = output / VERSIONS / version
    staging.rename(final)
    _fsync(final.parent)
    temporary_link = output / f".{CURRENT}.{version}"
    temporary_link.symlink_to(Path(VERSIONS) / version)
    os.replace(temporary_link, output / CURRENT)
    for name in (*TABLES, MANIFEST):
        link = output / name
        if not link.is_symlink():
            link.symlink_to(Path(CURRENT) / name)
    _fsync(output)
    _prune(output, keep={final.resolve(), previous})
    return final


GRACE_SECONDS = 600  # a replaced version stays this long for readers still on it


def _prune(output: Path, keep: set[Path | None]) -> None:
    """Remove old versions: keep the new one, the one before, and any replaced less than
    GRACE_SECONDS ago (a reader that resolved `current` before the swap can finish)."""
    replaced = time.time()
    for version in (output / VERSIONS).iterdir():
        if version.name.startswith(STAGING_PREFIX) or version.resolve() in keep:
            continue
        marker = version / ".replaced"
        if GRACE_SECONDS <= 0 or (marker.exists() and
                                  replaced - _when_replaced(marker) > GRACE_SECONDS):
            shutil.rmtree(version, ignore_errors=True)
        elif not marker.exists():
            with suppress(OSError):
                marker.write_text(str(replaced))


def _when_replaced(marker: Path) -> float:
    try:
        return float(marker.read_text())
    except (OSError, ValueError):
        return 0.0


def published_manifest(output: Path) -> dict | None:
    """The published run's manifest; rebuilt from the published tables when it is damaged
    (truncated by a full disk, edited by hand), marked `rebuilt` so that the run writes a
    whole one again. None when nothing was published."""
    path = output / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(manifest, dict) and isinstance(manifest.get("inputs"), dict):
            return manifest
    except (OSError, ValueError):
        pass
    folder = published_folder(output)
    return _manifest_from_tables(folder) if folder else None


def _manifest_from_tables(folder: Path) -> dict:
    """What the next run needs of a manifest: every input's hash and how it ended."""
    inputs: dict[str, dict] = {}
    for table, columns in (("articles", ["source_file", "source_sha256", "article_id"]),
                           ("rejects", ["source_file", "source_sha256", "reason"])):
        rows = ds.dataset(folder / table, format="parquet", partitioning="hive").to_table(
            columns=columns).to_pylist()
        for row in rows:
            outcome = {"article_id": row["article_id"]} if table == "articles" else \
                {"rejected": row["reason"]}
            inputs[row["source_file"]] = {"sha256": row["source_sha256"], **outcome}
    return {"version": folder.name, "inputs": inputs, "rebuilt": True}


def published_folder(output: Path) -> Path | None:
    current = output / CURRENT
    return current.resolve() if current.is_symlink() and current.exists() else None


@dataclass(frozen=True)
class Damage:
    """What is wrong with a published version's files: tables whose readable rows fall short
    of the manifest's counts, and the inputs its articles and rejects still account for."""
    tables: tuple[str, ...]
    accounted: frozenset[str]


def published_damage(output: Path, manifest: dict) -> Damage | None:
    """None when every table of the published version holds the rows its manifest counts;
    else which fall short (a deleted, truncated or unreadable Parquet file)."""
    folder = published_folder(output)
    counts = manifest.get("counts") or {}
    if folder is None or not counts:
        return None
    short = tuple(name for name in TABLES
                  if sum(rows for _, rows in _readable_files(folder / name)) < counts.get(name, 0))
    if not short:
        return None
    accounted = {row for name in ("articles", "rejects")
                 for path, _ in _readable_files(folder / name)
                 for row in pq.read_table(path, columns=["source_file"]).column(0).to_pylist()}
    return Damage(short, frozenset(accounted))


def readable_files(folder: Path) -> list[Path]:
    """The Parquet files of a published table that can be read."""
    return [path for path, _ in _readable_files(folder)]


def _readable_files(folder: Path) -> list[tuple[Path, int]]:
    found = []
    for path in sorted(folder.rglob("*.parquet")) if folder.is_dir() else []:
        try:
            found.append((path, pq.read_metadata(path).num_rows))
        except (OSError, ValueError, pa.ArrowException):
            continue  # a truncated or foreign file: its rows count as missing
    return found
