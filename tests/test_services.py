"""Real components started by the tests: a Prefect server serving the deployment, and a Dask
cluster running the flow. Slow (tens of seconds each); CI runs them."""

import shutil
import subprocess
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from conftest import RAW_DIR
from services import BIN, background, free_port, http_ok, prefect_env, running, wait_until

from flows.cli import _descendants
from flows.publish import published_folder
from flows.tables import TABLES, table_spec
from flows.validate import validate_folder

pytestmark = pytest.mark.slow


def _rows(output, table):
    spec = table_spec(table)
    rows = ds.dataset(output / table, format="parquet", schema=spec.schema,
                      partitioning="hive" if spec.partitioning else None).to_table().to_pylist()
    return sorted(({k: v for k, v in r.items() if k not in ("processed_at", "run_id")}
                   for r in rows), key=repr)


def test_served_deployment_runs_on_a_prefect_server(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = prefect_env(tmp_path / "prefect", api)
    output = tmp_path / "out"
    server = [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port",
              str(port)]
    serve = [str(BIN / "newsetl"), "serve", "--raw", str(RAW_DIR), "--output", str(output),
             "--interval", "86400", "--name", "test"]
    with background(server, env, tmp_path / "server.log"):
        wait_until(lambda: http_ok(f"{api}/health"), 120, "Prefect server")
        with background(serve, env, tmp_path / "serve.log"):
            def triggered():
                result = subprocess.run(
                    [str(BIN / "prefect"), "deployment", "run", "news-etl/test", "--watch"],
                    env=env, capture_output=True, text=True, timeout=300)
                return result.returncode == 0 and "Completed" in result.stdout + result.stderr
            wait_until(triggered, 180, "a completed run of deployment news-etl/test")
    folder = published_folder(output)
    assert folder is not None
    assert validate_folder(folder).success
    assert len(_rows(output, "articles")) == 5


def test_serve_without_a_server_runs_on_its_schedule_and_leaves_nothing_running(tmp_path):
    """No PREFECT_API_URL: `newsetl serve` starts a Prefect server with its scheduler (the
    embedded server has none and made no run in 7 minutes); the server ends with serve, even
    when serve is killed."""
    output, log = tmp_path / "out", tmp_path / "serve.log"
    serve = [str(BIN / "newsetl"), "serve", "--raw", str(RAW_DIR), "--output", str(output),
             "--interval", "30"]
    env = prefect_env(tmp_path / "prefect")
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_LOGGING_LEVEL")  # the runs' INFO lines are what is counted
    with background(serve, env, log) as process:
        wait_until(lambda: log.read_text().count("Beginning flow run") >= 2, 120,
                   "two scheduled runs in two minutes")
        servers = [pid for pid in _descendants(process.pid) if _is_prefect_server(pid)]
        process.kill()
        process.wait()
    assert servers
    # a flow run in progress finishes on its own; the server must not outlive serve
    wait_until(lambda: not [pid for pid in servers if running(pid)], 60,
               "the end of the server of a killed serve")
    assert len(_rows(output, "articles")) == 5


def test_dask_cluster_gives_the_same_output_as_a_local_run(tmp_path):
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = prefect_env(tmp_path / "prefect")
    scheduler = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"]
    workers = [str(BIN / "dask"), "worker", address, "--nworkers", "2", "--nthreads", "1",
               "--no-dashboard"]
    local, remote = tmp_path / "local", tmp_path / "remote"
    subprocess.run([str(BIN / "newsetl"), "run", "--raw", str(RAW_DIR), "--output", str(local),
                    "--no-prefect", "--batch-size", "2"], env=env, check=True, timeout=300)
    with background(scheduler, env, tmp_path / "scheduler.log"), \
            background(workers, {**env, "PREFECT_LOGGING_LEVEL": "INFO"},
                       tmp_path / "workers.log"):
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        result = subprocess.run(
            [str(BIN / "newsetl"), "run", "--raw", str(RAW_DIR), "--output", str(remote),
             "--dask-address", address, "--batch-size", "2"],
            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "process-batch" in (tmp_path / "workers.log").read_text()  # ran on the cluster
    for table in TABLES:
        assert _rows(remote, table) == _rows(local, table), table


def test_the_validation_page_reads_in_a_headless_browser_without_network(tmp_path):
    """Great Expectations' Data Docs are blank offline (their index is drawn by scripts from
    CDNs); `newsetl report` also writes one page that a browser with no network shows whole."""
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                   "google-chrome"))), None)
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's)")
    output = tmp_path / "out"
    subprocess.run([str(BIN / "newsetl"), "run", "--raw", str(RAW_DIR), "--output", str(output),
                    "--no-prefect"], check=True, capture_output=True, timeout=300)
    subprocess.run([str(BIN / "newsetl"), "report", "--output", str(output)], check=True,
                   capture_output=True, timeout=300)
    page = output / "data_docs" / "validation.html"
    shown = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
         f"--user-data-dir={tmp_path / 'browser'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120).stdout
    assert "Validation passed: 90 expectations on 4 tables." in shown
    assert all(f'<h2 id="{table}">{table}: <span class="passed">passed</span>' in shown
               for table in TABLES)


def _is_prefect_server(pid: int) -> bool:
    try:
        command = (Path(f"/proc/{pid}") / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"server" in command and b"start" in command

