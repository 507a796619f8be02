"""Pathological texts against normal prose, in words per second of CPU time.

Normal prose is a sample of BBC News articles (../shared/eval/bbc_news); the
pathological texts are generated: very long lines, thousands of date-like
numbers, one name repeated thousands of times, lists of thousands of distinct
capitalized names and sentences of titled names repeated thousands of times
(each at a size and at 10x that size, to show growth), one 300,000-character
line of digits, a 1.3 MB article (chunked). None may be slower than 2x prose per word
(``--limit``; per character for a text of a few giant "words" such as the digit
line); the script exits 1 if one is. Times are CPU seconds.

    .venv/bin/python benchmarks/pathological.py [--articles 40] [--limit 2.0]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "eval" / "bbc_news" / "bbc_fulltext.jsonl"


def prose(n: int) -> list[str]:
    lines = BBC.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // n)
    return [json.loads(line)["text"] for line in lines[::step][:n]]


SYLLABLES = ("bar", "ton", "kel", "lam", "mor", "ris", "wen", "dal", "fen", "gar", "hol", "sted")
GIVEN = ("Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Henry", "Irene", "James", "Karen", "Louis",
         "Maria", "Nathan", "Olivia", "Peter", "Rachel", "Samuel", "Teresa", "Victor")


def names_list(n: int) -> str:
    """``n`` distinct invented names ("Grace Kelbar"), ten to a line."""
    def surname(i: int) -> str:
        return "".join(SYLLABLES[i // 12 ** k % 12] for k in range(3)).title()

    names = [f"{GIVEN[i * 7 % len(GIVEN)]} {surname(i)}" for i in range(n)]
    return "\n".join(", ".join(names[i:i + 10]) + "." for i in range(0, n, 10))


def titled_names(n: int) -> str:
    """Two sentences of titled names, ``n`` times."""
    return "Prime Minister Mark Carney met President Anna Bartonkel. Mr Carney said Ms Bartonkel agreed. " * n


def pathological(articles: list[str]) -> dict[str, list[str]]:
    body = "\n\n".join(articles)
    return {
        "long lines (articles with no line breaks)": [a.replace("\n", " ") for a in articles],
        "one 200,000-character line of prose": [body.replace("\n", " ")[:200_000]],
        "4,000 dd/mm/yyyy dates": [" ".join(f"{d % 28 + 1}/{d % 12 + 1}/20{d % 30:02d}" for d in range(4000))],
        "5,000 bare years": [" ".join(str(1900 + d % 150) for d in range(5000))],
        "date-like numbers in sentences": [" ".join(f"Sales rose {d % 90 + 1} to {1990 + d % 40} on {d % 28 + 1} "
                                                    f"March." for d in range(800))],
        "one name 3,000 times": ["Mark Carney " * 3000],
        "one name in 2,000 sentences": ["Mark Carney said. " * 2000],
        "list of 2,000 distinct names": [names_list(2000)],
        "list of 20,000 distinct names": [names_list(20_000)],
        "titled names in 600 sentences": [titled_names(300)],
        "titled names in 6,000 sentences": [titled_names(3000)],
        "300,000 digits on one line": ["0123456789" * 30_000],
        "1.3 MB article (chunked)": [(body + "\n\n") * max(1, 1_300_000 // (len(body) + 2) + 1)],
    }


def words_per_second(nlp, texts: list[str]) -> tuple[float, int, float, float]:
    """(words/s, words, CPU seconds, characters/s)."""
    from newsextract.process import process_batch
    from newsextract.io.inputs import ArticleInput

    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    started = time.process_time()
    for i, text in enumerate(texts):
        (article,) = process_batch(nlp, [ArticleInput(source=str(i), id=str(i), text=text)])
        assert article.error is None, article.error
    seconds = max(time.process_time() - started, 1e-9)
    return words / seconds, words, seconds, chars / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40, help="BBC articles for the prose baseline")
    parser.add_argument("--limit", type=float, default=2.0, help="slowest allowed, as a multiple of prose")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args(argv)
    if not BBC.is_file():
        print(f"no BBC News data at {BBC}", file=sys.stderr)
        return 2
    from newsextract.nlp.pipeline import load

    nlp = load()
    articles = prose(args.articles)
    words_per_second(nlp, articles[:2])  # warm up (lazy data, dateparser)
    base, words, seconds, base_chars = words_per_second(nlp, articles)
    print(f"{'normal prose (BBC News)':45} {words:>8} words {seconds:7.2f} s {base:8.0f} words/s "
          f"{base_chars:9.0f} chars/s")
    slow = []
    for name, texts in pathological(articles).items():
        if args.only and args.only not in name:
            continue
        rate, words, seconds, chars = words_per_second(nlp, texts)
        # a text of a few giant "words" (a digit line) is compared per character
        per_char = sum(len(t) for t in texts) / max(words, 1) > 20
        ratio = base_chars / chars if per_char else base / rate
        flag = "  SLOW" if ratio > args.limit else ""
        print(f"{name:45} {words:>8} words {seconds:7.2f} s {rate:8.0f} words/s {chars:9.0f} chars/s  "
              f"{ratio:4.2f}x prose{' per char' if per_char else ''}{flag}")
        if flag:
            slow.append(name)
    if slow:
        print(f"slower than {args.limit}x prose per word: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
