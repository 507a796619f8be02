"""The table at a real terminal: ``newsextract parse seeds/`` run inside tmux at 80 and
120 columns, captured from the screen as a person would see it. No word may be cut
mid-word, nothing may be elided with "…", and no line may be wider than the terminal.

The captures are written to the test's tmp dir (and are what the README shows)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import SEEDS

NEWSEXTRACT = Path(sys.executable).with_name("newsextract")


def capture_in_tmux(args: list[str], *, width: int, tmp: Path, cwd: Path, timeout: float = 120) -> str:
    """Run ``args`` in a fresh tmux server at ``width`` columns; return every line it
    showed (scroll-back included) once it has finished."""
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("tmux is not installed (apt-get install tmux): the real-terminal table check cannot run")
    sock, conf, done = tmp / f"tmux-{width}.sock", tmp / "tmux.conf", tmp / f"done-{width}"
    conf.write_text("set -g history-limit 50000\nset -g status off\n")
    command = " ".join(subprocess.list2cmdline([a]) for a in args)
    shell = f"cd {subprocess.list2cmdline([str(cwd)])} && {command}; touch {done}; sleep 600"
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "COLUMNS", "LINES")}
    subprocess.run([tmux, "-S", str(sock), "-f", str(conf), "new-session", "-d", "-x", str(width),
                    "-y", "50", "sh", "-c", shell], check=True, env=env)
    try:
        deadline = time.monotonic() + timeout
        while not done.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the command did not finish in tmux within {timeout} s")
            time.sleep(0.2)
        shown = subprocess.run([tmux, "-S", str(sock), "capture-pane", "-p", "-S", "-", "-E", "-"],
                               check=True, capture_output=True, text=True).stdout
    finally:
        subprocess.run([tmux, "-S", str(sock), "kill-server"], capture_output=True)
    return shown.rstrip("\n") + "\n"


@pytest.fixture(scope="module")
def seed_words(seed_records):
    values = []
    for rec in seed_records:
        values += [rec["title"]]
        for p in rec["people"]:
            values += [p["name"], *p["titles"], *(m["text"] for m in p["mentions"])]
        values += [p["name"] for p in rec["places"]] + [o["name"] for o in rec["organizations"]]
        values += [d["text"] for d in rec["dates"]] + [d["value"] or "" for d in rec["dates"]]
        values += [c["text"] for c in rec["commitments"]] + [c["actor"] or "" for c in rec["commitments"]]
        values += [q["text"] for q in rec.get("quotes") or []]
    return {w.strip(",.;:“”\"'") for v in values for w in v.split()} - {""}


@pytest.mark.slow
@pytest.mark.parametrize("width", [80, 120])
def test_seed_tables_in_a_real_terminal(width, tmp_path, seed_words):
    shown = capture_in_tmux([str(NEWSEXTRACT), "parse", "seeds/"], width=width, tmp=tmp_path,
                            cwd=SEEDS.parent)
    (tmp_path / f"parse-seeds-{width}.txt").write_text(shown, encoding="utf-8")
    assert "People (" in shown and "Commitments (" in shown, shown[:2000]
    assert "…" not in shown
    assert max(len(line) for line in shown.splitlines()) <= width
    found = {t.strip(",.;:“”\"'") for t in re.split(r"[\s│╭╮╰╯─]+", shown)}
    cut = sorted(w for w in seed_words if w not in found)
    assert not cut, f"words cut or missing at {width} columns: {cut}"


def test_readme_shows_the_80_column_capture():
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Example output"):]
    start = section.index("```\n") + 4
    block = section[start:section.index("\n```\n", start)]
    lines = block.splitlines()
    assert any(line.startswith("Commitments (") for line in lines) and any(line.startswith("People (") for line in lines)
    assert "…" not in block and max(len(line) for line in lines) <= 80
