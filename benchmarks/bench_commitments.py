"""What commitments cost: the component and the extractor against the whole pipeline.

    python benchmarks/bench_commitments.py [N]     # N BBC articles from ../shared/eval (default 150)
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eval" / "bbc_news" / "bbc_fulltext.jsonl"


def main() -> None:
    from newsextract.facts.commitments import extract_commitments
    from newsextract.facts.organizations import extract_organizations
    from newsextract.facts.people import extract_people
    from newsextract.facts.places import extract_places
    from newsextract.nlp.pipeline import load

    if not SOURCE.exists():
        sys.exit(f"evaluation data not present: {SOURCE}")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    with SOURCE.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(n), f)]
    nlp = load()
    list(nlp.pipe(texts[:5]))  # warm up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    pipeline = time.perf_counter() - start
    component = nlp.get_pipe("newsextract_commitments")
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    comp = time.perf_counter() - start
    entities = [(d, extract_people(d), extract_places(d), extract_organizations(d)) for d in docs]
    start = time.perf_counter()
    found = sum(len(extract_commitments(d, people=p, places=pl, organizations=o, dates=[]))
                for d, p, pl, o in entities)
    extractor = time.perf_counter() - start
    print(f"{len(texts)} articles, {found} commitments: pipeline {pipeline:.2f}s, "
          f"commitments component {comp:.3f}s ({100 * comp / pipeline:.1f}%), extractor {extractor:.3f}s")


if __name__ == "__main__":
    main()
