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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eval" / "bbc_news" / "bbc_fulltext.jsonl"
EXE = str(Path(sys.executable).parent / "newsextract")

CLUSTER_ONLY = """
import time
from newsextract.dask import connect, _close
if __name__ == "__main__":
    start = time.perf_counter()
    client, cluster = connect("local:2")
    client.wait_for_workers(2)
    _close(client, cluster)
    print(time.perf_counter() - start)
"""


def run(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-800:]}")
    return time.perf_counter() - start


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
    times: dict[str, list[float]] = {"jobs": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows),
                        encoding="utf-8")
        base = [EXE, "parse", str(path), "-o", os.devnull]
        for _ in range(args.repeat):
            times["jobs"].append(run([*base, "--jobs", "2"]))
            times["dask"].append(run([*base, "--scheduler", "local:2"]))
        cluster = float(subprocess.run([sys.executable, "-c", CLUSTER_ONLY], capture_output=True, text=True,
                                       check=True, cwd=ROOT).stdout.strip())
    jobs, dask = statistics.median(times["jobs"]), statistics.median(times["dask"])
    print(f"{len(rows)} BBC articles, {words:,} words; median of {args.repeat}; "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| measure | result |\n|---|---|")
    print(f"| --jobs 2 | {jobs:.1f} s ({words / jobs:,.0f} words/s, {words / jobs / 2:,.0f} per core) |")
    print(f"| --scheduler local:2 | {dask:.1f} s ({words / dask:,.0f} words/s) |")
    print(f"| Dask overhead | {100 * (dask / jobs - 1):+.1f}% |")
    print(f"| of which: start and stop a 2-worker LocalCluster | {cluster:.1f} s |")
    print(f"| Dask overhead without that fixed cost | {100 * ((dask - cluster) / jobs - 1):+.1f}% |")


if __name__ == "__main__":
    main()
