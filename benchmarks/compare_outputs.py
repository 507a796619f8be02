"""Write newsextract's JSON Lines output for fixed inputs into a folder, to
``diff -r`` two versions of the code (a refactoring must not change a byte).

    python benchmarks/compare_outputs.py OUT_DIR [--only seeds,bbc,conll,tempeval] [--bbc N]

Inputs: ``seeds/`` (through the command line's input reader), the first N
(400) articles of ``../shared/eval/bbc_news/bbc_fulltext.jsonl``, CoNLL-2003
test (``eng.testb``, built into articles as ``eval_conll.py`` does) and
TempEval-3 test (the document creation time as ``published``). Eval sets that
are absent are skipped with a note on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "benchmarks"))


def _seeds():
    from newsextract.io.inputs import iter_inputs

    return iter_inputs([str(ROOT / "seeds")])


def _bbc(n: int):
    path = EVAL / "bbc_news" / "bbc_fulltext.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in islice(f, n):
            rec = json.loads(line)
            yield {"id": rec["id"], "text": rec["text"]}


def _conll():
    from eval_conll import build_text

    path = EVAL / "conll2003" / "eng.testb.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text, _, _ = build_text(doc["tokens"], doc["sentence_lengths"])
            yield {"id": doc["id"], "text": text}


def _tempeval():
    path = EVAL / "tempeval3" / "test.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield {"id": doc["id"], "text": doc["text"], "published": doc["dct"]}


SETS = {"seeds": (_seeds, None), "bbc": (_bbc, "bbc_news"), "conll": (_conll, "conll2003"),
        "tempeval": (_tempeval, "tempeval3")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", default=",".join(SETS))
    ap.add_argument("--bbc", type=int, default=400)
    args = ap.parse_args()
    from newsextract import extract_many
    from newsextract.cli.render import dumps_line

    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.only.split(","):
        make, folder = SETS[name]
        if folder and not (EVAL / folder).is_dir():
            print(f"skipped {name}: {EVAL / folder} is absent", file=sys.stderr)
            continue
        items = make(args.bbc) if name == "bbc" else make()
        with (args.out / f"{name}.jsonl").open("wb") as out:
            for article in extract_many(items):
                out.write(dumps_line(article.to_dict()))
        print(f"wrote {args.out / name}.jsonl", file=sys.stderr)


if __name__ == "__main__":
    main()
