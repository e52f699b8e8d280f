"""Validate the four tables with the Great Expectations suites stored in expectations/.

Checks that need two tables (a quote's article exists, its offsets cut its text out of the
article body) are computed here as boolean `check_*` columns that the suites expect to be true.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

from flows.report_page import render, suite_result
from flows.stages.intake import input_name
from flows.tables import PROJECT_DIR, TABLES, table_spec

EXPECTATION_DIR = PROJECT_DIR / "expectations"


@dataclass
class Failure:
    table: str
    expectation: str
    column: str | None
    examples: list = field(default_factory=list)

    def __str__(self) -> str:
        where = f"{self.table}.{self.column}" if self.column else self.table
        examples = f" e.g. {self.examples[:3]}" if self.examples else ""
        return f"{where}: {self.expectation}{examples}"


@dataclass
class ValidationReport:
    checked: dict[str, int] = field(default_factory=dict)  # table -> expectations evaluated
    failures: list[Failure] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        total = sum(self.checked.values())
        if self.success:
            return f"validation passed: {total} expectations on {len(self.checked)} tables"
        lines = [f"validation failed: {len(self.failures)} of {total} expectations"]
        return "\n".join(lines + [f"  - {failure}" for failure in self.failures])


def load_suite(table: str) -> dict:
    return json.loads((EXPECTATION_DIR / f"{table}.json").read_text(encoding="utf-8"))


def read_table(folder: Path) -> pd.DataFrame:
    """A table folder (Hive-partitioned Parquet) as a DataFrame with the table's schema."""
    return table_dataset(folder).to_table().to_pandas()


def table_dataset(folder: Path, files: list[Path] | None = None) -> ds.Dataset:
    """A table folder (named for its table), or some files of it, as a dataset of the
    table's schema."""
    spec = table_spec(folder.name)
    return ds.dataset([str(f) for f in files] if files is not None else folder,
                      format="parquet", schema=spec.schema,
                      partitioning="hive" if spec.partitioning else None,
                      partition_base_dir=str(folder))


def read_files(folder: Path, files: list[Path]) -> pd.DataFrame:
    """Some files of a table folder as a DataFrame with the table's schema."""
    if not files:
        return table_spec(folder.name).schema.empty_table().to_pandas()
    return table_dataset(folder, files).to_table().to_pandas()


def read_rows(folder: Path) -> list[dict]:
    """A table folder as Python rows (dates as dates, lists as lists)."""
    return table_dataset(folder).to_table().to_pylist()


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(folder / name) for name in TABLES}


def validate_folder(folder: Path) -> ValidationReport:
    return validate_frames(read_tables(folder))


def validate_frames(frames: dict[str, pd.DataFrame]) -> ValidationReport:
    gx = import_gx()
    context = gx.get_context(mode="ephemeral")
    report = ValidationReport()
    for table, definition, frame in _definitions(gx, context, frames):
        # a pass/fail answer costs about half of a summary; the failing rows are looked up
        # only when a suite fails
        result = definition.run(batch_parameters={"dataframe": frame},
                                result_format="BOOLEAN_ONLY")
        if not result.success:
            result = definition.run(batch_parameters={"dataframe": frame},
                                    result_format="SUMMARY")
        report.checked[table] = len(result.results)
        report.failures += [_failure(table, r) for r in result.results if not r.success]
    return report


@dataclass(frozen=True)
class DataDocs:
    page: Path  # validation.html: self-contained, reads offline
    gx_index: str  # Great Expectations' Data Docs site (its styling comes from CDNs)


def build_data_docs(folder: Path, docs_dir: Path) -> DataDocs:
    """Validate the tables in `folder`; write the results as one self-contained page and as
    Great Expectations Data Docs (HTML) into `docs_dir`."""
    gx = import_gx()
    shutil.rmtree(docs_dir / "gx", ignore_errors=True)  # a fresh project each time
    context = gx.get_context(mode="file", project_root_dir=str(docs_dir))
    suites = []
    for table, definition, frame in _definitions(gx, context, read_tables(folder)):
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name=f"{table}-report", validation_definitions=[definition],
            actions=[gx.checkpoint.UpdateDataDocsAction(name="data-docs")],
            result_format="SUMMARY"))
        result = checkpoint.run(batch_parameters={"dataframe": frame})
        suites += [suite_result(table, run) for run in result.run_results.values()]
    page = docs_dir / "validation.html"
    page.write_text(render(suites, f"newsetl validation: {folder.name}"), encoding="utf-8")
    return DataDocs(page, context.get_docs_sites_urls()[0]["site_url"])


def import_gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # slow import (seconds): only when validating

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return gx


def _definitions(gx, context, frames: dict[str, pd.DataFrame]) -> list[tuple]:
    """(table, GX validation definition, frame with check columns) for each table."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context.variables.progress_bars = ProgressBarsConfig(globally=False,
                                                         metric_calculations=False)
    source = context.data_sources.add_pandas(name="newsetl")
    checked = _with_checks(frames)
    result = []
    for table in TABLES:
        suite_spec = load_suite(table)
        suite = context.suites.add(gx.ExpectationSuite(
            name=suite_spec["name"], expectations=suite_spec["expectations"]))
        batch = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(
            "all")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{table}-validation", data=batch, suite=suite))
        result.append((table, definition, checked[table]))
    return result


def _failure(table: str, result) -> Failure:
    config = result.expectation_config
    details = result.result or {}
    examples = details.get("partial_unexpected_list") or []
    errors = [info.get("exception_message") for info in _exception_infos(result.exception_info)
              if info.get("raised_exception")]
    examples = [f"error: {message}" for message in errors] or examples
    return Failure(table, config.type, config.kwargs.get("column") or
                   config.kwargs.get("column_A"), list(examples))


def _exception_infos(info: dict | None) -> list[dict]:
    """GX reports errors either flat or keyed by metric."""
    if not info:
        return []
    if "raised_exception" in info:
        return [info]
    return [value for value in info.values() if isinstance(value, dict)]


def _with_checks(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Copies of the tables with the cross-table check columns added.

    Date columns stay `datetime.date` objects: GX parses the suites' date bounds to dates.
    """
    result = {name: frame.copy() for name, frame in frames.items()}
    articles = result["articles"]
    articles["check_partition_matches_date"] = _partition_matches(articles)
    fields = {field: dict(zip(articles["article_id"], articles[field].fillna(""), strict=True))
              for field in ("teaser", "body")}
    for table, text_column in (("quotes", "text"), ("events", "evidence")):
        frame = result[table]
        frame["check_article_exists"] = frame["article_id"].isin(fields["body"])
        frame["check_offsets_match_field"] = _offsets_match(frame, text_column, fields)
    for name in ("articles", "rejects"):
        result[name]["check_input"] = _input_names(result[name])
    return result


def _input_names(frame: pd.DataFrame) -> pd.Series:
    """'file' or 'file#record': what must be unique (a .jsonl file holds many records)."""
    rows = zip(frame["source_file"], frame["source_record"], strict=True)
    return pd.Series([input_name(f, None if pd.isna(r) else int(r)) for f, r in rows],
                     index=frame.index, dtype=object)


def _partition_matches(articles: pd.DataFrame) -> pd.Series:
    rows = zip(articles["published_date"], articles["year"], articles["month"], strict=True)
    return pd.Series([(day is None and year == 0 and month == 0) or
                      (day is not None and (day.year, day.month) == (year, month))
                      for day, year, month in rows], index=articles.index, dtype=bool)


def _offsets_match(frame: pd.DataFrame, text_column: str,
                   fields: dict[str, dict[str, str]]) -> pd.Series:
    """article[field][char_start:char_end] == text, row by row."""
    rows = zip(frame["article_id"], frame["field"], frame["char_start"], frame["char_end"],
               frame[text_column], strict=True)
    return pd.Series([fields.get(f, {}).get(a, "")[int(s):int(e)] == t
                      for a, f, s, e, t in rows], index=frame.index, dtype=bool)
