"""The benchmark's corpora and stage clock (the timed runs themselves are `newsetl bench`)."""

import pytest
from conftest import RAW_DIR

from flows.bench import real_documents, stage_shares, synthetic_documents, write_corpus


def _seeds():
    return real_documents(RAW_DIR.parent / "no-shared-corpora", RAW_DIR)


def test_synthetic_corpora_are_deterministic_and_have_no_duplicate_bodies():
    real = _seeds()
    first = list(synthetic_documents(real, 300))
    assert first == list(synthetic_documents(real, 300))
    bodies = [text.split("\n\n", 2)[2] for _, text in first]
    assert len(set(bodies)) == len(bodies) == 300
    assert len({name for name, _ in first}) == 300


@pytest.mark.parametrize("count", [40])
def test_stage_shares_cover_every_stage_and_sum_to_one(tmp_path, count):
    raw = tmp_path / "raw"
    written, megabytes = write_corpus(raw, synthetic_documents(_seeds(), count))
    assert written == count and megabytes > 0
    shares = stage_shares(raw, limit=count)
    assert set(shares) == {"intake", "clean", "metadata", "dates", "quotes", "events",
                           "write", "validate"}
    assert sum(shares.values()) == pytest.approx(1.0, abs=0.01)
