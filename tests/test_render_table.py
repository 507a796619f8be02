"""Tables a person can read: at 80 columns nothing is cut mid-word, columns fit their
content, empty sections take one line, the busiest entries come first, the summary
speaks English, a file gets no trailing blanks, and article text cannot drive the
terminal."""
from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from newsextract.cli.render import article_renderables, fit_widths, Column, safe, write_tables

LONG_CLAUSE = ("Prime Minister Ada Okafor will travel to Lagos, Nigeria, from March 5 to 6, 2026, to "
               "participate in high-level discussions with international partners focused on achieving "
               "a durable settlement for the region's fishing communities")


def mention(text, start):
    return {"text": text, "start": start, "end": start + len(text)}


def record(**over):
    base = {
        "schema": 1, "id": "ok-1", "source": "feeds/ok-1.txt", "title": "Okafor heads to Lagos",
        "category": None, "published": "2026-03-01", "url": None, "words": 412,
        "people": [
            {"name": "Bola Adeyemi", "titles": ["spokeswoman"], "mentions": [mention("Bola Adeyemi", 300)]},
            {"name": "Ada Okafor", "titles": ["Prime Minister"],
             "mentions": [mention("Okafor", 10), mention("Ada Okafor", 40), mention("She", 90)]},
        ],
        "places": [
            {"name": "Nigeria", "kind": "country", "country": "NG", "lat": 9.0, "lon": 8.0,
             "mentions": [mention("Nigeria", 60)]},
            {"name": "Lagos", "kind": "city", "country": "NG", "lat": 6.45, "lon": 3.39,
             "mentions": [mention("Lagos", 20), mention("Lagos", 50)]},
        ],
        "organizations": [],
        "dates": [{"text": "March 5 to 6, 2026", "start": 70, "end": 88, "type": "DATE",
                   "value": "2026-03-05/2026-03-06"}],
        "commitments": [
            {"actor": "Ada Okafor", "modality": "will", "action": "travel", "object": LONG_CLAUSE[33:],
             "when": "2026-03-05/2026-03-06", "negated": False, "text": LONG_CLAUSE, "start": 100,
             "end": 100 + len(LONG_CLAUSE)},
            {"actor": "Nigeria", "modality": "remain-committed", "action": "uphold",
             "object": "international maritime conventions", "when": None, "negated": True,
             "text": "Abuja remains firmly committed to upholding international maritime conventions",
             "start": 400, "end": 478},
        ],
        "warnings": [],
    }
    base.update(over)
    return base


def render(rec, width=80):
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    list(write_tables([rec], console))
    return out.getvalue()


def tokens(output: str) -> set[str]:
    return set(re.split(r"[\s│┃╭╮╰╯─━┏┓┗┛┡┩╇╋┳┻]+", output))


def words_of(rec) -> list[str]:
    """Every word a reader should find whole: names, roles, places, dates, clauses."""
    values = [p["name"] for p in rec["people"]] + [t for p in rec["people"] for t in p["titles"]]
    values += [p["name"] for p in rec["places"]] + [o["name"] for o in rec["organizations"]]
    values += [d["text"] for d in rec["dates"]] + [d["value"] or "" for d in rec["dates"]]
    values += [c["text"] for c in rec["commitments"]] + [c["actor"] or "" for c in rec["commitments"]]
    values += [q["text"] for q in rec.get("quotes") or []]
    return [w for v in values for w in v.split()]


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_no_word_is_cut_and_no_line_is_too_long(width):
    out = render(record(), width)
    assert "…" not in out
    found = tokens(out)
    cut = [w for w in words_of(record()) if w not in found]
    assert not cut, f"words cut or hidden at {width} columns: {cut}"
    assert max(len(line) for line in out.splitlines()) <= width


def test_long_clause_has_its_own_line_under_a_compact_row():
    out = render(record(), 80).splitlines()
    row = next(i for i, line in enumerate(out) if line.startswith("Ada Okafor") and "travel" in line)
    assert "2026-03-05/2026-03-06" in out[row]       # actor, modality, action, when on one line
    assert out[row + 1].startswith("    Prime Minister Ada Okafor will travel")
    assert "Okafor" not in out[row - 1] or "Actor" in out[row - 1]  # the actor is not wrapped


def test_negated_commitment_says_so():
    out = render(record(), 80)
    assert re.search(r"Nigeria\s+remain-committed not\s+uphold", out)


def test_columns_fit_their_content():
    out = render(record(), 120).splitlines()
    start = out.index("Places (2)")
    places = out[start + 1:start + 5]
    assert max(len(line) for line in places) < 70       # no full-width stretch
    header = places[0]
    assert re.search(r"Country\s{1,4}Lat", header)         # "NG" gets a column as wide as its header


def test_empty_section_is_one_line_and_sections_present():
    out = render(record(), 80).splitlines()
    assert "Organizations — none" in out
    assert not any(line.startswith("Name") and i > 0 and out[i - 1] == "Organizations" for i, line in enumerate(out))


def test_rows_ordered_by_mentions():
    out = render(record(), 80)
    assert out.index("Ada Okafor ") < out.index("Bola Adeyemi")   # 3 mentions before 1
    assert out.index("Lagos ") < out.index("Nigeria ")


@pytest.mark.parametrize("people, dates, expected", [
    (1, 1, "1 person · 2 places · 0 organizations · 1 date · 2 commitments"),
    (2, 0, "2 people · 2 places · 0 organizations · 0 dates · 2 commitments"),
])
def test_summary_plurals(people, dates, expected):
    rec = record()
    rec["people"] = rec["people"][:people]
    rec["dates"] = rec["dates"][:dates]
    assert expected in render(rec, 120)


def test_fit_widths_never_goes_below_the_longest_word():
    columns = [Column("Name"), Column("Forms")]
    rows = [["Ada Okafor", "Okafor, She, the Prime Minister, Ada Okafor, Madam Okafor"]]
    widths = fit_widths(columns, rows, available=20)
    assert widths[0] >= len("Okafor") and widths[1] >= len("Minister,")


HOSTILE = {
    "OSC 0 (window title)": "\x1b]0;pwned\x07",
    "CSI 2J (clear screen)": "\x1b[2J\x1b[H",
    "OSC 8 (link)": "\x1b]8;;https://evil.example/\x1b\\",
    "8-bit CSI": "\x9b2J",
    "bidi override": "\u202e",
    "backspace and bell": "\x08\x07",
}


@pytest.mark.parametrize("name, sequence", HOSTILE.items())
def test_escape_sequences_in_article_text_never_reach_the_terminal(name, sequence):
    rec = record(title=f"Okafor{sequence} heads to Lagos", source=f"feeds/{sequence}ok-1.txt")
    rec["people"][1]["name"] = f"Ada{sequence} Okafor"
    rec["commitments"][0]["text"] = f"She will go{sequence} to Lagos"
    rec["warnings"] = [f"odd byte{sequence} here"]
    for force_terminal in (False, True):
        out = io.StringIO()
        console = Console(file=out, width=100, force_terminal=force_terminal, color_system=None)
        list(write_tables([rec], console))
        text = out.getvalue()
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), name
        assert "Okafor heads to Lagos" in text and "She will go to Lagos" in text


def test_json_keeps_the_text_exactly():
    from newsextract.cli.render import write_jsonl

    rec = record(title="Okafor\x1b]0;pwned\x07 heads to Lagos")
    out = io.BytesIO()
    list(write_jsonl([rec], out))
    assert json.loads(out.getvalue())["title"] == "Okafor\x1b]0;pwned\x07 heads to Lagos"


@pytest.mark.parametrize("raw, shown", [
    ("plain words", "plain words"),
    ("two\nlines\tand tab", "two lines and tab"),
    ("[bold]not markup[/bold]", "[bold]not markup[/bold]"),
    (None, ""),
])
def test_safe(raw, shown):
    assert safe(raw) == shown


def test_markup_in_article_text_is_shown_as_written():
    rec = record(title="[red]Okafor[/red] heads to Lagos")
    assert "[red]Okafor[/red] heads to Lagos" in render(rec, 100)


def test_error_record_and_warnings_render():
    rec = {"schema": 1, "id": "x", "source": "x.txt", "error": {"type": "binary", "message": "x.txt: binary file"},
           "warnings": ["x.txt: looked odd"]}
    out = render(rec)
    assert "✗ x.txt: binary: x.txt: binary file" in out and "warning: x.txt: looked odd" in out


def test_quotes_section_when_the_record_has_quotes():
    rec = record(quotes=[{"text": "We will not abandon the fishing towns of the delta", "start": 500, "end": 550,
                          "speaker": "Ada Okafor", "cue": "say"}])
    out = render(rec, 80)
    assert "Quotes (1)" in out and "“We will not abandon the fishing towns of the delta”" in out
    assert "1 quote" in out
    assert "Quotes" not in render(record(), 80)


def test_table_into_a_file_has_no_trailing_spaces(tmp_path):
    from typer.testing import CliRunner

    from newsextract.cli.app import app
    from support import SEEDS

    target = tmp_path / "out.txt"
    result = CliRunner().invoke(app, ["parse", str(SEEDS), "-f", "table", "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("People (") for line in lines)
    assert [line for line in lines if line != line.rstrip()] == []


def test_error_lines_on_stderr_carry_no_escape_sequences(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    bad = tmp_path / "feed\x1b]0;pwned\x07.jsonl"
    bad.write_text('{"text": "Minister Jana Novak visited Prague."}\n{broken\n', encoding="utf-8")
    run = subprocess.run([str(Path(sys.executable).with_name("newsextract")), "parse", str(bad), "-f", "jsonl"],
                         capture_output=True)
    assert run.returncode == 1
    assert b"\x1b" not in run.stderr and b"\x07" not in run.stderr and b"Error: " in run.stderr
    assert "feed\x1b]0;pwned\x07" in json.loads(run.stdout.splitlines()[0])["id"]  # JSON keeps the name exactly
