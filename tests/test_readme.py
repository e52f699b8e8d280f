"""The README's code blocks run as written, against an output with an undated article (a
README block that does not run is a bug)."""

import os
import re

import duckdb
import pyarrow.dataset as ds
import pytest
from conftest import PROJECT_DIR, RAW_DIR

from flows.run import RunConfig, run_plain

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


@pytest.fixture(scope="module")
def output_folder(tmp_path_factory):
    """A run over the samples plus an article without any date, in a folder named `output`."""
    work = tmp_path_factory.mktemp("readme")
    raw = work / "raw"
    raw.mkdir()
    for path in RAW_DIR.glob("*.txt"):
        (raw / path.name).write_bytes(path.read_bytes())
    (raw / "undated.txt").write_text(
        "Gemeinderat tagt\n\nDer Gemeinderat hat lange über den neuen Haushalt und die "
        "Schulden der Gemeinde beraten. Die Opposition stimmte dagegen, die Mehrheit dafür.",
        encoding="utf-8")
    assert run_plain(RunConfig(raw, work / "output")).published
    return work


def test_the_python_blocks_read_every_table_with_pandas(output_folder, monkeypatch):
    monkeypatch.chdir(output_folder)
    for block in _blocks("python"):
        namespace: dict = {}
        exec(block, namespace)  # noqa: S102 - the README's own code
        articles = namespace.get("articles")
        if articles is not None:
            undated = articles[articles["published_date"].isna()]
            assert len(undated) == 1 and set(undated["year"]) == {0}


def test_the_sql_blocks_run_in_duckdb(output_folder, monkeypatch):
    monkeypatch.chdir(output_folder)
    for block in _blocks("sql"):
        for statement in filter(str.strip, block.split(";")):
            assert duckdb.sql(statement).fetchall()


@pytest.mark.parametrize("table", ["articles", "quotes", "events", "rejects"])
def test_pyarrow_reads_every_table(output_folder, table):
    dataset = ds.dataset(os.fspath(output_folder / "output" / table), partitioning="hive")
    assert dataset.to_table().num_rows > 0 or table == "rejects"


def test_the_readme_is_a_short_users_manual():
    """Set-up, run, read, schedule, rerun, scale out, troubleshoot, exit codes; under 12 KB
    (development figures and history live in docs/)."""
    assert len(README.encode("utf-8")) < 12_000
    for heading in ("## Reading the output", "## Command line", "## Scheduled runs",
                    "## Scale-out", "## Troubleshooting"):
        assert heading in README
    assert "Exit codes" in README


@pytest.mark.parametrize("table", ["articles", "quotes", "events", "rejects"])
def test_polars_reads_every_table(output_folder, table):
    import polars as pl

    frame = pl.read_parquet(output_folder / "output" / table / "**" / "*.parquet",
                            hive_partitioning=True)
    assert frame.height > 0 or table == "rejects"
    if table == "articles":  # the undated article is in the year-0 partition, its date null
        assert frame.filter(pl.col("published_date").is_null())["year"].to_list() == [0]
