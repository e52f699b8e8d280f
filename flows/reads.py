"""What the scan step read, kept on disk for the processing step: each input is read and
extracted once.

The scan must see every document before any is cleaned (the boilerplate lines of a site are
those that recur across its pages), so the two steps are two passes over the corpus. Instead of
reading and extracting each file again, the scan writes what it read of the files to process
into one file per scan batch (a stream of pickled records, in the run's staging folder, so a
killed run leaves nothing behind), and the processing step reads them back.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from flows.stages.intake import Loaded


class KeptReads:
    """Writes the records of one scan batch: (input file, what was read of it)."""

    def __init__(self, handle: BinaryIO):
        self._handle = handle

    def add(self, source: str, loaded: list[Loaded]) -> None:
        pickle.dump((source, loaded), self._handle, protocol=pickle.HIGHEST_PROTOCOL)


@contextmanager
def keeping_reads(path: Path) -> Iterator[KeptReads]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        yield KeptReads(handle)


def kept_reads(path: Path, sources: set[str]) -> dict[str, list[Loaded]]:
    """What the scan read of these input files (a file it did not keep is not in it)."""
    found = {}
    if not path.is_file():
        return found
    with path.open("rb") as handle:
        while True:
            try:
                source, loaded = pickle.load(handle)
            except EOFError:
                return found
            if source in sources:
                found[source] = loaded
