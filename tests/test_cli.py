"""The command as a user runs it: inputs, formats, exit statuses, offsets."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app

from support import SEEDS, assert_offsets

runner = CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_seeds_jsonl_two_valid_records_with_exact_offsets(validator):
    result = runner.invoke(app, ["parse", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert [r["id"] for r in recs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for rec, path in zip(recs, sorted(SEEDS.glob("*.txt"))):
        assert list(validator.iter_errors(rec)) == []
        assert_offsets(rec, path.read_text(encoding="utf-8"))


def test_table_output_shows_people_and_commitments_sections():
    result = runner.invoke(app, ["parse", str(SEEDS), "--format", "table"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Nadia Burger" in out
    assert "Commitments" in out and "People" in out and "Places" in out and "Dates" in out


def test_json_format_is_one_array(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Angela Merkel visited Paris on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(f), str(f), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_jsonl_with_a_broken_line_gives_three_records_in_order(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "a", "text": "Angela Merkel met Emmanuel Macron in Berlin."}\n'
                 "{not json\n"
                 '{"id": "c", "text": "Joe Biden spoke in Washington."}\n', encoding="utf-8")
    result = runner.invoke(app, ["parse", str(f), "--format", "jsonl"])
    assert result.exit_code == 1
    recs = records(result.stdout)
    assert [r["id"] for r in recs] == ["a", "feed:2", "c"]
    assert "error" in recs[1] and "people" not in recs[1]
    assert recs[1]["source"].endswith("feed.jsonl:2")
    assert "error" not in recs[0] and "error" not in recs[2]


def test_missing_path_next_to_good_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Angela Merkel visited Paris.", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(good), str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    recs = records(result.stdout)
    assert recs[0]["id"] == "good" and "people" in recs[0]
    assert recs[1]["error"]["type"] == "not_found"
    err_lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(err_lines) == 1 and "missing.txt" in err_lines[0]
    assert "Traceback" not in result.stderr


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Paris is busy.", encoding="utf-8")
    (tmp_path / "a.md").write_text("London is busy.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Rome is busy.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [r["id"] for r in records(result.stdout)] == ["a", "two"]


def test_stdin_plain_text_and_jsonl():
    result = runner.invoke(app, ["parse", "-", "--format", "jsonl", "--published", "2026-01-05"],
                           input="Angela Merkel arrived in Paris.")
    assert result.exit_code == 0
    (rec,) = records(result.stdout)
    assert rec["source"] == "-" and rec["published"] == "2026-01-05"
    assert [p["name"] for p in rec["people"]] == ["Angela Merkel"]
    result = runner.invoke(app, ["parse", "-", "--format", "jsonl"],
                           input='{"id": "x", "text": "Paris."}\n{"id": "y", "text": "Rome."}\n')
    assert [r["id"] for r in records(result.stdout)] == ["x", "y"]


def test_published_in_jsonl_wins_over_option(tmp_path):
    f = tmp_path / "f.jsonl"
    f.write_text('{"text": "News.", "published": "2025-03-01"}\n{"text": "More news."}\n', encoding="utf-8")
    result = runner.invoke(app, ["parse", str(f), "--published", "2026-01-05", "-f", "jsonl"])
    assert [r["published"] for r in records(result.stdout)] == ["2025-03-01", "2026-01-05"]


def test_encodings_bom_and_latin1(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfAngela Merkel visited Paris.")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners in S\u00e3o Paulo met Fran\u00e7ois Hollande, the former "
                      "president, on Tuesday. \u00c9lise was there.".encode("cp1252"))
    result = runner.invoke(app, ["parse", str(bom), str(latin), "-f", "jsonl"])
    assert result.exit_code == 0
    r_bom, r_latin = records(result.stdout)
    assert r_bom["encoding"] == "utf-8-sig"
    assert r_bom["people"][0]["mentions"][0]["start"] == 0
    assert r_latin["encoding"] not in ("utf-8", "utf-8-sig")
    text = latin.read_bytes().decode(r_latin["encoding"])
    assert "François" in text
    assert_offsets(r_latin, text)


def test_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["parse", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(records(out.read_text(encoding="utf-8"))) == 2


@pytest.mark.parametrize("args", [["parse"], ["parse", "x.txt", "--format", "xml"],
                                  ["parse", "x.txt", "--published", "not a date"],
                                  ["parse", "x.txt", "--jobs", "-1"], ["parse", "x.txt", "--bogus"]])
def test_usage_errors_exit_2(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_schema_and_version():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"] == "newsextract/article/1"
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newsextract ")


def test_installed_command_runs_as_a_subprocess(validator):
    exe = shutil.which("newsextract", path=str(Path(sys.executable).parent)) or shutil.which("newsextract")
    assert exe, "the newsextract console script is not installed"
    proc = subprocess.run([exe, "parse", str(SEEDS), "--format", "jsonl"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    recs = records(proc.stdout)
    assert len(recs) == 2 and all(not list(validator.iter_errors(r)) for r in recs)
    proc = subprocess.run([sys.executable, "-m", "newsextract", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "newsextract" in proc.stdout
