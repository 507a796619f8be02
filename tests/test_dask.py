"""``--scheduler`` and ``newsextract.dask``: the same records on a Dask cluster, nothing lost."""
from __future__ import annotations

import json
import os
import signal
import sys

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app

from support import SEEDS
from support import jsonl_records as records

runner = CliRunner()

FEED = [
    {"id": "c1", "text": "Cyril Ramaphosa arrived in Nairobi on Friday. South Africa will open a trade "
                         "office there in June."},
    {"id": "c2", "text": "Luiz Inácio Lula da Silva told reporters in Brasília that Brazil plans to "
                         "host the summit in 2027."},
]


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of 2 worker processes for this module (its workers load the model once)."""
    pytest.importorskip("distributed")
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cl, Client(cl) as client:
        yield cl, client


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(FEED[0]) + "\n{broken\n" + json.dumps(FEED[1]) + "\n", encoding="utf-8")
    return path


def test_cluster_gives_exactly_the_records_of_jobs_1(cluster, feed):
    cl, _ = cluster
    args = ["parse", str(SEEDS), str(feed), "--format", "jsonl"]
    local = runner.invoke(app, args)
    remote = runner.invoke(app, [*args, "--scheduler", cl.scheduler_address])
    assert local.exit_code == remote.exit_code == 1  # the broken line
    assert records(remote.stdout) == records(local.stdout)
    assert [r["id"] for r in records(remote.stdout)][-3:] == ["c1", "feed:2", "c2"]
    assert "error" in records(remote.stdout)[-2]
    assert "Traceback" not in remote.stderr


def test_bag_api_reads_a_folder_and_gives_the_cli_records(cluster, tmp_path, nlp):
    from newsextract.api import extract_many
    from newsextract.dask import extract_bag, read_articles  # the path the README documents
    from newsextract.io.inputs import iter_inputs

    _, client = cluster
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "later.txt").write_text("Justin Trudeau visited Ottawa.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Emmanuel Macron spoke in Lyon on Monday.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Rome.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps(FEED[0]) + "\n{broken\n", encoding="utf-8")
    bag = extract_bag(read_articles(str(tmp_path), files_per_partition=1))
    got = bag.compute(scheduler=client)
    expected = [a.to_dict() for a in extract_many(iter_inputs([str(tmp_path)]), nlp=nlp)]
    assert got == expected
    assert [r["id"] for r in got] == ["a", "later", "c1", "feed:2"]

    texts = extract_bag(__import__("dask.bag").bag.from_sequence(["Paris.", "Angela Merkel."], npartitions=2))
    assert [r["id"] for r in texts.compute(scheduler=client)] == ["1:1", "2:1"]


def test_missing_dask_is_one_error_line_naming_the_pip_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = runner.invoke(app, ["parse", str(SEEDS), "--scheduler", "local:2"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: --scheduler needs Dask; install it with: pip install 'newsextract[dask]'"]


@pytest.mark.parametrize("address", ["local:two", "nowhere"])
def test_bad_scheduler_address_is_a_usage_error(address):
    result = runner.invoke(app, ["parse", str(SEEDS), "--scheduler", address])
    assert result.exit_code == 2 and "--scheduler" in result.stderr


def test_a_killed_worker_loses_and_duplicates_nothing(cluster):
    """Kill one worker process mid-run: Dask retries its tasks; every record comes back once, in order."""
    from newsextract.engines.dask import _stream
    from newsextract.io.inputs import ArticleInput

    _, client = cluster
    items = [ArticleInput(source=f"<{n}>", id=f"k{n}",
                          text=f"Ursula von der Leyen met officials in Vienna on day {n}.")
             for n in range(1, 31)]
    pids = client.run(os.getpid)
    out = []
    for article in _stream(client, iter(items), limit=4, size=2, args=(None, None, False)):
        out.append(article)
        if len(out) == 1:
            os.kill(next(iter(pids.values())), signal.SIGKILL)
    assert [a.id for a in out] == [f"k{n}" for n in range(1, 31)]
    assert all(a.error is None for a in out)
    assert client.run(os.getpid) != pids  # a worker really was replaced


@pytest.mark.slow
def test_a_local_cluster_worker_writes_no_log_lines_to_the_terminal():
    """What a local cluster's worker process logs (a heartbeat that finds the scheduler gone after
    Ctrl-C, under load) never reaches the user's terminal: the run reports what matters itself."""
    pytest.importorskip("distributed")
    import subprocess

    code = ("import logging\n"
            "from newsextract.engines.dask import connect, _close\n"
            "client, cluster = connect('local:1')\n"
            "client.run(lambda: logging.getLogger('distributed.worker').error("
            "'Failed to communicate with scheduler during heartbeat.'))\n"
            "_close(client, cluster)\n"
            "print('closed')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and proc.stdout.strip() == "closed", proc.stderr
    assert "heartbeat" not in proc.stderr, proc.stderr
