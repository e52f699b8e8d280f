"""Incremental runs and reruns: only new, changed or selected files are processed."""

import io
import shutil
import threading
import time
from datetime import date

import pyarrow.parquet as pq
from conftest import RAW_DIR, in_fresh_interpreter, seed_path

from flows.progress import Progress, step_units
from flows.publish import output_lock
from flows.run import RunConfig, run_plain
from flows.validate import read_rows


def _articles(output):
    return {a["source_file"]: a for a in read_rows(output / "articles")}


def _raw_copy(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    return raw


def test_adding_one_file_processes_one_file_and_keeps_the_others(tmp_path):
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output))
    before = _articles(output)
    (raw / "new.txt").write_text("Stadtrat tagt\n\nDer Stadtrat hat am Montag lange über den "
                                 "Haushalt und neue Schulden beraten, sagte Bürgermeisterin "
                                 "Anna Beispiel.", encoding="utf-8")
    summary = run_plain(RunConfig(raw, output))
    assert (summary.new, summary.unchanged, summary.processed) == (1, 5, 1)
    after = _articles(output)
    assert set(after) == set(before) | {"new.txt"}
    assert all(after[name] == row for name, row in before.items())  # processed_at too


def test_a_changed_file_is_processed_again(tmp_path):
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output))
    path = raw / seed_path("003").name
    path.write_text(path.read_text(encoding="utf-8") + "\nEin neuer Absatz wurde ergänzt.",
                    encoding="utf-8")
    summary = run_plain(RunConfig(raw, output))
    assert (summary.changed, summary.processed) == (1, 1)
    assert _articles(output)[path.name]["body"].endswith("Ein neuer Absatz wurde ergänzt.")


def test_a_removed_file_keeps_its_rows_until_a_forced_rebuild(tmp_path):
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output))
    removed = seed_path("000").name
    (raw / removed).unlink()
    kept = run_plain(RunConfig(raw, output))
    assert kept.kept_missing == 1 and kept.processed == 0
    assert removed in _articles(output)
    rebuilt = run_plain(RunConfig(raw, output, force=True))
    assert rebuilt.processed == 4 and removed not in _articles(output)


def test_only_and_date_range_select_files_for_a_rerun(tmp_path):
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output))
    only = run_plain(RunConfig(raw, output, only="00[12]_*.txt"))
    assert only.processed == 2
    november = run_plain(RunConfig(raw, output, since=date(2015, 11, 1),
                                   until=date(2015, 11, 30)))
    # dated 17 and 26 November, plus the undated and the misdated one, repaired to November
    assert november.processed == 4
    late_november = run_plain(RunConfig(raw, output, since=date(2015, 11, 20)))
    assert late_november.processed == 1


def test_a_new_copy_never_displaces_the_published_article(tmp_path):
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    run_plain(RunConfig(raw, output))
    original = seed_path("002").name
    shutil.copy(raw / original, raw / "000_copy_sorted_first.txt")
    run_plain(RunConfig(raw, output))
    assert original in _articles(output)
    rejects = {r["source_file"]: r["reason"] for r in pq.read_table(output / "rejects")
               .to_pylist()}
    assert rejects == {"000_copy_sorted_first.txt": "duplicate"}


def test_a_second_run_waits_for_the_first(tmp_path):
    output = tmp_path / "out"
    released = threading.Event()

    def hold_the_lock():
        with output_lock(output):
            time.sleep(1.5)
        released.set()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    time.sleep(0.2)
    summary = run_plain(RunConfig(RAW_DIR, output, lock_wait_seconds=30))
    holder.join()
    assert released.is_set() and summary.published


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere():
    terminal, log = _Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress("processing", 1000, stream=stream, interval=0, unit="documents")
        for _ in range(4):
            progress.advance(250)
    assert "\rprocessing" in terminal.getvalue() and \
        "[" + "#" * 30 + "] 1000/1000 documents" in terminal.getvalue()
    lines = log.getvalue().splitlines()
    assert " newsetl: processing 0/1000 documents (0 s)" in lines[0]  # at once, timestamped
    assert lines[0][:4].isdigit() and "T" in lines[0].split()[0]
    assert "/s, ETA" in lines[1] and " newsetl: processing 1000/1000 documents" in lines[-1]


def test_a_batch_step_counts_documents_and_other_steps_their_calls():
    assert step_units("processing", [(["a.txt", "b.txt"], "raw"), (["c.txt"], "raw")]) == \
        ([2, 1], "documents")
    assert step_units("writing", [(["part-1", "part-2"], {})]) == ([1], "")


_COUNT_OPENS = """
import collections, sys
from pathlib import Path
from flows.run import RunConfig, run_plain

raw, output = Path(sys.argv[1]), Path(sys.argv[2])
opened = collections.Counter()

def count(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(str(raw)):
        opened[Path(args[0]).name] += 1

sys.addaudithook(count)
run_plain(RunConfig(raw, output, batch_size=2))
print(sorted(opened.items()))
"""


def _opens(raw, output) -> dict[str, int]:
    """How often one run opens each raw file (an audit hook sees every open; a fresh
    interpreter, since a hook cannot be removed)."""
    import ast

    printed = in_fresh_interpreter(_COUNT_OPENS, str(raw), str(output))
    return dict(ast.literal_eval(printed.strip().splitlines()[-1]))


def test_each_input_is_read_and_extracted_once(tmp_path):
    """Regression: the processing step read and extracted every file again after the scan
    (trafilatura's warnings came twice). A first run reads each file once; a rerun hashes
    every file and scans it (the boilerplate needs the whole corpus), and processes the
    changed one from what the scan read."""
    raw, output = _raw_copy(tmp_path), tmp_path / "out"
    first = _opens(raw, output)
    assert set(first) == {p.name for p in raw.iterdir()} and set(first.values()) == {1}
    changed = sorted(raw.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nEin neuer Absatz.",
                       encoding="utf-8")
    assert set(_opens(raw, output).values()) == {2}
