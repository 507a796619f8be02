"""What quotes cost: ``extract_quotes`` against the whole pipeline, on the same articles.

    python benchmarks/bench_quotes.py [N]     # N BBC articles from ../shared/eval (default 200)

The pipeline time is ``nlp.pipe`` plus every extractor (``build_article``); the
quotes extractor is then timed alone on the same Docs and entries.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eval" / "bbc_news" / "bbc_fulltext.jsonl"


def main() -> None:
    from newsextract.process import build_article
    from newsextract.facts.organizations import extract_organizations
    from newsextract.facts.people import extract_people
    from newsextract.facts.places import extract_places
    from newsextract.facts.quotes import extract_quotes
    from newsextract.io.inputs import ArticleInput
    from newsextract.nlp.pipeline import load

    if not SOURCE.exists():
        sys.exit(f"evaluation data not present: {SOURCE}")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with SOURCE.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(n), f)]
    nlp = load()
    list(nlp.pipe(texts[:5]))  # warm up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    for i, (text, doc) in enumerate(zip(texts, docs)):
        build_article(ArticleInput(source=str(i), id=str(i), text=text), doc)
    pipeline = time.perf_counter() - start
    entities = [(d, extract_people(d), extract_places(d), extract_organizations(d)) for d in docs]
    start = time.perf_counter()
    found = sum(len(extract_quotes(d, people=p, places=pl, organizations=o)) for d, p, pl, o in entities)
    quotes = time.perf_counter() - start
    print(f"{len(texts)} articles, {found} quotes: pipeline {pipeline:.2f}s, "
          f"quotes extractor {quotes:.3f}s ({100 * quotes / pipeline:.1f}%)")


if __name__ == "__main__":
    main()
