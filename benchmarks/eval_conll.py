"""CoNLL-2003 English NER evaluation of newsextract's people, places and organizations.

    python benchmarks/eval_conll.py [--split dev|test|both] [--data DIR] [--errors N] [--all] [--dump FILE]

Reads ``../shared/eval/conll2003/eng.test{a,b}.jsonl`` (see its PROVENANCE.md:
IOB1 tags, entities counted sentence by sentence). Each document becomes one
article: tokens joined by spaces, one sentence per line. The article goes
through the real extraction path (``newsextract.extract_many``), and every
mention of a person, place or organization becomes a predicted PER, LOC or ORG
span (pronoun mentions such as "He" are not names and are left out). Exact
span and type match; micro P/R/F per type. Tune on dev (eng.testa) only.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "conll2003"
SPLITS = {"dev": "eng.testa.jsonl", "test": "eng.testb.jsonl"}
TYPES = ("PER", "LOC", "ORG")
FIELDS = {"people": "PER", "places": "LOC", "organizations": "ORG"}
PRONOUNS = {"he", "she", "him", "her", "they", "it"}


def gold_spans(tags: list[str], lengths: list[int]) -> set[tuple[int, int, str]]:
    """Entity spans (token start, end, type) from IOB1 tags, sentence by sentence."""
    spans, pos = set(), 0
    for n in lengths:
        start, kind = None, None
        for i in range(pos, pos + n):
            tag = tags[i]
            prefix, _, label = tag.partition("-")
            if start is not None and (tag == "O" or label != kind or prefix == "B"):
                spans.add((start, i, kind))
                start = None
            if tag != "O" and start is None:
                start, kind = i, label
        if start is not None:
            spans.add((start, pos + n, kind))
        pos += n
    return {s for s in spans if s[2] in TYPES}


def build_text(tokens: list[str], lengths: list[int]) -> tuple[str, list[int], list[int]]:
    """The article text (one sentence per line) and each token's start and end offsets."""
    parts, starts, ends, pos, i = [], [], [], 0, 0
    for n in lengths:
        for j in range(n):
            if j:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(tokens[i])
            pos += len(tokens[i])
            ends.append(pos)
            i += 1
        parts.append("\n")
        pos += 1
    return "".join(parts), starts, ends


def predicted_spans(record: dict, starts: list[int], ends: list[int]) -> set[tuple[int, int, str]]:
    import bisect

    spans = set()
    for field, kind in FIELDS.items():
        for entry in record.get(field, []):
            for m in entry["mentions"]:
                if m["text"].lower() in PRONOUNS:
                    continue
                first = bisect.bisect_right(starts, m["start"]) - 1
                last = bisect.bisect_left(ends, m["end"])
                if first < 0 or last >= len(ends):
                    continue
                spans.add((first, last + 1, kind))
    return spans


def judge(record: dict, gold: set, starts: list[int], ends: list[int]) -> list[dict]:
    """One row per person, place and organization: its evidence, confidence and whether
    most of its named mentions are gold spans of its type (for ``tools/fit_confidence.py``)."""
    rows = []
    for field, kind in FIELDS.items():
        for entry in record.get(field, []):
            spans = predicted_spans({field: [entry]}, starts, ends)
            if not spans:
                continue
            right = sum(s in gold for s in spans) / len(spans) >= 0.5
            rows.append({"kind": field, "name": entry["name"], "right": right,
                         "confidence": entry.get("confidence"), "evidence": entry.get("evidence", [])})
    return rows


def evaluate(path: Path, errors: int = 0, keep_all: bool = False,
             dump: list | None = None) -> tuple[dict[str, Counter], float, int]:
    from newsextract import extract_many
    from newsextract.nlp.pipeline import shared

    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items, layout = [], []
    for doc in docs:
        text, starts, ends = build_text(doc["tokens"], doc["sentence_lengths"])
        items.append({"id": doc["id"], "text": text})
        layout.append((text, starts, ends))
    nlp = shared()
    counts = {t: Counter() for t in TYPES}
    shown = failed = 0
    began = time.perf_counter()
    for doc, (text, starts, ends), article in zip(docs, layout, extract_many(items, nlp=nlp, keep_all=keep_all)):
        record = article.to_dict()
        if "error" in record:
            failed += 1
            print(f"error: {record['error']['message']}", file=sys.stderr)
        gold = gold_spans(doc["tags"], doc["sentence_lengths"])
        pred = predicted_spans(record, starts, ends)
        if dump is not None:
            dump.extend(dict(row, article=doc["id"]) for row in judge(record, gold, starts, ends))
        for t in TYPES:
            g = {s for s in gold if s[2] == t}
            p = {s for s in pred if s[2] == t}
            counts[t]["tp"] += len(g & p)
            counts[t]["fp"] += len(p - g)
            counts[t]["fn"] += len(g - p)
        if shown < errors:
            toks = doc["tokens"]
            for s in sorted((gold ^ pred), key=lambda s: s[0]):
                if shown >= errors:
                    break
                side = "missed" if s in gold else "extra "
                context = " ".join(toks[max(0, s[0] - 4):s[1] + 3])
                print(f"{side} {s[2]:3} {' '.join(toks[s[0]:s[1]])!r:32} | {context}", file=sys.stderr)
                shown += 1
    elapsed = time.perf_counter() - began
    return counts, elapsed, sum(len(d["tokens"]) for d in docs)


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N differences per split to stderr")
    parser.add_argument("--all", action="store_true", help="keep every entry, whatever its confidence")
    parser.add_argument("--dump", type=Path, help="write each entry's evidence and judgement (JSON Lines; implies --all)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"Error: CoNLL-2003 data not found at {args.data}", file=sys.stderr)
        return 2
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    dumped: list[dict] = []
    print("| split | type | P | R | F1 | gold |")
    print("|---|---|---|---|---|---|")
    for split in splits:
        dump = [] if args.dump else None
        counts, elapsed, ntok = evaluate(args.data / SPLITS[split], errors=args.errors,
                                         keep_all=args.all or dump is not None, dump=dump)
        if dump is not None:
            dumped.extend(dict(row, split=split) for row in dump)
        total = Counter()
        for t in TYPES:
            total.update(counts[t])
            p, r, f = prf(counts[t])
            print(f"| {split} | {t} | {p:.3f} | {r:.3f} | {f:.3f} | {counts[t]['tp'] + counts[t]['fn']} |")
        p, r, f = prf(total)
        print(f"| {split} | all | {p:.3f} | {r:.3f} | {f:.3f} | {total['tp'] + total['fn']} |")
        print(f"{split}: {ntok} tokens in {elapsed:.1f} s", file=sys.stderr)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row) + "\n" for row in dumped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
