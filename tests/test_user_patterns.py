"""User patterns (--patterns) under a budget: refused when their matching time is unbounded,
stopped when a match runs too long, and SIGTERM still ends the run."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

STARS = [{"OP": "*"}] * 30


def _rules(tmp_path: Path, *patterns) -> Path:
    path = tmp_path / "rules.jsonl"
    path.write_text("".join(json.dumps({"label": "ORG", "pattern": p}) + "\n" for p in patterns), encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern, problem", [
    ([{"TEXT": {"REGEX": "(unclosed"}}], "does not compile"),
    ([{"LOWER": {"REGEX": "(a+)+$"}}], "repeats a part that is itself repeated"),
    ([{"TEXT": {"REGEX": r"^(\w+\s?)*$"}}], "repeats a part that is itself repeated"),
    ([{"_": {"tag": {"REGEX": r"(\d{1,3})+x"}}}], "repeats a part that is itself repeated"),
    (STARS, "on a token with no condition"),
    ([{"OP": "+"}, {"LOWER": "said"}], "on a token with no condition"),
    ([{"IS_TITLE": True, "OP": "+"}, {"IS_DIGIT": True, "OP": "*"}, {"IS_ALPHA": True, "OP": "{2,}"}],
     "at most 2"),
    ([{"IS_ALPHA": True, "OP": "?"}] * 6 + [{"IS_TITLE": True, "OP": "{1,6}"}], "at most 10"),
])
def test_unbounded_patterns_are_refused_naming_file_and_line(tmp_path, pattern, problem):
    from newsextract.errors import PatternFileError
    from newsextract.lexicon.pattern_file import read_patterns

    path = _rules(tmp_path, "Acme Corp", pattern)
    with pytest.raises(PatternFileError) as caught:
        read_patterns(path)
    assert str(caught.value).startswith(f"{path}:2: ") and problem in str(caught.value)


@pytest.mark.parametrize("pattern", [
    [{"TEXT": {"REGEX": r"^\d{1,3}(,\d{3})*$"}}],
    [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "and"}, {"IS_TITLE": True, "OP": "+"}],
    [{"LOWER": "the"}, {"OP": "{0,5}"}, {"LOWER": "bank"}],
    [{"TEXT": {"REGEX": "^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$"}}, {"LOWER": {"IN": ["ltd", "plc"]}}],
])
def test_bounded_patterns_are_accepted(tmp_path, pattern):
    from newsextract.lexicon.pattern_file import read_patterns

    assert len(read_patterns(_rules(tmp_path, pattern))) == 1


def _exe() -> str:
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    assert exe, "the newsextract console script is not installed"
    return exe


@pytest.mark.parametrize("pattern", [[{"TEXT": {"REGEX": "(unclosed"}}], STARS], ids=["bad regex", "30 stars"])
@pytest.mark.parametrize("mode", [[], ["--jobs", "2"], ["--scheduler", "local:2"]], ids=["plain", "jobs", "dask"])
def test_cli_refuses_the_pattern_file_with_one_error_line_and_exit_2(tmp_path, pattern, mode):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp hired Jane Holloway.", encoding="utf-8")
    rules = _rules(tmp_path, pattern)
    proc = subprocess.run([_exe(), "parse", str(article), "--patterns", str(rules), "-f", "jsonl", *mode],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"Error: {rules}:1: ")


SLOW_REGEX = [{"TEXT": {"REGEX": "^(a|aa)+$"}}]  # overlapping branches: exponential, not caught by the rules
SLOW_WORD = "a" * 60 + "b"


def test_a_match_over_the_time_budget_is_that_articles_error(tmp_path):
    from newsextract.process import process_batch
    from newsextract.io.inputs import ArticleInput
    from newsextract.nlp.pipeline import load

    nlp = load(patterns=_rules(tmp_path, SLOW_REGEX, "Blue Harbour Collective"))
    nlp.get_pipe("newsextract_entity_rules").budget = 0.5
    texts = ["Blue Harbour Collective said it would appeal.", f"The code {SLOW_WORD} was sent.",
             "Blue Harbour Collective hired Jane Holloway."]
    started = time.monotonic()
    records = process_batch(nlp, [ArticleInput(source=f"s{i}", id=str(i), text=t) for i, t in enumerate(texts)])
    assert time.monotonic() - started < 60
    assert [r.error is None for r in records] == [True, False, True]
    assert "--patterns: matching took more than 0.5 s" in records[1].error["message"]
    assert [o.name for o in records[2].organizations] == ["Blue Harbour Collective"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_ends_a_run_stuck_in_a_users_regex(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i in range(40):  # more than one batch, so that records come out before the slow article
            out.write(json.dumps({"id": f"n{i}", "text": "Jane Holloway visited Leeds."}) + "\n")
        out.write(json.dumps({"id": "slow", "text": f"The code {SLOW_WORD} was sent."}) + "\n")
    rules = _rules(tmp_path, SLOW_REGEX)
    proc = subprocess.Popen([_exe(), "parse", str(feed), "--patterns", str(rules), "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # the first batch is written (one flushed line each); the run is now matching the slow article
        for _ in range(32):
            assert proc.stdout.readline(), proc.stderr.read()
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        code = proc.wait(timeout=60)
        assert time.monotonic() - sent < 5, "SIGTERM waited for the match (or its budget) to end"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 143
    assert "Traceback" not in proc.stderr.read().decode()
