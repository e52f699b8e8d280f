import codecs
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime

import duckdb
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from conftest import RAW_DIR, RUN_STARTED, seed_path

from flows import publish
from flows.cli import EXIT_INVALID, EXIT_LOCKED, EXIT_OK, main
from flows.process import ProcessedArticle
from flows.publish import OutputLocked, output_lock, published_folder
from flows.run import RunConfig, RunSummary, finish, run_plain
from flows.tables import TABLES, table_spec
from flows.validate import validate_folder

GERMAN = ("Regierung beschließt Haushalt\n\nDer Bundestag hat am Donnerstag den Haushalt für "
          "das kommende Jahr beschlossen. Die Opposition kritisierte die hohen Ausgaben.")


@pytest.fixture
def messy_raw(tmp_path):
    """The samples plus one input of every bad kind, in nested folders."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    (raw / "nested" / "deeper").mkdir(parents=True)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b" \n\t \r\n")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "nested" / "utf16 ä.txt").write_bytes(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"))
    (raw / "nested" / "cp1252.txt").write_bytes(
        GERMAN.replace("Haushalt", "Etat").replace("\n", "\r\n").encode("cp1252"))
    (raw / "nested" / "deeper" / "copy.txt").write_bytes(seed_path("001").read_bytes())
    (raw / "english.txt").write_text("Budget passed\n\nParliament passed the budget on Thursday. "
                                     "The opposition criticised the spending.")
    (raw / "chrome.txt").write_text("1. Zum Inhalt springen\n2. Zur Hauptnavigation springen\n"
                                    "3. Zu weiteren Angeboten der DW springen\n")
    os.symlink(raw / "vanished.txt", raw / "dangling.txt")  # a link to no file
    return raw


def _rows(output, table, drop=("processed_at", "run_id")):
    spec = table_spec(table)
    rows = ds.dataset(output / table, format="parquet", schema=spec.schema,
                      partitioning="hive" if spec.partitioning else None).to_table().to_pylist()
    return sorted(({k: v for k, v in row.items() if k not in drop} for row in rows), key=repr)


def test_every_input_ends_as_one_article_or_one_reject(messy_raw, tmp_path):
    output = tmp_path / "out"
    summary = run_plain(RunConfig(messy_raw, output))
    assert summary.published
    assert summary.inputs == 14
    assert summary.counts["articles"] == 7 and summary.counts["rejects"] == 7
    rejects = {r["source_file"]: r["reason"] for r in _rows(output, "rejects")}
    assert rejects == {
        "empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary",
        "nested/deeper/copy.txt": "duplicate", "english.txt": "not_german",
        "chrome.txt": "no_body", "dangling.txt": "not_a_file",
    }
    articles = {a["source_file"] for a in _rows(output, "articles")}
    assert {"nested/utf16 ä.txt", "nested/cp1252.txt"} <= articles
    assert validate_folder(published_folder(output)).success


def test_duckdb_reads_all_four_tables(tmp_path):
    raw, output = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW_DIR, raw)
    (raw / "undated.txt").write_text(GERMAN, encoding="utf-8")  # no date, no shared events
    run_plain(RunConfig(raw, output))
    counts = {table: duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{output}/{table}/**/*.parquet', "
        "hive_partitioning=true)").fetchall()[0][0] for table in TABLES}
    assert counts["articles"] == 6 and counts["rejects"] == 0
    assert counts["quotes"] > 20 and counts["events"] > 5
    undated = duckdb.sql(f"SELECT year, month FROM read_parquet('{output}/articles/**/*.parquet',"
                         " hive_partitioning=true) WHERE published_date IS NULL").fetchall()
    assert undated == [(0, 0)]  # year=0/month=0: no null partition (pandas cannot read one)


def test_files_are_zstd_and_carry_the_schema_version(tmp_path):
    output = tmp_path / "out"
    run_plain(RunConfig(RAW_DIR, output))
    files = sorted(output.joinpath("current").rglob("*.parquet"))
    assert len(files) >= 5
    for path in files:
        metadata = pq.read_schema(path).metadata
        table = metadata[b"newsetl.table"].decode()
        assert metadata[b"newsetl.schema_version"] == table_spec(table).version.encode()
        assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"


def test_unchanged_input_is_a_no_op_and_force_rebuilds_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "GRACE_SECONDS", 0)  # replaced versions go at once
    output = tmp_path / "out"
    first = run_plain(RunConfig(RAW_DIR, output))
    before = {table: _rows(output, table) for table in TABLES}
    again = run_plain(RunConfig(RAW_DIR, output))
    assert (again.processed, again.unchanged, again.version) == (0, 5, first.version)
    second = run_plain(RunConfig(RAW_DIR, output, force=True))
    third = run_plain(RunConfig(RAW_DIR, output, force=True))
    assert second.processed == third.processed == 5
    assert len({first.version, second.version, third.version}) == 3
    assert {table: _rows(output, table) for table in TABLES} == before
    versions = [p.name for p in (output / ".versions").iterdir()]
    assert sorted(versions) == sorted([second.version, third.version])


def test_a_replaced_version_stays_for_readers_during_the_grace_period(tmp_path):
    output = tmp_path / "out"
    first = run_plain(RunConfig(RAW_DIR, output))
    reader = published_folder(output)  # a reader resolved `current` and is reading
    for _ in range(3):
        run_plain(RunConfig(RAW_DIR, output, force=True))
    assert published_folder(output) != reader
    assert reader.name == first.version and validate_folder(reader).success


def test_a_run_that_fails_validation_publishes_nothing(tmp_path):
    output = tmp_path / "out"
    good = run_plain(RunConfig(RAW_DIR, output))
    article = {**next(iter(_rows(output, "articles", drop=()))),
               "processed_at": RUN_STARTED, "year": 2015, "month": 11}
    broken = ProcessedArticle(article, quotes=[{
        "quote_id": "0" * 16, "article_id": article["article_id"], "ordinal": 0,
        "text": "words that are not in the body", "kind": "direct", "speaker": None,
        "speaker_mention": None, "speaker_type": "unknown", "cue": None, "field": "body",
        "char_start": 0, "char_end": 30}])
    summary = finish([broken], RunConfig(RAW_DIR, output), RunSummary("f" * 32, False, None, 1),
                     datetime.now(UTC), {})
    assert not summary.published
    assert "quotes.check_offsets_match_field: expect_column_values_to_be_in_set e.g. [False]" \
        in summary.validation
    assert published_folder(output).name == good.version
    assert json.loads((output / "manifest.json").read_text())["run_id"] == good.run_id


def test_empty_raw_folder_publishes_four_empty_tables(tmp_path):
    (tmp_path / "raw").mkdir()
    output = tmp_path / "out"
    summary = run_plain(RunConfig(tmp_path / "raw", output))
    assert summary.published and summary.counts == dict.fromkeys(TABLES, 0)
    for table in TABLES:
        count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{output}/{table}/**/*.parquet',"
                           " hive_partitioning=true)").fetchall()[0][0]
        assert count == 0


def test_second_run_on_a_locked_output_is_refused(tmp_path):
    output = tmp_path / "out"
    with output_lock(output):
        with pytest.raises(OutputLocked, match="another newsetl run"):
            run_plain(RunConfig(RAW_DIR, output))
        assert main(["run", "--raw", str(RAW_DIR), "--output", str(output),
                     "--no-prefect"]) == EXIT_LOCKED
    assert run_plain(RunConfig(RAW_DIR, output)).published


def test_the_lock_tells_its_next_holder_which_flow_run_held_it(tmp_path):
    output = tmp_path / "out"
    with output_lock(output) as previous:
        assert previous is None  # a new output
    with output_lock(output, flow_run="0b6f7c4e-run-a") as previous:
        assert "flow_run" not in previous  # the holder before was no Prefect run
    with output_lock(output) as previous:
        assert previous["flow_run"] == "0b6f7c4e-run-a" and previous["pid"] == os.getpid()
    with output_lock(output) as previous:
        assert "flow_run" not in previous  # a plain run names none


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)  # that pid is now certainly dead
    (output / ".lock").write_text(json.dumps({"pid": pid, "host": os.uname().nodename}))
    assert run_plain(RunConfig(RAW_DIR, output)).published


@pytest.mark.parametrize("content", [
    "", "garbage", json.dumps({"pid": 1, "host": "another-container"}),
    json.dumps({"pid": -5, "host": os.uname().nodename}),
    json.dumps({"pid": 1, "host": os.uname().nodename}),
])
def test_no_lock_file_left_behind_shuts_out_a_run(tmp_path, content):
    """The lock is the kernel's: a file from a killed run, another container, a full disk
    (empty) or garbage never blocks."""
    output = tmp_path / "out"
    output.mkdir()
    (output / ".lock").write_text(content)
    assert run_plain(RunConfig(RAW_DIR, output)).published


def test_the_lock_ends_with_a_killed_holder(tmp_path):
    output = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from flows.publish import output_lock\n"
        f"with output_lock(Path({str(output)!r})):\n"
        "    print('held', flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(OutputLocked, match="pid"):
        run_plain(RunConfig(RAW_DIR, output))
    holder.kill()
    holder.wait()
    assert run_plain(RunConfig(RAW_DIR, output)).published


def test_staging_left_by_a_killed_run_is_removed(tmp_path):
    output = tmp_path / "out"
    leftover = output / ".versions" / ".staging-deadbeef"
    leftover.mkdir(parents=True)
    (leftover / "junk.parquet").write_bytes(b"half a file")
    run_plain(RunConfig(RAW_DIR, output))
    assert not leftover.exists()


def test_validate_command_finds_a_tampered_table(tmp_path, capsys):
    output = tmp_path / "out"
    run_plain(RunConfig(RAW_DIR, output))
    assert main(["validate", "--output", str(output)]) == EXIT_OK
    (quotes_file,) = (published_folder(output) / "quotes").glob("*.parquet")
    table = pq.read_table(quotes_file)
    texts = table.column("text").to_pylist()
    texts[0] = texts[0].upper() + "!"
    table = table.set_column(table.schema.get_field_index("text"), "text", [texts])
    pq.write_table(table, quotes_file)
    assert main(["validate", "--output", str(output)]) == EXIT_INVALID
    assert "check_offsets_match_field" in capsys.readouterr().out


def test_cli_errors_are_one_line_without_traceback(tmp_path, capsys):
    assert main(["run", "--raw", str(tmp_path / "missing"), "--output", str(tmp_path)]) == 2
    assert main(["validate", "--output", str(tmp_path / "nothing")]) == 2
    (tmp_path / "out" / "articles").mkdir(parents=True)
    assert main(["run", "--raw", str(RAW_DIR), "--output", str(tmp_path / "out"),
                 "--no-prefect"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 3


def test_report_builds_data_docs_for_every_table(tmp_path, capsys):
    output = tmp_path / "out"
    run_plain(RunConfig(RAW_DIR, output))
    assert main(["report", "--output", str(output)]) == EXIT_OK
    index = output / "data_docs" / "gx" / "uncommitted" / "data_docs" / "local_site" / \
        "index.html"
    page = output / "data_docs" / "validation.html"
    printed = capsys.readouterr().out
    assert f"file://{index}" in printed and page.as_uri() in printed
    html = index.read_text(encoding="utf-8")
    assert all(f"newsetl.{table}" in html for table in TABLES)
    own = page.read_text(encoding="utf-8")
    assert "Validation passed: 90 expectations on 4 tables" in own
    assert all(f'<h2 id="{table}">' in own for table in TABLES)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", own)  # nothing online


def test_the_validation_page_shows_what_failed():
    from flows.report_page import CheckRow, SuiteResult, render

    failing = SuiteResult("quotes", (
        CheckRow("expect_column_values_to_not_be_null", "text", True, "0 unexpected"),
        CheckRow("expect_column_values_to_be_in_set", "kind", False,
                 "2 unexpected (e.g. <b>odd</b>, x)")))
    html = render([failing], "run 1")
    assert "Validation failed: 2 expectations on 1 tables." in html
    assert "(2 expectations, 1 failed)" in html
    assert "&lt;b&gt;odd&lt;/b&gt;" in html  # data is escaped, never markup


def test_the_embedded_prefect_server_gets_time_to_start_on_a_busy_machine():
    # Regression: CI on a loaded machine failed with "Timed out while attempting to connect to
    # ephemeral Prefect API server" (Prefect's default wait is 20 s).
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k != "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"}
    code = ("import flows.pipeline, prefect.settings as s; "
            "print(s.get_current_settings().server.ephemeral.startup_timeout_seconds)")
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True)
    assert int(shown.stdout.strip()) >= 120
