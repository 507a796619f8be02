"""Speed of the dates: the component's share of the pipeline, the values, and dateparser.

Runs the TempEval-3 texts (or any JSONL with a ``text`` field) through the
pipeline with and without ``newsextract_dates``, times ``extract_dates`` on the
processed docs, and times the first dateparser call after the pipeline has loaded
(it must stay far below dateparser's multi-second cold start).

    .venv/bin/python benchmarks/bench_dates.py [--data FILE.jsonl] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "tempeval3" / "train.jsonl"


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(t.split()) for t in texts)

    from newsextract.nlp.pipeline import load

    started = time.perf_counter()
    nlp = load()
    print(f"pipeline load: {time.perf_counter() - started:.2f} s")
    from newsextract.timex.absolute import parse_absolute

    started = time.perf_counter()
    parse_absolute("the 14th of February 2026")
    print(f"first dateparser call after load: {(time.perf_counter() - started) * 1000:.1f} ms")

    from newsextract.facts.dates import extract_dates
    from datetime import date

    with_dates = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    with nlp.select_pipes(disable=["newsextract_dates"]):
        without = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    docs = list(nlp.pipe(texts))
    component = best_of(args.repeat, lambda: [nlp.get_pipe("newsextract_dates")(d) for d in docs])
    values = best_of(args.repeat, lambda: [extract_dates(d, anchor=date(2026, 1, 7)) for d in docs])
    print(f"{len(texts)} texts, {words:,} words")
    print(f"pipeline with dates:    {words / with_dates:10,.0f} words/s")
    print(f"pipeline without dates: {words / without:10,.0f} words/s")
    print(f"dates component alone:  {words / component:10,.0f} words/s "
          f"({component / with_dates:.1%} of the pipeline)")
    print(f"values (extract_dates): {words / values:10,.0f} words/s "
          f"({values / with_dates:.1%} of the pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
