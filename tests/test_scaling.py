"""People extraction grows linearly with the names in an article (growth ratios, not wall-clock limits).

A list of thousands of distinct names and thousands of titled mentions once cost
time quadratic in their number (every name compared with every person found so
far, every title with every name). Speed itself is measured by
benchmarks/pathological.py; here only how the time grows.
"""
from __future__ import annotations

import time

import pytest

SYLLABLES = ("bar", "ton", "kel", "lam", "mor", "ris", "wen", "dal", "fen", "gar", "hol", "sted")
GIVEN = ("Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Henry", "Irene", "James")


def names_list(n: int) -> str:
    names = [f"{GIVEN[i * 7 % len(GIVEN)]} {''.join(SYLLABLES[i // 12 ** k % 12] for k in range(3)).title()}"
             for i in range(n)]
    return "\n".join(", ".join(names[i:i + 10]) + "." for i in range(0, n, 10))


def titled_names(n: int) -> str:
    return "Prime Minister Mark Carney met President Anna Bartonkel. Mr Carney said Ms Bartonkel agreed. " * n


def _cpu(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return max(best, 1e-6)


@pytest.mark.slow
@pytest.mark.parametrize("make, small", [(names_list, 300), (titled_names, 150)], ids=["names list", "titled names"])
def test_people_time_grows_linearly(nlp, make, small):
    from newsextract.facts.people import extract_people

    factor = 8
    docs = [nlp(make(small)), nlp(make(small * factor))]
    people = [extract_people(d) for d in docs]
    if make is names_list:
        assert len(people[1]) >= 0.99 * small * factor  # every name is a person of its own
    else:
        assert [p.name for p in people[1]] == ["Mark Carney", "Anna Bartonkel"]
        assert len(people[1][0].mentions) == 2 * small * factor
    small_time, large_time = (_cpu(lambda d=d: extract_people(d)) for d in docs)
    growth = large_time / small_time
    # linear is ~8x; all-pairs comparisons were ~64x
    assert growth < 3 * factor, f"{factor}x the names took {growth:.1f}x the time"
