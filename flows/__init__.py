"""newsetl: raw German news dumps to validated Parquet tables."""

import os

# Arrow's default allocator (mimalloc) keeps ~130 MB per process that finishing a chunk
# freed; the system allocator gives it back. Read when pyarrow loads, so set before any import.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

__version__ = "0.1.0"
