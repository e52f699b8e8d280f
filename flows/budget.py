"""A time budget per document: one pathological text must not hold up a run for hours.

`time_budget(seconds)` raises `DocumentTimeout` inside the block once the seconds are spent
(SIGALRM). Signals reach only a process's main thread: where the block runs in another thread
(a thread-based task runner), it is a no-op.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

DOCUMENT_SECONDS = 60.0  # thousands of times the usual cost (milliseconds)


class DocumentTimeout(Exception):
    """A document used up its time budget."""


@contextmanager
def time_budget(seconds: float = DOCUMENT_SECONDS):
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum, _frame):
        raise DocumentTimeout(f"over the time budget of {seconds:g} s per document")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
