"""Nothing touches the network: a full parse with every socket connection blocked
(and recorded), in-process and in a subprocess of the installed command."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app

from support import SEEDS

runner = CliRunner()

PAGE = """<!DOCTYPE html><html><head><title>Ministers meet in Oslo</title>
<link rel="canonical" href="https://news.example.com/oslo-talks">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/app.js"></script></head><body>
<article><h1>Ministers meet in Oslo</h1>
<img src="https://images.example.com/oslo.jpg">
<p>Foreign ministers from Norway and Sweden met in Oslo on Tuesday to discuss energy prices and security.</p>
<p>Read more at <a href="https://news.example.com/more">our site</a> about the talks in Stockholm.</p>
</article></body></html>"""

# loaded by every Python started with this folder first on PYTHONPATH
SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["NEWSEXTRACT_NET_LOG"]

def _blocked(*args, **kwargs):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network access blocked by the test")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
'''


@pytest.fixture()
def inputs(tmp_path) -> list[str]:
    page = tmp_path / "oslo.html"
    page.write_text(PAGE, encoding="utf-8")
    return [str(SEEDS), str(page)]


def test_full_parse_in_process_never_connects(monkeypatch, inputs):
    attempts = []

    def blocked(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("network access blocked by the test")

    for obj, name in [(socket.socket, "connect"), (socket.socket, "connect_ex"),
                      (socket, "create_connection"), (socket, "getaddrinfo")]:
        monkeypatch.setattr(obj, name, blocked)
    result = runner.invoke(app, ["parse", *inputs, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(recs) == 3 and all("error" not in r for r in recs)
    assert recs[-1]["url"] == "https://news.example.com/oslo-talks"
    assert attempts == []


def test_installed_command_with_sockets_blocked(tmp_path, inputs):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
               NEWSEXTRACT_NET_LOG=str(log))
    # the block is really in place for a Python started this way
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "blocked by the test" in probe.stderr
    log.unlink()
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    proc = subprocess.run([exe, "parse", *inputs, "--format", "jsonl"], env=env, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(recs) == 3 and all(r["people"] or r["places"] for r in recs)
    assert not log.exists(), log.read_text(encoding="utf-8")
