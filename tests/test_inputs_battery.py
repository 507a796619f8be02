"""Every kind of bad input in one folder, run as one real ``newsextract parse FOLDER``:
exactly one valid record per file (per JSONL line), exit 1, no traceback."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from support import SEEDS, assert_offsets, newsextract_exe

BIG_CHARS = 1_300_000


_exe = newsextract_exe


def big_article() -> str:
    """The seed articles repeated past spaCy's max_length (1,000,000 characters)."""
    seeds = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    parts, size = [], 0
    while size < BIG_CHARS:
        for s in seeds:
            parts.append(s)
            size += len(s) + 2
    return "\n\n".join(parts) + "\n"


def build_battery(root: Path) -> dict[str, str]:
    """Write the battery; return {file name: what it is}."""
    cases = {}

    def add(name: str, data: bytes, what: str) -> None:
        (root / name).write_bytes(data)
        cases[name] = what

    add("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary")
    add("cp1252.txt", "Caf\u00e9 owners in S\u00e3o Paulo met Fran\u00e7ois Hollande on Tuesday \u2013 "
                      "\u201cwarmly\u201d.".encode("cp1252"), "cp1252")
    add("latin1.txt", "Jos\u00e9 Mar\u00eda Aznar spoke in C\u00f3rdoba.".encode("latin-1"), "latin1")
    add("empty.txt", b"", "empty")
    add("bom.txt", "\ufeffAngela Merkel visited Paris.".encode("utf-8"), "bom")
    add("big.txt", big_article().encode("utf-8"), "big")
    add("digits.txt", b"0123456789" * 30_000, "digits")
    add("feed.jsonl", b'{not json\n{"id": "no-text", "title": "x"}\n{"id": "wrong-type", "text": 42}\n'
                      b'[1, 2]\n{"id": "fine", "text": "Joe Biden spoke in Washington."}\n', "jsonl")
    # unreadable even for root: reading /proc/self/mem at offset 0 fails with EIO
    if Path("/proc/self/mem").exists():
        (root / "unreadable.txt").symlink_to("/proc/self/mem")
        cases["unreadable.txt"] = "unreadable"
    # chmod 000 denies reading only when we are not root (root reads it anyway)
    add("locked.txt", b"Boris Johnson met voters in Leeds.", "locked")
    os.chmod(root / "locked.txt", 0)
    # a folder with a symlink loop, and a file linked twice
    sub = root / "loop" / "sub"
    sub.mkdir(parents=True)
    (sub / "inner.txt").write_text("Olaf Scholz, the German chancellor, arrived in Hamburg on Monday.\n",
                                    encoding="utf-8")
    cases["loop/sub/inner.txt"] = "inner"
    (sub / "back").symlink_to("..", target_is_directory=True)
    (root / "loop" / "again.txt").symlink_to(sub / "inner.txt")
    # a FIFO named like an article: reading it would block for ever
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
        cases["fifo.txt"] = "fifo"
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    cases["dangling.txt"] = "dangling"
    return cases


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    root = tmp_path_factory.mktemp("battery")
    cases = build_battery(root)
    missing = root.parent / "missing-article.txt"
    proc = subprocess.run([_exe(), "parse", str(root), str(missing), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=400)  # a hang guard; ~60 s of CPU
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    return root, cases, proc, recs


def by_source(recs: list[dict], suffix: str) -> list[dict]:
    return [r for r in recs if r["source"].endswith(suffix)]


def test_one_valid_record_per_input_exit_1_no_traceback(battery, validator):
    root, cases, proc, recs = battery
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.endswith("\n")
    for rec in recs:
        assert list(validator.iter_errors(rec)) == [], rec["source"]
    jsonl_lines = 5
    expected = len(cases) - 1 + jsonl_lines + 1  # feed.jsonl counts per line; +1 missing path
    assert len(recs) == expected, [r["source"] for r in recs]
    assert len({r["source"] for r in recs}) == len(recs)
    # every failure is exactly one line on stderr, naming its input
    failed = [r for r in recs if "error" in r]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == len(failed)
    for rec, line in zip(failed, errors):
        assert rec["source"] in line


@pytest.mark.parametrize("name, error_type", [
    ("binary.txt", "binary"),
    ("unreadable.txt", "unreadable"),
    ("fifo.txt", "unreadable"),
    ("dangling.txt", "not_found"),
    ("missing-article.txt", "not_found"),
])
def test_failed_inputs_have_typed_error_records(battery, name, error_type):
    root, cases, proc, recs = battery
    if name not in cases and name != "missing-article.txt":
        pytest.skip(f"{name}: not possible on this system")
    (rec,) = by_source(recs, name)
    assert rec["error"]["type"] == error_type
    assert "people" not in rec


def test_locked_file_is_an_error_unless_we_are_root(battery):
    root, cases, proc, recs = battery
    (rec,) = by_source(recs, "locked.txt")
    if os.geteuid() == 0:
        # root reads a chmod 000 file; the unreadable case above covers the error
        assert rec["places"] and "error" not in rec
    else:
        assert rec["error"]["type"] == "unreadable"


@pytest.mark.parametrize("name, original, encoding", [
    ("cp1252.txt", "Caf\u00e9 owners in S\u00e3o Paulo met Fran\u00e7ois Hollande on Tuesday \u2013 "
                   "\u201cwarmly\u201d.", "cp1252"),
    ("latin1.txt", "Jos\u00e9 Mar\u00eda Aznar spoke in C\u00f3rdoba.", "cp1252"),
    ("bom.txt", "Angela Merkel visited Paris.", "utf-8-sig"),
])
def test_legacy_encodings_and_bom_decode_exactly(battery, name, original, encoding):
    root, cases, proc, recs = battery
    (rec,) = by_source(recs, name)
    assert rec["encoding"] == encoding
    assert_offsets(rec, original)
    assert rec["people"], rec


def test_empty_file_gives_a_record_with_a_warning(battery):
    root, cases, proc, recs = battery
    (rec,) = by_source(recs, "empty.txt")
    assert "error" not in rec
    assert rec["people"] == [] and rec["places"] == [] and rec["dates"] == []
    assert rec["warnings"] and "empty" in rec["warnings"][0]
    assert any("empty.txt" in line and "warning" in line for line in proc.stderr.splitlines())


def test_jsonl_bad_lines_are_one_error_each_and_the_good_line_goes_on(battery):
    root, cases, proc, recs = battery
    feed = [r for r in recs if "feed.jsonl:" in r["source"]]
    assert [r["source"].rsplit(":", 1)[1] for r in feed] == ["1", "2", "3", "4", "5"]
    assert [r.get("error", {}).get("type") for r in feed] == ["bad_json", "bad_record", "bad_record",
                                                             "bad_record", None]
    assert "int" in feed[2]["error"]["message"]
    assert [p["name"] for p in feed[4]["people"]] == ["Joe Biden"]


def test_symlink_loop_each_file_once(battery, extract_text):
    root, cases, proc, recs = battery
    inner = [r for r in recs if "inner" in r["source"] or "again" in r["source"]]
    assert len(inner) == 1
    alone = extract_text((root / "loop" / "sub" / "inner.txt").read_text(encoding="utf-8"))
    assert inner[0]["people"] == alone["people"] and inner[0]["places"] == alone["places"]
    assert inner[0]["places"]


def test_big_article_in_chunks_with_exact_offsets(battery, seed_records):
    root, cases, proc, recs = battery
    (rec,) = by_source(recs, "big.txt")
    assert "error" not in rec, rec.get("error")
    text = (root / "big.txt").read_text(encoding="utf-8")
    assert len(text) > 1_000_000 and rec["words"] == len(text.split())
    assert_offsets(rec, text)
    # the same people and places as the articles it repeats, merged across chunks
    seed_people = {p["name"] for r in seed_records for p in r["people"]}
    seed_places = {p["name"] for r in seed_records for p in r["places"]}
    assert {p["name"] for p in rec["people"]} == seed_people
    assert {p["name"] for p in rec["places"]} == seed_places
    repeats = text.count(SEEDS.joinpath(sorted(p.name for p in SEEDS.glob("*.txt"))[0])
                         .read_text(encoding="utf-8").strip()[:200])
    assert repeats > 100
    assert all(len(p["mentions"]) >= repeats for p in rec["people"])


def test_digit_line_processed(battery):
    root, cases, proc, recs = battery
    (rec,) = by_source(recs, "digits.txt")
    assert "error" not in rec and rec["people"] == []
