"""Every article of the evaluation corpora gets a record with all its extractors' facts.

CoNLL-2003 documents (dev and test), TempEval-3 (train and test) and the 2,225
BBC News articles go through the command line with ``--jobs 2``: not one error
record, and no extractor that failed on any of them.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import need_eval


def _conll_as_articles(path: Path, out: Path) -> int:
    """Each CoNLL document as one article: tokens joined by spaces, one sentence a line."""
    count = 0
    with out.open("a", encoding="utf-8") as sink:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            tokens, sentences, pos = doc["tokens"], [], 0
            for n in doc["sentence_lengths"]:
                sentences.append(" ".join(tokens[pos:pos + n]))
                pos += n
            sink.write(json.dumps({"id": doc["id"], "text": "\n".join(sentences) + "\n"}) + "\n")
            count += 1
    return count


def _lines(path: Path) -> int:
    return sum(1 for line in path.read_bytes().split(b"\n") if line.strip())


@pytest.mark.slow
def test_the_evaluation_corpora_give_no_error_and_no_failed_extractor(tmp_path):
    conll = tmp_path / "conll.jsonl"
    expected = sum(_conll_as_articles(need_eval("conll2003", f"eng.{split}.jsonl"), conll)
                   for split in ("testa", "testb"))
    others = [need_eval("tempeval3", "train.jsonl"), need_eval("tempeval3", "test.jsonl"),
              need_eval("bbc_news", "bbc_fulltext.jsonl")]
    expected += sum(_lines(p) for p in others)
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([exe, "parse", str(conll), *map(str, others), "--jobs", "2", "-f", "jsonl",
                           "-o", str(out)], capture_output=True, text=True, timeout=1800)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == expected
    errors = [r["error"]["message"] for r in records if "error" in r]
    assert errors == []
    failed = [w for r in records for w in r["warnings"] if " failed (" in w]
    assert failed == []
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert sum(len(r["people"]) for r in records) > 10_000  # the extractors ran
