"""Progress of long work: a bar on a terminal, a timestamped log line every few seconds
elsewhere; both in documents where a step works on batches of input files, with the rate and
the time still to go."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import TextIO

# Steps whose calls each take a batch of input files first: their progress is in documents.
DOCUMENT_STEPS = frozenset({"hashing", "scanning", "reading", "processing"})


def step_units(label: str, calls: list[tuple]) -> tuple[list[int], str]:
    """How much each call of a step weighs, and in what: a batch of input files counts its
    documents; other steps (parts, chunks) count their calls."""
    if label in DOCUMENT_STEPS:
        return [len(call[0]) for call in calls], "documents"
    return [1] * len(calls), ""


def print_progress_line(message: str, stream: TextIO | None = None) -> None:
    """One line of news about the run, timestamped (stderr, like the progress)."""
    stream = stream or sys.stderr
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    stream.write(f"{stamp} newsetl: {message}\n")
    stream.flush()


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None,
                 interval: float = 10.0, unit: str = "") -> None:
        self.label, self.total, self.done, self.unit = label, total, 0, unit
        self.stream = stream or sys.stderr
        self.interval = interval
        self.terminal = self.stream.isatty()
        self.started = self.last_report = time.monotonic()
        self._report(self.started)  # at once: the user sees the run has begun

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.terminal or now - self.last_report >= self.interval or self.done >= self.total:
            self._report(now)

    def _report(self, now: float) -> None:
        counted = f"{self.done}/{self.total}" + (f" {self.unit}" if self.unit else "")
        if self.terminal:
            width = 30
            filled = width * self.done // max(self.total, 1)
            end = "\n" if self.done >= self.total else ""
            self.stream.write(f"\r{self.label:<12} [{'#' * filled}{'.' * (width - filled)}] "
                              f"{counted} {self._pace(now)}{end}")
        else:
            stamp = datetime.now().astimezone().isoformat(timespec="seconds")
            self.stream.write(f"{stamp} newsetl: {self.label} {counted} "
                              f"({now - self.started:.0f} s{self._pace(now, ', ')})\n")
        self.last_report = now
        self.stream.flush()

    def _pace(self, now: float, lead: str = "") -> str:
        """", 120/s, ETA 30 s": once there is something to measure."""
        elapsed = now - self.started
        if not self.done or elapsed <= 0:
            return ""
        rate = self.done / elapsed
        left = (self.total - self.done) / rate
        return f"{lead}{rate:.0f}/s, ETA {left:.0f} s" if self.done < self.total else \
            f"{lead}{rate:.0f}/s"
