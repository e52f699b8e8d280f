"""A Prefect API server of newsetl's own, for a run or a served schedule without a server.

Prefect's embedded mode starts its API server in a subprocess that runs no scheduler (a served
deployment never runs on its schedule) and outlives a killed run (an orphaned uvicorn). So
when PREFECT_API_URL is not set, newsetl starts `prefect server start` itself on a free
loopback port, points Prefect at it, and stops it when done; if newsetl is killed, the kernel
ends the server too (PR_SET_PDEATHSIG). Its log is `PREFECT_HOME/newsetl-server.log`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

STARTUP_SECONDS = 120.0  # a busy machine migrating a fresh database needs tens of seconds
_PR_SET_PDEATHSIG = 1


class ServerError(RuntimeError):
    """The server did not start (its log says why)."""


@contextlib.contextmanager
def prefect_api(scheduler: bool) -> Iterator[str | None]:
    """PREFECT_API_URL for the block: the one set, or a server started here (with Prefect's
    scheduler and other services if `scheduler`, else the API alone)."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log_path = _prefect_home() / "newsetl-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(_command(port, scheduler), stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, preexec_fn=_end_with_parent)
    os.environ["PREFECT_API_URL"] = url
    try:
        _wait_until_healthy(url, server, log_path)
        yield url
    finally:
        del os.environ["PREFECT_API_URL"]
        stop(server)


def _command(port: int, scheduler: bool) -> list[str]:
    command = [sys.executable, "-c", "import sys; from prefect.cli import app; sys.exit(app())",
               "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui",
               "--analytics-off"]
    return command if scheduler else [*command, "--no-services"]


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _end_with_parent() -> None:
    """In the child before it starts: the kernel kills it when newsetl dies, however (at once:
    a graceful shutdown of the scheduler's services can take minutes; SQLite survives it)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is newsetl's to handle


def _wait_until_healthy(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerError(f"the Prefect server exited at start (see {log_path})")
        if _healthy(url):
            return
        time.sleep(0.3)
    raise ServerError(f"the Prefect server did not start in {STARTUP_SECONDS:.0f} s "
                      f"(see {log_path})")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, and SIGKILL after 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
