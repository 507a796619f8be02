"""Renderers: an interrupted run still leaves output a program can read."""
from __future__ import annotations

import io
import json

import pytest

from newsextract.cli.render import write_json, write_jsonl
from newsextract.engines.signals import Terminated


def interrupted(n: int, exc: BaseException):
    for i in range(n):
        yield {"schema": 1, "id": f"a{i}", "source": f"a{i}.txt"}
    raise exc


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), Terminated(), RuntimeError("boom")])
@pytest.mark.parametrize("n", [0, 1, 3])
def test_json_array_is_closed_when_the_run_stops(n, exc):
    out = io.BytesIO()
    with pytest.raises(type(exc)):
        for _ in write_json(interrupted(n, exc), out):
            pass
    assert [r["id"] for r in json.loads(out.getvalue())] == [f"a{i}" for i in range(n)]


def test_json_array_complete_run_and_jsonl_whole_lines():
    out = io.BytesIO()
    records = [{"id": "x"}, {"id": "y"}]
    assert list(write_json(iter(records), out)) == records
    assert json.loads(out.getvalue()) == records
    out = io.BytesIO()
    with pytest.raises(KeyboardInterrupt):
        for _ in write_jsonl(interrupted(2, KeyboardInterrupt()), out):
            pass
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["a0", "a1"]
