"""Start real services (Prefect server, Dask) on loopback for tests, and stop them again."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from flows.prefect_server import stop

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def background(command: list[str], env: dict | None = None, log: Path | None = None):
    """A process for the duration of the block; its output goes to `log`."""
    stream = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(command, env=env, stdout=stream, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        yield process
    finally:
        stop(process)
        if log:
            stream.close()


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise TimeoutError(f"{what} not ready after {timeout:.0f} s")


def running(pid: int) -> bool:
    """The process exists and is no zombie (a container's PID 1 may never reap it)."""
    try:
        stat = (Path(f"/proc/{pid}") / "stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def prefect_env(home: Path, api_url: str | None = None) -> dict:
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env
