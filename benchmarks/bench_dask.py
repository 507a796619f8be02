"""Dask's overhead: ``--scheduler local:2`` against ``--jobs 2`` on the same BBC articles.

    .venv/bin/python benchmarks/bench_dask.py [--articles 300] [--repeat 2]

Both are whole ``newsextract parse FILE.jsonl -o /dev/null`` commands (start-up,
model loading in two worker processes, extraction, shutdown), run alternately;
the median of each is kept. Also prints the fixed cost of starting and stopping
a two-worker LocalCluster, and the per-core throughput used in the README's
capacity estimate. The articles come from ../shared/eval/bbc_news (never copied).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import cpu_profile  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eval" / "bbc_news" / "bbc_fulltext.jsonl"
EXE = str(Path(sys.executable).parent / "newsextract")

CLUSTER_ONLY = """
import time
from newsextract.engines.dask import connect, _close
if __name__ == "__main__":
    start = time.perf_counter()
    client, cluster = connect("local:2")
    client.wait_for_workers(2)
    _close(client, cluster)
    print(time.perf_counter() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not SOURCE.exists():
        sys.exit(f"evaluation data not present: {SOURCE}")
    with SOURCE.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(args.articles), f)]
    words = sum(len(r["text"].split()) for r in rows)
    times: dict[str, list[tuple[float, float, float]]] = {"jobs": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows),
                        encoding="utf-8")
        base = [EXE, "parse", str(path), "-o", os.devnull]
        for _ in range(args.repeat):
            times["jobs"].append(cpu_profile([*base, "--jobs", "2"]))
            times["dask"].append(cpu_profile([*base, "--scheduler", "local:2"]))
        cluster = float(subprocess.run([sys.executable, "-c", CLUSTER_ONLY], capture_output=True, text=True,
                                       check=True, cwd=ROOT).stdout.strip())
    (jobs, jobs_cpu, jobs_busy), (dask, dask_cpu, dask_busy) = (
        tuple(statistics.median(t[i] for t in times[k]) for i in range(3)) for k in ("jobs", "dask"))
    print(f"{len(rows)} BBC articles, {words:,} words; median of {args.repeat}; "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| measure | --jobs 2 | --scheduler local:2 | Dask overhead |\n|---|---|---|---|")
    print(f"| wall clock | {jobs:.1f} s | {dask:.1f} s | {100 * (dask / jobs - 1):+.1f}% |")
    print(f"| CPU, all processes | {jobs_cpu:.1f} s | {dask_cpu:.1f} s | {100 * (dask_cpu / jobs_cpu - 1):+.1f}% |")
    print(f"| CPU, busiest process (wall time with a free core each) | {jobs_busy:.1f} s | {dask_busy:.1f} s "
          f"| {100 * (dask_busy / jobs_busy - 1):+.1f}% |")
    print(f"\nStarting and stopping a 2-worker LocalCluster alone: {cluster:.1f} s wall. "
          f"Per-core throughput (--jobs 2, busiest process): {words / 2 / jobs_busy:,.0f} words/s.")


if __name__ == "__main__":
    main()
