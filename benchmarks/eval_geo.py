"""Geoparsing evaluation: are the places newsextract recognizes on the map, and in the right spot?

    python benchmarks/eval_geo.py [--min-acc 0.90] [--min-coords 0.95] [--min-country 0.97] [--errors]

1. The project's own set, ``benchmarks/geo_set.tsv``: local and international articles of
   ../shared/eval (BBC News and CoNLL-2003 dev, never copied here; the file holds only their ids
   and, for each place mention, the place meant, annotated by hand with its coordinates and
   GeoNames id). A gold place counts as recognized when a place newsextract outputs has a mention
   with exactly its text; it is right when its GeoNames id is the gold one or its coordinates are
   within 161 km of the gold ones (acc@161km). A recognized place without coordinates is wrong.
2. ../shared/eval/bbc_gold dev: of the places that match a gold place (by the scorer's accepted
   names), the share that have coordinates, and the share with the gold country (the scorer's
   country_acc).

Exits 1 when a figure is below its ``--min-*`` bound, so it can fail in CI or by hand.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[1] / "shared" / "eval"
SET = HERE / "geo_set.tsv"
KM = 161.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def read_set(path: Path = SET) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    for row in rows:
        row["lat"], row["lon"] = float(row["lat"]), float(row["lon"])
        row["geonames_id"] = int(row["geonames_id"]) if row["geonames_id"] else None
    return rows


def article_texts(rows: list[dict], root: Path = EVAL) -> dict[tuple[str, str], str]:
    """The text of every article the set names, from ../shared/eval (CoNLL documents as eval_conll builds them)."""
    sys.path.insert(0, str(HERE))
    from eval_conll import build_text

    wanted = {(r["source"], r["article"]) for r in rows}
    out: dict[tuple[str, str], str] = {}
    sources = {"bbc_news": root / "bbc_news" / "bbc_fulltext.jsonl",
               "conll_dev": root / "conll2003" / "eng.testa.jsonl"}
    for source, path in sources.items():
        if not any(s == source for s, _ in wanted):
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if (source, doc["id"]) not in wanted:
                    continue
                text = doc["text"] if source == "bbc_news" else build_text(doc["tokens"], doc["sentence_lengths"])[0]
                out[(source, doc["id"])] = text
    missing = wanted - set(out)
    if missing:
        raise SystemExit(f"Error: articles not found in {root}: {sorted(missing)[:5]}")
    return out


def score_set(rows: list[dict], records: dict[tuple[str, str], dict], errors: bool = False) -> dict:
    """acc@161km over the recognized gold places, and how many were recognized."""
    recognized = right = with_coords = 0
    for row in rows:
        record = records[(row["source"], row["article"])]
        place = next((p for p in record.get("places", []) if any(m["text"] == row["mention"] for m in p["mentions"])),
                     None)
        if place is None:
            continue
        recognized += 1
        has = place.get("lat") is not None and place.get("lon") is not None
        with_coords += has
        ok = row["geonames_id"] is not None and place.get("geonames_id") == row["geonames_id"] \
            or has and km((place["lat"], place["lon"]), (row["lat"], row["lon"])) <= KM
        right += ok
        if errors and not ok:
            where = f"{place['lat']:.2f},{place['lon']:.2f}" if has else "no coordinates"
            print(f"wrong  {row['article']:18} {row['mention']!r:22} -> {place['name']} ({place.get('country')}, "
                  f"{where}); gold {row['country']} {row['lat']},{row['lon']}", file=sys.stderr)
    return {"gold": len(rows), "recognized": recognized, "acc161": right / recognized if recognized else 0.0,
            "coords": with_coords / recognized if recognized else 0.0}


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").lower().strip()
    return re.sub(r"'s$", "", re.sub(r"^the ", "", s))


def score_bbc_gold(records: list[dict], gold: dict, errors: bool = False) -> dict:
    """Of the output places that match a bbc_gold place: the share with coordinates and with its country."""
    matched = coords = country = 0
    for record in records:
        entry = gold.get(record.get("id"))
        if not entry or "places" not in entry:
            continue
        accept = {_norm(a): pl for pl in entry["places"] for a in pl["accept"]}
        seen = set()
        for place in record.get("places") or []:
            pl = accept.get(_norm(place["name"]))
            if pl is None or pl["name"] in seen:
                continue
            seen.add(pl["name"])
            matched += 1
            coords += place.get("lat") is not None
            country += place.get("country") == pl.get("country")
            if errors and (place.get("lat") is None or place.get("country") != pl.get("country")):
                print(f"bbc_gold {record['id']:18} {place['name']!r:24} {place['kind']:9} {place.get('country')} "
                      f"(gold {pl.get('country')}), coordinates {'yes' if place.get('lat') is not None else 'no'}",
                      file=sys.stderr)
    return {"matched": matched, "coords": coords / matched if matched else 0.0,
            "country_acc": country / matched if matched else 0.0}


def extract(items: list[dict]) -> list[dict]:
    from newsextract import extract_many
    from newsextract.nlp.pipeline import shared

    return [a.to_dict() for a in extract_many(items, nlp=shared())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-acc", type=float, default=0.90)
    parser.add_argument("--min-coords", type=float, default=0.95)
    parser.add_argument("--min-country", type=float, default=0.97)
    parser.add_argument("--errors", action="store_true", help="list wrong places on stderr")
    parser.add_argument("--data", type=Path, default=EVAL)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"Error: evaluation data not found at {args.data}", file=sys.stderr)
        return 2
    rows = read_set()
    texts = article_texts(rows, args.data)
    keys = sorted(texts)
    out = extract([{"id": f"{s}:{a}", "text": texts[(s, a)]} for s, a in keys])
    own = score_set(rows, dict(zip(keys, out)), args.errors)
    dev = args.data / "bbc_gold"
    with (dev / "dev_texts.jsonl").open(encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh if line.strip()]
    gold = json.loads((dev / "dev.json").read_text(encoding="utf-8"))["articles"]
    bbc = score_bbc_gold(extract([{"id": i["id"], "text": i["text"]} for i in items]), gold, args.errors)
    print("| set | measure | value | bound |")
    print("|---|---|---|---|")
    print(f"| geo_set ({len(keys)} articles, {own['gold']} gold places) | recognized | {own['recognized']} | |")
    print(f"| geo_set | acc@161km of recognized | {own['acc161']:.3f} | >= {args.min_acc} |")
    print(f"| geo_set | recognized with coordinates | {own['coords']:.3f} | |")
    print(f"| bbc_gold dev ({bbc['matched']} matched places) | with coordinates | {bbc['coords']:.3f} | >= {args.min_coords} |")
    print(f"| bbc_gold dev | country_acc | {bbc['country_acc']:.3f} | >= {args.min_country} |")
    failed = own["acc161"] < args.min_acc or bbc["coords"] < args.min_coords or bbc["country_acc"] < args.min_country
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
