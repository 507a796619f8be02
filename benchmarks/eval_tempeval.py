"""TempEval-3 evaluation of the dates: strict, relaxed, value and type F1.

Runs every document of ``../shared/eval/tempeval3/{train,test}.jsonl`` through
the real pipeline with its ``dct`` as the publication date, and compares the
``dates`` records with the gold TIMEX3 annotations the way the TempEval-3
scorer does:

- strict: the extent matches exactly; relaxed: the extents overlap (one to one);
- value F1 and type F1: relaxed F1 counting only matches whose value (type) is right,
  i.e. P = right / system, R = right / gold.

TimeML annotates a range as two expressions ("2009-2010" is "2009" and "2010");
our guideline makes it one entry with value ``A/B``. For scoring, a range entry
is split back at its separator into its two parts with their own values.

``train`` is for tuning; ``test`` (the TE-3 platinum set) is only reported.

    .venv/bin/python benchmarks/eval_tempeval.py [--split train|test|both] [--errors N]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "tempeval3"
_SEPARATOR = re.compile(r"\s*(?:[-\u2013\u2014/]|\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b)\s*")


def load(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_ZONE = re.compile(r"(T\d\d(?::\d\d)?)[+-]\d\d:\d\d$")


def system_timexes(records: list[dict]) -> list[dict]:
    """Our dates as TimeML would mark them: range entries split into their two ends, and a
    clock time's zone offset dropped (TimeML values carry no zone: "5 p.m. EST" is T17:00)."""
    out = []
    for d in records:
        if d["value"] and _ZONE.search(d["value"]):
            d = {**d, "value": _ZONE.sub(r"\1", d["value"])}
        value = d["value"] or ""
        if "/" in value and not value.startswith("P"):
            parts = _split_range(d)
            if parts:
                out.extend(parts)
                continue
        out.append(d)
    return out


def _split_range(d: dict) -> list[dict] | None:
    start_value, end_value = d["value"].split("/", 1)
    matches = list(_SEPARATOR.finditer(d["text"]))
    if not matches:
        return None
    sep = matches[0] if len(matches) == 1 else max(matches, key=lambda m: m.end() - m.start())
    left, right = d["text"][:sep.start()], d["text"][sep.end():]
    return [
        {"text": left, "start": d["start"], "end": d["start"] + len(left), "type": d["type"],
         "value": start_value},
        {"text": right, "start": d["start"] + sep.end(), "end": d["end"], "type": d["type"],
         "value": end_value},
    ]


def match(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping gold and system timexes, largest overlap first."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                pairs.append((overlap, id(g), id(s), g, s))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_s, out = set(), set(), []
    for _, gi, si, g, s in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((g, s))
    return out


def f1(right: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = right / n_system if n_system else 0.0
    r = right / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(split: str, nlp, errors: int = 0) -> dict:
    from newsextract.api import extract_many
    from newsextract.io.inputs import ArticleInput

    docs = load(split)
    items = [ArticleInput(source=d["id"], id=d["id"], text=d["text"], published=d["dct"][:10]) for d in docs]
    started = time.perf_counter()
    articles = list(extract_many(items, nlp=nlp))
    seconds = time.perf_counter() - started
    n_gold = n_sys = strict = relaxed = value = type_ = 0
    shown = 0
    for doc, article in zip(docs, articles):
        gold = doc["timexes"]
        system = system_timexes([d.to_dict() for d in article.dates])
        n_gold += len(gold)
        n_sys += len(system)
        pairs = match(gold, system)
        relaxed += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g, s in pairs:
            exact = g["start"] == s["start"] and g["end"] == s["end"]
            strict += exact
            value += g["value"] == s["value"]
            type_ += g["type"] == s["type"]
            if errors and shown < errors and (not exact or g["value"] != s["value"] or g["type"] != s["type"]):
                shown += 1
                print(f"  {doc['id']} dct={doc['dct'][:10]} gold {g['text']!r} {g['type']} {g['value']}"
                      f" | ours {s['text']!r} {s['type']} {s['value']}", file=sys.stderr)
        if errors:
            for g in gold:
                if id(g) not in matched_g and shown < errors:
                    shown += 1
                    ctx = doc["text"][max(0, g["start"] - 40):g["end"] + 20].replace("\n", " ")
                    print(f"  MISS {doc['id']} {g['text']!r} {g['type']} {g['value']} | {ctx}", file=sys.stderr)
            for s in system:
                if id(s) not in matched_s and shown < errors:
                    shown += 1
                    ctx = doc["text"][max(0, s["start"] - 40):s["end"] + 20].replace("\n", " ")
                    print(f"  EXTRA {doc['id']} {s['text']!r} {s['type']} {s['value']} | {ctx}", file=sys.stderr)
    words = sum(len(d["text"].split()) for d in docs)
    return {
        "split": split, "docs": len(docs), "gold": n_gold, "system": n_sys,
        "strict": f1(strict, n_sys, n_gold), "relaxed": f1(relaxed, n_sys, n_gold),
        "value": f1(value, n_sys, n_gold), "type": f1(type_, n_sys, n_gold),
        "words_per_second": words / seconds if seconds else 0.0,
    }


def report(result: dict) -> None:
    print(f"{result['split']}: {result['docs']} documents, {result['gold']} gold timexes, "
          f"{result['system']} found ({result['words_per_second']:,.0f} words/s end to end)")
    print(f"  {'measure':8} {'P':>6} {'R':>6} {'F1':>6}")
    for key in ("strict", "relaxed", "value", "type"):
        p, r, f = result[key]
        print(f"  {key:8} {p:6.3f} {r:6.3f} {f:6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "test", "both"), default="both")
    parser.add_argument("--errors", type=int, default=0, help="print up to N disagreements to stderr")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"TempEval-3 data not found at {DATA}", file=sys.stderr)
        return 2
    from newsextract.nlp.pipeline import shared

    nlp = shared()
    splits = ("train", "test") if args.split == "both" else (args.split,)
    for split in splits:
        report(evaluate(split, nlp, errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
