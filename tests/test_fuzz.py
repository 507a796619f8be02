"""Property tests: any text, and the seed articles with random edits, give one
schema-valid record whose every offset is exact. Bounded for CI; the long run
is ``benchmarks/fuzz_long.py``."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import SEEDS, assert_offsets

EXAMPLES = int(os.environ.get("NEWSEXTRACT_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="NEWSEXTRACT_FUZZ_RANDOM" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# pieces that exercise the rules: dates, names, titles, structure, odd Unicode
PIECES = ["January 5 to 6, 2026", "next week", "Monday", "Prime Minister", "Mark Carney", "He",
          "will", "pledged to", "\n\n", "\n", "Categories: World", "'s", "\u00a0", "\u200b", "\ufeff",
          "\r\n", "\t", "U.S.", "Paris", "2026-01-05", "\u0301", "\U0001F600", "$5bn", "—", "“", "”"]


@st.composite
def edited_seed(draw) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        piece = draw(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)))
        span = draw(st.integers(1, 40))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + span:]
        elif action == "replace":
            text = text[:at] + piece + text[at + span:]
        else:
            text = text[:at] if draw(st.booleans()) else text[at:]
    return text


def check(text: str, extract_text, validator, published=None) -> None:
    record = extract_text(text, published=published)
    assert "error" not in record, record["error"]
    assert list(validator.iter_errors(record)) == []
    assert_offsets(record, text)
    assert record["words"] == len(text.split())


@FUZZ
@given(text=st.text(max_size=300))
def test_any_unicode_text(extract_text, validator, text):
    check(text, extract_text, validator)


@FUZZ
@given(text=st.lists(st.sampled_from(PIECES + [" ", ".", ",", "a", "The", "said"]), max_size=60).map("".join))
def test_rule_pieces_in_any_order(extract_text, validator, text):
    check(text, extract_text, validator, published="2026-01-05")


@FUZZ
@given(text=edited_seed(), published=st.sampled_from([None, "2026-01-05", "1999-12-31"]))
def test_seed_articles_with_random_edits(extract_text, validator, text, published):
    check(text, extract_text, validator, published=published)


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "\ufeff", "\u200b\u200b", ".", "'s", "He said.", "Categories:",
    "Categories: World\n", "\r\n\r\n", "A" * 5000, "\U0001F600" * 50, "e\u0301" * 30,
    "Monday Monday Monday", "12/12/12 12/12/12", "Mr.", "Prime Minister", "the the the",
])
def test_edge_texts(extract_text, validator, text):
    check(text, extract_text, validator, published="2026-01-05")
