"""Paths and assertions shared by the tests."""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


def load_script(relative: str):
    """A benchmark or tool script of the checkout (``benchmarks/eval_conll.py``) as a module."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def need_eval(*parts: str) -> Path:
    """A path under ../shared/eval, or skip the test cleanly when it is absent."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not present: {path}")
    return path


def assert_offsets(record: dict, text: str) -> None:
    """Every mention, date and commitment points at exactly its text."""
    spans = []
    for key in ("people", "places", "organizations"):
        for entry in record.get(key, []):
            spans.extend(entry["mentions"])
    spans.extend(record.get("dates", []))
    spans.extend(record.get("commitments", []))
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


def jsonl_records(output: str) -> list[dict]:
    """The records of a JSON Lines output."""
    import json

    return [json.loads(line) for line in output.splitlines() if line.strip()]


def newsextract_exe() -> str:
    """The installed ``newsextract`` console script (the venv's first)."""
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    assert exe, "the newsextract console script is not installed"
    return exe


def seed_feed(path: Path, articles: int) -> Path:
    """A JSON Lines feed of ``articles`` short articles (the seeds' long paragraphs, in turn):
    long enough to be still running when a test interrupts it, and the first records come fast."""
    texts = [para for p in sorted(SEEDS.glob("*.txt"))
             for para in p.read_text(encoding="utf-8").split("\n\n") if len(para) > 200]
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")
    return path


def entry_names(record: dict, kind: str) -> list[str]:
    """The names of a record's people, places or organizations (``kind``), in output order."""
    return [e["name"] for e in record[kind]]


def entry_named(record: dict, kind: str, name: str) -> dict:
    """The one entry of ``kind`` called ``name``; fails the test, listing the names, if none is."""
    found = [e for e in record[kind] if e["name"] == name]
    assert found, f"{name!r} not among {kind}: {entry_names(record, kind)}"
    return found[0]
