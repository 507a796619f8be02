"""``-o FILE`` and standard streams, with the real installed command in a subprocess:
the output never harms an input or another run, and every write failure is one
``Error:`` line with an exit status, never a traceback (issue 21, cases 1-3, 15, 20, 21)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support import SEEDS, newsextract_exe

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX files, locks and pipes")

FORMATS = ["jsonl", "json", "table"]


_exe = newsextract_exe


def _run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([_exe(), "parse", *map(str, args)], capture_output=True, timeout=300, **kw)


def _no_traceback(err: bytes) -> None:
    assert b"Traceback" not in err and b"Exception ignored" not in err, err.decode(errors="replace")


def _records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    """A JSON Lines feed long enough to be still running a few seconds after it starts."""
    texts = [para for p in sorted(SEEDS.glob("*.txt"))
             for para in p.read_text(encoding="utf-8").split("\n\n") if len(para) > 200]
    path = tmp_path_factory.mktemp("output") / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(400):
            out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")
    return path


SMALL = ('{"id": "m", "text": "Angela Merkel visited Paris on Monday."}\n'
         '{"id": "b", "text": "Joe Biden spoke in Washington."}\n')


@pytest.mark.parametrize("how", ["same name", "through a symlink", "a hard link"])
def test_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, how):
    feed = tmp_path / "x.jsonl"
    feed.write_text(SMALL, encoding="utf-8")
    output = feed
    if how == "through a symlink":
        output = tmp_path / "link.jsonl"
        output.symlink_to(feed)
    elif how == "a hard link":
        output = tmp_path / "hard.jsonl"
        os.link(feed, output)
    proc = _run(feed, "-o", output)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "input" in lines[0], lines
    assert feed.read_text(encoding="utf-8") == SMALL


def test_output_inside_an_input_folder_is_never_read_back(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    n = 40  # more than a batch: records are written while the folder is still being read
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(f"Angela Merkel visited Paris on day {i}.\n", encoding="utf-8")
    out = folder / "z.jsonl"
    for _ in range(2):  # the second run finds the first run's output in the folder
        proc = _run(folder, "-o", out, "--include-text")
        assert proc.returncode == 0, proc.stderr
        recs = _records(out.read_bytes())
        assert [r["id"] for r in recs] == [f"a{i:02d}" for i in range(n)]
    assert sorted(p.name for p in folder.iterdir()) == [f"a{i:02d}.txt" for i in range(n)] + ["z.jsonl"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_replaces_the_old_file_and_leaves_nothing_beside_it(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    src.write_text(SMALL, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    out.write_text("old content\n", encoding="utf-8")
    os.chmod(out, 0o640)
    proc = _run(src, "-o", out, "-f", fmt)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "old content" not in text and "Angela Merkel" in text
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)  # the file's permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", out.name]


def _wait(check, proc, timeout=180.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert proc.poll() is None, proc.communicate()[1].decode(errors="replace")
        assert time.monotonic() < deadline, "no output in time"
        time.sleep(0.05)


def _temporaries(folder: Path, out: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(f".{out.name}.") and p.name.endswith(".tmp")]


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_leaves_the_old_output_as_it_was(feed, tmp_path, signum, code):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"old": true}\n')
    proc = subprocess.Popen([_exe(), "parse", str(feed), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait(lambda: any(p.stat().st_size > 0 for p in _temporaries(tmp_path, out)), proc)
    proc.send_signal(signum)
    stdout, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    _no_traceback(err)
    assert b"left as it was" in err
    assert out.read_bytes() == b'{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_second_run_on_the_same_output_stops_with_an_error_and_the_first_is_whole(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    first = subprocess.Popen([_exe(), "parse", str(feed), "-o", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait(lambda: any(p.stat().st_size > 0 for p in _temporaries(tmp_path, out)), first)
    second = _run(feed, "-o", out)
    assert second.returncode == 2
    lines = second.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "another newsextract run" in lines[0]
    _, err = first.communicate(timeout=900)
    assert first.returncode == 0, err
    recs = _records(out.read_bytes())
    assert [r["id"] for r in recs] == [f"a{i}" for i in range(400)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no lock file left behind
    third = _run(feed.parent / "missing.txt", "-o", out)  # the lock is free again
    assert third.returncode == 1 and len(_records(out.read_bytes())) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("to_stdout", [False, True], ids=["-o", "stdout"])
def test_a_full_device_is_one_error_line_in_every_format(tmp_path, fmt, to_stdout):
    src = tmp_path / "in.jsonl"
    src.write_text(SMALL, encoding="utf-8")
    if to_stdout:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([_exe(), "parse", str(src), "-f", fmt], stdout=full,
                                  stderr=subprocess.PIPE, timeout=300)
    else:
        proc = _run(src, "-f", fmt, "-o", "/dev/full")
    assert proc.returncode == 1
    _no_traceback(proc.stderr)
    lines = [line for line in proc.stderr.decode().splitlines() if not line.startswith("warning:")]
    assert len(lines) == 1 and lines[0].startswith("Error: cannot write") and "No space left" in lines[0]


def test_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    """The same failure on a regular file: nothing replaces the old one."""
    from newsextract.cli.output_file import OutputFile

    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    target = OutputFile(out)
    f = target.open(binary=True)
    f.write(b"new records\n")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(OSError):
        target.commit()
    assert out.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_head_1_ends_quietly_with_0_in_every_format(feed, fmt):
    producer = subprocess.Popen([_exe(), "parse", str(feed), "--format", fmt],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()
    line, _ = head.communicate(timeout=180)
    err = producer.stderr.read()
    producer.wait(timeout=60)
    assert line
    assert producer.returncode == 0, err
    assert err == b"", err


def test_closed_standard_input_is_one_error_line():
    proc = subprocess.run([_exe(), "parse", "-"], stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=120, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2
    _no_traceback(proc.stderr)
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "standard input" in lines[0]


def test_closed_standard_output_is_one_error_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(SMALL, encoding="utf-8")
    proc = subprocess.run([_exe(), "parse", str(src)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=120, preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    _no_traceback(proc.stderr)
    assert proc.stderr.decode().startswith("Error:") and "standard output" in proc.stderr.decode()
