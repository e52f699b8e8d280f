"""Batches in worker processes: every core busy, results in order, few batches in flight.

The pool starts only when a step has more than one batch, so a run over a handful of files
never pays for starting processes. Workers come from a fork server that has the pipeline
imported (flows/preload.py): cheap to start, sharing those pages, and safe next to Prefect's
threads (nothing is forked from them).
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor


def default_processes() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)


class Workers:
    def __init__(self, processes: int = 1) -> None:
        self.processes = max(1, processes)
        self._pool: ProcessPoolExecutor | None = None
        self._step: Callable | None = None  # the step the pool's workers have run
        self._starting = threading.Lock()

    def map(self, step: Callable, calls: list[tuple]) -> Iterator:
        """step(*args) for every call, in order; at most two batches per process in flight,
        so finished results do not pile up in memory."""
        if not self.parallel(calls):
            yield from (step(*args) for args in calls)
            return
        pending: deque[Future] = deque()
        for args in calls:
            pending.append(self.submit(step, *args))
            if len(pending) >= 2 * self.processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def parallel(self, calls: list) -> bool:
        return self.processes > 1 and len(calls) > 1

    def submit(self, step: Callable, *args) -> Future:
        return self._start(step).submit(step, *args)

    def _start(self, step: Callable) -> ProcessPoolExecutor:
        """The pool for `step`. Each step gets fresh workers (forked in milliseconds): what
        one step leaves in a worker's heap (processing's caches, fragments) would otherwise
        stay there through the next one, when the workers finish chunks."""
        with self._starting:
            if self._pool is not None and step is not self._step:
                self._pool.shutdown()  # the steps run one after another: nothing is pending
                self._pool = None
            if self._pool is None:
                self._pool = _pool(self.processes)
            self._step = step
            return self._pool

    def close(self) -> None:
        """Cancel the batches not started and wait for those in flight. Not waiting gains
        nothing: the interpreter's exit joins the pool's manager thread all the same, and
        Python 3.11 can then wake it while it closes its pipe ("Bad file descriptor", a
        traceback after a full disk's one-line error)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _pool(processes: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["flows.preload"])
    return ProcessPoolExecutor(processes, mp_context=context, initializer=exit_with,
                               initargs=(os.getpid(),))


def in_own_process(function: Callable, *args):
    """function(*args) in a short-lived process from the fork server: what it allocates goes
    back to the system when it ends."""
    with _pool(1) as pool:
        return pool.submit(function, *args).result()


def exit_with(pid: int) -> None:
    """Make this worker exit when the process `pid` is gone. A run killed by SIGKILL cannot shut
    its pool down, and the workers would wait for work forever (and keep the fork server).
    Ctrl-C is the run's to handle: a worker ignores it (no traceback of its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_gone, args=(pid,), daemon=True).start()


def _exit_when_gone(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (not Linux, or an old kernel): ask every second
        while _alive(pid):
            time.sleep(1)
    else:
        select.select([handle], [], [])  # readable once the process has exited
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
