"""Time budgets per document: one pathological text must not hold up a run for hours.

`time_budget(seconds, what)` raises `DocumentTimeout` inside the block once the seconds are
spent (SIGALRM), again every 0.2 s while something swallows it (a garbage-collector callback, a
library's `except Exception`), and at the block's end if it ran over all the same. Budgets
nest: an inner one (the extraction stages) ends at its own limit or at the outer one's (the
whole document), whichever comes first. Signals reach only a process's main thread: where the
block runs in another thread (a thread-based task runner), it is a no-op.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

DOCUMENT_SECONDS = 60.0  # thousands of times the usual cost (milliseconds)
# The quote and event stages of one document: a 100 KB article takes about half a second; a
# text that takes longer is not news (a dump of thousands of cues or quotation marks).
EXTRACTION_SECONDS = 5.0


_AGAIN_SECONDS = 0.2


class DocumentTimeout(Exception):
    """A document used up its time budget."""


@contextmanager
def time_budget(seconds: float = DOCUMENT_SECONDS, what: str = "per document"):
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    message = f"over the time budget of {seconds:g} s {what}"
    expired = []

    def expire(_signum, _frame):
        expired.append(True)
        signal.setitimer(signal.ITIMER_REAL, _AGAIN_SECONDS)  # in case this one is swallowed
        raise DocumentTimeout(message)

    outer_left = signal.getitimer(signal.ITIMER_REAL)[0]
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # the outer budget goes on with what is left of it
            left = outer_left - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
    if expired:  # the signal's exception was swallowed on its way (raised in a garbage
        raise DocumentTimeout(message)  # collector callback, caught by a library): still over
