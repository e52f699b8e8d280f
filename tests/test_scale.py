"""Runs in many batches, chunks and worker processes give the same tables as one batch."""

import shutil
from datetime import date

import duckdb
from conftest import RAW_DIR, seed_path

from flows import run
from flows.process import LineCounter, Scan
from flows.run import RunConfig, run_plain
from flows.stages.events import EventSketch, cluster_event_keys, sketch_event
from flows.tables import TABLES
from flows.validate import read_rows

EXTRA = {
    "extra/rat.txt": "Stadtrat tagt\n\nDer Stadtrat hat am Montag lange über den Haushalt "
                     "beraten, sagte Bürgermeisterin Anna Beispiel.",
    "extra/bahn.txt": "Streik bei der Bahn\n\nDie Gewerkschaft hat am Dienstag zu einem Streik "
                      "aufgerufen. „Wir haben keine Wahl“, sagte der Vorsitzende Max Muster.",
}


def _raw(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    for name, text in EXTRA.items():
        (raw / name).parent.mkdir(exist_ok=True)
        (raw / name).write_text(text, encoding="utf-8")
    # a copy of a seed, in a batch (and chunk) other than its original's
    (raw / "zz-copy.txt").write_bytes(seed_path("001").read_bytes())
    return raw


def _tables(output):
    drop = {"processed_at", "run_id"}
    return {table: sorted(({k: v for k, v in row.items() if k not in drop}
                           for row in read_rows(output / table)), key=repr)
            for table in TABLES}


def test_batches_chunks_and_processes_change_nothing_in_the_tables(tmp_path):
    raw = _raw(tmp_path)
    one = run_plain(RunConfig(raw, tmp_path / "one"))
    many = run_plain(RunConfig(raw, tmp_path / "many", batch_size=1, processes=2))
    assert one.published and many.published
    assert one.counts == many.counts and one.counts["articles"] == 7
    assert _tables(tmp_path / "one") == _tables(tmp_path / "many")
    rejects = _tables(tmp_path / "many")["rejects"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("zz-copy.txt", "duplicate")]


def test_the_corpus_step_in_a_process_of_its_own_decides_the_same(tmp_path, monkeypatch):
    # a large corpus does its corpus step apart (its memory goes back when it ends)
    raw = _raw(tmp_path)
    run_plain(RunConfig(raw, tmp_path / "here", batch_size=2, processes=2))
    monkeypatch.setattr(run, "APART_ARTICLES", 1)
    apart = run_plain(RunConfig(raw, tmp_path / "apart", batch_size=2, processes=2))
    assert apart.published
    assert _tables(tmp_path / "here") == _tables(tmp_path / "apart")
    assert any(row["date_status"] == "corrected" for row in _tables(tmp_path / "apart")["articles"])


def test_every_quote_and_event_of_a_many_chunk_run_belongs_to_an_article(tmp_path):
    output = tmp_path / "out"
    run_plain(RunConfig(_raw(tmp_path), output, batch_size=1))
    orphans = duckdb.sql(f"""
        SELECT count(*) FROM read_parquet('{output}/quotes/*.parquet') q
        LEFT JOIN read_parquet('{output}/articles/**/*.parquet', hive_partitioning=true) a
        USING (article_id) WHERE a.article_id IS NULL""").fetchall()[0][0]
    assert orphans == 0
    files = list((output / "quotes").glob("*.parquet"))
    assert len(files) > 1  # several chunks wrote to the table


def test_an_incremental_run_over_many_parts_keeps_the_published_rows(tmp_path):
    raw, output = _raw(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output, batch_size=1))
    before = _tables(output)
    (raw / "extra" / "neu.txt").write_text(
        "Neue Brücke\n\nDie Stadt hat am Mittwoch eine neue Brücke eröffnet.", encoding="utf-8")
    summary = run_plain(RunConfig(raw, output, batch_size=2))
    assert (summary.new, summary.processed) == (1, 1)
    after = _tables(output)
    assert len(after["articles"]) == len(before["articles"]) + 1
    assert all(row in after["articles"] for row in before["articles"])
    assert set(map(repr, before["quotes"])) <= set(map(repr, after["quotes"]))


def _scan(number: int, lines: set[str]) -> Scan:
    return Scan(f"{number}.txt", "generic", lines)


def test_line_counting_is_exact_on_a_small_corpus():
    counter = LineCounter()
    for number in range(10):
        counter.add(_scan(number, {"Teilen auf Facebook"} if number < 3 else {f"t{number}"}))
    assert counter.recurring() == {"generic": {"Teilen auf Facebook"}}


def test_line_counting_keeps_memory_bounded_and_finds_boilerplate():
    counter = LineCounter()
    for number in range(20_000):
        lines = {f"Überschrift {number}", f"Zwischentitel {number}"}
        if number % 4 == 0:
            lines.add("Mehr zum Thema")  # in 25% of the documents: boilerplate
        if number % 20 == 0:
            lines.add("Selten")  # in 5%: below the recurring share
        counter.add(_scan(number, lines))
    assert counter.recurring() == {"generic": {"Mehr zum Thema"}}
    assert len(counter.counts["generic"]) < 1_000  # not one entry per document


def test_events_without_date_or_identity_are_not_kept_for_keying():
    row = {"event_id": "e1", "article_id": "a1", "plover_type": "CONSULT", "mode": None,
           "event_date": None, "date_precision": None, "location": "Genf",
           "actors": ["Max Muster", "Erika Beispiel"]}
    assert sketch_event(row) is None
    assert sketch_event({**row, "event_date": date(2024, 5, 2), "location": None,
                         "actors": ["Max Muster"]}) is None
    kept = sketch_event({**row, "event_date": date(2024, 5, 2)})
    assert isinstance(kept, EventSketch)
    other = EventSketch("e2", "a2", "CONSULT", None, date(2024, 5, 2), "day", "Genf",
                        frozenset())
    keys = cluster_event_keys([kept, other])
    assert keys["e1"] == keys["e2"]
