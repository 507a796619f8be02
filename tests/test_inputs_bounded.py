"""Reading that is bounded and per line (issue 21, cases 4-6, 8-11, 20, 23): JSON Lines
are lines of bytes, each decoded on its own; special files and oversized inputs are
one error record each; file names that are not UTF-8 still give valid records."""
from __future__ import annotations

import io
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsextract.io.inputs import iter_inputs, read_stream


def _exe() -> str:
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    assert exe, "the newsextract console script is not installed"
    return exe


def _parse(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([_exe(), "parse", *args, "--format", "jsonl"], capture_output=True,
                          timeout=300, **kw)


def _records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def _items(path: Path, **kw) -> list:
    return list(iter_inputs([str(path)], **kw))


# --- case 4: one bad byte costs one line's decoding, with a warning ---------------------------------

def test_one_legacy_line_does_not_change_how_the_utf8_lines_are_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text":"Jos\xc3\xa9 Mourinho met Fran\xc3\xa7ois Hollande."}\n{"text":"caf\xe9 cr\xe8me"}\n')
    first, second = _items(feed)
    assert first.text == "Jos\u00e9 Mourinho met Fran\u00e7ois Hollande." and first.encoding == "utf-8"
    assert first.warnings == []
    assert second.text == "caf\u00e9 cr\u00e8me" and second.encoding == "cp1252"
    assert len(second.warnings) == 1 and "feed.jsonl:2" in second.warnings[0] and "UTF-8" in second.warnings[0]


def test_the_utf8_line_keeps_its_people(tmp_path, validator):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text":"Jos\xc3\xa9 Mourinho met Fran\xc3\xa7ois Hollande in Paris."}\n'
                     b'{"text":"caf\xe9"}\n')
    proc = _parse(str(feed))
    first, second = _records(proc.stdout)
    assert {"Jos\u00e9 Mourinho", "Fran\u00e7ois Hollande"} <= {p["name"] for p in first["people"]}
    assert second["warnings"] and "not UTF-8" in proc.stderr.decode()
    for rec in (first, second):
        assert list(validator.iter_errors(rec)) == []


# --- case 5: a NUL byte is that line's error ---------------------------------------------------------

def test_a_nul_byte_is_one_error_record_and_the_other_lines_go_on(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": f"Angela Merkel visited Paris on day {i}."}).encode()
             for i in range(11)]
    lines[4] = b'{"id": "a4", "text": "broken\x00line"}'
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\n".join(lines) + b"\n")
    items = _items(feed)
    assert len(items) == 11
    assert [i.error.type if i.error else None for i in items] == [None] * 4 + ["binary"] + [None] * 6
    assert items[4].source.endswith("feed.jsonl:5")
    assert [i.id for i in items if not i.error] == [f"a{i}" for i in range(11) if i != 4]


def test_a_binary_file_named_jsonl_is_one_record(tmp_path):
    feed = tmp_path / "image.jsonl"
    feed.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100)
    (item,) = _items(feed)
    assert item.error.type == "binary"


# --- case 6: only \n ends a line ---------------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b", "\x0c", "\r"])
def test_unicode_line_separators_inside_strings_do_not_split_the_line(tmp_path, separator):
    lines = [{"id": "a", "text": f"Angela Merkel{separator}visited Paris."},
             {"id": "b", "text": "Joe Biden spoke in Washington."},
             {"id": "c", "text": f"Olaf Scholz{separator}arrived."}]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in lines))
    items = _items(feed)
    assert [(i.id, i.source.rsplit(":", 1)[1], i.error) for i in items] == [
        ("a", "1", None), ("b", "2", None), ("c", "3", None)]
    assert items[0].text == lines[0]["text"]


def test_windows_line_ends_and_a_bom_are_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}\r\n')
    assert [(i.id, i.text, i.error) for i in _items(feed)] == [("a", "x", None), ("b", "y", None)]


def test_utf16_jsonl_with_its_bom_is_read_line_by_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes('{"id": "a", "text": "Caf\u00e9\u2028x"}\n{"id": "b", "text": "y"}\n'.encode("utf-16"))
    assert [(i.id, i.text, i.encoding) for i in _items(feed)] == [("a", "Caf\u00e9\u2028x", "utf-16"),
                                                                  ("b", "y", "utf-16")]


# --- case 11 and the size limit: streamed, bounded ------------------------------------------------

def test_a_line_over_the_limit_is_a_too_large_record_and_the_next_line_goes_on(tmp_path):
    feed = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 50_000})
    feed.write_text('{"id": "a", "text": "x"}\n' + big + '\n{"id": "c", "text": "y"}\n', encoding="utf-8")
    items = _items(feed, max_bytes=10_000)
    assert [(i.id, i.error.type if i.error else None) for i in items] == [
        ("a", None), ("feed:2", "too_large"), ("c", None)]
    assert "--max-bytes" in items[1].error.message


def test_jsonl_is_read_as_it_comes_from_a_stream():
    """A record is yielded before the stream ends (nothing waits for the whole input)."""
    class Feed(io.RawIOBase):
        """An endless feed of 5,000-byte records that counts how many it has produced."""

        def __init__(self):
            self.made, self.rest = 0, b""

        def readable(self):
            return True

        def readinto(self, buffer):
            if not self.rest:
                self.made += 1
                self.rest = (json.dumps({"id": f"a{self.made}", "text": "x" * 5000}) + "\n").encode()
            n = min(len(buffer), len(self.rest))
            buffer[:n], self.rest = self.rest[:n], self.rest[n:]
            return n

    feed = Feed()
    items = read_stream(io.BufferedReader(feed, buffer_size=64))
    assert next(items).id == "a1"
    assert next(items).id == "a2"
    assert feed.made <= 4  # the head looked at, the lines yielded: never the whole (endless) input


def test_text_file_and_stdin_over_the_limit_are_too_large(tmp_path):
    text = tmp_path / "long.txt"
    text.write_text("Angela Merkel visited Paris. " * 1000, encoding="utf-8")
    (item,) = _items(text, max_bytes=1000)
    assert item.error.type == "too_large"
    (item,) = list(read_stream(io.BytesIO(text.read_bytes()), max_bytes=1000))
    assert item.error.type == "too_large"
    (item,) = list(read_stream(io.BytesIO(text.read_bytes()), max_bytes=100_000))
    assert item.error is None and item.text.startswith("Angela")


def _peak_rss_kb(code: str) -> int:
    proc = subprocess.run([sys.executable, "-c", code + "\nimport resource\n"
                           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-1])


def _write_feed(path: Path, n: int) -> None:
    line = (json.dumps({"text": "Angela Merkel visited Paris on Monday. " * 12}) + "\n").encode()
    with open(path, "wb") as f:
        for _ in range(n // 1000):
            f.write(line * 1000)


@pytest.mark.slow
def test_reading_a_feed_keeps_memory_flat_as_it_grows_tenfold(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    _write_feed(small, 10_000)
    _write_feed(large, 100_000)  # ~50 MB
    code = ("from newsextract.io.inputs import iter_inputs\n"
            "n = sum(1 for item in iter_inputs([{!r}]) if item.error is None)\n"
            "assert n == {}, n")
    rss_small = _peak_rss_kb(code.format(str(small), 10_000))
    rss_large = _peak_rss_kb(code.format(str(large), 100_000))
    assert rss_large / rss_small < 1.15, (rss_small, rss_large)


@pytest.mark.slow
def test_a_huge_line_is_never_held_whole(tmp_path):
    huge = tmp_path / "huge.jsonl"
    with open(huge, "wb") as f:
        f.write(b'{"text": "')
        for _ in range(100):
            f.write(b"x" * 1_000_000)  # one 100 MB line
        f.write(b'"}\n{"text": "Angela Merkel visited Paris."}\n')
    small = tmp_path / "small.jsonl"
    small.write_bytes(b'{"text": "a"}\n{"text": "Angela Merkel visited Paris."}\n')
    code = ("from newsextract.io.inputs import iter_inputs\n"
            "kinds = [i.error.type if i.error else None for i in iter_inputs([{!r}], max_bytes=1_000_000)]\n"
            "assert kinds == {!r}, kinds")
    rss_small = _peak_rss_kb(code.format(str(small), [None, None]))
    rss_huge = _peak_rss_kb(code.format(str(huge), ["too_large", None]))
    assert rss_huge / rss_small < 1.15, (rss_small, rss_huge)


# --- cases 9, 10: special files given as arguments ------------------------------------------------

def _special_files(tmp_path: Path) -> list[tuple[str, Path]]:
    out = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        out.append(("FIFO", tmp_path / "pipe.txt"))
    for dev in ("/dev/zero", "/dev/urandom"):
        if Path(dev).exists():
            out.append(("device", Path(dev)))
    sock_path = tmp_path / "s.jsonl"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    out.append(("socket", sock_path))
    return out


def test_fifos_devices_and_sockets_given_as_arguments_are_unreadable_and_the_next_file_is_read(
        tmp_path, validator):
    good = tmp_path / "good.txt"
    good.write_text("Angela Merkel visited Paris on Monday.\n", encoding="utf-8")
    specials = _special_files(tmp_path)
    args = [str(p) for _, p in specials] + [str(good)]
    proc = _parse(*args)
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    recs = _records(proc.stdout)
    assert len(recs) == len(args)
    for (kind, _), rec in zip(specials, recs):
        assert rec["error"]["type"] == "unreadable" and "not a regular file" in rec["error"]["message"], kind
        assert list(validator.iter_errors(rec)) == []
    assert recs[-1]["id"] == "good" and recs[-1]["people"]


def test_stdin_is_still_read_from_a_pipe():
    proc = _parse("-", input=b'{"id": "a", "text": "Angela Merkel visited Paris."}\n')
    assert proc.returncode == 0, proc.stderr
    (rec,) = _records(proc.stdout)
    assert rec["id"] == "a" and rec["people"]


def test_max_bytes_on_the_command_line_applies_to_stdin_and_files(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Angela Merkel visited Paris. " * 100, encoding="utf-8")
    proc = subprocess.run([_exe(), "parse", "-", str(text), "--max-bytes", "1000"], capture_output=True,
                          input=text.read_bytes(), timeout=300)
    assert proc.returncode == 1
    assert [r["error"]["type"] for r in _records(proc.stdout)] == ["too_large", "too_large"]


# --- case 8: file names that are not UTF-8 -----------------------------------------------------------

@pytest.mark.parametrize("extra", [[], ["--jobs", "2"], ["--scheduler", "local:1"]], ids=["plain", "jobs", "dask"])
def test_file_names_with_invalid_utf8_give_valid_records_and_later_inputs_are_read(tmp_path, extra, validator):
    if extra and extra[0] == "--scheduler":
        pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"caf\xe9 \xff.txt")
    with open(bad, "wb") as f:
        f.write(b"Angela Merkel visited Paris.\n")
    bad_feed = os.path.join(os.fsencode(folder), b"feed\xfe.jsonl")
    with open(bad_feed, "wb") as f:
        f.write(b'{"text": "Joe Biden spoke in Washington."}\n{"text": 3}\n')
    later = tmp_path / "later.txt"
    later.write_text("Olaf Scholz arrived in Hamburg.\n", encoding="utf-8")
    proc = subprocess.run([os.fsencode(_exe()), b"parse", os.fsencode(folder), bad, os.fsencode(later),
                           b"--format", b"jsonl", *map(os.fsencode, extra)], capture_output=True, timeout=400)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    assert proc.returncode == 1  # the 'text: 3' line
    recs = _records(proc.stdout)  # strict UTF-8
    assert len(recs) == 5
    for rec in recs:
        assert list(validator.iter_errors(rec)) == []
    sources = [r["source"] for r in recs]
    assert sources[0].endswith("caf\\xe9 \\xff.txt") and recs[0]["id"] == "caf\\xe9 \\xff"
    assert sources[1].endswith("feed\\xfe.jsonl:1") and sources[2].endswith("feed\\xfe.jsonl:2")
    assert sources[3] == sources[0]
    assert recs[0]["people"] and recs[1]["people"] and recs[4]["people"]


# --- case 20 (library side) and case 23's JSON Lines surprises -------------------------------------------

def test_closed_stdin_in_the_library_is_one_error_record(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    (item,) = iter_inputs(["-"])
    assert item.error.type == "unreadable" and "closed" in item.error.message


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_jsonl_file_gives_one_record_with_a_warning(tmp_path, content):
    feed = tmp_path / "empty.jsonl"
    feed.write_bytes(content)
    proc = _parse(str(feed))
    assert proc.returncode == 0
    (rec,) = _records(proc.stdout)
    assert rec["id"] == "empty" and "error" not in rec
    assert any("empty JSON Lines" in w for w in rec["warnings"])


@pytest.mark.parametrize("value, kind", [(20240305, "number"), (["2024-03-05"], "list"),
                                         ({"date": "2024-03-05"}, "JSON object"), (True, "boolean")])
def test_a_published_value_that_is_not_a_string_gives_a_warning(tmp_path, value, kind):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "Angela Merkel visited Paris.", "published": value}) + "\n",
                    encoding="utf-8")
    (item,) = _items(feed)
    assert item.published is None
    assert len(item.warnings) == 1 and "'published'" in item.warnings[0] and kind in item.warnings[0]


@pytest.mark.parametrize("value", ["yesterday", "today", "3 days ago", "last week", "in two weeks"])
def test_a_relative_published_value_on_a_record_is_a_warning_not_a_date(tmp_path, value):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "The minister spoke on Monday.", "published": value}) + "\n",
                    encoding="utf-8")
    (item,) = _items(feed)
    assert item.published is None
    assert len(item.warnings) == 1 and "relative" in item.warnings[0]


@pytest.mark.parametrize("value, iso", [("2024-03-05", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
                                        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05")])
def test_calendar_published_values_are_still_read(tmp_path, value, iso):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "x", "published": value}) + "\n", encoding="utf-8")
    (item,) = _items(feed)
    assert item.published == iso and item.warnings == []


@pytest.mark.parametrize("value", ["yesterday", "3 days ago", "next month"])
def test_a_relative_published_option_is_a_usage_error(tmp_path, value):
    text = tmp_path / "a.txt"
    text.write_text("Angela Merkel visited Paris.", encoding="utf-8")
    proc = _parse(str(text), "--published", value)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: --published")
