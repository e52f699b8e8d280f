import gc
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from flows.workers import Workers, _alive

KILLED_RUN = """
import os, signal
from flows.workers import Workers
workers = Workers(2)
futures = [workers.submit(os.getpid) for _ in range(4)]
print(" ".join(str(f.result()) for f in futures), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_exit_when_the_run_is_killed():
    # Regression: a run killed by SIGKILL could not shut its pool down; its workers (and their
    # fork server) waited for work forever.
    child = subprocess.run([sys.executable, "-c", KILLED_RUN], capture_output=True, text=True,
                           timeout=60)
    workers = {int(pid) for pid in child.stdout.split()}
    assert child.returncode == -signal.SIGKILL and workers
    assert os.getpid() not in workers
    deadline = time.monotonic() + 30
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_alive, workers))


def test_workers_use_an_allocator_that_gives_memory_back():
    # Arrow's default mimalloc pool kept ~130 MB per worker after each finished chunk; the
    # choice has to be made before pyarrow loads, so importing flows must make it.
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    code = "import flows.parts, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True)
    assert shown.stdout.strip() == "system"


def _imported_before_work() -> bool:
    return "great_expectations" in sys.modules and gc.get_freeze_count() > 0


def test_workers_share_the_imports_of_their_fork_server():
    # Each worker imported its own Great Expectations (~150 MB) when it validated its first
    # chunk; imported (and frozen) in the fork server, the pages are shared.
    with Workers(2) as workers:
        assert all(workers.map(_imported_before_work, [(), ()]))


def _worker_pid() -> int:
    return os.getpid()


def _worker_pid_after_a_pause() -> int:
    time.sleep(0.2)  # (busy: the pool starts its second worker for the calls waiting)
    return os.getpid()


def test_each_step_starts_on_fresh_workers():
    # What a step leaves in a worker's heap must not stay through the next step (the workers
    # that had processed batches were larger while they finished chunks). Each step's calls
    # take a while, so both workers run them: without the pause one worker could take all the
    # calls of one map and the other all of the next (CI once saw {9694} and {9698}).
    with Workers(2) as workers:
        processing = set(workers.map(_worker_pid_after_a_pause, [()] * 4))
        same_step = set(workers.map(_worker_pid_after_a_pause, [()] * 4))
        next_step = set(workers.map(_worker_pid, [()] * 4))
    assert len(processing) == 2 and processing == same_step
    assert not next_step & (processing | same_step)


def _pool_manager_threads() -> list:
    return [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]


def test_an_error_leaves_no_pool_thread_for_the_exit_to_race():
    # Regression: after an error the pool was shut down without waiting; the interpreter's exit
    # then woke its manager thread while that thread closed its pipe, and a full disk's one-line
    # error ended in a traceback ("Bad file descriptor").
    with pytest.raises(OSError), Workers(2) as workers:
        for _ in range(4):
            workers.submit(time.sleep, 0.3)
        raise OSError(27, "File too large")
    assert not _pool_manager_threads()
