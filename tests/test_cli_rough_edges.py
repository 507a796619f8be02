"""The command line's rough edges, as a new user meets them: help, completion, the
version, one error style, readable messages, ISO-only --published, the article's
own date before --published, and no silent null dates."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app

BIN = Path(sys.executable).parent
runner = CliRunner()


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["parse", "-h"], ["summarize", "-h"], ["schema", "-h"]])
def test_short_and_long_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_shell_completion_is_offered():
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout
    shown = subprocess.run([str(BIN / "newsextract"), "--show-completion", "bash"], capture_output=True, text=True)
    assert shown.returncode == 0 and "complete" in shown.stdout and "newsextract" in shown.stdout


@pytest.mark.parametrize("args", [["--version"], ["parse", "--version"]])
def test_version_where_the_readme_says(args):
    from newsextract import __version__

    result = runner.invoke(app, args)
    assert result.exit_code == 0 and result.stdout.strip() == f"newsextract {__version__}"


@pytest.mark.parametrize("value", ["csvx", "xml", "tables"])
def test_invalid_format_message_is_readable(value):
    result = runner.invoke(app, ["parse", "x.txt", "-f", value])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line == f"Error: --format: {value!r} is not a format; choose one of table, jsonl, json, csv, html"
    assert "Value error" not in result.stderr


@pytest.mark.parametrize("value", ["05/03/2025", "March 5, 2025", "yesterday", "2025-13-01", "5 May"])
def test_published_accepts_iso_dates_only(value):
    result = runner.invoke(app, ["parse", "x.txt", "--published", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --published:") and "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("value, stored", [("2025-03-05", "2025-03-05"), ("2025-03-05T14:30", "2025-03-05T14:30:00")])
def test_published_iso_forms_work(tmp_path, value, stored):
    article = tmp_path / "a.txt"
    article.write_text("Minister Jana Novak said on Monday the port will reopen.\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(article), "--published", value, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["published"] == stored


def test_every_error_line_has_one_style(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Minister Jana Novak visited Prague.\n", encoding="utf-8")
    run = subprocess.run([str(BIN / "newsextract"), "parse", str(good), str(tmp_path / "missing.txt"), "-f", "jsonl"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith(("Error: ", "warning: ")) for line in lines), lines
    assert any(line.startswith("Error: ") and "missing.txt" in line for line in lines)
    usage = subprocess.run([str(BIN / "newsextract"), "parse"], capture_output=True, text=True)
    assert usage.returncode == 2 and usage.stderr.startswith("Error: ")


def test_dateline_beats_published_option(tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text("OSLO, March 3, 2026 (Reuters) - Minister Jana Novak said on Monday that the port "
                       "will reopen.\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(article), "--published", "2025-06-01", "-f", "jsonl"])
    rec = json.loads(result.stdout)
    assert rec["published"] == "2026-03-03"
    assert [d["value"] for d in rec["dates"] if d["text"] == "Monday"] == ["2026-03-02"]
    plain = tmp_path / "plain.txt"
    plain.write_text("Minister Jana Novak said on Monday that the port will reopen.\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(plain), "--published", "2025-06-04", "-f", "jsonl"])
    assert json.loads(result.stdout)["published"] == "2025-06-04"   # no date of its own: the option fills in


def test_unresolved_relative_dates_are_a_warning(extract_text):
    rec = extract_text("Minister Jana Novak said on Monday that the port will reopen next week. "
                       "She spoke to reporters yesterday.")
    assert [d["value"] for d in rec["dates"]] == [None, None, None]
    assert any("3 of 3 dates left unresolved" in w and "--published" in w for w in rec["warnings"])
    anchored = extract_text("Minister Jana Novak said on Monday that the port will reopen next week.",
                            published="2026-01-07")
    assert not any("unresolved" in w for w in anchored["warnings"])


def test_unresolved_dates_of_undated_articles_are_one_note_not_a_warning_each(tmp_path):
    feed = tmp_path / "undated.jsonl"
    feed.write_text("".join(json.dumps({"id": str(n), "text": text}) + "\n" for n, text in enumerate([
        "Minister Jana Novak said on Monday that the port will reopen next week.",
        "The club sold its striker yesterday. The fee was not disclosed.",
        "Officials met on 5 March 2024 to sign the accord.",  # a full date: nothing to resolve
    ])), encoding="utf-8")
    quiet = runner.invoke(app, ["parse", str(feed), "-f", "jsonl"])
    assert quiet.exit_code == 0
    records = [json.loads(line) for line in quiet.stdout.splitlines()]
    assert sum(any("left unresolved" in w for w in r["warnings"]) for r in records) == 2  # kept in the record
    lines = [line for line in quiet.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("note: 2 articles without a publication date: 3 relative dates")
    loud = runner.invoke(app, ["parse", str(feed), "-f", "jsonl", "--verbose"])
    assert [line.startswith("warning: ") and "left unresolved" in line
            for line in loud.stderr.splitlines() if line.strip()] == [True, True]
    dated = runner.invoke(app, ["parse", str(feed), "-f", "jsonl", "--published", "2024-03-06"])
    assert "unresolved" not in dated.stderr


def test_other_warnings_still_reach_stderr_one_per_article(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(empty), "-f", "jsonl"])
    assert any(line.startswith("warning: ") and "empty article" in line for line in result.stderr.splitlines())
