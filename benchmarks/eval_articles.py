"""Entity-level evaluation of newsextract on the annotated BBC articles (bbc_gold dev).

    python benchmarks/eval_articles.py [--data DIR] [--errors] [--all | --min-confidence X]
                                       [--dump FILE.jsonl] [--kind people|places|quotes]
                                       [--set dev|heldout[234]-tune|heldout[234]-locked|pooled-tune|pooled-locked
                                              |people-fit|entities-fit|entities2-fit]

Runs the real extraction path (``newsextract.extract_many``) on
``../shared/eval/bbc_gold/dev_texts.jsonl`` and scores the records with the
shared scorer (``score.py`` beside the data), printing its figures as one JSON
line. ``--errors`` lists the false and missed people and places, each with the
sentence it was found in, so that a rule can be judged by eye; ``--kind quotes``
lists the quotes missed, extra or given a wrong speaker instead. The reliability
table (confidence bin -> share of entries right) is printed for people and
places; ``--all`` keeps every entry whatever its confidence, ``--min-confidence``
sets the threshold. ``--dump`` (which implies ``--all``) writes one line per entry (its evidence and whether the
gold accepts it) for fitting the confidence model (``tools/fit_confidence.py``).
The data is read where it lies, never copied into the repository.

``--set heldout-tune`` / ``--set heldout-locked`` score people and places on 20
other BBC articles (``../shared/eval/bbc_news``, none of them in bbc_gold dev),
annotated for this project per annotation.md in ``tests/data/entities_heldout.jsonl``
(BBC ids and names only), with the same scorer and matching rules. The "tune"
half may be studied (``--errors``, ``--dump``); the "locked" half only prints its
figures and reliability table, so that it stays a fair check of rules made on the
rest. ``--set heldout2-...``, ``heldout3-...``, ``heldout4-...`` and ``heldout5-...`` do the same for
four more sets of about 40 BBC articles each (8 per section, none in bbc_gold dev or another
set) in ``tests/data/entities_heldout2.jsonl`` / ``entities_heldout3.jsonl`` / ``entities_heldout4.jsonl`` / ``entities_heldout5.jsonl``,
annotated before the tool was run on them. ``--set pooled-tune`` / ``--set
pooled-locked`` score the same halves of all five sets together (~90 articles each).

``--set people-fit`` runs 96 more BBC articles (none in bbc_gold dev or the held-out
sets) whose extracted people were judged one by one (``tests/data/people_fit.jsonl``:
the names judged right; every other person found there is wrong). They are not
annotated in full, so their recall means nothing: they are for ``--dump`` and the
confidence fit only (people; places are not judged there).

``--set entities-fit`` scores 40 more BBC articles (8 per section, in no other set),
annotated in full for people and places before the tool was run on them
(``tests/data/entities_fit.jsonl``). They may be studied and fitted on like a tune half.
``--set entities2-fit`` does the same for 40 more (``tests/data/entities_fit2.jsonl``).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bbc_gold"
HELDOUT_SETS = {
    "heldout": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_heldout.jsonl",
    "heldout2": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_heldout2.jsonl",
    "heldout3": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_heldout3.jsonl",
    "heldout4": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_heldout4.jsonl",
    "heldout5": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_heldout5.jsonl",
}
# people judged entry by entry (not annotated in full: no recall) in 96 other BBC articles, for fitting only;
# and 40 more BBC articles annotated in full (people and places), for study and fitting, never a check
FIT_SETS = {"people": Path(__file__).resolve().parents[1] / "tests" / "data" / "people_fit.jsonl",
            "entities": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_fit.jsonl",
            "entities2": Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_fit2.jsonl"}
SETS = ("dev",) + tuple(f"{name}-{half}" for name in (*HELDOUT_SETS, "pooled") for half in ("tune", "locked")) \
    + ("people-fit", "entities-fit", "entities2-fit")
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("bbc_gold_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(texts: Path, **options) -> list[dict]:
    from newsextract import extract_many

    rows = [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a.to_dict() for a in extract_many(rows, **options)]


def judge(scorer, gold: dict, records: list[dict], kinds: tuple[str, ...] = ("people", "places")) -> list[dict]:
    """One row per predicted person and place (of ``kinds``): its evidence, confidence and whether
    the gold accepts it (True), rejects it (False) or leaves it optional (None)."""
    norm = scorer.norm
    out = []
    for rec in records:
        g = gold.get(str(rec.get("id")))
        if g is None or "error" in rec:
            continue
        accept = {"people": {}, "places": {}}
        for p in g.get("people", []):
            for a in p.get("accept", [p["name"]]):
                accept["people"][norm(a)] = p["name"]
        for p in g.get("places", []):
            for a in p["accept"]:
                accept["places"][norm(a)] = p["name"]
        optional = {"people": {norm(x) for x in g.get("people_optional", [])},
                    "places": {norm(x) for x in g.get("places_optional", [])}}
        for kind in kinds:
            seen = set()
            for ent in rec.get(kind) or []:
                n = norm(ent.get("name"))
                if n in accept[kind]:
                    right = accept[kind][n] not in seen or None
                    seen.add(accept[kind][n])
                elif n in optional[kind]:
                    right = None
                else:
                    right = False
                out.append({"article": rec["id"], "kind": kind, "name": ent.get("name"), "right": right,
                            "confidence": ent.get("confidence"), "evidence": ent.get("evidence", [])})
    return out


def reliability(rows: list[dict], kind: str) -> list[str]:
    """Markdown rows: confidence bin -> entries, share right; and for c, the share right among >= c."""
    judged = [r for r in rows if r["kind"] == kind and r["right"] is not None and r["confidence"] is not None]
    lines = [f"| {kind} confidence | entries | share right | entries >= low end | share right >= low end |",
             "|---|---|---|---|---|"]
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [r for r in judged if lo <= r["confidence"] < hi]
        above = [r for r in judged if r["confidence"] >= lo]
        share = f"{sum(r['right'] for r in inside) / len(inside):.2f}" if inside else "-"
        share_above = f"{sum(r['right'] for r in above) / len(above):.2f}" if above else "-"
        lines.append(f"| {lo:.2f}-{min(hi, 1):.2f} | {len(inside)} | {share} | {len(above)} | {share_above} |")
    return lines


def heldout(name: str, split: str, data: Path, tmp: Path) -> tuple[Path, Path]:
    """Gold (bbc_gold dev.json format) and texts files for one half of a held-out set, written in ``tmp``."""
    sources = HELDOUT_SETS.values() if name == "pooled" else [HELDOUT_SETS.get(name) or FIT_SETS[name]]
    wanted = [json.loads(line) for source in sources
              for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {a["id"]: a for a in wanted if a["split"] == split}
    news = data.parent / "bbc_news" / "bbc_fulltext.jsonl"
    texts = []
    with news.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                texts.append({"id": row["id"], "text": row["text"]})
    if len(texts) != len(wanted):
        raise SystemExit(f"Error: {len(wanted) - len(texts)} held-out articles not found in {news}")
    gold = {aid: {k: a[k] for k in ("people", "people_optional", "places", "places_optional")}
            for aid, a in wanted.items()}
    gold_path, texts_path = tmp / "gold.json", tmp / "texts.jsonl"
    gold_path.write_text(json.dumps({"articles": gold}), encoding="utf-8")
    texts_path.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    return gold_path, texts_path


def context(text: str, name: str, width: int = 70) -> str:
    i = text.find(name)
    if i < 0:
        return ""
    return " ".join(text[max(0, i - width):i + len(name) + width].split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="list false and missed people and places")
    parser.add_argument("--all", action="store_true", help="keep every entry, whatever its confidence")
    parser.add_argument("--min-confidence", type=float, help="leave out entries below this (default: shipped)")
    parser.add_argument("--dump", type=Path, help="write each entry's evidence and judgement (JSON Lines)")
    parser.add_argument("--kind", choices=("people", "places", "quotes"), help="with --errors: only this kind")
    parser.add_argument("--set", default="dev", choices=SETS,
                        help="bbc_gold dev (default) or a half of the held-out BBC articles (people and places only)")
    args = parser.parse_args(argv)
    texts = args.data / "dev_texts.jsonl"
    if not texts.exists():
        print(f"Error: bbc_gold data not found at {args.data}", file=sys.stderr)
        return 2
    if args.set.endswith("-locked") and (args.errors or args.dump):
        print("Error: the locked held-out half prints figures only (no --errors, no --dump)", file=sys.stderr)
        return 2
    scorer = load_scorer(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = args.data / "dev.json"
        if args.set != "dev":
            name, _, half = args.set.partition("-")
            gold_path, texts = heldout(name, half, args.data, Path(tmp))
        records = run(texts, keep_all=args.all or bool(args.dump), min_confidence=args.min_confidence)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        result, problems = scorer.score_articles(str(gold_path), str(pred), str(texts))
        text_rows = texts.read_text(encoding="utf-8").splitlines()
    rows = judge(scorer, gold, records, ("people",) if args.set == "people-fit" else ("people", "places"))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
    if args.errors and args.kind == "quotes":
        for p in problems:
            if " quote " in p:
                print(p)
    elif args.errors:
        by_id = {str(r["id"]): r for r in (json.loads(line) for line in text_rows if line.strip())}
        evidence = {(r["article"], r["name"]): r for r in rows}
        for p in problems:
            aid, _, what = p.partition(": ")
            side, _, rest = what.partition(" ")
            kind, _, name = rest.partition(" ")
            if side not in ("extra", "missed") or kind not in ("person", "place"):
                continue
            if args.kind and (args.kind == "people") != (kind == "person"):
                continue
            name = name.strip("'\"")
            row = evidence.get((aid, name), {})
            extra = f" conf={row['confidence']:.2f} {row['evidence']}" if row.get("confidence") is not None else ""
            print(f"{aid}: {what}{extra}\n      | {context(by_id[aid]['text'], name)}")
    if any(r["confidence"] is not None for r in rows):
        for kind in ("people", "places"):
            print("\n".join(reliability(rows, kind)))
    keys = ("people", "places", "country_acc", "titles_acc", "employer_acc", "unmerged_people",
            "quotes", "quotes_strict", "speaker_acc")
    print(json.dumps({k: result[k] for k in keys if k in result}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
