"""Commitments against the hand-annotated dev set: precision, recall, F1.

The annotations (tests/data/commitments_dev.jsonl) hold only ids, actors and
character offsets; the article texts are read from ../shared/eval/tempeval3.
A prediction is right when its clause overlaps an annotated clause AND its
actor is that commitment's actor (or a listed alias), compared without case,
a leading "the", punctuation and company suffixes ("Inc.", "Corp."); a name
and a part of it ("Cilcorp Inc." / "Cilcorp") are the same actor. Predictions
overlapping a clause annotated ``open`` (left open by annotation.md: hedged,
nominal, conditional) are neither rewarded nor punished.

    python benchmarks/eval_commitments.py                 # dev set: actor-strict P/R/F
    python benchmarks/eval_commitments.py -v              # and every miss / false alarm
    python benchmarks/eval_commitments.py --set heldout   # 13 BBC articles annotated after tuning
    python benchmarks/eval_commitments.py --bbc 5         # print predictions on 5 BBC articles (no gold)

Each scoring run also prints the bbc_gold dev figures (../shared/eval/bbc_gold,
40 BBC articles, scored with its own score.py: actor-strict P/R/F1 and the actor
accuracy on matched commitments), so that both sets are read side by side.

The held-out set (tests/data/commitments_heldout.jsonl, BBC ids) was annotated
by hand once the rules were written; quote it, never tune on it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DEV = ROOT / "tests" / "data" / "commitments_dev.jsonl"
SETS = {  # annotations, the articles they point into, the field with the publication date
    "dev": (DEV, ("tempeval3", "train.jsonl"), "dct"),
    "heldout": (ROOT / "tests" / "data" / "commitments_heldout.jsonl", ("bbc_news", "bbc_fulltext.jsonl"), None),
}
_SUFFIXES = {"inc", "corp", "co", "ltd", "plc", "sa", "nv", "spa", "llc", "ag", "oy", "company", "corporation"}


def norm_actor(name: str | None) -> tuple[str, ...]:
    words = re.sub(r"[^\w\s-]", " ", (name or "").lower()).replace("-", " ").split()
    while words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    return tuple(words)


def same_actor(predicted: str | None, gold: dict) -> bool:
    p = norm_actor(predicted)
    if not p:
        return False
    for name in [gold["actor"], *gold.get("aliases", [])]:
        g = norm_actor(name)
        if g and (p == g or set(p) <= set(g) or set(g) <= set(p)):
            return True
    return False


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(gold: list[dict], predicted: list[dict], *, strict: bool = True) -> tuple[int, int, int, list, list]:
    """(true positives, false positives, false negatives, misses, false alarms) for one article."""
    counted = [g for g in gold if not g.get("open")]
    left_open = [g for g in gold if g.get("open")]
    used: set[int] = set()
    tp, false_alarms = 0, []
    for p in predicted:
        hit = next((i for i, g in enumerate(counted) if i not in used and overlaps(p, g)
                    and (not strict or same_actor(p["actor"], g))), None)
        if hit is not None:
            used.add(hit)
            tp += 1
        elif not any(overlaps(p, g) for g in left_open):
            false_alarms.append(p)
    misses = [g for i, g in enumerate(counted) if i not in used]
    return tp, len(false_alarms), len(misses), misses, false_alarms


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_dev(name: str = "dev") -> tuple[list[dict], dict[str, dict]]:
    annotations, parts, _ = SETS[name]
    source = EVAL.joinpath(*parts)
    if not source.exists():
        sys.exit(f"evaluation data not present: {source}")
    gold = [json.loads(line) for line in annotations.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["id"] for g in gold}
    texts = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row
    return gold, texts


def run_dev(verbose: bool, name: str = "dev") -> None:
    from newsextract.api import extract_many

    gold, texts = load_dev(name)
    published = SETS[name][2]
    items = [{"id": g["id"], "text": texts[g["id"]]["text"],
              **({"published": texts[g["id"]][published][:10]} if published else {})} for g in gold]
    records = {a.id: a.to_dict() for a in extract_many(items)}
    totals = {True: [0, 0, 0], False: [0, 0, 0]}
    for g in gold:
        text = texts[g["id"]]["text"]
        predicted = records[g["id"]]["commitments"]
        for strict in (True, False):
            tp, fp, fn, misses, alarms = score(g["commitments"], predicted, strict=strict)
            totals[strict] = [a + b for a, b in zip(totals[strict], (tp, fp, fn))]
            if verbose and strict:
                for m in misses:
                    print(f"{g['id']}  MISS  [{m['actor']}] {m['action']}: {text[m['start']:m['end']]!r}")
                for a in alarms:
                    print(f"{g['id']}  FALSE [{a['actor']}] {a['action']}: {a['text'][:100]!r}")
    n = sum(len([c for c in g["commitments"] if not c.get("open")]) for g in gold)
    print(f"{name} set: {len(gold)} articles, {n} annotated commitments")
    for strict, label in ((True, "actor-strict"), (False, "clause only ")):
        tp, fp, fn = totals[strict]
        p, r, f = prf(tp, fp, fn)
        print(f"{label}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")


def run_bbc(n: int, skip: int) -> None:
    from newsextract.api import extract_many

    source = EVAL / "bbc_news" / "bbc_fulltext.jsonl"
    if not source.exists():
        sys.exit(f"evaluation data not present: {source}")
    rows = []
    with source.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            rows.append(json.loads(line))
            if len(rows) >= n:
                break
    for article in extract_many({"id": r.get("id", str(i)), "text": r["text"]} for i, r in enumerate(rows)):
        print(f"== {article.id}")
        for c in article.commitments:
            neg = "not " if c.negated else ""
            print(f"  [{c.actor}] {c.modality} {neg}{c.action} | when={c.when} | {c.text[:110]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    ap.add_argument("--bbc", type=int, default=0, help="print predictions on N BBC articles instead")
    ap.add_argument("--skip", type=int, default=0, help="with --bbc: start after this many articles")
    ap.add_argument("--set", choices=sorted(SETS), default="dev", help="which annotated set to score")
    args = ap.parse_args()
    if args.bbc:
        run_bbc(args.bbc, args.skip)
    else:
        run_dev(args.verbose, args.set)
        run_bbc_gold()


def run_bbc_gold() -> None:
    """bbc_gold dev through ``extract_many`` and the shared scorer's commitment figures."""
    import importlib.util
    import tempfile

    data = EVAL / "bbc_gold"
    texts = data / "dev_texts.jsonl"
    if not texts.exists():
        print(f"bbc_gold dev: not found at {data}, skipped")
        return
    from newsextract import extract_many

    spec = importlib.util.spec_from_file_location("bbc_gold_score", data / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in extract_many(rows)), encoding="utf-8")
        res, _ = scorer.score_articles(str(data / "dev.json"), str(pred), str(texts))
    strict, loose = res["commitments_strict"], res["commitments"]
    print(f"bbc_gold dev: 40 articles, {loose['tp'] + loose['fn']} annotated commitments")
    print(f"actor-strict: P {strict['p']:.3f}  R {strict['r']:.3f}  F1 {strict['f']:.3f}   "
          f"(tp {strict['tp']}, fp {strict['fp']}, fn {strict['fn']})")
    print(f"clause only : P {loose['p']:.3f}  R {loose['r']:.3f}  F1 {loose['f']:.3f}   "
          f"actor accuracy {res.get('actor_acc', 0):.3f}")


if __name__ == "__main__":
    main()
