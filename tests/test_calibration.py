"""The isotonic calibration of confidence: shipped knots, how they are read, how they are fitted."""
from __future__ import annotations


import pytest

from newsextract.facts.confidence import calibrate, model, score
from support import load_script


def test_the_calibration_line_is_read_between_its_knots():
    knots = [[0.0, 0.02], [0.4, 0.2], [0.9, 0.8], [1.0, 0.99]]
    assert calibrate(knots, 0.0) == pytest.approx(0.02)
    assert calibrate(knots, 0.4) == pytest.approx(0.2)
    assert calibrate(knots, 0.65) == pytest.approx(0.5)
    assert calibrate(knots, 1.0) == pytest.approx(0.99)
    assert calibrate(None, 0.37) == 0.37  # no knots: the logistic score itself


@pytest.mark.parametrize("kind", ["people", "places"])
def test_shipped_calibration_only_rises(kind):
    knots = model()["kinds"][kind].get("calibration")
    assert knots, f"no calibration shipped for {kind}"
    xs, ys = [k[0] for k in knots], [k[1] for k in knots]
    assert xs[0] == 0.0 and xs[-1] == 1.0
    assert all(a < b for a, b in zip(xs, xs[1:])) and all(a < b for a, b in zip(ys, ys[1:]))
    assert all(0.0 < y < 1.0 for y in ys)  # never certain either way


def test_evidence_against_still_lowers_a_calibrated_confidence():
    base = ["model:PERSON", "full-name", "given-name"]
    assert score("people", base + ["against:work"]) < score("people", base)
    assert score("places", ["gazetteer:city", "against:side"]) < score("places", ["gazetteer:city"])


@pytest.fixture(scope="module")
def fit_tool():
    return load_script("tools/fit_confidence.py")


def test_isotonic_knots_follow_the_share_right_and_rise(fit_tool):
    # low scores mostly wrong, high scores mostly right, a dip in the middle that must be pooled
    scored = [(0.1, False)] * 30 + [(0.5, True)] * 10 + [(0.5, False)] * 10 + [(0.6, False)] * 14 \
        + [(0.6, True)] * 1 + [(0.95, True)] * 40
    knots = fit_tool.isotonic(scored)
    ys = [y for _, y in knots]
    assert all(a < b for a, b in zip(ys, ys[1:]))
    assert knots[1][1] < 0.1  # the block of wrong entries
    assert knots[-2][1] > 0.9  # the block of right ones
    assert len(knots) == 5  # 0.5 and 0.6 pooled into one block between them


def test_a_block_of_certain_scores_makes_no_second_end_knot(fit_tool):
    # the best-evidenced entries score 1.0 once rounded: the line must still be read as a function
    scored = [(0.1, False)] * 30 + [(0.6, False)] * 6 + [(0.6, True)] * 14 + [(0.99999, False)] + [(0.99999, True)] * 40
    xs = [x for x, _ in fit_tool.isotonic(scored)]
    assert xs[0] == 0.0 and xs[-1] == 1.0
    assert all(a < b for a, b in zip(xs, xs[1:]))


def test_the_threshold_holds_precision_in_every_file(fit_tool):
    a = [(0.9, True)] * 9 + [(0.5, False)] + [(0.3, True)]
    b = [(0.9, True)] * 5 + [(0.6, False)] * 2
    c = fit_tool.lowest_threshold([a, b], 0.95)
    for scored in (a, b):
        kept = [ok for s, ok in scored if s >= c]
        assert sum(kept) >= 0.95 * len(kept)
    assert 0.6 < c <= 0.9
