"""Paths and assertions shared by the tests."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


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
