"""Imported once by the workers' fork server, before it forks any worker.

Everything a worker needs is imported here, Great Expectations included (~150 MB: every worker
validates the chunks it finishes), and one short article runs through every stage. The workers
then share these pages with the fork server instead of each loading its own copy, and
`gc.freeze` keeps the collector in the workers from touching (and so copying) the shared
objects.
"""

import gc
import signal
from datetime import UTC, datetime

import flows.run  # noqa: F401  (the pipeline's steps)
from flows.parts import glibc
from flows.process import process_document
from flows.stages.intake import document_from_bytes
from flows.validate import import_gx

# One short article through every stage loads what the stages load on first use (the
# language model, the lexicons and profiles), so that no worker loads its own copy.
_WARM_UP = """Rat beschließt Haushalt

Berlin, 3. März 2025

Der Stadtrat hat am Montag den Haushalt beschlossen. „Wir haben lange beraten“, sagte
Bürgermeisterin Anna Beispiel. Laut Polizei blieb es ruhig.
"""

_M_ARENA_MAX = -8  # glibc's mallopt parameter


def limit_malloc_arenas(arenas: int = 1) -> None:
    """One malloc arena for all threads (Arrow's too): a worker finishing chunk after chunk
    then stays at one size instead of growing by ~50 MB over its first ten (measured on one
    chunk of 2,000 articles finished ten times; ~0.15 s slower per chunk). A no-op where
    malloc is not glibc's."""
    mallopt = glibc("mallopt")
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, arenas)


limit_malloc_arenas()
import_gx()
process_document(document_from_bytes("warm-up.txt", _WARM_UP.encode()), {}, datetime.now(UTC))
gc.freeze()

# Ctrl-C is the run's to handle: the fork server (and every worker it forks) ignores it.
signal.signal(signal.SIGINT, signal.SIG_IGN)
