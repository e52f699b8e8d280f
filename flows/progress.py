"""Progress of long work: a bar on a terminal, a log line every few seconds elsewhere."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None,
                 interval: float = 10.0) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.interval = interval
        self.terminal = self.stream.isatty()
        self.started = self.last_report = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.terminal:
            self._bar()
        elif now - self.last_report >= self.interval or self.done == self.total:
            self.stream.write(f"newsetl: {self.label} {self.done}/{self.total} "
                              f"({now - self.started:.0f} s)\n")
            self.last_report = now
        self.stream.flush()

    def _bar(self, width: int = 30) -> None:
        filled = width * self.done // max(self.total, 1)
        end = "\n" if self.done >= self.total else ""
        self.stream.write(f"\r{self.label:<12} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done}/{self.total}{end}")
