"""`newsetl bench`: the real pipeline on real and synthetic corpora, measured in one run.

Each measured run is the installed `newsetl run` in a child process, so wall time and peak RSS
(from wait4) are the run's own. Figures that compare two ways of running (Prefect flow vs plain
loop, Dask with 2 workers vs 1, unchanged rerun vs first run) are ratios from the same bench.
Stage shares come from an in-process loop over the same documents with a stage clock.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows.process import StageClock, process_document
from flows.stages.intake import Document, documents_from_bytes


@dataclass
class SizeResult:
    size: str
    documents: int
    megabytes: float
    runs: dict[str, dict] = field(default_factory=dict)  # name -> {seconds, peak_rss_mb}
    stage_shares: dict[str, float] = field(default_factory=dict)
    ratios: dict[str, float] = field(default_factory=dict)

    def articles_per_second(self, run: str = "plain") -> float:
        seconds = self.runs.get(run, {}).get("seconds")
        return self.documents / seconds if seconds else 0.0


def real_documents(shared: Path, project_raw: Path) -> list[tuple[str, str]]:
    """(name, text) of every real article: 10kGNAD test split, Wikinews, fundus page texts,
    seeds."""
    from flows.evaluate import wikinews_text

    documents = [(f"seeds/{p.name}", p.read_text(encoding="utf-8"))
                 for p in sorted(project_raw.glob("*.txt"))]
    gnad = shared / "10kgnad" / "test.csv"
    if gnad.is_file():
        with gnad.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter=";", quotechar="'")
            documents += [(f"10kgnad/{n:05d}.txt", row[1]) for n, row in enumerate(rows)
                          if len(row) == 2]
    wikinews = shared / "wikinews_quotation_attribution_de" / "documents.jsonl"
    if wikinews.is_file():
        for n, line in enumerate(wikinews.read_text(encoding="utf-8").splitlines()):
            text = wikinews_text(json.loads(line))
            if text:
                documents.append((f"wikinews/{n:04d}.txt", text))
    pages = shared / "fundus_news_pages_de" / "page_text"
    documents += [(f"fundus/{p.name}", p.read_text(encoding="utf-8"))
                  for p in sorted(pages.glob("*.txt"))]
    return documents


def synthetic_documents(real: list[tuple[str, str]], count: int, seed: int = 7):
    """`count` articles composed of real paragraphs: a title, a date line, 3-8 paragraphs
    drawn at random (deterministic for a seed); the numbered title and the draw make every
    body different."""
    paragraphs = [p.strip() for _, text in real for p in text.split("\n\n")
                  if len(p.strip()) >= 120]
    rng = random.Random(seed)
    for number in range(count):
        picked = rng.sample(paragraphs, rng.randint(3, 8))
        day = f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(2015, 2025)}"
        title = " ".join(picked[0].split()[:rng.randint(4, 9)]).rstrip(".,:;")
        yield (f"synthetic/{number // 1000:04d}/{number:07d}.txt",
               f"{title} ({number})\n\n{day}\n\n" + "\n\n".join(picked))


def write_corpus(folder: Path, documents) -> tuple[int, float]:
    shutil.rmtree(folder, ignore_errors=True)
    count, size = 0, 0
    for name, text in documents:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        count, size = count + 1, size + len(data)
    return count, size / 1e6


def measure(arguments: list[str], env: dict[str, str]) -> dict:
    """Wall seconds and peak memory of one `newsetl` child process: the peak RSS of its
    largest process (wait4), and the peak of the whole process tree's PSS (proportional set
    size, so pages that workers share with the fork server count once), sampled."""
    with tempfile.TemporaryFile() as stderr_file:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "flows.cli", *arguments], env=env,
                                   stdout=subprocess.DEVNULL, stderr=stderr_file)
        tree_peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, tree_pss_kb(process.pid))
            time.sleep(0.25)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        stderr_file.seek(0)
        stderr = stderr_file.read().decode(errors="replace")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "peak_tree_pss_mb": round(tree_peak / 1024, 1), "exit": process.returncode,
            "stderr": stderr[-500:]}


def tree_pss_kb(root: int) -> int:
    """PSS (kB) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in rollup.splitlines()
                     if line.startswith("Pss:"))
    return total


def stage_shares(folder: Path, limit: int) -> dict[str, float]:
    """Share of in-process time per stage over up to `limit` documents, write and validate
    included (on the rows of those documents)."""
    from flows.parts import Result, result_rows
    from flows.publish import write_tables
    from flows.validate import validate_folder

    clock = StageClock()
    results: list[Result] = []
    started = datetime.now(UTC)
    for path in sorted(folder.rglob("*.txt"))[:limit]:
        clock.start("intake")
        loaded = documents_from_bytes(path.relative_to(folder).as_posix(), path.read_bytes())
        clock.stop()
        for document in loaded:
            results.append(process_document(document, {}, started, clock)
                           if isinstance(document, Document) else document)
    rows = result_rows(results, "bench")
    staging = folder.parent / "stage-share-output"
    clock.start("write")
    write_tables(staging, rows)
    clock.start("validate")
    validate_folder(staging)
    clock.stop()
    shutil.rmtree(staging, ignore_errors=True)
    total = sum(clock.seconds.values()) or 1.0
    return {stage: round(seconds / total, 3) for stage, seconds in clock.seconds.items()}


def with_orchestration(shares: dict[str, float], prefect_vs_plain: float | None
                       ) -> dict[str, float]:
    """Stage shares of the Prefect run: the plain loop's shares scaled down by what the
    Prefect run took on top of it (orchestration)."""
    if not prefect_vs_plain or prefect_vs_plain <= 1:
        return {**shares, "orchestration": 0.0} if prefect_vs_plain else shares
    plain_part = 1 / prefect_vs_plain
    return {**{stage: round(share * plain_part, 3) for stage, share in shares.items()},
            "orchestration": round(1 - plain_part, 3)}


def bench_size(size: str, documents, work: Path, dask: bool, env: dict[str, str],
               plain_only: bool = False) -> SizeResult:
    raw, output = work / f"raw-{size}", work / f"out-{size}"
    count, megabytes = write_corpus(raw, documents)
    result = SizeResult(size, count, round(megabytes, 1))
    base = ["run", "--raw", str(raw), "--output", str(output)]
    shutil.rmtree(output, ignore_errors=True)
    result.runs["plain"] = measure([*base, "--no-prefect"], env)
    result.runs["plain_unchanged"] = measure([*base, "--no-prefect"], env)
    if not plain_only:
        result.runs["prefect"] = measure([*base, "--force"], env)
    if dask and not plain_only:
        result.runs["dask_1"] = measure([*base, "--force", "--workers", "1"], env)
        result.runs["dask_2"] = measure([*base, "--force", "--workers", "2"], env)
    result.ratios = _ratios(result.runs)
    result.stage_shares = with_orchestration(stage_shares(raw, limit=2000),
                                             result.ratios.get("prefect_vs_plain"))
    shutil.rmtree(raw, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    return result


def _ratios(runs: dict[str, dict]) -> dict[str, float]:
    def ratio(a: str, b: str) -> float | None:
        if a in runs and b in runs and runs[b]["seconds"]:
            return round(runs[a]["seconds"] / runs[b]["seconds"], 3)
        return None

    pairs = {"prefect_vs_plain": ("prefect", "plain"),
             "unchanged_rerun_vs_first": ("plain_unchanged", "plain"),
             "dask_2_vs_dask_1": ("dask_2", "dask_1")}
    return {name: value for name, (a, b) in pairs.items() if (value := ratio(a, b))}


def warm_up_prefect(project_raw: Path, work: Path, env: dict[str, str]) -> None:
    """One Prefect run on the sample inputs before any timed one: the first run in a new
    PREFECT_HOME creates and migrates Prefect's database (~9 s measured), a one-time cost
    that a scheduled deployment does not pay each night."""
    output = work / "out-warm-up"
    measure(["run", "--raw", str(project_raw), "--output", str(output)], env)
    shutil.rmtree(output, ignore_errors=True)


def run_bench(shared: Path, project_raw: Path, sizes: list[str], work: Path, dask: bool,
              plain_only: bool = False) -> list[SizeResult]:
    real = real_documents(shared, project_raw)
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home")}
    if not plain_only:
        warm_up_prefect(project_raw, work, env)
    results = []
    for size in sizes:
        documents = real if size == "real" else synthetic_documents(real, int(size))
        results.append(bench_size(size, documents, work, dask, env, plain_only))
        print(table(results[-1:]), file=sys.stderr)
    return results


def table(results: list[SizeResult]) -> str:
    lines = ["| corpus | docs | MB | plain s | art/s | MB/s | peak RSS MB (largest process "
             "/ tree PSS) | Prefect/plain | rerun/first | Dask 2/1 | stage shares |",
             "|" + "---|" * 11]
    for r in results:
        plain = r.runs.get("plain", {})
        seconds = plain.get("seconds") or 0
        shares = ", ".join(f"{k} {v:.0%}" for k, v in Counter(r.stage_shares).most_common())
        lines.append(
            f"| {r.size} | {r.documents} | {r.megabytes} | {seconds} "
            f"| {r.articles_per_second():.0f} | {r.megabytes / seconds if seconds else 0:.2f} "
            f"| {max(run.get('peak_rss_mb', 0) for run in r.runs.values())} / "
            f"{max(run.get('peak_tree_pss_mb', 0) for run in r.runs.values())} "
            f"| {r.ratios.get('prefect_vs_plain', '-')} "
            f"| {r.ratios.get('unchanged_rerun_vs_first', '-')} "
            f"| {r.ratios.get('dask_2_vs_dask_1', '-')} | {shares} |")
    return "\n".join(lines)


def save(results: list[SizeResult], path: Path) -> None:
    payload = {"measured_at": datetime.now(UTC).isoformat(), "cpus": os.cpu_count(),
               "results": [asdict(r) for r in results]}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
