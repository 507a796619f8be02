"""Fit the confidence model (``models/confidence.json``) from judged entries.

    python benchmarks/eval_articles.py --dump /tmp/bbc.jsonl
    python benchmarks/eval_conll.py --split dev --dump /tmp/conll.jsonl
    python tools/fit_confidence.py /tmp/bbc.jsonl /tmp/conll.jsonl [--write] [--holdout]

Each input line is one person, place or organization with its ``evidence`` and
whether the gold accepts it (``right``; null = optional, skipped). Per kind of
entry, an L2-regularized logistic regression over the kinds of evidence
(``extractors.evidence.features``), fitted by Newton's method with numpy. Each
file's entries together weigh as much as ``--weight`` says (the annotated BBC
articles, the kind of news the tool is for, count more than their number).
The default threshold is the lowest confidence at which the entries kept from
the first file are right at least ``--precision`` of the time.

``--holdout`` reports, instead of writing, how a model fitted without half of
the first file's articles does on that half (and the other way round).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsextract.facts.evidence import features as kinds_of  # noqa: E402

KINDS = ("people", "places", "organizations")
MIN_SUPPORT = 3  # a kind of evidence seen fewer times gets no weight of its own ...
PRIOR_AGAINST = -3.0  # ... unless it is evidence against: its weight is drawn towards this, not 0
# strong evidence that annotated news seldom shows alone (a bare "Mr Okonjo", a scorer in a
# results line, "the state of X"): drawn towards these weights, not 0
PRIOR_STRENGTH = 10.0  # how much more than other weights these keep to their prior
PRIORS = {"name-words": 2.5, "honorific": 3.5, "rule:results": 5.0, "rule:initials": 3.0, "place-noun": 2.5, "title": 3.0, "age": 3.0,
          "compass-part": 2.5, "qualifier": 2.0}
# kinds of evidence for an entry never lower its confidence, evidence against never raises it
FOR = {"honorific", "rule:results", "rule:initials", "given-name", "full-name", "title", "speaker", "agent", "pronoun", "age", "initial", "name-words",
       "mentions:2+", "mentions:4+", "preposition", "place-noun", "gazetteer:city", "gazetteer:country",
       "gazetteer:continent", "company-suffix", "acronym", "org-noun", "side", "qualifier", "building-word"}
TARGET = {"people": 0.95, "places": 0.93, "organizations": None}  # None: the threshold of best F1


def read(path: Path, source: int) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row.get("right") is not None:
                row["source"] = source
                rows.append(row)
    return rows


def features(row: dict) -> frozenset[str]:
    return kinds_of(row["evidence"])


# evidence against that annotated news has (nearly) never shown for a kind of entry: kept at its prior
UNSEEN = {"people": ("against:credit",), "places": ("against:no-capital", "against:in-name"), "organizations": ()}


def fit(rows: list[dict], weights: list[float], l2: float, kind: str = "") -> tuple[float, dict[str, float]]:
    counts = Counter(f for r in rows for f in features(r))
    names = sorted({f for f, n in counts.items() if n >= MIN_SUPPORT or f.startswith("against:") or f in PRIORS}
                   | set(UNSEEN.get(kind, ())))
    index = {f: i for i, f in enumerate(names)}
    X = np.zeros((len(rows), len(names) + 1))
    X[:, -1] = 1.0
    for i, r in enumerate(rows):
        for f in features(r):
            if f in index:
                X[i, index[f]] = 1.0
    y = np.array([1.0 if r["right"] else 0.0 for r in rows])
    share = Counter(r["source"] for r in rows)
    w = np.array([weights[r["source"]] * len(rows) / (len(share) * share[r["source"]]) for r in rows])
    prior = np.array([PRIOR_AGAINST if f.startswith("against:") else PRIORS.get(f, 0.0) for f in names] + [0.0])
    beta = prior.copy()
    lower = np.array([0.0 if f in FOR else -np.inf for f in names] + [-np.inf])
    upper = np.array([0.0 if f.startswith("against:") else np.inf for f in names] + [np.inf])
    beta = np.clip(beta, lower, upper)
    reg = np.array([PRIOR_STRENGTH * l2 if f in PRIORS else l2 for f in names] + [0.0])
    for _ in range(300):
        p = 1.0 / (1.0 + np.exp(-(X @ beta)))
        grad = X.T @ (w * (p - y)) + reg * (beta - prior)
        hess = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(hess, grad)
        step *= min(1.0, 1.0 / max(1e-12, np.abs(step).max()))  # damped: at most 1 per weight a step
        beta -= step
        beta = np.clip(beta, lower, upper)
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[-1]), {f: round(float(beta[index[f]]), 3) for f in names}


def predict(bias: float, weights: dict[str, float], row: dict) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in features(row))
    return 1.0 / (1.0 + np.exp(-z))


BETA: dict[str, float] = {}
NEAR_BEST = 0.01  # thresholds this close to the best F-beta are as good on 40 articles: the lowest is taken


def choose_threshold(scored: list[tuple[float, bool]], precision: float | None) -> float:
    """The lowest confidence at which the entries at or above it are right >= ``precision``
    (None: the threshold that gives the best F1 over these entries)."""
    best = 1.0
    scored = [(round(s, 3), ok) for s, ok in scored]
    if precision is None or BETA.get("on"):
        beta = 1.0 if precision is None else BETA["on"]
        right = sum(ok for _, ok in scored)
        f = {}
        for c in sorted({s for s, _ in scored} | {0.0}):
            kept = [ok for s, ok in scored if s >= c]
            p, r = sum(kept) / max(1, len(kept)), sum(kept) / max(1, right)
            f[c] = (1 + beta ** 2) * p * r / (beta ** 2 * p + r) if p + r else 0.0
        best_f = max(f.values())
        return min(c for c in f if f[c] >= best_f - NEAR_BEST)  # the most entries at about the best F
    for c in sorted({s for s, _ in scored}, reverse=True):
        kept = [ok for s, ok in scored if s >= c]
        if sum(kept) / len(kept) >= precision:
            best = c
    # a level where every entry is wrong only costs precision: the threshold goes above it
    levels = sorted({s for s, _ in scored if s >= best})
    while levels and not any(ok for s, ok in scored if s == levels[0]):
        levels.pop(0)
    return levels[0] if levels else best


def table(scored: list[tuple[float, bool]]) -> str:
    lines = []
    for lo, hi in ((0, .5), (.5, .7), (.7, .8), (.8, .9), (.9, .95), (.95, 1.01)):
        inside = [ok for s, ok in scored if lo <= s < hi]
        above = [ok for s, ok in scored if s >= lo]
        if inside:
            lines.append(f"  {lo:.2f}-{min(hi, 1):.2f}: n={len(inside):4} right={sum(inside) / len(inside):.2f}"
                         f"   >= {lo:.2f}: n={len(above):4} right={sum(above) / len(above):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dumps", nargs="+", type=Path)
    parser.add_argument("--weight", type=float, nargs="*", help="weight of each file (default: 2 1 ...)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="write models/confidence.json")
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--beta", type=float, help="thresholds of best F-beta (precision-weighted when < 1) "
                                                   "instead of the precision targets")
    parser.add_argument("--beta-kinds", nargs="*", choices=KINDS, help="with --beta: only for these kinds "
                        "(the others keep their precision target); default: all")
    args = parser.parse_args(argv)
    weights = args.weight or [2.0] + [1.0] * (len(args.dumps) - 1)
    rows = [r for i, p in enumerate(args.dumps) for r in read(p, i)]
    out = {"about": "confidence = 1 / (1 + exp(-(bias + sum of weights of the entry's kinds of evidence))); "
                    "fitted by tools/fit_confidence.py on " + ", ".join(p.name for p in args.dumps)
                    + "; entries below threshold are left out by default",
           "kinds": {}}
    for kind in KINDS:
        data = [r for r in rows if r["kind"] == kind]
        if not data:
            out["kinds"][kind] = {"bias": 0.0, "threshold": 0.0, "weights": {}}
            continue
        if args.holdout:
            articles = sorted({r["article"] for r in data if r["source"] == 0})
            halves = [set(articles[0::2]), set(articles[1::2])]
            scored = []
            for held in halves:
                train = [r for r in data if not (r["source"] == 0 and r["article"] in held)]
                bias, w = fit(train, weights, args.l2, kind)
                scored += [(predict(bias, w, r), r["right"]) for r in data
                           if r["source"] == 0 and r["article"] in held]
            if scored:
                print(f"{kind}: held-out articles of {args.dumps[0].name}\n{table(scored)}")
            continue
        bias, w = fit(data, weights, args.l2, kind)
        first = [(predict(bias, w, r), r["right"]) for r in data if r["source"] == 0]
        rest = [(predict(bias, w, r), r["right"]) for r in data if r["source"] != 0]
        BETA.pop("on", None)
        if args.beta and (not args.beta_kinds or kind in args.beta_kinds):
            BETA["on"] = args.beta
        thr = choose_threshold(first or rest, TARGET[kind])
        out["kinds"][kind] = {"bias": round(bias, 3), "threshold": thr,
                              "weights": dict(sorted(w.items(), key=lambda kv: -abs(kv[1])))}
        print(f"{kind}: bias {bias:.2f} threshold {thr}")
        for name, scored in (("first file", first), ("others", rest)):
            if scored:
                print(f" {name}:\n{table(scored)}")
    if args.write:
        path = ROOT / "models" / "confidence.json"
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
