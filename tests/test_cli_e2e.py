"""The installed `newsetl` command, running the real Prefect flow (ephemeral mode)."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import RAW_DIR

NEWSETL = str(Path(sys.executable).with_name("newsetl"))


def _newsetl(*args, timeout=240):
    return subprocess.run([NEWSETL, *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_prefect_run_then_validate_then_query(tmp_path):
    output = tmp_path / "OUT"
    run = _newsetl("run", "--raw", str(RAW_DIR), "--output", str(output))
    assert run.returncode == 0, run.stderr
    assert "published version" in run.stdout
    assert "validation passed" in run.stdout
    assert "Traceback" not in run.stderr

    check = _newsetl("validate", "--output", str(output))
    assert check.returncode == 0, check.stderr

    def count(table):
        return duckdb.sql(f"SELECT count(*) FROM read_parquet('{output}/{table}/**/*.parquet', "
                          "hive_partitioning=true)").fetchall()[0][0]

    assert count("articles") == 5
    assert count("quotes") > 0 and count("events") > 0
    assert count("rejects") == 0


@pytest.mark.slow
def test_help_explains_the_commands():
    result = _newsetl("--help", timeout=60)
    assert result.returncode == 0
    for word in ("run", "validate", "rejects"):
        assert word in result.stdout


def test_version():
    result = _newsetl("--version", timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("newsetl ")


def test_an_output_inside_the_raw_folder_is_refused_in_one_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Text", encoding="utf-8")
    result = _newsetl("run", "--raw", str(raw), "--output", str(raw / "out"), "--no-prefect",
                      timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "inside the raw folder" in result.stderr
    assert not (raw / "out").exists()


def _one_line_failure(result, code):
    assert result.returncode == code, result.stderr
    assert result.stderr.strip() and "\n" not in result.stderr.strip(), result.stderr
    assert "Traceback" not in result.stderr


def test_mistakes_end_in_one_line_before_prefect_starts(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    _one_line_failure(_newsetl("run", "--raw", str(raw), "--output", str(tmp_path / "a-file"),
                               timeout=60), 2)
    _one_line_failure(_newsetl("run", "--raw", str(raw), "--output", str(tmp_path / "out"),
                               "--dask-address", "tcp://127.0.0.1:9", timeout=60), 2)
    _one_line_failure(_newsetl("serve", "--raw", str(raw), "--output", str(tmp_path / "out"),
                               "--cron", "not a cron", timeout=60), 2)


def test_a_locked_output_is_one_line_with_exit_3(tmp_path):
    from flows.publish import output_lock

    raw = tmp_path / "raw"
    raw.mkdir()
    with output_lock(tmp_path / "out"):
        _one_line_failure(_newsetl("run", "--raw", str(raw), "--output", str(tmp_path / "out"),
                                   timeout=60), 3)


@pytest.fixture
def read_only_folder(tmp_path):
    """A read-only file system (a tmpfs mounted `ro`): root writes anywhere else, so a
    permission bit alone cannot make a folder read-only here."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode:
        pytest.skip("cannot mount a read-only file system here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_output_is_one_line_before_prefect_starts(tmp_path, read_only_folder):
    raw = tmp_path / "raw"
    raw.mkdir()
    result = _newsetl("run", "--raw", str(raw), "--output", str(read_only_folder / "out"),
                      timeout=60)
    _one_line_failure(result, 2)
    assert "is not writable" in result.stderr
