"""Reading inputs: encodings, folders, vanishing files, standard input, long texts."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app
from newsextract.io.decoding import decode

from support import SEEDS, assert_offsets

runner = CliRunner()

OTHER_ARTICLE = (
    "Chancellor Olaf Scholz said on Tuesday that Germany would send more air defence systems to Kyiv.\n\n"
    "Speaking in Berlin, the chancellor said the decision followed talks with President Emmanuel Macron "
    "of France and Prime Minister Giorgia Meloni of Italy.\n\n"
    + "Officials in Brussels said the plan would be discussed by ministers next month.\n\n" * 12
    + "Scholz added that Germany would also train Ukrainian soldiers in Poland.\n\n"
    "Meloni said Rome would host a reconstruction conference in July.\n"
)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("text, encoding, expected", [
    ("Café owners in São Paulo met François Hollande – “warmly”.", "cp1252", "cp1252"),
    ("Die Regierung in Zürich hat am Montag erklärt, dass Gespräche über Zölle weitergehen.", "cp1252", "cp1252"),
    ("Le président Emmanuel Macron a déclaré à l’Élysée : « Nous œuvrerons ».", "cp1252", "cp1252"),
    ("naïve résumé from Ærø and Ñandú", "latin-1", "cp1252"),
    ("Президент России заявил в понедельник, что Москва готова к переговорам.", "cp1251", "cp1251"),
    ("Prezydent Polski powiedział w poniedziałek, że Łódź i Kraków są ważne.", "cp1250", "cp1250"),
    ("Angela Merkel visited Paris.", "utf-8", "utf-8"),
    ("\ufeffAngela Merkel visited Paris.", "utf-8", "utf-8-sig"),
    ("Angela Merkel visited Paris.", "utf-16", "utf-16"),
])
def test_decode_reads_legacy_encodings_exactly(text, encoding, expected):
    decoded, used = decode(text.encode(encoding))
    assert decoded == text.lstrip("\ufeff")
    assert used == expected


def test_file_that_disappears_after_listing_gets_an_error_record(tmp_path, monkeypatch):
    from newsextract.io import inputs

    (tmp_path / "a.txt").write_text("Angela Merkel visited Paris.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Joe Biden spoke in Washington.", encoding="utf-8")
    real_walk = inputs.walk_entries

    def walk_then_delete(root, **kw):
        listed = list(real_walk(root, **kw))
        (tmp_path / "a.txt").unlink()
        yield from listed

    monkeypatch.setattr(inputs, "walk_entries", walk_then_delete)
    result = runner.invoke(app, ["parse", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    gone, kept = records(result.stdout)
    assert gone["id"] == "a" and gone["error"]["type"] == "not_found"
    assert kept["id"] == "b" and "error" not in kept
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root lists and reads chmod 000 folders and files; the battery's "
                           "/proc/self/mem case covers unreadable input for root")
def test_unreadable_folder_and_file_get_error_records(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Paris.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Paris.", encoding="utf-8")
    os.chmod(locked, 0)
    os.chmod(tmp_path / "secret.txt", 0)
    try:
        result = runner.invoke(app, ["parse", str(tmp_path), "--format", "jsonl"])
    finally:
        os.chmod(locked, 0o755)
    assert result.exit_code == 1
    recs = records(result.stdout)
    assert [r["error"]["type"] for r in recs] == ["unreadable", "unreadable"]


def test_html_on_stdin_is_read_as_a_page():
    page = ("<!DOCTYPE html><html><head><title>Talks in Geneva</title></head><body><article>"
            "<h1>Talks in Geneva</h1><p>" + "Foreign ministers met in Geneva on Monday to discuss a ceasefire. " * 4
            + "</p></article></body></html>")
    result = runner.invoke(app, ["parse", "-", "--format", "jsonl", "--include-text"], input=page)
    assert result.exit_code == 0, result.stderr
    (rec,) = records(result.stdout)
    assert "<" not in rec["text"] and "Geneva" in rec["text"]
    assert rec["title"] == "Talks in Geneva"


def test_long_digit_line_within_a_time_bound(extract_text):
    text = "0123456789" * 30_000
    started = time.perf_counter()
    rec = extract_text(text)
    assert time.perf_counter() - started < 60  # a hang guard, not a speed measurement
    assert rec["people"] == [] and rec["words"] == 1


@pytest.mark.parametrize("text", [OTHER_ARTICLE, *[p.read_text(encoding="utf-8")
                                                   for p in sorted(SEEDS.glob("*.txt"))]])
def test_chunked_processing_gives_the_same_record(nlp, monkeypatch, text):
    """Cut into many small chunks through process_batch, an article yields the same
    people (merged across chunks), places, dates and commitments as in one piece."""
    from newsextract.nlp import chunking
    from newsextract.process import process_batch
    from newsextract.io.inputs import ArticleInput

    whole = process_batch(nlp, [ArticleInput(source="t", id="t", text=text)])[0].to_dict()
    monkeypatch.setattr(chunking, "LONG_TEXT_CHARS", 500)
    monkeypatch.setattr(chunking, "CHUNK_CHARS", 800)
    assert len(chunking.split_text(text)) >= 2
    chunked = process_batch(nlp, [ArticleInput(source="t", id="t", text=text)])[0].to_dict()
    for key in ("title", "people", "places", "organizations", "dates", "commitments"):
        assert chunked[key] == whole[key], key
    assert_offsets(chunked, text)


@pytest.mark.parametrize("text, limit", [
    ("a" * 250, 100),                              # no break at all: hard cuts
    ("word " * 100, 64),                           # spaces only
    ("line one\n" * 50, 100),                      # line breaks
    (("para " * 10 + "\n\n") * 30, 200),           # paragraph breaks
])
def test_split_points_cover_the_text_within_the_limit(text, limit):
    from newsextract.nlp.chunking import split_text

    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)
    if "\n\n" in text:
        assert all(p.endswith("\n\n") for p in pieces[:-1])


@pytest.mark.parametrize("line, problem", [
    ('{"label": "ORG", "pattern": "Acme"', "not valid JSON"),
    ('["ORG", "Acme"]', "a pattern must be a JSON object"),
    ('{"pattern": "Acme"}', "label"),
    ('{"label": "ORG", "pattern": [{"TEXTT": "Acme"}]}', "invalid token pattern"),
    ('{"label": "ORG", "pattern": [{"TEXT": "Acme", "OP": "many"}]}', "invalid token pattern"),
])
def test_malformed_pattern_line_names_file_and_line(tmp_path, line, problem):
    from newsextract.errors import PatternFileError
    from newsextract.lexicon.pattern_file import read_patterns

    path = tmp_path / "rules.jsonl"
    path.write_text('{"label": "ORG", "pattern": "Acme Corp"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PatternFileError) as caught:
        read_patterns(path)
    assert str(caught.value).startswith(f"{path}:3: ") and problem in str(caught.value)


@pytest.mark.parametrize("line", ['{"label": "ORG", "pattern": [{"FOO": 1}]}', "{not json"])
def test_malformed_pattern_file_is_one_error_line_and_exit_2(tmp_path, line):
    article = tmp_path / "a.txt"
    article.write_text("Acme Corp hired Joe Biden.", encoding="utf-8")
    rules = tmp_path / "rules.jsonl"
    rules.write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(article), "--patterns", str(rules), "-f", "jsonl"])
    assert result.exit_code == 2
    assert result.stdout == ""
    (err,) = result.stderr.strip().splitlines()
    assert err.startswith(f"Error: {rules}:1: ")
