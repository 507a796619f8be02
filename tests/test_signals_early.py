"""Signals at any moment (issue 21, cases 18, 19): in the first second, while the
model loads, and under a local Dask cluster; always the right exit status, one
line on stderr, never a traceback, never exit 0."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support import newsextract_exe, seed_feed

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


_exe = newsextract_exe


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    return seed_feed(tmp_path_factory.mktemp("early") / "feed.jsonl", 300)


def _quiet(err: bytes) -> None:
    text = err.decode(errors="replace")
    assert "Traceback" not in text and "KeyboardInterrupt" not in text and "Error calling" not in text, text
    assert len(text.strip().splitlines()) <= 1, text


def _caught(pid: int, signum: int) -> bool:
    """Whether the process has a handler for ``signum`` (Linux /proc/PID/status SigCgt)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(int(line.split()[1], 16) for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(mask >> (signum - 1) & 1)


def _start(feed: Path) -> subprocess.Popen:
    """The command, once the interpreter is up (Python's own SIGINT handler in place):
    from there on the delays below are the command's start-up, imports first."""
    proc = subprocess.Popen([_exe(), "parse", str(feed)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not _caught(proc.pid, signal.SIGINT):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.002)
    return proc


# the imports, the model load and the first records
DELAYS = [0.1, 0.2, 0.3, 0.5, 0.8, 1.5, 3.0]
needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")


@needs_proc
@pytest.mark.parametrize("delay", DELAYS)
def test_ctrl_c_at_any_moment_of_start_up_exits_130_quietly(feed, delay):
    proc = _start(feed)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    _quiet(err)
    assert proc.returncode == 130, err


@needs_proc
@pytest.mark.parametrize("delay", DELAYS)
def test_sigterm_at_any_moment_of_start_up_ends_the_run_with_143(feed, delay):
    proc = _start(feed)
    time.sleep(delay)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    _quiet(err)
    # killed by the signal before a handler was in place (-15) is also 143 to a shell; never 0
    assert proc.returncode == 143 or (proc.returncode == -signal.SIGTERM and not err), err


def test_a_swallowed_or_wrapped_signal_exception_still_counts():
    from newsextract.engines import signals

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__") from exc
    except RuntimeError as wrapped:
        assert signals.exit_code_for(wrapped) == 130
    assert signals.exit_code_for(ValueError("unrelated")) is None


@pytest.mark.slow
def test_ctrl_c_to_the_process_group_under_a_local_dask_cluster_is_quiet(feed, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([_exe(), "parse", str(feed), "--scheduler", "local:2", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")
        assert time.monotonic() < deadline, "no records in time"
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: every process of the group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    _quiet(err)
    assert b"Interrupted." in err
    deadline = time.monotonic() + 30
    while True:  # every worker ends with the run (a moment later, once reaped)
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "worker processes outlived the run"
        time.sleep(0.2)


def test_the_command_takes_over_ctrl_c_before_any_heavy_import():
    """Until ``install_early`` has run, Ctrl-C is Python's own: a traceback and exit status -2.
    What the command imports up to there (the package, ``engines.signals``) is kept to a few
    small standard modules, so that window stays a few milliseconds even on a loaded machine."""
    import sys

    probe = ("import sys; before = set(sys.modules); import newsextract.engines.signals; "
             "print(' '.join(sorted(set(sys.modules) - before)))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported = set(run.stdout.split())
    assert "newsextract.engines.signals" in imported
    heavy = {"enum", "signal", "re", "typing", "dataclasses", "pathlib", "threading", "inspect"}
    assert not imported & heavy, imported & heavy


@pytest.mark.parametrize("stopped", [False, True])
def test_event_loop_errors_after_a_ctrl_c_under_dask_are_not_printed(stopped, monkeypatch, caplog):
    """distributed's event-loop thread can log a traceback for the cancel it queued when
    Ctrl-C arrived (a NameError inside distributed.utils.sync); once the run was told to
    stop the user sees only "Interrupted.", but before that loop errors are still shown."""
    pytest.importorskip("distributed")
    import logging

    from newsextract.engines import dask as engine, signals

    monkeypatch.setattr(signals, "_received", signal.SIGINT if stopped else None)
    with caplog.at_level(logging.ERROR), engine._quiet_after_a_signal():
        try:
            raise NameError("cannot access free variable 'future'")
        except NameError:
            logging.getLogger("tornado.application").error("Exception in callback", exc_info=True)
    logged = [r for r in caplog.records if r.name == "tornado.application"]
    assert (logged == []) is stopped
