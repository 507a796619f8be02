"""The library: ``published`` as str, date or datetime; bad values refused; bytes decoded as
the command line decodes them; a default ``published`` for ``extract_many``; ``dir()``."""
from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

TEXT = "Jane Holloway said on Monday that the council in Leeds would vote."


def _monday(record: dict) -> str:
    (monday,) = [d for d in record["dates"] if d["text"] == "Monday"]
    return monday["value"]


@pytest.mark.parametrize("published, written", [
    ("2025-03-05", "2025-03-05"),
    (datetime.date(2025, 3, 5), "2025-03-05"),
    (datetime.datetime(2025, 3, 5, 14, 30), "2025-03-05T14:30:00"),
])
def test_published_as_str_date_or_datetime(nlp, published, written):
    from newsextract import extract

    record = extract(TEXT, published=published, nlp=nlp).to_dict()
    assert record["published"] == written
    assert _monday(record) == "2025-03-03"  # the Monday before Wednesday 5 March 2025


@pytest.mark.parametrize("published", ["not a date", "yesterday", "3 days ago"])
def test_a_bad_or_relative_published_raises_value_error_naming_it(nlp, published):
    from newsextract import extract, extract_many

    with pytest.raises(ValueError, match=repr(published)):
        extract(TEXT, published=published, nlp=nlp)
    with pytest.raises(ValueError, match=repr(published)):
        list(extract_many([TEXT], published=published, nlp=nlp))


def test_a_published_of_another_type_raises_type_error(nlp):
    from newsextract import extract

    with pytest.raises(TypeError, match="published"):
        extract(TEXT, published=20250305, nlp=nlp)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_bytes_are_decoded_as_the_command_line_decodes_a_file(nlp, encoding):
    from newsextract import extract

    text = "José Mourinho met François Hollande in Paris."
    as_text = extract(text, nlp=nlp).to_dict()
    as_bytes = extract(text.encode(encoding), nlp=nlp).to_dict()
    assert as_bytes["encoding"] == encoding
    assert [p["name"] for p in as_bytes["people"]] == [p["name"] for p in as_text["people"]]
    assert {"José Mourinho", "François Hollande"} <= {p["name"] for p in as_bytes["people"]}


def test_binary_bytes_are_an_error_record(nlp):
    from newsextract import extract

    record = extract(b"\x00\x01\x02\x03 not text \x00\xff", nlp=nlp).to_dict()
    assert record["error"]["type"] == "binary"


def test_extract_many_published_is_the_default_for_items_without_one(nlp):
    from newsextract import extract_many

    items = [TEXT, {"text": TEXT, "published": "2024-01-03"}, TEXT.encode()]
    records = [a.to_dict() for a in extract_many(items, published=datetime.date(2025, 3, 5), nlp=nlp)]
    assert [r["published"] for r in records] == ["2025-03-05", "2024-01-03", "2025-03-05"]
    assert [_monday(r) for r in records] == ["2025-03-03", "2024-01-01", "2025-03-03"]


def test_dir_shows_the_api_without_importing_it():
    code = ("import sys, newsextract\nnames = dir(newsextract)\n"
            "print('extract' in names, 'extract_many' in names, 'load' in names, 'spacy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["True", "True", "True", "False"], proc.stderr
