"""``newsextract summarize``: the roll-up over many articles, checked against a count
made independently from the records."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app
from newsextract.cli.summarize import roll_up, write_csv

BIN = Path(sys.executable).parent

ARTICLES = [
    {"id": "a1", "published": "2026-02-10",
     "text": "Mayor Lena Fischer said Hamburg will open a ferry line. Fischer met Chancellor Otto Brandt in Berlin."},
    {"id": "a2", "published": "2026-02-11",
     "text": "Chancellor Otto Brandt visited Hamburg on Tuesday. Brandt said the Port Authority will expand."},
    {"id": "a3", "published": "2026-02-12",
     "text": "Otto Brandt and Lena Fischer opened the ferry line in Hamburg. Fischer thanked the crews."},
    {"id": "a4", "text": "Rain fell on Munich all day."},
]


@pytest.fixture(scope="module")
def feed_and_records(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("summarize")
    feed = tmp / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    out = subprocess.run([str(BIN / "newsextract"), "parse", str(feed), "-f", "jsonl"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    records = tmp / "records.jsonl"
    records.write_text(out.stdout, encoding="utf-8")
    return feed, records


def independent_count(lines: list[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """(kind, name) -> (articles, mentions), counted straight from the JSON Lines."""
    articles, mentions = defaultdict(set), defaultdict(int)
    for line in lines:
        rec = json.loads(line)
        for kind, key in [("person", "people"), ("place", "places"), ("organization", "organizations")]:
            for entry in rec.get(key, []):
                articles[(kind, entry["name"])].add(rec["id"])
                mentions[(kind, entry["name"])] += len(entry["mentions"])
    return {k: (len(v), mentions[k]) for k, v in articles.items()}


def test_summarize_records_from_stdin_matches_an_independent_count(feed_and_records):
    _, records = feed_and_records
    lines = records.read_text(encoding="utf-8").splitlines()
    result = CliRunner().invoke(app, ["summarize", "-", "-f", "jsonl"], input=records.read_bytes())
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["kind"], r["name"]): (r["articles"], r["mentions"]) for r in rows} == independent_count(lines)
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    brandt = next(r for r in rows if r["name"] == "Otto Brandt")
    assert brandt["kind"] == "person" and brandt["articles"] == 3
    assert any(role.startswith("Chancellor") for role in brandt["roles"])
    hamburg = next(r for r in rows if r["name"] == "Hamburg")
    assert hamburg["country"] == "DE" and hamburg["articles"] == 3
    assert set(rows[0]) <= {"kind", "name", "articles", "mentions", "roles", "country", "commitments"}


def test_summarize_articles_equals_summarize_records(feed_and_records):
    feed, records = feed_and_records
    from_articles = CliRunner().invoke(app, ["summarize", str(feed), "-f", "jsonl"])
    from_records = CliRunner().invoke(app, ["summarize", str(records), "-f", "jsonl"])
    assert from_articles.exit_code == from_records.exit_code == 0, from_articles.output
    assert from_articles.stdout == from_records.stdout


def test_summarize_csv_and_table(feed_and_records):
    _, records = feed_and_records
    as_csv = CliRunner().invoke(app, ["summarize", str(records), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == ["kind", "name", "articles", "mentions", "roles", "country", "commitments"]
    assert any(r["name"] == "Otto Brandt" and r["articles"] == "3" for r in rows)
    table = CliRunner().invoke(app, ["summarize", str(records), "-f", "table", "--top", "1"])
    assert table.exit_code == 0
    assert "People, top 1 of" in table.stdout and "Otto Brandt" in table.stdout
    assert "4 articles" in table.stdout


def test_commitments_are_counted_per_actor():
    recs = [{"schema": 1, "id": str(i), "source": f"{i}.txt", "people": [
        {"name": "Ana Ruiz", "titles": ["Minister"], "mentions": [{"text": "Ruiz", "start": 0, "end": 4}]}],
        "places": [], "organizations": [], "dates": [],
        "commitments": [{"actor": "Ana Ruiz", "modality": "will", "action": "go", "object": None, "when": None,
                         "negated": False, "text": "Ruiz will go", "start": 0, "end": 12}] * i}
        for i in (1, 2)] + [{"schema": 1, "id": "bad", "source": "bad.txt", "error": {"type": "binary", "message": "x"}}]
    result = roll_up(recs)
    assert result.rows == [{"kind": "person", "name": "Ana Ruiz", "articles": 2, "mentions": 2,
                            "roles": ["Minister"], "commitments": 3}]
    assert (result.articles, result.failed) == (3, 1)


def test_not_a_record_is_an_error_not_a_silent_skip(tmp_path):
    bad = tmp_path / "records.jsonl"
    bad.write_text('{"schema":1,"id":"x","source":"x.txt","people":[],"places":[],"organizations":[],'
                   '"dates":[],"commitments":[]}\n{"schema": 1, "oops": true}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(bad), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "records.jsonl:2: not a newsextract record" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["summarize"], "no input given"),
    (["summarize", "x.jsonl", "-f", "html"], "not a summary format"),
    (["summarize", "x.jsonl", "--published", "March 5"], "YYYY-MM-DD"),
])
def test_summarize_usage_errors(args, message):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and message in result.stderr


def test_roles_merge_their_capitals_and_leave_honorifics_out():
    def rec(i, roles, titles):
        return {"schema": 1, "id": str(i), "source": f"{i}.txt", "places": [], "organizations": [], "dates": [],
                "commitments": [], "people": [{"name": "Ana Ruiz", "titles": titles, "roles": roles,
                                               "mentions": [{"text": "Ruiz", "start": 0, "end": 4}]}]}
    recs = [rec(1, [{"title": "Prime Minister", "organization": None}], ["Prime Minister"]),
            rec(2, [{"title": "prime minister", "organization": None}], ["prime minister"]),
            rec(3, [{"title": "Prime Minister", "organization": None}], ["Ms", "Prime Minister"]),
            rec(4, [], ["Ms"])]
    assert roll_up(recs).rows[0]["roles"] == ["Prime Minister"]


def test_summarize_to_a_file(feed_and_records, tmp_path):
    _, records = feed_and_records
    target = tmp_path / "people.csv"
    result = CliRunner().invoke(app, ["summarize", str(records), "-f", "csv", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("kind,name,articles,mentions")
    table = tmp_path / "people.txt"
    CliRunner().invoke(app, ["summarize", str(records), "-f", "table", "-o", str(table)])
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("People") and all(line == line.rstrip() for line in lines)


def test_summarize_output_that_is_an_input_is_refused_and_left_alone(feed_and_records):
    _, records = feed_and_records
    before = records.read_bytes()
    result = CliRunner().invoke(app, ["summarize", str(records), "-f", "csv", "-o", str(records)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error:") and "also an input" in result.stderr
    assert records.read_bytes() == before


@pytest.mark.parametrize("stop, code, word", [(KeyboardInterrupt, 130, "Interrupted."),
                                              (OSError(28, "No space left on device"), 1, "Error:")])
def test_summarize_that_stops_while_writing_leaves_the_old_file_as_it_was(feed_and_records, tmp_path,
                                                                          monkeypatch, stop, code, word):
    from newsextract.cli import summarize as roll

    _, records = feed_and_records
    target = tmp_path / "people.csv"
    target.write_text("yesterday's roll-up\n", encoding="utf-8")

    def half_written(rollup, out, *, top=0):
        out.write(b"kind,name,articles\r\nperson,Half")
        raise stop

    monkeypatch.setattr(roll, "write_csv", half_written)
    result = CliRunner().invoke(app, ["summarize", str(records), "-f", "csv", "-o", str(target)])
    assert result.exit_code == code
    assert result.stderr.startswith(word) and "left as it was" in result.stderr
    assert target.read_text(encoding="utf-8") == "yesterday's roll-up\n"
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]  # no temporary file left behind


def test_a_record_file_that_cannot_be_read_is_reported_and_the_others_still_count(feed_and_records, tmp_path):
    from newsextract.cli.summarize import read_sources, roll_up as roll

    _, records = feed_and_records
    problems: list[str] = []
    result = roll(read_sources([str(tmp_path / "gone.jsonl"), str(records)], None, problems))
    assert problems == [f"cannot read {tmp_path / 'gone.jsonl'}: No such file or directory"]
    assert result.articles == len(ARTICLES)


def test_summarize_csv_names_that_start_a_formula_open_as_text():
    recs = [{"schema": 1, "id": "1", "source": "1.txt", "people": [
        {"name": "=HYPERLINK(A1)", "titles": ["-Minister"], "mentions": [{"text": "x", "start": 0, "end": 1}]}],
        "places": [{"name": "@Home", "kind": "other", "country": None, "mentions": [{"text": "y", "start": 2, "end": 3}]}],
        "organizations": [], "dates": [], "commitments": []}]
    out = io.BytesIO()
    write_csv(roll_up(recs), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert [(r["name"], r["roles"]) for r in rows] == [("'=HYPERLINK(A1)", "'-Minister"), ("'@Home", "")]
    assert rows[0]["articles"] == "1" and rows[0]["mentions"] == "1"
