"""Signals and pipes, with the real installed command in a subprocess:
``| head -1`` ends quietly, Ctrl-C exits 130, SIGTERM 143, never half a line."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support import newsextract_exe, seed_feed

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and pipes")


_exe = newsextract_exe


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    """A JSON Lines feed long enough to be still running when the signal comes."""
    return seed_feed(tmp_path_factory.mktemp("signals") / "feed.jsonl", 3000)


def _complete_lines(data: bytes) -> list[dict]:
    """Every line is one whole JSON record and the output ends with a newline."""
    assert data == b"" or data.endswith(b"\n"), data[-200:]
    records = []
    for number, line in enumerate(data.split(b"\n")[:-1], 1):
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"line {number} is not one JSON record: {line[:300]!r}")
    return records


def _wait_for_output(check, proc, timeout=120.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert proc.poll() is None, "the command ended before the signal"
        assert time.monotonic() < deadline, "no output in time"
        time.sleep(0.05)


def test_sigterm_on_a_pipe_exits_143_with_whole_lines(feed):
    # unbuffered: readline must not take bytes past the first line, which
    # communicate() (reading the pipe itself) would then never see
    proc = subprocess.Popen([_exe(), "parse", str(feed), "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    first = proc.stdout.readline()  # processing has started
    assert first, proc.communicate()[1].decode(errors="replace")
    assert json.loads(first)["id"] == "a0"
    proc.send_signal(signal.SIGTERM)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert b"Traceback" not in err and err.strip().splitlines()[-1] == b"Terminated."
    recs = _complete_lines(first + rest)
    assert 0 < len(recs) < 3000
    assert [r["id"] for r in recs] == [f"a{i}" for i in range(len(recs))]


def test_ctrl_c_with_output_file_exits_130_and_writes_no_partial_file(feed, tmp_path):
    """-o is written to a temporary file renamed at the end: Ctrl-C leaves no FILE at all."""
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([_exe(), "parse", str(feed), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_output(lambda: any(p.name.endswith(".tmp") and p.stat().st_size > 0
                                 for p in tmp_path.iterdir()), proc)
    proc.send_signal(signal.SIGINT)
    stdout, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stdout == b""
    assert b"Traceback" not in err and b"Interrupted." in err
    assert list(tmp_path.iterdir()) == []


def test_head_1_ends_quietly(feed):
    producer = subprocess.Popen([_exe(), "parse", str(feed), "--format", "jsonl"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # head alone holds the read end
    line, _ = head.communicate(timeout=120)
    err = producer.stderr.read()
    producer.wait(timeout=60)
    assert producer.returncode == 0, err
    assert err == b"", err
    assert json.loads(line)["id"] == "a0"


@pytest.mark.parametrize("exc, quiet", [(KeyboardInterrupt(), True), (ValueError("boom"), False)])
def test_a_signal_swallowed_inside_c_code_prints_no_traceback(exc, quiet, monkeypatch):
    """Ctrl-C landing in a C extension callback that cannot pass it on: Python would print
    "Exception ignored in ..." with a traceback; the command says nothing (it stops on the
    recorded signal), while any other unraisable error still goes to Python's report."""
    import types

    from newsextract.engines import signals

    reported = []
    monkeypatch.setattr(signals, "_default_unraisable", reported.append)
    args = types.SimpleNamespace(exc_type=type(exc), exc_value=exc, exc_traceback=None,
                                 err_msg="Exception ignored in", object="cls_name")
    signals._quiet_unraisable(args)
    assert (reported == []) is quiet


# A Ctrl-C during the model load that a library swallows and turns into an error of its
# own: spaCy's package check (``spacy.util.is_package``) has a bare ``except:``, so a Ctrl-C
# there comes out as "[E050] Can't find model", which the command used to report as a
# broken model (exit 2, "Error: ... cannot be loaded").
_SWALLOWING_LOAD = """
import os, signal, sys, time
sys.argv = ["newsextract", "parse", *sys.argv[1:]]
from newsextract.cli import app
import spacy.util

real = spacy.util.importlib_metadata.distribution

def distribution(name):
    os.kill(os.getpid(), signal.SIGINT)  # the user's Ctrl-C, right here
    time.sleep(5)
    return real(name)

spacy.util.importlib_metadata.distribution = distribution
app.main()
"""


@pytest.mark.parametrize("to_file", [False, True])
def test_ctrl_c_that_a_library_turns_into_its_own_error_is_still_an_interruption(tmp_path, to_file):
    import sys

    driver = tmp_path / "driver.py"
    driver.write_text(_SWALLOWING_LOAD, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "Mayor Ana Ruiz spoke in Leeds on Monday."}) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("the old records\n")
    args = [sys.executable, str(driver), str(feed)] + (["-o", str(out)] if to_file else [])
    run = subprocess.run(args, capture_output=True, timeout=120)
    err = run.stderr.decode(errors="replace")
    assert run.returncode == 130, err
    assert "Error" not in err and "Traceback" not in err and "E050" not in err, err
    assert err.strip() == ("Interrupted." + (f" {out} is left as it was." if to_file else "")), err
    assert out.read_text() == "the old records\n"
