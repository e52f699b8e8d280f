"""Shared fixtures. Prefect and GX state goes to a temporary folder, never ~/.prefect."""

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

if "PREFECT_HOME" not in os.environ:  # a folder of this test run's own, gone after it
    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-prefect-")
    atexit.register(shutil.rmtree, os.environ["PREFECT_HOME"], ignore_errors=True)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import pytest  # noqa: E402

from flows.process import process_document  # noqa: E402
from flows.stages.intake import read_document  # noqa: E402

PROJECT_DIR = Path(__file__).resolve().parent.parent
RAW_DIR = PROJECT_DIR / "raw"
SHARED_DIR = PROJECT_DIR.parent / "shared"
RUN_STARTED = datetime(2026, 1, 1, tzinfo=UTC)


def in_fresh_interpreter(script: str, *args: str) -> str:
    """What `script` prints when run by a new Python process (nothing loaded or hooked yet)."""
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, timeout=300, check=True)
    return result.stdout


def seed_path(prefix: str) -> Path:
    """A sample article by its number ("001")."""
    (path,) = RAW_DIR.glob(f"{prefix}_*.txt")
    return path


def process_seed(prefix: str):
    document = read_document(seed_path(prefix), RAW_DIR)
    return process_document(document, {}, RUN_STARTED)


@pytest.fixture(scope="session")
def seeds() -> dict:
    """Every sample article through all stages: {"000": ProcessedArticle, ...}."""
    return {path.name[:3]: process_seed(path.name[:3]) for path in sorted(RAW_DIR.glob("*.txt"))}


@pytest.fixture(scope="session")
def corpus(seeds) -> dict:
    """The samples after the corpus step (date repair from shared events, event keys)."""
    import copy

    from flows.process import finish_corpus

    results = copy.deepcopy(seeds)
    finish_corpus(list(results.values()))
    return results
